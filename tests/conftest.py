"""Fixtures for the whole-stack tests; the helpers themselves live in skilltest.py."""

from __future__ import annotations

import pytest
from skilltest import Dialog, LambdaHandler, load_lambda_handler


@pytest.fixture(scope="session")
def lambda_handler() -> LambdaHandler:
    return load_lambda_handler()


@pytest.fixture
def dialog(lambda_handler: LambdaHandler) -> Dialog:
    return Dialog(lambda_handler)
