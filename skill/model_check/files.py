"""Where a skill package keeps its models, and reading them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parents[2] / "interaction_model"
LANGUAGE_MODEL_PATH = "$.interactionModel.languageModel"


def model_path(locale: str, model_dir: Path = MODEL_DIR) -> Path:
    return model_dir / "interactionModels" / "custom" / f"{locale}.json"


def model_locales(model_dir: Path = MODEL_DIR) -> list[str]:
    """The locales that have a model file in a skill package, sorted."""
    folder = model_dir / "interactionModels" / "custom"
    return sorted(path.stem for path in folder.glob("*.json") if path.is_file())


def load_model(path: Path) -> dict[str, Any]:
    """The `languageModel` of a model file (raises OSError, ValueError, KeyError, TypeError)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    model: dict[str, Any] = data["interactionModel"]["languageModel"]
    return model
