"""Verify that a request really comes from Alexa, on pyca ``cryptography`` only.

Amazon requires a self-hosted skill endpoint to check, for every request
(https://developer.amazon.com/docs/custom-skills/host-a-custom-skill-as-a-web-service.html):

1. the ``SignatureCertChainUrl``: https, host ``s3.amazonaws.com``, path under ``/echo.api/``,
   port 443 if given (stricter here: no percent-escapes, query, fragment or dot segments, and a
   ``.pem`` name, so the URL downloaded is byte for byte the URL checked);
2. the certificate chain served there: valid now, chaining to a trusted root, with
   ``echo-api.amazon.com`` in the leaf's subject alternative names;
3. the signature (``Signature-256``: RSA/SHA-256; only when that header is absent,
   ``Signature``: RSA/SHA-1) over the exact request body bytes;
4. the request timestamp: within 150 seconds of now (skill events: one hour).

Clock, trust store and certificate fetcher are injected so tests run offline at any date.

Checks 1-3 need only the headers and the raw body (``SignatureVerifier.verify_body``), so the
app runs them before it parses anything. Unsigned requests cannot make the service work hard:
downloads are bounded in number and in total time, refusals are remembered for a short while,
and only chains that validated are cached.

Exception messages here are fixed texts that never quote the request; each refusal carries a
``reason`` (a short fixed identifier) that is what the app logs.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import http.client
import logging
import os
import re
import socket
import ssl
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
# Per socket operation, and for the whole download (connect, TLS, request, body). Alexa waits
# about 8 seconds for an answer.
FETCH_TIMEOUT_SECONDS = 5.0
FETCH_DEADLINE_SECONDS = 5.0
CHAIN_CACHE_SIZE = 16
# Downloads in progress at once, per process; past it a request needing one is refused, unless
# it could be a genuine request for this skill (admission_problem): those have slots of their
# own, which requests without this skill's id and a timely timestamp can never take.
MAX_CONCURRENT_FETCHES = 4
RESERVED_FETCHES = 2
# A URL whose chain could not be fetched or did not validate is refused without a new download
# for this long (bounded, oldest first out).
REFUSAL_SECONDS = 10.0
REFUSAL_CACHE_SIZE = 256
MAX_CERT_URL_LENGTH = 512
# RFC 3986 unreserved characters: nothing that a URL parser or an HTTP client would decode,
# split or rewrite. Amazon's URLs look like /echo.api/echo-api-cert-12.pem.
_URL_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")

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


class Refused(VerificationException):
    """A failed check. The message is a fixed text that never quotes the request; ``reason`` is
    a short fixed identifier, which is what gets logged."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


HeaderSource = Mapping[str, Any] | Headers


