"""Property-based: malformed bodies and headers never get a 500 or a non-JSON answer, and
nothing but a correctly signed request for this skill is ever answered.

Every header a request is verified by (`SignatureCertChainUrl`, `Signature`, `Signature-256`,
`Content-Type`, `Content-Length`) is fuzzed as well as the body; the hostile requests are
counted (tests/web/conftest.py prints the tally).
"""

from __future__ import annotations

import base64
import json
import os
import re
from functools import cache
from typing import Any

from flask import Flask
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from web_certs import (
    CERT_URL,
    NOW,
    OTHER_SKILL_ID,
    SKILL_ID,
    TALLY,
    envelope,
    is_response_envelope,
    make_pki,
    nested,
    sign,
    signed_request,
)
from werkzeug.http import parse_options_header
from werkzeug.sansio.utils import get_content_length

from skill.alexa.builder import create_skill
from skill.web import create_app

# WEB_FUZZ_EXAMPLES=2000 for a longer run.
SETTINGS = settings(
    max_examples=int(os.environ.get("WEB_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@cache
def _app(verify: bool) -> Flask:
    pki = make_pki()
    return create_app(
        create_skill(),
        skill_id=SKILL_ID,
        verify=verify,
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher={CERT_URL: pki.chain()}.__getitem__,
    )


# Independent of skill.web.verifier: the only certificate URLs that may ever be downloaded.
STRICT_CERT_URL = re.compile(
    r"https://s3\.amazonaws\.com/echo\.api/([A-Za-z0-9._~-]+/)*[A-Za-z0-9._~-]+\.pem"
)
_downloaded: list[str] = []


def _serve_any_url(url: str) -> bytes:
    """A fetcher that hands Amazon's (test) chain to any URL it is asked for, and records it:
    the URL rules alone must keep every other URL from being downloaded."""
    _downloaded.append(url)
    return make_pki().chain()


@cache
def _open_app() -> Flask:
    pki = make_pki()
    return create_app(
        create_skill(),
        skill_id=SKILL_ID,
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher=_serve_any_url,
    )


def _check(response: Any, *, hostile: bool = False) -> dict[str, Any]:
    if hostile:
        TALLY.hostile(response.status_code)
        assert response.status_code != 200, "a hostile request was answered"
    assert response.status_code < 500, response.get_data(as_text=True)
    assert response.is_json, response.content_type
    document: dict[str, Any] = response.get_json()
    if response.status_code == 200:
        assert is_response_envelope(document)
    else:
        assert document["error"]["status"] == response.status_code
    return document


header_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=200)
content_types = st.one_of(
    st.sampled_from(
        ["application/json", "application/json; charset=utf-8", "text/plain", "", "application/*"]
    ),
    header_text,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
request_types = st.sampled_from(
    [
        "LaunchRequest",
        "IntentRequest",
        "SessionEndedRequest",
        "CanFulfillIntentRequest",
        "AlexaSkillEvent.SkillEnabled",
        "System.ExceptionEncountered",
        "Unknown.Type",
    ]
)


@SETTINGS
@given(
    body=st.binary(max_size=2000),
    content_type=content_types,
    extra=st.dictionaries(
        st.sampled_from(["Signature", "Signature-256", "SignatureCertChainUrl", "X-Other"]),
        header_text,
        max_size=4,
    ),
    verify=st.booleans(),
)
def test_random_bytes_and_headers_never_500(
    body: bytes, content_type: str, extra: dict[str, str], verify: bool
) -> None:
    headers = {"Content-Type": content_type, **extra}
    _check(_app(verify).test_client().post("/", data=body, headers=headers), hostile=verify)


@SETTINGS
@given(document=json_values, verify=st.booleans())
def test_random_json_never_500(document: Any, verify: bool) -> None:
    body = json.dumps(document).encode()
    response = _app(verify).test_client().post("/", data=body, content_type="application/json")
    _check(response, hostile=verify)


@SETTINGS
@given(
    request_type=request_types,
    request_extra=st.dictionaries(
        st.sampled_from(["intent", "locale", "timestamp", "requestId", "dialogState", "reason"]),
        json_values,
        max_size=4,
    ),
    top_extra=st.dictionaries(
        st.sampled_from(["session", "context", "version"]), json_values, max_size=2
    ),
)
def test_envelope_shaped_json_never_500_unverified(
    request_type: str, request_extra: dict[str, Any], top_extra: dict[str, Any]
) -> None:
    """Envelopes with odd fields reach the real skill (verification off): no 500 either."""
    document = envelope(request_type=request_type)
    document["request"].update(request_extra)
    document.update(top_extra)
    body = json.dumps(document).encode()
    _check(_app(False).test_client().post("/", data=body, content_type="application/json"))


@SETTINGS
@given(data=st.data())
def test_any_change_to_a_signed_body_is_refused(data: st.DataObject) -> None:
    body, headers = signed_request()
    index = data.draw(st.integers(min_value=0, max_value=len(body) - 1), label="index")
    replacement = data.draw(st.binary(min_size=0, max_size=3), label="replacement")
    tampered = body[:index] + replacement + body[index + 1 :]
    assume(tampered != body)
    response = _app(True).test_client().post("/", data=tampered, headers=headers)
    _check(response, hostile=True)
    assert response.status_code == 400, response.get_data(as_text=True)
    # The signature is checked first, on the raw bytes: whatever the change did to the JSON.
    assert response.get_json()["error"]["code"] == "verification_failed"


def test_the_signed_body_itself_is_served() -> None:
    """The property above would pass on an endpoint that refuses everything; this would not."""
    body, headers = signed_request()
    response = _app(True).test_client().post("/", data=body, headers=headers)
    assert response.status_code == 200
    assert is_response_envelope(response.get_json())


# --- every header fuzzed -------------------------------------------------------------------

# What a WSGI server can hand the app: latin-1 text without CR or LF.
any_header = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0xFF, blacklist_characters="\r\n"),
    max_size=120,
)
_ESCAPES = ["%20", "%00", "%0d%0a", "%7f", "%2e", "%2E%2e", "%2f", "%252e", "%3F", "%23", "%"]
url_piece = st.one_of(
    st.sampled_from(
        [
            "..",
            ".",
            "/",
            "//",
            "?",
            "#",
            "\\",
            ";",
            "@",
            ":",
            "a",
            "cert",
            "-",
            "_",
            "~",
            "é",
            " ",
            "\t",
            "\x00",
            "\x7f",
            ".pem",
            ".PEM",
            "echo.api",
            *_ESCAPES,
        ]
    ),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=4),
)
cert_urls = st.one_of(
    st.builds(
        lambda scheme, host, port, pieces, suffix: (
            f"{scheme}://{host}{port}/echo.api/" + "".join(pieces) + suffix
        ),
        st.sampled_from(["https", "HTTPS", "Https", "http", "ftp", "", "https:"]),
        st.sampled_from(
            [
                "s3.amazonaws.com",
                "S3.AMAZONAWS.COM",
                "s3.amazonaws.com.",
                "evil.com",
                "s3.amazonaws.com.evil.com",
                "user@s3.amazonaws.com",
                "s3.amazonaws.com@evil.com",
                "",
                "[::1]",
            ]
        ),
        st.sampled_from(["", ":443", ":80", ":", ":0443", ":99999", ":x"]),
        st.lists(url_piece, max_size=6),
        st.sampled_from([".pem", "", ".PEM", ".pem/", ".pem?", ".pem#", ".pem%00", "/.pem"]),
    ),
    any_header,
    st.just(CERT_URL),
)
_VALID_BODY, _VALID_HEADERS = signed_request()
_VALID_SHA1 = sign(_VALID_BODY, sha256=False)


