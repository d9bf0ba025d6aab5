"""Safety invariants, proven over every state the engine can reach.

The engine's next step depends only on its state, so checking every reachable state (from a
new check, and with any sign volunteered at any point) covers every conversation. The oracle
below restates the clinical mapping independently of rules.yaml, so a change to the rules that
breaks the mapping fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pytest

from skill.content import Content, available_locales, content_for
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
from skill.triage.engine import choose, volunteer, volunteer_unrecognised

RULES = default_rules()
E, U, S = Tier.EMERGENCY, Tier.URGENT, Tier.SOON

# The clinical mapping, sign by sign (sources in rules.yaml and ../shared/CLINICAL.md).
EXPECTED_TIER: dict[str, Tier] = {
    # BE-FAST, NHS meningitis and heart attack, dissection red flags: call the number now.
    "emergency_now": E, "breathing_now": E, "face_droop": E, "sudden_weakness": E,
    "sudden_speech": E, "sudden_balance": E, "vision": E, "meningism": E, "thunderclap": E,
    # NICE NG127 / NG42, myelopathy and neck-pain red flags: a provider the same day.
    "breathless": U, "swallowing": U, "speech": U, "weakness": U, "balance": U, "wasting": U,
    "bladder_bowel": U, "injury": U, "worsening": U, "tongue": U,
    # NHS twitching advice, neck-pain red flags: book an appointment.
    "numbness": S, "spreading": S, "stiffness": S, "weight_loss": S, "duration": S,
    "daily_life": S, "medicine": S, "unrecognised": S,
}
LIMB = {"weakness", "sudden_weakness", "numbness", "balance", "sudden_balance", "wasting"}
NERVE = {"weakness", "sudden_weakness", "numbness", "balance", "sudden_balance",
         "bladder_bowel"}
# The design card's five and the clinical review's additions must all be asked.
MUST_ASK = {"weakness", "swallowing", "speech", "balance", "numbness", "emergency_now",
            "breathless", "wasting", "injury", "worsening", "spreading", "tongue", "stiffness",
            "weight_loss", "duration", "medicine", "sudden_speech", "sudden_weakness",
            "sudden_balance", "breathing_now", "bladder_bowel"}


def oracle(signs: Iterable[str]) -> Tier:
    present = set(signs)
    tier = max((EXPECTED_TIER[s] for s in present), default=Tier.SELF_CARE)
    if "bladder_bowel" in present and present & LIMB:  # myelopathy leaflets; CKS neck pain
        tier = E
    if "injury" in present and present & NERVE:  # CKS neck pain: trauma with nerve signs
        tier = E
    return tier


DIAGNOSIS = re.compile(
    r"\byou(?:'ve| have| probably have| likely have| may have| are having)\s+(?:got\s+)?"
    r"(?:a |an )?(?:als|motor neu\w+|mnd|ms|multiple sclerosis|parkinson\w*|stroke|cancer|"
    r"tumou?r|neuropathy|myopathy|meningitis|disease|condition)\b",
    re.IGNORECASE,
)
DISEASE_NAMES = re.compile(r"\b(?:ALS|amyotrophic|motor neuron|MND|multiple sclerosis|"
                           r"Parkinson|cancer|tumou?r)\b", re.IGNORECASE)
CONTENT = content_for("en-US")
# Every shipped locale's words meet the same invariants, with its own number.
CONTENTS = [content_for(locale) for locale in available_locales()]


def state_key(state: CheckState) -> tuple[Any, ...]:
    return (tuple(state.answers.items()), state.explained, state.signs, state.unrecognised,
            state.factors, state.lifestyle_done)


def walk(starts: Iterable[CheckState]) -> Iterator[tuple[CheckState, Step]]:
    """Every state reachable from `starts` by answering yes, no or not sure, once each."""
    seen: set[tuple[Any, ...]] = set()
    stack = list(starts)
    while stack:
        state = stack.pop()
        key = state_key(state)
        if key in seen:
            continue
        seen.add(key)
        step = next_step(RULES, state)
        yield state, step
        if isinstance(step, Ask):
            assert len(state.answers) < 40, f"check does not end: {state}"
            stack.extend(reply(RULES, state, said) for said in Reply)


def signs_of(state: CheckState) -> set[str]:
    """The signs a state holds, read without the engine."""
    found = {RULES.questions[qid].sign or "" for qid, answer in state.answers.items()
             if answer in (Answer.YES, Answer.UNSURE)}
    found.update(state.signs)
    if state.unrecognised:
        found.add("unrecognised")
    return found


@cache
def spoken(outcome: Outcome, content: Content = CONTENT) -> Spoken:
    return outcome_step(content, outcome)


@cache
def spoken_on_stop(outcome: Outcome, content: Content = CONTENT) -> Spoken:
    return stopped_step(content, outcome)


@pytest.fixture(scope="module")
def new_checks() -> list[tuple[CheckState, Step]]:
    return list(walk([CheckState()]))


@pytest.fixture(scope="module")
def volunteered_checks(new_checks: list[tuple[CheckState, Step]]) -> list[
        tuple[CheckState, Step]]:
    """Every sign (and an unrecognised symptom) volunteered at every point of every check."""
    starts = [volunteer(RULES, state, sign) for state, _ in new_checks
              for sign in EXPECTED_TIER if sign != "unrecognised"]
    starts += [volunteer_unrecognised(state, "a rash on my neck") for state, _ in new_checks]
    return list(walk(starts))


def test_rules_ask_the_required_signs_with_the_mapped_tiers() -> None:
    asked = {q.sign for q in RULES.questions.values() if q.sign}
    assert asked >= MUST_ASK, MUST_ASK - asked
    assert {sign: s.tier for sign, s in RULES.signs.items()} == EXPECTED_TIER
    for first, second in (("bladder_bowel", "numbness"), ("injury", "weakness"),
                          ("injury", "bladder_bowel"), ("bladder_bowel", "wasting")):
        assert RULES.tier_of({first, second}) == E, (first, second)
    assert RULES.tier_of({"bladder_bowel", "speech"}) == U
    assert RULES.tier_of({"injury", "spreading"}) == U


def check_outcome(state: CheckState, outcome: Outcome) -> None:
    """Every invariant an outcome must meet."""
    signs = signs_of(state)
    expected = oracle(signs)
    assert outcome.tier == expected, (state, outcome.tier, expected)
    # Invariant 1: anything present never gives self-care; nothing present always does.
    assert (outcome.tier == Tier.SELF_CARE) == (not signs), state
    assert set(outcome.signs) | ({"unrecognised"} if outcome.unrecognised else set()) == signs
    assert not set(outcome.reported) & set(outcome.unsure), outcome
    # The check stopped asking only when no unasked question could raise the outcome.
    for question in RULES.questions.values():
        if question.sign is None or question.id in state.answers or question.sign in signs:
            continue
        if question.parent and RULES.questions[question.parent].sign not in signs:
            continue  # a follow-up is asked only after its question's "yes"
        if question.when_any and not question.when_any & signs:
            continue
        with_it = signs | {question.sign} | {f.sign or "" for f in question.follow_ups}
        assert oracle(with_it - {""}) <= outcome.tier, (state, question.id)
    for content in CONTENTS:
        check_words(outcome, content)


@cache
def check_words(outcome: Outcome, content: Content) -> None:
    """The words of an outcome in one locale: safe, in order, with that locale's number."""
    said = spoken(outcome, content)
    words = " ".join(said.speech)
    where = (content.locale, outcome)
    assert said.ends_session and said.card is not None
    # Invariant 3: never a diagnosis, never a disease named.
    assert not DIAGNOSIS.search(words) and not DISEASE_NAMES.search(words), words
    assert content.text("card.disclaimer") in said.card.text
    assert said.card.text.count("\n\n") == 3  # reported, advice, what to watch for, disclaimer
    # Invariant 4: ends with what to watch for or do next.
    assert said.speech[-1] == content.text(f"outcomes.{outcome.tier.key}.watch")
    if outcome.tier == E:
        # Invariant 2: the number first, short, and the number again at the end.
        assert content.call in said.speech[0], where
        assert content.call in said.speech[-1], where
        assert len(words.split()) < 60, words
        assert content.number in said.card.title, where
        return
    assert content.number not in said.speech[0], where
    assert content.call in said.speech[-1], where  # sudden signs: the number
    for sign in outcome.reported:
        assert content.text(f"signs.{sign}") in words, (sign, words)
    if outcome.unsure:
        lead = said.speech[0] if outcome.reported else ""
        for sign in outcome.unsure:
            assert content.text(f"signs.{sign}") not in lead, words  # no contradiction
        assert "You weren't sure about" in words
    for phrase in outcome.unrecognised:
        assert f'"{phrase}"' in words
    if outcome.tier == U:
        assert "today" in said.card.title and "today" in words and "few days" not in words
    if outcome.tier == Tier.SELF_CARE:
        assert "none of the warning signs I asked about" in words
        assert RULES.min_tips <= len(outcome.tips) <= RULES.max_tips
    if "medicine" in outcome.signs:
        assert "Don't stop a prescribed medicine" in words


