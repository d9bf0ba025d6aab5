"""The Alexa request verifier: certificate URL, chain, signature and timestamp rules."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from web_certs import (
    CERT_URL,
    NOW,
    OTHER_SKILL_ID,
    SIGNED_FIXTURES,
    SKILL_ID,
    envelope,
    make_pki,
    sign,
    signed_request,
)

from skill.web._sdk_compat import VerificationException
from skill.web.verifier import (
    MAX_CHAIN_BYTES,
    SignatureVerifier,
    SkillIdMismatch,
    SkillIdVerifier,
    TimestampVerifier,
    load_trust_store,
    make_http_fetcher,
    validate_cert_url,
)

_serializer = DefaultSerializer()


def _deserialize(body: bytes) -> RequestEnvelope:
    result: RequestEnvelope = _serializer.deserialize(body.decode(), RequestEnvelope)
    return result


class _Fetcher:
    """Serves chains from memory and counts fetches."""

    def __init__(self, chains: dict[str, bytes]) -> None:
        self.chains = chains
        self.calls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if url not in self.chains:
            raise VerificationException(f"no chain at {url}")
        return self.chains[url]


def _verifier(
    chain: bytes | None = None, *, now: datetime = NOW, roots: list[Any] | None = None
) -> tuple[SignatureVerifier, _Fetcher]:
    pki = make_pki()
    fetcher = _Fetcher({CERT_URL: chain if chain is not None else pki.chain()})
    verifier = SignatureVerifier(
        trust_roots=roots if roots is not None else [pki.root], fetcher=fetcher, clock=lambda: now
    )
    return verifier, fetcher


def _verify(verifier: SignatureVerifier, body: bytes, headers: dict[str, str]) -> None:
    verifier.verify(headers, body.decode(), _deserialize(body))


# --- certificate URL ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        (
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://S3.AmazonAWS.com:443/echo.api/sub/echo-api-cert-12.pem",
            "https://s3.amazonaws.com/echo.api/sub/echo-api-cert-12.pem",
        ),
    ],
)
def test_accepted_cert_urls_are_normalised(url: str, normalised: str) -> None:
    """Only scheme and host case and the default port are normalised; the path never is."""
    assert validate_cert_url(url) == normalised


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",  # not https
        "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://notamazon.com/echo.api/echo-api-cert.pem",  # wrong host
        "https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem",
        "https://evil.s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",  # path is case-sensitive
        "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/cert.pem",
        "https://s3.amazonaws.com/echo.api",
        "https://s3.amazonaws.com/echo.api/",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",  # wrong port
        "https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem",
        "https://user:pw@s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "",
        # Dot segments are refused, not resolved: the URL downloaded is the URL checked.
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/sub/../echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api//echo-api-cert.pem",
        "https://s3.amazonaws.com//echo.api/echo-api-cert.pem",
        # Percent-escapes of any kind (decoded, they were downloaded raw: a 500, finding 1).
        "https://s3.amazonaws.com/echo.api/a%20b.pem",
        "https://s3.amazonaws.com/echo.api/a%00b.pem",
        "https://s3.amazonaws.com/echo.api/a%0d%0ab.pem",
        "https://s3.amazonaws.com/echo.api/a%7fb.pem",
        "https://s3.amazonaws.com/echo.api/%252e%252e/evil/cert.pem",
        "https://s3.amazonaws.com/echo.api/cert.pem%3Fx=1",
        "https://s3.amazonaws.com/echo.api/cert.pem%23x",
        "https://s3.amazonaws.com/echo.api/echo-api-cert%2Epem",
        "https://s3.amazonaws.com/%65cho.api/echo-api-cert.pem",
        # Query strings and fragments.
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#x",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#",
        # Not a .pem name.
        "https://s3.amazonaws.com/echo.api/echo-api-cert",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem/",
        "https://s3.amazonaws.com/echo.api/.pem",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.PEM",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem.txt",
        # Raw whitespace, control, non-ASCII and other characters.
        "https://s3.amazonaws.com/echo.api/a b.pem",
        "https://s3.amazonaws.com/echo.api/a\tb.pem",
        "https://s3.amazonaws.com/echo.api/a\x7fb.pem",
        "https://s3.amazonaws.com/echo.api/\u00e9.pem",
        "https://s3.amazonaws.com/echo.api\\cert.pem",
        "https://s3.amazonaws.com/echo.api/a;b.pem",
        "https://s3.amazonaws.com/echo.api/a:b.pem",
        "https://s3.amazonaws.com/echo.api/a@b.pem",
        # Odd authorities.
        "https://s3.amazonaws.com:/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:0443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com.:443/echo.api/echo-api-cert.pem",
        "https://@s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https:/s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https:///s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/" + "a" * 600 + ".pem",
    ],
)
def test_rejected_cert_urls(url: str) -> None:
    with pytest.raises(VerificationException):
        validate_cert_url(url)


@pytest.mark.parametrize(
    "url",
    [
        CERT_URL,
        CERT_URL.replace("https://s3.amazonaws.com", "HTTPS://S3.AMAZONAWS.COM:443"),
    ],
)
def test_the_url_downloaded_is_the_url_validated(url: str) -> None:
    verifier, fetcher = _verifier()
    body, headers = signed_request(url=url)
    _verify(verifier, body, headers)
    assert fetcher.calls == [CERT_URL]


def test_bad_cert_url_is_refused_before_any_fetch() -> None:
    verifier, fetcher = _verifier()
    body, headers = signed_request(url="https://evil.example.com/echo.api/cert.pem")
    with pytest.raises(VerificationException, match="host"):
        _verify(verifier, body, headers)
    assert fetcher.calls == []


# --- chain --------------------------------------------------------------------------------


def test_valid_sha256_request_verifies() -> None:
    verifier, fetcher = _verifier()
    body, headers = signed_request()
    _verify(verifier, body, headers)
    assert fetcher.calls == [CERT_URL]


def test_valid_sha1_request_verifies() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request(sha256=False)
    _verify(verifier, body, headers)


def test_chain_is_fetched_once_and_cached() -> None:
    verifier, fetcher = _verifier()
    for _ in range(5):
        body, headers = signed_request()
        _verify(verifier, body, headers)
    assert fetcher.calls == [CERT_URL]
    assert verifier.cached_chains == 1


def test_cache_is_bounded() -> None:
    pki = make_pki()
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{i}.pem" for i in range(6)]
    fetcher = _Fetcher(dict.fromkeys(urls, pki.chain()))
    verifier = SignatureVerifier(
        trust_roots=[pki.root], fetcher=fetcher, clock=lambda: NOW, cache_size=3
    )
    for url in urls:
        body, headers = signed_request(url=url)
        _verify(verifier, body, headers)
    assert verifier.cached_chains == 3
    body, headers = signed_request(url=urls[0])  # evicted: fetched again
    _verify(verifier, body, headers)
    assert fetcher.calls.count(urls[0]) == 2


def test_cached_chain_is_rechecked_when_it_expires() -> None:
    pki = make_pki()
    clock = [NOW]
    fetcher = _Fetcher({CERT_URL: pki.chain(not_after=NOW + timedelta(hours=1))})
    verifier = SignatureVerifier(trust_roots=[pki.root], fetcher=fetcher, clock=lambda: clock[0])
    body, headers = signed_request()
    _verify(verifier, body, headers)
    clock[0] = NOW + timedelta(hours=2)
    with pytest.raises(VerificationException, match="chain"):
        verifier.verify(headers, body.decode(), None)


def test_chain_whose_leaf_expired_is_downloaded_again() -> None:
    """Amazon renews the certificate at the same URL: the cached chain must not outlive it."""
    pki = make_pki()
    clock = [NOW]
    fetcher = _Fetcher({CERT_URL: pki.chain(not_after=NOW + timedelta(hours=1))})
    verifier = SignatureVerifier(trust_roots=[pki.root], fetcher=fetcher, clock=lambda: clock[0])
    body, headers = signed_request()
    _verify(verifier, body, headers)
    fetcher.chains[CERT_URL] = pki.chain(not_after=NOW + timedelta(days=300))
    clock[0] = NOW + timedelta(hours=2)
    verifier.verify(headers, body.decode(), None)
    assert fetcher.calls == [CERT_URL, CERT_URL]
    verifier.verify(headers, body.decode(), None)  # the renewed chain is cached
    assert len(fetcher.calls) == 2


def test_refusals_are_remembered_briefly_not_forever() -> None:
    pki = make_pki()
    ticks = [1000.0]
    fetcher = _Fetcher({CERT_URL: pki.untrusted_chain()})
    verifier = SignatureVerifier(
        trust_roots=[pki.root],
        fetcher=fetcher,
        clock=lambda: NOW,
        refusal_seconds=10.0,
        monotonic=lambda: ticks[0],
    )
    body, headers = signed_request()
    for _ in range(3):
        with pytest.raises(VerificationException, match="chain"):
            verifier.verify(headers, body.decode(), None)
    assert fetcher.calls == [CERT_URL]  # refused once, remembered
    assert verifier.cached_chains == 0  # only chains that validated are cached
    fetcher.chains[CERT_URL] = pki.chain()
    ticks[0] += 10.5
    verifier.verify(headers, body.decode(), None)
    assert fetcher.calls == [CERT_URL, CERT_URL]
    assert verifier.cached_chains == 1


def test_failed_downloads_are_remembered_briefly() -> None:
    pki = make_pki()
    ticks = [1000.0]
    fetcher = _Fetcher({})
    verifier = SignatureVerifier(
        trust_roots=[pki.root], fetcher=fetcher, clock=lambda: NOW, monotonic=lambda: ticks[0]
    )
    body, headers = signed_request()
    for _ in range(3):
        with pytest.raises(VerificationException):
            verifier.verify(headers, body.decode(), None)
    assert fetcher.calls == [CERT_URL]
    fetcher.chains[CERT_URL] = pki.chain()
    ticks[0] += 3600
    verifier.verify(headers, body.decode(), None)


def test_refused_chains_never_evict_a_good_one() -> None:
    """Unsigned requests naming other URLs cannot push Amazon's chain out of the cache."""
    pki = make_pki()
    urls = [f"https://s3.amazonaws.com/echo.api/evil-{i}.pem" for i in range(40)]
    fetcher = _Fetcher({CERT_URL: pki.chain(), **dict.fromkeys(urls, pki.untrusted_chain())})
    verifier = SignatureVerifier(
        trust_roots=[pki.root], fetcher=fetcher, clock=lambda: NOW, cache_size=2
    )
    body, headers = signed_request()
    _verify(verifier, body, headers)
    for url in urls:
        with pytest.raises(VerificationException):
            verifier.verify({**headers, "SignatureCertChainUrl": url}, body.decode(), None)
    _verify(verifier, body, headers)
    assert fetcher.calls.count(CERT_URL) == 1
    assert verifier.cached_chains == 1


