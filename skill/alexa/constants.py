"""Intent, slot and attribute names: the one place they are spelled out."""

from __future__ import annotations

from skill.triage.vocabulary import LIFESTYLE_FACTORS, SIGNS

YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
HELP = "AMAZON.HelpIntent"
REPEAT = "AMAZON.RepeatIntent"
START_OVER = "AMAZON.StartOverIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
NAVIGATE_HOME = "AMAZON.NavigateHomeIntent"
FALLBACK = "AMAZON.FallbackIntent"
NOT_SURE = "NotSureIntent"
YES_DETAIL = "YesDetailIntent"  # "yes, my right arm feels weak"
NO_DETAIL = "NoDetailIntent"  # "no, my speech is fine", "no, it came on slowly"
DENY_SYMPTOM = "DenySymptomIntent"  # "no tingling", "I have no trouble swallowing"
REPORT_SYMPTOM = "ReportSymptomIntent"
SUDDEN_SYMPTOM = "SuddenSymptomIntent"  # "an hour ago my arm went weak"
EMERGENCY = "EmergencyIntent"  # "I think I'm having a stroke", "call an ambulance"
LIFESTYLE = "LifestyleIntent"  # "stress and too much coffee"
GO_BACK = "GoBackIntent"
PROGRESS = "ProgressIntent"  # "how many more questions"
WHY_ASK = "WhyAskIntent"
LEARN = "LearnIntent"
CAUSES = "CausesIntent"
SERIOUS = "SeriousIntent"  # "is it ALS?", "is this serious?"
SOURCES = "SourcesIntent"  # "where does this advice come from?"
DELETE_DATA = "DeleteDataIntent"
ACKNOWLEDGE = "AcknowledgeIntent"  # "okay", "sure", "go ahead": heard, but not a yes
OTHER_PERSON = "OtherPersonIntent"  # "I'm asking for my dad", "his face has dropped"
PAST_SYMPTOM = "PastSymptomIntent"  # "years ago I had a fall"
EARLIER_SYMPTOM = "EarlierSymptomIntent"  # "last week I had a fever"
WHAT_IF = "WhatIfIntent"  # "what if I get weakness?"
CORRECTION = "CorrectionIntent"  # "actually yes to the swallowing one", "I meant no"
SKIP = "SkipIntent"  # counted as not sure, and said so
PAUSE = "PauseIntent"  # "hold on, someone's at the door"
SLOWER = "SlowerIntent"  # "could you speak slower?"
SIGN_FINE = "SignFineIntent"  # "swallowing? no, it's the same", "my bladder and bowels are fine"
NO_BUT = "NoButIntent"  # "no, but my legs are twitching too"
FEAR = "FearIntent"  # "can I die from this?", "should I stop my medication?"
# Reminders (skill.alexa.reminders): "remind me in two weeks" / "in a week", "cancel my
# reminder", "do I have a reminder?"
REMIND = "RemindIntent"
REMIND_WEEK = "RemindWeekIntent"
CANCEL_REMINDER = "CancelReminderIntent"
REMINDER_STATUS = "ReminderStatusIntent"

HANDLED_INTENTS: frozenset[str] = frozenset(
    {YES, NO, HELP, REPEAT, START_OVER, STOP, CANCEL, NAVIGATE_HOME, FALLBACK,
     NOT_SURE, YES_DETAIL, NO_DETAIL, DENY_SYMPTOM, REPORT_SYMPTOM, SUDDEN_SYMPTOM, EMERGENCY,
     LIFESTYLE,
     GO_BACK, PROGRESS, WHY_ASK, LEARN, CAUSES, SERIOUS, SOURCES, DELETE_DATA, ACKNOWLEDGE,
     OTHER_PERSON, PAST_SYMPTOM, EARLIER_SYMPTOM, WHAT_IF, CORRECTION, SKIP, PAUSE, SLOWER,
     SIGN_FINE, NO_BUT, FEAR, REMIND, REMIND_WEEK, CANCEL_REMINDER, REMINDER_STATUS}
)

