"""The triage engine: a check's state and answers in, the next question or an outcome out.

Pure and total: no Alexa imports, no I/O, and every state has a next step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from skill.triage.rules import Question, Rules
from skill.triage.vocabulary import Tier

STATE_VERSION = 2
# An unrecognised symptom is named back in the person's words: kept short, and only a few.
MAX_UNRECOGNISED = 3
MAX_UNRECOGNISED_CHARS = 60


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
    """A check in progress: a small, versioned, serialisable value.

    `answers` keeps the order questions were answered in (for "go back"). Signs the user
    volunteered live apart from answers, so going back never drops one.
    """

    answers: Mapping[str, Answer] = field(default_factory=dict)
    explained: str | None = None  # a question the user was unsure of once, so it was explained
    signs: tuple[str, ...] = ()  # volunteered signs
    unrecognised: tuple[str, ...] = ()  # volunteered symptoms no sign covers, as said
    factors: tuple[str, ...] = ()  # lifestyle factors, chosen or volunteered
    lifestyle_done: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": STATE_VERSION,
            "answers": {qid: answer.value for qid, answer in self.answers.items()},
            "explained": self.explained,
            "signs": list(self.signs),
            "unrecognised": list(self.unrecognised),
            "factors": list(self.factors),
            "lifestyle_done": self.lifestyle_done,
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
            if qid not in rules.questions or qid == rules.lifestyle.id:
                raise StateError(f"check state names an unknown question {qid!r}")
            try:
                answers[qid] = Answer(value)
            except ValueError as exc:
                raise StateError(f"check state has an unknown answer {value!r}") from exc
        explained = data.get("explained")
        if explained is not None and explained not in rules.questions:
            raise StateError(f"check state explains an unknown question {explained!r}")
        signs = _names(data.get("signs", []), set(rules.signs), "sign")
        factors = _names(data.get("factors", []), set(rules.factor_tips), "factor")
        unrecognised = data.get("unrecognised", [])
        if not isinstance(unrecognised, list) or len(unrecognised) > MAX_UNRECOGNISED or any(
                not isinstance(u, str) or len(u) > MAX_UNRECOGNISED_CHARS for u in unrecognised):
            raise StateError("check state has malformed unrecognised symptoms")
        done = data.get("lifestyle_done", False)
        if not isinstance(done, bool):
            raise StateError("check state lifestyle_done is not a boolean")
        return cls(answers=answers, explained=explained, signs=signs,
                   unrecognised=tuple(unrecognised), factors=factors, lifestyle_done=done)


def _names(value: Any, allowed: set[str], what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or any(item not in allowed for item in value):
        raise StateError(f"check state names an unknown {what}")
    return tuple(value)


@dataclass(frozen=True)
class Ask:
    """Ask this question next; `clarify` when the user was unsure and it gets explained."""

    question: Question
    clarify: bool = False


@dataclass(frozen=True)
class Outcome:
    tier: Tier
    reported: tuple[str, ...]  # signs said yes to or volunteered, in the order they are asked
    unsure: tuple[str, ...]  # signs the user stayed unsure about (never also in `reported`)
    unrecognised: tuple[str, ...]  # volunteered symptoms the skill has no sign for, as said
    tips: tuple[str, ...]  # self-care only
    deciding: tuple[str, ...] = ()  # the signs that called for this tier, alone or together

    @property
    def signs(self) -> tuple[str, ...]:
        """Every sign that counted towards the outcome."""
        return (*self.reported, *self.unsure)


Step = Ask | Outcome


def present(answer: Answer | None) -> bool:
    """A sign counts as present when the user said yes or stayed unsure."""
    return answer is Answer.YES or answer is Answer.UNSURE


def _answer(state: CheckState, question: Question) -> Answer | None:
    """A question's answer; a volunteered sign answers its question yes, over an earlier no."""
    if question.sign in state.signs:
        return Answer.YES
    return state.answers.get(question.id)


def present_signs(rules: Rules, state: CheckState) -> set[str]:
    questions = rules.questions
    found = {sign for qid, answer in state.answers.items()
             if present(answer) and (sign := questions[qid].sign)}
    found.update(state.signs)
    if state.unrecognised:
        found.add("unrecognised")
    return found


def current_tier(rules: Rules, state: CheckState) -> Tier:
    return rules.tier_of(present_signs(rules, state))


def _could_raise(rules: Rules, signs: set[str], question: Question, tier: Tier) -> bool:
    """Whether a "yes" here (and to its follow-ups) could call for more than `tier`."""
    if question.when_any and not question.when_any & signs:
        return False
    said_yes = {q.sign for q in (question, *question.follow_ups) if q.sign}
    return rules.tier_of(signs | said_yes) > tier


def next_step(rules: Rules, state: CheckState) -> Step:
    """The next question, or the outcome once no unanswered question could change it."""
    signs = present_signs(rules, state)
    tier = rules.tier_of(signs)
    if tier < Tier.EMERGENCY:
        for question in rules.red_flags:
            answer = _answer(state, question)
            if answer is None and _could_raise(rules, signs, question, tier):
                return Ask(question, clarify=state.explained == question.id)
            if present(answer):
                for follow_up in question.follow_ups:
                    if _answer(state, follow_up) is None and _could_raise(
                            rules, signs, follow_up, tier):
                        return Ask(follow_up, clarify=state.explained == follow_up.id)
    if tier == Tier.SELF_CARE and not state.lifestyle_done:
        return Ask(rules.lifestyle, clarify=state.explained == rules.lifestyle.id)
    return _outcome(rules, state, tier)


