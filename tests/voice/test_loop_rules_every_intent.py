"""The voice loop's safety rules over every intent of the model, in every way it can be heard.

For each intent, one exact phrase of it, heard: sure, not sure, doubted (each reason), or not
an exact phrase at all; as an answer to a question and as the reply to a read-back. The rules
(docs/voice.md, skill/voice/talk.py) must hold in every case:

- what is not an exact phrase, or is doubted, is never sent;
- an emergency phrase is sent at once, sure or not; doubted, the number is said at once;
- an answer that changes what happens next is sent only when sure, else read back;
- a read-back is confirmed by a sure yes only.
"""

from __future__ import annotations

import pytest
from voice_helpers import nlu_for, run_scripted

from skill.voice.phrases import AT_ONCE, YES, build_phrases, consequential
from skill.voice.talk import MAYBE_EMERGENCY, NOT_CAUGHT, YES_OR_NO

DOUBTS = ("contraction", "negation", "unsupported", "contradicted")
WAYS = ("sure", "unsure", *DOUBTS, "not a phrase")


def one_phrase_per_intent() -> dict[str, str]:
    chosen: dict[str, str] = {}
    for phrase in build_phrases(nlu_for("en-US"), lambda word: True).phrases:
        chosen.setdefault(phrase.intent, phrase.text)
    return chosen


PHRASES = one_phrase_per_intent()


def scripted(text: str, way: str) -> str:
    """The fake recogniser's script for hearing `text` this way (voice_helpers.FakeRecognizer)."""
    if way == "sure":
        return text
    if way == "unsure":
        return f"{text}?"
    if way == "not a phrase":
        return f"#{text}"
    return f"{way}:{text}"


def test_every_intent_of_the_model_is_covered() -> None:
    assert set(PHRASES) == set(nlu_for("en-US").model.intents) - {"AMAZON.FallbackIntent"}
    assert set(PHRASES) >= AT_ONCE


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("intent", sorted(PHRASES))
def test_as_an_answer(intent: str, way: str) -> None:
    run = run_scripted([scripted(PHRASES[intent], way)])
    turn = run.exchanges[1]
    said = turn.said or ""
    if way in (*DOUBTS, "not a phrase"):
        assert turn.intent is None and run.sent == [] and turn.action == "not caught"
        if way != "not a phrase" and intent in AT_ONCE:
            assert said.startswith(MAYBE_EMERGENCY.format(number="9 1 1"))
        elif way in ("contraction", "negation", "contradicted"):
            assert said.startswith(YES_OR_NO)
        else:
            assert said.startswith(NOT_CAUGHT)
    elif intent in AT_ONCE:
        assert turn.action == "sent at once" and turn.intent == intent
    elif way == "unsure" and consequential(intent):
        assert turn.action == "read back" and run.sent == []
    else:
        assert turn.action == "sent" and run.sent[0] == turn.intent


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("intent", sorted(PHRASES))
def test_as_the_reply_to_a_read_back(intent: str, way: str) -> None:
    run = run_scripted(["no?", scripted(PHRASES[intent], way)])
    assert run.exchanges[1].action == "read back"
    reply = run.exchanges[2]
    if intent in AT_ONCE and way in ("sure", "unsure"):
        assert reply.action == "sent at once" and run.sent == [intent]
    elif intent == YES and way == "sure":
        assert reply.action == "confirmed" and run.sent == ["AMAZON.NoIntent"]
    else:
        assert run.sent == []  # the read-back answer is not sent, nor is the reply
        if intent in AT_ONCE and way in DOUBTS:
            assert "call 9 1 1 now" in (reply.said or "")