SYMPTOM_SLOT = "symptom"
TOPIC_SLOT = "topic"
CONDITION_SLOT = "condition"
FACTOR_SLOTS = ("factor", "factorTwo", "factorThree")
PERSON_SLOT = "person"
FEAR_SLOT = "fear"
# The common fears and questions, each answered honestly by content `fears.<id>` (FearType ids).
FEARS: frozenset[str] = frozenset({"die", "medication", "neurologist", "supplements", "anxiety"})
# Signs that bring their own answer when first heard ("I'm pregnant", a child).
SIGN_FEARS: dict[str, str] = {"pregnant": "pregnant", "under_16": "child"}
DETAIL_SLOT = "detail"  # SignFineIntent: what follows the "no" ("swallowing? no, but ...")
QUESTION_SLOT = "question"
ANSWER_SLOT = "answer"
# Slot types and which slot of which intent uses them.
SLOT_TYPES: dict[tuple[str, str], str] = {
    (YES_DETAIL, SYMPTOM_SLOT): "SymptomType",
    (NO_DETAIL, SYMPTOM_SLOT): "SymptomType",
    (DENY_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (REPORT_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (SUDDEN_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (OTHER_PERSON, SYMPTOM_SLOT): "SymptomType",
    (OTHER_PERSON, PERSON_SLOT): "PersonType",
    (PAST_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (EARLIER_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (WHAT_IF, SYMPTOM_SLOT): "SymptomType",
    (PAUSE, SYMPTOM_SLOT): "SymptomType",
    (SIGN_FINE, SYMPTOM_SLOT): "SymptomType",
    (NO_BUT, SYMPTOM_SLOT): "SymptomType",
    (FEAR, FEAR_SLOT): "FearType",
    (SIGN_FINE, DETAIL_SLOT): "SymptomType",
    (REPORT_SYMPTOM, DETAIL_SLOT): "SymptomType",
    # Words said around a question or a request ("why does my weight matter?"): read only for
    # a sign, never needed to answer.
    **{(intent, SYMPTOM_SLOT): "SymptomType" for intent in (WHY_ASK, CAUSES, SKIP, SERIOUS)},
    (WHY_ASK, DETAIL_SLOT): "SymptomType",
    (CORRECTION, QUESTION_SLOT): "QuestionType",
    (CORRECTION, ANSWER_SLOT): "AnswerType",
    (LEARN, TOPIC_SLOT): "LearnTopicType",
    (SERIOUS, CONDITION_SLOT): "ConditionType",
    **{(LIFESTYLE, slot): "FactorType" for slot in FACTOR_SLOTS},
}
LEARN_TOPICS: frozenset[str] = frozenset({"fasciculation", "causes", "spasm"})
DEFAULT_TOPIC = "fasciculation"
ALL_FACTORS = "all"  # FactorType id for "all of them"
# What people fear it is: the answer is the same honest one for each, and never names it back.
CONDITIONS: frozenset[str] = frozenset(
    {"als", "mnd", "ms", "stroke", "cancer", "parkinsons", "serious", "deficiency"})
# The ids each custom slot type must have (checked by `neck-twitch check-model`). Every sign can
# be said in words except the screen's "emergency now" (EmergencyIntent) and "unrecognised".
# Who a person may be checking for (PersonType ids); the skill says "them" for every one.
PERSONS: frozenset[str] = frozenset({
    "husband", "wife", "partner", "mother", "father", "son", "daughter", "child", "brother",
    "sister", "grandparent", "friend", "relative", "someone_else"})
# The questions a correction can name (QuestionType ids: the red-flag questions' ids).
CORRECTABLE: frozenset[str] = frozenset({
    "screen", "stroke_signs", "breathless", "swallowing", "speech", "weakness", "balance",
    "wasting", "injury", "numbness", "bladder_bowel", "spreading", "stiffness", "weight_loss",
    "duration", "medicine"})
ANSWERS: frozenset[str] = frozenset({"yes", "no"})
SLOT_TYPE_IDS: dict[str, frozenset[str]] = {
    "SymptomType": SIGNS - {"emergency_now", "unrecognised"},
    "LearnTopicType": LEARN_TOPICS,
    "ConditionType": CONDITIONS,
    "FactorType": LIFESTYLE_FACTORS | {ALL_FACTORS},
    "PersonType": PERSONS,
    "FearType": FEARS,
    "QuestionType": CORRECTABLE,
    "AnswerType": ANSWERS,
}

# Session attributes: the check's state (skill.triage.CheckState.to_dict()), the date of the
# user's first check (ISO), a pending offer to resume a check left unfinished, and how many
# times in a row the skill has not understood.
CHECK_KEY = "check"
FIRST_CHECKED_KEY = "first_checked"
OFFER_KEY = "offer"
RESUME_OFFER = "resume"
MISSES_KEY = "misses"
# Understanding (issue: who, when, whether): who the check is about ("other" when someone checks
# for another person), signs waiting for a read-back ("Is that right?"), whether anything said
# was not read (then no "Good news"), a slower voice, and the screen question's "which one?".
ABOUT_KEY = "about"
ABOUT_OTHER = "other"
CONFIRM_KEY = "confirm"
UNREAD_KEY = "unread"
SLOW_KEY = "slow"
WHICH_KEY = "which"
INTERIM_KEY = "interim"  # the tier whose advice was already said part way (issue 19)
# Reminders and return visits (issue 23): the reminder just offered (its days), the days a host
# without the Reminders API may offer another way (the desk voice's calendar file), the check
# that just ended (to remember) and the last one before this session (to compare with).
REMINDER_OFFER_KEY = "reminder_offer"
REMINDER_DUE_KEY = "reminder_due"
LAST_CHECK_KEY = "last_check"
PREVIOUS_KEY = "previous_check"

# Screens (APL). A device that lists APL_INTERFACE among its supportedInterfaces gets a screen
# with each response (skill.apl). A touch sends a USER_EVENT request whose arguments are
# [action, question id, value]; the question id must be the pending question's (RESUME for the
# offer to resume), or the tap came from an old screen and the question is asked again.
APL_INTERFACE = "Alexa.Presentation.APL"
APL_VERSION = "1.6"  # the documents' version: a device whose runtime is older gets no screen
USER_EVENT = "Alexa.Presentation.APL.UserEvent"
TAP_ANSWER = "answer"  # value: "yes", "no" or "not_sure", as said
TAP_LIFESTYLE = "lifestyle"  # value "": the ticked factors are in the event's components
TAP_WHY = "why"  # value "": "why do you ask?"
TAP_BACK = "back"  # value "": "go back"
TAP_ACTIONS: frozenset[str] = frozenset({TAP_ANSWER, TAP_LIFESTYLE, TAP_WHY, TAP_BACK})
TAP_ANSWERS: frozenset[str] = frozenset({"yes", "no", "not_sure"})
RESUME = "resume"  # the question id of the offer to carry on an unfinished check
FACTOR_TOGGLE = "factor-"  # + a FactorType id: a lifestyle factor's touch target (component id)
