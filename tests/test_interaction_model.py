"""The interaction model and the code agree: intents, slots, slot ids and example phrases."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from skill.alexa import constants as names
from skill.alexa.handlers import INTENT_HANDLERS, REQUEST_HANDLERS
from skill.model_check import MODEL_DIR, check_model, load_model, model_path, model_problems

MODEL = load_model(model_path("en-US"))


def test_handled_and_modelled_intents_are_the_same_set() -> None:
    modelled = {intent["name"] for intent in MODEL["intents"]}
    assert modelled == names.HANDLED_INTENTS == set(INTENT_HANDLERS)
    for handler in INTENT_HANDLERS.values():
        assert handler in REQUEST_HANDLERS


def test_the_model_has_no_problems() -> None:
    assert model_problems(MODEL) == []


def test_check_model_finds_a_missing_intent_and_a_thin_one() -> None:
    broken = json.loads(json.dumps(MODEL))
    broken["intents"] = [i for i in broken["intents"] if i["name"] != names.WHY_ASK]
    for intent in broken["intents"]:
        if intent["name"] == names.NOT_SURE:
            intent["samples"] = intent["samples"][:3]
    problems = model_problems(broken)
    assert f"intent {names.WHY_ASK} is handled but not in the model" in problems
    assert f"intent {names.NOT_SURE} has 3 samples, needs 8" in problems


def test_check_model_command() -> None:
    result = CliRunner().invoke(check_model, [])
    assert result.exit_code == 0, result.output
    assert "agree with the skill" in result.output
    missing = CliRunner().invoke(check_model, ["--locale", "xx-XX"])
    assert missing.exit_code == 1 and "cannot read the model" in missing.output


def test_invocation_name_and_skill_manifest() -> None:
    assert MODEL["invocationName"] == "neck twitch check"
    manifest = json.loads((MODEL_DIR / "skill.json").read_text())["manifest"]
    info = manifest["publishingInformation"]["locales"]["en-US"]
    assert "not a substitute for professional medical advice" in info["description"]
    assert "emergency" in info["description"]
    samples = {s.lower() for intent in MODEL["intents"] for s in intent.get("samples", [])}
    phrases = info["examplePhrases"]
    assert phrases[0].lower() == "alexa, open neck twitch check"
    for phrase in phrases[1:]:
        assert re.sub(r"^alexa, ask neck twitch check ", "", phrase.lower()) in samples, phrase
