"""The console: an interactive REPL on a terminal, one utterance per line when piped."""

from __future__ import annotations

import contextlib
import json
import shutil
import textwrap
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from skill.simulator.errors import SimulatorError
from skill.simulator.nlu import Understanding
from skill.simulator.runner import EXIT_WORDS, Simulator, Turn
from skill.simulator.voice import Speaker

if TYPE_CHECKING:
    from skill.simulator.clock import Clock

HELP = """\
Type what you would say to Alexa; an empty line is silence (Alexa says the reprompt once,
then closes the session). Commands start with ':' so they never collide with speech:
  :verbose    show the reprompt, card and directives of each answer too (again: hide them)
  :state      the open session: id, whether it is new, its attributes
  :request    raw JSON of the last request envelope sent to the skill
  :response   raw JSON of the skill's last response
  :nlu TEXT   how TEXT resolves (intent, slots, confidence) without sending it
  :tap LABEL  touch a button on the last screen (--device show), e.g. :tap Not sure
  :reminders  the reminders the skill set for this user (in the emulated Reminders API)
  :later DAYS move the clock DAYS forward (e.g. :later 14); due reminders go off
  :new        end the open session; the next utterance starts a new one
  :fresh      end the open session and forget what the skill stored about this user
  :quit       leave (so do "exit" and "quit" when no session is open)"""

USER = "you>   "
ALEXA = "alexa> "
INDENT = " " * len(ALEXA)
MIN_WIDTH = 40


def terminal_width() -> int:
    """Columns to wrap at: the terminal's (or $COLUMNS), less one, never under MIN_WIDTH."""
    return max(shutil.get_terminal_size().columns - 1, MIN_WIDTH)


def _wrap(first: str, text: str, width: int | None) -> str:
    """`first` + `text`, wrapped at `width` with continuation lines under the text."""
    if width is None:
        return first + text
    return textwrap.fill(text, width=width, initial_indent=first, subsequent_indent=INDENT,
                         break_long_words=False, break_on_hyphens=False) or first.rstrip()


def render_turn(turn: Turn, width: int | None = None, verbose: bool = False) -> str:
    """What Alexa says (and, verbose, the reprompt, card and directives), wrapped at `width`."""
    lines: list[str] = []
    if turn.note:
        lines.append(_wrap(INDENT, f"({turn.note})", width))
    lines.append(_wrap(ALEXA, turn.speech or "(no speech)", width))
    if verbose:
        if turn.reprompt:
            lines.append(_wrap(INDENT, f"reprompt: {turn.reprompt}", width))
        if turn.card:
            title, text = turn.card.get("title") or "", turn.card.get("text") or ""
            lines.append(_wrap(INDENT, f"card: {title}: {text}".rstrip(": "), width))
        if turn.directives:
            lines.append(_wrap(INDENT, f"directives: {', '.join(turn.directives)}", width))
    if turn.ended:
        lines.append(f"{INDENT}(session ended)")
    return "\n".join(lines)


def render_understanding(understanding: Understanding, threshold: float) -> str:
    u = understanding
    lines = [f"utterance:  {u.utterance}", f"intent:     {u.intent}"]
    if u.method == "fallback":
        closest = f"closest sample {u.sample!r} at {u.confidence:.2f}" if u.sample else "no match"
        lines.append(f"confidence: {u.confidence:.2f} ({closest}; threshold {threshold / 100:.2f})")
    else:
        lines.append(f"confidence: {u.confidence:.2f} ({u.method} match on {u.sample!r})")
    for name in u.slot_names:
        slot = u.slots.get(name)
        if slot is None:
            lines.append(f"slot {name}: (empty)")
        elif slot.status is None:
            lines.append(f"slot {name}: {slot.value!r} ({slot.slot_type}, no resolution)")
        elif slot.resolved_id is None:
            lines.append(f"slot {name}: {slot.value!r} -> {slot.status}")
        else:
            lines.append(
                f"slot {name}: {slot.value!r} -> {slot.status} id={slot.resolved_id} "
                f"name={slot.resolved_name!r} confidence {slot.confidence:.2f}"
            )
    return "\n".join(lines)


