"""`neck-twitch simulate`: talk to the skill offline, or check it with scripts and replays.

Only click is imported at module level: `neck-twitch --help` loads this module to list it.
Exit status: 0 done, 1 a dialog script did not meet its expectations, 2 bad input or error.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from skill.simulator.clock import Clock

if TYPE_CHECKING:
    from skill.simulator.envelopes import EnvelopeFactory
    from skill.simulator.nlu import Nlu
    from skill.simulator.reminders_api import RemindersApi
    from skill.simulator.runner import Simulator
    from skill.simulator.screens import ScreenWriter
    from skill.simulator.script import Script
    from skill.simulator.transport import Transport

EXIT_MISMATCH = 1
EXIT_ERROR = 2


def fail(program: str, message: str) -> NoReturn:
    click.echo(f"neck-twitch {program}: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _die(message: str) -> NoReturn:
    fail("simulate", message)


@contextmanager
def reporting_errors(program: str, show_traceback: bool) -> Iterator[None]:
    """What goes wrong while a command talks to the skill, as one line and an exit code: a
    crash inside the skill (its traceback with --traceback), a simulator or voice error,
    undecodable input; a reader that went away stops quietly, Ctrl-C exits 130."""
    from skill.simulator.errors import SimulatorError
    from skill.simulator.transport import SkillCrashed

    try:
        yield
    except SkillCrashed as exc:
        if show_traceback and exc.__cause__ is not None:
            traceback.print_exception(exc.__cause__)
        hint = "" if show_traceback else " (rerun with --traceback for details)"
        fail(program, str(exc) + hint)
    except SimulatorError as exc:
        fail(program, str(exc))
    except UnicodeDecodeError:
        fail(program, "input is not UTF-8 text")
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("", err=True)
        sys.exit(130)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--locale", default=None, help="Model and request locale [default: en-US].")
@click.option("--device", type=click.Choice(["voice", "show"]), default="voice",
              show_default=True, help="voice-only speaker, or a screen device with a Viewport.")
@click.option("--user", default=None, metavar="NAME",
              help="Name for a stable user id across runs (never printed).")
@click.option("--skill-id", default=None,
              help="applicationId in requests [default: $SKILL_ID or a fixed fake id].")
@click.option("--endpoint", default=None, metavar="URL",
              help="POST envelopes to a running service (`neck-twitch serve --no-verify`).")
@click.option("--model", "model_file", type=click.Path(path_type=Path), default=None,
              help="Interaction model JSON [default: interaction_model/.../<locale>.json].")
@click.option("--json", "json_mode", is_flag=True, help="JSON Lines output, one object per turn.")
@click.option("--verbose", is_flag=True,
              help="Show each answer's reprompt, card and directives, not only its speech.")
@click.option("--fresh", is_flag=True,
              help="Start with no stored memory: a throwaway store, deleted on exit.")
@click.option("--speak", is_flag=True, help="Voice each answer with espeak-ng.")
@click.option("--utterance", "utterances", multiple=True, metavar="TEXT",
              help="Show how TEXT resolves (intent, slots, confidence); sends nothing.")
@click.option("--script", "scripts", multiple=True, type=click.Path(path_type=Path),
              metavar="FILE.yaml", help="Run a dialog script (repeatable); exit 1 on mismatch.")
@click.option("--replay", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Run an ASK CLI replay file.")
@click.option("--record", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Write what was said as an ASK CLI replay file.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None,
              help="Fuzzy intent match threshold, 0-100 [default: 85].")
@click.option("--traceback", "show_traceback", is_flag=True,
              help="On a crash inside the skill, print its traceback.")
@click.option("--grant", "grant", type=click.Choice(["reminders"]), default=None,
              help="The simulated person has allowed the skill's reminders already.")
@click.option("--deny", "deny", type=click.Choice(["reminders"]), default=None,
              help="The simulated person says no when Alexa asks to allow reminders.")
@click.option("--screens", "screens_dir", type=click.Path(path_type=Path), default=None,
              metavar="DIR", help="With --device show: write each screen the skill shows into "
              "DIR as a PNG (an HTML preview where Chromium is missing).")
def simulate(
    locale: str | None,
    device: str,
    user: str | None,
    skill_id: str | None,
    endpoint: str | None,
    model_file: Path | None,
    json_mode: bool,
    verbose: bool,
    fresh: bool,
    speak: bool,
    utterances: tuple[str, ...],
    scripts: tuple[Path, ...],
    replay: Path | None,
    record: Path | None,
    threshold: float | None,
    show_traceback: bool,
    screens_dir: Path | None,
    grant: str | None = None,
    deny: str | None = None,
) -> None:
    """Talk to the skill offline: type what you would say, read what Alexa would say.

    \b
    Interactive on a terminal; piped input is one utterance per line, and a
    blank line is silence. Start with "open neck twitch check"; :help lists
    the REPL commands. Memory between sessions is kept where
    NECK_TWITCH_STORAGE says, by default in
    ~/.local/state/neck-twitch-check/memory.sqlite3; --fresh keeps none.
    """

    modes = [bool(utterances), bool(scripts), replay is not None]
    if sum(modes) > 1:
        _die("use only one of --utterance, --script and --replay")
    if screens_dir is not None and utterances:
        _die("--screens shows what the skill sends; --utterance sends nothing")
    if grant and deny:
        _die("use only one of --grant reminders and --deny reminders")
    options = Options(locale, device, user, skill_id, endpoint, model_file, threshold, fresh,
                      screens_dir, permission="granted" if grant else "denied" if deny else None)
    try:
        with reporting_errors("simulate", show_traceback):
            if utterances:
                _profile(options, utterances, json_mode)
            elif scripts:
                if record is not None:
                    _die("--record cannot be used with --script")
                sys.exit(_run_scripts(options, scripts, json_mode))
            else:
                _converse(options, replay, record, json_mode, speak, verbose)
    finally:
        note = options.close()
        if note:
            click.echo(note, err=True)


class Options:
    """What a run of the simulator (or the desk voice, which drives it) was asked for: the
    NLU per locale, the transport with its memory (a scratch file with --fresh), screens."""

    def __init__(
        self,
        locale: str | None,
        device: str,
        user: str | None,
        skill_id: str | None,
        endpoint: str | None,
        model_file: Path | None,
        threshold: float | None,
        fresh: bool = False,
        screens_dir: Path | None = None,
        permission: str | None = None,
        reminders: bool = True,
    ) -> None:
        """`permission`: "granted" or "denied" for the emulated Reminders API (None: Alexa
        asks); `reminders`: False for a host without the Reminders API (the desk voice)."""
        self.locale = locale
        self.device = device
        self.user = user
        self.skill_id = skill_id
        self.endpoint = endpoint
        self.model_file = model_file
        self.threshold = threshold
        self.fresh = fresh
        self.screens_dir = screens_dir
        self._screens: ScreenWriter | None = None
        self._nlu: dict[str, Nlu] = {}
        self._transport: Transport | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.permission = permission
        self.with_reminders = reminders
        self.clock = Clock()
        self.reminders_api: RemindersApi | None = None

    def nlu(self, locale: str) -> Nlu:
        from skill.simulator.model import check_locale, load_model, model_path
        from skill.simulator.nlu import DEFAULT_INTENT_THRESHOLD, Nlu

        if locale not in self._nlu:
            check_locale(locale)
            path = self.model_file or model_path(locale)
            threshold = DEFAULT_INTENT_THRESHOLD if self.threshold is None else self.threshold
            self._nlu[locale] = Nlu(load_model(path, locale), intent_threshold=threshold)
        return self._nlu[locale]

    def transport(self) -> Transport:
        from skill.simulator import transport

        if self._transport is None:
            if self.endpoint:
                self._transport = transport.http(self.endpoint)
            else:
                self._transport = transport.in_process(self._fresh_storage())
        return self._transport

    def _fresh_storage(self) -> str | None:
        """With --fresh, a SQLite file in a new temporary directory (gone on exit)."""
        if not self.fresh:
            return None
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="neck-twitch-fresh-")
        return f"sqlite:{Path(self._scratch.name) / 'memory.sqlite3'}"

    def memory_note(self) -> str:
        """Where the skill's memory of the simulated user lives, for the banner."""
        if self.endpoint:
            where = f"kept by the service at {self.endpoint}"
            if self.fresh:
                where += " (--fresh: speaking as a new user, whom it has never seen)"
        elif self.fresh:
            where = "a temporary file, deleted when you leave (--fresh)"
        else:
            from skill.storage import storage_spec

            spec = storage_spec()
            kind, _, target = spec.partition(":")
            where = target if kind == "sqlite" else spec
            if kind != "none":
                where += " (--fresh starts without it)"
        return f"Memory: {where}; :fresh forgets it."

    def close(self) -> str | None:
        """Clean up; a note on the screens written, if any."""
        if self.reminders_api is not None:
            self.reminders_api.stop()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
        if self._screens is not None:
            screens, self._screens = self._screens, None
            return screens.close()
        return None

    def reminders(self) -> RemindersApi:
        """The run's emulated Reminders API (one for every dialog, on the run's clock)."""
        if self.reminders_api is None:
            from skill.simulator.reminders_api import RemindersApi

            self.reminders_api = RemindersApi(clock=self.clock.now,
                                              default_permission=self.permission)
        return self.reminders_api

    def screens(self, device: str) -> ScreenWriter | None:
        """The run's screen writer (one for every dialog, so files number on), if asked for."""
        from skill.simulator.errors import SimulatorError

        if self.screens_dir is None:
            return None
        if device != "show":
            raise SimulatorError("--screens needs a screen device: add --device show")
        if self._screens is None:
            from skill.simulator.envelopes import SHOW_VIEWPORT
            from skill.simulator.screens import ScreenWriter

            viewport = {"width": SHOW_VIEWPORT["pixelWidth"],
                        "height": SHOW_VIEWPORT["pixelHeight"], "dpi": SHOW_VIEWPORT["dpi"],
                        "shape": SHOW_VIEWPORT["shape"], "mode": SHOW_VIEWPORT["mode"]}
            self._screens = ScreenWriter(self.screens_dir, viewport)
        return self._screens

    def simulator(
        self,
        locale: str | None = None,
        device: str | None = None,
        user: str | None = None,
        skill_id: str | None = None,
    ) -> Simulator:
        from skill.simulator.envelopes import DEFAULT_SKILL_ID, DEFAULT_USER, EnvelopeFactory
        from skill.simulator.runner import Simulator

        chosen_locale = self.locale or locale or "en-US"
        chosen_user = self.user or user or DEFAULT_USER
        if self.fresh and self.endpoint:
            # A service's memory is out of reach: be a user it has never seen.
            chosen_user = f"fresh-{uuid.uuid4()}"
        factory: EnvelopeFactory = EnvelopeFactory(
            chosen_locale,
            user=chosen_user,
            device=device or self.device,
            skill_id=self.skill_id or skill_id or os.environ.get("SKILL_ID") or DEFAULT_SKILL_ID,
            clock=self.clock.stamp,
        )
        if self.with_reminders:
            factory.reminders = self.reminders()
        simulator = Simulator(self.nlu(chosen_locale), factory, self.transport())
        simulator.screens = self.screens(factory.device)
        return simulator


