"""The office report's held-out part (long: about 2,700 recordings, made afresh each session).

Voices, phrasings and babble that no rule or threshold was chosen on (`skill.voice.office`,
`skill.voice.office_report`), heard as `neck-twitch talk` hears a turn. The figures are
printed; the tests hold the safety properties that the report must keep at every noise level.
"""

from __future__ import annotations

import shutil

import pytest

from skill.voice.office import HELD_OUT_VOICES, engines_missing
from skill.voice.office_report import Report, jobs_for, measure

pytestmark = [pytest.mark.long, pytest.mark.office]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, voice_tools: None) -> Report:
    missing = engines_missing(HELD_OUT_VOICES)
    if missing or shutil.which("pico2wave") is None:
        pytest.fail(f"the office report needs {', '.join(missing)} (see docs/voice.md)")
    part = "held-out"
    result = measure(part, jobs_for(part, tmp_path_factory.mktemp("office")), processes=2)
    print()
    print(result.table())
    print(result.voice_table())
    print("\n".join(result.examples()))
    return result


@pytest.mark.parametrize("noise", ["clean", "20 dB", "10 dB"])
def test_no_wrong_answer_or_swap_reaches_the_skill(report: Report, noise: str) -> None:
    tally = report.by_noise[noise]
    assert tally.reached_swaps == 0
    # A request misheard as another request, both sure, can reach it ("what do you mean" as
    # "what", once at 20 dB in the held-out run): never an answer.
    assert tally.reached_answers == 0


@pytest.mark.parametrize("noise", ["clean", "20 dB", "10 dB"])
def test_no_non_answer_reaches_the_skill_as_an_answer(report: Report, noise: str) -> None:
    assert report.by_noise[noise].non_answer_answers == 0
    assert report.other.non_answer_answers == 0  # babble alone, people reading


@pytest.mark.parametrize("noise", ["clean", "20 dB", "10 dB"])
def test_no_read_back_is_confirmed_by_anything_but_a_yes(report: Report, noise: str) -> None:
    assert report.by_noise[noise].confirm_false_yes == 0


def test_every_emergency_is_caught_in_clean_audio(report: Report) -> None:
    tally = report.by_noise["clean"]
    assert tally.caught_at_once + tally.caught_number == tally.emergencies


def test_accuracy_and_emergencies_do_not_fall_below_what_was_measured(report: Report) -> None:
    # Floors a little under the held-out figures of issue 22's second round (clean 91-92% of
    # exact phrases; emergencies 90-91% at 20 dB, 96-98% at 10 dB with the loud-room number).
    clean = report.by_noise["clean"]
    assert clean.exact / clean.said >= 0.89
    for noise, floor in (("20 dB", 0.86), ("10 dB", 0.90)):
        t = report.by_noise[noise]
        caught = t.caught_at_once + t.caught_number + t.caught_loud_room
        assert caught / t.emergencies >= floor, noise
