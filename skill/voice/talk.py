"""The voice loop: say the skill's words, hear the person, and only pass on what was heard exactly.

Each turn:

1. the skill's speech (and later the host's own short prompts) is spoken;
2. the person's utterance is heard against the model's phrases (`hear_answer`): whole, and when
   the whole is no phrase (or says both yes and no) and there was a pause inside it, by its last
   stretch ("no, wait, yes": "yes"), which is then always read back;
3. `decide`: not an exact phrase, or doubted: nothing is sent; "Sorry, I didn't catch that" (or
   "was that a yes or a no?") and the question again, with the emergency number when an
   emergency phrase was doubted, emergency words were heard, or the room is loud;
4. an emergency phrase: sent at once, sure or not (the skill answers with the number first);
5. anything sent without a read-back must be sure, said after the prompt ended, in one stretch;
   otherwise an answer that changes what happens next is read back ("I heard "no". Is that
   right?") and a request that changes nothing is not taken;
6. a read-back is confirmed only by a sure yes (heard with a yes/no-only model) that started
   after the read-back ended, in one stretch; a reply spoken over the read-back is neither a
   yes nor a no to it: it is heard as a new answer to the question; an emergency phrase in
   reply is sent at once; anything else counts as a failed try.

After two failed tries (not caught, or a read-back denied or unclear) the keyboard is offered:
a typed line goes to the skill as `neck-twitch simulate` would send it. Silence is silence, as
on a speaker: the skill's reprompt once, then the session closes.

The desk voice has no Alexa reminders: when the check ends in self-care or "book an
appointment", the skill marks `reminder_due` in its session attributes, and the loop offers a
calendar reminder instead ("Shall I save a calendar reminder for two weeks from now?"). A sure
yes (heard with the yes/no model, after the question, in one stretch) writes an iCalendar file
(`skill.voice.calendar`) and says where; a no ends kindly; silence, two unclear replies, or no
`icalendar` package: how to set a reminder by hand. An emergency phrase in reply is sent to the
skill at once, as everywhere else.

What is sent goes through the simulator (`Simulator.say`): its NLU, its envelopes and its
transport, so the skill object is the one Lambda, the web service and the simulator run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from skill.alexa.constants import REMINDER_DUE_KEY
from skill.content import Content, content_for
from skill.simulator.runner import Simulator, Turn
from skill.voice.audio import Ear, EndOfInput, Mouth
from skill.voice.endpoint import Utterance
from skill.voice.phrases import AT_ONCE, NO, YES, consequential
from skill.voice.recognizer import MIN_SURE_ANSWER_SNR_DB, Hearing
from skill.voice.tts import output_speech_text

MAX_TRIES = 2
NOT_CAUGHT = "Sorry, I didn't catch that."
# An answer not taken on its word: a negation twin ("i did" / "i didn't"), or the other side
# among the recogniser's n best.
YES_OR_NO = "Sorry, was that a yes or a no?"
# An emergency phrase not taken on its word: the number at once, then the question again.
MAYBE_EMERGENCY = "Sorry, I didn't catch that. If this is an emergency, call {number} now."
READ_BACK = 'I heard "{phrase}". Is that right?'
# Before a read-back in a loud room (`LOUD_ROOM_SNR_DB`).
LOUD_ROOM_NUMBER = "If this is an emergency, call {number} now."
DENIED = "Sorry about that. Let's try again."
OFFER_KEYBOARD = "I'm having trouble hearing you. Please type your answer, then press Enter."

Keyboard = Callable[[], "str | None"]


class Hears(Protocol):
    """What the loop needs of a recogniser (`Recognizer`, or a fake in tests)."""

    def hear(self, pcm: bytes, confirm: bool = False, snr_db: float | None = None) -> Hearing:
        ...


@dataclass
class Exchange:
    """One turn of the person's (or the launch), and what was said back."""

    number: int
    action: str  # launch | sent | sent at once | read back | confirmed | denied | not caught |
    #              silence | typed | no keyboard | end of input | calendar offer |
    #              calendar saved | calendar declined | calendar by hand (see docs/voice.md)
    source: str | None = None  # audio file, "microphone", "keyboard"
    heard: Hearing | None = None
    typed: str | None = None
    intent: str | None = None  # the intent sent to the skill, if one was
    said: str | None = None  # what was said back
    by: str = "skill"  # "skill": the skill's answer; "host": the voice loop's own prompt
    ended: bool = False
    audio: list[str] = field(default_factory=list)
    barge_in: bool = False
    calendar: str | None = None  # the calendar reminder written, if one was

    def to_json(self) -> dict[str, Any]:
        return {
            "turn": self.number,
            "action": self.action,
            "source": self.source,
            "heard": self.heard.to_json() if self.heard is not None else None,
            "typed": self.typed,
            "intent": self.intent,
            "said": self.said,
            "by": self.by,
            "ended": self.ended,
            "audio": self.audio,
            "barge_in": self.barge_in,
            "calendar": self.calendar,
        }