def _fresh_signed() -> tuple[bytes, dict[str, str]]:
    """A valid body and headers with a request id of its own: the app refuses an id twice."""
    return signed_request()
content_lengths = st.one_of(
    st.integers(min_value=-5, max_value=len(_VALID_BODY) + 5).map(str),
    st.sampled_from(["", " ", "abc", "1e3", "+1", "0x10", "99999999999999999999", "-0"]),
    any_header,
)
signatures = st.one_of(
    st.just(sign(b"another body")),
    st.just(sign(_VALID_BODY, sha256=False)),  # SHA-1 in the SHA-256 header
    st.binary(max_size=300).map(lambda raw: base64.b64encode(raw).decode()),
    any_header,
)


def _maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


@SETTINGS
@given(
    body=st.one_of(st.just(_VALID_BODY), st.binary(max_size=600)),
    url=_maybe(cert_urls),
    signature=_maybe(signatures),
    signature_256=_maybe(signatures),
    content_type=_maybe(st.one_of(content_types, any_header)),
    content_length=_maybe(content_lengths),
)
def test_every_header_fuzzed_without_a_valid_signature_is_refused(
    body: bytes,
    url: str | None,
    signature: str | None,
    signature_256: str | None,
    content_type: str | None,
    content_length: str | None,
) -> None:
    """No correct signature anywhere: whatever the headers hold, a 4xx in JSON, never a 5xx."""
    # The SHA-1 signature of the valid body is correct in `Signature` when `Signature-256` is
    # absent (Amazon's legacy header): that request is genuine, not hostile.
    assume(not (body == _VALID_BODY and signature == _VALID_SHA1 and signature_256 is None))
    headers = {
        name: value
        for name, value in [
            ("SignatureCertChainUrl", url),
            ("Signature", signature),
            ("Signature-256", signature_256),
            ("Content-Type", content_type),
        ]
        if value is not None
    }
    overrides = {} if content_length is None else {"CONTENT_LENGTH": content_length}
    response = (
        _open_app().test_client().post("/", data=body, headers=headers, environ_overrides=overrides)
    )
    _check(response, hostile=True)


