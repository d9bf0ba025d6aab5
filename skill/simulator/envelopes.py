"""Request envelopes shaped like the ones the Alexa service sends (see shared fixtures)."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from skill.simulator.errors import SimulatorError
from skill.simulator.nlu import SlotResult, Understanding

if TYPE_CHECKING:
    from skill.simulator.reminders_api import RemindersApi

DEVICES = ("voice", "show")
DEFAULT_USER = "default"
# Not a real skill's id; a skill that checks its id must be given this one or `--skill-id`.
DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-00006e65636b"
# A host with no Alexa APIs (no emulated Reminders API: the desk voice, and tests that do not
# ask for one): its envelopes keep every key of a real one, but apiEndpoint is an unroutable
# documentation address (RFC 5737 TEST-NET-1), never Amazon's, and apiAccessToken is empty, so
# the skill has no API to call (skill.alexa.reminders._has_api) and nothing offline reaches Amazon.
NO_API_ENDPOINT = "https://192.0.2.1"
NO_API_TOKEN = ""

SHOW_VIEWPORT: dict[str, Any] = {
    "experiences": [
        {"arcMinuteWidth": 246, "arcMinuteHeight": 144, "canRotate": False, "canResize": False}
    ],
    "mode": "HUB",
    "shape": "RECTANGLE",
    "pixelWidth": 1024,
    "pixelHeight": 600,
    "dpi": 160,
    "currentPixelWidth": 1024,
    "currentPixelHeight": 600,
    "touch": ["SINGLE"],
    "video": {"codecs": ["H_264_42", "H_264_41"]},
}
_SHOW_VIEWPORTS: list[dict[str, Any]] = [
    {
        "type": "APL",
        "id": "main",
        "shape": "RECTANGLE",
        "dpi": 160,
        "presentationType": "STANDARD",
        "canRotate": False,
        "configuration": {
            "current": {
                "mode": "HUB",
                "video": {"codecs": ["H_264_42", "H_264_41"]},
                "size": {"type": "DISCRETE", "pixelWidth": 1024, "pixelHeight": 600},
            }
        },
    }
]


def _stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id of Alexa's shape; the name it came from cannot be read back."""
    digest = hashlib.sha256("\0".join(("neck-twitch-simulator", *parts)).encode()).digest()
    return prefix + base64.b32encode(digest * 3).decode().rstrip("=")


def user_id_for(user: str) -> str:
    return _stable_id("amzn1.ask.account.", "user", user)


def device_id_for(user: str, device: str) -> str:
    return _stable_id("amzn1.ask.device.", "device", user, device)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_id(kind: str) -> str:
    return f"amzn1.echo-api.{kind}.{uuid.uuid4()}"


@dataclass
class Session:
    """One open skill session as the Alexa service tracks it."""

    session_id: str
    new: bool = True
    attributes: dict[str, Any] = field(default_factory=dict)


