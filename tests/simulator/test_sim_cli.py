"""`neck-twitch simulate` end to end: modes, outputs, and one-line errors for bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sim_helpers import HelloTransport, MakeHello

from skill.cli import main
from skill.simulator.repl import Console

LAUNCH = "open neck twitch check"


def run(*args: str, stdin: str | None = None) -> Result:
    # A new user per run unless a test names one: state the skill stores per user (a check
    # to resume) must not carry from one test into another.
    user = [] if "--user" in args else ["--user", f"test-{uuid.uuid4()}"]
    return CliRunner().invoke(main, ["simulate", *user, *args], input=stdin)


def assert_one_line_error(result: Result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("neck-twitch simulate: error: ")
    assert fragment in lines[0], lines[0]


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# -- utterance profiler ------------------------------------------------------------------------


def test_utterance_profile_shows_intent_slot_resolution_and_confidence() -> None:
    result = run("--utterance", "I also have pins and needles")
    assert result.exit_code == 0, result.output
    assert "intent:     ReportSymptomIntent" in result.stdout
    assert "ER_SUCCESS_MATCH id=numbness" in result.stdout
    assert "confidence: 1.00" in result.stdout


def test_utterance_profile_as_json() -> None:
    result = run("--json", "--utterance", "nah", "--utterance", LAUNCH,
                 "--utterance", "order a pizza")
    records = jsonl(result.stdout)
    assert records[0]["intent"] == "AMAZON.NoIntent" and records[0]["confidence"] == 1.0
    assert records[1] == {"utterance": LAUNCH, "request": "LaunchRequest"}
    assert records[2]["intent"] == "AMAZON.FallbackIntent" and records[2]["confidence"] < 0.85


# -- piped conversations -----------------------------------------------------------------------


def test_piped_json_lines_one_object_per_turn() -> None:
    result = run("--json", stdin=f"{LAUNCH}\nwhy do you ask\nstop\n")
    assert result.exit_code == 0, result.stderr
    turns = jsonl(result.stdout)
    assert [t["intent"] for t in turns] == [None, "WhyAskIntent", "AMAZON.StopIntent"]
    for turn in turns:
        assert {"user", "intent", "slots", "speech", "reprompt", "card", "ended"} <= set(turn)
    assert turns[0]["card"] is not None and turns[0]["speech"]
    assert [t["ended"] for t in turns] == [False, False, True]
    assert "<speak>" not in result.stdout


def test_piped_text_echoes_the_user_and_exit_outside_a_session_stops() -> None:
    result = run(stdin=f"{LAUNCH}\nstop\nexit\n{LAUNCH}\n")
    assert result.exit_code == 0
    assert result.stdout.count("you>   ") == 2
    assert "(session ended)" in result.stdout


def test_screen_device_and_locale_flags_reach_the_envelope() -> None:
    result = run("--device", "show", "--user", "sam", stdin=f"{LAUNCH}\n:request\n")
    request = json.loads(result.stdout[result.stdout.index("{"):])
    assert "Viewport" in request["context"]
    assert request["request"]["locale"] == "en-US"


def test_user_id_is_stable_across_runs_and_not_printed_by_state() -> None:
    ids = []
    robin = f"robin-{uuid.uuid4()}"
    for _ in range(2):
        result = run("--user", robin, stdin=f"{LAUNCH}\n:request\n")
        request = json.loads(result.stdout[result.stdout.index("{"):])
        ids.append(request["session"]["user"]["userId"])
    assert ids[0] == ids[1]
    state = run("--user", robin, stdin=f"{LAUNCH}\n:state\n").stdout
    assert ids[0] not in state and '"attributes"' in state


@pytest.mark.parametrize(
    ("stdin", "fragment"),
    [
        (f"{LAUNCH}\n{'x' * 1001}\n", "line 2: utterance is 1001 characters long"),
        (f"{LAUNCH}\n:bogus\n", "line 2: unknown command ':bogus'"),
    ],
)
def test_bad_piped_lines_are_one_line_errors(stdin: str, fragment: str) -> None:
    assert_one_line_error(run(stdin=stdin), fragment)


def test_unknown_locale_is_a_one_line_error() -> None:
    assert_one_line_error(run("--locale", "xx-YY", stdin="yes\n"), "unknown locale 'xx-YY'")


def test_malformed_model_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "en-US.json"
    bad.write_text('{"interactionModel": ', encoding="utf-8")
    assert_one_line_error(run("--model", str(bad), stdin="yes\n"), "malformed interaction model")
    assert_one_line_error(run("--model", str(tmp_path / "none.json"), "--utterance", "yes"),
                          "interaction model not found")


def test_only_one_mode_at_a_time(tmp_path: Path) -> None:
    assert_one_line_error(run("--utterance", "yes", "--replay", "x.json"), "use only one of")


# -- replay and record -------------------------------------------------------------------------


def test_record_then_replay_gives_the_same_transcript(tmp_path: Path) -> None:
    record = tmp_path / "session.json"
    first = run("--json", "--record", str(record), stdin="yes\nno\nno\nI'm not sure\n")
    saved = json.loads(record.read_text(encoding="utf-8"))
    # The auto-launch is recorded as the phrase a real user needs, so ASK CLI can replay it.
    assert saved == {"skillId": saved["skillId"], "locale": "en-US", "type": "text",
                     "userInput": [LAUNCH, "no", "no", "I'm not sure"]}
    second = run("--json", "--replay", str(record))
    assert second.exit_code == 0, second.stderr
    spoken = [t["speech"] for t in jsonl(first.stdout)]
    assert [t["speech"] for t in jsonl(second.stdout)] == spoken


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{", "malformed replay file"),
        ('{"type": "audio", "userInput": ["hi"]}', "type 'audio' is not supported"),
        ('{"type": "text", "userInput": []}', "'userInput' must be a non-empty list"),
        ('{"type": "text", "userInput": ["open neck twitch check", " "]}', "userInput 2 is empty"),
    ],
)
def test_bad_replay_files(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "replay.json"
    path.write_text(content, encoding="utf-8")
    assert_one_line_error(run("--replay", str(path)), fragment)
    assert_one_line_error(run("--replay", str(tmp_path / "missing.json")), "not found")


def test_replay_locale_and_skill_id_are_used(tmp_path: Path) -> None:
    path = tmp_path / "replay.json"
    path.write_text(json.dumps({"skillId": "amzn1.ask.skill.replayed", "locale": "fr-FR",
                                "type": "text", "userInput": [LAUNCH]}), encoding="utf-8")
    assert_one_line_error(run("--replay", str(path)), "unknown locale 'fr-FR'")


# -- scripts -----------------------------------------------------------------------------------


def test_passing_script(tmp_path: Path) -> None:
    script = tmp_path / "ok.yaml"
    script.write_text(f"turns:\n  - user: {LAUNCH}\n    request: LaunchRequest\n"
                      "  - user: no\n    intent: AMAZON.NoIntent\n    ended: false\n")
    result = run("--script", str(script))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("PASS ")


def test_failing_script_exits_1_with_a_readable_diff(tmp_path: Path) -> None:
    script = tmp_path / "bad.yaml"
    script.write_text(f"turns:\n  - user: {LAUNCH}\n  - user: yes\n    intent: AMAZON.NoIntent\n"
                      "    speech_matches: '(?i)goodbye'\n")
    result = run("--script", str(script))
    assert result.exit_code == 1
    assert "FAIL" in result.stderr and "turn 2 of 2: user said 'yes'" in result.stderr
    assert "- expected: AMAZON.NoIntent" in result.stderr
    assert "+ actual:   AMAZON.YesIntent" in result.stderr
    assert "- expected: matches /(?i)goodbye/" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("turns: [", "malformed dialog script"),
        ("- just a list", "expected a mapping with a 'turns' list"),
        ("turns: []", "'turns' must be a non-empty list"),
        ("turns:\n  - user: ''", "turn 1 needs a non-empty 'user' line"),
        ("turns:\n  - user: hi\n    speach: x", "turn 1: unknown key 'speach'"),
        ("turns:\n  - user: hi\n    ended: maybe", "'ended' must be true or false"),
        ("turns:\n  - user: hi\n    speech_matches: '('", "is not a valid regex"),
        ("turns:\n  - user: hi\n    repeat: 0", "'repeat' must be a whole number"),
        ("nmae: x\nturns:\n  - user: hi", "unknown key 'nmae'"),
    ],
)
def test_bad_scripts_are_one_line_errors(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "script.yaml"
    path.write_text(content, encoding="utf-8")
    assert_one_line_error(run("--script", str(path)), fragment)


def test_unreadable_script(tmp_path: Path) -> None:
    assert_one_line_error(run("--script", str(tmp_path / "none.yaml")), "not found")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert_one_line_error(run("--script", str(binary)), "cannot read dialog script")


# -- endpoint ----------------------------------------------------------------------------------


def test_endpoint_receives_the_same_envelopes(hello_server: str, tiny_model_file: Path) -> None:
    result = run("--json", "--endpoint", hello_server, "--model", str(tiny_model_file),
                 stdin="open hello tea\nyes\nyes\n")
    assert result.exit_code == 0, result.stderr
    assert [t["speech"] for t in jsonl(result.stdout)][-1] == "You said yes 2 times."


def test_unreachable_endpoint_is_a_one_line_error() -> None:
    assert_one_line_error(run("--endpoint", "http://127.0.0.1:9/", stdin=f"{LAUNCH}\n"),
                          "cannot reach http://127.0.0.1:9/")
    assert_one_line_error(run("--endpoint", "ftp://x", stdin=f"{LAUNCH}\n"),
                          "not an http:// or https:// URL")


# -- speaking ----------------------------------------------------------------------------------


def test_speak_without_espeak_says_so_and_carries_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = run("--speak", stdin=f"{LAUNCH}\n")
    assert result.exit_code == 0
    assert "espeak-ng is not installed" in result.stderr
    assert "alexa> " in result.stdout


def test_speak_runs_espeak_with_the_plain_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/espeak-ng")

    def fake_run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0, stderr="")

    monkeypatch.setattr("subprocess.run", fake_run)
    result = run("--speak", stdin=f"{LAUNCH}\n")
    assert result.exit_code == 0 and len(calls) == 1
    assert calls[0][:4] == ["/usr/bin/espeak-ng", "-v", "en-us", "--"]
    assert calls[0][4].startswith("Neck Twitch Check") and "<" not in calls[0][4]


@pytest.mark.parametrize(("stderr", "status", "reason"), [
    ("ALSA lib pcm.c:2666: Unknown PCM default\nerror: No such file or directory\n", 0,
     "error: No such file or directory"),
    ("", 3, "exit status 3"),
])
def test_speak_says_once_when_espeak_cannot_play(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: str, status: int,
        reason: str) -> None:
    # A stand-in espeak-ng on PATH that fails the way the real one does on a machine without
    # a sound device, and counts how often it is run.
    log = tmp_path / "runs"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f"#!/bin/sh\necho run >> '{log}'\nprintf '{stderr}' >&2\nexit {status}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    result = run("--speak", stdin=f"{LAUNCH}\nno\nno\n")
    assert result.exit_code == 0
    assert result.stderr.count("could not play audio") == 1 and reason in result.stderr
    assert log.read_text().count("run") == 1  # it stops trying after the first failure
    assert result.stdout.count("alexa> ") == 3


# -- the interactive console -------------------------------------------------------------------


def test_interactive_console_commands(make_hello: MakeHello) -> None:
    out, err = io.StringIO(), io.StringIO()
    sim = make_hello()
    console = Console(sim, out, err, interactive=True, verbose=True)
    console.run(["", ":response", "open hello tea", "yes", ":state", ":request", ":nlu I want chai",
                 ":bogus", ":new", "exit", "never reached"])
    text = out.getvalue()
    assert "(nothing sent yet)" in text
    assert "alexa> Hello & welcome. Do you like tea?" in text and "reprompt: Tea?" in text
    assert "card: Tea: 1 yes" in text
    assert '"yes": 1' in text  # session attributes under :state
    assert '"type": "IntentRequest"' in text  # :request
    assert "slot drink: 'chai' -> ER_SUCCESS_MATCH id=TEA" in text
    assert "(session ended; the next utterance starts a new one)" in text
    assert "unknown command ':bogus'" in err.getvalue()
    assert not sim.in_session and "never reached" not in text


def test_quit_command_closes_the_open_session(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    console = Console(make_hello(), io.StringIO(), io.StringIO(), interactive=True)
    console.run(["open hello tea", ":quit", "yes"])
    assert hello_transport.sent[-1]["request"]["type"] == "SessionEndedRequest"
    assert len(hello_transport.sent) == 2


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "--replay" in result.stdout and "--endpoint" in result.stdout


def test_a_crash_inside_the_skill_is_one_line_unless_traceback_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crash(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("skill.alexa.builder.handle_event", crash)
    result = run(stdin=f"{LAUNCH}\n")
    assert_one_line_error(result, "the skill raised ZeroDivisionError: boom (rerun with")
    verbose = run("--traceback", stdin=f"{LAUNCH}\n")
    assert verbose.exit_code == 2 and "Traceback" in verbose.stderr


def test_input_that_is_not_utf8_is_a_one_line_error() -> None:
    result = CliRunner().invoke(main, ["simulate", "--user", f"test-{uuid.uuid4()}"],
                                input=b"open neck twitch check\n\xff\xfe\n")
    assert_one_line_error(result, "input is not UTF-8 text")


def test_record_into_a_missing_directory_fails_before_talking(tmp_path: Path) -> None:
    result = run("--record", str(tmp_path / "no" / "r.json"), stdin=f"{LAUNCH}\n")
    assert_one_line_error(result, "its directory does not exist")
    assert result.stdout == ""


def test_threshold_option_changes_what_counts_as_a_near_miss() -> None:
    # (Never an answer: "yess sir" is no "yes" at any threshold; see tests/test_polarity.py.)
    loose = jsonl(run("--json", "--threshold", "50", "--utterance", "why are you askin").stdout)[0]
    strict = jsonl(run("--json", "--threshold", "99", "--utterance", "why are you askin").stdout)[0]
    assert (loose["intent"], loose["method"]) == ("WhyAskIntent", "fuzzy")
    assert strict["intent"] == "AMAZON.FallbackIntent"
    never = jsonl(run("--json", "--threshold", "50", "--utterance", "yess sir").stdout)[0]
    assert never["intent"] != "AMAZON.YesIntent"
