"""The web service past request verification: SkillDisabled, replays, malformed but signed
envelopes, library loggers, and certificate downloads under attack (DNS, slots)."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from web_certs import (
    CERT_URL,
    NOW,
    SKILL_ID,
    TALLY,
    envelope,
    make_pki,
    nested,
    sign,
    signed_request,
)

from skill.alexa.builder import create_skill
from skill.storage import hashed_user_id
from skill.storage.sqlite import SQLiteAdapter
from skill.web import create_app
from skill.web.verifier import (
    MAX_CONCURRENT_FETCHES,
    Refused,
    SignatureVerifier,
    check_signature_headers,
    make_http_fetcher,
)

USER = "amzn1.ask.account.WEBHARDENING"


def _app(adapter: SQLiteAdapter | None = None, **options: Any) -> Any:
    pki = make_pki()
    settings: dict[str, Any] = {
        "skill_id": SKILL_ID, "clock": lambda: NOW, "trust_roots": [pki.root],
        "fetcher": {CERT_URL: pki.chain()}.__getitem__}
    settings.update(options)
    return create_app(create_skill(SKILL_ID, adapter), **settings)


def _signed(document: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    return signed_request(json.dumps(document).encode())


def _error(response: Any) -> str:
    code: str = response.get_json()["error"]["code"]
    return code


# --- SkillDisabled on the self-hosted service ---------------------------------------------------

def _disabled() -> dict[str, Any]:
    document = envelope(request_type="AlexaSkillEvent.SkillDisabled", user_id=USER)
    document["request"]["body"] = {"userInformationPersistenceStatus": "NOT_PERSISTED"}
    del document["session"]  # skill events come without a session
    return document


class _Account:
    def __init__(self) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": USER})()})()})()


@pytest.fixture
def memory(tmp_path: Path) -> SQLiteAdapter:
    adapter = SQLiteAdapter(tmp_path / "memory.sqlite3", busy_timeout=0.2)
    adapter.write_person(_Account(), "account", {"first_checked": "2030-05-01"})
    return adapter


def test_skill_disabled_deletes_the_accounts_memory(memory: SQLiteAdapter) -> None:
    client = _app(memory).test_client()
    response = client.post("/", data=(signed := _signed(_disabled()))[0], headers=signed[1])
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "outputSpeech" not in response.get_json()["response"]
    assert memory.read_people(_Account()) == {}


def test_a_failed_skill_disabled_delete_is_not_acknowledged(memory: SQLiteAdapter) -> None:
    """503, so that Alexa sends the event again; and the same event, sent again once storage
    answers, is taken (its request id is not held against it)."""
    client = _app(memory).test_client()
    body, headers = _signed(_disabled())
    holder = sqlite3.connect(memory.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        response = client.post("/", data=body, headers=headers)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503 and _error(response) == "memory_unavailable"
    assert memory.read_people(_Account()) != {}
    again = client.post("/", data=body, headers=headers)
    assert again.status_code == 200, again.get_data(as_text=True)
    assert memory.read_people(_Account()) == {}


# --- stricter than Amazon asks ------------------------------------------------------------------

def test_a_replayed_request_is_refused_inside_the_window() -> None:
    client = _app().test_client()
    body, headers = signed_request()
    assert client.post("/", data=body, headers=headers).status_code == 200
    replayed = client.post("/", data=body, headers=headers)
    TALLY.hostile(replayed.status_code)
    assert replayed.status_code == 400 and _error(replayed) == "verification_failed"
    fresh_body, fresh_headers = signed_request()  # another request is served as ever
    assert client.post("/", data=fresh_body, headers=fresh_headers).status_code == 200


def test_request_ids_are_remembered_only_inside_the_window() -> None:
    from skill.web.verifier import ReplayVerifier

    now = [NOW]
    verifier = ReplayVerifier(clock=lambda: now[0], size=3)
    request = type("R", (), {"request_id": "id-1", "timestamp": NOW, "object_type": "x"})()
    envelope_ = type("E", (), {"request": request})()
    verifier.verify({}, b"", envelope_)
    with pytest.raises(Refused, match="already seen"):
        verifier.verify({}, b"", envelope_)
    now[0] = NOW + timedelta(seconds=151)
    verifier.verify({}, b"", envelope_)  # outside the window: the timestamp check refuses it
    for number in range(10):
        other = type("R", (), {"request_id": f"n{number}", "timestamp": now[0],
                               "object_type": "x"})()
        verifier.verify({}, b"", type("E", (), {"request": other})())
    assert len(verifier) <= 3  # bounded


@pytest.mark.parametrize("root_level", [logging.DEBUG, logging.INFO])
def test_library_loggers_stay_at_warning(root_level: int) -> None:
    root = logging.getLogger()
    saved = root.level
    root.setLevel(root_level)
    try:
        _app()
        for name in ("botocore", "boto3", "urllib3"):
            assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name
    finally:
        root.setLevel(saved)


# --- malformed but signed: 400, never a 5xx -----------------------------------------------------

def _timestamped(text: str) -> dict[str, Any]:
    document = envelope()
    document["request"]["timestamp"] = text
    return document


def _without_context() -> dict[str, Any]:
    document = envelope()
    del document["context"]
    return document


def _system_not_an_object() -> dict[str, Any]:
    document = envelope()
    document["context"]["System"]["application"] = "x"
    return document


@pytest.mark.parametrize("document", [
    _timestamped("2030-06-01T12:00:00+24:00"), _timestamped("2030-06-01T12:00:00-99:00"),
    _timestamped("0001-01-01T00:00:00+23:59"), _without_context(), _system_not_an_object(),
    envelope(attributes={"deep": nested(900)}),
], ids=["offset +24:00", "offset -99:00", "year 0", "no context", "application text",
        "attributes 900 deep"])
def test_malformed_but_signed_envelopes_get_400(document: dict[str, Any]) -> None:
    response = _app().test_client().post("/", data=(signed := _signed(document))[0],
                                          headers=signed[1])
    TALLY.hostile(response.status_code)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.is_json


def test_nan_is_not_json() -> None:
    body = json.dumps(envelope(attributes={"n": float("nan")})).encode()
    assert b"NaN" in body
    response = _app().test_client().post("/", data=body, headers=signed_request(body)[1])
    TALLY.hostile(response.status_code)
    assert response.status_code == 400 and _error(response) == "invalid_json"


# --- certificate downloads under attack ---------------------------------------------------------

@pytest.fixture
def slow_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Name look-ups that hang until the test ends."""
    import socket

    release = threading.Event()
    real = socket.getaddrinfo

    def hanging(*args: Any, **kwargs: Any) -> Any:
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    yield release
    release.set()


