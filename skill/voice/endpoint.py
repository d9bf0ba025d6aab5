"""End of speech: pocketsphinx's Endpointer (voice activity over a 0.3 s window).

`Listener` takes audio a frame at a time (from a microphone or a file) and says when speech
started and ended; `speech_in` finds the speech in a whole recording. Both keep a little of the
background before the speech to estimate how far the voice stands above the noise (the SNR),
which the recogniser uses to decide whether it may be sure.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import deque
from dataclasses import dataclass
from typing import Any

from skill.voice.errors import missing_recogniser
from skill.voice.wav import RATE, SAMPLE_BYTES

WINDOW = 0.3
RATIO = 0.9
MAX_SPEECH_SECONDS = 10.0
BACKGROUND_SECONDS = 1.0
# Background kept before the speech for the recogniser, whose noise removal learns the room
# from it (each utterance is heard afresh: see `Recognizer.hear`).
LEAD_SECONDS = 0.3


@dataclass(frozen=True)
class Utterance:
    pcm: bytes  # the speech with LEAD_SECONDS of background before it, 16 kHz mono 16-bit
    snr_db: float | None  # speech over background; None when there was no background to hear
    truncated: bool = False  # cut at MAX_SPEECH_SECONDS


def _endpointer() -> Any:
    try:
        from pocketsphinx import Endpointer
    except ImportError:
        raise missing_recogniser() from None
    return Endpointer(window=WINDOW, ratio=RATIO, sample_rate=RATE)


def frame_power(frame: bytes) -> float:
    samples = array("h")
    samples.frombytes(frame[: len(frame) - len(frame) % SAMPLE_BYTES])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    return sum(s * s for s in samples) / len(samples)


def snr_db(speech: list[float], background: list[float]) -> float | None:
    """Loud half of the speech frames over the quiet background frames, in dB."""
    if not speech or not background:
        return None
    loud = sorted(speech)[len(speech) // 2 :]
    signal = sum(loud) / len(loud)
    noise = max(sum(background) / len(background), 1.0)
    return 10 * math.log10(max(signal, 1.0) / noise)


class Listener:
    """Feed frames of `frame_bytes`; `done` once speech has started and ended (or run long)."""

    def __init__(self, max_seconds: float = MAX_SPEECH_SECONDS) -> None:
        self._ep = _endpointer()
        self.frame_bytes: int = self._ep.frame_bytes
        self.frame_seconds: float = self._ep.frame_length
        background_frames = max(1, int(BACKGROUND_SECONDS / self.frame_seconds))
        self._window_frames = int(WINDOW / self.frame_seconds)
        self._background: deque[tuple[bytes, float]] = deque(
            maxlen=background_frames + self._window_frames
        )
        self._speech: list[bytes] = []
        self._speech_power: list[float] = []
        self._max_frames = int(max_seconds / self.frame_seconds)
        self.started = False
        self.done = False
        self.truncated = False

    def feed(self, frame: bytes) -> None:
        """One frame of exactly `frame_bytes` (a short last frame is padded with silence)."""
        if self.done:
            return
        if len(frame) < self.frame_bytes:
            frame = frame + bytes(self.frame_bytes - len(frame))
        was_in_speech = self._ep.in_speech
        speech = self._ep.process(frame)
        if speech is None:
            if not self.started:
                self._background.append((frame, frame_power(frame)))
            return
        if not self.started:
            # The endpointer hands speech back a window late: the last frames taken for
            # background were the start of the speech.
            for _ in range(min(self._window_frames, len(self._background) - 1)):
                self._background.pop()
        self.started = True
        self._speech.append(speech)
        self._speech_power.append(frame_power(speech))
        if was_in_speech and not self._ep.in_speech:
            self.done = True
        elif len(self._speech) >= self._max_frames:
            self.done = self.truncated = True

    def finish(self) -> Utterance | None:
        """The speech heard so far, or None if none started."""
        if not self._speech:
            return None
        background = [power for _, power in self._background]
        if not background:
            # Speech from the first frame (a loud room): the quietest speech frames stand in.
            background = sorted(self._speech_power)[: max(1, len(self._speech_power) // 10)]
        lead_frames = int(LEAD_SECONDS / self.frame_seconds)
        lead = [frame for frame, _ in self._background][-lead_frames:] if lead_frames else []
        return Utterance(
            b"".join([*lead, *self._speech]),
            snr_db(self._speech_power, background),
            self.truncated,
        )


def speech_in(pcm: bytes, max_seconds: float = MAX_SPEECH_SECONDS) -> Utterance | None:
    """The first stretch of speech in a recording (to its end if it never stops), or None."""
    listener = Listener(max_seconds)
    size = listener.frame_bytes
    for start in range(0, len(pcm), size):
        listener.feed(pcm[start : start + size])
        if listener.done:
            break
    return listener.finish()
