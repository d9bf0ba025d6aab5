"""Memory across sessions: resume an unfinished check, first-check date, delete my data."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from skilltest import Dialog, envelope

from skill.alexa import constants as names
from skill.alexa.builder import create_skill, handle_event
from skill.storage import SALT_ENV, StorageConfigError, adapter_for, hashed_user_id, storage_spec
from skill.storage.sqlite import SQLiteAdapter

USER = "amzn1.ask.account.MEMORYUSER"


def words(key: str, **values: str) -> str:
    """What the skill says for `key` in en-US (the wording lives in the content files)."""
    from skill.content import content_for

    return content_for("en-US").text(key, **values)


def asked_after(*replies: str) -> str:
    """The question the check asks after these replies ("yes", "no", "not_sure")."""
    from skill.triage import Ask, CheckState, Reply, default_rules, next_step, reply

    rules, state = default_rules(), CheckState()
    for said in replies:
        state = reply(rules, state, Reply[said.upper()])
    step = next_step(rules, state)
    assert isinstance(step, Ask)
    return words(f"questions.{step.question.id}.ask")


def answered(*replies: str) -> dict[str, str]:
    """The session's answers after these replies, as the check stores them."""
    from skill.triage import CheckState, Reply, default_rules, reply

    rules, state = default_rules(), CheckState()
    for said in replies:
        state = reply(rules, state, Reply[said.upper()])
    return dict(state.to_dict()["answers"])


class FakeEnvelope:
    """Just enough of a RequestEnvelope for an adapter's key function."""

    def __init__(self, user_id: str) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": user_id})()})()})()


def dialog_with(adapter: AbstractPersistenceAdapter | None, user_id: str = USER) -> Dialog:
    skill = create_skill(None, adapter)
    return Dialog(lambda event, context: handle_event(event, context, skill), user_id=user_id)


@pytest.fixture
def adapter(tmp_path: Path) -> SQLiteAdapter:
    return SQLiteAdapter(tmp_path / "memory.sqlite3")


# --- the SQLite adapter -------------------------------------------------------------------

def test_sqlite_round_trip_with_hashed_keys(adapter: SQLiteAdapter) -> None:
    me, other = FakeEnvelope(USER), FakeEnvelope("amzn1.ask.account.OTHER")
    assert adapter.get_attributes(me) == {}
    adapter.save_attributes(me, {"v": 1, "first_checked": "2026-11-24"})
    assert adapter.get_attributes(me) == {"v": 1, "first_checked": "2026-11-24"}
    assert adapter.get_attributes(other) == {}
    raw = b"".join(p.read_bytes() for p in adapter.path.parent.glob("memory.sqlite3*"))
    assert USER.encode() not in raw
    assert hashed_user_id(me).encode() in raw
    adapter.delete_attributes(me)
    assert adapter.get_attributes(me) == {}


def test_ids_are_keyed_by_the_deployers_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    me = FakeEnvelope(USER)
    monkeypatch.delenv(SALT_ENV, raising=False)
    default = hashed_user_id(me)
    monkeypatch.setenv(SALT_ENV, "")  # the template's empty default means "not set"
    assert hashed_user_id(me) == default
    monkeypatch.setenv(SALT_ENV, "a secret of our own")
    salted = hashed_user_id(me)
    assert salted != default and len(salted) == 64 and USER not in salted
    assert hashed_user_id(FakeEnvelope("amzn1.ask.account.OTHER")) != salted


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_sqlite_files_are_private_to_their_owner(tmp_path: Path) -> None:
    adapter = SQLiteAdapter(tmp_path / "state" / "memory.sqlite3")
    adapter.save_attributes(FakeEnvelope(USER), {"v": 1})
    assert stat.S_IMODE(adapter.path.parent.stat().st_mode) == 0o700
    files = list(adapter.path.parent.iterdir())
    assert adapter.path in files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_sqlite_memory_expires(tmp_path: Path) -> None:
    now = [1_000_000.0]
    adapter = SQLiteAdapter(tmp_path / "m.sqlite3", ttl_days=1, clock=lambda: now[0])
    me = FakeEnvelope(USER)
    adapter.save_attributes(me, {"v": 1})
    now[0] += 86400 - 1
    assert adapter.get_attributes(me) == {"v": 1}
    now[0] += 2
    assert adapter.get_attributes(me) == {}
    adapter.save_attributes(FakeEnvelope("someone else"), {"v": 1})  # purges expired rows
    rows = sqlite3.connect(adapter.path).execute("SELECT COUNT(*) FROM memory").fetchone()
    assert rows == (1,)


