"""Corrections: "actually yes to the swallowing one", "I meant no" (the previous question)."""

from __future__ import annotations

from dataclasses import replace

from skill.triage.engine import Answer, CheckState
from skill.triage.rules import Rules


def previous_question(state: CheckState) -> str | None:
    """The question answered last, which an unnamed correction ("I meant no") is about."""
    if not state.answers:
        return None
    return list(state.answers)[-1]


def correct(rules: Rules, state: CheckState, question_id: str, said_yes: bool) -> CheckState:
    """Set the answer to `question_id`, asked or not yet asked.

    Yes: the sign counts from now on. No: its answer is no, a sign volunteered for it earlier is
    taken back (the person has just said it is not there), and the answers to its follow-ups go,
    since they only mean anything after a yes.
    """
    question = rules.questions[question_id]
    if said_yes:
        # A yes counts as the answer whether or not the question was asked yet; its
        # follow-ups ("did it start suddenly?") are asked next.
        return replace(state, answers={**state.answers, question_id: Answer.YES}, explained=None)
    follow_ups = {f.id for f in question.follow_ups}
    dropped = {f.sign for f in question.follow_ups if f.sign} | (
        {question.sign} if question.sign else set())
    answers = {qid: answer for qid, answer in state.answers.items() if qid not in follow_ups}
    answers[question_id] = Answer.NO
    signs = tuple(s for s in state.signs if s not in dropped)
    return replace(state, answers=answers, signs=signs, explained=None)
