"""The embedded default: memory in one SQLite file, safe for several processes."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

from skill.storage import TTL_DAYS, hashed_user_id

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (
    id TEXT PRIMARY KEY,          -- HMAC of the Alexa user id, never the id itself
    attributes TEXT NOT NULL,     -- JSON
    expires_at INTEGER NOT NULL   -- Unix seconds; expired rows are never read, and are purged
)
"""


class SQLiteAdapter(AbstractPersistenceAdapter):
    """An ASK SDK persistence adapter on SQLite (stdlib), with the DynamoDB adapter's contract."""

    def __init__(self, path: Path, *, ttl_days: int = TTL_DAYS,
                 clock: Callable[[], float] = time.time,
                 keygen: Callable[[Any], str] = hashed_user_id) -> None:
        self.path = path
        self.ttl_seconds = ttl_days * 86400
        self.clock = clock
        self.keygen = keygen
        self._ready = False

    def prepare(self) -> None:
        """Create the file and its folder, or make existing ones private, now rather than at
        the first request. Raises PersistenceException (with a one-line message) if it cannot."""
        with self._connect():
            pass

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                _make_private(self.path)
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise PersistenceException(f"cannot open {self.path}: {exc}") from exc
        try:
            if not self._ready:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(_SCHEMA)
                self._ready = True
            yield connection
        except sqlite3.Error as exc:
            raise PersistenceException(f"{self.path}: {exc}") from exc
        finally:
            connection.close()

    def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
        key = self.keygen(request_envelope)
        with self._connect() as db:
            row = db.execute("SELECT attributes FROM memory WHERE id = ? AND expires_at > ?",
                             (key, int(self.clock()))).fetchone()
        if row is None:
            return {}
        try:
            data = json.loads(row[0])
        except ValueError as exc:
            raise PersistenceException("stored attributes are not JSON") from exc
        return data if isinstance(data, dict) else {}

    def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
        key = self.keygen(request_envelope)
        now = int(self.clock())
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO memory (id, attributes, expires_at) VALUES (?, ?, ?)",
                (key, json.dumps(attributes, separators=(",", ":")), now + self.ttl_seconds))
            db.execute("DELETE FROM memory WHERE expires_at <= ?", (now,))

    def delete_attributes(self, request_envelope: Any) -> None:
        key = self.keygen(request_envelope)
        with self._connect() as db:
            db.execute("DELETE FROM memory WHERE id = ?", (key,))


def _make_private(path: Path) -> None:
    """Health data: the folder 0700 and the file (and SQLite's -wal, -shm and -journal files)
    0600, created so or tightened when they exist with looser modes. A folder shared with
    others (sticky bit, as /tmp) or anything owned by another user is refused, not changed.
    """
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _tighten(path, folder, 0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for file in (path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)):
        _tighten(path, file, 0o600)


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _tighten(path: Path, target: Path, private: int) -> None:
    """Make `target` (the memory file `path`, its folder or a side file) `private`, or refuse."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return
    folder = target == path.parent
    if not folder and not stat.S_ISREG(status.st_mode):
        return  # a folder where the file should be: opening it fails with its own error
    mode = stat.S_IMODE(status.st_mode)
    if not mode & 0o077:
        return
    kind = "folder" if folder else "file"
    what = f"memory file {path}" if target == path else f"memory file {path}: {kind} {target}"
    where = f"{what} has mode {mode:04o}, which lets other users in"
    if folder and status.st_mode & stat.S_ISVTX:
        raise PersistenceException(
            f"{where}, and it is a shared folder (sticky bit): choose a folder of your own "
            "in NECK_TWITCH_STORAGE")
    if status.st_uid != os.geteuid():
        raise PersistenceException(
            f"{where}, and it is owned by another user (uid {status.st_uid}): fix it or "
            "choose another path in NECK_TWITCH_STORAGE")
    try:
        os.chmod(target, private)
    except OSError as exc:
        raise PersistenceException(
            f"{where}, and it could not be changed to {private:04o} "
            f"({exc.strerror or type(exc).__name__}): run chmod {private:o} {target}") from None
    logger.warning("made %s private (mode %04o -> %04o)", target, mode, private)
