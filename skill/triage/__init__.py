"""Pure triage logic: rules from YAML, answers in, next question or outcome out."""

from skill.triage.engine import (
    Answer,
    Ask,
    CheckState,
    Outcome,
    Reply,
    StateError,
    Step,
    choose,
    deny,
    go_back,
    next_step,
    note_factors,
    outcome_so_far,
    questions_left,
    reply,
    volunteer,
    volunteer_unrecognised,
)
from skill.triage.rules import Question, Rules, RulesError, default_rules, load_rules
from skill.triage.vocabulary import Tier

__all__ = [
    "Answer",
    "Ask",
    "CheckState",
    "Outcome",
    "Question",
    "Reply",
    "Rules",
    "RulesError",
    "StateError",
    "Step",
    "Tier",
    "choose",
    "default_rules",
    "deny",
    "go_back",
    "load_rules",
    "next_step",
    "note_factors",
    "outcome_so_far",
    "questions_left",
    "reply",
    "volunteer",
    "volunteer_unrecognised",
]
