"""Fixtures for the whole-stack tests (the helpers themselves live in skilltest.py), and the
`long` marker.

Tests marked `long` (the desk-voice accuracy reports, the household load test, other runs of
minutes) are left out of a plain `pytest` / `make test`, and said so at the end; `make
test-long` (`pytest -m long`) runs exactly them, and CI runs both. A test is long because it is
marked in its module or listed in LONG below (modules whose owners keep them elsewhere).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from skilltest import Dialog, LambdaHandler, load_lambda_handler

LONG_HOW = "make test-long (.venv/bin/pytest -m long)"
# Long runs marked from here: a path (every test in it) or a path and a test name's start.
LONG: tuple[tuple[str, str], ...] = (
    ("tests/voice/test_accuracy.py", ""),  # 936 recordings, and the held-out report
    ("tests/voice/test_bench_voice.py", ""),  # a whole check by voice, timed
    ("tests/test_people_corpus.py", ""),  # 817 people's lines through the simulator, twice
    ("tests/test_phrase_corpus.py", ""),  # the phrase corpora through the simulator
    ("tests/test_vignettes.py", "test_audit_report"),  # every vignette set, scored and printed
    # whole spoken checks at every noise level, and a simulated live room: accuracy runs
    ("tests/voice/test_conversations.py", "test_spoken_conversation_reaches_the_right_outcome"),
    ("tests/voice/test_live_microphone.py", ""),
    ("tests/web/test_web_gunicorn.py", "test_gunicorn_serves_concurrent_conversations"),  # load
    ("tests/deploy/test_package_zip.py", "test_bytes_do_not_depend_on_where_the_tree_is"),
)
# Long runs kept out of CI (make test-office, by hand): whole spoken checks at every noise level,
# with the office report, so that `.ci/run` stays under 20 minutes.
OFFICE: tuple[tuple[str, str], ...] = (
    ("tests/voice/test_conversations.py", "test_spoken_conversation_reaches_the_right_outcome"),
)
_left_out: list[str] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true",
                     help="also run the tests marked long (make test-long runs only them)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).resolve()
        relative = where.relative_to(root).as_posix() if where.is_relative_to(root) else ""
        for table, marker in ((LONG, pytest.mark.long), (OFFICE, pytest.mark.office)):
            if any(relative == path and item.name.startswith(name) for path, name in table):
                item.add_marker(marker)
    if config.getoption("--long") or "long" in (config.getoption("markexpr") or ""):
        return
    long = [item for item in items if item.get_closest_marker("long") is not None]
    if long:
        items[:] = [item for item in items if item.get_closest_marker("long") is None]
        config.hook.pytest_deselected(items=long)
        _left_out.extend(item.nodeid for item in long)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    if _left_out:
        terminalreporter.write_line(
            f"{len(_left_out)} long tests (marked long) are not part of this run: {LONG_HOW}")
    elif (getattr(config, "workerinput", None) is None
          and config.pluginmanager.has_plugin("xdist")
          and config.getoption("numprocesses", None) and not config.getoption("--long")
          and "long" not in (config.getoption("markexpr") or "")):
        # Spread over workers (make test), the workers collect: the count stays with them.
        terminalreporter.write_line(
            f"Long tests (marked long) are not part of this run: {LONG_HOW}")


def pytest_configure(config: pytest.Config) -> None:
    """Memory goes to a throwaway SQLite file, never the developer's own state directory.

    Set before any skill is built, and inherited by the servers and CLIs tests start.
    """
    config.addinivalue_line(
        "markers", f"long: a run of minutes (accuracy reports, load tests): {LONG_HOW}")
    config.addinivalue_line(
        "markers", "peer: the people corpus through Bespoken's virtual-alexa: make test-peer "
                   "(left out of make test-long and CI: its slots take only their own values)")
    config.addinivalue_line(
        "markers", "office: the desk voice's office report and its held-out voices, about 35 "
                   "minutes of synthesis and hearing: make test-office (left out of make "
                   "test-long and CI)")
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
