"""`neck-twitch talk`: a hands-free check at the desk, fully offline.

Only click is imported at module level: `neck-twitch --help` loads this module to list it.
Exit status: 0 done, 2 a missing package, device or file, or another error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from skill.simulator.runner import Simulator
    from skill.voice.audio import Ear, Mouth
    from skill.voice.talk import Exchange

EXIT_ERROR = 2
USER = "you>   "
ALEXA = "alexa> "
HOST = "voice> "


def _die(message: str) -> NoReturn:
    click.echo(f"neck-twitch talk: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="[FILE.wav]...")
@click.option("--from-audio", "from_audio", is_flag=True,
              help="Read the person's turns from the WAV FILEs (one turn each), not the "
                   "microphone.")
@click.option("--to-audio", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="Write what is said as DIR/NNN-skill.wav and NNN-host.wav instead of "
                   "playing it.")
@click.option("--mute", is_flag=True, help="Speak nothing: print what would be said.")
@click.option("--json", "json_mode", is_flag=True,
              help="JSON Lines: one object per turn (heard, confidence, intent, what was said).")
@click.option("--locale", default="en-US", show_default=True,
              help="Model, request and voice locale.")
@click.option("--user", default=None, metavar="NAME",
              help="Name for a stable user id across runs (never printed).")
@click.option("--fresh", is_flag=True,
              help="Start with no stored memory: a throwaway store, deleted on exit.")
@click.option("--barge-in/--no-barge-in", default=False, show_default=True,
              help="Stop a question when you speak over it, clearly above the room and the "
                   "speaker's own sound for 0.3 s (best with headphones). Off or on, an answer "
                   "spoken over a question is always read back, and never confirms one.")
@click.option("--timeout", type=click.FloatRange(1, 60), default=8.0, show_default=True,
              help="Seconds of silence before a turn counts as no answer.")
@click.option("--calendar-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              metavar="DIR",
              help="Where a calendar reminder (.ics) is saved when you ask for one at the end "
                   "of a check [default: ~/Downloads if it exists, else the current "
                   "directory].")
@click.option("--traceback", "show_traceback", is_flag=True,
              help="On a crash inside the skill, print its traceback.")
def talk(
    files: tuple[Path, ...],
    from_audio: bool,
    to_audio: Path | None,
    mute: bool,
    json_mode: bool,
    locale: str,
    user: str | None,
    fresh: bool,
    barge_in: bool,
    timeout: float,
    calendar_dir: Path | None,
    show_traceback: bool,
) -> None:
    """Hands-free and offline: the skill asks its questions aloud and listens for your answers.

    \b
    Speech is recognised on this computer (pocketsphinx, restricted to the
    phrases in the interaction model) and spoken with espeak-ng; nothing is
    sent anywhere. Answers that change the outcome are read back unless the
    recogniser is sure; after two failed tries you can type instead. An
    emergency phrase is answered with the emergency number at once. After
    self-care or "book an appointment" it offers a calendar reminder (.ics).

    \b
    Without a microphone:  neck-twitch talk --from-audio a.wav b.wav --to-audio out/
    To type instead:       neck-twitch simulate
    """
    if files and not from_audio:
        _die("audio files given without --from-audio (neck-twitch talk --from-audio FILE...)")
    if from_audio and not files:
        _die("--from-audio needs one or more WAV files, one per turn")
    if mute and to_audio is not None:
        _die("use only one of --mute and --to-audio")
    if not locale.lower().startswith("en") and _has_model(locale):
        # pocketsphinx's only acoustic model (in its wheel, and Debian's pocketsphinx-en-us) is
        # US English; no registry package ships a Spanish one (issue 24).
        _die(f"the desk voice is English-only: pocketsphinx has only a US English acoustic "
             f"model, so it cannot hear {locale}; type instead: neck-twitch simulate "
             f"--locale {locale}")
    from skill.voice.endpoint import preload_silero

    preload_silero()  # on a thread, while the rest starts (see skill.voice.startup)
    from skill.simulator.command import reporting_errors
    from skill.voice.startup import VoiceOptions

    # The simulator's own set-up: the same NLU (made while the welcome is spoken), transport
    # and --fresh scratch memory; no emulated Reminders API, since the desk voice has none (it
    # offers a calendar file).
    options = VoiceOptions(locale, "voice", user, None, None, None, None, fresh,
                           reminders=False)
    try:
        with reporting_errors("talk", show_traceback):
            ear, mouth = _devices(files, to_audio, mute, locale, barge_in, timeout)
            _converse(options.simulator(), ear, mouth, json_mode, calendar_dir)
    finally:
        options.close()


def _has_model(locale: str) -> bool:
    """Whether the skill ships an interaction model for `locale` (an unknown one is reported as
    such later, by the simulator's own check)."""
    from skill.simulator.model import default_model_dir

    return "/" not in locale and (default_model_dir() / f"{locale}.json").is_file()


def _devices(
    files: tuple[Path, ...],
    to_audio: Path | None,
    mute: bool,
    locale: str,
    barge_in: bool,
    timeout: float,
) -> tuple[Ear, Mouth]:
    """Check what is needed before the slower start-up, so a missing piece fails at once."""
    from skill.simulator.model import check_locale
    from skill.voice.audio import AudioDir, AudioFiles, Microphone, Mute, SoundDevice, Speaker
    from skill.voice.tts import Espeak

    check_locale(locale)
    playing = not mute and to_audio is None
    device: SoundDevice | None = None
    if not files or playing:
        device = SoundDevice(
            barge_in=barge_in, need_input=not files, need_output=playing, timeout=timeout
        )
    ear: Ear
    if files:
        ear = AudioFiles(files)
    else:
        assert device is not None
        ear = Microphone(device)
    voice = None if mute else Espeak(locale)
    mouth: Mouth
    if voice is None:
        mouth = Mute()
    elif to_audio is not None:
        mouth = AudioDir(to_audio, voice)
    else:
        assert device is not None
        mouth = Speaker(device, voice)
    return ear, mouth


def _converse(
    simulator: Simulator, ear: Ear, mouth: Mouth, json_mode: bool, calendar_dir: Path | None
) -> None:
    from skill.voice.audio import AudioFiles, Microphone
    from skill.voice.recognizer import default_cache_dir
    from skill.voice.startup import DeferredRecognizer
    from skill.voice.talk import Talk

    interactive = sys.stdin.isatty()

    def keyboard() -> str | None:
        if interactive:
            click.echo("type> ", nl=False, err=True)
        line = sys.stdin.readline()
        return line if line else None

    def report(exchange: Exchange) -> None:
        if json_mode:
            click.echo(json.dumps(exchange.to_json(), ensure_ascii=False))
        else:
            click.echo(render(exchange))

    # Made on a thread once the launch turn is answered, while the welcome is spoken.
    recognizer = DeferredRecognizer(simulator.nlu, default_cache_dir())
    if isinstance(ear, (Microphone, AudioFiles)):
        ear.use(recognizer.complete)
    try:
        Talk(simulator, recognizer, ear, mouth, keyboard, report, calendar_dir,
             after_launch=recognizer.start).run()
    finally:
        recognizer.close()


def render(exchange: Exchange) -> str:
    lines: list[str] = []
    heard = exchange.heard
    where = f" [{exchange.source}]" if exchange.source else ""
    if exchange.typed is not None:
        lines.append(f"{USER}(typed) {exchange.typed}")
    elif heard is not None:
        state = "sure" if heard.sure else "not sure"
        meaning = heard.intent or "not an exact phrase"
        if heard.doubt is not None and heard.meant is not None:
            meaning = f"{heard.meant}, doubted: {heard.doubt}"
        lines.append(
            f"{USER}\"{heard.text}\" ({meaning}; confidence {heard.probability:.2f}, {state})"
            f"{where}"
        )
    elif exchange.action == "silence":
        lines.append(f"{USER}(silence){where}")
    elif exchange.action == "end of input":
        lines.append(f"{USER}(no more audio files: the session is closed)")
    label = ALEXA if exchange.by == "skill" else HOST
    if exchange.said:
        lines.append(f"{label}{exchange.said}")
    if exchange.ended:
        lines.append(" " * len(ALEXA) + "(session ended)")
    return "\n".join(lines)
