"""Flask app factory: the skill behind flask-ask-sdk's SkillAdapter, with request verification."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from cryptography import x509
from flask import Flask, Response, current_app, jsonify
from flask import request as flask_request
from werkzeug.exceptions import HTTPException

from skill.web._sdk_compat import (
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    AbstractVerifier,
    SkillAdapter,
    VerificationException,
    WebserviceSkillHandler,
)
from skill.web.verifier import (
    CertificateFetcher,
    Clock,
    SignatureVerifier,
    SkillIdMismatch,
    SkillIdVerifier,
    TimestampVerifier,
    utc_now,
)

logger = logging.getLogger(__name__)

# Alexa requests are a few KB; 1 MiB leaves room for any real one and refuses the rest early.
MAX_BODY_BYTES = 1024 * 1024
SKILL_ID_ENV = "SKILL_ID"
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
    adapter answers with 500; a client's malformed envelope must get a 4xx instead.
    """

    def verify_request_and_dispatch(self, http_request_headers: Any, http_request_body: str) -> Any:
        try:
            envelope = self._skill.serializer.deserialize(
                payload=http_request_body, obj_type=RequestEnvelope
            )
        except Exception as error:
            # Authenticate before reporting the body's shape: an unsigned body gets "failed
            # verification", whatever it holds. Verifiers refuse a missing envelope themselves.
            with contextlib.suppress(SkillIdMismatch):
                self._run_verifiers(http_request_headers, http_request_body, None)
            raise _InvalidEnvelope(type(error).__name__) from None
        self._run_verifiers(http_request_headers, http_request_body, envelope)
        response = self._skill.invoke(request_envelope=envelope, context=None)
        return self._skill.serializer.serialize(response)

    def _run_verifiers(self, headers: Any, body: str, envelope: Any) -> None:
        for verifier in self._verifiers:
            verifier.verify(
                headers=headers, serialized_request_env=body, deserialized_request_env=envelope
            )


class VerifyingSkillAdapter(SkillAdapter):  # type: ignore[misc]
    """flask-ask-sdk's ``SkillAdapter`` with strict input checks and JSON errors.

    The SDK adapter would answer a non-UTF-8 body, a malformed envelope or a skill-id mismatch
    with 500 and an HTML page; here each gets its 4xx and a JSON body.
    """

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
        body = _checked_body()
        try:
            response = self._webservice_handler.verify_request_and_dispatch(
                http_request_headers=flask_request.headers, http_request_body=body
            )
        except _InvalidEnvelope:
            raise ApiError(400, "invalid_envelope", _NOT_AN_ENVELOPE) from None
        except SkillIdMismatch:
            logger.warning("Refused a request for another skill")
            raise ApiError(400, "wrong_skill", "Request is not for this skill") from None
        except VerificationException as error:
            logger.warning("Refused a request that failed verification: %s", error)
            raise ApiError(400, "verification_failed", "Request failed verification") from None
        except Exception as error:
            if _SDK_SKILL_ID_MESSAGE in str(error):
                logger.warning("Refused a request for another skill (SDK check)")
                raise ApiError(400, "wrong_skill", "Request is not for this skill") from None
            raise
        return jsonify(response)


def _checked_body() -> str:
    """The request body as text, after the checks any Alexa request passes."""
    if flask_request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Content-Type must be application/json")
    charset = flask_request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", "Body must be UTF-8")
    # With a Content-Length over MAX_CONTENT_LENGTH, werkzeug raises 413 before reading.
    raw = flask_request.get_data(cache=True)
    if len(raw) >= MAX_BODY_BYTES and flask_request.content_length is None:
        # A chunked body is silently cut at MAX_CONTENT_LENGTH; refuse rather than parse a
        # truncated body (so a chunked body of exactly 1 MiB is refused too).
        raise ApiError(
            413, "request_entity_too_large", f"Body is larger than {MAX_BODY_BYTES} bytes"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "Body is not valid UTF-8") from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "Body is not valid JSON") from None
    request_part = document.get("request") if isinstance(document, dict) else None
    if not isinstance(request_part, dict) or not isinstance(request_part.get("type"), str):
        raise ApiError(400, "invalid_envelope", _NOT_AN_ENVELOPE)
    return text


def build_verifiers(
    *,
    verify: bool,
    skill_id: str | None,
    clock: Clock = utc_now,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetcher: CertificateFetcher | None = None,
) -> list[AbstractVerifier]:
    """Signature and timestamp checks (unless ``verify`` is off), then the skill-id check."""
    verifiers: list[AbstractVerifier] = []
    if verify:
        verifiers.append(SignatureVerifier(trust_roots=trust_roots, fetcher=fetcher, clock=clock))
        verifiers.append(TimestampVerifier(clock=clock))
    if skill_id:
        verifiers.append(SkillIdVerifier(skill_id))
    return verifiers


def create_app(
    skill: CustomSkill | None = None,
    *,
    skill_id: str | None = _UNSET,
    verify: bool = True,
    clock: Clock = utc_now,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetcher: CertificateFetcher | None = None,
    skill_factory: Callable[[], CustomSkill] | None = None,
) -> Flask:
    """The web service: POST ``/`` is the skill endpoint, GET ``/healthz`` answers 200.

    ``skill`` defaults to the Lambda's skill (``skill.alexa.builder.get_skill``); ``skill_id``
    defaults to ``$SKILL_ID``. Verification is on unless ``verify=False`` is passed, which is
    for local testing only. Gunicorn: ``gunicorn 'skill.web:create_app()'``.
    """
    if skill_id is _UNSET:
        skill_id = os.environ.get(SKILL_ID_ENV) or None
    if skill is None:
        skill = skill_factory() if skill_factory is not None else _default_skill()

    app = Flask("skill.web")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.json.sort_keys = False  # type: ignore[attr-defined]
    # The SDK's own verifiers are replaced by ours (its RequestVerifier cannot run on modern
    # OpenSSL, see skill.web._sdk_compat); verification stays on through `verifiers`.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    app.config["NECK_TWITCH_VERIFY"] = verify
    if not verify:
        logger.warning(
            "REQUEST VERIFICATION IS OFF: anyone can call this endpoint. Local testing only."
        )

    verifiers = build_verifiers(
        verify=verify, skill_id=skill_id, clock=clock, trust_roots=trust_roots, fetcher=fetcher
    )
    adapter = VerifyingSkillAdapter(
        skill=skill, skill_id=skill_id or "default", verifiers=verifiers
    )
    adapter.init_app(app)
    app.add_url_rule("/", "skill", adapter.dispatch_request, methods=["POST"])
    app.add_url_rule("/healthz", "healthz", _healthz, methods=["GET"])
    _register_error_handlers(app)
    return app


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
