"""The desk voice's reminder: an iCalendar file, since `neck-twitch talk` has no Alexa reminders.

When a check ends in self-care or "book an appointment" on a host without the Reminders API,
the skill marks `reminder_due` (days) in its session attributes (`skill.alexa.reminders.offered`);
the voice loop then offers a calendar reminder and, on a yes, writes one event here: a VEVENT
`days` from now, at the same time of day (UTC, so no time zone is needed), with a VALARM that goes
off when it starts. Its summary names the skill and how to open it; nothing about the check (no
outcome, no signs, no answers) is written.

`icalendar` comes with the `voice` extra and is imported only when a file is written: it is never
part of the Lambda bundle (`skill/voice` is left out of it), and without it the loop says how to
set a reminder by hand (`CalendarUnavailable`).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

PRODUCT = "-//Neck Twitch Check//neck-twitch talk//EN"
DURATION = timedelta(minutes=15)
HOW_TO_OPEN = "At your desk: neck-twitch talk"


class CalendarUnavailable(Exception):
    """The `icalendar` package is not installed (pip install '.[voice]')."""


def default_dir() -> Path:
    """~/Downloads when it exists, else the current directory: a folder the person can find."""
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.cwd()


def write_reminder(folder: Path, days: int, text: str, now: datetime | None = None) -> Path:
    """Write a calendar reminder `days` from `now` into `folder`; returns the file's path.

    `text` is the skill's reminder text (it names the skill and how to open it). Raises
    CalendarUnavailable without `icalendar`, OSError when the folder cannot be written."""
    try:
        import icalendar
    except ImportError as error:
        raise CalendarUnavailable(str(error)) from None

    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    start = now + timedelta(days=days)
    event = icalendar.Event()
    event.add("uid", f"{uuid.uuid4()}@neck-twitch-check")
    event.add("dtstamp", now)
    event.add("dtstart", start)
    event.add("dtend", start + DURATION)
    event.add("summary", text)
    event.add("description", f"{text}\n{HOW_TO_OPEN}")
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the time stays free
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)

    folder.mkdir(parents=True, exist_ok=True)
    path = _free_name(folder, f"neck-twitch-check-reminder-{start:%Y-%m-%d}")
    path.write_bytes(calendar.to_ical())
    return path


def _free_name(folder: Path, stem: str) -> Path:
    """`stem.ics`, or `stem-2.ics`... when that is taken: a file already there is never replaced."""
    path = folder / f"{stem}.ics"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.ics"
        number += 1
    return path
