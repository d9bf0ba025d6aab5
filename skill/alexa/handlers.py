"""Request handlers: one small class per intent, each translating to the engine and back."""

from __future__ import annotations

import logging
import re
import traceback
from dataclasses import replace
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import (
    AbstractExceptionHandler,
    AbstractRequestHandler,
    AbstractRequestInterceptor,
)
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type, get_slot, is_intent_name, is_request_type
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentRequest,
    CanFulfillIntentValues,
)
from ask_sdk_model.slu.entityresolution import StatusCode

from skill.alexa import constants as names
from skill.alexa.conversation import Conversation
from skill.alexa.heard import Heard
from skill.alexa.reminders import (
    REMINDER_HANDLERS,
    CancelReminderIntentHandler,
    ReminderStatusIntentHandler,
    RemindIntentHandler,
)
from skill.content.render import why_asked
from skill.content.ssml import to_ssml
from skill.triage import (
    Ask,
    CheckState,
    Reply,
    Tier,
    choose,
    go_back,
    questions_left,
    reply,
)
from skill.triage.correct import correct, previous_question
from skill.triage.engine import Answer, current_tier, present_signs

if TYPE_CHECKING:
    from skill.content.lexicon import Lexicon

logger = logging.getLogger(__name__)

# Spoken only if even the content layer fails inside the exception handler.
_LAST_RESORT = "Sorry, something went wrong. Please try again."


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).launch()


class _ReplyHandler(AbstractRequestHandler):
    """Yes, no and not sure all answer the pending question."""

    intent_name: str
    said: Reply

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.confirming and self.said is not Reply.NOT_SURE:
            return _settle(talk, kept=self.said is Reply.YES)
        if talk.offering_resume:
            if self.said is Reply.NOT_SURE:
                return talk.reask(talk.text("memory.offer_hint"))
            return talk.answer_offer(resume=self.said is Reply.YES)
        if talk.state is None or talk.restarted:
            # No check under way (a one-shot request, or state we could not read): start one
            # rather than apply the answer to a question the user never heard.
            return talk.launch()
        talk.ask_which(False)
        return talk.advance(reply(talk.rules, talk.state, self.said))


def _settle(talk: Conversation, *, kept: bool) -> Response:
    """The answer to a read-back: yes keeps the signs (already counted), no takes them back."""
    if kept or talk.before_confirming is None:
        return talk.advance(talk.check, talk.text("understanding.confirm_kept"))
    return talk.advance(talk.before_confirming, talk.text("understanding.confirm_dropped"))


class YesIntentHandler(_ReplyHandler):
    intent_name = names.YES
    said = Reply.YES


class NoIntentHandler(_ReplyHandler):
    intent_name = names.NO
    said = Reply.NO


class NotSureIntentHandler(_ReplyHandler):
    intent_name = names.NOT_SURE
    said = Reply.NOT_SURE


class _DetailHandler(AbstractRequestHandler):
    """An answer with words after it: "yes, my right arm feels weak", "no, my speech is fine".

    The answer goes to the pending question; any symptom in the words is read as well, so a
    sign mentioned along the way is never lost, and a denied one is never recorded.
    """

    intent_name: str
    said: Reply
    negating = False  # the words follow a "no" that negates them: "no tingling"

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard(handler_input, talk, negating=self.negating)
        if talk.confirming and not heard.read_anything:
            return _settle(talk, kept=self.said is Reply.YES)
        other_side = "no" if self.said is Reply.YES else "yes"
        if heard.nothing and other_side in (heard.opening, heard.closing):
            # "Yes, no", "no... yes": both answers and nothing else: ask which.
            return talk.reask(talk.text("understanding.yes_or_no"))
        if not heard.read_anything and not heard.hedged:
            # "nope, I'm literally spiralling, cancel this", "no, go back, I rushed that": a
            # request that outweighs the answer said with it.
            asked = _asked(talk, heard, only=_OVER_ANSWER)
            if asked is not None:
                return asked
        if self.said is Reply.YES and not heard.signs and _pending_id(talk) == _SCREEN:
            # "Yeah, go on" to the emergency question: the number as a precaution, and which.
            return AcknowledgeIntentHandler().handle(handler_input)
        return _take(talk, heard, self.said, negating=self.negating)


class YesDetailIntentHandler(_DetailHandler):
    intent_name = names.YES_DETAIL
    said = Reply.YES


class NoDetailIntentHandler(_DetailHandler):
    intent_name = names.NO_DETAIL
    said = Reply.NO


class DenySymptomIntentHandler(_DetailHandler):
    intent_name = names.DENY_SYMPTOM
    said = Reply.NO
    negating = True


