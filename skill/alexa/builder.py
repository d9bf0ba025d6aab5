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

from skill.alexa.handlers import REQUEST_HANDLERS, CatchAllExceptionHandler, LogRequestInterceptor
from skill.storage import adapter_for, storage_spec

logger = logging.getLogger(__name__)


class RequestRejected(Exception):
    """The event is not a request this skill answers (another skill's id, or not an envelope)."""


class _Serializer(DefaultSerializer):
    """The SDK's serializer, with Alexa's ISO-8601 timestamps read by `datetime.fromisoformat`.

    The SDK reads every request's timestamp with dateutil's general-purpose parser: a third of
    the time it takes to deserialise an envelope, and an import on a cold start's first request.
    Whatever `fromisoformat` cannot read still goes to the SDK's parser.
    """

    # Overrides the SDK's private `__deserialize_datetime` (name-mangled); a test checks it runs.
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if obj_type is datetime and isinstance(payload, str):
            text = payload[:-1] + "+00:00" if payload.endswith("Z") else payload
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)  # type: ignore[misc]


def create_skill(skill_id: str | None = None,
                 persistence_adapter: AbstractPersistenceAdapter | None = None) -> CustomSkill:
    """A new skill; with `skill_id`, the SDK refuses requests for any other skill.

    With a `persistence_adapter` the skill remembers an unfinished check between sessions.
    """
    # The SDK annotates the adapter as required, but None (no memory) is its own default.
    builder = CustomSkillBuilder(persistence_adapter=persistence_adapter)  # type: ignore[arg-type]
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler())
    builder.add_exception_handler(CatchAllExceptionHandler())
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
    another skill: those get no answer, as Amazon's own SDK does.
    """
    skill = skill or get_skill()
    if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
        raise RequestRejected("not an Alexa request envelope")
    try:
        envelope = skill.serializer.deserialize(payload=json.dumps(event),
                                                obj_type=RequestEnvelope)
    except Exception as exc:  # the SDK raises bare exceptions for malformed envelopes
        raise RequestRejected(f"malformed request envelope ({type(exc).__name__})") from exc
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
    except AskSdkException as exc:
        # Raised before any handler runs: only the skill-id check does that.
        logger.warning("rejected a request for another skill (%s)", type(exc).__name__)
        raise RequestRejected("request is for another skill") from exc
    return skill.serializer.serialize(response)
