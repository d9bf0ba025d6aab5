"""Verify that a request really comes from Alexa, on pyca ``cryptography`` only.

Amazon requires a self-hosted skill endpoint to check, for every request
(https://developer.amazon.com/docs/custom-skills/host-a-custom-skill-as-a-web-service.html):

1. the ``SignatureCertChainUrl``: https, host ``s3.amazonaws.com``, path under ``/echo.api/``,
   port 443 if given;
2. the certificate chain served there: valid now, chaining to a trusted root, with
   ``echo-api.amazon.com`` in the leaf's subject alternative names;
3. the signature (``Signature-256``: RSA/SHA-256, else ``Signature``: RSA/SHA-1) over the exact
   request body bytes;
4. the request timestamp: within 150 seconds of now (skill events: one hour).

Clock, trust store and certificate fetcher are injected so tests run offline at any date.
"""

from __future__ import annotations

import base64
import binascii
import functools
import logging
import os
import posixpath
import re
import ssl
import threading
import urllib.error
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError
from werkzeug.datastructures import Headers

from skill.web._sdk_compat import AbstractVerifier, VerificationException, verifier_constants

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
CertificateFetcher = Callable[[str], bytes]

SIGNATURE_CERT_CHAIN_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature"
SIGNATURE_256_HEADER = "Signature-256"

CERT_URL_SCHEME = "https"
CERT_URL_HOST = "s3.amazonaws.com"
CERT_URL_PORT = 443
CERT_URL_PATH_PREFIX = "/echo.api/"
ECHO_API_DOMAIN = "echo-api.amazon.com"

# Amazon's limits; the SDK's constants are in milliseconds.
MAX_REQUEST_AGE = timedelta(milliseconds=verifier_constants.MAX_NORMAL_REQUEST_TOLERANCE_IN_MILLIS)
MAX_SKILL_EVENT_AGE = timedelta(milliseconds=verifier_constants.MAX_SKILL_EVENT_TOLERANCE_IN_MILLIS)
SKILL_EVENT_TYPES = frozenset(verifier_constants.ALEXA_SKILL_EVENT_LIST)

# Amazon's chain is about 6 KB; anything much larger is not what we asked for.
MAX_CHAIN_BYTES = 64 * 1024
FETCH_TIMEOUT_SECONDS = 5.0
CHAIN_CACHE_SIZE = 16

CA_BUNDLE_ENV = "NECK_TWITCH_CA_BUNDLE"
# Where common Linux distributions keep the system CA bundle (first one that exists wins).
SYSTEM_CA_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Alpine
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL, Amazon Linux
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # macOS, BSDs
)

_PEM_BLOCK = re.compile(
    rb"-----BEGIN CERTIFICATE-----\r?\n.+?\r?\n-----END CERTIFICATE-----", re.DOTALL
)


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(timezone.utc)


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """Header lookup that is case-insensitive for plain dicts too (Flask's headers already are)."""
    value = headers.get(name)
    if value is None and not isinstance(headers, Headers):
        lowered = name.lower()
        for key, candidate in headers.items():
            if isinstance(key, str) and key.lower() == lowered:
                value = candidate
                break
    if value is None:
        return None
    return str(value).strip()


