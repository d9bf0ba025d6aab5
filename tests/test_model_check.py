"""`neck-twitch check-model`: each check fails a small bad model at the right JSON path."""

from __future__ import annotations

import copy
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import skill.model_check as model_check
from skill.alexa import constants as names
from skill.model_check import (
    MODEL_DIR,
    Problem,
    check_language_model,
    check_model,
    check_package,
    expected_type_ids,
    invocation_name_problems,
    model_problems,
    normalise,
)

LM = "$.interactionModel.languageModel"
PICK, HELP_ME, FIND = 1, 2, 3  # intent indexes in the base model


def base_model() -> dict[str, Any]:
    """A small language model with no problems (under the `code` fixture's constants)."""
    return {
        "invocationName": "colour helper",
        "intents": [
            {"name": "AMAZON.StopIntent", "samples": []},
            {"name": "PickIntent", "slots": [{"name": "colour", "type": "ColourType"}],
             "samples": ["I want {colour}", "pick {colour}", "choose {colour} please",
                         "make it {colour}", "the {colour} one", "{colour} is my choice",
                         "I'd like {colour}", "go with {colour}"]},
            {"name": "HelpMeIntent",
             "samples": ["help me", "what can I say", "how does this work", "I'm lost",
                         "what do I do", "give me a hint", "I need help", "explain the rules"]},
            {"name": "FindIntent", "slots": [{"name": "query", "type": "AMAZON.SearchQuery"}],
             "samples": ["search for {query}", "look up {query}", "find {query}",
                         "find me {query}", "I'm looking for {query}", "where can I get {query}",
                         "search {query}", "look for {query}"]},
        ],
        "types": [
            {"name": "ColourType", "values": [
                {"id": "red", "name": {"value": "red", "synonyms": ["scarlet", "crimson red"]}},
                {"id": "blue", "name": {"value": "blue", "synonyms": ["navy", "sky blue"]}},
            ]},
        ],
    }


@pytest.fixture
def code(monkeypatch: pytest.MonkeyPatch) -> None:
    """The code's side (handled intents, slot types, type ids) as the base model needs it."""
    monkeypatch.setattr("skill.model_check.REQUIRED_BUILT_INS", ("AMAZON.StopIntent",))
    monkeypatch.setattr(names, "HANDLED_INTENTS", frozenset(
        {"AMAZON.StopIntent", "PickIntent", "HelpMeIntent", "FindIntent"}))
    monkeypatch.setattr(names, "SLOT_TYPES", {
        ("PickIntent", "colour"): "ColourType",
        ("FindIntent", "query"): "AMAZON.SearchQuery",
        ("PaintIntent", "shade"): "ShadeType",
        ("MixIntent", "colour"): "ColourType",
        ("MixIntent", "shade"): "ShadeType",
    })
    monkeypatch.setattr(names, "SLOT_TYPE_IDS", {"ColourType": frozenset({"red", "blue"})},
                        raising=False)


def check(model: dict[str, Any]) -> list[Problem]:
    return check_language_model(model, "en-US.json")


def assert_problem(model: dict[str, Any], path: str, text: str, *, warning: bool = False) -> None:
    found = check(model)
    assert any(p.path == path and text in p.message and p.warning == warning for p in found), \
        f"no {'warning' if warning else 'error'} at {path} with {text!r} in:\n" + \
        "\n".join(map(str, found))


def sample_path(intent: int, sample: int) -> str:
    return f"{LM}.intents[{intent}].samples[{sample}]"


@pytest.mark.usefixtures("code")
def test_the_base_model_is_clean() -> None:
    assert check(base_model()) == []


def test_problem_lines_name_the_file_and_the_path() -> None:
    problem = Problem(f"{LM}.intents[9].samples[3]", "no", "en-US.json")
    assert str(problem) == f"en-US.json: {LM}.intents[9].samples[3]: no"
    assert str(Problem("$", "hm", "skill.json", warning=True)) == "skill.json: $: warning: hm"


