"""The web layer's logs never hold what a request carried, on every error path and at DEBUG.

A canary string goes into everything a request can carry (slot values, the user id, session
attributes, headers, the certificate URL, bodies that are not even JSON); every log record the
web layer writes (``skill.web``, Flask, werkzeug, the ASK SDK) at any level is searched for it,
with exception text rendered, and for intent names. The skill's own handlers (``skill.alexa``)
log through their own loggers and are checked by tests/test_private_logs.py.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill_builder import SkillBuilder
from flask import Flask
from web_certs import (
    CERT_URL,
    NOW,
    OTHER_SKILL_ID,
    SKILL_ID,
    TALLY,
    _LaunchHandler,
    envelope,
    make_pki,
    nested,
    sign,
    signed_request,
)

from skill.alexa.builder import create_skill
from skill.web import MAX_BODY_BYTES, create_app

CANARY = "CANARY-5eb1"
USER = f"amzn1.ask.account.{CANARY}"
INTENTS = ("AMAZON.YesIntent", "AMAZON.NoIntent", "LearnIntent", "ReportSymptomIntent")
_FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


def _body(**options: Any) -> bytes:
    document = envelope(
        intent=options.pop("intent", "ReportSymptomIntent"),
        slots={"symptom": f"my arm {CANARY}", "topic": CANARY},
        attributes={"check": {"v": 2, "answers": {CANARY: "yes"}}, CANARY: [CANARY]},
        user_id=USER,
        **options,
    )
    return json.dumps(document).encode()


def _app(skill: Any = None, **options: Any) -> Flask:
    pki = make_pki()
    settings: dict[str, Any] = {
        "skill_id": SKILL_ID,
        "clock": lambda: NOW,
        "trust_roots": [pki.root],
        "fetcher": {CERT_URL: pki.chain()}.__getitem__,
    }
    settings.update(options)
    return create_app(skill or create_skill(), **settings)


def _crashing_skill() -> Any:
    """A skill without an exception handler: the SDK re-raises, the app answers 500."""

    class Crash(_LaunchHandler):
        def handle(self, handler_input: Any) -> Any:
            raise RuntimeError(f"the user said {CANARY}")

    builder = SkillBuilder()
    builder.add_request_handler(Crash())
    return builder.create()


class _ExplodingMemory(AbstractPersistenceAdapter):
    """Storage that fails with the canary in its message: a crash inside the real skill."""

    def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
        raise RuntimeError(f"storage said {CANARY}")

    def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
        raise RuntimeError(f"storage said {CANARY}")

    def delete_attributes(self, request_envelope: Any) -> None:
        raise RuntimeError(f"storage said {CANARY}")


def _requests() -> Iterator[tuple[str, Flask, bytes, dict[str, str], set[int]]]:
    """Every web error path (and the happy path), each with the canary somewhere in it."""
    verified = _app()
    body, headers = signed_request(_body())
    yield "served", verified, body, headers, {200}
    for intent in INTENTS:
        yield f"served {intent}", verified, *signed_request(_body(intent=intent)), {200}
    for url in [
        f"https://s3.amazonaws.com:{CANARY}/echo.api/cert.pem",
        f"https://s3.amazonaws.com/echo.api/{CANARY}%20.pem",
        f"https://s3.amazonaws.com/echo.api/{CANARY}.pem?{CANARY}",
        f"https://{CANARY}.example.com/echo.api/cert.pem",
        f"http://s3.amazonaws.com/echo.api/{CANARY}.pem",
    ]:
        yield "bad URL", verified, body, {**headers, "SignatureCertChainUrl": url}, {400}
    yield (
        "unknown URL",
        verified,
        body,
        {
            **headers,
            "SignatureCertChainUrl": f"https://s3.amazonaws.com/echo.api/{CANARY}.pem",
        },
        {400},
    )
    yield "bad signature", verified, body, {**headers, "Signature-256": sign(b"x")}, {400}
    yield "bad base64", verified, body, {**headers, "Signature-256": CANARY}, {400}
    yield (
        "SHA-1 only, bad",
        verified,
        body,
        {
            "Content-Type": "application/json",
            "SignatureCertChainUrl": CERT_URL,
            "Signature": CANARY,
        },
        {400},
    )
    yield "unsigned", verified, body, {"Content-Type": "application/json"}, {400}
    yield "content type", verified, body, {**headers, "Content-Type": f"text/{CANARY}"}, {415}
    yield (
        "charset",
        verified,
        body,
        {
            **headers,
            "Content-Type": f"application/json; charset={CANARY}",
        },
        {415},
    )
    not_json = f'{{"{CANARY}": '.encode()
    yield "bad JSON", verified, *signed_request(not_json), {400}
    not_utf8 = CANARY.encode() + b"\xff"
    yield "bad UTF-8", verified, *signed_request(not_utf8), {400}
    not_envelope = json.dumps({"request": {"type": CANARY}, CANARY: CANARY}).encode()
    yield "not an envelope", verified, *signed_request(not_envelope), {400}
    big = json.dumps({CANARY: CANARY * (MAX_BODY_BYTES // len(CANARY))}).encode()
    yield "oversized", verified, *signed_request(big), {413}
    deep = json.dumps(envelope(user_id=USER, attributes={CANARY: nested(900, CANARY)})).encode()
    yield "deep nesting", verified, *signed_request(deep), {400}
    stale = _body(timestamp=NOW - timedelta(minutes=10))
    yield "timestamp", verified, *signed_request(stale), {400}
    other = _body(skill_id=OTHER_SKILL_ID)
    yield "wrong skill id", verified, *signed_request(other), {400}

    def broken_fetch(url: str) -> bytes:
        raise RuntimeError(f"{CANARY} {url}")

    yield "fetcher crash", _app(fetcher=broken_fetch), body, headers, {400}
    yield "skill crash", _app(_crashing_skill()), *signed_request(_body()), {500}
    crashing_memory = _app(create_skill(None, _ExplodingMemory()))
    launch = json.dumps(envelope(user_id=USER, attributes={CANARY: CANARY})).encode()
    yield "crash in the real skill", crashing_memory, *signed_request(launch), {200}
    yield "crash in the real skill (intent)", crashing_memory, *signed_request(_body()), {200}
    yield "skill crash (launch)", _app(_crashing_skill()), *signed_request(launch), {500}
    sdk_checked = create_skill(OTHER_SKILL_ID)  # the SDK's own skill-id check refuses it
    yield "SDK skill id", _app(sdk_checked, skill_id=SKILL_ID), *signed_request(_body()), {400}
    unverified = _app(verify=False, skill_id=None)
    plain = {"Content-Type": "application/json"}
    yield "unverified served", unverified, body, plain, {200}
    yield "unverified bad JSON", unverified, not_json, plain, {400}
    yield "unverified deep", unverified, deep, plain, {400}
    yield "unverified not envelope", unverified, not_envelope, plain, {400}


def _rendered(record: logging.LogRecord) -> str:
    return _FORMAT.format(record)


def _leaks(records: list[logging.LogRecord], keep: Callable[[str], bool]) -> list[str]:
    found = []
    for record in records:
        if not keep(record.name):
            continue
        text = _rendered(record)
        if CANARY in text or any(intent in text for intent in INTENTS):
            found.append(text[:300])
    return found


def _is_web_layer(name: str) -> bool:
    return not name.startswith("skill.alexa")


def test_web_logs_never_hold_what_a_request_carried(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("SKILL_ID", SKILL_ID)
    seen = set()
    for name, app, body, headers, statuses in _requests():
        response = app.test_client().post("/", data=body, headers=headers)
        assert response.status_code in statuses, (name, response.get_data(as_text=True))
        assert CANARY not in response.get_data(as_text=True) or response.status_code == 200, name
        if response.status_code != 200 and not name.startswith("skill crash"):
            TALLY.hostile(response.status_code)  # (a crashing skill is a bug, not an attack)
        seen.add(name)
    assert {"bad URL", "bad JSON", "oversized", "deep nesting", "timestamp"} <= seen
    web_records = [r for r in caplog.records if _is_web_layer(r.name)]
    assert len(web_records) >= 15, [r.getMessage() for r in web_records]
    assert _leaks(caplog.records, _is_web_layer) == []
