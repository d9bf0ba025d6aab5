"""Intents, their slots and samples: what Amazon's model build (SMAPI) rejects.

Besides the sample text rules (characters, numerals, braces, length), Amazon's build refuses a
slot named twice in one sample and a custom intent without samples; only Amazon's own built-in
intents may have none, and an `AMAZON.` name that is no built-in intent is refused too.
"""

from __future__ import annotations

import re
from typing import Any

from skill.model_check.problems import index
from skill.model_check.scope import Intent, ModelScope
from skill.model_check.words import CURLY_APOSTROPHES, SLOT_REF, normalise, sample_key

MAX_SAMPLE_CHARS = 200
# Period-ended words accepted in samples besides single letters ("a. b. c.", "u.s.").
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]{2,4}\.")
_LETTER_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+")

# Amazon's standard built-in intents (developer.amazon.com, "Standard Built-in Intents"): the
# only intents that may have no samples, since Alexa knows their phrases already.
BUILT_IN_INTENTS = frozenset({
    "AMAZON.CancelIntent", "AMAZON.FallbackIntent", "AMAZON.HelpIntent", "AMAZON.LoopOffIntent",
    "AMAZON.LoopOnIntent", "AMAZON.MoreIntent", "AMAZON.NavigateHomeIntent",
    "AMAZON.NavigateSettingsIntent", "AMAZON.NextIntent", "AMAZON.NoIntent",
    "AMAZON.PageDownIntent", "AMAZON.PageUpIntent", "AMAZON.PauseIntent",
    "AMAZON.PreviousIntent", "AMAZON.RepeatIntent", "AMAZON.ResumeIntent",
    "AMAZON.ScrollDownIntent", "AMAZON.ScrollLeftIntent", "AMAZON.ScrollRightIntent",
    "AMAZON.ScrollUpIntent", "AMAZON.SelectIntent", "AMAZON.SendToPhoneIntent",
    "AMAZON.ShuffleOffIntent", "AMAZON.ShuffleOnIntent", "AMAZON.StartOverIntent",
    "AMAZON.StopIntent", "AMAZON.YesIntent",
})


def is_built_in(name: str) -> bool:
    """A standard built-in intent, or one of Amazon's intent library (`AMAZON.X<object@...>`)."""
    return name in BUILT_IN_INTENTS or (name.startswith("AMAZON.") and "<" in name)


def check_intents(scope: ModelScope) -> None:
    path = f"{scope.base}.intents"
    intents = scope.model.get("intents")
    if not isinstance(intents, list):
        scope.error(path, "the model has no intents list")
        return
    seen: dict[str, str] = {}
    for i, intent in enumerate(intents):
        ipath = index(path, i)
        if not isinstance(intent, dict) or not isinstance(intent.get("name"), str):
            scope.error(ipath, "an intent needs a name")
            continue
        name = intent["name"]
        if name in seen:
            scope.error(ipath, f"intent {name} is defined twice (also {seen[name]})")
            continue
        seen[name] = ipath
        if name.startswith("AMAZON.") and not is_built_in(name):
            scope.error(f"{ipath}.name", f"{name} is not one of Amazon's built-in intents: a "
                                         f"custom intent needs a name without 'AMAZON.'")
        slots = _check_slots(scope, name, intent.get("slots", []), ipath)
        samples = intent.get("samples", [])
        if not isinstance(samples, list):
            scope.error(f"{ipath}.samples", f"intent {name}: samples should be a list")
            samples = []
        raw_slots = intent.get("slots", [])
        record = Intent(len(scope.intents), name, ipath, slots,
                        raw_slots if isinstance(raw_slots, list) else [], [])
        scope.intents.append(record)
        _check_samples(scope, record, samples)


def _check_slots(scope: ModelScope, intent: str, slots: Any, ipath: str) -> dict[str, str]:
    declared: dict[str, str] = {}
    if not isinstance(slots, list):
        scope.error(f"{ipath}.slots", f"intent {intent}: slots should be a list")
        return declared
    for j, slot in enumerate(slots):
        spath = index(f"{ipath}.slots", j)
        if not isinstance(slot, dict) or not isinstance(slot.get("name"), str) \
                or not isinstance(slot.get("type"), str):
            scope.error(spath, f"intent {intent}: a slot needs a name and a type")
            continue
        name, slot_type = slot["name"], slot["type"]
        if name in declared:
            scope.error(spath, f"intent {intent}: slot {name} is declared twice")
            continue
        declared[name] = slot_type
        if slot_type not in scope.type_paths and not slot_type.startswith("AMAZON."):
            scope.error(f"{spath}.type", f"slot type {slot_type} is not defined (slot "
                                         f"{intent}.{name}: neither in types nor AMAZON.*)")
    return declared


