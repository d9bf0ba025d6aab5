"""What is checked or repaired before any handler sees a request, on every host.

- `envelope_problem`: an envelope the SDK would choke on (no `context`, a timestamp with an
  impossible offset, containers nested past `MAX_DEPTH`) is refused up front: a 400 on the web,
  a spoken apology on Lambda; never an uncaught exception.
- `RequestGuard`: only a locale the skill ships reaches the content layer (anything else is
  read as no locale: en-US words, "your local emergency number"), so a locale never becomes a
  file path and per-locale caches hold the shipped locales only; session state that is not
  what the skill wrote (forged, or from a broken client) is dropped, and the check restarts
  politely instead of failing on every turn.
- `SkillDisabledHandler` and `UnacknowledgedDelete`: disabling the skill deletes the account's
  memory; when that delete fails the request fails too, so that Alexa sends the event again.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

from ask_sdk_core.dispatch_components import (
    AbstractExceptionHandler,
    AbstractRequestHandler,
    AbstractRequestInterceptor,
)
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from skill.alexa.constants import CHECK_KEY, FIRST_CHECKED_KEY

logger = logging.getLogger(__name__)

# Containers nested in an envelope, the envelope itself included (a real one is about 8 deep;
# the SDK copies session attributes recursively, which fails somewhere past 300).
MAX_DEPTH = 64
SKILL_DISABLED = "AlexaSkillEvent.SkillDisabled"
# Session state the check cannot read: Conversation restarts the check politely on it.
_UNREADABLE_CHECK: dict[str, Any] = {"v": None}


class UnacknowledgedDelete(Exception):
    """The account's memory could not be deleted: the SkillDisabled event must fail, so that
    Alexa delivers it again."""


def json_depth_exceeds(document: Any, limit: int) -> bool:
    """Whether parsed JSON nests containers more than ``limit`` deep (the top one counts as 1).

    Iterative, so any depth the JSON parser accepted is measured without recursion.
    """
    if not isinstance(document, (dict, list)):
        return False
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def request_timestamp(text: Any) -> datetime | None:
    """An envelope's `request.timestamp` as an aware UTC datetime (read as the SDK reads it), or
    None if it is no time that exists (an offset of 24 hours or more, a year out of range)."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        try:
            from dateutil.parser import parse  # the SDK's own parser, for other forms

            moment = parse(text)
        except (ValueError, OverflowError):
            return None
    try:
        if moment.tzinfo is None:
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)  # raises for impossible offsets and years
    except (ValueError, OverflowError):
        return None


def envelope_problem(event: Any) -> str | None:
    """Why a parsed request body is not an envelope the skill can answer, or None.

    The reason is a fixed text (it never quotes the request): safe to log.
    """
    if not isinstance(event, dict):
        return "not a JSON object"
    if json_depth_exceeds(event, MAX_DEPTH):
        return f"nested more than {MAX_DEPTH} deep"
    request = event.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        return "no request type"
    context = event.get("context")
    system = context.get("System") if isinstance(context, dict) else None
    if not isinstance(system, dict):
        return "no context.System"
    for part in ("application", "user"):
        if part in system and not isinstance(system[part], dict):
            return f"context.System.{part} is not an object"
    session = event.get("session")
    if session is not None:
        if not isinstance(session, dict):
            return "session is not an object"
        attributes = session.get("attributes")
        if attributes is not None and not isinstance(attributes, dict):
            return "session attributes are not an object"
    if request_timestamp(request.get("timestamp")) is None:
        return "no valid request timestamp"
    return None


@cache
def shipped_locales() -> frozenset[str]:
    from skill.content import available_locales

    return frozenset(available_locales())


class RequestGuard(AbstractRequestInterceptor):
    """Runs first on every request: the locale and the session state, made safe."""

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        locale = getattr(request, "locale", None)
        if request is not None and locale is not None and locale not in shipped_locales():
            request.locale = None  # no file of ours: en-US words, no country's number
        if handler_input.request_envelope.session is None:
            return
        manager = handler_input.attributes_manager
        attributes = manager.session_attributes
        if not isinstance(attributes, dict):
            manager.session_attributes = {}
            return
        first = attributes.get(FIRST_CHECKED_KEY)
        if first is not None and not _iso_date(first):
            attributes.pop(FIRST_CHECKED_KEY)
        raw = attributes.get(CHECK_KEY)
        if raw is not None and not _readable_check(raw):
            logger.warning("dropped session state the check cannot read")
            attributes[CHECK_KEY] = dict(_UNREADABLE_CHECK)


def _iso_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _readable_check(raw: Any) -> bool:
    """Whether the check's own reader accepts or politely refuses `raw` (StateError); anything
    else it raises (a forged `signs: [{}]` is a TypeError) would fail every turn."""
    from skill.triage import CheckState, StateError, default_rules

    try:
        CheckState.from_dict(raw, default_rules())
    except StateError:
        return True
    except Exception:
        return False
    return True


class SkillDisabledHandler(AbstractRequestHandler):
    """The user disabled the skill: everything stored for the account is deleted. A failure
    is not acknowledged (see UnacknowledgedDelete)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type(SKILL_DISABLED)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.memory import Memory
        from skill.triage import default_rules

        memory = Memory(handler_input, default_rules())
        user = getattr(getattr(getattr(handler_input.request_envelope.context, "system", None),
                               "user", None), "user_id", None)
        if memory.enabled and user:  # without a user id nothing can have been stored
            memory.forget_account()  # PersistenceException: see UnacknowledgedDeleteHandler
            logger.info("deleted the memory of an account that disabled the skill")
        return handler_input.response_builder.response


class UnacknowledgedDeleteHandler(AbstractExceptionHandler):
    """Registered before the catch-all: a failed SkillDisabled delete escapes the skill as
    UnacknowledgedDelete (Lambda reports an error, the web service answers 503), never a 200
    that would tell Alexa it was done."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return is_request_type(SKILL_DISABLED)(handler_input) and isinstance(
            exception, PersistenceException)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("could not delete the memory of a disabled skill (%s); not acknowledged, "
                     "so that Alexa sends the event again", type(exception).__name__)
        raise UnacknowledgedDelete(type(exception).__name__) from None
