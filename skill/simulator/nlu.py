"""Offline language understanding: utterance -> intent, slots and entity resolution.

Order of trust, first hit wins: an exact sample or built-in phrase; a sample pattern with
`{slot}` holes; a fuzzy near miss above a threshold (rapidfuzz), never for an answer (yes, no,
not sure, a correction or an acknowledgement: whether someone said yes or no never rests on
spelling); else AMAZON.FallbackIntent.
Slot values resolve like Alexa's entity resolution: exact value or synonym is ER_SUCCESS_MATCH,
a close spelling (above its own stricter threshold) too, anything else ER_SUCCESS_NO_MATCH.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from skill.simulator.builtins import (
    ANSWER_INTENTS,
    LEADING_FILLERS,
    TRAILING_FILLERS,
    builtin_phrases,
)
from skill.simulator.errors import SimulatorError
from skill.simulator.model import InteractionModel

FALLBACK = "AMAZON.FallbackIntent"
MAX_UTTERANCE_CHARS = 1000
DEFAULT_INTENT_THRESHOLD = 85.0
DEFAULT_SLOT_THRESHOLD = 88.0
# Below this many characters an edit is a different word ("no" / "now"), not a near miss.
_MIN_FUZZY_CHARS = 4
# Confidence given to a slot that the carrier phrase captured but no value or synonym matched.
_NO_MATCH_CONFIDENCE = 0.6
# A slot type with a value this many words long is a catch-all (see Nlu._slot_words).
CATCH_ALL_WORDS = 12
_FUNCTION_WORDS = frozenset({
    "that", "this", "with", "have", "been", "from", "they", "there", "their", "what", "when",
    "your", "about", "like", "just", "will", "would", "could", "should", "into", "over", "some",
    "more", "than", "then", "them", "were", "which", "while", "where", "after", "before"})
ER_MATCH = "ER_SUCCESS_MATCH"
ER_NO_MATCH = "ER_SUCCESS_NO_MATCH"

_SLOT_REF = re.compile(r"(\{[^{}]*\})")
_NON_WORD = re.compile(r"[^\w'\s]")


@dataclass(frozen=True)
class Tokens:
    """An utterance as words: `display` keeps apostrophes for slot values, `key` is matched."""

    display: tuple[str, ...]
    key: tuple[str, ...]

    @property
    def key_text(self) -> str:
        return " ".join(self.key)

    def slice_display(self, start: int, end: int) -> str:
        return " ".join(self.display[start:end])


def tokenize(text: str) -> Tokens:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    display: list[str] = []
    key: list[str] = []
    for raw in text.split():
        k = raw.replace("'", "")
        if k:
            display.append(raw.strip("'"))
            key.append(k)
    return Tokens(tuple(display), tuple(key))


def normalise(text: str) -> str:
    """The matching key of a phrase: lower case, no punctuation or apostrophes, single spaces."""
    return tokenize(text).key_text


@dataclass(frozen=True)
class SlotResult:
    name: str
    slot_type: str
    value: str
    status: str | None  # None for types the model does not define (AMAZON.NUMBER and such)
    resolved_id: str | None = None
    resolved_name: str | None = None
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "id": self.resolved_id, "status": self.status}


@dataclass(frozen=True)
class Understanding:
    utterance: str
    intent: str
    slots: dict[str, SlotResult]
    slot_names: tuple[str, ...]
    confidence: float
    method: str  # "exact" | "pattern" | "fuzzy" | "fallback"
    sample: str | None = None  # the sample matched, or for a fallback the closest one

    def to_json(self) -> dict[str, Any]:
        return {
            "utterance": self.utterance,
            "intent": self.intent,
            "slots": {name: slot.to_json() for name, slot in self.slots.items()},
            "confidence": round(self.confidence, 3),
            "method": self.method,
            "sample": self.sample,
        }


@dataclass(frozen=True)
class _Pattern:
    intent: str
    regex: re.Pattern[str]
    slot_names: tuple[str, ...]
    literal_chars: int
    sample: str
    carrier: bool = True  # has a word of its own beyond "and", "or": "tell me about {topic}"


@dataclass(frozen=True)
class _Choice:
    intent: str
    sample: str


@dataclass
class _SlotCatalogue:
    """One custom slot type: normalised value/synonym -> (id, canonical name)."""

    by_key: dict[str, tuple[str, str]] = field(default_factory=dict)

    def resolve(self, key: str, threshold: float) -> tuple[str, str, float] | None:
        hit = self.by_key.get(key)
        if hit is not None:
            return hit[0], hit[1], 1.0
        if len(key) < _MIN_FUZZY_CHARS or not self.by_key:
            return None
        from rapidfuzz import fuzz

        # A near miss is word for word: "numbnes in my arm" is "numbness in my arm", but
        # "steady on my feet" is not "unsteady on my feet", however close the letters.
        words = key.split()
        best: tuple[float, str] | None = None
        for candidate in self.by_key:
            other = candidate.split()
            if len(other) != len(words):
                continue
            score = min(fuzz.ratio(a, b) for a, b in zip(words, other, strict=True))
            if score >= threshold and (best is None or score > best[0]):
                best = (score, candidate)
        if best is None:
            return None
        value_id, name = self.by_key[best[1]]
        return value_id, name, best[0] / 100.0


class Nlu:
    """Built once per model; `understand` is pure and cheap enough to call per turn."""

    def __init__(
        self,
        model: InteractionModel,
        intent_threshold: float = DEFAULT_INTENT_THRESHOLD,
        slot_threshold: float = DEFAULT_SLOT_THRESHOLD,
    ) -> None:
        self.model = model
        self.intent_threshold = intent_threshold
        self.slot_threshold = slot_threshold
        self.invocation_key = normalise(model.invocation_name)
        self._catalogues: dict[str, _SlotCatalogue] = {}
        # How many words a slot of each type takes at most: Alexa fills a custom slot with
        # about as many words as its longest values have ("Why a Custom Slot is the Literal
        # Solution", Amazon Alexa blog). A slot-only sample ("{symptom}") is a catch-all only for
        # a type with sentence-long values, and only for utterances no longer than those.
        self._slot_words = {
            type_name: max((len(normalise(said).split()) for v in values
                            for said in (v.name, *v.synonyms)), default=0)
            for type_name, values in model.slot_types.items()}
        # ...and only words that share some of the values' own words: Alexa's fallback model
        # takes "play some jazz" out of domain, whatever the catch-all.
        self._slot_vocabulary = {
            type_name: frozenset(word for v in values for said in (v.name, *v.synonyms)
                                 for word in normalise(said).split()
                                 if len(word) > 3 and word not in _FUNCTION_WORDS)
            for type_name, values in model.slot_types.items()}
        self._slot_stems = {
            type_name: frozenset(word[:_STEM] for word in words if len(word) >= _STEM)
            for type_name, words in self._slot_vocabulary.items()}
        for type_name, values in model.slot_types.items():
            catalogue = _SlotCatalogue()
            for value in values:
                for spoken in (value.name, *value.synonyms):
                    catalogue.by_key.setdefault(normalise(spoken), (value.id, value.name))
            self._catalogues[type_name] = catalogue
        self._exact: dict[str, _Choice] = {}
        self._patterns: list[_Pattern] = []
        self._fuzzy: dict[str, _Choice] = {}
        # The skill author's own samples outrank the built-in phrase lists.
        for intent in model.intents.values():
            for sample in intent.samples:
                if _SLOT_REF.search(sample):
                    self._add_pattern(intent.name, sample)
                else:
                    self._exact.setdefault(normalise(sample), _Choice(intent.name, sample))
        for intent_name, phrases in builtin_phrases(model.locale).items():
            if intent_name in model.intents:
                for phrase in phrases:
                    self._exact.setdefault(normalise(phrase), _Choice(intent_name, phrase))
        self._exact.pop("", None)
        # Near misses are of whole samples only; a slotted sample is matched by its carrier
        # words, with the slot's own near-miss rule (see _SlotCatalogue.resolve).
        for key, choice in self._exact.items():
            self._fuzzy.setdefault(key, choice)
        self._fuzzy_keys = list(self._fuzzy)
        # Whole phrases of the model's own (two words or more), for a phrase said inside a
        # longer sentence ("can we nip back to the last one"); see Nlu._contained.
        self._phrases: dict[tuple[str, ...], _Choice] = {
            tuple(key.split()): choice for key, choice in self._exact.items()
            if (len(key.split()) >= 2 and choice.intent not in _NEVER_CONTAINED)
            or (len(key.split()) >= _ANSWER_PHRASE_WORDS and choice.intent in _SIDES)}
        self._longest_phrase = max((len(k) for k in self._phrases), default=0)
        # Samples with slots that open with their own word, by that word.
        self._led_by: dict[str, list[_Pattern]] = {}
        # Only samples whose slots name a topic, never a sign or a factor: words about a sign
        # are read whole by the catch-all and the lexicon ("suppose I get weakness later" is not
        # "I get {symptom}").
        for pattern in self._patterns:
            first = pattern.sample.split()[0]
            types = {model.intents[pattern.intent].slots[n] for n in pattern.slot_names}
            if (pattern.intent not in _NEVER_CONTAINED and not _SLOT_REF.fullmatch(first)
                    and types <= _TOPIC_TYPES):
                self._led_by.setdefault(normalise(first), []).append(pattern)
        catch_alls = [t for t, n in self._slot_words.items() if n >= CATCH_ALL_WORDS]
        self._sign_words = frozenset(
            word for t in (*catch_alls, *_FACTOR_TYPES) for word in
            self._slot_vocabulary.get(t, frozenset()))
        # Words of the model's own requests ("redo the whole thing", "go back to the last one")
        # are no sign, whatever a sign's value shares with them.
        self._request_words = frozenset(
            word for key, choice in self._exact.items()
            if choice.intent not in _NEVER_CONTAINED for word in key.split())

    def _add_pattern(self, intent_name: str, sample: str) -> None:
        parts: list[str] = []
        slot_names: list[str] = []
        literal_chars = 0
        for chunk in _SLOT_REF.split(sample):
            if _SLOT_REF.fullmatch(chunk):
                slot_names.append(chunk[1:-1])
                parts.append(r"(\S+(?: \S+)*?)")
            else:
                for word in tokenize(chunk).key:
                    parts.append(re.escape(word))
                    literal_chars += len(word)
        regex = re.compile(" ".join(parts))
        carrier = bool(set(tokenize(_SLOT_REF.sub(" ", sample)).key) - _JOINING_WORDS)
        self._patterns.append(
            _Pattern(intent_name, regex, tuple(slot_names), literal_chars, sample, carrier)
        )

    # -- understanding ------------------------------------------------------------------------

    def understand(self, utterance: str) -> Understanding:
        check_utterance(utterance)
        tokens = tokenize(utterance)
        if not tokens.key:
            return self._fallback(utterance, None, 0.0)
        choice = self._exact.get(tokens.key_text)  # the common case: "yes", "no"
        if choice is not None:
            return self._result(utterance, choice.intent, {}, 1.0, "exact", choice.sample)
        candidates = list(_without_fillers(tokens))
        candidates += [e for c in candidates if (e := _with_is(c)) is not None]
        for candidate in candidates[1:]:
            choice = self._exact.get(candidate.key_text)
            if choice is not None:
                return self._result(utterance, choice.intent, {}, 1.0, "exact", choice.sample)
        chain = self._chain(tokens.key)
        if chain is not None:  # "stop, I gotta go", "pardon? I didn't catch that"
            return self._result(utterance, chain.intent, {}, 1.0, "exact", chain.sample)
        # The best pattern over the utterance as said and with its fillers trimmed: "honestly my
        # left side feels heavy and odd" is "my {symptom}", not "{factor} and {factorTwo}".
        matches = [m for c in candidates if (m := self._match_patterns(utterance, c))]
        if not matches or not max(matches, key=lambda m: m[0])[0][0]:
            # No carrier phrase took the words with a value Alexa could resolve: a phrase of the
            # model's said inside a longer sentence, the rest only words of no answer and no
            # sign ("how much longer, I've got a meeting").
            inside = self._contained(utterance, candidates)
            if inside is not None:
                return inside
        if not matches:
            return self._fuzzy_match(utterance, candidates)
        found = max(matches, key=lambda m: m[0])[1]
        if any(slot.status == ER_NO_MATCH for slot in found.slots.values()):
            # A carrier phrase took words no value matches; a close miss of a whole sample
            # ("I'm not shure") is the likelier reading, as it would be for Alexa.
            near = self._fuzzy_match(utterance, candidates)
            if near.intent != FALLBACK:
                return near
        return found

    def _match_patterns(self, utterance: str, tokens: Tokens
                        ) -> tuple[tuple[bool, bool, float, int, bool], Understanding] | None:
        """The best sample pattern for these words, with its rank (resolved, confidence, how
        much of the sample is literal words)."""
        text = tokens.key_text
        best: tuple[tuple[bool, bool, float, int, bool], Understanding] | None = None
        for pattern in self._patterns:
            match = pattern.regex.fullmatch(text)
            if match is None:
                continue
            intent = self.model.intents[pattern.intent]
            slots: dict[str, SlotResult] = {}
            too_long = False
            for index, name in enumerate(pattern.slot_names, start=1):
                start = text[: match.start(index)].count(" ")
                end = text[: match.end(index)].count(" ") + 1
                longest = self._slot_words.get(intent.slots[name], 0)
                # Alexa fills a custom slot with about as many words as its longest values
                # (see _slot_words): "my calf looks a bit hollow compared" is no answer of
                # "{answer} to the {question} one", whose answers are a word or three. Only
                # for the closed types of a correction; people and factors are read again.
                too_long |= (intent.slots[name] in _CLOSED_TYPES
                             and end - start > longest + _SLOT_SLACK)
                slots[name] = self.resolve_slot(
                    name, intent.slots[name], tokens.slice_display(start, end)
                )
            if too_long:
                continue
            confidence = 1.0
            for slot in slots.values():
                confidence *= slot.confidence
            resolved = all(s.status != ER_NO_MATCH for s in slots.values())
            if not pattern.literal_chars and not resolved and not self._catches(
                    intent.slots, pattern, tokens.key):
                # A sample that is only slots ("{factor}") would take any words at all: it
                # counts only when Alexa could resolve every slot to a value, or as a
                # catch-all of a type whose values are as long as the words said.
                continue
            result = self._result(utterance, pattern.intent, slots, confidence, "pattern",
                                  pattern.sample)
            # A catch-all ("{symptom}", no words of its own) ranks below any carrier phrase;
            # slots joined by "and" alone ("{factor} and {factorTwo}") are no carrier either,
            # so "half an hour back my arm and leg went weak" is read whole.
            # Between words no carrier explains, the catch-all reads them whole ("only when I
            # climb three flights of stairs, otherwise no" is no "only {factor}").
            catch_all = len(pattern.slot_names) == 1 and self._slot_words.get(
                intent.slots[pattern.slot_names[0]], 0) >= CATCH_ALL_WORDS
            rank = (resolved, pattern.carrier, confidence,
                    pattern.literal_chars if pattern.carrier else 0, catch_all)
            if best is None or rank > best[0]:
                best = (rank, result)
        return best

    def _chain(self, key: tuple[str, ...]) -> _Choice | None:
        """The intent when the words are two or more whole phrases of that one intent, with
        spoken fillers between ("stop stop stop", "okay, stop it, I have to go"): what a person
        says when they say the same thing twice. An answer ("yes", "no") never chains, so
        "yes no" is asked again."""
        if len(key) > _CHAIN_WORDS:
            return None
        best: list[list[_Choice] | None] = [[]] + [None] * len(key)
        for start in range(len(key)):
            done = best[start]
            if done is None:
                continue
            for end in range(start + 1, min(len(key), start + _CHAIN_PHRASE) + 1):
                words = key[start:end]
                choice = self._exact.get(" ".join(words))
                if choice is None and words in _FILLERS:
                    choice = _FILLER
                if choice is None or (best[end] is not None and len(best[end] or []) <= len(done)):
                    continue
                best[end] = [*done, choice]
        found = best[len(key)]
        if not found:
            return None
        said = [c for c in found if c is not _FILLER]
        intents = {c.intent for c in said}
        if len(said) < 2 or len(intents) != 1 or intents & ANSWER_INTENTS:
            return None
        return said[0]

    def _contained(self, utterance: str, candidates: Sequence[Tokens]) -> Understanding | None:
        """A whole sample of one intent said inside longer words, as Alexa's statistical model
        still finds "go back" in "hang on, can we go back, I rushed that" and "what's {topic}"
        in "what's a fasciculation? I keep seeing that word". The sample (two words or more,
        with its own words first and every slot resolved to a value; never an answer's or an
        emergency's) must be longer than any other intent's there ("wait go back, I answered
        too fast" is going back), and the other words at most `_CONTAINED_REST`, none of them an
        answer word or a word of a sign or factor value that no request of the model uses.
        Those words would be what the person meant, so the catch-all and the lexicon read them
        instead."""
        for candidate in candidates:
            key = candidate.key
            hits: list[tuple[int, int, Understanding]] = []
            for start in range(len(key)):
                for end in range(start + 2, min(len(key), start + self._longest_phrase) + 1):
                    choice = self._phrases.get(key[start:end])
                    if choice is not None:
                        hits.append((start, end, self._result(
                            utterance, choice.intent, {}, 0.9, "contained", choice.sample)))
                for pattern in self._led_by.get(key[start], ()):
                    for end in range(start + 2, min(len(key), start + _CONTAINED_SAMPLE) + 1):
                        sub = Tokens(candidate.display[start:end], key[start:end])
                        found = self._pattern_result(utterance, pattern, sub)
                        if found is not None:
                            hits.append((start, end, replace(found, method="contained")))
            # A sample inside a longer one is part of it: "go back to the beginning" is not
            # "go back".
            outer = [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                                 and o[1] - o[0] > h[1] - h[0] for o in hits)]
            if not outer:
                continue
            start, end, best = max(outer, key=lambda h: h[1] - h[0])
            if any(h[2].intent != best.intent and h[1] - h[0] >= end - start for h in outer):
                continue  # two requests as long as each other: which one is not clear
            covered = {t for h in outer if h[2].intent == best.intent
                       for t in range(h[0], h[1])}
            rest = [w for t, w in enumerate(key) if t not in covered]
            # Beside a yes or a no of three words or more ("nah love, nothing like that, just
            # the twitch"), only words of the same side; beside anything else, none at all.
            blocked = _SIDES.get(best.intent, _ANSWER_WORDS)
            # A hedge is an answer too: "on and off" inside a story about someone's neck is
            # no "not sure" ("my dad, his neck has been flickering on and off all week").
            most = (_ANSWER_REST if best.intent in _SIDES or best.intent == _NOT_SURE
                    else _CONTAINED_REST)
            if len(rest) > most or any(
                    w in blocked or (w in self._sign_words and w not in self._request_words)
                    for w in rest):
                continue
            return best
        return None

    def _pattern_result(self, utterance: str, pattern: _Pattern, tokens: Tokens
                        ) -> Understanding | None:
        """The pattern over exactly these words, when every slot resolves to a value."""
        text = tokens.key_text
        match = pattern.regex.fullmatch(text)
        if match is None:
            return None
        intent = self.model.intents[pattern.intent]
        slots: dict[str, SlotResult] = {}
        for index, name in enumerate(pattern.slot_names, start=1):
            first = text[: match.start(index)].count(" ")
            last = text[: match.end(index)].count(" ") + 1
            slot = self.resolve_slot(name, intent.slots[name], tokens.slice_display(first, last))
            if slot.status == ER_NO_MATCH:
                return None
            slots[name] = slot
        return self._result(utterance, pattern.intent, slots, 0.9, "pattern", pattern.sample)

    def _catches(self, slot_types: dict[str, str], pattern: _Pattern,
                 words: tuple[str, ...]) -> bool:
        if len(pattern.slot_names) != 1:
            return False
        type_name = slot_types[pattern.slot_names[0]]
        longest = self._slot_words.get(type_name, 0)
        known = self._slot_vocabulary.get(type_name, frozenset())
        stems = self._slot_stems.get(type_name, frozenset())
        # A word shares the values' vocabulary as said or by its stem ("blacked" and "black"),
        # as a statistical model's word pieces would.
        return longest >= CATCH_ALL_WORDS and len(words) <= longest and any(
            word in known or (len(word) > _STEM and word[:_STEM] in stems) for word in words)

    def _fuzzy_match(self, utterance: str, candidates: Sequence[Tokens]) -> Understanding:
        from rapidfuzz import fuzz, process

        best_key: str | None = None
        best_score = 0.0
        for candidate in candidates:
            text = candidate.key_text
            if len(text) < _MIN_FUZZY_CHARS:
                continue
            hit = process.extractOne(text, self._fuzzy_keys, scorer=fuzz.ratio)
            if hit is not None and float(hit[1]) > best_score:
                best_key, best_score = hit[0], float(hit[1])
        if best_key is None:
            return self._fallback(utterance, None, 0.0)
        choice = self._fuzzy[best_key]
        if best_score < self.intent_threshold or choice.intent in ANSWER_INTENTS:
            # An answer never rests on spelling: "I'd say so" is not "I'd say no".
            return self._fallback(utterance, choice.sample, best_score / 100.0)
        return self._result(utterance, choice.intent, {}, best_score / 100.0, "fuzzy",
                            choice.sample)

    def resolve_slot(self, name: str, slot_type: str, value: str) -> SlotResult:
        catalogue = self._catalogues.get(slot_type)
        if catalogue is None:
            return SlotResult(name, slot_type, value, None)
        hit = catalogue.resolve(normalise(value), self.slot_threshold)
        if hit is None:
            return SlotResult(name, slot_type, value, ER_NO_MATCH, confidence=_NO_MATCH_CONFIDENCE)
        value_id, canonical, confidence = hit
        return SlotResult(name, slot_type, value, ER_MATCH, value_id, canonical, confidence)

    def _result(
        self,
        utterance: str,
        intent: str,
        slots: dict[str, SlotResult],
        confidence: float,
        method: str,
        sample: str | None,
    ) -> Understanding:
        declared = self.model.intents.get(intent)
        names = tuple(declared.slots) if declared else ()
        return Understanding(utterance, intent, slots, names, confidence, method, sample)

    def _fallback(self, utterance: str, closest: str | None, score: float) -> Understanding:
        return self._result(utterance, FALLBACK, {}, score, "fallback", closest)


def check_utterance(utterance: str) -> None:
    if not utterance.strip():
        raise SimulatorError("empty utterance: type what you would say to Alexa")
    if len(utterance) > MAX_UTTERANCE_CHARS:
        raise SimulatorError(
            f"utterance is {len(utterance)} characters long; the limit is {MAX_UTTERANCE_CHARS}"
        )


def _without_fillers(tokens: Tokens) -> Iterator[Tokens]:
    """The utterance as said, then with spoken fillers ("um", "please") trimmed off the ends."""
    yield tokens
    display, key = list(tokens.display), list(tokens.key)
    changed = True
    while changed and key:
        changed = False
        for filler in _LEADING:
            n = len(filler)
            if len(key) > n and tuple(key[:n]) == filler:
                del display[:n], key[:n]
                changed = True
                break
        for filler in _TRAILING:
            n = len(filler)
            if len(key) > n and tuple(key[-n:]) == filler:
                del display[-n:], key[-n:]
                changed = True
                break
    if tuple(key) != tokens.key:
        yield Tokens(tuple(display), tuple(key))


# Intents never found inside longer words: answers (never on less than their own words; a skip
# or a "not sure" errs towards a clinician, so they may) and the emergency (the lexicon reads
# those words whole, with who and when).
_NEVER_CONTAINED = (ANSWER_INTENTS - {"SkipIntent"}) | {"EmergencyIntent"}
_CONTAINED_REST = 9
_NOT_SURE = "NotSureIntent"
_STEM = 5  # letters of a word's stem, for the catch-all's vocabulary
_SLOT_SLACK = 3  # words a slot may take beyond its type's longest value
_CLOSED_TYPES = frozenset({"AnswerType", "QuestionType"})  # a correction's answer and question
# Words that only join slots: a sample of slots and these has no carrier phrase.
_JOINING_WORDS = frozenset({"and", "or", "with", "plus", "but", "also", "too", "as", "well",
                            "only", "just", "like", "so", "i", "im", "ive", "my", "me", "it",
                            "its", "the", "a", "an"})
_TOPIC_TYPES = frozenset({"LearnTopicType", "ConditionType", "PersonType", "FearType"})
_CONTAINED_SAMPLE = 12  # words at most in a sample with slots found inside longer words
_FACTOR_TYPES = ("FactorType",)
# Words that answer or turn an answer: a sentence with one of these is not only a request.
_ANSWER_WORDS = frozenset({
    "yes", "yeah", "yep", "yup", "aye", "no", "nope", "nah", "not", "never", "none", "nothing"})
def _with_is(tokens: Tokens) -> Tokens | None:
    """The words with a noun's "'s" said as "is" ("breathing's normal" -> "breathing is
    normal"), as the samples spell it; None when there is none. Pronouns keep theirs ("it's"
    is a sample word of its own)."""
    display: list[str] = []
    key: list[str] = []
    for shown, word in zip(tokens.display, tokens.key, strict=True):
        base = shown[:-2]
        if shown.endswith("'s") and base and base not in _KEEP_S:
            display += [base, "is"]
            key += [base.replace("'", ""), "is"]
        else:
            display.append(shown)
            key.append(word)
    return Tokens(tuple(display), tuple(key)) if len(key) != len(tokens.key) else None


_KEEP_S = frozenset({"it", "that", "there", "what", "he", "she", "who", "let", "where", "here",
                     "how", "when", "why", "everything", "nothing", "something", "this"})
# A yes or a no is found inside longer words only as a phrase this long, and only beside words
# that do not turn it: no word of the other side, no hedge.
_ANSWER_PHRASE_WORDS = 3
_ANSWER_REST = 6
_HEDGE_WORDS = frozenset({"sure", "maybe", "perhaps", "think", "know", "guess", "suppose",
                          "certain", "possibly", "probably", "might", "could", "idea", "clue",
                          "tell", "but", "except", "though", "although", "apart", "only"})
_SIDES: dict[str, frozenset[str]] = {
    "AMAZON.YesIntent": frozenset({"no", "nope", "nah", "not", "never", "none", "nothing",
                                   "dont", "didnt", "havent", "hasnt", "isnt", "wasnt"})
    | _HEDGE_WORDS,
    "AMAZON.NoIntent": frozenset({"yes", "yeah", "yep", "yup", "aye"}) | _HEDGE_WORDS,
}
_LEADING = sorted((tuple(normalise(f).split()) for f in LEADING_FILLERS), key=len, reverse=True)
# Chains of phrases (Nlu._chain): at most this many words in all, and per phrase.
_CHAIN_WORDS = 16
_CHAIN_PHRASE = 8
_FILLER = _Choice("", "")
_TRAILING = sorted((tuple(normalise(f).split()) for f in TRAILING_FILLERS), key=len, reverse=True)
_FILLERS = frozenset(_LEADING) | frozenset(_TRAILING)


# -- invocation phrases -------------------------------------------------------------------------


@dataclass(frozen=True)
class Invocation:
    """"open neck twitch check" is a launch; "ask neck twitch check why" is a one-shot."""

    kind: str  # "launch" | "oneshot"
    rest: str = ""


_LAUNCH_VERBS = r"(?:open|launch|start|begin|load|run|use|talk to|speak to|start up|open up)"
_ONESHOT_VERBS = r"(?:ask|tell)"
_CONNECTORS = r"(?:to |about |if |whether |that |for )?"


@dataclass(frozen=True)
class InvocationParser:
    regex: re.Pattern[str]
    first_word: str  # a cheap test first: "yes" or "no" cannot hold the invocation name

    def parse(self, utterance: str) -> Invocation | None:
        if self.first_word not in re.sub(r"['\u2019\u2018`]", "", utterance.lower()):
            return None
        tokens = tokenize(utterance)
        match = self.regex.match(tokens.key_text)
        if match is None:
            return None
        if match.group("launch"):
            return Invocation("launch")
        group = "ask" if match.group("ask") else "and"
        start = tokens.key_text[: match.start(group)].count(" ")
        return Invocation("oneshot", " ".join(tokens.display[start:]))


def invocation_parser(invocation_name: str) -> InvocationParser:
    key = normalise(invocation_name)
    name = re.escape(key)
    regex = re.compile(
        rf"^(?:alexa )?(?:"
        rf"(?P<launch>{_LAUNCH_VERBS} (?:the )?{name}(?: skill| app)?(?: please)?)"
        rf"|{_ONESHOT_VERBS} (?:the )?{name}(?: skill)? {_CONNECTORS}(?P<ask>.+)"
        rf"|{_LAUNCH_VERBS} (?:the )?{name}(?: skill)? (?:and|to) (?P<and>.+)"
        rf")$"
    )
    return InvocationParser(regex, key.split()[0] if key else "")


def parse_invocation(parser: InvocationParser, utterance: str) -> Invocation | None:
    return parser.parse(utterance)
