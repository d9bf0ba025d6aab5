"""Storage faults and damaged state cost nothing but memory (the findings of a hardening review,
each reproduced here first): slow or locked storage, unreadable rows, forged session state, a
deleted memory file, a locale that is a path, and malformed envelopes on Lambda."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from skilltest import Dialog, LambdaHandler, envelope

from skill.alexa import constants as names
from skill.alexa.builder import create_skill, handle_event
from skill.alexa.guard import UnacknowledgedDelete, shipped_locales
from skill.storage import hashed_id, hashed_user_id
from skill.storage.sqlite import SQLiteAdapter

USER = "amzn1.ask.account.FAULTS"
APOLOGY = "something went wrong"


def _words(key: str) -> str:
    from skill.content import content_for

    return content_for("en-US").text(key)


def _first_question_id() -> str:
    from skill.triage import Ask, CheckState, default_rules, next_step

    step = next_step(default_rules(), CheckState())
    assert isinstance(step, Ask)
    return step.question.id


WELCOME = _words("launch.welcome")
FIRST = _first_question_id()
FIRST_QUESTION = _words(f"questions.{FIRST}.ask")


class Account:
    """Just enough of a RequestEnvelope for an adapter's key function."""

    def __init__(self, user_id: str = USER) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": user_id})()})()})()


def dialog_with(adapter: AbstractPersistenceAdapter | None, user_id: str = USER) -> Dialog:
    skill = create_skill(None, adapter)
    return Dialog(lambda event, context: handle_event(event, context, skill), user_id=user_id)


def disabled(user_id: str = USER) -> dict[str, Any]:
    return envelope({"type": "AlexaSkillEvent.SkillDisabled",
                     "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"}},
                    user_id=user_id)


@pytest.fixture
def adapter(tmp_path: Path) -> SQLiteAdapter:
    return SQLiteAdapter(tmp_path / "memory.sqlite3", busy_timeout=0.2)


# --- slow storage: past the budget, the turn goes on without memory -------------------------