def _profile(options: Options, utterances: tuple[str, ...], json_mode: bool) -> None:
    import json

    from skill.simulator.invocations import invocation_parser_for
    from skill.simulator.nlu import check_utterance, parse_invocation
    from skill.simulator.repl import render_understanding

    nlu = options.nlu(options.locale or "en-US")
    parser = invocation_parser_for(nlu.model.locale, nlu.model.invocation_name)
    for number, utterance in enumerate(utterances):
        check_utterance(utterance)
        invocation = parse_invocation(parser, utterance)
        record: dict[str, Any]
        if invocation is not None and invocation.kind == "launch":
            record = {"utterance": utterance, "request": "LaunchRequest"}
            text = f"utterance:  {utterance}\nrequest:    LaunchRequest (opens the skill)"
        else:
            words = invocation.rest if invocation is not None else utterance
            understanding = nlu.understand(words)
            record = {"request": "IntentRequest", **understanding.to_json()}
            text = render_understanding(understanding, nlu.intent_threshold)
            if invocation is not None:
                record["oneshot"] = True
                text = f"one-shot:   opens the skill with {words!r}\n{text}"
        if json_mode:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(("\n" if number else "") + text)


def _run_scripts(options: Options, paths: tuple[Path, ...], json_mode: bool) -> int:
    import json
    import uuid

    from skill.simulator.script import format_report, load_script, run_script

    loaded: list[Script] = [load_script(path) for path in paths]
    status = 0
    for script in loaded:
        # Without a named user each run is a new person, so stored state cannot leak in.
        simulator = options.simulator(
            locale=script.locale,
            device=script.device,
            user=script.user or f"script-{uuid.uuid4()}",
        )
        report = run_script(script, simulator)
        simulator.end_session()
        if json_mode:
            for turn in report.turns:
                click.echo(json.dumps(turn.to_json(), ensure_ascii=False))
        if report.passed:
            click.echo(format_report(report), err=json_mode)
        else:
            click.echo(format_report(report), err=True)
            return EXIT_MISMATCH
    return status


