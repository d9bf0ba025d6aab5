"""The people corpus through the simulator, per kind of person, locale and kind of answer.

The simulator understands only what the interaction model (and Amazon's built-in intents) give
it. The tuning part is held to its measured floor and to zero safety misreads; the held-out part,
used for no tuning step, is reported apart and held to what it measured when first run.
"""

from __future__ import annotations

import os

import pytest
from people import CORPORA, TUNING, Report, SimulatorSpeaker, cases, judge

from skill.simulator.transport import InProcess

# Measured floors (README, "How well it understands"): a change that understands less, or misreads
# more, fails. The held-out parts' figures are the open gap of issue 18 (goal: 90%, no misread).
MIN_SHARE = {"tuning": 0.91, "tuning B": 0.92, "tuning C": 0.88, "tuning D": 0.85,
             "tuning E": 0.92, "held out": 0.78, "held out B": 0.74, "held out C": 0.75,
             "held out D": 0.0}
MAX_UNSAFE = {"tuning": 0, "tuning B": 1, "tuning C": 0, "tuning D": 1, "tuning E": 0,
              "held out": 12, "held out B": 16, "held out C": 14, "held out D": 999}


@pytest.fixture(scope="module")
def speaker(tmp_path_factory: pytest.TempPathFactory) -> SimulatorSpeaker:
    folder = tmp_path_factory.mktemp("people-memory")
    return SimulatorSpeaker(InProcess(storage=f"sqlite:{folder}/memory.sqlite3"))


def test_the_corpus_is_broad() -> None:
    every = [c for corpus in CORPORA for c in cases(corpus)]
    assert len(every) >= 600
    assert {c.persona for c in every} == {"anxious25", "older72", "indian", "british", "hurry"}
    assert {c.locale for c in every} == {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    kinds = {c.expect for c in every}
    assert {"emergency", "denied", "not_now", "correct", "other_person", "which_one"} <= kinds


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_people_are_understood(corpus: str, speaker: SimulatorSpeaker,
                               capsys: pytest.CaptureFixture[str]) -> None:
    report = Report([judge(case, speaker) for case in cases(corpus)])
    with capsys.disabled():
        # PEOPLE_MISSES=1 lists every line not understood (for the tuning part only: the
        # held-out part is never looked at line by line).
        misses = corpus in TUNING and os.environ.get("PEOPLE_MISSES") == "1"
        title = f"people corpus, {corpus}, simulator"
        print("\n" + (report.text(title, misses=misses) if corpus in TUNING
                      else report.summary(title)))
    # The held-out part is reported in figures only: its lines are never shown, so that no
    # tuning step can look at them.
    shown = report.text(corpus) if corpus in TUNING else report.summary(corpus)
    assert len(report.unsafe()) <= MAX_UNSAFE[corpus], shown
    assert report.share() >= MIN_SHARE[corpus], shown
