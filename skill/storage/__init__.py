"""Where a user's memory lives between sessions: SQLite by default, DynamoDB on AWS.

Keys are hashed user ids; nothing else identifying is stored. One item per Alexa account holds
one entry per person (recognised voice profile) of its household: `{"v": 2, "people": {...}}`.
Every change to an entry is atomic on the item (an SQLite transaction; a DynamoDB write on
the condition that the item is still the one read), so housemates talking at once never undo
each other: no update is lost and a deleted entry stays deleted. An item that is not in this
layout is set aside, not read, and the account starts fresh. Choose with `NECK_TWITCH_STORAGE`:
`sqlite:PATH`, `dynamodb:TABLE` or `none`. Unset: DynamoDB when `TABLE_NAME` is set (the SAM
template's memory option), none on Lambda otherwise, else a SQLite file in the user's state
directory (the simulator and the self-hosted service).
"""

from __future__ import annotations

import logging
import os
from abc import abstractmethod
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

STORAGE_ENV = "NECK_TWITCH_STORAGE"
SALT_ENV = "NECK_TWITCH_ID_SALT"
TTL_DAYS = 90
DEFAULT_SALT = "neck-twitch-check"  # set NECK_TWITCH_ID_SALT to a secret of your own
LAYOUT_VERSION = 2  # {"v": 2, "people": {hashed person id or "account": entry}}
# Storage is a convenience, never worth a slow turn: a call waits this long at most for a busy
# SQLite file (DynamoDB: skill.storage.dynamodb), and a turn whose first call failed makes no
# other (skill.alexa.memory). Alexa waits about 8 seconds for the whole turn.
BUDGET_SECONDS = 2.0
# An optimistic write that lost the race to a housemate's is tried again on the new item, for
# this long at most (DynamoDB; SQLite waits for its lock instead).
RETRY_SECONDS = 1.0

People = dict[str, Any]
Change = Callable[[People], People]


class StorageConfigError(ValueError):
    """`NECK_TWITCH_STORAGE` names no storage we know."""


def hashed_user_id(request_envelope: Any) -> str:
    """A stable key for the Alexa account that does not reveal its id (HMAC-SHA-256)."""
    try:
        user_id = request_envelope.context.system.user.user_id
    except AttributeError as exc:
        raise PersistenceException("the request has no user id to key memory by") from exc
    if not user_id:
        raise PersistenceException("the request has no user id to key memory by")
    return hashed_id(str(user_id))


def hashed_id(value: str) -> str:
    """HMAC-SHA-256 of an Alexa id with the deployer's secret: stable, and reveals nothing."""
    # Imported here: they load OpenSSL (milliseconds and megabytes), which a Lambda function
    # without the memory table never needs.
    import hashlib
    import hmac

    salt = (os.environ.get(SALT_ENV) or DEFAULT_SALT).encode("utf-8", "surrogatepass")
    # "surrogatepass": a forged id with a lone surrogate still hashes (to its own key).
    return hmac.new(salt, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def quiet_library_loggers() -> None:
    """Library loggers that print request and response bodies at DEBUG (boto3's hold stored
    answers and hashed ids) stay at WARNING, whatever the root logger's level."""
    for name in ("boto3", "botocore", "urllib3", "s3transfer"):
        logging.getLogger(name).setLevel(logging.WARNING)


def people_of(attributes: Any) -> People | None:
    """The entries of a stored item, or None when it is not in the current layout (damaged,
    or written by something else): such an item is set aside, never read."""
    if not isinstance(attributes, dict) or attributes.get("v") != LAYOUT_VERSION:
        return None
    people = attributes.get("people")
    if not isinstance(people, dict) or not all(isinstance(key, str) for key in people):
        return None
    return dict(people)


def layout(people: People) -> dict[str, Any]:
    return {"v": LAYOUT_VERSION, "people": people}


class HouseholdAdapter(AbstractPersistenceAdapter):
    """A persistence adapter that changes one person's entry at a time, atomically.

    The ASK SDK's interface (`get_attributes`, `save_attributes`, `delete_attributes`) reads
    and writes the account's whole item; a turn that read it, then wrote it back, would undo
    whatever a housemate did in between. Memory uses these methods instead.
    """

    @abstractmethod
    def read_people(self, request_envelope: Any) -> People:
        """The account's entries ({} if none, expired, or set aside as unreadable)."""

    @abstractmethod
    def update_people(self, request_envelope: Any, change: Change, *,
                      forgetting: bool = False) -> None:
        """Apply `change` to the account's current entries, atomically; an empty result
        deletes the item. Raises PersistenceException on failure. `forgetting` (a delete): an
        unreadable item is deleted, with anything set aside for the account, not set aside."""

    @abstractmethod
    def delete_account(self, request_envelope: Any) -> None:
        """Delete the account's item, and anything set aside for it."""

    def write_person(self, request_envelope: Any, person: str, entry: dict[str, Any]) -> None:
        self.update_people(request_envelope, lambda people: {**people, person: entry})

    def delete_person(self, request_envelope: Any, person: str) -> None:
        self.update_people(request_envelope, lambda people: {
            key: value for key, value in people.items() if key != person}, forgetting=True)


def default_sqlite_path(environ: Mapping[str, str]) -> Path:
    state_home = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state_home) / "neck-twitch-check" / "memory.sqlite3"


def storage_spec(environ: Mapping[str, str] | None = None) -> str:
    """The storage to use, as `kind:target`, from the environment."""
    env = os.environ if environ is None else environ
    spec = env.get(STORAGE_ENV, "").strip()
    if spec:
        return spec
    if env.get("TABLE_NAME"):
        return f"dynamodb:{env['TABLE_NAME']}"
    if env.get("AWS_LAMBDA_FUNCTION_NAME"):
        return "none"  # Lambda's disk is not durable: memory needs the DynamoDB table
    return f"sqlite:{default_sqlite_path(env)}"


def adapter_for(spec: str) -> AbstractPersistenceAdapter | None:
    """Build the persistence adapter a spec names (imports only what that kind needs)."""
    kind, _, target = spec.partition(":")
    if kind == "none" and not target:
        return None
    if kind == "sqlite" and target:
        from skill.storage.sqlite import SQLiteAdapter

        return SQLiteAdapter(Path(target).expanduser())
    if kind == "dynamodb" and target:
        from skill.storage.dynamodb import dynamodb_adapter

        return dynamodb_adapter(target)
    raise StorageConfigError(
        f"{STORAGE_ENV}={spec!r}: expected 'sqlite:PATH', 'dynamodb:TABLE' or 'none'")
