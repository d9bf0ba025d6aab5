"""Property-based: malformed bodies and headers never get a 500 or a non-JSON answer."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from flask import Flask
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from web_certs import (
    CERT_URL,
    NOW,
    SKILL_ID,
    envelope,
    is_response_envelope,
    make_pki,
    signed_request,
)

from skill.alexa.builder import create_skill
from skill.web import create_app

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def _check(response: Any) -> dict[str, Any]:
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
    _check(_app(verify).test_client().post("/", data=body, headers=headers))


@SETTINGS
@given(document=json_values, verify=st.booleans())
def test_random_json_never_500(document: Any, verify: bool) -> None:
    body = json.dumps(document).encode()
    _check(_app(verify).test_client().post("/", data=body, content_type="application/json"))


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
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["error"]["code"] in {
        "verification_failed",
        "invalid_json",
        "invalid_encoding",
        "invalid_envelope",
    }


def test_the_signed_body_itself_is_served() -> None:
    """The property above would pass on an endpoint that refuses everything; this would not."""
    body, headers = signed_request()
    response = _app(True).test_client().post("/", data=body, headers=headers)
    assert response.status_code == 200
    assert is_response_envelope(response.get_json())
