"""The one exception the simulator raises for bad input: its message is the whole report."""

from __future__ import annotations


class SimulatorError(Exception):
    """A problem the user can fix (bad file, bad locale, unreachable endpoint); one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