def _header(headers: HeaderSource, name: str) -> str | None:
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
    """Check a ``SignatureCertChainUrl`` against Amazon's rules; return the URL to download.

    Amazon's rules: https, host ``s3.amazonaws.com`` (any case), port 443 if given, path under
    ``/echo.api/``. Stricter here, so that the URL downloaded is exactly the URL checked
    (nothing is decoded, resolved or dropped on the way): only RFC 3986 unreserved characters
    in the path, so no percent-escapes, query string or fragment; no empty, ``.`` or ``..``
    segments (refused, not resolved); a ``.pem`` file name. Only the scheme and host case and a
    ``:443`` are normalised: ``HTTPS://S3.AMAZONAWS.COM:443/echo.api/x.pem`` is downloaded as
    ``https://s3.amazonaws.com/echo.api/x.pem``. Alexa's real URLs all pass.
    """
    if len(url) > MAX_CERT_URL_LENGTH:
        raise Refused("cert_url", "Certificate URL is too long")
    if not url.isascii() or any(char <= " " or char == "\x7f" for char in url):
        raise Refused("cert_url", "Certificate URL holds whitespace, control or non-ASCII text")
    if "%" in url:
        raise Refused("cert_url", "Certificate URL must not hold percent-escapes")
    if "?" in url or "#" in url:
        raise Refused("cert_url", "Certificate URL must not have a query string or fragment")
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() != CERT_URL_SCHEME:
        raise Refused("cert_url", "Certificate URL must use https")
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        raise Refused("cert_url", "Certificate URL must not carry credentials")
    host, colon, port = authority.partition(":")
    if host.lower() != CERT_URL_HOST:
        raise Refused("cert_url", f"Certificate URL host must be {CERT_URL_HOST}")
    if colon and port != str(CERT_URL_PORT):
        raise Refused("cert_url", f"Certificate URL port must be {CERT_URL_PORT}")
    path = slash + path
    if not path.startswith(CERT_URL_PATH_PREFIX):
        raise Refused("cert_url", f"Certificate URL path must start with {CERT_URL_PATH_PREFIX}")
    segments = path[len(CERT_URL_PATH_PREFIX) :].split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        raise Refused("cert_url", "Certificate URL path must not have empty, . or .. segments")
    if not all(_URL_SEGMENT.fullmatch(segment) for segment in segments):
        raise Refused(
            "cert_url", "Certificate URL path holds characters outside A-Z a-z 0-9 . _ ~ -"
        )
    name = segments[-1]
    if not name.endswith(".pem") or name == ".pem":
        raise Refused("cert_url", "Certificate URL must name a .pem file")
    return f"{CERT_URL_SCHEME}://{CERT_URL_HOST}{path}"


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


def make_http_fetcher(
    timeout: float = FETCH_TIMEOUT_SECONDS,
    max_bytes: int = MAX_CHAIN_BYTES,
    deadline: float = FETCH_DEADLINE_SECONDS,
) -> CertificateFetcher:
    """A fetcher that GETs the (already validated) URL: no redirects, a size limit, a timeout on
    each socket operation and a deadline for the whole download.

    Any failure, whatever its type, is a ``Refused`` whose message names the error type only.
    ``http`` URLs are served too (the tests' local server); the verifier only ever passes https.
    """
    context = ssl.create_default_context()

    def fetch(url: str) -> bytes:
        try:
            return _fetch(url, context, timeout, max_bytes, deadline)
        except VerificationException:
            raise
        except Exception as error:  # http.client.InvalidURL is neither OSError nor ValueError
            raise Refused(
                "fetch", f"Could not fetch the certificate chain ({type(error).__name__})"
            ) from None

    return fetch


# Name look-ups run on their own threads (getaddrinfo has no timeout of its own), at most this
# many at once; one that outlives its download's deadline is left to finish on its own.
MAX_RESOLVING = 8
_resolving = threading.BoundedSemaphore(MAX_RESOLVING)


def _resolve(host: str, port: int, seconds: float) -> tuple[Any, ...]:
    """The first address of `host`, looked up within `seconds` (the download's deadline)."""
    if not _resolving.acquire(blocking=False):
        raise Refused("fetch", "Could not fetch the certificate chain (too many look-ups)")
    found: list[Any] = []
    done = threading.Event()

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except Exception as error:  # reported below by type
            found.append(error)
        finally:
            _resolving.release()
            done.set()

    threading.Thread(target=look_up, name="cert-dns", daemon=True).start()
    if not done.wait(seconds):
        raise Refused("fetch", "Could not fetch the certificate chain (deadline passed)")
    if not found or isinstance(found[0], Exception):
        name = type(found[0]).__name__ if found else "no address"
        raise Refused("fetch", f"Could not fetch the certificate chain ({name})")
    address: tuple[Any, ...] = found[0][4]
    return address


