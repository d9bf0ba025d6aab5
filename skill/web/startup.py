"""What the web service checks before it serves anything.

Each refusal is one line saying what to do. `create_app` raises `ConfigurationError` with it;
under gunicorn, `skill.web.gunicorn_conf` runs the same checks in the master process, prints
the line and exits non-zero before any worker starts; `neck-twitch serve` prints it as a usage
error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from skill.storage import DEFAULT_SALT, SALT_ENV, STORAGE_ENV, StorageConfigError

SKILL_ID_ENV = "SKILL_ID"
# Set to 1 to answer signed requests for any skill (the `--any-skill` of `neck-twitch serve`).
ANY_SKILL_ENV = "NECK_TWITCH_ANY_SKILL"
PORT_ENV = "PORT"
MIN_SALT_LENGTH = 16
# amzn1.ask.skill.<uuid> (and the older amzn1.echo-sdk-ams.app.<uuid>): no spaces, no padding.
_SKILL_ID = re.compile(r"amzn1\.[A-Za-z0-9._-]{1,200}")


class ConfigurationError(ValueError):
    """The service cannot start as configured; the message is one line saying what to do."""


def check_skill_id(skill_id: str | None, *, any_skill: bool, verify: bool = True) -> None:
    if skill_id is None or skill_id == "":
        if verify and not any_skill:
            raise ConfigurationError(
                f"{SKILL_ID_ENV} is not set: set it to this skill's id (amzn1.ask.skill.…), "
                f"or pass --any-skill ({ANY_SKILL_ENV}=1, create_app(any_skill=True)) to answer "
                "requests for any skill")
        return
    if not _SKILL_ID.fullmatch(skill_id):
        raise ConfigurationError(
            f"{SKILL_ID_ENV} is not a skill id (amzn1.ask.skill.… with no spaces or quotes): "
            "copy it again from the developer console")


def check_salt(environ: Mapping[str, str] | None = None) -> None:
    """An id salt of the deployer's own: the built-in one is public, so hashed ids would be."""
    salt = (os.environ if environ is None else environ).get(SALT_ENV) or ""
    letters = "".join(char for char in salt.lower() if char.isalnum())
    default = "".join(char for char in DEFAULT_SALT if char.isalnum())
    if not salt.strip() or default in letters:
        raise ConfigurationError(
            f"{SALT_ENV} is unset or the built-in default: set it to a long random secret of "
            "your own (python -c 'import secrets; print(secrets.token_hex(32))'); "
            "changing it later forgets stored checks")
    if salt != salt.strip() or len(salt) < MIN_SALT_LENGTH:
        raise ConfigurationError(
            f"{SALT_ENV} is shorter than {MIN_SALT_LENGTH} characters or has spaces around it: "
            "set it to a long random secret (python -c 'import secrets; "
            "print(secrets.token_hex(32))')")


def check_production_settings(skill_id: str | None, *, any_skill: bool) -> None:
    """What a verifying (production) service needs before it starts; ConfigurationError else."""
    check_skill_id(skill_id, any_skill=any_skill)
    check_salt()


def check_port(environ: Mapping[str, str]) -> int | None:
    """`$PORT` as a port number (None when unset)."""
    value = environ.get(PORT_ENV)
    if value is None or value == "":
        return None
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ConfigurationError(f"{PORT_ENV} must be a port number from 1 to 65535")
    return int(value)


def check_storage(environ: Mapping[str, str]) -> None:
    """The memory configured can be used: a known kind, DynamoDB with a region, and a SQLite
    file that is (or can be made) private to its owner."""
    from ask_sdk_core.exceptions import PersistenceException

    from skill.storage import adapter_for, storage_spec

    try:
        adapter = adapter_for(storage_spec(environ))
    except StorageConfigError as error:
        raise ConfigurationError(str(error)) from None
    except PersistenceException as error:  # DynamoDB without a region
        raise ConfigurationError(f"{STORAGE_ENV}: {error}") from None
    except Exception as error:  # boto3 refuses in its own words
        raise ConfigurationError(
            f"{STORAGE_ENV}: the memory store cannot be set up ({type(error).__name__})"
        ) from None
    from skill.storage.sqlite import SQLiteAdapter

    if isinstance(adapter, SQLiteAdapter):
        try:
            adapter.prepare()
        except PersistenceException as error:
            raise ConfigurationError(str(error).replace("\n", " ")) from None


def startup_problem(environ: Mapping[str, str], *, verify: bool = True,
                    any_skill: bool | None = None) -> str | None:
    """Everything `create_app()` would refuse, from the environment; the first problem's line,
    or None. `any_skill` defaults to `$NECK_TWITCH_ANY_SKILL`."""
    if any_skill is None:
        any_skill = environ.get(ANY_SKILL_ENV, "").strip().lower() in ("1", "true", "yes")
    try:
        check_port(environ)
        check_skill_id(environ.get(SKILL_ID_ENV) or None, any_skill=any_skill, verify=verify)
        if verify:
            check_salt(environ)
        check_storage(environ)
    except ConfigurationError as error:
        return str(error)
    return None