def test_normalise_is_alexa_like() -> None:
    assert normalise("I\u2019m  Not-Sure.") == ("i'm", "not", "sure")
    assert normalise("A. B. C. quiz") == normalise("a.b.c. Quiz") == ("a", "b", "c", "quiz")
    assert normalise("Is it, really?!") == ("is", "it", "really")


# --- invocation name ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [
    ("twitch", "at least two words"),
    ("alexa twitch check", "wake word"),
    ("neck twitch skill", "wake word"),
    ("echo's neck check", "wake word"),
    ("open neck twitch", "launch word"),
    ("neck twitch play", "launch word"),
    ("twitch check by me", "connecting word"),
    ("neck and twitch", "connecting word"),
    ("the twitch", "two-word name"),
    ("twitch of", "two-word name"),
    ("neck twitch 2", "numbers must be spelled out"),
    ("Neck Twitch", "lower case"),
    ("neck-twitch check", "may contain only"),
    ("neck twitch check!", "may contain only"),
    ("a.b.c. check", "periods only follow single letters"),
    ("neck twitch check.", "periods only follow single letters"),
    ("neck  twitch", "single spaces"),
])
@pytest.mark.usefixtures("code")
def test_invocation_names_amazon_rejects(name: str, text: str) -> None:
    model = base_model()
    model["invocationName"] = name
    assert_problem(model, f"{LM}.invocationName", text)


@pytest.mark.parametrize("name", ["neck twitch check", "sam's science trivia", "a. b. c. quiz",
                                  "the neck twitch check", "check of the neck", "u. k. weather"])
def test_invocation_names_amazon_accepts(name: str) -> None:
    assert invocation_name_problems(name) == []


@pytest.mark.usefixtures("code")
def test_a_missing_invocation_name() -> None:
    model = base_model()
    del model["invocationName"]
    assert_problem(model, f"{LM}.invocationName", "missing")


# --- sample rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(("sample", "text"), [
    ("", "empty sample"),
    ("   ", "empty sample"),
    ("help " * 45, "characters long, over 200"),
    ("I need 2 hints", "numerals (2): spell numbers out"),
    ("help me!", "characters Amazon rejects: '!'"),
    ("help me, please", "characters Amazon rejects: ','"),
    ("I\u2019m stuck", "use a straight apostrophe"),
    ("what now?", "characters Amazon rejects: '?'"),
    ("help me now.", "the period in 'now.' is not in an abbreviation"),
    ("a...b help", "is not in an abbreviation"),
    ("help me {what}", "names unknown slot what"),
    ("help me {", "unmatched curly brace"),
])
@pytest.mark.usefixtures("code")
def test_samples_amazon_rejects(sample: str, text: str) -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"].append(sample)
    assert_problem(model, sample_path(HELP_ME, 8), text)


@pytest.mark.parametrize("sample", ["ask dr. smith for help", "what do the a. b. c. rules say",
                                    "x-ray help", "help with the u.s. rules", "caf\u00e9 help"])
@pytest.mark.usefixtures("code")
def test_samples_amazon_accepts(sample: str) -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"].append(sample)
    assert check(model) == []


@pytest.mark.usefixtures("code")
def test_slots_side_by_side_need_a_space() -> None:
    model = base_model()
    model["intents"][PICK]["slots"].append({"name": "other", "type": "ColourType"})
    model["intents"][PICK]["samples"].append("{colour}{other}")
    assert_problem(model, sample_path(PICK, 8), "two slots with no space between them")


@pytest.mark.usefixtures("code")
def test_a_slot_joined_to_a_word_is_a_warning() -> None:
    model = base_model()
    model["intents"][PICK]["samples"].append("pick{colour}")
    assert_problem(model, sample_path(PICK, 8), "joined to a word", warning=True)


@pytest.mark.usefixtures("code")
def test_a_search_query_slot_alone_needs_a_carrier_phrase() -> None:
    model = base_model()
    model["intents"][FIND]["samples"].append("{query}")
    assert_problem(model, sample_path(FIND, 8), "AMAZON.SearchQuery slot needs a carrier phrase")


