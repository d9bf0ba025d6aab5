"""The embedded default: memory in one SQLite file, safe for several processes."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

from skill.storage import TTL_DAYS, hashed_user_id

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

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                # Health data: readable by its owner only (SQLite gives its -wal and -shm
                # files the database file's permissions).
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
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
