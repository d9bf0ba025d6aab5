"""Start-up: the welcome is spoken before the NLU and the recogniser are made, and nothing is
heard until they are (`skill.voice.startup`, `skill.voice.later`)."""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from voice_helpers import FakeRecognizer, ScriptedEar, WordsMouth, new_simulator, nlu_for

from skill.simulator.nlu import DEFAULT_INTENT_THRESHOLD, Nlu
from skill.voice.errors import VoiceUnavailable
from skill.voice.later import Later
from skill.voice.startup import DeferredNlu, DeferredRecognizer, VoiceOptions
from skill.voice.synth import AudioCache
from skill.voice.talk import Talk


def test_later_makes_its_value_once_in_the_first_caller_when_never_started() -> None:
    made: list[str] = []

    def make() -> str:
        made.append(threading.current_thread().name)
        return "value"

    later = Later(make, "test")
    assert not later.started and not later.done
    assert later.get() == "value"
    assert later.get() == "value"
    assert made == [threading.current_thread().name]
    assert later.done


def test_later_started_makes_it_on_its_own_thread_and_get_waits_for_it() -> None:
    release = threading.Event()
    made: list[str] = []

    def make() -> int:
        release.wait(5)
        made.append(threading.current_thread().name)
        return 7

    later = Later(make, "maker")
    later.start()
    later.start()  # a second start changes nothing
    assert later.started and not later.done
    release.set()
    assert later.get() == 7
    assert made == ["maker"]


def test_an_error_while_making_is_raised_to_every_caller() -> None:
    def make() -> int:
        raise VoiceUnavailable("no recogniser")

    later: Later[int] = Later(make)
    later.start()
    for _ in range(2):
        with pytest.raises(VoiceUnavailable, match="no recogniser"):
            later.get()


def test_the_deferred_nlu_has_its_model_at_once_and_understands_as_the_nlu_does() -> None:
    options = VoiceOptions("en-US", "voice", None, None, None, None, None, True,
                           reminders=False)
    try:
        nlu = options.nlu("en-US")
        assert isinstance(nlu, DeferredNlu) and isinstance(nlu, Nlu)
        assert nlu.model.locale == "en-US"
        assert not nlu.built.started  # nothing made yet: the launch needs only the model
        simulator = options.simulator()
        assert simulator.nlu is nlu
        assert not nlu.built.started
        reference = nlu_for("en-US")
        for said in ("no", "i have trouble walking", "i can't breathe", "play some jazz"):
            got, want = nlu.understand(said), reference.understand(said)
            assert (got.intent, got.method) == (want.intent, want.method), said
        assert nlu.built.done
        assert nlu.invocation_key == reference.invocation_key  # the rest of the NLU's tables
    finally:
        options.close()


def test_a_missing_recogniser_is_reported_at_once_not_after_the_welcome(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec

    def without_pocketsphinx(name: str, *args: object) -> object:
        return None if name == "pocketsphinx" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", without_pocketsphinx)
    with pytest.raises(VoiceUnavailable, match="pocketsphinx"):
        DeferredRecognizer(nlu_for("en-US"), None)


def test_closing_a_recogniser_never_made_neither_makes_nor_waits_for_it(tmp_path: Path) -> None:
    deferred = DeferredRecognizer(nlu_for("en-US"), tmp_path)
    deferred.close()
    assert not deferred.built.started
    assert list(tmp_path.iterdir()) == []


def test_the_loop_starts_the_making_after_the_launch_turn_before_the_welcome_is_spoken() -> None:
    events: list[str] = []
    mouth = WordsMouth()

    class Watching(WordsMouth):
        def say(self, text: str, who: str) -> str | None:
            events.append(f"said by {who}")
            return mouth.say(text, who)

    simulator = new_simulator()
    launch = simulator.say

    def say(utterance: str):  # type: ignore[no-untyped-def]
        events.append(f"sent {utterance!r}")
        return launch(utterance)

    simulator.say = say  # type: ignore[method-assign]
    talk = Talk(simulator, FakeRecognizer(nlu_for("en-US")), ScriptedEar(["stop"]), Watching(),
                None, lambda e: None, after_launch=lambda: events.append("making started"))
    talk.run()
    assert events[:3] == [f"sent {simulator.launch_phrase!r}", "making started",
                          "said by skill"]
    assert events.count("making started") == 1


def test_a_started_recogniser_hears_as_the_recogniser_does(audio_cache: AudioCache) -> None:
    from skill.voice.endpoint import speech_in
    from skill.voice.recognizer import Recognizer, default_cache_dir
    from skill.voice.synth import Condition
    from skill.voice.wav import read_wav

    nlu = DeferredNlu(nlu_for("en-US").model, DEFAULT_INTENT_THRESHOLD)
    deferred = DeferredRecognizer(nlu, default_cache_dir())
    deferred.start()
    utterance = speech_in(read_wav(audio_cache.get("nope", Condition("en-us", 150, "quiet"))))
    assert utterance is not None
    heard = deferred.hear(utterance.pcm, snr_db=utterance.snr_db)
    assert nlu.built.done  # made on the way, on the recogniser's thread
    direct = Recognizer(nlu_for("en-US"), cache=default_cache_dir())
    same = direct.hear(utterance.pcm, snr_db=utterance.snr_db)
    assert replace(heard, seconds=0.0) == replace(same, seconds=0.0)
    assert (heard.text, heard.intent) == ("nope", "AMAZON.NoIntent")
    deferred.close()
    direct.close()