# --- certificate URL ----------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def validate_cert_url(url: str) -> str:
    """Check a ``SignatureCertChainUrl`` against Amazon's rules; return it normalised.

    Normalisation lower-cases scheme and host and resolves ``.`` and ``..`` in the path, so
    ``https://S3.AMAZONAWS.COM/echo.api/../echo.api/cert.pem`` is accepted as
    ``https://s3.amazonaws.com/echo.api/cert.pem`` while ``/echo.api/../evil.pem`` is refused.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise VerificationException(f"Certificate URL is malformed: {error}") from None
    if parts.scheme.lower() != CERT_URL_SCHEME:
        raise VerificationException("Certificate URL must use https")
    host = (parts.hostname or "").lower()
    if host != CERT_URL_HOST:
        raise VerificationException(f"Certificate URL host must be {CERT_URL_HOST}")
    if parts.username is not None or parts.password is not None:
        raise VerificationException("Certificate URL must not carry credentials")
    if port is not None and port != CERT_URL_PORT:
        raise VerificationException(f"Certificate URL port must be {CERT_URL_PORT}")
    # Percent-encoded dots and slashes would otherwise slip past the prefix check.
    raw_path = unquote(parts.path)
    if "\\" in raw_path or not raw_path.startswith("/"):
        raise VerificationException("Certificate URL path is malformed")
    path = posixpath.normpath(raw_path)
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    if not path.startswith(CERT_URL_PATH_PREFIX) or path == CERT_URL_PATH_PREFIX.rstrip("/"):
        raise VerificationException(f"Certificate URL path must start with {CERT_URL_PATH_PREFIX}")
    suffix = f"?{parts.query}" if parts.query else ""
    return f"{CERT_URL_SCHEME}://{CERT_URL_HOST}{path}{suffix}"


# --- certificates -------------------------------------------------------------------------


def parse_pem_certificates(data: bytes, *, strict: bool = True) -> list[x509.Certificate]:
    """Every certificate in a PEM bundle, in order.

    ``strict`` raises on a block that does not parse (a fetched chain must be intact); a
    system trust bundle may hold a certificate this ``cryptography`` refuses, which is skipped.
    """
    certificates: list[x509.Certificate] = []
    for block in _PEM_BLOCK.findall(data):
        try:
            with warnings.catch_warnings():
                # Old roots with non-positive serials parse with a deprecation warning.
                warnings.simplefilter("ignore")
                certificates.append(x509.load_pem_x509_certificate(block))
        except ValueError:
            if strict:
                raise
    return certificates


def find_system_ca_bundle() -> Path:
    """The CA bundle to trust: ``$NECK_TWITCH_CA_BUNDLE``, else the system's bundle."""
    configured = os.environ.get(CA_BUNDLE_ENV)
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise FileNotFoundError(f"{CA_BUNDLE_ENV}={configured} is not a file")
        return path
    candidates = [ssl.get_default_verify_paths().cafile, *SYSTEM_CA_BUNDLES]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(
        "No system CA bundle found (looked in "
        + ", ".join(c for c in candidates if c)
        + f"). Install the ca-certificates package or set {CA_BUNDLE_ENV} to a PEM bundle."
    )


def load_trust_store(path: str | os.PathLike[str] | None = None) -> list[x509.Certificate]:
    """Trusted root certificates from a PEM bundle (default: the system's, see above).

    The system bundle is the default rather than ``certifi`` because the operating system keeps
    it current with security updates and it adds no dependency.
    """
    bundle = Path(path) if path is not None else find_system_ca_bundle()
    roots = parse_pem_certificates(bundle.read_bytes(), strict=False)
    if not roots:
        raise ValueError(f"{bundle} holds no usable certificates")
    return roots


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def make_http_fetcher(
    timeout: float = FETCH_TIMEOUT_SECONDS, max_bytes: int = MAX_CHAIN_BYTES
) -> CertificateFetcher:
    """A fetcher that GETs the (already validated) URL with a timeout and a size limit."""
    opener = urllib.request.build_opener(_NoRedirect())

    def fetch(url: str) -> bytes:
        try:
            with opener.open(url, timeout=timeout) as response:
                body: bytes = response.read(max_bytes + 1)
        except (OSError, ValueError) as error:
            raise VerificationException(f"Could not fetch the certificate chain: {error}") from None
        if len(body) > max_bytes:
            raise VerificationException(f"Certificate chain is larger than {max_bytes} bytes")
        return body

    return fetch


@dataclass(frozen=True)
class _ValidatedChain:
    public_key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime


class _ChainCache:
    """A small thread-safe LRU of fetched chains, and of their validation, per URL."""

    def __init__(self, size: int) -> None:
        self._size = max(1, size)
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[list[x509.Certificate], _ValidatedChain | None]]
        self._entries = OrderedDict()

    def get(self, url: str) -> tuple[list[x509.Certificate], _ValidatedChain | None] | None:
        with self._lock:
            entry = self._entries.get(url)
            if entry is not None:
                self._entries.move_to_end(url)
            return entry

    def put(
        self, url: str, certificates: list[x509.Certificate], validated: _ValidatedChain | None
    ) -> None:
        with self._lock:
            self._entries[url] = (certificates, validated)
            self._entries.move_to_end(url)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


# --- verifiers ----------------------------------------------------------------------------


