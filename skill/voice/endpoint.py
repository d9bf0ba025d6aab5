"""End of speech: voice activity a frame at a time, and a pause long enough to be the end.

`Listener` takes audio 30 ms at a time (from a microphone or a file) and says when speech
started and ended; `speech_in` finds the speech in a whole recording. Each frame is judged by
pocketsphinx's voice activity detector (`Vad`, WebRTC's). Speech starts once `START_FRAMES`
of the last `START_WINDOW` frames are speech. It ends after a pause, and how long a pause
depends on what was said so far (a "semantic" end of speech):

- after `SHORT_PAUSE` of silence, the speech so far is offered to `complete` (the recogniser:
  is it already a whole answer, such as "nope" or "i have trouble walking"?); if so it ends
  there, and the recogniser keeps what it heard, so nothing is decoded twice;
- a whole answer that also begins a longer answer of the other side ("no" in "no idea",
  "definitely" in "definitely not") waits for `OPEN_PAUSE`, in case the rest is coming;
- anything else ("i have ... trouble walking") waits for `LONG_PAUSE` of silence.

So a plain answer is answered quickly and a slow speaker is not cut off mid-sentence. Both keep
a little of the background before the speech to estimate how far the voice stands above the
noise (the SNR), which the recogniser uses to decide whether it may be sure.
"""

from __future__ import annotations

import hashlib
import math
import sys
from array import array
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skill.voice.errors import missing_recogniser
from skill.voice.wav import RATE, SAMPLE_BYTES

# WebRTC's aggressiveness, 0-3: the most aggressive ends a word's voicing soonest (measured on
# the synthetic recordings: about 0.1 s after the last sound, against about 0.18 s for 0).
VAD_MODE = 3
START_WINDOW = 5
START_FRAMES = 4
SHORT_PAUSE = 0.09
OPEN_PAUSE = 0.3
LONG_PAUSE = 0.6
MAX_SPEECH_SECONDS = 10.0
BACKGROUND_SECONDS = 1.0
# Background kept before the speech for the recogniser, whose noise removal learns the room
# from it (each utterance is heard afresh: see `Recognizer.hear`).
LEAD_SECONDS = 0.3

# The speech so far -> the pause (seconds) after which it is a whole answer, None if it is not.
Complete = Callable[[bytes], "float | None"]


@dataclass(frozen=True)
class Utterance:
    pcm: bytes  # the speech with LEAD_SECONDS of background before it, 16 kHz mono 16-bit
    snr_db: float | None  # speech over background; None when there was no background to hear
    truncated: bool = False  # cut at MAX_SPEECH_SECONDS