class SignFineIntentHandler(AbstractRequestHandler):
    """"Swallowing? No, it's the same as ever", "my bladder and bowels are normal": every sign
    named before the "no" or the "fine" is denied; words that name none are asked again."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.SIGN_FINE)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        named = _heard(handler_input, talk, negating=False)
        _sign, words = _slot(handler_input, names.SYMPTOM_SLOT)
        _detail, rest_words = _slot(handler_input, names.DETAIL_SLOT)
        lexicon = _lexicon(talk)
        no_and_rest = f"{lexicon.lead('denied')} {rest_words}"
        if rest_words and lexicon.figure_opens(no_and_rest):
            # "my leg buckled for no reason and I couldn't lift it": the "no" is part of a
            # figure, no answer; the words are read as said.
            return _report(talk, _heard(handler_input, talk, negating=False, after=no_and_rest))
        if named.is_emergency(talk.rules) or (
                named.signs and len(words.split()) > _NAMED_SIGN_WORDS):
            # A story before the "fine" ("few hours back I suddenly could not walk straight,
            # then it became normal") is no list of signs to deny: it is read as said, with
            # the "fine" after it (which denies only what it follows), and an emergency in it
            # gets the number.
            return _report(talk, _heard(handler_input, talk, negating=False, tail="fine"))
        if not (named.signs or named.denied):
            if named.opening == "yes" or named.closing == "yes":
                return talk.reask(talk.text("understanding.yes_or_no"))  # "yes, no"
            # "I checked both arms and they look the same, so no": a no with its reason; what
            # follows is read after that "no" ("it's just a twitch, no weakness or anything":
            # denied; "can't say so, no, although my lass upstairs has a raging temperature
            # and ...": her emergency gets the number).
            rest = _heard(handler_input, talk, negating=True, slot=names.DETAIL_SLOT)
            return _take(talk, replace(named, signs=()).merge(rest), Reply.NO)
        heard = replace(named, signs=(), denied=tuple(dict.fromkeys((*named.denied,
                                                                     *named.signs))))
        # The words after the "no" follow it: "swallowing's fine, no choking" denies the
        # choking too; "... no, my arm is weak" is an answer, then a sign (a clause opener).
        rest = _heard(handler_input, talk, negating=True, slot=names.DETAIL_SLOT)
        return _take(talk, heard.merge(rest), Reply.NO, negating=True)


class NoButIntentHandler(AbstractRequestHandler):
    """"No, but my legs are twitching too": the no answers the question; what follows "but" is
    read as said (a sign there is read back before it counts). If what follows is the pending
    question's own sign, the "no" was not its answer, and only the read-back decides."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.NO_BUT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard(handler_input, talk, negating=False, lead="no_but")
        pending = _pending_id(talk)
        sign = talk.rules.questions[pending].sign if pending in talk.rules.questions else None
        said = None if sign is not None and sign in heard.signs else Reply.NO
        return _take(talk, heard, said)


class ReportSymptomIntentHandler(AbstractRequestHandler):
    """A symptom volunteered at any point ("I also have numbness in my arm")."""

    intent_name = names.REPORT_SYMPTOM
    sudden = False

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    lead = ""  # what the carrier phrase said before the slot (a lexicon lead): "past"

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        _sign, before = _slot(handler_input, names.DETAIL_SLOT)
        if before:  # "{detail} but {symptom}": read as said, across the "but"
            heard = _heard(handler_input, talk, negating=False, lead=self.lead, before=before)
        else:
            heard = _heard(handler_input, talk, negating=False, sudden=self.sudden,
                           lead=self.lead)
        return _report(talk, heard)


def _report(talk: Conversation, heard: Heard) -> Response:
    """Words told at any point: signs noted (read back when they raise the outcome), the past
    and "what if"s set aside, someone else's emergency given the number."""
    if not (heard.signs or heard.denied or heard.others or heard.aside or heard.hedged):
        # A request in words no sample holds; beside a lifestyle word ("wait, pause, my cat's
        # on the keyboard") only one that outweighs an answer, and never as the answer to the
        # lifestyle question.
        only = None if heard.nothing else (
            frozenset() if _pending_kind(talk) == "lifestyle" else _OVER_ANSWER)
        asked = _asked(talk, heard, only=only)
        if asked is not None:
            return asked
    if not heard.read_anything and not heard.hedged:
        if not talk.about_other and _lexicon(talk).for_someone_else(heard.raw):
            # "For my mother, her neck is twitching since Sunday": the check is for her.
            talk.check_for_other()
            return talk.reask(talk.text("understanding.asking_for"))
        if heard.over:
            # "A fever last week, but it's gone now": over, whatever it was.
            return _take(talk, replace(heard, aside=("over",)), None)
        if heard.says_no:
            return _take(talk, heard, Reply.NO)  # "I'm only thirty, so probably not"
        if not heard.symptomish or not _PLAIN.fullmatch(heard.raw):
            # "going to the shops later" is no symptom; nor is markup or stray symbols, which
            # are never named back.
            return _not_understood(talk)
        # Words about a symptom the skill cannot read as any sign: named back, never
        # self-care.
        heard = replace(heard, unrecognised=heard.raw or talk.text("something_else"))
    # At the resume offer too: the sign joins the unfinished check, which carries on. Words
    # that end on an answer ("..., so I'd say yes") answer the pending question.
    # So do words that start with one and say nothing more the skill can read ("no, it's
    # about the same, just annoying"): an answer with a reason.
    answers = {"yes": Reply.YES, "no": Reply.NO}
    said = answers.get(heard.closing or "")
    if said is None and not (heard.signs or heard.denied) and not heard.symptomish and not (
            heard.over and heard.opening == "yes"):
        # Factors and the past beside it do not unsay it ("nah, I'm just knackered"); an "I
        # did" about something long over is no yes now ("I did choke on a sweet back in 1987").
        said = answers.get(heard.opening or "")
    if said is None and heard.says_no and heard.nothing:
        said = Reply.NO
    return _take(talk, heard, said)


class SuddenSymptomIntentHandler(ReportSymptomIntentHandler):
    """A symptom told with when it started ("an hour ago my arm went weak"): BE-FAST counts
    weakness, numbness, speech and balance trouble that came on suddenly as an emergency."""

    intent_name = names.SUDDEN_SYMPTOM
    sudden = True


