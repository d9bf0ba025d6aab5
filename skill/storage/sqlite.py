"""The embedded default: memory in one SQLite file, safe for several processes and threads.

Each change to an account's item is one `BEGIN IMMEDIATE` transaction (read, change one
person's entry, write), so concurrent turns of one household are serialised by SQLite itself;
the threads of one process queue on a lock first (SQLite's own wait is a sleep that favours
no one). Commits are not flushed to disk one by one (WAL with `synchronous=NORMAL`: a power cut
can lose the last moments of memory, never corrupt it), so a write holds the lock for well
under a millisecond. A busy file is waited for `BUDGET_SECONDS` at most; a deleted file is made
again, private, on the next turn; a row that is not the current layout is moved to `set_aside`.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ask_sdk_core.exceptions import PersistenceException

from skill.storage import (
    BUDGET_SECONDS,
    TTL_DAYS,
    Change,
    HouseholdAdapter,
    People,
    hashed_user_id,
    layout,
    people_of,
)

logger = logging.getLogger(__name__)

PURGE_EVERY_SECONDS = 60

_SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS memory (
        id TEXT PRIMARY KEY,          -- HMAC of the Alexa user id, never the id itself
        attributes TEXT NOT NULL,     -- JSON
        expires_at INTEGER NOT NULL   -- Unix seconds; expired rows are never read, and are purged
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS set_aside (  -- rows that could not be read, kept as they were
        id TEXT NOT NULL,
        attributes TEXT NOT NULL,
        set_aside_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL           -- purged like memory; deleted with the account
    )
    """,
)


class SQLiteAdapter(HouseholdAdapter):
    """An ASK SDK persistence adapter on SQLite (stdlib), with the DynamoDB adapter's contract
    and atomic per-person changes (HouseholdAdapter)."""

    def __init__(self, path: Path, *, ttl_days: int = TTL_DAYS,
                 clock: Callable[[], float] = time.time,
                 keygen: Callable[[Any], str] = hashed_user_id,
                 busy_timeout: float = BUDGET_SECONDS) -> None:
        self.path = path
        self.ttl_seconds = ttl_days * 86400
        self.clock = clock
        self.keygen = keygen
        self.busy_timeout = busy_timeout
        self._ready = False
        self._writing = threading.Lock()  # this process's writers, one at a time
        self._last_purge = 0.0

    def prepare(self) -> None:
        """Create the file and its folder, or make existing ones private, now rather than at
        the first request. Raises PersistenceException (with a one-line message) if it cannot."""
        with self._connect():
            pass

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready or not self.path.exists():
                # First use, or the file was deleted: (re)made private before SQLite opens it,
                # and SQLite is never the one to create it (with the umask's mode).
                self._ready = False
                _make_private(self.path)
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                         timeout=self.busy_timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise PersistenceException(f"cannot open {self.path}: {exc}") from exc
        try:
            if not self._ready:
                connection.execute("PRAGMA journal_mode=WAL")
                for statement in _SCHEMA:
                    connection.execute(statement)
                self._ready = True
            connection.execute("PRAGMA synchronous=NORMAL")
            yield connection
        except sqlite3.Error as exc:
            self._ready = False  # look again next time (a table dropped, a file replaced)
            raise PersistenceException(f"{self.path}: {exc}") from exc
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (no read-then-upgrade deadlock), after this
        process's other writers (within the same budget)."""
        if not self._writing.acquire(timeout=self.busy_timeout):
            raise PersistenceException(f"{self.path}: busy for over {self.busy_timeout} s")
        try:
            with self._connect() as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
        finally:
            self._writing.release()

    # --- the ASK SDK's interface: the account's whole item ----------------------------------

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
        with self._transaction() as db:
            self._put(db, key, attributes, now)

    def delete_attributes(self, request_envelope: Any) -> None:
        self.delete_account(request_envelope)

    # --- one person at a time -----------------------------------------------------------------

    def read_people(self, request_envelope: Any) -> People:
        key = self.keygen(request_envelope)
        now = int(self.clock())
        with self._connect() as db:
            row = db.execute("SELECT attributes, expires_at FROM memory WHERE id = ?",
                             (key,)).fetchone()
        if row is None or row[1] <= now:
            return {}
        people = _parsed(row[0])
        if people is not None:
            return people
        with self._transaction() as db:  # set aside, unless a write replaced it meanwhile
            self._current(db, key, now, forgetting=False)
        return {}

    def update_people(self, request_envelope: Any, change: Change, *,
                      forgetting: bool = False) -> None:
        key = self.keygen(request_envelope)
        now = int(self.clock())
        with self._transaction() as db:
            people = change(self._current(db, key, now, forgetting=forgetting))
            if people:
                self._put(db, key, layout(people), now)
            else:
                db.execute("DELETE FROM memory WHERE id = ?", (key,))

    def delete_account(self, request_envelope: Any) -> None:
        key = self.keygen(request_envelope)
        with self._transaction() as db:
            db.execute("DELETE FROM memory WHERE id = ?", (key,))
            db.execute("DELETE FROM set_aside WHERE id = ?", (key,))

    def _current(self, db: sqlite3.Connection, key: str, now: int, *,
                 forgetting: bool) -> People:
        """The entries in the item now, inside a write transaction. An unreadable row is moved
        to `set_aside` (or, when the person is deleting their data, deleted with everything
        set aside for the account), and the account starts fresh."""
        row = db.execute("SELECT attributes, expires_at FROM memory WHERE id = ?",
                         (key,)).fetchone()
        if row is None or row[1] <= now:
            return {}
        people = _parsed(row[0])
        if people is not None:
            return people
        db.execute("DELETE FROM memory WHERE id = ?", (key,))
        if forgetting:
            db.execute("DELETE FROM set_aside WHERE id = ?", (key,))
            logger.warning("deleted an unreadable memory row")
        else:
            db.execute("INSERT INTO set_aside (id, attributes, set_aside_at, expires_at) "
                       "VALUES (?, ?, ?, ?)", (key, row[0], now, now + self.ttl_seconds))
            logger.warning("set aside an unreadable memory row; its account starts afresh")
        return {}

    def _put(self, db: sqlite3.Connection, key: str, attributes: dict[str, Any],
             now: int) -> None:
        db.execute(
            "INSERT OR REPLACE INTO memory (id, attributes, expires_at) VALUES (?, ?, ?)",
            (key, json.dumps(attributes, separators=(",", ":")), now + self.ttl_seconds))
        if now - self._last_purge >= PURGE_EVERY_SECONDS or now < self._last_purge:
            # Expired rows are never read; purged once a minute per process, not every write.
            self._last_purge = now
            db.execute("DELETE FROM memory WHERE expires_at <= ?", (now,))
            db.execute("DELETE FROM set_aside WHERE expires_at <= ?", (now,))


def _parsed(text: Any) -> People | None:
    try:
        return people_of(json.loads(text))
    except (TypeError, ValueError, RecursionError):
        return None


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