YES_OR_NO_DOUBTS = ("contraction", "negation", "contradicted", "mixed")
# Below this speech-to-room ratio (dB) the recogniser hears little (office babble at 10 dB):
# an utterance it cannot take gets the emergency number with the "didn't catch that".
LOUD_ROOM_SNR_DB = 15.0
# A request that changes nothing is sent without being sure when at least this share of the
# recogniser's n best mean it and none means anything else (chosen on the office report's
# tuning part: no request misheard for another in clean audio at 0.4; at 0.2, "probably not"
# went as the lifestyle answer "probably all"). Never in a loud room, where an emergency was
# heard as "what" (`LOUD_ROOM_SNR_DB`).
REQUEST_AGREEMENT = 0.4
# In a quiet room (the line above which an answer may be sent unread), a request that changes
# nothing is sent on the best hypothesis alone when none of the n best means anything else and
# no emergency word was heard: with a 4,000-phrase model the n best of a request heard right
# are mostly no phrase at all ("help me niece", "a lot again"), and asking again for "say that
# again" or "why do you ask" only repeats the question (office report, tuning part, clean).
QUIET_ROOM_SNR_DB = MIN_SURE_ANSWER_SNR_DB


def decide(hearing: Hearing, overlapped: bool = False) -> str:
    """What the loop does with an utterance heard as the answer to a question:

    - "not caught", "yes or no" (an answer doubted for its negation), "number given" (an
      emergency phrase doubted, or emergency words among what was heard or spotted), "number
      given (loud room)" (nothing taken, and the speech stood less than `LOUD_ROOM_SNR_DB`
      above the room: the voice may not hear an emergency there, so the number is said):
      nothing is sent, the question is asked again;
    - "sent at once": an emergency phrase (in a loud room, only a sure one; otherwise the
      number is given and the question asked again);
    - "sent": a phrase the recogniser is sure of, said after the prompt in one stretch; or a
      request that changes nothing ("say that again", "why do you ask") that none of the n best
      means otherwise and, in a room that is not loud, at least `REQUEST_AGREEMENT` of them
      mean, or, in a quiet room (`QUIET_ROOM_SNR_DB`) with no emergency word heard, the best
      hypothesis alone;
    - "read back": any other answer that changes what happens next ("read back (loud room)":
      with the number first); any other request is "not caught".
    """
    intent = hearing.intent
    loud = hearing.snr_db is not None and hearing.snr_db < LOUD_ROOM_SNR_DB
    if intent is None:
        if hearing.meant in AT_ONCE or hearing.urgent:
            return "number given"
        if loud:
            return "number given (loud room)"
        if hearing.doubt in YES_OR_NO_DOUBTS:
            return "yes or no"
        return "not caught"
    if intent in AT_ONCE:
        # In a loud room an emergency phrase the recogniser is not sure of is as likely the
        # room as the person ("call my mother" in 10 dB babble was heard as "call nine one
        # one"): the number is given and the question asked again, the check not ended.
        return "number given (loud room)" if loud and not hearing.sure else "sent at once"
    if hearing.sure and not overlapped:
        return "sent"
    if not consequential(intent):
        quiet = hearing.snr_db is None or hearing.snr_db >= QUIET_ROOM_SNR_DB
        if not overlapped and not loud and not hearing.rescued and hearing.rival is None and (
                hearing.agreement >= REQUEST_AGREEMENT or (quiet and not hearing.alarmed)):
            return "sent"
        # Any other request is not sent: asking the question again is what the skill would
        # do for most of them, and a misheard answer never reaches it.
        return "number given (loud room)" if loud else "not caught"
    return "read back (loud room)" if loud else "read back"


