"""The Flask service: routes, verification wired into the adapter, and JSON 4xx errors."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_certs import (
    CERT_URL,
    NOW,
    OTHER_SKILL_ID,
    REQUEST_FIXTURES,
    SKILL_ID,
    WIDE_NOT_AFTER,
    WIDE_NOT_BEFORE,
    envelope,
    hello_skill,
    is_response_envelope,
    make_pki,
    signed_request,
)

from skill.alexa.builder import create_skill
from skill.web import MAX_BODY_BYTES, create_app


def _app(**options: Any) -> Flask:
    pki = make_pki()
    defaults: dict[str, Any] = {
        "skill_id": SKILL_ID,
        "clock": lambda: NOW,
        "trust_roots": [pki.root],
        "fetcher": {CERT_URL: pki.chain()}.__getitem__,
    }
    defaults.update(options)
    return create_app(create_skill(), **defaults)


@pytest.fixture
def client() -> FlaskClient:
    return _app().test_client()


def _post(client: FlaskClient, body: bytes, headers: dict[str, str]) -> Any:
    return client.post("/", data=body, headers=headers)


def _assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json, response.content_type
    error = response.get_json()["error"]
    assert error["status"] == status
    assert error["code"] == code
    assert "Traceback" not in response.get_data(as_text=True)


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_signed_request_gets_a_response_envelope(client: FlaskClient) -> None:
    response = _post(client, *signed_request())
    assert response.status_code == 200, response.get_data(as_text=True)
    document = response.get_json()
    assert is_response_envelope(document)
    assert document["response"]["outputSpeech"]["ssml"].startswith("<speak>")
    assert "Neck Twitch Check" in document["response"]["outputSpeech"]["ssml"]


def test_sha1_signed_request_is_served(client: FlaskClient) -> None:
    assert _post(client, *signed_request(sha256=False)).status_code == 200


@pytest.mark.parametrize(
    "tamper",
    [
        lambda b, h: (b.replace(b"LaunchRequest", b"LaunchRequesT"), h),
        lambda b, h: (b, {k: v for k, v in h.items() if k != "Signature-256"}),
        lambda b, h: (b, {k: v for k, v in h.items() if k != "SignatureCertChainUrl"}),
        lambda b, h: (b, {**h, "SignatureCertChainUrl": "http://s3.amazonaws.com/echo.api/x.pem"}),
        lambda b, h: (b, {**h, "Signature-256": "bm90IGEgc2lnbmF0dXJl"}),
    ],
    ids=["body", "no-signature", "no-url", "http-url", "wrong-signature"],
)
def test_unverified_requests_get_400(client: FlaskClient, tamper: Any) -> None:
    _assert_error(_post(client, *tamper(*signed_request())), 400, "verification_failed")


def test_stale_request_gets_400(client: FlaskClient) -> None:
    from datetime import timedelta

    body, headers = signed_request(timestamp=NOW - timedelta(seconds=151))
    _assert_error(_post(client, body, headers), 400, "verification_failed")


def test_request_for_another_skill_gets_400(client: FlaskClient) -> None:
    _assert_error(_post(client, *signed_request(skill_id=OTHER_SKILL_ID)), 400, "wrong_skill")


def test_skill_id_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.web.verifier import SkillIdVerifier

    monkeypatch.setenv("SKILL_ID", OTHER_SKILL_ID)
    pki = make_pki()
    app = create_app(
        hello_skill(),
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher={CERT_URL: pki.chain()}.__getitem__,
    )
    _assert_error(_post(app.test_client(), *signed_request()), 400, "wrong_skill")
    assert _post(app.test_client(), *signed_request(skill_id=OTHER_SKILL_ID)).status_code == 200
    monkeypatch.delenv("SKILL_ID")
    app = create_app(hello_skill(), verify=False)
    assert not any(
        isinstance(v, SkillIdVerifier)
        for v in app.extensions["ASK_SDK_SKILL_ADAPTER"]["default"]._verifiers
    )


def test_sdk_skill_id_check_also_maps_to_400() -> None:
    """A skill built with its own skill id (as get_skill() does with SKILL_ID) refuses too."""
    from ask_sdk_core.skill_builder import SkillBuilder
    from web_certs import _AnyErrorHandler, _LaunchHandler

    builder = SkillBuilder()
    builder.skill_id = SKILL_ID
    builder.add_request_handler(_LaunchHandler())
    builder.add_exception_handler(_AnyErrorHandler())
    app = create_app(builder.create(), skill_id=None, verify=False)
    body = json.dumps(envelope(skill_id=OTHER_SKILL_ID)).encode()
    response = app.test_client().post("/", data=body, content_type="application/json")
    _assert_error(response, 400, "wrong_skill")


def test_verification_is_on_by_default() -> None:
    app = create_app(hello_skill(), skill_id=None)
    body = json.dumps(envelope()).encode()
    response = app.test_client().post("/", data=body, content_type="application/json")
    _assert_error(response, 400, "verification_failed")


def test_no_verify_serves_unsigned_requests_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        app = create_app(create_skill(), skill_id=None, verify=False)
    assert "VERIFICATION IS OFF" in caplog.text
    body = json.dumps(envelope()).encode()
    response = app.test_client().post("/", data=body, content_type="application/json")
    assert response.status_code == 200
    assert is_response_envelope(response.get_json())


@pytest.mark.parametrize("path", sorted(p.name for p in REQUEST_FIXTURES.glob("*.json")))
def test_real_request_envelopes_are_served(path: str) -> None:
    """Real captured envelopes, re-signed by the test CA, all get a response envelope."""
    body = (REQUEST_FIXTURES / path).read_bytes()
    pki = make_pki()
    wide_chain = pki.chain(not_before=WIDE_NOT_BEFORE, not_after=WIDE_NOT_AFTER)
    app = _app(skill_id=None, clock=lambda: _timestamp_of(body), fetcher={CERT_URL: wide_chain}.get)
    response = _post(app.test_client(), *signed_request(body))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert is_response_envelope(response.get_json())


def _timestamp_of(body: bytes) -> Any:
    from datetime import datetime, timezone

    stamp = json.loads(body)["request"].get("timestamp")
    if stamp is None:
        return NOW
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --- malformed input: always a JSON 4xx ---------------------------------------------------


def test_oversized_body_gets_413(client: FlaskClient) -> None:
    body = b'{"pad": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = client.post("/", data=body, content_type="application/json")
    _assert_error(response, 413, "request_entity_too_large")


def test_oversized_chunked_body_gets_413(client: FlaskClient) -> None:
    import io

    body = b'{"pad": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = client.post(
        "/",
        input_stream=io.BytesIO(body),
        content_type="application/json",
        environ_overrides={"wsgi.input_terminated": True},
    )
    _assert_error(response, 413, "request_entity_too_large")


def test_small_chunked_body_is_served(client: FlaskClient) -> None:
    import io

    body, headers = signed_request()
    response = client.post(
        "/",
        input_stream=io.BytesIO(body),
        headers=headers,
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 200, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("content_type", "status", "code"),
    [
        ("text/plain", 415, "unsupported_media_type"),
        ("application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        ("application/json; charset=latin-1", 415, "unsupported_media_type"),
        (None, 415, "unsupported_media_type"),
    ],
)
def test_wrong_content_type(
    client: FlaskClient, content_type: str | None, status: int, code: str
) -> None:
    body, headers = signed_request()
    headers.pop("Content-Type")
    if content_type is not None:
        headers["Content-Type"] = content_type
    _assert_error(_post(client, body, headers), status, code)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "invalid_json"),
        (b"{", "invalid_json"),
        (b"\xff\xfe{}", "invalid_encoding"),
        (b"[]", "invalid_envelope"),
        (b"42", "invalid_envelope"),
        (b"{}", "invalid_envelope"),
        (b'{"request": "LaunchRequest"}', "invalid_envelope"),
        (b'{"request": {"type": 5}}', "invalid_envelope"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b'{"request": {"type": "LaunchRequest", "timestamp": 5}}', "invalid_envelope"),
    ],
)
@pytest.mark.parametrize("verify", [True, False])
def test_malformed_bodies_get_400(body: bytes, code: str, verify: bool) -> None:
    app = _app(verify=verify)
    response = app.test_client().post("/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in {code, "verification_failed"}
    if not verify or code != "invalid_envelope":
        assert response.get_json()["error"]["code"] == code


@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/", 405), ("GET", "/nope", 404)])
def test_other_routes_answer_json(client: FlaskClient, method: str, path: str, status: int) -> None:
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.get_json()["error"]["status"] == status


def test_skill_crash_is_a_json_500_without_details(caplog: pytest.LogCaptureFixture) -> None:
    from ask_sdk_core.skill_builder import SkillBuilder
    from web_certs import _LaunchHandler

    class Boom(_LaunchHandler):
        def handle(self, handler_input: Any) -> Any:
            raise RuntimeError("secret user answer")

    builder = SkillBuilder()
    builder.add_request_handler(Boom())  # and no exception handler: the SDK re-raises
    app = create_app(builder.create(), skill_id=None, verify=False)
    body = json.dumps(envelope()).encode()
    with caplog.at_level(logging.INFO):
        response = app.test_client().post("/", data=body, content_type="application/json")
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert "secret" not in response.get_data(as_text=True)
    assert "secret" not in caplog.text
    assert "amzn1.ask.account" not in caplog.text


def test_logs_never_hold_bodies_or_user_ids(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        _post(client, *signed_request())
        _post(client, *signed_request(skill_id=OTHER_SKILL_ID))
        body, headers = signed_request()
        _post(client, body + b" ", headers)
    assert "amzn1.ask.account" not in caplog.text
    assert "amzn1.echo-api.session" not in caplog.text


def test_default_skill_is_the_lambda_skill(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a skill argument the app serves get_skill(), the skill the Lambda entry uses."""
    from skill.alexa import builder

    sentinel = create_skill()
    monkeypatch.setattr(builder, "get_skill", lambda: sentinel)
    app = create_app(verify=False, skill_id=None)
    assert app.extensions["ASK_SDK_SKILL_ADAPTER"]["default"]._skill is sentinel
