"""Whole-stack conversations through `lambda_handler`, session attributes carried by the test."""

from __future__ import annotations

import pytest
from skilltest import Dialog, resolved_slot

from skill.alexa import constants as names

YES, NO = names.YES, names.NO


def answer_all_no(dialog: Dialog) -> int:
    turns = 0
    while not dialog.ended:
        dialog.say(NO)
        turns += 1
        assert turns < 30, "the check never ends"
    return turns


def test_launch_welcomes_warns_and_asks_the_first_question(dialog: Dialog) -> None:
    dialog.launch()
    assert dialog.speech.startswith("Welcome to Neck Twitch Check.")
    assert "I'm not a doctor" in dialog.speech
    assert dialog.speech.endswith("Do you have trouble swallowing?")
    assert dialog.reprompt == "Do you have trouble swallowing? You can say yes, no, or not sure."
    assert dialog.ended is False
    assert dialog.card is not None and "not a doctor" in dialog.card["content"]
    assert dialog.attributes["check"] == {"v": 1, "answers": {}, "explained": None}


def test_all_clear_check_ends_in_tailored_self_care(dialog: Dialog) -> None:
    dialog.launch()
    for _ in range(10):  # the ten red flags
        dialog.say(NO)
    assert "stressed or anxious" in dialog.speech
    dialog.say(YES)  # stress
    dialog.say(NO)  # sleep
    dialog.say(YES)  # caffeine
    dialog.say(NO)  # nicotine
    dialog.say(YES)  # desk
    assert dialog.ended is True
    assert dialog.reprompt is None
    assert "Good news" in dialog.speech
    assert "Ease stress" in dialog.speech and "coffee" in dialog.speech
    assert "screen break" in dialog.speech
    assert dialog.speech.endswith("call 911 now.")
    card = dialog.card
    assert card is not None and card["type"] == "Simple"
    assert card["title"] == "Likely a harmless twitch"
    assert "no warning signs" in card["content"] and "What to watch for" in card["content"]
    assert "check" not in dialog.attributes


def test_trouble_swallowing_and_breathing_is_an_emergency(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(YES)
    assert dialog.speech == "Do you choke, or have any trouble breathing?"
    dialog.say(YES)
    assert dialog.ended is True
    assert dialog.speech.startswith("Please call 911 now")
    assert "trouble swallowing and choking or trouble breathing" in dialog.speech
    assert dialog.card is not None and dialog.card["title"] == "Call 911 now"


def test_numbness_leads_to_a_provider_with_the_reason(dialog: Dialog) -> None:
    dialog.launch()
    for _ in range(5):
        dialog.say(NO)
    assert "numbness" in dialog.speech
    dialog.say(YES)
    # Soon-tier: no lower-tier questions remain that could raise it above "soon".
    assert dialog.ended is True
    assert "numbness, tingling or pain down an arm" in dialog.speech
    assert "trapped nerve in the neck" in dialog.speech
    assert "book an appointment" in dialog.speech
    assert dialog.card is not None and dialog.card["title"].startswith("Book an appointment")


def test_not_sure_is_explained_once_then_counted(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.NOT_SURE)
    assert dialog.speech.startswith("No problem, let me explain.")
    assert "food or drink feeling stuck" in dialog.speech
    assert dialog.speech.endswith("Do you have trouble swallowing?")
    assert dialog.ended is False
    dialog.say(names.NOT_SURE)
    assert dialog.speech == "Do you choke, or have any trouble breathing?"
    dialog.say(NO)
    answer_all_no(dialog)
    assert "You weren't sure about trouble swallowing" in dialog.speech
    assert "healthcare provider today" in dialog.speech


def test_volunteered_symptom_mid_check(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(NO)
    dialog.say(names.REPORT_SYMPTOM,
               resolved_slot("symptom", "numbness in my arm", "numbness"))
    assert dialog.speech.startswith("Thanks, I've noted numbness, tingling or pain down an arm.")
    assert "speech" in dialog.speech  # the check goes on where it was
    answer_all_no(dialog)
    assert "numbness" in dialog.speech and "book an appointment" in dialog.speech


def test_volunteered_sudden_weakness_is_an_emergency_at_once(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "face drooping", "sudden_weakness"))
    assert dialog.ended and "call 911 now" in dialog.speech


def test_unrecognised_symptom_points_to_a_provider_and_reasks(dialog: Dialog) -> None:
    dialog.launch()
    dialog.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "itchy ears", None))
    assert "didn't recognise that symptom" in dialog.speech
    assert "healthcare provider" in dialog.speech
    assert dialog.speech.endswith("Do you have trouble swallowing?")


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
    dialog.say(NO)  # swallowing
    dialog.say(YES)  # speech -> follow-up
    before = dict(dialog.attributes["check"])
    dialog.say(intent)
    expected = expected.replace("Do you have trouble swallowing?", "within the last few hours?")
    if intent == names.HELP:
        expected = "normal earlier today"
    if intent == names.WHY_ASK:
        expected = "sign of a stroke"
    assert expected in dialog.speech
    assert dialog.speech.endswith("Did the change in your speech come on suddenly, "
                                  "within the last few hours?")
    assert dialog.ended is False
    assert dialog.attributes["check"] == before