@pytest.mark.usefixtures("code")
def test_a_custom_intent_needs_enough_samples() -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"] = ["help me", "what can I say", "I'm lost"]
    assert_problem(model, f"{LM}.intents[{HELP_ME}].samples",
                   "intent HelpMeIntent has 3 samples, needs 8")
    assert "intent HelpMeIntent has 3 samples, needs 8" in model_problems(model)


@pytest.mark.usefixtures("code")
def test_a_sample_repeated_within_an_intent_is_a_warning() -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"].append("HELP  me")
    assert [str(p) for p in check(model)] == [
        f"en-US.json: {sample_path(HELP_ME, 8)}: warning: HelpMeIntent sample 'HELP  me' "
        f"duplicates samples[0] ('help me')"]


# --- phrases two intents share ------------------------------------------------------------------


@pytest.mark.usefixtures("code")
def test_the_same_sample_in_two_intents() -> None:
    model = base_model()
    model["intents"][PICK]["samples"].append("Help me")
    assert_problem(model, sample_path(HELP_ME, 0),
                   "HelpMeIntent sample 'help me' and PickIntent sample 'Help me' "
                   f"(intents[{PICK}].samples[8]) can both be 'help me'")


@pytest.mark.usefixtures("code")
def test_a_sample_that_a_slot_synonym_makes_of_another_intent() -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"].append("I want Sky-Blue")
    assert_problem(model, sample_path(HELP_ME, 8),
                   "HelpMeIntent sample 'I want Sky-Blue' and PickIntent sample 'I want {colour}' "
                   f"(intents[{PICK}].samples[0]) can both be 'i want sky blue'")


def handle(intent: str) -> None:
    """The code handles `intent` too (for the rest of the test: `code` restores the constant)."""
    names.HANDLED_INTENTS = names.HANDLED_INTENTS | {intent}


def paint_intent(samples: list[str]) -> dict[str, Any]:
    handle("PaintIntent")
    return {"name": "PaintIntent", "slots": [{"name": "shade", "type": "ShadeType"}],
            "samples": samples}


def with_shades(model: dict[str, Any], *shades: str) -> dict[str, Any]:
    model["types"].append({"name": "ShadeType", "values": [
        {"id": shade, "name": {"value": shade}} for shade in shades]})
    return model


PAINT_SAMPLES = ["paint it {shade}", "use {shade} paint", "a coat of {shade}",
                 "paint the wall {shade}", "{shade} paint please", "go for {shade} paint",
                 "cover it in {shade}", "brush on {shade}"]


@pytest.mark.usefixtures("code")
def test_two_slotted_samples_whose_values_collide() -> None:
    model = with_shades(base_model(), "navy", "teal")
    model["intents"].append(paint_intent([*PAINT_SAMPLES, "I want {shade}"]))
    assert_problem(model, sample_path(4, 8),
                   "PaintIntent sample 'I want {shade}' and PickIntent sample 'I want {colour}' "
                   f"(intents[{PICK}].samples[0]) can both be 'i want navy'")


@pytest.mark.usefixtures("code")
def test_two_slotted_samples_whose_values_differ_do_not_collide() -> None:
    model = with_shades(base_model(), "teal", "olive green")
    model["intents"].append(paint_intent([*PAINT_SAMPLES, "I want {shade}"]))
    assert check(model) == []


@pytest.mark.usefixtures("code")
def test_a_multi_slot_sample_against_a_literal_one() -> None:
    model = with_shades(base_model(), "teal", "olive green")
    handle("MixIntent")
    model["intents"].append({
        "name": "MixIntent",
        "slots": [{"name": "colour", "type": "ColourType"}, {"name": "shade", "type": "ShadeType"}],
        "samples": ["mix {colour} and {shade}", "blend {colour} with {shade}",
                    "{colour} and {shade} together", "combine {colour} and {shade}",
                    "stir {colour} into {shade}", "mix {shade} into {colour}",
                    "a mix of {colour} and {shade}", "put {colour} with {shade}"]})
    model["intents"][HELP_ME]["samples"].append("mix crimson red and olive green")
    assert_problem(model, sample_path(4, 0),
                   "MixIntent sample 'mix {colour} and {shade}' and HelpMeIntent sample "
                   f"'mix crimson red and olive green' (intents[{HELP_ME}].samples[8]) can both "
                   "be 'mix crimson red and olive green'")