class Console:
    """Reads lines, runs commands or utterances, and prints turns as text or JSON Lines."""

    def __init__(
        self,
        simulator: Simulator,
        out: TextIO,
        err: TextIO,
        json_mode: bool = False,
        speaker: Speaker | None = None,
        interactive: bool = False,
        verbose: bool = False,
        width: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        """`width` wraps text output at that many columns; None follows the terminal. `clock`:
        the run's simulated time, which `:later` moves."""
        self.sim = simulator
        self.out = out
        self.err = err
        self.json_mode = json_mode
        self.speaker = speaker
        self.interactive = interactive
        self.verbose = verbose
        self.width = width
        self.clock = clock

    def print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(self, lines: Iterable[str]) -> None:
        """Feed lines until they run out or the user quits; piped errors stop the run."""
        try:
            for number, raw in enumerate(lines, start=1):
                line = raw.rstrip("\r\n")
                try:
                    if not self.handle(line, number):
                        return
                except SimulatorError as exc:
                    if not self.interactive:
                        raise SimulatorError(f"line {number}: {exc}") from exc
                    self.err.write(f"error: {exc}\n")
                    self.err.flush()
        finally:
            self.sim.end_session()

    def handle(self, line: str, number: int = 0) -> bool:
        """One input line; False when the user asked to leave."""
        text = line.strip()
        if not text:
            # Silence: never sent to the NLU (an empty utterance is not an utterance).
            silence = self.sim.silence()
            if silence is not None:
                self.show(silence)
            return True
        if text.startswith(":"):
            return self.command(text)
        if text.lower().strip(" .!") in EXIT_WORDS and not self.sim.in_session:
            return False
        turn = self.sim.say(text)
        self.show(turn)
        return True

    def show(self, turn: Turn) -> None:
        if self.json_mode:
            self.print(json.dumps(turn.to_json(), ensure_ascii=False))
        else:
            width = self.width or terminal_width()
            if not self.interactive:
                self.print(_wrap(USER, turn.user or "(silence)", width))
            self.print(render_turn(turn, width, self.verbose))
        if self.speaker is not None:
            self.speaker.say(turn.speech)

    def command(self, text: str) -> bool:
        name, _, arg = text.partition(" ")
        name = name.lower()
        if name in (":quit", ":q", ":exit"):
            return False
        if name == ":help":
            self.print(HELP)
        elif name == ":state":
            self.print(self._state())
        elif name in (":request", ":response"):
            if self.sim.last is None:
                self.print("(nothing sent yet)")
            else:
                raw = self.sim.last.request if name == ":request" else self.sim.last.response
                self.print(json.dumps(raw, indent=2, ensure_ascii=False))
        elif name == ":new":
            closed = self.sim.end_session()
            self.print("(session ended; the next utterance starts a new one)" if closed
                       else "(no session was open)")
        elif name == ":verbose":
            self.verbose = not self.verbose
            self.print("(verbose: the reprompt, card and directives are shown)" if self.verbose
                       else "(only what Alexa says is shown)")
        elif name == ":reminders":
            self.print(self._reminders())
        elif name == ":later":
            self._later(arg)
        elif name == ":fresh":
            self.print(f"({self.sim.forget()})")
        elif name == ":tap":
            if not arg.strip():
                raise SimulatorError(":tap needs a button's label, e.g. ':tap Yes'")
            turn = self.sim.tap(arg)
            if turn is None:
                ticked = ", ".join(self.sim.ticked) or "nothing"
                self.print(f"(ticked: {ticked}; :tap Done sends them)")
            else:
                self.show(turn)
        elif name == ":nlu":
            if not arg.strip():
                raise SimulatorError(":nlu needs an utterance, e.g. ':nlu I have tingling'")
            understanding = self.sim.nlu.understand(arg)
            if self.json_mode:
                self.print(json.dumps(understanding.to_json(), ensure_ascii=False))
            else:
                self.print(render_understanding(understanding, self.sim.nlu.intent_threshold))
        else:
            raise SimulatorError(f"unknown command {name!r}; type :help for the list")
        return True

    def _reminders(self) -> str:
        api = self.sim.factory.reminders
        if api is None:
            return "(no Reminders API here)"
        mine = [r for r in api.reminders(self.sim.factory.user_id) if r.status == "ON"]
        if not mine:
            return "(no reminders set)"
        now = api.clock()
        lines = []
        for stored in mine:
            days = (stored.due - now).total_seconds() / 86400
            lines.append(f"reminder in {days:.1f} days ({stored.due:%Y-%m-%d %H:%M} UTC): "
                         f"{stored.text}")
        return "\n".join(lines)

    def _later(self, arg: str) -> None:
        from datetime import timedelta

        api = self.sim.factory.reminders
        text = arg.strip().lower().removesuffix("d").removesuffix(" days").strip()
        try:
            days = float(text)
        except ValueError:
            raise SimulatorError(":later needs a number of days, e.g. ':later 14'") from None
        if self.clock is None or api is None or not 0 < days <= 366:
            raise SimulatorError(":later needs the emulated Reminders API and 0 < DAYS <= 366")
        self.sim.end_session()  # time passes: the session is long over
        self.clock.forward(timedelta(days=days))
        fired = [f for f in api.fire_due() if f.user == self.sim.factory.user_id]
        self.print(f"({days:g} days later)")
        for reminder in fired:
            self.print(_wrap(ALEXA, f"Here's your reminder: {reminder.text}",
                             self.width or terminal_width()))

    def _state(self) -> str:
        session = self.sim.session
        state = {
            "session": None
            if session is None
            else {"sessionId": session.session_id, "new": session.new,
                  "attributes": session.attributes},
            "locale": self.sim.factory.locale,
            "device": self.sim.factory.device,
        }
        return json.dumps(state, indent=2, ensure_ascii=False)


def prompt_lines(prompt: str) -> Iterator[str]:
    """Lines typed at a terminal, with line editing where readline exists."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  # imported for its side effect on input()
    while True:
        try:
            yield input(prompt)
        except EOFError:
            print()
            return
