"""The phrase corpus through the simulator: what people say at each point of a check, and the
effect each must have. The simulator understands only what the interaction model (plus Alexa's
built-in intents) gives it, so what passes here is what the model gives Alexa.

Emergencies and denials must all be handled; the share of the whole corpus handled as expected
is printed and must stay at least MIN_SHARE.
"""

from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from people import ALIASES

from skill.content import content_for
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import default_model_dir, load_model
from skill.simulator.nlu import Nlu
from skill.simulator.runner import Simulator, Turn
from skill.simulator.transport import InProcess
from skill.triage import Ask, CheckState, default_rules, next_step

PHRASES = Path(__file__).parent / "phrases"
# en-US.yaml was written with the model; en-US.heldout.yaml was written blind, from the
# questions alone, by someone who never saw the interaction model or the lexicon.
CORPORA = {"written with the model": "en-US.yaml", "held out": "en-US.heldout.yaml"}
RULES = default_rules()
CONTENT = content_for("en-US")
MIN_SHARE = {"written with the model": 0.97, "held out": 0.93}
MUST_ALL_PASS = {"emergency"}


def cases(name: str = "en-US.yaml") -> list[tuple[str, str, str, dict[str, Any]]]:
    corpus: list[dict[str, Any]] = yaml.safe_load((PHRASES / name).read_text(encoding="utf-8"))
    found = []
    for group in corpus:
        at = group["at"]
        for item in group["say"]:
            extra = item if isinstance(item, dict) else {"text": item}
            if at in ALIASES:  # a question rules v3 folded into another (tests/people.py)
                extra = {**extra, "also": ALIASES[at][1]}
            found.append((ALIASES[at][0] if at in ALIASES else at, group["expect"],
                          extra["text"], extra))
    return found


CASES = cases()


@pytest.fixture(scope="module")
def nlu() -> Nlu:
    return Nlu(load_model(default_model_dir() / "en-US.json", "en-US"))


@pytest.fixture(scope="module")
def transport(tmp_path_factory: pytest.TempPathFactory) -> InProcess:
    folder = tmp_path_factory.mktemp("phrase-memory")
    return InProcess(storage=f"sqlite:{folder}/memory.sqlite3")


def check_of(turn: Turn) -> CheckState | None:
    raw = (turn.response.get("sessionAttributes") or {}).get("check")
    return CheckState.from_dict(raw, RULES) if raw is not None else None


def arrive(sim: Simulator, at: str) -> Turn:
    """Start a check and answer until the question `at` is pending."""
    turn = sim.say("open neck twitch check")
    target = RULES.questions[at]
    for _ in range(40):
        state = check_of(turn)
        assert state is not None, turn.speech
        step = next_step(RULES, state)
        assert isinstance(step, Ask), f"never reached {at}"
        if step.question.id == at:
            return turn
        turn = sim.say("yes" if step.question.id == target.parent else "no")
    raise AssertionError(f"never reached {at}")


def pending_sign_present(state: CheckState, qid: str) -> bool:
    question = RULES.questions[qid]
    return state.answers.get(qid) == "yes" or question.sign in state.signs