class PastSymptomIntentHandler(ReportSymptomIntentHandler):
    """"Years ago I had a fall": a past event is not a present sign."""

    intent_name = names.PAST_SYMPTOM
    lead = "past"


class EarlierSymptomIntentHandler(ReportSymptomIntentHandler):
    """"Last week I had a fever": read with the time it was said with; a sign still there is
    read back before it counts, one that has gone ("but it's gone now") is set aside."""

    intent_name = names.EARLIER_SYMPTOM
    lead = "earlier"


class OtherPersonIntentHandler(AbstractRequestHandler):
    """"I'm asking for my dad": the questions are about him. "His face has dropped": the number,
    for him, at once."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.OTHER_PERSON)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        person, person_words = _slot(handler_input, names.PERSON_SLOT)
        heard = _heard(handler_input, talk, negating=False, lead="other")
        if person is None and person_words:
            # Words past the person ("it's my housemate, she's wheezing and can't get a
            # sentence out"): their emergency gets the number before anything else.
            told = _heard(handler_input, talk, negating=False, lead="other",
                          slot=names.PERSON_SLOT)
            if told.is_their_emergency(talk.rules) or told.is_emergency(talk.rules):
                return _report(talk, heard.merge(told))
        if not heard.read_anything and (person is not None or person_words or not heard.raw):
            talk.check_for_other()
            if person == "child":  # the check is for adults (NG127): say so, and who to ask
                return _take(talk, Heard(signs=("under_16",)), None)
            return talk.reask(talk.text("understanding.asking_for"))
        if (person is not None and person != "child" and not talk.about_other
                and not heard.signs and not heard.is_their_emergency(talk.rules)):
            # "For my dad, his neck has been flickering on and off all week": the check is
            # for him, and what was said of him is his.
            talk.check_for_other()
        return _report(talk, heard)


class WhatIfIntentHandler(AbstractRequestHandler):
    """"What if I get weakness?": what to do if it happens, then the check goes on."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.WHAT_IF)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard(handler_input, talk, negating=False, lead="what_if")
        if heard.signs or heard.others or heard.denied or not heard.whatif:
            return _report(talk, heard)
        tier = talk.rules.tier_of(set(heard.whatif))
        key = {Tier.EMERGENCY: "what_if_emergency", Tier.URGENT: "what_if_urgent",
               Tier.SOON: "what_if_soon"}.get(tier, "what_if_other")
        return talk.reask(talk.text(f"understanding.{key}"), talk.text("back_to_check"))


class AcknowledgeIntentHandler(AbstractRequestHandler):
    """"Okay", "sure", "go ahead": heard, but not a yes to a warning sign. To the screen
    question: the number as a precaution and "which one is it?"; the check goes on unless one
    is confirmed."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.ACKNOWLEDGE)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.confirming:
            return _settle(talk, kept=True)
        if talk.offering_resume:
            return talk.answer_offer(resume=True)
        if talk.state is None or talk.restarted:
            return talk.launch()
        step = talk.step()
        if not isinstance(step, Ask):
            return talk.reask()
        if step.question.kind == "lifestyle":
            return talk.advance(reply(talk.rules, talk.state, Reply.YES))
        if step.question.id == _SCREEN:
            talk.ask_which(True)
            return talk.reask(talk.text("understanding.which_one"))
        return talk.reask(talk.text("understanding.yes_or_no"))


class CorrectionIntentHandler(AbstractRequestHandler):
    """"Actually yes to the swallowing one": the question it names; "I meant no": the last one
    answered."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.CORRECTION)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        answer, _words = _slot(handler_input, names.ANSWER_SLOT)
        question, named = _slot(handler_input, names.QUESTION_SLOT)
        if answer not in names.ANSWERS:
            return _not_understood(talk)
        if talk.confirming and question is None and not named:
            return _settle(talk, kept=answer == "yes")  # "I meant yes" to a read-back
        if talk.offering_resume or talk.state is None:
            return talk.reask()
        if named and (question not in names.CORRECTABLE or question not in talk.rules.questions):
            return _not_understood(talk)
        target = question or previous_question(talk.state)
        if target is None:
            return talk.reask(talk.text("understanding.nothing_to_correct"))
        state = correct(talk.rules, talk.state, target, said_yes=answer == "yes")
        if current_tier(talk.rules, state) == Tier.EMERGENCY:
            return talk.emergency(*sorted(present_signs(talk.rules, state)))
        return talk.advance(state, talk.text(f"understanding.corrected_{answer}"))


class SkipIntentHandler(AbstractRequestHandler):
    """"Skip this one": counted as not sure, and said so; never a question about help now."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.SKIP)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume or talk.state is None:
            return talk.reask()
        step = talk.step()
        if not isinstance(step, Ask):
            return talk.reask()
        question = step.question
        if question.kind == "lifestyle":
            return talk.advance(reply(talk.rules, replace(talk.state, explained=question.id),
                                      Reply.NO))
        if question.sign is not None and talk.rules.signs[question.sign].tier == Tier.EMERGENCY:
            return talk.reask(talk.text("understanding.no_skip"), talk.text("fallback_now"))
        answers = {**talk.state.answers, question.id: Answer.UNSURE}
        return talk.advance(replace(talk.state, answers=answers, explained=None),
                            talk.text("understanding.skipped"))


class PauseIntentHandler(AbstractRequestHandler):
    """"Hold on, someone's at the door": take your time, the question kept. Words that name a
    symptom ("hang on, my arm just went numb") are read as any other."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.PAUSE)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard(handler_input, talk, negating=False)
        if heard.read_anything or heard.symptomish:
            return _report(talk, heard)
        return talk.reask(talk.text("understanding.pause"))


