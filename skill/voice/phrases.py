"""What the recogniser listens for: the interaction model's phrases, as the simulator reads them.

The phrases come from the same places as the simulator's NLU: every sample without a slot, the
built-in phrasings (`skill.simulator.builtins`) of the intents the model declares, and slotted
samples filled with slot values and synonyms. Filling every carrier with every value would be
tens of thousands of sentences, so it is bounded:

- coverage, for every slotted intent: each carrier phrase once (values taken in turn), then
  each value or synonym once (carriers taken in turn), so every word and every join is in the
  language model;
- then carriers x canonical values for the intents that report or deny a symptom (the answers
  that change the outcome), until the total reaches `cap`.

Built-in phrasings and plain samples come first, so a small cap keeps "yes" and "no".

Every phrase is then checked against the NLU: only a phrase it understands exactly (a sample,
or a sample pattern whose slots all resolve to a value) is kept, labelled with the intent the
NLU gives it. At run time the same test decides whether what was heard is accepted, so a
recognised phrase is never guessed into an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest
from typing import Any, TypeVar

from skill.simulator.builtins import BUILTIN_PHRASES
from skill.simulator.model import IntentDef
from skill.simulator.nlu import ER_MATCH, Nlu, Understanding, tokenize

T = TypeVar("T")

# Enough for every symptom word of every English model (en-IN needs 3,835 as of the understanding
# work's samples; tests/voice/test_phrases_and_speech.py checks it).
DEFAULT_CAP = 4000
YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
EMERGENCY = "EmergencyIntent"
SUDDEN = "SuddenSymptomIntent"
# Carriers x values for these: they report or deny a warning sign.
EXPANDED_INTENTS = (
    "ReportSymptomIntent",
    SUDDEN,
    "YesDetailIntent",
    "DenySymptomIntent",
    "NoDetailIntent",
)
# Answers that say a warning sign is there (or may be), and answers that say it is not: hearing
# one as the other is the dangerous error ("yes/no swap").
YES_SIDE = frozenset(
    {YES, "YesDetailIntent", "ReportSymptomIntent", SUDDEN, EMERGENCY, "NotSureIntent",
     # a sign reported with a "no" before it, or with when it happened: still a report
     "NoButIntent", "PastSymptomIntent", "EarlierSymptomIntent"}
)
NO_SIDE = frozenset({NO, "NoDetailIntent", "DenySymptomIntent", "SignFineIntent"})
# Said at once, even unconfirmed: the skill answers with the emergency number first.
AT_ONCE = frozenset({EMERGENCY, SUDDEN})
# Requests that change what happens next (besides the answers above): read back unless sure.
CHANGES_STATE = frozenset(
    {
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.StartOverIntent",
        "AMAZON.NavigateHomeIntent",
        "GoBackIntent",
        "DeleteDataIntent",
        # an earlier answer changed, the check turned to someone else, a question skipped
        # (which counts as "not sure")
        "CorrectionIntent",
        "OtherPersonIntent",
        "SkipIntent",
        # a lifestyle answer shapes the advice ("probably not" was heard as "probably all" and
        # sent as one, on the office report's tuning part, clean)
        "LifestyleIntent",
    }
)

_SLOT = re.compile(r"\{([^{}]*)\}")


def polarity(intent: str | None) -> str | None:
    """"yes" for an answer that reports a sign, "no" for one that denies it, else None."""
    if intent in YES_SIDE:
        return "yes"
    if intent in NO_SIDE:
        return "no"
    return None


def consequential(intent: str) -> bool:
    """Would sending this intent change the check (an answer, or leaving, going back)?"""
    return intent in YES_SIDE or intent in NO_SIDE or intent in CHANGES_STATE


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case words with their apostrophes ("don't"): the pronunciation dictionary's
    spelling; the NLU drops the apostrophes when it matches."""
    return tokenize(text).display


def accepted(understanding: Understanding) -> bool:
    """Understood exactly: a sample or built-in phrase, or a sample pattern whose every slot is
    a listed value or synonym. Near misses and fallbacks are not answers."""
    if understanding.method not in ("exact", "pattern"):
        return False
    return all(slot.status == ER_MATCH for slot in understanding.slots.values())


def exact(nlu: Nlu, text: str, confirm: bool = False) -> Understanding | None:
    """The NLU's reading of `text` if it is an exact phrase (`accepted`); with `confirm`, only
    a yes or a no (the reply to a read-back)."""
    if not text.strip():
        return None
    understanding = nlu.understand(text)
    if not accepted(understanding):
        return None
    if confirm and understanding.intent not in (YES, NO):
        return None
    return understanding


