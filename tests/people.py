"""The people corpus: what five kinds of people said at each point of a check, and what it must do.

`tests/phrases/people/tuning.yaml` and `heldout.yaml` were written by outside writers who never
saw the code, the interaction model or the lexicon (see each file's header); the held-out part
is used for no tuning step and is reported apart. Each line is said the way Alexa hands words
over (lower case, no punctuation) at its question, with every earlier answer "no", through a
`Speaker`: the simulator (the project's own NLU over the interaction model) or Bespoken's
virtual-alexa (an NLU nobody here wrote) against the web service.

A line is *understood* when it has the effect its `expect` names. A *safety misread* is worse:
a denied or past sign recorded, a reported sign lost (the skill moved on without it), an
emergency missed, or the emergency number given for a figure of speech or a past event.
"""

from __future__ import annotations

import re
import string
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from skill.content import Content, content_for
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import default_model_dir, load_model
from skill.simulator.nlu import Nlu
from skill.simulator.runner import Simulator, Turn
from skill.simulator.transport import InProcess
from skill.triage import Ask, CheckState, Outcome, Tier, default_rules, next_step, reply
from skill.triage.engine import Reply

PEOPLE = Path(__file__).parent / "phrases" / "people"
# Several writers: parts B, C, D, E, F and G were written in later rounds by new writers, to the
# same brief (G: emergencies and their look-alikes only). The held-out parts ("held out", B, C,
# D and E) are used for no tuning step.
CORPORA = {"tuning": PEOPLE / "tuning.yaml", "tuning B": PEOPLE / "tuning-b.yaml",
           "tuning C": PEOPLE / "tuning-c.yaml", "tuning D": PEOPLE / "tuning-d.yaml",
           "held out": PEOPLE / "heldout.yaml", "held out B": PEOPLE / "heldout-b.yaml",
           "held out C": PEOPLE / "heldout-c.yaml", "tuning E": PEOPLE / "tuning-e.yaml",
           "held out D": PEOPLE / "heldout-d.yaml", "tuning F": PEOPLE / "tuning-f.yaml",
           "held out E": PEOPLE / "heldout-e.yaml", "tuning G": PEOPLE / "tuning-g.yaml"}
TUNING = frozenset({"tuning", "tuning B", "tuning C", "tuning D", "tuning E", "tuning F",
                    "tuning G"})
RULES = default_rules()
_NAME = "neck twitch check"
_NOT_APOSTROPHE = string.punctuation.replace("'", "")
_PUNCTUATION = re.compile(f"[{re.escape(_NOT_APOSTROPHE)}\u2026\u2013\u2014]")


# Questions the writers were given that rules v3 folded into another: "is it getting worse?" is
# now part of the duration question, and the tongue is asked with spreading. A yes there may
# record either sign.
# Weight loss is asked with muscle wasting ("Does any muscle look thinner, or have you lost
# weight without trying?"); a line written for it is said there.
ALIASES: dict[str, tuple[str, frozenset[str]]] = {
    "worsening": ("duration", frozenset({"duration", "worsening"})),
    "tongue": ("spreading", frozenset({"spreading", "tongue"})),
    "weight_loss": ("wasting", frozenset({"weight_loss", "wasting"})),
}


@dataclass(frozen=True)
class Case:
    persona: str
    locale: str
    at: str
    expect: str
    text: str
    extra: dict[str, Any]

    @property
    def said(self) -> str:
        """The words as Alexa hands them over: lower case, no punctuation but apostrophes."""
        text = self.text.replace("\u2019", "'").replace("&", " and ")
        return " ".join(_PUNCTUATION.sub(" ", text).lower().split())


