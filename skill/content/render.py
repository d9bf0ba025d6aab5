"""Turn the engine's steps into words: speech parts, reprompts and cards."""

from __future__ import annotations

from dataclasses import dataclass

from skill.content import Content
from skill.triage.engine import Ask, Outcome
from skill.triage.vocabulary import Tier

# Why it matters, in the words of the signs that decided the tier: at most this many.
MAX_REASONS = 2


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
        if content.has(f"questions.{qid}.clarify"):
            return (content.text(f"questions.{qid}.clarify"),)
        return (content.text("clarify_intro"), content.text(f"questions.{qid}.explain"),
                content.text("still_unsure_note"), ask)
    return (ask,)


def question_step(content: Content, step: Ask, *before: str) -> Spoken:
    """Speak anything that comes first, then the pending question; reprompt with a hint."""
    asked = ask_question(content, step)
    hint = "" if step.question.kind == "lifestyle" else f" {content.text('answer_hint')}"
    reprompt = f"{asked[-1]}{hint}"
    return Spoken(speech=(*before, *asked), reprompt=reprompt)


def sign_names(content: Content, signs: tuple[str, ...]) -> str:
    return content.join([content.text(f"signs.{sign}") for sign in signs])


def why_asked(content: Content, step: Ask) -> str:
    """"Why do you ask?" for the pending question."""
    question = step.question
    if question.sign is None:
        return content.text(f"questions.{question.id}.why")
    return content.text(f"reasons.{question.sign}")


def outcome_step(content: Content, outcome: Outcome, *before: str) -> Spoken:
    """The outcome: what to do, why, and what to watch for; an emergency is short, number first.

    Nothing comes before an emergency's action: `before` ("Thanks, I've noted ...") is dropped.
    """
    key = f"outcomes.{outcome.tier.key}"
    watch = content.text(f"{key}.watch")
    if outcome.tier == Tier.EMERGENCY:
        action = content.text(f"{key}.action")
        advice = [action, content.text(f"{key}.lead")]
        parts = [*advice]
    elif outcome.tier == Tier.SELF_CARE:
        tips = " ".join(content.text(f"tips.{tip}") for tip in outcome.tips)
        advice = [content.text(f"{key}.why"), content.text(f"{key}.action", tips=tips)]
        parts = [*before, content.text(f"{key}.lead"), *advice]
    else:
        why = [content.text(f"reasons.{sign}") for sign in outcome.deciding[:MAX_REASONS]]
        if content.has(f"{key}.reassure"):
            why.append(content.text(f"{key}.reassure"))
        action = content.text(f"{key}.action")
        advice = [*why, action, *_notes(content, outcome)]
        parts = [*before, *_reported(content, outcome), *advice]
    parts.append(watch)
    return Spoken(speech=tuple(parts), card=_card(content, outcome, advice, watch))


def stopped_step(content: Content, outcome: Outcome) -> Spoken:
    """Stopping part way after a warning sign: what it calls for and what to watch for, without
    the explanations (they are on the outcome's card)."""
    key = f"outcomes.{outcome.tier.key}"
    action = content.text(f"{key}.action")
    if outcome.tier == Tier.EMERGENCY:
        said = [action]
    else:
        said = [*_reported(content, outcome), action, *_notes(content, outcome)]
    card = outcome_step(content, outcome).card
    return Spoken(speech=(*said, content.text(f"{key}.watch"), content.text("stopped")),
                  card=card)


def _reported(content: Content, outcome: Outcome) -> list[str]:
    """"You told me about ...", the unsure ones apart, and symptoms named in their own words."""
    said: list[str] = []
    if outcome.reported:
        said.append(content.text(f"outcomes.{outcome.tier.key}.lead",
                                 signs=sign_names(content, outcome.reported)))
    if outcome.unsure:
        which = "unsure_one" if len(outcome.unsure) == 1 else "unsure_many"
        said.append(content.text(f"outcomes.{which}", signs=sign_names(content, outcome.unsure)))
    if outcome.unrecognised:
        which = "unrecognised" if said else "unrecognised_only"
        said.append(content.text(f"outcomes.{which}", words=_quoted(content, outcome)))
    return said


def _quoted(content: Content, outcome: Outcome) -> str:
    return content.join([f'"{words}"' for words in outcome.unrecognised])


def _notes(content: Content, outcome: Outcome) -> list[str]:
    return [content.text(f"notes.{sign}") for sign in outcome.signs
            if content.has(f"notes.{sign}")]


def _card(content: Content, outcome: Outcome, advice: list[str], watch: str) -> Card:
    names = [content.text(f"signs.{sign}") for sign in outcome.signs]
    names += [f'"{words}"' for words in outcome.unrecognised]
    lines = [
        content.text("card.reported", signs=content.join(names)) if names
        else content.text("card.nothing_reported"),
        content.text("card.advice", text=" ".join(advice)),
        content.text("card.watch", text=watch),
        content.text("card.disclaimer"),
    ]
    return Card(title=content.text(f"outcomes.{outcome.tier.key}.title"), text="\n\n".join(lines))


def launch_card(content: Content) -> Card:
    return Card(title=content.text("card.launch_title"), text=content.text("card.disclaimer"))
