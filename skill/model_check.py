"""`neck-twitch check-model`: the interaction models agree with the code and with Amazon's rules.

Every locale model of an ASK CLI skill package (`interactionModels/custom/<locale>.json`) is
checked for what Amazon's build rejects (invocation name, sample and slot rules), for what makes
Alexa misroute (a phrase that two intents can both match, after expanding slot values and
synonyms), and against the code (intents with handlers, slot types, slot type ids). Each problem
is one line: file, JSON path, message. See docs/check-model.md.

Only the standard library and click are imported here; the skill's constants and triage rules
are imported when a check runs.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

MODEL_DIR = Path(__file__).resolve().parents[1] / "interaction_model"
LANGUAGE_MODEL_PATH = "$.interactionModel.languageModel"
MIN_SAMPLES = 8
MAX_SAMPLE_CHARS = 200
# Bounds the search for phrases two intents share (states of the phrase automaton explored).
MAX_COLLISION_STATES = 100_000
MAX_COLLISIONS = 100  # collisions reported per model

_SLOT_REF = re.compile(r"\{([^{}]*)\}")
_WORD_SPLIT = re.compile(r"[\s.\-_]+")
_CURLY_APOSTROPHES = "\u2019\u2018\u02bc`"
_TO_STRAIGHT = str.maketrans({ch: "'" for ch in _CURLY_APOSTROPHES})

# Amazon's invocation name requirements (developer.amazon.com, "Choose the Invocation Name for a
# Custom Skill"): no wake words or "skill"/"app"; no launch phrases or connecting words; a
# two-word name may not use an article or a preposition.
WAKE_WORDS = frozenset({"alexa", "amazon", "echo", "computer", "skill", "skills", "app", "apps"})
LAUNCH_WORDS = frozenset({"open", "ask", "tell", "launch", "start", "play", "run", "use", "load",
                          "begin", "resume", "enable"})
CONNECTING_WORDS = frozenset({"to", "from", "by", "if", "and", "whether", "for", "with"})
TWO_WORD_FORBIDDEN = frozenset({"the", "a", "an", "for", "to", "of"})
# Period-ended words accepted in samples besides single letters ("a. b. c.", "u.s.").
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]{2,4}\.")
_LETTER_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+")


@dataclass(frozen=True)
class Problem:
    """One finding: where (file and JSON path) and what. Warnings do not fail the check."""

    path: str
    message: str
    file: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class Report:
    """What `check_package` found, and what it looked at (for the summary line)."""

    problems: list[Problem] = field(default_factory=list)
    locales: list[str] = field(default_factory=list)
    intents: int = 0
    samples: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def model_path(locale: str, model_dir: Path = MODEL_DIR) -> Path:
    return model_dir / "interactionModels" / "custom" / f"{locale}.json"


def model_locales(model_dir: Path = MODEL_DIR) -> list[str]:
    """The locales that have a model file in a skill package, sorted."""
    folder = model_dir / "interactionModels" / "custom"
    return sorted(path.stem for path in folder.glob("*.json") if path.is_file())


def load_model(path: Path) -> dict[str, Any]:
    """The `languageModel` of a model file (raises OSError, ValueError, KeyError, TypeError)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    model: dict[str, Any] = data["interactionModel"]["languageModel"]
    return model


def normalise(text: str) -> tuple[str, ...]:
    """Words as Alexa would compare them: lower case, straight apostrophes, no punctuation.

    Periods, hyphens and underscores separate words ("a. b. c." and "a.b.c." are both a b c).
    """
    words = []
    for raw in _WORD_SPLIT.split(text.translate(_TO_STRAIGHT).casefold()):
        word = "".join(ch for ch in raw if ch.isalnum() or ch == "'")
        if word:
            words.append(word)
    return tuple(words)


# --- the code's side: intents, slot types and the ids slot types must have -------------------


def expected_type_ids() -> tuple[dict[str, frozenset[str]], list[str]]:
    """Slot type -> the ids the code expects (`skill.alexa.constants.SLOT_TYPE_IDS`), and any
    trouble reading them."""
    from skill.alexa import constants as names

    table: Any = getattr(names, "SLOT_TYPE_IDS", None)
    if not isinstance(table, Mapping):
        return {}, ["skill.alexa.constants.SLOT_TYPE_IDS is not a mapping"]
    expected: dict[str, frozenset[str]] = {}
    trouble: list[str] = []
    for type_name, ids in table.items():
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            trouble.append(f"the ids of slot type {type_name} are not a collection")
            continue
        expected[str(type_name)] = frozenset(str(item) for item in ids)
    return expected, trouble


# --- the checks ---------------------------------------------------------------------------------


def _index(path: str, i: int) -> str:
    return f"{path}[{i}]"


