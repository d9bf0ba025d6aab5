"""Every dialog script in tests/dialogs runs through the simulator against the real skill."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import load_model, model_path
from skill.simulator.nlu import Nlu
from skill.simulator.reminders_api import RemindersApi
from skill.simulator.runner import Simulator
from skill.simulator.script import format_report, load_script, run_script
from skill.simulator.transport import in_process

DIALOGS = sorted((Path(__file__).parent / "dialogs").glob("*.yaml"))


def test_there_are_dialog_scripts() -> None:
    assert len(DIALOGS) >= 2


def run(path: Path) -> None:
    script = load_script(path)
    locale = script.locale or "en-US"
    # A fresh user per run, so nothing stored by an earlier run can change the dialog.
    factory = EnvelopeFactory(locale, user=script.user or f"test-{uuid.uuid4()}",
                              device=script.device or "voice")
    factory.reminders = RemindersApi()  # the emulated Reminders API; Alexa asks to allow it
    simulator = Simulator(Nlu(load_model(model_path(locale), locale)), factory, in_process())
    try:
        report = run_script(script, simulator)
    finally:
        factory.reminders.stop()
    assert report.passed, format_report(report)


@pytest.mark.parametrize("path", DIALOGS, ids=[p.stem for p in DIALOGS])
def test_dialog_script(path: Path) -> None:
    run(path)


def test_the_readme_sample_script_passes(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    (sample,) = re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)
    path = tmp_path / "readme.yaml"
    path.write_text(sample, encoding="utf-8")
    run(path)
