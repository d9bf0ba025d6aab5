"""Turn the engine's steps into words: speech parts, reprompts and cards."""

from __future__ import annotations

from dataclasses import dataclass

from skill.content import Content
from skill.triage.engine import Ask, Outcome
from skill.triage.rules import Question
from skill.triage.vocabulary import Tier


@dataclass(frozen=True)
class Card:
    title: str
    text: str


@dataclass(frozen=True)
class Spoken:
    """What to say: `speech` parts; `reprompt` when a question is pending; `card` on outcomes."""

    speech: tuple[str, ...]
    reprompt: str | None = None
    card: Card | None = None

    @property
    def ends_session(self) -> bool:
        return self.reprompt is None


def ask_question(content: Content, step: Ask) -> tuple[str, ...]:
    """The question, explained first when the user was unsure of it."""
    qid = step.question.id
    ask = content.text(f"questions.{qid}.ask")
    if step.clarify:
        return (content.text("clarify_intro"), content.text(f"questions.{qid}.explain"),
                content.text("still_unsure_note"), ask)
    return (ask,)


def question_step(content: Content, step: Ask, *before: str) -> Spoken:
    """Speak anything that comes first, then the pending question; reprompt with a hint."""
    asked = ask_question(content, step)
    reprompt = f"{content.text(f'questions.{step.question.id}.ask')} {content.text('answer_hint')}"
    return Spoken(speech=(*before, *asked), reprompt=reprompt)


def sign_names(content: Content, questions: tuple[Question, ...]) -> str:
    return content.join([content.text(f"signs.{q.sign}") for q in questions])


def outcome_step(content: Content, outcome: Outcome, *before: str) -> Spoken:
    """The outcome: what was reported, why it matters, what to do and what to watch for."""
    key = f"outcomes.{outcome.tier.key}"
    signs = sign_names(content, outcome.reported)
    watch = content.text(f"{key}.watch")
    if outcome.tier == Tier.SELF_CARE:
        tips = " ".join(content.text(f"tips.{tip}") for tip in outcome.tips)
        advice = [content.text(f"{key}.why"), content.text(f"{key}.action", tips=tips)]
        parts = [content.text(f"{key}.lead"), *advice]
    else:
        # Why it matters, in the words of the signs that decided the tier (at most two).
        deciding = [q for q in outcome.reported if q.tier == outcome.tier][:2]
        why = [content.text(f"questions.{q.id}.why") for q in deciding]
        if content.has(f"{key}.reassure"):
            why.append(content.text(f"{key}.reassure"))
        action = content.text(f"{key}.action")
        advice = [*why, action]
        parts = _with_action(outcome, [*_reported(content, outcome), *why], action)
    parts.append(watch)

    card_lines = [
        content.text("card.reported", signs=signs) if outcome.reported
        else content.text("card.nothing_reported"),
        content.text("card.advice", text=" ".join(advice)),
        content.text("card.watch", text=watch),
        content.text("card.disclaimer"),
    ]
    card = Card(title=content.text(f"{key}.title"), text="\n\n".join(card_lines))
    return Spoken(speech=(*before, *parts), card=card)


def stopped_step(content: Content, outcome: Outcome) -> Spoken:
    """Stopping part way after a warning sign: what it calls for and what to watch for, without
    the explanations (they are on the outcome's card)."""
    key = f"outcomes.{outcome.tier.key}"
    said = _with_action(outcome, _reported(content, outcome), content.text(f"{key}.action"))
    card = outcome_step(content, outcome).card
    return Spoken(speech=(*said, content.text(f"{key}.watch"), content.text("stopped")),
                  card=card)


def _reported(content: Content, outcome: Outcome) -> list[str]:
    """"You told me about ...", and which of those were unsure answers counted to be safe."""
    said = [content.text(f"outcomes.{outcome.tier.key}.lead",
                         signs=sign_names(content, outcome.reported))]
    if outcome.unsure:
        said.append(content.text("outcomes.unsure_note",
                                 signs=sign_names(content, outcome.unsure)))
    return said


def _with_action(outcome: Outcome, explanation: list[str], action: str) -> list[str]:
    """The explanation, then what to do; in an emergency, what to do comes first."""
    return [action, *explanation] if outcome.tier == Tier.EMERGENCY else [*explanation, action]


def launch_card(content: Content) -> Card:
    return Card(title=content.text("card.launch_title"), text=content.text("card.disclaimer"))
