"""SSML built in one place: every part escaped, the whole document well-formed."""

from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# Three-digit phone numbers are read digit by digit ("nine nine nine", "one one two"), never as
# amounts ("nine hundred and ninety-nine"): 911, 999, 000, 112, 108, 111, 811. ("1800 Medicare"
# is said "one eight hundred" in Australia, which digits would not give.)
_SAY_AS = re.compile(r"<say-as [^>]*>([^<]*)</say-as>")
_NUMBER = re.compile(r"(?<![\w.,])(\d{3})(?![\w.,]?\d)")


def escape(text: str) -> str:
    """XML-escape `&`, `<` and `>`, as `xml.sax.saxutils.escape` does.

    Not imported from there: `xml.sax.saxutils` pulls in `urllib.request`, `http.client`,
    `ssl` and `email`: about a seventh of a hello-world skill's Lambda cold start, for three
    replacements.
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def to_ssml(*parts: str, slow: bool = False) -> str:
    """Join plain-text parts into one `<speak>` document, escaping XML specials; `slow` for
    someone who asked the skill to speak more slowly."""
    body = " ".join(escape(part.strip()) for part in parts if part and part.strip())
    body = _NUMBER.sub(r'<say-as interpret-as="digits">\1</say-as>', body)
    if slow and body:
        body = f'<prosody rate="80%">{body}</prosody>'
    return f"<speak>{body}</speak>"


def to_plain(ssml: str) -> str:
    """SSML back to the words a person hears (for cards, logs and the simulator)."""
    text = _SAY_AS.sub(r"\1", ssml)  # an inline tag: the words around it are unchanged
    text = _TAG.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    text = text.replace("&apos;", "'").replace("&amp;", "&")
    return _SPACE.sub(" ", text).strip()
