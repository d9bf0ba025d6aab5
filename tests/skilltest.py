"""Test helpers: the Lambda entry loaded from its file, and envelopes like Alexa's."""

from __future__ import annotations

import importlib.util
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skill.content.ssml import to_plain
from skill.simulator.envelopes import NO_API_ENDPOINT, NO_API_TOKEN

REPO = Path(__file__).resolve().parents[1]
# Real request envelopes and two genuine Amazon-signed requests, copied into the repository with
# their provenance (tests/fixtures/PROVENANCE.md).
FIXTURES = REPO / "tests" / "fixtures" / "alexa"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]


def load_lambda_handler() -> LambdaHandler:
    spec = importlib.util.spec_from_file_location(
        "lambda_function", REPO / "lambda" / "lambda_function.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler: LambdaHandler = module.lambda_handler
    return handler


def envelope(request: dict[str, Any], *, attributes: dict[str, Any] | None = None,
             new: bool = False, locale: str = "en-US", skill_id: str = SKILL_ID,
             session_id: str = "amzn1.echo-api.session.test",
             user_id: str = "amzn1.ask.account.TESTUSER",
             timestamp: str = "2026-11-24T12:00:00Z",
             person_id: str | None = None, api: bool = False) -> dict[str, Any]:
    """A request envelope shaped like the captures in tests/fixtures/alexa/requests.

    `person_id`: a recognised voice profile (`context.System.person`). `api`: with Alexa's
    apiEndpoint and a token; without (the default), the keys stay (as in every capture) but
    point nowhere, an unroutable address and no token, as the simulator's envelopes do for a
    host with no Alexa APIs: the skill has no Reminders API to offer (tests/test_reminders.py
    gives it a fake one)."""
    system: dict[str, Any] = {
        "application": {"applicationId": skill_id},
        "user": {"userId": user_id},
        "device": {"deviceId": "amzn1.ask.device.TESTDEVICE",
                   "supportedInterfaces": {}},
        "apiEndpoint": "https://api.amazonalexa.com",
        "apiAccessToken": "token",
    }
    if person_id is not None:
        system["person"] = {"personId": person_id}
    if not api:
        system["apiEndpoint"], system["apiAccessToken"] = NO_API_ENDPOINT, NO_API_TOKEN
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id,
            "application": {"applicationId": skill_id},
            "attributes": attributes or {},
            "user": {"userId": user_id},
        },
        "context": {"System": system},
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp,
            "locale": locale,
            **request,
        },
    }


def intent_request(name: str, slots: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    intent: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if slots:
        intent["slots"] = slots
    return {"type": "IntentRequest", "dialogState": "COMPLETED", "intent": intent}


def resolved_slot(slot: str, value: str, value_id: str | None,
                  slot_type: str = "SymptomType") -> dict[str, dict[str, Any]]:
    """A slot as Alexa sends it after entity resolution (matched when value_id is given)."""
    authority = f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_type}"
    if value_id is None:
        resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
    else:
        resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_MATCH"},
                      "values": [{"value": {"name": value, "id": value_id}}]}
    return {slot: {"name": slot, "value": value, "confirmationStatus": "NONE",
                   "resolutions": {"resolutionsPerAuthority": [resolution]}}}


class Dialog:
    """A conversation through `lambda_handler`, carrying session attributes as Alexa does."""

    def __init__(self, handler: LambdaHandler, locale: str = "en-US",
                 user_id: str | None = None) -> None:
        self.handler = handler
        self.locale = locale
        # A new user per dialog unless given: memory must not leak between tests.
        self.user_id = user_id or f"amzn1.ask.account.TESTUSER-{uuid.uuid4()}"
        self.person_id: str | None = None  # a recognised voice profile, when set
        self.timestamp = "2026-11-24T12:00:00Z"
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.last: dict[str, Any] = {}

    def event(self, request: dict[str, Any]) -> dict[str, Any]:
        """The envelope for the next request; subclasses add what their device has."""
        return envelope(request, attributes=self.attributes, new=self.new, locale=self.locale,
                        user_id=self.user_id, timestamp=self.timestamp,
                        person_id=self.person_id)

    def send(self, request: dict[str, Any]) -> dict[str, Any]:
        event = self.event(request)
        # A real round trip: the envelope and the response go through JSON.
        self.last = json.loads(json.dumps(self.handler(json.loads(json.dumps(event)), None)))
        self.attributes = self.last.get("sessionAttributes") or {}
        self.new = bool(self.last["response"].get("shouldEndSession"))
        if self.new:
            self.attributes = {}
        return self.last

    def launch(self) -> dict[str, Any]:
        return self.send({"type": "LaunchRequest"})

    def say(self, intent: str, slots: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
        return self.send(intent_request(intent, slots))

    @property
    def speech(self) -> str:
        return to_plain(self.last["response"]["outputSpeech"]["ssml"])

    @property
    def reprompt(self) -> str | None:
        reprompt = self.last["response"].get("reprompt")
        return to_plain(reprompt["outputSpeech"]["ssml"]) if reprompt else None

    @property
    def card(self) -> dict[str, Any] | None:
        card: dict[str, Any] | None = self.last["response"].get("card")
        return card

    @property
    def ended(self) -> bool:
        return bool(self.last["response"].get("shouldEndSession"))