def _fetch(
    url: str, context: ssl.SSLContext, timeout: float, max_bytes: int, deadline: float
) -> bytes:
    ends_at = time.monotonic() + deadline

    def remaining() -> float:
        left = ends_at - time.monotonic()
        if left <= 0:
            raise Refused("fetch", "Could not fetch the certificate chain (deadline passed)")
        return min(timeout, left)

    parts = urlsplit(url)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=remaining(), context=context
        )
    elif parts.scheme == "http":
        connection = http.client.HTTPConnection(
            parts.hostname or "", parts.port, timeout=remaining()
        )
    else:
        raise Refused("fetch", "Could not fetch the certificate chain (not an http URL)")
    # The deadline covers the name look-up too: done here, on a thread, and the connection
    # made to the address found (TLS still checks the certificate against the host name).
    address = _resolve(connection.host, connection.port, ends_at - time.monotonic())
    connection._create_connection = (  # type: ignore[attr-defined]
        lambda _address, timeout, source=None: socket.create_connection(
            address[:2], timeout, source))
    # A server that answers one byte at a time never trips the per-operation timeout: at the
    # deadline the socket is shut, which ends whatever call is blocked on it.
    watchdog = threading.Timer(deadline, _shut, args=(connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request("GET", parts.path or "/", headers={"Connection": "close"})
        _set_timeout(connection, remaining())
        response = connection.getresponse()
        if response.status != 200:
            raise Refused(
                "fetch", f"Could not fetch the certificate chain (HTTP {response.status})"
            )
        declared = response.getheader("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            raise Refused("fetch", f"Certificate chain is larger than {max_bytes} bytes")
        body = bytearray()
        while len(body) <= max_bytes:
            _set_timeout(connection, remaining())
            chunk = response.read(min(16384, max_bytes + 1 - len(body)))
            if not chunk:
                break
            body += chunk
        remaining()
    finally:
        watchdog.cancel()
        connection.close()
    if len(body) > max_bytes:
        raise Refused("fetch", f"Certificate chain is larger than {max_bytes} bytes")
    return bytes(body)


def _set_timeout(connection: http.client.HTTPConnection, seconds: float) -> None:
    if connection.sock is not None:
        connection.sock.settimeout(seconds)


def _shut(connection: http.client.HTTPConnection) -> None:
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@dataclass(frozen=True)
class _ValidatedChain:
    public_key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime

    def valid_at(self, moment: datetime) -> bool:
        return self.not_before <= moment <= self.not_after


class _ChainCache:
    """A small thread-safe LRU of chains that validated, per URL."""

    def __init__(self, size: int) -> None:
        self._size = max(1, size)
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _ValidatedChain] = OrderedDict()

    def get(self, url: str) -> _ValidatedChain | None:
        with self._lock:
            entry = self._entries.get(url)
            if entry is not None:
                self._entries.move_to_end(url)
            return entry

    def put(self, url: str, validated: _ValidatedChain) -> None:
        with self._lock:
            self._entries[url] = validated
            self._entries.move_to_end(url)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def discard(self, url: str) -> None:
        with self._lock:
            self._entries.pop(url, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


class _Refusals:
    """URLs refused recently (download failed or chain invalid), forgotten after ``seconds``."""

    def __init__(self, seconds: float, size: int, monotonic: Callable[[], float]) -> None:
        self._seconds = seconds
        self._size = max(1, size)
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._until: OrderedDict[str, float] = OrderedDict()

    def add(self, url: str) -> None:
        if self._seconds <= 0:
            return
        with self._lock:
            self._until[url] = self._monotonic() + self._seconds
            self._until.move_to_end(url)
            while len(self._until) > self._size:
                self._until.popitem(last=False)

    def refused(self, url: str) -> bool:
        with self._lock:
            until = self._until.get(url)
            if until is None:
                return False
            if self._monotonic() >= until:
                del self._until[url]
                return False
            return True


# --- verifiers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureHeaders:
    """What the signature headers say, once checked: the URL to download, the signature."""

    cert_url: str
    signature: bytes
    algorithm: hashes.HashAlgorithm
    header: str


def check_signature_headers(headers: HeaderSource) -> SignatureHeaders:
    """The checks that need neither the body nor the network: the certificate URL's form, and a
    signature header that decodes. ``Signature-256`` is used when the header is there at all
    (even empty or malformed: then the request is refused); ``Signature`` (SHA-1) only when
    ``Signature-256`` is absent."""
    url = _header(headers, SIGNATURE_CERT_CHAIN_URL_HEADER)
    if not url:
        raise Refused("cert_url_missing", f"Missing {SIGNATURE_CERT_CHAIN_URL_HEADER} header")
    algorithm: hashes.HashAlgorithm
    signature_256 = _header(headers, SIGNATURE_256_HEADER)
    if signature_256 is not None:
        encoded, algorithm, name = signature_256, hashes.SHA256(), SIGNATURE_256_HEADER
    else:
        signature_1 = _header(headers, SIGNATURE_HEADER)
        if signature_1 is None:
            raise Refused(
                "signature_missing", f"Missing {SIGNATURE_256_HEADER} or {SIGNATURE_HEADER} header"
            )
        encoded, algorithm, name = signature_1, hashes.SHA1(), SIGNATURE_HEADER  # legacy
    if not encoded:
        raise Refused("signature_malformed", f"{name} header is empty")
    try:
        signature = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise Refused("signature_malformed", f"{name} header is not valid base64") from None
    if not signature:
        raise Refused("signature_malformed", f"{name} header is empty")
    return SignatureHeaders(validate_cert_url(url), signature, algorithm, name)


class SignatureVerifier(AbstractVerifier):
    """Checks the certificate URL, the chain and the body signature of each request.

    ``verify_body`` needs only the headers and the raw body bytes; the app checks the headers
    (``check_signature_headers``) before it reads the body, and the signature
    (``verify_signed``) before it parses it. Downloads: at most ``max_fetches`` at once (past
    that a request that needs one is refused at once; requests for a URL already being
    downloaded wait for that download), each within the fetcher's deadline. Only chains that
    validated are cached (LRU of ``cache_size``); a cached chain is downloaded again once the
    time leaves its validity window. A URL that failed is refused without a download for
    ``refusal_seconds``.
    """

    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetcher: CertificateFetcher | None = None,
        clock: Clock = utc_now,
        cache_size: int = CHAIN_CACHE_SIZE,
        *,
        max_fetches: int = MAX_CONCURRENT_FETCHES,
        refusal_seconds: float = REFUSAL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        fetch_wait_seconds: float = FETCH_DEADLINE_SECONDS + 1.0,
    ) -> None:
        roots = list(trust_roots) if trust_roots is not None else load_trust_store()
        if not roots:
            raise ValueError("The trust store is empty")
        self._store = Store(roots)
        self._fetch = fetcher if fetcher is not None else make_http_fetcher()
        self._clock = clock
        self._cache = _ChainCache(cache_size)
        self._refusals = _Refusals(refusal_seconds, REFUSAL_CACHE_SIZE, monotonic)
        self._max_fetches = max(1, max_fetches)
        self._fetch_wait = fetch_wait_seconds
        self._lock = threading.Lock()
        self._in_flight: dict[str, threading.Event] = {}
        self._reserved: set[str] = set()  # downloads in the reserved slots

    @property
    def cached_chains(self) -> int:
        return len(self._cache)

    def needs_download(self, url: str) -> bool:
        """Whether checking a request signed under `url` would download its chain."""
        cached = self._cache.get(url)
        return cached is None or not cached.valid_at(self._clock())

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: object = None,
    ) -> None:
        """The SDK's verifier interface. A ``str`` body must be the strict UTF-8 decoding of the
        bytes received (it then re-encodes to exactly those bytes)."""
        body = (
            serialized_request_env
            if isinstance(serialized_request_env, bytes)
            else serialized_request_env.encode("utf-8")
        )
        self.verify_body(headers, body)

    def verify_body(self, headers: HeaderSource, body: bytes) -> None:
        """Headers, certificate URL, chain and signature, over the exact body bytes."""
        self.verify_signed(check_signature_headers(headers), body)

    def verify_signed(
        self, signed: SignatureHeaders, body: bytes, admit: Callable[[], bool] | None = None
    ) -> None:
        """Chain and signature, for headers ``check_signature_headers`` has accepted.

        ``admit``: whether the (still unverified) request could be a genuine one for this
        skill; asked only when every ordinary download slot is taken, and then a yes gets one
        of the reserved slots (``admission_problem``)."""
        chain = self._validated_chain(signed.cert_url, admit)
        if len(signed.signature) != (chain.public_key.key_size + 7) // 8:
            raise Refused(
                "signature_malformed", f"{signed.header} header is not a signature of this key"
            )
        try:
            chain.public_key.verify(signed.signature, body, padding.PKCS1v15(), signed.algorithm)
        except InvalidSignature:
            raise Refused("signature", "Request body signature is not valid") from None

    def _validated_chain(
        self, url: str, admit: Callable[[], bool] | None = None
    ) -> _ValidatedChain:
        now = self._clock()
        cached = self._cache.get(url)
        if cached is not None:
            if cached.valid_at(now):
                return cached
            self._cache.discard(url)  # expired (or not yet valid): Amazon may have renewed it
        if self._refusals.refused(url):
            raise Refused("chain_refused_recently", "Certificate chain was refused recently")
        with self._lock:
            waiting_for = self._in_flight.get(url)
            if waiting_for is None:
                ordinary = len(self._in_flight) - len(self._reserved)
                if ordinary >= self._max_fetches:
                    # Every ordinary slot is taken (by anyone naming new URLs); a request that
                    # could be genuine gets a reserved one, which unsigned junk never can.
                    if len(self._reserved) >= RESERVED_FETCHES or admit is None or not admit():
                        raise Refused("busy", "Too many certificate chain downloads in progress")
                    self._reserved.add(url)
                done = self._in_flight[url] = threading.Event()
        if waiting_for is not None:
            waiting_for.wait(self._fetch_wait)
            cached = self._cache.get(url)
            if cached is not None and cached.valid_at(now):
                return cached
            raise Refused("chain", "Certificate chain is not available")
        try:
            validated = self._validate(self._load_chain(url), now)
        except Exception:  # refused, or a failure of the fetcher itself: both remembered
            self._refusals.add(url)
            raise
        else:
            self._cache.put(url, validated)
            return validated
        finally:
            with self._lock:
                self._in_flight.pop(url, None)
                self._reserved.discard(url)
            done.set()

    def _load_chain(self, url: str) -> list[x509.Certificate]:
        data = self._fetch(url)
        if len(data) > MAX_CHAIN_BYTES:
            raise Refused("chain", f"Certificate chain is larger than {MAX_CHAIN_BYTES} bytes")
        try:
            certificates = parse_pem_certificates(data)
        except ValueError:
            raise Refused("chain", "Certificate chain is not valid PEM") from None
        if not certificates:
            raise Refused("chain", "Certificate chain holds no certificate")
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
        except VerificationError:
            # cryptography's message names certificates from the request's chain: not logged.
            raise Refused("chain", "Certificate chain is not valid") from None
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise Refused("chain", "Signing certificate does not hold an RSA key")
        return _ValidatedChain(
            public_key=public_key,
            not_before=max(c.not_valid_before_utc for c in path),
            not_after=min(c.not_valid_after_utc for c in path),
        )


def _as_utc(moment: datetime) -> datetime:
    # Alexa always sends UTC ("...Z"); a timestamp without a zone is read as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _window(request: Any) -> timedelta:
    is_skill_event = getattr(request, "object_type", None) in SKILL_EVENT_TYPES
    return MAX_SKILL_EVENT_AGE if is_skill_event else MAX_REQUEST_AGE


def admission_problem(
    document: Any, skill_id: str | None, now: datetime
) -> str | None:
    """Why an unverified request may not start a certificate download, or None.

    A download slot is spent only on a body that could be a genuine request for this skill: an
    envelope with this skill's id (when one is configured) and a timestamp inside the window.
    Anything else would be refused after its signature anyway; refusing it before lets unsigned
    junk naming new certificate URLs never take the slots Amazon's own chain needs.
    """
    from skill.alexa.guard import envelope_problem, request_timestamp

    if envelope_problem(document) is not None:
        return "envelope"
    request = document["request"]
    moment = request_timestamp(request.get("timestamp"))
    window = MAX_SKILL_EVENT_AGE if request.get("type") in SKILL_EVENT_TYPES else MAX_REQUEST_AGE
    if moment is None or abs(now - moment) > window:
        return "timestamp"
    if skill_id:
        system = document["context"]["System"]
        application = system.get("application")
        ids = [application.get("applicationId") if isinstance(application, dict) else None]
        session = document.get("session")
        if isinstance(session, dict) and isinstance(session.get("application"), dict):
            ids.append(session["application"].get("applicationId"))
        if any(found != skill_id for found in ids):
            return "wrong_skill"
    return None


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
            raise Refused("timestamp", "Request has no timestamp")
        try:
            skew = abs(self._clock() - _as_utc(timestamp))
        except (ValueError, OverflowError):  # an offset or a year no clock can compare
            raise Refused("timestamp", "Request timestamp is not a valid time") from None
        if skew <= _window(request):
            return
        raise Refused("timestamp", "Request timestamp is outside the allowed window")


# Request ids remembered per process: enough for about 300 requests a second over the
# 150-second window; past it the oldest are forgotten first.
SEEN_REQUEST_IDS = 50_000
MAX_REQUEST_ID_LENGTH = 256


class ReplayVerifier(AbstractVerifier):
    """Refuses a request whose id this process has already seen while its timestamp is still
    inside the window: stricter than Amazon asks (a signed request could otherwise be replayed
    for 150 seconds), as payment webhooks are. Per process and bounded; runs after the
    signature, timestamp and skill-id checks, so only genuine, timely requests are recorded."""

    def __init__(self, clock: Clock = utc_now, size: int = SEEN_REQUEST_IDS) -> None:
        self._clock = clock
        self._size = max(1, size)
        self._lock = threading.Lock()
        self._until: OrderedDict[str, datetime] = OrderedDict()

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        request = getattr(deserialized_request_env, "request", None)
        request_id = getattr(request, "request_id", None)
        timestamp = getattr(request, "timestamp", None)
        if not isinstance(request_id, str) or not 0 < len(request_id) <= MAX_REQUEST_ID_LENGTH:
            raise Refused("request_id", "Request has no valid id")
        if not isinstance(timestamp, datetime):
            raise Refused("timestamp", "Request has no timestamp")
        now = self._clock()
        try:
            until = _as_utc(timestamp) + _window(request)
        except (ValueError, OverflowError):
            raise Refused("timestamp", "Request timestamp is not a valid time") from None
        with self._lock:
            seen = self._until.get(request_id)
            if seen is not None and seen >= now:
                raise Refused("replay", "Request id was already seen")
            self._until[request_id] = until
            self._until.move_to_end(request_id)
            while self._until and (len(self._until) > self._size
                                   or next(iter(self._until.values())) < now):
                self._until.popitem(last=False)

    def forget(self, request_id: str) -> None:
        """Accept this id again (its request was not acknowledged, so Alexa may resend it)."""
        with self._lock:
            self._until.pop(request_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._until)


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


class SkillIdMismatch(Refused):
    """The request is for another skill."""

    def __init__(self, message: str = "Request is not for this skill") -> None:
        super().__init__("wrong_skill", message)


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
