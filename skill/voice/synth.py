"""Synthetic people for tests and the accuracy report: espeak-ng voices, sox, a noise floor.

`espeak-ng -w` then `sox` to 16 kHz mono with silence around the words, then white noise mixed
in: a faint floor always (espeak's perfectly silent gaps are nothing like a room and hurt
recognition), louder for the noisy variants, set by signal-to-noise ratio against the speech.
The noise is seeded from the text and condition, and sox runs without dither in repeatable
mode (-D -R), so a run is repeatable: the same recordings, the same report.
"""

from __future__ import annotations

import hashlib
import math
import random
import shutil
import subprocess
import sys
import tempfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from skill.voice.wav import RATE, write_wav

VOICES = ("en-us", "en-gb", "en-us+f3")
SPEEDS = (150, 185)  # words per minute: unhurried, brisk (espeak's default is 175)
# Noise level name -> signal-to-noise ratio in dB over the speech; None: the floor only.
NOISE: dict[str, float | None] = {"quiet": None, "moderate": 15.0, "heavy": 5.0}
FLOOR_PEAK = 0.002  # the faint floor, as `sox -n synth whitenoise vol 0.002`
LEAD_SILENCE = 0.5
TAIL_SILENCE = 0.8


class ToolMissing(RuntimeError):
    pass


def tools_missing() -> list[str]:
    """The system programs synthesis needs that are not on PATH."""
    return [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]


@dataclass(frozen=True)
class Condition:
    voice: str
    speed: int
    noise: str

    @property
    def label(self) -> str:
        return f"{self.voice} {self.speed}wpm {self.noise}"


def conditions() -> list[Condition]:
    return [Condition(v, s, n) for v in VOICES for s in SPEEDS for n in NOISE]


def speak_to_pcm(text: str, voice: str, speed: int) -> bytes:
    """espeak-ng's speech as 16 kHz mono PCM with silence before and after."""
    missing = tools_missing()
    if missing:
        raise ToolMissing(f"{' and '.join(missing)} not installed (apt-get install espeak-ng sox)")
    with tempfile.TemporaryDirectory(prefix="neck-twitch-synth-") as folder:
        raw = Path(folder) / "espeak.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), "--", text],
            check=True, capture_output=True,
        )
        result = subprocess.run(
            ["sox", "-R", "-D", str(raw), "-t", "raw", "-r", str(RATE), "-c", "1", "-b", "16",
             "-e", "signed-integer", "-L", "-", "pad", str(LEAD_SILENCE), str(TAIL_SILENCE)],
            check=True, capture_output=True,
        )
    return result.stdout


_NOISE_SAMPLES = 1 << 18  # 16 s of unit Gaussian noise, made once, read from a seeded offset


@lru_cache(maxsize=1)
def _unit_noise() -> array[float]:
    rng = random.Random(0x6E6F697365)
    return array("f", (rng.gauss(0.0, 1.0) for _ in range(_NOISE_SAMPLES)))


def add_noise(pcm: bytes, snr_db: float | None, seed: str) -> bytes:
    """Mix in white noise: the faint floor always, plus noise at `snr_db` below the speech."""
    samples = array("h")
    samples.frombytes(pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    floor = FLOOR_PEAK * 32767 / math.sqrt(3)  # the RMS of sox's uniform noise of that peak
    power = floor * floor
    if snr_db is not None:
        loud = [s * s for s in samples if abs(s) > 200]  # the speech itself, not its pauses
        speech = sum(loud) / len(loud) if loud else 0.0
        power += speech / (10 ** (snr_db / 10))
    sigma = math.sqrt(power)
    noise = _unit_noise()
    count = len(samples)
    start = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:4], "big") % _NOISE_SAMPLES
    reps = (start + count) // _NOISE_SAMPLES + 1
    window = (noise * reps)[start : start + count] if reps > 1 else noise[start : start + count]
    out = array(
        "h",
        (max(-32768, min(32767, int(s + sigma * n))) for s, n in zip(samples, window, strict=True)),
    )
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def synthesise(text: str, condition: Condition) -> bytes:
    pcm = speak_to_pcm(text, condition.voice, condition.speed)
    return add_noise(pcm, NOISE[condition.noise], f"{text}|{condition.label}")


class AudioCache:
    """Synthesised answers as WAV files in one folder, made once per text and condition."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, text: str, condition: Condition) -> Path:
        key = hashlib.sha256(f"{text}|{condition.label}".encode()).hexdigest()[:16]
        slug = "-".join(text.split())[:40].replace("'", "")
        return self.folder / f"{slug}.{condition.voice.replace('+', '_')}.{condition.speed}." \
            f"{condition.noise}.{key}.wav"

    def get(self, text: str, condition: Condition) -> Path:
        target = self.path(text, condition)
        if not target.exists():
            write_wav(target, synthesise(text, condition))
        return target
