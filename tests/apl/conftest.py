"""The screen tests' tools: validate and render offline, or say loudly that they did not run.

Tests marked `screens` need node, tests/apl/node/node_modules and Chromium. Where one is
missing they fail in CI (CI=true, as .ci/run and most CI services set it) and are skipped
elsewhere, with a note at the end of the run that says how to install what they need.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from apl_tools import INSTALL, missing, run_tool

Tool = Callable[[str, list[dict[str, Any]]], list[dict[str, Any]]]
_NOT_RUN: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "screens: needs node, tests/apl/node/node_modules and Chromium")


def not_run_message(lacking: str) -> str:
    """Why the screen tests did not run and how to install what they need. Chromium is named
    first when it is missing (the one tool npm cannot bring), the rest after the command."""
    items = [item.strip() for item in lacking.split(",") if item.strip()]
    first = "chromium" if "chromium" in items else items[0]
    others = [item for item in items if item != first]
    also = f" (also not found: {', '.join(others)})" if others else ""
    return (f"screen tests did not run: {first} not found. Install with: {INSTALL}; "
            f"then run: .venv/bin/pytest tests/apl{also}")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def apl_tool() -> Tool:
    """`apl_tool("validate" | "render", jobs)`: tests/apl/node/apl.js, or fail/skip."""
    lacking = missing()
    if lacking is not None:
        message = not_run_message(lacking)
        if _in_ci():
            pytest.fail(message, pytrace=False)
        _NOT_RUN.append(message)
        pytest.skip(message)
    return run_tool


@pytest.fixture(autouse=True)
def _screens_marker(request: pytest.FixtureRequest) -> None:
    """A test marked `screens` always goes through `apl_tool`, so it can never pass vacuously."""
    if request.node.get_closest_marker("screens") is not None:
        request.getfixturevalue("apl_tool")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _NOT_RUN:
        terminalreporter.section("screen tests", sep="=", yellow=True, bold=True)
        terminalreporter.write_line(f"{_NOT_RUN[0]} (with CI=true this is a failure)",
                                    yellow=True, bold=True)
