"""Logs never hold what a person said or who they are, at any level and on every error path.

A canary string goes into everything a request can carry (slot values, user and person ids,
session attributes, the locale-free parts of the envelope); every log record at DEBUG and above
is searched for it, and for intent names, which are answers ("AMAZON.YesIntent" to "any
weakness?").
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from skilltest import Dialog, LambdaHandler, envelope, resolved_slot

from skill.alexa import constants as names
from skill.alexa.builder import RequestRejected, create_skill, handle_event
from skill.alexa.guard import UnacknowledgedDelete
from skill.storage.sqlite import SQLiteAdapter

CANARY = "CANARY-7f3a"


def leaks(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = []
    for record in caplog.records:
        text = record.getMessage() + (record.exc_text or "")
        if CANARY in text or "Intent" in text.replace("IntentRequest", ""):
            found.append(f"{record.name} {record.levelname}: {text[:200]}")
    return found


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def test_every_turn_and_error_path_keeps_the_logs_clean(
        lambda_handler: LambdaHandler, logs: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    user = f"amzn1.ask.account.{CANARY}"
    dialog = Dialog(lambda_handler, user_id=user)
    dialog.launch()
    for intent, slots in [
        (names.YES_DETAIL, resolved_slot("symptom", f"my arm {CANARY}", None)),
        (names.REPORT_SYMPTOM, resolved_slot("symptom", f"a rash {CANARY}", None)),
        (names.DENY_SYMPTOM, resolved_slot("symptom", f"{CANARY} tingling", None)),
        (names.LIFESTYLE, resolved_slot("factor", f"{CANARY} coffee", None, "FactorType")),
        (names.LEARN, resolved_slot("topic", CANARY, None, "LearnTopicType")),
        (names.FALLBACK, None), (names.NO, None), ("SomeOtherSkillsIntent", None),
    ]:
        dialog.say(intent, slots)
    # Unreadable state in the session, a crash inside a handler, and a crash in the handler of
    # last resort.
    dialog.attributes["check"] = {"v": 2, "answers": {CANARY: "yes"}}
    dialog.say(names.NO)

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"said {CANARY}")

    monkeypatch.setattr("skill.alexa.handlers.reply", explode)
    dialog.say(names.YES)
    monkeypatch.setattr("skill.alexa.handlers.Conversation.reask", explode)
    dialog.say(names.YES)
    monkeypatch.undo()
    dialog.say(names.STOP)
    # A request for another skill, a malformed one, and memory on a broken disk.
    skill = create_skill("amzn1.ask.skill.only-this-one")
    with pytest.raises(RequestRejected):
        handle_event(envelope({"type": "LaunchRequest"}, user_id=user), None, skill)
    with pytest.raises(RequestRejected):
        handle_event({"request": {"type": CANARY}, "session": CANARY}, None, skill)
    broken = tmp_path / "memory"
    broken.mkdir()
    (broken / "memory.sqlite3").mkdir()  # a folder where the file should be
    remembering = create_skill(None, SQLiteAdapter(broken / "memory.sqlite3"))
    handle_event(envelope({"type": "LaunchRequest"}, user_id=user), None, remembering)
    with pytest.raises(UnacknowledgedDelete):  # not acknowledged: Alexa sends it again
        handle_event(envelope({"type": "AlexaSkillEvent.SkillDisabled",
                               "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"}},
                              user_id=user), None, remembering)
    assert len(logs.records) > 20
    assert leaks(logs) == []
