"""A return visit, in words: the last check's date and outcome on launch, and what is new since
then at the end. The rule that decides what "new" changes is in the rules (skill.triage.history).

Kept only with memory on, and only this much per person: the date, the outcome's tier and the
names of the signs that counted (skill.triage.history.LastCheck); "delete my data" deletes it
with the rest.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from skill.alexa.constants import LAST_CHECK_KEY, PREVIOUS_KEY
from skill.triage import CheckState, Outcome, next_step
from skill.triage.history import LastCheck, record, since_last
from skill.triage.vocabulary import Tier

if TYPE_CHECKING:
    from skill.alexa.conversation import Conversation


def recalled(talk: Conversation, last: LastCheck | None) -> tuple[str, ...]:
    """On launch: keep the last check to compare with, and say it in one sentence."""
    if last is None or talk.session is None:
        return ()
    talk.session[PREVIOUS_KEY] = last.to_dict()
    outcome = talk.text(f"history.outcomes.{last.tier.key}")
    return (talk.text("history.last", date=_date(talk, last.day), outcome=outcome),)


def compared(talk: Conversation, state: CheckState,
             outcome: Outcome) -> tuple[Outcome, tuple[str, ...]]:
    """At the end of a check: the outcome with what is new since the last check counted (the
    rules may raise it, never lower it), and "New since last time: ..." to say after it. The
    check is kept as this person's last one."""
    previous = _previous(talk)
    said: tuple[str, ...] = ()
    if previous is not None:
        since = since_last(talk.rules, previous, state)
        step = next_step(talk.rules, since.state)
        if isinstance(step, Outcome) and step.tier >= outcome.tier:
            state, outcome = since.state, step
        if since.new:
            names = talk.content.join([talk.text(f"signs.{sign}") for sign in since.new])
            said = (talk.text("history.new", signs=names),)
    remember(talk, state, outcome.tier)
    return outcome, said


def remember(talk: Conversation, state: CheckState, tier: Tier) -> None:
    """Keep this check (its date, tier and signs) as the last one, saved with memory."""
    if talk.session is None or not talk.memory.enabled:
        return
    talk.session[LAST_CHECK_KEY] = record(talk.rules, state, tier, talk.today()).to_dict()


def _previous(talk: Conversation) -> LastCheck | None:
    if talk.session is None:
        return None
    return LastCheck.from_dict(talk.session.get(PREVIOUS_KEY), talk.rules)


def _date(talk: Conversation, day: date) -> str:
    month = talk.text(f"history.months.m{day.month}")
    return talk.text("history.date", day=str(day.day), month=month)
