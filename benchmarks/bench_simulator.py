"""Simulator overhead: a full scripted check, simulator turns/s against bare lambda_handler turns/s.

Both run in this process on the same machine in the same run, so the ratio is what matters:

    python benchmarks/bench_simulator.py [--rounds 7] [--runs 40] [--check]

A simulator turn is NLU + envelope + the in-process call + reading the reply; a bare turn is
`lambda_handler(envelope, None)` on the very envelopes the simulator sent (they carry their
session attributes, so each stands alone). Rounds alternate between the two and are timed in
CPU time of this process; the best round of each is reported, which discounts noise from other
processes on the machine. Goal: overhead <= 1.5x.

The simulator runs the script as `neck-twitch simulate --script` does, with the emulated
Reminders API at its envelopes' apiEndpoint (self-care ends with the reminder offer, which the
script declines: no API call is made).

Both sides run without memory between sessions (`NECK_TWITCH_STORAGE=none`): its SQLite writes
would cost both the same, hiding the simulator's own overhead, and would fill the user's file.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import load_model, model_path, repo_root
from skill.simulator.nlu import Nlu
from skill.simulator.reminders_api import RemindersApi
from skill.simulator.runner import Simulator
from skill.simulator.script import Script, format_report, load_script, run_script
from skill.simulator.transport import in_process

GOAL = 1.5
SCRIPT = repo_root() / "tests" / "dialogs" / "self_care_all_no.yaml"

LambdaHandler = Callable[[dict[str, Any], Any], Any]


def load_lambda_handler() -> LambdaHandler:
    path = repo_root() / "lambda" / "lambda_function.py"
    spec = importlib.util.spec_from_file_location("lambda_function", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler: LambdaHandler = module.lambda_handler
    return handler


def simulate_once(script: Script, nlu: Nlu, reminders: RemindersApi) -> list[dict[str, Any]]:
    """One full scripted check; returns the envelopes sent. Fails loudly if the script fails."""
    factory = EnvelopeFactory("en-US", user=f"bench-{uuid.uuid4()}")
    factory.reminders = reminders
    simulator = Simulator(nlu, factory, in_process())
    report = run_script(script, simulator)
    if not report.passed:
        raise SystemExit(format_report(report))
    return [turn.request for turn in report.turns]


def main(argv: list[str] | None = None) -> int:
    os.environ["NECK_TWITCH_STORAGE"] = "none"  # before the skill is first built
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="alternating timed rounds")
    parser.add_argument("--runs", type=int, default=40, help="scripted checks per round")
    parser.add_argument("--script", type=Path, default=SCRIPT)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if overhead > {GOAL}x")
    args = parser.parse_args(argv)

    script = load_script(args.script)
    started = time.perf_counter()
    nlu = Nlu(load_model(model_path("en-US"), "en-US"))
    build_ms = (time.perf_counter() - started) * 1000
    handler = load_lambda_handler()
    reminders = RemindersApi()  # one for the run, as the simulator has
    try:
        return _measure(args, script, nlu, handler, reminders, build_ms)
    finally:
        reminders.stop()


def _measure(args: argparse.Namespace, script: Script, nlu: Nlu, handler: LambdaHandler,
             reminders: RemindersApi, build_ms: float) -> int:
    envelopes = simulate_once(script, nlu, reminders)  # warm-up, and the bare path's input
    for envelope in envelopes:
        handler(envelope, None)
    turns = len(envelopes)

    best_sim = best_bare = float("inf")
    for _ in range(args.rounds):
        t0 = time.process_time()
        for _ in range(args.runs):
            simulate_once(script, nlu, reminders)
        best_sim = min(best_sim, time.process_time() - t0)
        t0 = time.process_time()
        for _ in range(args.runs):
            for envelope in envelopes:
                handler(envelope, None)
        best_bare = min(best_bare, time.process_time() - t0)

    total = turns * args.runs
    sim_rate, bare_rate = total / best_sim, total / best_bare
    ratio = bare_rate / sim_rate
    print(f"script: {args.script.name} ({turns} turns), {args.runs} checks x {args.rounds} rounds")
    print(f"NLU build from the interaction model: {build_ms:.1f} ms (once per start)")
    print(f"bare lambda_handler: {bare_rate:8.0f} turns/s")
    print(f"simulator:           {sim_rate:8.0f} turns/s")
    verdict = "goal met" if ratio <= GOAL else "over goal"
    print(f"overhead: {ratio:.2f}x ({verdict}: <= {GOAL}x)")
    return 1 if args.check and ratio > GOAL else 0


if __name__ == "__main__":
    sys.exit(main())