@pytest.fixture
def locked(adapter: SQLiteAdapter) -> Iterator[SQLiteAdapter]:
    """Another process holds the memory file's write lock for the whole test."""
    adapter.prepare()
    holder = sqlite3.connect(adapter.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield adapter
    holder.execute("ROLLBACK")
    holder.close()


class Counting(SQLiteAdapter):
    calls = 0

    def read_people(self, request_envelope: Any) -> dict[str, Any]:
        Counting.calls += 1
        return super().read_people(request_envelope)

    def update_people(self, request_envelope: Any, change: Any, *,
                      forgetting: bool = False) -> None:
        Counting.calls += 1
        super().update_people(request_envelope, change, forgetting=forgetting)


def test_a_locked_memory_file_costs_only_memory(locked: SQLiteAdapter) -> None:
    dialog = dialog_with(locked)
    dialog.launch()
    assert dialog.speech.startswith(WELCOME) and dialog.speech.endswith(FIRST_QUESTION)
    dialog.say(names.NO)
    assert dialog.speech.endswith("?") and APOLOGY not in dialog.speech
    dialog.say(names.NO)
    assert dialog.speech.endswith("?") and APOLOGY not in dialog.speech
    assert len(dialog.attributes["check"]["answers"]) == 2


def test_a_failed_call_is_the_turns_last(tmp_path: Path) -> None:
    """A turn whose first storage call failed makes no other (the budget is spent once)."""
    store = Counting(tmp_path / "memory.sqlite3", busy_timeout=0.1)
    store.prepare()
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        dialog = dialog_with(store)
        Counting.calls = 0
        dialog.launch()  # the read (WAL: readers never wait) and then the write, which fails
        assert Counting.calls == 2
        Counting.calls = 0
        dialog.say(names.NO)
        assert Counting.calls == 1  # one write, refused; nothing more this turn
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_failed_delete_says_to_try_again(locked: SQLiteAdapter) -> None:
    dialog = dialog_with(locked)
    dialog.launch()
    dialog.say(names.DELETE_DATA)
    assert "try again" in dialog.speech and "deleted everything" not in dialog.speech


def test_a_failed_skill_disabled_delete_is_not_acknowledged(locked: SQLiteAdapter) -> None:
    skill = create_skill(None, locked)
    with pytest.raises(UnacknowledgedDelete):
        handle_event(disabled(), None, skill)


def test_skill_disabled_deletes_the_account_once_storage_answers(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    assert adapter.read_people(Account()) != {}
    response = handle_event(disabled(), None, create_skill(None, adapter))
    assert "outputSpeech" not in response["response"]
    assert adapter.read_people(Account()) == {}


class _BlackHole:
    """A TCP server on loopback that accepts connections and never answers (a DynamoDB
    endpoint that hangs). Counts the connections; closes them when the test ends."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.server.close()
        for connection in self.accepted:
            connection.close()


def test_a_hanging_dynamodb_costs_only_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3

    from skill.storage.dynamodb import TOTAL_ATTEMPTS, botocore_config, dynamodb_adapter

    config = botocore_config()
    assert config.connect_timeout <= 1 and config.read_timeout <= 1
    assert config.retries == {"total_max_attempts": TOTAL_ATTEMPTS, "mode": "standard"}
    for name, value in {"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    hole = _BlackHole()
    try:
        resource = boto3.resource("dynamodb", endpoint_url=f"http://127.0.0.1:{hole.port}",
                                  config=config)
        dialog = dialog_with(dynamodb_adapter("memory", resource=resource))
        dialog.launch()
        assert dialog.speech.startswith(WELCOME) and dialog.speech.endswith(FIRST_QUESTION)
        # One read, given up after its attempts; no write was tried on that turn.
        assert len(hole.accepted) == TOTAL_ATTEMPTS
        dialog.say(names.DELETE_DATA)
        assert "try again" in dialog.speech
    finally:
        hole.close()


# --- damaged state ----------------------------------------------------------------------------

def _plant(adapter: SQLiteAdapter, text: str) -> None:
    adapter.prepare()
    with sqlite3.connect(adapter.path) as db:
        db.execute("INSERT OR REPLACE INTO memory VALUES (?, ?, ?)",
                   (hashed_user_id(Account()), text, 2**40))


@pytest.mark.parametrize("row", ["{not json", "[1, 2]", '{"v": 2, "people": "nobody"}',
                                 '{"v": 2, "people": {"account": {"check": {"v": 2, '
                                 '"answers": {}, "signs": [{}]}}}}'])
def test_an_unreadable_row_is_set_aside_and_the_person_starts_fresh(
        adapter: SQLiteAdapter, row: str) -> None:
    _plant(adapter, row)
    dialog = dialog_with(adapter)
    dialog.launch()
    assert dialog.speech.startswith(WELCOME) and dialog.speech.endswith(FIRST_QUESTION)
    dialog.say(names.NO)
    assert APOLOGY not in dialog.speech
    dialog.say(names.STOP)
    dialog.launch()
    assert "carry on" in dialog.speech  # memory works again, from a fresh entry
    with sqlite3.connect(adapter.path) as db:
        set_aside = db.execute("SELECT attributes FROM set_aside").fetchall()
    if row.startswith('{"v": 2, "people": {'):
        assert set_aside == []  # a readable item with one bad entry: the entry is replaced
    else:
        assert set_aside == [(row,)]


@pytest.mark.parametrize("row", ["{not json", '{"v": 2, "people": 5}'])
def test_delete_my_data_works_on_an_unreadable_row(adapter: SQLiteAdapter, row: str) -> None:
    _plant(adapter, row)
    with sqlite3.connect(adapter.path) as db:  # and something set aside earlier
        db.execute("INSERT INTO set_aside VALUES (?, 'old', 0, ?)",
                   (hashed_user_id(Account()), 2**40))
    dialog = dialog_with(adapter)
    dialog.say(names.DELETE_DATA)
    assert "deleted everything" in dialog.speech
    with sqlite3.connect(adapter.path) as db:
        assert db.execute("SELECT COUNT(*) FROM memory").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM set_aside").fetchone() == (0,)


def test_an_unreadable_dynamodb_item_is_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3
    import moto

    from skill.storage.dynamodb import SET_ASIDE_SUFFIX, dynamodb_adapter

    for name, value in {"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        resource = boto3.resource("dynamodb")
        table = resource.create_table(
            TableName="memory", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST")
        key = hashed_user_id(Account())
        table.put_item(Item={"id": key, "attributes": "garbage", "expires_at": 2**40})
        dialog = dialog_with(dynamodb_adapter("memory", resource=resource))
        dialog.launch()
        assert dialog.speech.startswith(WELCOME)
        dialog.say(names.NO)
        kept = table.get_item(Key={"id": key + SET_ASIDE_SUFFIX})["Item"]
        assert kept["attributes"] == "garbage"
        assert table.get_item(Key={"id": key})["Item"]["attributes"]["v"] == 2
        dialog.say(names.DELETE_DATA)
        assert "deleted everything" in dialog.speech
        handle_event(disabled(), None, create_skill(
            None, dynamodb_adapter("memory", resource=resource)))
        assert table.scan()["Items"] == []  # the account's item and what was set aside


@pytest.mark.parametrize("forged", [
    {"v": 2, "answers": {}, "signs": [{}]},
    {"v": 2, "answers": {"screen": ["no"]}},
    {"v": 2, "answers": {}, "explained": {"a": 1}},
    {"v": 2, "answers": {}, "factors": [[]]},
    "a string",
])
def test_forged_session_state_restarts_the_check_politely(
        adapter: SQLiteAdapter, forged: Any) -> None:
    without_memory = dialog_with(None)
    without_memory.launch()
    without_memory.say(names.NO)
    without_memory.attributes["check"] = forged
    without_memory.say(names.NO)
    assert APOLOGY not in without_memory.speech
    assert without_memory.speech.startswith("Sorry, I lost track of where we were")
    without_memory.say(names.NO)  # and the next turn is an ordinary one
    assert APOLOGY not in without_memory.speech and "lost track" not in without_memory.speech
    assert without_memory.attributes["check"]["answers"] == {FIRST: "no"}
    # With memory, the restart offers the check as it was last saved.
    remembering = dialog_with(adapter)
    remembering.launch()
    remembering.say(names.NO)
    remembering.attributes["check"] = forged
    remembering.say(names.NO)
    assert APOLOGY not in remembering.speech
    assert remembering.speech.endswith("Shall we carry on where you left off?")
    remembering.say(names.YES)
    assert remembering.attributes["check"]["answers"] == {FIRST: "no"}


def test_a_forged_first_check_date_is_dropped(lambda_handler: LambdaHandler) -> None:
    dialog = Dialog(lambda_handler)
    dialog.launch()
    dialog.attributes["first_checked"] = "x" * 5000
    dialog.say(names.NO)
    assert APOLOGY not in dialog.speech
    assert dialog.attributes.get("first_checked") != "x" * 5000


@pytest.mark.parametrize("user_id", ["amzn1.ask.account.\ud800", "\udfff", "amzn1\x00"])
def test_an_odd_user_id_still_gets_its_check(adapter: SQLiteAdapter, user_id: str) -> None:
    dialog = dialog_with(adapter, user_id=user_id)
    dialog.person_id = "amzn1.ask.person.\ud83d"
    dialog.launch()
    assert dialog.speech.startswith(WELCOME)
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    assert "carry on" in dialog.speech
    assert hashed_id(user_id) != hashed_id("amzn1.ask.account.")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_deleted_memory_file_is_made_again_private(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    for path in adapter.path.parent.glob("memory.sqlite3*"):
        path.unlink()
    os.umask(old := os.umask(0o022))  # whatever the umask, the new file is private
    dialog.say(names.NO)  # the next turn makes the file again
    assert adapter.path.exists()
    assert stat.S_IMODE(adapter.path.stat().st_mode) == 0o600
    dialog.say(names.STOP)
    dialog.launch()
    assert "carry on" in dialog.speech
    assert old is not None


def test_a_replaced_memory_file_is_the_one_written(adapter: SQLiteAdapter) -> None:
    """A file replaced under the adapter (a restore, another copy moved in) is the one read
    and written next, not the old one."""
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    moved = adapter.path.with_name("old.sqlite3")
    adapter.path.rename(moved)
    for extra in adapter.path.parent.glob("memory.sqlite3-*"):
        extra.unlink()
    dialog.say(names.NO)  # a new, empty file is made and written
    with sqlite3.connect(adapter.path) as db:
        assert db.execute("SELECT COUNT(*) FROM memory").fetchone()[0] == 1


# --- the locale is never a path ---------------------------------------------------------------

@pytest.mark.parametrize("locale", ["../../../../etc/passwd", "../content/en-GB", "en-US/../x",
                                    "de-DE", "EN-us", "x" * 300])
def test_only_shipped_locales_are_read(lambda_handler: LambdaHandler, locale: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import skill.content

    opened: list[str] = []
    real = skill.content.load_data

    def spy(path: Any) -> Any:
        opened.append(str(path))
        return real(path)

    monkeypatch.setattr(skill.content, "load_data", spy)
    skill.content._load.cache_clear()
    dialog = Dialog(lambda_handler, locale=locale)
    dialog.launch()
    dialog.say(names.YES)
    assert dialog.speech.startswith("Please call your local emergency number now")
    assert all(Path(path).stem in shipped_locales() for path in opened), opened


def test_unknown_locales_do_not_grow_the_content_cache(lambda_handler: LambdaHandler) -> None:
    from skill.content import content_for

    Dialog(lambda_handler, locale="en-US").launch()
    before = content_for.cache_info().currsize
    for number in range(50):
        Dialog(lambda_handler, locale=f"xx-{number:02d}").launch()
    assert content_for.cache_info().currsize <= max(before, len(shipped_locales())) + 1


# --- malformed envelopes on Lambda: a spoken apology, never an uncaught exception ---------------

def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"a": value}
    return value


def _without_context() -> dict[str, Any]:
    event = envelope({"type": "LaunchRequest"})
    del event["context"]
    return event


def _with_timestamp(timestamp: str) -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, timestamp=timestamp)


def _deep_attributes() -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, attributes={"check": _nested(900)})


@pytest.mark.parametrize("event", [
    _without_context(), _with_timestamp("2026-11-24T12:00:00+24:00"),
    _with_timestamp("0001-01-01T00:00:00+23:59"), _with_timestamp("not a time"),
    _deep_attributes(),
], ids=["no context", "offset 24h", "year 0", "not a time", "900 deep"])
def test_a_malformed_envelope_gets_a_spoken_apology(
        lambda_handler: LambdaHandler, event: dict[str, Any]) -> None:
    response = lambda_handler(event, None)
    body = response["response"]
    assert body["shouldEndSession"] is True
    assert body["outputSpeech"]["ssml"].startswith("<speak>Sorry")
    json.dumps(response)
