"""Certification rehearsal, offline: what Amazon's certification tester does, against the bundle.

The Lambda zip that `neck-twitch package` builds runs in its own interpreter, as Lambda runs it
(tests/deploy/bundles.py), and a tester talks to it in every locale, on a voice-only device and
on a screen device. What they say is understood by the simulator's NLU from the interaction
model, and sent in envelopes shaped as Alexa sends them. From Amazon's certification checklist
and its functional tests for custom skills, the tester:

- says each example phrase from the store card: from outside a session (the one-shots run at
  once, the first opens the skill) and inside one (opened first, then the request alone);
- at every step of a check (the opening, then each question until the outcome): asks for help
  (the skill explains and keeps listening, and the check goes on after), says stop and cancel
  (the skill ends), says something out of scope (fallback: the skill re-asks and keeps
  listening) and "go home" (NavigateHome, on a screen device: the skill ends);
- stays silent where the skill listens: every open response has a reprompt, and the session
  closing after it (EXCEEDED_MAX_REPROMPTS) is answered without error;
- disables the skill: the SkillDisabled event is answered without error;
- on a voice-only device never gets a screen directive; on a screen device gets the screens.

Every response is valid: SSML in <speak>, speech and cards within Alexa's 8,000 characters.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bundles import LambdaProcess

from skill.model_check import SampleMatcher, load_model, parse_example
from skill.model_check import model_path as model_file
from skill.simulator.envelopes import DEFAULT_SKILL_ID, EnvelopeFactory, Session
from skill.simulator.model import load_model as load_simulator_model
from skill.simulator.model import model_path
from skill.simulator.nlu import Nlu, Understanding
from skill.simulator.transport import Transport

REPO = Path(__file__).resolve().parents[2]
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN", "es-US", "es-MX", "es-ES")
DEVICES = ("voice", "show")
MAX_STEPS = 60  # a check has about twenty questions; more means the walk never ends
MAX_CHARS = 8000  # Alexa's limit for output speech and for a card's text
APL = "Alexa.Presentation.APL.RenderDocument"
# What a tester says to try the fallback. Alexa decides what is out of the skill's domain and
# then sends AMAZON.FallbackIntent, which the rehearsal sends itself at every step; the words go
# through the model too, and whatever they become, the skill must answer and keep listening or
# end properly (a bare "{symptom}" sample can claim any words).
OUT_OF_SCOPE = "order me a large pizza"
SAYINGS = {"help": "AMAZON.HelpIntent", "stop": "AMAZON.StopIntent",
           "cancel": "AMAZON.CancelIntent", "go home": "AMAZON.NavigateHomeIntent",
           "no": "AMAZON.NoIntent"}
FALLBACK = "AMAZON.FallbackIntent"
# What a Spanish-speaking tester says for the same.
IN_SPANISH = {"help": "ayuda", "stop": "para", "cancel": "cancela", "go home": "ir al inicio",
              "no": "no", OUT_OF_SCOPE: "pídeme una pizza grande"}


@pytest.fixture(scope="module")
def bundle(deploy_extracted: Path, deploy_runtime: Path) -> Iterator[LambdaProcess]:
    process = LambdaProcess(deploy_extracted, deploy_runtime, DEFAULT_SKILL_ID)
    yield process
    process.close()


@cache
def nlu(locale: str) -> Nlu:
    return Nlu(load_simulator_model(model_path(locale), locale))


@cache
def store_entry(locale: str) -> dict[str, Any]:
    manifest = json.loads((REPO / "interaction_model" / "skill.json").read_text("utf-8"))
    entry: dict[str, Any] = manifest["manifest"]["publishingInformation"]["locales"][locale]
    return entry


@dataclass
class Reply:
    """One response, read as the device reads it."""

    response: dict[str, Any]
    device: str
    where: str

    @property
    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = self.response.get("response") or {}
        return body

    @property
    def ended(self) -> bool:
        # Absent: a speaker closes the session, a screen keeps showing without listening.
        flag = self.body.get("shouldEndSession")
        return flag is True or (flag is None and self.device == "voice")

    @property
    def listening(self) -> bool:
        return self.body.get("shouldEndSession") is False

    @property
    def speech(self) -> str:
        return str((self.body.get("outputSpeech") or {}).get("ssml") or "")

    @property
    def reprompt(self) -> str:
        return str(((self.body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml") or "")

    @property
    def directives(self) -> list[str]:
        return [str(d.get("type")) for d in self.body.get("directives") or []]


class Reviewer:
    """A certification tester on one device in one locale. A session can be forked, to try
    something at a step and then go on from that same step."""

    def __init__(self, transport: Transport, locale: str, device: str) -> None:
        self.transport = transport
        self.locale = locale
        self.device = device
        self.nlu = nlu(locale)
        self.factory = EnvelopeFactory(locale, user=f"tester-{locale}-{device}", device=device)

    def understand(self, words: str, intent: str | None = None) -> Understanding:
        understood = self.nlu.understand(words)
        if intent is not None:
            assert understood.intent == intent, (self.locale, words, understood.intent)
        return understood

    def send(self, session: Session | None, envelope: dict[str, Any], where: str) -> Reply:
        reply = Reply(self.transport(envelope), self.device, f"{self.locale} {self.device}: "
                                                             f"{where}")
        check_valid(reply)
        if session is not None:
            session.new = False
            attributes = reply.response.get("sessionAttributes")
            session.attributes = attributes if isinstance(attributes, dict) else {}
        return reply

    def launch(self) -> tuple[Session, Reply]:
        session = self.factory.new_session()
        return session, self.send(session, self.factory.launch(session), "open the skill")

    def say(self, session: Session, words: str, where: str) -> Reply:
        said = IN_SPANISH.get(words, words) if self.locale.startswith("es") else words
        understood = self.understand(said, SAYINGS.get(words))
        return self.send(session, self.factory.intent(session, understood), f"{where}: {words!r}")

    def fallback(self, session: Session, where: str) -> Reply:
        """AMAZON.FallbackIntent, as Alexa sends it for speech out of the skill's domain."""
        understood = Understanding(utterance=OUT_OF_SCOPE, intent=FALLBACK, slots={},
                                   slot_names=(), confidence=0.0, method="fallback")
        return self.send(session, self.factory.intent(session, understood),
                         f"{where}: {OUT_OF_SCOPE!r} as {FALLBACK}")

    def fork(self, session: Session) -> Session:
        copied = self.factory.new_session()
        copied.session_id, copied.new = session.session_id, session.new
        copied.attributes = copy.deepcopy(session.attributes)
        return copied

    def silence(self, session: Session, where: str) -> Reply:
        envelope = self.factory.session_ended(session, "EXCEEDED_MAX_REPROMPTS")
        return self.send(None, envelope, f"{where}: silence after the reprompt")


