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
        # needs help now (emergency)
        "emergency_now",  # the up-front screen: "is any of this happening now?"
        "stroke_passed",  # a stroke warning that came and went (TIA): face, arm, speech, sight
        "breathing_now",  # struggling to breathe now, choking and cannot breathe
        "chest_pain",  # chest pain, pressure, heaviness or tightness
        "allergic",  # swelling of the lips, tongue, mouth or throat; "an allergic reaction"
        "seizure",  # a fit or seizure
        "confusion",  # new confusion or drowsiness
        "rash_fever",  # a rash that does not fade under a glass (with a fever)
        "face_droop",
        "sudden_weakness",  # weakness or numbness that came on suddenly (stroke: "arm")
        "sudden_speech",
        "sudden_balance",
        "vision",  # sudden loss of vision or double vision (not blur alone)
        "meningism",  # stiff neck with a fever (not a fever alone)
        "thunderclap",  # sudden severe headache
        # same day (urgent)
        "breathless",  # short of breath at rest or lying flat
        "swallowing",  # includes choking on food
        "weakness_fast",  # weakness that came on over hours to days
        "speech_fast",  # speech change over hours to days
        "balance_fast",  # walking or balance change over hours to days
        "bladder_bowel",
        "injury_recent",  # the neck injury was in the last week
        "injury_danger",  # a dive, fall from height, fast crash, bike collision, or neck pain
        "neck_pain_sudden",  # sudden severe neck pain after manipulation or an injury
        "serotonin",  # jerks with sweating, agitation or fever on an SSRI, tramadol, triptan
        "pregnancy_warning",  # pregnant, with headache, vision change or sudden swelling
        # a GP appointment in the next week or two (soon)
        "speech",  # slowly changing speech (weeks to months)
        "weakness",  # includes clumsy hands: buttons, writing, dropping things
        "balance",
        "wasting",
        "tongue",  # twitching of the tongue
        "worsening",
        "injury",  # a neck injury (fall, accident) before the twitching, at any time
        "numbness",
        "spreading",  # twitching in more than one place
        "stiffness",  # muscle stiffness or cramps
        "weight_loss",
        "duration",  # over two weeks (or, as asked, getting worse)
        "medicine",
        "pregnant",  # the questions were not written for pregnancy: the midwife should know
        "under_16",  # the check is for adults
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
