"""16 kHz mono 16-bit PCM, the recogniser's input: WAV files in and out, without numpy."""

from __future__ import annotations

import io
import sys
import wave
from array import array
from pathlib import Path

from skill.voice.errors import VoiceUnavailable

RATE = 16000
SAMPLE_BYTES = 2


def read_wav(path: Path) -> bytes:
    """A WAV file as 16 kHz mono 16-bit PCM (other rates and stereo are converted)."""
    try:
        with wave.open(str(path), "rb") as reader:
            channels, width = reader.getnchannels(), reader.getsampwidth()
            rate = reader.getframerate()
            frames = reader.readframes(reader.getnframes())
    except FileNotFoundError:
        raise VoiceUnavailable(f"audio file not found: {path}") from None
    except (OSError, EOFError, wave.Error) as exc:
        raise VoiceUnavailable(f"cannot read {path} as a PCM WAV file: {exc}") from None
    if width != SAMPLE_BYTES:
        raise VoiceUnavailable(
            f"{path} has {8 * width}-bit samples; convert it to 16-bit: "
            f"sox {path} -b 16 -r 16000 -c 1 out.wav"
        )
    return to_mono_16k(frames, channels, rate)


def to_mono_16k(frames: bytes, channels: int, rate: int) -> bytes:
    samples = array("h")
    samples.frombytes(frames[: len(frames) - len(frames) % (SAMPLE_BYTES * channels)])
    if sys.byteorder == "big":
        samples.byteswap()
    if channels > 1:
        samples = array(
            "h",
            (sum(samples[i : i + channels]) // channels for i in range(0, len(samples), channels)),
        )
    if rate != RATE:
        samples = resample(samples, rate, RATE)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def resample(samples: array[int], rate: int, target: int) -> array[int]:
    """Linear interpolation; enough for speech going to a 16 kHz recogniser."""
    if not samples:
        return array("h")
    count = max(1, len(samples) * target // rate)
    step = rate / target
    last = len(samples) - 1
    out = array("h", bytes(2 * count))
    for i in range(count):
        position = i * step
        left = int(position)
        if left >= last:
            out[i] = samples[last]
            continue
        frac = position - left
        out[i] = int(samples[left] * (1 - frac) + samples[left + 1] * frac)
    return out


def wav_bytes(pcm: bytes, rate: int = RATE) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(SAMPLE_BYTES)
        writer.setframerate(rate)
        writer.writeframes(pcm)
    return buffer.getvalue()


def parse_wav(data: bytes) -> tuple[bytes, int]:
    """(mono 16-bit PCM, sample rate) from WAV bytes, such as espeak-ng's --stdout."""
    with wave.open(io.BytesIO(data), "rb") as reader:
        channels, rate = reader.getnchannels(), reader.getframerate()
        frames = reader.readframes(reader.getnframes())
    if channels > 1:
        frames = to_mono_16k(frames, channels, rate)
        rate = RATE
    return frames, rate


def write_wav(path: Path, pcm: bytes, rate: int = RATE) -> None:
    path.write_bytes(wav_bytes(pcm, rate))


def duration(pcm: bytes, rate: int = RATE) -> float:
    return len(pcm) / (SAMPLE_BYTES * rate)
