"""Household load test: the real web service under gunicorn (skill.web.gunicorn_conf, SQLite
memory, verification on) on loopback, with households talking at once.

Accounts of two or three people each (recognised voice profiles), one client per person, all
at once: each runs checks of a few answers, stops part way (the check is remembered) or says
"delete my data", and after every turn reads the memory file to see that:

- no update was lost: the person's stored check is the one their last turn left;
- no delete was undone: right after "delete my data", and at the end, the entry is gone;
- no session crossed: each response carries its own client's marker, and a launch offers to
  carry on exactly when that person has an unfinished check stored;
- nothing answered 5xx (or failed at all).

    python benchmarks/household_load.py [--accounts 12] [--requests 3200] [--workers 4]

Exit status 0 when every count above is zero. Loopback only; bounded by --requests.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "web"))
from web_certs import SKILL_ID, TEST_ID_SALT, envelope, make_pki, pem, signed_request  # noqa: E402

from skill.storage import SALT_ENV, hashed_id  # noqa: E402
from skill.storage.sqlite import SQLiteAdapter  # noqa: E402


@dataclass
class Tally:
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    server_errors: int = 0
    lost_updates: list[str] = field(default_factory=list)
    resurrected: list[str] = field(default_factory=list)
    crossed: list[str] = field(default_factory=list)
    deletes: int = 0
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Account:
    """Just enough of a RequestEnvelope for the adapter's key function."""

    def __init__(self, user_id: str) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": user_id})()})()})()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(port: int, document: dict[str, Any]) -> tuple[int, dict[str, Any], float]:
    body, headers = signed_request(json.dumps(document).encode())
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        payload = json.loads(response.read())
        return response.status, payload, time.perf_counter() - started
    finally:
        connection.close()


def _stored_answers(store: SQLiteAdapter, user: str, person: str) -> dict[str, Any] | None:
    """The person's stored check answers ({} for an entry without a check), None if no entry."""
    entry = store.read_people(Account(user)).get(hashed_id(person))
    if not isinstance(entry, dict):
        return None
    check = entry.get("check")
    return dict(check.get("answers") or {}) if isinstance(check, dict) else {}


