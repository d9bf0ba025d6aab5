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
from dataclasses import dataclass
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

# The clinical mapping, sign by sign (sources in rules.yaml and docs/clinical.md).
EXPECTED_TIER: dict[str, Tier] = {
    # NHS when to call 999, stroke and TIA ("even if it passes"), meningitis, heart attack,
    # anaphylaxis, subarachnoid haemorrhage; Epilepsy Society; NICE NG127 sudden onset.
    "emergency_now": E, "stroke_passed": E, "breathing_now": E, "chest_pain": E, "allergic": E,
    "seizure": E, "confusion": E, "rash_fever": E, "face_droop": E, "sudden_weakness": E,
    "sudden_speech": E, "sudden_balance": E, "vision": E, "meningism": E, "thunderclap": E,
    # NICE NG127 "immediately" / swallowing; the Canadian C-spine rule; dissection; Hunter;
    # NHS pre-eclampsia: a provider the same day.
    "breathless": U, "swallowing": U, "weakness_fast": U, "speech_fast": U, "balance_fast": U,
    "bladder_bowel": U, "injury_recent": U, "injury_danger": U, "neck_pain_sudden": U,
    "serotonin": U, "pregnancy_warning": U,
    # NHS twitching advice, NICE NG127 slowly progressive ("refer"), NG42: a GP appointment.
    "speech": S, "weakness": S, "balance": S, "wasting": S, "tongue": S, "worsening": S,
    "injury": S, "numbness": S, "spreading": S, "stiffness": S, "weight_loss": S,
    "duration": S, "medicine": S, "pregnant": S, "under_16": S, "unrecognised": S,
}
LIMB = {"weakness", "weakness_fast", "sudden_weakness", "numbness", "balance", "balance_fast",
        "sudden_balance", "wasting"}
NERVE = {"weakness", "weakness_fast", "sudden_weakness", "numbness", "balance", "balance_fast",
         "sudden_balance", "bladder_bowel"}
DISSECTION_NERVE = {"weakness", "weakness_fast", "numbness", "speech", "speech_fast", "balance",
                    "balance_fast"}
# The design card's five and the clinical reviews' additions must all be asked (tongue is named
# in the spreading question, worsening in the duration question, weight loss in the wasting one).
MUST_ASK = {"weakness", "swallowing", "speech", "balance", "numbness", "emergency_now",
            "stroke_passed", "breathless", "wasting", "injury", "spreading", "stiffness",
            "duration", "medicine", "sudden_speech", "sudden_weakness",
            "sudden_balance", "breathing_now", "bladder_bowel", "speech_fast", "weakness_fast",
            "balance_fast", "injury_recent", "injury_danger", "neck_pain_sudden", "serotonin",
            "pregnancy_warning"}


def oracle(signs: Iterable[str]) -> Tier:
    present = set(signs)
    tier = max((EXPECTED_TIER[s] for s in present), default=Tier.SELF_CARE)
    if "bladder_bowel" in present and present & LIMB:  # myelopathy; NG127 cauda equina
        tier = E
    if "injury_recent" in present and present & (NERVE | {"injury_danger"}):  # C-spine rule
        tier = E
    if "neck_pain_sudden" in present and present & DISSECTION_NERVE:  # dissection
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
# The same invariants in Spanish words (es-US, es-MX, es-ES): no "usted tiene ELA", no disease
# named, and the same advice in each language's words.
SPANISH_DIAGNOSIS = re.compile(
    r"\busted (?:tiene|padece|sufre)|\b(?:tiene|padece|sufre) (?:probablemente )?(?:un |una )?"
    r"(?:ela|esclerosis|párkinson|parkinson|derrame|ictus|cáncer|tumor|meningitis|enfermedad)\b",
    re.IGNORECASE)
SPANISH_DISEASE_NAMES = re.compile(r"\b(?:ELA|amiotrófica|motoneurona|neurona motora|"
                                   r"esclerosis múltiple|p[aá]rkinson|cáncer|tumor)\b",
                                   re.IGNORECASE)


@dataclass(frozen=True)
class Words:
    """What the invariants look for, in one language's words."""

    diagnosis: re.Pattern[str]
    diseases: re.Pattern[str]
    keep_still: tuple[str, str]  # after a neck injury: the neck, kept still
    today: str
    few_days: str
    unsure: str
    none_asked: str
    dont_stop: str
    whom: str  # a clinician to ask, as a regular expression
    maternity: str
    harmless: tuple[str, ...]
    supplements: tuple[str, ...]


