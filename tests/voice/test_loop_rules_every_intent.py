"""The voice loop's safety rules over every intent of the model, every way it can be heard, and
every timing.

For each intent, one exact phrase of it, heard: sure, not sure, doubted (each reason), or not
an exact phrase at all; as an answer to a question and as the reply to a read-back; and said:
after the prompt ended, spoken over the prompt (barge-in or not: it started before the prompt
ended), or as the last stretch of speech after a pause ("mumble ... no"). The rules
(docs/voice.md, skill/voice/talk.py) must hold in every case:

- what is not an exact phrase, or is doubted, is never sent;
- an emergency phrase is sent at once, sure or not; doubted, the number is said at once;
- anything else is sent only when sure, said after the prompt and not after a pause inside
  the speech; else an answer that changes what happens next is read back, and a request that
  changes nothing is not taken (the question is asked again);
- a read-back is confirmed only by a sure yes that started after the read-back ended; a reply
  spoken over the read-back neither confirms nor denies it: it is heard as a new answer.
"""

from __future__ import annotations

import pytest
from voice_helpers import nlu_for, run_scripted

from skill.voice.phrases import AT_ONCE, NO, YES, build_phrases, consequential
from skill.voice.talk import LOUD_ROOM_NUMBER, MAYBE_EMERGENCY, NOT_CAUGHT, READ_BACK, YES_OR_NO

DOUBTS = ("contraction", "negation", "unsupported", "contradicted", "mixed", "command")
WAYS = ("sure", "unsure", *DOUBTS, "not a phrase")
TIMINGS = ("after the prompt", "spoke over the prompt", "after a pause",
           "after the prompt in a loud room")


def one_phrase_per_intent() -> dict[str, str]:
    chosen: dict[str, str] = {}
    for phrase in build_phrases(nlu_for("en-US"), lambda word: True).phrases:
        chosen.setdefault(phrase.intent, phrase.text)
    return chosen


PHRASES = one_phrase_per_intent()


def scripted(text: str, way: str, timing: str = "after the prompt") -> str:
    """The fake recogniser's script for hearing `text` this way (voice_helpers.FakeRecognizer),
    said with this timing (voice_helpers.ScriptedEar)."""
    if way == "sure":
        heard = text
    elif way == "unsure":
        heard = f"{text}?"
    elif way == "not a phrase":
        heard = f"#{text}"
    else:
        heard = f"{way}:{text}"
    if timing == "spoke over the prompt":
        return f"^{heard}"
    if timing == "after a pause":
        return f"#mumble|{heard}"
    if timing == "after the prompt in a loud room":
        return f"!{heard}"
    return heard


def test_every_intent_of_the_model_is_covered() -> None:
    assert set(PHRASES) == set(nlu_for("en-US").model.intents) - {"AMAZON.FallbackIntent"}
    assert set(PHRASES) >= AT_ONCE


def expect_as_an_answer(intent: str, way: str, timing: str) -> str:
    """What the loop does with an answer heard this way, said with this timing."""
    if way in (*DOUBTS, "not a phrase"):
        return "not caught"
    if intent in AT_ONCE:
        loud_and_unsure = way == "unsure" and timing == "after the prompt in a loud room"
        return "not caught" if loud_and_unsure else "sent at once"
    if way == "sure" and timing.startswith("after the prompt"):
        return "sent"
    if not consequential(intent):
        # A request heard unsure but backed by the n best (the fake's "unsure" is 40% of them,
        # no rival) is sent when said after the prompt in a room that is not loud; said over
        # the prompt, after a pause or in a loud room, it is not taken.
        return "sent" if way == "unsure" and timing == "after the prompt" else "not caught"
    return "read back"


def gives_the_number(intent: str, way: str, timing: str) -> bool:
    """Whether the loop says the emergency number instead of (or before) asking again or
    reading back: an emergency phrase doubted, or anything not sent in a loud room."""
    if intent in AT_ONCE:  # the fake hears the emergency's words even when no phrase is taken
        return way in (*DOUBTS, "not a phrase") or expect_as_an_answer(
            intent, way, timing) == "not caught"
    if timing == "after the prompt in a loud room":
        return expect_as_an_answer(intent, way, timing) != "sent"
    return False


