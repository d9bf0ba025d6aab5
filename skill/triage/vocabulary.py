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

# Warning signs a question can ask about or a user can volunteer. Each has its tier and source
# in rules.yaml; this list is what names may appear there and in the interaction model.
SIGNS: frozenset[str] = frozenset(
    {
        # needs help now
        "emergency_now",  # the up-front screen: "is any of this happening now?"
        "breathing_now",  # struggling to breathe now, choking and cannot breathe
        "face_droop",
        "sudden_weakness",  # weakness or numbness that came on suddenly (BE-FAST "arm")
        "sudden_speech",
        "sudden_balance",
        "vision",  # sudden loss of vision or double vision
        "meningism",  # stiff neck with a fever
        "thunderclap",  # sudden severe headache
        # same day
        "breathless",  # short of breath at rest or lying flat
        "swallowing",  # includes choking on food
        "speech",
        "weakness",  # includes clumsy hands: buttons, writing, dropping things
        "balance",
        "wasting",
        "bladder_bowel",
        "injury",  # a neck injury (fall, accident) before the twitching
        "worsening",
        "tongue",  # twitching of the tongue
        # within a week or two
        "numbness",
        "spreading",
        "stiffness",  # muscle stiffness or cramps
        "weight_loss",
        "duration",
        "daily_life",
        "medicine",
        # a symptom the skill does not recognise: never self-care
        "unrecognised",
    }
)

# Lifestyle factors only choose advice; they never change a tier.
LIFESTYLE_FACTORS: frozenset[str] = frozenset({"stress", "sleep", "caffeine", "nicotine", "desk"})

TIPS: frozenset[str] = frozenset(
    {"stress", "sleep", "caffeine", "nicotine", "posture", "rest", "worry", "stretch",
     "caffeine_alcohol"}
)
