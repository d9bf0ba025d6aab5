"""Example phrases, the most common reason Amazon's certification fails a skill.

The store shows up to three. The first starts with the wake word and opens the skill or asks it
something ("Alexa, open neck twitch check"). Every phrase must be heard by the skill as one of
its samples in that locale: for "Alexa, ask neck twitch check why my neck is twitching" Alexa
takes away the wake word, the launch phrase, the invocation name and a connecting word, and
"why my neck is twitching" must then be a sample of some intent (slot values from the slot's
type). Sources: developer.amazon.com, "Understand How Users Invoke Custom Skills", the
certification checklist's example phrase tests, and the Alexa blog's "Crafting great example
phrases that meet certification requirements".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from skill.model_check.invocation import invocation_phrases
from skill.model_check.manifest import PUBLISHED, published
from skill.model_check.problems import Problem, index
from skill.model_check.words import normalise, sample_key

MAX_EXAMPLE_PHRASES = 3
# The phrases Amazon's "Standard Built-in Intents" table gives for the common built-in intents:
# an example phrase may use them when the model has the intent, even without its own samples.
BUILT_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.CancelIntent": ("cancel", "never mind", "forget it"),
    "AMAZON.HelpIntent": ("help", "help me", "can you help me"),
    "AMAZON.NoIntent": ("no", "no thanks"),
    "AMAZON.RepeatIntent": ("repeat", "say that again", "repeat that"),
    "AMAZON.StartOverIntent": ("start over", "restart", "start again"),
    "AMAZON.StopIntent": ("stop", "off", "shut up"),
    "AMAZON.YesIntent": ("yes", "yeah", "sure"),
    "AMAZON.NavigateHomeIntent": ("go home",),
}
WAKE_WORD = "alexa"
_ANY_WORDS = r"\S+(?: \S+)*"


@dataclass(frozen=True)
class ExamplePhrase:
    """How Alexa hears an example phrase: its kind and the requests it can carry."""

    text: str
    wake: bool  # starts with "Alexa"
    kind: str  # "launch" | "one-shot" | "in-session" | "unsupported"
    requests: tuple[tuple[str, ...], ...] = ()  # what must be a sample (any one of them)


def parse_example(text: str, invocation_name: str, language: str = "en") -> ExamplePhrase:
    """How Alexa hears `text` in `language` ("en", "es": its launch and one-shot phrases)."""
    launch_phrases, one_shot_phrases, request_first = invocation_phrases(language)
    words = normalise(text)
    wake = words[:1] == (WAKE_WORD,)
    rest = words[1:] if wake else words
    name = normalise(invocation_name)
    at = next((i for i in range(len(rest) - len(name) + 1) if rest[i:i + len(name)] == name),
              None) if name else None
    if at is None:
        return ExamplePhrase(text, wake, "in-session", (rest,) if rest else ())
    before, after = rest[:at], rest[at + len(name):]
    if before[-1:] == ("the",):
        before = before[:-1]
    if after[:1] in (("skill",), ("app",)):
        after = after[1:]
    if not after and before in launch_phrases:
        return ExamplePhrase(text, wake, "launch")
    connectors = one_shot_phrases.get(before)
    if after and connectors is not None:
        requests = [after]
        if after[0] in connectors and len(after) > 1:
            requests.append(after[1:])
        return ExamplePhrase(text, wake, "one-shot", tuple(requests))
    if not after and len(before) > 1 and before[-1] in request_first:
        return ExamplePhrase(text, wake, "one-shot", (before[:-1],))
    return ExamplePhrase(text, wake, "unsupported")


class SampleMatcher:
    """Whether words are a sample of some intent of one language model (slots filled with
    their type's values and synonyms; a built-in type's slot with any words)."""

    def __init__(self, model: Any) -> None:
        # (intent, sample, its words and slot patterns, its literal words)
        self.samples: list[tuple[str, str, list[str], frozenset[str]]] = []
        self._compiled: dict[int, re.Pattern[str]] = {}
        if not isinstance(model, dict):
            return
        values: dict[str, str] = {}
        types = model.get("types")
        for slot_type in types if isinstance(types, list) else []:
            if not isinstance(slot_type, dict) or not isinstance(slot_type.get("name"), str):
                continue
            phrases: set[str] = set()
            for value in slot_type.get("values") or []:
                name = value.get("name") if isinstance(value, dict) else None
                if not isinstance(name, dict):
                    continue
                for entry in [name.get("value"), *(name.get("synonyms") or [])]:
                    if isinstance(entry, str) and normalise(entry):
                        phrases.add(" ".join(normalise(entry)))
            alternatives = sorted(phrases, key=lambda p: (-len(p), p))
            values[slot_type["name"]] = "(?:" + "|".join(map(re.escape, alternatives)) + ")" \
                if alternatives else _ANY_WORDS
        intents = model.get("intents")
        for intent in intents if isinstance(intents, list) else []:
            if not isinstance(intent, dict) or not isinstance(intent.get("name"), str):
                continue
            slots = {slot.get("name"): slot.get("type") for slot in intent.get("slots") or []
                     if isinstance(slot, dict)}
            samples = [*(intent.get("samples") or []), *BUILT_IN_PHRASES.get(intent["name"], ())]
            for sample in samples:
                if not isinstance(sample, str):
                    continue
                parts: list[str] = []
                literal: set[str] = set()
                for part in sample_key(sample):
                    if part.startswith("{"):
                        parts.append(values.get(str(slots.get(part[1:-1])), _ANY_WORDS))
                    else:
                        parts.append(re.escape(part))
                        literal.add(part)
                if parts:
                    self.samples.append((intent["name"], sample, parts, frozenset(literal)))

    def match(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """(intent, sample) of the first sample the words are, or None."""
        text = " ".join(words)
        present = set(words)
        for i, (intent, sample, parts, literal) in enumerate(self.samples):
            if not literal <= present:
                continue  # a word of the sample is missing: no need to build its pattern
            pattern = self._compiled.get(i)
            if pattern is None:
                pattern = self._compiled[i] = re.compile(" ".join(parts))
            if pattern.fullmatch(text):
                return intent, sample
        return None


def example_phrase_problems(manifest: dict[str, Any], models: Mapping[str, Any]
                            ) -> list[Problem]:
    """The example phrases of every published locale that has a model in `models`."""
    file = "skill.json"
    problems: list[Problem] = []
    for locale, entry in sorted((published(manifest) or {}).items()):
        model = models.get(locale)
        if not isinstance(entry, dict) or not isinstance(model, dict):
            continue
        where = f"{PUBLISHED}.locales.{locale}.examplePhrases"
        phrases = entry.get("examplePhrases")
        if not isinstance(phrases, list) or not phrases:
            problems.append(Problem(where, "missing: the store needs at least one example "
                                           "phrase", file))
            continue
        if len(phrases) > MAX_EXAMPLE_PHRASES:
            problems.append(Problem(where, f"{len(phrases)} example phrases; the store takes at "
                                           f"most {MAX_EXAMPLE_PHRASES}", file))
        invocation = str(model.get("invocationName") or "")
        matcher = SampleMatcher(model)
        seen: set[tuple[str, ...]] = set()
        for p, text in enumerate(phrases):
            here = index(where, p)
            if not isinstance(text, str) or not normalise(text):
                problems.append(Problem(here, "an empty example phrase", file))
                continue
            if normalise(text) in seen:
                problems.append(Problem(here, f"{text!r} is given twice", file))
            seen.add(normalise(text))
            heard = parse_example(text, invocation, locale.split("-")[0])
            problems += _phrase_problems(heard, p, locale, here,
                                         invocation, matcher)
    return problems


def _phrase_problems(phrase: ExamplePhrase, position: int, locale: str, here: str,
                     invocation: str, matcher: SampleMatcher) -> list[Problem]:
    file = "skill.json"
    text = phrase.text
    found: list[Problem] = []
    if position == 0 and not phrase.wake:
        found.append(Problem(here, f"the first example phrase {text!r} must start with the wake "
                                   f"word: 'Alexa, open {invocation}'", file))
    if position == 0 and phrase.kind == "in-session":
        found.append(Problem(here, f"the first example phrase {text!r} must name the skill: "
                                   f"'Alexa, open {invocation}' or 'Alexa, ask {invocation} "
                                   f"...'", file))
    if phrase.kind == "unsupported":
        found.append(Problem(here, f"{text!r} does not invoke the skill the ways Alexa supports: "
                                   f"'Alexa, open {invocation}', 'Alexa, ask {invocation} to "
                                   f"...', 'Alexa, tell {invocation} that ...'", file))
        return found
    if phrase.kind == "in-session" and phrase.wake:
        found.append(Problem(here, f"{text!r} says 'Alexa' but not the invocation name "
                                   f"{invocation!r}: Alexa would not send it to the skill",
                             file))
        return found
    if phrase.requests and not any(matcher.match(r) for r in phrase.requests):
        said = " or ".join(repr(" ".join(r)) for r in phrase.requests)
        found.append(Problem(here, f"{text!r} is no sample of any intent in {locale}: {said} "
                                   f"must be a sample (the most common certification failure)",
                             file))
    if phrase.kind == "in-session" and position > 0:
        found.append(Problem(here, f"{text!r} is heard only inside a session; someone trying it "
                                   f"from the store card needs a one-shot: 'Alexa, ask "
                                   f"{invocation} ...'", file, warning=True))
    return found
