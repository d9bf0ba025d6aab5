"""Where the person's turns come from and where the skill's turns go.

Ears: `Microphone` (sounddevice) or `AudioFiles` (`--from-audio`, one WAV file per turn).
Mouths: `Speaker` (sounddevice), `AudioDir` (`--to-audio`, one WAV file per spoken turn), or
`Mute`. `Microphone` and `Speaker` share one `SoundDevice`, so that speaking over a question
(barge-in) stops it: while a question plays the microphone is read too, and once the end-of-speech
detector hears speech start, playback is cut and what is being said becomes the next utterance.

sounddevice is imported lazily and can be replaced by any object with its shape (`RawInputStream`,
`RawOutputStream`, `check_input_settings`, `check_output_settings`, `PortAudioError`): the tests
use a fake one. Only the raw (bytes) streams are used, so numpy is not needed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from skill.voice.endpoint import Complete, Listener, Utterance, speech_in
from skill.voice.errors import VoiceUnavailable, missing_portaudio, no_device
from skill.voice.wav import RATE, read_wav, write_wav

LISTEN_TIMEOUT = 8.0  # seconds of no speech before a turn counts as silence
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
        barge_in: bool = True,
        need_input: bool = True,
        need_output: bool = True,
        timeout: float = LISTEN_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sd = sd if sd is not None else load_sounddevice()
        self.barge_in = barge_in and need_input
        self.timeout = timeout
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
        """Play `pcm`; True if the person spoke over it (their words are kept as `pending`)."""
        self.interrupted = False
        chunk = max(2, int(rate * PLAY_CHUNK_SECONDS) * 2)
        listener = Listener(complete=self.complete) if self.barge_in else None
        frame_samples = listener.frame_bytes // 2 if listener else 0
        with self._guard(), self.sd.RawOutputStream(
            samplerate=rate, channels=1, dtype="int16"
        ) as out:
            mic = self._input(frame_samples) if listener else None
            try:
                if mic is not None:
                    mic.start()
                for offset in range(0, len(pcm), chunk):
                    out.write(pcm[offset : offset + chunk])
                    if mic is None or listener is None:
                        continue
                    while mic.read_available >= frame_samples:
                        data, _overflowed = mic.read(frame_samples)
                        listener.feed(bytes(data))
                    if listener.started:
                        self.interrupted = True
                        out.abort()
                        break
                if self.interrupted and mic is not None and listener is not None:
                    self.pending = self._finish(mic, listener, frame_samples)
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
            return self._record(listener, frame_samples)

    def _record(self, listener: Listener, frame_samples: int) -> Utterance | None:
        mic = self._input(frame_samples)
        try:
            mic.start()
            deadline = self._clock() + self.timeout
            while not listener.started and self._clock() < deadline:
                data, _overflowed = mic.read(frame_samples)
                listener.feed(bytes(data))
            if not listener.started:
                return None
            return self._finish(mic, listener, frame_samples)
        finally:
            mic.close()

    @staticmethod
    def _finish(mic: Any, listener: Listener, frame_samples: int) -> Utterance | None:
        while not listener.done:
            data, _overflowed = mic.read(frame_samples)
            listener.feed(bytes(data))
        return listener.finish()


class Microphone:
    def __init__(self, device: SoundDevice) -> None:
        self.device = device
        self.source = "microphone"

    def use(self, complete: Complete) -> None:
        """End speech sooner once the recogniser hears a whole answer (`endpoint.Listener`)."""
        self.device.complete = complete

    def listen(self) -> Utterance | None:
        barged = self.device.pending is not None
        utterance = self.device.record()
        self.source = "microphone (spoke over the question)" if barged else "microphone"
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
