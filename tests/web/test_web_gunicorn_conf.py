"""gunicorn as docs/web.md runs it (`-c python:skill.web.gunicorn_conf`): start-up refusals in
one line before any worker, and slow clients that cannot stop the service.

Loopback only (127.0.0.1), with bounded loops and timeouts."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from web_certs import REPO, SKILL_ID, TEST_ID_SALT, envelope, make_pki, pem, signed_request

from skill.web.worker import request_is_whole

CONF = "python:skill.web.gunicorn_conf"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _base_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("SKILL_ID", "NECK_TWITCH_ID_SALT", "PORT", "NECK_TWITCH_ANY_SKILL",
                          "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE")}
    env.update({"SKILL_ID": SKILL_ID, "NECK_TWITCH_ID_SALT": TEST_ID_SALT,
                "NECK_TWITCH_STORAGE": f"sqlite:{tmp_path}/memory/memory.sqlite3",
                "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config")})
    return env


@pytest.mark.parametrize(("change", "says"), [
    ({"SKILL_ID": None}, "SKILL_ID is not set"),
    ({"SKILL_ID": f" {SKILL_ID}"}, "SKILL_ID is not a skill id"),
    ({"SKILL_ID": f"{SKILL_ID}\n"}, "SKILL_ID is not a skill id"),
    ({"NECK_TWITCH_ID_SALT": None}, "NECK_TWITCH_ID_SALT"),
    ({"NECK_TWITCH_ID_SALT": "neck-twitch-check "}, "NECK_TWITCH_ID_SALT"),
    ({"NECK_TWITCH_ID_SALT": "Neck_Twitch_Check-2"}, "NECK_TWITCH_ID_SALT"),
    ({"NECK_TWITCH_ID_SALT": "short"}, "NECK_TWITCH_ID_SALT"),
    ({"PORT": "junk"}, "PORT must be a port number"),
    ({"PORT": "99999"}, "PORT must be a port number"),
    ({"NECK_TWITCH_STORAGE": "dynamodb:memory"}, "needs an AWS region"),
    ({"NECK_TWITCH_STORAGE": "redis:x"}, "expected 'sqlite:PATH'"),
], ids=["no skill id", "padded skill id", "skill id newline", "no salt", "default salt+space",
        "near-default salt", "short salt", "port junk", "port range", "dynamodb no region",
        "unknown storage"])
def test_every_refusal_is_one_line_before_any_worker(
        tmp_path: Path, change: dict[str, str | None], says: str) -> None:
    env = _base_env(tmp_path)
    for name, value in change.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", CONF, "--bind", f"127.0.0.1:{_free_port()}",
         "skill.web:create_app()"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("neck-twitch: cannot start: ") and says in lines[0], lines[0]
    assert "Booting worker" not in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def served(tmp_path: Path) -> Iterator[int]:
    """gunicorn with the project's configuration: one worker of two threads, so that a few slow
    clients would hold every thread of a worker that gave them one."""
    pki = make_pki()
    now = datetime.now(timezone.utc)
    (tmp_path / "root.pem").write_bytes(pem(pki.root))
    (tmp_path / "chain.pem").write_bytes(
        pki.chain(not_before=now - timedelta(days=1), not_after=now + timedelta(days=1)))
    env = {**_base_env(tmp_path), "WEB_TEST_ROOT": str(tmp_path / "root.pem"),
           "WEB_TEST_CHAIN": str(tmp_path / "chain.pem"), "WEB_TEST_SKILL_ID": SKILL_ID}
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", CONF, "--workers", "1", "--threads", "2",
             "--bind", f"127.0.0.1:{port}", "--pythonpath", str(Path(__file__).parent),
             "web_loadtest_app:create()"],
            cwd=REPO, env=env, stderr=stderr)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


SLOW_CLIENTS = 12  # six times the threads there are
TRICKLES = 25  # bytes each slow client sends, one every TRICKLE_SECONDS: a bounded loop
TRICKLE_SECONDS = 0.2


def test_slow_clients_cannot_stop_the_service(served: int) -> None:
    slow = [socket.create_connection(("127.0.0.1", served), timeout=5)
            for _ in range(SLOW_CLIENTS)]
    head = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Slow: "
    answered: list[int] = []
    try:
        for trickle in range(TRICKLES):
            for connection in slow:
                with contextlib.suppress(OSError):  # dropped by the server: allowed
                    connection.sendall(head[trickle:trickle + 1] or b"a")
            if trickle in (5, 15):  # every slow client is mid-request now
                for _ in range(3):
                    answered.append(_signed_post(served))
                answered.append(_get(served, "/healthz"))
            time.sleep(TRICKLE_SECONDS)
    finally:
        for connection in slow:
            connection.close()
    assert answered == [200] * 8


def _get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def _signed_post(port: int) -> int:
    body, headers = signed_request(json.dumps(envelope(timestamp=datetime.now(timezone.utc)))
                                   .encode())
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.mark.parametrize(("data", "whole"), [
    (b"GET / HTTP/1.1\r\nHost: x\r\n", False),
    (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", True),
    (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", False),
    (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde", True),
    (b"POST / HTTP/1.1\r\ncontent-length: 99999999\r\n\r\n", True),  # refused, not awaited
    (b"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", True),  # malformed: gunicorn says 400
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", False),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", True),
    (b"X" * 40_000, True),  # a head too long: refused, not awaited
])
def test_a_request_is_handed_to_a_thread_only_when_whole(data: bytes, whole: bool) -> None:
    assert request_is_whole(data) is whole
