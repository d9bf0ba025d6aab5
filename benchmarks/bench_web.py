"""Verified vs unverified requests per second through the Flask app (certificate chain cached),
and what an unsigned request costs before it is refused.

Both apps serve the same real skill and the same signed LaunchRequest in the same process;
rounds alternate so drift hits both alike. The goal is a ratio of at least 0.8 (on CPU time,
which other processes on the machine do not inflate; wall-clock is printed too).

The unsigned figures are the median time for the verifying app to refuse a request without a
signature: a small envelope, and a 768 KiB one full of slots (which the SDK would take
~170 ms to deserialise, were the body parsed before the signature is checked); and the same
768 KiB envelope with a wrong signature (hashing 768 KiB and one RSA check).

    python benchmarks/bench_web.py [--requests 300] [--rounds 15]
"""

from __future__ import annotations

import argparse
import json
import os
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
from web_certs import (
    CERT_URL,
    NOW,
    SKILL_ID,
    TEST_ID_SALT,
    envelope,
    make_pki,
    sign,
    signed_request,
)

from skill.storage import SALT_ENV

GOAL = 0.8
UNSIGNED_BODY_BYTES = 768 * 1024


def _apps() -> tuple[Flask, Flask, bytes, dict[str, str]]:
    # A verifying app refuses to start with the built-in id salt (this process stores nothing).
    os.environ.setdefault(SALT_ENV, TEST_ID_SALT)
    pki = make_pki()
    body, headers = signed_request()
    verified = create_app(
        create_skill(),
        skill_id=SKILL_ID,
        clock=lambda: NOW,
        trust_roots=[pki.root],
        fetcher={CERT_URL: pki.chain()}.__getitem__,
        # One signed body, posted again and again: this measures signature checks, not the
        # replay refusal (a constant-time lookup) that would turn every repeat away.
        refuse_replays=False,
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


def _slot_heavy_envelope(size: int) -> bytes:
    """An IntentRequest of at least `size` bytes (just over): thousands of slots, each of which
    the SDK would turn into objects."""

    def body(count: int) -> bytes:
        slots = {f"s{i:05d}": "v" for i in range(count)}
        return json.dumps(envelope(intent="AMAZON.YesIntent", slots=slots)).encode()

    empty, sample = len(body(0)), len(body(1000))
    count = (size - empty) * 1000 // (sample - empty)
    while len(body(count)) < size:
        count += 1
    return body(count)


def _refusal_micros(app: Flask, body: bytes, headers: dict[str, str], requests: int) -> float:
    """Median microseconds for the app to refuse one request (and check it did)."""
    client = app.test_client()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.post("/", data=body, headers=headers)
        timings.append(time.perf_counter() - started)
        if response.status_code != 400:
            raise SystemExit(f"not refused: {response.status_code} {response.get_data()!r}")
    return statistics.median(timings) * 1e6


def unsigned_costs(app: Flask, requests: int) -> dict[str, float]:
    small = json.dumps(envelope()).encode()
    big = _slot_heavy_envelope(UNSIGNED_BODY_BYTES)
    plain = {"Content-Type": "application/json"}
    wrong = {**plain, "SignatureCertChainUrl": CERT_URL, "Signature-256": sign(b"other")}
    return {
        "small, unsigned": _refusal_micros(app, small, plain, requests),
        f"{len(big) // 1024} KiB, unsigned": _refusal_micros(app, big, plain, requests),
        f"{len(big) // 1024} KiB, wrong signature": _refusal_micros(app, big, wrong, requests),
    }


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
    costs = unsigned_costs(verified, max(5, min(args.requests, 100)))
    print(
        "refusing a request without a valid signature (median): "
        + ", ".join(f"{name} {micros:,.0f} us" for name, micros in costs.items())
    )
    return 0 if cpu_ratio >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
