"""The Lambda path against a hello-world ask-sdk-core skill, in one run: prints and tables ratios.

    python benchmarks/bench_lambda.py [--runs 11] [--python 3.12] [--deps pip|env] [--profile]

Both skills are bundled exactly as `neck-twitch package` does (platform wheels for this
machine's architecture, `.pyc` compiled by the target Python), unpacked, and measured in fresh
interpreters started with `-E -s -B` (no environment, no user site, nothing written: Lambda's
code folder is read-only). Absolute times vary between machines; the ratios are the result.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill import packaging
from skill.packaging import Bundle, Target

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PROBE = HERE / "lambda_probe.py"
HELLO = HERE / "hello_world"
RESULTS = HERE / "results.md"
README = REPO / "README.md"
# The README shows the latest table between these lines.
README_START = "<!-- benchmarks/bench_lambda.py writes this table -->"
README_END = "<!-- end of table -->"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"  # the probe's envelopes
# The turn timed mid-check: two answers in, a third "no" that moves on to the next question.
PROJECT_TURNS: tuple[str, list[str]] = ("AMAZON.NoIntent", ["AMAZON.NoIntent", "AMAZON.NoIntent"])
HELLO_TURNS: tuple[str, list[str]] = ("HelloWorldIntent", [])
NOTES = """\
- Cold start: a fresh `python -E -s -B` per sample, importing `lambda_function` from the unpacked
  zip and answering one LaunchRequest; median of the runs, the two skills alternating. The goal
  is judged on the process's CPU time, which other load on the machine disturbs least; the wall
  clock is shown beside it.
- Warm turns: `timeit` on `lambda_handler` in one process, best of 7 repeats, best of 3
  processes. Mid-check: a third "no" after two, with the session attributes the skill returned.
  The hello world's counterpart is its HelloWorldIntent.
- Memory: peak resident set size (VmHWM) after the first response, as in the cold starts (what
  Lambda reports as "Max Memory Used"); and the peak of Python allocations from `tracemalloc`
  in 3 separate processes (tracing inflates the resident set, so it is not measured there).
- Bundle: both zips built by `skill.packaging` the same way (platform wheels, target `.pyc`).
"""
GOALS = {"cold": 1.25, "warm_launch": 1.2, "warm_mid": 1.2, "memory": 1.3, "bundle": 1.3}


@dataclass(frozen=True)
class Subject:
    name: str
    folder: Path
    bundle: Bundle
    mid_intent: str
    before: list[str]


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str
    project: float
    hello: float

    @property
    def ratio(self) -> float:
        return self.project / self.hello

    @property
    def goal(self) -> float | None:
        return GOALS.get(self.key)

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return "info"
        return "met" if self.ratio <= self.goal else "MISSED"


def lambda_environment(task_root: Path) -> dict[str, str]:
    """The variables a Lambda function sees (no memory table), the same for both skills."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": str(task_root),
        "AWS_LAMBDA_FUNCTION_NAME": "neck-twitch-check-benchmark",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "SKILL_ID": SKILL_ID,
    }


def probe(interpreter: str, mode: str, subject: Subject) -> dict[str, Any]:
    command = [interpreter, "-E", "-s", "-B", str(PROBE), mode, str(subject.folder),
               subject.mid_intent, *subject.before]  # fmt: skip
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        cwd=subject.folder,
        env=lambda_environment(subject.folder),
        timeout=300,
    )
    if result.returncode != 0:
        raise SystemExit(f"{subject.name} {mode} probe failed:\n{result.stderr}")
    report: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return report


def dependencies(requirements: list[str], target: Target, source: str, scratch: Path) -> Path:
    if source == "env":
        folder = scratch / f"deps-{len(list(scratch.iterdir()))}"
        packaging.copy_installed_distributions(requirements, folder)
        return folder
    return packaging.cached_dependencies(
        requirements, target, REPO / "build" / "lambda-deps", packaging.installed_pins()
    )


def build_subjects(target: Target, interpreter: str, source: str, scratch: Path) -> list[Subject]:
    project_bundle = packaging.build_skill_bundle(
        scratch / "skill.zip",
        target,
        deps_dir=dependencies(packaging.runtime_requirements(), target, source, scratch),
        compile_with=interpreter,
    )
    hello_requirements = packaging.runtime_requirements_file(HELLO / "requirements.txt")
    hello_bundle = packaging.build_bundle(
        scratch / "hello.zip",
        entry_point=HELLO / "lambda_function.py",
        deps_dir=dependencies(hello_requirements, target, source, scratch),
        target=target,
        compile_with=interpreter,
    )
    subjects = []
    for name, bundle, (mid, before) in (
        ("project", project_bundle, PROJECT_TURNS),
        ("hello world", hello_bundle, HELLO_TURNS),
    ):
        folder = scratch / bundle.path.stem
        with zipfile.ZipFile(bundle.path) as zf:
            zf.extractall(folder)
        subjects.append(Subject(name, folder, bundle, mid, list(before)))
    return subjects


