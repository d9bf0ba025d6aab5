"""Property: `lambda_handler` answers any envelope, however malformed, with a valid response or
refuses it as not an Alexa request (RequestRejected), and never raises anything else.

Generated from real envelopes with parts dropped, replaced by arbitrary JSON, or made odd where
the findings were (timestamps with impossible offsets, missing `context`, deep attributes,
forged check state, locales that are paths, odd ids)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from skilltest import LambdaHandler, envelope, intent_request

from skill.alexa.builder import RequestRejected

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)

timestamps = st.one_of(
    st.sampled_from(["2026-11-24T12:00:00+24:00", "0001-01-01T00:00:00+23:59",
                     "9999-12-31T23:59:59-23:59", "2026-13-45T99:99:99Z", "", "Z", "now",
                     "2026-11-24T12:00:00.123456789Z", "2026-11-24"]),
    st.text(max_size=30), st.integers(), st.none())
locales = st.one_of(st.sampled_from(["../../../../etc/passwd", "en-US/../../x", "EN-us", "",
                                     "en-NZ", "\x00", "en-US\n"]), st.text(max_size=12),
                    st.integers(), st.none())
ids = st.one_of(st.text(max_size=20), st.sampled_from(["\ud800", "amzn1.ask.account.\udfff"]),
                st.integers(), st.none())
checks = st.one_of(json_values, st.fixed_dictionaries({
    "v": st.sampled_from([2, 1, None, "2"]),
    "answers": st.one_of(json_values, st.dictionaries(st.sampled_from(["screen", "x", ""]),
                                                      json_values, max_size=3)),
    "signs": st.one_of(json_values, st.lists(json_values, max_size=3)),
    "explained": json_values,
}))

PATHS: list[tuple[str, ...]] = [
    ("context",), ("context", "System"), ("context", "System", "user"),
    ("context", "System", "user", "userId"), ("context", "System", "application"),
    ("context", "System", "person"), ("context", "System", "device"), ("session",),
    ("session", "attributes"), ("session", "user"), ("session", "new"), ("request",),
    ("request", "timestamp"), ("request", "locale"), ("request", "requestId"),
    ("request", "intent"), ("request", "intent", "slots"), ("request", "intent", "name"),
    ("version",),
]


def _set(event: dict[str, Any], path: tuple[str, ...], value: Any, *, drop: bool) -> None:
    target: Any = event
    for key in path[:-1]:
        if not isinstance(target, dict) or key not in target:
            return
        target = target[key]
    if isinstance(target, dict):
        if drop:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = value


@st.composite
def malformed_envelopes(draw: st.DrawFn) -> dict[str, Any]:
    request = draw(st.sampled_from([
        {"type": "LaunchRequest"}, intent_request("AMAZON.YesIntent"),
        intent_request("ReportSymptomIntent", {"symptom": {"name": "symptom", "value": "x"}}),
        {"type": "SessionEndedRequest", "reason": "USER_INITIATED"},
        {"type": "AlexaSkillEvent.SkillDisabled"}, {"type": "Alexa.Presentation.APL.UserEvent",
                                                    "arguments": ["answer", "screen", "yes"]},
    ]))
    event = envelope(copy.deepcopy(request), attributes=draw(st.one_of(
        st.just({}), st.fixed_dictionaries({"check": checks}),
        st.fixed_dictionaries({"first_checked": json_values, "offer": json_values,
                               "misses": json_values}))))
    event["request"]["timestamp"] = draw(st.one_of(st.just("2026-11-24T12:00:00Z"), timestamps))
    event["request"]["locale"] = draw(st.one_of(st.just("en-US"), locales))
    event["context"]["System"]["user"]["userId"] = draw(st.one_of(
        st.just("amzn1.ask.account.PROPERTY"), ids))
    for path in draw(st.lists(st.sampled_from(PATHS), max_size=3)):
        _set(event, path, draw(json_values), drop=draw(st.booleans()))
    if draw(st.booleans()):
        deep: Any = "leaf"
        for _ in range(draw(st.integers(min_value=60, max_value=1200))):
            deep = {"a": deep}
        _set(event, ("session", "attributes"), {"check": deep}, drop=False)
    return event


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(event=malformed_envelopes())
def test_lambda_handler_never_raises_on_a_malformed_envelope(
        lambda_handler: LambdaHandler, event: dict[str, Any]) -> None:
    try:
        response = lambda_handler(event, None)
    except RequestRejected:
        return  # not an Alexa request envelope, or another skill's: no answer, as the SDK does
    assert isinstance(response, dict) and response.get("version") == "1.0"
    body = response["response"]
    assert isinstance(body, dict)
    speech = body.get("outputSpeech")
    if speech is not None:
        assert speech["ssml"].startswith("<speak>") and "Traceback" not in speech["ssml"]
    json.dumps(response)