# --- slots and slot types -----------------------------------------------------------------------


@pytest.mark.usefixtures("code")
def test_a_slot_type_that_is_not_defined() -> None:
    model = base_model()
    model["intents"][PICK]["slots"][0]["type"] = "HueType"
    assert_problem(model, f"{LM}.intents[{PICK}].slots[0].type", "slot type HueType is not defined")


@pytest.mark.usefixtures("code")
def test_built_in_slot_types_need_no_definition() -> None:
    found = check(base_model())
    assert not any("AMAZON.SearchQuery is not defined" in p.message for p in found)


@pytest.mark.usefixtures("code")
def test_a_slot_in_no_sample_is_a_warning() -> None:
    model = base_model()
    model["intents"][PICK]["slots"].append({"name": "other", "type": "ColourType"})
    assert_problem(model, f"{LM}.intents[{PICK}].slots[1]", "slot other is in no sample",
                   warning=True)


@pytest.mark.usefixtures("code")
def test_the_same_synonym_under_two_ids() -> None:
    model = base_model()
    model["types"][0]["values"][0]["name"]["synonyms"].append("Navy")
    assert_problem(model, f"{LM}.types[0].values[1].name.synonyms[0]",
                   "'navy' (id 'blue') and 'Navy' (id 'red', values[0].name.synonyms[2]) are "
                   "the same phrase under two ids")


@pytest.mark.usefixtures("code")
def test_a_synonym_repeated_under_one_id_is_a_warning() -> None:
    model = base_model()
    model["types"][0]["values"][1]["name"]["synonyms"].append("sky-blue")
    assert_problem(model, f"{LM}.types[0].values[1].name.synonyms[2]",
                   "'sky-blue' repeats 'sky blue'", warning=True)


@pytest.mark.parametrize(("where", "path"), [
    (lambda m: m["types"][0]["values"][0]["name"].update(value=""), "values[0].name.value"),
    (lambda m: m["types"][0]["values"][1]["name"]["synonyms"].append(" "),
     "values[1].name.synonyms[2]"),
])
@pytest.mark.usefixtures("code")
def test_empty_values_and_synonyms(where: Callable[[dict[str, Any]], None], path: str) -> None:
    model = base_model()
    where(model)
    assert_problem(model, f"{LM}.types[0].{path}", "empty value or synonym")


@pytest.mark.usefixtures("code")
def test_an_id_used_twice() -> None:
    model = base_model()
    model["types"][0]["values"][1]["id"] = "red"
    assert_problem(model, f"{LM}.types[0].values[1].id", "id 'red' is used twice")


# --- agreement with the code --------------------------------------------------------------------


@pytest.mark.usefixtures("code")
def test_intents_the_code_handles_and_the_model_has() -> None:
    model = base_model()
    model["intents"][HELP_ME]["name"] = "HelpIntent"
    assert_problem(model, f"{LM}.intents", "intent HelpMeIntent is handled but not in the model")
    assert_problem(model, f"{LM}.intents[{HELP_ME}]",
                   "intent HelpIntent is in the model but no handler serves it")


@pytest.mark.usefixtures("code")
def test_a_slot_type_the_code_does_not_expect() -> None:
    model = with_shades(base_model(), "teal", "olive green")
    model["intents"][PICK]["slots"][0]["type"] = "ShadeType"
    assert_problem(model, f"{LM}.intents[{PICK}].slots[0].type",
                   "slot PickIntent.colour has type ShadeType, code expects ColourType")


@pytest.mark.usefixtures("code")
def test_slot_type_ids_follow_the_table_in_constants(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "SLOT_TYPE_IDS", {"ColourType": frozenset({"red", "green"})})
    model = base_model()
    assert_problem(model, f"{LM}.types[0].values[1].id", "id 'blue' is not one the code knows")
    assert_problem(model, f"{LM}.types[0].values", "no value with id 'green'")


