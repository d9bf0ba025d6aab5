"""The voice loop's safety rules, with a fake recogniser (no audio needed: these always run)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from voice_helpers import EMERGENCY, PROVIDER, SELF_CARE, FakeRecognizer, nlu_for, run_scripted

from skill.voice.endpoint import Utterance
from skill.voice.recognizer import Hearing
from skill.voice.talk import (
    DENIED,
    MAYBE_EMERGENCY,
    NOT_CAUGHT,
    OFFER_KEYBOARD,
    QUIET_ROOM_SNR_DB,
    decide,
    hear_answer,
)

NOS = ["no"] * 30


def test_sure_answers_go_straight_to_the_skill_and_all_clear_is_self_care() -> None:
    run = run_scripted(NOS)
    assert SELF_CARE.search(run.final.said or "")
    assert run.final.ended
    # Nothing read back: the loop's only words are its calendar offer after the outcome.
    assert [e.action for e in run.exchanges if e.by == "host"] == [
        "calendar offer", "calendar declined"]


def test_an_unsure_answer_is_read_back_and_sent_only_after_yes() -> None:
    run = run_scripted(["no?", "yes", *NOS])
    read_back = run.exchanges[1]
    assert read_back.action == "read back"
    assert read_back.said == 'I heard "no". Is that right?'
    assert read_back.intent is None  # nothing sent yet
    confirmed = run.exchanges[2]
    assert confirmed.action == "confirmed" and confirmed.intent == "AMAZON.NoIntent"
    assert ("yes", True) in run.recognizer.calls  # heard with the yes/no-only model


def test_a_read_back_denied_sends_nothing_and_asks_again() -> None:
    run = run_scripted(["no?", "no", "yes", *NOS])
    denied = run.exchanges[2]
    assert denied.action == "denied" and denied.intent is None
    said = denied.said or ""
    assert said.startswith(DENIED) and "?" in said  # the question again
    yes = run.exchanges[3]
    assert yes.action == "sent" and yes.intent == "AMAZON.YesIntent"


def test_unrecognised_speech_is_never_an_answer() -> None:
    run = run_scripted(["#i have a headache", "#mumble", "no", *NOS])
    first, second = run.exchanges[1], run.exchanges[2]
    for exchange in (first, second):
        assert exchange.action == "not caught"
        assert exchange.intent is None
        assert (exchange.said or "").startswith(NOT_CAUGHT)
    assert run.sent[0] == "AMAZON.NoIntent"


def test_after_two_failed_tries_the_keyboard_is_offered() -> None:
    run = run_scripted(["#mumble", "#mumble", *NOS], typed=["yes"])
    typed = run.exchanges[3]
    assert ("host", OFFER_KEYBOARD) in run.mouth.said
    assert typed.action == "typed" and typed.typed == "yes"
    assert typed.intent == "AMAZON.YesIntent"


def test_no_keyboard_means_listening_again() -> None:
    run = run_scripted(["#mumble", "no?", "nope", *NOS], typed=[])
    actions = [e.action for e in run.exchanges[1:6]]
    assert actions == ["not caught", "read back", "denied", "no keyboard", "sent"]


def test_an_emergency_phrase_is_answered_with_the_number_at_once_even_unsure() -> None:
    run = run_scripted(["i can't breathe?"])
    exchange = run.exchanges[1]
    assert exchange.action == "sent at once"
    assert exchange.intent == "EmergencyIntent"
    assert EMERGENCY.search(exchange.said or "")
    assert exchange.ended
    assert len(run.exchanges) == 2  # no read-back before the number


def test_an_emergency_phrase_in_reply_to_a_read_back_is_sent_at_once() -> None:
    run = run_scripted(["no?", "i'm choking?"])
    assert run.exchanges[2].action == "sent at once"
    assert EMERGENCY.search(run.exchanges[2].said or "")


def test_an_unsure_yes_to_a_warning_sign_is_read_back_then_leads_to_a_provider() -> None:
    # breathing, short of breath, swallowing, speech: no; weakness: yes (unsure), then confirmed.
    run = run_scripted(["no", "no", "no", "no", "yes?", "yes", *NOS])
    assert run.exchanges[5].action == "read back"
    assert run.exchanges[6].intent == "AMAZON.YesIntent"
    assert PROVIDER.search(run.final.said or "")
    assert not SELF_CARE.search(run.final.said or "")


def test_requests_that_change_nothing_are_sent_without_a_read_back_when_sure() -> None:
    run = run_scripted(["say that again", *NOS])
    assert run.exchanges[1].action == "sent"
    assert run.exchanges[1].intent == "AMAZON.RepeatIntent"


def test_a_request_heard_unsure_is_sent_when_the_n_best_back_it() -> None:
    """The fake's "unsure" is backed by 40% of the n best, none meaning anything else."""
    run = run_scripted(["say that again?", *NOS])
    assert run.exchanges[1].action == "sent"
    assert run.exchanges[1].intent == "AMAZON.RepeatIntent"