class FearIntentHandler(AbstractRequestHandler):
    """"Can I die from this?", "should I stop my medication?", "I've seen a neurologist":
    an honest answer, never a diagnosis, then the check goes on."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.FEAR)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        fear, _words = _slot(handler_input, names.FEAR_SLOT)
        if fear not in names.FEARS:
            return _not_understood(talk)
        return talk.reask(talk.text(f"fears.{fear}"), talk.text("back_to_check"))


class SlowerIntentHandler(AbstractRequestHandler):
    """"Could you speak slower?": the question again, and everything after it, more slowly."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.SLOWER)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        talk.speak_slowly()
        return talk.reask(talk.text("understanding.slower"))


class EmergencyIntentHandler(AbstractRequestHandler):
    """"I think I'm having a stroke", "call an ambulance", "I can't breathe": the number, now."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.EMERGENCY)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).emergency()


class LifestyleIntentHandler(AbstractRequestHandler):
    """"Stress and too much coffee": answers the lifestyle question, or is noted for the tips."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.LIFESTYLE)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard_factors(handler_input, talk)
        if not heard.read_anything and not heard.hedged:
            return _not_understood(talk)
        # "Nah, nothing like that, I'm just knackered": the answer the words open with answers
        # a red-flag question; the factors are noted for the tips.
        said = {"yes": Reply.YES, "no": Reply.NO}.get(heard.opening or "") if (
            _pending_id(talk) not in (None, "lifestyle")) else None
        return _take(talk, heard, said)


class HelpIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.HELP)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume:
            # What the skill is, then what to say to the offer.
            return talk.reask(talk.text("help.intro"), talk.text("memory.offer_hint"))
        step = talk.step()
        explain = (talk.text(f"questions.{step.question.id}.explain"),) if isinstance(
            step, Ask) else ()
        return talk.reask(talk.text("help.intro"), *explain, talk.text("answer_hint"),
                          talk.text("help.commands"))


class RepeatIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.REPEAT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).reask()


class StartOverIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.START_OVER)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        talk.restarted = False
        return talk.advance(CheckState(), talk.text("launch.start_over"))


class GoBackIntentHandler(AbstractRequestHandler):
    """"Go back", "change my last answer": the previous question again."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.GO_BACK)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume or talk.state is None:
            return talk.reask()
        previous = go_back(talk.rules, talk.state)
        if previous is None:
            return talk.reask(talk.text("navigation.at_start"))
        return talk.advance(previous, talk.text("navigation.went_back"))


class ProgressIntentHandler(AbstractRequestHandler):
    """"How many more questions?"""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.PROGRESS)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume:
            return talk.reask(talk.text("memory.offer_hint"))
        left = questions_left(talk.rules, talk.check)
        said = (talk.text("navigation.last_one") if left <= 1
                else talk.text("navigation.left", n=str(left)))
        return talk.reask(said)


class _GoodbyeHandler(AbstractRequestHandler):
    intent_name: str

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).goodbye()


class StopIntentHandler(_GoodbyeHandler):
    intent_name = names.STOP


class CancelIntentHandler(_GoodbyeHandler):
    intent_name = names.CANCEL


class NavigateHomeIntentHandler(_GoodbyeHandler):
    intent_name = names.NAVIGATE_HOME


class WhyAskIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.WHY_ASK)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        step = talk.step()
        if talk.offering_resume or not isinstance(step, Ask):
            return talk.reask(talk.text("help.intro"))
        return talk.reask(why_asked(talk.content, step))


class _SayThenGoOnHandler(AbstractRequestHandler):
    """Answer a question about twitching, then go on with the check."""

    intent_name: str
    keys: tuple[str, ...]

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        _sign, words = _slot(handler_input, names.SYMPTOM_SLOT)
        if words:
            # "What's making my chest so tight right now?": a question about the person's own
            # body (their own words) or someone else's, that tells an emergency, gets the
            # number first; "what causes chest pain?" is a question, answered.
            heard = _heard(handler_input, talk, negating=False)
            if talk.about_other:
                heard = heard.about_them()
            own = set(words.lower().replace("'", "").split()) & _lexicon(talk).words.first_person
            if own and heard.is_emergency(talk.rules):
                return talk.emergency(*heard.signs)
            if heard.is_their_emergency(talk.rules):
                return talk.emergency(*heard.others, other=True)
        return talk.reask(*(talk.text(key) for key in self.keys), talk.text("back_to_check"))


class LearnIntentHandler(AbstractRequestHandler):
    """"What is a fasciculation?", "is it a spasm?"; then the check goes on."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.LEARN)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        topic, words = _slot(handler_input, names.TOPIC_SLOT)
        if words and topic is None:
            return _not_understood(talk)  # "what's {words}" about nothing it can explain
        if topic not in names.LEARN_TOPICS:
            topic = names.DEFAULT_TOPIC
        return talk.reask(talk.text(f"learn.{topic}"), talk.text("back_to_check"))


class CausesIntentHandler(_SayThenGoOnHandler):
    """"What causes it?": the causes, not the definition."""

    intent_name = names.CAUSES
    keys = ("learn.causes",)


class SeriousIntentHandler(_SayThenGoOnHandler):
    """"Is it ALS?", "is this serious?": honest, never "most are harmless", never a diagnosis."""

    intent_name = names.SERIOUS
    keys = ("learn.serious", "learn.serious_now")


class SourcesIntentHandler(_SayThenGoOnHandler):
    """"Where does this advice come from?"""

    intent_name = names.SOURCES
    keys = ("learn.sources",)


