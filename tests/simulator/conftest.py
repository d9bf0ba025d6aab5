"""Simulator fixtures: the en-US NLU, a tiny model file, and simulators on a hello-world skill."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sim_helpers import EN_US_MODEL, TINY_MODEL, HelloTransport, MakeHello

from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import load_model
from skill.simulator.nlu import Nlu
from skill.simulator.runner import Simulator


@pytest.fixture(scope="session")
def en_us_nlu() -> Nlu:
    return Nlu(load_model(EN_US_MODEL, "en-US"))


@pytest.fixture
def tiny_model_file(tmp_path: Path) -> Path:
    path = tmp_path / "en-US.json"
    path.write_text(json.dumps(TINY_MODEL), encoding="utf-8")
    return path


@pytest.fixture
def hello_transport() -> HelloTransport:
    return HelloTransport()


@pytest.fixture
def make_hello(tiny_model_file: Path, hello_transport: HelloTransport) -> MakeHello:
    def make(device: str = "voice", user: str = "tester") -> Simulator:
        nlu = Nlu(load_model(tiny_model_file, "en-US"))
        return Simulator(nlu, EnvelopeFactory("en-US", user=user, device=device), hello_transport)

    return make
