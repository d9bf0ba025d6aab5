"""Fixtures for the whole-stack tests; the helpers themselves live in skilltest.py."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest
from skilltest import Dialog, LambdaHandler, load_lambda_handler


def pytest_configure(config: pytest.Config) -> None:
    """Memory goes to a throwaway SQLite file, never the developer's own state directory.

    Set before any skill is built, and inherited by the servers and CLIs tests start.
    """
    if "NECK_TWITCH_STORAGE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="neck-twitch-test-")
        os.environ["NECK_TWITCH_STORAGE"] = f"sqlite:{folder}/memory.sqlite3"


@pytest.fixture(autouse=True)
def _fresh_process_skill() -> Iterator[None]:
    """The process's skill (`get_skill`, built once from the environment) is built again after
    a test that may have changed SKILL_ID or the storage, never carried into the next."""
    yield
    from skill.alexa.builder import get_skill

    get_skill.cache_clear()


@pytest.fixture(scope="session")
def lambda_handler() -> LambdaHandler:
    return load_lambda_handler()


@pytest.fixture
def dialog(lambda_handler: LambdaHandler) -> Dialog:
    return Dialog(lambda_handler)
