"""Import flask-ask-sdk on modern systems where its certvalidator/oscrypto dependency is broken.

Why this module exists
----------------------
``flask_ask_sdk.skill_adapter`` imports ``ask_sdk_webservice_support.verifier`` at import time,
and that module does ``from certvalidator import CertificateValidator``. certvalidator imports
``oscrypto`` 1.3.0, whose libcrypto version parsing fails on OpenSSL >= 3.0.10 (Debian 12,
Ubuntu 22.04+, OpenSSL 3.0.19 here): the import raises
``oscrypto.errors.LibraryNotFoundError: Error detecting the version of libcrypto``
(public oscrypto issues #75 and #78; the fix is unreleased). certvalidator is also reported
broken against newer asn1crypto. So on a stock modern system the adapter cannot even be
imported.

The only thing the SDK uses certvalidator for is its own ``RequestVerifier``, which this
project never uses: ``skill.web.verifier`` re-implements the whole check on pyca
``cryptography``. So, while importing the SDK modules (and only then), we put a small stand-in
for the ``certvalidator`` package into ``sys.modules`` and remove it again afterwards, so the
rest of the process never sees it. The stand-in fails closed: should anyone enable the SDK's
``RequestVerifier`` anyway, its chain validation raises the stand-in ``ValidationError``, which
the SDK turns into a ``VerificationException`` (HTTP 400): requests are rejected, never waved
through. Verification itself stays on, done by ``skill.web.verifier``.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import Any, NoReturn

_STUBBED = ("certvalidator", "certvalidator.errors")
_SDK_MODULES = (
    "ask_sdk_webservice_support.verifier",
    "ask_sdk_webservice_support.webservice_handler",
    "flask_ask_sdk.skill_adapter",
)
_lock = threading.Lock()

UNAVAILABLE_MESSAGE = (
    "certvalidator is not used by this project (oscrypto cannot load OpenSSL >= 3.0.10); "
    "use skill.web.verifier.AlexaRequestVerifier"
)


class _StubPathError(Exception):
    """Stand-in for certvalidator.errors.PathError."""


class _StubValidationError(Exception):
    """Stand-in for certvalidator.errors.ValidationError."""


class _StubCertificateValidator:
    """Stand-in for certvalidator.CertificateValidator that refuses every chain."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise _StubValidationError(UNAVAILABLE_MESSAGE)

    def validate_usage(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise _StubValidationError(UNAVAILABLE_MESSAGE)


def _stub_modules() -> dict[str, types.ModuleType]:
    package = types.ModuleType("certvalidator", UNAVAILABLE_MESSAGE)
    errors = types.ModuleType("certvalidator.errors", UNAVAILABLE_MESSAGE)
    errors.PathError = _StubPathError  # type: ignore[attr-defined]
    errors.ValidationError = _StubValidationError  # type: ignore[attr-defined]
    package.CertificateValidator = _StubCertificateValidator  # type: ignore[attr-defined]
    package.errors = errors  # type: ignore[attr-defined]
    return {"certvalidator": package, "certvalidator.errors": errors}


def import_sdk() -> None:
    """Import the flask-ask-sdk modules without importing certvalidator/oscrypto.

    Idempotent and thread-safe. If the SDK modules are already imported (by this function
    or because certvalidator works on this system), nothing changes.
    """
    with _lock:
        if all(name in sys.modules for name in _SDK_MODULES):
            return
        saved = {name: sys.modules.get(name) for name in _STUBBED}
        sys.modules.update(_stub_modules())
        try:
            for name in _SDK_MODULES:
                importlib.import_module(name)
        finally:
            for name, module in saved.items():
                if module is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = module


import_sdk()

# Re-exported after the guarded import above; everything in skill.web imports the SDK from here.
from ask_sdk_webservice_support import verifier_constants  # noqa: E402
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    VerificationException,
)
from ask_sdk_webservice_support.webservice_handler import WebserviceSkillHandler  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

__all__ = [
    "UNAVAILABLE_MESSAGE",
    "VERIFY_SIGNATURE_APP_CONFIG",
    "VERIFY_TIMESTAMP_APP_CONFIG",
    "AbstractVerifier",
    "SkillAdapter",
    "VerificationException",
    "WebserviceSkillHandler",
    "import_sdk",
    "verifier_constants",
]
