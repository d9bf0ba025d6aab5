"""Load test: gunicorn with several workers on loopback, SQLite memory on, concurrent signed
multi-turn conversations, no errors; and hostile requests at the HTTP level, never a 5xx.

Loopback only, and a bounded number of requests (CLIENTS x CONVERSATIONS x TURNS)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import web_loadtest_app
from web_certs import (
    CERT_URL,
    REPO,
    SKILL_ID,
    TALLY,
    envelope,
    is_response_envelope,
    make_pki,
    nested,
    pem,
    sign,
    signed_request,
)

WORKERS = 4
CLIENTS = 8
CONVERSATIONS = 25  # per client
# A conversation: launch, six answers, stop (it ends earlier if the skill ends the session).
TURNS: tuple[str | None, ...] = (None, *["AMAZON.NoIntent"] * 6, "AMAZON.StopIntent")


@dataclass
class Server:
    port: int
    memory: Path
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_healthy(port: int, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not become healthy")


@pytest.fixture
def gunicorn_server(tmp_path: Path) -> Iterator[Server]:
    assert web_loadtest_app.CERT_URL == CERT_URL
    pki = make_pki()
    now = datetime.now(timezone.utc)
    (tmp_path / "root.pem").write_bytes(pem(pki.root))
    chain = pki.chain(not_before=now - timedelta(days=1), not_after=now + timedelta(days=1))
    (tmp_path / "chain.pem").write_bytes(chain)
    memory = tmp_path / "memory" / "memory.sqlite3"
    port = _free_port()
    env = {
        **os.environ,
        "WEB_TEST_ROOT": str(tmp_path / "root.pem"),
        "WEB_TEST_CHAIN": str(tmp_path / "chain.pem"),
        "WEB_TEST_SKILL_ID": SKILL_ID,
        "NECK_TWITCH_STORAGE": f"sqlite:{memory}",
    }
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{port}",
        "--pythonpath", str(Path(__file__).parent),
        "--log-level", "warning",
        "web_loadtest_app:create()",
    ]  # fmt: skip
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=REPO, env=env, stderr=stderr)
    try:
        _wait_until_healthy(port, process)
        yield Server(port, memory, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def gunicorn_port(gunicorn_server: Server) -> int:
    return gunicorn_server.port


def _post(port: int, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_gunicorn_serves_concurrent_conversations_with_memory(gunicorn_server: Server) -> None:
    """8 clients, each 25 signed multi-turn conversations as one user: every turn answered."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        user = f"amzn1.ask.account.LOAD-{index}"
        for number in range(CONVERSATIONS):
            attributes: dict[str, Any] | None = None
            for turn, intent in enumerate(TURNS):
                document = envelope(
                    intent=intent,
                    attributes=attributes,
                    user_id=user,
                    session_id=f"amzn1.echo-api.session.load-{index}-{number}",
                    new=turn == 0,
                    timestamp=datetime.now(timezone.utc),
                )
                body, headers = signed_request(json.dumps(document).encode())
                started = time.perf_counter()
                try:
                    status, payload = _post(gunicorn_server.port, body, headers)
                except (OSError, ValueError) as error:
                    with lock:
                        failures.append(repr(error))
                    break
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 200 or not is_response_envelope(payload):
                        failures.append(f"{status} {str(payload)[:200]}")
                        break
                attributes = payload.get("sessionAttributes") or {}
                if payload["response"].get("shouldEndSession"):
                    break

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started

    assert failures == []
    assert len(latencies) >= CLIENTS * CONVERSATIONS * 2
    cuts = statistics.quantiles(latencies, n=100)
    line = (
        f"gunicorn ({WORKERS} sync workers, SQLite memory): {len(latencies)} signed requests "
        f"in conversations from {CLIENTS} clients, {len(latencies) / wall:.0f} req/s, "
        f"p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms, "
        f"{len(failures)} errors"
    )
    TALLY.lines.append(line)
    print(line)
    # Memory was really used: one row per client's user, and no storage trouble logged.
    with sqlite3.connect(gunicorn_server.memory) as db:
        rows = db.execute("SELECT COUNT(*) FROM memory").fetchone()[0]
    assert rows == CLIENTS
    log = gunicorn_server.log.read_text(errors="replace")
    for trouble in ("memory unavailable", "could not save memory", "locked", "Traceback"):
        assert trouble not in log, log[-2000:]


