"""Dialog-script semantics: expectations, repeats, and the report a failure prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from sim_helpers import MakeHello

from skill.simulator.errors import SimulatorError
from skill.simulator.script import format_report, load_script, parse_script, run_script


def script(tmp_path: Path, body: dict[str, Any]) -> Path:
    path = tmp_path / "dialog.yaml"
    path.write_text(yaml.safe_dump(body), encoding="utf-8")
    return path


def test_yes_and_no_stay_words_not_booleans(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("turns:\n  - user: no\n    ended: true\n  - user: yes\n  - user: off\n")
    loaded = load_script(path)
    assert [t.user for t in loaded.turns] == ["no", "yes", "off"]
    assert loaded.turns[0].expect == {"ended": True}


def test_all_expectations_pass(tmp_path: Path, make_hello: MakeHello) -> None:
    loaded = load_script(script(tmp_path, {"turns": [
        {"user": "open hello tea", "request": "LaunchRequest", "speech": "WELCOME",
         "reprompt_matches": "^Tea", "ended": False},
        {"user": "I want a cuppa", "intent": "OrderIntent", "slots": {"drink": "tea"}},
        {"user": "yes", "card_matches": "1 yes", "card_title_matches": "^Tea$",
         "speech_not_matches": "(?i)goodbye"},
        {"user": "no", "ended": True, "speech_matches": "^Goodbye"},
    ]}))
    report = run_script(loaded, make_hello())
    assert report.passed, format_report(report)
    assert format_report(report).startswith("PASS")


@pytest.mark.parametrize(
    ("turn", "key"),
    [
        ({"user": "open hello tea", "request": "IntentRequest"}, "request"),
        ({"user": "open hello tea", "speech": "goodbye"}, "speech"),
        ({"user": "open hello tea", "speech_not_matches": "tea"}, "speech_not_matches"),
        ({"user": "open hello tea", "reprompt_matches": "coffee"}, "reprompt_matches"),
        ({"user": "open hello tea", "card_matches": "."}, "card_matches"),
        ({"user": "open hello tea", "ended": True}, "ended"),
        ({"user": "I want juice", "slots": {"drink": "TEA"}}, "slots.drink"),
    ],
)
def test_each_expectation_can_fail(tmp_path: Path, make_hello: MakeHello,
                                   turn: dict[str, Any], key: str) -> None:
    report = run_script(load_script(script(tmp_path, {"turns": [turn]})), make_hello())
    assert not report.passed
    assert [d.key for d in report.differences] == [key]


def test_repeat_until_the_session_ends(tmp_path: Path, make_hello: MakeHello) -> None:
    loaded = load_script(script(tmp_path, {"turns": [
        {"user": "open hello tea"},
        {"user": "yes", "repeat": 5, "until_matches": "3 times", "intent": "AMAZON.YesIntent",
         "ended": False},
        {"user": "no", "repeat": 3, "ended": True},
    ]}))
    report = run_script(loaded, make_hello())
    assert report.passed, format_report(report)
    assert [t.user for t in report.turns] == ["open hello tea", "yes", "yes", "yes", "no"]


def test_repeat_that_never_stops_fails(tmp_path: Path, make_hello: MakeHello) -> None:
    loaded = load_script(script(tmp_path, {"turns": [
        {"user": "open hello tea"}, {"user": "yes", "repeat": 4, "ended": True}]}))
    report = run_script(loaded, make_hello())
    assert not report.passed and report.differences[0].key == "repeat"
    assert len(report.turns) == 5
    assert "the session ended within 4 repetitions" in format_report(report)


def test_repeat_checks_every_repetition_for_invariants(tmp_path: Path,
                                                       make_hello: MakeHello) -> None:
    loaded = load_script(script(tmp_path, {"turns": [
        {"user": "open hello tea"},
        {"user": "yes", "repeat": 4, "speech_not_matches": "2 times", "ended": True}]}))
    report = run_script(loaded, make_hello())
    assert report.differences[0].key == "speech_not_matches"
    assert len(report.turns) == 3


def test_failure_report_shows_the_dialog_so_far(tmp_path: Path, make_hello: MakeHello) -> None:
    loaded = load_script(script(tmp_path, {"name": "tea talk", "turns": [
        {"user": "open hello tea"}, {"user": "yes", "intent": "AMAZON.NoIntent"}]}))
    text = format_report(run_script(loaded, make_hello()))
    assert text.splitlines()[:5] == [
        f"FAIL {loaded.path}: tea talk",
        "  turn 2 of 2: user said 'yes'",
        "  intent:",
        "    - expected: AMAZON.NoIntent",
        "    + actual:   AMAZON.YesIntent",
    ]
    assert "    alexa> [AMAZON.YesIntent] You said yes 1 times." in text


def test_until_needs_repeat(tmp_path: Path) -> None:
    with pytest.raises(SimulatorError, match="'until_matches' needs 'repeat'"):
        parse_script({"turns": [{"user": "x", "until_matches": "y"}]}, tmp_path / "s.yaml")


def test_script_settings(tmp_path: Path) -> None:
    loaded = parse_script({"name": "n", "locale": "en-GB", "device": "show", "user": "u",
                           "turns": [{"user": "x"}]}, tmp_path / "s.yaml")
    assert (loaded.locale, loaded.device, loaded.user) == ("en-GB", "show", "u")
    with pytest.raises(SimulatorError, match="'locale' must be a string"):
        parse_script({"locale": 5, "turns": [{"user": "x"}]}, tmp_path / "s.yaml")
