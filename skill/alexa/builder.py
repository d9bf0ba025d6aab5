"""The skill builder every host uses: Lambda, the web service and the simulator."""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from typing import Any

from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.alexa.handlers import REQUEST_HANDLERS, CatchAllExceptionHandler, LogRequestInterceptor

logger = logging.getLogger(__name__)


class RequestRejected(Exception):
    """The event is not a request this skill answers (another skill's id, or not an envelope)."""


def create_skill(skill_id: str | None = None) -> CustomSkill:
    """A new skill; with `skill_id`, the SDK refuses requests for any other skill."""
    builder = SkillBuilder()
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler())
    builder.add_exception_handler(CatchAllExceptionHandler())
    builder.add_global_request_interceptor(LogRequestInterceptor())
    builder.skill_id = skill_id  # type: ignore[assignment]  # the SDK annotates it as None
    return builder.create()


@cache
def get_skill() -> CustomSkill:
    """The process's skill, built once; `SKILL_ID` from the environment when set."""
    return create_skill(os.environ.get("SKILL_ID") or None)


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
        logger.warning("rejected a request: %s", exc)
        raise RequestRejected("request is for another skill") from exc
    return skill.serializer.serialize(response)
