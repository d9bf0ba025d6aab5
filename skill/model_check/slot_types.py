"""Slot types: defined once, with values; no empty value, no id twice, no phrase under two ids."""

from __future__ import annotations

from typing import Any

from skill.model_check.problems import index
from skill.model_check.scope import ModelScope
from skill.model_check.words import normalise


def check_types(scope: ModelScope) -> None:
    path = f"{scope.base}.types"
    types = scope.model.get("types", [])
    if not isinstance(types, list):
        scope.error(path, "should be a list")
        return
    for t, slot_type in enumerate(types):
        tpath = index(path, t)
        if not isinstance(slot_type, dict) or not isinstance(slot_type.get("name"), str):
            scope.error(tpath, "a slot type needs a name")
            continue
        name = slot_type["name"]
        if name in scope.type_paths:
            scope.error(tpath, f"slot type {name} is defined twice (also {scope.type_paths[name]})")
            continue
        scope.type_paths[name] = tpath
        scope.type_raw[name] = slot_type
        if "valueSupplier" in slot_type and "values" not in slot_type:
            continue  # values from a catalog: nothing here to check or expand
        scope.type_values[name] = _check_values(scope, name, slot_type.get("values"), tpath)


def _check_values(scope: ModelScope, type_name: str, values: Any, tpath: str
                  ) -> dict[tuple[str, ...], str]:
    vpath = f"{tpath}.values"
    phrases: dict[tuple[str, ...], str] = {}  # normalised phrase -> id (or value) it names
    first: dict[tuple[str, ...], tuple[str, str]] = {}  # phrase -> (path, text) first seen
    if not isinstance(values, list) or not values:
        scope.error(vpath, f"slot type {type_name} has no values")
        return phrases
    ids: dict[str, str] = {}
    for v, value in enumerate(values):
        path = index(vpath, v)
        name = value.get("name") if isinstance(value, dict) else None
        if not isinstance(name, dict):
            scope.error(path, f"slot type {type_name}: a value needs a name object")
            continue
        text = name.get("value")
        value_id = value.get("id")
        if value_id is not None:
            if not isinstance(value_id, str) or not value_id.strip():
                scope.error(f"{path}.id", f"slot type {type_name}: empty id")
            elif value_id in ids:
                scope.error(f"{path}.id", f"slot type {type_name}: id {value_id!r} is used "
                                          f"twice (also {ids[value_id]})")
            else:
                ids[value_id] = f"{path}.id"
        owner = value_id if isinstance(value_id, str) and value_id else str(text)
        synonyms = name.get("synonyms", [])
        if not isinstance(synonyms, list):
            scope.error(f"{path}.name.synonyms", "should be a list")
            synonyms = []
        entries = [(f"{path}.name.value", text)]
        entries += [(index(f"{path}.name.synonyms", s), syn) for s, syn in enumerate(synonyms)]
        for entry_path, entry in entries:
            words = normalise(entry) if isinstance(entry, str) else ()
            if not words:
                scope.error(entry_path, f"slot type {type_name}: empty value or synonym")
                continue
            if words not in phrases:
                phrases[words] = owner
                first[words] = (entry_path, str(entry))
                continue
            other_path, other = first[words]
            other_path = other_path.removeprefix(f"{tpath}.")
            if phrases[words] != owner:
                scope.error(entry_path, f"slot type {type_name}: {entry!r} (id {owner!r}) and "
                                        f"{other!r} (id {phrases[words]!r}, {other_path}) are "
                                        f"the same phrase under two ids")
            else:
                scope.warn(entry_path, f"slot type {type_name}: {entry!r} repeats {other!r} "
                                       f"({other_path}) under id {owner!r}")
    return phrases
