"""Desk voice speed: from the end of the person's speech to the first word spoken back, and
start-up time.

    python benchmarks/bench_voice.py [--runs 5] [--json]

Needs the `voice` extra, espeak-ng and sox (the person is synthesised, as in the tests).

**Turn latency.** A whole all-clear conversation runs through the real microphone and speaker
path of `neck-twitch talk` (`SoundDevice`, `Microphone`, `Speaker`, the end-of-speech detector,
the recogniser, the skill in-process, espeak-ng), with a stand-in sounddevice: the microphone
plays the person's recordings (espeak-ng voice `en-us`, quiet), the speaker keeps what it is
given. The stand-in hands frames over at once rather than in real time, so each turn is timed
in two parts that add up:

- *waiting for the end*: audio time from the person's last sound (the last non-zero sample
  of the clean recording) to the last frame the detector needed to decide the speech was over;
- *answering*: wall time from that frame to the first audio handed to the speaker (hearing,
  the skill's turn, synthesising the reply; with a real microphone this starts the moment that
  frame arrives).

Reported: the median and worst turn of each, and of their sum (the goal: under 300 ms, not
counting the reply's own length), and the silence espeak-ng puts before its first word (part
of the reply's length, shown apart). The speaker's own output latency (PortAudio's buffer,
typically 10-40 ms) is not included: there is no sound card here.

**Start-up.** Wall time from starting a Python process to the first word of the welcome handed
to the speaker: imports, the phrase list and language model (built the first time, then read
from the cache `neck-twitch talk` keeps them in), the decoder, the skill's launch turn and its
synthesis (`--startup-probe`, the median of `--runs`, first and later starts). Timed in the same run
against the reference hello-world ask-sdk-core skill's cold start (a process that imports it
and answers a LaunchRequest), as the other benchmarks do, since absolute times on a shared
machine are noise.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_MS = 300.0
ANSWERS = ("no", "nope", "not really", "no it hasn't", "i don't think so", "none of those")
VOICE = ("en-us", 150)
AUDIBLE = 300  # a sample this loud (of 32767) is speech, not espeak's silence


@dataclass
class Turn:
    said: str
    wait_ms: float  # from the person's last sound to the frame that ended the speech
    answer_ms: float  # from that frame to the first audio handed to the speaker
    lead_in_ms: float  # silence at the start of the reply's audio
    action: str = ""

    @property
    def total_ms(self) -> float:
        return self.wait_ms + self.answer_ms


@dataclass
class FakeSoundDevice:
    """The person's recordings on the microphone, one per turn; the speaker keeps the time."""

    answer: Callable[[], tuple[str, bytes, float]]  # the person's next recording: (words,
    #                                                 16 kHz PCM, seconds to the last sound)
    floor: bytes  # background to hear between recordings and while a question plays
    turns: list[Turn] = field(default_factory=list)
    playing: bool = False
    pending: dict[str, Any] | None = None  # the turn being timed, until the reply starts

    PortAudioError = OSError

    def check_input_settings(self, **settings: Any) -> None:
        return None

    def check_output_settings(self, **settings: Any) -> None:
        return None

    def RawInputStream(self, **settings: Any) -> _Input:
        if self.playing:
            return _Input(self, None, int(settings["blocksize"]))
        return _Input(self, self.answer(), int(settings["blocksize"]))

    def RawOutputStream(self, **settings: Any) -> _Output:
        return _Output(self, int(settings["samplerate"]))


class _Input:
    def __init__(
        self, device: FakeSoundDevice, recording: tuple[str, bytes, float] | None, blocksize: int
    ) -> None:
        self.device = device
        self.recording = recording
        self.blocksize = blocksize
        self.position = 0  # samples read

    def start(self) -> None:
        return None

    @property
    def read_available(self) -> int:
        return 0  # while a question plays: nobody speaks over it

    def read(self, frames: int) -> tuple[bytes, bool]:
        size = frames * 2
        source = self.recording[1] if self.recording is not None else b""
        start = self.position * 2
        if start < len(source):
            data = source[start : start + size]
        else:
            offset = start % len(self.device.floor)
            data = (self.device.floor * 2)[offset : offset + size]
        data = data + bytes(size - len(data))
        self.position += frames
        if self.recording is not None:
            words, _, last_sound = self.recording
            self.device.pending = {
                "said": words,
                "wait": self.position / 16000 - last_sound,
                "read_at": time.perf_counter(),
            }
        return data, False

    def close(self) -> None:
        return None