@dataclass(frozen=True)
class Phrase:
    text: str  # words joined by single spaces, as the recogniser spells them
    intent: str


@dataclass(frozen=True)
class PhraseSet:
    locale: str
    phrases: tuple[Phrase, ...]
    confirm: tuple[Phrase, ...]  # the yes/no phrases: replies to a read-back
    dropped: tuple[str, ...]  # phrases with a word the dictionary cannot say

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for p in self.phrases for w in p.text.split())

    def to_json(self) -> dict[str, object]:
        return {
            "locale": self.locale,
            "phrases": [[p.text, p.intent] for p in self.phrases],
            "confirm": [[p.text, p.intent] for p in self.confirm],
            "dropped": list(self.dropped),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PhraseSet:
        return cls(
            str(data["locale"]),
            tuple(Phrase(str(text), str(intent)) for text, intent in data["phrases"]),
            tuple(Phrase(str(text), str(intent)) for text, intent in data["confirm"]),
            tuple(str(text) for text in data["dropped"]),
        )

    def by_text(self) -> dict[str, Phrase]:
        return {p.text: p for p in self.phrases}

    def twins(self) -> Twins:
        """Answers one negation away from an answer of the other side ("i do" / "i don't",
        "definitely" / "definitely not"): a recogniser that drops or adds the negation turns
        one into the other, so hearing one is never taken on its own word (`Twins`)."""
        sides = self._sides()
        partners: dict[str, set[str]] = {}
        contracted: set[str] = set()
        for text, side in sides.items():
            for other, by_contraction in _negation_variants(text):
                other_side = sides.get(other)
                if other_side is None or other_side == side:
                    continue
                partners.setdefault(text, set()).add(other)
                partners.setdefault(other, set()).add(text)
                if by_contraction:
                    contracted.update((text, other))
        return Twins(
            frozenset(contracted),
            {text: frozenset(others) for text, others in partners.items()},
        )

    def _sides(self) -> dict[str, str]:
        """Each yes-side or no-side phrase and its side (`polarity`)."""
        return {
            p.text: side for p in self.phrases if (side := polarity(p.intent)) is not None
        }


@dataclass(frozen=True)
class Twins:
    """Yes-side and no-side answers one negation apart, as the recogniser treats them.

    - `contracted`: the pair differs only by a contraction's "n't" ("i did" / "i didn't",
      "it is" / "it isn't"): the answer rides on one short, unstressed sound, which the
      accuracy report found heard the wrong way round even in quiet, so such a phrase is never
      an answer by voice: the person is asked for a plain yes or no.
    - `partners`: every twin and the phrases of the other side it could be confused with;
      hearing one (`definitely`, `definitely not`) is checked by a second decoding restricted
      to the twins (`Recognizer.hear`), and asked again unless that agrees.
    """

    contracted: frozenset[str]
    partners: Mapping[str, frozenset[str]]

    def __contains__(self, text: object) -> bool:
        return text in self.partners


_DO = {"don't": "do", "doesn't": "does", "didn't": "did"}


def _negation_variants(text: str) -> Iterator[tuple[str, bool]]:
    """(`text` with one negation added or taken away, whether only a "n't" differs)."""
    words = text.split()
    for i, word in enumerate(words):
        if word.endswith("n't"):
            base = {"won't": "will", "can't": "can", **_DO}.get(word, word[:-3])
            yield " ".join([*words[:i], base, *words[i + 1:]]), True
            if word in _DO:  # "i don't think so" / "i think so"
                yield " ".join([*words[:i], *words[i + 1:]]), False
        if word == "not":
            yield " ".join([*words[:i], *words[i + 1:]]), False
        if word in ("no", "yes"):
            yield " ".join([*words[:i], *words[i + 1:]]), False
    yield "not " + text, False
    yield "no " + text, False


def build_phrases(
    nlu: Nlu,
    pronounceable: Callable[[str], bool],
    cap: int = DEFAULT_CAP,
) -> PhraseSet:
    """The bounded phrase list for `nlu`'s model (see the module docstring).

    Filled in tiers until `cap`: built-in phrasings, then samples without slots, then each
    slotted intent's carriers, then its values and synonyms, then carriers x values for the
    intents that report or deny a symptom; within a tier the intents take turns, so a cap
    never leaves an intent out.
    """
    model = nlu.model
    builtins: list[str] = []
    for name, builtin in BUILTIN_PHRASES.items():
        if name in model.intents:
            builtins.extend(builtin)
    plain: list[str] = []
    slotted: dict[str, list[str]] = {}
    for intent in model.intents.values():
        for sample in intent.samples:
            if _SLOT.search(sample):
                slotted.setdefault(intent.name, []).append(sample)
            else:
                plain.append(sample)

    def spoken(slot_type: str) -> list[str]:
        return [s for v in model.slot_types.get(slot_type, ()) for s in (v.name, *v.synonyms)]

    def canonical(slot_type: str) -> list[str]:
        return [v.name for v in model.slot_types.get(slot_type, ())]

    carriers: list[list[str]] = []
    # slot type -> intent -> the intent's carriers that use it
    by_type: dict[str, dict[str, list[str]]] = {}
    for name, samples in slotted.items():
        slots = model.intents[name].slots
        carriers.append(list(_carriers(samples, slots, canonical)))
        for sample in samples:
            for slot_type in {slots[n] for n in _SLOT.findall(sample)}:
                by_type.setdefault(slot_type, {}).setdefault(name, []).append(sample)
    values = [
        list(_values(slot_type, uses, model.intents, canonical, spoken(slot_type)))
        for slot_type, uses in sorted(by_type.items())
    ]
    product: list[list[str]] = []
    for name in EXPANDED_INTENTS:
        slots = model.intents[name].slots if name in model.intents else {}
        product.append(
            [s for sample in slotted.get(name, []) for s in _fill_each(sample, slots, canonical)]
        )

    kept: dict[str, Phrase] = {}
    dropped: list[str] = []
    for sentence in chain(
        builtins, plain, _round_robin(carriers), _round_robin(values), _round_robin(product)
    ):
        if len(kept) >= cap:
            break
        words = words_of(sentence)
        text = " ".join(words)
        if not words or text in kept:
            continue
        if not all(pronounceable(w) for w in words):
            dropped.append(text)
            continue
        understanding = nlu.understand(text)
        if accepted(understanding):
            kept[text] = Phrase(text, understanding.intent)
    phrases = tuple(kept.values())
    confirm = tuple(p for p in phrases if p.intent in (YES, NO))
    return PhraseSet(model.locale, phrases, confirm, tuple(dict.fromkeys(dropped)))


def _round_robin(lists: Sequence[Sequence[T]]) -> Iterator[T]:
    """The first of each list, then the second of each, and so on."""
    for row in zip_longest(*lists):
        yield from (item for item in row if item is not None)


def _carriers(
    samples: list[str], slots: dict[str, str], canonical: Callable[[str], list[str]]
) -> Iterator[str]:
    """Each carrier once, its slots filled with canonical values taken in turn."""
    for i, sample in enumerate(samples):

        def choose(slot_type: str, k: int, i: int = i) -> str:
            return _pick(canonical(slot_type), i + k)

        yield _fill(sample, slots, choose)


def _values(
    slot_type: str,
    uses: dict[str, list[str]],
    intents: Mapping[str, IntentDef],
    canonical: Callable[[str], list[str]],
    spoken: list[str],
) -> Iterator[str]:
    """Each value or synonym of `slot_type` once, in the carriers that use it, the intents
    taking turns (report, deny, yes-detail...) so that each hears some of them."""
    order = [
        (sample, intents[name].slots)
        for sample, name in _round_robin(
            [[(sample, name) for sample in samples] for name, samples in uses.items()]
        )
    ]
    for j, value in enumerate(spoken):
        carrier, slots = order[j % len(order)]
        first = True

        def choose(t: str, k: int, value: str = value, j: int = j) -> str:
            nonlocal first
            if t == slot_type and first:
                first = False
                return value
            return _pick(canonical(t), j + k + 1)

        yield _fill(carrier, slots, choose)


def _fill_each(
    sample: str, slots: dict[str, str], canonical: Callable[[str], list[str]]
) -> Iterator[str]:
    """A one-slot carrier with each canonical value (multi-slot carriers: covered already)."""
    names = _SLOT.findall(sample)
    if len(names) != 1:
        return
    for value in canonical(slots[names[0]]):
        yield sample.replace("{" + names[0] + "}", value)


def _fill(sample: str, slots: dict[str, str], choose: Callable[[str, int], str]) -> str:
    counter = iter(range(1000))
    return _SLOT.sub(lambda m: choose(slots[m.group(1)], next(counter)), sample)


def _pick(values: list[str], index: int) -> str:
    return values[index % len(values)] if values else ""
