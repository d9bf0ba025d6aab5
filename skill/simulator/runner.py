"""One simulated user talking to the skill: understanding, sessions, and what came back.

Session rules (the Alexa service's, simplified):
- a launch phrase ("open neck twitch check") always starts a new session with a LaunchRequest;
- "ask neck twitch check <words>" starts a new session with an IntentRequest (session.new);
- any other utterance while no session is open launches the skill: its words are not sent,
  as when a user who says "yes" to a silent speaker is asked to open the skill first;
- a response with shouldEndSession true closes the session; absent/null closes it on a
  voice-only device and keeps it open on a screen device, as Alexa does;
- "exit" in a session, or leaving it with `:new` / `:quit`, sends a SessionEndedRequest;
- silence (a blank line) while the skill listens makes Alexa say the reprompt, which sends
  nothing; silence again (or silence with no reprompt) closes the session with a
  SessionEndedRequest, reason EXCEEDED_MAX_REPROMPTS. Silence with no session, or while a
  screen device shows a response without listening, does nothing.
"""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from skill.simulator.envelopes import EnvelopeFactory, Session
from skill.simulator.errors import SimulatorError
from skill.simulator.invocations import invocation_parser_for, launch_phrase
from skill.simulator.nlu import (
    Nlu,
    Understanding,
    check_utterance,
    normalise,
    parse_invocation,
)
from skill.simulator.transport import Transport

if TYPE_CHECKING:
    from skill.simulator.screens import ScreenWriter

# What Alexa itself asks when a skill sends AskFor for reminders (its words, not the skill's).
PERMISSION_PROMPT = ("To set reminders, {skill} needs your permission to create and edit "
                     "reminders. Do you allow that?")
_ACCEPT = frozenset({"AMAZON.YesIntent", "YesDetailIntent", "AcknowledgeIntent"})
_DENY = frozenset({"AMAZON.NoIntent", "NoDetailIntent", "AMAZON.StopIntent",
                   "AMAZON.CancelIntent"})
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
EXIT_WORDS = frozenset({"exit", "quit"})