WORDS = {
    "en": Words(DIAGNOSIS, DISEASE_NAMES, ("neck", "still"), "today", "few days",
                "You weren't sure about", "none of the warning signs I asked about",
                "Don't stop a prescribed medicine",
                r"\b(GP|doctor|provider|pharmacist|midwife|neurologist|paediatrician|"
                r"pediatrician)\b", r"\b(midwife|maternity|labou?r and delivery)\b",
                ("harmless",), ("magnesium", "potassium")),
    "es": Words(SPANISH_DIAGNOSIS, SPANISH_DISEASE_NAMES, ("cuello", "no lo mueva"), "hoy",
                "unos días", "No estaba seguro de",
                "ninguna de las señales de alarma que le pregunté",
                "No deje un medicamento recetado",
                r"\b(médico|farmacéutico|ginecólogo|partera|matrona|neurólogo|pediatra)\b",
                r"\b(partera|matrona|maternidad|parto|tococirugía)\b",
                ("inofensiv", "no es nada"), ("magnesio", "potasio")),
}


def words_of(content: Content) -> Words:
    return WORDS[content.locale[:2]]


CONTENT = content_for("en-US")
# Every shipped locale's words meet the same invariants, with its own number.
CONTENTS = [content_for(locale) for locale in available_locales()]


def state_key(state: CheckState) -> tuple[Any, ...]:
    return (tuple(state.answers.items()), state.explained, state.signs, state.unrecognised,
            state.factors, state.lifestyle_done)


def walk(starts: Iterable[CheckState],
         replies: tuple[Reply, ...] = tuple(Reply)) -> Iterator[tuple[CheckState, Step]]:
    """Every state reachable from `starts` by answering each question with any of `replies`."""
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
            stack.extend(reply(RULES, state, said) for said in replies)


# "Not sure" twice counts a sign as present exactly as "yes" does (the engine reads answers only
# through `present`), which test_unsure_steers_the_check_exactly_as_yes proves over every
# state. So the walk with volunteered signs answers yes or no only: the same paths, without the
# explanations in between, and a few times faster. The words for "not sure" are proven on the
# full walk of new checks.
YES_NO = (Reply.YES, Reply.NO)


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


# What someone may say before any question that only opens a question of its own: a pregnancy
# opens the pre-eclampsia question (its other context, under 16, opens none).
OPENERS = ("pregnant",)


@pytest.fixture(scope="module")
def new_checks() -> list[tuple[CheckState, Step]]:
    """Every check from its start: a new one, and one begun by saying each opener."""
    return list(walk([CheckState(), *(CheckState(signs=(sign,)) for sign in OPENERS)]))


@pytest.fixture(scope="module")
def volunteered_checks() -> list[tuple[CheckState, Step]]:
    """Every sign (and an unrecognised symptom) volunteered at every question of every check,
    then every way the check can go on (yes or no; see YES_NO)."""
    asking = [state for state, step in walk(
        [CheckState(), *(CheckState(signs=(sign,)) for sign in OPENERS)], YES_NO)
        if isinstance(step, Ask)]
    starts = [volunteer(RULES, state, sign) for state in asking
              for sign in EXPECTED_TIER if sign != "unrecognised"]
    starts += [volunteer_unrecognised(state, "a rash on my neck") for state in asking]
    return list(walk(starts, YES_NO))


def test_rules_ask_the_required_signs_with_the_mapped_tiers() -> None:
    asked = {q.sign for q in RULES.questions.values() if q.sign}
    assert asked >= MUST_ASK, MUST_ASK - asked
    assert {sign: s.tier for sign, s in RULES.signs.items()} == EXPECTED_TIER
    for first, second in (("bladder_bowel", "numbness"), ("injury_recent", "weakness"),
                          ("injury_recent", "bladder_bowel"), ("bladder_bowel", "wasting"),
                          ("injury_recent", "injury_danger"), ("neck_pain_sudden", "numbness")):
        assert RULES.tier_of({first, second}) == E, (first, second)
    assert RULES.tier_of({"bladder_bowel", "speech"}) == U
    assert RULES.tier_of({"injury_recent", "spreading"}) == U
    # An old injury is not an emergency, even with nerve signs or a dangerous mechanism.
    assert RULES.tier_of({"injury", "numbness", "injury_danger"}) == U
    assert RULES.tier_of({"injury", "weakness"}) == S


def check_outcome(state: CheckState, outcome: Outcome) -> None:
    """Every invariant an outcome must meet (checked once per set of signs, set of questions
    answered and outcome: nothing else in a state can change them)."""
    check_outcome_of(frozenset(signs_of(state)), frozenset(state.answers), outcome)