class _Output:
    def __init__(self, device: FakeSoundDevice, rate: int) -> None:
        self.device = device
        self.rate = rate

    def __enter__(self) -> _Output:
        self.device.playing = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.device.playing = False

    def write(self, chunk: bytes) -> None:
        pending = self.device.pending
        if pending is None:
            return
        self.device.pending = None
        answered = time.perf_counter()
        self.device.turns.append(
            Turn(
                pending["said"],
                wait_ms=pending["wait"] * 1000,
                answer_ms=(answered - pending["read_at"]) * 1000,
                lead_in_ms=lead_in_ms(chunk, self.rate),
            )
        )

    def abort(self) -> None:
        return None


def lead_in_ms(chunk: bytes, rate: int) -> float:
    """Silence before the first audible sample of the reply's first chunk."""
    samples = array("h")
    samples.frombytes(chunk[: len(chunk) - len(chunk) % 2])
    for index, value in enumerate(samples):
        if abs(value) >= AUDIBLE:
            return index / rate * 1000
    return len(samples) / rate * 1000  # silent for the whole first chunk: at least this


class Listening:
    """The speaker's voice, remembering what was said last (the person answers it)."""

    def __init__(self, voice: Any) -> None:
        self.voice = voice
        self.last = ""

    def synthesise(self, text: str) -> tuple[bytes, int]:
        self.last = text
        pcm, rate = self.voice.synthesise(text)
        return pcm, rate


def last_sound(clean: bytes) -> float:
    samples = array("h")
    samples.frombytes(clean)
    for index in range(len(samples) - 1, -1, -1):
        if samples[index] != 0:
            return (index + 1) / 16000
    return 0.0


def person(words: str, cache: Any) -> tuple[str, bytes, float]:
    from skill.voice.synth import Condition, speak_to_pcm
    from skill.voice.wav import read_wav

    voice, speed = VOICE
    noisy = read_wav(cache.get(words, Condition(voice, speed, "quiet")))
    return words, noisy, last_sound(speak_to_pcm(words, voice, speed))


@contextmanager
def talk_simulator() -> Iterator[Any]:
    """The simulator as `neck-twitch talk --fresh` sets it up: scratch memory, deleted after,
    and no Reminders API (the desk voice offers a calendar file instead)."""
    from skill.simulator.command import Options

    options = Options("en-US", "voice", None, None, None, None, None, True, reminders=False)
    try:
        yield options.simulator()
    finally:
        options.close()


def conversation(cache: Any) -> list[Turn]:
    """One all-clear check through the microphone and speaker path; the timed turns."""
    from skill.voice.audio import Microphone, SoundDevice, Speaker
    from skill.voice.recognizer import Recognizer
    from skill.voice.synth import add_noise
    from skill.voice.talk import Talk
    from skill.voice.tts import Espeak

    voice = Listening(Espeak("en-US"))
    answers = cycle(ANSWERS)

    def answer() -> tuple[str, bytes, float]:
        # "yes" to a read-back ('I heard "nope". Is that right?'), else the next way of no
        words = "yes" if voice.last.endswith("Is that right?") else next(answers)
        return person(words, cache)

    fake = FakeSoundDevice(answer, add_noise(bytes(16000 * 2), None, "floor"))
    device = SoundDevice(sd=fake, barge_in=True)
    with talk_simulator() as simulator:
        recognizer = Recognizer(simulator.nlu)
        ear = Microphone(device)
        ear.use(recognizer.complete)
        exchanges = Talk(simulator, recognizer, ear, Speaker(device, voice), None,
                         lambda e: None).run()
        recognizer.close()
    replies = [e for e in exchanges if e.heard is not None or e.action == "silence"]
    for turn, exchange in zip(fake.turns, replies, strict=False):
        turn.action = exchange.action
    # The outcome is the skill's last words; the loop's calendar offer may follow it.
    outcome = [e for e in exchanges if e.by == "skill" and e.said][-1]
    if not outcome.ended or "none of the warning signs" not in (outcome.said or ""):
        raise SystemExit("the all-clear conversation did not end in self-care")
    # The check's answers: the reply to the loop's calendar offer, after the outcome, is not one.
    return [turn for turn in fake.turns if not turn.action.startswith("calendar")]


