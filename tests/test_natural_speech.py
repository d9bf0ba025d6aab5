"""Whole-stack handling of people's own words: answers with detail, denials, emergencies at any
point, navigation, questions about the skill, and a fallback that gets better, not louder."""

from __future__ import annotations

import pytest
from skilltest import Dialog, resolved_slot

from skill.alexa import constants as names
from skill.content import content_for

CONTENT = content_for("en-US")

YES, NO = names.YES, names.NO
SCREEN_END = "or sudden severe headache?"
WEAKNESS = ("Any weakness or clumsiness, like trouble gripping, doing up buttons, writing, "
            "or dropping things?")


def symptom(words: str, value_id: str | None = None) -> dict[str, dict[str, object]]:
    return resolved_slot("symptom", words, value_id)


def reach(dialog: Dialog, ending: str) -> None:
    dialog.launch()
    for _ in range(30):
        if dialog.speech.endswith(ending):
            return
        dialog.say(NO)
    raise AssertionError(f"never asked {ending!r}")


def test_yes_with_a_symptom_in_own_words_answers_and_notes_it(dialog: Dialog) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(names.YES_DETAIL, symptom("my right arm feels weak"))
    check = dialog.attributes["check"]
    assert check["answers"]["swallowing"] == "yes"
    assert check["signs"] == ["weakness"]
    assert dialog.speech.startswith("Thanks, I've noted weakness or clumsiness.")


def test_yes_with_detail_about_the_pending_sign_is_not_noted_twice(dialog: Dialog) -> None:
    reach(dialog, WEAKNESS)
    dialog.say(names.YES_DETAIL, symptom("my right arm feels weak"))
    assert dialog.speech == "Did the weakness start suddenly, even if it's better now?"


def test_yes_about_an_hour_ago_to_a_sudden_question_is_an_emergency(dialog: Dialog) -> None:
    reach(dialog, WEAKNESS)
    dialog.say(YES)
    dialog.say(names.YES_DETAIL, symptom("about an hour ago"))
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


@pytest.mark.parametrize("words", ["speech is fine", "speech is normal", "voice is the same"])
def test_no_with_detail_answers_no_and_records_nothing(dialog: Dialog, words: str) -> None:
    reach(dialog, "Has your speech become slurred or changed?")
    dialog.say(names.NO_DETAIL, symptom(words))
    check = dialog.attributes["check"]
    assert check["answers"]["speech"] == "no" and check["signs"] == []


def test_no_but_a_symptom_after_it_still_counts(dialog: Dialog) -> None:
    reach(dialog, "Has your speech become slurred or changed?")
    dialog.say(names.NO_DETAIL, symptom("hand is numb though"))
    assert "numbness" in dialog.speech and dialog.speech.endswith("Is that right?")  # read back
    dialog.say(YES)
    check = dialog.attributes["check"]
    assert check["answers"]["speech"] == "no" and check["signs"] == ["numbness"]


@pytest.mark.parametrize(("words", "value_id"), [
    ("trouble swallowing", "swallowing"), ("real trouble swallowing", None),
    ("problems when I swallow", None),
])
def test_a_denial_never_records_the_sign(dialog: Dialog, words: str,
                                         value_id: str | None) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(names.DENY_SYMPTOM, symptom(words, value_id))
    check = dialog.attributes["check"]
    assert check["answers"]["swallowing"] == "no", dialog.speech
    assert check["signs"] == [] and check["unrecognised"] == []


def test_a_denial_of_another_sign_answers_nothing(dialog: Dialog) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(names.DENY_SYMPTOM, symptom("tingling", "numbness"))
    check = dialog.attributes["check"]
    assert "swallowing" not in check["answers"] and check["signs"] == []
    assert dialog.speech.endswith("Any trouble swallowing, or choking on food or drink?")


@pytest.mark.parametrize("step", [0, 3, 8])
def test_emergency_words_at_any_point_give_the_number_first(dialog: Dialog, step: int) -> None:
    dialog.launch()
    for _ in range(step):
        dialog.say(NO)
    dialog.say(names.EMERGENCY)
    assert dialog.ended
    assert dialog.speech.startswith("Please call 911 now")
    assert dialog.card is not None and dialog.card["title"] == "Call 911 now"


def test_a_one_shot_emergency_needs_no_session(dialog: Dialog) -> None:
    dialog.say(names.EMERGENCY)  # "Alexa, tell neck twitch check I can't breathe"
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_a_one_shot_symptom_starts_a_check_with_it(dialog: Dialog) -> None:
    dialog.say(names.REPORT_SYMPTOM, symptom("tingling", "numbness"))
    assert dialog.speech.startswith(CONTENT.text("launch.welcome"))
    assert "I've noted numbness" in dialog.speech and dialog.speech.endswith(SCREEN_END)
    assert dialog.attributes["check"]["signs"] == ["numbness"]


def test_an_emergency_in_a_symptom_slots_words_is_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, symptom("face is drooping on one side"))
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_words_that_are_no_symptom_are_not_understood_not_named_back(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, symptom("going to the shops later"))
    assert dialog.speech.startswith("Sorry, I didn't catch that.")
    assert dialog.attributes["check"]["unrecognised"] == []


@pytest.mark.parametrize(("intent", "words"), [
    (names.REPORT_SYMPTOM, "not sure what you mean"), (names.DENY_SYMPTOM, "idea really"),
    (names.YES_DETAIL, "sometimes I suppose"), (names.LIFESTYLE, "a little I'm not sure"),
])
def test_a_hedge_in_any_words_is_a_not_sure(dialog: Dialog, intent: str, words: str) -> None:
    reach(dialog, WEAKNESS)
    slot = "factor" if intent == names.LIFESTYLE else "symptom"
    dialog.say(intent, resolved_slot(slot, words, None,
                                     "FactorType" if slot == "factor" else "SymptomType"))
    assert dialog.speech.startswith("No problem, let me explain."), dialog.speech
    assert dialog.attributes["check"]["explained"] == "weakness"
    assert "weakness" not in dialog.attributes["check"]["answers"]


