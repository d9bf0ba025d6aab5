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
    TALLY,
    WIDE_NOT_AFTER,
    WIDE_NOT_BEFORE,
    envelope,
    hello_skill,
    is_response_envelope,
    make_pki,
    nested,
    sign,
    signed_request,
)

from skill.alexa.builder import create_skill
from skill.web import MAX_BODY_BYTES, create_app
from skill.web.verifier import make_http_fetcher


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
    assert document["response"]["outputSpeech"]["ssml"].startswith("<speak>")
    assert document["response"]["shouldEndSession"] is False


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
    app = create_app(hello_skill(), skill_id=SKILL_ID)
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
    app = _app(
        skill_id=None,
        any_skill=True,
        clock=lambda: _timestamp_of(body),
        fetcher={CERT_URL: wide_chain}.get,
    )
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


MALFORMED_BODIES = [
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
]


@pytest.mark.parametrize(("body", "code"), MALFORMED_BODIES)
@pytest.mark.parametrize("signed", [True, False])
def test_malformed_bodies_get_400(body: bytes, code: str, signed: bool) -> None:
    """Verification on: unsigned, each is refused before it is read; signed, for its shape."""
    headers = signed_request(body)[1] if signed else {"Content-Type": "application/json"}
    response = _app().test_client().post("/", data=body, headers=headers)
    TALLY.hostile(response.status_code)
    _assert_error(response, 400, code if signed else "verification_failed")


@pytest.mark.parametrize(("body", "code"), MALFORMED_BODIES)
def test_malformed_bodies_get_400_unverified(body: bytes, code: str) -> None:
    app = _app(verify=False)
    response = app.test_client().post("/", data=body, content_type="application/json")
    _assert_error(response, 400, code)


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


# --- hardening: certificate URL, order of checks, nesting, signature headers ----------------


