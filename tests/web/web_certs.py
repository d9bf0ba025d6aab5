"""Test helpers for the web service: a throwaway PKI, signed requests, a hello-world skill."""

from __future__ import annotations

import base64
import functools
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import Response
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

REPO = Path(__file__).resolve().parents[2]
# Real Alexa requests, copied into the repository (tests/fixtures/PROVENANCE.md).
FIXTURES = REPO / "tests" / "fixtures" / "alexa"
SIGNED_FIXTURES = FIXTURES / "signed"
REQUEST_FIXTURES = FIXTURES / "requests"

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"
# The deployer's own id salt: production refuses to start with the built-in default.
TEST_ID_SALT = "web-tests-salt-not-the-default"
# Every test runs "now" at this instant; certificates are valid around it.
NOW = datetime(2030, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
# The test CA is valid for every fixture's timestamp (2015 on) and well beyond NOW.
WIDE_NOT_BEFORE = datetime(2000, 1, 1, tzinfo=timezone.utc)
WIDE_NOT_AFTER = datetime(2049, 12, 31, tzinfo=timezone.utc)


@functools.cache
def _key(name: str) -> rsa.RSAPrivateKey:
    # Cached per name: RSA key generation is the slow part of these tests.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(
    subject: str,
    key: rsa.RSAPrivateKey,
    issuer: str,
    issuer_key: rsa.RSAPrivateKey,
    *,
    ca: bool,
    not_before: datetime,
    not_after: datetime,
    sans: list[str] | None = None,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=not ca,
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
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        if sans:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False
            )
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certificates: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


@dataclass
class Pki:
    """Root -> intermediate -> leaf, like Amazon's chain, plus an untrusted root."""

    root: x509.Certificate
    intermediate: x509.Certificate
    untrusted_root: x509.Certificate
    leaf_key: rsa.RSAPrivateKey = field(repr=False)

    def leaf(
        self,
        *,
        sans: tuple[str, ...] = ("echo-api.amazon.com",),
        not_before: datetime = NOW - timedelta(days=30),
        not_after: datetime = NOW + timedelta(days=300),
        issuer: str = "Test Intermediate",
        issuer_key: str = "intermediate",
    ) -> x509.Certificate:
        return _certificate(
            "echo-api.amazon.com",
            self.leaf_key,
            issuer,
            _key(issuer_key),
            ca=False,
            not_before=not_before,
            not_after=not_after,
            sans=list(sans),
        )

    def chain(self, **leaf_options: Any) -> bytes:
        return pem(self.leaf(**leaf_options), self.intermediate)

    def untrusted_chain(self) -> bytes:
        intermediate = _certificate(
            "Rogue Intermediate",
            _key("rogue-intermediate"),
            "Untrusted Root",
            _key("untrusted-root"),
            ca=True,
            not_before=NOW - timedelta(days=3650),
            not_after=NOW + timedelta(days=3650),
        )
        leaf = self.leaf(issuer="Rogue Intermediate", issuer_key="rogue-intermediate")
        return pem(leaf, intermediate)


@functools.cache
def make_pki() -> Pki:
    long_ago, far_ahead = WIDE_NOT_BEFORE, WIDE_NOT_AFTER
    root = _certificate(
        "Test Root",
        _key("root"),
        "Test Root",
        _key("root"),
        ca=True,
        not_before=long_ago,
        not_after=far_ahead,
    )
    intermediate = _certificate(
        "Test Intermediate",
        _key("intermediate"),
        "Test Root",
        _key("root"),
        ca=True,
        not_before=long_ago,
        not_after=far_ahead,
    )
    untrusted_root = _certificate(
        "Untrusted Root",
        _key("untrusted-root"),
        "Untrusted Root",
        _key("untrusted-root"),
        ca=True,
        not_before=long_ago,
        not_after=far_ahead,
    )
    return Pki(root, intermediate, untrusted_root, _key("leaf"))


def sign(body: bytes, *, sha256: bool = True, key: rsa.RSAPrivateKey | None = None) -> str:
    signer = key or make_pki().leaf_key
    algorithm: hashes.HashAlgorithm = hashes.SHA256() if sha256 else hashes.SHA1()
    return base64.b64encode(signer.sign(body, padding.PKCS1v15(), algorithm)).decode()


def envelope(
    *,
    timestamp: datetime = NOW,
    request_type: str = "LaunchRequest",
    skill_id: str = SKILL_ID,
    intent: str | None = None,
    slots: dict[str, str] | None = None,
    attributes: dict[str, Any] | None = None,
    user_id: str = "amzn1.ask.account.TEST",
    session_id: str = "amzn1.echo-api.session.test",
    new: bool = True,
    request_id: str | None = None,
) -> dict[str, Any]:
    """A request envelope; with `intent`, an IntentRequest with those slot values. Each gets
    a new request id unless one is given (the service refuses an id it has seen)."""
    document: dict[str, Any] = {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id,
            "application": {"applicationId": skill_id},
            "user": {"userId": user_id},
        },
        "context": {
            "System": {
                "application": {"applicationId": skill_id},
                "user": {"userId": user_id},
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": request_type,
            "requestId": request_id or f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "locale": "en-US",
        },
    }
    if attributes is not None:
        document["session"]["attributes"] = attributes
    if intent is not None:
        document["request"]["type"] = "IntentRequest"
        document["request"]["dialogState"] = "COMPLETED"
        document["request"]["intent"] = {
            "name": intent,
            "confirmationStatus": "NONE",
            "slots": {
                name: {"name": name, "value": value, "confirmationStatus": "NONE"}
                for name, value in (slots or {}).items()
            },
        }
    return document


def nested(depth: int, leaf: Any = "leaf") -> Any:
    """A JSON value `depth` containers deep (dicts and lists alternating)."""
    value = leaf
    for level in range(depth):
        value = {"n": value} if level % 2 else [value]
    return value


def json_depth(document: Any) -> int:
    """How many containers deep a parsed JSON document goes (iteratively)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return deepest


class Tally(Counter[str]):
    """Hostile requests sent by the tests: how many, how many accepted, how many got a 5xx.

    The web conftest prints it at the end of the run; each test asserts its own answers too.
    """

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def hostile(self, status: int) -> None:
        self["requests"] += 1
        if status < 400:
            self["accepted"] += 1
        if status >= 500:
            self["5xx"] += 1


TALLY = Tally()


def signed_request(
    body: bytes | None = None, *, sha256: bool = True, url: str = CERT_URL, **envelope_options: Any
) -> tuple[bytes, dict[str, str]]:
    """A body and the headers Alexa would send with it."""
    if body is None:
        body = json.dumps(envelope(**envelope_options)).encode()
    header = "Signature-256" if sha256 else "Signature"
    return body, {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": url,
        header: sign(body, sha256=sha256),
    }


class _LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hello from the test skill.").response


class _AnyErrorHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        return handler_input.response_builder.speak("Sorry, something went wrong.").response


def hello_skill() -> CustomSkill:
    """A minimal skill with the shape of the real one (catch-all handler and error handler)."""
    builder = SkillBuilder()
    builder.add_request_handler(_LaunchHandler())
    builder.add_exception_handler(_AnyErrorHandler())
    return builder.create()


def is_response_envelope(document: Any) -> bool:
    return (
        isinstance(document, dict)
        and document.get("version") == "1.0"
        and isinstance(document.get("response"), dict)
    )
