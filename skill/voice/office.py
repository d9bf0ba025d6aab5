"""Recordings for the office report: four synthesizers, two speeds, office babble, noise only.

Voices (each an engine and a voice of it; Debian packages `espeak-ng`, `flite`, `festival`
with `festvox-kallpc16k`, `festvox-kdlpc16k`, `festvox-us-slt-hts`, and `libttspico-utils`,
which is in Debian's non-free section):

- tuning voices (`TUNING_VOICES`): the only ones any rule or threshold was chosen on;
- held-out voices (`HELD_OUT_VOICES`): other voices of the same engines and pico's British
  voice, used for nothing but the held-out report;
- fresh voices (`FRESH_VOICES`): voices neither part used, for a held-out part nobody tuned
  on (issue 22's third round): MBROLA's US and British diphone voices (Debian `mbrola`,
  `mbrola-us1`, `mbrola-us2`, `mbrola-en1`, driven by espeak-ng's text front end: engine
  `mbrola`), festival's British `rab_diphone` (`festvox-rablpc16k`) and festival driving
  MBROLA's `us3` (`festvox-us3`, `mbrola-us3`).

Each clean recording is made once (cached as WAV), then read at two speeds (sox `tempo`, the
pitch kept) and heard clean (a faint room floor) or in office babble at 20 dB and 10 dB SNR.
Babble is several synthetic talkers reading office chatter at once, seeded, one mix for tuning
and another (other talkers, other words) for the held-out report. Noise-only clips are babble
alone. The real human recordings are those of Debian's `pocketsphinx-testdata` (read speech:
card numbers, digits, a novel), none of which is an answer.
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
from pathlib import Path

from skill.voice.synth import FLOOR_PEAK, LEAD_SILENCE, TAIL_SILENCE
from skill.voice.wav import RATE, read_wav, to_mono_16k, write_wav


@dataclass(frozen=True)
class Voice:
    engine: str  # espeak | flite | festival | pico
    name: str

    @property
    def label(self) -> str:
        return f"{self.engine}:{self.name}"


TUNING_VOICES = (
    Voice("espeak", "en-us"),
    Voice("espeak", "en-gb"),
    Voice("flite", "slt"),
    Voice("festival", "kal_diphone"),
    Voice("pico", "en-US"),
)
HELD_OUT_VOICES = (
    Voice("flite", "awb"),
    Voice("flite", "rms"),
    Voice("festival", "cmu_us_slt_arctic_hts"),
    Voice("festival", "ked_diphone"),
    Voice("pico", "en-GB"),
)
FRESH_VOICES = (
    Voice("mbrola", "mb-us1"),
    Voice("mbrola", "mb-us2"),
    Voice("mbrola", "mb-en1"),
    Voice("festival", "rab_diphone"),
    Voice("festival", "us3_mbrola"),
)
SPEEDS = {"slow": 0.85, "fast": 1.15}  # sox tempo: 15% slower, 15% faster
NOISES: dict[str, float | None] = {"clean": None, "20 dB": 20.0, "10 dB": 10.0}
ENGINE_TOOLS = {"espeak": "espeak-ng", "flite": "flite", "festival": "text2wave",
                "pico": "pico2wave", "mbrola": "mbrola"}

CHATTER_TUNING = (
    "Did you see the email about the meeting on Thursday? I think they moved it to the big "
    "room upstairs. Can somebody order more paper for the printer, it keeps jamming. The "
    "quarterly numbers look better than last year, but sales are still slow in the north. "
    "Are you going to the lunch later? I heard the new place on the corner is quite good. "
)
CHATTER_HELD_OUT = (
    "The client called back this morning and wants the draft by Friday afternoon. Has anyone "
    "got a charger for this laptop? We should book the train tickets before the prices go up. "
    "I left the folder on your desk next to the plant. The coffee machine is broken again, "
    "somebody said the engineer is coming tomorrow. Let's put the budget on the agenda. "
)
CHATTER_FRESH = (
    "Who took the last of the milk from the fridge? The delivery van is parked outside the "
    "loading bay. I still have to finish the slides for the board on Monday. Did anyone water "
    "the plants by the window while I was away? The heating in this room never works properly. "
    "Can we move the call to half past two, I have the dentist. "
)
BABBLE_TALKERS = {
    "tuning": (CHATTER_TUNING, (Voice("espeak", "en-us+m1"), Voice("espeak", "en-us+f2"),
                                Voice("espeak", "en-gb+m3"), Voice("flite", "slt"),
                                Voice("espeak", "en-us+m7"), Voice("espeak", "en-gb+f4"))),
    "held-out": (CHATTER_HELD_OUT, (Voice("flite", "kal16"), Voice("flite", "rms"),
                                    Voice("flite", "awb"), Voice("espeak", "en-gb-x-rp"),
                                    Voice("espeak", "en-us+f4"), Voice("espeak", "en-us+m2"))),
    "fresh": (CHATTER_FRESH, (Voice("espeak", "en-gb-scotland"), Voice("espeak", "en-029"),
                              Voice("espeak", "en-gb-x-gbcwmd"), Voice("espeak", "en-us+m4"),
                              Voice("espeak", "en-gb-x-gbclan+f3"),
                              Voice("festival", "don_diphone"))),
}
BABBLE_SECONDS = 24.0
HUMAN_DATA = Path("/usr/share/pocketsphinx/test/data")


def engines_missing(voices: tuple[Voice, ...]) -> list[str]:
    tools = {ENGINE_TOOLS[v.engine] for v in voices} | {"sox"}
    if any(v.engine == "mbrola" for v in voices):
        tools.add("espeak-ng")
    return sorted(t for t in tools if shutil.which(t) is None)


def _samples(pcm: bytes) -> array[int]:
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _bytes(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def _engine_wav(voice: Voice, text: str, out: Path) -> None:
    if voice.engine in ("espeak", "mbrola"):  # mbrola: espeak-ng's front end, MBROLA's voice
        command = ["espeak-ng", "-v", voice.name, "-w", str(out), "--", text]
    elif voice.engine == "flite":
        command = ["flite", "-voice", voice.name, "-t", text, "-o", str(out)]
    elif voice.engine == "festival":
        command = ["text2wave", "-eval", f"(voice_{voice.name})", "-o", str(out)]
    elif voice.engine == "pico":
        command = ["pico2wave", "-l", voice.name, "-w", str(out), text]
    else:
        raise ValueError(f"unknown engine {voice.engine}")
    stdin = text if voice.engine == "festival" else None
    subprocess.run(command, check=True, capture_output=True, input=stdin, text=True)


def speak(voice: Voice, text: str, tempo: float = 1.0, pad: bool = True) -> bytes:
    """`text` in `voice`, 16 kHz mono, at `tempo`, with silence before and after."""
    with tempfile.TemporaryDirectory(prefix="neck-twitch-office-") as folder:
        raw = Path(folder) / "raw.wav"
        _engine_wav(voice, text, raw)
        effects = ["tempo", "-s", str(tempo)] if tempo != 1.0 else []
        if pad:
            effects += ["pad", str(LEAD_SILENCE), str(TAIL_SILENCE)]
        result = subprocess.run(
            ["sox", "-R", "-D", str(raw), "-t", "raw", "-r", str(RATE), "-c", "1", "-b", "16",
             "-e", "signed-integer", "-L", "-", *effects],
            check=True, capture_output=True,
        )
    return result.stdout


def speech_power(samples: array[int]) -> float:
    """Mean power of the loud part (the words, not the pauses)."""
    loud = [s * s for s in samples if abs(s) > 200]
    return sum(loud) / len(loud) if loud else 0.0


def mix(speech: bytes, noise: bytes | None, snr_db: float | None, seed: str) -> bytes:
    """`speech` with a faint white floor always and `noise` (looped from a seeded offset)
    scaled to `snr_db` below the speech; `snr_db` None: the floor only."""
    s = _samples(speech)
    rng = random.Random(seed)
    floor = FLOOR_PEAK * 32767 / math.sqrt(3)
    out = array("d", (x + rng.gauss(0.0, floor) for x in s))
    if noise is not None and snr_db is not None:
        n = _samples(noise)
        power = sum(x * x for x in n) / len(n) if n else 0.0
        target = speech_power(s) / (10 ** (snr_db / 10))
        gain = math.sqrt(target / power) if power > 0 else 0.0
        start = rng.randrange(len(n)) if n else 0
        for i in range(len(out)):
            out[i] += gain * n[(start + i) % len(n)]
    return _bytes(array("h", (max(-32768, min(32767, int(x))) for x in out)))


class OfficeAudio:
    """The office report's recordings, made once each and kept as WAV files in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, *parts: str) -> Path:
        key = hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]
        return self.folder / f"{key}.wav"

    def clean(self, voice: Voice, text: str, speed: str) -> bytes:
        path = self._path("clean", voice.label, text, speed)
        if not path.exists():
            write_wav(path, speak(voice, text, SPEEDS[speed]))
        return read_wav(path)

    def babble(self, part: str) -> bytes:
        """Office babble: the talkers of `part` reading chatter at once, at equal loudness."""
        path = self._path("babble", part, str(BABBLE_SECONDS))
        if path.exists():
            return read_wav(path)
        text, talkers = BABBLE_TALKERS[part]
        length = int(BABBLE_SECONDS * RATE)
        total = array("d", bytes(8 * length))
        rng = random.Random(f"babble|{part}")
        for voice in talkers:
            track = _samples(speak(voice, text, pad=False))
            if not track:
                continue
            power = speech_power(track) or 1.0
            gain = 3000.0 / math.sqrt(power)
            start = rng.randrange(len(track))
            for i in range(length):
                total[i] += gain * track[(start + i) % len(track)]
        peak = max(1.0, max(abs(x) for x in total))
        scale = min(1.0, 30000.0 / peak)
        pcm = _bytes(array("h", (int(x * scale) for x in total)))
        write_wav(path, pcm)
        return pcm

    def recording(self, voice: Voice, text: str, speed: str, noise: str, part: str) -> bytes:
        """A phrase in `voice` at `speed`, clean or in the babble of `part` at `noise`."""
        path = self._path("mixed", voice.label, text, speed, noise, part)
        if not path.exists():
            snr = NOISES[noise]
            babble = self.babble(part) if snr is not None else None
            write_wav(path, mix(self.clean(voice, text, speed), babble, snr,
                                f"{voice.label}|{text}|{speed}|{noise}|{part}"))
        return read_wav(path)

    def noise_only(self, part: str, noise: str, index: int) -> bytes:
        """Babble alone for 2.5 s, as loud as it is under a typical answer at `noise`."""
        path = self._path("noise-only", part, noise, str(index))
        if not path.exists():
            typical = self.clean(Voice("espeak", "en-us"), "yes", "slow")
            silence = bytes(int(2.5 * RATE) * 2)
            snr = NOISES[noise] or 20.0
            babble = self.babble(part)
            seed = f"noise-only|{part}|{noise}|{index}"
            rng = random.Random(seed)
            n = _samples(babble)
            power = sum(x * x for x in n) / len(n)
            target = speech_power(_samples(typical)) / (10 ** (snr / 10))
            gain = math.sqrt(target / power)
            start = rng.randrange(len(n))
            floor = _samples(mix(silence, None, None, seed))
            out = array("h", (max(-32768, min(32767, int(f + gain * n[(start + i) % len(n)])))
                              for i, f in enumerate(floor)))
            write_wav(path, _bytes(out))
        return read_wav(path)


def human_recordings() -> list[Path]:
    """Debian's pocketsphinx-testdata recordings (people reading), sorted; [] if absent."""
    if not HUMAN_DATA.is_dir():
        return []
    return sorted(p for p in HUMAN_DATA.rglob("*") if p.suffix in (".wav", ".raw"))


def read_human(path: Path) -> bytes:
    """A testdata recording as 16 kHz mono PCM (.raw files are 16 kHz 16-bit little-endian;
    .wav files at any rate)."""
    if path.suffix == ".raw":
        return path.read_bytes()
    import wave

    with wave.open(str(path), "rb") as reader:
        frames = reader.readframes(reader.getnframes())
        return to_mono_16k(frames, reader.getnchannels(), reader.getframerate())


def split_human(paths: list[Path]) -> dict[str, list[Path]]:
    """Every other recording to the held-out part (sorted, so always the same split); the
    fresh part has none (both halves were heard before it was made)."""
    return {"tuning": paths[0::2], "held-out": paths[1::2], "fresh": []}
