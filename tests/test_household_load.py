"""The household load test (benchmarks/household_load.py) at full size: 12 accounts of two or
three people, 32 concurrent clients, 3,200 signed requests with deletes, against gunicorn on
loopback. A long run: `make test-long`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.long
def test_households_lose_nothing_under_load(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "household_load.py"), "--accounts", "12",
         "--requests", "3200", "--workers", "4"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "lost updates: 0, resurrected deletes: 0, crossed sessions: 0, 5xx: 0" in result.stdout


def test_the_household_load_benchmark_runs_small(tmp_path: Path) -> None:
    """The same script, small, in the default suite: it keeps working between long runs."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "household_load.py"), "--accounts", "2",
         "--requests", "60", "--workers", "1"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "lost updates: 0" in result.stdout