class SignatureVerifier(AbstractVerifier):
    """Checks the certificate URL, the chain and the body signature of each request."""

    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetcher: CertificateFetcher | None = None,
        clock: Clock = utc_now,
        cache_size: int = CHAIN_CACHE_SIZE,
    ) -> None:
        roots = list(trust_roots) if trust_roots is not None else load_trust_store()
        if not roots:
            raise ValueError("The trust store is empty")
        self._store = Store(roots)
        self._fetch = fetcher if fetcher is not None else make_http_fetcher()
        self._clock = clock
        self._cache = _ChainCache(cache_size)

    @property
    def cached_chains(self) -> int:
        return len(self._cache)

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: object = None,
    ) -> None:
        url = _header(headers, SIGNATURE_CERT_CHAIN_URL_HEADER)
        if not url:
            raise VerificationException(f"Missing {SIGNATURE_CERT_CHAIN_URL_HEADER} header")
        signature_256 = _header(headers, SIGNATURE_256_HEADER)
        signature_1 = _header(headers, SIGNATURE_HEADER)
        algorithm: hashes.HashAlgorithm
        if signature_256:
            encoded, algorithm = signature_256, hashes.SHA256()
        elif signature_1:
            encoded, algorithm = signature_1, hashes.SHA1()  # Amazon's legacy header
        else:
            raise VerificationException(
                f"Missing {SIGNATURE_256_HEADER} or {SIGNATURE_HEADER} header"
            )
        try:
            signature = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise VerificationException("Signature header is not valid base64") from None

        chain = self._validated_chain(validate_cert_url(url), self._clock())
        # The adapter hands us the body decoded as strict UTF-8, which re-encodes to the exact
        # bytes that were received (strict decoding fails on anything that would not).
        body = (
            serialized_request_env
            if isinstance(serialized_request_env, bytes)
            else serialized_request_env.encode("utf-8")
        )
        try:
            chain.public_key.verify(signature, body, padding.PKCS1v15(), algorithm)
        except InvalidSignature:
            raise VerificationException("Request body signature is not valid") from None

    def _validated_chain(self, url: str, now: datetime) -> _ValidatedChain:
        cached = self._cache.get(url)
        if cached is not None:
            certificates, validated = cached
            if validated is not None and validated.not_before <= now <= validated.not_after:
                return validated
        else:
            certificates = self._load_chain(url)
            # Cached before validation so a refused chain is not fetched again per request.
            self._cache.put(url, certificates, None)
        validated = self._validate(certificates, now)
        self._cache.put(url, certificates, validated)
        return validated

    def _load_chain(self, url: str) -> list[x509.Certificate]:
        data = self._fetch(url)
        if len(data) > MAX_CHAIN_BYTES:
            raise VerificationException(f"Certificate chain is larger than {MAX_CHAIN_BYTES} bytes")
        try:
            certificates = parse_pem_certificates(data)
        except ValueError:
            raise VerificationException("Certificate chain is not valid PEM") from None
        if not certificates:
            raise VerificationException("Certificate chain holds no certificate")
        return certificates

    def _validate(self, certificates: list[x509.Certificate], now: datetime) -> _ValidatedChain:
        leaf, intermediates = certificates[0], certificates[1:]
        # The server-certificate profile checks everything Amazon asks for at once: a path to a
        # trusted root valid at `now` (every certificate inside its dates), and the DNS name in
        # the leaf's SANs (never its CN). Amazon's echo-api certificates carry the serverAuth
        # EKU that profile requires (checked against the real 2019 chain in the tests).
        verifier = (
            PolicyBuilder()
            .store(self._store)
            .time(now)
            .build_server_verifier(x509.DNSName(ECHO_API_DOMAIN))
        )
        try:
            path = verifier.verify(leaf, intermediates)
        except VerificationError as error:
            raise VerificationException(f"Certificate chain is not valid: {error}") from None
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationException("Signing certificate does not hold an RSA key")
        return _ValidatedChain(
            public_key=public_key,
            not_before=max(c.not_valid_before_utc for c in path),
            not_after=min(c.not_valid_after_utc for c in path),
        )


def _as_utc(moment: datetime) -> datetime:
    # Alexa always sends UTC ("...Z"); a timestamp without a zone is read as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


class TimestampVerifier(AbstractVerifier):
    """Refuses requests older or newer than Amazon's tolerance (replay protection)."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        request = getattr(deserialized_request_env, "request", None)
        timestamp = getattr(request, "timestamp", None)
        if not isinstance(timestamp, datetime):
            raise VerificationException("Request has no timestamp")
        skew = abs(self._clock() - _as_utc(timestamp))
        if skew <= MAX_REQUEST_AGE:
            return
        is_skill_event = getattr(request, "object_type", None) in SKILL_EVENT_TYPES
        if is_skill_event and skew <= MAX_SKILL_EVENT_AGE:
            return
        raise VerificationException("Request timestamp is outside the allowed window")


def application_ids(envelope: Any) -> Iterable[str]:
    """The skill ids a deserialised envelope names (context and session)."""
    context = getattr(envelope, "context", None)
    system = getattr(context, "system", None)
    session = getattr(envelope, "session", None)
    for owner in (system, session):
        application = getattr(owner, "application", None)
        application_id = getattr(application, "application_id", None)
        if isinstance(application_id, str):
            yield application_id


class SkillIdMismatch(VerificationException):
    """The request is for another skill."""


class SkillIdVerifier(AbstractVerifier):
    """Refuses requests addressed to another skill (explicit, before the skill is invoked)."""

    def __init__(self, skill_id: str) -> None:
        self._skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        ids = list(application_ids(deserialized_request_env))
        if not ids or any(found != self._skill_id for found in ids):
            raise SkillIdMismatch("Request is not for this skill")
