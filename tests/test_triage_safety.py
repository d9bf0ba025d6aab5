"""Safety invariants, proven over every conversation the engine can have.

The oracle below restates the clinical mapping independently of rules.yaml, so a change to
the rules that breaks the mapping fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

import pytest

from skill.content import content_for
from skill.content.render import Spoken, outcome_step, stopped_step
from skill.triage import (
    Answer,
    Ask,
    CheckState,
    Outcome,
    Reply,
    Step,
    Tier,
    default_rules,
    next_step,
    outcome_so_far,
    reply,
)
from skill.triage.engine import volunteer

RULES = default_rules()

# The tier mapping (NICE NG127, NHS muscle twitching), sign by sign.
EXPECTED_TIER: dict[str, Tier] = {
    "breathing": Tier.EMERGENCY,
    "sudden_speech": Tier.EMERGENCY,
    "sudden_weakness": Tier.EMERGENCY,
    "sudden_balance": Tier.EMERGENCY,
    "swallowing": Tier.URGENT,
    "speech": Tier.URGENT,
    "weakness": Tier.URGENT,
    "balance": Tier.URGENT,
    "wasting": Tier.URGENT,
    "numbness": Tier.SOON,
    "spreading": Tier.SOON,
    "duration": Tier.SOON,
    "daily_life": Tier.SOON,
    "medicine": Tier.SOON,
}
REQUIRED_SIGNS = {"weakness", "swallowing", "speech", "balance", "numbness"}
DIAGNOSIS = re.compile(
    r"\byou(?:'ve| have| probably have| likely have| may have| are having)\s+(?:got\s+)?"
    r"(?:a |an )?(?:als|motor neu\w+|mnd|ms|multiple sclerosis|parkinson\w*|stroke|cancer|"
    r"tumou?r|neuropathy|myopathy|disease|condition)\b",
    re.IGNORECASE,
)
DISEASE_NAMES = re.compile(r"\b(?:ALS|amyotrophic|motor neuron|MND|multiple sclerosis|"
                           r"Parkinson|cancer|tumou?r)\b", re.IGNORECASE)

Path = tuple[tuple[str, Reply], ...]


def walk(start: CheckState) -> Iterator[tuple[Path, CheckState, Step]]:
    """Every point of every conversation from `start`: each asked question answered yes, no or
    not sure, depth first."""
    stack: list[tuple[Path, CheckState]] = [((), start)]
    while stack:
        path, state = stack.pop()
        step = next_step(RULES, state)
        yield path, state, step
        if isinstance(step, Outcome):
            continue
        assert len(path) < 60, f"conversation does not end: {path}"
        for said in Reply:
            stack.append(((*path, (step.question.id, said)), reply(RULES, state, said)))


def conversations(start: CheckState | None = None) -> Iterator[tuple[Path, CheckState, Outcome]]:
    """Every whole conversation from `start` (a new check by default), with its outcome."""
    for path, state, step in walk(start or CheckState()):
        if isinstance(step, Outcome):
            yield path, state, step


def oracle_tier(path: Path) -> Tier:
    """The outcome the mapping demands: the most severe sign said yes to, or stayed unsure of."""
    unsure_once: set[str] = set()
    tier = Tier.SELF_CARE
    for qid, said in path:
        question = RULES.questions[qid]
        if not question.is_red_flag:
            continue
        if said is Reply.NOT_SURE and qid not in unsure_once:
            unsure_once.add(qid)
            continue
        if said in (Reply.YES, Reply.NOT_SURE):
            assert question.sign is not None
            tier = max(tier, EXPECTED_TIER[question.sign])
    return tier


@cache
def spoken(outcome: Outcome) -> Spoken:
    return outcome_step(content_for("en-US"), outcome)


@cache
def spoken_on_stop(outcome: Outcome) -> Spoken:
    return stopped_step(content_for("en-US"), outcome)


@pytest.fixture(scope="module")
def every_conversation() -> list[tuple[Path, CheckState, Outcome]]:
    return list(conversations())


def test_rules_ask_the_required_signs_with_the_mapped_tiers() -> None:
    signs = {q.sign: q.tier for q in RULES.questions.values() if q.is_red_flag}
    assert set(signs) >= REQUIRED_SIGNS
    assert signs == EXPECTED_TIER


def test_every_conversation_gets_the_mapped_outcome(
        every_conversation: list[tuple[Path, CheckState, Outcome]]) -> None:
    tiers: Counter[Tier] = Counter()
    for path, _state, outcome in every_conversation:
        expected = oracle_tier(path)
        assert outcome.tier == expected, f"{path} gave {outcome.tier.key}, expected {expected.key}"
        tiers[outcome.tier] += 1
    # Every tier is reachable, and the tree really was walked (3^5 lifestyle x 2^10 all-clear).
    assert set(tiers) == set(Tier)
    assert tiers[Tier.SELF_CARE] == 3 ** len(RULES.lifestyle) * 2 ** len(RULES.red_flags)


def test_no_sign_present_ever_gives_self_care(
        every_conversation: list[tuple[Path, CheckState, Outcome]]) -> None:
    for path, state, outcome in every_conversation:
        flagged = [qid for qid, answer in state.answers.items()
                   if RULES.questions[qid].is_red_flag and answer.value in ("yes", "unsure")]
        if flagged:
            assert outcome.tier != Tier.SELF_CARE, path
            assert {q.id for q in outcome.reported} == set(flagged), path
        else:
            assert outcome.tier == Tier.SELF_CARE, path


def test_every_emergency_sign_gives_the_emergency_number(
        every_conversation: list[tuple[Path, CheckState, Outcome]]) -> None:
    emergency_qids = {q.id for q in RULES.questions.values() if q.tier == Tier.EMERGENCY}
    seen = 0
    for path, state, outcome in every_conversation:
        if any(state.answers.get(qid) in {"yes", "unsure"} for qid in emergency_qids):
            seen += 1
            assert outcome.tier == Tier.EMERGENCY, path
            words = " ".join(spoken(outcome).speech)
            assert "call 911 now" in words, path
            card = spoken(outcome).card
            assert card is not None and "911" in card.title
    assert seen > 0


def test_outcome_words_are_safe_and_end_with_what_to_do(
        every_conversation: list[tuple[Path, CheckState, Outcome]]) -> None:
    content = content_for("en-US")
    for _path, _state, outcome in every_conversation:
        said = spoken(outcome)
        words = " ".join(said.speech)
        assert not DIAGNOSIS.search(words), words
        assert not DISEASE_NAMES.search(words), words
        assert said.speech[-1] == content.text(f"outcomes.{outcome.tier.key}.watch")
        assert said.ends_session and said.card is not None
        assert "What to watch for" in said.card.text and "not a doctor" in said.card.text
        for question in outcome.reported:
            assert content.text(f"signs.{question.sign}") in words
        if outcome.tier == Tier.SELF_CARE:
            assert RULES.min_tips <= len(outcome.tips) <= RULES.max_tips


def test_lifestyle_answers_only_change_the_tips() -> None:
    prefix = CheckState(answers={q.id: Answer.NO for q in RULES.red_flags})
    tips_seen = set()
    for path, _state, outcome in conversations(prefix):
        assert outcome.tier == Tier.SELF_CARE, path
        tips_seen.add(outcome.tips)
        for qid, said in path:
            tip = RULES.questions[qid].tip
            if said is not Reply.NO and len(outcome.tips) < RULES.max_tips:
                assert tip in outcome.tips, (path, outcome.tips)
    assert len(tips_seen) > 10


def test_not_sure_explains_once_then_counts_as_present() -> None:
    for question in RULES.red_flags:
        state = CheckState(answers={q.id: Answer.NO for q in RULES.red_flags
                                    if q.id != question.id})
        assert next_step(RULES, state) == Ask(question)
        once = reply(RULES, state, Reply.NOT_SURE)
        assert next_step(RULES, once) == Ask(question, clarify=True)
        twice = reply(RULES, once, Reply.NOT_SURE)
        assert twice.answers[question.id] is Answer.UNSURE
        assert next_step(RULES, twice) != Ask(question, clarify=True)


@pytest.mark.parametrize("sign", sorted(EXPECTED_TIER))
def test_a_volunteered_sign_is_never_lost(sign: str) -> None:
    """Volunteered at any point of an all-clear check, a sign still decides the outcome."""
    state = CheckState()
    points = 0
    while True:
        step = next_step(RULES, state)
        offered = volunteer(RULES, state, sign)
        final = offered
        while not isinstance(next_step(RULES, final), Outcome):
            final = reply(RULES, final, Reply.NO)
        outcome = next_step(RULES, final)
        assert isinstance(outcome, Outcome)
        assert outcome.tier >= EXPECTED_TIER[sign], (sign, points)
        assert sign in {q.sign for q in outcome.reported}
        points += 1
        if isinstance(step, Outcome):
            break
        state = reply(RULES, state, Reply.NO)
    assert points == len(RULES.red_flags) + len(RULES.lifestyle) + 1


def test_a_check_stopped_at_any_point_never_reassures_and_keeps_every_sign() -> None:
    """Stop, cancel or home mid-check: whatever was reported still gets its advice."""
    content = content_for("en-US")
    stops: Counter[Tier] = Counter()
    # From a new check, and from one where a sign was volunteered first ("I also have ...").
    starts = [(CheckState(), Tier.SELF_CARE)] + [
        (volunteer(RULES, CheckState(), sign), tier) for sign, tier in EXPECTED_TIER.items()]
    for start, volunteered in starts:
        for path, state, step in walk(start):
            if isinstance(step, Outcome):
                continue
            expected = max(volunteered, oracle_tier(path))
            so_far = outcome_so_far(RULES, state)
            stops[expected] += 1
            if expected == Tier.SELF_CARE:
                assert so_far is None, path  # the generic goodbye with its safety net
                continue
            assert so_far is not None and so_far.tier == expected, path
            said = spoken_on_stop(so_far)
            words = " ".join(said.speech)
            key = f"outcomes.{expected.key}"
            assert content.text(f"{key}.action") in words, path
            assert content.text(f"{key}.watch") in words, path
            assert "harmless" not in words and not DISEASE_NAMES.search(words), words
            for question in so_far.reported:
                assert content.text(f"signs.{question.sign}") in words, path
            assert said.ends_session and said.card is not None
            assert said.card.title == content.text(f"{key}.title")
    # A check asks nothing more once it is an emergency; every other tier can be stopped in.
    assert set(stops) == {Tier.SELF_CARE, Tier.SOON, Tier.URGENT}, stops
