"""Screens for devices with a display (APL): pick the document, build its datasource.

Imported only for a request from a device that supports APL. The documents are the JSON files
beside this module, read once per process and merged with `common.json` (the sizes, colours,
styles and layouts every screen shares, defined here rather than imported from Amazon's CDN).
The words come from `skill.content.render` (`question_screen`, `outcome_screen`, ...); this
module adds what a touch sends back, as skill.alexa.constants spells it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skill.alexa import constants as names

if TYPE_CHECKING:
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

APL_DIR = Path(__file__).parent
DOCUMENTS = ("question", "outcome", "emergency", "message")
TOKEN_PREFIX = "neckTwitchCheck."


class ScreenError(ValueError):
    """A screen names no document the skill has."""


def document_name(screen: dict[str, Any]) -> str:
    """Which document shows `screen`: one per kind, and the emergency outcome its own."""
    kind = screen.get("kind")
    if kind == "outcome":
        return "emergency" if screen.get("tier") == "emergency" else "outcome"
    if kind in ("question", "message"):
        return str(kind)
    raise ScreenError(f"no document for a screen of kind {kind!r}")


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((APL_DIR / f"{name}.json").read_bytes())
    return data


@cache
def document(name: str) -> dict[str, Any]:
    """The document as sent: its own file with the shared resources, styles and layouts.

    Cached and shared between responses: never modify it.
    """
    if name not in DOCUMENTS:
        raise ScreenError(f"no APL document named {name!r}")
    own, common = _read(name), _read("common")
    merged = dict(own)
    # The document's own resources come last, so that they override the shared ones.
    merged["resources"] = [*common["resources"], *own.get("resources", [])]
    merged["styles"] = {**common["styles"], **own.get("styles", {})}
    layouts = {**own.get("layouts", {})}
    # Only the shared layouts this document uses, and the ones they use in turn.
    wanted = _types(own) & set(common["layouts"])
    while wanted - set(layouts):
        for layout in sorted(wanted - set(layouts)):
            layouts[layout] = common["layouts"][layout]
        wanted |= _types(layouts) & set(common["layouts"])
    merged["layouts"] = layouts
    return merged


def _types(node: Any) -> set[str]:
    """Every component or layout type named anywhere in `node`."""
    if isinstance(node, dict):
        found = {node["type"]} if isinstance(node.get("type"), str) else set()
        for value in node.values():
            found |= _types(value)
        return found
    if isinstance(node, list):
        return set().union(*(_types(item) for item in node)) if node else set()
    return set()


def datasource(screen: dict[str, Any]) -> dict[str, Any]:
    """The document's `screen` datasource: the words, and what each touch target sends."""
    shown = dict(screen)
    if shown.get("kind") == "question":
        question = str(shown["id"])
        choices: list[dict[str, str]] = []
        toggles: list[str] = []
        for factor, label in shown.pop("factors", {}).items():
            toggles.append(f"{names.FACTOR_TOGGLE}{factor}")
            choices.append({"kind": "toggle", "id": toggles[-1], "label": label,
                            "action": "", "value": factor})
        if toggles:
            choices.append({"kind": "answer", "id": "answer-none", "label": shown.pop("none"),
                            "action": names.TAP_ANSWER, "value": "no"})
            choices.append({"kind": "done", "id": "lifestyle-done", "label": shown.pop("done"),
                            "action": names.TAP_LIFESTYLE, "value": ""})
        for value, label in shown.pop("answers", {}).items():
            choices.append({"kind": "answer", "id": f"answer-{value}", "label": label,
                            "action": names.TAP_ANSWER, "value": value})
        actions = [{"id": f"action-{action}", "label": label, "action": action}
                   for action, label in ((names.TAP_WHY, shown.pop("why", "")),
                                         (names.TAP_BACK, shown.pop("back", "")))
                   if label]
        # More than three choices (the lifestyle factors) take smaller touch targets.
        shown.update(id=question, choices=choices, toggles=toggles, actions=actions,
                     compact=len(choices) > 3)
    return {"screen": shown}


def directive(screen: dict[str, Any]) -> RenderDocumentDirective:
    """The RenderDocument directive that shows `screen`."""
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    name = document_name(screen)
    return RenderDocumentDirective(token=f"{TOKEN_PREFIX}{name}", document=document(name),
                                   datasources=datasource(screen))
