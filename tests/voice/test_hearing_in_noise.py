"""Hearing in an office: Silero VAD against babble, the garbage model, command words, emergency
words, and the echo gate (real audio where it matters; the office report is the long test)."""

from __future__ import annotations

import math
from array import array

import pytest
from voice_helpers import nlu_for

from skill.voice.audio import GATE_DB, EchoGate
from skill.voice.endpoint import SileroDetector, Utterance, WebRtcDetector, speech_in
from skill.voice.office import OfficeAudio, Voice, mix
from skill.voice.recognizer import Recognizer, default_cache_dir, garbage_words
from skill.voice.talk import decide, hear_answer
from skill.voice.vad_compare import truth

VOICE = Voice("espeak", "en-us")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory, voice_tools: None) -> OfficeAudio:
    return OfficeAudio(tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="module")
def recognizer(voice_tools: None) -> Recognizer:
    # The session's cache (a temporary $XDG_CACHE_HOME): built once for this module and
    # test_recognizer_rules.py.
    return Recognizer(nlu_for("en-US"), cache=default_cache_dir())


def test_the_tail_is_the_speech_after_the_last_pause() -> None:
    utterance = Utterance(b"LLno|wait|yes", snr_db=None, lead_bytes=2, pauses=(5, 10))
    assert utterance.tail() == b"LLyes"
    assert Utterance(b"LLno", snr_db=None, lead_bytes=2).tail() == b"LLno"


def test_the_echo_gate_lets_through_speech_above_the_echo_only() -> None:
    gate = EchoGate(room_power=100.0)
    loud = array("h", [3000] * 480).tobytes()
    for _ in range(20):  # the prompt plays; the microphone hears it 20 dB down
        gate.playing(loud)
        assert not gate(True, 3000.0**2 / 100)
    assert not gate(True, 3000.0**2 / 100 * 10 ** (GATE_DB / 10) * 0.9)
    assert gate(True, 3000.0**2 / 100 * 10 ** (GATE_DB / 10) * 1.1)
    assert not gate(False, 1e9)  # loud, but the detector hears no speech


def test_silero_finds_the_words_and_ends_soon_after(office: OfficeAudio) -> None:
    pcm = office.recording(VOICE, "i have trouble walking", "slow", "clean", "tuning")
    real = truth(office.clean(VOICE, "i have trouble walking", "slow"))
    assert real is not None
    utterance = speech_in(pcm, detector=SileroDetector())
    assert utterance is not None and utterance.start is not None and utterance.end is not None
    assert abs(utterance.start - real[0]) < 0.15
    assert -0.1 < utterance.end - real[1] < 0.3


def test_in_babble_speech_is_only_the_person_at_the_microphone(office: OfficeAudio) -> None:
    """At 20 dB the babble before and after the words is not speech for Silero with the margin
    over the background; the old detector ran from the first frame to the end of the clip."""
    pcm = office.recording(VOICE, "i can't breathe", "slow", "20 dB", "tuning")
    real = truth(office.clean(VOICE, "i can't breathe", "slow"))
    assert real is not None
    now = speech_in(pcm)
    assert now is not None and now.start is not None and now.end is not None
    assert abs(now.start - real[0]) < 0.2 and now.end < real[1] + 0.4
    before = speech_in(pcm, detector=WebRtcDetector(), above_background_db=None)
    assert before is not None and before.end is not None and before.end > now.end


def test_garbage_words_are_in_no_phrase(recognizer: Recognizer) -> None:
    from skill.voice.recognizer import Pronunciations

    garbage = garbage_words(recognizer.phrases, Pronunciations())
    assert len(garbage) > 150
    assert not set(garbage) & recognizer.phrases.words


@pytest.mark.parametrize("text", ["i need to buy some milk later", "play some music",
                                  "help", "stop", "repeat"])
def test_non_answers_and_commands_never_become_yes_or_no(
    office: OfficeAudio, recognizer: Recognizer, text: str
) -> None:
    for noise in ("clean", "20 dB"):
        pcm = office.recording(VOICE, text, "slow", noise, "tuning")
        utterance = speech_in(pcm, complete=recognizer.complete)
        if utterance is None:
            continue
        hearing, forced = hear_answer(recognizer, utterance)
        from skill.voice.phrases import AT_ONCE, polarity

        assert polarity(hearing.intent) is None or decide(hearing, forced).startswith(
            "read back"), (noise, hearing.text)
        assert hearing.intent not in AT_ONCE, (noise, hearing.text)


def test_emergency_words_in_speech_not_taken_give_the_number(recognizer: Recognizer) -> None:
    """A hypothesis that is no phrase but holds an emergency word is `urgent`; the loop then
    gives the number (`decide`: "number given")."""
    quiet = mix(bytes(32000), None, None, "quiet")
    hearing = recognizer.hear(quiet)
    assert not hearing.urgent
    assert "breathe" in recognizer._urgent_words and "milk" not in recognizer._urgent_words
    from dataclasses import replace

    urgent = replace(hearing, text="can breathe the", understanding=None, urgent=True)
    assert decide(urgent) == "number given"


def test_mixing_keeps_the_requested_signal_to_noise_ratio(office: OfficeAudio) -> None:
    from skill.voice.office import _samples, speech_power

    clean = office.clean(VOICE, "yes", "slow")
    noisy = office.recording(VOICE, "yes", "slow", "10 dB", "tuning")
    a, b = _samples(clean), _samples(noisy)
    noise = array("d", (y - x for x, y in zip(a, b, strict=True)))
    power = sum(n * n for n in noise) / len(noise)
    # the babble's level varies along it: within 1.5 dB over one short clip
    assert 10 * math.log10(speech_power(a) / power) == pytest.approx(10.0, abs=1.5)
