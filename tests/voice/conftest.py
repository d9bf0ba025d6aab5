"""Desk-voice fixtures: real audio needs pocketsphinx (the `voice` extra), espeak-ng and sox.

Without them the audio tests do not run; they are never skipped silently: under CI=true they
fail, saying what is missing, and otherwise the run ends with a note on how to run them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from skill.voice.synth import AudioCache

HOW_TO_RUN = (
    "to run them: sudo apt-get install espeak-ng sox libportaudio2 && "
    ".venv/bin/pip install -e '.[voice]' && .venv/bin/pytest tests/voice"
)
_not_run: list[str] = []


def missing_voice_tools() -> list[str]:
    missing = []
    if importlib.util.find_spec("pocketsphinx") is None:
        missing.append("pocketsphinx (pip install -e '.[voice]')")
    missing.extend(f"{tool} (apt-get install {tool})" for tool in ("espeak-ng", "sox")
                   if shutil.which(tool) is None)
    return missing


@pytest.fixture(scope="session", autouse=True)
def _voice_cache_in_a_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """`neck-twitch talk` caches its language models under $XDG_CACHE_HOME: not the tester's."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def voice_tools() -> None:
    """Every audio test asks for this: fail under CI, skip loudly elsewhere."""
    missing = missing_voice_tools()
    if not missing:
        return
    message = f"voice tests need {', '.join(missing)}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; CI=true, so this is a failure, not a skip; {HOW_TO_RUN}")
    _not_run.append(message)
    pytest.skip(f"{message}; {HOW_TO_RUN}")


@pytest.fixture(scope="session")
def audio_cache(tmp_path_factory: pytest.TempPathFactory, voice_tools: None) -> AudioCache:
    """Synthesised answers, made once per session."""
    return AudioCache(tmp_path_factory.mktemp("voice-audio"))


@pytest.fixture(scope="session")
def audio_dir(audio_cache: AudioCache) -> Path:
    return audio_cache.folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _not_run:
        terminalreporter.write_sep("=", "desk voice tests did not run", yellow=True)
        terminalreporter.write_line(f"{_not_run[0]}; {HOW_TO_RUN}")
