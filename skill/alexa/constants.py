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

HANDLED_INTENTS: frozenset[str] = frozenset(
    {YES, NO, HELP, REPEAT, START_OVER, STOP, CANCEL, NAVIGATE_HOME, FALLBACK,
     NOT_SURE, YES_DETAIL, NO_DETAIL, DENY_SYMPTOM, REPORT_SYMPTOM, SUDDEN_SYMPTOM, EMERGENCY,
     LIFESTYLE,
     GO_BACK, PROGRESS, WHY_ASK, LEARN, CAUSES, SERIOUS, SOURCES, DELETE_DATA}
)

SYMPTOM_SLOT = "symptom"
TOPIC_SLOT = "topic"
CONDITION_SLOT = "condition"
FACTOR_SLOTS = ("factor", "factorTwo", "factorThree")
# Slot types and which slot of which intent uses them.
SLOT_TYPES: dict[tuple[str, str], str] = {
    (YES_DETAIL, SYMPTOM_SLOT): "SymptomType",
    (NO_DETAIL, SYMPTOM_SLOT): "SymptomType",
    (DENY_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (REPORT_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (SUDDEN_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
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
SLOT_TYPE_IDS: dict[str, frozenset[str]] = {
    "SymptomType": SIGNS - {"emergency_now", "unrecognised"},
    "LearnTopicType": LEARN_TOPICS,
    "ConditionType": CONDITIONS,
    "FactorType": LIFESTYLE_FACTORS | {ALL_FACTORS},
}

# Session attributes: the check's state (skill.triage.CheckState.to_dict()), the date of the
# user's first check (ISO), a pending offer to resume a check left unfinished, and how many
# times in a row the skill has not understood.
CHECK_KEY = "check"
FIRST_CHECKED_KEY = "first_checked"
OFFER_KEY = "offer"
RESUME_OFFER = "resume"
MISSES_KEY = "misses"

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
