"""Phrase accuracy per voice and noise level, and yes/no swaps (the printed report).

Three espeak-ng voices x two speeds x quiet / moderate / heavy noise, each saying the answer
phrases, yes/no confirmations and off-list sentences (`skill.voice.accuracy`). The table is
printed with the test output; docs/voice.md holds a copy and how to reproduce it.
"""

from __future__ import annotations

import pytest

from skill.voice.accuracy import (
    HELD_OUT_ANSWERS,
    HELD_OUT_CONFIRMATIONS,
    HELD_OUT_OFF_LIST,
    Report,
    held_out_conditions,
    measure,
)
from skill.voice.synth import AudioCache


@pytest.fixture(scope="module")
def report(audio_cache: AudioCache) -> Report:
    return measure(audio_cache.folder, "en-US", jobs=2)


def test_print_the_accuracy_report(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n\nDesk voice accuracy (python -m skill.voice.accuracy):\n")
        print(report.table())
        print(report.summary())
        for line in report.total.examples:
            if "UNCONFIRMED" in line or "SWAP" in line or "confirmed a read-back" in line:
                print("  " + line)
    assert report.total.said > 0


@pytest.mark.parametrize("noise", ["quiet", "moderate"])
def test_no_yes_no_swap_reaches_the_skill_in_quiet_or_moderate_noise(
    report: Report, noise: str
) -> None:
    assert report.unconfirmed_swaps(noise) == 0
    assert report.by_noise[noise].confirm_false_yes == 0
    assert report.off_list_answers(noise) == 0


@pytest.mark.parametrize("noise", ["quiet", "moderate"])
def test_the_recogniser_itself_swaps_nothing_in_quiet_or_moderate_noise(
    report: Report, noise: str
) -> None:
    # Not even one that a read-back would catch: heard as an answer of the other side, read
    # back or not. Negation twins ("definitely" / "definitely not") are among the answers.
    assert report.swaps(noise) == 0


def test_no_swap_reaches_the_skill_even_in_heavy_noise(report: Report) -> None:
    assert report.unconfirmed_swaps("heavy") == 0
    assert report.by_noise["heavy"].confirm_false_yes == 0
    assert report.off_list_answers("heavy") == 0


def test_accuracy_does_not_fall_below_what_was_measured(report: Report) -> None:
    # Floors a little under the figures measured with issue 22's rules (Silero, the garbage
    # model, the command and mixed doubts ask more again: quiet 61%, moderate 46%, en-us quiet
    # 72%; before them 68%, 55% and 83%), to catch a regression.
    assert report.by_noise["quiet"].accuracy >= 0.59
    assert report.by_noise["moderate"].accuracy >= 0.44
    assert report.by_group[("en-us", "quiet")].accuracy >= 0.70


@pytest.fixture(scope="module")
def held_out(audio_cache: AudioCache) -> Report:
    return measure(audio_cache.folder, "en-US", held_out_conditions(), HELD_OUT_ANSWERS,
                   HELD_OUT_CONFIRMATIONS, HELD_OUT_OFF_LIST, jobs=2)


# About 4.5 minutes of synthesis and hearing: with the office report (make test-office), so
# that CI (make test, then make test-long) stays under its 20 minutes.
@pytest.mark.office
def test_on_held_out_voices_and_phrasings_no_swap_reaches_the_skill(
    held_out: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    # Voices, speeds and phrasings used for none of the rules or thresholds.
    with capsys.disabled():
        print("\n\nHeld out (python -m skill.voice.accuracy --held-out):\n")
        print(held_out.table())
    for noise in ("quiet", "moderate", "heavy"):
        assert held_out.unconfirmed_swaps(noise) == 0
        assert held_out.by_noise[noise].confirm_false_yes == 0
        assert held_out.off_list_answers(noise) == 0
    assert held_out.swaps("quiet") == 0
    assert held_out.by_noise["quiet"].accuracy >= 0.70
