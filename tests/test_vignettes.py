"""Clinical vignettes through the Lambda handler, scored the way symptom-checker audits are.

Each vignette says what is true for a person (FACTS below). The person answers each question
the skill asks truthfully from those facts, using this file's own reading of what each question
asks (YES_IF), so the rules are not used to decide their own test. The outcome is compared with
the tier the guidance calls for. "Safe" means that tier or a more cautious one (Gilbert et al.,
BMJ Open 2020); emergency under-triage must be zero, and so must any under-triage.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from skilltest import Dialog, LambdaHandler, resolved_slot

from skill.alexa import constants as names
from skill.content import available_locales, content_for
from skill.triage import Ask, CheckState, Tier, default_rules, next_step

VIGNETTES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("vignettes.yaml")).read_text(encoding="utf-8"))
RULES = default_rules()
CONTENT = content_for("en-US")
LOCALES = available_locales()

FACTS = {
    "breathing_now", "face_droop", "sudden_weakness_now", "sudden_weakness_resolved",
    "sudden_speech_now", "sudden_speech_resolved", "sudden_balance_resolved", "vision_sudden",
    "stiff_neck_fever", "thunderclap", "breathless_lying_flat", "swallowing", "choking_on_food",
    "speech_change_gradual", "weakness_gradual", "clumsy_hands", "balance_gradual", "wasting",
    "bladder_bowel", "neck_injury", "worsening", "numbness_arm", "spreading", "tongue", "cramps",
    "stiffness", "weight_loss", "long_duration", "daily_life_interference", "new_medicine",
}
# What a truthful person says "yes" to, question by question, read from the question's words.
YES_IF: dict[str, set[str]] = {
    "screen": {"breathing_now", "face_droop", "sudden_weakness_now", "sudden_speech_now",
               "vision_sudden", "stiff_neck_fever", "thunderclap"},
    "breathless": {"breathless_lying_flat", "breathing_now"},
    "breathless_now": {"breathing_now"},
    "swallowing": {"swallowing", "choking_on_food"},
    "speech": {"speech_change_gradual", "sudden_speech_now", "sudden_speech_resolved"},
    "speech_sudden": {"sudden_speech_now", "sudden_speech_resolved"},
    "weakness": {"weakness_gradual", "clumsy_hands", "sudden_weakness_now",
                 "sudden_weakness_resolved"},
    "weakness_sudden": {"sudden_weakness_now", "sudden_weakness_resolved"},
    "balance": {"balance_gradual", "sudden_balance_resolved"},
    "balance_sudden": {"sudden_balance_resolved"},
    "wasting": {"wasting"},
    "injury": {"neck_injury"},
    "worsening": {"worsening"},
    "numbness": {"numbness_arm"},
    "bladder_bowel": {"bladder_bowel"},
    "spreading": {"spreading", "tongue"},
    "tongue": {"tongue"},
    "stiffness": {"cramps", "stiffness"},
    "weight_loss": {"weight_loss"},
    "duration": {"long_duration", "daily_life_interference"},
    "medicine": {"new_medicine"},
}
FACTOR_WORDS = {"stress": "stress", "sleep": "poor sleep", "caffeine": "coffee",
                "nicotine": "smoking", "desk": "screen time"}


def factor_slots(factors: list[str]) -> dict[str, dict[str, Any]]:
    slots: dict[str, dict[str, Any]] = {}
    for slot, factor in zip(names.FACTOR_SLOTS, factors, strict=False):
        slots.update(resolved_slot(slot, FACTOR_WORDS[factor], factor, "FactorType"))
    return slots


def run(handler: LambdaHandler, vignette: dict[str, Any],
        locale: str = "en-US") -> tuple[Tier, Dialog, int]:
    has, unsure = set(vignette.get("has", [])), set(vignette.get("unsure", []))
    content = content_for(locale)
    dialog = Dialog(handler, locale=locale)
    dialog.launch()
    turns = 0
    while not dialog.ended:
        turns += 1
        assert turns < 40, vignette["id"]
        state = CheckState.from_dict(dialog.attributes["check"], RULES)
        step = next_step(RULES, state)
        assert isinstance(step, Ask)
        question = step.question.id
        assert dialog.speech.endswith(content.text(f"questions.{question}.ask")) or step.clarify
        if question == "lifestyle":
            chosen = vignette.get("lifestyle", [])[:3]
            if chosen:
                dialog.say(names.LIFESTYLE, factor_slots(chosen))
            else:
                dialog.say(names.NO)
            continue
        assert question in YES_IF, f"the test does not know what {question!r} asks"
        if YES_IF[question] & unsure and not YES_IF[question] & has:
            dialog.say(names.NOT_SURE)
        elif YES_IF[question] & has:
            dialog.say(names.YES)
        else:
            dialog.say(names.NO)
    title = dialog.card["title"] if dialog.card else ""
    tiers = {content.text(f"outcomes.{tier.key}.title"): tier for tier in Tier}
    return tiers[title], dialog, turns


def test_the_vignette_set_is_broad() -> None:
    counts = Counter(v["expected"] for v in VIGNETTES)
    assert len(VIGNETTES) >= 40
    assert all(counts[tier.key] >= 8 for tier in Tier), counts
    for vignette in VIGNETTES:
        assert set(vignette.get("has", [])) | set(vignette.get("unsure", [])) <= FACTS, vignette
        assert vignette["source"] and len(vignette["story"].split()) >= 8


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_vignette(lambda_handler: LambdaHandler, vignette: dict[str, Any], locale: str) -> None:
    content = content_for(locale)
    got, dialog, _turns = run(lambda_handler, vignette, locale)
    expected = Tier.from_key(vignette["expected"])
    assert got >= expected, f"under-triage: {vignette['story']} -> {got.key}"
    assert got == expected, f"over-triage: {vignette['story']} -> {got.key}"
    if expected == Tier.EMERGENCY:
        first = dialog.speech.split(". ")[0]
        assert content.call in first, dialog.speech  # the locale's number, first
    if expected == Tier.SELF_CARE:
        for factor in vignette.get("lifestyle", [])[:3]:
            tip = RULES.factor_tips[factor]
            assert content.text(f"tips.{tip}") in dialog.speech, (factor, dialog.speech)


def test_audit_summary(lambda_handler: LambdaHandler, capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's figures: correct triage, safe triage and emergency under-triage."""
    exact = safe = emergency_under = 0
    for vignette in VIGNETTES:
        got, _dialog, _turns = run(lambda_handler, vignette)  # en-US; every locale above
        expected = Tier.from_key(vignette["expected"])
        exact += got == expected
        safe += got >= expected
        emergency_under += expected == Tier.EMERGENCY and got < expected
    with capsys.disabled():
        print(f"\nvignettes: {len(VIGNETTES)}, correct {exact}, safe {safe}, "
              f"emergency under-triage {emergency_under}")
    assert emergency_under == 0
    assert safe == len(VIGNETTES)
