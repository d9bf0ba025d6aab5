"""Request handlers: one small class per intent, each translating to the engine and back."""

from __future__ import annotations

import logging
import traceback
from dataclasses import replace

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
        if talk.offering_resume:
            if self.said is Reply.NOT_SURE:
                return talk.reask(talk.text("memory.offer_hint"))
            return talk.answer_offer(resume=self.said is Reply.YES)
        if talk.state is None or talk.restarted:
            # No check under way (a one-shot request, or state we could not read): start one
            # rather than apply the answer to a question the user never heard.
            return talk.launch()
        return talk.advance(reply(talk.rules, talk.state, self.said))


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


class ReportSymptomIntentHandler(AbstractRequestHandler):
    """A symptom volunteered at any point ("I also have numbness in my arm")."""

    intent_name = names.REPORT_SYMPTOM
    sudden = False

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        heard = _heard(handler_input, talk, negating=False, sudden=self.sudden)
        if heard.nothing and not heard.hedged and heard.says_no:
            return _take(talk, heard, Reply.NO)  # "I'm only thirty, so probably not"
        if heard.nothing and not heard.hedged:
            if not heard.symptomish:
                return _not_understood(talk)  # "going to the shops later" is no symptom
            # Words about a symptom the skill cannot read as any sign: named back, never
            # self-care.
            heard = Heard(unrecognised=heard.raw or talk.text("something_else"))
        # At the resume offer too: the sign joins the unfinished check, which carries on.
        return _take(talk, heard, None)


class SuddenSymptomIntentHandler(ReportSymptomIntentHandler):
    """A symptom told with when it started ("an hour ago my arm went weak"): BE-FAST counts
    weakness, numbness, speech and balance trouble that came on suddenly as an emergency."""

    intent_name = names.SUDDEN_SYMPTOM
    sudden = True


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
        if heard.nothing and not heard.hedged:
            return _not_understood(talk)
        return _take(talk, heard, None)


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


def _take(talk: Conversation, heard: Heard, said: Reply | None, *,
          negating: bool = False) -> Response:
    """Apply what was heard, and the answer said with it if any, then speak the next step.

    A hedge ("not sure", "sometimes") answers the pending question "not sure"; lifestyle
    factors answer the lifestyle question; any other sign heard is noted, never lost.
    """
    rules = talk.rules
    if heard.is_emergency(rules):
        return talk.emergency(*heard.signs)
    if talk.offering_resume and not heard.signs:
        if said is None or heard.hedged:
            return talk.reask(talk.text("memory.offer_hint"))
        return talk.answer_offer(resume=said is Reply.YES)
    if talk.state is None or talk.restarted:
        return talk.launch(*heard.noted(talk), start=heard.apply(rules, CheckState()))
    step = talk.step()
    pending = step.question if isinstance(step, Ask) and not talk.offering_resume else None
    state = talk.state
    if pending is not None and pending.kind == "lifestyle" and heard.factors:
        state = choose(rules, state, heard.factors)
    elif pending is not None and heard.hedged and pending.sign not in heard.denied and (
            pending.sign in heard.signs or not heard.signs):
        # A hedge about the pending question; "I guess my arm is weak" hedges nothing pending.
        state = reply(rules, state, Reply.NOT_SURE)
        heard = replace(heard, signs=tuple(s for s in heard.signs if s != pending.sign))
    elif pending is not None and said is not None and (
            not negating or pending.sign in heard.denied or not (heard.denied or heard.signs)):
        # "No tingling" to a question about swallowing answers nothing: it is noted only.
        state = reply(rules, state, said)
    noted = replace(heard, signs=tuple(
        s for s in heard.signs if pending is None or s != pending.sign)).noted(talk)
    factors_only = heard.factors and not heard.signs and (
        pending is None or pending.kind != "lifestyle")
    if factors_only:
        noted = (*noted, talk.text("noted_factor"))
    return talk.advance(heard.apply(rules, state), *noted)


def _not_understood(talk: Conversation) -> Response:
    """Fallback gets better, not louder: re-ask with the hint; then the choices in other words;
    then end with the advice the answers so far call for. On a question about a sign that
    needs help now, every miss says when to call the number."""
    misses = talk.missed()
    if talk.offering_resume:
        return talk.reask(talk.text("fallback"), talk.text("memory.offer_hint"))
    step = talk.step()
    now: tuple[str, ...] = ()
    if isinstance(step, Ask) and step.question.sign is not None and (
            talk.rules.signs[step.question.sign].tier == Tier.EMERGENCY):
        now = (talk.text("fallback_now"),)
    if misses >= 3:
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


def _heard(handler_input: HandlerInput, talk: Conversation, *, negating: bool,
           sudden: bool = False) -> Heard:
    """What the symptom slot says: its resolved value, else its words read by the lexicon.

    After a negating carrier ("no tingling", "I have no trouble swallowing") a resolved value
    is denied, and the words are read as following a "no", so negation has its usual reach.
    """
    from skill.content.lexicon import SUDDEN_FORMS

    sign, words = _slot(handler_input, names.SYMPTOM_SLOT)
    if sign is not None and sign in talk.rules.signs:
        if negating:
            return Heard(denied=(sign,), raw=words)
        return Heard(signs=(SUDDEN_FORMS.get(sign, sign) if sudden else sign,), raw=words)
    if not words:
        return Heard()
    from skill.content.lexicon import lexicon_for  # only when Alexa matched no value

    text = f"no {words}" if negating else f"suddenly {words}" if sudden else words
    lexicon = lexicon_for(talk.content.locale)
    return Heard.read(lexicon.read(text), words, hedged=lexicon.hedged(text),
                      symptomish=lexicon.sounds_like_symptom(words),
                      says_no=lexicon.says_no(words))


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
            from skill.content.lexicon import lexicon_for

            lexicon = lexicon_for(talk.content.locale)
            heard = heard.merge(Heard.read(lexicon.read(words), words,
                                           hedged=lexicon.hedged(words)))
    return heard.merge(Heard(factors=tuple(factors)))


REQUEST_HANDLERS: tuple[type[AbstractRequestHandler], ...] = (
    LaunchRequestHandler,
    EmergencyIntentHandler,
    YesIntentHandler,
    NoIntentHandler,
    NotSureIntentHandler,
    YesDetailIntentHandler,
    NoDetailIntentHandler,
    DenySymptomIntentHandler,
    ReportSymptomIntentHandler,
    SuddenSymptomIntentHandler,
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
}
