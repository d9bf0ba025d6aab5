"""Every real envelope in tests/fixtures/alexa/requests gets a valid response."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from skilltest import REPO, SKILL_ID, Dialog, LambdaHandler, envelope, intent_request

from skill.alexa.builder import RequestRejected, create_skill, handle_event
from skill.content.ssml import to_plain

# Copied into the repository with their provenance (tests/fixtures/PROVENANCE.md).
FIXTURES = REPO / "tests" / "fixtures" / "alexa"
REQUESTS = sorted((FIXTURES / "requests").glob("*.json"))
NO_SESSION = {"AudioPlayer.PlaybackStarted", "PlaybackController.PlayCommandIssued",
              "System.ExceptionEncountered", "Display.ElementSelected"}


def first_question() -> str:
    """What the check asks first, in the words of the content for unshipped locales."""
    from skill.content import content_for
    from skill.triage import Ask, CheckState, default_rules, next_step

    step = next_step(default_rules(), CheckState())
    assert isinstance(step, Ask)
    return content_for(None).text(f"questions.{step.question.id}.ask")


def test_the_fixtures_are_there() -> None:
    assert len(REQUESTS) == 20


def assert_valid_response(response: dict[str, Any]) -> None:
    assert response["version"] == "1.0"
    body = response["response"]
    assert isinstance(body, dict)
    speech = body.get("outputSpeech")
    if speech is not None:
        assert speech["type"] == "SSML"
        assert speech["ssml"].startswith("<speak>") and speech["ssml"].endswith("</speak>")
        assert "Traceback" not in speech["ssml"] and "Exception" not in speech["ssml"]
    json.dumps(response)


@pytest.mark.parametrize("path", REQUESTS, ids=[p.stem for p in REQUESTS])
def test_fixture_gets_a_valid_response(lambda_handler: LambdaHandler, path: Path) -> None:
    event = json.loads(path.read_text())
    response = lambda_handler(event, None)
    assert_valid_response(response)
    request_type = event["request"]["type"]
    body = response["response"]
    if request_type in NO_SESSION or request_type == "SessionEndedRequest":
        assert "outputSpeech" not in body
    elif request_type == "CanFulfillIntentRequest":
        assert body["canFulfillIntent"]["canFulfill"] == "NO"
    elif request_type == "IntentRequest" and event["request"]["intent"]["name"] in {
            "AMAZON.StopIntent", "AMAZON.CancelIntent"}:
        assert body["shouldEndSession"] is True
    else:
        # Launches and in-session intents either start the check or re-ask its question.
        assert body["shouldEndSession"] is False
        assert to_plain(body["outputSpeech"]["ssml"]).endswith(first_question())
    if "session" in event:
        assert "sessionAttributes" in response


def test_a_locale_without_content_never_hears_911(lambda_handler: LambdaHandler) -> None:
    dialog = Dialog(lambda_handler, locale="de-DE")
    dialog.launch()
    dialog.say("AMAZON.YesIntent")
    assert dialog.speech.startswith("Please call your local emergency number now")
    assert "911" not in dialog.speech and "911" not in json.dumps(dialog.card)


def test_skill_id_is_enforced_when_set() -> None:
    skill = create_skill(SKILL_ID)
    ok = handle_event(envelope({"type": "LaunchRequest"}), None, skill)
    assert to_plain(ok["response"]["outputSpeech"]["ssml"]).endswith(first_question())
    other = envelope({"type": "LaunchRequest"}, skill_id="amzn1.ask.skill.someone-else")
    with pytest.raises(RequestRejected, match="another skill"):
        handle_event(other, None, skill)


def test_skill_id_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.alexa import builder

    monkeypatch.setenv("SKILL_ID", "amzn1.ask.skill.mine")
    builder.get_skill.cache_clear()
    try:
        with pytest.raises(RequestRejected):
            handle_event(envelope({"type": "LaunchRequest"}), None)
    finally:
        builder.get_skill.cache_clear()


@pytest.mark.parametrize("event", [None, "text", [], {}, {"request": "x"},
                                   {"version": "1.0", "request": {"type": 5}}])
def test_not_an_envelope_is_rejected_cleanly(event: Any) -> None:
    with pytest.raises(RequestRejected):
        handle_event(event)


def test_logs_hold_no_user_data(lambda_handler: LambdaHandler,
                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    dialog = Dialog(lambda_handler)
    dialog.launch()
    dialog.say("AMAZON.YesIntent")
    dialog.say("ReportSymptomIntent")
    dialog.send(intent_request("AMAZON.NoIntent"))
    logged = caplog.text
    assert "request LaunchRequest" in logged and "request IntentRequest" in logged
    for secret in ("TESTUSER", "TESTDEVICE", "YesIntent", "NoIntent", "answers", "swallowing"):
        assert secret not in logged
