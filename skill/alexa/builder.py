"""The skill builder every host uses: Lambda, the web service and the simulator."""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from functools import cache
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.alexa.guard import (
    RequestGuard,
    SkillDisabledHandler,
    UnacknowledgedDeleteHandler,
    envelope_problem,
    request_timestamp,
)
from skill.alexa.handlers import REQUEST_HANDLERS, CatchAllExceptionHandler, LogRequestInterceptor
from skill.storage import adapter_for, quiet_library_loggers, storage_spec

__all__ = ["MalformedEnvelope", "RequestRejected", "apology", "create_skill", "get_skill",
           "handle_event", "quiet_library_loggers"]

logger = logging.getLogger(__name__)


class RequestRejected(Exception):
    """The event is not a request this skill answers (another skill's id, or not an envelope)."""


class MalformedEnvelope(RequestRejected):
    """An envelope this skill cannot read (no `context`, an impossible timestamp, nested too
    deep, or one the SDK cannot deserialise): Lambda answers it with a spoken apology."""


class _Serializer(DefaultSerializer):
    """The SDK's serializer, with Alexa's ISO-8601 timestamps read by `datetime.fromisoformat`.

    The SDK reads every request's timestamp with dateutil's general-purpose parser: a third of
    the time it takes to deserialise an envelope, and an import on a cold start's first request.
    Whatever `fromisoformat` cannot read still goes to the SDK's parser, and a time that does
    not exist (an offset of 24 hours or more) is refused instead of read.
    """

    # Overrides the SDK's private `__deserialize_datetime` (name-mangled); a test checks it runs.
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if obj_type is datetime and isinstance(payload, str):
            text = payload[:-1] + "+00:00" if payload.endswith("Z") else payload
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                if request_timestamp(payload) is None:
                    raise ValueError("not a time that exists") from None
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)  # type: ignore[misc]


def create_skill(skill_id: str | None = None,
                 persistence_adapter: AbstractPersistenceAdapter | None = None) -> CustomSkill:
    """A new skill; with `skill_id`, the SDK refuses requests for any other skill.

    With a `persistence_adapter` the skill remembers an unfinished check between sessions.
    """
    # The SDK annotates the adapter as required, but None (no memory) is its own default.
    builder = CustomSkillBuilder(persistence_adapter=persistence_adapter)  # type: ignore[arg-type]
    # First: a failed delete of a disabled skill is not acknowledged (skill.alexa.guard).
    builder.add_request_handler(SkillDisabledHandler())
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler())
    builder.add_exception_handler(UnacknowledgedDeleteHandler())
    builder.add_exception_handler(CatchAllExceptionHandler())
    builder.add_global_request_interceptor(RequestGuard())  # locale and session state, first
    builder.add_global_request_interceptor(LogRequestInterceptor())
    builder.skill_id = skill_id  # type: ignore[assignment]  # the SDK annotates it as None
    skill = builder.create()
    skill.serializer = _Serializer()
    return skill


@cache
def get_skill() -> CustomSkill:
    """The process's skill, built once: `SKILL_ID` and storage from the environment."""
    return create_skill(os.environ.get("SKILL_ID") or None, adapter_for(storage_spec()))


def handle_event(event: Any, context: Any = None, skill: CustomSkill | None = None) -> Any:
    """Handle one request envelope (a dict, as Lambda passes it) and return the response dict.

    Raises `RequestRejected` for an event that is not an Alexa request envelope or that is for
    another skill: those get no answer, as Amazon's own SDK does; `MalformedEnvelope` (a
    RequestRejected) for an envelope it cannot read (see `apology`). A failed SkillDisabled
    delete raises `skill.alexa.guard.UnacknowledgedDelete`, so that Alexa sends it again.
    """
    skill = skill or get_skill()
    if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
        raise RequestRejected("not an Alexa request envelope")
    problem = envelope_problem(event)
    if problem is not None:
        raise MalformedEnvelope(problem)
    try:
        envelope = skill.serializer.deserialize(payload=json.dumps(event),
                                                obj_type=RequestEnvelope)
    except Exception as exc:  # the SDK raises bare exceptions for malformed envelopes
        raise MalformedEnvelope(f"not a request envelope ({type(exc).__name__})") from None
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
    except AskSdkException as exc:
        # Raised before any handler runs: only the skill-id check does that.
        logger.warning("rejected a request for another skill (%s)", type(exc).__name__)
        raise RequestRejected("request is for another skill") from exc
    return skill.serializer.serialize(response)


def apology(event: Any) -> dict[str, Any]:
    """What Lambda says to an envelope it could not read: a short apology that ends the session
    (in the request's words where its locale is one the skill ships)."""
    from skill.alexa.guard import shipped_locales
    from skill.content import content_for
    from skill.content.ssml import to_ssml

    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    content = content_for(locale if isinstance(locale, str) and locale in shipped_locales()
                          else None)
    return {"version": "1.0", "response": {
        "outputSpeech": {"type": "SSML", "ssml": to_ssml(content.text("error_no_session"))},
        "shouldEndSession": True}}

