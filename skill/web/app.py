"""Flask app factory: the skill behind flask-ask-sdk's SkillAdapter, with request verification.

Order of work for each request, cheapest and least trusting first:

1. ``Content-Type`` and declared size (415, 413);
2. with verification on: the signature headers and the certificate URL's form (400
   ``verification_failed``), before the body is read;
3. the body is read (413 for a chunked body over the limit, 400 if shorter than announced);
   with verification on, the chain and the signature over the raw bytes (400), before anything
   is parsed;
4. UTF-8, JSON (no NaN or Infinity), nesting depth and envelope shape on the parsed document,
   including a `context` and a timestamp that exists (400, ``skill.alexa.guard``);
5. the SDK builds its objects; then the timestamp, skill-id and request-id (no replay) checks
   (400), then the skill. A SkillDisabled event whose delete failed gets 503, not 200, so that
   Alexa sends it again.

Logs name the reason of a refusal (a fixed identifier) and never the request's content, user
ids, intent names or exception messages.
"""

from __future__ import annotations

import json
import logging
import os
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from cryptography import x509
from flask import Flask, Response, current_app, jsonify
from flask import request as flask_request
from werkzeug.exceptions import HTTPException

from skill.alexa.guard import UnacknowledgedDelete, envelope_problem, json_depth_exceeds
from skill.storage import StorageConfigError, quiet_library_loggers
from skill.web._sdk_compat import (
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    AbstractVerifier,
    SkillAdapter,
    VerificationException,
    WebserviceSkillHandler,
)
from skill.web.policy import blueprint as policy_pages
from skill.web.startup import (
    ANY_SKILL_ENV,
    SKILL_ID_ENV,
    ConfigurationError,
    check_production_settings,
    check_skill_id,
)
from skill.web.verifier import (
    CertificateFetcher,
    Clock,
    ReplayVerifier,
    SignatureHeaders,
    SignatureVerifier,
    SkillIdMismatch,
    SkillIdVerifier,
    TimestampVerifier,
    admission_problem,
    check_signature_headers,
    utc_now,
)

logger = logging.getLogger(__name__)

# Alexa requests are a few KB; 1 MiB leaves room for any real one and refuses the rest early.
MAX_BODY_BYTES = 1024 * 1024
# Containers nested in the body, the envelope itself included (skill.alexa.guard.MAX_DEPTH).
MAX_JSON_DEPTH = 64
# The SDK's own skill-id check raises a bare AskSdkException with this text.
_SDK_SKILL_ID_MESSAGE = "Skill ID Verification failed"
_UNSET: Any = object()
_NOT_AN_ENVELOPE = "Body is not an Alexa request envelope"


