"""A value made on a background thread and waited for where it is first needed.

`neck-twitch talk` starts speaking before everything the listening needs is loaded (see
`skill.voice.startup`); what is not needed yet is made by a `Later`, on a thread of its own or,
if nobody started it, by the first caller of `get`. An error raised while making it is raised
again to every caller of `get`, in the caller's thread, as if made there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Later(Generic[T]):
    """`make()`, once: on a thread after `start`, else by the first `get`."""

    def __init__(self, make: Callable[[], T], name: str = "later") -> None:
        self._make = make
        self._name = name
        self._lock = threading.Lock()
        self._started = False
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None

    @property
    def started(self) -> bool:
        return self._started

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _claim(self) -> bool:
        """True for the one caller that makes the value."""
        with self._lock:
            if self._started:
                return False
            self._started = True
            return True

    def _run(self) -> None:
        try:
            self._value = self._make()
        except BaseException as exc:  # raised again in every caller of get()
            self._error = exc
        finally:
            self._done.set()

    def start(self) -> None:
        """Make the value on a daemon thread (nothing if it is made or being made already)."""
        if self._claim():
            threading.Thread(target=self._run, name=self._name, daemon=True).start()

    def get(self) -> T:
        """The value: made here if nobody started it, else waited for."""
        if self._claim():
            self._run()
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set when no error
