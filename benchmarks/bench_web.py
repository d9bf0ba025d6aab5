"""Verified vs unverified requests per second through the Flask app (certificate chain cached).

Both apps serve the same real skill and the same signed LaunchRequest in the same process;
rounds alternate so drift hits both alike. The goal is a ratio of at least 0.8 (on CPU time,
which other processes on the machine do not inflate; wall-clock is printed too).

    python benchmarks/bench_web.py [--requests 300] [--rounds 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from flask import Flask

from skill.alexa.builder import create_skill
from skill.web import create_app

# The test suite's throwaway PKI (root -> intermediate -> leaf, like Amazon's chain) and signed
# requests: the benchmark verifies exactly what the tests do.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
from web_certs import CERT_URL, NOW, SKILL_ID, make_pki, signed_request

GOAL = 0.8


def _apps() -> tuple[Flask, Flask, bytes, dict[str, str]]:
    pki = make_pki()
    body, headers = signed_request()
    verified = create_app(
        create_skill(),
        skill_id=SKILL_ID,
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher={CERT_URL: pki.chain()}.__getitem__,
    )
    unverified = create_app(create_skill(), skill_id=SKILL_ID, verify=False)
    return verified, unverified, body, headers


def _round(app: Flask, body: bytes, headers: dict[str, str], requests: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds per request over one round."""
    client = app.test_client()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        response = client.post("/", data=body, headers=headers)
        if response.status_code != 200:
            raise SystemExit(f"request failed: {response.status_code} {response.get_data()!r}")
    return (time.perf_counter() - wall) / requests, (time.process_time() - cpu) / requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="per round and mode")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    verified, unverified, body, headers = _apps()
    _round(verified, body, headers, 50)  # warm up: fetch and validate the chain once
    _round(unverified, body, headers, 50)
    samples: dict[str, list[tuple[float, float]]] = {"unverified": [], "verified": []}
    for _ in range(args.rounds):  # alternate, so load from other processes hits both alike
        samples["unverified"].append(_round(unverified, body, headers, args.requests))
        samples["verified"].append(_round(verified, body, headers, args.requests))

    rates: dict[str, tuple[float, float]] = {}
    for mode, rounds in samples.items():
        wall = statistics.median(w for w, _ in rounds)
        cpu = statistics.median(c for _, c in rounds)
        rates[mode] = (1 / wall, 1 / cpu)
        print(
            f"{mode:>10}: {1 / wall:7.0f} req/s wall, {1 / cpu:7.0f} req/CPU-s "
            f"(median of {args.rounds} x {args.requests})"
        )
    wall_ratio = rates["verified"][0] / rates["unverified"][0]
    cpu_ratio = rates["verified"][1] / rates["unverified"][1]
    # CPU time is the figure that does not move when other processes share the machine.
    print(f"ratio verified/unverified: {wall_ratio:.3f} wall, {cpu_ratio:.3f} CPU")
    print(f"goal >= {GOAL} (CPU): {'met' if cpu_ratio >= GOAL else 'NOT met'}")
    return 0 if cpu_ratio >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