def test_concurrent_downloads_are_bounded() -> None:
    """Slow downloads cannot pile up: past the limit a request is refused at once."""
    pki = make_pki()
    release = threading.Event()
    active, peak = [0], [0]
    lock = threading.Lock()

    def slow_fetch(url: str) -> bytes:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        release.wait(10)
        with lock:
            active[0] -= 1
        raise VerificationException("no chain here")

    verifier = SignatureVerifier(
        trust_roots=[pki.root], fetcher=slow_fetch, clock=lambda: NOW, max_fetches=3
    )
    body, headers = signed_request()
    outcomes: list[str] = []

    def attempt(index: int) -> None:
        url = f"https://s3.amazonaws.com/echo.api/slow-{index}.pem"
        try:
            verifier.verify({**headers, "SignatureCertChainUrl": url}, body.decode(), None)
        except VerificationException as error:
            with lock:
                outcomes.append(str(error))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(10)]
    for thread in threads[:3]:
        thread.start()
    deadline = time.monotonic() + 5
    while active[0] < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    for thread in threads[3:]:
        thread.start()
    for thread in threads[3:]:
        thread.join(5)
    refused_quickly = time.monotonic() - started
    release.set()
    for thread in threads[:3]:
        thread.join(5)
    assert peak[0] == 3
    assert refused_quickly < 2.0
    assert len(outcomes) == 10
    assert sum("in progress" in outcome for outcome in outcomes) == 7


