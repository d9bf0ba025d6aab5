"""Whole spoken conversations: synthetic people answer, the skill's outcome is checked.

Each person hears what was last said and answers as a person would (a new question: their
answer; "I heard X. Is that right?": yes or no; "didn't catch that": the same again; the
keyboard, when offered: they type it). Every recording they use is kept, and the same list is
then replayed through `neck-twitch talk --from-audio ... --to-audio DIR --json`, which must
give the same conversation and outcome.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from voice_helpers import (
    EMERGENCY,
    PROVIDER,
    SELF_CARE,
    Policy,
    SyntheticPerson,
    all_clear,
    emergency,
    new_simulator,
    nlu_for,
    warning_sign,
)

from skill.cli import main
from skill.voice.phrases import polarity
from skill.voice.synth import AudioCache, Condition
from skill.voice.talk import Exchange, Talk

CASES: list[tuple[str, Policy, Condition, re.Pattern[str]]] = [
    ("all clear", all_clear, Condition("en-us", 150, "quiet"), SELF_CARE),
    ("all clear, noisy", all_clear, Condition("en-gb", 185, "moderate"), SELF_CARE),
    ("all clear, very noisy", all_clear, Condition("en-us", 150, "heavy"), SELF_CARE),
    ("weakness", warning_sign("weakness or clumsiness", "yes"),
     Condition("en-us+f3", 185, "quiet"), PROVIDER),
    ("walking, noisy", warning_sign("walking or balance", "yes it has"),
     Condition("en-us", 185, "moderate"), PROVIDER),
    ("can't breathe", emergency("i can't breathe"), Condition("en-us", 150, "quiet"), EMERGENCY),
    ("choking, noisy", emergency("i'm choking"), Condition("en-us+f3", 150, "moderate"),
     EMERGENCY),
    ("face drooping", emergency("my face is drooping"), Condition("en-gb", 150, "quiet"),
     EMERGENCY),
]


@pytest.fixture(scope="module")
def recognizer(voice_tools: None) -> object:
    from skill.voice.recognizer import Recognizer

    return Recognizer(nlu_for("en-US"))


class Transcript:
    def __init__(self, person: SyntheticPerson, exchanges: list[Exchange]) -> None:
        self.person = person
        self.exchanges = exchanges

    @property
    def final(self) -> str:
        return [e for e in self.exchanges if e.by == "skill" and e.said][-1].said or ""


def converse(
    policy: Policy,
    condition: Condition,
    cache: AudioCache,
    recognizer: object,
    locale: str = "en-US",
) -> Transcript:
    from skill.voice.audio import Mute

    person = SyntheticPerson(policy, condition, cache, nlu_for(locale))
    talk = Talk(new_simulator(locale), recognizer, person, Mute(), person.keyboard,  # type: ignore[arg-type]
                lambda e: None)
    person.talk = talk
    return Transcript(person, talk.run())


def _meant(transcript: Transcript) -> list[tuple[Exchange, str]]:
    """Each exchange that heard a recording, with what the person meant by it."""
    listened = [e for e in transcript.exchanges if e.source and e.source != "keyboard"]
    assert len(listened) == len(transcript.person.meant)
    return list(zip(listened, transcript.person.meant, strict=True))


@pytest.mark.parametrize(("name", "policy", "condition", "outcome"), CASES,
                         ids=[c[0] for c in CASES])
def test_spoken_conversation_reaches_the_right_outcome(
    name: str,
    policy: Policy,
    condition: Condition,
    outcome: re.Pattern[str],
    audio_cache: AudioCache,
    recognizer: object,
) -> None:
    transcript = converse(policy, condition, audio_cache, recognizer)
    assert transcript.exchanges[-1].ended, [e.to_json() for e in transcript.exchanges]
    assert outcome.search(transcript.final), transcript.final
    if outcome is not SELF_CARE:
        assert not SELF_CARE.search(transcript.final)
    # Nothing was passed to the skill with the opposite meaning of what the person said.
    nlu = nlu_for("en-US")
    for exchange, meant in _meant(transcript):
        if exchange.intent is None:
            continue
        said = polarity(nlu.understand(meant).intent)
        sent = polarity(exchange.intent)
        assert said is None or sent is None or said == sent, exchange.to_json()
    if outcome is EMERGENCY:
        at_once = [e for e in transcript.exchanges if e.intent == "EmergencyIntent"]
        assert at_once and at_once[0].action == "sent at once"


def test_a_conversation_replays_through_the_command_line(
    audio_cache: AudioCache, recognizer: object, tmp_path: Path
) -> None:
    policy = warning_sign("weakness or clumsiness", "yes")
    transcript = converse(policy, Condition("en-us", 150, "moderate"), audio_cache, recognizer)
    files = [str(p) for p in transcript.person.files]
    out = tmp_path / "said"
    result = CliRunner().invoke(
        main,
        ["talk", "--fresh", "--json", "--from-audio", *files, "--to-audio", str(out)],
        input="".join(f"{line}\n" for line in transcript.person.typed),
    )
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.output.splitlines()]
    assert [t["action"] for t in turns] == [e.action for e in transcript.exchanges]
    outcome = [t for t in turns if t["by"] == "skill"][-1]
    assert PROVIDER.search(outcome["said"]) and outcome["ended"]
    # "Book an appointment": the desk voice offers a calendar reminder; this person says no.
    assert [t["action"] for t in turns[-2:]] == ["calendar offer", "calendar declined"]
    assert turns[-1]["ended"] and turns[-1]["calendar"] is None
    for turn in turns[1:]:
        if turn["heard"] is not None:
            assert {"text", "confidence", "intent", "sure"} <= set(turn["heard"])
    written = sorted(out.glob("*.wav"))
    assert written and len(written) == sum(len(t["audio"]) for t in turns)
    assert written[0].name == "001-skill.wav"


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en-GB", "999"), ("en-AU", "Triple Zero"), ("en-IN", "112"), ("en-CA", "911")],
)
def test_every_locale_listens_with_its_own_phrases_and_says_its_own_number(
    locale: str, number: str, audio_cache: AudioCache
) -> None:
    from skill.voice.recognizer import Recognizer

    recognizer = Recognizer(nlu_for(locale))
    assert len(recognizer.phrases.phrases) > 1000
    transcript = converse(
        emergency("i can't breathe"), Condition("en-gb", 150, "quiet"), audio_cache, recognizer,
        locale,
    )
    assert transcript.final.startswith(f"Please call {number}"), transcript.final
    recognizer.close()