def check_valid(reply: Reply) -> None:
    where = reply.where
    assert reply.response.get("version") == "1.0", where
    speech = reply.speech
    if speech:
        assert speech.startswith("<speak>") and speech.endswith("</speak>"), where
        assert len(speech) <= MAX_CHARS, where
    if reply.reprompt:
        assert reply.reprompt.startswith("<speak>") and len(reply.reprompt) <= MAX_CHARS, where
    card = reply.body.get("card") or {}
    assert len(str(card.get("content") or card.get("text") or "")) <= MAX_CHARS, where
    if reply.device == "voice":
        assert APL not in reply.directives, f"{where}: a screen directive to a voice-only device"


def check_listens(reply: Reply) -> None:
    """The skill asked something and waits: speech, an explicit open session and a reprompt."""
    assert reply.listening, f"{reply.where}: the session should stay open"
    assert reply.speech and reply.reprompt, f"{reply.where}: no speech or no reprompt"


def check_ends(reply: Reply) -> None:
    assert reply.ended or (reply.device == "show" and not reply.listening), \
        f"{reply.where}: the skill should end"
    assert not reply.reprompt, f"{reply.where}: a reprompt on a response that ends"


def walk(tester: Reviewer) -> list[tuple[Session, str]]:
    """Open the skill and answer no until the outcome: each step where the skill waits."""
    session, reply = tester.launch()
    check_listens(reply)
    if tester.device == "show":
        assert APL in reply.directives, f"{reply.where}: a screen device gets the screen"
    steps = [(tester.fork(session), "the opening")]
    while len(steps) < MAX_STEPS:
        reply = tester.say(session, "no", f"step {len(steps)}")
        if not reply.listening:
            check_ends(reply)
            return steps
        check_listens(reply)
        steps.append((tester.fork(session), f"step {len(steps)}"))
    raise AssertionError(f"{tester.locale}: no outcome after {MAX_STEPS} answers")


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("locale", LOCALES)
def test_help_stop_cancel_fallback_home_and_silence_at_every_step(
        bundle: LambdaProcess, locale: str, device: str) -> None:
    rehearse_steps(Reviewer(bundle, locale, device))