@dataclass
class _Intent:
    index: int  # in the checker's list of intents
    name: str
    path: str
    slots: dict[str, str]  # slot name -> type name
    raw_slots: list[Any]
    samples: list[tuple[int, str]] = field(default_factory=list)  # (index, text) of good ones


@dataclass(frozen=True)
class _Template:
    """A sample as words and slot holes, for finding phrases two intents share."""

    intent: int  # index into the intents list
    sample: int  # index into that intent's samples
    parts: tuple[str | int, ...]  # a word, or the index of a slot type's value trie


@dataclass
class _Trie:
    """A slot type's values and synonyms as a word trie (node 0 is the root)."""

    children: list[dict[str, int]] = field(default_factory=lambda: [{}])
    terminal: list[bool] = field(default_factory=lambda: [False])

    def add(self, words: Sequence[str]) -> None:
        node = 0
        for word in words:
            child = self.children[node].get(word)
            if child is None:
                child = len(self.children)
                self.children[node][word] = child
                self.children.append({})
                self.terminal.append(False)
            node = child
        self.terminal[node] = True


class _Checker:
    """Checks one language model; `problems` collects what it finds."""

    def __init__(self, model: Any, file: str, min_samples: int, base: str) -> None:
        self.model = model
        self.file = file
        self.min_samples = min_samples
        self.base = base
        self.problems: list[Problem] = []
        self.intents: list[_Intent] = []
        self.type_values: dict[str, dict[tuple[str, ...], str]] = {}  # type -> phrase -> id
        self.type_paths: dict[str, str] = {}
        self.type_raw: dict[str, dict[str, Any]] = {}

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.file))

    def warn(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.file, warning=True))

    def run(self) -> list[Problem]:
        if not isinstance(self.model, dict):
            self.error(self.base, "should be an object")
            return self.problems
        self.check_invocation_name()
        self.check_types()
        self.check_intents()
        self.check_code_agreement()
        self.check_collisions()
        return self.problems

    # invocation name

    def check_invocation_name(self) -> None:
        path = f"{self.base}.invocationName"
        name = self.model.get("invocationName")
        if not isinstance(name, str) or not name.strip():
            self.error(path, "the invocation name is missing or empty")
            return
        for problem in invocation_name_problems(name):
            self.error(path, f"invocation name {name!r}: {problem}")

    # slot types

    def check_types(self) -> None:
        path = f"{self.base}.types"
        types = self.model.get("types", [])
        if not isinstance(types, list):
            self.error(path, "should be a list")
            return
        for t, slot_type in enumerate(types):
            tpath = _index(path, t)
            if not isinstance(slot_type, dict) or not isinstance(slot_type.get("name"), str):
                self.error(tpath, "a slot type needs a name")
                continue
            name = slot_type["name"]
            if name in self.type_paths:
                self.error(tpath, f"slot type {name} is defined twice "
                                  f"(also {self.type_paths[name]})")
                continue
            self.type_paths[name] = tpath
            self.type_raw[name] = slot_type
            if "valueSupplier" in slot_type and "values" not in slot_type:
                continue  # values from a catalog: nothing here to check or expand
            self.type_values[name] = self.check_values(name, slot_type.get("values"), tpath)

    def check_values(self, type_name: str, values: Any, tpath: str) -> dict[tuple[str, ...], str]:
        vpath = f"{tpath}.values"
        phrases: dict[tuple[str, ...], str] = {}  # normalised phrase -> id (or value) it names
        first: dict[tuple[str, ...], tuple[str, str]] = {}  # phrase -> (path, text) first seen
        if not isinstance(values, list) or not values:
            self.error(vpath, f"slot type {type_name} has no values")
            return phrases
        ids: dict[str, str] = {}
        for v, value in enumerate(values):
            path = _index(vpath, v)
            name = value.get("name") if isinstance(value, dict) else None
            if not isinstance(name, dict):
                self.error(path, f"slot type {type_name}: a value needs a name object")
                continue
            text = name.get("value")
            value_id = value.get("id")
            if value_id is not None:
                if not isinstance(value_id, str) or not value_id.strip():
                    self.error(f"{path}.id", f"slot type {type_name}: empty id")
                elif value_id in ids:
                    self.error(f"{path}.id", f"slot type {type_name}: id {value_id!r} is used "
                                             f"twice (also {ids[value_id]})")
                else:
                    ids[value_id] = f"{path}.id"
            owner = value_id if isinstance(value_id, str) and value_id else str(text)
            synonyms = name.get("synonyms", [])
            if not isinstance(synonyms, list):
                self.error(f"{path}.name.synonyms", "should be a list")
                synonyms = []
            entries = [(f"{path}.name.value", text)]
            entries += [(_index(f"{path}.name.synonyms", s), syn) for s, syn in enumerate(synonyms)]
            for entry_path, entry in entries:
                words = normalise(entry) if isinstance(entry, str) else ()
                if not words:
                    self.error(entry_path, f"slot type {type_name}: empty value or synonym")
                    continue
                if words not in phrases:
                    phrases[words] = owner
                    first[words] = (entry_path, str(entry))
                    continue
                other_path, other = first[words]
                other_path = other_path.removeprefix(f"{tpath}.")
                if phrases[words] != owner:
                    self.error(entry_path, f"slot type {type_name}: {entry!r} (id {owner!r}) and "
                                           f"{other!r} (id {phrases[words]!r}, {other_path}) are "
                                           f"the same phrase under two ids")
                else:
                    self.warn(entry_path, f"slot type {type_name}: {entry!r} repeats {other!r} "
                                          f"({other_path}) under id {owner!r}")
        return phrases

    # intents and samples

    def check_intents(self) -> None:
        path = f"{self.base}.intents"
        intents = self.model.get("intents")
        if not isinstance(intents, list):
            self.error(path, "the model has no intents list")
            return
        seen: dict[str, str] = {}
        for i, intent in enumerate(intents):
            ipath = _index(path, i)
            if not isinstance(intent, dict) or not isinstance(intent.get("name"), str):
                self.error(ipath, "an intent needs a name")
                continue
            name = intent["name"]
            if name in seen:
                self.error(ipath, f"intent {name} is defined twice (also {seen[name]})")
                continue
            seen[name] = ipath
            slots = self.check_slots(name, intent.get("slots", []), ipath)
            samples = intent.get("samples", [])
            if not isinstance(samples, list):
                self.error(f"{ipath}.samples", f"intent {name}: samples should be a list")
                samples = []
            raw_slots = intent.get("slots", [])
            record = _Intent(len(self.intents), name, ipath, slots,
                             raw_slots if isinstance(raw_slots, list) else [], [])
            self.intents.append(record)
            self.check_samples(record, samples)

    def check_slots(self, intent: str, slots: Any, ipath: str) -> dict[str, str]:
        declared: dict[str, str] = {}
        if not isinstance(slots, list):
            self.error(f"{ipath}.slots", f"intent {intent}: slots should be a list")
            return declared
        for j, slot in enumerate(slots):
            spath = _index(f"{ipath}.slots", j)
            if not isinstance(slot, dict) or not isinstance(slot.get("name"), str) \
                    or not isinstance(slot.get("type"), str):
                self.error(spath, f"intent {intent}: a slot needs a name and a type")
                continue
            name, slot_type = slot["name"], slot["type"]
            if name in declared:
                self.error(spath, f"intent {intent}: slot {name} is declared twice")
                continue
            declared[name] = slot_type
            if slot_type not in self.type_paths and not slot_type.startswith("AMAZON."):
                self.error(f"{spath}.type", f"slot type {slot_type} is not defined (slot "
                                            f"{intent}.{name}: neither in types nor AMAZON.*)")
        return declared

    def check_samples(self, intent: _Intent, samples: list[Any]) -> None:
        spath = f"{intent.path}.samples"
        used: set[str] = set()
        first: dict[tuple[str, ...], int] = {}
        for k, sample in enumerate(samples):
            path = _index(spath, k)
            if not isinstance(sample, str):
                self.error(path, f"{intent.name}: a sample should be a string")
                continue
            used.update(_SLOT_REF.findall(sample))
            if not self.check_sample_text(intent, sample, path):
                continue
            intent.samples.append((k, sample))
            key = _sample_key(sample)
            if key in first:
                self.warn(path, f"{intent.name} sample {sample!r} duplicates "
                                f"samples[{first[key]}] ({samples[first[key]]!r})")
            else:
                first[key] = k
        name = intent.name
        if not name.startswith("AMAZON.") and len(first) < self.min_samples:
            self.error(spath, f"intent {name} has {len(first)} samples, needs {self.min_samples}")
        for j, slot in enumerate(intent.raw_slots):
            if not isinstance(slot, dict) or slot.get("name") not in intent.slots:
                continue
            if slot["name"] not in used and not slot.get("samples"):
                self.warn(_index(f"{intent.path}.slots", j),
                          f"intent {name}: slot {slot['name']} is in no sample")

    def check_sample_text(self, intent: _Intent, sample: str, path: str) -> bool:
        """Amazon's sample rules; False when the sample is too broken to compare with others."""
        name = intent.name
        label = f"{name} sample {sample!r}"
        if not sample.strip():
            self.error(path, f"{name}: empty sample")
            return False
        ok = True
        if len(sample) > MAX_SAMPLE_CHARS:
            self.error(path, f"{label} is {len(sample)} characters long, over {MAX_SAMPLE_CHARS}")
        refs = _SLOT_REF.findall(sample)
        literal = _SLOT_REF.sub(" ", sample)
        if "{" in literal or "}" in literal:
            self.error(path, f"{label} has an unmatched curly brace")
            ok = False
        for ref in refs:
            if ref not in intent.slots:
                self.error(path, f"intent {name} sample {sample!r} names unknown slot {ref}")
                ok = False
        if "}{" in sample:
            self.error(path, f"{label} has two slots with no space between them")
        if re.search(r"[^\s{}]\{|\}[^\s{}]", sample):
            self.warn(path, f"{label} has a slot joined to a word; put spaces around slots")
        digits = sorted({ch for ch in literal if ch.isdigit()})
        if digits:
            self.error(path, f"{label} has numerals ({''.join(digits)}): spell numbers out")
        bad = sorted({ch for ch in literal if not (ch.isalpha() or ch.isdigit() or ch in " '.-_"
                                                   or ch in "{}")})
        if bad:
            hint = " (use a straight apostrophe ')" if set(bad) & set(_CURLY_APOSTROPHES) else ""
            shown = " ".join(repr(ch) for ch in bad)
            self.error(path, f"{label} has characters Amazon rejects: {shown}{hint}; samples may "
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
            self.error(path, f"{label}: the period in {token!r} is not in an abbreviation")
            break
        if refs and not normalise(literal):
            kinds = {intent.slots.get(ref) for ref in refs}
            if "AMAZON.SearchQuery" in kinds:
                self.error(path, f"{label}: an AMAZON.SearchQuery slot needs a carrier phrase "
                                 f"(words around the slot)")
        return ok

    # agreement with the code

    def check_code_agreement(self) -> None:
        from skill.alexa import constants as names

        path = f"{self.base}.intents"
        modelled = {intent.name for intent in self.intents}
        for missing in sorted(names.HANDLED_INTENTS - modelled):
            self.error(path, f"intent {missing} is handled but not in the model")
        for intent in self.intents:
            if intent.name not in names.HANDLED_INTENTS:
                self.error(intent.path, f"intent {intent.name} is in the model but no handler "
                                        f"serves it")
        wanted: dict[str, dict[str, str]] = {}
        for (intent_name, slot), slot_type in names.SLOT_TYPES.items():
            wanted.setdefault(intent_name, {})[slot] = slot_type
        for intent in self.intents:
            expected = wanted.get(intent.name, {})
            for j, slot in enumerate(intent.raw_slots):
                if not isinstance(slot, dict) or slot.get("name") not in intent.slots:
                    continue
                name, slot_type = slot["name"], slot["type"]
                spath = _index(f"{intent.path}.slots", j)
                if name not in expected:
                    self.error(spath, f"slot {intent.name}.{name} is not one the code reads "
                                      f"(skill.alexa.constants.SLOT_TYPES)")
                elif expected[name] != slot_type:
                    self.error(f"{spath}.type", f"slot {intent.name}.{name} has type "
                                                f"{slot_type}, code expects {expected[name]}")
            for name in sorted(set(expected) - set(intent.slots)):
                self.error(intent.path, f"slot {intent.name}.{name} is read by the code but not "
                                        f"declared (type {expected[name]})")
        expected_ids, trouble = expected_type_ids()
        for message in trouble:
            self.error(f"{self.base}.types", message)
        for type_name, ids in sorted(expected_ids.items()):
            self.check_type_ids(type_name, ids)

    def check_type_ids(self, type_name: str, wanted: frozenset[str]) -> None:
        tpath = self.type_paths.get(type_name)
        if tpath is None:
            self.error(f"{self.base}.types", f"slot type {type_name} is not in the model "
                                             f"(the code expects ids {sorted(wanted)})")
            return
        values = self.type_raw[type_name].get("values")
        found: set[str] = set()
        for v, value in enumerate(values if isinstance(values, list) else []):
            value_id = value.get("id") if isinstance(value, dict) else None
            if not isinstance(value_id, str):
                self.error(_index(f"{tpath}.values", v), f"slot type {type_name}: a value has no "
                                                         f"id (the code reads ids)")
                continue
            found.add(value_id)
            if value_id not in wanted:
                self.error(f"{_index(f'{tpath}.values', v)}.id",
                           f"slot type {type_name}: id {value_id!r} is not one the code knows")
        missing = sorted(wanted - found)
        if missing:
            self.error(f"{tpath}.values", f"slot type {type_name} ids differ from the code's: "
                                          f"no value with id {', '.join(map(repr, missing))}")

    # phrases two intents share

    def check_collisions(self) -> None:
        tries: list[_Trie] = []
        trie_of: dict[str, int] = {}
        for type_name, phrases in self.type_values.items():
            if phrases:
                trie = _Trie()
                for words in phrases:
                    trie.add(words)
                trie_of[type_name] = len(tries)
                tries.append(trie)
        templates: list[_Template] = []
        for intent in self.intents:
            for k, sample in intent.samples:
                parts = _template_parts(sample, intent.slots, trie_of)
                if parts:
                    templates.append(_Template(intent.index, k, parts))
        collisions = shared_phrases(templates, tries, self.on_incomplete,
                                    MAX_COLLISION_STATES, MAX_COLLISIONS)
        collisions.sort(key=lambda c: (c[1].intent, c[1].sample, c[0].intent, c[0].sample))
        for first, second, phrase in collisions:
            a, b = self.intents[first.intent], self.intents[second.intent]
            a_text = dict(a.samples)[first.sample]
            b_text = dict(b.samples)[second.sample]
            a_path = _index(f"{a.path}.samples", first.sample).removeprefix(f"{self.base}.")
            self.error(_index(f"{b.path}.samples", second.sample),
                       f"{b.name} sample {b_text!r} and {a.name} sample {a_text!r} ({a_path}) "
                       f"can both be {' '.join(phrase)!r}: Alexa cannot tell which intent is meant")

    def on_incomplete(self, why: str) -> None:
        self.warn(f"{self.base}.intents", f"stopped looking for phrases two intents share {why}; "
                                          f"there may be more")


def _sample_key(sample: str) -> tuple[str, ...]:
    """A sample's words with slots as {name}, for finding duplicates within an intent."""
    key: list[str] = []
    last = 0
    for match in _SLOT_REF.finditer(sample):
        key.extend(normalise(sample[last:match.start()]))
        key.append("{" + match.group(1) + "}")
        last = match.end()
    key.extend(normalise(sample[last:]))
    return tuple(key)


def _template_parts(sample: str, slots: Mapping[str, str],
                    trie_of: Mapping[str, int]) -> tuple[str | int, ...] | None:
    """Words and trie indexes; None when a slot's values are unknown (built-in or undefined)."""
    parts: list[str | int] = []
    for item in _sample_key(sample):
        if item.startswith("{"):
            trie = trie_of.get(slots.get(item[1:-1], ""))
            if trie is None:
                return None
            parts.append(trie)
        else:
            parts.append(item)
    return tuple(parts) or None


_State = tuple[int, int, int]  # shape, part, trie node (0 at a part's start)
_Collision = tuple[_Template, _Template, tuple[str, ...]]


def shared_phrases(templates: Sequence[_Template], tries: Sequence[_Trie],
                   on_incomplete: Callable[[str], None] | None = None,
                   max_states: int = MAX_COLLISION_STATES,
                   max_found: int = MAX_COLLISIONS) -> list[_Collision]:
    """Pairs of templates of different intents that can say the same phrase, with that phrase.

    Templates with the same words and slot types are one shape, and two intents sharing a shape
    collide at once. Shapes are small automata over words (a slot is its type's value trie);
    their union is walked one word at a time as a determinised automaton: a state is the set of
    (shape, part, trie node) positions the phrase so far can be in. A state reached by several
    phrases is visited once, and a state with fewer than two shapes or only one intent alive is
    not followed, since nothing beyond it can collide; so slotted samples are never expanded into
    the cartesian product of their slots' values. At most `max_states` states are explored and
    `max_found` collisions returned; `on_incomplete` hears why the search stopped early.
    """
    members: dict[tuple[str | int, ...], dict[int, _Template]] = {}
    for template in templates:  # the first template of each intent stands for its shape
        members.setdefault(template.parts, {}).setdefault(template.intent, template)
    shapes = list(members)
    owners = [sorted(members[parts].values(), key=lambda t: (t.intent, t.sample))
              for parts in shapes]
    found: list[_Collision] = []
    reported: set[tuple[int, int, int, int]] = set()

    def report(a: _Template, b: _Template, phrase: tuple[str, ...]) -> bool:
        """Record a collision; False once there are `max_found`."""
        if (a.intent, a.sample) > (b.intent, b.sample):
            a, b = b, a
        key = (a.intent, a.sample, b.intent, b.sample)
        if key not in reported:
            reported.add(key)
            found.append((a, b, phrase))
        if len(found) < max_found:
            return True
        if on_incomplete is not None:
            on_incomplete(f"after {max_found} collisions")
        return False

    for parts, group in zip(shapes, owners, strict=True):
        for other in group[1:]:
            if not report(group[0], other, _example(parts, tries)):
                return found

    intents_of = [frozenset(t.intent for t in group) for group in owners]

    def worth_following(moving: list[tuple[int, int, list[tuple[int, int]]]]) -> bool:
        """Whether the positions a word moves on span two shapes and two intents."""
        seen_shape = -1
        seen_intents: frozenset[int] = frozenset()
        for _, _, positions in moving:
            for shape, _ in positions:
                if seen_shape < 0:
                    seen_shape, seen_intents = shape, intents_of[shape]
                elif shape != seen_shape and (len(seen_intents) > 1
                                              or intents_of[shape] != seen_intents):
                    return True
        return False

    def following(states: frozenset[_State]) -> dict[str, frozenset[_State]]:
        """The states after each next word that is worth following.

        Positions at the same trie node share that node's words, so each node's words are
        visited once however many shapes are at it.
        """
        at_word: dict[str, list[tuple[int, int]]] = {}
        at_node: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for shape, p, node in states:
            parts = shapes[shape]
            if p < len(parts):
                part = parts[p]
                if isinstance(part, str):
                    at_word.setdefault(part, []).append((shape, p))
                else:
                    at_node.setdefault((part, node), []).append((shape, p))
        # A source is a literal word or a trie node, with the positions at it. Only words that
        # two sources share, or that one source spanning two intents has, can be worth following;
        # set operations find them without a Python loop over every word of every trie node.
        sources: list[tuple[int, Mapping[str, int], list[tuple[int, int]]]] = [
            (-1, {word: 0}, positions) for word, positions in at_word.items()]
        sources += [(trie_index, tries[trie_index].children[node], positions)
                    for (trie_index, node), positions in at_node.items()]
        seen: set[str] = set()
        candidates: set[str] = set()
        for _, words, positions in sources:
            if worth_following([(0, 0, positions)]):
                candidates.update(words)
            else:
                candidates.update(seen.intersection(words))
            seen.update(words)
        # word -> (trie or -1 for a literal word, trie node reached, positions moving)
        moves: dict[str, list[tuple[int, int, list[tuple[int, int]]]]] = {}
        for trie_index, words, positions in sources:
            for word in candidates.intersection(words):
                moves.setdefault(word, []).append((trie_index, words[word], positions))
        result: dict[str, frozenset[_State]] = {}
        for word, moving in moves.items():
            if not worth_following(moving):
                continue
            reached: set[_State] = set()
            for trie_index, child, positions in moving:
                if trie_index < 0:
                    reached.update((shape, p + 1, 0) for shape, p in positions)
                    continue
                trie = tries[trie_index]
                if trie.children[child]:
                    reached.update((shape, p, child) for shape, p in positions)
                if trie.terminal[child]:
                    reached.update((shape, p + 1, 0) for shape, p in positions)
            result[word] = frozenset(reached)
        return result

    start = frozenset((shape, 0, 0) for shape in range(len(shapes)))
    parents: dict[frozenset[_State], tuple[frozenset[_State], str] | None] = {start: None}
    queue = deque([start])
    while queue:
        states = queue.popleft()
        accepted = sorted({s for s, p, _ in states if p == len(shapes[s])})
        for i, first in enumerate(accepted):
            for second in accepted[i + 1:]:
                for a in owners[first]:
                    for b in owners[second]:
                        if a.intent != b.intent and not report(a, b, _phrase(parents, states)):
                            return found
        for word, key in following(states).items():
            if key not in parents:
                if len(parents) >= max_states:
                    if on_incomplete is not None:
                        on_incomplete(f"after exploring {max_states} states")
                    return found
                parents[key] = (states, word)
                queue.append(key)
    return found


def _example(parts: Sequence[str | int], tries: Sequence[_Trie]) -> tuple[str, ...]:
    """One phrase a shape can say: its words, and the first value of each slot."""
    words: list[str] = []
    for part in parts:
        if isinstance(part, str):
            words.append(part)
            continue
        trie, node = tries[part], 0
        while not trie.terminal[node]:
            word, node = next(iter(trie.children[node].items()))
            words.append(word)
    return tuple(words)


def _phrase(parents: Mapping[frozenset[_State], tuple[frozenset[_State], str] | None],
            states: frozenset[_State]) -> tuple[str, ...]:
    words: list[str] = []
    link = parents[states]
    while link is not None:
        states, word = link
        words.append(word)
        link = parents[states]
    return tuple(reversed(words))


def invocation_name_problems(name: str) -> list[str]:
    """What Amazon's invocation name requirements reject in `name` (empty when none)."""
    problems: list[str] = []
    if any(ch.isdigit() for ch in name):
        problems.append("numbers must be spelled out")
    if any(ch.isalpha() and ch != ch.lower() for ch in name):
        problems.append("must be lower case")
    bad = sorted({ch for ch in name if not (ch.isalpha() or ch.isdigit() or ch in " '.")})
    if bad:
        problems.append("may contain only lower-case letters, spaces, apostrophes and periods "
                        f"(found {' '.join(map(repr, bad))})")
    if name != " ".join(name.split()):
        problems.append("words must be separated by single spaces")
    tokens = name.lower().split()
    for token in tokens:
        if "." in token and not re.fullmatch(r"[^\W\d_]\.", token):
            problems.append(f"{token!r}: periods only follow single letters of an abbreviation, "
                            f"written like 'a. b. c.'")
            break
    words = [re.sub(r"'s?$", "", token) for token in tokens]
    if len(tokens) < 2:
        problems.append("needs at least two words (one word only for your own brand)")
    elif len(tokens) == 2 and TWO_WORD_FORBIDDEN & set(words):
        found = sorted(TWO_WORD_FORBIDDEN & set(words))
        problems.append(f"a two-word name may not contain {', '.join(map(repr, found))}")
    for group, label in ((WAKE_WORDS, "a wake word or 'skill'/'app'"),
                         (LAUNCH_WORDS, "a launch word"),
                         (CONNECTING_WORDS, "a connecting word")):
        hits = [word for word in words if word in group]
        if hits:
            problems.append(f"contains {label}: {', '.join(map(repr, hits))}")
    return problems


def check_language_model(model: Any, file: str = "", min_samples: int = MIN_SAMPLES,
                         base: str = LANGUAGE_MODEL_PATH) -> list[Problem]:
    """Every problem in one `languageModel` object."""
    return _Checker(model, file, min_samples, base).run()


def check_model_data(data: Any, file: str = "", min_samples: int = MIN_SAMPLES) -> list[Problem]:
    """Every problem in the parsed contents of one model file."""
    if not isinstance(data, dict) or not isinstance(data.get("interactionModel"), dict):
        return [Problem("$.interactionModel", "missing: not an interaction model file", file)]
    if "languageModel" not in data["interactionModel"]:
        return [Problem(LANGUAGE_MODEL_PATH, "missing", file)]
    return check_language_model(data["interactionModel"]["languageModel"], file, min_samples)


def model_problems(model: dict[str, Any], min_samples: int = MIN_SAMPLES) -> list[str]:
    """The messages of the errors (not the warnings) in a `languageModel`."""
    return [p.message for p in check_language_model(model, "", min_samples) if not p.warning]


def check_manifest(model_dir: Path, locales: Collection[str], every_locale: bool) -> list[Problem]:
    """skill.json parses and publishes each model locale (and, for the whole package, no other)."""
    path = model_dir / "skill.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem("$", f"cannot read the skill manifest ({exc})", path.name)]
    where = "$.manifest.publishingInformation.locales"
    published: Any = manifest
    for key in ("manifest", "publishingInformation", "locales"):
        published = published.get(key) if isinstance(published, dict) else None
    if not isinstance(published, dict):
        return [Problem(where, "missing: skill.json publishes no locales", path.name)]
    problems = [Problem(where, f"no entry for {locale}, which has an interaction model", path.name)
                for locale in sorted(locales) if locale not in published]
    if every_locale:
        problems += [Problem(f"{where}.{locale}", f"{locale} is published but has no interaction "
                             f"model", path.name, warning=True)
                     for locale in sorted(set(published) - set(locales))]
    for locale, entry in sorted(published.items()):
        if isinstance(entry, dict):
            problems += _icon_problems(model_dir, entry, f"{where}.{locale}", path.name)
    privacy: Any = manifest.get("manifest", {}).get("privacyAndCompliance", {})
    placeholders = []
    for locale, entry in sorted((privacy.get("locales") or {}).items()):
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            url = entry.get(key) if isinstance(entry, dict) else None
            here = f"$.manifest.privacyAndCompliance.locales.{locale}.{key}"
            if not isinstance(url, str) or not url.startswith("https://"):
                problems.append(Problem(here, "missing: certification needs an https address",
                                        path.name))
            elif "example.com" in url:
                placeholders.append(f"{locale}.{key}")
    if placeholders:
        problems.append(Problem(
            "$.manifest.privacyAndCompliance.locales", f"{len(placeholders)} placeholder "
            "address(es): host PRIVACY.md and put its address there before submitting",
            path.name, warning=True))
    return problems


# Amazon's store icons: PNG, 108x108 and 512x512.
_ICON_SIZES = {"smallIconUri": 108, "largeIconUri": 512}


def _icon_problems(model_dir: Path, entry: dict[str, Any], where: str, file: str
                   ) -> list[Problem]:
    problems: list[Problem] = []
    for key, size in _ICON_SIZES.items():
        uri = entry.get(key)
        here = f"{where}.{key}"
        if not isinstance(uri, str) or not uri:
            problems.append(Problem(here, "missing: the store needs both icons", file))
        elif uri.startswith("file://"):
            icon = model_dir / uri.removeprefix("file://")
            try:
                head = icon.read_bytes()[:24]
            except OSError:
                problems.append(Problem(here, f"{uri}: no such file in the skill package", file))
                continue
            width = int.from_bytes(head[16:20], "big") if len(head) == 24 else 0
            height = int.from_bytes(head[20:24], "big") if len(head) == 24 else 0
            if not head.startswith(b"\x89PNG") or (width, height) != (size, size):
                problems.append(Problem(here, f"{uri}: expected a {size}x{size} PNG", file))
        elif not uri.startswith("https://") or "example.com" in uri:
            problems.append(Problem(here, f"{uri}: not an icon the ASK CLI or the store can "
                                    f"use (file://assets/... or https)", file))
    return problems


# Amazon requires these in every custom model (certification: help, stop, cancel; navigation
# home for screen devices; fallback for out-of-domain speech).
REQUIRED_BUILT_INS = ("AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
                      "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent")


def _shape(data: Any) -> dict[str, tuple[frozenset[str], frozenset[str]]] | None:
    """Intent name -> (its slot name:type pairs, its slot types' value ids), or None."""
    try:
        language = data["interactionModel"]["languageModel"]
        types = {t["name"]: frozenset(str(v.get("id")) for v in t.get("values", []))
                 for t in language.get("types", [])}
        return {
            intent["name"]: (
                frozenset(f"{s['name']}:{s['type']}" for s in intent.get("slots", [])),
                frozenset(f"{s['type']}={v}" for s in intent.get("slots", [])
                          for v in types.get(s["type"], ())),
            )
            for intent in language["intents"]
        }
    except (KeyError, TypeError, AttributeError):
        return None


def required_intent_problems(data: Any, file: str) -> list[Problem]:
    shape = _shape(data)
    if shape is None:
        return []
    return [Problem(f"{LANGUAGE_MODEL_PATH}.intents",
                    f"required built-in intent {name} is missing", file)
            for name in REQUIRED_BUILT_INS if name not in shape]


def locale_agreement_problems(shapes: Mapping[str, dict[str, tuple[frozenset[str],
                                                                  frozenset[str]]]]
                              ) -> list[Problem]:
    """Every locale has the same intents, slots and slot value ids (the first locale's)."""
    problems: list[Problem] = []
    if len(shapes) < 2:
        return problems
    reference = "en-US" if "en-US" in shapes else sorted(shapes)[0]
    ours = shapes[reference]
    for locale, theirs in sorted(shapes.items()):
        if locale == reference:
            continue
        file = f"{locale}.json"
        for name in sorted(set(ours) ^ set(theirs)):
            where = reference if name in ours else locale
            problems.append(Problem(f"{LANGUAGE_MODEL_PATH}.intents",
                                    f"intent {name} is only in {where}, the locales must agree",
                                    file))
        for name in sorted(set(ours) & set(theirs)):
            for part, what in ((0, "slots"), (1, "slot value ids")):
                differ = sorted(ours[name][part] ^ theirs[name][part])
                if differ:
                    problems.append(Problem(
                        f"{LANGUAGE_MODEL_PATH}.intents", f"intent {name}: {what} differ from "
                        f"{reference} ({', '.join(differ[:5])})", file))
    return problems


def check_package(model_dir: Path = MODEL_DIR, locales: Sequence[str] | None = None,
                  min_samples: int = MIN_SAMPLES) -> Report:
    """Check the model of each locale (every one found when `locales` is None) and skill.json."""
    report = Report()
    shapes: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = {}
    every_locale = locales is None
    wanted = model_locales(model_dir) if locales is None else list(locales)
    if not wanted:
        folder = model_dir / "interactionModels" / "custom"
        report.problems.append(Problem("$", f"no interaction models (<locale>.json) in {folder}",
                                       str(folder)))
    for locale in wanted:
        path = model_path(locale, model_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            report.problems.append(Problem("$", f"cannot read the model ({exc})", path.name))
            continue
        report.locales.append(locale)
        report.problems += check_model_data(data, path.name, min_samples)
        report.problems += required_intent_problems(data, path.name)
        shape = _shape(data)
        if shape is not None:
            shapes[locale] = shape
        try:
            language_model = data["interactionModel"]["languageModel"]
            report.intents += len(language_model["intents"])
            report.samples += sum(len(i.get("samples", [])) for i in language_model["intents"])
        except (KeyError, TypeError, AttributeError):
            pass
    report.problems += locale_agreement_problems(shapes)
    report.problems += check_manifest(model_dir, report.locales, every_locale)
    return report


@click.command("check-model")
@click.option("--locale", default=None, metavar="LOCALE",
              help="Check only this locale's model (default: every model in the package).")
@click.option("--model-dir", type=click.Path(path_type=Path, file_okay=False), default=MODEL_DIR,
              show_default=True, help="An ASK CLI skill package folder.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
def check_model(locale: str | None, model_dir: Path, strict: bool) -> None:
    """Check interaction models against Amazon's rules, the handlers and the triage rules."""
    report = check_package(model_dir, None if locale is None else [locale])
    for problem in report.problems:
        click.echo(str(problem), err=True)
    failing = report.problems if strict else report.errors
    if failing:
        raise click.ClickException(f"{len(failing)} problem(s) in {model_dir}")
    warnings = f" ({len(report.warnings)} warning(s))" if report.warnings else ""
    click.echo(f"{', '.join(report.locales)}: {report.intents} intents, {report.samples} samples "
               f"agree with the skill{warnings}")