def client(port: int, store: SQLiteAdapter, user: str, person: str, turns: int,
           tally: Tally, seed: int) -> None:
    chance = random.Random(seed)
    marker = f"{user}/{person}"
    stored: dict[str, Any] | None = None  # what this person's last turn left in memory
    done = 0
    while done < turns:
        attributes: dict[str, Any] = {"client": marker}
        new = True
        session = f"amzn1.echo-api.session.{chance.getrandbits(64):x}"
        plan = ["launch", *["no"] * chance.randint(1, 5),
                "delete" if chance.random() < 0.15 else "stop"]
        for step in plan:
            intent = {"launch": None, "no": "AMAZON.NoIntent", "stop": "AMAZON.StopIntent",
                      "delete": "DeleteDataIntent"}[step]
            document = envelope(intent=intent, attributes=attributes, user_id=user,
                                session_id=session, new=new,
                                timestamp=datetime.now(timezone.utc))
            document["context"]["System"]["person"] = {"personId": person}
            try:
                status, payload, seconds = _post(port, document)
            except (OSError, ValueError) as error:
                with tally.lock:
                    tally.requests += 1
                    tally.failures.append(f"{marker}: {type(error).__name__}")
                return
            done += 1
            with tally.lock:
                tally.requests += 1
                tally.latencies.append(seconds)
                if status >= 500:
                    tally.server_errors += 1
            if status != 200:
                with tally.lock:
                    tally.failures.append(f"{marker}: HTTP {status}")
                return
            speech = payload["response"].get("outputSpeech", {}).get("ssml", "")
            returned = payload.get("sessionAttributes") or {}
            ended = bool(payload["response"].get("shouldEndSession"))
            if not ended and returned.get("client") != marker:
                with tally.lock:
                    tally.crossed.append(f"{marker}: another session's attributes")
            if step == "launch":
                offered = "carry on" in speech
                if offered != bool(stored):
                    with tally.lock:
                        tally.crossed.append(f"{marker}: offer {offered}, stored {stored}")
                if offered:  # start afresh instead
                    document = envelope(intent="AMAZON.NoIntent", attributes=returned,
                                        user_id=user, session_id=session, new=False,
                                        timestamp=datetime.now(timezone.utc))
                    document["context"]["System"]["person"] = {"personId": person}
                    status, payload, seconds = _post(port, document)
                    done += 1
                    with tally.lock:
                        tally.requests += 1
                        tally.latencies.append(seconds)
                        if status >= 500:
                            tally.server_errors += 1
                    returned = payload.get("sessionAttributes") or {}
            if step == "delete":
                stored = None
                with tally.lock:
                    tally.deletes += 1
                if "deleted everything" not in speech:
                    with tally.lock:
                        tally.failures.append(f"{marker}: delete said {speech[:60]!r}")
                if _stored_answers(store, user, person) is not None:
                    with tally.lock:
                        tally.resurrected.append(f"{marker}: right after the delete")
                break
            if ended:
                break
            check = returned.get("check") or {}
            stored = dict(check.get("answers") or {})
            now = _stored_answers(store, user, person)
            if (now or {}) != stored:
                with tally.lock:
                    tally.lost_updates.append(f"{marker}: stored {now}, turn left {stored}")
            attributes, new = {**returned, "client": marker}, False
    # At the end: a person whose last act was a delete has nothing stored.
    if stored is None and _stored_answers(store, user, person) is not None:
        with tally.lock:
            tally.resurrected.append(f"{marker}: at the end")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=12)
    parser.add_argument("--requests", type=int, default=3200)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    people = [(f"amzn1.ask.account.HOUSE-{a:02d}", f"amzn1.ask.person.P{a:02d}-{p}")
              for a in range(options.accounts) for p in range(3 if a % 3 else 2)]
    turns = -(-options.requests // len(people))
    folder = Path(tempfile.mkdtemp(prefix="household-load-"))
    pki = make_pki()
    now = datetime.now(timezone.utc)
    (folder / "root.pem").write_bytes(pem(pki.root))
    (folder / "chain.pem").write_bytes(
        pki.chain(not_before=now - timedelta(days=1), not_after=now + timedelta(days=1)))
    memory = folder / "memory" / "memory.sqlite3"
    port = _free_port()
    env = {**os.environ, "SKILL_ID": SKILL_ID, SALT_ENV: TEST_ID_SALT,
           "NECK_TWITCH_STORAGE": f"sqlite:{memory}", "WEB_TEST_ROOT": str(folder / "root.pem"),
           "WEB_TEST_CHAIN": str(folder / "chain.pem"), "WEB_TEST_SKILL_ID": SKILL_ID}
    os.environ[SALT_ENV] = TEST_ID_SALT  # this process hashes ids as the service does
    log = folder / "gunicorn.log"
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:skill.web.gunicorn_conf",
             "--workers", str(options.workers), "--bind", f"127.0.0.1:{port}",
             "--pythonpath", str(REPO / "tests" / "web"), "web_loadtest_app:create()"],
            cwd=REPO, env=env, stderr=stderr)
    tally = Tally()
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                print(log.read_text(), file=sys.stderr)
                return 2
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        store = SQLiteAdapter(memory)
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(port, store, user, person, turns,
                                                         tally, index))
                   for index, (user, person) in enumerate(people)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    latencies = sorted(tally.latencies) or [0.0]
    print(f"household load: {options.accounts} accounts, {len(people)} people, "
          f"{len(people)} concurrent clients, {options.workers} gunicorn workers "
          f"(SlowClientWorker), SQLite memory")
    print(f"requests: {tally.requests} signed in {wall:.1f} s ({tally.requests / wall:.0f} req/s), "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.0f} ms; "
          f"deletes: {tally.deletes}")
    print(f"lost updates: {len(tally.lost_updates)}, resurrected deletes: "
          f"{len(tally.resurrected)}, crossed sessions: {len(tally.crossed)}, "
          f"5xx: {tally.server_errors}, other failures: {len(tally.failures)}")
    for problem in (*tally.lost_updates, *tally.resurrected, *tally.crossed,
                    *tally.failures)[:20]:
        print(f"  {problem}")
    bad = (tally.lost_updates or tally.resurrected or tally.crossed or tally.server_errors
           or tally.failures)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
