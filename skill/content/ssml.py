"""SSML built in one place: every part escaped, the whole document well-formed."""

from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """XML-escape `&`, `<` and `>`, as `xml.sax.saxutils.escape` does.

    Not imported from there: `xml.sax.saxutils` pulls in `urllib.request`, `http.client`,
    `ssl` and `email`: about a seventh of a hello-world skill's Lambda cold start, for three
    replacements.
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def to_ssml(*parts: str) -> str:
    """Join plain-text parts into one `<speak>` document, escaping XML specials."""
    body = " ".join(escape(part.strip()) for part in parts if part and part.strip())
    return f"<speak>{body}</speak>"


def to_plain(ssml: str) -> str:
    """SSML back to the words a person hears (for cards, logs and the simulator)."""
    text = _TAG.sub(" ", ssml)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    text = text.replace("&apos;", "'").replace("&amp;", "&")
    return _SPACE.sub(" ", text).strip()