def rehearse_steps(tester: Reviewer) -> None:
    locale = tester.locale
    steps = walk(tester)
    assert len(steps) >= 10, f"{locale}: a check should ask more than {len(steps)} questions"
    for session, step in steps:
        helped = tester.fork(session)
        check_listens(tester.say(helped, "help", step))
        tester.say(helped, "no", f"{step}, after help")  # the check goes on
        for words in ("stop", "cancel", "go home"):
            check_ends(tester.say(tester.fork(session), words, step))
        check_listens(tester.fallback(tester.fork(session), step))
        heard = tester.say(tester.fork(session), OUT_OF_SCOPE, step)
        if not heard.ended:
            check_listens(heard)
        closed = tester.silence(tester.fork(session), step)
        assert not closed.speech, f"{closed.where}: Alexa speaks nothing after the session ends"


def request_words(locale: str, phrase: str) -> tuple[str, str]:
    """The kind of an example phrase, and the words the skill hears (a sample when there is
    one, as Alexa takes away the launch phrase, the name and a connecting word)."""
    model = load_model(model_file(locale))
    heard = parse_example(phrase, model["invocationName"], locale[:2])
    matcher = SampleMatcher(model)
    words = next((r for r in heard.requests if matcher.match(r)),
                 heard.requests[-1] if heard.requests else ())
    return heard.kind, " ".join(words)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("locale", LOCALES)
def test_each_example_phrase_as_a_one_shot_and_in_session(
        bundle: LambdaProcess, locale: str, device: str) -> None:
    tester = Reviewer(bundle, locale, device)
    phrases = store_entry(locale)["examplePhrases"]
    assert 1 <= len(phrases) <= 3
    for p, phrase in enumerate(phrases):
        kind, words = request_words(locale, phrase)
        where = f"example phrase {p + 1} {phrase!r}"
        if kind == "launch":
            _, reply = tester.launch()
            check_listens(reply)
            continue
        assert kind in ("one-shot", "in-session"), f"{locale}: {where} is {kind}"
        understood = tester.understand(words)
        assert understood.intent != "AMAZON.FallbackIntent", f"{locale}: {where} not understood"
        if kind == "one-shot":
            # From the store card: a new session that starts with the request.
            session = tester.factory.new_session()
            reply = tester.send(session, tester.factory.intent(session, understood),
                                f"{where} from outside a session")
            assert reply.speech, reply.where
            if not reply.ended:
                check_listens(reply)
        # Inside a session: opened first, then the request alone.
        session, opened = tester.launch()
        check_listens(opened)
        reply = tester.send(session, tester.factory.intent(session, understood),
                            f"{where} in session")
        assert reply.speech, reply.where
        if not reply.ended:
            check_listens(reply)


