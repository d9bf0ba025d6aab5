"""Load test: gunicorn with several workers on loopback, concurrent signed requests, no errors."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import web_loadtest_app
from web_certs import CERT_URL, REPO, SKILL_ID, is_response_envelope, make_pki, pem, signed_request

WORKERS = 3
CLIENTS = 4
DURATION_SECONDS = 3.0


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
def gunicorn_port(tmp_path: Path) -> Iterator[int]:
    assert web_loadtest_app.CERT_URL == CERT_URL
    pki = make_pki()
    now = datetime.now(timezone.utc)
    (tmp_path / "root.pem").write_bytes(pem(pki.root))
    chain = pki.chain(not_before=now - timedelta(days=1), not_after=now + timedelta(days=1))
    (tmp_path / "chain.pem").write_bytes(chain)
    port = _free_port()
    env = {
        **os.environ,
        "WEB_TEST_ROOT": str(tmp_path / "root.pem"),
        "WEB_TEST_CHAIN": str(tmp_path / "chain.pem"),
        "WEB_TEST_SKILL_ID": SKILL_ID,
    }
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{port}",
        "--pythonpath", str(Path(__file__).parent),
        "--log-level", "warning",
        "web_loadtest_app:create()",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=env)
    try:
        _wait_until_healthy(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_gunicorn_serves_concurrent_verified_requests(gunicorn_port: int) -> None:
    results: list[tuple[int, bool]] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + DURATION_SECONDS

    def client() -> None:
        while time.monotonic() < stop_at:
            body, headers = signed_request(timestamp=datetime.now(timezone.utc))
            try:
                connection = http.client.HTTPConnection("127.0.0.1", gunicorn_port, timeout=10)
                connection.request("POST", "/", body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                connection.close()
                ok = response.status == 200 and is_response_envelope(json.loads(payload))
            except (OSError, ValueError) as error:
                with lock:
                    failures.append(repr(error))
                continue
            with lock:
                results.append((response.status, ok))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(results) >= 20, f"only {len(results)} requests in {DURATION_SECONDS} s"
    assert all(ok for _, ok in results), sorted({status for status, _ in results})


def test_gunicorn_refuses_unsigned_and_oversized_requests(gunicorn_port: int) -> None:
    def post(body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, object]]:
        connection = http.client.HTTPConnection("127.0.0.1", gunicorn_port, timeout=10)
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        status, document = response.status, json.loads(response.read())
        connection.close()
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
    assert status == 413
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn_port, timeout=10)
    chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
    connection.request(
        "POST", "/", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True
    )
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "request_entity_too_large"
    connection.close()
