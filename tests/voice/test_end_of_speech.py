"""End of speech: a request ends after a short pause; an answer, or anything else, is heard whole
(it waits for the long pause).

Real synthesised speech through the real voice activity detector (`endpoint.Listener`); the
recogniser's `complete` is real too where it matters.
"""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from voice_helpers import nlu_for

from skill.voice.endpoint import LONG_PAUSE, SHORT_PAUSE, Listener, speech_in
from skill.voice.recognizer import Recognizer
from skill.voice.synth import LEAD_SILENCE, AudioCache, Condition
from skill.voice.wav import RATE, read_wav

QUIET = Condition("en-us", 150, "quiet")


def frames_to_end(pcm: bytes, complete: object = None) -> tuple[Listener, float]:
    """The listener after the recording, and the audio time (s) at which it ended."""
    listener = Listener(complete=complete)  # type: ignore[arg-type]
    size = listener.frame_bytes
    for start in range(0, len(pcm), size):
        listener.feed(pcm[start : start + size])
        if listener.done:
            break
    return listener, listener.frames * listener.frame_seconds


def silence(seconds: float) -> bytes:
    return bytes(int(seconds * RATE) * 2)


@pytest.fixture(scope="module")
def recognizer(voice_tools: None) -> Recognizer:
    return Recognizer(nlu_for("en-US"))


def test_a_whole_answer_ends_after_the_short_pause(audio_cache: AudioCache) -> None:
    pcm = read_wav(audio_cache.get("nope", QUIET))
    asked: list[bytes] = []

    def whole(speech: bytes) -> float:
        asked.append(speech)
        return SHORT_PAUSE

    early, early_end = frames_to_end(pcm, whole)
    late, late_end = frames_to_end(pcm)
    assert early.done and early.ended_early and late.done and not late.ended_early
    assert len(asked) == 1  # asked once, at the pause
    assert late_end - early_end == pytest.approx(LONG_PAUSE - SHORT_PAUSE, abs=0.035)
    # What was offered is exactly what is heard: one decoding serves both.
    utterance = early.finish()
    assert utterance is not None and utterance.pcm == asked[0]


def test_the_listener_waits_as_long_as_it_is_told(audio_cache: AudioCache) -> None:
    pcm = read_wav(audio_cache.get("definitely", QUIET))
    _, short_end = frames_to_end(pcm, lambda speech: SHORT_PAUSE)
    listener, later_end = frames_to_end(pcm, lambda speech: 0.3)
    assert listener.ended_early
    assert later_end - short_end == pytest.approx(0.3 - SHORT_PAUSE, abs=0.035)


def test_a_pause_inside_a_sentence_does_not_cut_it(audio_cache: AudioCache) -> None:
    # "i have ... trouble walking" with a pause of about 0.35 s: longer than the short pause,
    # shorter than the long one. The first half is not a whole answer, so the listener waits.
    first = read_wav(audio_cache.get("i have", QUIET))
    second = read_wav(audio_cache.get("trouble walking", QUIET))
    second = second[int((LEAD_SILENCE - 0.05) * RATE) * 2 :]  # keep 0.05 s before the words
    first_speech = speech_in(first)  # ends SHORT_PAUSE after the words
    assert first_speech is not None
    halting = first_speech.pcm + silence(0.35 - SHORT_PAUSE - 0.05) + second
    whole = speech_in(halting)
    assert whole is not None
    offered: list[int] = []

    def not_yet(speech: bytes) -> float | None:
        offered.append(len(speech))
        return None if len(speech) < len(first_speech.pcm) + RATE else SHORT_PAUSE

    utterance = speech_in(halting, complete=not_yet)
    assert utterance is not None
    assert len(utterance.pcm) > len(first_speech.pcm) + len(second) // 2
    assert len(offered) >= 2  # asked at the pause, and again at the end
    # Had the first half been a whole answer, it would have ended at the pause.
    cut = speech_in(halting, complete=lambda speech: SHORT_PAUSE)
    assert cut is not None and len(cut.pcm) < len(first_speech.pcm) + len(second) // 4


def test_the_recogniser_says_how_long_to_wait(
    recognizer: Recognizer, audio_cache: AudioCache
) -> None:
    def heard(words: str) -> bytes:
        utterance = speech_in(read_wav(audio_cache.get(words, QUIET)))
        assert utterance is not None
        return utterance.pcm

    # A request that changes nothing ends at the short pause.
    assert recognizer.complete(heard("say that again")) == SHORT_PAUSE
    # An answer is heard whole: "no" may go on as "no idea", or "no, wait, yes".
    for answer in ("nope", "no", "definitely", "i have trouble walking"):
        assert recognizer.complete(heard(answer)) is None, answer
    assert recognizer.complete(heard("play some music")) is None  # not a phrase at all


def test_an_answer_is_decoded_once_for_the_end_of_speech_and_the_hearing(
    recognizer: Recognizer, audio_cache: AudioCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[int] = []
    real = recognizer._decode

    def counting(pcm: bytes, search: str | None) -> tuple[list[str], float]:
        decoded.append(len(pcm))
        return real(pcm, search)

    monkeypatch.setattr(recognizer, "_decode", counting)
    utterance = speech_in(read_wav(audio_cache.get("nope", QUIET)), complete=recognizer.complete)
    assert utterance is not None
    before = len(decoded)
    assert before >= 1  # heard at the pause (and checked against the requests)
    hearing = recognizer.hear(utterance.pcm, snr_db=utterance.snr_db)
    assert hearing.text == "nope" and len(decoded) == before  # not decoded again
    assert hearing.snr_db == utterance.snr_db


def test_a_file_turn_ends_where_the_recogniser_says(
    recognizer: Recognizer, audio_cache: AudioCache
) -> None:
    from skill.voice.audio import AudioFiles

    path = audio_cache.get("nope", QUIET)
    files = AudioFiles([path])
    files.use(recognizer.complete)
    from_file = files.listen()
    direct = speech_in(read_wav(path), complete=recognizer.complete)
    assert from_file is not None and direct is not None and from_file.pcm == direct.pcm


def test_digital_silence_in_a_file_gets_a_quiet_rooms_floor(
    recognizer: Recognizer, tmp_path: Path
) -> None:
    from skill.voice.audio import AudioFiles
    from skill.voice.endpoint import room_tone
    from skill.voice.synth import speak_to_pcm
    from skill.voice.wav import write_wav

    clean = speak_to_pcm("yes", "en-us", 150)  # espeak-ng and sox: exact zeros around the word
    toned = room_tone(clean)
    assert toned != clean and len(toned) == len(clean)
    assert toned == room_tone(clean)  # the same file is always heard the same way
    assert room_tone(toned) == toned  # a recording with a noise floor is left as it is
    # Dither (a step or two either way, as sox adds when it resamples) is digital silence too.
    samples = array("h")
    samples.frombytes(clean)
    dithered = array("h", (s + (i * 7919 % 5) - 2 for i, s in enumerate(samples))).tobytes()
    assert dithered.count(bytes(2000)) == 0  # no run of exact zeros left
    assert room_tone(dithered) != dithered
    path = tmp_path / "yes.wav"
    write_wav(path, clean, RATE)
    files = AudioFiles([path])
    files.use(recognizer.complete)
    utterance = files.listen()
    assert utterance is not None
    assert recognizer.hear(utterance.pcm, snr_db=utterance.snr_db).intent == "AMAZON.YesIntent"
