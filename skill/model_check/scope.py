"""One language model under check: what the rule families read and where they report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skill.model_check.problems import Problem

MIN_SAMPLES = 8


@dataclass
class Intent:
    """An intent as the checks see it, once its name, slots and samples were read."""

    index: int  # in the scope's list of intents
    name: str
    path: str
    slots: dict[str, str]  # slot name -> type name
    raw_slots: list[Any]
    samples: list[tuple[int, str]] = field(default_factory=list)  # (index, text) of good ones


class ModelScope:
    """One `languageModel` object; each rule family reads it and adds to `problems`."""

    def __init__(self, model: Any, file: str, min_samples: int, base: str) -> None:
        self.model = model
        self.file = file
        self.min_samples = min_samples
        self.base = base
        self.problems: list[Problem] = []
        self.intents: list[Intent] = []
        self.type_values: dict[str, dict[tuple[str, ...], str]] = {}  # type -> phrase -> id
        self.type_paths: dict[str, str] = {}
        self.type_raw: dict[str, dict[str, Any]] = {}

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.file))

    def warn(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.file, warning=True))
