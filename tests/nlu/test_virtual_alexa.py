"""The people corpus through Bespoken's virtual-alexa against the web service.

virtual-alexa reads the interaction model with its own utterance matching (code nobody on the
team wrote), builds the requests and posts them to `neck-twitch serve --no-verify` on loopback;
the skill's answers are judged exactly as the simulator's are (tests/people.py). `make test-peer`
runs it, not CI: virtual-alexa fills a custom slot only with one of the type's own values, where
Alexa hands over any words (ER_SUCCESS_NO_MATCH), so nearly every free sentence falls back there
and the figure measures the model's fixed phrases only (31/511 tuning, 23/306 held out
when last measured). It needs Node and `npm ci --prefix tests/nlu/node`.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from people import CORPORA, TUNING, Reply_, Report, cases, judge

from skill.simulator.model import default_model_dir

NODE = Path(__file__).parent / "node"
INSTALL = "npm ci --prefix tests/nlu/node --no-audit --no-fund"
# Measured floors (README): what virtual-alexa understood when this harness was written.
MIN_SHARE = {"tuning": 0.06, "tuning B": 0.07, "tuning C": 0.04,  # measured: fixed phrases
             "tuning D": 0.03, "held out": 0.07, "held out B": 0.07, "held out C": 0.05}

pytestmark = [
    pytest.mark.long,
    pytest.mark.peer,
    pytest.mark.skipif(shutil.which("node") is None, reason=f"needs Node 20 and {INSTALL}"),
    pytest.mark.skipif(not (NODE / "node_modules" / "virtual-alexa").is_dir(),
                       reason=f"needs virtual-alexa: {INSTALL}"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web service on loopback, without request verification (local testing only)."""
    port = _free_port()
    state = tmp_path_factory.mktemp("va-state")
    # No memory: every conversation is a first one (virtual-alexa keeps one user).
    env = {**os.environ, "XDG_STATE_HOME": str(state), "PORT": str(port),
           "NECK_TWITCH_STORAGE": "none"}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("neck-twitch")), "serve", "--no-verify", "--port",
         str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # its log, unread
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{url}healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the web service did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


class PeerSpeaker:
    """Talks to tests/nlu/node/peer.js, one JSON line each way."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.peer = subprocess.Popen(["node", str(NODE / "peer.js")], cwd=NODE, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def __call__(self, locale: str, utterances: list[str], *, new: bool = True) -> list[Reply_]:
        assert self.peer.stdin is not None and self.peer.stdout is not None
        model = str(default_model_dir() / f"{locale}.json")
        request = {"url": self.url, "model": model, "locale": locale, "new": new,
                   "utterances": utterances}
        self.peer.stdin.write(json.dumps(request) + "\n")
        self.peer.stdin.flush()
        answer: dict[str, Any] = json.loads(self.peer.stdout.readline())
        if "error" in answer:
            raise AssertionError(f"virtual-alexa: {answer['error']}")
        return [Reply_(r["speech"], bool(r["ended"]), r.get("card"), r.get("attributes") or {})
                for r in answer["replies"]]

    def close(self) -> None:
        self.peer.terminate()
        self.peer.wait(timeout=10)


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_people_through_virtual_alexa(service: str, corpus: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    speaker = PeerSpeaker(service)
    try:
        report = Report([judge(case, speaker) for case in cases(corpus)])
    finally:
        speaker.close()
    title = f"people corpus, {corpus}, virtual-alexa"
    shown = report.text(title) if corpus in TUNING else report.summary(title)
    with capsys.disabled():
        print("\n" + shown)
    assert report.share() >= MIN_SHARE[corpus], shown
