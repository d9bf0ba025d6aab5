"""What a check finds: one `Problem` per finding (file, JSON path, message) and the `Report`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One finding: where (file and JSON path) and what. Warnings do not fail the check."""

    path: str
    message: str
    file: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class Report:
    """What `check_package` found, and what it looked at (for the summary line)."""

    problems: list[Problem] = field(default_factory=list)
    locales: list[str] = field(default_factory=list)
    intents: int = 0
    samples: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def index(path: str, i: int) -> str:
    """`path[i]`, a JSON path into a list."""
    return f"{path}[{i}]"
