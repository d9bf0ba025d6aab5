"""The model agrees with the code: handled intents, the slots the code reads, slot type ids,
and the built-in intents every model needs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from skill.model_check.files import LANGUAGE_MODEL_PATH
from skill.model_check.problems import Problem, index
from skill.model_check.scope import ModelScope

# Amazon requires these in every custom model (certification: help, stop, cancel; navigation
# home for screen devices; fallback for out-of-domain speech).
REQUIRED_BUILT_INS = ("AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
                      "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent")


def expected_type_ids() -> tuple[dict[str, frozenset[str]], list[str]]:
    """Slot type -> the ids the code expects (`skill.alexa.constants.SLOT_TYPE_IDS`), and any
    trouble reading them."""
    from skill.alexa import constants as names

    table: Any = getattr(names, "SLOT_TYPE_IDS", None)
    if not isinstance(table, Mapping):
        return {}, ["skill.alexa.constants.SLOT_TYPE_IDS is not a mapping"]
    expected: dict[str, frozenset[str]] = {}
    trouble: list[str] = []
    for type_name, ids in table.items():
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            trouble.append(f"the ids of slot type {type_name} are not a collection")
            continue
        expected[str(type_name)] = frozenset(str(item) for item in ids)
    return expected, trouble


def check_code_agreement(scope: ModelScope) -> None:
    from skill.alexa import constants as names

    path = f"{scope.base}.intents"
    modelled = {intent.name for intent in scope.intents}
    for missing in sorted(names.HANDLED_INTENTS - modelled):
        scope.error(path, f"intent {missing} is handled but not in the model")
    for intent in scope.intents:
        if intent.name not in names.HANDLED_INTENTS:
            scope.error(intent.path, f"intent {intent.name} is in the model but no handler "
                                     f"serves it")
    wanted: dict[str, dict[str, str]] = {}
    for (intent_name, slot), slot_type in names.SLOT_TYPES.items():
        wanted.setdefault(intent_name, {})[slot] = slot_type
    for intent in scope.intents:
        expected = wanted.get(intent.name, {})
        for j, slot in enumerate(intent.raw_slots):
            if not isinstance(slot, dict) or slot.get("name") not in intent.slots:
                continue
            name, slot_type = slot["name"], slot["type"]
            spath = index(f"{intent.path}.slots", j)
            if name not in expected:
                scope.error(spath, f"slot {intent.name}.{name} is not one the code reads "
                                   f"(skill.alexa.constants.SLOT_TYPES)")
            elif expected[name] != slot_type:
                scope.error(f"{spath}.type", f"slot {intent.name}.{name} has type "
                                             f"{slot_type}, code expects {expected[name]}")
        for name in sorted(set(expected) - set(intent.slots)):
            scope.error(intent.path, f"slot {intent.name}.{name} is read by the code but not "
                                     f"declared (type {expected[name]})")
    expected_ids, trouble = expected_type_ids()
    for message in trouble:
        scope.error(f"{scope.base}.types", message)
    for type_name, ids in sorted(expected_ids.items()):
        _check_type_ids(scope, type_name, ids)


def _check_type_ids(scope: ModelScope, type_name: str, wanted: frozenset[str]) -> None:
    tpath = scope.type_paths.get(type_name)
    if tpath is None:
        scope.error(f"{scope.base}.types", f"slot type {type_name} is not in the model "
                                           f"(the code expects ids {sorted(wanted)})")
        return
    values = scope.type_raw[type_name].get("values")
    found: set[str] = set()
    for v, value in enumerate(values if isinstance(values, list) else []):
        value_id = value.get("id") if isinstance(value, dict) else None
        if not isinstance(value_id, str):
            scope.error(index(f"{tpath}.values", v), f"slot type {type_name}: a value has no "
                                                     f"id (the code reads ids)")
            continue
        found.add(value_id)
        if value_id not in wanted:
            scope.error(f"{index(f'{tpath}.values', v)}.id",
                        f"slot type {type_name}: id {value_id!r} is not one the code knows")
    missing = sorted(wanted - found)
    if missing:
        scope.error(f"{tpath}.values", f"slot type {type_name} ids differ from the code's: "
                                       f"no value with id {', '.join(map(repr, missing))}")


def required_intent_problems(data: Any, file: str) -> list[Problem]:
    """Every required built-in intent is in a parsed model file."""
    try:
        names = {intent["name"] for intent in data["interactionModel"]["languageModel"]["intents"]}
    except (KeyError, TypeError):
        return []
    return [Problem(f"{LANGUAGE_MODEL_PATH}.intents",
                    f"required built-in intent {name} is missing", file)
            for name in REQUIRED_BUILT_INS if name not in names]
