"""The rules loader accepts the shipped file and names the file and key of every mistake."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.triage import CheckState, RulesError, StateError, default_rules, load_rules
from skill.triage.rules import RULES_PATH, parse_rules

SHIPPED: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text())


def broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(SHIPPED)
    exec(change, {"d": data})
    return data


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        ("d['version'] = 2", "version", "expected 3"),
        ("d['signs']['speech']['tier'] = 'urgen'", "signs.speech.tier", "'urgen' is not one of"),
        ("d['signs']['headache'] = {'tier': 'soon', 'source': 'x'}", "signs.headache",
         "'headache' is not one of"),
        ("d['signs']['speech']['tier'] = 'self_care'", "signs.speech.tier", "cannot lead to"),
        ("del d['signs']['speech']['source']", "signs.speech.source", "non-empty string"),
        ("del d['signs']['tongue']", "signs", "no tier or source for ['tongue']"),
        ("d['signs']['speech']['colour'] = 'red'", "signs.speech", "unknown keys ['colour']"),
        ("d['red_flags'][1]['sign'] = 'headache'", "red_flags[1].sign", "'headache' is not one"),
        ("d['red_flags'][2]['follow_ups'][0]['sign'] = 'swallowing'",
         "red_flags[2].follow_ups[0].sign", "must escalate"),
        ("d['red_flags'][5]['id'] = 'swallowing'", "red_flags[5].id", "duplicate question id"),
        ("d['red_flags'][5]['sign'] = 'swallowing'", "red_flags[5].sign", "asked twice"),
        ("del d['red_flags'][3]['id']", "red_flags[3].id", "non-empty string"),
        ("d['red_flags'][3]['colour'] = 'red'", "red_flags[3]", "unknown keys ['colour']"),
        ("d['red_flags'][3]['when_any'] = ['speech', 'hiccups']", "red_flags[3].when_any[1]",
         "'hiccups' is not one of"),
        ("d['red_flags'] = {}", "red_flags", "expected a list"),
        ("d['red_flags'] = []", "red_flags", "at least one"),
        ("d['combinations'][0]['any'] = []", "combinations[0]", "at least one sign"),
        ("d['combinations'][1]['all'] = ['injury', 'ouch']", "combinations[1].all[1]",
         "'ouch' is not one of"),
        ("del d['combinations'][0]['source']", "combinations[0].source", "non-empty string"),
        ("d['lifestyle']['factors']['stress'] = 'yoga'", "lifestyle.factors.stress",
         "'yoga' is not one of"),
        ("d['lifestyle']['factors']['diet'] = 'rest'", "lifestyle.factors.diet",
         "'diet' is not one"),
        ("d['lifestyle']['id'] = 'speech'", "lifestyle.id", "duplicate question id"),
        ("d['general_tips'] = ['sleep', 'naps']", "general_tips[1]", "'naps' is not one"),
        ("d['min_tips'] = 5; d['max_tips'] = 4", "min_tips", "1 <= min <= max"),
        ("d['general_tips'] = ['sleep']", "general_tips", "at least 2 distinct"),
        ("d['red_flags'][2]['follow_ups'][0]['follow_ups'] = "
         "[{'id': 'x', 'sign': 'face_droop'}]",
         "red_flags[2].follow_ups[0]", "cannot have follow-ups"),
        ("d['red_flags'][9]['follow_ups'][2]['when_any'] = ['hiccups']",
         "red_flags[9].follow_ups[2].when_any[0]", "'hiccups' is not one of"),
    ],
)
def test_a_mistake_is_reported_with_file_and_key(change: str, key: str, problem: str) -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules(broken(change), "rules.yaml")
    message = str(caught.value)
    assert message.startswith(f"rules.yaml: {key}: "), message
    assert problem in message, message


def test_unreadable_and_invalid_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(RulesError, match=r"missing\.yaml: cannot read"):
        load_rules(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("red_flags: [unclosed\n")
    with pytest.raises(RulesError, match=r"bad\.yaml: not valid YAML"):
        load_rules(bad)
    top = tmp_path / "top.yaml"
    top.write_text("- just a list\n")
    with pytest.raises(RulesError, match=r"top.yaml: \(top level\): expected a mapping"):
        load_rules(top)


def test_validation_survives_python_O() -> None:
    """Validation is real code, not `assert`, which `python -O` strips."""
    source = (Path(__file__).resolve().parents[1] / "skill" / "triage" / "rules.py").read_text()
    assert "assert " not in source


def test_the_shipped_rules_load_once() -> None:
    assert default_rules() is default_rules()
    assert default_rules() == load_rules()


@pytest.mark.parametrize(
    "raw",
    [
        None, "text", [], {"v": 99, "answers": {}}, {"v": 1, "answers": {}}, {"v": 2},
        {"v": 2, "answers": []}, {"v": 2, "answers": {"headache": "yes"}},
        {"v": 2, "answers": {"speech": "perhaps"}}, {"v": 2, "answers": {"lifestyle": "yes"}},
        {"v": 2, "answers": {}, "explained": "nonsense"},
        {"v": 2, "answers": {}, "signs": ["hiccups"]}, {"v": 2, "answers": {}, "signs": "speech"},
        {"v": 2, "answers": {}, "factors": ["diet"]},
        {"v": 2, "answers": {}, "unrecognised": ["x" * 61]},
        {"v": 2, "answers": {}, "unrecognised": ["a", "b", "c", "d"]},
        {"v": 2, "answers": {}, "lifestyle_done": "yes"},
    ],
)
def test_garbage_state_is_refused(raw: Any) -> None:
    with pytest.raises(StateError):
        CheckState.from_dict(raw, default_rules())


def test_state_round_trips() -> None:
    rules = default_rules()
    state = CheckState.from_dict(
        {"v": 2, "answers": {"swallowing": "no", "speech": "unsure"}, "explained": "weakness",
         "signs": ["tongue"], "unrecognised": ["a rash"], "factors": ["stress"],
         "lifestyle_done": False},
        rules)
    assert CheckState.from_dict(state.to_dict(), rules) == state
    assert list(state.answers) == ["swallowing", "speech"]


def test_every_sign_and_combination_names_its_source() -> None:
    rules = default_rules()
    for sign in rules.signs.values():
        assert len(sign.source) > 5, sign
    for combo in rules.combinations:
        assert len(combo.source) > 5, combo


def test_every_source_names_a_reference_of_docs_clinical() -> None:
    """Each part of a rule's source starts with a key that docs/clinical.md defines (or is the
    safety principle), so every claim can be looked up in the repository."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "clinical.md").read_text()
    defined = set(re.findall(r"\*\*([A-Z0-9-]+)\*\*", docs))
    assert {"NG127", "NG42", "NHS-TWITCH", "CCR", "HUNTER", "NHS-PET"} <= defined
    rules = default_rules()
    sources = [s.source for s in rules.signs.values()] + [c.source for c in rules.combinations]
    for source in sources:
        for part in source.split(";"):
            key = re.split(r"[\s:(]", part.strip())[0]
            assert key in defined or part.strip().startswith("safety principle"), (key, source)
    # The rules file points to the repository's own clinical basis, not outside it.
    header = RULES_PATH.read_text().split("version:")[0]
    assert "docs/clinical.md" in header and "shared" not in header
