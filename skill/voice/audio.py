"""Where the person's turns come from and where the skill's turns go.

Ears: `Microphone` (sounddevice) or `AudioFiles` (`--from-audio`, one WAV file per turn).
Mouths: `Speaker` (sounddevice), `AudioDir` (`--to-audio`, one WAV file per spoken turn), or
`Mute`. `Microphone` and `Speaker` share one `SoundDevice`, on one audio clock: while a prompt
plays the microphone is read too, so speech that starts before the prompt has ended is known as
such (`Utterance.overlapped`: the voice loop never takes it as the reply to a read-back). Speech
during a prompt counts only when the detector hears it and it stands `GATE_DB` above both the
room and the skill's own echo (the microphone's median level during the prompt so far).
Barge-in, off unless asked for, only stops the prompt, and only after `BARGE_IN_SECONDS` of such
speech; what is being said becomes the next utterance, marked as spoken over the prompt.

sounddevice is imported lazily and can be replaced by any object with its shape (`RawInputStream`,
`RawOutputStream`, `check_input_settings`, `check_output_settings`, `PortAudioError`): the tests
use a fake one. Only the raw (bytes) streams are used, so numpy is not needed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from skill.voice.endpoint import Complete, Listener, Utterance, frame_power, speech_in
from skill.voice.errors import VoiceUnavailable, missing_portaudio, no_device
from skill.voice.wav import RATE, read_wav, write_wav

LISTEN_TIMEOUT = 8.0  # seconds of no speech before a turn counts as silence
# While a prompt plays, speech must stand this far above the room and the prompt's own echo.
GATE_DB = 10.0
# Barge-in (when on) stops the prompt after this much gated speech.
BARGE_IN_SECONDS = 0.3
# Speech the detector heard (ungated) at the very end of a prompt, continuing into an utterance
# that starts within this long after it, makes that utterance one spoken over the prompt.
OVERLAP_GRACE = 0.3
PLAY_CHUNK_SECONDS = 0.03
SPEECH_RATE = 22050  # espeak-ng's output rate: what the speaker must play


class EndOfInput(Exception):
    """No more turns: the audio files ran out."""


class Ear(Protocol):
    def listen(self) -> Utterance | None:
        """The next utterance; None for silence; EndOfInput when there is nothing left."""

    @property
    def source(self) -> str:
        """Where the last utterance came from (a file name, "microphone")."""


class Mouth(Protocol):
    def say(self, text: str, who: str) -> str | None:
        """Speak `text` (or save it); the file written, if any. `who`: "skill" or "host"."""


class Voice(Protocol):
    def synthesise(self, text: str) -> tuple[bytes, int]:
        """(16-bit mono PCM, sample rate) for `text`."""


def load_sounddevice() -> Any:
    try:
        import sounddevice
    except ImportError:
        raise VoiceUnavailable(
            "sounddevice is not installed (pip install 'neck-twitch-check[voice]'), so there is "
            "no microphone or speaker; use --from-audio FILE... (with --to-audio DIR or --mute), "
            "or type with `neck-twitch simulate`"
        ) from None
    except OSError as exc:  # sounddevice raises OSError when libportaudio2 is missing
        raise missing_portaudio(str(exc)) from None
    return sounddevice


class SoundDevice:
    """The default microphone and speaker, through sounddevice."""

    def __init__(
        self,
        sd: Any = None,
        barge_in: bool = False,
        need_input: bool = True,
        need_output: bool = True,
        timeout: float = LISTEN_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sd = sd if sd is not None else load_sounddevice()
        self.barge_in = barge_in and need_input
        self.need_input = need_input
        self.timeout = timeout
        self.room_power = 0.0  # the quiet room's level, from the background of the last listen
        self._speech_at_end = False  # the detector heard speech as the last prompt ended
        self._clock = clock
        self.pending: Utterance | None = None
        self.interrupted = False
        # The recogniser's "is this already a whole answer?", for the end of speech.
        self.complete: Complete | None = None
        error = getattr(self.sd, "PortAudioError", OSError)
        if need_input:
            try:
                self.sd.check_input_settings(samplerate=RATE, channels=1, dtype="int16")
            except (error, ValueError) as exc:
                raise no_device("microphone", _one_line(exc)) from None
        if need_output:
            try:
                self.sd.check_output_settings(samplerate=SPEECH_RATE, channels=1, dtype="int16")
            except (error, ValueError) as exc:
                raise no_device("speaker", _one_line(exc)) from None

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """A device that fails mid-conversation (unplugged, busy) is a one-line error too."""
        try:
            yield
        except (getattr(self.sd, "PortAudioError", OSError), OSError) as exc:
            raise no_device("working microphone or speaker", _one_line(exc)) from None

    def _input(self, frame_samples: int) -> Any:
        return self.sd.RawInputStream(
            samplerate=RATE, channels=1, dtype="int16", blocksize=frame_samples
        )

    def play(self, pcm: bytes, rate: int) -> bool:
        """Play `pcm`, listening meanwhile. True if barge-in stopped it. Speech that started
        during the prompt is heard to its end and kept as `pending`, marked as spoken over."""
        self.interrupted = False
        self._speech_at_end = False
        chunk = max(2, int(rate * PLAY_CHUNK_SECONDS) * 2)
        listener = Listener(complete=self.complete) if self.need_input else None
        frame_samples = listener.frame_bytes // 2 if listener else 0
        gate = EchoGate(self.room_power)
        recent: list[bool] = []
        with self._guard():
            mic = self._input(frame_samples) if listener else None
            try:
                if mic is not None and listener is not None:
                    mic.start()
                    listener.gate = gate
                with self.sd.RawOutputStream(samplerate=rate, channels=1, dtype="int16") as out:
                    for offset in range(0, len(pcm), chunk):
                        out.write(pcm[offset : offset + chunk])
                        gate.playing(pcm[offset : offset + chunk])
                        if mic is None or listener is None:
                            continue
                        while mic.read_available >= frame_samples and not listener.done:
                            data, _overflowed = mic.read(frame_samples)
                            listener.feed(bytes(data))
                            recent = [*recent[-(END_FRAMES - 1):], listener.last_speech]
                        if self.barge_in and gate.run * listener.frame_seconds >= BARGE_IN_SECONDS:
                            self.interrupted = True
                            out.abort()
                            break
                # The prompt is over (played out, or stopped by barge-in).
                if mic is not None and listener is not None:
                    listener.gate = None
                    self._speech_at_end = any(recent)
                    if listener.started:
                        utterance = self._finish(mic, listener, frame_samples)
                        if utterance is not None:
                            self.pending = replace(utterance, overlapped=True)
            finally:
                if mic is not None:
                    mic.close()
        return self.interrupted

    def record(self) -> Utterance | None:
        """The next utterance from the microphone, or None after `timeout` of silence."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            return pending
        listener = Listener(complete=self.complete)
        frame_samples = listener.frame_bytes // 2
        with self._guard():
            utterance = self._record(listener, frame_samples)
        if utterance is None:
            return None
        if self._speech_at_end and (utterance.start or 0.0) < OVERLAP_GRACE:
            utterance = replace(utterance, overlapped=True)
        self._speech_at_end = False
        return utterance

    def _record(self, listener: Listener, frame_samples: int) -> Utterance | None:
        mic = self._input(frame_samples)
        try:
            mic.start()
            deadline = self._clock() + self.timeout
            while not listener.started and self._clock() < deadline:
                data, _overflowed = mic.read(frame_samples)
                listener.feed(bytes(data))
            if not listener.started:
                self.room_power = listener.background_power()
                return None
            utterance = self._finish(mic, listener, frame_samples)
            self.room_power = listener.background_power()
            return utterance
        finally:
            mic.close()

    @staticmethod
    def _finish(mic: Any, listener: Listener, frame_samples: int) -> Utterance | None:
        while not listener.done:
            data, _overflowed = mic.read(frame_samples)
            listener.feed(bytes(data))
        return listener.finish()