class ApiError(Exception):
    """An error answered as ``{"error": {"status", "code", "message"}}`` with that status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class _InvalidEnvelope(Exception):
    """The body is JSON but the SDK cannot read it as a request envelope."""


def _error_response(status: int, code: str, message: str) -> tuple[Response, int]:
    return jsonify({"error": {"status": status, "code": code, "message": message}}), status


class _PhasedSkillHandler(WebserviceSkillHandler):
    """The SDK's handler, with the failure of each phase told apart.

    Same steps as ``WebserviceSkillHandler.verify_request_and_dispatch``: deserialise, run the
    verifiers, invoke, serialise. The SDK raises ``AskSdkException`` for every phase, which its
    adapter answers with 500; a client's malformed envelope must get a 4xx instead. The
    signature is not among these verifiers: the adapter has checked it on the raw bytes before.
    """

    def verify_request_and_dispatch(self, http_request_headers: Any, http_request_body: str) -> Any:
        try:
            envelope = self._skill.serializer.deserialize(
                payload=http_request_body, obj_type=RequestEnvelope
            )
        except Exception as error:
            raise _InvalidEnvelope(type(error).__name__) from None
        for verifier in self._verifiers:
            verifier.verify(
                headers=http_request_headers,
                serialized_request_env=http_request_body,
                deserialized_request_env=envelope,
            )
        try:
            response = self._skill.invoke(request_envelope=envelope, context=None)
        except UnacknowledgedDelete:
            for verifier in self._verifiers:
                if isinstance(verifier, ReplayVerifier):  # Alexa may send the same id again
                    verifier.forget(str(getattr(envelope.request, "request_id", "")))
            raise
        return self._skill.serializer.serialize(response)


class VerifyingSkillAdapter(SkillAdapter):  # type: ignore[misc]
    """flask-ask-sdk's ``SkillAdapter`` with strict input checks and JSON errors.

    The signature (``signature_verifier``) is checked on the raw body before it is parsed; the
    SDK-level ``verifiers`` (timestamp, skill id) run on the envelope the SDK builds. The SDK
    adapter would answer a non-UTF-8 body, a malformed envelope or a skill-id mismatch with 500
    and an HTML page; here each gets its 4xx and a JSON body.
    """

    def __init__(
        self,
        skill: CustomSkill,
        skill_id: str,
        verifiers: Sequence[AbstractVerifier] | None = None,
        app: Flask | None = None,
        *,
        signature_verifier: SignatureVerifier | None = None,
    ) -> None:
        self._signature_verifier = signature_verifier
        super().__init__(skill=skill, skill_id=skill_id, verifiers=verifiers, app=app)

    def _create_webservice_handler(
        self, skill: CustomSkill, verifiers: Sequence[AbstractVerifier] | None
    ) -> None:
        self._webservice_handler = _PhasedSkillHandler(
            skill=skill,
            verify_signature=current_app.config.get(VERIFY_SIGNATURE_APP_CONFIG, True),
            verify_timestamp=current_app.config.get(VERIFY_TIMESTAMP_APP_CONFIG, True),
            verifiers=list(verifiers or []),
        )
        self._webservice_handler._add_custom_user_agent("flask-ask-sdk")

    def dispatch_request(self) -> Response:
        _check_content_headers()
        signed = None if self._signature_verifier is None else _checked_signature_headers()
        raw = _read_body()
        if self._signature_verifier is not None and signed is not None:
            _verify_signature(self._signature_verifier, signed, raw, lambda: self._admits(raw))
        text = _parsed_body(raw)
        try:
            response = self._webservice_handler.verify_request_and_dispatch(
                http_request_headers=flask_request.headers, http_request_body=text
            )
        except _InvalidEnvelope:
            logger.info("Refused a request: not an envelope the SDK can read")
            raise ApiError(400, "invalid_envelope", _NOT_AN_ENVELOPE) from None
        except UnacknowledgedDelete:
            raise ApiError(503, "memory_unavailable",
                           "Stored data could not be deleted; send the event again") from None
        except SkillIdMismatch:
            logger.warning("Refused a request for another skill")
            raise ApiError(400, "wrong_skill", "Request is not for this skill") from None
        except VerificationException as error:
            logger.warning("Refused a request that failed verification (%s)", _reason(error))
            raise ApiError(400, "verification_failed", "Request failed verification") from None
        except Exception as error:
            if _SDK_SKILL_ID_MESSAGE in str(error):
                logger.warning("Refused a request for another skill (SDK check)")
                raise ApiError(400, "wrong_skill", "Request is not for this skill") from None
            raise
        return jsonify(response)


    def _admits(self, raw: bytes) -> bool:
        """Whether an unverified body could be a genuine, timely request for this skill: asked
        only when every ordinary certificate download slot is taken (``admission_problem``)."""
        try:
            document = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
        except (ValueError, RecursionError):
            return False
        skill_id = None if self._skill_id in (None, "default") else str(self._skill_id)
        clock = getattr(self._signature_verifier, "_clock", utc_now)
        return admission_problem(document, skill_id, clock()) is None


def _reason(error: Exception) -> str:
    """What a log may say about a refusal: a fixed identifier, never the exception's message."""
    reason = getattr(error, "reason", None)
    return reason if isinstance(reason, str) else type(error).__name__


def _refused(error: Exception) -> ApiError:
    if isinstance(error, VerificationException):
        logger.warning("Refused a request that failed verification (%s)", _reason(error))
    else:
        # Fail closed: whatever broke while checking, the request is not served.
        logger.error("Refused a request: %s while verifying its signature", type(error).__name__)
    return ApiError(400, "verification_failed", "Request failed verification")


def _checked_signature_headers() -> SignatureHeaders:
    """Signature headers and certificate URL, before the body is even read."""
    try:
        return check_signature_headers(flask_request.headers)
    except Exception as error:
        raise _refused(error) from None


def _verify_signature(
    verifier: SignatureVerifier, signed: SignatureHeaders, raw: bytes, admit: Callable[[], bool]
) -> None:
    """Chain and signature over the raw bytes, before they are parsed; 400 on any failure."""
    try:
        verifier.verify_signed(signed, raw, admit)
    except Exception as error:
        raise _refused(error) from None


