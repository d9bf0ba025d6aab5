"""`neck-twitch check-model`: the interaction model agrees with the handlers and the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

MODEL_DIR = Path(__file__).resolve().parents[1] / "interaction_model"
_SLOT_REF = re.compile(r"\{(\w+)\}")


def model_path(locale: str, model_dir: Path = MODEL_DIR) -> Path:
    return model_dir / "interactionModels" / "custom" / f"{locale}.json"


def load_model(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    model: dict[str, Any] = data["interactionModel"]["languageModel"]
    return model


def model_problems(model: dict[str, Any], min_samples: int = 8) -> list[str]:
    """Every disagreement between a language model and the code, as readable lines."""
    from skill.alexa import constants as names
    from skill.triage import default_rules

    problems: list[str] = []
    intents = {intent["name"]: intent for intent in model.get("intents", [])}
    for missing in sorted(names.HANDLED_INTENTS - set(intents)):
        problems.append(f"intent {missing} is handled but not in the model")
    for extra in sorted(set(intents) - names.HANDLED_INTENTS):
        problems.append(f"intent {extra} is in the model but no handler serves it")
    types = {slot_type["name"]: slot_type for slot_type in model.get("types", [])}
    for name, intent in intents.items():
        samples = intent.get("samples", [])
        slots = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        if not name.startswith("AMAZON.") and len(set(samples)) < min_samples:
            problems.append(f"intent {name} has {len(set(samples))} samples, needs {min_samples}")
        for sample in samples:
            for ref in _SLOT_REF.findall(sample):
                if ref not in slots:
                    problems.append(f"intent {name} sample {sample!r} names unknown slot {ref}")
        for slot, slot_type in slots.items():
            expected = names.SLOT_TYPES.get((name, slot))
            if expected != slot_type:
                problems.append(f"slot {name}.{slot} has type {slot_type}, code expects {expected}")
            if slot_type not in types and not slot_type.startswith("AMAZON."):
                problems.append(f"slot type {slot_type} is not defined")
    signs = {q.sign for q in default_rules().questions.values() if q.sign}
    expected_ids = {"SymptomType": signs, "LearnTopicType": set(names.LEARN_TOPICS)}
    for type_name, wanted in expected_ids.items():
        values = types.get(type_name, {}).get("values", [])
        ids = {value.get("id") for value in values}
        if ids != wanted:
            problems.append(f"slot type {type_name} ids {sorted(map(str, ids))} "
                            f"differ from the code's {sorted(wanted)}")
    return problems


@click.command("check-model")
@click.option("--locale", default="en-US", show_default=True)
@click.option("--model-dir", type=click.Path(path_type=Path, file_okay=False), default=MODEL_DIR,
              show_default=True, help="An ASK CLI skill package folder.")
def check_model(locale: str, model_dir: Path) -> None:
    """Check an interaction model against the skill's handlers and triage rules."""
    path = model_path(locale, model_dir)
    try:
        model = load_model(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{path}: cannot read the model ({exc})") from exc
    problems = model_problems(model)
    for problem in problems:
        click.echo(f"{path.name}: {problem}", err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {path}")
    click.echo(f"{path.name}: {len(model['intents'])} intents agree with the skill")
