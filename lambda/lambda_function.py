"""AWS Lambda entry point: `lambda_function.lambda_handler`, thin by design."""

from __future__ import annotations

import logging
from typing import Any

from skill.alexa.builder import MalformedEnvelope, apology, handle_event, quiet_library_loggers

logging.getLogger().setLevel(logging.INFO)
quiet_library_loggers()
logger = logging.getLogger(__name__)


def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    try:
        return handle_event(event, context)
    except MalformedEnvelope as problem:
        # Its reason is a fixed text, never the request's content.
        logger.warning("answered an unreadable envelope with an apology (%s)", problem)
        return apology(event)