def _vad() -> Any:
    try:
        from pocketsphinx import Vad
    except ImportError:
        raise missing_recogniser() from None
    return Vad(mode=VAD_MODE, sample_rate=RATE)


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
    """Feed frames of `frame_bytes`; `done` once speech has started and ended (or run long).

    `complete`, if given, is asked once per pause whether the speech so far (as `pcm()` gives
    it) is already a whole answer (see the module docstring).
    """

    def __init__(
        self, max_seconds: float = MAX_SPEECH_SECONDS, complete: Complete | None = None
    ) -> None:
        self._vad = _vad()
        self.frame_bytes: int = self._vad.frame_bytes
        self.frame_seconds: float = self._vad.frame_length
        self.complete = complete
        background_frames = max(1, int(BACKGROUND_SECONDS / self.frame_seconds))
        self._background: deque[tuple[bytes, float]] = deque(
            maxlen=background_frames + START_WINDOW
        )
        self._recent: deque[bool] = deque(maxlen=START_WINDOW)
        self._speech: list[bytes] = []
        self._speech_power: list[float] = []
        self._short: int = max(1, round(SHORT_PAUSE / self.frame_seconds))
        self._long: int = max(self._short + 1, round(LONG_PAUSE / self.frame_seconds))
        self._silent = 0  # frames of silence since the last speech frame
        self._offered = False  # the speech so far was offered to `complete` in this pause
        self._end_after: int | None = None  # frames of silence that end it, from `complete`
        self._max_frames = int(max_seconds / self.frame_seconds)
        self.started = False
        self.done = False
        self.truncated = False
        self.ended_early = False  # ended after the short pause: `complete` said so
        self.frames = 0  # frames fed in all

    def feed(self, frame: bytes) -> None:
        """One frame of exactly `frame_bytes` (a short last frame is padded with silence)."""
        if self.done:
            return
        if len(frame) < self.frame_bytes:
            frame = frame + bytes(self.frame_bytes - len(frame))
        self.frames += 1
        speech = bool(self._vad.is_speech(frame))
        power = frame_power(frame)
        if not self.started:
            self._background.append((frame, power))
            self._recent.append(speech)
            if sum(self._recent) < START_FRAMES:
                return
            # The last few frames were the start of the speech, not background.
            self.started = True
            for _ in range(len(self._recent)):
                start_frame, start_power = self._background.pop()
                self._speech.insert(0, start_frame)
                self._speech_power.insert(0, start_power)
            self._silent = 0
            return
        self._speech.append(frame)
        self._speech_power.append(power)
        if speech:
            self._silent = 0
            self._offered = False
            self._end_after = None
        else:
            self._silent += 1
        if self._silent >= self._short and not self._offered and self.complete is not None:
            self._offered = True
            pause = self.complete(self.pcm())
            if pause is not None:
                self._end_after = max(self._short, round(pause / self.frame_seconds))
        if len(self._speech) >= self._max_frames:
            self.done = self.truncated = True
        elif self._silent >= self._long:
            self.done = True
        elif self._end_after is not None and self._silent >= self._end_after:
            self.done = self.ended_early = True

    def _lead(self) -> list[bytes]:
        lead_frames = int(LEAD_SECONDS / self.frame_seconds)
        return [frame for frame, _ in self._background][-lead_frames:] if lead_frames else []

    def _kept(self) -> int:
        """Speech frames kept: a pause's silence only up to `SHORT_PAUSE`, so the speech
        offered to `complete` and the speech finally heard are the same bytes."""
        return len(self._speech) - max(0, self._silent - self._short)

    def pcm(self) -> bytes:
        """The speech so far, with LEAD_SECONDS of background before it."""
        return b"".join([*self._lead(), *self._speech[: self._kept()]])

    def finish(self) -> Utterance | None:
        """The speech heard so far, or None if none started."""
        if not self._speech:
            return None
        voiced = self._speech_power[: len(self._speech_power) - self._silent] or self._speech_power
        background = [power for _, power in self._background]
        if not background:
            # Speech from the first frame (a loud room): the quietest speech frames stand in.
            background = sorted(voiced)[: max(1, len(voiced) // 10)]
        return Utterance(self.pcm(), snr_db(voiced, background), self.truncated)


DIGITAL_SILENCE_SECONDS = 0.1
# A stretch whose samples stay within this many steps (of 65536) is digital silence, dither at
# most: a microphone's own noise spans far more (a quiet room's floor here about 130).
DIGITAL_SILENCE_SPAN = 16


def room_tone(pcm: bytes) -> bytes:
    """A recording with stretches of digital silence (as text-to-speech writes them, exact
    zeros or dither, and no microphone does) with a quiet room's faint noise floor mixed in, so
    it is heard as a microphone would hear it: such gaps throw the recogniser's noise estimate
    (a bare "yes" from espeak-ng was heard as "yes i've", "no" as "oh"). Seeded by the
    recording, so the same file is always heard the same way; anything else is returned as it
    is. The recogniser hears everything through this: files, and microphones whose noise
    suppression gates the gaps to zero."""
    from skill.voice.synth import add_noise

    if not _has_digital_silence(pcm):
        return pcm
    return add_noise(pcm, None, hashlib.sha256(pcm).hexdigest())


def _has_digital_silence(pcm: bytes) -> bool:
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    if sys.byteorder == "big":
        samples.byteswap()
    size = int(DIGITAL_SILENCE_SECONDS * RATE)
    for start in range(0, len(samples) - size + 1, size):
        stretch = samples[start : start + size]
        if max(stretch) - min(stretch) <= DIGITAL_SILENCE_SPAN:
            return True
    return False


def speech_in(
    pcm: bytes, max_seconds: float = MAX_SPEECH_SECONDS, complete: Complete | None = None
) -> Utterance | None:
    """The first stretch of speech in a recording (to its end if it never stops), or None."""
    listener = Listener(max_seconds, complete)
    size = listener.frame_bytes
    for start in range(0, len(pcm), size):
        listener.feed(pcm[start : start + size])
        if listener.done:
            break
    return listener.finish()
