"""How well the desk voice hears answers: `python -m skill.voice.accuracy`.

Synthetic people (`skill.voice.synth`: three espeak-ng voices, two speeds, quiet / moderate /
heavy noise) say answer phrases and off-list sentences; each recording goes through the same
path as a turn of `neck-twitch talk --from-audio`: end-of-speech detection, the recogniser, the
NLU's exact-phrase test, the "sure" rule. Reported per voice and noise level:

- correct: heard as the intent that was said; asked again: not an exact phrase (safe: the
  question is asked again), of which doubted: an exact answer the recogniser did not take on
  its word (`Hearing.doubt`: a negation twin, or no support among the n best); wrong: heard as
  another intent;
- swaps: a yes-side answer heard as a no-side one or the other way round (the dangerous error);
- unconfirmed: wrong and passed on without a read-back (sure, an emergency phrase, or a request
  that changes nothing); unconfirmed swaps must be zero in quiet and moderate noise;
- sure: share of correct answers passed on without a read-back;
- read-back replies: answers to "I heard X. Is that right?" heard with the yes/no-only model;
  correct is a sure yes for "yes", "yeah", "yep" and no confirmation for "no", "nope",
  "not really", "help me", "go back"; a false yes (a read-back confirmed by anything but a
  yes) is the error that would let a misheard answer through;
- off-list: sentences outside the model accepted as a phrase (then read back, or harmless:
  "what was that" repeats the question); passed on as an answer: accepted as a yes or no side
  answer without a read-back.

espeak voices are harder for the recogniser than people (robotic, and the acoustic model is
US English); validate with real recordings before relying on the numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from skill.voice.phrases import AT_ONCE, YES, consequential, polarity
from skill.voice.synth import NOISE, VOICES, AudioCache, Condition, conditions

# What people answer (en-US phrasings, each an exact phrase of the model).
# Negation twins on both sides ("definitely" / "definitely not", "i did" / "i didn't") are
# there on purpose: a dropped or added "not" is how a yes becomes a no.
ANSWERS: tuple[str, ...] = (
    # yes side: a warning sign is there, or may be
    "yes", "yeah", "yep", "i think so", "yes it has", "yes i have numbness",
    "i have trouble walking", "i have weakness in my hand", "i'm not sure", "i don't know",
    "definitely", "of course", "i did", "i do", "it does", "probably",
    # no side
    "no", "nope", "nah", "not really", "no it hasn't", "i don't think so", "no weakness",
    "definitely not", "not at all", "of course not", "i didn't", "i don't", "probably not",
    "certainly not",
    # emergencies
    "i can't breathe", "i'm choking", "my face is drooping", "i'm struggling to breathe",
    # asking, not answering
    "help me", "say that again", "go back", "why do you ask",
)
# Replies to "I heard X. Is that right?": yes, no, and not an answer at all.
CONFIRMATIONS: tuple[str, ...] = (
    "yes", "yeah", "yep", "no", "nope", "not really", "help me", "go back",
)
OFF_LIST: tuple[str, ...] = (
    "play some music", "call my mother", "turn on the lights", "i had pasta for lunch",
    "what time is it", "the weather is nice today",
)

# Held out: voices, speeds and phrasings used for none of the rules or thresholds above, to see
# how they carry to people the report was not tuned on (`--held-out`).
HELD_OUT_VOICES = ("en-us+m3", "en-us+f2", "en-gb-x-rp")
HELD_OUT_SPEEDS = (140, 170)
HELD_OUT_ANSWERS: tuple[str, ...] = (
    # yes side
    "yes i have", "yes definitely", "absolutely", "yes it does", "yeah it has", "i guess so",
    "maybe", "yes i do", "sure", "yup", "affirmative", "it has", "certainly",
    "i have numbness", "i have slurred speech", "i have weakness", "i'm not certain",
    "hard to say", "kind of", "a little",
    # no side
    "nope not at all", "no i haven't", "no never", "absolutely not", "no it doesn't",
    "not really no", "no not really", "none", "none of them", "no i don't", "nah not really",
    "negative", "it hasn't", "no numbness", "no slurred speech", "no i'm fine", "i'm fine",
    "all good", "nothing like that", "not that i know of",
    # emergencies
    "i can't catch my breath", "i'm having a stroke", "call an ambulance",
    # asking
    "start again", "what do you mean", "repeat that",
)
HELD_OUT_CONFIRMATIONS: tuple[str, ...] = ("yes", "yup", "sure", "no", "negative", "repeat that")
HELD_OUT_OFF_LIST: tuple[str, ...] = (
    "set a timer for ten minutes", "my cat is asleep", "order more coffee", "how tall is everest",
)


def held_out_conditions() -> list[Condition]:
    return [Condition(v, s, n) for v in HELD_OUT_VOICES for s in HELD_OUT_SPEEDS for n in NOISE]


@dataclass
class Tally:
    said: int = 0
    correct: int = 0
    asked_again: int = 0
    doubted: int = 0  # of those asked again: an exact answer doubted (`Hearing.doubt`)
    wrong: int = 0
    swaps: int = 0
    unconfirmed_wrong: int = 0
    unconfirmed_swaps: int = 0
    sure_correct: int = 0
    confirm_said: int = 0
    confirm_correct: int = 0
    confirm_false_yes: int = 0
    off_list_said: int = 0
    off_list_accepted: int = 0
    off_list_answers: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in asdict(other).items():
            if name == "examples":
                self.examples.extend(other.examples)
            else:
                setattr(self, name, getattr(self, name) + value)

    @property
    def accuracy(self) -> float:
        return self.correct / self.said if self.said else 0.0


@dataclass(frozen=True)
class Job:
    locale: str
    condition: Condition
    cache: str
    answers: tuple[str, ...]
    confirmations: tuple[str, ...]
    off_list: tuple[str, ...]


_RECOGNISERS: dict[str, Any] = {}


def _recogniser(locale: str) -> Any:
    if locale not in _RECOGNISERS:
        from skill.simulator.model import load_model, model_path
        from skill.simulator.nlu import Nlu
        from skill.voice.recognizer import Recognizer

        _RECOGNISERS[locale] = Recognizer(Nlu(load_model(model_path(locale), locale)))
    return _RECOGNISERS[locale]


def run_job(job: Job) -> Tally:
    """Every phrase of one condition, synthesised (cached) and heard."""
    from skill.voice.endpoint import speech_in
    from skill.voice.talk import decide
    from skill.voice.wav import read_wav

    recogniser = _recogniser(job.locale)
    cache = AudioCache(Path(job.cache))
    tally = Tally()
    label = job.condition.label

    def hear(text: str, confirm: bool = False) -> Any:
        pcm = read_wav(cache.get(text, job.condition))
        started = time.perf_counter()  # end of speech (asks the recogniser) and hearing
        utterance = speech_in(pcm, complete=recogniser.complete)
        hearing = None
        if utterance is not None:
            hearing = recogniser.hear(utterance.pcm, confirm=confirm, snr_db=utterance.snr_db)
        tally.seconds += time.perf_counter() - started
        return hearing

    for text in job.answers:
        truth = recogniser.understand(text)
        if truth is None:
            raise ValueError(f"{text!r} is not an exact phrase of the {job.locale} model")
        tally.said += 1
        hearing = hear(text)
        intent = hearing.intent if hearing is not None else None
        if intent is None:
            tally.asked_again += 1
            tally.doubted += hearing is not None and hearing.doubt is not None
            continue
        if intent == truth.intent:
            tally.correct += 1
            tally.sure_correct += bool(hearing.sure or not consequential(intent))
            continue
        tally.wrong += 1
        swapped = polarity(intent) is not None and polarity(truth.intent) not in (
            None, polarity(intent),
        )
        tally.swaps += swapped
        unconfirmed = decide(hearing) in ("sent", "sent at once")  # the loop's own rule
        tally.unconfirmed_wrong += unconfirmed
        tally.unconfirmed_swaps += unconfirmed and swapped
        mark = " UNCONFIRMED" if unconfirmed else ""
        tally.examples.append(
            f"{label}: said {text!r}, heard {hearing.text!r} ({intent}){' SWAP' if swapped else ''}"
            f"{mark}"
        )
    for text in job.confirmations:
        # A read-back is confirmed only by a yes the recogniser is sure of; a no (or anything
        # else) asks again. Correct: a sure yes for a yes, no confirmation for anything else.
        meant = recogniser.understand(text, confirm=True)
        tally.confirm_said += 1
        hearing = hear(text, confirm=True)
        confirmed = hearing is not None and hearing.intent == YES and hearing.sure
        said_yes = meant is not None and meant.intent == YES
        tally.confirm_correct += confirmed == said_yes
        if confirmed and not said_yes:
            tally.confirm_false_yes += 1
            tally.examples.append(f"{label}: {text!r} confirmed a read-back as {hearing.text!r}")
    for text in job.off_list:
        tally.off_list_said += 1
        hearing = hear(text)
        if hearing is not None and hearing.accepted:
            tally.off_list_accepted += 1
            answer = polarity(hearing.intent) is not None and (
                hearing.sure or hearing.intent in AT_ONCE
            )
            tally.off_list_answers += answer
            mark = " UNCONFIRMED ANSWER" if answer else ""
            tally.examples.append(
                f"{label}: off-list {text!r} accepted as {hearing.text!r} ({hearing.intent}){mark}"
            )
    return tally


@dataclass
class Report:
    locale: str
    by_group: dict[tuple[str, str], Tally]
    by_noise: dict[str, Tally]
    total: Tally
    seconds: float

    def unconfirmed_swaps(self, noise: str) -> int:
        return self.by_noise[noise].unconfirmed_swaps if noise in self.by_noise else 0

    def swaps(self, noise: str) -> int:
        return self.by_noise[noise].swaps if noise in self.by_noise else 0

    def off_list_answers(self, noise: str) -> int:
        return self.by_noise[noise].off_list_answers if noise in self.by_noise else 0

    def table(self) -> str:
        head = (
            "| voice | noise | phrases correct | asked again (doubted) | wrong | yes/no swaps | "
            "unconfirmed wrong | unconfirmed swaps | sure (no read-back) | read-back replies | "
            "off-list accepted (passed on as an answer) |"
        )
        rows = [head, "|" + " --- |" * 11]

        def row(voice: str, noise: str, t: Tally) -> str:
            sure = t.sure_correct / t.correct if t.correct else 0.0
            return (
                f"| {voice} | {noise} | {t.correct}/{t.said} ({t.accuracy:.0%}) | "
                f"{t.asked_again} ({t.doubted}) | {t.wrong} | {t.swaps} | "
                f"{t.unconfirmed_wrong} | {t.unconfirmed_swaps} | {sure:.0%} | "
                f"{t.confirm_correct}/{t.confirm_said} "
                f"({t.confirm_false_yes} false yes) | {t.off_list_accepted}/{t.off_list_said} "
                f"({t.off_list_answers}) |"
            )

        for (voice, noise), tally in sorted(self.by_group.items(), key=_group_order):
            rows.append(row(voice, noise, tally))
        for noise, tally in sorted(self.by_noise.items(), key=lambda kv: _NOISE_ORDER[kv[0]]):
            rows.append(row("**all**", noise, tally))
        return "\n".join(rows)

    def summary(self) -> str:
        t = self.total
        decode = t.seconds / max(1, t.said + t.confirm_said + t.off_list_said)
        return (
            f"{self.locale}: {t.said + t.confirm_said + t.off_list_said} recordings, "
            f"{decode * 1000:.0f} ms to hear one, {self.seconds:.0f} s in all"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "locale": self.locale,
            "groups": [
                {"voice": v, "noise": n, **_tally_json(t)} for (v, n), t in self.by_group.items()
            ],
            "by_noise": {n: _tally_json(t) for n, t in self.by_noise.items()},
            "total": _tally_json(self.total),
        }


_NOISE_ORDER = {name: index for index, name in enumerate(NOISE)}
_VOICE_ORDER = {name: index for index, name in enumerate(VOICES)}


def _group_order(item: tuple[tuple[str, str], Tally]) -> tuple[int, int]:
    (voice, noise), _ = item
    return (_VOICE_ORDER.get(voice, 99), _NOISE_ORDER.get(noise, 99))


def _tally_json(t: Tally) -> dict[str, Any]:
    data = asdict(t)
    data["accuracy"] = round(t.accuracy, 3)
    data["seconds"] = round(t.seconds, 2)
    return data


def measure(
    cache: Path,
    locale: str = "en-US",
    chosen: Sequence[Condition] | None = None,
    answers: Iterable[str] = ANSWERS,
    confirmations: Iterable[str] = CONFIRMATIONS,
    off_list: Iterable[str] = OFF_LIST,
    jobs: int = 2,
) -> Report:
    started = time.perf_counter()
    work = [
        Job(locale, c, str(cache), tuple(answers), tuple(confirmations), tuple(off_list))
        for c in (chosen if chosen is not None else conditions())
    ]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            tallies = list(pool.map(run_job, work))
    else:
        tallies = [run_job(job) for job in work]
    by_group: dict[tuple[str, str], Tally] = defaultdict(Tally)
    by_noise: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for job, tally in zip(work, tallies, strict=True):
        by_group[(job.condition.voice, job.condition.noise)].add(tally)
        by_noise[job.condition.noise].add(tally)
        total.add(tally)
    return Report(locale, dict(by_group), dict(by_noise), total, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m skill.voice.accuracy",
        description="Phrase accuracy of `neck-twitch talk` on synthetic voices and noise.",
    )
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--cache", type=Path, default=Path(".voice-cache"),
                        help="folder for synthesised WAVs, reused between runs [.voice-cache]")
    parser.add_argument("--jobs", type=int, default=2, help="processes [2]")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--examples", action="store_true", help="list every wrong hearing")
    parser.add_argument("--held-out", action="store_true",
                        help="voices, speeds and phrasings used for no rule or threshold")
    args = parser.parse_args(argv)
    from skill.simulator.errors import SimulatorError
    from skill.voice.synth import tools_missing

    missing = tools_missing()
    if missing:
        print(f"error: {' and '.join(missing)} not installed "
              "(sudo apt-get install espeak-ng sox)", file=sys.stderr)
        return 2
    try:
        if args.held_out:
            report = measure(args.cache, args.locale, held_out_conditions(), HELD_OUT_ANSWERS,
                             HELD_OUT_CONFIRMATIONS, HELD_OUT_OFF_LIST, jobs=max(1, args.jobs))
        else:
            report = measure(args.cache, args.locale, jobs=max(1, args.jobs))
    except SimulatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.table())
        print()
        print(report.summary())
        if args.examples:
            print("\n".join(report.total.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