def test_requests_for_a_url_being_downloaded_wait_for_that_download() -> None:
    """Alexa's first requests to a new worker share one download of Amazon's chain."""
    pki = make_pki()
    gate = threading.Event()
    calls: list[str] = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        gate.wait(10)
        return pki.chain()

    verifier = SignatureVerifier(
        trust_roots=[pki.root], fetcher=fetch, clock=lambda: NOW, max_fetches=1
    )
    body, headers = signed_request()
    errors: list[Exception] = []

    def attempt() -> None:
        try:
            verifier.verify(headers, body.decode(), None)
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=attempt) for _ in range(5)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    gate.set()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert calls == [CERT_URL]


@pytest.mark.parametrize(
    ("leaf_options", "reason"),
    [
        ({"not_after": NOW - timedelta(seconds=1)}, "expired"),
        ({"not_before": NOW + timedelta(seconds=1)}, "not yet valid"),
        ({"sans": ()}, "missing SAN"),
        ({"sans": ("echo-api.amazon.com.evil.com", "example.com")}, "wrong SAN"),
    ],
)
def test_invalid_leaf_is_rejected(leaf_options: dict[str, Any], reason: str) -> None:
    verifier, _ = _verifier(make_pki().chain(**leaf_options))
    body, headers = signed_request()
    with pytest.raises(VerificationException, match="chain"):
        _verify(verifier, body, headers)