def test_go_back_asks_the_previous_question_again(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(NO)  # no stroke sign, even one that passed
    dialog.say(YES)  # breathless
    dialog.say(names.GO_BACK)
    assert dialog.speech == "Okay, going back. Are you short of breath when resting or lying flat?"
    assert dialog.attributes["check"]["answers"] == {"screen": "no", "stroke_signs": "no"}
    dialog.say(NO)
    assert dialog.attributes["check"]["answers"] == {"screen": "no", "stroke_signs": "no",
                                                      "breathless": "no"}


def test_go_back_at_the_start_says_so(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.GO_BACK)
    assert dialog.speech.startswith("This is the first question.")


def test_go_back_never_drops_a_volunteered_sign(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(names.REPORT_SYMPTOM, symptom("tingling", "numbness"))
    dialog.say(names.GO_BACK)
    assert dialog.attributes["check"]["signs"] == ["numbness"]


def test_how_many_more_questions(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.PROGRESS)
    assert "About 16 more questions" in dialog.speech and dialog.speech.endswith(SCREEN_END)
    reach(dialog, "or long hours at a screen?")
    dialog.say(names.PROGRESS)
    assert dialog.speech.startswith("This is the last question.")


@pytest.mark.parametrize(("intent", "expected"), [
    (names.CAUSES, "Common causes are stress"),
    (names.SERIOUS, "I can't tell what's causing your twitch"),
    (names.SOURCES, "NHS"),
])
def test_questions_about_twitching_are_answered_then_the_check_goes_on(
        dialog: Dialog, intent: str, expected: str) -> None:
    dialog.launch()
    dialog.say(NO)
    before = dict(dialog.attributes["check"])
    dialog.say(intent)
    assert expected in dialog.speech
    assert "harmless and come and go" not in dialog.speech
    assert dialog.speech.endswith(CONTENT.text("questions.stroke_signs.ask"))
    assert dialog.attributes["check"] == before


def test_is_it_als_is_honest_and_says_when_to_call(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.SERIOUS, resolved_slot("condition", "ALS", "als", "ConditionType"))
    assert "can't rule anything in or out" in dialog.speech and "doctor" in dialog.speech
    assert "call 911 now" in dialog.speech
    assert "ALS" not in dialog.speech and "most are harmless" not in dialog.speech.lower()


def test_lifestyle_mentioned_mid_check_is_kept_for_the_tips(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.LIFESTYLE, resolved_slot("factor", "stressed", "stress", "FactorType"))
    assert dialog.speech.startswith("Thanks, I'll bear that in mind")
    assert dialog.speech.endswith(SCREEN_END)
    assert dialog.attributes["check"]["factors"] == ["stress"]
    assert "lifestyle_done" in dialog.attributes["check"]


def test_fallback_gets_better_not_louder(dialog: Dialog) -> None:
    reach(dialog, WEAKNESS)
    dialog.say(names.FALLBACK)
    hint = "You can say yes, no, or not sure."
    assert dialog.speech == f"Sorry, I didn't catch that. {hint} {WEAKNESS}"
    dialog.say(names.FALLBACK)
    assert dialog.speech.startswith("Sorry, I still didn't get that. If you have this, say yes.")
    dialog.say(names.FALLBACK)
    assert dialog.ended
    assert dialog.speech.startswith("I'm having trouble understanding, so let's stop here.")
    assert "medical help" in dialog.speech and "Goodbye" in dialog.speech


def test_fallback_after_a_warning_sign_ends_with_its_advice(dialog: Dialog) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(YES)  # swallowing: a provider today
    for _ in range(3):
        dialog.say(names.FALLBACK)
    assert dialog.ended and "contact a healthcare provider today" in dialog.speech
    assert dialog.card is not None and dialog.card["title"] == "Contact a healthcare provider today"


def test_an_understood_turn_resets_the_fallback_count(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.FALLBACK)
    dialog.say(names.FALLBACK)
    dialog.say(NO)
    dialog.say(names.FALLBACK)
    assert dialog.speech.startswith("Sorry, I didn't catch that.") and not dialog.ended


@pytest.mark.parametrize("question", ["screen", "weakness_sudden"])
def test_every_fallback_on_an_emergency_question_says_when_to_call(
        dialog: Dialog, question: str) -> None:
    if question == "screen":
        dialog.launch()
    else:
        reach(dialog, WEAKNESS)
        dialog.say(YES)
    for _ in range(3):
        dialog.say(names.FALLBACK)
        assert "happening now, call 911 now." in dialog.speech


def test_a_no_with_a_reason_answers_no(dialog: Dialog) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(names.REPORT_SYMPTOM, symptom("eat like a horse so definitely not"))
    assert dialog.attributes["check"]["answers"]["swallowing"] == "no"


def test_a_hedge_beside_another_sign_does_not_hedge_the_pending_question(dialog: Dialog) -> None:
    reach(dialog, "Any trouble swallowing, or choking on food or drink?")
    dialog.say(names.REPORT_SYMPTOM, symptom("guess my hand is numb"))
    dialog.say(YES)  # "Just to check, I heard numbness ... Is that right?"
    check = dialog.attributes["check"]
    assert check["signs"] == ["numbness"] and check["explained"] is None
    assert "swallowing" not in check["answers"]
