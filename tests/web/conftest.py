"""Fixtures for the web tests: production configuration, and a tally of hostile requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_certs import TALLY, TEST_ID_SALT

from skill.storage import SALT_ENV


@pytest.fixture(scope="module", autouse=True)
def _deployers_id_salt() -> Iterator[None]:
    """A salt of the deployer's own, as production needs (create_app refuses the default).

    Module-scoped (hypothesis refuses function-scoped fixtures), restored after each module.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SALT_ENV, TEST_ID_SALT)
        yield


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY["requests"]:
        terminalreporter.write_line(
            f"web: {TALLY['requests']} tampered, malformed or fuzzed requests, "
            f"{TALLY['accepted']} accepted, {TALLY['5xx']} answered 5xx"
        )
    for line in TALLY.lines:
        terminalreporter.write_line(f"web: {line}")