def test_a_request_heard_unsure_in_a_loud_room_is_not_sent_and_gets_the_number() -> None:
    """There an emergency was heard as "what": the question is asked again, with the number."""
    run = run_scripted(["!say that again?", *NOS])
    assert run.exchanges[1].action == "not caught" and run.exchanges[1].intent is None
    assert (run.exchanges[1].said or "").startswith(MAYBE_EMERGENCY.format(number="9 1 1"))


@pytest.mark.parametrize(("agreement", "rival", "snr_db", "alarmed"), [
    (0.2, None, 20.0, False),  # a room that is not quiet: the n best must back it
    (0.0, None, 20.0, False),
    (0.8, "yes", 30.0, False),  # another meaning among the n best, in any room
    (0.0, None, 30.0, True),  # emergency words heard among the n best
])
def test_a_request_the_n_best_do_not_back_is_not_sent(
    agreement: float, rival: str | None, snr_db: float, alarmed: bool
) -> None:
    """"what" / "hang on" heard unsure may be a misheard answer: the question is asked again."""
    hearing = FakeRecognizer(nlu_for()).hear(b"say that again?", snr_db=snr_db)
    assert decide(hearing) == "sent"
    unbacked = replace(hearing, agreement=agreement, rival=rival, alarmed=alarmed)
    assert decide(unbacked) == "not caught"


@pytest.mark.parametrize("agreement", [0.0, 0.2])
def test_in_a_quiet_room_a_request_is_sent_on_the_best_hypothesis_when_nothing_else_is_heard(
    agreement: float,
) -> None:
    """The n best of "say that again" heard right were no phrase at all ("a lot again")."""
    hearing = replace(FakeRecognizer(nlu_for()).hear(b"why do you ask?", snr_db=30.0),
                      agreement=agreement)
    assert decide(hearing) == "sent"
    assert decide(hearing, overlapped=True) == "not caught"  # spoken over the prompt
    assert decide(replace(hearing, rescued=True)) == "not caught"  # found only in the n best
    assert decide(replace(hearing, snr_db=QUIET_ROOM_SNR_DB - 0.5)) == "not caught"


def test_a_lifestyle_answer_not_sure_is_read_back_never_sent_as_a_request() -> None:
    """"probably not" was heard as "probably all" and sent: a lifestyle answer shapes advice."""
    hearing = FakeRecognizer(nlu_for()).hear(b"probably all?", snr_db=30.0)
    assert hearing.intent == "LifestyleIntent"
    assert decide(hearing) == "read back"
    assert decide(replace(hearing, sure=True)) == "sent"


def test_silence_gets_the_reprompt_once_then_the_session_closes() -> None:
    run = run_scripted(["", ""])
    assert run.exchanges[1].action == "silence"
    assert run.exchanges[1].said and not run.exchanges[1].ended
    assert run.exchanges[2].ended


