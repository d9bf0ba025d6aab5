"""Simulator fixtures: the en-US NLU, a tiny model file, and simulators on a hello-world skill."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sim_helpers import EN_US_MODEL, TINY_MODEL, HelloService, HelloTransport, MakeHello

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


@pytest.fixture
def hello_service() -> Iterator[HelloService]:
    """The hello skill as a web service on a free local port (for `--endpoint`)."""
    transport = HelloTransport()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            assert self.headers["Content-Type"] == "application/json"
            reply = json.dumps(transport(json.loads(self.rfile.read(length)))).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield HelloService(f"http://127.0.0.1:{server.server_address[1]}/", transport)
    server.shutdown()
    server.server_close()


@pytest.fixture
def hello_server(hello_service: HelloService) -> str:
    return hello_service.url