def _check_content_headers() -> None:
    """Content-Type and declared length: refused before anything else is looked at."""
    if flask_request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Content-Type must be application/json")
    charset = flask_request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", "Body must be UTF-8")
    declared = flask_request.content_length
    if declared is not None and declared > MAX_BODY_BYTES:
        raise ApiError(
            413, "request_entity_too_large", f"Body is larger than {MAX_BODY_BYTES} bytes"
        )


def _read_body() -> bytes:
    """The raw request body, read whole (at most MAX_BODY_BYTES)."""
    try:
        raw = flask_request.get_data(cache=True)
    except HTTPException:
        raise
    except Exception as error:
        # The server's own reader failed (gunicorn: a malformed chunk, a body cut short).
        logger.info("Refused a request whose body could not be read (%s)", type(error).__name__)
        raise ApiError(400, "unreadable_body", "Body could not be read") from None
    if len(raw) >= MAX_BODY_BYTES and flask_request.content_length is None:
        # A chunked body is silently cut at MAX_CONTENT_LENGTH; refuse rather than parse a
        # truncated body (so a chunked body of exactly 1 MiB is refused too).
        raise ApiError(
            413, "request_entity_too_large", f"Body is larger than {MAX_BODY_BYTES} bytes"
        )
    if flask_request.content_length is not None and len(raw) != flask_request.content_length:
        # The client closed early (a server may hand on what it got): not the body announced.
        raise ApiError(400, "incomplete_body", "Body is shorter than its Content-Length")
    return raw


def _parsed_body(raw: bytes) -> str:
    """The body as text, once it is known to be UTF-8 JSON, sanely nested, shaped like an
    envelope (the SDK then parses it again, into its own objects)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "Body is not valid UTF-8") from None
    try:
        document = json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "Body is not valid JSON") from None
    if json_depth_exceeds(document, MAX_JSON_DEPTH):
        raise ApiError(
            400, "too_deeply_nested", f"Body is nested more than {MAX_JSON_DEPTH} levels deep"
        )
    request_part = document.get("request") if isinstance(document, dict) else None
    if not isinstance(request_part, dict) or not isinstance(request_part.get("type"), str):
        raise ApiError(400, "invalid_envelope", _NOT_AN_ENVELOPE)
    problem = envelope_problem(document)
    if problem is not None:
        logger.info("Refused a request: %s", problem)  # a fixed text, never the body's
        raise ApiError(400, "invalid_envelope", _NOT_AN_ENVELOPE)
    return text


def _no_constants(name: str) -> Any:
    """NaN and Infinity are not JSON (RFC 8259); Python's parser accepts them unless told."""
    raise ValueError(f"{name} is not JSON")


__all__ = ["MAX_BODY_BYTES", "ConfigurationError", "create_app", "json_depth_exceeds"]


def build_verifiers(
    *,
    verify: bool,
    skill_id: str | None,
    clock: Clock = utc_now,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetcher: CertificateFetcher | None = None,
    refuse_replays: bool = True,
) -> tuple[SignatureVerifier | None, list[AbstractVerifier]]:
    """The signature check on raw bytes (unless ``verify`` is off), and the checks on the
    envelope: timestamp (unless ``verify`` is off), then skill id (when one is given), then
    request ids already answered (unless ``verify`` or ``refuse_replays`` is off)."""
    signature: SignatureVerifier | None = None
    envelope_verifiers: list[AbstractVerifier] = []
    if verify:
        signature = SignatureVerifier(trust_roots=trust_roots, fetcher=fetcher, clock=clock)
        envelope_verifiers.append(TimestampVerifier(clock=clock))
    if skill_id:
        envelope_verifiers.append(SkillIdVerifier(skill_id))
    if verify and refuse_replays:
        envelope_verifiers.append(ReplayVerifier(clock=clock))  # last: genuine requests only
    return signature, envelope_verifiers