def outcome_so_far(rules: Rules, state: CheckState) -> Outcome | None:
    """What the answers so far already call for, for a check stopped part way.

    None while no warning sign is present: an unfinished check never reassures.
    """
    tier = current_tier(rules, state)
    return None if tier == Tier.SELF_CARE else _outcome(rules, state, tier)


def _outcome(rules: Rules, state: CheckState, tier: Tier) -> Outcome:
    unsure = {q.sign for q in rules.questions.values()
              if q.sign and state.answers.get(q.id) == Answer.UNSURE}
    unsure -= set(state.signs)  # volunteered later: no longer a maybe
    yes = present_signs(rules, state) - unsure - {"unrecognised"}
    tips: tuple[str, ...] = ()
    if tier == Tier.SELF_CARE:
        chosen: list[str] = []
        for factor, tip in rules.factor_tips.items():
            if factor in state.factors and tip not in chosen:
                chosen.append(tip)
        for tip in rules.general_tips:
            if len(chosen) >= rules.min_tips:
                break
            if tip not in chosen:
                chosen.append(tip)
        tips = tuple(chosen[: rules.max_tips])
    present_now = yes | unsure | ({"unrecognised"} if state.unrecognised else set())
    deciding = {s for s in present_now if rules.signs[s].tier == tier}
    for combo in rules.combinations:
        if combo.tier == tier and combo.all <= present_now and combo.any & present_now:
            deciding |= combo.all | (combo.any & present_now)
    return Outcome(tier=tier, reported=_in_order(rules, yes), unsure=_in_order(rules, unsure),
                   unrecognised=state.unrecognised, tips=tips,
                   deciding=_in_order(rules, deciding))


def _in_order(rules: Rules, signs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(signs, key=rules.sign_order.__getitem__))


def reply(rules: Rules, state: CheckState, said: Reply) -> CheckState:
    """Apply a yes / no / not-sure to the pending question. After an outcome, nothing changes."""
    step = next_step(rules, state)
    if isinstance(step, Outcome):
        return state
    question = step.question
    if question.kind == "lifestyle":
        # "Yes" without saying which: ask which, once. Otherwise the general tips.
        if said is Reply.YES and state.explained != question.id:
            return replace(state, explained=question.id)
        return replace(state, explained=None, lifestyle_done=True)
    if said is Reply.NOT_SURE:
        # Unsure about a red flag: explain once; unsure again counts as the sign being present.
        if state.explained != question.id:
            return replace(state, explained=question.id)
        answer = Answer.UNSURE
    else:
        answer = Answer.YES if said is Reply.YES else Answer.NO
    return replace(state, answers={**state.answers, question.id: answer}, explained=None)


def note_factors(rules: Rules, state: CheckState, factors: Iterable[str]) -> CheckState:
    """Lifestyle factors mentioned along the way: kept for the tips, answering nothing."""
    known = [f for f in factors if f in rules.factor_tips]
    return replace(state, factors=tuple(dict.fromkeys((*state.factors, *known))))


def choose(rules: Rules, state: CheckState, factors: Iterable[str]) -> CheckState:
    """Lifestyle factors named ("stress and coffee"): noted for the tips at any point; when the
    lifestyle question is pending, they answer it."""
    noted = note_factors(rules, state, factors)
    step = next_step(rules, state)
    if isinstance(step, Ask) and step.question.kind == "lifestyle":
        return replace(noted, explained=None, lifestyle_done=True)
    return noted


def volunteer(rules: Rules, state: CheckState, sign: str) -> CheckState:
    """Record a symptom the user mentioned unprompted; it overrides an earlier "no"."""
    if sign not in rules.signs or sign == "unrecognised":
        raise ValueError(f"unknown sign {sign!r}")
    question = rules.by_sign(sign)
    explained = state.explained
    if question is not None and explained == question.id:
        explained = None
    signs = state.signs if sign in state.signs else (*state.signs, sign)
    return replace(state, signs=signs, explained=explained)


def volunteer_unrecognised(state: CheckState, words: str) -> CheckState:
    """A symptom the skill has no sign for: kept in the person's words, never self-care."""
    said = " ".join(words.split())[:MAX_UNRECOGNISED_CHARS].strip()
    if not said:
        said = "something else"
    if said in state.unrecognised:
        return state
    kept = (*state.unrecognised, said)[-MAX_UNRECOGNISED:]
    return replace(state, unrecognised=kept)


def deny(rules: Rules, state: CheckState, sign: str) -> CheckState:
    """"No tingling": the sign's question, if not yet answered, is answered no."""
    question = rules.by_sign(sign)
    if question is None or question.id in state.answers or sign in state.signs:
        return state
    step = next_step(rules, state)
    if not (isinstance(step, Ask) and step.question.id == question.id):
        return state  # only the pending question: a denial never skips ahead
    return reply(rules, state, Reply.NO)


def go_back(rules: Rules, state: CheckState) -> CheckState | None:
    """The state before the last answer, to ask that question again; None at the start."""
    if state.explained is not None:
        return replace(state, explained=None)
    if not state.answers:
        return None
    *kept, _last = state.answers.items()
    return replace(state, answers=dict(kept), explained=None)


def questions_left(rules: Rules, state: CheckState) -> int:
    """How many questions are left, counting the pending one, if every answer were no."""
    count = 0
    while True:
        step = next_step(rules, state)
        if isinstance(step, Outcome):
            return count
        count += 1
        state = reply(rules, replace(state, explained=None), Reply.NO)
