"""The rules loader accepts the shipped file and names the file and key of every mistake."""

from __future__ import annotations

import copy
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
        ("d['version'] = 2", "version", "expected 1"),
        ("d['red_flags'][0]['tier'] = 'urgen'", "red_flags[0].tier", "'urgen' is not one of"),
        ("d['red_flags'][1]['sign'] = 'headache'", "red_flags[1].sign", "'headache' is not one"),
        ("d['red_flags'][2]['tier'] = 'self_care'", "red_flags[2].tier", "cannot lead to"),
        ("d['red_flags'][0]['follow_ups'][0]['tier'] = 'urgent'",
         "red_flags[0].follow_ups[0].tier", "must escalate"),
        ("d['red_flags'][5]['id'] = 'swallowing'", "red_flags[5].id", "duplicate question id"),
        ("d['red_flags'][5]['sign'] = 'swallowing'", "red_flags[5].sign", "asked twice"),
        ("del d['red_flags'][3]['id']", "red_flags[3].id", "non-empty string"),
        ("d['red_flags'][3]['colour'] = 'red'", "red_flags[3]", "unknown keys ['colour']"),
        ("d['red_flags'] = {}", "red_flags", "expected a list"),
        ("d['red_flags'] = []", "red_flags", "at least one"),
        ("d['lifestyle'][0]['tip'] = 'yoga'", "lifestyle[0].tip", "'yoga' is not one of"),
        ("d['lifestyle'][0]['factor'] = 'diet'", "lifestyle[0].factor", "'diet' is not one"),
        ("d['general_tips'] = ['sleep', 'naps']", "general_tips[1]", "'naps' is not one"),
        ("d['min_tips'] = 5; d['max_tips'] = 4", "min_tips", "1 <= min <= max"),
        ("d['general_tips'] = ['sleep']", "general_tips", "at least 2 distinct"),
        ("d['red_flags'][0]['follow_ups'][0]['follow_ups'] = "
         "[{'id': 'x', 'sign': 'speech', 'tier': 'emergency'}]",
         "red_flags[0].follow_ups[0].follow_ups", "cannot have follow-ups"),
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
        None, "text", [], {"v": 99, "answers": {}}, {"v": 1}, {"v": 1, "answers": []},
        {"v": 1, "answers": {"headache": "yes"}}, {"v": 1, "answers": {"speech": "perhaps"}},
        {"v": 1, "answers": {}, "explained": "nonsense"},
    ],
)
def test_garbage_state_is_refused(raw: Any) -> None:
    with pytest.raises(StateError):
        CheckState.from_dict(raw, default_rules())


def test_state_round_trips() -> None:
    rules = default_rules()
    state = CheckState.from_dict(
        {"v": 1, "answers": {"swallowing": "no", "speech": "unsure"}, "explained": "weakness"},
        rules)
    assert CheckState.from_dict(state.to_dict(), rules) == state