def hear_answer(recognizer: Hears, utterance: Utterance) -> tuple[Hearing, bool]:
    """The utterance heard as an answer, and whether it must be read back whatever the
    recogniser's certainty. Speech with a pause inside is heard whole; it is read back, since
    the person may have corrected themselves ("no, wait, yes"). When the whole is no phrase but
    the speech after its last pause is (or is an exact phrase doubted, or has emergency words),
    that last stretch is the answer: the person's last word, unless the whole already sounds
    like an emergency (an emergency phrase doubted, or emergency words heard): then the whole
    is what counts, and the number is given (in 20 dB babble, "my face is drooping" was heard
    whole as "nah my face is drooping", no phrase, and its last stretch as "i'm fine", which was
    read back without the number)."""
    hearing = recognizer.hear(utterance.pcm, snr_db=utterance.snr_db)
    if not utterance.pauses:
        return hearing, False
    if hearing.intent is not None or hearing.meant in AT_ONCE or hearing.urgent:
        return hearing, True
    last = recognizer.hear(utterance.tail(), snr_db=utterance.snr_db)
    if last.intent is not None or last.meant is not None or last.urgent:
        return last, True
    return hearing, True


def reminder_due(turn: Turn) -> int | None:
    """The days ahead of the reminder the skill marked due when the check ended (on a host
    without the Reminders API), or None."""
    if not turn.ended or not isinstance(turn.response, dict):
        return None
    attributes = turn.response.get("sessionAttributes")
    days = attributes.get(REMINDER_DUE_KEY) if isinstance(attributes, dict) else None
    return days if isinstance(days, int) and not isinstance(days, bool) and days > 0 else None


def _pretty(words: str) -> str:
    return re.sub(r"\bi\b", "I", words)


