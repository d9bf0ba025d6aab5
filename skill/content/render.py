"""Turn the engine's steps into words: speech parts, reprompts and cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def ask_question(content: Content, step: Ask, *, other: bool = False) -> tuple[str, ...]:
    """The question, explained first when the user was unsure of it; `other` asks it about the
    person someone is checking for ("Are they short of breath ...?")."""
    qid = step.question.id
    ask = content.text(f"questions.{qid}.ask")
    if other and content.has(f"questions.{qid}.ask_other"):
        ask = content.text(f"questions.{qid}.ask_other")
    if step.clarify:
        if content.has(f"questions.{qid}.clarify"):
            return (content.text(f"questions.{qid}.clarify"),)
        return (content.text("clarify_intro"), content.text(f"questions.{qid}.explain"),
                content.text("still_unsure_note"), ask)
    return (ask,)


def question_step(content: Content, step: Ask, *before: str, other: bool = False) -> Spoken:
    """Speak anything that comes first, then the pending question; reprompt with a hint."""
    asked = ask_question(content, step, other=other)
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


# Signs beside which "don't stop a prescribed medicine" is not said: with breathing or swallowing
# trouble, or a symptom the skill cannot read (it may be a reaction), the advice is the tier's.
_NO_MEDICINE_NOTE = frozenset({"breathless", "breathing_now", "swallowing"})


def _reassure(content: Content, key: str, outcome: Outcome) -> list[str]:
    """"This is often harmless", never beside a symptom the skill could not assess."""
    if outcome.unrecognised or not content.has(f"{key}.reassure"):
        return []
    return [content.text(f"{key}.reassure")]


def outcome_step(content: Content, outcome: Outcome, *before: str, unread: bool = False,
                 other: bool = False) -> Spoken:
    """The outcome: what to do, why, and what to watch for; an emergency is short, number first.

    Nothing comes before an emergency's action: `before` ("Thanks, I've noted ...") is dropped.
    `unread`: something said in the check was not understood, so self-care says no "Good news".
    `other`: the emergency is someone else's ("call 911 for them").
    """
    key = f"outcomes.{outcome.tier.key}"
    watch = content.text(f"{key}.watch")
    if outcome.tier == Tier.EMERGENCY:
        action = content.text("understanding.their_emergency" if other else f"{key}.action")
        advice = [action, content.text(f"{key}.lead")]
        parts = [*advice]
    elif outcome.tier == Tier.SELF_CARE:
        tips = " ".join(content.text(f"tips.{tip}") for tip in outcome.tips)
        advice = [content.text(f"{key}.why"), content.text(f"{key}.action", tips=tips)]
        lead = ([content.text(f"{key}.lead_unread"), content.text("understanding.unread")]
                if unread else [content.text(f"{key}.lead")])
        parts = [*before, *lead, *advice]
    else:
        why = [content.text(f"reasons.{sign}") for sign in outcome.deciding[:MAX_REASONS]]
        why.extend(_reassure(content, key, outcome))
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
    quiet = bool(outcome.unrecognised) or bool(_NO_MEDICINE_NOTE & set(outcome.signs))
    return [content.text(f"notes.{sign}") for sign in outcome.signs
            if content.has(f"notes.{sign}") and not (quiet and sign == "medicine")]


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


# Screens (APL) -------------------------------------------------------------------------------
# What a screen shows, built from the same content values the speech above uses; skill.apl turns
# it into a document's datasource. Plain text only: no SSML, and no words in the documents.

def screen_word(content: Content, key: str, **values: str) -> str:
    """A word only the screens need: the locale's `screen.<key>`."""
    return content.text(f"screen.{key}", **values)


def _screen_base(content: Content, kind: str, screen_id: str) -> dict[str, Any]:
    return {"kind": kind, "id": screen_id, "skill": content.text("skill_name"),
            "notice": content.text("launch.notice"), "disclaimer": content.text("card.disclaimer")}


def _note(content: Content, parts: tuple[str, ...], *shown: str) -> str:
    """What was said before the question, as one paragraph, less what the screen shows anyway:
    the welcome (the skill's name), the notice, the hint and `shown`."""
    on_screen = {content.text(key) for key in ("launch.notice", "launch.welcome",
                                               "memory.welcome_back", "answer_hint")}
    on_screen.update(shown)
    return " ".join(p.strip() for p in parts if p.strip() and p.strip() not in on_screen)


