"""From a user test of `neck-twitch simulate`: readable output, no memory carried over by
surprise, silence handled as Alexa handles it, and documented commands that run as written."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sim_helpers import REPO, HelloService, MakeHello, memo_skill

from skill.cli import main
from skill.simulator.repl import Console

LAUNCH = "open neck twitch check"
VENV_BIN = Path(sys.executable).parent


def run(*args: str, stdin: str | None = None, columns: int = 80) -> Result:
    user = [] if "--user" in args else ["--user", f"test-{uuid.uuid4()}"]
    return CliRunner().invoke(main, ["simulate", *user, *args], input=stdin,
                              env={"COLUMNS": str(columns)})


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def alexa_said(stdout: str) -> list[str]:
    """The speech of each turn in text output, continuation lines joined back together."""
    said: list[str] = []
    current: list[str] | None = None
    for line in stdout.splitlines():
        if line.startswith("alexa> "):
            current = [line[len("alexa> "):]]
            said.append("")
        elif current is not None and line.startswith("       ") and not line.strip().startswith(
                ("(", "reprompt:", "card:", "directives:")):
            current.append(line.strip())
        else:
            current = None
        if current is not None:
            said[-1] = " ".join(current)
    return said


# -- 1. output a person can read ---------------------------------------------------------------


def test_speech_is_wrapped_at_the_terminal_width_under_the_prompt() -> None:
    stdin = f"{LAUNCH}\nno\n"
    text = run(stdin=stdin, columns=50)
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert all(len(line) < 50 for line in lines), text.stdout
    assert any(line.startswith("       ") and not line.strip().startswith("(") for line in lines)
    spoken = [t["speech"] for t in jsonl(run("--json", stdin=stdin).stdout)]
    assert alexa_said(text.stdout) == spoken  # wrapping moves words, never changes them


def test_reprompt_and_card_only_with_verbose(hello_server: str, tiny_model_file: Path) -> None:
    args = ("--endpoint", hello_server, "--model", str(tiny_model_file))
    plain = run(*args, stdin="open hello tea\nyes\n")
    assert plain.exit_code == 0, plain.stderr
    assert "alexa> You said yes 1 times." in plain.stdout
    assert "reprompt:" not in plain.stdout and "card:" not in plain.stdout
    verbose = run(*args, "--verbose", stdin="open hello tea\nyes\n")
    assert "reprompt: Tea?" in verbose.stdout and "card: Tea: 1 yes" in verbose.stdout


def test_verbose_command_toggles_the_details(hello_server: str, tiny_model_file: Path) -> None:
    result = run("--endpoint", hello_server, "--model", str(tiny_model_file),
                 stdin="open hello tea\n:verbose\nyes\n:verbose\nyes\n")
    assert result.exit_code == 0, result.stderr
    before, _, after = result.stdout.partition("(verbose:")
    assert "reprompt:" not in before
    shown, _, hidden = after.partition("(only what Alexa says is shown)")
    assert "reprompt: More?" in shown and "card: Tea: 1 yes" in shown
    assert "You said yes 2 times." in hidden and "reprompt:" not in hidden


def test_help_lists_the_new_commands(make_hello: MakeHello) -> None:
    out = io_console(make_hello, [":help"])
    assert ":verbose" in out and ":fresh" in out and "empty line is silence" in out


def test_json_output_is_complete_whatever_the_width_or_verbosity(
        hello_server: str, tiny_model_file: Path) -> None:
    args = ("--json", "--endpoint", hello_server, "--model", str(tiny_model_file))
    narrow = jsonl(run(*args, stdin="open hello tea\nyes\n", columns=40).stdout)
    wide = jsonl(run(*args, "--verbose", stdin="open hello tea\nyes\n", columns=200).stdout)
    assert narrow == wide
    assert narrow[0]["reprompt"] == "Tea?"
    assert narrow[1]["card"] == {"type": "Simple", "title": "Tea", "text": "1 yes"}


# -- 2. memory: where it lives, --fresh and :fresh ---------------------------------------------


class Memo:
    """`simulate` as robin against a skill that counts visits in the configured storage."""

    def __init__(self, model: Path) -> None:
        self.model = model
        self.built: list[Any] = []  # the adapters of skills built with a storage of their own

    def create_skill(self, skill_id: str | None = None, adapter: Any = None) -> Any:
        self.built.append(adapter)
        return memo_skill(skill_id, adapter)

    def __call__(self, *args: str, stdin: str) -> Result:
        return run("--user", "robin", "--model", str(self.model), *args, stdin=stdin)


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny_model_file: Path) -> Memo:
    from skill.storage import adapter_for, storage_spec

    monkeypatch.setenv("NECK_TWITCH_STORAGE", f"sqlite:{tmp_path / 'memory.sqlite3'}")
    shared = memo_skill(None, adapter_for(storage_spec()))
    simulate = Memo(tiny_model_file)
    monkeypatch.setattr("skill.alexa.builder.get_skill", lambda: shared)
    monkeypatch.setattr("skill.alexa.builder.create_skill", simulate.create_skill)
    return simulate


def said(result: Result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [line[len("alexa> "):] for line in result.stdout.splitlines()
            if line.startswith("alexa> ") and "(no speech)" not in line]


def test_memory_is_kept_between_runs_unless_fresh(memo: Memo) -> None:
    assert said(memo(stdin="open hello tea\n")) == ["Visit number 1."]
    assert said(memo(stdin="open hello tea\n")) == ["Visit number 2."]
    # --fresh: nothing stored comes in, memory works within the run, and nothing goes out.
    assert said(memo("--fresh", stdin="open hello tea\nopen hello tea\n")) == [
        "Visit number 1.", "Visit number 2."]
    assert said(memo(stdin="open hello tea\n")) == ["Visit number 3."]


def test_fresh_store_is_a_temporary_file_deleted_on_exit(memo: Memo) -> None:
    said(memo("--fresh", stdin="open hello tea\n"))
    [adapter] = memo.built
    assert adapter.path.name == "memory.sqlite3"
    assert adapter.path.parent.name.startswith("neck-twitch-fresh-")
    assert not adapter.path.parent.exists()


def test_fresh_command_forgets_the_user(memo: Memo) -> None:
    said(memo(stdin="open hello tea\n"))
    result = memo(stdin="open hello tea\n:fresh\nopen hello tea\n")
    assert said(result) == ["Visit number 2.", "Visit number 1."]
    assert "(session ended; forgot what the skill stored for this user)" in result.stdout


def test_fresh_against_a_service_speaks_as_a_new_user(
        hello_service: HelloService, tiny_model_file: Path) -> None:
    args = ("--endpoint", hello_service.url, "--model", str(tiny_model_file))
    run(*args, "--user", "robin", stdin="open hello tea\n")
    run(*args, "--user", "robin", "--fresh", stdin="open hello tea\n")
    result = run(*args, "--user", "robin", stdin="open hello tea\n:fresh\nopen hello tea\n")
    assert "now speaking as a new user" in result.stdout
    users = [e["session"]["user"]["userId"] for e in hello_service.transport.sent
             if e["request"]["type"] == "LaunchRequest"]
    assert users[0] == users[2] and len(set(users)) == 3


def test_fresh_never_touches_the_configured_store(tmp_path: Path) -> None:
    # The real skill, in a process of its own: its storage comes from the environment.
    store = tmp_path / "memory.sqlite3"
    env = {**os.environ, "NECK_TWITCH_STORAGE": f"sqlite:{store}"}
    command = [str(VENV_BIN / "neck-twitch"), "simulate", "--user", "robin"]
    stdin = f"{LAUNCH}\nno\nstop\n{LAUNCH}\n:fresh\n"
    fresh = subprocess.run([*command, "--fresh"], input=stdin, env=env, capture_output=True,
                           text=True, timeout=60, check=False)
    assert fresh.returncode == 0, fresh.stderr
    assert not store.exists()
    normal = subprocess.run(command, input=f"{LAUNCH}\n", env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert normal.returncode == 0 and store.exists()


def test_help_says_where_memory_lives() -> None:
    result = run("--help", columns=200)
    assert "--fresh" in result.stdout and "memory.sqlite3" in result.stdout
    assert "NECK_TWITCH_STORAGE" in result.stdout


# -- 3. a blank line is silence ----------------------------------------------------------------


def test_blank_line_says_the_reprompt_again(hello_server: str, tiny_model_file: Path) -> None:
    result = run("--endpoint", hello_server, "--model", str(tiny_model_file),
                 stdin="open hello tea\n\nyes\n  \n")
    assert result.exit_code == 0, result.stderr
    assert "you>   (silence)\n       (silence: Alexa says the reprompt)\nalexa> Tea?\n" in (
        result.stdout)
    assert "alexa> You said yes 1 times." in result.stdout
    assert result.stdout.rstrip().endswith("alexa> More?")


def test_silence_after_the_reprompt_closes_the_session(hello_service: HelloService,
                                                       tiny_model_file: Path) -> None:
    result = run("--json", "--endpoint", hello_service.url, "--model", str(tiny_model_file),
                 stdin="open hello tea\n\n\n\nyes\n")
    assert result.exit_code == 0, result.stderr
    turns = jsonl(result.stdout)
    assert [(t["request"], t["speech"], t["ended"]) for t in turns] == [
        ("LaunchRequest", "Hello & welcome. Do you like tea?", False),
        (None, "Tea?", False),  # nothing is sent: Alexa says the reprompt itself
        ("SessionEndedRequest", "Heard SessionEndedRequest.", True),
        ("LaunchRequest", "Hello & welcome. Do you like tea?", False),  # "yes" relaunches
    ]
    ended = [e for e in hello_service.transport.sent
             if e["request"]["type"] == "SessionEndedRequest"]
    # then USER_INITIATED: the input ran out with the relaunched session open
    assert [e["request"]["reason"] for e in ended] == ["EXCEEDED_MAX_REPROMPTS", "USER_INITIATED"]


def test_blank_lines_with_no_session_do_nothing(hello_server: str,
                                               tiny_model_file: Path) -> None:
    result = run("--endpoint", hello_server, "--model", str(tiny_model_file),
                 stdin="\n\nopen hello tea\nno\n\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "you>   open hello tea"
    assert "silence" not in result.stdout


def test_blank_line_with_the_real_skill_repeats_its_reprompt() -> None:
    result = run("--json", stdin=f"{LAUNCH}\n\nno\n")
    assert result.exit_code == 0, result.stderr
    launch, silence, answer = jsonl(result.stdout)
    assert launch["reprompt"] and silence["speech"] == launch["reprompt"]
    assert silence["request"] is None and answer["intent"] == "AMAZON.NoIntent"


def test_silence_in_the_console(make_hello: MakeHello) -> None:
    out = io_console(make_hello, ["", "open hello tea", "", ""], interactive=True)
    assert out.count("alexa> Tea?") == 1 and "(session ended)" in out


def test_silence_on_a_screen_that_is_not_listening(make_hello: MakeHello) -> None:
    sim = make_hello(device="show")
    sim.say("open hello tea")
    sim.say("help")  # speaks without a reprompt or shouldEndSession: the screen stays up
    assert sim.in_session and sim.silence() is None and sim.in_session


def io_console(make_hello: MakeHello, lines: list[str], interactive: bool = False) -> str:
    import io

    out = io.StringIO()
    Console(make_hello(), out, io.StringIO(), interactive=interactive, width=80).run(lines)
    return out.getvalue()


# -- 4. the documented commands run as written -------------------------------------------------

DOCS = [REPO / "README.md", REPO / "docs" / "simulator.md"]
ACTIVATE = ". .venv/bin/activate"


def code_lines(path: Path) -> list[tuple[int, str]]:
    """(offset, line) of each line inside ``` fences, prompts ("$ ") and comments removed."""
    text = path.read_text(encoding="utf-8")
    lines: list[tuple[int, str]] = []
    for block in re.finditer(r"^```[a-z]*\n(.*?)^```", text, re.M | re.S):
        offset = block.start(1)
        for line in block.group(1).splitlines(keepends=True):
            command = re.sub(r"^\$ ", "", line.strip())
            command = re.sub(r"\s+#.*$", "", command)
            lines.append((offset, command))
            offset += len(line)
    return lines


def bare_commands(path: Path) -> list[tuple[int, str]]:
    """Shell lines that run `neck-twitch` from PATH rather than `.venv/bin/neck-twitch`."""
    return [(offset, line) for offset, line in code_lines(path)
            if re.search(r"(^|[|;&]\s*)neck-twitch\s", line)]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_docs_say_how_to_get_neck_twitch_on_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    bare = bare_commands(path)
    if bare:
        assert ACTIVATE in text, f"{path.name} runs `neck-twitch` but never says {ACTIVATE!r}"
        first, line = bare[0]
        assert text.index(ACTIVATE) < first, (
            f"{path.name}: {line!r} comes before any mention of {ACTIVATE!r}")


def simulate_commands() -> list[str]:
    commands: list[str] = []
    for path in DOCS:
        for _, line in code_lines(path):
            if "neck-twitch simulate" in line and "--endpoint" not in line:
                commands.append(line)
    return sorted(set(commands))


def test_the_docs_show_simulator_commands() -> None:
    assert len(simulate_commands()) >= 4


@pytest.mark.parametrize("command", simulate_commands())
def test_documented_simulator_command_runs(command: str) -> None:
    # As a developer runs it after `make simulate`/`make test`: from the checkout, with the
    # venv's bin first on PATH (what `. .venv/bin/activate` does).
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    command = command.replace(".venv/bin/", shlex.quote(str(VENV_BIN)) + "/")
    result = subprocess.run(["bash", "-c", command], cwd=REPO, env=env, input="",
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


# -- 5. packaging metadata ---------------------------------------------------------------------


def test_license_is_an_spdx_string_with_a_setuptools_that_reads_it() -> None:
    tomllib = pytest.importorskip("tomllib")
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["license"] == "MIT"  # PEP 639; a table warns on every install
    [setuptools] = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
    match = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools)
    assert match and int(match.group(1)) >= 77, setuptools  # the first to support it
    assert not any("License ::" in c for c in data["project"].get("classifiers", []))
