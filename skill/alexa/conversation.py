"""One turn of the conversation: load the check from the session, speak, save it back."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_locale
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill.alexa.constants import CHECK_KEY
from skill.content import Content, content_for
from skill.content.render import Spoken, launch_card, outcome_step, question_step
from skill.content.ssml import to_ssml
from skill.triage import Ask, CheckState, Rules, StateError, Step, default_rules, next_step


class Conversation:
    """The check and the words for one request. Handlers call it; it never decides medicine."""

    def __init__(self, handler_input: HandlerInput) -> None:
        self.handler_input = handler_input
        self.rules: Rules = default_rules()
        self.content: Content = content_for(_locale(handler_input))
        self.restarted = False
        self.state: CheckState | None = self._load()

    @property
    def in_session(self) -> bool:
        return self.handler_input.request_envelope.session is not None

    def _load(self) -> CheckState | None:
        if not self.in_session:
            return None
        raw = (self.handler_input.attributes_manager.session_attributes or {}).get(CHECK_KEY)
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

    def launch(self, *before: str) -> Response:
        """Welcome, the short notice and the first question (the full disclaimer is on the card)."""
        welcome = (self.text("launch.welcome"), self.text("launch.notice"))
        return self.advance(CheckState(), *welcome, *before, card=True)

    def advance(self, state: CheckState, *before: str, card: bool = False) -> Response:
        """Save `state` and speak its next step: a question, or the outcome that ends it."""
        if self.restarted:
            before = (self.text("launch.restart"), *before)
        step = next_step(self.rules, state)
        if isinstance(step, Ask):
            spoken = question_step(self.content, step, *before)
            self._save(state)
            if card:
                spoken = Spoken(spoken.speech, spoken.reprompt, launch_card(self.content))
        else:
            spoken = outcome_step(self.content, step, *before)
            self._save(None)
        return self.respond(spoken)

    def reask(self, *before: str) -> Response:
        """Say something, then the pending question again, without changing any answer."""
        if self.state is None:
            return self.launch(*before)
        return self.advance(self.state, *before)

    def end(self, *speech: str) -> Response:
        self._save(None)
        return self.respond(Spoken(speech=speech))

    def respond(self, spoken: Spoken) -> Response:
        builder = self.handler_input.response_builder
        builder.speak(to_ssml(*spoken.speech))
        if spoken.reprompt is not None:
            builder.ask(to_ssml(spoken.reprompt))
        if spoken.card is not None:
            builder.set_card(SimpleCard(title=spoken.card.title, content=spoken.card.text))
        builder.set_should_end_session(spoken.ends_session)
        return builder.response

    def _save(self, state: CheckState | None) -> None:
        if not self.in_session:
            return
        attributes = self.handler_input.attributes_manager.session_attributes
        if attributes is None:
            return
        if state is None:
            attributes.pop(CHECK_KEY, None)
        else:
            attributes[CHECK_KEY] = state.to_dict()


def _locale(handler_input: HandlerInput) -> str | None:
    try:
        locale = get_locale(handler_input)
    except AttributeError:
        return None
    return locale if isinstance(locale, str) else None