def question_screen(content: Content, step: Ask, *before: str, number: int,
                    total: int, other: bool = False) -> dict[str, Any]:
    """A question's screen: what `question_step` says, the answers as labels, and progress.

    `number` is this question's place in the check and `total` about how many there will be.
    """
    question = step.question
    asked = ask_question(content, step, other=other)
    explain = content.text(f"questions.{question.id}.explain")
    lifestyle = question.kind == "lifestyle"
    screen = _screen_base(content, "question", question.id)
    screen.update(
        question=asked[-1],
        explain=explain,
        note=_note(content, (*before, *asked[:-1]), explain),
        hint=content.text("fallback_choices_lifestyle" if lifestyle else "answer_hint"),
        progress=(content.text("navigation.last_one") if total <= number
                  else screen_word(content, "progress", n=str(number), total=str(total))),
        why=screen_word(content, "why"),
        back=screen_word(content, "back") if number > 1 or step.clarify else "",
    )
    if lifestyle:
        screen.update(
            factors={factor: str(label) for factor, label in _screen_factors(content).items()},
            none=screen_word(content, "none"),
            done=screen_word(content, "done"),
        )
    else:
        screen["answers"] = {reply: screen_word(content, f"answer_{reply}")
                             for reply in ("yes", "no", "not_sure")}
    return screen


def _screen_factors(content: Content) -> dict[str, Any]:
    factors: dict[str, Any] = content.lookup("screen.factors")
    return factors


def offer_screen(content: Content, *before: str) -> dict[str, Any]:
    """The offer to carry on a check left unfinished: yes or no."""
    screen = _screen_base(content, "question", "resume")
    screen.update(
        question=content.text("memory.offer"),
        explain="",
        note=_note(content, before, content.text("memory.offer_hint")),
        hint=content.text("memory.offer_hint"),
        progress="",
        why="",
        back="",
        answers={reply: screen_word(content, f"answer_{reply}") for reply in ("yes", "no")},
    )
    return screen


def outcome_screen(content: Content, outcome: Outcome) -> dict[str, Any]:
    """An outcome's screen: the words of `outcome_step` and its card, one look per tier."""
    tier = outcome.tier
    key = f"outcomes.{tier.key}"
    names = [content.text(f"signs.{sign}") for sign in outcome.signs]
    names += [f'"{words}"' for words in outcome.unrecognised]
    screen = _screen_base(content, "outcome", tier.key)
    screen.update(
        tier=tier.key,
        title=content.text(f"{key}.title"),
        reported=(content.text("card.reported", signs=content.join(names)) if names
                  else content.text("card.nothing_reported")),
        watch=content.text(f"{key}.watch"),
        watchLine=content.text("card.watch", text=content.text(f"{key}.watch")),
        # The number alone, large, where the locale has one; else the words to call.
        number=content.number if content.known_number else "",
        call=content.call,
        lead="",
        action="",
        reasons=[],
        tipsHeading="",
        tips=[],
    )
    if tier == Tier.EMERGENCY:
        screen.update(action=content.text(f"{key}.action"), lead=content.text(f"{key}.lead"))
    elif tier == Tier.SELF_CARE:
        screen.update(
            # The lead ("Good news: none of the warning signs") is the title and `reported`.
            reasons=[content.text(f"{key}.why")],
            # "What may help: {tips}" is one sentence when spoken; a heading and a list here.
            tipsHeading=content.text(f"{key}.action", tips="").strip(),
            tips=[content.text(f"tips.{tip}") for tip in outcome.tips],
        )
    else:
        said = _reported(content, outcome)
        # `reported` names every sign; what is said beside it (unsure, not assessable) stays.
        extra = said[1:] if outcome.reported else said
        why = [content.text(f"reasons.{sign}") for sign in outcome.deciding[:MAX_REASONS]]
        why.extend(_reassure(content, key, outcome))
        screen.update(
            lead=" ".join(extra),
            action=content.text(f"{key}.action"),
            reasons=[*why, *_notes(content, outcome)],
        )
    return screen


def message_screen(content: Content, *speech: str) -> dict[str, Any]:
    """Anything else that ends the session (goodbye, data deleted): what was said."""
    screen = _screen_base(content, "message", "message")
    screen["lines"] = [part.strip() for part in speech if part.strip()]
    return screen