def test_the_download_deadline_covers_the_name_look_up(slow_dns: threading.Event) -> None:
    fetch = make_http_fetcher(timeout=0.2, deadline=0.3)
    with pytest.raises(Refused, match="deadline passed"):
        fetch("https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem")


def test_unsigned_junk_cannot_take_the_slots_a_genuine_request_needs() -> None:
    """Junk naming new URLs fills every ordinary download slot; a genuine request still gets
    its chain (a reserved slot), and junk is never let into those."""
    pki = make_pki()
    release = threading.Event()
    started = threading.Semaphore(0)

    def fetch(url: str) -> bytes:
        if url == CERT_URL:
            return pki.chain()
        started.release()
        release.wait(30)  # junk URLs hang
        raise Refused("fetch", "not found")

    verifier = SignatureVerifier(trust_roots=[pki.root], fetcher=fetch, clock=lambda: NOW)
    body, headers = signed_request()

    def junk(number: int) -> None:
        junk_headers = {**headers, "SignatureCertChainUrl":
                        f"https://s3.amazonaws.com/echo.api/junk-{number}.pem"}
        with contextlib.suppress(Refused):
            verifier.verify_signed(check_signature_headers(junk_headers), b"{}", lambda: False)

    threads = [threading.Thread(target=junk, args=(n,)) for n in range(MAX_CONCURRENT_FETCHES)]
    for thread in threads:
        thread.start()
    try:
        for _ in threads:
            assert started.acquire(timeout=30)
        more = {**headers, "SignatureCertChainUrl": "https://s3.amazonaws.com/echo.api/j.pem"}
        with pytest.raises(Refused, match="Too many"):
            verifier.verify_signed(check_signature_headers(more), b"{}", lambda: False)
        verifier.verify_signed(check_signature_headers(headers), body, lambda: True)
    finally:
        release.set()
        for thread in threads:
            thread.join(30)


def test_the_app_admits_only_a_timely_envelope_for_this_skill_to_a_reserved_slot() -> None:
    from skill.web.verifier import admission_problem

    genuine = envelope(timestamp=NOW)
    assert admission_problem(genuine, SKILL_ID, NOW) is None
    assert admission_problem(genuine, None, NOW) is None
    assert admission_problem(envelope(skill_id="amzn1.ask.skill.other"), SKILL_ID, NOW)
    assert admission_problem(envelope(timestamp=NOW - timedelta(minutes=5)), SKILL_ID, NOW)
    assert admission_problem({"request": {}}, SKILL_ID, NOW)
    assert admission_problem(None, SKILL_ID, NOW)
    assert sign(b"x")  # the helpers still sign
    assert hashed_user_id(_Account())