def test_chain_to_untrusted_root_is_rejected() -> None:
    verifier, _ = _verifier(make_pki().untrusted_chain())
    body, headers = signed_request()
    with pytest.raises(VerificationException, match="chain"):
        _verify(verifier, body, headers)


def test_leaf_without_its_intermediate_is_rejected() -> None:
    verifier, _ = _verifier(make_pki().chain()[: make_pki().chain().index(b"-----END") + 25])
    body, headers = signed_request()
    with pytest.raises(VerificationException, match="chain"):
        _verify(verifier, body, headers)


@pytest.mark.parametrize(
    "chain",
    [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"],
)
def test_garbage_chain_is_rejected(chain: bytes) -> None:
    verifier, _ = _verifier(chain)
    body, headers = signed_request()
    with pytest.raises(VerificationException):
        _verify(verifier, body, headers)


def test_oversized_chain_is_rejected() -> None:
    verifier, _ = _verifier(make_pki().chain() + b"\n" * MAX_CHAIN_BYTES)
    body, headers = signed_request()
    with pytest.raises(VerificationException, match="larger"):
        _verify(verifier, body, headers)


# --- signature ----------------------------------------------------------------------------


def test_one_changed_body_byte_is_rejected() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()
    index = body.index(b"LaunchRequest")
    tampered = body[:index] + b"l" + body[index + 1 :]
    with pytest.raises(VerificationException, match="signature"):
        verifier.verify(headers, tampered.decode(), None)


def test_signature_by_another_key_is_rejected() -> None:
    from web_certs import _key

    verifier, _ = _verifier()
    body, headers = signed_request()
    headers["Signature-256"] = sign(body, key=_key("someone-else"))
    with pytest.raises(VerificationException, match="signature"):
        _verify(verifier, body, headers)


def test_signature_256_wins_over_signature() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()  # valid Signature-256
    headers["Signature"] = "AAAA"
    _verify(verifier, body, headers)
    body, headers = signed_request(sha256=False)  # valid Signature (SHA-1)
    headers["Signature-256"] = sign(b"another body")
    with pytest.raises(VerificationException, match="signature"):
        _verify(verifier, body, headers)


@pytest.mark.parametrize("value", ["", "   ", "not base64!", "AAAA", "=="])
def test_sha1_is_used_only_when_signature_256_is_absent(value: str) -> None:
    """A present but empty or malformed Signature-256 never falls back to SHA-1 (finding 5)."""
    verifier, _ = _verifier()
    body, headers = signed_request(sha256=False)  # a valid SHA-1 `Signature`
    _verify(verifier, body, headers)
    headers["Signature-256"] = value
    with pytest.raises(VerificationException, match="Signature-256"):
        _verify(verifier, body, headers)


def test_sha1_signature_in_sha256_header_is_rejected() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()
    headers["Signature-256"] = sign(body, sha256=False)
    with pytest.raises(VerificationException, match="signature"):
        _verify(verifier, body, headers)


@pytest.mark.parametrize("missing", ["SignatureCertChainUrl", "Signature-256"])
def test_missing_headers_are_rejected(missing: str) -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()
    del headers[missing]
    with pytest.raises(VerificationException, match="Missing"):
        _verify(verifier, body, headers)


def test_undecodable_signature_is_rejected() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()
    headers["Signature-256"] = "not base64!"
    with pytest.raises(VerificationException, match="base64"):
        _verify(verifier, body, headers)


def test_headers_are_case_insensitive_for_plain_dicts() -> None:
    verifier, _ = _verifier()
    body, headers = signed_request()
    _verify(verifier, body, {k.lower(): v for k, v in headers.items()})


# --- timestamp ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "request_type", "accepted"),
    [
        (0, "LaunchRequest", True),
        (-150, "LaunchRequest", True),
        (150, "LaunchRequest", True),
        (-151, "LaunchRequest", False),  # stale
        (151, "LaunchRequest", False),  # from the future
        (-3600, "AlexaSkillEvent.SkillEnabled", True),
        (-3601, "AlexaSkillEvent.SkillEnabled", False),
        (3601, "AlexaSkillEvent.SkillDisabled", False),
        (-600, "AlexaSkillEvent.SkillPermissionAccepted", True),
    ],
)
def test_timestamp_window(offset: int, request_type: str, accepted: bool) -> None:
    body = json.dumps(
        envelope(timestamp=NOW + timedelta(seconds=offset), request_type=request_type)
    ).encode()
    verifier = TimestampVerifier(clock=lambda: NOW)
    if accepted:
        verifier.verify({}, body.decode(), _deserialize(body))
    else:
        with pytest.raises(VerificationException, match="timestamp"):
            verifier.verify({}, body.decode(), _deserialize(body))


