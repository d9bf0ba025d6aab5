"""Whole-stack conversations through `lambda_handler`, session attributes carried by the test."""

from __future__ import annotations

import pytest
from skilltest import Dialog, resolved_slot

from skill.alexa import constants as names
from skill.content import content_for

YES, NO = names.YES, names.NO
CONTENT = content_for("en-US")


def answer_all_no(dialog: Dialog) -> int:
    turns = 0
    while not dialog.ended:
        dialog.say(NO)
        turns += 1
        assert turns < 30, "the check never ends"
    return turns


SCREEN = CONTENT.text("questions.screen.ask")
WELCOME = CONTENT.text("launch.welcome")
SWALLOWING = "Any trouble swallowing, or choking on food or drink?"


def answer_until(dialog: Dialog, ending: str) -> None:
    """Answer no until the skill asks the question ending with `ending`."""
    for _ in range(30):
        if dialog.speech.endswith(ending):
            return
        dialog.say(NO)
    raise AssertionError(f"never asked {ending!r}")


def test_launch_welcomes_warns_and_screens_for_emergencies_first(dialog: Dialog) -> None:
    dialog.launch()
    assert dialog.speech.startswith(WELCOME) and "Neck Twitch Check" in WELCOME
    assert "I'm not a doctor" in dialog.speech
    assert len(dialog.speech.split()) < 30  # the whole opening, one breath
    assert dialog.speech.endswith(SCREEN)
    assert dialog.reprompt == f"{SCREEN} You can say yes, no, or not sure."
    assert dialog.ended is False
    assert dialog.card is not None and "not a doctor" in dialog.card["content"]
    assert dialog.attributes["check"]["v"] == 2
    assert dialog.attributes["check"]["answers"] == {}


def test_yes_to_the_screen_is_the_emergency_number_at_once(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(YES)
    assert dialog.ended is True
    assert dialog.speech.startswith("Please call 911 now")
    assert dialog.speech.endswith("Again, call 911 now.")
    assert len(dialog.speech.split()) < 60
    assert dialog.card is not None and dialog.card["title"] == "Call 911 now"


def test_not_sure_about_the_screen_is_explained(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.NOT_SURE)
    assert "chest pain" in dialog.speech and dialog.speech.endswith(SCREEN)
    dialog.say(NO)
    assert dialog.speech == CONTENT.text("questions.stroke_signs.ask")


def test_all_clear_check_ends_in_tailored_self_care(dialog: Dialog) -> None:
    dialog.launch()
    turns = 0
    while "stress, poor sleep" not in dialog.speech:
        dialog.say(NO)
        turns += 1
        assert turns < 16
    assert turns == 15  # fifteen warning-sign questions, then one about lifestyle
    dialog.say(names.LIFESTYLE, {
        **resolved_slot("factor", "stress", "stress", "FactorType"),
        **resolved_slot("factorTwo", "coffee", "caffeine", "FactorType"),
        **resolved_slot("factorThree", "my laptop", "desk", "FactorType")})
    assert dialog.ended is True
    assert dialog.reprompt is None
    assert "Good news: you have none of the warning signs I asked about." in dialog.speech
    assert "Ease stress" in dialog.speech and "coffee" in dialog.speech
    assert "screen break" in dialog.speech and "magnesium" not in dialog.speech
    assert dialog.speech.endswith("call 911 now.")
    card = dialog.card
    assert card is not None and card["type"] == "Simple"
    assert card["title"] == "None of the warning signs I asked about"
    assert "none of the warning signs" in card["content"] and "What to watch for" in card["content"]
    assert "check" not in dialog.attributes


def test_no_lifestyle_factors_gets_the_general_nhs_advice(dialog: Dialog) -> None:
    dialog.launch()
    answer_all_no(dialog)
    assert "Rest" in dialog.speech and "Try not to worry" in dialog.speech


def test_yes_to_lifestyle_asks_which(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, "or long hours at a screen?")
    dialog.say(YES)
    assert dialog.speech.startswith("Which ones?") and not dialog.ended
    dialog.say(names.LIFESTYLE, resolved_slot("factor", "smoking", "nicotine", "FactorType"))
    assert dialog.ended and "smoking or vaping" in dialog.speech


def test_all_of_them_picks_every_tip(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, "or long hours at a screen?")
    dialog.say(names.LIFESTYLE, resolved_slot("factor", "all of them", "all", "FactorType"))
    assert dialog.ended and "Ease stress" in dialog.speech and "sleep" in dialog.speech


def test_swallowing_trouble_is_same_day_not_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, SWALLOWING)
    dialog.say(YES)
    answer_all_no(dialog)
    assert "trouble swallowing" in dialog.speech
    assert "contact a healthcare provider today" in dialog.speech
    assert dialog.card is not None and dialog.card["title"] == "Contact a healthcare provider today"


