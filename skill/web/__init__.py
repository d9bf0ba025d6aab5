"""Self-hosted web service: Flask app factory, flask-ask-sdk adapter and Alexa request verifier.

Never imported on the Lambda path (it imports Flask).
"""

from __future__ import annotations

from skill.web.app import MAX_BODY_BYTES, ConfigurationError, create_app

__all__ = ["MAX_BODY_BYTES", "ConfigurationError", "create_app"]
