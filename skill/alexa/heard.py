"""What a person's words said about symptoms and lifestyle, ready to apply to a check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    @property
    def historical(self) -> bool: ...
    @property
    def hypothetical(self) -> bool: ...
    @property
    def other(self) -> bool: ...
    @property
    def current(self) -> bool: ...


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
    others: tuple[str, ...] = ()  # said as present in someone else ("his face has dropped")
    aside: tuple[str, ...] = ()  # read, but not a sign now: long ago, passed, "what if", ordinary
    whatif: tuple[str, ...] = ()  # of those, the ones asked about as "what if"
    worded: bool = False  # read from the person's own words, not a value Alexa resolved
    over: bool = False  # the words say it is long ago or gone now ("years ago", "it's gone")
    closing: str | None = None  # "yes" or "no": the words end on an answer ("so I'd say yes")
    opening: str | None = None  # "yes" or "no": the words start with one ("no, it's the same")

    @property
    def nothing(self) -> bool:
        """No sign, denial or lifestyle factor was read."""
        return not (self.signs or self.denied or self.factors)

    @property
    def read_anything(self) -> bool:
        """Anything at all was read: a sign, a denial, a factor, or a sign set aside."""
        return not self.nothing or bool(self.others or self.aside)

    def about_them(self) -> Heard:
        """The same words from someone checking for another person: "his face" is the face of
        the person the check is about."""
        return replace(self, signs=_unique(self.signs, self.others), others=())

    @classmethod
    def read(cls, mentions: Iterable[MentionLike], raw: str, *, hedged: bool = False,
             symptomish: bool = False, says_no: bool = False, worded: bool = False,
             over: bool = False, closing: str | None = None,
             opening: str | None = None) -> Heard:
        signs: list[str] = []
        denied: list[str] = []
        factors: list[str] = []
        others: list[str] = []
        aside: list[str] = []
        whatif: list[str] = []
        for mention in mentions:
            if mention.kind == "factor":
                if not mention.negated and not mention.hypothetical:
                    factors.append(mention.id)
            elif mention.hypothetical:
                aside.append(mention.id)
                whatif.append(mention.id)
            elif mention.negated:
                if mention.current:
                    denied.append(mention.id)
            elif mention.other and not mention.historical:
                others.append(mention.id)
            elif not mention.current:
                aside.append(mention.id)  # long ago, over now, or explained by the day's drinks
            else:
                signs.append(mention.id)
        return cls(tuple(signs), tuple(denied), tuple(factors), raw=raw, hedged=hedged,
                   symptomish=symptomish, says_no=says_no, others=tuple(others),
                   aside=tuple(aside), whatif=tuple(whatif), worded=worded, over=over,
                   closing=closing, opening=opening)

    def merge(self, other: Heard) -> Heard:
        return Heard(signs=_unique(self.signs, other.signs),
                     denied=_unique(self.denied, other.denied),
                     factors=_unique(self.factors, other.factors),
                     unrecognised=self.unrecognised or other.unrecognised,
                     raw=" ".join(w for w in (self.raw, other.raw) if w),
                     hedged=self.hedged or other.hedged,
                     symptomish=self.symptomish or other.symptomish,
                     says_no=self.says_no or other.says_no,
                     others=_unique(self.others, other.others),
                     aside=_unique(self.aside, other.aside),
                     whatif=_unique(self.whatif, other.whatif),
                     worded=self.worded or other.worded, over=self.over or other.over,
                     closing=other.closing or self.closing,
                     opening=self.opening or other.opening)

    def is_emergency(self, rules: Rules) -> bool:
        return rules.tier_of(set(self.signs)) == Tier.EMERGENCY

    def is_their_emergency(self, rules: Rules) -> bool:
        """Someone else's emergency ("my mum just had a fit"): the number, for them."""
        return rules.tier_of(set(self.others)) == Tier.EMERGENCY

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
