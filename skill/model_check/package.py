"""A whole skill package: every locale's model, their agreement, and skill.json."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skill.model_check.code_agreement import required_intent_problems
from skill.model_check.examples import example_phrase_problems
from skill.model_check.files import MODEL_DIR, model_locales, model_path
from skill.model_check.language import check_model_data
from skill.model_check.locales import Shape, locale_agreement_problems, shape
from skill.model_check.manifest import check_manifest, privacy_problems, read_manifest
from skill.model_check.permissions import check_permissions
from skill.model_check.problems import Problem, Report
from skill.model_check.scope import MIN_SAMPLES
from skill.publishing import Publishing


def check_package(model_dir: Path = MODEL_DIR, locales: Sequence[str] | None = None,
                  min_samples: int = MIN_SAMPLES, *, ready: bool = False,
                  publishing: Publishing | None = None) -> Report:
    """Check the model of each locale (every one found when `locales` is None) and skill.json.

    `ready`: the package is about to be submitted, so a missing or placeholder privacy or terms
    address is an error, and with `publishing` the addresses must be that file's and its
    contact must be given.
    """
    report = Report()
    shapes: dict[str, Shape] = {}
    models: dict[str, Any] = {}
    every_locale = locales is None
    wanted = model_locales(model_dir) if locales is None else list(locales)
    if not wanted:
        folder = model_dir / "interactionModels" / "custom"
        report.problems.append(Problem("$", f"no interaction models (<locale>.json) in {folder}",
                                       str(folder)))
    for locale in wanted:
        path = model_path(locale, model_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            report.problems.append(Problem("$", f"cannot read the model ({exc})", path.name))
            continue
        report.locales.append(locale)
        report.problems += check_model_data(data, path.name, min_samples)
        report.problems += required_intent_problems(data, path.name)
        found = shape(data)
        if found is not None:
            shapes[locale] = found
        try:
            language_model = data["interactionModel"]["languageModel"]
            models[locale] = language_model
            report.intents += len(language_model["intents"])
            report.samples += sum(len(i.get("samples", [])) for i in language_model["intents"])
        except (KeyError, TypeError, AttributeError):
            pass
    report.problems += locale_agreement_problems(shapes)
    manifest, unreadable = read_manifest(model_dir)
    report.problems += unreadable
    if manifest is not None:
        report.problems += check_manifest(model_dir, report.locales, every_locale, manifest)
        report.problems += example_phrase_problems(manifest, models)
        report.problems += privacy_problems(manifest, ready, publishing)
        report.problems += check_permissions(manifest, models)
    return report