def test_missing_timestamp_is_rejected() -> None:
    document = envelope()
    del document["request"]["timestamp"]
    body = json.dumps(document).encode()
    with pytest.raises(VerificationException, match="timestamp"):
        TimestampVerifier(clock=lambda: NOW).verify({}, body.decode(), _deserialize(body))


# --- skill id -----------------------------------------------------------------------------


def test_skill_id_verifier() -> None:
    verifier = SkillIdVerifier(SKILL_ID)
    mine = json.dumps(envelope()).encode()
    verifier.verify({}, mine.decode(), _deserialize(mine))
    other = json.dumps(envelope(skill_id=OTHER_SKILL_ID)).encode()
    with pytest.raises(SkillIdMismatch):
        verifier.verify({}, other.decode(), _deserialize(other))


# --- real Amazon-signed requests ----------------------------------------------------------


def _fixture(name: str) -> tuple[bytes, dict[str, str], bytes, datetime]:
    folder = SIGNED_FIXTURES / name
    headers = json.loads((folder / "headers.json").read_text())
    chain = next(folder.glob("*.pem")).read_bytes()
    timestamp = datetime.fromisoformat(
        (folder / "request_timestamp.txt").read_text().strip().replace("Z", "+00:00")
    )
    return (folder / "body.json").read_bytes(), headers, chain, timestamp


def _amazon_verifier(
    chain: bytes, url: str, at: datetime
) -> tuple[SignatureVerifier, TimestampVerifier]:
    roots = load_trust_store()  # today's system trust store
    signature = SignatureVerifier(
        trust_roots=roots, fetcher=_Fetcher({url: chain}), clock=lambda: at
    )
    return signature, TimestampVerifier(clock=lambda: at)


def test_real_2019_amazon_request_verifies_at_its_timestamp() -> None:
    body, headers, chain, at = _fixture("alexa_sdk_nodejs_2019_launch")
    signature, timestamp = _amazon_verifier(chain, headers["SignatureCertChainUrl"], at)
    envelope_ = _deserialize(body)
    signature.verify(headers, body.decode(), envelope_)
    timestamp.verify(headers, body.decode(), envelope_)


def test_real_2019_amazon_request_is_rejected_today() -> None:
    body, headers, chain, _ = _fixture("alexa_sdk_nodejs_2019_launch")
    now = datetime.now(timezone.utc)
    signature, timestamp = _amazon_verifier(chain, headers["SignatureCertChainUrl"], now)
    with pytest.raises(VerificationException, match="chain"):  # the leaf expired in 2020
        signature.verify(headers, body.decode(), _deserialize(body))
    with pytest.raises(VerificationException, match="timestamp"):
        timestamp.verify(headers, body.decode(), _deserialize(body))


def test_real_2019_amazon_request_with_changed_byte_is_rejected() -> None:
    body, headers, chain, at = _fixture("alexa_sdk_nodejs_2019_launch")
    signature, _ = _amazon_verifier(chain, headers["SignatureCertChainUrl"], at)
    tampered = body.replace(b'"new":true', b'"new":True', 1)
    assert tampered != body
    with pytest.raises(VerificationException, match="signature"):
        signature.verify(headers, tampered.decode(), None)