def startup_probe(cache: Path) -> None:
    """Child process: start as `neck-twitch talk` does (`skill.voice.command.talk` and
    `Talk.run`: Silero on a thread from the start, the NLU and recogniser on a thread once the
    launch turn is answered) and say the welcome; print "ready" when its first audio would be
    handed over, then "listening" once everything the first answer needs is made. Both lines
    carry the peak memory so far (MB); "listening" also the welcome's length (s), which the
    making must beat for the first answer not to wait."""
    import resource

    from skill.voice.endpoint import preload_silero

    preload_silero()
    from skill.voice.endpoint import SileroDetector
    from skill.voice.startup import DeferredRecognizer, VoiceOptions
    from skill.voice.tts import Espeak, output_speech_text

    def peak_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    options = VoiceOptions("en-US", "voice", None, None, None, None, None, True, reminders=False)
    try:
        simulator = options.simulator()
        recognizer = DeferredRecognizer(simulator.nlu, cache)
        voice = Espeak("en-US")
        turn = simulator.say(simulator.launch_phrase)
        recognizer.start()  # Talk's after_launch
        SileroDetector()  # made before the welcome plays, as `SoundDevice.play` does
        body = turn.response.get("response", {}) if turn.response else {}
        words = output_speech_text(body.get("outputSpeech")) or turn.speech or ""
        pcm, rate = voice.synthesise(words)
        print(f"ready {peak_mb():.0f}", flush=True)
        recognizer.ready()
        print(f"listening {peak_mb():.0f} {len(pcm) / 2 / rate:.2f}", flush=True)
        recognizer.close()
    finally:
        options.close()


# The reference skill's cold start: import it and answer a LaunchRequest (bench_lambda's
# envelope, from lambda_probe.py).
HELLO_PROBE = """
import sys
sys.path[:0] = [{hello!r}, {benchmarks!r}]
from lambda_function import lambda_handler
from lambda_probe import envelope
lambda_handler(envelope({{"type": "LaunchRequest"}}, new=True), None)
print("ready", flush=True)
"""


def _spawn(args: list[str]) -> tuple[float, float | None]:
    """Wall time from starting `args` to its "ready" line, and to its "listening" line if it
    prints one (ms)."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    rest = process.stdout.readline()
    listening = time.perf_counter() - started if rest.startswith("listening") else None
    process.wait()
    words = line.split()
    if not words or words[0] != "ready" or process.returncode != 0:
        raise SystemExit(f"start-up probe failed: {' '.join(args)}")
    for said in (words, rest.split()):
        if len(said) > 1:
            MEMORY_MB.append(float(said[1]))
    if len(rest.split()) > 2:
        WELCOME_S.append(float(rest.split()[2]))
    return elapsed * 1000, None if listening is None else listening * 1000


MEMORY_MB: list[float] = []  # peak memory of the desk voice's start-up probes
LISTENING_MS: list[float] = []  # start to everything the first answer needs, cached
WELCOME_S: list[float] = []  # how long the welcome speaks


def listening_note() -> str:
    """Start to listening, cached (median), against the welcome's length."""
    if not LISTENING_MS:
        return ""
    welcome = f" (the welcome speaks for {max(WELCOME_S):.1f} s)" if WELCOME_S else ""
    return (f"; ready to hear {statistics.median(LISTENING_MS):.0f} ms after start, cached"
            f"{welcome}")


def startup(runs: int) -> tuple[float, float, float]:
    """Median start-up of the desk voice the first time (nothing cached) and later (the phrase
    list and language models cached, as `neck-twitch talk` keeps them), and of the hello-world
    skill, in ms; the three alternate."""
    first: list[float] = []
    later: list[float] = []
    hello: list[float] = []
    code = HELLO_PROBE.format(hello=str(ROOT / "benchmarks" / "hello_world"),
                              benchmarks=str(ROOT / "benchmarks"))
    probe = [sys.executable, str(Path(__file__).resolve()), "--startup-probe"]
    with tempfile.TemporaryDirectory(prefix="bench-voice-") as scratch:
        for run in range(runs):
            cache = Path(scratch) / f"cache-{run}"
            first.append(_spawn([*probe, str(cache)])[0])
            cached, listening = _spawn([*probe, str(cache)])
            later.append(cached)
            if listening is not None:
                LISTENING_MS.append(listening)
            hello.append(_spawn([sys.executable, "-c", code])[0])
    return statistics.median(first), statistics.median(later), statistics.median(hello)


