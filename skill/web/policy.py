"""GET /privacy and GET /terms: PRIVACY.md and TERMS.md as pages, naming the deployer's contact.

The skill store needs a privacy policy and terms of use at public https addresses; the web
service that answers Alexa can serve them itself. The contact comes from the publishing file
(publishing.yaml, or the file named by $NECK_TWITCH_PUBLISHING); the pages are built once, on
the first request.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from flask import Blueprint, Response

from skill.publishing import PUBLISHING_FILE, Publishing, PublishingError, load_publishing
from skill.publishing import policy_pages as build_pages

PUBLISHING_ENV = "NECK_TWITCH_PUBLISHING"
logger = logging.getLogger(__name__)

blueprint = Blueprint("policy", __name__)


@cache
def _pages(publishing_file: Path) -> dict[str, str]:
    try:
        publishing = load_publishing(publishing_file)
    except PublishingError as exc:
        logger.warning("policy pages without a contact: %s", exc)
        publishing = Publishing()
    if publishing.problems():
        logger.warning("policy pages: %s is not filled in (%s)", publishing_file,
                       ", ".join(name for name, _ in publishing.problems()))
    return build_pages(publishing)


def _page(name: str) -> Response:
    path = Path(os.environ.get(PUBLISHING_ENV) or PUBLISHING_FILE)
    response = Response(_pages(path)[name], mimetype="text/html")
    response.headers["Cache-Control"] = "public, max-age=3600"
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@blueprint.get("/privacy")
def privacy() -> Response:
    return _page("privacy")


@blueprint.get("/terms")
def terms() -> Response:
    return _page("terms")