def test_real_2017_amazon_request_is_rejected_with_todays_trust_store() -> None:
    body, headers, chain, at = _fixture("sidoh_alexa_verifier_2017_intent")
    signature, _ = _amazon_verifier(chain, headers["SignatureCertChainUrl"], at)
    with pytest.raises(VerificationException, match="chain"):
        signature.verify(headers, body.decode(), None)


def test_real_2017_request_is_refused_only_for_trust() -> None:
    """With its (no longer trusted) Symantec intermediate as anchor, the same request verifies:
    the rejection above is about today's trust store, not the URL, dates, SAN or body bytes."""
    from skill.web.verifier import parse_pem_certificates

    body, headers, chain, at = _fixture("sidoh_alexa_verifier_2017_intent")
    assert body.startswith(b" ") and b"\n" in body  # exact bytes, never re-serialised
    anchor = parse_pem_certificates(chain)[1]
    fetcher = _Fetcher({headers["SignatureCertChainUrl"]: chain})
    verifier = SignatureVerifier(trust_roots=[anchor], fetcher=fetcher, clock=lambda: at)
    verifier.verify(headers, body.decode(), None)
    with pytest.raises(VerificationException, match="signature"):
        verifier.verify(headers, body[1:].decode(), None)


# --- HTTP fetcher -------------------------------------------------------------------------


@pytest.fixture
def http_server() -> Iterator[Callable[[bytes], str]]:
    payloads: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = payloads.get(self.path)
            if data is None:  # a redirect to a chain that exists: never followed
                self.send_response(302)
                self.send_header("Location", next(iter(payloads), "/"))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(data: bytes) -> str:
        path = f"/echo.api/{len(payloads)}.pem"
        payloads[path] = data
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def test_http_fetcher_reads_a_chain(http_server: Callable[[bytes], str]) -> None:
    chain = make_pki().chain()
    assert make_http_fetcher()(http_server(chain)) == chain


def test_http_fetcher_refuses_oversized_chains(http_server: Callable[[bytes], str]) -> None:
    url = http_server(b"x" * 2048)
    with pytest.raises(VerificationException, match="larger"):
        make_http_fetcher(max_bytes=1024)(url)


def test_http_fetcher_reports_unreachable_hosts() -> None:
    with pytest.raises(VerificationException, match="fetch"):
        make_http_fetcher(timeout=1.0)("http://127.0.0.1:9/echo.api/cert.pem")


@pytest.mark.parametrize(
    "path",
    ["/echo.api/a b.pem", "/echo.api/a\x00b.pem", "/echo.api/a\r\nb.pem", "/echo.api/\x7f.pem"],
)
def test_http_fetcher_turns_every_error_into_a_refusal(path: str) -> None:
    """http.client.InvalidURL is neither OSError nor ValueError: it used to escape as a 500."""
    with pytest.raises(VerificationException, match="fetch"):
        make_http_fetcher(timeout=1.0)(f"http://127.0.0.1:9{path}")


def test_http_fetcher_does_not_follow_redirects(http_server: Callable[[bytes], str]) -> None:
    url = http_server(make_pki().chain())
    with pytest.raises(VerificationException, match="fetch"):
        make_http_fetcher(timeout=1.0)(url.replace(".pem", "-moved.pem"))


def test_http_fetcher_has_a_total_deadline() -> None:
    """A server that drips one byte at a time never trips a socket timeout; the deadline ends it."""
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def drip() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(4096)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")
            while not stop.is_set():
                try:
                    connection.sendall(b"x")
                except OSError:
                    return
                time.sleep(0.05)

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/echo.api/cert.pem"
    started = time.monotonic()
    try:
        with pytest.raises(VerificationException, match="fetch"):
            make_http_fetcher(timeout=1.0, deadline=1.0)(url)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 3.0


def test_trust_store_error_is_clear(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NECK_TWITCH_CA_BUNDLE", str(tmp_path / "missing.pem"))
    with pytest.raises(FileNotFoundError, match="NECK_TWITCH_CA_BUNDLE"):
        load_trust_store()
    empty = tmp_path / "empty.pem"
    empty.write_text("nothing here")
    with pytest.raises(ValueError, match="no usable"):
        load_trust_store(empty)
