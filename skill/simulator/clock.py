"""The simulated time: now, moved forward by the REPL's `:later` (reminders go off on it)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset

    def stamp(self) -> str:
        """An envelope's timestamp."""
        return self.now().strftime("%Y-%m-%dT%H:%M:%SZ")

    def forward(self, by: timedelta) -> None:
        self.offset += by
