"""One turn of the conversation: load the check from the session, speak, save it back."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_locale, get_supported_interfaces
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill.alexa.constants import (
    ABOUT_KEY,
    ABOUT_OTHER,
    APL_VERSION,
    CHECK_KEY,
    CONFIRM_KEY,
    FIRST_CHECKED_KEY,
    INTERIM_KEY,
    MISSES_KEY,
    OFFER_KEY,
    REMINDER_OFFER_KEY,
    RESUME_OFFER,
    SLOW_KEY,
    UNREAD_KEY,
    WHICH_KEY,
)
from skill.alexa.memory import Memory
from skill.content import Content, content_for
from skill.content.render import (
    Card,
    Spoken,
    launch_card,
    message_screen,
    offer_screen,
    outcome_screen,
    outcome_step,
    question_screen,
    question_step,
    stopped_step,
)
from skill.content.ssml import to_ssml
from skill.triage import (
    Ask,
    CheckState,
    Outcome,
    Rules,
    StateError,
    Step,
    default_rules,
    next_step,
    outcome_so_far,
    questions_left,
    volunteer,
)
from skill.triage.vocabulary import Tier

# What a screen device shows with a response: built only when the device has a screen.
Screen = Callable[[], dict[str, Any]]


class Conversation:
    """The check and the words for one request. Handlers call it; it never decides medicine."""

    def __init__(self, handler_input: HandlerInput) -> None:
        self.handler_input = handler_input
        self.rules: Rules = default_rules()
        self.content: Content = content_for(_locale(handler_input))
        self.memory = Memory(handler_input, self.rules)
        self.restarted = False
        self._missing = False  # set while answering a turn that was not understood
        self._screens: bool | None = None  # whether the device shows APL screens, once known
        self.session = (handler_input.attributes_manager.session_attributes
                        if handler_input.request_envelope.session is not None else None)
        self.state: CheckState | None = self._load()
        # A reminder offered last turn lapses unless this turn answers it (skill.alexa.reminders).
        if self.session is not None:
            self.session.pop(REMINDER_OFFER_KEY, None)
        # Signs read back last turn ("Is that right?"): they count unless the answer is no.
        self.confirming: tuple[str, ...] = ()
        self.before_confirming: CheckState | None = None
        self._settle_read_back()

    # --- what the session remembers about how to talk --------------------------------------

    def _flag(self, key: str) -> bool:
        return self.session is not None and self.session.get(key) is True

    def _set(self, key: str, value: bool) -> None:
        if self.session is not None:
            if value:
                self.session[key] = True
            else:
                self.session.pop(key, None)

    @property
    def about_other(self) -> bool:
        """Someone is checking for another person: the questions are about them."""
        return self.session is not None and self.session.get(ABOUT_KEY) == ABOUT_OTHER

    def check_for_other(self) -> None:
        if self.session is not None:
            self.session[ABOUT_KEY] = ABOUT_OTHER

    @property
    def unread(self) -> bool:
        """Something said during the check was not understood: no "Good news" at the end."""
        return self._flag(UNREAD_KEY)

    def mark_unread(self) -> None:
        self._set(UNREAD_KEY, True)

    @property
    def slow(self) -> bool:
        return self._flag(SLOW_KEY)

    def speak_slowly(self) -> None:
        self._set(SLOW_KEY, True)

    @property
    def asked_which(self) -> bool:
        """The screen question's "which one is it?" was asked after a bare "okay"."""
        return self._flag(WHICH_KEY)

    def ask_which(self, value: bool) -> None:
        self._set(WHICH_KEY, value)

    def _settle_read_back(self) -> None:
        """Signs read back last turn count from now on, unless this turn says no to them."""
        if self.session is None:
            return
        raw = self.session.pop(CONFIRM_KEY, None)
        if not isinstance(raw, list) or not raw or len(raw) > len(self.rules.signs):
            return
        signs = tuple(s for s in raw if isinstance(s, str) and s in self.rules.signs
                      and s != "unrecognised")
        if not signs or self.state is None:
            return
        self.confirming = signs
        self.before_confirming = self.state
        for sign in signs:
            self.state = volunteer(self.rules, self.state, sign)

    def read_back(self, state: CheckState, signs: tuple[str, ...], *before: str) -> Response:
        """Say what was understood before it counts: "Just to check, I heard a neck injury. Is
        that right?" The check is saved without the signs; they count unless the answer is no."""
        self._save(state)
        if self.session is not None:
            self.session[CONFIRM_KEY] = list(signs)
        names = self.content.join([self.text(f"signs.{sign}") for sign in signs])
        if self.about_other:
            names = names.replace("your ", "their ")
        ask = self.text("understanding.confirm", signs=names)
        reprompt = f"{ask} {self.text('understanding.confirm_reprompt')}"
        return self.respond(Spoken(speech=(*before, ask), reprompt=reprompt),
                            lambda: message_screen(self.content, *before, ask))

    @property
    def in_session(self) -> bool:
        return self.session is not None

    @property
    def shows_screens(self) -> bool:
        """Whether the device shows APL screens (see `supports_apl`)."""
        if self._screens is None:
            self._screens = supports_apl(self.handler_input)
        return self._screens

    @property
    def offering_resume(self) -> bool:
        return self.session is not None and self.session.get(OFFER_KEY) == RESUME_OFFER

    def _load(self) -> CheckState | None:
        raw = self.session.get(CHECK_KEY) if self.session is not None else None
        if raw is None:
            return None
        try:
            return CheckState.from_dict(raw, self.rules)
        except StateError:
            # Garbage or another version's state: start the check again, politely.
            self.restarted = True
            return CheckState()

    @property
    def check(self) -> CheckState:
        return self.state if self.state is not None else CheckState()

    def step(self) -> Step:
        return next_step(self.rules, self.check)

    def text(self, key: str, **values: str) -> str:
        return self.content.text(key, **values)

    def launch(self, *before: str, start: CheckState | None = None) -> Response:
        """Welcome, the short notice and the first question (the full disclaimer is on the card).

        A returning user hears when they first checked, and is offered to resume a check they
        left unfinished.
        """
        recalled = self.memory.recall()
        today = self._today()
        first = recalled.first_checked if recalled.first_checked is not None else today
        if self.session is not None:
            self.session[FIRST_CHECKED_KEY] = first.isoformat()
        welcome = [self.text("launch.welcome")]
        if recalled.first_checked is not None:
            welcome = [self.text("memory.welcome_back")]
            days = (today - first).days
            if days >= 1:
                welcome.append(self.text("memory.first_checked", days=self._days(days)))
        if recalled.last is not None:
            from skill.alexa import history  # a return visit only

            welcome.extend(history.recalled(self, recalled.last))
        welcome.append(self.text("launch.notice"))
        if recalled.check is not None and self.session is not None and start is None:
            self.session[CHECK_KEY] = recalled.check.to_dict()
            self.session[OFFER_KEY] = RESUME_OFFER
            return self.respond(Spoken(
                speech=(*welcome, *before, self.text("memory.offer")),
                reprompt=f"{self.text('memory.offer')} {self.text('memory.offer_hint')}",
                card=launch_card(self.content)),
                lambda: offer_screen(self.content, *welcome, *before))
        return self.advance(start or CheckState(), *welcome, *before, card=True)

    def answer_offer(self, resume: bool) -> Response:
        if resume:
            return self.advance(self.check, self.text("memory.resuming"))
        return self.advance(CheckState(), self.text("memory.fresh"))

    def advance(self, state: CheckState, *before: str, card: bool = False) -> Response:
        """Save `state` and speak its next step: a question, or the outcome that ends it."""
        if self.restarted:
            before = (self.text("launch.restart"), *before)
        step = next_step(self.rules, state)
        screen: Screen
        if isinstance(step, Ask):
            before = (*before, *self._interim(state))
            spoken = question_step(self.content, step, *before, other=self.about_other)
            self._save(state)
            if card:
                spoken = Spoken(spoken.speech, spoken.reprompt, launch_card(self.content))
            screen = self._question_screen(state, step, before)
        else:
            # The outcome first; then what is new since the last check, and a reminder offer.
            from skill.alexa import history, reminders

            step, since = history.compared(self, state, step)
            spoken = outcome_step(self.content, step, *before, unread=self.unread)
            spoken = reminders.offered(self, step, Spoken((*spoken.speech, *since),
                                                          spoken.reprompt, spoken.card))
            self._save(None)
            screen = self._outcome_screen(step)
        return self.respond(spoken, screen)

    def _interim(self, state: CheckState) -> tuple[str, ...]:
        """As soon as the answers call for a provider today, say so before the next question, once
        a tier, so that silence or "I have to go" cannot lose it (issue 19)."""
        outcome = outcome_so_far(self.rules, state)
        if outcome is None or outcome.tier < Tier.URGENT or self.session is None:
            return ()
        if self.session.get(INTERIM_KEY) == outcome.tier.key:
            return ()
        self.session[INTERIM_KEY] = outcome.tier.key
        names = self.content.join([self.text(f"signs.{sign}") for sign in outcome.deciding])
        return (self.text(f"interim.{outcome.tier.key}", signs=names),)

    def emergency(self, *signs: str, other: bool = False) -> Response:
        """Emergency words in the person's own words, at any point: the number, first.

        `other`: the emergency is someone else's ("my mum just had a fit"): the number for them,
        and the check (about the speaker) is not changed.
        """
        state = self.check if not other else CheckState()
        for sign in signs or ("emergency_now",):
            state = volunteer(self.rules, state, sign)
        outcome = next_step(self.rules, state)
        if not isinstance(outcome, Outcome) or outcome.tier != Tier.EMERGENCY:
            raise RuntimeError("the rules do not make emergency_now an emergency")
        self.restarted = False
        if self.session is not None:
            self.session.pop(OFFER_KEY, None)
        if not other:
            from skill.alexa import history

            history.remember(self, state, outcome.tier)
            self._save(None)
        elif self.session is not None:
            self.session.pop(CHECK_KEY, None)
        return self.respond(outcome_step(self.content, outcome, other=other),
                            self._outcome_screen(outcome))

    def missed(self) -> int:
        """Count one more turn in a row that was not understood; return the count."""
        self._missing = True
        if self.session is None:
            return 1
        misses = self.session.get(MISSES_KEY)
        count = (misses if isinstance(misses, int) else 0) + 1
        self.session[MISSES_KEY] = count
        self._missing = True
        return count

    def reask(self, *before: str) -> Response:
        """Say something, then the pending question again, without changing any answer."""
        if self.offering_resume:
            offer = self.text("memory.offer")
            return self.respond(Spoken(
                speech=(*before, offer), reprompt=f"{offer} {self.text('memory.offer_hint')}"),
                lambda: offer_screen(self.content, *before))
        if self.state is None:
            return self.launch(*before)
        return self.advance(self.state, *before)

    def end(self, *speech: str, card: Card | None = None,
            outcome: Outcome | None = None) -> Response:
        """End the session; an unfinished check stays in memory, to offer next time.

        A screen shows `outcome` when the answers so far call for one, else what was said.
        """
        if self.session is not None:
            self.session.pop(CHECK_KEY, None)
            self.session.pop(OFFER_KEY, None)
        screen = (self._outcome_screen(outcome) if outcome is not None
                  else lambda: message_screen(self.content, *speech))
        return self.respond(Spoken(speech=speech, card=card), screen)

    def goodbye(self) -> Response:
        """Stop or cancel. Stopped after a warning sign, the check still says what it calls for."""
        outcome = outcome_so_far(self.rules, self.state) if self.state is not None else None
        if outcome is None:
            return self.end(self.text("goodbye"))
        spoken = stopped_step(self.content, outcome)
        return self.end(*spoken.speech, card=spoken.card, outcome=outcome)

    def give_up(self, *before: str) -> Response:
        """Not understood three times: end politely with what the answers so far call for."""
        outcome = outcome_so_far(self.rules, self.state) if self.state is not None else None
        if outcome is None:
            return self.end(*before, self.text("fallback_give_up"), self.text("goodbye"))
        spoken = stopped_step(self.content, outcome)
        return self.end(*before, self.text("fallback_give_up"), *spoken.speech, card=spoken.card,
                        outcome=outcome)

    def forget(self) -> bool:
        """Delete this user's memory and end the check; False when nothing is ever stored."""
        if self.session is not None:
            self.session.clear()
        if not self.memory.enabled:
            return False
        self.memory.forget()
        return True

    def respond(self, spoken: Spoken, screen: Screen | None = None) -> Response:
        """Say `spoken`; a device with a screen also shows `screen`, if given."""
        if self.session is not None and not self._missing:
            self.session.pop(MISSES_KEY, None)
        builder = self.handler_input.response_builder
        builder.speak(to_ssml(*spoken.speech, slow=self.slow))
        if spoken.reprompt is not None:
            builder.ask(to_ssml(spoken.reprompt, slow=self.slow))
        if spoken.card is not None:
            builder.set_card(SimpleCard(title=spoken.card.title, content=spoken.card.text))
        if screen is not None and self.shows_screens:
            from skill.apl import directive  # documents load on the first screen device only

            builder.add_directive(directive(screen()))
        builder.set_should_end_session(spoken.ends_session)
        return builder.response

    def _question_screen(self, state: CheckState, step: Ask, before: tuple[str, ...]) -> Screen:
        def build() -> dict[str, Any]:
            # "Question 3 of about 12": answered so far, and the rest if every answer were no.
            answered = len(state.answers)
            total = answered + _questions_left(self.rules, state)
            return question_screen(self.content, step, *before, number=answered + 1,
                                   total=total, other=self.about_other)

        return build

    def _outcome_screen(self, outcome: Outcome) -> Screen:
        return lambda: outcome_screen(self.content, outcome)

    def _save(self, state: CheckState | None) -> None:
        if self.session is None:
            return
        self.session.pop(OFFER_KEY, None)
        if state is None:
            self.session.pop(CHECK_KEY, None)
        else:
            self.session[CHECK_KEY] = state.to_dict()
        first = self.session.get(FIRST_CHECKED_KEY)
        self.memory.remember(state, first if isinstance(first, str) else None)

    def today(self) -> date:
        """The request's date (UTC)."""
        return self._today()

    def _today(self) -> date:
        timestamp = getattr(self.handler_input.request_envelope.request, "timestamp", None)
        return timestamp.date() if isinstance(timestamp, datetime) else date.today()

    def _days(self, days: int) -> str:
        return self.text("memory.one_day") if days == 1 else self.text("memory.days",
                                                                       n=str(days))


