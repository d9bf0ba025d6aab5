"""Sessions as the Alexa service keeps them, against a tiny hello-world skill."""

from __future__ import annotations

import pytest
from sim_helpers import HelloTransport, MakeHello

from skill.simulator.runner import strip_ssml


def test_launch_then_attributes_are_echoed_between_turns(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    sim = make_hello()
    launch = sim.say("open hello tea")
    assert launch.request_type == "LaunchRequest" and launch.intent is None
    assert launch.speech == "Hello & welcome. Do you like tea?"
    assert launch.reprompt == "Tea?" and not launch.ended
    first, second = sim.say("yes"), sim.say("yeah")
    assert second.speech == "You said yes 2 times."
    assert second.card == {"type": "Simple", "title": "Tea", "text": "2 yes"}
    sent = hello_transport.sent
    assert [e["session"]["new"] for e in sent] == [True, False, False]
    assert len({e["session"]["sessionId"] for e in sent}) == 1
    assert sent[1]["session"]["attributes"] == {}
    assert sent[2]["session"]["attributes"] == {"yes": 1}
    assert first.intent == "AMAZON.YesIntent"


def test_should_end_session_true_closes_and_the_next_utterance_starts_afresh(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    sim = make_hello()
    sim.say("open hello tea")
    sim.say("yes")
    bye = sim.say("no")
    assert bye.ended and not sim.in_session
    again = sim.say("yes")
    assert again.request_type == "LaunchRequest"
    assert again.note is not None and "launched the skill" in again.note
    envelope = hello_transport.sent[-1]
    assert envelope["session"]["new"] is True and "attributes" not in envelope["session"]
    assert envelope["session"]["sessionId"] != hello_transport.sent[0]["session"]["sessionId"]
    assert sim.spoken == ["open hello tea", "yes", "no", "open hello tea"]


@pytest.mark.parametrize(("device", "ended"), [("voice", True), ("show", False)])
def test_null_should_end_session_depends_on_the_device(
    make_hello: MakeHello, device: str, ended: bool
) -> None:
    sim = make_hello(device=device)
    sim.say("open hello tea")
    turn = sim.say("help")
    assert turn.response["response"].get("shouldEndSession") is None
    assert turn.ended is ended and sim.in_session is not ended


def test_one_shot_sends_an_intent_in_a_new_session(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    turn = make_hello().say("ask hello tea for two cups of chai please")
    request = hello_transport.sent[-1]
    assert request["session"]["new"] is True
    assert request["request"]["intent"]["name"] == "OrderIntent"
    assert turn.intent == "OrderIntent" and turn.speech == "Heard OrderIntent."


def test_exit_in_a_session_sends_session_ended(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    sim = make_hello()
    sim.say("open hello tea")
    turn = sim.say("exit")
    assert turn.request_type == "SessionEndedRequest" and turn.ended
    assert hello_transport.sent[-1]["request"]["reason"] == "USER_INITIATED"
    assert not sim.in_session and sim.end_session() is None


def test_launch_phrase_inside_a_session_starts_a_new_one(
    make_hello: MakeHello, hello_transport: HelloTransport
) -> None:
    sim = make_hello()
    sim.say("open hello tea")
    sim.say("yes")
    sim.say("Alexa, launch hello tea")
    assert hello_transport.sent[-1]["session"]["new"] is True
    assert sim.say("yes").speech == "You said yes 1 times."


def test_last_request_is_the_envelope_as_sent(make_hello: MakeHello) -> None:
    sim = make_hello()
    turn = sim.say("open hello tea")
    assert sim.last is turn and turn.request["request"]["type"] == "LaunchRequest"
    assert turn.response["response"]["shouldEndSession"] is False


def test_json_view_has_the_transcript_keys(make_hello: MakeHello) -> None:
    sim = make_hello()
    sim.say("open hello tea")
    view = sim.say("I want a cuppa").to_json()
    assert {"user", "intent", "slots", "speech", "reprompt", "card", "ended"} <= set(view)
    assert view["slots"] == {"drink": {"value": "a cuppa", "id": "TEA",
                                       "status": "ER_SUCCESS_MATCH"}}


def test_strip_ssml() -> None:
    assert strip_ssml('<speak>Hi <break time="1s"/> there &amp; <say-as interpret-as="digits">'
                      "911</say-as>.</speak>") == "Hi there & 911 ."
