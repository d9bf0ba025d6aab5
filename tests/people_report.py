"""The people corpus's report loop, for every language's corpus test: judge a part's lines, print
its figures, and hold it to its floors, never showing a held-out line.

tests/test_people_corpus_es.py uses it; tests/test_people_corpus.py runs the same loop in its own
body and could call `check_part` instead (see `check_part`'s docstring).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pytest
from people import Case, Report, Speaker, judge


def judged(cases: Iterable[Case], speaker: Speaker, *, tuning: bool) -> Report:
    """Every line judged. A held-out line that makes the skill raise is named by its place
    only: the exception's message, its traceback's locals and the chained cause could all
    carry the words."""
    results = []
    for index, case in enumerate(cases):
        if tuning:
            results.append(judge(case, speaker))
            continue
        try:
            results.append(judge(case, speaker))
        except Exception as exc:  # re-raised without the line's words
            raise RuntimeError(f"held-out line {index} raised {type(exc).__name__}") from None
    return Report(results)


def check_part(name: str, cases: Iterable[Case], speaker: Speaker,
               capsys: pytest.CaptureFixture[str], *, tuning: bool, min_share: float,
               max_unsafe: int, max_missed_emergencies: int | None = None,
               host: str = "simulator") -> Report:
    """Judge one part of the corpus, print its report and assert its floors.

    A tuning part prints its figures and its safety misreads line by line (every miss too with
    PEOPLE_MISSES=1); a held-out part prints figures only, by person, locale and kind, and
    its assertions compare numbers only (pytest shows an assertion's operands, so a list of
    results there would print the lines). tests/test_people_corpus.py's loop is this call:
    `check_part(corpus, cases(corpus), speaker, capsys, tuning=corpus in TUNING,
    min_share=MIN_SHARE[corpus], max_unsafe=MAX_UNSAFE[corpus])`.
    """
    report = judged(cases, speaker, tuning=tuning)
    title = f"people corpus, {name}, {host}"
    with capsys.disabled():
        misses = tuning and os.environ.get("PEOPLE_MISSES") == "1"
        print("\n" + (report.text(title, misses=misses) if tuning else report.summary(title)))
    shown = report.text(name) if tuning else report.summary(name)
    unsafe = len(report.unsafe())
    missed = sum(r.unsafe == "emergency missed" for r in report.unsafe())
    share = report.share()
    if max_missed_emergencies is not None:
        assert missed <= max_missed_emergencies, shown
    assert unsafe <= max_unsafe, shown
    assert share >= min_share, shown
    return report
