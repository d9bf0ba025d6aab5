"""A gunicorn app for the load test: the real skill with its memory, verification on, the test
CA trusted.

gunicorn imports it as ``web_loadtest_app:create()`` with ``--pythonpath tests/web``; the test
passes the root certificate and the chain as files through the environment, and the memory
file through ``NECK_TWITCH_STORAGE`` (with ``NECK_TWITCH_ID_SALT`` set, as production needs).
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from flask import Flask

from skill.alexa.builder import create_skill
from skill.storage import adapter_for, storage_spec
from skill.web import create_app
from skill.web._sdk_compat import VerificationException

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"


def create() -> Flask:
    root = x509.load_pem_x509_certificate(Path(os.environ["WEB_TEST_ROOT"]).read_bytes())
    chain = Path(os.environ["WEB_TEST_CHAIN"]).read_bytes()
    skill_id = os.environ["WEB_TEST_SKILL_ID"]

    def fetch(url: str) -> bytes:
        if url != CERT_URL:
            raise VerificationException("unknown certificate URL")
        return chain

    skill = create_skill(skill_id, adapter_for(storage_spec()))
    return create_app(skill, skill_id=skill_id, trust_roots=[root], fetcher=fetch)
