"""Clinical vignettes through the Lambda handler, scored the way symptom-checker audits are.

Each vignette says what is true for a person (FACTS below) and what they say in passing before
any question (`says`: sign ids, sent as the skill's ReportSymptomIntent). The person answers each
question the skill asks truthfully from those facts, using this file's own reading of what each
question asks (YES_IF), so the rules are not used to decide their own test. The outcome is
compared with the tier the cited guidance calls for (`expected`, the gold tier).

Three sets: the project's own (tests/vignettes.yaml, exact tier required), and lay vignettes told
as people speak, a tuning set (tests/vignettes/lay_tuning.yaml) and a held-out set
(tests/vignettes/lay_heldout.yaml, written before the tuning set and never used to tune the
rules). Scoring as Semigran et al. (BMJ 2015) and Gilbert et al. (BMJ Open 2020): exact tier;
safe = at the gold tier, more cautious, or one tier less cautious, except that an emergency must
always get the emergency number; emergency sensitivity; self-care specificity. The figures are
printed by test_audit_report (`pytest tests/test_vignettes.py -k audit -s`) and compared with
the published ones in docs/clinical.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from skilltest import Dialog, LambdaHandler, resolved_slot

from skill.alexa import constants as names
from skill.content import available_locales, content_for
from skill.triage import Ask, CheckState, Tier, default_rules, next_step

HERE = Path(__file__).parent


def load(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


PROJECT = load(HERE / "vignettes.yaml")
TUNING = load(HERE / "vignettes" / "lay_tuning.yaml")
HELD_OUT = load(HERE / "vignettes" / "lay_heldout.yaml")
SETS = {"project": PROJECT, "lay tuning": TUNING, "lay held-out": HELD_OUT}
RULES = default_rules()
LOCALES = available_locales()

# What can be true for a person, in this file's words (not the rules').
FACTS = {
    # needs help now
    "breathing_now", "chest_pain", "lip_swelling", "seizure_now", "confusion", "stiff_neck_fever",
    "rash_nonfading", "thunderclap", "face_droop", "face_droop_passed", "sudden_weakness_now",
    "sudden_weakness_resolved", "sudden_speech_now", "sudden_speech_resolved",
    "sudden_balance_resolved", "vision_sudden", "sight_loss_passed",
    # same day
    "breathless_lying_flat", "swallowing", "choking_on_food", "weakness_fast", "speech_fast",
    "balance_fast", "bladder_bowel", "neck_injury_recent", "dangerous_mechanism",
    "neck_pain_after_injury", "neck_manipulation", "sudden_neck_pain", "serotonin_symptoms",
    "pregnancy_headache", "pregnancy_vision", "pregnancy_swelling",
    # a GP appointment
    "speech_change_gradual", "weakness_gradual", "clumsy_hands", "balance_gradual", "wasting",
    "neck_injury_old", "worsening", "numbness_arm", "spreading", "tongue", "cramps", "stiffness",
    "weight_loss", "long_duration", "new_medicine", "dose_raised",
    # no sign of their own: the check must not send these to a clinician
    "daily_life_interference", "fever_gone", "blur_reading", "mild_headache",
    "relative_history", "exercise",
}
# What a truthful person says "yes" to, question by question, read from the question's words.
YES_IF: dict[str, set[str]] = {
    "screen": {"breathing_now", "chest_pain", "lip_swelling", "seizure_now", "confusion",
               "stiff_neck_fever", "thunderclap"},
    "stroke_signs": {"face_droop", "face_droop_passed", "sudden_weakness_now",
                     "sudden_weakness_resolved", "sudden_speech_now", "sudden_speech_resolved",
                     "vision_sudden", "sight_loss_passed"},
    "breathless": {"breathless_lying_flat", "breathing_now"},
    "breathless_now": {"breathing_now"},
    "swallowing": {"swallowing", "choking_on_food"},
    "pregnancy_warning": {"pregnancy_headache", "pregnancy_vision", "pregnancy_swelling"},
    "speech": {"speech_change_gradual", "speech_fast", "sudden_speech_now",
               "sudden_speech_resolved"},
    "speech_sudden": {"sudden_speech_now", "sudden_speech_resolved"},
    "speech_fast": {"speech_fast"},
    "weakness": {"weakness_gradual", "clumsy_hands", "weakness_fast", "sudden_weakness_now",
                 "sudden_weakness_resolved"},
    "weakness_sudden": {"sudden_weakness_now", "sudden_weakness_resolved"},
    "weakness_fast": {"weakness_fast"},
    "balance": {"balance_gradual", "balance_fast", "sudden_balance_resolved"},
    "balance_sudden": {"sudden_balance_resolved"},
    "balance_fast": {"balance_fast"},
    "wasting": {"wasting", "weight_loss"},
    "injury": {"neck_injury_old", "neck_injury_recent", "neck_manipulation"},
    "injury_recent": {"neck_injury_recent"},
    "neck_pain_sudden": {"sudden_neck_pain"},
    "injury_danger": {"dangerous_mechanism", "neck_pain_after_injury"},
    "numbness": {"numbness_arm"},
    "bladder_bowel": {"bladder_bowel"},
    "spreading": {"spreading", "tongue"},
    "stiffness": {"cramps", "stiffness"},
    "weight_loss": {"weight_loss"},
    "duration": {"long_duration", "worsening"},
    "medicine": {"new_medicine", "dose_raised"},
    "serotonin": {"serotonin_symptoms"},
}
FACTOR_WORDS = {"stress": "stress", "sleep": "poor sleep", "caffeine": "coffee",
                "nicotine": "smoking", "desk": "screen time"}
# Said in passing before any question, as the skill's symptom intent carries it.
SAYS = {"pregnant": "I'm pregnant", "under_16": "I'm fourteen",
        "rash_fever": "a rash that doesn't fade under a glass",
        "seizure": "I had a fit", "allergic": "my lips are swelling"}


def factor_slots(factors: list[str]) -> dict[str, dict[str, Any]]:
    slots: dict[str, dict[str, Any]] = {}
    for slot, factor in zip(names.FACTOR_SLOTS, factors, strict=False):
        slots.update(resolved_slot(slot, FACTOR_WORDS[factor], factor, "FactorType"))
    return slots


@dataclass(frozen=True)
class Result:
    got: Tier
    dialog: Dialog
    turns: int


def run(handler: LambdaHandler, vignette: dict[str, Any], locale: str = "en-US") -> Result:
    has, unsure = set(vignette.get("has", [])), set(vignette.get("unsure", []))
    content = content_for(locale)
    dialog = Dialog(handler, locale=locale)
    dialog.launch()
    turns = 0
    for sign in vignette.get("says", []):
        dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", SAYS[sign], sign))
        turns += 1
    while not dialog.ended:
        turns += 1
        assert turns < 50, vignette["id"]
        if dialog.speech.endswith(content.text("understanding.confirm_reprompt")) or (
                "Just to check" in dialog.speech):
            dialog.say(names.YES)  # the read-back of what they said: right
            continue
        state = CheckState.from_dict(dialog.attributes["check"], RULES)
        step = next_step(RULES, state)
        assert isinstance(step, Ask)
        question = step.question.id
        if question == "lifestyle":
            chosen = vignette.get("lifestyle", [])[:3]
            if chosen:
                dialog.say(names.LIFESTYLE, factor_slots(chosen))
            else:
                dialog.say(names.NO)
            continue
        assert question in YES_IF, f"the test does not know what {question!r} asks"
        if YES_IF[question] & has:
            dialog.say(names.YES)
        elif YES_IF[question] & unsure:
            dialog.say(names.NOT_SURE)
        else:
            dialog.say(names.NO)
    title = dialog.card["title"] if dialog.card else ""
    tiers = {content.text(f"outcomes.{tier.key}.title"): tier for tier in Tier}
    assert title in tiers, (vignette["id"], title, dialog.speech)
    return Result(tiers[title], dialog, turns)


def safe(got: Tier, expected: Tier) -> bool:
    """Gilbert et al. 2020: the gold tier, more cautious, or one tier less cautious; an
    emergency must always get the emergency outcome."""
    if expected == Tier.EMERGENCY:
        return got == Tier.EMERGENCY
    return got >= expected - 1


@dataclass(frozen=True)
class Audit:
    cases: int
    exact: int
    safe: int
    emergencies: int
    emergencies_caught: int
    self_care: int
    self_care_kept: int
    under: int  # any under-triage at all

    def line(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:.0f}% ({a}/{b})" if b else "n/a"
        return (f"{name:13} n={self.cases:3}  exact {pct(self.exact, self.cases):13} "
                f"safe {pct(self.safe, self.cases):14} "
                f"emergency sensitivity {pct(self.emergencies_caught, self.emergencies):12} "
                f"self-care specificity {pct(self.self_care_kept, self.self_care):12} "
                f"under-triaged {self.under}")


def audit(handler: LambdaHandler, vignettes: list[dict[str, Any]]) -> Audit:
    counts: Counter[str] = Counter()
    for vignette in vignettes:
        got = run(handler, vignette).got
        expected = Tier.from_key(vignette["expected"])
        counts["exact"] += got == expected
        counts["safe"] += safe(got, expected)
        counts["under"] += got < expected
        if expected == Tier.EMERGENCY:
            counts["emergencies"] += 1
            counts["caught"] += got == Tier.EMERGENCY
        if expected == Tier.SELF_CARE:
            counts["self_care"] += 1
            counts["kept"] += got == Tier.SELF_CARE
    return Audit(len(vignettes), counts["exact"], counts["safe"], counts["emergencies"],
                 counts["caught"], counts["self_care"], counts["kept"], counts["under"])


@pytest.mark.parametrize("name", list(SETS))
def test_the_vignette_sets_are_broad_and_sourced(name: str) -> None:
    vignettes = SETS[name]
    counts = Counter(v["expected"] for v in vignettes)
    assert len(vignettes) >= 40, len(vignettes)
    assert all(counts[tier.key] >= 6 for tier in Tier), counts
    for vignette in vignettes:
        assert set(vignette.get("has", [])) | set(vignette.get("unsure", [])) <= FACTS, vignette
        assert set(vignette.get("says", [])) <= set(SAYS), vignette
        assert vignette["source"] and len(vignette["story"].split()) >= 8, vignette["id"]
        assert vignette["expected"] in {tier.key for tier in Tier}, vignette["id"]


def test_the_sets_do_not_share_a_story() -> None:
    ids = [v["id"] for vignettes in SETS.values() for v in vignettes]
    stories = [v["story"] for vignettes in SETS.values() for v in vignettes]
    assert len(set(ids)) == len(ids) and len(set(stories)) == len(stories)
    lay = len(TUNING) + len(HELD_OUT)
    assert lay >= 80, lay


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("vignette", PROJECT, ids=[v["id"] for v in PROJECT])
def test_project_vignette(lambda_handler: LambdaHandler, vignette: dict[str, Any],
                          locale: str) -> None:
    """The project's own vignettes get exactly their gold tier, in every locale."""
    content = content_for(locale)
    result = run(lambda_handler, vignette, locale)
    expected = Tier.from_key(vignette["expected"])
    assert result.got >= expected, f"under-triage: {vignette['story']} -> {result.got.key}"
    assert result.got == expected, f"over-triage: {vignette['story']} -> {result.got.key}"
    if expected == Tier.EMERGENCY:
        first = result.dialog.speech.split(". ")[0]
        assert content.call in first, result.dialog.speech  # the locale's number, first
    if expected == Tier.SELF_CARE:
        for factor in vignette.get("lifestyle", [])[:3]:
            tip = RULES.factor_tips[factor]
            assert content.text(f"tips.{tip}") in result.dialog.speech, factor


