"""Amazon's invocation name requirements, and the ways a user says the name.

Sources: developer.amazon.com, "Choose the Invocation Name for a Custom Skill" (no wake words or
"skill"/"app"; no launch phrases or connecting words; a two-word name may not use an article or
a preposition) and "Understand How Users Invoke Custom Skills" (the supported launch phrases and
connecting words).
"""

from __future__ import annotations

import re

WAKE_WORDS = frozenset({"alexa", "amazon", "echo", "computer", "skill", "skills", "app", "apps"})
LAUNCH_WORDS = frozenset({"open", "ask", "tell", "launch", "start", "play", "run", "use", "load",
                          "begin", "resume", "enable"})
CONNECTING_WORDS = frozenset({"to", "from", "by", "if", "and", "whether", "for", "with"})
TWO_WORD_FORBIDDEN = frozenset({"the", "a", "an", "for", "to", "of"})

# How a user opens a skill: "Alexa, open daily horoscopes".
LAUNCH_PHRASES: tuple[tuple[str, ...], ...] = (
    ("open",), ("launch",), ("start",), ("begin",), ("load",), ("run",), ("use",), ("play",),
    ("resume",), ("talk", "to"), ("open", "up"), ("start", "up"))
# How a user asks a skill for something at once (a one-shot), the request coming after:
# "Alexa, ask daily horoscopes for the horoscope for gemini", "Alexa, tell tide pooler that ...".
ONE_SHOT_PHRASES: dict[tuple[str, ...], frozenset[str]] = {
    ("ask",): frozenset({"to", "about", "for", "if", "whether"}),
    ("tell",): frozenset({"to", "that"}),
    **{phrase: frozenset({"and", "to"}) for phrase in (
        ("open",), ("launch",), ("start",), ("begin",), ("load",), ("run",), ("use",),
        ("talk", "to"))},
}
# The request first: "Alexa, get high tide from tide pooler".
REQUEST_FIRST_CONNECTORS = frozenset({"using", "with", "from", "on", "in", "by", "for"})

# The same in Spanish (developer.amazon.com/es-ES and /es-MX, "Comprender cómo los usuarios
# invocan skills personalizadas"): "Alexa, abre horóscopo diario", "Alexa, pide a horóscopo
# diario que ...", "Alexa, pregunta a horóscopo diario por ...", "Alexa, dile a ... que ...".
SPANISH_LAUNCH_PHRASES: tuple[tuple[str, ...], ...] = (
    ("abre",), ("abrir",), ("inicia",), ("iniciar",), ("empieza",), ("comienza",), ("ejecuta",),
    ("lanza",), ("juega",), ("usa",), ("abre", "la"), ("inicia", "la"))
SPANISH_ONE_SHOT_PHRASES: dict[tuple[str, ...], frozenset[str]] = {
    **{phrase: frozenset({"que"}) for phrase in (
        ("pide", "a"), ("pídele", "a"), ("dile", "a"), ("dígale", "a"))},
    **{phrase: frozenset({"si", "por", "sobre", "acerca", "que"}) for phrase in (
        ("pregunta", "a"), ("pregúntale", "a"), ("pregunte", "a"))},
    **{phrase: frozenset({"y"}) for phrase in (("abre",), ("inicia",), ("empieza",))},
}
SPANISH_REQUEST_FIRST_CONNECTORS = frozenset({"con", "en", "de", "desde", "usando"})


def invocation_phrases(language: str) -> tuple[tuple[tuple[str, ...], ...],
                                                dict[tuple[str, ...], frozenset[str]],
                                                frozenset[str]]:
    """(launch phrases, one-shot phrases and their connectors, request-first connectors) for a
    language ("en", "es"); English for any other."""
    if language == "es":
        return SPANISH_LAUNCH_PHRASES, SPANISH_ONE_SHOT_PHRASES, SPANISH_REQUEST_FIRST_CONNECTORS
    return LAUNCH_PHRASES, ONE_SHOT_PHRASES, REQUEST_FIRST_CONNECTORS


def invocation_name_problems(name: str) -> list[str]:
    """What Amazon's invocation name requirements reject in `name` (empty when none)."""
    problems: list[str] = []
    if any(ch.isdigit() for ch in name):
        problems.append("numbers must be spelled out")
    if any(ch.isalpha() and ch != ch.lower() for ch in name):
        problems.append("must be lower case")
    bad = sorted({ch for ch in name if not (ch.isalpha() or ch.isdigit() or ch in " '.")})
    if bad:
        problems.append("may contain only lower-case letters, spaces, apostrophes and periods "
                        f"(found {' '.join(map(repr, bad))})")
    if name != " ".join(name.split()):
        problems.append("words must be separated by single spaces")
    tokens = name.lower().split()
    for token in tokens:
        if "." in token and not re.fullmatch(r"[^\W\d_]\.", token):
            problems.append(f"{token!r}: periods only follow single letters of an abbreviation, "
                            f"written like 'a. b. c.'")
            break
    words = [re.sub(r"'s?$", "", token) for token in tokens]
    if len(tokens) < 2:
        problems.append("needs at least two words (one word only for your own brand)")
    elif len(tokens) == 2 and TWO_WORD_FORBIDDEN & set(words):
        found = sorted(TWO_WORD_FORBIDDEN & set(words))
        problems.append(f"a two-word name may not contain {', '.join(map(repr, found))}")
    for group, label in ((WAKE_WORDS, "a wake word or 'skill'/'app'"),
                         (LAUNCH_WORDS, "a launch word"),
                         (CONNECTING_WORDS, "a connecting word")):
        hits = [word for word in words if word in group]
        if hits:
            problems.append(f"contains {label}: {', '.join(map(repr, hits))}")
    return problems