class DeleteDataIntentHandler(AbstractRequestHandler):
    """"Delete my data": forget the unfinished check and the first check's date."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.DELETE_DATA)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        try:
            deleted = talk.forget()
        except PersistenceException as exc:
            logger.error("could not delete memory: %s", type(exc).__name__)
            return talk.end(talk.text("memory.delete_failed"))
        return talk.end(talk.text("memory.deleted" if deleted else "memory.nothing_stored"))


_SCREEN = "screen"  # the first question: anything that needs help now
# Signs that are times: "no, over a few months" answers the question it follows (a time is
# no other sign denied).
_TIMES = frozenset({"duration"})
# At most this many words name the signs a "... is fine" denies ("my left arm and hand").
_NAMED_SIGN_WORDS = 5

# Words plain enough to name back to the person as they said them.
_PLAIN = re.compile(r"[^\W_][\w\s',.?!-]*")


def _take(talk: Conversation, heard: Heard, said: Reply | None, *,
          negating: bool = False) -> Response:
    """Apply what was heard, and the answer said with it if any, then speak the next step.

    A hedge ("not sure", "sometimes") answers the pending question "not sure"; lifestyle
    factors answer the lifestyle question; any other sign heard is noted, never lost. A sign
    read from a free sentence that raises the outcome is read back first ("Just to check, I
    heard ... Is that right?"); an emergency never waits for that: the number comes first.
    """
    rules = talk.rules
    if talk.about_other:
        heard = heard.about_them()
    if heard.is_emergency(rules):
        return talk.emergency(*heard.signs)
    if heard.is_their_emergency(rules):
        return talk.emergency(*heard.others, other=True)
    if talk.offering_resume and not heard.signs:
        if said is None or heard.hedged:
            return talk.reask(talk.text("memory.offer_hint"))
        return talk.answer_offer(resume=said is Reply.YES)
    if talk.state is None or talk.restarted:
        return talk.launch(*heard.noted(talk), start=heard.apply(rules, CheckState()))
    step = talk.step()
    pending = step.question if isinstance(step, Ask) and not talk.offering_resume else None
    state = talk.state
    answered_yes = False
    if pending is not None and pending.kind == "lifestyle" and heard.factors:
        state = choose(rules, state, heard.factors)
    elif pending is not None and heard.hedged and pending.sign not in heard.denied and (
            pending.sign in heard.signs or not heard.signs):
        # A hedge about the pending question; "I guess my arm is weak" hedges nothing pending.
        state = reply(rules, state, Reply.NOT_SURE)
        heard = replace(heard, signs=tuple(s for s in heard.signs if s != pending.sign))
    elif pending is not None and said is None and heard.denied and not heard.signs and (
            pending.sign in heard.denied or (pending.id == _SCREEN and any(
                rules.signs[d].tier == Tier.EMERGENCY for d in heard.denied))):
        # "my walking's the same as ever": every sign named is denied, the pending one among
        # them (or, to the first question, one of the emergencies it lists): a no.
        state = reply(rules, state, Reply.NO)
    elif pending is not None and said is not None and (
            not negating or pending.sign in heard.denied
            or not (set(heard.denied) - _TIMES or heard.signs)):
        # "No tingling" to a question about swallowing answers nothing: it is noted only.
        state = reply(rules, state, said)
        answered_yes = said is Reply.YES
    if heard.worded and (heard.denied or (heard.symptomish and heard.nothing)):
        talk.mark_unread()  # a sentence with symptom words in it, denied or not read
    aside: list[str] = []
    if heard.others and not talk.about_other:
        aside.append(talk.text("understanding.not_you"))
    if heard.aside and not heard.signs and not heard.others:
        aside.append(talk.text("understanding.in_the_past"))
    present = present_signs(rules, state)
    new = tuple(s for s in heard.signs if s not in present and not (
        answered_yes and pending is not None and s == pending.sign))
    if heard.worded and new:
        base = replace(heard, signs=()).apply(rules, state)
        if rules.tier_of(present_signs(rules, base) | set(new)) > current_tier(rules, base):
            return talk.read_back(base, new, *aside, *replace(heard, signs=()).noted(talk))
    noted = replace(heard, signs=tuple(
        s for s in heard.signs if pending is None or s != pending.sign)).noted(talk)
    noted = (*noted, *(talk.text(f"fears.{names.SIGN_FEARS[s]}") for s in heard.signs
                       if s in names.SIGN_FEARS and s not in present))
    factors_only = heard.factors and not heard.signs and (
        pending is None or pending.kind != "lifestyle")
    if factors_only:
        noted = (*noted, talk.text("noted_factor"))
    return talk.advance(heard.apply(rules, state), *aside, *noted)


# Requests that outweigh a yes or no said with them; a question ("yes, why do you ask?") keeps
# the answer and is asked again by the person if they want it.
_OVER_ANSWER = frozenset({"stop", "back", "start_over"})
_ASKED = "request_read"  # request attribute: a request was read from this request's words


def _asked(talk: Conversation, heard: Heard,
           only: frozenset[str] | None = None) -> Response | None:
    """A request made in words no sample holds ("sorry love, say that again, the telly was
    on"), read by the lexicon from words that name nothing else: handled as if its intent
    had been matched. None when the words make no request (or none of `only`)."""
    done = talk.handler_input.attributes_manager.request_attributes
    if not heard.raw or done.get(_ASKED):
        return None  # once per request: the request's handler may read the same words again
    asked = _lexicon(talk).request(heard.raw)
    if asked is None or (only is not None and asked not in only):
        return None
    done[_ASKED] = asked
    return _REQUESTED[asked]().handle(talk.handler_input)


def _not_understood(talk: Conversation) -> Response:
    """Fallback gets better, not louder: re-ask with the hint; then the choices in other words;
    then end with the advice the answers so far call for. On a question about a sign that
    needs help now, every miss says when to call the number; three misses at the first
    question end with what to watch for, never without advice."""
    misses = talk.missed()
    talk.mark_unread()
    if talk.offering_resume:
        return talk.reask(talk.text("fallback"), talk.text("memory.offer_hint"))
    step = talk.step()
    now: tuple[str, ...] = ()
    if isinstance(step, Ask) and step.question.sign is not None and (
            talk.rules.signs[step.question.sign].tier == Tier.EMERGENCY):
        now = (talk.text("fallback_now"),)
    if misses >= 3:
        if isinstance(step, Ask) and step.question.id == _SCREEN and not talk.check.answers:
            return talk.end(talk.text("understanding.give_up_screen"))
        return talk.give_up(*now)
    if misses == 2:
        lifestyle = isinstance(step, Ask) and step.question.kind == "lifestyle"
        other_words = "fallback_choices_lifestyle" if lifestyle else "fallback_choices"
        return talk.reask(talk.text("fallback_again"), *now, talk.text(other_words))
    hint = () if isinstance(step, Ask) and step.question.kind == "lifestyle" else (
        talk.text("answer_hint"),)
    return talk.reask(talk.text("fallback"), *now, *hint)


class ScreenTapHandler(AbstractRequestHandler):
    """A touch on a screen (an APL UserEvent) is taken exactly as the same words said aloud.

    Its arguments are [action, question id, value] (see skill.alexa.constants); the ticked
    lifestyle factors come in its components. Anything else, or a touch on a question that is
    no longer pending (an old screen), is not taken: the pending question is asked again.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type(names.USER_EVENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        request = handler_input.request_envelope.request
        tap = _tap(getattr(request, "arguments", None))
        if tap is None or tap[1] != _pending(talk):
            return talk.reask(talk.text("fallback"))
        action, _question, value = tap
        handler: _ReplyHandler | WhyAskIntentHandler | GoBackIntentHandler | None = None
        if action == names.TAP_ANSWER:
            handler = {"yes": YesIntentHandler(), "no": NoIntentHandler(),
                       "not_sure": NotSureIntentHandler()}.get(value)
        elif action == names.TAP_WHY and not value:
            handler = WhyAskIntentHandler()
        elif action == names.TAP_BACK and not value:
            handler = GoBackIntentHandler()
        elif action == names.TAP_LIFESTYLE and not value and _pending_kind(talk) == "lifestyle":
            factors = _ticked(getattr(request, "components", None), talk)
            if factors == ():
                handler = NoIntentHandler()  # Done with nothing ticked: none of these
            elif factors is not None:
                # As LifestyleIntent with these factors named.
                return _take(talk, Heard(factors=factors), None)
        if handler is None:
            return talk.reask(talk.text("fallback"))
        return handler.handle(handler_input)


def _tap(arguments: object) -> tuple[str, str, str] | None:
    """[action, question id, value] from a UserEvent's arguments, or None if malformed."""
    if not isinstance(arguments, list) or len(arguments) != 3:
        return None
    if not all(isinstance(argument, str) and len(argument) <= 64 for argument in arguments):
        return None
    action, question, value = arguments
    return (action, question, value) if action in names.TAP_ACTIONS else None


def _pending_id(talk: Conversation) -> str | None:
    """The pending question of the check, if any (not the offer to resume)."""
    if talk.offering_resume or talk.state is None:
        return None
    step = talk.step()
    return step.question.id if isinstance(step, Ask) else None


def _pending(talk: Conversation) -> str | None:
    """The id of the question a touch may answer now: the offer to resume, or the check's."""
    if talk.offering_resume:
        return names.RESUME
    step = talk.step()
    return step.question.id if isinstance(step, Ask) else None


def _pending_kind(talk: Conversation) -> str | None:
    """The kind of the pending question of the check ("lifestyle", ...), if one is pending."""
    step = talk.step()
    return step.question.kind if isinstance(step, Ask) and not talk.offering_resume else None


def _ticked(components: object, talk: Conversation) -> tuple[str, ...] | None:
    """The lifestyle factors ticked on the screen (component id -> checked), or None if the
    components are not the factors' touch targets."""
    if components is None:
        return ()
    if not isinstance(components, dict):
        return None
    ticked: list[str] = []
    for component, checked in components.items():
        if not (isinstance(component, str) and component.startswith(names.FACTOR_TOGGLE)
                and isinstance(checked, bool)):
            return None
        factor = component[len(names.FACTOR_TOGGLE):]
        if factor not in talk.rules.factor_tips:
            return None
        if checked:
            ticked.append(factor)
    return tuple(ticked)


class FallbackIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.FALLBACK)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return _not_understood(Conversation(handler_input))


class SessionEndedRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        # Alexa ignores any speech here; the reason is logged without user data.
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        logger.info("session ended: %s", getattr(reason, "value", reason))
        return handler_input.response_builder.response


class SkillDisabledHandler(AbstractRequestHandler):
    """The user disabled the skill: everything stored for the account is deleted."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("AlexaSkillEvent.SkillDisabled")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.memory import Memory
        from skill.triage import default_rules

        memory = Memory(handler_input, default_rules())
        if memory.enabled:
            try:
                memory.forget_account()
            except PersistenceException as exc:
                logger.error("could not delete memory of a disabled skill: %s",
                             type(exc).__name__)
        return handler_input.response_builder.response


class UnknownIntentHandler(AbstractRequestHandler):
    """An intent this skill does not model (a stale model, a test tool): treat as fallback."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return isinstance(handler_input.request_envelope.request, IntentRequest)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if not talk.in_session:
            return handler_input.response_builder.response
        return _not_understood(talk)


class OtherRequestHandler(AbstractRequestHandler):
    """Every other request type (AudioPlayer, PlaybackController, System, CanFulfill, ...)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        builder = handler_input.response_builder
        if isinstance(handler_input.request_envelope.request, CanFulfillIntentRequest):
            builder.set_can_fulfill_intent(CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO))
        return builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Apologise and re-ask the pending question; the answers so far are kept."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        # Frames only: an exception's message could quote what the user said.
        logger.error("%s while handling %s\n%s", type(exception).__name__,
                     _request_type(handler_input),
                     "".join(traceback.format_tb(exception.__traceback__)))
        builder = handler_input.response_builder
        if handler_input.request_envelope.session is None:
            return builder.response
        try:
            talk = Conversation(handler_input)
            return talk.reask(talk.text("error"))
        except Exception as again:  # the handler of last resort must not fail itself
            logger.error("exception handler failed: %s\n%s", type(again).__name__,
                         "".join(traceback.format_tb(again.__traceback__)))
            builder.speak(to_ssml(_LAST_RESORT)).ask(to_ssml(_LAST_RESORT))
            return builder.response


class LogRequestInterceptor(AbstractRequestInterceptor):
    """Logs the request type only: never bodies, ids, slot values or intent names (an intent
    name is an answer: "AMAZON.YesIntent" to "any weakness?"), at any level."""

    def process(self, handler_input: HandlerInput) -> None:
        logger.info("request %s", _request_type(handler_input))


def _request_type(handler_input: HandlerInput) -> str:
    """The request's type ("IntentRequest"), never which intent."""
    try:
        return str(get_request_type(handler_input))
    except (AttributeError, TypeError):
        return "unknown"


def _slot(handler_input: HandlerInput, slot_name: str) -> tuple[str | None, str]:
    """A slot's resolved id (None unless `ER_SUCCESS_MATCH`) and the words Alexa heard."""
    slot = get_slot(handler_input, slot_name)
    raw = getattr(slot, "value", None)
    words = raw.strip() if isinstance(raw, str) else ""
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        status = getattr(getattr(authority, "status", None), "code", None)
        if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
            return str(authority.values[0].value.id), words
    return None, words


def _lexicon(talk: Conversation) -> Lexicon:
    from skill.content.lexicon import lexicon_for  # loaded per locale, when first needed

    return lexicon_for(talk.content.locale)


def _heard(handler_input: HandlerInput, talk: Conversation, *, negating: bool,
           sudden: bool = False, lead: str = "", before: str = "",
           slot: str = names.SYMPTOM_SLOT, tail: str = "", after: str = "") -> Heard:
    """What the symptom slot says: its resolved value, else its words read by the lexicon.

    After a negating carrier ("no tingling", "I have no trouble swallowing") a resolved value
    is denied, and the words are read as following a "no", so negation has its usual reach.
    `lead` and `tail` name what the carrier said around the slot (the lexicon's `leads`:
    "past" is "years ago" in English, "hace años" in Spanish); `before` is a detail slot's
    words, said before a "but".
    """
    from skill.content.lexicon import SUDDEN_FORMS

    sign, words = _slot(handler_input, slot)
    if (sign is not None and sign in talk.rules.signs and not lead and not before
            and not tail and not after):
        if negating:
            return Heard(denied=(sign,), raw=words)
        return Heard(signs=(SUDDEN_FORMS.get(sign, sign) if sudden else sign,), raw=words)
    if not words:
        return Heard()
    # The carrier's own meaning goes before the slot's words, in the locale's language, so the
    # reading sees what was said around them: "no <words>" (a denial), "suddenly <words>",
    # "years ago <words>", "he <words>"; in Spanish "de repente <words>", "hace años <words>".
    lexicon = _lexicon(talk)  # only when Alexa matched no value
    lead = "denied" if negating else "sudden" if sudden else lead
    said = (lexicon.lead(lead) if lead else "", before, lexicon.lead("but") if before else "",
            words, lexicon.lead(tail) if tail else "", after)
    text = " ".join(w for w in said if w)
    return Heard.read(lexicon.read(text), words, hedged=lexicon.hedged(text),
                      symptomish=lexicon.sounds_like_symptom(words),
                      says_no=lexicon.says_no(words), worded=True, over=lexicon.over(text),
                      closing=lexicon.closing(words), opening=lexicon.opening(text))


def _heard_factors(handler_input: HandlerInput, talk: Conversation) -> Heard:
    """Lifestyle factors from up to three slots; unresolved words go through the lexicon, which
    may find a symptom in them too ("stress, and my arm feels weak")."""
    factors: list[str] = []
    heard = Heard()
    for slot_name in names.FACTOR_SLOTS:
        factor, words = _slot(handler_input, slot_name)
        if factor == names.ALL_FACTORS:
            factors.extend(sorted(talk.rules.factor_tips))
        elif factor is not None:
            factors.append(factor)
        elif words:
            lexicon = _lexicon(talk)
            heard = heard.merge(Heard.read(lexicon.read(words), words,
                                           hedged=lexicon.hedged(words),
                                           opening=lexicon.opening(words)))
    return heard.merge(Heard(factors=tuple(factors)))


# The handler of each request the lexicon reads (skill.content.lexicon.REQUESTS).
_REQUESTED: dict[str, type[AbstractRequestHandler]] = {
    "stop": StopIntentHandler, "back": GoBackIntentHandler,
    "start_over": StartOverIntentHandler, "repeat": RepeatIntentHandler,
    "pause": PauseIntentHandler, "skip": SkipIntentHandler, "why": WhyAskIntentHandler,
    "help": HelpIntentHandler, "progress": ProgressIntentHandler,
    "sources": SourcesIntentHandler, "learn": LearnIntentHandler,
    "causes": CausesIntentHandler, "serious": SeriousIntentHandler,
}

REQUEST_HANDLERS: tuple[type[AbstractRequestHandler], ...] = (
    LaunchRequestHandler,
    *REMINDER_HANDLERS,  # first: the answer to a reminder offer (skill.alexa.reminders)
    EmergencyIntentHandler,
    YesIntentHandler,
    NoIntentHandler,
    NotSureIntentHandler,
    YesDetailIntentHandler,
    NoDetailIntentHandler,
    DenySymptomIntentHandler,
    SignFineIntentHandler,
    NoButIntentHandler,
    ReportSymptomIntentHandler,
    SuddenSymptomIntentHandler,
    PastSymptomIntentHandler,
    EarlierSymptomIntentHandler,
    OtherPersonIntentHandler,
    WhatIfIntentHandler,
    AcknowledgeIntentHandler,
    CorrectionIntentHandler,
    SkipIntentHandler,
    PauseIntentHandler,
    SlowerIntentHandler,
    FearIntentHandler,
    LifestyleIntentHandler,
    HelpIntentHandler,
    RepeatIntentHandler,
    StartOverIntentHandler,
    GoBackIntentHandler,
    ProgressIntentHandler,
    StopIntentHandler,
    CancelIntentHandler,
    NavigateHomeIntentHandler,
    WhyAskIntentHandler,
    LearnIntentHandler,
    CausesIntentHandler,
    SeriousIntentHandler,
    SourcesIntentHandler,
    DeleteDataIntentHandler,
    FallbackIntentHandler,
    ScreenTapHandler,
    SessionEndedRequestHandler,
    SkillDisabledHandler,
    UnknownIntentHandler,  # after every modelled intent
    OtherRequestHandler,  # last: anything else
)

# Which intent each intent handler serves, checked against interaction_model/ by a test.
INTENT_HANDLERS: dict[str, type[AbstractRequestHandler]] = {
    names.YES: YesIntentHandler,
    names.NO: NoIntentHandler,
    names.NOT_SURE: NotSureIntentHandler,
    names.YES_DETAIL: YesDetailIntentHandler,
    names.NO_DETAIL: NoDetailIntentHandler,
    names.DENY_SYMPTOM: DenySymptomIntentHandler,
    names.REPORT_SYMPTOM: ReportSymptomIntentHandler,
    names.SUDDEN_SYMPTOM: SuddenSymptomIntentHandler,
    names.SIGN_FINE: SignFineIntentHandler,
    names.NO_BUT: NoButIntentHandler,
    names.PAST_SYMPTOM: PastSymptomIntentHandler,
    names.EARLIER_SYMPTOM: EarlierSymptomIntentHandler,
    names.OTHER_PERSON: OtherPersonIntentHandler,
    names.WHAT_IF: WhatIfIntentHandler,
    names.ACKNOWLEDGE: AcknowledgeIntentHandler,
    names.CORRECTION: CorrectionIntentHandler,
    names.SKIP: SkipIntentHandler,
    names.PAUSE: PauseIntentHandler,
    names.SLOWER: SlowerIntentHandler,
    names.FEAR: FearIntentHandler,
    names.EMERGENCY: EmergencyIntentHandler,
    names.LIFESTYLE: LifestyleIntentHandler,
    names.HELP: HelpIntentHandler,
    names.REPEAT: RepeatIntentHandler,
    names.START_OVER: StartOverIntentHandler,
    names.GO_BACK: GoBackIntentHandler,
    names.PROGRESS: ProgressIntentHandler,
    names.STOP: StopIntentHandler,
    names.CANCEL: CancelIntentHandler,
    names.NAVIGATE_HOME: NavigateHomeIntentHandler,
    names.WHY_ASK: WhyAskIntentHandler,
    names.LEARN: LearnIntentHandler,
    names.CAUSES: CausesIntentHandler,
    names.SERIOUS: SeriousIntentHandler,
    names.SOURCES: SourcesIntentHandler,
    names.DELETE_DATA: DeleteDataIntentHandler,
    names.FALLBACK: FallbackIntentHandler,
    names.REMIND: RemindIntentHandler,
    names.REMIND_WEEK: RemindIntentHandler,
    names.CANCEL_REMINDER: CancelReminderIntentHandler,
    names.REMINDER_STATUS: ReminderStatusIntentHandler,
}