@cache
def check_outcome_of(signs: frozenset[str], answered: frozenset[str], outcome: Outcome) -> None:
    where = (sorted(signs), sorted(answered))
    expected = oracle(signs)
    assert outcome.tier == expected, (where, outcome.tier, expected)
    # Invariant 1: anything present never gives self-care; nothing present always does.
    assert (outcome.tier == Tier.SELF_CARE) == (not signs), where
    assert set(outcome.signs) | ({"unrecognised"} if outcome.unrecognised else set()) == signs
    assert not set(outcome.reported) & set(outcome.unsure), outcome
    # The check stopped asking only when no unasked question could raise the outcome.
    for question in RULES.questions.values():
        if question.sign is None or question.id in answered or question.sign in signs:
            continue
        if question.parent and RULES.questions[question.parent].sign not in signs:
            continue  # a follow-up is asked only after its question's "yes"
        if question.when_any and not question.when_any & signs:
            continue
        with_it = signs | {question.sign} | {f.sign or "" for f in question.follow_ups}
        assert oracle(with_it - {""}) <= outcome.tier, (where, question.id)
    check_words(outcome, CONTENT)
    for content in CONTENTS:
        if new_in_locale(outcome, content.locale):
            check_words(outcome, content)


# Every locale's words are checked for every outcome until each locale has said every sign, as
# reported, as unsure and as a deciding sign, at every tier, with and without an unrecognised
# symptom; after that an outcome brings nothing new to a locale's words (they are made of the
# same keys), so only en-US checks it. This keeps the volunteered walk's 14,000 distinct
# outcomes from being rendered five times over.
SAID: set[tuple[str, ...]] = set()


def new_in_locale(outcome: Outcome, locale: str) -> bool:
    seen = {(locale, outcome.tier.key, str(bool(outcome.unrecognised)), kind, sign)
            for kind, signs in (("reported", outcome.reported), ("unsure", outcome.unsure),
                                ("deciding", outcome.deciding))
            for sign in signs or ("",)}
    fresh = bool(seen - SAID)
    SAID.update(seen)
    return fresh


@cache
def check_words(outcome: Outcome, content: Content) -> None:
    """The words of an outcome in one locale: safe, in order, with that locale's number."""
    said = spoken(outcome, content)
    words = " ".join(said.speech)
    where = (content.locale, outcome)
    w = words_of(content)
    assert said.ends_session and said.card is not None
    # Invariant 3: never a diagnosis, never a disease named.
    assert not w.diagnosis.search(words) and not w.diseases.search(words), words
    assert content.text("card.disclaimer") in said.card.text
    assert said.card.text.count("\n\n") == 3  # reported, advice, what to watch for, disclaimer
    # Invariant 4: ends with what to watch for or do next.
    assert said.speech[-1] == content.text(f"outcomes.{outcome.tier.key}.watch")
    if outcome.tier == E:
        # After a neck injury: keep the neck still (the Canadian C-spine rule's concern).
        assert all(part in said.speech[-1] for part in w.keep_still), where
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
        assert w.unsure in words
    for phrase in outcome.unrecognised:
        assert f'"{phrase}"' in words
    if outcome.tier == U:
        assert w.today in said.card.title and w.today in words and w.few_days not in words
    if outcome.tier == Tier.SELF_CARE:
        assert w.none_asked in words
        assert RULES.min_tips <= len(outcome.tips) <= RULES.max_tips
    # Beside breathing or swallowing trouble, or a symptom it could not assess, the skill does
    # not say "don't stop the medicine" (it may be the cause of something urgent).
    quiet = outcome.unrecognised or {"breathless", "breathing_now", "swallowing"} & set(
        outcome.signs)
    if "medicine" in outcome.signs and not quiet:
        assert w.dont_stop in words
    # Who to ask instead: a midwife or maternity unit now; a child's own doctor.
    for sign in ("pregnancy_warning", "pregnant", "under_16"):
        if sign in outcome.signs:
            assert content.text(f"notes.{sign}") in words, (sign, words)


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


def test_unsure_steers_the_check_exactly_as_yes(
        new_checks: list[tuple[CheckState, Step]]) -> None:
    """What lets the volunteered walk skip "not sure": after it, the next question (or the
    outcome's tier and signs) is the same as after "yes", at every question of every check."""
    compared = 0
    for state, step in new_checks:
        if not isinstance(step, Ask) or step.clarify or step.question.kind == "lifestyle":
            continue
        unsure = next_step(RULES, reply(RULES, reply(RULES, state, Reply.NOT_SURE),
                                        Reply.NOT_SURE))
        yes = next_step(RULES, reply(RULES, state, Reply.YES))
        if isinstance(yes, Ask):
            assert isinstance(unsure, Ask) and unsure.question == yes.question, state
        else:
            assert isinstance(unsure, Outcome), state
            assert (unsure.tier, set(unsure.signs)) == (yes.tier, set(yes.signs)), state
        compared += 1
    assert compared > 1000


