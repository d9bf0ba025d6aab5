"""How the desk voice hears in an office: `python -m skill.voice.office_report [--held-out]`.

Recordings from `skill.voice.office` (four synthesizers, two speeds, clean and office babble at
20 and 10 dB, noise only, Debian's human test recordings), each taken through what a turn of
`neck-twitch talk` does with it: end of speech (Silero VAD), the recogniser, and the voice
loop's own decision (`talk.hear_answer`, `talk.decide`: sent, sent at once, read back, or asked
again with or without the number). Two parts, never mixed:

- tuning: the voices, phrasings, babble and half of the human recordings that the rules and
  thresholds were chosen on;
- held-out (`--held-out`): other voices, other phrasings, other babble, the other half of the
  human recordings; used for nothing but this report (run twice in issue 22's second round,
  and a rule was made from its first run: no longer unseen);
- fresh (`--fresh`): voices neither part used (MBROLA's, festival's British `rab_diphone`),
  phrasings and babble text written before the third round's tuning began, kept out of every
  tuning step and run once at its end; no human recordings (both halves were heard before).

Counted per noise level:

- phrases: answers and requests (not emergencies): heard as the intent said (exact), asked
  again, heard as another intent (wrong), of which a yes-side / no-side swap; and of the wrong
  ones, those that reach the skill without a read-back (must be 0);
- emergencies: caught = sent at once, or doubted with the number given and asked again;
- read-back replies: "yes" words must confirm (a sure yes), anything else must not (a false
  yes would let a misheard answer through);
- non-answers (off-list sentences, babble alone, people reading): reaching the skill without a
  read-back as an answer (must be 0), or as a request that changes nothing ("what").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from skill.voice.office import (
    FRESH_VOICES,
    HELD_OUT_VOICES,
    NOISES,
    SPEEDS,
    TUNING_VOICES,
    OfficeAudio,
    Voice,
    engines_missing,
    human_recordings,
    read_human,
    split_human,
)
from skill.voice.phrases import AT_ONCE, DEFAULT_CAP, YES, polarity

PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "tuning": {
        "answers": (
            "yes", "yeah", "yep", "i think so", "yes it has", "yes i have numbness",
            "i have trouble walking", "i have weakness in my hand", "i'm not sure",
            "i don't know", "definitely", "of course", "probably",
            "no", "nope", "nah", "not really", "no it hasn't", "i don't think so",
            "no weakness", "definitely not", "not at all", "of course not", "probably not",
            "certainly not",
            "help", "help me", "stop", "repeat", "say that again", "go back", "why do you ask",
        ),
        "emergencies": (
            "i can't breathe", "i'm choking", "my face is drooping", "i'm struggling to breathe",
            "i need an ambulance", "call for help",
        ),
        "confirmations": ("yes", "yeah", "yep", "no", "nope", "not really", "help", "go back"),
        "off_list": (
            "play some music", "call my mother", "turn on the lights", "i had pasta for lunch",
            "what time is it", "the weather is nice today", "i need to buy some milk later",
        ),
    },
    "held-out": {
        "answers": (
            "yes i have", "yes definitely", "absolutely", "yes it does", "yeah it has",
            "i guess so", "maybe", "yes i do", "sure", "yup", "certainly", "i have numbness",
            "i have slurred speech", "i have weakness", "i'm not certain", "hard to say",
            "nope not at all", "no i haven't", "no never", "absolutely not", "no it doesn't",
            "not really no", "no not really", "none", "none of them", "no i don't",
            "nah not really", "negative", "no numbness", "no slurred speech", "no i'm fine",
            "i'm fine", "nothing like that", "not that i know of",
            "start again", "what do you mean", "repeat that", "cancel",
        ),
        "emergencies": (
            "i can't catch my breath", "i'm having a stroke", "call an ambulance",
            "i have chest pain", "i'm having a heart attack", "i cannot breathe",
            "my face has gone droopy", "this is an emergency",
        ),
        "confirmations": ("yes", "yup", "sure", "no", "negative", "repeat that", "cancel"),
        "off_list": (
            "set a timer for ten minutes", "my cat is asleep", "order more coffee",
            "how tall is everest", "can you pass me the stapler", "the printer is jammed again",
            "see you at the meeting", "we need more milk", "help yourself to some cake",
        ),
    },
}
# Written at the start of issue 22's third round, before any of its tuning: none of these
# phrasings is in the other parts, and none was heard before the part's one run.
PARTS["fresh"] = {
    "answers": (
        "yes please", "yes i am", "yeah i have", "yes i did", "i believe so", "yes it is",
        "yes i think so", "yeah definitely", "i would say yes", "kind of", "sort of",
        "i'm unsure", "not sure", "i have tingling", "i have muscle wasting",
        "i have some tingling", "i have trouble swallowing", "i'm having trouble speaking",
        "no i'm not", "nothing", "i don't believe so", "no i did not", "no tingling",
        "i'm okay", "all good", "no problems", "no it isn't", "no nothing like that",
        "not that i've noticed", "no thank you", "no thanks", "i'd say no", "nope nothing",
        "no trouble walking",
        "start over", "say it again", "go back please", "help please", "what was that",
        "pardon", "i don't understand", "can you repeat that", "never mind", "skip this one",
    ),
    "emergencies": (
        "get an ambulance", "send an ambulance", "call emergency services",
        "i can hardly breathe", "my smile is lopsided", "i suddenly can't speak",
        "my speech is suddenly slurred", "i have the worst headache of my life", "i passed out",
        "one side of my face has dropped",
    ),
    "confirmations": ("yes please", "correct", "that's right", "that's wrong", "no thanks",
                      "pardon", "start over"),
    "off_list": (
        "turn the radio off", "where are my keys", "the bus is late again",
        "i'm making a sandwich", "what's on tv tonight", "remind me to water the plants",
        "my sister is visiting tomorrow", "can you hear the rain", "the meeting starts at three",
    ),
}
VOICES_OF = {"tuning": TUNING_VOICES, "held-out": HELD_OUT_VOICES, "fresh": FRESH_VOICES}
NOISE_ONLY_CLIPS = 8


@dataclass
class Tally:
    said: int = 0
    exact: int = 0
    asked_again: int = 0
    wrong: int = 0
    swaps: int = 0
    reached_wrong: int = 0
    reached_swaps: int = 0
    reached_answers: int = 0  # wrong, reaching the skill, and a yes-side or no-side answer
    read_back: int = 0
    emergencies: int = 0
    caught_at_once: int = 0
    caught_number: int = 0
    caught_loud_room: int = 0  # the number given only because the room was loud
    confirm_said: int = 0
    confirm_correct: int = 0
    confirm_false_yes: int = 0
    non_answers: int = 0
    non_answer_answers: int = 0  # reached the skill as a yes-side or no-side answer
    non_answer_requests: int = 0  # reached the skill as a request that changes nothing
    non_answer_read_back: int = 0  # read back (never sent without the person's yes)
    # The number given where no emergency was said (an answer or a non-answer): by the words
    # heard, and by the loud-room rule.
    false_alarms: int = 0
    false_alarms_loud_room: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)  # answers asked again, and why

    def add(self, other: Tally) -> None:
        for name, value in asdict(other).items():
            if name in ("examples", "asked"):
                getattr(self, name).extend(getattr(other, name))
            else:
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Job:
    part: str
    voice: Voice | None  # None: the non-speech job (noise only, human recordings)
    speed: str
    noise: str
    cache: str


_RECOGNISER: Any = None


def _recogniser() -> Any:
    global _RECOGNISER
    if _RECOGNISER is None:
        from skill.simulator.model import load_model, model_path
        from skill.simulator.nlu import Nlu
        from skill.voice.recognizer import Recognizer

        _RECOGNISER = Recognizer(Nlu(load_model(model_path("en-US"), "en-US")))
    return _RECOGNISER


def _turn(pcm: bytes, confirm: bool = False) -> tuple[Any, str, bool]:
    """(hearing, the loop's action, pauses inside) for one recording heard as an answer
    (`confirm`: as the reply to a read-back, said after it)."""
    from skill.voice.endpoint import speech_in
    from skill.voice.talk import decide, hear_answer

    recogniser = _recogniser()
    utterance = speech_in(pcm, complete=recogniser.complete)
    if utterance is None:
        return None, "silence", False
    if confirm:
        hearing = recogniser.hear(utterance.pcm, confirm=True, snr_db=utterance.snr_db)
        paused = bool(utterance.pauses)
        confirmed = hearing.intent == YES and hearing.sure and not paused
        return hearing, "confirmed" if confirmed else "not confirmed", paused
    hearing, forced = hear_answer(recogniser, utterance)
    return hearing, decide(hearing, overlapped=forced), forced


def _false_alarm(tally: Tally, action: str) -> None:
    tally.false_alarms += action == "number given"
    tally.false_alarms_loud_room += action in ("number given (loud room)",
                                               "read back (loud room)")


def _non_answer(tally: Tally, hearing: Any, action: str, label: str) -> None:
    tally.non_answers += 1
    tally.non_answer_read_back += action.startswith("read back")
    _false_alarm(tally, action)
    if action not in ("sent", "sent at once"):
        return
    if polarity(hearing.intent) is not None:
        tally.non_answer_answers += 1
        tally.examples.append(f"{label}: REACHED THE SKILL as {hearing.text!r} "
                              f"({hearing.intent})")
    else:
        tally.non_answer_requests += 1
        tally.examples.append(f"{label}: sent as the request {hearing.text!r} "
                              f"({hearing.intent})")


def run_job(job: Job) -> Tally:
    recogniser = _recogniser()
    audio = OfficeAudio(Path(job.cache))
    tally = Tally()
    started = time.perf_counter()
    phrases = PARTS[job.part]
    if job.voice is None:  # babble alone, and people reading
        for noise in ("20 dB", "10 dB"):
            for index in range(NOISE_ONLY_CLIPS):
                hearing, action, _ = _turn(audio.noise_only(job.part, noise, index))
                _non_answer(tally, hearing, action, f"{job.part} babble alone {noise} #{index}")
        for path in split_human(human_recordings())[job.part]:
            hearing, action, _ = _turn(read_human(path))
            _non_answer(tally, hearing, action, f"{job.part} human {path.name}")
        tally.seconds = time.perf_counter() - started
        return tally
    voice = job.voice
    label = f"{voice.label} {job.speed} {job.noise}"

    def record(text: str) -> bytes:
        assert voice is not None
        return audio.recording(voice, text, job.speed, job.noise, job.part)

    for text in phrases["answers"]:
        truth = recogniser.understand(text)
        if truth is None:  # the model changed: say so, and go on
            tally.examples.append(f"{label}: {text!r} is no longer an exact phrase: skipped")
            continue
        tally.said += 1
        hearing, action, _ = _turn(record(text))
        intent = hearing.intent if hearing is not None else None
        _false_alarm(tally, action)
        if action in ("silence", "not caught", "yes or no", "number given",
                      "number given (loud room)"):
            tally.asked_again += 1
            if hearing is not None:
                tally.asked.append(
                    f"{label}: said {text!r}, heard {hearing.text!r}, asked again ({action}; "
                    f"doubt {hearing.doubt}, meant {hearing.meant}, p {hearing.probability:.2f},"
                    f" n-best {list(hearing.alternatives)})")
            else:
                tally.asked.append(f"{label}: said {text!r}, heard nothing ({action})")
            continue
        tally.read_back += action.startswith("read back")
        if intent == truth.intent:
            tally.exact += 1
            continue
        tally.wrong += 1
        swapped = polarity(intent) is not None and polarity(truth.intent) not in (
            None, polarity(intent))
        tally.swaps += swapped
        reached = action in ("sent", "sent at once")
        tally.reached_wrong += reached
        tally.reached_swaps += reached and swapped
        tally.reached_answers += reached and polarity(intent) is not None
        tally.examples.append(
            f"{label}: said {text!r}, heard {hearing.text!r} ({intent}), {action}"
            f"{' SWAP' if swapped else ''}{' REACHED THE SKILL' if reached else ''}")
    for text in phrases["emergencies"]:
        truth = recogniser.understand(text)
        if truth is None or truth.intent not in AT_ONCE:
            tally.examples.append(f"{label}: {text!r} is no longer an emergency phrase: skipped")
            continue
        tally.emergencies += 1
        hearing, action, _ = _turn(record(text))
        if action == "sent at once":
            tally.caught_at_once += 1
        elif action == "number given":
            tally.caught_number += 1
        elif action in ("number given (loud room)", "read back (loud room)"):
            tally.caught_loud_room += 1
        else:
            heard = hearing.text if hearing is not None else ""
            tally.examples.append(f"{label}: emergency {text!r} MISSED, heard {heard!r}, "
                                  f"{action}")
    for text in phrases["confirmations"]:
        meant = recogniser.understand(text, confirm=True)
        said_yes = meant is not None and meant.intent == YES
        tally.confirm_said += 1
        hearing, action, _ = _turn(record(text), confirm=True)
        confirmed = action == "confirmed"
        tally.confirm_correct += confirmed == said_yes
        if confirmed and not said_yes:
            tally.confirm_false_yes += 1
            tally.examples.append(f"{label}: {text!r} CONFIRMED a read-back")
    for text in phrases["off_list"]:
        hearing, action, _ = _turn(record(text))
        _non_answer(tally, hearing, action, f"{label}: off-list {text!r}")
    tally.seconds = time.perf_counter() - started
    return tally


@dataclass
class Report:
    part: str
    by_noise: dict[str, Tally]
    by_voice: dict[tuple[str, str], Tally]
    other: Tally  # noise only and human recordings
    seconds: float

    def table(self) -> str:
        head = ("| noise | exact phrases heard right | asked again | wrong (read back) | "
                "swaps | wrong or swapped reaching the skill | emergencies caught (at once + "
                "number given for its words) | + number given for the loud room | "
                "read-back replies right (false yes) | off-list reaching the "
                "skill as an answer (as a request; read back) | number given, no emergency "
                "said (by words + loud room) |")
        rows = [head, "|" + " --- |" * 11]
        for noise in NOISES:
            t = self.by_noise.get(noise)
            if t is None:
                continue
            caught = t.caught_at_once + t.caught_number
            loud = caught + t.caught_loud_room
            calm = t.said + t.non_answers
            rows.append(
                f"| {noise} | {t.exact}/{t.said} ({_pct(t.exact, t.said)}) | {t.asked_again} | "
                f"{t.wrong} | {t.swaps} | {t.reached_wrong} ({t.reached_swaps} swaps) | "
                f"{caught}/{t.emergencies} ({_pct(caught, t.emergencies)}: {t.caught_at_once} + "
                f"{t.caught_number}) | {loud}/{t.emergencies} ({_pct(loud, t.emergencies)}) | "
                f"{t.confirm_correct}/{t.confirm_said} "
                f"({t.confirm_false_yes}) | {t.non_answer_answers}/{t.non_answers} "
                f"({t.non_answer_requests}; {t.non_answer_read_back}) | "
                f"{t.false_alarms} + {t.false_alarms_loud_room} of {calm} |")
        o = self.other
        rows.append("")
        rows.append(f"Babble alone and people reading (Debian pocketsphinx-testdata): "
                    f"{o.non_answers} recordings, {o.non_answer_answers} reached the skill as "
                    f"an answer, {o.non_answer_requests} as a request, {o.non_answer_read_back} "
                    f"read back; the number given {o.false_alarms} + "
                    f"{o.false_alarms_loud_room} (loud room) times.")
        return "\n".join(rows)

    def voice_table(self) -> str:
        rows = ["| voice | " + " | ".join(NOISES) + " |", "|" + " --- |" * (1 + len(NOISES))]
        voices = sorted({v for v, _ in self.by_voice})
        for voice in voices:
            cells = []
            for noise in NOISES:
                t = self.by_voice.get((voice, noise))
                cells.append(f"{t.exact}/{t.said}" if t else "-")
            rows.append(f"| {voice} | " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "by_noise": {n: _json(t) for n, t in self.by_noise.items()},
            "by_voice": [{"voice": v, "noise": n, **_json(t)}
                         for (v, n), t in self.by_voice.items()],
            "non_speech": _json(self.other),
        }

    def examples(self) -> list[str]:
        found: list[str] = []
        for tally in (*self.by_noise.values(), self.other):
            found.extend(tally.examples)
        return found

    def asked_again(self) -> list[str]:
        """Every answer asked again, with what was heard and why it was not taken."""
        return [line for tally in self.by_noise.values() for line in tally.asked]


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "-"


def _json(t: Tally) -> dict[str, Any]:
    data = asdict(t)
    data.pop("examples")
    data.pop("asked")
    data["seconds"] = round(t.seconds, 1)
    return data


def jobs_for(part: str, cache: Path, voices: Sequence[Voice] | None = None,
             speeds: Sequence[str] | None = None, noises: Sequence[str] | None = None,
             non_speech: bool = True) -> list[Job]:
    work = [
        Job(part, voice, speed, noise, str(cache))
        for voice in (voices if voices is not None else VOICES_OF[part])
        for speed in (speeds if speeds is not None else SPEEDS)
        for noise in (noises if noises is not None else NOISES)
    ]
    if non_speech:
        work.append(Job(part, None, "", "", str(cache)))
    return work


def measure(part: str, work: list[Job], processes: int = 2) -> Report:
    started = time.perf_counter()
    if processes > 1:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            tallies = list(pool.map(run_job, work))
    else:
        tallies = [run_job(job) for job in work]
    by_noise: dict[str, Tally] = defaultdict(Tally)
    by_voice: dict[tuple[str, str], Tally] = defaultdict(Tally)
    other = Tally()
    for job, tally in zip(work, tallies, strict=True):
        if job.voice is None:
            other.add(tally)
            continue
        by_noise[job.noise].add(tally)
        by_voice[(job.voice.label, job.noise)].add(tally)
    return Report(part, dict(by_noise), dict(by_voice), other, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m skill.voice.office_report",
        description="How `neck-twitch talk` hears in an office (synthetic voices, babble).")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true",
                       help="the held-out part: voices, phrasings and babble used for nothing "
                            "else")
    which.add_argument("--fresh", action="store_true",
                       help="the fresh held-out part: voices, phrasings and babble neither "
                            "other part has, run once with the rules fixed")
    parser.add_argument("--cache", type=Path, default=Path(".voice-cache/office"),
                        help="folder for the recordings, reused between runs")
    parser.add_argument("--jobs", type=int, default=2, help="processes [2]")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--examples", action="store_true", help="list every error")
    parser.add_argument("--asked", action="store_true",
                        help="list every answer asked again, with its doubt and n best")
    parser.add_argument("--voices", nargs="+", metavar="ENGINE:NAME",
                        help="only these voices of the part (for iterating on a subset)")
    parser.add_argument("--speeds", nargs="+", choices=sorted(SPEEDS), help="only these speeds")
    parser.add_argument("--noises", nargs="+", choices=list(NOISES), help="only these noises")
    parser.add_argument("--no-non-speech", action="store_true",
                        help="leave out babble alone and the human recordings")
    args = parser.parse_args(argv)
    part = "held-out" if args.held_out else "fresh" if args.fresh else "tuning"
    voices: tuple[Voice, ...] = VOICES_OF[part]
    if args.voices:
        unknown = sorted(set(args.voices) - {v.label for v in voices})
        if unknown:
            print(f"error: not a voice of the {part} part: {', '.join(unknown)}",
                  file=sys.stderr)
            return 2
        voices = tuple(v for v in voices if v.label in args.voices)
    missing = engines_missing(voices)
    if missing:
        print(f"error: not installed: {', '.join(missing)} (see docs/voice.md)", file=sys.stderr)
        return 2
    work = jobs_for(part, args.cache, voices, args.speeds, args.noises,
                    non_speech=not args.no_non_speech)
    report = measure(part, work, max(1, args.jobs))
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
        return 0
    from skill.voice.recognizer import cache_key

    recogniser = _recogniser()
    print(f"{part}: {report.seconds:.0f} s; the en-US model as "
          f"{cache_key(recogniser.nlu, DEFAULT_CAP)} ({len(recogniser.phrases.phrases)} "
          f"phrases)")
    print(report.table())
    print()
    print(report.voice_table())
    if args.examples:
        print("\n".join(report.examples()))
    if args.asked:
        print("\n".join(report.asked_again()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