@pytest.mark.parametrize(("slot_id", "expected"), [
    ("causes", "Common causes are stress"), ("spasm", "A spasm or cramp"),
    (None, "A fasciculation is"),
])
def test_learn_topics(dialog: Dialog, slot_id: str | None, expected: str) -> None:
    dialog.launch()
    dialog.say(names.LEARN, resolved_slot("topic", "x", slot_id, "LearnTopicType"))
    assert expected in dialog.speech and "back to the check" in dialog.speech


@pytest.mark.parametrize("intent", [names.STOP, names.CANCEL, names.NAVIGATE_HOME])
def test_stop_says_goodbye_with_a_safety_net(dialog: Dialog, intent: str) -> None:
    dialog.launch()
    dialog.say(intent)
    assert dialog.ended and "Goodbye" in dialog.speech and "medical help" in dialog.speech


@pytest.mark.parametrize("intent", [names.STOP, names.CANCEL, names.NAVIGATE_HOME])
def test_stopping_after_a_warning_sign_still_says_what_it_calls_for(
        dialog: Dialog, intent: str) -> None:
    dialog.launch()
    dialog.say(NO)   # swallowing
    dialog.say(NO)   # speech
    dialog.say(YES)  # weakness
    dialog.say(NO)   # not sudden
    dialog.say(intent)
    assert dialog.ended
    assert dialog.speech.startswith("You told me about weakness.")
    assert "contact a healthcare provider today" in dialog.speech
    assert "call 911 now" in dialog.speech and dialog.speech.endswith("Goodbye.")
    assert "harmless" not in dialog.speech
    assert dialog.card is not None
    assert dialog.card["title"] == "Contact a healthcare provider today"
    assert "weakness" in dialog.card["content"] and "not a doctor" in dialog.card["content"]


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
    assert dialog.speech == "Okay, let's start again. Do you have trouble swallowing?"
    assert dialog.attributes["check"]["answers"] == {}


def test_a_one_shot_answer_without_a_check_starts_one(dialog: Dialog) -> None:
    dialog.say(YES)
    assert dialog.speech.startswith("Welcome to Neck Twitch Check.")
    assert dialog.attributes["check"]["answers"] == {}


@pytest.mark.parametrize("garbage", [
    {"v": 0, "answers": {}}, "not a dict", {"v": 1, "answers": {"speech": "maybe"}},
])
def test_garbage_state_restarts_politely(dialog: Dialog, garbage: object) -> None:
    dialog.launch()
    dialog.attributes["check"] = garbage
    dialog.new = False
    dialog.say(NO)
    assert dialog.speech.startswith("Sorry, I lost track of where we were")
    assert dialog.speech.endswith("Do you have trouble swallowing?")
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
    assert dialog.speech.endswith("Any weakness, like trouble gripping or lifting things?")
    assert dialog.attributes["check"] == before
    monkeypatch.undo()
    dialog.say(YES)
    assert "suddenly" in dialog.speech  # the same question, answered now


def test_session_ended_gets_an_empty_response(dialog: Dialog) -> None:
    response = dialog.send({"type": "SessionEndedRequest", "reason": "USER_INITIATED"})
    assert "outputSpeech" not in response["response"]