LAY = [*TUNING, *HELD_OUT]
LAY_EMERGENCIES = [v for v in LAY if v["expected"] == "emergency"]


@pytest.mark.parametrize("vignette", LAY, ids=[v["id"] for v in LAY])
def test_lay_vignette_is_safe(lambda_handler: LambdaHandler, vignette: dict[str, Any]) -> None:
    """Every lay vignette is safe (en-US: the tiers come from the same rules in every locale,
    which the project vignettes check); an emergency gets the number first."""
    content = content_for("en-US")
    result = run(lambda_handler, vignette)
    expected = Tier.from_key(vignette["expected"])
    assert safe(result.got, expected), f"unsafe: {vignette['story']} -> {result.got.key}"
    if result.got == Tier.EMERGENCY:
        assert content.call in result.dialog.speech.split(". ")[0], result.dialog.speech


@pytest.mark.parametrize("locale", [locale for locale in LOCALES if locale != "en-US"])
@pytest.mark.parametrize("vignette", LAY_EMERGENCIES, ids=[v["id"] for v in LAY_EMERGENCIES])
def test_lay_emergency_gets_each_locales_number_first(
        lambda_handler: LambdaHandler, vignette: dict[str, Any], locale: str) -> None:
    content = content_for(locale)
    result = run(lambda_handler, vignette, locale)
    assert result.got == Tier.EMERGENCY, (locale, vignette["id"])
    assert content.call in result.dialog.speech.split(". ")[0], result.dialog.speech


def test_audit_report(lambda_handler: LambdaHandler, capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's figures (en-US; every locale is checked above), per set."""
    audits = {name: audit(lambda_handler, vignettes) for name, vignettes in SETS.items()}
    with capsys.disabled():
        print()
        for name, result in audits.items():
            print(result.line(name))
    for name, result in audits.items():
        assert result.emergencies_caught == result.emergencies, name  # no emergency missed
        assert result.safe == result.cases, name
        assert result.self_care_kept >= 0.85 * result.self_care, name
    assert audits["project"].exact == audits["project"].cases