@pytest.mark.parametrize(
    "path",
    [
        "a%20b.pem",
        "a%00b.pem",
        "a%0d%0ab.pem",
        "a%7fb.pem",
        "%2e%2e/evil/cert.pem",
        "%252e%252e/evil/cert.pem",
        "cert.pem%3Fx=1",
        "cert.pem%23x",
        "cert.pem?x=1",
        "../evil/cert.pem",
    ],
)
def test_hostile_cert_urls_get_400_without_a_download(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the real HTTP fetcher (and no network): a 400, never a 500, and nothing fetched."""
    import socket

    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the certificate URL was downloaded")

    monkeypatch.setattr(socket, "create_connection", no_network)
    calls: list[str] = []
    real = make_http_fetcher(timeout=1.0)

    def fetch(url: str) -> bytes:
        calls.append(url)
        return real(url)

    app = _app(fetcher=fetch)
    body, headers = signed_request(url=f"https://s3.amazonaws.com/echo.api/{path}")
    for _ in range(2):
        response = _post(app.test_client(), body, headers)
        TALLY.hostile(response.status_code)
        _assert_error(response, 400, "verification_failed")
    assert calls == []


def test_a_crash_inside_verification_fails_closed() -> None:
    """Whatever goes wrong while checking a signature, the request is refused with a 400."""

    def broken_fetch(url: str) -> bytes:
        raise RuntimeError("not a VerificationException")

    response = _post(_app(fetcher=broken_fetch).test_client(), *signed_request())
    TALLY.hostile(response.status_code)
    _assert_error(response, 400, "verification_failed")


def test_unsigned_requests_are_refused_before_the_body_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Headers, URL and signature are checked on the raw bytes: no JSON parsing, no SDK."""
    app = _app()
    skill = next(iter(app.extensions["ASK_SDK_SKILL_ADAPTER"].values()))._skill
    parsed: list[str] = []
    real_deserialize = skill.serializer.deserialize
    real_loads = json.loads

    def deserialize(*args: Any, **kwargs: Any) -> Any:
        parsed.append("deserialize")
        return real_deserialize(*args, **kwargs)

    def loads(*args: Any, **kwargs: Any) -> Any:
        parsed.append("json.loads")
        return real_loads(*args, **kwargs)

    monkeypatch.setattr(skill.serializer, "deserialize", deserialize)
    monkeypatch.setattr(json, "loads", loads)
    body, headers = signed_request()
    client = app.test_client()
    for tampered in [
        {"Content-Type": "application/json"},
        {**headers, "Signature-256": sign(b"another body")},
        {**headers, "SignatureCertChainUrl": "https://s3.amazonaws.com/echo.api/a%20b.pem"},
        {**headers, "Signature-256": ""},
    ]:
        response = client.post("/", data=body, headers=tampered)
        assert parsed == []  # (checked before the test reads the JSON answer)
        TALLY.hostile(response.status_code)
        _assert_error(response, 400, "verification_failed")
        parsed.clear()
    assert _post(client, body, headers).status_code == 200
    assert "deserialize" in parsed


def test_an_unsigned_large_envelope_is_refused_in_microseconds() -> None:
    """Finding 2: a 768 KiB unsigned envelope took ~170 ms (SDK deserialisation) to refuse."""
    import time

    document = envelope(intent="AMAZON.YesIntent", slots={f"s{i}": "v" for i in range(12_000)})
    body = json.dumps(document).encode()
    assert len(body) > 700 * 1024
    client = _app().test_client()
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        response = client.post("/", data=body, content_type="application/json")
        timings.append(time.perf_counter() - started)
        TALLY.hostile(response.status_code)
        _assert_error(response, 400, "verification_failed")
    assert sorted(timings)[3] < 0.02, timings  # well under 1 ms once headers come first


@pytest.mark.parametrize("verify", [True, False])
def test_deeply_nested_attributes_get_400(verify: bool) -> None:
    """Finding 6: 900 levels of session attributes was a 500 (RecursionError in deepcopy)."""
    body = json.dumps(envelope(attributes={"deep": nested(900)})).encode()
    app = _app(verify=verify)
    headers = signed_request(body)[1]
    response = _post(app.test_client(), body, headers)
    TALLY.hostile(response.status_code)
    _assert_error(response, 400, "too_deeply_nested")


def test_nesting_up_to_the_limit_is_served() -> None:
    """The envelope is 3 deep at `session.attributes`; the limit counts from the top."""
    from skill.web.app import MAX_JSON_DEPTH

    fits = json.dumps(envelope(attributes={"deep": nested(MAX_JSON_DEPTH - 3)})).encode()
    too_deep = json.dumps(envelope(attributes={"deep": nested(MAX_JSON_DEPTH - 2)})).encode()
    client = _app().test_client()
    assert _post(client, *signed_request(fits)).status_code == 200
    _assert_error(_post(client, *signed_request(too_deep)), 400, "too_deeply_nested")


@pytest.mark.parametrize("value", ["", "not base64!", "AAAA"])
def test_sha1_signature_is_ignored_when_signature_256_is_present(
    client: FlaskClient, value: str
) -> None:
    body, headers = signed_request(sha256=False)
    assert _post(client, body, headers).status_code == 200
    response = _post(client, body, {**headers, "Signature-256": value})
    TALLY.hostile(response.status_code)
    _assert_error(response, 400, "verification_failed")


# --- start-up: skill id and id salt -------------------------------------------------------


def _verified_app(**options: Any) -> Flask:
    pki = make_pki()
    return create_app(
        hello_skill(),
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher={CERT_URL: pki.chain()}.__getitem__,
        **options,
    )


def test_verification_needs_a_skill_id(monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.web.app import ConfigurationError

    monkeypatch.delenv("SKILL_ID", raising=False)
    for options in ({}, {"skill_id": None}, {"skill_id": ""}):
        with pytest.raises(ConfigurationError, match="SKILL_ID") as caught:
            _verified_app(**options)
        assert "\n" not in str(caught.value) and "--any-skill" in str(caught.value)
    create_app(hello_skill(), skill_id=None, verify=False)  # local use needs neither


def test_any_skill_must_be_asked_for_and_is_logged_loudly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("SKILL_ID", raising=False)
    with caplog.at_level(logging.WARNING):
        app = _verified_app(skill_id=None, any_skill=True)
    assert any(
        r.levelno == logging.WARNING and "ANY SKILL" in r.getMessage() for r in caplog.records
    )
    response = _post(app.test_client(), *signed_request(skill_id=OTHER_SKILL_ID))
    assert response.status_code == 200


@pytest.mark.parametrize("salt", [None, "", "  ", "neck-twitch-check"])
def test_production_refuses_the_built_in_id_salt(
    salt: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skill.storage import DEFAULT_SALT, SALT_ENV
    from skill.web.app import ConfigurationError

    assert DEFAULT_SALT == "neck-twitch-check"
    if salt is None:
        monkeypatch.delenv(SALT_ENV, raising=False)
    else:
        monkeypatch.setenv(SALT_ENV, salt)
    with pytest.raises(ConfigurationError, match=SALT_ENV) as caught:
        _verified_app(skill_id=SKILL_ID)
    assert "\n" not in str(caught.value)
    with pytest.raises(ConfigurationError, match=SALT_ENV):
        _verified_app(skill_id=None, any_skill=True)
    create_app(hello_skill(), skill_id=None, verify=False)  # local use keeps working