def outcome(at: str, expect: str, text: str, extra: dict[str, Any], nlu: Nlu,
            transport: InProcess) -> tuple[bool, str, bool]:
    """Say `text` at `at`: whether it had the effect `expect`, what happened, and whether it
    was unsafe (a denied sign recorded, or a "no" that recorded the sign)."""
    sim = Simulator(nlu, EnvelopeFactory("en-US", user=f"corpus-{uuid.uuid4()}"), transport)
    if at == "launch":
        turn = sim.say(f"tell neck twitch check {text}")
        before: CheckState | None = None
        question = None
    elif at == "resume":
        sim.say("open neck twitch check")
        sim.say("no")
        sim.say("stop")
        offer = sim.say("open neck twitch check")
        assert offer.speech and "carry on" in offer.speech, offer.speech
        turn = sim.say(text)
        before, question = None, None
    else:
        arrived = arrive(sim, at)
        before = check_of(arrived)
        question = RULES.questions[at]
        turn = sim.say(text)
    if expect in ("sign", "yes") and "confirm" in (turn.response.get("sessionAttributes") or {}):
        turn = sim.say("yes")  # a sign from free words is read back before it counts
    speech = turn.speech or ""
    state = check_of(turn)
    seen = f"{turn.intent} -> {speech[:140]!r}"
    ok: bool
    if expect == "emergency":
        ok = speech.startswith("Please call 911 now") and turn.ended
    elif at == "resume" and expect in ("yes", "no"):
        said = "memory.resuming" if expect == "yes" else "memory.fresh"
        ok = speech.startswith(CONTENT.text(said))
    elif expect in ("yes", "no", "unsure"):
        assert question is not None
        if turn.ended:
            # The answer settled the outcome: its card shows whether the sign was counted.
            card = turn.card or {}
            self_care = CONTENT.text("outcomes.self_care.title")
            named = question.sign is not None and CONTENT.text(
                f"signs.{question.sign}") in str(card.get("text"))
            ok = (expect == "yes" and named) or (expect == "no" and not named and (
                question.kind != "lifestyle" or card.get("title") == self_care))
        elif state is None:
            ok = False
        elif expect == "yes":
            ok = pending_sign_present(state, at)
        elif expect == "no":
            ok = state.answers.get(at) == "no" and not pending_sign_present(state, at)
        else:
            ok = state.explained == at or state.answers.get(at) == "unsure"
    elif expect == "sign":
        sign = extra["sign"]
        if turn.ended:
            ok = sign != "unrecognised" and CONTENT.text(f"signs.{sign}") in str(
                (turn.card or {}).get("text"))
        elif sign == "unrecognised":
            ok = state is not None and bool(state.unrecognised)
        else:
            ok = state is not None and (sign in state.signs or any(
                RULES.questions[q].sign == sign and a == "yes" for q, a in state.answers.items()))
    elif expect == "denied":
        sign = extra["sign"]
        recorded = state is not None and (sign in state.signs or any(
            RULES.questions[q].sign == sign and a != "no" for q, a in state.answers.items()))
        ok = (state is not None and not recorded and not state.unrecognised
              and not speech.startswith("Sorry"))
        return ok, seen, recorded
    elif expect == "factors":
        tips = [CONTENT.text(f"tips.{RULES.factor_tips[f]}") for f in extra["factors"]]
        ok = turn.ended and all(tip in speech for tip in tips[: RULES.max_tips])
    elif expect == "ask_which":
        ok = speech.startswith("Which ones?")
    elif expect == "back":
        ok = (before is not None and state is not None
              and len(state.answers) == len(before.answers) - 1 and "going back" in speech)
    elif expect == "progress":
        ok = "more questions" in speech or "last question" in speech
    elif expect == "repeat":
        assert question is not None
        ok = (speech.endswith(CONTENT.text(f"questions.{at}.ask")) and state == before
              and not speech.startswith("Sorry"))
    elif expect == "why":
        assert question is not None and question.sign is not None
        ok = CONTENT.text(f"reasons.{question.sign}") in speech
    elif expect == "help":
        ok = CONTENT.text("help.intro") in speech
    elif expect in ("causes", "serious", "sources"):
        ok = CONTENT.text(f"learn.{expect}") in speech and (at == "launch" or state == before)
    elif expect == "learn":
        ok = any(CONTENT.text(f"learn.{t}") in speech for t in ("fasciculation", "spasm"))
    elif expect == "stop":
        ok = turn.ended and "Goodbye" in speech
    else:
        raise AssertionError(f"unknown expectation {expect!r}")
    unsafe = expect == "no" and state is not None and at in RULES.questions and (
        pending_sign_present(state, at))
    return ok, seen, unsafe


def test_the_corpus_is_broad() -> None:
    kinds = Counter(expect for _at, expect, _text, _extra in CASES)
    assert len(CASES) + len(cases(CORPORA["held out"])) >= 400
    assert len(CASES) >= 250, len(CASES)
    assert kinds["emergency"] >= 40 and kinds["unsure"] >= 20 and kinds["denied"] >= 8, kinds
    assert len({text.lower() for _at, _e, text, _x in CASES}) >= 200


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_the_corpus_is_handled_as_expected(nlu: Nlu, transport: InProcess, corpus: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    results: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    unsafe: list[str] = []
    every = cases(CORPORA[corpus])
    for at, expect, text, extra in every:
        ok, seen, harm = outcome(at, expect, text, extra, nlu, transport)
        if harm:
            unsafe.append(f"  [{at}] {expect}: {text!r} -> {seen}")
        totals[expect] += 1
        if ok:
            results[expect] += 1
        else:
            misses.append(f"  [{at}] {expect}: {text!r} -> {seen}")
    handled = sum(results.values())
    share = handled / len(every)
    with capsys.disabled():
        print(f"\nphrase corpus ({corpus}): {handled}/{len(every)} handled as expected "
              f"({share:.1%})")
        for expect in sorted(totals):
            print(f"  {expect:10} {results[expect]}/{totals[expect]}")
        if misses:
            print("missed:\n" + "\n".join(misses))
    assert not unsafe, "a denied sign was recorded:\n" + "\n".join(unsafe)
    for expect in MUST_ALL_PASS:
        assert results[expect] == totals[expect], "\n".join(misses)
    assert share >= MIN_SHARE[corpus], "\n".join(misses)
