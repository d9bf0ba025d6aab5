"""The names the triage rules may use: tiers, signs, lifestyle factors and tips."""

from __future__ import annotations

from enum import IntEnum


class Tier(IntEnum):
    """Outcome tiers, ordered by urgency so that `max()` picks the safest one."""

    SELF_CARE = 0
    SOON = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def key(self) -> str:
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> Tier:
        return cls[key.upper()]


TIER_KEYS: frozenset[str] = frozenset(tier.key for tier in Tier)

# Red-flag signs a question can ask about or a user can volunteer.
SIGNS: frozenset[str] = frozenset(
    {
        "swallowing",
        "breathing",
        "speech",
        "sudden_speech",
        "weakness",
        "sudden_weakness",
        "balance",
        "sudden_balance",
        "wasting",
        "numbness",
        "spreading",
        "duration",
        "daily_life",
        "medicine",
    }
)

# Lifestyle factors only choose advice; they never change a tier.
LIFESTYLE_FACTORS: frozenset[str] = frozenset({"stress", "sleep", "caffeine", "nicotine", "desk"})

TIPS: frozenset[str] = frozenset(
    {"stress", "sleep", "caffeine", "nicotine", "posture", "magnesium_potassium"}
)