END_FRAMES = 6  # the last frames of a prompt whose (ungated) speech makes `_speech_at_end`


class EchoGate:
    """While a prompt plays: speech counts only when the detector hears it and the frame stands
    `GATE_DB` above the room and above the prompt's echo. The echo is what is being played
    (the loudest of the last `ECHO_CHUNKS` chunks) times the coupling from speaker to
    microphone, learnt during the prompt as the median ratio of the microphone's level to the
    played level (the person speaks over a prompt for less than half of it)."""

    def __init__(self, room_power: float) -> None:
        self.room = room_power
        self.played: list[float] = []
        self.ratios: list[float] = []
        self.run = 0  # consecutive frames of gated speech

    def playing(self, chunk: bytes) -> None:
        self.played = [*self.played[-(ECHO_CHUNKS - 1):], frame_power(chunk)]

    def __call__(self, heard: bool, power: float) -> bool:
        played = max(self.played, default=0.0)
        if played > 1.0:
            self.ratios.append(power / played)
        ordered = sorted(self.ratios)
        coupling = ordered[len(ordered) // 2] if ordered else 0.0
        floor = max(self.room, coupling * played, 1.0)
        speech = heard and power >= floor * 10 ** (GATE_DB / 10)
        self.run = self.run + 1 if speech else 0
        return speech


ECHO_CHUNKS = 4  # 0.12 s of what was played: the echo's delay and the room's reverberation


class Microphone:
    def __init__(self, device: SoundDevice) -> None:
        self.device = device
        self.source = "microphone"

    def use(self, complete: Complete) -> None:
        """End speech sooner once the recogniser hears a whole answer (`endpoint.Listener`)."""
        self.device.complete = complete

    def listen(self) -> Utterance | None:
        utterance = self.device.record()
        spoke_over = utterance is not None and utterance.overlapped
        self.source = "microphone (spoke over the question)" if spoke_over else "microphone"
        return utterance


class Speaker:
    def __init__(self, device: SoundDevice, voice: Voice) -> None:
        self.device = device
        self.voice = voice

    def say(self, text: str, who: str) -> str | None:
        self.device.play(*self.voice.synthesise(text))
        return None


class AudioFiles:
    """`--from-audio`: each file is one turn of the person's; a file with no speech is silence."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = list(paths)
        for path in self.paths:
            if not path.is_file():
                raise VoiceUnavailable(f"audio file not found: {path}")
        self._next = 0
        self.source = ""
        self.complete: Complete | None = None

    def use(self, complete: Complete) -> None:
        """End speech sooner once the recogniser hears a whole answer (`endpoint.Listener`)."""
        self.complete = complete

    @property
    def remaining(self) -> int:
        return len(self.paths) - self._next

    def listen(self) -> Utterance | None:
        if self._next >= len(self.paths):
            raise EndOfInput
        path = self.paths[self._next]
        self._next += 1
        self.source = str(path)
        return speech_in(read_wav(path), complete=self.complete)


class AudioDir:
    """`--to-audio`: each spoken turn as NNN-<who>.wav in a folder."""

    def __init__(self, folder: Path, voice: Voice) -> None:
        self.voice = voice
        if folder.exists() and not folder.is_dir():
            raise VoiceUnavailable(f"--to-audio {folder}: not a directory")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VoiceUnavailable(f"--to-audio {folder}: {exc.strerror or exc}") from None
        self.folder = folder
        self.count = 0

    def say(self, text: str, who: str) -> str | None:
        self.count += 1
        path = self.folder / f"{self.count:03d}-{who}.wav"
        write_wav(path, *self.voice.synthesise(text))
        return str(path)


class Mute:
    def say(self, text: str, who: str) -> str | None:
        return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
