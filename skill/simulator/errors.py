"""The one exception the simulator raises for bad input: its message is the whole report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class SimulatorError(Exception):
    """A problem the user can fix (bad file, bad locale, unreachable endpoint); one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


def read_text(path: Path, what: str) -> str:
    """The file's text; a missing, unreadable or non-UTF-8 file is a SimulatorError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SimulatorError(f"{what} not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SimulatorError(f"cannot read {what} {path}: {exc}") from None


def read_json(path: Path, what: str) -> Any:
    """The file's JSON; unreadable or malformed is a SimulatorError naming the file and place."""
    try:
        return json.loads(read_text(path, what))
    except json.JSONDecodeError as exc:
        raise SimulatorError(
            f"malformed {what} {path}: line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
