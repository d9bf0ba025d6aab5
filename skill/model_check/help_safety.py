"""An emergency sample a certification tester would say to check Help.

A tester checks `AMAZON.HelpIntent` with phrases such as "help", "I need help" and "help me".
Alexa's recogniser generalises from samples, so an emergency sample made only of help words and
urgency ("I need help now") draws those phrases: the tester asking for help would be told to call
the emergency number, and the skill fails certification (and frightens a user who only wanted
help with a question). An emergency sample must name the emergency ("I can't breathe", "call an
ambulance"); then "help" beside it is fine.
"""

from __future__ import annotations

from skill.model_check.scope import ModelScope
from skill.model_check.words import SLOT_REF, normalise

HELP_WORDS = frozenset({"help", "helps", "assistance", "assist"})
# Words that say how or how soon help is wanted, not what the emergency is.
_NOT_AN_EMERGENCY = HELP_WORDS | frozenset({
    "i", "i'm", "im", "need", "needs", "want", "some", "me", "us", "now", "right", "please",
    "quick", "quickly", "urgent", "urgently", "immediately", "asap", "get", "can", "could",
    "would", "you", "someone", "somebody", "anyone", "anybody", "a", "little", "bit", "just",
    "oh", "hey", "ok", "okay", "so", "really", "badly", "desperately", "with", "this", "here",
    "give", "send", "be", "there", "is", "do", "help's", "hurry", "fast", "soon", "straight",
    "away", "god", "my", "more", "your", "the", "we", "we're", "i'd", "like", "am", "are", "it",
    "any", "out", "of", "to", "very", "much", "who", "there's"})


def emergency_intents() -> frozenset[str]:
    """The intents that answer with the emergency number (from the code's constants)."""
    from skill.alexa import constants as names

    named = getattr(names, "EMERGENCY_INTENTS", None)
    if named is not None:
        return frozenset(named)
    return frozenset({names.EMERGENCY})


def heard_as_help(sample: str) -> bool:
    """True when a sample is only a request for help: help words and how soon, nothing else."""
    if SLOT_REF.search(sample):
        return False
    words = normalise(sample)
    return bool(HELP_WORDS & set(words)) and set(words) <= _NOT_AN_EMERGENCY


def check_help_safety(scope: ModelScope) -> None:
    emergency = emergency_intents()
    for intent in scope.intents:
        if intent.name not in emergency:
            continue
        for k, sample in intent.samples:
            if heard_as_help(sample):
                scope.error(f"{intent.path}.samples[{k}]",
                            f"{intent.name} sample {sample!r} is a plain request for help: a "
                            f"certification tester checking Help ('I need help') would be told "
                            f"to call the emergency number; name the emergency instead "
                            f"('I need an ambulance', 'help, I can't breathe')")
