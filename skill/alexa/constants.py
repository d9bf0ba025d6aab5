"""Intent, slot and attribute names: the one place they are spelled out."""

from __future__ import annotations

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
REPORT_SYMPTOM = "ReportSymptomIntent"
WHY_ASK = "WhyAskIntent"
LEARN = "LearnIntent"
DELETE_DATA = "DeleteDataIntent"

HANDLED_INTENTS: frozenset[str] = frozenset(
    {YES, NO, HELP, REPEAT, START_OVER, STOP, CANCEL, NAVIGATE_HOME, FALLBACK,
     NOT_SURE, REPORT_SYMPTOM, WHY_ASK, LEARN, DELETE_DATA}
)

SYMPTOM_SLOT = "symptom"
TOPIC_SLOT = "topic"
# Slot types and which slot of which intent uses them.
SLOT_TYPES: dict[tuple[str, str], str] = {
    (REPORT_SYMPTOM, SYMPTOM_SLOT): "SymptomType",
    (LEARN, TOPIC_SLOT): "LearnTopicType",
}
LEARN_TOPICS: frozenset[str] = frozenset({"fasciculation", "causes", "spasm"})
DEFAULT_TOPIC = "fasciculation"

# Session attributes: the check's state (skill.triage.CheckState.to_dict()), the date of the
# user's first check (ISO), and a pending offer to resume a check left unfinished.
CHECK_KEY = "check"
FIRST_CHECKED_KEY = "first_checked"
OFFER_KEY = "offer"
RESUME_OFFER = "resume"
