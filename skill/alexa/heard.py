"""What a person's words said about symptoms and lifestyle, ready to apply to a check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from skill.triage import (
    CheckState,
    Rules,
    Tier,
    deny,
    note_factors,
    volunteer,
    volunteer_unrecognised,
)

if TYPE_CHECKING:
    from skill.alexa.conversation import Conversation


class MentionLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def negated(self) -> bool: ...


@dataclass(frozen=True)
class Heard:
    signs: tuple[str, ...] = ()  # said as present
    denied: tuple[str, ...] = ()  # said as absent ("no tingling")
    factors: tuple[str, ...] = ()  # lifestyle factors
    unrecognised: str | None = None  # a symptom no sign covers, in the person's words
    raw: str = ""  # the words Alexa heard
    hedged: bool = False  # "not sure", "no idea", "hard to say"
    says_no: bool = False  # "I'm only thirty, so probably not"
    symptomish: bool = False  # words about a symptom, even if no sign covers them

    @property
    def nothing(self) -> bool:
        """No sign, denial or lifestyle factor was read."""
        return not (self.signs or self.denied or self.factors)

    @classmethod
    def read(cls, mentions: Iterable[MentionLike], raw: str, *, hedged: bool = False,
             symptomish: bool = False, says_no: bool = False) -> Heard:
        signs: list[str] = []
        denied: list[str] = []
        factors: list[str] = []
        for mention in mentions:
            if mention.kind == "factor":
                if not mention.negated:
                    factors.append(mention.id)
            elif mention.negated:
                denied.append(mention.id)
            else:
                signs.append(mention.id)
        return cls(tuple(signs), tuple(denied), tuple(factors), raw=raw, hedged=hedged,
                   symptomish=symptomish, says_no=says_no)

    def merge(self, other: Heard) -> Heard:
        return Heard(signs=_unique(self.signs, other.signs),
                     denied=_unique(self.denied, other.denied),
                     factors=_unique(self.factors, other.factors),
                     unrecognised=self.unrecognised or other.unrecognised,
                     raw=" ".join(w for w in (self.raw, other.raw) if w),
                     hedged=self.hedged or other.hedged,
                     symptomish=self.symptomish or other.symptomish,
                     says_no=self.says_no or other.says_no)

    def is_emergency(self, rules: Rules) -> bool:
        return rules.tier_of(set(self.signs)) == Tier.EMERGENCY

    def apply(self, rules: Rules, state: CheckState) -> CheckState:
        """Denials first (they only ever answer the pending question), then what was said."""
        for sign in self.denied:
            if sign not in self.signs:
                state = deny(rules, state, sign)
        for sign in self.signs:
            state = volunteer(rules, state, sign)
        if self.factors:
            state = note_factors(rules, state, self.factors)
        if self.unrecognised is not None:
            state = volunteer_unrecognised(state, self.unrecognised)
        return state

    def noted(self, talk: Conversation) -> tuple[str, ...]:
        """What to say first: the signs noted, and an unrecognised symptom named back."""
        said: list[str] = []
        if self.signs:
            names = talk.content.join([talk.text(f"signs.{sign}") for sign in self.signs])
            said.append(talk.text("noted_symptom", sign=names))
        if self.unrecognised is not None:
            said.append(talk.text("unknown_symptom", words=f'"{self.unrecognised}"'))
        return tuple(said)


def _unique(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))