def summary(
    turns: list[Turn], first_ms: float, voice_ms: float, hello_ms: float
) -> dict[str, Any]:
    def stats(values: list[float]) -> dict[str, float]:
        return {"median": round(statistics.median(values), 1), "max": round(max(values), 1)}

    totals = [t.total_ms for t in turns]
    return {
        "turns": len(turns),
        "wait_for_end_ms": stats([t.wait_ms for t in turns]),
        "answer_ms": stats([t.answer_ms for t in turns]),
        "end_of_speech_to_first_audio_ms": stats(totals),
        "goal_ms": GOAL_MS,
        "turns_within_goal": sum(1 for t in totals if t < GOAL_MS),
        "reply_lead_in_ms": stats([t.lead_in_ms for t in turns]),
        "first_startup_ms": round(first_ms),
        "startup_ms": round(voice_ms),
        "hello_world_cold_start_ms": round(hello_ms),
        "startup_ratio": round(voice_ms / hello_ms, 2),
        "startup_peak_memory_mb": round(max(MEMORY_MB)) if MEMORY_MB else None,
        "listening_ms": round(statistics.median(LISTENING_MS)) if LISTENING_MS else None,
        "welcome_s": round(max(WELCOME_S), 2) if WELCOME_S else None,
        "per_turn": [
            {"said": t.said, "action": t.action, "wait_ms": round(t.wait_ms, 1),
             "answer_ms": round(t.answer_ms, 1), "lead_in_ms": round(t.lead_in_ms, 1)}
            for t in turns
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs of each [5]")
    parser.add_argument("--cache", type=Path, default=ROOT / ".voice-cache")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--startup-only", action="store_true",
                        help="time start-up (and its peak memory) only, not a conversation")
    parser.add_argument("--startup-probe", type=Path, metavar="CACHE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_probe:
        startup_probe(args.startup_probe)
        return 0
    if args.startup_only:
        first_ms, voice_ms, hello_ms = startup(max(1, args.runs))
        peak = round(max(MEMORY_MB)) if MEMORY_MB else None
        print(f"Start-up to the first word of the welcome: {voice_ms:.0f} ms cached "
              f"({first_ms:.0f} ms the first time, nothing cached); hello-world skill cold "
              f"start {hello_ms:.0f} ms (ratio {voice_ms / hello_ms:.2f}x); peak memory "
              f"{peak} MB{listening_note()}")
        return 0
    from skill.voice.synth import AudioCache, tools_missing

    missing = tools_missing()
    if missing:
        print(f"error: {' and '.join(missing)} not installed", file=sys.stderr)
        return 2
    turns = conversation(AudioCache(args.cache))
    first_ms, voice_ms, hello_ms = startup(max(1, args.runs))
    result = summary(turns, first_ms, voice_ms, hello_ms)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"Turn latency over {result['turns']} turns of an all-clear check (median / worst):")
    for key, label in (
        ("wait_for_end_ms", "waiting for the end of speech"),
        ("answer_ms", "answering (hear, skill, synthesise)"),
        ("end_of_speech_to_first_audio_ms", "end of speech to first audio"),
        ("reply_lead_in_ms", "espeak-ng's silence before the first word"),
    ):
        s = result[key]
        print(f"  {label:45} {s['median']:7.1f} ms  {s['max']:7.1f} ms")
    print(f"  within the {GOAL_MS:.0f} ms goal: {result['turns_within_goal']}/{result['turns']}")
    print(f"Start-up to the first word of the welcome: {result['startup_ms']} ms "
          f"({result['first_startup_ms']} ms the first time, nothing cached); hello-world "
          f"skill cold start {result['hello_world_cold_start_ms']} ms "
          f"(ratio {result['startup_ratio']}x); peak memory "
          f"{result['startup_peak_memory_mb']} MB{listening_note()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
