"""The benchmark's parts: the hello-world reference skill, the probe and the verdicts."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "benchmarks"


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


probe = load(BENCHMARKS / "lambda_probe.py", "bench_lambda_probe")
bench = load(BENCHMARKS / "bench_lambda.py", "bench_lambda_main")


def speech(response: dict[str, Any]) -> str:
    text: str = response["response"]["outputSpeech"]["ssml"]
    return text


def test_hello_world_is_a_working_skill() -> None:
    hello = load(BENCHMARKS / "hello_world" / "lambda_function.py", "bench_hello_world")
    launch = hello.lambda_handler(probe.envelope(probe.LAUNCH, new=True), None)
    assert "Welcome" in speech(launch)
    hello_intent = hello.lambda_handler(probe.intent("HelloWorldIntent", {}), None)
    assert "Hello World!" in speech(hello_intent)
    stop = hello.lambda_handler(probe.intent("AMAZON.StopIntent", {}), None)
    assert "Goodbye" in speech(stop)


def test_the_probe_times_a_cold_start_of_the_real_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-B", str(BENCHMARKS / "lambda_probe.py"), "cold", str(REPO / "lambda"),
         "AMAZON.NoIntent"],
        capture_output=True, text=True, check=False, timeout=60,
        env=bench.lambda_environment(REPO / "lambda"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert 0 < report["import_ms"] <= report["first_ms"]
    assert report["first_cpu_ms"] > 0
    assert report["maxrss_kib"] > 1000


def test_the_mid_check_turn_is_mid_check() -> None:
    # The turn the benchmark times must ask another question, not end the check.
    handler = load(REPO / "lambda" / "lambda_function.py", "bench_skill_entry").lambda_handler
    mid, before = bench.PROJECT_TURNS
    attributes = handler(probe.envelope(probe.LAUNCH, new=True), None)["sessionAttributes"]
    for name in before:
        attributes = handler(probe.intent(name, attributes), None)["sessionAttributes"]
    response = handler(probe.intent(mid, attributes), None)
    assert response["response"].get("shouldEndSession") is not True
    assert "?" in speech(response)


def test_probes_see_a_lambda_environment(tmp_path: Path) -> None:
    env = bench.lambda_environment(tmp_path)
    assert env["AWS_LAMBDA_FUNCTION_NAME"] and env["LAMBDA_TASK_ROOT"] == str(tmp_path)
    assert env["SKILL_ID"] == probe.envelope(probe.LAUNCH)["context"]["System"]["application"][
        "applicationId"
    ]
    assert "TABLE_NAME" not in env


def test_ratios_and_verdicts() -> None:
    met = bench.Row("cold", "cold start", "ms", 110.0, 100.0)
    missed = bench.Row("warm_launch", "warm", "us", 130.0, 100.0)
    info = bench.Row("traced", "allocations", "KiB", 300.0, 100.0)
    assert round(met.ratio, 2) == 1.1 and met.verdict == "met"
    assert missed.verdict == "MISSED"
    assert info.goal is None and info.verdict == "info"
    table = bench.table([met, missed, info])
    assert "| cold start | 110 ms | 100 ms | 1.10x | ≤ 1.25x | met |" in table
    assert "MISSED" in table and "info" not in table


def test_the_readme_table_is_spliced_between_its_markers() -> None:
    document = f"# Title\n\n{bench.README_START}\nold table\n{bench.README_END}\n\nmore\n"
    spliced = bench.splice(document, "| new | table |")
    assert spliced == (f"# Title\n\n{bench.README_START}\n| new | table |\n{bench.README_END}"
                       "\n\nmore\n")
    assert bench.splice(spliced, "| new | table |") == spliced
    with pytest.raises(SystemExit, match="no"):
        bench.splice("# no markers\n", "| table |")


def test_the_readme_shows_the_latest_results() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.partition(bench.README_START)[2].partition(bench.README_END)[0].strip()
    results = (BENCHMARKS / "results.md").read_text(encoding="utf-8")
    assert shown.startswith("Written by `python benchmarks/bench_lambda.py`")
    assert shown in results