def test_sqlite_failures_are_persistence_exceptions(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PersistenceException):
        SQLiteAdapter(blocker / "m.sqlite3").get_attributes(FakeEnvelope(USER))
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(PersistenceException):
        SQLiteAdapter(corrupt).get_attributes(FakeEnvelope(USER))
    with pytest.raises(PersistenceException, match="no user id"):
        hashed_user_id(FakeEnvelope(""))


@pytest.mark.parametrize(("env", "spec"), [
    ({"NECK_TWITCH_STORAGE": "none", "TABLE_NAME": "t"}, "none"),
    ({"TABLE_NAME": "memory-table"}, "dynamodb:memory-table"),
    ({"AWS_LAMBDA_FUNCTION_NAME": "fn"}, "none"),
    ({"XDG_STATE_HOME": "/state"}, "sqlite:/state/neck-twitch-check/memory.sqlite3"),
])
def test_storage_is_chosen_from_the_environment(env: dict[str, str], spec: str) -> None:
    assert storage_spec(env) == spec


@pytest.mark.parametrize("spec", ["sqlite", "sqlite:", "redis:x", "dynamodb:", "none:x"])
def test_a_bad_storage_spec_is_a_clear_error(spec: str) -> None:
    with pytest.raises(StorageConfigError, match="expected 'sqlite:PATH'"):
        adapter_for(spec)


def test_adapter_for_builds_the_named_kind(tmp_path: Path) -> None:
    assert adapter_for("none") is None
    built = adapter_for(f"sqlite:{tmp_path}/x.sqlite3")
    assert isinstance(built, SQLiteAdapter) and built.path == tmp_path / "x.sqlite3"


# --- DynamoDB, through moto's in-process fake of the AWS API --------------------------------

