"""The triage engine: a check's state and answers in, the next question or an outcome out.

Pure and total: no Alexa imports, no I/O, and every state has a next step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from skill.triage.rules import Question, Rules
from skill.triage.vocabulary import Tier

STATE_VERSION = 1


class Answer(str, Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"  # stayed unsure after the question was explained: counts as present


class Reply(str, Enum):
    """What a user can say to a pending question."""

    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


class StateError(ValueError):
    """Stored check state is malformed, from another version, or names unknown questions."""


@dataclass(frozen=True)
class CheckState:
    """A check in progress: a small, versioned, serialisable value."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    explained: str | None = None  # a red flag the user was unsure of once, so it was explained

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": STATE_VERSION,
            "answers": {qid: answer.value for qid, answer in self.answers.items()},
            "explained": self.explained,
        }

    @classmethod
    def from_dict(cls, data: Any, rules: Rules) -> CheckState:
        if not isinstance(data, dict):
            raise StateError("check state is not a mapping")
        if data.get("v") != STATE_VERSION:
            raise StateError(f"check state version {data.get('v')!r} is not {STATE_VERSION}")
        raw_answers = data.get("answers")
        if not isinstance(raw_answers, dict):
            raise StateError("check state answers are not a mapping")
        answers: dict[str, Answer] = {}
        for qid, value in raw_answers.items():
            if qid not in rules.questions:
                raise StateError(f"check state names an unknown question {qid!r}")
            try:
                answers[qid] = Answer(value)
            except ValueError as exc:
                raise StateError(f"check state has an unknown answer {value!r}") from exc
        explained = data.get("explained")
        if explained is not None and explained not in rules.questions:
            raise StateError(f"check state explains an unknown question {explained!r}")
        return cls(answers=answers, explained=explained)


@dataclass(frozen=True)
class Ask:
    """Ask this question next; `clarify` when the user was unsure and it gets explained."""

    question: Question
    clarify: bool = False


@dataclass(frozen=True)
class Outcome:
    tier: Tier
    reported: tuple[Question, ...]  # red flags present, in rules order (yes or unsure)
    unsure: tuple[Question, ...]  # the subset the user stayed unsure about
    tips: tuple[str, ...]  # self-care only


Step = Ask | Outcome


def present(answer: Answer | None) -> bool:
    """A sign counts as present when the user said yes or stayed unsure."""
    return answer in (Answer.YES, Answer.UNSURE)


def current_tier(rules: Rules, state: CheckState) -> Tier:
    return max(
        (q.tier for qid, q in rules.questions.items()
         if q.is_red_flag and present(state.answers.get(qid))),
        default=Tier.SELF_CARE,
    )


def next_step(rules: Rules, state: CheckState) -> Step:
    """The next question, or the outcome once no unanswered question could change it."""
    tier = current_tier(rules, state)
    if tier < Tier.EMERGENCY:
        for question in rules.red_flags:
            answer = state.answers.get(question.id)
            if answer is None and question.max_tier > tier:
                return Ask(question, clarify=state.explained == question.id)
            if present(answer):
                for follow_up in question.follow_ups:
                    if follow_up.id not in state.answers and follow_up.max_tier > tier:
                        return Ask(follow_up, clarify=state.explained == follow_up.id)
    if tier == Tier.SELF_CARE:
        for question in rules.lifestyle:
            if question.id not in state.answers:
                return Ask(question)
    return _outcome(rules, state, tier)


def outcome_so_far(rules: Rules, state: CheckState) -> Outcome | None:
    """What the answers so far already call for, for a check stopped part way.

    None while no warning sign is present: an unfinished check never reassures.
    """
    tier = current_tier(rules, state)
    return None if tier == Tier.SELF_CARE else _outcome(rules, state, tier)


def _outcome(rules: Rules, state: CheckState, tier: Tier) -> Outcome:
    reported = tuple(
        q for qid, q in rules.questions.items()
        if q.is_red_flag and present(state.answers.get(qid))
    )
    unsure = tuple(q for q in reported if state.answers.get(q.id) == Answer.UNSURE)
    tips: tuple[str, ...] = ()
    if tier == Tier.SELF_CARE:
        chosen: list[str] = []
        for question in rules.lifestyle:
            if present(state.answers.get(question.id)) and question.tip not in chosen:
                chosen.append(question.tip or "")
        for tip in rules.general_tips:
            if len(chosen) >= rules.min_tips:
                break
            if tip not in chosen:
                chosen.append(tip)
        tips = tuple(chosen[: rules.max_tips])
    return Outcome(tier=tier, reported=reported, unsure=unsure, tips=tips)


def reply(rules: Rules, state: CheckState, said: Reply) -> CheckState:
    """Apply a yes / no / not-sure to the pending question. After an outcome, nothing changes."""
    step = next_step(rules, state)
    if isinstance(step, Outcome):
        return state
    question = step.question
    if said is Reply.NOT_SURE:
        # Unsure about a red flag: explain once; unsure again counts as the sign being present.
        if question.is_red_flag and state.explained != question.id:
            return CheckState(answers=state.answers, explained=question.id)
        answer = Answer.UNSURE
    else:
        answer = Answer.YES if said is Reply.YES else Answer.NO
    return CheckState(answers={**state.answers, question.id: answer}, explained=None)


def volunteer(rules: Rules, state: CheckState, sign: str) -> CheckState:
    """Record a symptom the user mentioned unprompted; it overrides an earlier "no"."""
    question = rules.by_sign(sign)
    if question is None:
        raise ValueError(f"unknown sign {sign!r}")
    explained = None if state.explained == question.id else state.explained
    return CheckState(answers={**state.answers, question.id: Answer.YES}, explained=explained)
