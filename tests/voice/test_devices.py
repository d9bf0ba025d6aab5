"""Microphone, speaker and barge-in, with a fake sounddevice (never real hardware)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from voice_helpers import nlu_for

from skill.cli import main
from skill.voice.audio import AudioFiles, Microphone, SoundDevice, load_sounddevice
from skill.voice.errors import VoiceUnavailable
from skill.voice.synth import AudioCache, Condition, add_noise
from skill.voice.wav import RATE, read_wav

QUIET = Condition("en-us", 150, "quiet")


class FakePortAudioError(Exception):
    pass


class FakeSoundDevice:
    """Audio time advances as the speaker plays and the microphone is read, as in real time.

    `mic` is what the microphone hears from time 0 (16 kHz mono); after it, silence.
    """

    PortAudioError = FakePortAudioError

    def __init__(self, mic: bytes = b"", has_input: bool = True, has_output: bool = True) -> None:
        self.mic = mic
        self.has_input = has_input
        self.has_output = has_output
        self.now = 0.0
        self.mic_pos = 0
        self.played = bytearray()
        self.out_rate = 0
        self.aborted = False

    def check_input_settings(self, **settings: Any) -> None:
        if not self.has_input:
            raise FakePortAudioError("Error querying device -1")

    def check_output_settings(self, **settings: Any) -> None:
        if not self.has_output:
            raise FakePortAudioError("Error querying device -1")

    def RawInputStream(self, **settings: Any) -> _Input:
        assert settings["samplerate"] == RATE and settings["dtype"] == "int16"
        return _Input(self)

    def RawOutputStream(self, **settings: Any) -> _Output:
        self.out_rate = settings["samplerate"]
        return _Output(self)

    @property
    def played_seconds(self) -> float:
        return len(self.played) / 2 / self.out_rate


class _Input:
    def __init__(self, sd: FakeSoundDevice) -> None:
        self.sd = sd

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass

    @property
    def read_available(self) -> int:
        return max(0, int(self.sd.now * RATE) - self.sd.mic_pos // 2)

    def read(self, frames: int) -> tuple[bytes, bool]:
        start, end = self.sd.mic_pos, self.sd.mic_pos + 2 * frames
        self.sd.now = max(self.sd.now, end / 2 / RATE)  # blocks until the audio is there
        self.sd.mic_pos = end
        data = self.sd.mic[start:end]
        if len(data) < end - start:
            data += add_noise(bytes(end - start - len(data)), None, f"tail{start}")
        return data, False


class _Output:
    def __init__(self, sd: FakeSoundDevice) -> None:
        self.sd = sd

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def write(self, data: bytes) -> bool:
        self.sd.played.extend(data)
        self.sd.now += len(data) / 2 / self.sd.out_rate
        return False

    def abort(self) -> None:
        self.sd.aborted = True


def _floor(seconds: float, seed: str) -> bytes:
    return add_noise(bytes(2 * int(seconds * RATE)), None, seed)


@pytest.fixture(scope="module")
def question(voice_tools: None) -> tuple[bytes, int]:
    from skill.voice.tts import Espeak

    return Espeak("en-US").synthesise(
        "Any weakness or clumsiness, like trouble gripping, doing up buttons, writing, "
        "or dropping things?"
    )


def _speech(audio_cache: AudioCache, text: str) -> bytes:
    return read_wav(audio_cache.get(text, QUIET))


def test_speaking_over_a_question_stops_it_and_is_heard(
    question: tuple[bytes, int], audio_cache: AudioCache
) -> None:
    from skill.voice.recognizer import Recognizer

    pcm, rate = question
    total = len(pcm) / 2 / rate
    assert total > 4
    sd = FakeSoundDevice(mic=_floor(1.5, "lead") + _speech(audio_cache, "no"))
    device = SoundDevice(sd=sd, barge_in=True)
    assert device.play(pcm, rate) is True
    assert sd.aborted
    assert 1.5 < sd.played_seconds < 3.0 < total  # cut soon after the person began
    ear = Microphone(device)
    utterance = ear.listen()
    assert utterance is not None and "spoke over" in ear.source and utterance.overlapped
    hearing = Recognizer(nlu_for("en-US")).hear(utterance.pcm, snr_db=utterance.snr_db)
    assert hearing.intent == "AMAZON.NoIntent"


def test_without_barge_in_speech_over_a_question_is_heard_after_it_marked_as_such(
    question: tuple[bytes, int], audio_cache: AudioCache
) -> None:
    pcm, rate = question
    sd = FakeSoundDevice(mic=_floor(1.5, "lead") + _speech(audio_cache, "no"))
    device = SoundDevice(sd=sd)  # barge-in is off unless asked for
    assert device.play(pcm, rate) is False
    assert bytes(sd.played) == pcm and not sd.aborted
    utterance = Microphone(device).listen()
    assert utterance is not None and utterance.overlapped


def test_without_barge_in_the_whole_question_plays(question: tuple[bytes, int]) -> None:
    pcm, rate = question
    sd = FakeSoundDevice(mic=_floor(0.5, "lead"))
    device = SoundDevice(sd=sd, barge_in=False)
    assert device.play(pcm, rate) is False
    assert bytes(sd.played) == pcm and not sd.aborted


def test_background_noise_does_not_interrupt(question: tuple[bytes, int]) -> None:
    pcm, rate = question
    sd = FakeSoundDevice(mic=_floor(8, "room"))
    assert SoundDevice(sd=sd, barge_in=True).play(pcm, rate) is False
    assert bytes(sd.played) == pcm


def test_the_microphone_hears_one_utterance_then_stops(audio_cache: AudioCache) -> None:
    sd = FakeSoundDevice(mic=_floor(1.0, "a") + _speech(audio_cache, "yes") + _floor(5, "b"))
    utterance = SoundDevice(sd=sd, clock=lambda: sd.now).record()
    assert utterance is not None
    assert 0.3 < len(utterance.pcm) / 2 / RATE < 2.0
    assert sd.now < 4.0  # stopped listening at the end of speech, not the end of the audio
    assert utterance.snr_db is not None and utterance.snr_db > 20


def test_a_device_that_fails_mid_conversation_is_a_one_line_error(voice_tools: None) -> None:
    sd = FakeSoundDevice()

    def broken(**settings: Any) -> None:
        raise FakePortAudioError("Device unavailable")

    device = SoundDevice(sd=sd)
    sd.RawInputStream = broken  # type: ignore[method-assign,assignment]
    with pytest.raises(VoiceUnavailable) as caught:
        device.record()
    assert "Device unavailable" in str(caught.value)
    _one_clear_line(str(caught.value))


def test_silence_at_the_microphone_is_no_answer(voice_tools: None) -> None:
    sd = FakeSoundDevice(mic=_floor(3, "quiet room"))
    assert SoundDevice(sd=sd, timeout=2.0, clock=lambda: sd.now).record() is None
    assert 2.0 <= sd.now < 2.2


def test_a_file_without_speech_is_silence(tmp_path: Path, voice_tools: None) -> None:
    from skill.voice.wav import write_wav

    path = tmp_path / "silence.wav"
    write_wav(path, _floor(2, "file"))
    assert AudioFiles([path]).listen() is None


# -- what happens without devices or packages ------------------------------------------------------


def _one_clear_line(message: str) -> None:
    assert "\n" not in message.strip()
    assert "--from-audio" in message and "neck-twitch simulate" in message


def test_no_microphone_is_a_clear_one_line_error() -> None:
    with pytest.raises(VoiceUnavailable) as caught:
        SoundDevice(sd=FakeSoundDevice(has_input=False))
    assert "no microphone found" in str(caught.value)
    _one_clear_line(str(caught.value))


def test_no_speaker_is_a_clear_one_line_error() -> None:
    with pytest.raises(VoiceUnavailable) as caught:
        SoundDevice(sd=FakeSoundDevice(has_output=False), need_input=False)
    assert "no speaker found" in str(caught.value)
    _one_clear_line(str(caught.value))


def test_missing_portaudio_is_a_clear_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What sounddevice does when libportaudio2 is not installed.
    (tmp_path / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    with pytest.raises(VoiceUnavailable) as caught:
        load_sounddevice()
    message = str(caught.value)
    assert "PortAudio" in message and "apt-get install libportaudio2" in message
    _one_clear_line(message)


def test_missing_sounddevice_is_a_clear_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    with pytest.raises(VoiceUnavailable) as caught:
        load_sounddevice()
    assert "[voice]" in str(caught.value)
    _one_clear_line(str(caught.value))


def test_talk_without_a_microphone_says_what_to_do_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", FakeSoundDevice(has_input=False))
    result = CliRunner().invoke(main, ["talk"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("neck-twitch talk: error: no microphone")
    _one_clear_line(lines[0])


def test_talk_without_the_voice_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from skill.voice.wav import write_wav

    audio = tmp_path / "a.wav"
    write_wav(audio, bytes(3200))
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)
    result = CliRunner().invoke(main, ["talk", "--from-audio", str(audio), "--mute"])
    assert result.exit_code == 2
    assert "pip install 'neck-twitch-check[voice]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--from-audio"], "needs one or more WAV files"),
        (["a.wav"], "without --from-audio"),
        (["--from-audio", "a.wav", "--mute", "--to-audio", "out"], "only one of --mute"),
        (["--from-audio", "missing.wav", "--mute"], "audio file not found"),
        (["--locale", "xx", "--from-audio", "a.wav", "--mute"], "unknown locale"),
    ],
)
def test_talk_rejects_bad_arguments_in_one_line(
    args: list[str], complaint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skill.voice.wav import write_wav

    monkeypatch.chdir(tmp_path)
    write_wav(tmp_path / "a.wav", bytes(3200))
    result = CliRunner().invoke(main, ["talk", *args])
    assert result.exit_code == 2, result.output
    assert complaint in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_whole_check_through_the_talk_command_in_a_live_room(
    audio_cache: AudioCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`neck-twitch talk` with its default devices on a simulated room (`live_room`): the
    person says "no" half a second after each question ends, and "yes" after a read-back."""
    import json

    from live_room import LiveRoom, Person

    from skill.voice.audio import Speaker

    no, yes = _speech(audio_cache, "no"), _speech(audio_cache, "yes")

    def react(prompt: str, started: float, ended: float | None) -> list[tuple[float, bytes]]:
        if ended is None or "?" not in prompt:
            return []
        return [(0.5, yes if prompt.startswith("I heard") else no)]

    room = LiveRoom(Person(react), limit_seconds=400.0)
    real_say = Speaker.say

    def telling(self: Speaker, text: str, who: str) -> str | None:
        room.prompt_text = text
        return real_say(self, text, who)

    monkeypatch.setattr(Speaker, "say", telling)
    monkeypatch.setitem(sys.modules, "sounddevice", room)
    result = CliRunner().invoke(main, ["talk", "--fresh", "--json", "--timeout", "3"], input="")
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.output.splitlines()]
    answers = [t for t in turns if t["heard"] is not None]
    assert answers and all(t["source"] == "microphone" for t in answers)
    assert not any(t["barge_in"] for t in turns)  # nobody spoke over a question
    assert {t["intent"] for t in turns} <= {"AMAZON.NoIntent", None}
    outcome = [t for t in turns if t["by"] == "skill"][-1]
    assert "none of the warning signs" in outcome["said"] and outcome["ended"]
    # Then the calendar offer (a question: the person says no) and a kind goodbye.
    assert [t["action"] for t in turns[-2:]] == ["calendar offer", "calendar declined"]
    assert turns[-1]["ended"] and turns[-1]["calendar"] is None
