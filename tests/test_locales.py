"""Five English and three Spanish locales: each has every word, question, sign, intent and slot
value en-US has, its own emergency number first, and works in the simulator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from skilltest import Dialog, LambdaHandler

from skill.cli import main
from skill.content import available_locales, content_for
from skill.model_check import parse_example
from skill.simulator.model import default_model_dir
from skill.simulator.nlu import normalise

SHIPPED = ["en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES", "es-MX", "es-US"]
MODELS = default_model_dir()
SKILL_JSON = MODELS.parents[1] / "skill.json"
# The number each country's emergency outcome must say, from its official source (cited in
# skill/content/<locale>.yaml).
NUMBERS = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112",
           "es-US": "911", "es-MX": "911", "es-ES": "112"}
# Opening the skill, then an emergency, in each language.
SAID = {"en": "open neck twitch check\nI can't breathe\n",
        "es": "abre revisión de tic en el cuello\nno puedo respirar\n"}
# The invocation name people say in each language.
INVOCATION = {"en": "neck twitch check", "es": "revisión de tic en el cuello"}
# "Not a substitute for professional medical advice", as each language's store text says it.
NOT_A_SUBSTITUTE = {"en": "not a substitute", "es": "No sustituye"}


def model(locale: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((MODELS / f"{locale}.json").read_text(encoding="utf-8"))
    return data["interactionModel"]["languageModel"]  # type: ignore[no-any-return]


def shape(locale: str) -> tuple[set[str], set[tuple[str, str, str]], set[tuple[str, str]]]:
    """Intents, (intent, slot, type) and (type, value id) of a locale's model."""
    language = model(locale)
    intents = {intent["name"] for intent in language["intents"]}
    slots = {(intent["name"], slot["name"], slot["type"])
             for intent in language["intents"] for slot in intent.get("slots", [])}
    values = {(slot_type["name"], value["id"])
              for slot_type in language["types"] for value in slot_type["values"]}
    return intents, slots, values


def test_every_locale_is_shipped_with_words_and_a_model() -> None:
    assert available_locales() == SHIPPED
    assert sorted(p.stem for p in MODELS.glob("*.json")) == SHIPPED


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_locale_has_everything_en_us_has(locale: str) -> None:
    intents, slots, values = shape("en-US")
    theirs = shape(locale)
    assert intents - theirs[0] == set(), "intents missing"
    assert slots - theirs[1] == set(), "slots missing"
    assert values - theirs[2] == set(), "slot values missing"
    assert model(locale)["invocationName"] == INVOCATION[locale[:2]]

    def keys(node: Any, prefix: str = "") -> set[str]:
        if not isinstance(node, dict):
            return {prefix}
        return {k for key, value in node.items() for k in keys(value, f"{prefix}.{key}")}

    assert keys(content_for("en-US").data) - keys(content_for(locale).data) == set()


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_locale_is_not_a_copy_of_en_us(locale: str) -> None:
    if locale == "en-US":
        return
    ours, theirs = model("en-US"), model(locale)
    samples = {s for intent in ours["intents"] for s in intent["samples"]}
    local = {s for intent in theirs["intents"] for s in intent["samples"]} - samples
    assert len(local) >= 15, "phrasings people use there"
    assert content_for(locale).data != content_for("en-US").data


@pytest.mark.parametrize("locale", SHIPPED)
def test_each_locale_says_its_own_number_first(lambda_handler: LambdaHandler,
                                               locale: str) -> None:
    content = content_for(locale)
    assert content.number == NUMBERS[locale]
    dialog = Dialog(lambda_handler, locale=locale)
    dialog.launch()
    dialog.say("EmergencyIntent")
    assert dialog.ended
    first = dialog.speech.split(". ")[0]
    assert content.call in first
    for number in set(NUMBERS.values()) - {NUMBERS[locale]}:
        if locale in ("en-IN", "es-ES") and number == "000":
            continue
        assert number not in dialog.speech, (locale, number)
    assert dialog.card is not None and NUMBERS[locale] in dialog.card["title"]


def test_an_unshipped_locale_gets_your_local_emergency_number(
        lambda_handler: LambdaHandler) -> None:
    dialog = Dialog(lambda_handler, locale="en-NZ")
    dialog.launch()
    dialog.say("EmergencyIntent")
    assert "your local emergency number" in dialog.speech
    assert not any(number in dialog.speech for number in NUMBERS.values())


def test_skill_json_publishes_every_locale() -> None:
    manifest = json.loads(SKILL_JSON.read_text(encoding="utf-8"))["manifest"]
    published = manifest["publishingInformation"]["locales"]
    assert sorted(published) == SHIPPED
    assert sorted(manifest["privacyAndCompliance"]["locales"]) == SHIPPED
    assert set(manifest["publishingInformation"]["distributionCountries"]) == {
        "US", "GB", "CA", "AU", "IN", "MX", "ES"}
    for locale, entry in published.items():
        assert NOT_A_SUBSTITUTE[locale[:2]] in entry["description"], locale
        assert NUMBERS[locale] in entry["description"], locale
        samples = {normalise(s) for intent in model(locale)["intents"] for s in intent["samples"]}
        for phrase in entry["examplePhrases"][1:]:
            # A one-shot ("Alexa, ask neck twitch check why my neck is twitching"): what
            # follows the invocation must be a sample of the locale's model.
            heard = parse_example(phrase, INVOCATION[locale[:2]], locale[:2])
            assert heard.kind == "one-shot", (locale, phrase)
            assert any(" ".join(r) in samples for r in heard.requests), (locale, phrase)


@pytest.mark.parametrize("locale", SHIPPED)
def test_simulate_runs_in_every_locale(locale: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["simulate", "--locale", locale, "--fresh", "--json"],
        input=SAID[locale[:2]])
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert content_for(locale).call in turns[-1]["speech"]


def test_simulate_names_the_available_locales_for_an_unknown_one() -> None:
    result = CliRunner().invoke(main, ["simulate", "--locale", "en-ZZ", "--utterance", "yes"])
    assert result.exit_code == 2
    message = result.output.strip().splitlines()[-1]
    assert "en-ZZ" in message and all(locale in message for locale in SHIPPED)