@pytest.fixture
def dynamodb_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    import moto
    for name, value in {"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        import boto3

        resource = boto3.resource("dynamodb")
        table = resource.create_table(
            TableName="memory", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST")
        yield resource, table


def test_dynamodb_adapter_stores_hashed_ids_with_a_ttl(dynamodb_table: Any) -> None:
    from skill.storage.dynamodb import dynamodb_adapter

    resource, table = dynamodb_table
    adapter = dynamodb_adapter("memory", resource=resource, ttl_days=90, clock=lambda: 1000.0)
    me = FakeEnvelope(USER)
    adapter.save_attributes(me, {"v": 1, "first_checked": "2026-11-24"})
    items = table.scan()["Items"]
    assert len(items) == 1
    assert items[0]["id"] == hashed_user_id(me) and USER not in str(items[0])
    assert int(items[0]["expires_at"]) == 1000 + 90 * 86400
    assert adapter.get_attributes(me) == {"v": 1, "first_checked": "2026-11-24"}
    adapter.delete_attributes(me)
    assert adapter.get_attributes(me) == {}


def test_dynamodb_memory_expires_before_dynamodb_deletes_it(dynamodb_table: Any) -> None:
    from skill.storage.dynamodb import dynamodb_adapter

    resource, table = dynamodb_table
    now = [1_000_000.0]
    adapter = dynamodb_adapter("memory", resource=resource, ttl_days=1, clock=lambda: now[0])
    me = FakeEnvelope(USER)
    adapter.save_attributes(me, {"v": 1})
    now[0] += 86400 - 1
    assert adapter.get_attributes(me) == {"v": 1}
    now[0] += 2
    assert len(table.scan()["Items"]) == 1  # TTL deletion has not happened yet
    assert adapter.get_attributes(me) == {}


def test_a_whole_check_resumes_through_dynamodb(dynamodb_table: Any) -> None:
    from skill.storage.dynamodb import dynamodb_adapter

    resource, _table = dynamodb_table
    dialog = dialog_with(dynamodb_adapter("memory", resource=resource))
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.NO)  # the stored check comes back from DynamoDB (numbers as Decimal)
    dialog.say(names.STOP)
    dialog.launch()
    dialog.say(names.YES)
    assert dialog.speech == f"{words('memory.resuming')} {asked_after('no', 'no')}"


# --- the conversation -----------------------------------------------------------------------

def test_an_unfinished_check_is_offered_and_resumed(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.NO)
    dialog.say(names.STOP)
    assert dialog.ended
    dialog.launch()
    assert dialog.speech.startswith(words("memory.welcome_back"))
    assert words("launch.notice") in dialog.speech
    assert dialog.speech.endswith(words("memory.offer"))
    assert dialog.reprompt is not None and "Say yes to carry on" in dialog.reprompt
    dialog.say(names.HELP)
    assert words("memory.offer_hint") in dialog.speech
    assert words("help.intro") in dialog.speech  # help says what the skill is
    dialog.say(names.YES)
    assert dialog.speech == f"{words('memory.resuming')} {asked_after('no', 'no')}"
    assert dialog.attributes["check"]["answers"] == answered("no", "no")
    assert "offer" not in dialog.attributes


def test_declining_the_offer_starts_afresh(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    dialog.say(names.NO)
    assert dialog.speech == f"{words('memory.fresh')} {asked_after()}"
    dialog.say(names.STOP)
    dialog.launch()
    assert "carry on" not in dialog.speech  # the declined check is gone


def test_a_volunteered_symptom_during_the_offer_resumes_with_it(adapter: SQLiteAdapter) -> None:
    from skilltest import resolved_slot

    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM,
               resolved_slot("symptom", "can't breathe", "breathing_now"))
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_emergency_words_at_the_offer_get_the_number_first(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    dialog.say(names.EMERGENCY)
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_a_symptom_at_the_offer_joins_the_unfinished_check(adapter: SQLiteAdapter) -> None:
    from skilltest import resolved_slot

    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "tingling", "numbness"))
    assert dialog.speech.startswith("Thanks, I've noted numbness")
    assert dialog.attributes["check"]["answers"] == answered("no")
    assert dialog.attributes["check"]["signs"] == ["numbness"]


