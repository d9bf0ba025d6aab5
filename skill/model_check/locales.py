"""Every locale has the same intents, slots and slot value ids (en-US's, or the first's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skill.model_check.files import LANGUAGE_MODEL_PATH
from skill.model_check.problems import Problem

Shape = dict[str, tuple[frozenset[str], frozenset[str]]]


def shape(data: Any) -> Shape | None:
    """Intent name -> (its slot name:type pairs, its slot types' value ids), or None."""
    try:
        language = data["interactionModel"]["languageModel"]
        types = {t["name"]: frozenset(str(v.get("id")) for v in t.get("values", []))
                 for t in language.get("types", [])}
        return {
            intent["name"]: (
                frozenset(f"{s['name']}:{s['type']}" for s in intent.get("slots", [])),
                frozenset(f"{s['type']}={v}" for s in intent.get("slots", [])
                          for v in types.get(s["type"], ())),
            )
            for intent in language["intents"]
        }
    except (KeyError, TypeError, AttributeError):
        return None


def locale_agreement_problems(shapes: Mapping[str, Shape]) -> list[Problem]:
    """Every locale has the same intents, slots and slot value ids (the first locale's)."""
    problems: list[Problem] = []
    if len(shapes) < 2:
        return problems
    reference = "en-US" if "en-US" in shapes else sorted(shapes)[0]
    ours = shapes[reference]
    for locale, theirs in sorted(shapes.items()):
        if locale == reference:
            continue
        file = f"{locale}.json"
        for name in sorted(set(ours) ^ set(theirs)):
            where = reference if name in ours else locale
            problems.append(Problem(f"{LANGUAGE_MODEL_PATH}.intents",
                                    f"intent {name} is only in {where}, the locales must agree",
                                    file))
        for name in sorted(set(ours) & set(theirs)):
            for part, what in ((0, "slots"), (1, "slot value ids")):
                differ = sorted(ours[name][part] ^ theirs[name][part])
                if differ:
                    problems.append(Problem(
                        f"{LANGUAGE_MODEL_PATH}.intents", f"intent {name}: {what} differ from "
                        f"{reference} ({', '.join(differ[:5])})", file))
    return problems