def _converse(
    options: Options, replay_path: Path | None, record: Path | None, json_mode: bool,
    speak: bool, verbose: bool = False,
) -> None:
    from skill.simulator.errors import SimulatorError
    from skill.simulator.repl import HELP, USER, Console, prompt_lines
    from skill.simulator.replay import load_replay, write_replay
    from skill.simulator.voice import Speaker

    if record is not None and not record.resolve().parent.is_dir():
        raise SimulatorError(f"cannot write replay file {record}: its directory does not exist")
    lines: Any
    interactive = False
    locale = skill_id = None
    if replay_path is not None:
        replay = load_replay(replay_path)
        locale, skill_id = replay.locale, replay.skill_id
        lines = replay.user_input
    else:
        interactive = sys.stdin.isatty()
        lines = prompt_lines(USER) if interactive else sys.stdin
    simulator = options.simulator(locale=locale, skill_id=skill_id)
    speaker = None
    if speak:
        speaker = Speaker(simulator.factory.locale, lambda m: click.echo(m, err=True))
    console = Console(simulator, sys.stdout, sys.stderr, json_mode=json_mode, speaker=speaker,
                      interactive=interactive, verbose=verbose, clock=options.clock)
    if interactive and not json_mode:
        factory = simulator.factory
        click.echo(
            f"Neck Twitch Check simulator ({factory.locale}, {factory.device} device). "
            f"Say {simulator.launch_phrase!r} to start.\n{options.memory_note()}\n{HELP}\n"
        )
    try:
        console.run(lines)
    finally:
        if record is not None and simulator.spoken:
            write_replay(record, simulator.factory.skill_id, simulator.factory.locale,
                         simulator.spoken)
