"""AWS Lambda entry point: `lambda_function.lambda_handler`, thin by design."""

from __future__ import annotations

import logging
from typing import Any

from skill.alexa.builder import handle_event

logging.getLogger().setLevel(logging.INFO)


def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    return handle_event(event, context)
