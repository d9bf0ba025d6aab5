"""Import on a modern system, the SDK's own verifier failing closed, and `neck-twitch serve`."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_certs import CERT_URL, REPO, envelope, make_pki, signed_request

from skill.web._sdk_compat import VerificationException


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )


def test_import_works_in_a_fresh_interpreter_without_oscrypto() -> None:
    result = _run_python(
        "import sys, skill.web, flask_ask_sdk.skill_adapter\n"
        "from skill.web import create_app\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('oscrypto', 'certvalidator')))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_lambda_path_does_not_import_flask() -> None:
    result = _run_python(
        "import sys, skill.alexa.builder, skill.cli\nprint('flask' in sys.modules)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_sdk_request_verifier_fails_closed() -> None:
    """If someone re-enables the SDK's certvalidator-based verifier, it refuses every request."""
    from ask_sdk_webservice_support.verifier import RequestVerifier

    body, headers = signed_request(sha256=False)  # the SDK verifier reads `Signature`
    chain = make_pki().chain()
    verifier = RequestVerifier()
    verifier._cert_cache[CERT_URL] = chain  # stay offline: the SDK's cache is checked first
    with pytest.raises(VerificationException, match="chain is not valid"):
        verifier._validate_cert_chain(chain)
    with pytest.raises(VerificationException):
        verifier.verify(headers, body.decode(), None)


def test_serve_command_runs_the_dev_server_and_warns_about_no_verify() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-c", "from skill.cli import main; main()",
        "serve", "--host", "127.0.0.1", "--port", str(port), "--no-verify",
    ]  # fmt: skip
    env = {key: value for key, value in os.environ.items() if key != "SKILL_ID"}
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        status, document = _post_when_up(port, process)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert status == 200
    assert document["version"] == "1.0" and "response" in document
    assert b"--no-verify turns Alexa request verification OFF" in stderr
    assert b"VERIFICATION IS OFF" in stderr


def _post_when_up(port: int, process: subprocess.Popen[bytes]) -> tuple[int, dict[str, object]]:
    body = json.dumps(envelope()).encode()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("POST", "/", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, json.loads(response.read())
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve did not start")


def test_serve_help_lists_its_options() -> None:
    from click.testing import CliRunner

    from skill.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--no-verify"):
        assert option in result.output


def test_serve_reports_a_missing_trust_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from skill.cli import main

    env = {"NECK_TWITCH_CA_BUNDLE": str(tmp_path / "nope.pem"), "SKILL_ID": "amzn1.ask.skill.x"}
    result = CliRunner().invoke(main, ["serve"], env=env)
    assert result.exit_code != 0
    assert "NECK_TWITCH_CA_BUNDLE" in result.output


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve` must stop before it starts serving; should it not, fail instead of blocking."""
    from flask import Flask

    def run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr(Flask, "run", run)


@pytest.mark.usefixtures("no_server")
def test_serve_without_skill_id_refuses_to_start_with_one_line() -> None:
    from click.testing import CliRunner

    from skill.cli import main

    result = CliRunner().invoke(main, ["serve"], env={"SKILL_ID": None})
    assert result.exit_code != 0
    assert "SKILL_ID" in result.output and "--any-skill" in result.output
    assert result.output.strip().count("\n") == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("no_server")
def test_serve_with_the_default_id_salt_refuses_to_start() -> None:
    from click.testing import CliRunner

    from skill.cli import main
    from skill.storage import DEFAULT_SALT, SALT_ENV

    for salt in (None, "", DEFAULT_SALT):
        env = {"SKILL_ID": "amzn1.ask.skill.x", SALT_ENV: salt}
        result = CliRunner().invoke(main, ["serve"], env=env)
        assert result.exit_code != 0
        assert SALT_ENV in result.output
        assert result.output.strip().count("\n") == 0, result.output


def test_serve_any_skill_is_passed_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import skill.web
    from skill.cli import main

    seen: dict[str, object] = {}

    def fake_create_app(**options: object) -> object:
        seen.update(options)
        raise ValueError("stop here")

    monkeypatch.setattr(skill.web, "create_app", fake_create_app)
    result = CliRunner().invoke(main, ["serve", "--any-skill"], env={"SKILL_ID": None})
    assert seen == {"verify": True, "any_skill": True}
    assert "stop here" in result.output
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--any-skill" in help_text


def test_production_entry_point_refuses_to_start_without_configuration() -> None:
    """`gunicorn 'skill.web:create_app()'` fails at start-up, not at the first request."""
    env = {k: v for k, v in os.environ.items() if k not in ("SKILL_ID", "NECK_TWITCH_ID_SALT")}
    result = subprocess.run(
        [sys.executable, "-c", "from skill.web import create_app; create_app()"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "ConfigurationError: SKILL_ID is not set" in result.stderr


def test_memory_file_that_cannot_be_made_private_stops_start_up(tmp_path: Path) -> None:
    """A shared folder (sticky, world-writable like /tmp) is not ours to tighten: refused."""
    from skill.alexa.builder import create_skill
    from skill.storage.sqlite import SQLiteAdapter
    from skill.web import create_app
    from skill.web.app import ConfigurationError

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    skill = create_skill(None, SQLiteAdapter(shared / "memory.sqlite3"))
    with pytest.raises(ConfigurationError, match=r"memory\.sqlite3") as caught:
        create_app(skill, skill_id=None, verify=False)
    assert "\n" not in str(caught.value)
    assert (shared.stat().st_mode & 0o7777) == 0o1777