def test_every_check_gets_the_mapped_outcome_and_safe_words(
        new_checks: list[tuple[CheckState, Step]]) -> None:
    tiers: Counter[Tier] = Counter()
    for state, step in new_checks:
        if isinstance(step, Outcome):
            check_outcome(state, step)
            tiers[step.tier] += 1
    assert set(tiers) == set(Tier), tiers
    assert sum(tiers.values()) > 500, tiers  # the tree really was walked
    # Every question the rules define is asked somewhere (follow-ups, the bladder question
    # behind its condition and the lifestyle question included): no rule goes unproven.
    asked = {step.question.id for _state, step in new_checks if isinstance(step, Ask)}
    assert asked == set(RULES.questions), set(RULES.questions) - asked


def test_a_sign_volunteered_at_any_point_is_never_lost(
        volunteered_checks: list[tuple[CheckState, Step]]) -> None:
    outcomes = 0
    for state, step in volunteered_checks:
        if isinstance(step, Outcome):
            check_outcome(state, step)
            outcomes += 1
            for sign in state.signs:
                assert step.tier >= EXPECTED_TIER[sign], (sign, step.tier)
            if state.unrecognised:
                assert step.tier >= Tier.SOON
    assert outcomes > 10_000


def test_a_check_stopped_at_any_point_never_reassures_and_keeps_every_sign(
        new_checks: list[tuple[CheckState, Step]],
        volunteered_checks: list[tuple[CheckState, Step]]) -> None:
    """Stop, cancel or home mid-check: whatever was reported still gets its advice."""
    stops: Counter[Tier] = Counter()
    for state, step in [*new_checks, *volunteered_checks]:
        if isinstance(step, Outcome):
            continue
        expected = oracle(signs_of(state))
        so_far = outcome_so_far(RULES, state)
        stops[expected] += 1
        if expected == Tier.SELF_CARE:
            assert so_far is None, state  # the generic goodbye with its safety net
            continue
        assert so_far is not None and so_far.tier == expected, state
        for content in CONTENTS:
            check_stop_words(so_far, content)
    # A check asks nothing more once it is an emergency; every other tier can be stopped in.
    assert set(stops) == {Tier.SELF_CARE, Tier.SOON, Tier.URGENT}, stops


