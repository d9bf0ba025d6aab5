"""`neck-twitch simulate --device show`: screens written as pictures (or HTML previews), and
`:tap` touches a button as a finger would."""

from __future__ import annotations

import struct
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from skilltest import REPO

from skill.cli import main

SCRIPT = REPO / "tests" / "apl" / "dialogs" / "screens.yaml"
PICTURES = REPO / "docs" / "images" / "screens"
LAUNCH = "open neck twitch check"


def simulate(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["simulate", "--user", f"screens-{uuid.uuid4()}", *args],
                              input=stdin)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.screens
def test_screens_are_written_as_pictures_of_the_echo_show(tmp_path: Path) -> None:
    result = simulate("--device", "show", "--screens", str(tmp_path), "--script", str(SCRIPT))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["01-question-screen.png", "02-question-stroke_signs.png",
                       "03-question-breathless.png", "04-question-breathless_now.png",
                       "05-emergency.png"]
    assert {png_size(tmp_path / name) for name in written} == {(1024, 600)}
    assert f"wrote 5 screen(s) to {tmp_path} as PNG" in result.stderr


def test_the_pictures_in_docs_are_the_ones_the_script_makes() -> None:
    """docs/images/screens is what the command in tests/apl/dialogs/screens.yaml writes."""
    names = sorted(p.name for p in PICTURES.glob("*.png"))
    assert names == ["01-question-screen.png", "02-question-stroke_signs.png",
                     "03-question-breathless.png", "04-question-breathless_now.png",
                     "05-emergency.png"]
    assert {png_size(PICTURES / name) for name in names} == {(1024, 600)}
    assert "--screens docs/images/screens" in " ".join(SCRIPT.read_text().split())


def test_without_chromium_the_screens_are_html_previews(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    result = simulate("--device", "show", "--screens", str(tmp_path / "out"), "--fresh",
                      stdin=f"{LAUNCH}\nno\nno\n")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["01-question-screen.html", "02-question-stroke_signs.html",
                       "03-question-breathless.html"]
    page = (tmp_path / "out" / "03-question-breathless.html").read_text()
    assert "Are you short of breath when resting or lying flat?" in page
    assert "<li>Not sure</li>" in page
    assert "as HTML preview" in result.stderr and "chromium not found" in result.stderr
    assert "npm ci" in result.stderr


def test_screens_need_a_screen_device(tmp_path: Path) -> None:
    result = simulate("--screens", str(tmp_path), stdin=f"{LAUNCH}\n")
    assert result.exit_code == 2
    assert "--screens needs a screen device: add --device show" in result.stderr


def test_a_voice_device_sends_no_screen_and_writes_none(tmp_path: Path) -> None:
    result = simulate("--fresh", "--json", stdin=f"{LAUNCH}\n")
    assert result.exit_code == 0 and '"directives": []' in result.stdout


def test_tap_touches_the_buttons_of_the_last_screen() -> None:
    result = simulate("--device", "show", "--fresh", stdin=(
        f"{LAUNCH}\n:tap no\n:tap no\n:tap Why do you ask?\n:tap NOT SURE\n:tap no\n"
        ":tap go back\n"))
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "(tap) No alexa> Are you short of breath when resting or lying flat?" in out
    assert "(tap) Why do you ask? alexa> Breathlessness at rest" in out
    assert "(tap) Not sure alexa> No problem, let me explain." in out
    assert "(tap) Go back alexa> Okay, going back." in out


def test_tap_ticks_then_done_sends_the_ticks() -> None:
    nos = "no\n" * 15
    result = simulate("--device", "show", "--fresh", stdin=(
        f"{LAUNCH}\n{nos}:tap stress\n:tap Poor sleep\n:tap poor sleep\n:tap Lots of caffeine"
        "\n:tap done\n"))
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "(ticked: Stress; :tap Done sends them)" in out
    assert "(ticked: Stress, Lots of caffeine; :tap Done sends them)" in out
    assert "Ease stress" in out and "coffee, tea" in out and "seven to nine hours" not in out


def test_tap_without_a_screen_or_button_is_a_one_line_error() -> None:
    result = simulate("--fresh", stdin=f"{LAUNCH}\n:tap yes\n")
    assert result.exit_code == 2 and "nothing to tap" in result.stderr
    result = simulate("--device", "show", "--fresh", stdin=f"{LAUNCH}\n:tap maybe\n")
    assert result.exit_code == 2
    assert "no button 'maybe' on the screen; it shows: Yes, No, Not sure" in result.stderr
