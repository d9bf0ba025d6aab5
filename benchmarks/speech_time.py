"""How long the skill talks on the all-clear path (every answer "no"), measured with espeak-ng.

    python benchmarks/speech_time.py [--locale en-US] [--wpm 175] [--keep DIR]

Each of the skill's turns is spoken by espeak-ng (`apt-get install espeak-ng`) into a WAV file
at its default rate (175 words a minute; Alexa speaks a little slower, so the estimate at
150 words a minute is printed too), and the durations are added up. Goal: at most 16 questions
and under two minutes of speech. Prints one line per turn with --verbose.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from skill.content import content_for
from skill.content.render import outcome_step, question_step
from skill.triage import Ask, CheckState, Reply, default_rules, next_step, reply

GOAL_SECONDS = 120.0
GOAL_QUESTIONS = 16


def all_clear_turns(locale: str) -> list[str]:
    """What the skill says, turn by turn, when every answer is no."""
    rules, content = default_rules(), content_for(locale)
    state = CheckState()
    turns: list[str] = []
    first = True
    while True:
        step = next_step(rules, state)
        if not isinstance(step, Ask):
            turns.append(" ".join(outcome_step(content, step).speech))
            return turns
        before = (content.text("launch.welcome"), content.text("launch.notice")) if first else ()
        turns.append(" ".join(question_step(content, step, *before).speech))
        first = False
        state = reply(rules, state, Reply.NO)


def seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as audio:
        return audio.getnframes() / float(audio.getframerate())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--wpm", type=int, default=175, help="espeak-ng words per minute")
    parser.add_argument("--keep", type=Path, help="keep the WAV files in this folder")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        print("espeak-ng is not installed: apt-get install espeak-ng", file=sys.stderr)
        return 2
    turns = all_clear_turns(args.locale)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="speech-time-"))
    folder.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for number, text in enumerate(turns, start=1):
        wav = folder / f"turn-{number:02d}.wav"
        subprocess.run([espeak, "-v", "en-us", "-s", str(args.wpm), "-w", str(wav), text],
                       check=True, capture_output=True)
        length = seconds(wav)
        total += length
        if args.verbose:
            print(f"{number:2d} {length:5.1f}s  {text}")
    if args.keep is None:
        shutil.rmtree(folder)
    words = sum(len(text.split()) for text in turns)
    questions = len(turns) - 1
    print(f"all-clear path ({args.locale}): {questions} questions, {words} words, "
          f"{total:.1f} s with espeak-ng at {args.wpm} wpm, about {words / 150 * 60:.0f} s at "
          f"150 wpm (goal: <= {GOAL_QUESTIONS} questions, < {GOAL_SECONDS:.0f} s)")
    return 0 if questions <= GOAL_QUESTIONS and total < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
