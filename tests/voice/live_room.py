"""A simulated live microphone and speaker on one audio clock, for the real voice loop.

`LiveRoom` has the shape of the sounddevice module (`RawInputStream`, `RawOutputStream`,
`check_*_settings`, `PortAudioError`), so `SoundDevice`, `Microphone`, `Speaker` and `Talk` run
unchanged on it. Time advances as the speaker plays and as the microphone is read (a read waits
for its audio, as a real stream does). What the microphone hears at each moment is the sum of:
the room's floor and, optionally, office babble; the skill's own voice as it plays, at
`echo_db` (the loudspeaker heard by the microphone); and the person's speech, which `Person`
schedules on the same clock when a prompt starts or ends (so they can speak over a prompt, or
after it).
"""

from __future__ import annotations

import audioop
import math
import random
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from skill.voice.audio import EndOfInput, Speaker
from skill.voice.wav import RATE


class RoomPortAudioError(Exception):
    pass


@dataclass
class Person:
    """Speaks on cue: `react(prompt_text, started, ended)` returns [(seconds after the cue,
    speech)], called when a prompt starts (ended=None) and when it ends."""

    react: Callable[[str, float, float | None], list[tuple[float, bytes]]]
    said: list[tuple[float, float, str]] = field(default_factory=list)  # (from, to, what)


def _samples(pcm: bytes) -> array[int]:
    samples = array("h")
    samples.frombytes(pcm)
    return samples


class LiveRoom:
    PortAudioError = RoomPortAudioError

    def __init__(
        self,
        person: Person,
        echo_db: float | None = -25.0,
        babble: bytes | None = None,
        babble_gain: float = 0.0,
        limit_seconds: float = 120.0,
        seed: str = "room",
    ) -> None:
        self.person = person
        self.echo = 10 ** (echo_db / 20) if echo_db is not None else 0.0
        self.babble = _samples(babble) if babble else None
        self.babble_gain = babble_gain
        self.limit = limit_seconds
        self.now = 0.0
        self.mic_pos = 0
        self.track = array("d")  # everything but the floor, at 16 kHz, from time 0
        self.rng = random.Random(seed)
        self.prompt_text = ""
        self.prompts: list[tuple[float, float, str]] = []  # (start, end, text)
        self.aborted = 0
        self._prompt_start = 0.0

    # -- the sounddevice module's shape --------------------------------------------------------

    def check_input_settings(self, **settings: Any) -> None:
        return None

    def check_output_settings(self, **settings: Any) -> None:
        return None

    def RawInputStream(self, **settings: Any) -> _Input:
        assert settings["samplerate"] == RATE and settings["dtype"] == "int16"
        return _Input(self)

    def RawOutputStream(self, **settings: Any) -> _Output:
        return _Output(self, int(settings["samplerate"]))

    # -- the room ------------------------------------------------------------------------------

    def _add(self, at: float, samples: array[int] | array[float], gain: float) -> None:
        start = int(at * RATE)
        need = start + len(samples)
        if len(self.track) < need:
            self.track.extend([0.0] * (need - len(self.track)))
        for i, value in enumerate(samples):
            self.track[start + i] += gain * value

    def speak(self, at: float, pcm: bytes, what: str = "") -> None:
        """The person says `pcm` starting at `at` seconds on the clock."""
        samples = _samples(pcm)
        self._add(at, samples, 1.0)
        self.person.said.append((at, at + len(samples) / RATE, what))

    def _cue(self, ended: float | None) -> None:
        for delay, pcm in self.person.react(self.prompt_text, self._prompt_start, ended):
            self.speak((ended if ended is not None else self._prompt_start) + delay, pcm,
                       self.prompt_text[:30])

    def mic(self, start: int, count: int) -> bytes:
        out = array("h")
        floor = 0.002 * 32767 / math.sqrt(3)
        for i in range(start, start + count):
            value = self.track[i] if i < len(self.track) else 0.0
            if self.babble is not None:
                value += self.babble_gain * self.babble[i % len(self.babble)]
            value += self.rng.gauss(0.0, floor)
            out.append(max(-32768, min(32767, int(value))))
        return out.tobytes()


class _Input:
    def __init__(self, room: LiveRoom) -> None:
        self.room = room

    def start(self) -> None:
        # A stream opened now hears from now on.
        self.room.mic_pos = max(self.room.mic_pos, int(self.room.now * RATE))

    def close(self) -> None:
        return None

    @property
    def read_available(self) -> int:
        return max(0, int(self.room.now * RATE) - self.room.mic_pos)

    def read(self, frames: int) -> tuple[bytes, bool]:
        room = self.room
        start = room.mic_pos
        room.mic_pos += frames
        room.now = max(room.now, room.mic_pos / RATE)  # waits for the audio
        if room.now > room.limit:
            raise EndOfInput
        return room.mic(start, frames), False


class _Output:
    def __init__(self, room: LiveRoom, rate: int) -> None:
        self.room = room
        self.rate = rate
        self.state: Any = None

    def __enter__(self) -> _Output:
        room = self.room
        room._prompt_start = room.now
        room._cue(None)
        return self

    def __exit__(self, *exc: object) -> None:
        room = self.room
        room.prompts.append((room._prompt_start, room.now, room.prompt_text))
        room._cue(room.now)

    def write(self, data: bytes) -> bool:
        room = self.room
        converted, self.state = audioop.ratecv(data, 2, 1, self.rate, RATE, self.state)
        if room.echo:
            room._add(room.now, _samples(converted), room.echo)
        room.now += len(data) / 2 / self.rate
        return False

    def abort(self) -> None:
        self.room.aborted += 1


class TellingSpeaker(Speaker):
    """A `Speaker` that tells the room what it is about to say (for the person's cues)."""

    def __init__(self, room: LiveRoom, *args: Any) -> None:
        super().__init__(*args)
        self.room = room

    def say(self, text: str, who: str) -> str | None:
        self.room.prompt_text = text
        return super().say(text, who)


def silence(seconds: float) -> bytes:
    return bytes(2 * int(seconds * RATE))
