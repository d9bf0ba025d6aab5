"""Read an ASK interaction model file into the few plain values the simulator's NLU needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill.simulator.errors import SimulatorError, read_json

_LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")
_SLOT_REF = re.compile(r"\{([^{}]*)\}")


def repo_root() -> Path:
    """The directory that holds `skill/` and `interaction_model/` in a source checkout."""
    import skill

    return Path(skill.__file__).resolve().parents[1]


def default_model_dir() -> Path:
    return repo_root() / "interaction_model" / "interactionModels" / "custom"


@dataclass(frozen=True)
class SlotTypeValue:
    id: str
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class IntentDef:
    name: str
    slots: dict[str, str]  # slot name -> slot type
    samples: tuple[str, ...]


@dataclass(frozen=True)
class InteractionModel:
    locale: str
    invocation_name: str
    intents: dict[str, IntentDef]
    slot_types: dict[str, tuple[SlotTypeValue, ...]]
    source: Path


def check_locale(locale: str) -> str:
    if not _LOCALE.match(locale):
        raise SimulatorError(f"unknown locale {locale!r}: expected a form like en-US")
    return locale


def model_path(locale: str, model_dir: Path | None = None) -> Path:
    """The model file for a locale, or a one-line error listing the locales that exist."""
    check_locale(locale)
    directory = model_dir or default_model_dir()
    path = directory / f"{locale}.json"
    if not path.is_file():
        available = sorted(p.stem for p in directory.glob("*.json")) if directory.is_dir() else []
        known = ", ".join(available) if available else "none"
        raise SimulatorError(
            f"unknown locale {locale!r}: no interaction model at {path} (available: {known})"
        )
    return path


def load_model(path: Path, locale: str | None = None) -> InteractionModel:
    """Parse and check one `<locale>.json`; every problem is a SimulatorError naming the file."""
    data = read_json(path, "interaction model")
    return parse_model(data, path, locale or path.stem)


def _need(value: Any, kind: type, where: str, path: Path) -> Any:
    if not isinstance(value, kind):
        raise SimulatorError(
            f"malformed interaction model {path}: {where} should be a {kind.__name__}"
        )
    return value


def parse_model(data: Any, path: Path, locale: str) -> InteractionModel:
    _need(data, dict, "the top level", path)
    lm = _need(
        _need(data.get("interactionModel"), dict, "interactionModel", path).get("languageModel"),
        dict,
        "interactionModel.languageModel",
        path,
    )
    invocation = _need(lm.get("invocationName"), str, "languageModel.invocationName", path)
    slot_types: dict[str, tuple[SlotTypeValue, ...]] = {}
    for i, raw_type in enumerate(_need(lm.get("types", []), list, "languageModel.types", path)):
        where = f"languageModel.types[{i}]"
        _need(raw_type, dict, where, path)
        type_name = _need(raw_type.get("name"), str, f"{where}.name", path)
        values: list[SlotTypeValue] = []
        for j, raw_value in enumerate(_need(raw_type.get("values", []), list, where, path)):
            vwhere = f"{where}.values[{j}].name"
            name = _need(_need(raw_value, dict, vwhere, path).get("name"), dict, vwhere, path)
            value = _need(name.get("value"), str, f"{vwhere}.value", path)
            synonyms = _need(name.get("synonyms", []), list, f"{vwhere}.synonyms", path)
            value_id = raw_value.get("id")
            values.append(
                SlotTypeValue(
                    id=value_id if isinstance(value_id, str) and value_id else value,
                    name=value,
                    synonyms=tuple(s for s in synonyms if isinstance(s, str)),
                )
            )
        slot_types[type_name] = tuple(values)
    intents: dict[str, IntentDef] = {}
    for i, raw_intent in enumerate(_need(lm.get("intents"), list, "languageModel.intents", path)):
        where = f"languageModel.intents[{i}]"
        _need(raw_intent, dict, where, path)
        name = _need(raw_intent.get("name"), str, f"{where}.name", path)
        slots: dict[str, str] = {}
        for j, raw_slot in enumerate(_need(raw_intent.get("slots", []), list, where, path)):
            swhere = f"{where}.slots[{j}]"
            _need(raw_slot, dict, swhere, path)
            slot_name = _need(raw_slot.get("name"), str, f"{swhere}.name", path)
            slots[slot_name] = _need(raw_slot.get("type"), str, f"{swhere}.type", path)
        samples = _need(raw_intent.get("samples", []), list, f"{where}.samples", path)
        for sample in samples:
            _need(sample, str, f"{where}.samples", path)
            for ref in _SLOT_REF.findall(sample):
                if ref not in slots:
                    raise SimulatorError(
                        f"malformed interaction model {path}: intent {name} sample {sample!r} "
                        f"uses slot {{{ref}}} that the intent does not declare"
                    )
        intents[name] = IntentDef(name=name, slots=slots, samples=tuple(samples))
    return InteractionModel(
        locale=locale,
        invocation_name=invocation,
        intents=intents,
        slot_types=slot_types,
        source=path,
    )
