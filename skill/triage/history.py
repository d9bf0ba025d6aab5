"""A return visit: the last finished check, and what is new since then.

Pure, like the engine: the last check in (its date, outcome tier and signs), this check's state
in, the signs that are new and the state the rules make of them out. The rule itself is data
(rules.yaml `since_last_check`, with its source): after a check that ended in self-care,
anything new is a sign that it is getting worse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from skill.triage.engine import CheckState, present_signs, volunteer
from skill.triage.rules import Rules
from skill.triage.vocabulary import Tier


@dataclass(frozen=True)
class LastCheck:
    """What memory keeps of a finished check: no answers, no words, only this."""

    day: date
    tier: Tier
    signs: frozenset[str]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "tier": self.tier.key, "signs": sorted(self.signs)}

    @classmethod
    def from_dict(cls, raw: Any, rules: Rules) -> LastCheck | None:
        """The stored record, or None when it is not one this code wrote."""
        if not isinstance(raw, dict):
            return None
        signs = raw.get("signs")
        try:
            day = date.fromisoformat(str(raw.get("date")))
            tier = Tier.from_key(str(raw.get("tier")))
        except (ValueError, KeyError):
            return None
        if not isinstance(signs, list) or not all(
                isinstance(sign, str) and sign in rules.signs for sign in signs):
            return None
        return cls(day=day, tier=tier, signs=frozenset(signs))


@dataclass(frozen=True)
class Since:
    new: tuple[str, ...]  # signs present now that were not at the last check, in asking order
    state: CheckState  # this check, with what the rules add because of them


def since_last(rules: Rules, last: LastCheck, state: CheckState) -> Since:
    """What is new since `last`, and the check with the `since_last_check` rule applied."""
    rule = rules.since_last_check
    present = present_signs(rules, state)
    added = {rule.sign} if rule is not None else set()
    new = tuple(sorted(present - last.signs - added, key=lambda s: rules.sign_order.get(s, 0)))
    if rule is not None and new and last.tier in rule.after and rule.sign not in present:
        state = volunteer(rules, state, rule.sign)
    return Since(new=new, state=state)


def record(rules: Rules, state: CheckState, tier: Tier, day: date) -> LastCheck:
    """What memory keeps of the check that just ended."""
    return LastCheck(day=day, tier=tier, signs=frozenset(present_signs(rules, state)))