@cache
def check_stop_words(so_far: Outcome, content: Content) -> None:
    said = spoken_on_stop(so_far, content)
    words = " ".join(said.speech)
    key = f"outcomes.{so_far.tier.key}"
    assert content.text(f"{key}.action") in words, so_far
    assert content.text(f"{key}.watch") in words, so_far
    assert "harmless" not in words and not DISEASE_NAMES.search(words), words
    for sign in so_far.reported:
        assert content.text(f"signs.{sign}") in words, so_far
    assert said.ends_session and said.card is not None
    assert said.card.title == content.text(f"{key}.title")


def test_every_locale_is_proven() -> None:
    """The words checks above run in every shipped locale, each with its own number."""
    assert [c.locale for c in CONTENTS] == ["en-AU", "en-CA", "en-GB", "en-IN", "en-US"]
    assert all(c.known_number for c in CONTENTS)
    # Each call says its number, except Australia's, which says "Triple Zero" for 000.
    assert all(c.number in c.call for c in CONTENTS if c.locale != "en-AU")
    assert len({c.call for c in CONTENTS}) == 4  # 911 is shared by the US and Canada


def test_not_sure_explains_once_then_counts_as_present(
        new_checks: list[tuple[CheckState, Step]]) -> None:
    asked = 0
    for state, step in new_checks:
        if not isinstance(step, Ask) or step.clarify or step.question.kind == "lifestyle":
            continue
        once = reply(RULES, state, Reply.NOT_SURE)
        assert next_step(RULES, once) == Ask(step.question, clarify=True)
        twice = reply(RULES, once, Reply.NOT_SURE)
        assert twice.answers[step.question.id] is Answer.UNSURE
        assert next_step(RULES, twice) != Ask(step.question, clarify=True)
        asked += 1
    assert asked > 100


def all_clear_path() -> list[Step]:
    state, steps = CheckState(), []
    while True:
        step = next_step(RULES, state)
        steps.append(step)
        if isinstance(step, Outcome):
            return steps
        state = reply(RULES, state, Reply.NO)


def test_the_all_clear_path_is_at_most_sixteen_questions() -> None:
    steps = all_clear_path()
    assert len(steps) - 1 <= 16, [s.question.id for s in steps if isinstance(s, Ask)]
    first = steps[0]
    assert isinstance(first, Ask) and first.question.sign == "emergency_now"


@pytest.mark.parametrize("factors", [(), ("stress",), ("caffeine", "desk"),
                                     ("stress", "sleep", "caffeine", "nicotine", "desk")])
def test_lifestyle_answers_only_choose_the_tips(factors: tuple[str, ...]) -> None:
    state = CheckState()
    while True:
        step = next_step(RULES, state)
        assert isinstance(step, Ask)
        if step.question.kind == "lifestyle":
            break
        state = reply(RULES, state, Reply.NO)
    outcome = next_step(RULES, choose(RULES, state, factors))
    assert isinstance(outcome, Outcome) and outcome.tier == Tier.SELF_CARE
    chosen = [RULES.factor_tips[f] for f in factors]
    assert outcome.tips[: len(chosen)] == tuple(chosen[: RULES.max_tips])
    if not factors:  # NHS general advice, never supplements
        assert outcome.tips == ("rest", "worry")
    for content in CONTENTS:
        words = " ".join(spoken(outcome, content).speech).lower()
        assert "magnesium" not in words and "potassium" not in words
    # "Yes" without naming any: asked which, once; then the general tips.
    which = reply(RULES, state, Reply.YES)
    assert next_step(RULES, which) == Ask(RULES.lifestyle, clarify=True)
    general = next_step(RULES, reply(RULES, which, Reply.YES))
    assert isinstance(general, Outcome) and general.tips == ("rest", "worry")