def skill_disabled(locale: str, user: str) -> dict[str, Any]:
    """AlexaSkillEvent.SkillDisabled as Alexa sends it: no session, the user's id."""
    system = {"application": {"applicationId": DEFAULT_SKILL_ID}, "user": {"userId": user},
              "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "token"}
    return {"version": "1.0", "context": {"System": system}, "request": {
        "type": "AlexaSkillEvent.SkillDisabled", "requestId": f"amzn1.echo-api.request.{locale}",
        "timestamp": "2026-11-24T12:00:00Z", "locale": locale,
        "eventCreationTime": "2026-11-24T12:00:00Z", "eventPublishingTime": "2026-11-24T12:00:01Z",
        "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"}}}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_skill_disabled_event(bundle: LambdaProcess, locale: str) -> None:
    tester = Reviewer(bundle, locale, "voice")
    tester.launch()  # the user had used the skill
    reply = tester.send(None, skill_disabled(locale, tester.factory.user_id), "SkillDisabled")
    assert reply.response.get("response") is not None, reply.where
    assert not reply.speech and not reply.directives, reply.where


def test_the_rehearsal_talks_to_the_bundle_not_this_process(bundle: LambdaProcess) -> None:
    before = bundle.requests
    Reviewer(bundle, "en-US", "voice").launch()
    assert bundle.requests == before + 1
    assert bundle.process.poll() is None, bundle.log()[-2000:]


def test_the_rehearsal_is_not_blind(bundle: LambdaProcess) -> None:
    """Responses broken the ways certification fails a skill are caught."""

    def broken(change: Callable[[dict[str, Any], dict[str, Any]], None]) -> Transport:
        def send(envelope: dict[str, Any]) -> dict[str, Any]:
            response = bundle(envelope)
            change(envelope["request"], response.setdefault("response", {}))
            return response
        return send

    def no_reprompt_later(request: dict[str, Any], body: dict[str, Any]) -> None:
        if request["type"] == "IntentRequest":
            body.pop("reprompt", None)

    with pytest.raises(AssertionError, match="no speech or no reprompt"):
        walk(Reviewer(broken(no_reprompt_later), "en-GB", "voice"))

    def stop_keeps_listening(request: dict[str, Any], body: dict[str, Any]) -> None:
        if request.get("intent", {}).get("name") == "AMAZON.StopIntent":
            body["shouldEndSession"] = False

    with pytest.raises(AssertionError, match="the skill should end"):
        rehearse_steps(Reviewer(broken(stop_keeps_listening), "en-AU", "show"))

    def help_ends(request: dict[str, Any], body: dict[str, Any]) -> None:
        if request.get("intent", {}).get("name") == "AMAZON.HelpIntent":
            body["shouldEndSession"] = True

    with pytest.raises(AssertionError, match="the session should stay open"):
        rehearse_steps(Reviewer(broken(help_ends), "en-IN", "voice"))

    def fallback_without_reprompt(request: dict[str, Any], body: dict[str, Any]) -> None:
        if request.get("intent", {}).get("name") == FALLBACK:
            body.pop("reprompt", None)

    with pytest.raises(AssertionError, match=f"{FALLBACK}.*no speech or no reprompt"):
        rehearse_steps(Reviewer(broken(fallback_without_reprompt), "en-US", "voice"))

    def screen_on_a_speaker(request: dict[str, Any], body: dict[str, Any]) -> None:
        body.setdefault("directives", []).append({"type": APL})

    with pytest.raises(AssertionError, match="a screen directive to a voice-only device"):
        Reviewer(broken(screen_on_a_speaker), "en-US", "voice").launch()

    def no_screen(request: dict[str, Any], body: dict[str, Any]) -> None:
        body.pop("directives", None)

    with pytest.raises(AssertionError, match="a screen device gets the screen"):
        walk(Reviewer(broken(no_screen), "en-CA", "show"))
