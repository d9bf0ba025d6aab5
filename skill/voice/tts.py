"""Speaking: the skill's own words through espeak-ng, synthesised to a buffer.

espeak-ng exits 0 even with no sound device, so it never plays anything itself: it writes a
WAV to stdout, which the host plays (or saves with --to-audio).

SSML becomes plain words with `skill.content.ssml.to_plain`, after two things it would lose:
`<say-as interpret-as="digits|telephone">` keeps its digits apart ("9 1 1" is read "nine one
one", never "nine hundred and eleven"), and `<break>` becomes a pause.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

from skill.content.ssml import to_plain
from skill.voice.errors import VoiceUnavailable, missing_espeak
from skill.voice.wav import parse_wav

# espeak-ng voice per locale: local accents where espeak-ng has one.
VOICES = {"en-US": "en-us", "en-GB": "en-gb", "en-CA": "en-us", "en-AU": "en", "en-IN": "en"}
DEFAULT_SPEED = 165  # words per minute; espeak's own default, 175, is brisk for questions

_DIGITS = re.compile(
    r"<say-as\s+interpret-as=\"(?:digits|telephone)\"\s*>([^<]*)</say-as>", re.IGNORECASE
)
_BREAK = re.compile(r"<break\b[^>]*/>", re.IGNORECASE)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!])")


def speakable(ssml: str) -> str:
    """The words a person should hear, as plain text for a speech engine."""
    text = _DIGITS.sub(lambda m: " ".join(ch for ch in m.group(1) if not ch.isspace()), ssml)
    text = _BREAK.sub(", ", text)
    text = to_plain(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return re.sub(r"([,.;:?!])(?:\s*,)+", r"\1", text).strip(" ,")


def output_speech_text(output: Any) -> str | None:
    """The speakable words of a response's outputSpeech (SSML or plain text)."""
    if not isinstance(output, dict):
        return None
    ssml = output.get("ssml")
    if isinstance(ssml, str) and output.get("type") != "PlainText":
        return speakable(ssml)
    text = output.get("text")
    return text.strip() if isinstance(text, str) else None


class Espeak:
    """espeak-ng to WAV bytes: (16-bit mono PCM, sample rate)."""

    def __init__(self, locale: str, speed: int = DEFAULT_SPEED) -> None:
        executable = shutil.which("espeak-ng")
        if executable is None:
            raise missing_espeak()
        self.executable = executable
        self.voice = VOICES.get(locale, "en")
        self.speed = speed

    def synthesise(self, text: str) -> tuple[bytes, int]:
        try:
            result = subprocess.run(
                [self.executable, "-v", self.voice, "-s", str(self.speed), "--stdout", "--", text],
                check=False,
                capture_output=True,
            )
        except OSError as exc:
            raise VoiceUnavailable(f"cannot run espeak-ng: {exc.strerror or exc}") from None
        if result.returncode != 0 or not result.stdout:
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise VoiceUnavailable(
                f"espeak-ng could not speak ({detail[-1] if detail else result.returncode})"
            )
        return parse_wav(result.stdout)