def test_breathless_at_rest_then_struggling_now_is_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(NO)  # no stroke sign, even one that passed
    dialog.say(YES)
    interim = CONTENT.text("interim.urgent", signs=CONTENT.text("signs.breathless"))
    assert dialog.speech == f"{interim} Are you struggling to breathe right now?"
    dialog.say(YES)
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_sudden_weakness_that_went_away_is_still_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, "or dropping things?")
    dialog.say(YES)
    assert dialog.speech == "Did the weakness start suddenly, even if it's better now?"
    dialog.say(YES)
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")
    assert "even if it seems to have passed" in dialog.speech


def test_numbness_leads_to_a_provider_with_the_reason(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, "Any numbness, tingling, or pain down an arm?")
    dialog.say(YES)
    assert dialog.speech == "Any new trouble controlling your bladder or bowels?"
    dialog.say(NO)
    answer_all_no(dialog)
    assert "numbness, tingling or pain down an arm" in dialog.speech
    assert "trapped nerve in the neck" in dialog.speech
    assert "book an appointment" in dialog.speech
    assert dialog.card is not None and dialog.card["title"].startswith("Book an appointment")


def test_numbness_with_bladder_trouble_is_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, "Any numbness, tingling, or pain down an arm?")
    dialog.say(YES)
    dialog.say(YES)
    assert dialog.ended and dialog.speech.startswith("Please call 911 now")


def test_a_new_medicine_says_not_to_stop_it(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, CONTENT.text("questions.medicine.ask"))
    dialog.say(YES)
    dialog.say(NO)  # not an antidepressant, tramadol or triptan with sweating or fever
    assert dialog.ended
    assert "Don't stop a prescribed medicine without speaking to your doctor" in dialog.speech


def test_not_sure_is_explained_once_then_counted(dialog: Dialog) -> None:
    dialog.launch()
    answer_until(dialog, SWALLOWING)
    dialog.say(names.NOT_SURE)
    assert dialog.speech.startswith("No problem, let me explain.")
    assert "food or drink feeling stuck" in dialog.speech
    assert dialog.speech.endswith(SWALLOWING)
    assert dialog.ended is False
    dialog.say(names.NOT_SURE)
    answer_all_no(dialog)
    assert "You weren't sure about trouble swallowing, so to be safe I've counted it." in (
        dialog.speech)
    assert "You told me about" not in dialog.speech  # no contradiction
    assert "healthcare provider today" in dialog.speech


def test_volunteered_symptom_mid_check(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(names.REPORT_SYMPTOM,
               resolved_slot("symptom", "numbness in my arm", "numbness"))
    assert dialog.speech.startswith("Thanks, I've noted numbness, tingling or pain down an arm.")
    assert dialog.speech.endswith(CONTENT.text("questions.stroke_signs.ask"))
    answer_all_no(dialog)
    assert "numbness" in dialog.speech and "book an appointment" in dialog.speech


def test_volunteered_sudden_weakness_is_an_emergency_at_once(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "face drooping", "sudden_weakness"))
    assert dialog.ended and "call 911 now" in dialog.speech


def test_unrecognised_symptom_is_named_back_and_never_self_care(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "itchy ears", None))
    assert '"itchy ears"' in dialog.speech
    assert "healthcare provider" in dialog.speech
    assert "If it came on suddenly or is severe, call 911 now." in dialog.speech
    assert dialog.speech.endswith(SCREEN)
    answer_all_no(dialog)
    assert '"itchy ears"' in dialog.speech and "book an appointment" in dialog.speech
    assert dialog.card is not None and dialog.card["title"].startswith("Book an appointment")


def test_emergency_words_after_a_noted_sign_put_the_action_first(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "face drooping", "face_droop"))
    assert dialog.speech.startswith("Please call 911 now")  # no "Thanks, I've noted" first


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        (names.HELP, "food or drink feeling stuck"),
        (names.WHY_ASK, "nerves or muscles of the throat"),
        (names.REPEAT, "Do you have trouble swallowing?"),
        (names.FALLBACK, "Sorry, I didn't catch that."),
        (names.LEARN, "A fasciculation is a small, involuntary twitch"),
        ("SomeOtherSkillsIntent", "Sorry, I didn't catch that."),
    ],
)
def test_side_questions_keep_the_answers_and_reask(dialog: Dialog, intent: str,
                                                   expected: str) -> None:
    dialog.launch()
    answer_until(dialog, "Has your speech become slurred or changed?")
    dialog.say(YES)  # speech -> follow-up
    before = dict(dialog.attributes["check"])
    dialog.say(intent)
    sudden = "Did the change in your speech start suddenly, even if it's better now?"
    expected = expected.replace("Do you have trouble swallowing?", sudden)
    if intent == names.HELP:
        expected = "even if it has got better"
    if intent == names.WHY_ASK:
        expected = "sign of a stroke"
    assert expected in dialog.speech
    assert dialog.speech.endswith(sudden)
    assert dialog.ended is False
    assert dialog.attributes["check"] == before


