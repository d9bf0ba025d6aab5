"""The policy pages on AWS Lambda: a function URL answers GET /privacy and GET /terms.

`neck-twitch package` renders PRIVACY.md and TERMS.md (with the contact from publishing.yaml)
into the zip's `policy_pages/`; template.yaml's PolicyFunction serves them through a function
URL, whose addresses are the stack's PrivacyPolicyUrl and TermsOfUseUrl outputs. Nothing is
logged about who asked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

PAGES_DIR = Path(__file__).resolve().parents[1] / "policy_pages"
ROUTES = {"/privacy": "privacy.html", "/terms": "terms.html"}
_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "public, max-age=3600",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}


@cache
def _page(name: str) -> str:
    return (PAGES_DIR / name).read_text(encoding="utf-8")


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """A function URL event (payload format 2.0) in, an HTTP response out."""
    http = (event.get("requestContext") or {}).get("http") or {}
    method = str(http.get("method") or "GET").upper()
    path = str(event.get("rawPath") or "/").rstrip("/") or "/"
    if method not in ("GET", "HEAD"):
        return {"statusCode": 405, "headers": {"Allow": "GET, HEAD"}, "body": ""}
    name = ROUTES.get(path)
    if name is None:
        return {"statusCode": 404, "headers": {"Content-Type": "text/plain"},
                "body": "Not found: the pages are /privacy and /terms\n"}
    body = _page(name)
    return {"statusCode": 200, "headers": dict(_HEADERS),
            "body": "" if method == "HEAD" else body}
