"""One language model, every rule family in turn (each its own module)."""

from __future__ import annotations

from typing import Any

from skill.model_check import code_agreement, collisions, help_safety, samples, slot_types
from skill.model_check.files import LANGUAGE_MODEL_PATH
from skill.model_check.invocation import invocation_name_problems
from skill.model_check.problems import Problem
from skill.model_check.scope import MIN_SAMPLES, ModelScope


def check_invocation_name(scope: ModelScope) -> None:
    path = f"{scope.base}.invocationName"
    name = scope.model.get("invocationName")
    if not isinstance(name, str) or not name.strip():
        scope.error(path, "the invocation name is missing or empty")
        return
    for problem in invocation_name_problems(name):
        scope.error(path, f"invocation name {name!r}: {problem}")


def check_language_model(model: Any, file: str = "", min_samples: int = MIN_SAMPLES,
                         base: str = LANGUAGE_MODEL_PATH) -> list[Problem]:
    """Every problem in one `languageModel` object."""
    scope = ModelScope(model, file, min_samples, base)
    if not isinstance(model, dict):
        scope.error(base, "should be an object")
        return scope.problems
    check_invocation_name(scope)
    slot_types.check_types(scope)
    samples.check_intents(scope)
    code_agreement.check_code_agreement(scope)
    collisions.check_collisions(scope)
    help_safety.check_help_safety(scope)
    return scope.problems


def check_model_data(data: Any, file: str = "", min_samples: int = MIN_SAMPLES) -> list[Problem]:
    """Every problem in the parsed contents of one model file."""
    if not isinstance(data, dict) or not isinstance(data.get("interactionModel"), dict):
        return [Problem("$.interactionModel", "missing: not an interaction model file", file)]
    if "languageModel" not in data["interactionModel"]:
        return [Problem(LANGUAGE_MODEL_PATH, "missing", file)]
    return check_language_model(data["interactionModel"]["languageModel"], file, min_samples)


def model_problems(model: dict[str, Any], min_samples: int = MIN_SAMPLES) -> list[str]:
    """The messages of the errors (not the warnings) in a `languageModel`."""
    return [p.message for p in check_language_model(model, "", min_samples) if not p.warning]