def strip_ssml(ssml: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", ssml))).strip()


def _speech(output: Any) -> str | None:
    if not isinstance(output, dict):
        return None
    if output.get("type") == "PlainText" or "ssml" not in output:
        text = output.get("text")
        return text.strip() if isinstance(text, str) else None
    ssml = output.get("ssml")
    return strip_ssml(ssml) if isinstance(ssml, str) else None


def _card(card: Any) -> dict[str, Any] | None:
    if not isinstance(card, dict):
        return None
    text = card.get("content") if card.get("type") == "Simple" else card.get("text")
    return {"type": card.get("type"), "title": card.get("title"), "text": text}


def _asked_for_reminders(body: dict[str, Any]) -> str | None:
    """The token of an AskFor directive for the reminders permission in a response, if any."""
    for directive in body.get("directives") or []:
        if (isinstance(directive, dict) and directive.get("type") == "Connections.SendRequest"
                and directive.get("name") == "AskFor"):
            return str(directive.get("token") or "")
    return None


@dataclass
class Turn:
    """One utterance and the skill's answer, with the raw JSON both ways."""

    user: str
    request: dict[str, Any]
    response: dict[str, Any]
    understanding: Understanding | None
    ended: bool
    speech: str | None = None
    reprompt: str | None = None
    card: dict[str, Any] | None = None
    directives: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def request_type(self) -> str:
        """The request sent, or "" for a turn that sent nothing (a reprompt after silence)."""
        return str(self.request["request"]["type"]) if self.request else ""

    @property
    def intent(self) -> str | None:
        return self.understanding.intent if self.understanding else None

    def to_json(self) -> dict[str, Any]:
        u = self.understanding
        return {
            "user": self.user,
            "request": self.request_type or None,
            "intent": self.intent,
            "slots": {n: s.to_json() for n, s in u.slots.items()} if u else {},
            "confidence": round(u.confidence, 3) if u else None,
            "speech": self.speech,
            "reprompt": self.reprompt,
            "card": self.card,
            "directives": self.directives,
            "ended": self.ended,
            "note": self.note,
        }


class Simulator:
    """Turns utterances into envelopes, sends them, and keeps the session as Alexa would."""

    def __init__(self, nlu: Nlu, factory: EnvelopeFactory, transport: Transport) -> None:
        self.nlu = nlu
        self.factory = factory
        self.transport = transport
        self.session: Session | None = None
        self.last: Turn | None = None
        self._invocation = invocation_parser_for(nlu.model.locale, nlu.model.invocation_name)
        self.launch_phrase = launch_phrase(nlu.model.locale, nlu.model.invocation_name)
        # What a real user would have said, for `--record` (auto-launches become the phrase).
        self.spoken: list[str] = []
        self._reprompted = False  # the last reply's reprompt was said after silence
        self.screens: ScreenWriter | None = None  # `--screens`: what a screen device shows
        self._ticked: set[str] = set()  # tick boxes ticked on the screen shown last
        self._asking: str | None = None  # Alexa's permission question is waiting: its token

    @property
    def in_session(self) -> bool:
        return self.session is not None

    def say(self, utterance: str) -> Turn:
        check_utterance(utterance)
        if self._asking is not None and self.session is not None:
            # The answer to Alexa's own permission question, not to the skill.
            self.spoken.append(utterance)
            intent = self.nlu.understand(utterance).intent
            answer = ("ACCEPTED" if intent in _ACCEPT else "DENIED" if intent in _DENY
                      else "NOT_ANSWERED")
            return self._permission_answer(utterance, answer)
        invocation = parse_invocation(self._invocation, utterance)
        if invocation is not None and invocation.kind == "launch":
            self.spoken.append(utterance)
            return self._launch(utterance)
        if invocation is not None:
            self.session = self.factory.new_session()
            self.spoken.append(utterance)
            return self._intent(utterance, self.nlu.understand(invocation.rest))
        if self.session is None:
            self.spoken.append(self.launch_phrase)
            turn = self._launch(utterance)
            turn.note = f"no session was open: {utterance!r} launched the skill"
            return turn
        if normalise(utterance) == "exit":
            self.spoken.append(utterance)
            closed = self.end_session()
            if closed is None:  # unreachable: a session is open
                raise SimulatorError("no session to exit")
            closed.user = utterance
            return closed
        self.spoken.append(utterance)
        return self._intent(utterance, self.nlu.understand(utterance))

    def tap(self, label: str) -> Turn | None:
        """Touch the button labelled `label` on the last screen, as a finger on an Echo Show.

        A tick box (a lifestyle factor) is only ticked or unticked on the screen: nothing is
        sent and None is returned; "Done" then sends every tick. Labels match whatever case.
        """
        screen, token = self._screen()
        if screen is None or self.session is None:
            raise SimulatorError("nothing to tap: the last answer showed no screen "
                                 "(use --device show, in a session)")
        wanted = " ".join(label.split()).casefold()
        targets = [*screen.get("choices", []), *screen.get("actions", [])]
        target = next((t for t in targets if isinstance(t, dict)
                       and str(t.get("label", "")).casefold() == wanted), None)
        if target is None:
            labels = ", ".join(str(t.get("label")) for t in targets if isinstance(t, dict))
            raise SimulatorError(f"no button {label!r} on the screen; it shows: {labels}")
        if target.get("kind") == "toggle":
            self._ticked ^= {str(target["id"])}
            return None
        arguments = [target.get("action"), screen.get("id"), target.get("value", "")]
        components = None
        if target.get("kind") == "done":
            components = {str(t): t in self._ticked for t in screen.get("toggles", [])}
        envelope = self.factory.user_event(self.session, token, arguments, components,
                                           source=str(target.get("id", "")))
        return self._exchange(f"(tap) {target.get('label')}", envelope, None)

    @property
    def ticked(self) -> list[str]:
        """The labels of the tick boxes ticked on the last screen."""
        screen, _ = self._screen()
        return [str(c.get("label")) for c in (screen or {}).get("choices", [])
                if isinstance(c, dict) and c.get("id") in self._ticked]

    def _screen(self) -> tuple[dict[str, Any] | None, str]:
        """The last response's screen datasource and its document's token, if it had one."""
        body = self.last.response.get("response") if self.last is not None else None
        for directive in (body or {}).get("directives") or []:
            if isinstance(directive, dict) and directive.get("type") == (
                    "Alexa.Presentation.APL.RenderDocument"):
                screen = (directive.get("datasources") or {}).get("screen")
                if isinstance(screen, dict):
                    return screen, str(directive.get("token", ""))
        return None, ""

    def silence(self) -> Turn | None:
        """The user says nothing: the reprompt once, then the session closes, as Alexa does.

        None when nothing happens: no session is open, or a screen device is showing a
        response without listening (shouldEndSession absent).
        """
        last = self.last
        if self.session is None or last is None:
            return None
        if self._asking is not None:
            return self._permission_answer("", "NOT_ANSWERED")
        if last.reprompt and not self._reprompted:
            self._reprompted = True
            return Turn(user="", request={}, response={}, understanding=None, ended=False,
                        speech=last.reprompt, reprompt=last.reprompt,
                        note="silence: Alexa says the reprompt")
        body = last.response.get("response")
        if isinstance(body, dict) and body.get("shouldEndSession") is None:
            return None  # a screen device keeps showing the answer; it is not listening
        closed = self.end_session("EXCEEDED_MAX_REPROMPTS")
        if closed is not None:
            closed.note = "silence: Alexa stops listening and closes the session"
        return closed

    def forget(self) -> str:
        """End the open session and forget what the skill stored for this user; what happened.

        In process the skill's own storage deletes the user's memory; a remote service keeps
        its memory out of reach, so the simulator becomes a new user, whom it has never seen.
        """
        closed = self.end_session()
        done = "session ended; " if closed is not None else ""
        forget = getattr(self.transport, "forget", None)
        if forget is None:
            self.factory.switch_user(f"fresh-{uuid.uuid4()}")
            return done + "the service keeps its own memory: now speaking as a new user"
        envelope = self.factory.launch(self.factory.new_session())
        if not forget(envelope):
            return done + "the skill stores nothing, so there was nothing to forget"
        return done + "forgot what the skill stored for this user"

    def end_session(self, reason: str = "USER_INITIATED") -> Turn | None:
        """Close the open session as the service does; None when there was none."""
        if self.session is None:
            return None
        session, self.session = self.session, None
        envelope = self.factory.session_ended(session, reason)
        return self._exchange("", envelope, None, force_end=True)

    def _launch(self, utterance: str) -> Turn:
        self.session = self.factory.new_session()
        return self._exchange(utterance, self.factory.launch(self.session), None)

    def _intent(self, utterance: str, understanding: Understanding) -> Turn:
        assert self.session is not None
        envelope = self.factory.intent(self.session, understanding)
        return self._exchange(utterance, envelope, understanding)

    def _exchange(
        self,
        utterance: str,
        envelope: dict[str, Any],
        understanding: Understanding | None,
        force_end: bool = False,
    ) -> Turn:
        # Transports serialise the envelope and never change it, so no defensive copy: this
        # is the per-turn cost the benchmark holds to 1.5x of a bare lambda_handler call.
        sent = envelope
        reply = self.transport(envelope)
        body = reply.get("response")
        if body is None and not force_end:
            raise SimulatorError("the skill's reply has no 'response' object")
        body = body if isinstance(body, dict) else {}
        end_flag = body.get("shouldEndSession")
        # Absent/null: Alexa closes the session on a speaker, keeps it open on a screen.
        silent_close = end_flag is None and self.factory.device == "voice"
        ended = force_end or end_flag is True or silent_close
        asked = None if force_end else _asked_for_reminders(body)
        if asked is not None:
            ended = False  # Alexa asks for the permission, then answers the skill in session
        reprompt = body.get("reprompt")
        turn = Turn(
            user=utterance,
            request=sent,
            response=reply,
            understanding=understanding,
            ended=ended,
            speech=_speech(body.get("outputSpeech")),
            reprompt=_speech(reprompt.get("outputSpeech")) if isinstance(reprompt, dict) else None,
            card=_card(body.get("card")),
            directives=[
                str(d.get("type")) for d in body.get("directives") or [] if isinstance(d, dict)
            ],
        )
        if self.session is not None:
            if ended:
                self.session = None
            else:
                self.session.new = False
                attributes = reply.get("sessionAttributes")
                self.session.attributes = attributes if isinstance(attributes, dict) else {}
        self.last = turn
        self._reprompted = False
        self._ticked = set()
        if self.screens is not None:
            self.screens.add(reply)
        if asked is not None and self.session is not None:
            return self._permission_asked(turn, asked)
        return turn

    def _permission_asked(self, turn: Turn, token: str) -> Turn:
        """The skill sent AskFor: Alexa asks the person (or, with --deny, the person has said
        no before being asked); the session waits for the answer."""
        turn.ended = False
        reminders = self.factory.reminders
        if reminders is not None and reminders.permission(self.factory.user_id) == "denied":
            self._asking = token
            answered = self._permission_answer("", "DENIED")
            answered.note = "Alexa asked for the reminders permission; --deny said no"
            return answered
        self._asking = token
        turn.speech = PERMISSION_PROMPT.format(skill=self.nlu.model.invocation_name.title())
        turn.note = "Alexa asks for the reminders permission (Connections.SendRequest AskFor)"
        return turn

    def _permission_answer(self, utterance: str, answer: str) -> Turn:
        """Send the skill Alexa's Connections.Response with the person's answer."""
        token, self._asking = self._asking or "", None
        reminders = self.factory.reminders
        if reminders is not None and answer in ("ACCEPTED", "DENIED"):
            from skill.simulator.reminders_api import DENIED, GRANTED

            reminders.permissions[self.factory.user_id] = (
                GRANTED if answer == "ACCEPTED" else DENIED)
        assert self.session is not None
        envelope = self.factory.connections_response(self.session, token, answer)
        turn = self._exchange(utterance, envelope, None)
        turn.note = f"Alexa tells the skill: permission {answer}"
        return turn