# questions_left plays the rest of the check out (about half a millisecond); checks share
# their states (most answers are "no"), so a warm process remembers the counts it worked out.
_LEFT: dict[tuple[int, str], int] = {}
_LEFT_MAX = 2048


def _questions_left(rules: Rules, state: CheckState) -> int:
    key = (id(rules), json.dumps(state.to_dict(), sort_keys=True))
    left = _LEFT.get(key)
    if left is None:
        if len(_LEFT) >= _LEFT_MAX:
            _LEFT.clear()
        left = _LEFT[key] = questions_left(rules, state)
    return left


def supports_apl(handler_input: HandlerInput) -> bool:
    """Whether the device can show the skill's screens: it lists the APL interface among those
    it supports (Alexa lists it only for a skill whose manifest declares the interface), with
    a runtime no older than the documents' APL version when it says which."""
    try:
        interfaces = get_supported_interfaces(handler_input)
    except AttributeError:  # no context, system or device: not a screen device
        return False
    apl = getattr(interfaces, "alexa_presentation_apl", None)
    if apl is None:
        return False
    runtime = getattr(getattr(apl, "runtime", None), "max_version", None)
    if runtime is None:
        return True
    return _apl_version(runtime) >= _apl_version(APL_VERSION)


def _apl_version(version: object) -> tuple[int, ...]:
    """"1.6" -> (1, 6), "2023.3" -> (2023, 3); () for anything else, older than any."""
    try:
        return tuple(int(part) for part in str(version).split("."))
    except ValueError:
        return ()


def _locale(handler_input: HandlerInput) -> str | None:
    try:
        locale = get_locale(handler_input)
    except AttributeError:
        return None
    return locale if isinstance(locale, str) else None
