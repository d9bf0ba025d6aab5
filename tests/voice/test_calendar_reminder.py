"""The desk voice's reminder: no Alexa reminders at the desk, so after self-care or "book an
appointment" the loop offers a calendar file (.ics), writes it on a yes, and says where.

The scripted tests use the loop's fake recogniser (no audio); the last one is the whole thing
end to end with synthesised speech, through `neck-twitch talk --from-audio`. Every written file
is read back with icalendar. "Book an appointment" then a no: tests/voice/test_conversations.py
(test_a_conversation_replays_through_the_command_line).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from voice_helpers import (
    EMERGENCY,
    SELF_CARE,
    SyntheticPerson,
    new_simulator,
    nlu_for,
    run_scripted,
)

from skill.alexa.constants import REMINDER_DUE_KEY
from skill.cli import main
from skill.content import content_for
from skill.voice.audio import Mute
from skill.voice.calendar import default_dir, write_reminder
from skill.voice.synth import AudioCache, Condition
from skill.voice.talk import Talk

NOS = ["no"] * 30
WORDS = content_for("en-US")
OFFER = WORDS.text("reminders.calendar_offer")
BY_HAND = WORDS.text("reminders.calendar_how")
# Nothing about the check may be written into a calendar: no outcome, no signs, no advice.
HEALTH_WORDS = ("warning", "weak", "clums", "numb", "breath", "swallow", "speech", "GP",
                "provider", "appointment", "self-care", "urgent", "emergency", "symptom")


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    return list(calendar.walk("VEVENT"))


def _check_reminder(path: Path, days: int = 14) -> None:
    """The file parses back as one event `days` ahead, with an alarm, naming the skill and how
    to open it, and nothing about the check."""
    assert path.suffix == ".ics" and path.is_file()
    (event,) = _events(path)
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and start.tzinfo is not None
    ahead = start - datetime.now(timezone.utc)
    assert timedelta(days=days) - timedelta(hours=1) < ahead <= timedelta(days=days)
    assert event.decoded("DTEND") > start and event.get("UID") and event.get("DTSTAMP")
    summary = str(event["SUMMARY"])
    assert "Neck Twitch Check" in summary and "open" in summary.lower()
    assert "neck-twitch talk" in str(event["DESCRIPTION"])
    (alarm,) = list(event.walk("VALARM"))
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(0)
    text = re.sub(r"\r?\n[ \t]", "", path.read_text(encoding="utf-8"))  # lines unfolded
    for word in HEALTH_WORDS:
        assert word.lower() not in text.lower(), word


def test_the_skill_marks_a_reminder_due_on_a_host_without_the_reminders_api() -> None:
    simulator = new_simulator()
    turn = simulator.say(simulator.launch_phrase)
    while not turn.ended:
        turn = simulator.say("no")
    assert SELF_CARE.search(turn.speech or "")
    assert "remind" not in (turn.speech or "").lower()  # no Alexa reminder offered
    assert turn.response["sessionAttributes"][REMINDER_DUE_KEY] == 14


def test_yes_after_self_care_saves_a_calendar_reminder_and_says_where(tmp_path: Path) -> None:
    run = run_scripted([*NOS[:16], "yes"], calendar_dir=tmp_path)
    assert SELF_CARE.search(run.final.said or "") and run.final.ended
    offer, saved = run.exchanges[-2:]
    assert offer.action == "calendar offer" and offer.said == OFFER and offer.by == "host"
    assert saved.action == "calendar saved" and saved.ended and saved.calendar is not None
    path = Path(saved.calendar)
    assert path.parent == tmp_path
    assert saved.said == WORDS.text("reminders.calendar_saved", path=str(path))
    assert ("host", saved.said) == run.mouth.said[-1]  # said aloud, with the path
    _check_reminder(path)
    assert ("yes", True) in run.recognizer.calls  # heard with the yes/no-only model


def test_no_ends_kindly_and_writes_nothing(tmp_path: Path) -> None:
    run = run_scripted(NOS, calendar_dir=tmp_path)
    declined = run.exchanges[-1]
    assert run.exchanges[-2].action == "calendar offer"
    assert declined.action == "calendar declined" and declined.ended
    assert declined.said == WORDS.text("reminders.declined")
    assert not list(tmp_path.iterdir())


def test_no_offer_after_an_emergency(tmp_path: Path) -> None:
    run = run_scripted(["i can't breathe", "yes"], calendar_dir=tmp_path)
    assert EMERGENCY.search(run.final.said or "")
    assert not any(e.action.startswith("calendar") for e in run.exchanges)
    assert not list(tmp_path.iterdir())


def test_an_emergency_in_reply_to_the_offer_is_sent_at_once(tmp_path: Path) -> None:
    run = run_scripted([*NOS[:16], "i can't breathe?"], calendar_dir=tmp_path)
    reply = run.exchanges[-1]
    assert reply.action == "sent at once" and reply.intent == "EmergencyIntent"
    assert EMERGENCY.search(reply.said or "") and reply.ended
    assert not list(tmp_path.iterdir())


def test_silence_or_two_unclear_replies_say_how_to_set_one_by_hand(tmp_path: Path) -> None:
    run = run_scripted([*NOS[:16], ""], calendar_dir=tmp_path)
    assert run.exchanges[-1].action == "silence" and run.exchanges[-1].said == BY_HAND
    run = run_scripted([*NOS[:16], "#mumble", "yes?"], calendar_dir=tmp_path)
    first, second = run.exchanges[-2:]
    assert first.action == "not caught" and first.said is not None and first.said.endswith(OFFER)
    assert second.action == "calendar by hand" and second.said == BY_HAND and second.ended
    assert not list(tmp_path.iterdir())


def test_without_icalendar_it_says_how_to_set_one_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)  # import icalendar: ImportError
    run = run_scripted([*NOS[:16], "yes"], calendar_dir=tmp_path)
    last = run.exchanges[-1]
    assert last.action == "calendar by hand" and last.said == BY_HAND and last.ended
    assert not list(tmp_path.iterdir())


def test_a_file_already_there_is_never_replaced(tmp_path: Path) -> None:
    first = write_reminder(tmp_path, 14, WORDS.text("reminders.text"))
    second = write_reminder(tmp_path, 14, WORDS.text("reminders.text"))
    assert first != second and first.read_bytes() != second.read_bytes()
    _check_reminder(first)
    _check_reminder(second)
    one_week = write_reminder(tmp_path / "new folder", 7, WORDS.text("reminders.text"))
    _check_reminder(one_week, days=7)


def test_the_default_folder_is_downloads_when_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "home").mkdir()
    assert default_dir() == Path.cwd()
    (tmp_path / "home" / "Downloads").mkdir()
    assert default_dir() == tmp_path / "home" / "Downloads"


def test_icalendar_stays_out_of_the_lambda_bundle() -> None:
    from skill.packaging import _SKILL_EXCLUDES

    assert "voice" in _SKILL_EXCLUDES
    root = Path(__file__).resolve().parents[2]
    assert "icalendar" not in (root / "lambda" / "requirements.txt").read_text()


# -- end to end, with synthesised speech --------------------------------------------------------


def _yes_to_the_calendar(question: str) -> str:
    return "yes" if question == OFFER else "no"


def test_a_spoken_check_saves_a_calendar_file_through_the_command_line(
    audio_cache: AudioCache, tmp_path: Path
) -> None:
    from skill.voice.recognizer import Recognizer

    person = SyntheticPerson(_yes_to_the_calendar, Condition("en-us", 150, "quiet"),
                             audio_cache, nlu_for("en-US"))
    spoken = tmp_path / "in process"
    talk = Talk(new_simulator(), Recognizer(nlu_for("en-US")), person, Mute(),  # type: ignore[arg-type]
                person.keyboard, lambda e: None, spoken)
    person.talk = talk
    exchanges = talk.run()
    assert exchanges[-1].action == "calendar saved", [e.to_json() for e in exchanges]
    _check_reminder(Path(exchanges[-1].calendar or ""))

    # The same recordings through `neck-twitch talk --from-audio`: the same conversation.
    folder = tmp_path / "calendar"
    result = CliRunner().invoke(main, [
        "talk", "--fresh", "--json", "--mute", "--calendar-dir", str(folder), "--from-audio",
        *(str(p) for p in person.files)], input="".join(f"{t}\n" for t in person.typed))
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.output.splitlines()]
    assert [t["action"] for t in turns] == [e.action for e in exchanges]
    outcome = [t for t in turns if t["by"] == "skill"][-1]
    assert SELF_CARE.search(outcome["said"]) and outcome["ended"]
    saved = turns[-1]
    assert saved["action"] == "calendar saved" and saved["ended"]
    (path,) = folder.glob("*.ics")
    assert saved["calendar"] == str(path) and str(path) in saved["said"]
    _check_reminder(path)
