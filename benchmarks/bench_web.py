"""Verified vs unverified requests per second through the Flask app (certificate chain cached).

Both apps serve the same real skill and the same signed LaunchRequest in the same process;
rounds alternate so drift hits both alike. The goal is a ratio of at least 0.8 (on CPU time,
which other processes on the machine do not inflate; wall-clock is printed too).

    python benchmarks/bench_web.py [--requests 300] [--rounds 15]
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask import Flask

from skill.alexa.builder import create_skill
from skill.web import create_app

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-bench.pem"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000bench"
NOW = datetime(2030, 1, 1, tzinfo=timezone.utc)
GOAL = 0.8


def _certificate(
    subject: str, key: rsa.RSAPrivateKey, issuer_key: rsa.RSAPrivateKey, *, ca: bool
) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench Root")])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False
        ).add_extension(x509.SubjectAlternativeName([x509.DNSName("echo-api.amazon.com")]), False)
    return builder.sign(issuer_key, hashes.SHA256())


def _apps() -> tuple[Flask, Flask, bytes, dict[str, str]]:
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = _certificate("Bench Root", root_key, root_key, ca=True)
    leaf = _certificate("echo-api.amazon.com", leaf_key, root_key, ca=False)
    chain = leaf.public_bytes(serialization.Encoding.PEM)
    body = json.dumps(
        {
            "version": "1.0",
            "session": {
                "new": True,
                "sessionId": "amzn1.echo-api.session.bench",
                "application": {"applicationId": SKILL_ID},
                "user": {"userId": "amzn1.ask.account.BENCH"},
            },
            "context": {
                "System": {
                    "application": {"applicationId": SKILL_ID},
                    "user": {"userId": "amzn1.ask.account.BENCH"},
                    "device": {"deviceId": "amzn1.ask.device.BENCH", "supportedInterfaces": {}},
                    "apiEndpoint": "https://api.amazonalexa.com",
                }
            },
            "request": {
                "type": "LaunchRequest",
                "requestId": "amzn1.echo-api.request.bench",
                "timestamp": NOW.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "locale": "en-US",
            },
        }
    ).encode()
    signature = leaf_key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": CERT_URL,
        "Signature-256": base64.b64encode(signature).decode(),
    }
    verified = create_app(
        create_skill(),
        skill_id=SKILL_ID,
        clock=lambda: NOW,
        trust_roots=[root],
        fetcher={CERT_URL: chain}.__getitem__,
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