@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("intent", sorted(PHRASES))
def test_as_an_answer(intent: str, way: str, timing: str) -> None:
    run = run_scripted([scripted(PHRASES[intent], way, timing)])
    turn = run.exchanges[1]
    said = turn.said or ""
    expected = expect_as_an_answer(intent, way, timing)
    assert turn.action == expected
    number = gives_the_number(intent, way, timing)
    assert ("call 9 1 1 now" in said) == number, said
    if expected == "not caught":
        assert turn.intent is None and run.sent == []
        if number:
            assert said.startswith(MAYBE_EMERGENCY.format(number="9 1 1"))
        elif way in ("contraction", "negation", "contradicted", "mixed"):
            assert said.startswith(YES_OR_NO)
        else:
            assert said.startswith(NOT_CAUGHT)
    elif expected == "read back":
        assert run.sent == [] and said.endswith("right?")
        first = f"{LOUD_ROOM_NUMBER.format(number='9 1 1')} " if number else ""
        assert said.startswith(f'{first}I heard "')
    else:
        assert turn.intent == intent and run.sent[0] == intent
    assert turn.barge_in == (timing == "spoke over the prompt")


@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("intent", sorted(PHRASES))
def test_as_the_reply_to_a_read_back(intent: str, way: str, timing: str) -> None:
    run = run_scripted(["no?", scripted(PHRASES[intent], way, timing)])
    assert run.exchanges[1].action == "read back"
    actions = [e.action for e in run.exchanges[2:]]
    if timing == "spoke over the prompt":
        # Never the read-back's reply: heard as a new answer to the question, as said over it.
        assert "confirmed" not in actions and "denied" not in actions
        assert NO not in run.sent or intent == NO  # the read-back answer is not sent
        assert actions[0] == expect_as_an_answer(intent, way, timing)
        if actions[0] == "read back":
            assert run.sent == []
        return
    reply = run.exchanges[2]
    if intent in AT_ONCE and way in ("sure", "unsure"):
        # The reply to a read-back is heard as an answer first: an emergency is sent at once,
        # in a loud room only when sure (otherwise the number, and nothing sent).
        if way == "unsure" and timing == "after the prompt in a loud room":
            assert run.sent == [] and "call 9 1 1 now" in (reply.said or "")
        else:
            assert reply.action == "sent at once" and run.sent == [intent]
    elif intent == YES and way == "sure" and timing.startswith("after the prompt"):
        # A yes the recogniser is sure of (it needs the speech 10 dB above the room, which
        # the loud room's 12 dB is) confirms.
        assert reply.action == "confirmed" and run.sent == [NO]
    else:
        assert run.sent == []  # the read-back answer is not sent, nor is the reply
        assert reply.action != "confirmed"
        if intent in AT_ONCE and way in DOUBTS:
            assert "call 9 1 1 now" in (reply.said or "")


def test_a_yes_said_over_the_read_back_then_after_it_confirms_only_the_second_time() -> None:
    """"No." (unsure) is read back; "yes" spoken over the read-back does not confirm it: it is
    a new answer, read back in turn; a yes after that read-back confirms the yes."""
    run = run_scripted(["no?", "^yes", "yes"])
    actions = [e.action for e in run.exchanges[1:4]]
    assert actions == ["read back", "read back", "confirmed"]
    assert run.exchanges[2].said == READ_BACK.format(phrase="yes")
    assert run.sent == [YES]


def test_no_wait_yes_in_one_breath_ends_on_the_last_word_with_a_read_back() -> None:
    """The whole is no phrase; its last stretch "yes" is the answer, read back even though the
    recogniser is sure of it; confirmed after the read-back, the yes is sent."""
    run = run_scripted(["#no wait|yes", "yes"])
    first = run.exchanges[1]
    assert first.action == "read back" and first.said == READ_BACK.format(phrase="yes")
    assert run.exchanges[2].action == "confirmed" and run.sent == [YES]
