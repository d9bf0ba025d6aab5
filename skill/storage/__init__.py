"""Where a user's memory lives between sessions: SQLite by default, DynamoDB on AWS.

Keys are hashed user ids; nothing else identifying is stored. Choose with `NECK_TWITCH_STORAGE`:
`sqlite:PATH`, `dynamodb:TABLE` or `none`. Unset: DynamoDB when `TABLE_NAME` is set (the SAM
template's memory option), none on Lambda otherwise, else a SQLite file in the user's state
directory (the simulator and the self-hosted service).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

STORAGE_ENV = "NECK_TWITCH_STORAGE"
SALT_ENV = "NECK_TWITCH_ID_SALT"
TTL_DAYS = 90
DEFAULT_SALT = "neck-twitch-check"  # set NECK_TWITCH_ID_SALT to a secret of your own


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

    salt = (os.environ.get(SALT_ENV) or DEFAULT_SALT).encode()
    return hmac.new(salt, value.encode(), hashlib.sha256).hexdigest()


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
