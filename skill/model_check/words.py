"""Words as Alexa compares them, and samples as words with `{slot}` holes."""

from __future__ import annotations

import re

SLOT_REF = re.compile(r"\{([^{}]*)\}")
_WORD_SPLIT = re.compile(r"[\s.\-_]+")
CURLY_APOSTROPHES = "\u2019\u2018\u02bc`"
_TO_STRAIGHT = str.maketrans({ch: "'" for ch in CURLY_APOSTROPHES})


def normalise(text: str) -> tuple[str, ...]:
    """Words as Alexa would compare them: lower case, straight apostrophes, no punctuation.

    Periods, hyphens and underscores separate words ("a. b. c." and "a.b.c." are both a b c).
    """
    words = []
    for raw in _WORD_SPLIT.split(text.translate(_TO_STRAIGHT).casefold()):
        word = "".join(ch for ch in raw if ch.isalnum() or ch == "'")
        if word:
            words.append(word)
    return tuple(words)


def sample_key(sample: str) -> tuple[str, ...]:
    """A sample's words with slots as `{name}`, for comparing samples."""
    key: list[str] = []
    last = 0
    for match in SLOT_REF.finditer(sample):
        key.extend(normalise(sample[last:match.start()]))
        key.append("{" + match.group(1) + "}")
        last = match.end()
    key.extend(normalise(sample[last:]))
    return tuple(key)