def test_a_finished_check_is_not_offered_and_first_check_is_dated(
        adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    while not dialog.ended:
        dialog.say(names.NO)
    dialog.timestamp = "2026-12-10T09:00:00Z"
    dialog.launch()
    assert dialog.speech.startswith(
        f"{words('memory.welcome_back')} {words('memory.first_checked', days='16 days')}")
    assert dialog.speech.endswith(asked_after())
    dialog.timestamp = "2026-11-25T09:00:00Z"
    dialog.say(names.STOP)
    dialog.launch()
    assert "one day ago" in dialog.speech


def test_delete_my_data_forgets_everything(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.DELETE_DATA)
    assert dialog.ended and "deleted everything I stored about you" in dialog.speech
    assert adapter.get_attributes(FakeEnvelope(USER)) == {}
    dialog.launch()
    assert dialog.speech.startswith(words("launch.welcome"))


def test_without_storage_there_is_nothing_to_delete_and_no_offer() -> None:
    dialog = dialog_with(None)
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.launch()
    assert dialog.speech.startswith(words("launch.welcome"))
    dialog.say(names.DELETE_DATA)
    assert "nothing to delete" in dialog.speech and dialog.ended


class BrokenAdapter(AbstractPersistenceAdapter):
    def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
        raise PersistenceException("disk on fire")

    def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
        raise PersistenceException("disk on fire")

    def delete_attributes(self, request_envelope: Any) -> None:
        raise PersistenceException("disk on fire")


def test_broken_storage_never_stops_a_check() -> None:
    dialog = dialog_with(BrokenAdapter())
    dialog.launch()
    assert dialog.speech.startswith(words("launch.welcome"))
    dialog.say(names.NO)
    assert dialog.speech == asked_after("no")
    dialog.say(names.YES)
    assert dialog.ended and "call 911 now" in dialog.speech
    dialog.launch()
    dialog.say(names.DELETE_DATA)
    assert "couldn't delete your data" in dialog.speech


def test_garbage_memory_is_ignored(adapter: SQLiteAdapter) -> None:
    me = FakeEnvelope(USER)
    for garbage in ({"v": 99, "check": {}}, {"v": 1, "check": {"v": 1, "answers": "x"}},
                    {"v": 1, "first_checked": "not a date"}):
        adapter.save_attributes(me, garbage)
        dialog = dialog_with(adapter)
        dialog.launch()
        assert dialog.speech.endswith(asked_after()), garbage


def test_the_lambda_envelope_fixtures_still_answer_with_memory(adapter: SQLiteAdapter) -> None:
    skill = create_skill(None, adapter)
    response = handle_event(envelope({"type": "LaunchRequest"}), None, skill)
    assert response["response"]["shouldEndSession"] is False


def test_each_voice_profile_has_its_own_unfinished_check(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    dialog.person_id = "amzn1.ask.person.ALICE"
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.STOP)
    dialog.person_id = "amzn1.ask.person.BOB"
    dialog.launch()
    assert "carry on" not in dialog.speech  # Bob is never offered Alice's answers
    dialog.say(names.STOP)
    dialog.person_id = None  # an unrecognised voice: the account's own entry
    dialog.launch()
    assert "carry on" not in dialog.speech
    dialog.say(names.STOP)
    dialog.person_id = "amzn1.ask.person.ALICE"
    dialog.launch()
    assert "carry on" in dialog.speech
    stored = adapter.get_attributes(FakeEnvelope(USER))
    assert "amzn1.ask.person.ALICE" not in str(stored)  # person ids are hashed too


def test_delete_my_data_deletes_only_the_speakers(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    for person in ("amzn1.ask.person.ALICE", "amzn1.ask.person.BOB"):
        dialog.person_id = person
        dialog.launch()
        dialog.say(names.NO)
        dialog.say(names.STOP)
    dialog.person_id = "amzn1.ask.person.BOB"
    dialog.launch()
    dialog.say(names.DELETE_DATA)
    assert "deleted everything" in dialog.speech
    dialog.person_id = "amzn1.ask.person.ALICE"
    dialog.launch()
    assert "carry on" in dialog.speech
    dialog.say(names.DELETE_DATA)
    assert adapter.get_attributes(FakeEnvelope(USER)) == {}  # the last entry takes the item


def test_disabling_the_skill_deletes_the_whole_account(adapter: SQLiteAdapter) -> None:
    dialog = dialog_with(adapter)
    for person in ("amzn1.ask.person.ALICE", None):
        dialog.person_id = person
        dialog.launch()
        dialog.say(names.NO)
        dialog.say(names.STOP)
    assert adapter.get_attributes(FakeEnvelope(USER)) != {}
    skill = create_skill(None, adapter)
    response = handle_event(envelope({"type": "AlexaSkillEvent.SkillDisabled",
                                      "body": {"userInformationPersistenceStatus":
                                               "NOT_PERSISTED"}}, user_id=USER), None, skill)
    assert "outputSpeech" not in response["response"]
    assert adapter.get_attributes(FakeEnvelope(USER)) == {}