def measure(interpreter: str, subjects: Sequence[Subject], runs: int) -> list[Row]:
    project, hello = subjects
    cold: dict[str, list[dict[str, Any]]] = {s.name: [] for s in subjects}
    for index in range(runs):
        # Alternate who goes first so that drift on a busy machine hits both alike.
        for subject in subjects if index % 2 == 0 else subjects[::-1]:
            cold[subject.name].append(probe(interpreter, "cold", subject))
    memory = {s.name: [probe(interpreter, "memory", s) for _ in range(3)] for s in subjects}
    warm = {s.name: [probe(interpreter, "warm", s) for _ in range(3)] for s in subjects}

    def median(samples: dict[str, list[dict[str, Any]]], field: str) -> tuple[float, float]:
        return (
            statistics.median(r[field] for r in samples[project.name]),
            statistics.median(r[field] for r in samples[hello.name]),
        )

    def best(samples: dict[str, list[dict[str, Any]]], field: str) -> tuple[float, float]:
        return (
            min(r[field] for r in samples[project.name]),
            min(r[field] for r in samples[hello.name]),
        )

    mid_turn = warm[project.name][0]
    if mid_turn["mid_ends"] or "?" not in mid_turn["mid_speech"]:
        raise SystemExit(f"the mid-check turn did not ask a next question: {mid_turn}")
    return [
        Row("cold", "cold start: import + first LaunchRequest (CPU)", "ms",
            *median(cold, "first_cpu_ms")),
        Row("cold_wall", "  the same, wall clock", "ms", *median(cold, "first_ms")),
        Row("cold_import", "  of which import (wall clock)", "ms", *median(cold, "import_ms")),
        Row("warm_launch", "warm LaunchRequest", "us", *best(warm, "launch_us")),
        Row("warm_mid", "warm mid-check turn", "us", *best(warm, "mid_us")),
        Row("memory", "peak memory after start (max RSS)", "KiB", *median(cold, "maxrss_kib")),
        Row(
            "traced",
            "  Python allocations (tracemalloc peak)",
            "KiB",
            *median(memory, "traced_peak_kib"),
        ),
        Row(
            "bundle",
            "bundle size (zipped)",
            "KiB",
            project.bundle.size / 1024,
            hello.bundle.size / 1024,
        ),
    ]


def importtime(interpreter: str, subject: Subject, top: int = 15) -> str:
    """The modules that cost most to import (self time), from `python -X importtime`."""
    code = f"import sys; sys.path.insert(0, {str(subject.folder)!r}); import lambda_function"
    result = subprocess.run(
        [interpreter, "-E", "-s", "-B", "-X", "importtime", "-c", code],
        capture_output=True, text=True, check=True, cwd=subject.folder,
        env=lambda_environment(subject.folder),
    )  # fmt: skip
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self" not in line:
            self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
            rows.append((int(self_us), int(cumulative_us), name.rstrip()))
    rows.sort(reverse=True)
    lines = [f"{'self us':>8} {'cumul us':>9}  module"]
    lines += [f"{s:>8} {c:>9}  {n}" for s, c, n in rows[:top]]
    return "\n".join(lines)


def _format(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| figure | project | hello world | ratio | goal | |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        goal = f"≤ {row.goal:.2f}x" if row.goal else ""
        verdict = "" if row.verdict == "info" else row.verdict
        lines.append(
            f"| {row.label.strip()} | {_format(row.project, row.unit)} | "
            f"{_format(row.hello, row.unit)} | {row.ratio:.2f}x | {goal} | {verdict} |"
        )
    return "\n".join(lines)


def splice(document: str, block: str) -> str:
    """`document` with the text between README_START and README_END replaced by `block`."""
    head, start, rest = document.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not start or not end:
        raise SystemExit(f"README.md has no {README_START!r} ... {README_END!r} block")
    return f"{head}{start}\n{block}\n{end}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="cold starts per skill (median)")
    parser.add_argument("--python", default=packaging.DEFAULT_PYTHON, help="target Python")
    parser.add_argument(
        "--deps",
        choices=["pip", "env"],
        default="pip",
        help="pip: Linux wheels for this machine (cached in build/); "
        "env: copy this environment's packages (offline; needs --python of this interpreter)",
    )
    parser.add_argument("--profile", action="store_true", help="print the costliest imports")
    parser.add_argument("--no-write", action="store_true",
                        help=f"do not rewrite {RESULTS.name} and the README's table")
    args = parser.parse_args(argv)

    machine = platform.machine()
    arch = {"x86_64": "x86_64", "AMD64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}[machine]
    if args.deps == "env":
        args.python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    interpreter = packaging.find_interpreter(args.python)
    target = Target(arch, args.python)
    with tempfile.TemporaryDirectory(prefix="neck-twitch-bench-") as scratch:
        subjects = build_subjects(target, interpreter, args.deps, Path(scratch))
        rows = measure(interpreter, subjects, args.runs)
        profile = importtime(interpreter, subjects[0]) if args.profile else ""

    heading = (
        f"Python {args.python}, {arch}, {args.runs} cold starts per skill, "
        f"dependencies from {args.deps}"
    )
    print(f"{heading} ({interpreter})")
    width = max(len(row.label) for row in rows)
    for row in rows:
        goal = f"(goal ≤ {row.goal:.2f}x: {row.verdict})" if row.goal else ""
        print(
            f"{row.label:<{width}}  {_format(row.project, row.unit):>11} / "
            f"{_format(row.hello, row.unit):>11} = {row.ratio:5.2f}x  {goal}"
        )
    if profile:
        print("\nCostliest imports of the project (python -X importtime, self time):")
        print(profile)
    if not args.no_write:
        summary = f"Written by `python benchmarks/bench_lambda.py` ({heading}).\n\n{table(rows)}"
        RESULTS.write_text(
            "# Lambda path: project / hello-world ask-sdk-core skill\n\n"
            f"{summary}\n\n{NOTES}",
            encoding="utf-8",
        )
        README.write_text(splice(README.read_text(encoding="utf-8"), summary), encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(REPO)} and the table in {README.name}")
    return 0 if all(row.verdict != "MISSED" for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
