"""The people corpus through the simulator, per kind of person, locale and kind of answer.

The simulator understands only what the interaction model (and Amazon's built-in intents) give
it. The tuning part is held to its measured floor and to zero safety misreads; the held-out part,
used for no tuning step, is reported apart and held to what it measured when first run.
"""

from __future__ import annotations

import pytest
from people import CORPORA, TUNING, SimulatorSpeaker, cases
from people_report import check_part

from skill.simulator.transport import InProcess

# Measured floors (README, "How well it understands"): a change that understands less, or misreads
# more, fails. The held-out parts' figures are the open gap of issue 18 (goal: 90%, no misread).
MIN_SHARE = {"tuning": 0.93, "tuning B": 0.92, "tuning C": 0.91, "tuning D": 0.88,
             "tuning E": 0.94, "tuning F": 0.90, "tuning G": 0.88, "held out": 0.84,
             "held out B": 0.82, "held out C": 0.84, "held out D": 0.79, "held out E": 0.83}
MAX_UNSAFE = {"tuning": 0, "tuning B": 1, "tuning C": 0, "tuning D": 1, "tuning E": 0,
              "tuning F": 2, "tuning G": 15, "held out": 12, "held out B": 11, "held out C": 10,
              "held out D": 21, "held out E": 18}


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
    # A tuning part prints its figures and its safety misreads (every miss with
    # PEOPLE_MISSES=1); a held-out part prints figures only, and no failure shows its lines
    # (tests/people_report.py), so that no tuning step can look at them.
    check_part(corpus, cases(corpus), speaker, capsys, tuning=corpus in TUNING,
               min_share=MIN_SHARE[corpus], max_unsafe=MAX_UNSAFE[corpus])