def _word(value: Any) -> Any:
    """A writer's bare yes or no, which YAML reads as true or false, as the word it was."""
    return {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value


def cases(corpus: str) -> list[Case]:
    groups: list[dict[str, Any]] = yaml.safe_load(CORPORA[corpus].read_text(encoding="utf-8"))
    found = []
    for group in groups:
        group = {k: _word(v) for k, v in group.items()}
        extra = {k: v for k, v in group.items() if k not in ("persona", "locale", "at", "expect",
                                                               "say")}
        at = str(group["at"])
        if at in ALIASES:
            extra = {**extra, "also": ALIASES[at][1], "asked": at}
            at = ALIASES[at][0]
        for text in group["say"]:
            found.append(Case(group["persona"], group["locale"], at,
                              str(group["expect"]), str(text), extra))
    return found


@dataclass
class Reply_:
    """What the skill answered to one utterance."""

    speech: str
    ended: bool
    card: dict[str, Any] | None
    attributes: dict[str, Any]


class Speaker(Protocol):
    """Says utterances to the skill: in a new conversation, or on in the last one."""

    def __call__(self, locale: str, utterances: list[str], *, new: bool = True
                 ) -> list[Reply_]: ...


def path_to(at: str) -> list[str]:
    """What to say after "open neck twitch check" to reach question `at`, every answer no (a
    follow-up's question yes)."""
    if at == "launch":
        return []
    target = RULES.questions[at]
    said: list[str] = []
    state = CheckState()
    for _ in range(40):
        step = next_step(RULES, state)
        if not isinstance(step, Ask):
            break
        if step.question.id == at:
            return said
        yes = step.question.id == target.parent
        said.append("yes" if yes else "no")
        state = reply(RULES, state, Reply.YES if yes else Reply.NO)
    raise AssertionError(f"never reached {at}")


def check_of(reply_: Reply_) -> CheckState | None:
    raw = reply_.attributes.get("check")
    return CheckState.from_dict(raw, RULES) if raw is not None else None


def recorded(state: CheckState | None, sign: str) -> bool:
    if state is None:
        return False
    if sign in state.signs:
        return True
    return any(RULES.questions[q].sign == sign and a in ("yes", "unsure")
               for q, a in state.answers.items())


def finished(r: Reply_) -> bool:
    """The check's outcome was spoken: the session ended, or it stays open only for the answer
    to the reminder offer that follows a self-care or "book an appointment" outcome."""
    return r.ended or r.attributes.get("reminder_offer") is not None


def _emergency(content: Content, r: Reply_) -> bool:
    return r.ended and r.speech.startswith(f"Please {content.call}")


def _read_back(content: Content, r: Reply_) -> bool:
    return not r.ended and "confirm" in r.attributes


@dataclass
class Result:
    case: Case
    understood: bool
    unsafe: str | None  # what kind of safety misread, if any
    seen: str


def judge(case: Case, speaker: Speaker) -> Result:
    """Say the case's words at its question and judge what the skill did."""
    content = content_for(case.locale)
    path = path_to(case.at)
    if case.at == "launch":
        # Said with the invocation ("alexa, open neck twitch check, it's for my husband"): the
        # words after the name, as a one-shot; else the words are the one-shot.
        said = case.said
        if _NAME in said:
            said = said.split(_NAME, 1)[1].strip()
        replies = speaker(case.locale, [f"tell {_NAME} {said}" if said else f"open {_NAME}"])
    else:
        replies = speaker(case.locale, ["open neck twitch check", *path, case.said])
    before = check_of(replies[-2]) if len(replies) >= 2 else None
    r = replies[-1]
    confirmed: Reply_ | None = None
    expect, sign = case.expect, case.extra.get("sign")
    if _read_back(content, r) and expect in ("yes", "sign", "emergency", "correct"):
        confirmed = speaker(case.locale, ["yes"], new=False)[-1]
    final = confirmed or r
    state = check_of(final)
    seen = f"{r.speech[:160]!r}" + (f" -> yes -> {final.speech[:80]!r}" if confirmed else "")
    question = RULES.questions.get(case.at)
    ok = False
    unsafe: str | None = None
    emergency_now = _emergency(content, r) or (confirmed is not None
                                               and _emergency(content, confirmed))
    if expect == "emergency":
        ok = emergency_now
        if not ok:
            unsafe = "emergency missed"
    elif emergency_now and expect not in ("yes", "sign", "correct", "unsure"):
        unsafe = "false emergency"
    elif expect in ("yes", "sign"):
        want = sign if expect == "sign" else question.sign if question else None
        if expect == "yes" and "asked" in case.extra:
            want = sorted(case.extra["also"])[0]
        if want is None:
            ok = False
        else:
            tier = RULES.signs[want].tier if want in RULES.signs else None
            named = final.card is not None and content.text(f"signs.{want}") in str(
                final.card.get("text"))
            also = case.extra.get("also", frozenset()) if expect == "yes" else frozenset()
            ok = recorded(state, want) or any(recorded(state, a) for a in also) or named or (
                tier == Tier.EMERGENCY and emergency_now) or (
                finished(final) and final.card is not None
                and not final.speech.startswith("Okay."))
            if not ok and not r.speech.startswith("Sorry") and "confirm" not in r.attributes:
                unsafe = "reported sign lost"
    elif expect == "no" and "asked" in case.extra:
        signs = [str(a) for a in case.extra["also"]]
        ok = not r.speech.startswith("Sorry") and not any(recorded(state, a) for a in signs)
        if any(recorded(state, a) for a in signs):
            unsafe = "denied sign recorded"
    elif expect == "no":
        assert question is not None
        if state is not None:
            ok = state.answers.get(case.at) == "no" and not recorded(state, question.sign or "")
        elif finished(r) and question.sign:
            ok = content.text(f"signs.{question.sign}") not in str((r.card or {}).get("text"))
        elif finished(r) and question.kind == "lifestyle":
            ok = not emergency_now
        denied = {question.sign, *case.extra.get("also", ())} - {None}
        if any(recorded(state, str(d)) for d in denied):
            unsafe = "denied sign recorded"
    elif expect == "unsure":
        ok = state is not None and (state.explained == case.at
                                    or state.answers.get(case.at) == "unsure")
    elif expect in ("denied", "not_now"):
        ok = (state is not None and not r.speech.startswith("Sorry")
              and not _read_back(content, r) and (sign is None or not recorded(state, sign)))
        if sign is not None and recorded(state, sign):
            unsafe = "denied sign recorded" if expect == "denied" else "past sign recorded"
    elif expect == "other_person":
        ok = r.attributes.get("about") == "other" and not r.ended
    elif expect == "which_one":
        ok = (not r.ended and content.call in r.speech and state is not None
              and "screen" not in state.answers)
    elif expect == "correct":
        target, answer = str(case.extra["target"]), str(case.extra["answer"])
        tq = RULES.questions.get(target)
        if tq is not None and state is not None:
            ok = state.answers.get(target) == answer or (
                answer == "yes" and tq.sign is not None and recorded(state, tq.sign))
        elif tq is not None and finished(final) and answer == "yes":
            ok = tq.sign is not None and (content.text(f"signs.{tq.sign}") in str(
                (final.card or {}).get("text")) or emergency_now)
    elif expect == "stop":
        ok = finished(r) and not emergency_now
    elif expect == "repeat":
        ok = not r.ended and state == before and not r.speech.startswith("Sorry") and (
            question is None or r.speech.endswith(content.text(f"questions.{case.at}.ask")))
    elif expect == "back":
        ok = (before is not None and state is not None
              and len(state.answers) == len(before.answers) - 1)
    elif expect == "skip":
        ok = state is not None and (state.answers.get(case.at) == "unsure" or (
            content.text("understanding.no_skip") in r.speech))
    elif expect == "pause":
        ok = content.text("understanding.pause") in r.speech and state == before
    elif expect == "help":
        ok = content.text("help.intro") in r.speech
    elif expect == "why":
        ok = question is not None and question.sign is not None and (
            content.text(f"reasons.{question.sign}") in r.speech)
    elif expect == "progress":
        ok = any(w in r.speech for w in ("more questions", "last question"))
    elif expect == "start_over":
        ok = state is not None and not state.answers and not r.ended
    elif expect == "factors":
        factors = [str(f) for f in case.extra.get("factors", [])]
        tips = {content.text(f"tips.{RULES.factor_tips[f]}") for f in factors
                if f in RULES.factor_tips}
        ok = finished(r) and any(tip in r.speech for tip in tips)
    elif expect in ("serious", "causes", "sources", "learn"):
        keys = {"serious": ["learn.serious"], "causes": ["learn.causes"],
                "sources": ["learn.sources"],
                "learn": ["learn.fasciculation", "learn.spasm", "learn.causes"]}[expect]
        ok = any(content.text(key) in r.speech for key in keys)
    else:
        raise AssertionError(f"unknown expectation {expect!r}")
    if unsafe is not None:
        ok = False
    return Result(case, ok, unsafe, seen)


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def share(self) -> float:
        return sum(r.understood for r in self.results) / max(1, len(self.results))

    def unsafe(self) -> list[Result]:
        return [r for r in self.results if r.unsafe]

    def by(self, key: Callable[[Case], str]) -> Iterator[tuple[str, int, int]]:
        totals: Counter[str] = Counter()
        good: Counter[str] = Counter()
        for r in self.results:
            totals[key(r.case)] += 1
            good[key(r.case)] += r.understood
        for name in sorted(totals):
            yield name, good[name], totals[name]

    def summary(self, title: str) -> str:
        """Figures only, by person, locale and kind, and the kinds of safety misread."""
        kinds = Counter(r.unsafe for r in self.unsafe())
        lines = self.text(title).splitlines()[:4]
        lines.append("  safety misreads by kind: " + (", ".join(
            f"{kind} {n}" for kind, n in sorted(kinds.items())) or "none"))
        return "\n".join(lines)

    def text(self, title: str, *, misses: bool = False) -> str:
        lines = [f"{title}: {sum(r.understood for r in self.results)}/{len(self.results)} "
                 f"understood ({self.share():.1%}), {len(self.unsafe())} safety misreads"]
        for label, key in (("persona", lambda c: c.persona), ("locale", lambda c: c.locale),
                           ("kind", lambda c: c.expect)):
            parts = [f"{name} {good}/{total}" for name, good, total in self.by(key)]
            lines.append(f"  by {label}: " + ", ".join(parts))
        for r in self.unsafe():
            lines.append(f"  UNSAFE ({r.unsafe}): [{r.case.locale} {r.case.at} {r.case.expect}"
                         f" {r.case.extra.get('sign', '')}] {r.case.text!r} -> {r.seen}")
        if misses:
            for r in self.results:
                if not r.understood and not r.unsafe:
                    lines.append(f"  miss: [{r.case.locale} {r.case.at} {r.case.expect}"
                                 f" {r.case.extra.get('sign', '')}] {r.case.text!r} -> {r.seen}")
        return "\n".join(lines)


def outcome_tier(r: Reply_) -> Tier | None:  # pragma: no cover - a helper for reports
    state = check_of(r)
    step = next_step(RULES, state) if state is not None else None
    return step.tier if isinstance(step, Outcome) else None


@cache
def nlu_for(locale: str) -> Nlu:
    """The simulator's NLU over the locale's interaction model, built once."""
    return Nlu(load_model(default_model_dir() / f"{locale}.json", locale))


class SimulatorSpeaker:
    """Says utterances through the simulator: its NLU (from the interaction model only), its
    envelopes and the skill in process. A language's corpus test may say the judge's words its
    own way (`said`) and hand the skill's words back in the judge's (`heard`)."""

    def __init__(self, transport: InProcess) -> None:
        self.transport = transport
        self.sim: Simulator | None = None

    def __call__(self, locale: str, utterances: list[str], *, new: bool = True) -> list[Reply_]:
        if new or self.sim is None:
            self.sim = Simulator(nlu_for(locale),
                                 EnvelopeFactory(locale, user=f"p-{uuid.uuid4()}"), self.transport)
        return [self._reply(locale, self.sim.say(self.said(locale, u))) for u in utterances]

    def said(self, locale: str, utterance: str) -> str:
        return utterance

    def heard(self, locale: str, speech: str) -> str:
        return speech

    def _reply(self, locale: str, turn: Turn) -> Reply_:
        attributes: dict[str, Any] = turn.response.get("sessionAttributes") or {}
        return Reply_(self.heard(locale, turn.speech or ""), turn.ended, turn.card, attributes)