def create_app(
    skill: CustomSkill | None = None,
    *,
    skill_id: str | None = _UNSET,
    verify: bool = True,
    any_skill: bool | None = None,
    clock: Clock = utc_now,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetcher: CertificateFetcher | None = None,
    skill_factory: Callable[[], CustomSkill] | None = None,
    refuse_replays: bool = True,
) -> Flask:
    """The web service: POST ``/`` is the skill endpoint, GET ``/healthz`` answers 200.

    ``skill`` defaults to the Lambda's skill (``skill.alexa.builder.get_skill``); ``skill_id``
    defaults to ``$SKILL_ID``. Verification is on unless ``verify=False`` is passed, which is
    for local testing only. With verification on, the service refuses to start (raises
    ``ConfigurationError``) without a skill id, unless ``any_skill`` (default
    ``$NECK_TWITCH_ANY_SKILL``), and with the built-in or a near-default id salt; a skill id
    with spaces is refused either way (skill.web.startup). ``refuse_replays=False`` answers a
    request id more than once: for benchmarks that send one signed request over and over,
    never for a service Alexa calls. Gunicorn, with the same checks made once before any
    worker starts:
    ``gunicorn -c python:skill.web.gunicorn_conf 'skill.web:create_app()'``.
    """
    if skill_id is _UNSET:
        skill_id = os.environ.get(SKILL_ID_ENV) or None
    skill_id = skill_id or None
    if any_skill is None:
        any_skill = os.environ.get(ANY_SKILL_ENV, "").strip().lower() in ("1", "true", "yes")
    check_skill_id(skill_id, any_skill=any_skill, verify=verify)
    if verify:
        check_production_settings(skill_id, any_skill=any_skill)
    quiet_library_loggers()
    if skill is None:
        try:
            skill = skill_factory() if skill_factory is not None else _default_skill()
        except (PersistenceException, StorageConfigError) as error:
            raise ConfigurationError(f"memory: {error}") from None
    _prepare_storage(skill)

    app = Flask("skill.web")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.json.sort_keys = False  # type: ignore[attr-defined]
    # The SDK's own verifiers are replaced by ours (its RequestVerifier cannot run on modern
    # OpenSSL, see skill.web._sdk_compat); verification stays on, done by the adapter.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    app.config["NECK_TWITCH_VERIFY"] = verify
    if not verify:
        logger.warning(
            "REQUEST VERIFICATION IS OFF: anyone can call this endpoint. Local testing only."
        )
    elif not skill_id:
        logger.warning(
            "ACCEPTING REQUESTS FOR ANY SKILL (--any-skill): %s is not set, so any correctly "
            "signed Alexa request is answered, whichever skill it is for",
            SKILL_ID_ENV,
        )

    signature_verifier, verifiers = build_verifiers(
        verify=verify, skill_id=skill_id, clock=clock, trust_roots=trust_roots, fetcher=fetcher,
        refuse_replays=refuse_replays,
    )
    adapter = VerifyingSkillAdapter(
        skill=skill,
        skill_id=skill_id or "default",
        verifiers=verifiers,
        signature_verifier=signature_verifier,
    )
    adapter.init_app(app)
    app.add_url_rule("/", "skill", adapter.dispatch_request, methods=["POST"])
    app.add_url_rule("/healthz", "healthz", _healthz, methods=["GET"])
    app.register_blueprint(policy_pages)  # GET /privacy, GET /terms
    _register_error_handlers(app)
    return app


def _prepare_storage(skill: CustomSkill) -> None:
    """Open (create, or make private) the SQLite memory file now: a file that cannot be kept
    private stops the start, rather than every request quietly running without memory."""
    from skill.storage.sqlite import SQLiteAdapter

    adapter = getattr(skill, "persistence_adapter", None)
    if isinstance(adapter, SQLiteAdapter):
        try:
            adapter.prepare()
        except PersistenceException as error:
            raise ConfigurationError(str(error)) from None


def _default_skill() -> CustomSkill:
    from skill.alexa.builder import get_skill

    skill: CustomSkill = get_skill()
    return skill


def _healthz() -> tuple[Response, int]:
    return jsonify({"status": "ok"}), 200


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(error: ApiError) -> tuple[Response, int]:
        return _error_response(error.status, error.code, error.message)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> tuple[Response, int]:
        status = error.code or 500
        code = (error.name or "error").lower().replace(" ", "_")
        messages = {413: f"Body is larger than {MAX_BODY_BYTES} bytes"}
        return _error_response(status, code, messages.get(status, error.name or "Error"))

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> tuple[Response, int]:
        # Type and place only: the message could quote the request (health data).
        frames = traceback.extract_tb(error.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "unknown"
        logger.error("Unhandled %s at %s while serving a request", type(error).__name__, where)
        return _error_response(500, "internal_error", "Internal error")