@SETTINGS
@given(url=cert_urls)
def test_only_strict_certificate_urls_are_ever_downloaded(url: str) -> None:
    """A correctly signed body with a fuzzed URL: served only if the URL is Amazon's form, and
    the URL downloaded is exactly that form (scheme and host lower-cased, port 443 dropped)."""
    _downloaded.clear()
    body, valid_headers = _fresh_signed()
    headers = {**valid_headers, "SignatureCertChainUrl": url}
    response = _open_app().test_client().post("/", data=body, headers=headers)
    canonical = re.sub(r"(?i)^https://s3\.amazonaws\.com(:443)?/", "https://s3.amazonaws.com/", url)
    strict = STRICT_CERT_URL.fullmatch(canonical) is not None and not re.search(
        r"/\.{1,2}(/|$)", canonical
    )
    _check(response, hostile=not strict)
    assert all(STRICT_CERT_URL.fullmatch(u) for u in _downloaded), _downloaded
    assert all(u == canonical for u in _downloaded), (_downloaded, canonical)
    if strict:
        assert response.status_code == 200, response.get_data(as_text=True)


@SETTINGS
@given(content_length=content_lengths, content_type=st.one_of(content_types, any_header))
def test_fuzzed_content_length_and_type_on_a_signed_request(
    content_length: str, content_type: str
) -> None:
    """Served only when the app reads exactly the signed bytes as UTF-8 JSON."""
    body, valid_headers = _fresh_signed()
    headers = {**valid_headers, "Content-Type": content_type}
    response = (
        _open_app()
        .test_client()
        .post(
            "/",
            data=body,
            headers=headers,
            environ_overrides={"CONTENT_LENGTH": content_length},
        )
    )
    reads_the_body = get_content_length(content_length) == len(body)
    mimetype, params = parse_options_header(content_type)
    json_utf8 = mimetype == "application/json" and params.get("charset", "utf-8").lower() in {
        "utf-8",
        "utf8",
    }
    _check(response, hostile=not (reads_the_body and json_utf8))
    if not reads_the_body:
        assert response.status_code in (400, 413, 415)


@SETTINGS
@given(
    request_type=request_types,
    request_extra=st.dictionaries(
        st.sampled_from(["intent", "locale", "timestamp", "requestId", "dialogState", "reason"]),
        json_values,
        max_size=4,
    ),
    top_extra=st.dictionaries(
        st.sampled_from(["session", "context", "version"]), json_values, max_size=2
    ),
    skill_id=st.sampled_from([SKILL_ID, OTHER_SKILL_ID]),
)
def test_signed_envelopes_with_odd_fields_never_500(
    request_type: str, request_extra: dict[str, Any], top_extra: dict[str, Any], skill_id: str
) -> None:
    """Correctly signed, so they pass the signature and reach the SDK, the timestamp and
    skill-id checks and the real skill: still never a 500."""
    document = envelope(request_type=request_type, skill_id=skill_id)
    document["request"].update(request_extra)
    document.update(top_extra)
    body, headers = signed_request(json.dumps(document).encode())
    _check(_app(True).test_client().post("/", data=body, headers=headers))


@SETTINGS
@given(
    body=st.one_of(
        st.binary(max_size=600),
        json_values.map(lambda value: json.dumps(value).encode()),
        st.one_of(
            st.sampled_from([60, 61, 62, 63, 64, 65, 100, 400, 900]),
            st.integers(min_value=1, max_value=900),
        ).map(lambda depth: json.dumps(envelope(attributes={"n": nested(depth)})).encode()),
    )
)
def test_signed_garbage_never_500(body: bytes) -> None:
    """Bytes that are signed but are not a sane envelope: a 4xx for their shape."""
    _check(_app(True).test_client().post("/", data=body, headers=signed_request(body)[1]))
