"""The web and simulator benchmarks still run (their figures are read by people, not tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize(("script", "arguments", "prints"), [
    ("bench_web.py", ["--requests", "5", "--rounds", "1"], "ratio verified/unverified: "),
    ("bench_simulator.py", ["--runs", "1", "--rounds", "1"], "overhead: "),
])
def test_benchmark_runs_and_reports_its_ratio(
        script: str, arguments: list[str], prints: str, tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items() if name != "NECK_TWITCH_STORAGE"}
    env["XDG_STATE_HOME"] = str(tmp_path)  # where the default memory file would go
    result = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    # Exit 1 means "goal missed", which so few samples may well show; 2 and up is a crash.
    assert result.returncode in (0, 1), result.stderr
    assert prints in result.stdout
    assert not list(tmp_path.iterdir()), "a benchmark wrote memory into the user's state folder"