def test_the_shipped_table_names_every_readable_sign() -> None:
    from skill.triage.vocabulary import SIGNS

    expected, trouble = expected_type_ids()
    assert trouble == []
    assert expected["SymptomType"] == SIGNS - {"emergency_now", "unrecognised"}
    assert expected["LearnTopicType"] == names.LEARN_TOPICS


def test_a_table_that_is_not_collections_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "SLOT_TYPE_IDS", {"SymptomType": {"a"}, "Odd": "nonsense"})
    expected, trouble = expected_type_ids()
    assert expected == {"SymptomType": {"a"}}
    assert trouble == ["the ids of slot type Odd are not a collection"]
    monkeypatch.setattr(names, "SLOT_TYPE_IDS", None)
    assert expected_type_ids() == ({}, ["skill.alexa.constants.SLOT_TYPE_IDS is not a mapping"])


# --- packages, skill.json and the command -------------------------------------------------------


def write_package(root: Path, models: dict[str, dict[str, Any]], published: list[str]) -> Path:
    folder = root / "interactionModels" / "custom"
    folder.mkdir(parents=True)
    for locale, model in models.items():
        (folder / f"{locale}.json").write_text(
            json.dumps({"interactionModel": {"languageModel": model}}), encoding="utf-8")
    images = root / "assets" / "images"
    images.mkdir(parents=True)
    for size in (108, 512):
        (images / f"icon-{size}.png").write_bytes(png_header(size, size))
    icons = {"smallIconUri": "file://assets/images/icon-108.png",
             "largeIconUri": "file://assets/images/icon-512.png"}
    manifest = {"manifest": {"publishingInformation": {
        "locales": {locale: {"name": "Colour Helper", **icons} for locale in published}}}}
    (root / "skill.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def png_header(width: int, height: int) -> bytes:
    """The first bytes of a PNG: signature and IHDR with its size (all the check reads)."""
    return (b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR"
            + width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes(5))


@pytest.mark.usefixtures("code")
def test_every_locale_is_checked(tmp_path: Path) -> None:
    broken = base_model()
    broken["intents"][HELP_ME]["samples"][3] = "I'm lost!"
    package = write_package(tmp_path, {"en-US": base_model(), "en-GB": broken},
                            ["en-US", "en-GB"])
    report = check_package(package)
    assert report.locales == ["en-GB", "en-US"]
    assert [str(p) for p in report.problems] == [
        f"en-GB.json: {sample_path(HELP_ME, 3)}: HelpMeIntent sample \"I'm lost!\" has characters "
        "Amazon rejects: '!'; samples may have letters, spaces, apostrophes, hyphens, "
        "underscores, periods in abbreviations and {slot} references"]
    assert check_package(package, ["en-US"]).problems == []


@pytest.mark.usefixtures("code")
def test_skill_json_must_publish_each_model_locale(tmp_path: Path) -> None:
    package = write_package(tmp_path, {"en-US": base_model(), "en-CA": base_model()},
                            ["en-US", "en-AU"])
    problems = [str(p) for p in check_package(package).problems]
    assert problems == [
        "skill.json: $.manifest.publishingInformation.locales: no entry for en-CA, which has an "
        "interaction model",
        "skill.json: $.manifest.publishingInformation.locales.en-AU: warning: en-AU is published "
        "but has no interaction model"]


@pytest.mark.usefixtures("code")
def test_skill_json_must_parse(tmp_path: Path) -> None:
    package = write_package(tmp_path, {"en-US": base_model()}, ["en-US"])
    (package / "skill.json").write_text("{", encoding="utf-8")
    [problem] = check_package(package).problems
    assert problem.file == "skill.json" and "cannot read the skill manifest" in problem.message


@pytest.mark.usefixtures("code")
def test_command_exit_codes(tmp_path: Path) -> None:
    good = write_package(tmp_path / "good", {"en-US": base_model()}, ["en-US"])
    result = CliRunner().invoke(check_model, ["--model-dir", str(good)])
    assert result.exit_code == 0, result.output
    assert result.output == "en-US: 4 intents, 24 samples agree with the skill\n"

    bad_model = base_model()
    bad_model["intents"][HELP_ME]["samples"][0] = "help me 2"
    bad = write_package(tmp_path / "bad", {"en-US": bad_model}, ["en-US"])
    result = CliRunner().invoke(check_model, ["--model-dir", str(bad)])
    assert result.exit_code == 1
    assert f"en-US.json: {sample_path(HELP_ME, 0)}: HelpMeIntent sample 'help me 2' has " \
           "numerals (2): spell numbers out" in result.output
    assert "1 problem(s)" in result.output

    missing = CliRunner().invoke(check_model, ["--model-dir", str(good), "--locale", "xx-XX"])
    assert missing.exit_code == 1 and "xx-XX.json: $: cannot read the model" in missing.output


@pytest.mark.usefixtures("code")
def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    model = base_model()
    model["intents"][HELP_ME]["samples"].append("help me")
    package = write_package(tmp_path, {"en-US": model}, ["en-US"])
    result = CliRunner().invoke(check_model, ["--model-dir", str(package)])
    assert result.exit_code == 0, result.output
    assert "(1 warning(s))" in result.output
    strict = CliRunner().invoke(check_model, ["--model-dir", str(package), "--strict"])
    assert strict.exit_code == 1


def test_the_shipped_model_passes() -> None:
    """May fail while the model and the code are being changed together."""
    report = check_package(MODEL_DIR)
    assert report.locales and [str(p) for p in report.errors] == []
    result = CliRunner().invoke(check_model, [])
    assert result.exit_code == 0, result.output


# --- size -----------------------------------------------------------------------------------------


def big_model(seed: int = 7) -> dict[str, Any]:
    """About 3000 samples, slot types with hundreds of synonyms, and multi-slot samples."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("bcdfghjklmnpqrstvwz") + rng.choice("aeiou") for _ in range(3))
             for _ in range(4000)]
    carriers = ["i have", "i want", "tell me about", "what is", "can you", "i think", "my",
                "is it", "i'm", "please", "i feel", "show me"]

    def words(n: int, block: int) -> str:
        return " ".join(rng.choice(vocab[100 * block:100 * block + 100]) for _ in range(n))

    types = [{"name": f"Type{t}", "values": [
        {"id": f"t{t}v{i}", "name": {"value": words(rng.randint(1, 3), t),
                                     "synonyms": [words(rng.randint(1, 4), t) for _ in range(4)]}}
        for i in range(100)]} for t in range(20)]
    intents = []
    for n in range(20):
        samples = []
        for _ in range(150):
            carrier, r = rng.choice(carriers), rng.random()
            if r < 0.55:
                samples.append(f"{carrier} {words(rng.randint(1, 3), 20 + n)}")
            elif r < 0.85:
                samples.append(f"{carrier} {{a}} {words(rng.randint(0, 1), 20 + n)}".strip())
            else:
                samples.append(f"{carrier} {{a}} and {{b}}")
        intents.append({"name": f"Big{n}Intent", "samples": samples,
                        "slots": [{"name": "a", "type": f"Type{n}"},
                                  {"name": "b", "type": f"Type{(n + 7) % 20}"}]})
    return {"invocationName": "big model", "intents": intents, "types": types}


def test_a_big_model_is_checked_quickly() -> None:
    model = big_model()
    planted = copy.deepcopy(model["types"][3]["values"][0]["name"]["value"])
    other = copy.deepcopy(model["types"][10]["values"][0]["name"]["value"])
    model["intents"][3]["samples"].append("i want {a} and {b}")
    model["intents"][5]["samples"].append(f"i want {planted} and {other}")
    assert sum(len(intent["samples"]) for intent in model["intents"]) > 3000
    started = time.perf_counter()
    found = check_language_model(model)
    assert time.perf_counter() - started < 3.0
    assert any(p.path == f"{LM}.intents[5].samples[150]" and "can both be" in p.message
               for p in found)


def test_the_search_for_collisions_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_check, "MAX_COLLISION_STATES", 50)
    found = check_language_model(big_model())
    assert any(p.warning and "after exploring 50 states" in p.message for p in found)
    monkeypatch.setattr(model_check, "MAX_COLLISION_STATES", 100_000)
    monkeypatch.setattr(model_check, "MAX_COLLISIONS", 1)
    model = base_model()
    model["intents"][PICK]["samples"] += ["help me", "I'm lost"]
    found = check_language_model(model)
    assert sum("can both be" in p.message for p in found) == 1
    assert any(p.warning and "after 1 collisions" in p.message for p in found)


@pytest.mark.usefixtures("code")
def test_a_required_built_in_intent_must_be_there(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr("skill.model_check.REQUIRED_BUILT_INS",
                        ("AMAZON.StopIntent", "AMAZON.HelpIntent"))
    report = check_package(write_package(tmp_path, {"en-US": base_model()}, ["en-US"]))
    assert [str(p) for p in report.problems] == [
        f"en-US.json: {LM}.intents: required built-in intent AMAZON.HelpIntent is missing"]


@pytest.mark.usefixtures("code")
def test_locales_must_agree_on_intents_slots_and_ids(tmp_path: Path) -> None:
    other = base_model()
    other["types"][0]["values"].append({"id": "green", "name": {"value": "green"}})
    del other["intents"][FIND]
    package = write_package(tmp_path, {"en-US": base_model(), "en-GB": other},
                            ["en-US", "en-GB"])
    problems = [str(p) for p in check_package(package).problems]
    assert f"en-GB.json: {LM}.intents: intent FindIntent is only in en-US, the locales must " \
        "agree" in problems
    assert any("intent PickIntent: slot value ids differ from en-US (ColourType=green)" in p
               for p in problems), problems


@pytest.mark.usefixtures("code")
def test_icons_must_be_pngs_of_the_store_sizes_in_the_package(tmp_path: Path) -> None:
    package = write_package(tmp_path, {"en-US": base_model()}, ["en-US"])
    (package / "assets" / "images" / "icon-512.png").write_bytes(png_header(500, 500))
    manifest = json.loads((package / "skill.json").read_text())
    entry = manifest["manifest"]["publishingInformation"]["locales"]["en-US"]
    del entry["smallIconUri"]
    (package / "skill.json").write_text(json.dumps(manifest))
    where = "$.manifest.publishingInformation.locales.en-US"
    assert [str(p) for p in check_package(package).problems] == [
        f"skill.json: {where}.smallIconUri: missing: the store needs both icons",
        f"skill.json: {where}.largeIconUri: file://assets/images/icon-512.png: expected a "
        "512x512 PNG"]
    entry["smallIconUri"] = "https://example.com/icon.png"
    entry["largeIconUri"] = "file://assets/images/gone.png"
    (package / "skill.json").write_text(json.dumps(manifest))
    assert [str(p) for p in check_package(package).problems] == [
        f"skill.json: {where}.smallIconUri: https://example.com/icon.png: not an icon the ASK "
        "CLI or the store can use (file://assets/... or https)",
        f"skill.json: {where}.largeIconUri: file://assets/images/gone.png: no such file in the "
        "skill package"]


@pytest.mark.usefixtures("code")
def test_privacy_addresses_must_be_https_and_placeholders_are_flagged(tmp_path: Path) -> None:
    package = write_package(tmp_path, {"en-US": base_model()}, ["en-US"])
    manifest = json.loads((package / "skill.json").read_text())
    manifest["manifest"]["privacyAndCompliance"] = {"locales": {"en-US": {
        "privacyPolicyUrl": "https://example.com/privacy", "termsOfUseUrl": "http://x.org/t"}}}
    (package / "skill.json").write_text(json.dumps(manifest))
    problems = check_package(package).problems
    assert [(p.path, p.warning) for p in problems] == [
        ("$.manifest.privacyAndCompliance.locales.en-US.termsOfUseUrl", False),
        ("$.manifest.privacyAndCompliance.locales", True)]


def test_the_shipped_icons_are_the_store_sizes() -> None:
    from skill.model_check import MODEL_DIR

    for size in (108, 512):
        head = (MODEL_DIR / "assets" / "images" / f"icon-{size}.png").read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == int.from_bytes(head[20:24], "big") == size
