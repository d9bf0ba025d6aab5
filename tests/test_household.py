"""Housemates talking at once: no lost update, no resurrected delete (real threads, SQLite and
DynamoDB through moto).

Each person's entry is theirs alone, so right after a person's turn their stored entry is what
that turn wrote, whatever the others are doing; and after "delete my data" it stays gone. With
memory read and written back whole (the code before), another person's turn in flight wrote
the deleted entry back, and overwrote fresher answers with stale ones.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from skilltest import Dialog

from skill.alexa import constants as names
from skill.alexa.builder import create_skill, handle_event
from skill.storage import hashed_id
from skill.storage.sqlite import SQLiteAdapter

ACCOUNT = "amzn1.ask.account.HOUSEHOLD"
ALICE, BOB, CAROL = (f"amzn1.ask.person.{name}" for name in ("ALICE", "BOB", "CAROL"))
ROUNDS = 15  # Alice's deletes; each is checked once the turns in flight have ended


class Account:
    """Just enough of a RequestEnvelope for an adapter's key function."""

    def __init__(self, user_id: str) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": user_id})()})()})()


def stored_entry(adapter: AbstractPersistenceAdapter, person: str) -> Any:
    """A person's entry as stored now (numbers as ints, as DynamoDB gives Decimals)."""
    item = adapter.get_attributes(Account(ACCOUNT))
    people = item.get("people") if isinstance(item, dict) else None
    entry = people.get(hashed_id(person)) if isinstance(people, dict) else None
    return json.loads(json.dumps(entry, default=int))


@pytest.fixture
def dynamodb_resource(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    import moto
    from moto.dynamodb.models import DynamoDBBackend

    # DynamoDB applies each write and its condition atomically; moto checks the condition and
    # then stores the item without a lock, so threads can interleave between the two (a race
    # of the fake, not of the code under test). Each moto write is made atomic, as the real
    # service's is.
    atomic = threading.Lock()
    for method in ("put_item", "delete_item"):
        original = getattr(DynamoDBBackend, method)

        def locked(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            with atomic:
                return _original(*args, **kwargs)

        monkeypatch.setattr(DynamoDBBackend, method, locked)
    for name, value in {"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        import boto3

        resource = boto3.resource("dynamodb")
        resource.create_table(
            TableName="memory", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST")
        yield resource


@pytest.fixture(params=["sqlite", "dynamodb"])
def adapter(request: pytest.FixtureRequest, tmp_path: Path) -> AbstractPersistenceAdapter:
    if request.param == "sqlite":
        return SQLiteAdapter(tmp_path / "memory.sqlite3")
    from skill.storage.dynamodb import dynamodb_adapter

    built: AbstractPersistenceAdapter = dynamodb_adapter(
        "memory", resource=request.getfixturevalue("dynamodb_resource"))
    return built


def talker(adapter: AbstractPersistenceAdapter, person: str) -> Dialog:
    skill = create_skill(None, adapter)
    dialog = Dialog(lambda event, context: handle_event(event, context, skill), user_id=ACCOUNT)
    dialog.person_id = person
    return dialog


class FailedSaves(logging.Handler):
    """The people (thread names) whose turn could not save its memory within the time budget:
    a turn that says so in the log is not counted as a lost update (nothing was overwritten;
    the turn went on without memory, as it must)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.threads: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "skill.alexa.memory":
            self.threads.append(record.threadName or "")


@pytest.fixture
def failed_saves() -> Iterator[FailedSaves]:
    handler = FailedSaves()
    logger = logging.getLogger("skill.alexa.memory")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def in_threads(*jobs: Callable[[], None]) -> None:
    """Run the jobs at once on real threads; re-raise the first failure."""
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as error:  # reported in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,), name=getattr(job, "__name__", None))
               for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a talker hung"
    if errors:
        raise errors[0]


def chatter(adapter: AbstractPersistenceAdapter, person: str, until: threading.Event) -> None:
    """Checks started and stopped over and over, each turn saving the person's entry."""
    dialog = talker(adapter, person)
    while not until.is_set():
        dialog.launch()
        if "carry on" in dialog.speech:
            dialog.say(names.NO)  # start afresh
        for _ in range(3):
            if dialog.ended:
                break
            dialog.say(names.NO)
        dialog.say(names.STOP)
        time.sleep(0.002)  # people pause; the turns of the others still overlap every round


def test_a_deleted_entry_stays_deleted_while_housemates_talk(
        adapter: AbstractPersistenceAdapter) -> None:
    done = threading.Event()
    resurrected: list[int] = []

    def alice() -> None:
        dialog = talker(adapter, ALICE)
        try:
            for round_ in range(ROUNDS):
                dialog.launch()
                if "carry on" in dialog.speech:
                    dialog.say(names.NO)
                dialog.say(names.NO)
                for _ in range(5):  # a save past the budget is skipped: her next turn saves
                    if stored_entry(adapter, ALICE) is not None:
                        break
                    dialog.say(names.REPEAT)
                assert stored_entry(adapter, ALICE) is not None
                dialog.say(names.DELETE_DATA)
                while "try again" in dialog.speech:  # storage was busy: she tries again
                    dialog.launch()
                    dialog.say(names.DELETE_DATA)
                assert "deleted everything" in dialog.speech
                time.sleep(0.05)  # every turn that was in flight has ended by now
                if stored_entry(adapter, ALICE) is not None:
                    resurrected.append(round_)
        finally:
            done.set()

    in_threads(alice, lambda: chatter(adapter, BOB, done), lambda: chatter(adapter, CAROL, done))
    assert resurrected == [], f"Alice's deleted entry came back in rounds {resurrected}"
    assert stored_entry(adapter, BOB) is not None  # Bob's was never touched by her delete


def test_no_update_is_lost_when_housemates_talk_at_once(
        adapter: AbstractPersistenceAdapter, failed_saves: FailedSaves) -> None:
    lost: list[tuple[str, int]] = []
    turns = 20

    def person(who: str) -> Callable[[], None]:
        def talk() -> None:
            dialog = talker(adapter, who)
            for turn in range(turns):
                time.sleep(0.002)
                failures = failed_saves.threads.count(who)
                if turn % 6 == 0 or dialog.ended:
                    dialog.launch()
                    if "carry on" in dialog.speech:
                        dialog.say(names.NO)
                else:
                    dialog.say(names.NO)
                if dialog.ended:
                    continue
                # Right after the turn, the stored check is the one this turn left: nobody else
                # may change this person's entry.
                stored = stored_entry(adapter, who) or {}
                answers = (stored.get("check") or {}).get("answers") or {}
                saved = failed_saves.threads.count(who) == failures
                if answers != dialog.attributes["check"]["answers"] and saved:
                    lost.append((who, turn))
        talk.__name__ = who
        return talk

    in_threads(*(person(who) for who in (ALICE, BOB, CAROL)))
    assert lost == [], f"answers lost (person, turn): {lost}"