def _raw(port: int, request: bytes, *, half_close: bool = False) -> int:
    """Send raw bytes; the HTTP status of the answer (0 if the server closed without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        if half_close:
            connection.shutdown(socket.SHUT_WR)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    if not answer.startswith(b"HTTP/"):
        return 0
    return int(answer.split(b" ", 2)[1])


def test_gunicorn_never_answers_hostile_requests_with_5xx(gunicorn_port: int) -> None:
    """Requests no test client can send: lying Content-Length, broken chunks, raw bytes."""
    body, headers = signed_request(timestamp=datetime.now(timezone.utc))
    signed = "".join(f"{k}: {v}\r\n" for k, v in headers.items() if k != "Content-Type")

    def request(extra: str, payload: bytes, content_type: str = "application/json") -> bytes:
        head = f"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n{extra}\r\n"
        return head.encode("latin-1") + payload

    cases: list[tuple[bytes, bool]] = [
        (request(f"{signed}Content-Length: abc\r\n", body), False),
        (request(f"{signed}Content-Length: -1\r\n", body), False),
        (request(f"{signed}Content-Length: {len(body) - 1}\r\n", body), False),
        (request(f"{signed}Content-Length: {len(body) + 50}\r\n", body), True),
        (request(f"{signed}Content-Length: 5\r\nContent-Length: 6\r\n", body), False),
        (request(f"{signed}Transfer-Encoding: chunked\r\n", b"zz\r\nabc\r\n0\r\n\r\n"), False),
        (request(f"{signed}Transfer-Encoding: chunked\r\n", b"5\r\n{}"), True),
        (
            request(f"{signed}Content-Length: {len(body)}\r\nTransfer-Encoding: chunked\r\n", body),
            False,
        ),
        (request(f"Signature-256: \xff\xfe\r\nContent-Length: {len(body)}\r\n", body), False),
        (
            request(
                "SignatureCertChainUrl: https://s3.amazonaws.com/echo.api/a%20b.pem\r\n"
                f"Signature-256: {sign(body)}\r\nContent-Length: {len(body)}\r\n",
                body,
            ),
            False,
        ),
        (request(f"{signed}Content-Length: 99999999999999999999\r\n", body), False),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", False),
    ]
    for raw, half_close in cases:
        status = _raw(gunicorn_port, raw, half_close=half_close)
        TALLY.hostile(status or 400)
        assert status == 0 or 400 <= status < 500, (cases.index((raw, half_close)), status)
    # Signed and well-formed but hostile in content: a 400 each, never a 500.
    deep = json.dumps(envelope(attributes={"x": nested(900)})).encode()
    stale = envelope(timestamp=datetime.now(timezone.utc) - timedelta(minutes=10))
    for body_, headers_ in [
        signed_request(deep),
        signed_request(json.dumps(stale).encode()),
        (body, {**headers, "Signature-256": ""}),
        (body, {**headers, "SignatureCertChainUrl": CERT_URL + "?x=1"}),
    ]:
        status, document = _post(gunicorn_port, body_, headers_)
        TALLY.hostile(status)
        assert status == 400, document


def test_gunicorn_refuses_unsigned_and_oversized_requests(gunicorn_port: int) -> None:
    def post(body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, object]]:
        status, document = _post(gunicorn_port, body, headers)
        TALLY.hostile(status)
        return status, document

    body, headers = signed_request(timestamp=datetime.now(timezone.utc))
    status, document = post(body + b" ", headers)
    assert status == 400
    assert document["error"] == {
        "status": 400,
        "code": "verification_failed",
        "message": "Request failed verification",
    }
    big = b"{" + b" " * (1024 * 1024 + 1) + b"}"
    status, _ = post(big, {"Content-Type": "application/json"})
    assert status == 413  # the declared length is checked first
    # Chunked (no declared length): unsigned, refused before the body is read; with signature
    # headers, read up to the limit and refused as too large.
    for extra, expected in [
        ({}, (400, "verification_failed")),
        (headers, (413, "request_entity_too_large")),
    ]:
        connection = http.client.HTTPConnection("127.0.0.1", gunicorn_port, timeout=10)
        chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
        connection.request(
            "POST",
            "/",
            body=chunks,
            headers={**extra, "Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        document = json.loads(response.read())
        connection.close()
        TALLY.hostile(response.status)
        assert (response.status, document["error"]["code"]) == expected
