"""The phrase list, dictionary and language models are kept between runs, keyed by what they
are made from, and a damaged or partial cache entry is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest
from voice_helpers import nlu_for

import skill.voice.recognizer as recognizer_module
from skill.voice.endpoint import speech_in
from skill.voice.phrases import DEFAULT_CAP
from skill.voice.recognizer import CACHE_FILES, Recognizer, cache_key
from skill.voice.synth import AudioCache, Condition
from skill.voice.wav import read_wav

QUIET = Condition("en-us", 150, "quiet")


def heard(recognizer: Recognizer, pcm: bytes) -> str:
    utterance = speech_in(pcm)
    assert utterance is not None
    return recognizer.hear(utterance.pcm).text


def no_building(*args: object, **kwargs: object) -> object:
    raise AssertionError("built again although the cache had it")


def test_a_second_start_uses_the_cache_and_hears_the_same(
    tmp_path: Path, audio_cache: AudioCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlu = nlu_for("en-US")
    recordings = [read_wav(audio_cache.get(words, QUIET)) for words in ("nope", "i'm choking")]
    first = Recognizer(nlu, cache=tmp_path)
    entry = tmp_path / cache_key(nlu, DEFAULT_CAP)
    assert all((entry / name).is_file() for name in CACHE_FILES)
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]  # no partial leftovers
    monkeypatch.setattr(recognizer_module, "build_phrases", no_building)
    second = Recognizer(nlu, cache=tmp_path)
    assert second.phrases == first.phrases
    for pcm in recordings:
        assert heard(second, pcm) == heard(first, pcm)
    assert heard(second, recordings[0]) == "nope"


def test_the_key_changes_with_what_the_files_are_made_from() -> None:
    us, gb = nlu_for("en-US"), nlu_for("en-GB")
    assert cache_key(us, 2500) == cache_key(us, 2500)
    assert cache_key(us, 2500) != cache_key(us, 2000)
    assert cache_key(us, 2500) != cache_key(gb, 2500)
    assert cache_key(gb, 2500).startswith("en-GB-")


@pytest.mark.parametrize("damage", ["truncated", "missing", "bad json"])
def test_a_damaged_entry_is_rebuilt(
    tmp_path: Path, audio_cache: AudioCache, damage: str, voice_tools: None
) -> None:
    nlu = nlu_for("en-US")
    Recognizer(nlu, cache=tmp_path)
    entry = tmp_path / cache_key(nlu, DEFAULT_CAP)
    if damage == "truncated":
        (entry / "phrases.lm").write_text("\\data\\\nngram 1=7\n", encoding="utf-8")
    elif damage == "missing":
        (entry / "confirm.lm").unlink()
    else:
        (entry / "phrases.json").write_text("{not json", encoding="utf-8")
    again = Recognizer(nlu, cache=tmp_path)
    pcm = read_wav(audio_cache.get("nope", QUIET))
    assert heard(again, pcm) == "nope"
    assert len(again.phrases.phrases) > 1000
    # ... and stored whole again, for the next start
    assert all((entry / name).is_file() for name in recognizer_module.CACHE_FILES)
    assert (entry / "phrases.lm").stat().st_size > 10_000
    assert recognizer_module.load_cached(entry) == again.phrases


def test_the_cache_lives_under_xdg_cache_home_or_nowhere_without_a_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert recognizer_module.default_cache_dir() == tmp_path / "neck-twitch" / "voice"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert recognizer_module.default_cache_dir() is None


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, audio_cache: AudioCache
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    recognizer = Recognizer(nlu_for("en-US"), cache=blocked / "voice")
    assert heard(recognizer, read_wav(audio_cache.get("nope", QUIET))) == "nope"
    assert blocked.is_file()
