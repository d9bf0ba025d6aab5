"""Envelopes look like the Alexa service's: same keys as real captures, and the SDK accepts them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.simulator.envelopes import EnvelopeFactory, user_id_for
from skill.simulator.errors import SimulatorError
from skill.simulator.nlu import Nlu

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alexa" / "requests"


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _deserialize(envelope: dict[str, Any]) -> Any:
    result = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    assert isinstance(result, RequestEnvelope)
    return result


def test_launch_on_a_show_has_the_keys_of_a_real_echo_show_launch() -> None:
    factory = EnvelopeFactory("en-US", device="show")
    ours = factory.launch(factory.new_session())
    real = _fixture("launch_echo_show_viewports_2019.json")
    assert set(real) == set(ours)
    assert set(real["session"]) <= set(ours["session"])
    assert set(real["context"]) <= set(ours["context"])
    assert set(real["context"]["System"]) == set(ours["context"]["System"])
    assert set(real["context"]["Viewport"]) <= set(ours["context"]["Viewport"])
    assert ours["session"]["new"] is True and "attributes" not in ours["session"]
    assert ours["request"]["type"] == "LaunchRequest"
    assert "Alexa.Presentation.APL" in ours["context"]["System"]["device"]["supportedInterfaces"]
    parsed = _deserialize(ours)
    assert parsed.context.viewport.pixel_width == 1024


def test_voice_device_has_no_screen() -> None:
    factory = EnvelopeFactory("en-GB")
    envelope = factory.launch(factory.new_session())
    assert "Viewport" not in envelope["context"]
    assert envelope["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert envelope["request"]["locale"] == "en-GB"


def test_intent_request_slots_match_a_real_er_capture(en_us_nlu: Nlu) -> None:
    factory = EnvelopeFactory("en-US", skill_id="amzn1.ask.skill.test")
    session = factory.new_session()
    session.new = False
    session.attributes = {"check": {"v": 1}}
    envelope = factory.intent(session, en_us_nlu.understand("I also have pins and needles"))
    slot = envelope["request"]["intent"]["slots"]["symptom"]
    real = _fixture("custom_intent_er_success_match_en_gb.json")["request"]["intent"]["slots"]
    real_slot = next(iter(real.values()))
    assert set(real_slot) == set(slot)
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority == {
        "authority": "amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.SymptomType",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": "numbness", "id": "numbness"}}],
    }
    assert envelope["session"]["attributes"] == {"check": {"v": 1}}
    parsed = _deserialize(envelope)
    assert parsed.request.intent.slots["symptom"].value == "pins and needles"


def test_no_match_slot_has_a_status_and_no_values(en_us_nlu: Nlu) -> None:
    factory = EnvelopeFactory("en-US")
    envelope = factory.intent(factory.new_session(), en_us_nlu.understand("I have a headache"))
    authority = envelope["request"]["intent"]["slots"]["symptom"]["resolutions"][
        "resolutionsPerAuthority"][0]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"} and "values" not in authority


def test_unfilled_slots_are_still_listed(en_us_nlu: Nlu) -> None:
    factory = EnvelopeFactory("en-US")
    understood = en_us_nlu.understand("what is a fasciculation")
    envelope = factory.intent(factory.new_session(), understood)
    assert envelope["request"]["intent"]["slots"] == {
        "topic": {"name": "topic", "confirmationStatus": "NONE"}
    }


def test_ids_and_timestamps() -> None:
    factory = EnvelopeFactory("en-US")
    first, second = factory.new_session(), factory.new_session()
    assert first.session_id != second.session_id
    assert first.session_id.startswith("amzn1.echo-api.session.")
    request = factory.launch(first)["request"]
    assert request["requestId"].startswith("amzn1.echo-api.request.")
    assert len(request["timestamp"]) == 20 and request["timestamp"].endswith("Z")
    ended = factory.session_ended(first)["request"]
    assert (ended["type"], ended["reason"]) == ("SessionEndedRequest", "USER_INITIATED")


def test_user_id_is_stable_per_user_and_does_not_reveal_the_name() -> None:
    assert user_id_for("alice") == user_id_for("alice") != user_id_for("bob")
    assert user_id_for("alice").startswith("amzn1.ask.account.")
    assert "alice" not in user_id_for("alice").lower()
    a, b = EnvelopeFactory("en-US", user="alice"), EnvelopeFactory("en-US", user="alice")
    assert a.device_id == b.device_id
    envelope = a.launch(a.new_session())
    assert envelope["session"]["user"] == envelope["context"]["System"]["user"]


def test_unknown_device_is_an_error() -> None:
    with pytest.raises(SimulatorError, match="unknown device 'watch'"):
        EnvelopeFactory("en-US", device="watch")