class EnvelopeFactory:
    """Builds LaunchRequest, IntentRequest and SessionEndedRequest envelopes for one user."""

    def __init__(
        self,
        locale: str,
        user: str = DEFAULT_USER,
        device: str = "voice",
        skill_id: str = DEFAULT_SKILL_ID,
        clock: Callable[[], str] = _now,
        new_id: Callable[[str], str] = _new_id,
    ) -> None:
        if device not in DEVICES:
            raise SimulatorError(f"unknown device {device!r}: choose one of {', '.join(DEVICES)}")
        self.locale = locale
        self.device = device
        self.skill_id = skill_id
        self.switch_user(user)
        self._clock = clock
        self._new_id = new_id
        # The emulated Reminders API (skill.simulator.reminders_api), when the run has one:
        # envelopes then carry its address, the user's token and permission.
        self.reminders: RemindersApi | None = None

    def switch_user(self, user: str) -> None:
        """Speak as another user (and their device) from the next request on."""
        self.user_id = user_id_for(user)
        self.device_id = device_id_for(user, self.device)

    def new_session(self) -> Session:
        return Session(session_id=self._new_id("session"))

    def launch(self, session: Session) -> dict[str, Any]:
        return self._envelope(session, {"type": "LaunchRequest"})

    def intent(self, session: Session, understanding: Understanding) -> dict[str, Any]:
        slots: dict[str, Any] = {}
        for name in understanding.slot_names:
            slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
            result = understanding.slots.get(name)
            if result is not None:
                slot["value"] = result.value
                slot["source"] = "USER"
                if result.status is not None:
                    slot["resolutions"] = {"resolutionsPerAuthority": [self._authority(result)]}
            slots[name] = slot
        intent: dict[str, Any] = {"name": understanding.intent, "confirmationStatus": "NONE"}
        if slots:
            intent["slots"] = slots
        return self._envelope(session, {"type": "IntentRequest", "intent": intent})

    def user_event(self, session: Session, token: str, arguments: list[Any],
                   components: dict[str, Any] | None = None,
                   source: str = "") -> dict[str, Any]:
        """A touch on a screen: the Alexa.Presentation.APL.UserEvent its SendEvent makes."""
        request: dict[str, Any] = {
            "type": "Alexa.Presentation.APL.UserEvent", "token": token, "arguments": arguments,
            "source": {"type": "TouchWrapper", "handler": "Press", "id": source},
        }
        if components is not None:
            request["components"] = components
        return self._envelope(session, request)

    def connections_response(self, session: Session, token: str, answer: str,
                             code: str = "200") -> dict[str, Any]:
        """Alexa's answer to the skill's AskFor: ACCEPTED, DENIED or NOT_ANSWERED."""
        from skill.simulator.reminders_api import SCOPE

        return self._envelope(session, {
            "type": "Connections.Response", "name": "AskFor", "token": token,
            "status": {"code": code, "message": "OK" if code == "200" else "Error"},
            "payload": {"permissionScope": SCOPE, "status": answer}})

    def session_ended(self, session: Session, reason: str = "USER_INITIATED") -> dict[str, Any]:
        return self._envelope(session, {"type": "SessionEndedRequest", "reason": reason})

    def _authority(self, result: SlotResult) -> dict[str, Any]:
        authority: dict[str, Any] = {
            "authority": f"amzn1.er-authority.echo-sdk.{self.skill_id}.{result.slot_type}",
            "status": {"code": result.status},
        }
        if result.resolved_id is not None:
            authority["values"] = [
                {"value": {"name": result.resolved_name, "id": result.resolved_id}}
            ]
        return authority

    def _envelope(self, session: Session, request: dict[str, Any]) -> dict[str, Any]:
        application = {"applicationId": self.skill_id}
        user: dict[str, Any] = {"userId": self.user_id}
        endpoint, token = NO_API_ENDPOINT, NO_API_TOKEN
        if self.reminders is not None:
            from skill.simulator.reminders_api import SCOPE

            endpoint, token = self.reminders.start(), self.reminders.token_for(self.user_id)
            if self.reminders.granted(self.user_id):
                user["permissions"] = {"consentToken": token,
                                       "scopes": {SCOPE: {"status": "GRANTED"}}}
        session_body: dict[str, Any] = {
            "new": session.new,
            "sessionId": session.session_id,
            "application": application,
            "user": user,
        }
        if not session.new:
            session_body["attributes"] = session.attributes
        interfaces: dict[str, Any] = {}
        context: dict[str, Any] = {
            "System": {
                "application": dict(application),
                "user": dict(user),
                "device": {"deviceId": self.device_id, "supportedInterfaces": interfaces},
                "apiEndpoint": endpoint,
                "apiAccessToken": token,
            }
        }
        if self.device == "show":
            interfaces["Alexa.Presentation.APL"] = {"runtime": {"maxVersion": "2023.3"}}
            context["Viewport"] = SHOW_VIEWPORT
            context["Viewports"] = _SHOW_VIEWPORTS
        head = {
            "type": request["type"],
            "requestId": self._new_id("request"),
            "timestamp": self._clock(),
            "locale": self.locale,
        }
        return {
            "version": "1.0",
            "session": session_body,
            "context": context,
            "request": {**head, **request},
        }