def _check_samples(scope: ModelScope, intent: Intent, samples: list[Any]) -> None:
    spath = f"{intent.path}.samples"
    used: set[str] = set()
    first: dict[tuple[str, ...], int] = {}
    for k, sample in enumerate(samples):
        path = index(spath, k)
        if not isinstance(sample, str):
            scope.error(path, f"{intent.name}: a sample should be a string")
            continue
        used.update(SLOT_REF.findall(sample))
        if not check_sample_text(scope, intent, sample, path):
            continue
        intent.samples.append((k, sample))
        key = sample_key(sample)
        if key in first:
            scope.warn(path, f"{intent.name} sample {sample!r} duplicates "
                             f"samples[{first[key]}] ({samples[first[key]]!r})")
        else:
            first[key] = k
    name = intent.name
    if not is_built_in(name):
        if not first:
            scope.error(spath, f"intent {name} has no samples: Alexa can never choose it (only "
                               f"Amazon's built-in intents may have none)")
        elif len(first) < scope.min_samples:
            scope.error(spath, f"intent {name} has {len(first)} samples, "
                               f"needs {scope.min_samples}")
    for j, slot in enumerate(intent.raw_slots):
        if not isinstance(slot, dict) or slot.get("name") not in intent.slots:
            continue
        if slot["name"] not in used and not slot.get("samples"):
            scope.warn(index(f"{intent.path}.slots", j),
                       f"intent {name}: slot {slot['name']} is in no sample")


def check_sample_text(scope: ModelScope, intent: Intent, sample: str, path: str) -> bool:
    """Amazon's sample rules; False when the sample is too broken to compare with others."""
    name = intent.name
    label = f"{name} sample {sample!r}"
    if not sample.strip():
        scope.error(path, f"{name}: empty sample")
        return False
    ok = True
    if len(sample) > MAX_SAMPLE_CHARS:
        scope.error(path, f"{label} is {len(sample)} characters long, over {MAX_SAMPLE_CHARS}")
    refs = SLOT_REF.findall(sample)
    literal = SLOT_REF.sub(" ", sample)
    if "{" in literal or "}" in literal:
        scope.error(path, f"{label} has an unmatched curly brace")
        ok = False
    for ref in refs:
        if ref not in intent.slots:
            scope.error(path, f"intent {name} sample {sample!r} names unknown slot {ref}")
            ok = False
    twice = sorted({ref for ref in refs if refs.count(ref) > 1})
    if twice:
        scope.error(path, f"{label} uses slot {', '.join(twice)} twice: a slot may appear only "
                          f"once in a sample")
        ok = False
    if "}{" in sample:
        scope.error(path, f"{label} has two slots with no space between them")
    if re.search(r"[^\s{}]\{|\}[^\s{}]", sample):
        scope.warn(path, f"{label} has a slot joined to a word; put spaces around slots")
    digits = sorted({ch for ch in literal if ch.isdigit()})
    if digits:
        scope.error(path, f"{label} has numerals ({''.join(digits)}): spell numbers out")
    bad = sorted({ch for ch in literal if not (ch.isalpha() or ch.isdigit() or ch in " '.-_"
                                               or ch in "{}")})
    if bad:
        hint = " (use a straight apostrophe ')" if set(bad) & set(CURLY_APOSTROPHES) else ""
        shown = " ".join(repr(ch) for ch in bad)
        scope.error(path, f"{label} has characters Amazon rejects: {shown}{hint}; samples may "
                          f"have letters, spaces, apostrophes, hyphens, underscores, periods "
                          f"in abbreviations and {{slot}} references")
    tokens = literal.split()
    for t, token in enumerate(tokens):
        if "." not in token:
            continue
        if _LETTER_ABBREVIATION.fullmatch(token):
            continue
        if _ABBREVIATION.fullmatch(token) and t < len(tokens) - 1:
            continue
        scope.error(path, f"{label}: the period in {token!r} is not in an abbreviation")
        break
    if refs and not normalise(literal):
        kinds = {intent.slots.get(ref) for ref in refs}
        if "AMAZON.SearchQuery" in kinds:
            scope.error(path, f"{label}: an AMAZON.SearchQuery slot needs a carrier phrase "
                              f"(words around the slot)")
    return ok