@pytest.mark.parametrize(("slot_id", "expected"), [
    ("causes", "Common causes are stress"), ("spasm", "A spasm or cramp"),
    (None, "A fasciculation is"),
])
def test_learn_topics(dialog: Dialog, slot_id: str | None, expected: str) -> None:
    dialog.launch()
    # No slot id: "what is a fasciculation", a sample without the slot.
    slots = resolved_slot("topic", "x", slot_id, "LearnTopicType") if slot_id else None
    dialog.say(names.LEARN, slots)
    assert expected in dialog.speech and "back to the check" in dialog.speech


def test_a_learn_topic_it_cannot_explain_is_not_answered_with_another(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.LEARN, resolved_slot("topic", "my weight got to do with it", None,
                                          "LearnTopicType"))
    assert dialog.speech.startswith("Sorry, I didn't catch that.")
    assert "fasciculation" not in dialog.speech


@pytest.mark.parametrize("intent", [names.STOP, names.CANCEL, names.NAVIGATE_HOME])
def test_stop_says_goodbye_with_a_safety_net(dialog: Dialog, intent: str) -> None:
    dialog.launch()
    dialog.say(intent)
    assert dialog.ended and "Goodbye" in dialog.speech and "medical help" in dialog.speech


@pytest.mark.parametrize("intent", [names.STOP, names.CANCEL, names.NAVIGATE_HOME])
def test_stopping_after_a_warning_sign_still_says_what_it_calls_for(
        dialog: Dialog, intent: str) -> None:
    dialog.launch()
    answer_until(dialog, SWALLOWING)
    dialog.say(YES)  # swallowing: a provider today (NG42; docs/clinical.md)
    dialog.say(intent)
    assert dialog.ended
    assert dialog.speech.startswith("You told me about trouble swallowing.")
    assert "contact a healthcare provider today" in dialog.speech
    assert "call 911 now" in dialog.speech and dialog.speech.endswith("Goodbye.")
    assert "harmless" not in dialog.speech
    assert dialog.card is not None
    assert dialog.card["title"] == "Contact a healthcare provider today"
    assert "swallowing" in dialog.card["content"] and "not a doctor" in dialog.card["content"]


def test_stopping_while_explaining_an_unsure_answer_gives_the_safety_net(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.NOT_SURE)  # explained; not yet counted
    dialog.say(names.STOP)
    assert dialog.ended and "medical help" in dialog.speech and dialog.card is None


def test_start_over_forgets_the_answers(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(NO)
    dialog.say(names.START_OVER)
    assert dialog.speech == f"Okay, let's start again. {SCREEN}"
    assert dialog.attributes["check"]["answers"] == {}


def test_a_one_shot_answer_without_a_check_starts_one(dialog: Dialog) -> None:
    dialog.say(YES)
    assert dialog.speech.startswith(WELCOME)
    assert dialog.attributes["check"]["answers"] == {}


@pytest.mark.parametrize("garbage", [
    {"v": 0, "answers": {}}, "not a dict", {"v": 2, "answers": {"speech": "maybe"}},
    {"v": 1, "answers": {"speech": "no"}, "explained": None},
])
def test_garbage_state_restarts_politely(dialog: Dialog, garbage: object) -> None:
    dialog.launch()
    dialog.attributes["check"] = garbage
    dialog.new = False
    dialog.say(NO)
    assert dialog.speech.startswith("Sorry, I lost track of where we were")
    assert dialog.speech.endswith(SCREEN)
    assert dialog.attributes["check"]["answers"] == {}


def test_an_error_apologises_and_keeps_the_answers(dialog: Dialog,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(NO)
    before = dict(dialog.attributes["check"])

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom: secret user words")

    monkeypatch.setattr("skill.alexa.handlers.reply", explode)
    dialog.say(YES)
    assert dialog.speech.startswith("Sorry, something went wrong on my side.")
    assert "boom" not in dialog.speech and "Traceback" not in dialog.speech
    assert dialog.speech.endswith(CONTENT.text("questions.breathless.ask"))
    assert dialog.attributes["check"] == before
    monkeypatch.undo()
    dialog.say(YES)
    assert dialog.attributes["check"]["answers"]["breathless"] == "yes"  # answered now


def test_session_ended_gets_an_empty_response(dialog: Dialog) -> None:
    response = dialog.send({"type": "SessionEndedRequest", "reason": "USER_INITIATED"})
    assert "outputSpeech" not in response["response"]