def test_a_check_stopped_at_any_point_never_reassures_and_keeps_every_sign(
        new_checks: list[tuple[CheckState, Step]],
        volunteered_checks: list[tuple[CheckState, Step]]) -> None:
    """Stop, cancel or home mid-check: whatever was reported still gets its advice."""
    stops: Counter[Tier] = Counter()
    seen: set[tuple[Any, ...]] = set()
    for state, step in [*new_checks, *volunteered_checks]:
        if isinstance(step, Outcome):
            continue
        # What a stop says depends only on the answers, the signs and the unrecognised words.
        key = (frozenset(state.answers.items()), frozenset(state.signs), state.unrecognised)
        if key in seen:
            continue
        seen.add(key)
        expected = oracle(signs_of(state))
        so_far = outcome_so_far(RULES, state)
        stops[expected] += 1
        if expected == Tier.SELF_CARE:
            assert so_far is None, state  # the generic goodbye with its safety net
            continue
        assert so_far is not None and so_far.tier == expected, state
        check_stop_words(so_far, CONTENT)
        for content in CONTENTS:
            if new_in_locale(so_far, f"{content.locale} stopped"):
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
    w = words_of(content)
    assert not any(h in words for h in w.harmless) and not w.diseases.search(words), words
    for sign in so_far.reported:
        assert content.text(f"signs.{sign}") in words, so_far
    assert said.ends_session and said.card is not None
    assert said.card.title == content.text(f"{key}.title")


def test_every_locale_is_proven() -> None:
    """The words checks above run in every shipped locale, each with its own number."""
    assert [c.locale for c in CONTENTS] == ["en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES",
                                            "es-MX", "es-US"]
    assert all(c.known_number for c in CONTENTS)
    # Each call says its number, except Australia's, which says "Triple Zero" for 000.
    assert all(c.number in c.call for c in CONTENTS if c.locale != "en-AU")
    # 911 is shared by the US and Canada in English, and said in Spanish in the US and Mexico.
    assert len({c.call for c in CONTENTS}) == 6


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
        assert not any(s in words for s in words_of(content).supplements)
    # "Yes" without naming any: asked which, once; then the general tips.
    which = reply(RULES, state, Reply.YES)
    assert next_step(RULES, which) == Ask(RULES.lifestyle, clarify=True)
    general = next_step(RULES, reply(RULES, which, Reply.YES))
    assert isinstance(general, Outcome) and general.tips == ("rest", "worry")


FEARS = ("die", "conditions", "medication", "pregnant", "child", "neurologist", "supplements",
         "anxiety")


@pytest.mark.parametrize("content", CONTENTS, ids=[c.locale for c in CONTENTS])
def test_answers_to_fears_and_interim_advice_are_safe_in_every_locale(content: Content) -> None:
    """The words the conversation layer says for a fear or as soon as a sign is known: short,
    never a diagnosis or "harmless", and each says what to do (the number, or whom to ask)."""
    w = words_of(content)
    for topic in FEARS:
        words = content.text(f"fears.{topic}")
        assert len(words.split()) <= 70, (topic, words)
        assert not w.diagnosis.search(words), (topic, words)
        assert not any(h in words.lower() for h in w.harmless), (topic, words)
        assert not w.diseases.search(words), (topic, words)  # not even to deny them
        assert content.call in words or re.search(w.whom, words), (topic, words)
    assert content.call in content.text("interim.emergency", signs="x")
    assert w.today in content.text("interim.urgent", signs="x")
    # Pregnancy warning signs go to a midwife or maternity service now, in every locale.
    assert re.search(w.maternity, content.text("notes.pregnancy_warning")), content.locale


def test_a_return_visit_never_lowers_an_outcome_and_new_after_self_care_is_worse(
        new_checks: list[tuple[CheckState, Step]]) -> None:
    """Every finished check, compared with a last check that ended in self-care with no signs
    (everything present is new), with one of each other tier, and with one that had the same
    signs: the rules' since_last_check (rules.yaml, NHS-TWITCH) only ever raises, adds
    `worsening` exactly when something is new after self-care, and names what is new."""
    from datetime import date

    from skill.triage.history import LastCheck, since_last

    rule = RULES.since_last_check
    assert rule is not None and rule.source.startswith("NHS-TWITCH")
    day = date(2026, 11, 10)
    for state, step in new_checks:
        if not isinstance(step, Outcome):
            continue
        present = signs_of(state)
        for tier in Tier:
            since = since_last(RULES, LastCheck(day, tier, frozenset()), state)
            after = next_step(RULES, since.state)
            assert isinstance(after, Outcome)
            assert after.tier >= step.tier
            assert set(since.new) == present - {rule.sign}
            if tier == Tier.SELF_CARE and since.new:
                assert rule.sign in signs_of(since.state) and after.tier >= Tier.SOON
            elif rule.sign not in present:
                assert since.state == state
        same = since_last(RULES, LastCheck(day, Tier.SELF_CARE, frozenset(present)), state)
        assert same.new == () and same.state == state