class Talk:
    """One hands-free conversation with the skill."""

    def __init__(
        self,
        simulator: Simulator,
        recognizer: Hears,
        ear: Ear,
        mouth: Mouth,
        keyboard: Keyboard | None,
        report: Callable[[Exchange], None],
        calendar_dir: Path | None = None,
        after_launch: Callable[[], None] | None = None,
    ) -> None:
        """`calendar_dir`: where a calendar reminder is saved (None: ~/Downloads if it
        exists, else the current directory); `after_launch`: called once the launch turn is
        answered, before the welcome is spoken (start-up work the welcome does not need starts
        then: `skill.voice.startup`)."""
        self.after_launch = after_launch
        self.simulator = simulator
        self.recognizer = recognizer
        self.ear = ear
        self.mouth = mouth
        self.keyboard = keyboard
        self.report = report
        self.calendar_dir = calendar_dir
        self.exchanges: list[Exchange] = []
        self._question = ""
        number = content_for(simulator.nlu.model.locale).number
        # Digits apart, as the skill's say-as does: "9 1 1", never "nine hundred and eleven".
        self.number = " ".join(number) if number.isdigit() else number

    # -- the conversation ---------------------------------------------------------------------

    def run(self) -> list[Exchange]:
        turn = self.simulator.say(self.simulator.launch_phrase)
        if self.after_launch is not None:
            self.after_launch()
        self._skill_said(Exchange(0, "launch"), turn)
        try:
            while True:
                while not turn.ended:
                    turn = self._next_turn()
                reopened = self._offer_calendar(turn)
                if reopened is None:
                    break
                turn = reopened
        except EndOfInput:
            closed = self.simulator.end_session()
            exchange = Exchange(self._number(), "end of input", by="host", ended=True)
            if closed is not None:
                exchange.said = closed.speech
            self._log(exchange)
        return self.exchanges

    def _next_turn(self) -> Turn:
        failures = 0
        utterance: Utterance | None = None
        while True:
            if failures >= MAX_TRIES:
                turn = self._typed()
                if turn is not None:
                    return turn
                failures = 0
            exchange = Exchange(self._number(), "")
            if utterance is None:
                utterance = self.ear.listen()
                if utterance is None:
                    exchange.source = self.ear.source
                    silence = self.simulator.silence()
                    exchange.action = "silence"
                    if silence is None:
                        self._log(exchange)
                        continue
                    self._skill_said(exchange, silence)
                    return silence
            exchange.source = self.ear.source
            exchange.barge_in = utterance.overlapped
            outcome, utterance = self._answer(exchange, utterance)
            if outcome is not None:
                return outcome
            failures += 1

    def _hear_answer(self, utterance: Utterance) -> tuple[Hearing, bool]:
        return hear_answer(self.recognizer, utterance)

    def _answer(
        self, exchange: Exchange, utterance: Utterance
    ) -> tuple[Turn | None, Utterance | None]:
        """One utterance as the answer to the question: the turn the skill took, or None (a
        failed try) and, when the person spoke over a read-back, what they said then, which is
        the next answer to hear (never the read-back's reply)."""
        hearing, corrected = self._hear_answer(utterance)
        exchange.heard = hearing
        action = decide(hearing, overlapped=utterance.overlapped or corrected)
        if action in ("not caught", "yes or no", "number given", "number given (loud room)"):
            self._host_said(exchange, "not caught", f"{self._sorry(hearing)} {self._question}")
            return None, None
        if action == "sent at once":
            return self._send(exchange, hearing, "sent at once"), None
        if action == "sent":
            return self._send(exchange, hearing, "sent"), None
        return self._read_back(exchange, hearing, loud=action == "read back (loud room)")

    def _read_back(
        self, exchange: Exchange, hearing: Hearing, loud: bool = False
    ) -> tuple[Turn | None, Utterance | None]:
        """Read back; confirmed only by a sure yes that started after the read-back ended, in
        one stretch of speech (a reply with a pause inside is never a confirmation). In a loud
        room the number comes first: the voice may have missed an emergency there."""
        words = READ_BACK.format(phrase=_pretty(hearing.text))
        if loud:
            words = f"{LOUD_ROOM_NUMBER.format(number=self.number)} {words}"
        self._host_said(exchange, "read back", words)
        utterance = self.ear.listen()
        reply = Exchange(self._number(), "", source=self.ear.source)
        if utterance is None:
            self._host_said(reply, "silence", f"{NOT_CAUGHT} {self._question}")
            return None, None
        if utterance.overlapped:
            # Spoken over the read-back: said before hearing it out, so it neither confirms
            # nor denies it; it is heard as a new answer to the question.
            return None, utterance
        urgent, paused = self._hear_answer(utterance)
        if urgent.intent in AT_ONCE and decide(urgent) == "sent at once":
            reply.heard = urgent
            return self._send(reply, urgent, "sent at once"), None
        if urgent.meant in AT_ONCE or urgent.urgent:
            reply.heard = urgent
            self._host_said(reply, "not caught", f"{self._sorry(urgent)} {self._question}")
            return None, None
        answer = self._confirmation(utterance)
        reply.heard = answer
        if answer.intent == YES and answer.sure and not paused:
            reply.action = "confirmed"
            return self._send(reply, hearing, "confirmed"), None
        if answer.intent == NO:
            self._host_said(reply, "denied", f"{DENIED} {self._question}")
        else:  # not a yes or no, or a yes the recogniser is not sure of
            self._host_said(reply, "not caught", f"{NOT_CAUGHT} {self._question}")
        return None, None

    def _sorry(self, hearing: Hearing) -> str:
        """What the host says when nothing was sent: an emergency phrase it doubted gets the
        number at once; an answer doubted for its negation, "yes or no?"."""
        if decide(hearing).startswith("number given"):
            return MAYBE_EMERGENCY.format(number=self.number)
        if hearing.doubt in YES_OR_NO_DOUBTS:
            return YES_OR_NO
        return NOT_CAUGHT

    def _confirmation(self, utterance: Utterance) -> Hearing:
        return self.recognizer.hear(utterance.pcm, confirm=True, snr_db=utterance.snr_db)

    def _typed(self) -> Turn | None:
        exchange = Exchange(self._number(), "typed", source="keyboard", by="host")
        self._speak(exchange, OFFER_KEYBOARD, "host")
        text = self.keyboard() if self.keyboard is not None else None
        if text is None or not text.strip():
            exchange.action = "no keyboard"
            exchange.said = f"{OFFER_KEYBOARD} (no typed answer: listening again)"
            self._log(exchange)
            return None
        exchange.typed = text.strip()
        turn = self.simulator.say(exchange.typed)
        exchange.intent = turn.intent
        self._skill_said(exchange, turn)
        return turn

    # -- the calendar reminder, after the check ------------------------------------------------

    def _offer_calendar(self, turn: Turn) -> Turn | None:
        """When the skill marked a reminder due: offer a calendar file, and write it on a yes.
        Returns the skill's turn when an emergency phrase in reply opened it again."""
        days = reminder_due(turn)
        if days is None:
            return None
        content = content_for(self.simulator.factory.locale)
        offer = content.text("reminders.calendar_offer")
        by_hand = content.text("reminders.calendar_how")
        self._host_said(Exchange(self._number(), ""), "calendar offer", offer)
        failures = 0
        while True:
            utterance = self.ear.listen()
            reply = Exchange(self._number(), "", source=self.ear.source)
            if utterance is None:
                self._host_ends(reply, "silence", by_hand)
                return None
            reply.barge_in = utterance.overlapped
            heard, paused = self._hear_answer(utterance)
            if heard.intent in AT_ONCE and decide(heard) == "sent at once":
                # The check is over, so the emergency opens the skill again, with it.
                reply.heard = heard
                reply.action = "sent at once"
                sent = self.simulator.say(f"{self.simulator.launch_phrase} and {heard.text}")
                reply.intent = sent.intent
                self._skill_said(reply, sent)
                return sent
            if heard.meant in AT_ONCE or heard.urgent:
                reply.heard = heard
                self._host_said(reply, "not caught", f"{self._sorry(heard)} {offer}")
            else:
                answer = self._confirmation(utterance)
                reply.heard = answer
                if answer.intent == YES and answer.sure and not paused and not utterance.overlapped:
                    self._save_calendar(reply, days, content)
                    return None
                if answer.intent == NO:
                    self._host_ends(reply, "calendar declined", content.text("reminders.declined"))
                    return None
                failures += 1
                if failures >= MAX_TRIES:
                    self._host_ends(reply, "calendar by hand", by_hand)
                    return None
                sorry = YES_OR_NO if answer.intent == YES else NOT_CAUGHT
                self._host_said(reply, "not caught", f"{sorry} {offer}")

    def _save_calendar(self, exchange: Exchange, days: int, content: Content) -> None:
        from skill.voice.calendar import CalendarUnavailable, default_dir, write_reminder

        folder = self.calendar_dir if self.calendar_dir is not None else default_dir()
        try:
            path = write_reminder(folder, days, content.text("reminders.text"))
        except (CalendarUnavailable, OSError):
            # No icalendar (the `voice` extra), or a folder that cannot be written.
            self._host_ends(exchange, "calendar by hand", content.text("reminders.calendar_how"))
            return
        exchange.calendar = str(path)
        self._host_ends(exchange, "calendar saved",
                        content.text("reminders.calendar_saved", path=str(path)))

    def _host_ends(self, exchange: Exchange, action: str, words: str) -> None:
        exchange.ended = True
        self._host_said(exchange, action, words)

    # -- sending and speaking -----------------------------------------------------------------

    def _send(self, exchange: Exchange, hearing: Hearing, action: str) -> Turn:
        exchange.action = action
        turn = self.simulator.say(hearing.text)
        exchange.intent = turn.intent
        self._skill_said(exchange, turn)
        return turn

    def _skill_said(self, exchange: Exchange, turn: Turn) -> None:
        """Speak the skill's answer; `said` keeps its words as the simulator shows them."""
        body = turn.response.get("response") if turn.response else None
        body = body if isinstance(body, dict) else {}
        shown = turn.speech or ""
        if turn.request:
            spoken = output_speech_text(body.get("outputSpeech")) or shown
        else:  # silence: the simulator repeats the last reprompt, already made speakable here
            spoken = self._question or shown
        reprompt = body.get("reprompt")
        question = (
            output_speech_text(reprompt.get("outputSpeech")) if isinstance(reprompt, dict) else None
        )
        self._question = question or spoken
        exchange.by = "skill"
        exchange.said = shown
        exchange.ended = turn.ended
        if spoken:
            self._speak(exchange, spoken, "skill")
        self._log(exchange)

    def _host_said(self, exchange: Exchange, action: str, words: str) -> None:
        exchange.action = action
        exchange.by = "host"
        exchange.said = words
        self._speak(exchange, words, "host")
        self._log(exchange)

    def _speak(self, exchange: Exchange, words: str, who: str) -> None:
        written = self.mouth.say(words, who)
        if written:
            exchange.audio.append(written)

    def _number(self) -> int:
        return len(self.exchanges)

    def _log(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)
        self.report(exchange)