def test_when_the_recordings_run_out_the_session_is_ended() -> None:
    run = run_scripted(["no", "no"])
    assert run.exchanges[-1].action == "end of input"
    assert run.exchanges[-1].ended


def test_other_locales_speak_their_own_number() -> None:
    run = run_scripted(["i can't breathe?"], locale="en-GB")
    assert run.final.said and run.final.said.startswith("Please call 999")


def test_a_doubted_emergency_phrase_gets_the_number_at_once_but_is_not_sent() -> None:
    # Heard as an emergency with nothing among the n best agreeing: maybe "of course not".
    run = run_scripted(["unsupported:i'm choking", "no"])
    doubted = run.exchanges[1]
    assert doubted.action == "not caught" and doubted.by == "host"
    assert doubted.intent is None
    assert (doubted.said or "").startswith(
        "Sorry, I didn't catch that. If this is an emergency, call 9 1 1 now."
    )
    assert not doubted.ended
    assert run.sent == ["AMAZON.NoIntent"]  # the next clear answer goes on


def test_a_doubted_emergency_in_reply_to_a_read_back_gets_the_number_too() -> None:
    run = run_scripted(["no?", "contradicted:i can't breathe", "no"], locale="en-GB")
    assert run.exchanges[2].action == "not caught"
    assert "call 9 9 9 now" in (run.exchanges[2].said or "")
    assert "EmergencyIntent" not in run.sent


@pytest.mark.parametrize("doubt", ["contraction", "negation", "contradicted"])
def test_an_answer_doubted_for_its_negation_is_asked_as_yes_or_no(doubt: str) -> None:
    run = run_scripted([f"{doubt}:i did", "no"])
    assert run.exchanges[1].action == "not caught"
    assert (run.exchanges[1].said or "").startswith("Sorry, was that a yes or a no?")
    assert run.sent == ["AMAZON.NoIntent"]


def test_a_lone_hypothesis_is_simply_not_caught() -> None:
    run = run_scripted(["unsupported:no", "no"])
    assert (run.exchanges[1].said or "").startswith("Sorry, I didn't catch that. ")
    assert "emergency" not in (run.exchanges[1].said or "")
    assert run.sent == ["AMAZON.NoIntent"]


@pytest.mark.parametrize("whole", ["urgent", "emergency doubted"])
def test_an_emergency_heard_in_the_whole_is_not_replaced_by_its_last_stretch(whole: str) -> None:
    """In 20 dB babble "my face is drooping" was heard whole as "nah my face is drooping" (no
    phrase, emergency words) and its last stretch as "i'm fine", read back with no number."""
    fake = FakeRecognizer(nlu_for())

    class Recognizer:
        def hear(self, pcm: bytes, confirm: bool = False,
                 snr_db: float | None = None) -> Hearing:
            if pcm.startswith(b"#"):  # the whole
                heard = fake.hear(pcm, confirm, snr_db)
                if whole == "urgent":
                    return replace(heard, urgent=True, alarmed=True)
                return replace(heard, meant="EmergencyIntent", doubt="unsupported")
            return fake.hear(pcm, confirm, snr_db)

    said = b"#nah my face is drooping|i'm fine"
    utterance = Utterance(said, snr_db=20.0, pauses=(said.index(b"|") + 1,))
    assert fake.hear(utterance.tail()).intent == "AMAZON.NoIntent"  # the stretch alone
    hearing, corrected = hear_answer(Recognizer(), utterance)
    assert corrected
    assert hearing.text == "nah my face is drooping i'm fine"  # the whole
    assert decide(hearing, overlapped=corrected) == "number given"


def test_a_correction_after_a_pause_is_still_heard_by_its_last_stretch() -> None:
    said = b"#no wait|yes"
    utterance = Utterance(said, snr_db=30.0, pauses=(said.index(b"|") + 1,))
    hearing, corrected = hear_answer(FakeRecognizer(nlu_for()), utterance)
    assert corrected and hearing.intent == "AMAZON.YesIntent"
    assert decide(hearing, overlapped=corrected) == "read back"
