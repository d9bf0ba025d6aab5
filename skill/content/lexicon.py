"""Read warning signs and lifestyle factors out of people's own words, per locale, with negation.

Alexa hands over the raw words when a custom slot value does not match (ER_SUCCESS_NO_MATCH) and
in free-text slots ("yes {detail}"); `lexicon_for(locale).read(words)` says which signs and
factors they mention, each marked negated or not. The words people use are data:
`lexicon/<locale>.yaml` (its header documents the term syntax); this module holds only the
mechanics, which are the same for every language:

1. Words are matched like the simulator's NLU keys them: lower case, apostrophes dropped
   ("can't" is `cant`), punctuation kept only as clause marks.
2. Every term of every category is tried at every word; of the matches that do not overlap,
   the reading with the most literal words wins (then letters). So "can't breathe" is a
   symptom, not the negator "can't"; "no strength in my arm" is weakness, not "no"; and "arm
   has been weak" + "for months" beat a single "been ... months" that would swallow "weak".
3. A negator negates the first mention that starts within a few words after it in its clause,
   and mentions listed right after that one ("no tingling, numbness or weakness"). It negates
   nothing when it answers on its own: followed by punctuation ("no, ..."), or by a clause
   opener at the start of a clause ("no my hand is numb" as Alexa writes it).
4. A post-negation ("is fine") negates the nearest mention a few words before it in its clause,
   and bare one-word mentions listed before that ("my speech and swallowing are fine"). Right
   after a negator ("not fine") it is a complaint, and neither counts.
5. A negator inside a term's gap negates that mention ("my tongue isn't twitching").
6. A clause breaker ("but", "I'm not sure") or punctuation ends a negation's reach.
7. A sudden marker anywhere in a mention's sentence part (between breakers and full stops, not
   commas) makes weakness, numbness, speech and balance their sudden sign, unless the marker
   itself is negated ("it didn't come on suddenly").
8. One mention per id, where it first appears; a said-and-meant mention outweighs a negated one
   of the same id (err towards the sign).
9. A bare mention that starts the words, answered straight after by a negator ("swallowing? no,
   it's the same as ever"), is negated: the backward "no" of ConText.

Context (NegEx and ConText: Chapman et al. 2001; Harkema et al. 2009), from the locale's trigger
file `lexicon/context/<locale>.yaml` (see its header): every mention is also marked
- historical: a long-ago trigger ("years ago", "as a kid") in its scope, or a passed event
  ("last week", "but it's gone now") for a sign that is not a transient emergency (a stroke
  sign that came and went is an emergency even if it has passed);
- hypothetical: "what if", "should I worry about", "in case";
- other: said about someone else ("my husband", "his face"), until the speaker's own "I" / "me".
A forward trigger reaches the mentions after it, a backward one those before it, within a
segment: clause breakers, full stops and "now"-type terminators end a segment. A duration said in
one segment with another sign ("my arm has been weak for months") belongs to that sign, not to
the twitch, and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

from skill.triage.datafile import DataFileError, load_data
from skill.triage.vocabulary import LIFESTYLE_FACTORS, SIGNS

LEXICON_DIR = Path(__file__).with_name("lexicon")
CONTEXT_DIR = LEXICON_DIR / "context"
DEFAULT_LOCALE = "en-US"

# Signs the skill learns from its own questions or from nothing at all, never from words.
NOT_READ_FROM_WORDS: frozenset[str] = frozenset({"unrecognised"})
READ_SIGNS: frozenset[str] = SIGNS - NOT_READ_FROM_WORDS
# What a sudden marker turns a sign into (BE-FAST: arm, speech, balance).
SUDDEN_FORMS: Mapping[str, str] = {
    "weakness": "sudden_weakness",
    "numbness": "sudden_weakness",
    "speech": "sudden_speech",
    "balance": "sudden_balance",
}
# Reach of negation in words: "I don't think I have any numbness" needs five.
NEGATION_REACH = 5
# Negators that answer a question on their own: only these deny a mention before them
# ("swallowing? no"), not "lost four kilos without dieting".
_ANSWER_NOS = frozenset({"no", "nope", "nah", "not really", "not at all", "never", "none"})
# Words between the parts of a listed subject: "my speech and my vision are both normal".
_POSSESSIVES = frozenset({"my", "the", "his", "her", "their", "your", "both"})
# Words that start what is said against a "no" before them.
_CONTRAST_STARTS = frozenset({"only", "just", "except", "apart", "well", "although"})
# Words that end a sentence in contrast with what came before it ("no, ... though").
_CONTRAST_ENDS = frozenset({"though", "tho", "anyway", "mind"})
# A mention this many words long or less runs on a negated list without a comma or "and".
_LIST_ITEM_WORDS = 2
POST_NEGATION_REACH = 4
# `...` in a term: at most this many words between its neighbours.
GAP_WORDS = 4
MIN_PREFIX_LETTERS = 3

MentionKind = Literal["sign", "factor"]
_Kind = Literal["sign", "topic", "denial", "factor", "negator", "post", "breaker", "sudden",
                "ignore", "long_ago", "passed", "resolved", "recent", "hypothetical", "other",
                "other_after", "self", "terminator", "ordinary", "other_past"]
_CATEGORIES: Mapping[str, _Kind] = {
    "negators": "negator",
    "post_negations": "post",
    "clause_breakers": "breaker",
    "sudden_markers": "sudden",
    "ignore": "ignore",
}
_OPTIONAL = frozenset({"ignore"})
# Context triggers, from lexicon/context/<locale>.yaml: key -> kind.
_CONTEXT: Mapping[str, _Kind] = {
    # A time reaches back ("I had a fall years ago"), or forward when it opens its segment
    # ("years ago I had a fall").
    "long_ago": "long_ago",  # "years ago", "as a kid", "nothing recent"
    # "last week", "a few days ago": still a sign (read back before it counts); with a
    # resolution it is over (Lexicon.over), unless a transient emergency.
    "passed": "passed",
    "resolved": "resolved",  # backward, over breakers: "... but it's gone now"
    "recent": "recent",  # ends a time's reach: "now", "lately" (and the sudden markers)
    "hypothetical": "hypothetical",  # forward: "what if", "should I worry about"
    "other": "other",  # forward: "my husband", "his", "she"
    "other_after": "other_after",  # backward: "... it's my husband", "... for my mum"
    "self": "self",  # ends another person's reach: "I", "me"
    "ordinary": "ordinary",  # both ways: "after a few drinks", "after running"
    "other_past": "other_past",  # someone else's sign is history: "before his stroke"
    "terminators": "terminator",  # ends every trigger's reach
}
_CONTEXT_KEYS = frozenset({"extends", *_CONTEXT})
# Kinds matched apart from the reading's words (see Lexicon._match).
_APART: frozenset[str] = frozenset({"sudden", *_CONTEXT.values()})
_TRIGGERS = frozenset(_CONTEXT.values()) - {"terminator", "self", "recent", "other_past"}
# Emergency signs that count even when they have passed (BE-FAST: "call even if it goes away";
# a thunderclap or a blackout that has passed still needs help now). A fever that has gone is not
# a fever now (NHS meningitis: a stiff neck *with* a fever).
TRANSIENT_EMERGENCIES: frozenset[str] = frozenset({
    "emergency_now", "breathing_now", "face_droop", "sudden_weakness", "sudden_speech",
    "sudden_balance", "vision", "thunderclap",
})
# Signs about the twitch itself: a duration beside them is still the twitch's ("about a month,
# and it's twice as bad").
_TWITCH_SIGNS = frozenset({"duration", "worsening", "spreading", "tongue"})
# Twitch words: a duration in their segment is the twitch's, whatever else is named there.
_TWITCH_STEMS = ("twitch", "fascic", "spasm", "flicker", "jump")
_WORD_LISTS = ("clause_openers", "list_words")
# Phrase lists read on their own: a hedge ("not sure", "no idea") makes an answer a "not sure";
# a symptom word ("rash", "sore") makes words the lexicon cannot read a symptom to name back.
_PHRASE_LISTS = ("hedges", "no_answers", "symptom_words", "yes_endings", "no_endings",
                 "yes_openings", "no_openings")
# A language's own small word sets (LocaleWords); a file without them gets en-US's.
_LOCALE_WORD_SETS = ("answer_nos", "possessives", "contrast_starts", "contrast_ends", "keep_s",
                     "twitch_stems", "passed_after", "me_as_my", "first_person", "explainers",
                     "sameness", "list_fillers", "acting_for", "told_with", "twitch_places",
                     "possessive_deniers")
# What a carrier phrase said around the slot, put back before reading the slot's words
# (skill/alexa/handlers.py), in the lexicon's language: `past` is "years ago" in en-US.yaml.
LEADS: frozenset[str] = frozenset({"denied", "no_but", "sudden", "past", "earlier", "other",
                                   "what_if", "but", "fine"})
# What a person may ask for in words no sample of the model holds ("sorry love, say that again,
# the telly was on"): read only from words that name no sign, each the name of a request the
# skill answers (skill/alexa/handlers.py). Listed in the order that settles a tie.
REQUESTS: tuple[str, ...] = ("stop", "back", "start_over", "repeat", "pause", "skip", "why",
                             "help", "progress", "sources", "learn", "causes", "serious")
_TOP_KEYS = frozenset({"signs", "topics", "denials", "factors", "together", *_CATEGORIES,
                       *_WORD_LISTS, "leads", "requests",
                       *_PHRASE_LISTS, *_LOCALE_WORD_SETS, "fold_accents"})
# "my tongue's twitching" is "tongue is"; these keep their 's ("it's" is a word of its own).
_KEEP_S = frozenset({"it", "that", "there", "what", "he", "she", "who", "let", "where", "here",
                     "how", "one", "everything", "nothing", "something", "someone", "everyone",
                     "anything", "this"})
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Accents folded for a language that asks for it (`fold_accents: true`): "está" and "esta", "año"
# and "ano" are one word to a reader, as people type them. One letter for one, so the spans of
# what was said stay where they were.
_FOLD = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")


@dataclass(frozen=True)
class LocaleWords:
    """The few word sets the reading's mechanics use, per language; the defaults are en-US's."""

    answer_nos: frozenset[str] = _ANSWER_NOS
    possessives: frozenset[str] = _POSSESSIVES
    contrast_starts: frozenset[str] = _CONTRAST_STARTS
    contrast_ends: frozenset[str] = _CONTRAST_ENDS
    keep_s: frozenset[str] = _KEEP_S
    twitch_stems: tuple[str, ...] = _TWITCH_STEMS
    fold_accents: bool = False
    # After a word of "fine" ("fine now", "okay again"): it passed, it is no denial.
    passed_after: frozenset[str] = frozenset({"now", "again"})
    # Words after which "me" is "my" ("me arm", "me mum"): the body and the family (en-US.yaml
    # lists them; none in a language where "me" is no "my").
    me_as_my: frozenset[str] = frozenset()
    # The speaker's own words inside a mention ("on my neck"): the mention is theirs.
    first_person: frozenset[str] = frozenset()
    # Words that give a reason for what came before ("..., but that's cos I was at the gym").
    explainers: frozenset[str] = frozenset()
    # A duration said beside these is how long something stayed the same, not the twitch's.
    sameness: frozenset[str] = frozenset()
    # Words between a list word and the next mention that keep a negation going ("don't
    # tingle or go numb").
    list_fillers: frozenset[str] = frozenset()
    # Words of acting for someone else ("on behalf of my dad"): the check is for them.
    acting_for: frozenset[str] = frozenset()
    # Words after a time that tell what happened then ("last year where my chest went
    # tight"): the time reaches forward over them.
    told_with: frozenset[str] = frozenset()
    # Where the twitch is said to be ("her neck"): with a person named, it is theirs.
    twitch_places: frozenset[str] = frozenset()
    # Negators that deny what follows even before a possessive ("not my speech, but ..."),
    # where an answer "no" before "my" opens a new clause ("no my hand is numb").
    possessive_deniers: frozenset[str] = frozenset()

    def fold(self, text: str) -> str:
        return text.translate(_FOLD) if self.fold_accents else text


ENGLISH_WORDS = LocaleWords()

_HEDGED_TIME = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|roughly)\s+(?=(?:about\s+|around\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|\d+)\s+"
    r"(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|fortnights?)\b)",
    re.IGNORECASE)
_YES_I_GUESS = re.compile(r"\b(?:yes|yeah|yep|yup)\W+i\s+(?:guess|suppose|reckon)\b",
                          re.IGNORECASE)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
# A word (inner apostrophes kept for display), a full stop or a pause.
_TOKEN = re.compile(r"[^\W_]+(?:'+[^\W_]+)*|[.!?;:]+|[,\u2013\u2014]|(?<=\s)-(?=\s)")
_WORD = re.compile(r"[^\W_]+")
_STOP = "."
_PAUSE = ","
# Marks a gap stop word in the string terms are matched against: a gap word is `\w+`, which
# "~and" is not, while a term that spells "and" out matches "~and".
_GAP_STOP = "~"


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Mention:
    """A sign or factor named in the words: `words` is what was said for it."""

    kind: MentionKind
    id: str
    negated: bool
    words: str
    historical: bool = False  # long ago, or a passed event that is not a transient emergency
    hypothetical: bool = False  # "what if I get ...", "should I worry about ..."
    other: bool = False  # about someone else: "my husband", "his face"
    ordinary: bool = False  # explained by an ordinary cause: "wobbly after a few drinks"

    @property
    def current(self) -> bool:
        """Said of the speaker, now (or recently), as a fact: the only kind that is recorded."""
        return not (self.historical or self.hypothetical or self.other or self.ordinary)


@dataclass(frozen=True)
class _Token:
    key: str  # matching key: a word, or _STOP / _PAUSE
    start: int  # span in the text as said
    end: int

    @property
    def is_mark(self) -> bool:
        return self.key in (_STOP, _PAUSE)


@dataclass(eq=False)
class _Term:
    """One term, its regular expression compiled on first use.

    A file has about a thousand terms and compiling them all costs some 50 ms of a Lambda cold
    start; a reading only tries the terms whose first word it contains, so each is compiled
    the first time it could match and kept for the life of the lexicon.
    """

    kind: _Kind
    id: str  # sign or factor id; the category's kind otherwise
    source: str  # the regular expression, anchored by `match` at a word start
    literals: int  # words that must be there, for "longest match wins"
    first: tuple[tuple[str, bool], ...]  # the first word's options: (word or stem, is a stem)
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


@dataclass
class _Item:
    term: _Term
    start: int  # token span
    end: int
    letters: int = 0  # of the words it matched literally (not in gaps)
    negated: bool = False
    void: bool = False

    @property
    def is_mention(self) -> bool:
        return self.term.kind in ("sign", "topic", "denial", "factor")


def _tokens(text: str, keep_s: frozenset[str] = _KEEP_S) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        raw = match.group()
        if _WORD.match(raw):
            base = raw[:-2] if raw.lower().endswith("'s") else ""
            if base and base.lower().replace("'", "") not in keep_s:
                split = match.start() + len(base)
                tokens.append(_Token(base.lower().replace("'", ""), match.start(), split))
                tokens.append(_Token("is", split, match.end()))
                continue
            key = raw.lower().replace("'", "")
        else:
            key = _STOP if raw[0] in ".!?;:" else _PAUSE
            if tokens and tokens[-1].is_mark:  # "..," is one mark, the stronger one
                if key == _STOP:
                    tokens[-1] = _Token(_STOP, tokens[-1].start, match.end())
                continue
        tokens.append(_Token(key, match.start(), match.end()))
    return tokens


def _has_phrase(phrases: tuple[str, ...], text: str, keep_s: frozenset[str] = _KEEP_S) -> bool:
    """Whether one of `phrases` (keys, with a space at each end) is said in `text`."""
    joined = f" {' '.join(t.key for t in _tokens(text, keep_s) if not t.is_mark)} "
    return any(phrase in joined for phrase in phrases)


def _word_key(word: str) -> str:
    return word.lower().replace("'", "").replace("\u2019", "")


class _Reader:
    """Walks the parsed YAML, naming the file and key in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> LexiconError:
        return LexiconError(f"{self.source}: {key}: {problem}")

    def mapping(self, value: Any, key: str) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a mapping")
        return value

    def strings(self, value: Any, key: str, *, optional: bool = False) -> list[str]:
        if optional and value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        if not value and not optional:
            raise self.fail(key, "empty term list")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(f"{key}[{i}]", f"expected a string, got {item!r}")
        return value


def _years_before_this() -> str:
    """A year before this one, in digits ("in 2019", "back in 1974"): the past, not now."""
    last = date.today().year - 1
    decade, unit = divmod(last % 100, 10)
    recent = f"20[0-{decade - 1}]\\d|20{decade}[0-{unit}]" if decade else f"200[0-{unit}]"
    return f"(?:19\\d\\d|{recent})"


# Word classes a term may use in place of a word: `#year` (a year before this one, in digits)
# and `#number` (a small number, in digits or words: "when I was twelve", "at 9").
_NUMBER_WORDS: dict[str, Callable[[], str]] = {
    "#year": _years_before_this,
    "#number": lambda: "(?:" + "|".join([
        r"\d{1,2}", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]) + ")",
}


class _Compiler:
    """Turns term strings into anchored regular expressions over the space-joined word keys."""

    def __init__(self, reader: _Reader, gap_stops: frozenset[str]) -> None:
        self.r = reader
        self.gap_stops = gap_stops
        # Any words but marks and stop words; captured to look for negators.
        self.gap = rf"((?: \w+){{0,{GAP_WORDS}}}?)"
        self.seen: dict[str, str] = {}

    def parts(self, text: str, key: str) -> list[str]:
        words = text.replace("-", " ").split()
        if words[-1:] == ["."]:
            words = words[:-1]
        if not words:
            raise self.r.fail(key, "no words")
        if words[0] == "..." or words[-1] == "...":
            raise self.r.fail(key, f"'...' cannot start or end a term: {text!r}")
        for before, after in pairwise(words):
            if before == after == "...":
                raise self.r.fail(key, f"'... ...' in {text!r}")
        return words

    def word(self, word: str, key: str, text: str) -> tuple[str, list[tuple[str, bool]]]:
        """The regex of one word slot (`a/b*` alternatives) and its options."""
        options: list[str] = []
        keys: list[tuple[str, bool]] = []
        for option in word.split("/"):
            if option in _NUMBER_WORDS:
                options.append(_NUMBER_WORDS[option]())
                keys.append((option, False))
                continue
            stem = option[:-1] if option.endswith("*") else option
            norm = _word_key(stem)
            if "*" in stem:
                raise self.r.fail(key, f"'*' only ends a word: {text!r}")
            if not _WORD.fullmatch(norm):
                raise self.r.fail(key, f"{option!r} is not a word: {text!r}")
            if option.endswith("*"):
                if len(norm) < MIN_PREFIX_LETTERS:
                    raise self.r.fail(
                        key, f"{option!r}: a prefix needs {MIN_PREFIX_LETTERS} letters before '*'"
                    )
                options.append(re.escape(_GAP_STOP) + "?" + re.escape(norm) + r"[^ ]*")
            elif norm in self.gap_stops:
                options.append(re.escape(_GAP_STOP + norm))
            else:
                options.append(re.escape(norm))
            keys.append((norm, option.endswith("*")))
        regex = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return regex, keys

    def canonical(self, words: list[str]) -> str:
        return " ".join(
            "/".join(sorted(_word_key(option) for option in w.split("/"))) for w in words
        )

    def term(self, text: str, key: str, kind: _Kind, owner: str) -> _Term:
        words = self.parts(text, key)
        at_end = text.split()[-1:] == ["."]
        canonical = self.canonical(words) + (" ." if at_end else "")
        if canonical in self.seen:
            other = self.seen[canonical]
            problem = "listed twice" if other == owner else f"{text!r} is also a term of {other}"
            raise self.r.fail(key, problem)
        self.seen[canonical] = owner
        regex = ""
        gap_pending = False
        literals = 0
        first: list[tuple[str, bool]] = []
        for w in words:
            if w == "...":
                gap_pending = True
                continue
            piece, options = self.word(w, key, text)
            first = first or options
            if regex:
                regex += (self.gap if gap_pending else "") + " "
            regex += piece
            gap_pending = False
            literals += 1
        end = rf"(?= [{re.escape(_STOP + _PAUSE)}]|$)" if at_end else "(?= |$)"
        return _Term(kind, owner, regex + end, literals, tuple(first))


def _single_words(terms: Iterable[str]) -> set[str]:
    """The one-word terms of a category (with `/` alternatives), without prefixes."""
    words: set[str] = set()
    for term in terms:
        parts = term.split()
        if len(parts) == 1 and "*" not in parts[0]:
            words.update(_word_key(option) for option in parts[0].split("/"))
    return words


class Lexicon:
    """One locale's symptom words, compiled once; `read(text)` is fast and never raises."""

    def __init__(
        self,
        locale: str,
        terms: Mapping[str, tuple[str, ...]],
        compiled: list[_Term],
        openers: frozenset[str],
        list_words: frozenset[str],
        negator_words: frozenset[str],
        gap_stops: frozenset[str],
        hedges: tuple[str, ...] = (),
        symptom_words: tuple[str, ...] = (),
        no_answers: tuple[str, ...] = (),
        together: tuple[tuple[str, tuple[_Term, ...], tuple[_Term, ...]], ...] = (),
        endings: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
        openings: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
        words: LocaleWords = ENGLISH_WORDS,
        leads: Mapping[str, str] | None = None,
        requests: tuple[tuple[str, tuple[_Term, ...]], ...] = (),
    ) -> None:
        self.locale = locale
        self._requests = requests
        self.words = words
        self._leads = dict(leads or {})
        # A sign said in two parts of a sentence ("my neck is rigid ... a fever of 39"): each
        # part is a term list, matched apart from the reading, never competing with it.
        self._together = together
        self._endings = endings
        self._openings = openings
        self._hedges = tuple(f" {hedge} " for hedge in hedges)
        self._no_answers = tuple(f" {no} " for no in no_answers)
        self._symptom_words = frozenset(w for w in symptom_words if not w.endswith("*"))
        self._symptom_stems = tuple(w[:-1] for w in symptom_words if w.endswith("*"))
        self.terms = terms  # sign or factor id -> its terms as written
        self._openers = openers
        self._list_words = list_words
        self._negator_words = negator_words
        self._gap_stops = gap_stops
        self._by_word: dict[str, list[_Term]] = {}
        self._by_stem: dict[str, list[_Term]] = {}
        self._by_class: list[_Term] = []  # opening with a word class ("#number years ago")
        for term in compiled:
            for first, is_prefix in term.first:
                if first in _NUMBER_WORDS:
                    self._by_class.append(term)
                    continue
                index = self._by_stem if is_prefix else self._by_word
                index.setdefault(first, []).append(term)
        self._stem_lengths = tuple(sorted({len(stem) for stem in self._by_stem}))

    # --- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path, context: Path | None = None) -> Lexicon:
        """Read and check a lexicon file (YAML, or its JSON twin in a Lambda bundle) and the
        context trigger file of its locale, with the files that one `extends`."""
        data = _read(path)
        triggers = _read_context(context) if context is not None else None
        locale = context.stem if context is not None else path.stem
        return cls.from_data(data, locale=locale, source=str(path), context=triggers,
                             context_source=str(context))

    @classmethod
    def from_data(cls, data: Any, *, locale: str, source: str = "<lexicon>",
                  context: Any = None, context_source: str = "<context>") -> Lexicon:
        """Build a lexicon from parsed YAML; raise `LexiconError` naming the key at fault."""
        r = _Reader(source)
        top = r.mapping(data, "(top level)")
        if top.get("fold_accents") is True:  # terms are matched as the words are: folded
            top = _folded(top)
            context = _folded(context)
        unknown = sorted(map(str, set(top) - _TOP_KEYS))
        if unknown:
            raise r.fail("(top level)", f"unknown keys {unknown}")

        words: dict[str, frozenset[str]] = {}
        for name in _WORD_LISTS:
            listed = r.strings(top.get(name), name)
            for i, word in enumerate(listed):
                if not _WORD.fullmatch(_word_key(word.strip())):
                    raise r.fail(f"{name}[{i}]", f"expected one word, got {word!r}")
            words[name] = frozenset(_word_key(word.strip()) for word in listed)

        categories = {name: r.strings(top.get(name), name, optional=name in _OPTIONAL)
                      for name in _CATEGORIES}
        # Gaps never run over a clause: its breakers and list words stop them.
        gap_stops = frozenset(_single_words(categories["clause_breakers"]) | words["list_words"])
        compiler = _Compiler(r, gap_stops)

        terms: dict[str, tuple[str, ...]] = {}
        compiled: list[_Term] = []
        sections: tuple[tuple[str, frozenset[str], _Kind], ...] = (
            ("signs", READ_SIGNS, "sign"), ("factors", LIFESTYLE_FACTORS, "factor"))
        for section, known, kind in sections:
            entries = r.mapping(top.get(section), section)
            for name, listed in entries.items():
                key = f"{section}.{name}"
                if name not in known:
                    what = "a sign" if kind == "sign" else "a lifestyle factor"
                    raise r.fail(key, f"{name!r} is not {what} read from words; use one of "
                                      f"{sorted(known)}")
                texts = r.strings(listed, key)
                compiled.extend(compiler.term(text, f"{key}[{i}]", kind, name)
                                for i, text in enumerate(texts))
                terms[name] = tuple(texts)
            missing = sorted(known - set(entries))
            if missing:
                raise r.fail(section, f"no terms for {missing}")
        # What a sign is about ("my weight", "walking", "my eyesight"): said only to deny it
        # ("my weight's the same as ever"), so a topic is read only when negated; said on its
        # own it is no sign.
        # Words that deny a sign by themselves ("as strong as ever", "only been a few days").
        section_kinds: tuple[tuple[str, _Kind], ...] = (("topics", "topic"), ("denials", "denial"))
        for section, section_kind in section_kinds:
            listed_by_sign = top.get(section)
            if listed_by_sign is None:
                continue
            for name, listed in r.mapping(listed_by_sign, section).items():
                if name not in READ_SIGNS:
                    raise r.fail(f"{section}.{name}", f"{name!r} is not a sign read from words")
                compiled.extend(
                    compiler.term(text, f"{section}.{name}[{i}]", section_kind, name)
                    for i, text in enumerate(r.strings(listed, f"{section}.{name}")))
        for name, kind in _CATEGORIES.items():
            compiled.extend(compiler.term(text, f"{name}[{i}]", kind, name)
                            for i, text in enumerate(categories[name]))
        if context is not None:
            c = _Reader(context_source)
            triggers = c.mapping(context, "(top level)")
            unknown = sorted(map(str, set(triggers) - _CONTEXT_KEYS))
            if unknown:
                raise c.fail("(top level)", f"unknown keys {unknown}")
            # Matched apart from the signs' words, so a trigger may repeat one ("isn't").
            apart = _Compiler(c, gap_stops)
            for name, kind in _CONTEXT.items():
                compiled.extend(apart.term(text, f"{name}[{i}]", kind, name)
                                for i, text in enumerate(c.strings(triggers.get(name), name)))
        phrases = {name: tuple(" ".join(_word_key(w) for w in text.split())
                               for text in r.strings(top.get(name), name, optional=True))
                   for name in _PHRASE_LISTS}
        together: list[tuple[str, tuple[_Term, ...], tuple[_Term, ...]]] = []

        def self_part(apart: _Compiler, part: Any, key: str) -> tuple[_Term, ...]:
            # Each part has its namespace: its terms may repeat a sign's, or the other part's.
            return tuple(apart.term(text, f"{key}[{k}]", "sign", key)
                         for k, text in enumerate(r.strings(part, key)))

        pairs = top.get("together")
        if pairs is not None:
            for name, groups in r.mapping(pairs, "together").items():
                if name not in READ_SIGNS:
                    raise r.fail(f"together.{name}", f"{name!r} is not a sign read from words")
                if not isinstance(groups, list) or not groups:
                    raise r.fail(f"together.{name}", "expected a list of [part, part] pairs")
                for i, pair in enumerate(groups):
                    key = f"together.{name}[{i}]"
                    if not isinstance(pair, list) or len(pair) != 2:
                        raise r.fail(key, "expected two parts, each a list of terms")
                    parts = tuple(self_part(_Compiler(r, gap_stops), part, f"{key}[{j}]")
                                  for j, part in enumerate(pair))
                    together.append((name, parts[0], parts[1]))
        requests: list[tuple[str, tuple[_Term, ...]]] = []
        asked = top.get("requests")
        if asked is not None:
            given = r.mapping(asked, "requests")
            for name in given:
                if name not in REQUESTS:
                    raise r.fail(f"requests.{name}", f"{name!r} is not a request; use one of "
                                                     f"{list(REQUESTS)}")
            requests = [(name, self_part(_Compiler(r, gap_stops), given[name],
                                         f"requests.{name}"))
                        for name in REQUESTS if name in given]
        return cls(
            locale, terms, compiled, words=_locale_words(r, top), leads=_leads(r, top),
            requests=tuple(requests),
            openers=words["clause_openers"], list_words=words["list_words"],
            negator_words=frozenset(_single_words(categories["negators"])), gap_stops=gap_stops,
            hedges=phrases["hedges"], symptom_words=phrases["symptom_words"],
            no_answers=phrases["no_answers"], together=tuple(together),
            endings=(phrases["yes_endings"], phrases["no_endings"]),
            openings=(phrases["yes_openings"], phrases["no_openings"]),
        )

    # --- reading ---------------------------------------------------------------------------

    def lead(self, name: str) -> str:
        """The words a carrier means before (or after) its slot, in this lexicon's language
        ("years ago" for `past` in English); "" where the file names none."""
        if name not in LEADS:
            raise KeyError(f"{name!r} is not a lead; use one of {sorted(LEADS)}")
        return self._leads.get(name, "")

    def _tokens(self, text: str) -> list[_Token]:
        tokens = _tokens(self.words.fold(text), self.words.keep_s)
        nouns = self.words.me_as_my
        for index, token in enumerate(tokens[:-1]):
            # "me arm's gone dead", "me lad": "me" for "my", as British, Irish and Australian
            # speakers say it, before the body and the family only.
            if token.key == "me" and tokens[index + 1].key in nouns:
                tokens[index] = _Token("my", token.start, token.end)
        return tokens

    def request(self, text: str) -> str | None:
        """The request the words make, if any ("pardon, didn't catch a word of that" is
        "repeat"): the one whose longest term has the most literal words, the first listed on a
        tie. For words that name no sign: the caller reads them as signs first."""
        keys = [token.key for token in self._tokens(text)]
        best: tuple[int, int] = (0, 0)
        found: str | None = None
        for name, terms in self._requests:
            for hit in self._candidates(keys, terms):
                rank = (hit.term.literals, hit.letters)
                if rank > best:
                    best, found = rank, name
        return found

    def for_someone_else(self, text: str) -> bool:
        """Whether words that name no sign say the check is for someone else: a person named
        ("my husband", "me mum", "he"), then the twitch or the neck as theirs with no word of
        the speaker's own between ("for my mother, her neck is twitching since Sunday"), or a
        word of acting for them ("on behalf of my dad"). "My wife says my neck twitches" is
        the speaker's own."""
        keys = [token.key for token in self._tokens(text)]
        if not keys:
            return False
        _items, apart = self._match(keys)
        others = sorted(item.start for item in apart if item.term.kind == "other")
        if not others:
            return False
        if set(keys) & self.words.acting_for:
            return True
        selves = [item.start for item in apart if item.term.kind == "self"]
        first = others[0]
        for t in range(first + 1, len(keys)):
            if t in selves and not any(o <= t < o + 2 for o in others):
                return False  # the speaker's own words before any twitch of theirs
            if keys[t] in self.words.twitch_places or keys[t].startswith(self.words.twitch_stems):
                return True
        return False

    def hedged(self, text: str) -> bool:
        """Whether the words hedge ("I'm not sure", "no idea", "hard to say")."""
        # "maybe three weeks ago" hedges when, not whether; "so yeah, I guess" is a yes.
        text = _YES_I_GUESS.sub(" ", _HEDGED_TIME.sub(" ", text))
        return _has_phrase(self._hedges, self.words.fold(text), self.words.keep_s)

    def figure_opens(self, text: str) -> bool:
        """Whether the words open with a figure the reading ignores ("no reason", "no idea
        why"): the "no" of a carrier such as "{symptom} no {detail}" is then no answer ("my
        leg buckled for no reason and I couldn't lift it")."""
        keys = [token.key for token in self._tokens(text)]
        items, _apart = self._match(keys) if keys else ([], [])
        return any(item.term.kind in ("ignore", "breaker") and item.start == 0
                   and item.term.literals > 1 for item in items)

    def says_no(self, text: str) -> bool:
        """Whether the words answer no with a reason ("I'm only thirty, so probably not"), or
        say all is well and name nothing ("plumbing's all in order", "hands and arms are
        completely normal only"): a word of fine with no sign for it to deny, and no negator."""
        if _has_phrase(self._no_answers, self.words.fold(text), self.words.keep_s):
            return True
        keys = [token.key for token in self._tokens(text)]
        items, _apart = self._match(keys) if keys else ([], [])
        kinds = {item.term.kind for item in items}
        # A word of fine that opens a clause is a word of going on ("but okay, I did ...").
        said = any(item.term.kind == "post" and item.start > 0
                   and keys[item.start - 1] not in (_STOP, _PAUSE)
                   and keys[item.start - 1] not in self._openers for item in items)
        return said and not kinds & {"negator", "denial"} and not any(
            item.is_mention for item in items)

    def closing(self, text: str) -> str | None:
        """"yes" or "no" when the words end on an answer ("... so I'd say yes"), else None."""
        joined = f" {' '.join(t.key for t in self._tokens(text) if not t.is_mark)}"
        for answer, endings in zip(("yes", "no"), self._endings, strict=True):
            if any(joined.endswith(f" {ending}") for ending in endings):
                return answer
        return None

    def opening(self, text: str) -> str | None:
        """"yes" or "no" when the words start with an answer ("no, it's about the same")."""
        joined = f"{' '.join(t.key for t in self._tokens(text) if not t.is_mark)} "
        for answer, openings in zip(("yes", "no"), self._openings, strict=True):
            if any(joined.startswith(f"{opening} ") for opening in openings):
                return answer
        return None

    def over(self, text: str) -> bool:
        """Whether the words say something is long ago, or was days ago and is gone now ("years
        ago", "last week, but it's gone"); "it's fine now" alone is no time (a stroke sign
        that passed is still an emergency)."""
        keys = [token.key for token in self._tokens(text)]
        _items, apart = self._match(keys) if keys else ([], [])
        kinds = {item.term.kind for item in _longest_first(apart)}
        return "long_ago" in kinds or {"passed", "resolved"} <= kinds

    def sounds_like_symptom(self, text: str) -> bool:
        """Whether words the lexicon cannot read still describe a symptom ("a rash"); never
        inside a figure of speech ("my boss is giving me a headache")."""
        tokens = self._tokens(text)
        items, _apart = self._match([t.key for t in tokens]) if tokens else ([], [])
        figures = {i for item in items if item.term.kind == "ignore"
                   for i in range(item.start, item.end)}
        for index, token in enumerate(tokens):
            if index in figures:
                continue
            if token.key in self._symptom_words or token.key.startswith(self._symptom_stems):
                return True
        return False

    def read(self, text: str) -> tuple[Mention, ...]:
        """The signs and factors `text` mentions, in order of appearance, one per id."""
        tokens = self._tokens(text)
        if not tokens:
            return ()
        keys = [token.key for token in tokens]
        items, apart = self._match(keys)
        markers = [item for item in apart if item.term.kind == "sudden"]
        # Words of someone else's past ("years") count beside a longer trigger that holds them
        # ("a few years back"), so they are kept out of the overlap contest.
        triggers = [*_longest_first([item for item in apart
                                     if item.term.kind not in ("sudden", "other_past")]),
                    *(item for item in apart if item.term.kind == "other_past")]
        owner = [-1] * len(tokens)
        for index, item in enumerate(items):
            for t in range(item.start, item.end):
                owner[t] = index
        self._negate_backward(keys, items)
        self._negate(keys, items, owner, markers)
        sudden = self._sudden_parts(keys, items, markers)
        self._post_negate(keys, items, owner, sudden)
        for item in items:
            if item.term.kind == "denial":
                # Words that deny by themselves; negated, they tell the sign: "I'm not as
                # strong as I was".
                item.negated = not item.negated
        context = _Context(keys, items, markers, triggers, self.words)

        # One mention per id, where first named; a meant mention outweighs a denied one.
        chosen: dict[str, tuple[_Item, tuple[bool, bool, bool, bool]]] = {}
        for item in items:
            if not item.is_mention or (item.term.kind == "topic" and not item.negated):
                continue
            sign = item.term.id
            if sign in SUDDEN_FORMS and sudden[item.start] and not item.negated:
                # A denied sign is no sudden one: "no, my grip's fine, I was lifting weights
                # yesterday" denies weakness, the question asked.
                sign = SUDDEN_FORMS[sign]
            if sign == "duration" and context.duration_of_another(item):
                continue  # "my arm has been weak for months": not the twitch's duration
            marks = context.marks(item, sign)
            if marks[2] and sign in SUDDEN_FORMS and context.now_in_sentence(item):
                # Someone else's weakness, speech or balance going wrong now is told because it
                # came on suddenly: "my wife's slurring and can't hold her cup, right now".
                sign = SUDDEN_FORMS[sign]
                marks = context.marks(item, sign)
            kept = chosen.get(sign)
            if kept is None or _weight(item, marks) > _weight(*kept):
                chosen[sign] = (item, marks)
        for sign, item in self._together_items(keys, items, context):
            marks = context.marks(item, sign)
            kept = chosen.get(sign)
            if kept is None or _weight(item, marks) > _weight(*kept):
                chosen[sign] = (item, marks)
        return tuple(
            Mention(
                kind="factor" if item.term.kind == "factor" else "sign",
                id=sign,
                negated=item.negated,
                words=text[tokens[item.start].start:tokens[item.end - 1].end],
                historical=marks[0],
                hypothetical=marks[1],
                other=marks[2],
                ordinary=marks[3],
            )
            for sign, (item, marks) in chosen.items()
        )

    def _together_items(self, keys: list[str], items: list[_Item], context: _Context
                        ) -> list[tuple[str, _Item]]:
        """Signs said in two parts ("my neck is rigid and I've a fever of 39"): both parts in
        one sentence, neither negated nor inside a negated mention."""
        found: list[tuple[str, _Item]] = []
        if not self._together:
            return found
        denied = [item for item in items if item.is_mention and item.negated]
        negators = [item for item in items if item.term.kind == "negator" and not item.void]

        def live(hit: _Item) -> bool:
            if hit.negated or any(d.start <= hit.start < d.end for d in denied):
                return False
            # A negator reaches the first mention after it only: "no injury, neck's locked
            # stiff" denies the injury, not the neck.
            return not any(n.end <= hit.start <= n.end + NEGATION_REACH
                           and context.segment[n.start] == context.segment[hit.start]
                           and not any(m.is_mention and n.end <= m.start < hit.start
                                       for m in items)
                           and not any(keys[t] in self.words.contrast_starts
                                       for t in range(n.end, hit.start))
                           for n in negators)

        for sign, first, second in self._together:
            ones = [h for h in self._candidates(keys, first) if live(h)]
            twos = [h for h in self._candidates(keys, second) if live(h)]
            for one in ones:
                if any(context.sentence[one.start] == context.sentence[two.start]
                       for two in twos):
                    found.append((sign, _Item(one.term, one.start, one.end)))
                    break
        return found

    def _negate_backward(self, keys: list[str], items: list[_Item]) -> None:
        """"swallowing? no, it's the same": a bare mention that opens the words, then a negator
        straight after it, is denied (the negator still answers on its own, so it negates
        nothing ahead of it)."""
        mentions = [item for item in items if item.is_mention]
        if not mentions or mentions[0].start != 0:
            return
        first = mentions[0]
        after = next((item for item in items if item.start == first.end), None)
        if after is not None and after.term.kind == "negator" and (
                " ".join(keys[after.start:after.end]) in self.words.answer_nos):
            first.negated = True

    def _candidates(self, keys: list[str], only: tuple[_Term, ...] | None = None) -> list[_Item]:
        """Every match of every term (or of `only`) at every word."""
        marked = [_GAP_STOP + key if key in self._gap_stops else key for key in keys]
        joined = " ".join(marked)
        offsets: list[int] = []
        ends: dict[int, int] = {}
        at = 0
        for index, key in enumerate(marked):
            offsets.append(at)
            at += len(key)
            ends[at] = index + 1
            at += 1
        found: list[_Item] = []
        for index, key in enumerate(keys):
            if only is not None:
                terms = [t for t in only if any(
                    key == w or (stem and key.startswith(w)) or w in _NUMBER_WORDS
                    for w, stem in t.first)]
            else:
                terms = [*self._by_word.get(key, ()), *self._by_class]
                for length in self._stem_lengths:
                    if length > len(key):
                        break
                    terms.extend(self._by_stem.get(key[:length], ()))
            for term in terms:
                match = term.pattern.match(joined, offsets[index])
                if match is None:
                    continue
                gaps = [word for group in match.groups() if group for word in group.split()]
                said = match.group()
                letters = len(said) - said.count(" ") - said.count(_GAP_STOP) - sum(map(len, gaps))
                negated = any(word in self._negator_words for word in gaps)
                found.append(_Item(term, index, ends[match.end()], letters, negated))
        return found

    def _match(self, keys: list[str]) -> tuple[list[_Item], list[_Item]]:
        """The reading that explains the most words, and the sudden markers (never competing).

        Of all sets of non-overlapping matches, the one with the most literal words (then their
        letters, then the most words covered, then the fewest matches): "can't breathe" beats
        "can't"; "arm has been weak" and "for months" together beat "been weak for months".
        """
        candidates = self._candidates(keys)
        # Sudden markers and context triggers never compete with the signs' words: "my" in
        # "accidents with my bladder" is the speaker, and the bladder term still spans it.
        markers = [item for item in candidates if item.term.kind in _APART]
        ending: dict[int, list[_Item]] = {}
        for item in candidates:
            if item.term.kind not in _APART and item.term.kind != "topic":
                ending.setdefault(item.end, []).append(item)
        best: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)]
        choice: list[_Item | None] = [None]
        for end in range(1, len(keys) + 1):
            score, chosen = best[end - 1], None
            for item in ending.get(end, ()):
                before = best[item.start]
                option = (before[0] + item.term.literals, before[1] + item.letters,
                          before[2] + item.end - item.start, before[3] - 1)
                if option > score:
                    score, chosen = option, item
            best.append(score)
            choice.append(chosen)
        items: list[_Item] = []
        end = len(keys)
        while end > 0:
            picked = choice[end]
            if picked is None:
                end -= 1
            else:
                items.append(picked)
                end = picked.start
        items.reverse()
        # A sign's topic ("my tongue", "my weight") only where no other term took the words:
        # "my tongue isn't twitching" is the tongue sign, denied.
        taken = {t for item in items for t in range(item.start, item.end)}
        topics = _longest_first([item for item in candidates if item.term.kind == "topic"
                                 and not taken & set(range(item.start, item.end))])
        if topics:
            items = sorted([*items, *topics], key=lambda i: i.start)
        return items, markers

    def _clause_start(self, keys: list[str], items: list[_Item], owner: list[int],
                      at: int) -> bool:
        if at == 0 or keys[at - 1] in (_STOP, _PAUSE):
            return True
        before = owner[at - 1]
        return before >= 0 and items[before].term.kind == "breaker"

    def _negate(self, keys: list[str], items: list[_Item], owner: list[int],
                markers: list[_Item]) -> None:
        for item in items:
            if item.is_mention and item.negated:  # "hands don't feel weak or numb"
                self._negate_list(keys, items, owner, item)
        for item in items:
            if item.term.kind != "negator" or item.void:
                continue
            j = item.end
            if j >= len(keys) or keys[j] in (_STOP, _PAUSE):
                continue
            if self._answer_then_but(keys, item):
                continue  # "no. tongue's twitching though": the no answered, then "though"
            after = owner[j]
            if after >= 0 and items[after].term.kind == "post":  # "not fine": a complaint
                items[after].void = item.void = True
                continue
            denies_own = (" ".join(keys[item.start:item.end]) in self.words.possessive_deniers
                          and keys[j] in self.words.possessives)
            if (keys[j] in self._openers and not denies_own
                    and self._clause_start(keys, items, owner, item.start)):
                # "no my hand is numb": an answer, then a new clause; but "not my speech, dear,
                # but my husband ..." denies the speech.
                continue
            reach = 0
            t = j
            target: _Item | None = None
            while t < len(keys) and reach <= NEGATION_REACH:
                index = owner[t]
                if index >= 0:
                    other = items[index]
                    if other.is_mention:
                        if other.term.kind == "denial" and " ".join(
                                keys[item.start:item.end]) in self.words.answer_nos:
                            break  # "no, nothing new": an answer, then a denial, no double no
                        target = other
                        break
                    if other.term.kind in ("negator", "breaker", "post"):
                        break
                if keys[t] in (_STOP, _PAUSE) or keys[t] in self._list_words or (
                        t > j and keys[t] in self.words.contrast_starts):
                    break  # "no sir, only my throat is swollen": what follows "only" is said
                reach += 1
                t += 1
            if target is not None and any(j <= m.start < target.start for m in markers):
                # "nothing sudden, vision's been blurry for weeks": the marker is denied, not
                # the sign; "no, suddenly my arm went weak": an answer, then a sudden sign.
                if " ".join(keys[item.start:item.end]) in self.words.answer_nos:
                    continue
                target = None
            if target is not None:
                self._negate_list(keys, items, owner, target)
                subject = self._subject(keys, items, owner, item.start)
                if subject is not None and subject.term.id == target.term.id:
                    subject.negated = True  # "my speech isn't slurred"
            else:  # "it didn't come on suddenly"
                for marker in markers:
                    if j <= marker.start < t:
                        marker.void = True

    def _answer_then_but(self, keys: list[str], negator: _Item) -> bool:
        """A "no" that opens the words and a "though" that closes their sentence: the no is
        an answer, and what comes between is said as well as it ("no, my tongue's twitching
        though")."""
        said = " ".join(keys[negator.start:negator.end])
        if negator.start != 0 or said not in self.words.answer_nos:
            return False
        end = keys.index(_STOP) if _STOP in keys else len(keys)
        # ... or one word before its end: "no, choke on water sometimes though, lately"
        return end > negator.end + 1 and (
            keys[end - 1] in self.words.contrast_ends
            or (end > negator.end + 2 and keys[end - 2] in self.words.contrast_ends))

    def _subject(self, keys: list[str], items: list[_Item], owner: list[int],
                 at: int) -> _Item | None:
        """The mention at most two plain words before `at` ("speech is ..."), if any."""
        for t in range(at - 1, max(at - 4, -1), -1):
            index = owner[t]
            if index >= 0:
                return items[index] if items[index].is_mention else None
            if keys[t] in (_STOP, _PAUSE) or keys[t] in self._openers:
                return None
        return None

    def _negate_list(self, keys: list[str], items: list[_Item], owner: list[int],
                     first: _Item) -> None:
        """Negate `first` and the mentions listed right after it."""
        first.negated = True
        t = first.end
        separated = False
        while t < len(keys):
            index = owner[t]
            if index >= 0 and items[index].is_mention and items[index].start == t and (
                    separated or items[index].end - items[index].start <= _LIST_ITEM_WORDS):
                # "no tingling numbness or weakness" (Alexa writes no commas); a term may start
                # with its list word ("or talking"). A longer mention straight after is a new
                # clause: "no injury chest is really tight".
                items[index].negated = True
                separated = False
                t = items[index].end
            elif index < 0 and (keys[t] == _PAUSE or keys[t] in self._list_words):
                separated = True
                t += 1
            elif index < 0 and separated and keys[t] in self.words.list_fillers:
                t += 1  # "don't tingle or go numb"
            else:
                return

    def _post_negate(self, keys: list[str], items: list[_Item], owner: list[int],
                     sudden: list[bool]) -> None:
        for item in items:
            if item.term.kind != "post" or item.void:
                continue
            # "fine now", "okay again": it passed. A sign that came on suddenly and passed is
            # still an emergency (NICE CG68: a TIA's signs resolve), so it is not denied.
            passed = item.end < len(keys) and keys[item.end] in self.words.passed_after
            reach = 0
            t = item.start - 1
            while t >= 0 and reach <= POST_NEGATION_REACH:
                index = owner[t]
                if index >= 0:
                    other = items[index]
                    if other.is_mention:
                        sign = other.term.id
                        if other.term.kind == "denial":
                            break  # "same tablets as always": still the same, no double no
                        if passed and (sign in TRANSIENT_EMERGENCIES or (
                                sign in SUDDEN_FORMS and sudden[other.start])):
                            break  # "my arm went dead at lunch, fine now"
                        other.negated = True
                        self._negate_list_back(keys, items, owner, other)
                        break
                    if other.term.kind in ("negator", "breaker", "post"):
                        break
                if (keys[t] in (_STOP, _PAUSE) or keys[t] in self._openers
                        or keys[t] in self._list_words):
                    break
                reach += 1
                t -= 1

    def _negate_list_back(self, keys: list[str], items: list[_Item], owner: list[int],
                          last: _Item) -> None:
        """Negate the bare one-word mentions listed before `last` ("speech and swallowing")."""
        t = last.start - 1
        while t >= 0:
            index = owner[t]
            if index < 0 and (keys[t] == _PAUSE or keys[t] in self._list_words
                              or keys[t] in self.words.possessives):
                t -= 1  # "my speech and my vision are normal"
                continue
            if index < 0 or not items[index].is_mention:
                return
            other = items[index]
            if other.end - other.start != 1:
                return
            other.negated = True
            t = other.start - 1

    def _sudden_parts(self, keys: list[str], items: list[_Item],
                      markers: list[_Item]) -> list[bool]:
        """For each word: is there a live sudden marker in its part of the sentence?"""
        part = [0] * len(keys)
        current = 0
        breaks = {t for item in items if item.term.kind == "breaker"
                  for t in range(item.start, item.end)}
        for t, key in enumerate(keys):
            if key == _STOP or t in breaks:
                current += 1
            part[t] = current
        marked = {part[marker.start] for marker in markers if not marker.void}
        return [p in marked for p in part]


def _longest_first(found: list[_Item]) -> list[_Item]:
    """Context triggers that do not overlap, the longest kept: "my husband" over "my"."""
    kept: list[_Item] = []
    taken: set[int] = set()
    for item in sorted(found, key=lambda i: (i.start - i.end, i.start)):
        span = set(range(item.start, item.end))
        if not span & taken:
            kept.append(item)
            taken |= span
    return sorted(kept, key=lambda i: i.start)


def _weight(item: _Item, marks: tuple[bool, bool, bool, bool]) -> tuple[bool, bool]:
    """Which of two mentions of one id to keep: one said of the speaker now outweighs one in the
    past, in a "what if" or about someone else; then a meant one outweighs a denied one."""
    return (not any(marks), not item.negated)


class _Context:
    """The ConText triggers of one reading and the segments they reach over."""

    def __init__(self, keys: list[str], items: list[_Item], markers: list[_Item],
                 triggers: list[_Item], words: LocaleWords = ENGLISH_WORDS) -> None:
        self.items = items
        self.words = words
        self.twitch_stems = words.twitch_stems
        self.keys = keys
        # A segment ends at a full stop, a clause breaker or a terminator; a resolution
        # ("but it's gone now") reaches back over clause breakers, to the last full stop.
        self.segment = [0] * len(keys)
        self.sentence = [0] * len(keys)
        ends = {t for item in (*items, *triggers) if item.term.kind in ("breaker", "terminator")
                for t in range(item.start, item.end)}
        segment = sentence = 0
        for t, key in enumerate(keys):
            if key == _STOP:
                segment += 1
                sentence += 1
            elif t in ends:
                segment += 1
            self.segment[t] = segment
            self.sentence[t] = sentence
        self.triggers = [item for item in triggers if item.term.kind in _TRIGGERS]
        # ... and a terminator that says now ("and now he can't get up").
        self.recent = [item for item in (*triggers, *markers)
                       if item.term.kind in ("recent", "sudden") or (
                           item.term.kind == "terminator"
                           and words.passed_after & set(keys[item.start:item.end]))]
        self.selves = [item for item in triggers if item.term.kind == "self"]
        # Someone else's past: their own words ("before his stroke"), and any long-ago or
        # recent-past time before the mention in its segment ("my mother had a stroke last
        # year, face was drooping"), which need not reach it as a time trigger must.
        self.their_past = [item for item in triggers
                           if item.term.kind in ("other_past", "long_ago", "passed")]

    def _explained_later(self, item: _Item, trigger: _Item) -> bool:
        """An ordinary cause told after the mention as its reason, in the same sentence: "me
        arms are like jelly, but that's cos I did chest at the gym"."""
        if trigger.start < item.end or self.sentence[trigger.start] != self.sentence[item.start]:
            return False
        between = self.keys[item.end:trigger.start]
        pairs = {" ".join(between[i:i + 2]) for i in range(len(between) - 1)}
        return bool((set(between) | pairs) & self.words.explainers)

    def _between(self, found: list[_Item], start: int, end: int) -> bool:
        return any(start <= item.start and item.end <= end for item in found)

    def _reaches(self, trigger: _Item, item: _Item, *, backward: bool,
                 stop: list[_Item]) -> bool:
        if backward:
            if trigger.start < item.end:
                return False
            span = (item.end, trigger.start)
            same = self.segment[item.start] == self.segment[trigger.start]
        else:
            if trigger.end > item.start:
                return False
            span = (trigger.end, item.start)
            same = self.segment[trigger.start] == self.segment[item.start]
        return same and not self._between(stop, *span)

    def marks(self, item: _Item, sign: str) -> tuple[bool, bool, bool, bool]:
        """(historical, hypothetical, other, ordinary) for a mention read as `sign`."""
        historical = hypothetical = other = ordinary = False
        resolved = False
        for trigger in self.triggers:
            kind = trigger.term.kind
            if kind == "long_ago":
                historical |= self._reaches(trigger, item, backward=True, stop=self.recent) or (
                    self._opens_segment(trigger)
                    and self._reaches(trigger, item, backward=False, stop=self.recent))
            elif kind == "hypothetical":
                hypothetical |= self._reaches(trigger, item, backward=False, stop=[])
            elif kind == "other":
                other |= self._reaches(trigger, item, backward=False, stop=self.selves)
            elif kind == "other_after":
                other |= self._reaches(trigger, item, backward=True, stop=self.selves)
            elif kind == "ordinary":
                # Never for an emergency: "I passed out after a few drinks" still needs help.
                ordinary |= sign not in TRANSIENT_EMERGENCIES and (
                    self.segment[trigger.start] == self.segment[item.start]
                    or self._explained_later(item, trigger))
            elif kind == "resolved":
                resolved |= (trigger.start >= item.end
                             and self.sentence[trigger.start] == self.sentence[item.start]
                             and not self._in_recent_segment(item))
        if other and any(self.keys[t] in self.words.first_person
                         for t in range(item.start, item.end)):
            other = False  # "he did that cracking thing on my neck": the speaker's own neck
        if resolved and sign not in TRANSIENT_EMERGENCIES:
            historical = True  # "a fever last week, but it's gone": not a sign now
        if other and not historical and self._their_history(item):
            historical = True  # "my dad had numbness before his stroke": his history
        return historical, hypothetical, other, ordinary

    def _their_history(self, item: _Item) -> bool:
        """Words of someone else's past in the mention's segment (their own words anywhere
        there, "before his stroke"; a time of the past before the mention, "my mother had a
        stroke last year, face was drooping", but not after it: "he doesn't know where he is,
        he keeps asking for his mother, and she passed in 1970" is his confusion now), and no
        word of now in its sentence. A marker of how long ("for a bit") says no when: "my dad
        had a funny turn back in 2015 and couldn't find his words for a bit" is his history;
        "I don't sleep like I used to, oh, hang on, Harold's gone grey" is Harold now."""
        sentence = self.sentence[item.start]
        now = any(self.sentence[r.start] == sentence
                  and not (r.term.kind == "sudden" and self.keys[r.start] == "for")
                  for r in self.recent)
        return not now and any(
            self.segment[p.start] == self.segment[item.start]
            and (p.start < item.start or p.term.kind == "other_past") for p in self.their_past)

    def now_in_sentence(self, item: _Item) -> bool:
        """A "now" or sudden marker in the mention's sentence."""
        return any(self.sentence[r.start] == self.sentence[item.start] for r in self.recent)

    def _opens_segment(self, trigger: _Item) -> bool:
        """Whether a time opens its segment ("years ago I had a fall"), or is told with what
        happened then ("I had a panic attack last year where my chest went tight")."""
        at = trigger.start
        told_with = trigger.end < len(self.keys) and self.keys[trigger.end] in self.words.told_with
        return told_with or at == 0 or self.segment[at - 1] != self.segment[at] or (
            self.keys[at - 1] in (_STOP, _PAUSE))

    def _in_recent_segment(self, item: _Item) -> bool:
        return any(self.segment[r.start] == self.segment[item.start] for r in self.recent)

    def duration_of_another(self, item: _Item) -> bool:
        """A duration in a segment that names another sign and no twitch belongs to that sign;
        so does one of sameness ("same dose since two years", "the same size for years")."""
        segment = self.segment[item.start]
        span = [t for t, s in enumerate(self.segment) if s == segment]
        if any(self.keys[t].startswith(self.twitch_stems) for t in span):
            return False
        if any(self.keys[t] in self.words.sameness for t in span):
            return True
        return any(other.is_mention and other.term.kind == "sign" and other is not item
                   and other.term.id not in _TWITCH_SIGNS and not other.negated
                   and self.segment[other.start] == segment for other in self.items)


def _folded(value: Any) -> Any:
    """Every string in parsed YAML with its accents folded (LocaleWords.fold)."""
    if isinstance(value, str):
        return value.translate(_FOLD)
    if isinstance(value, list):
        return [_folded(v) for v in value]
    if isinstance(value, dict):
        return {k: _folded(v) for k, v in value.items()}
    return value


def _locale_words(r: _Reader, top: dict[Any, Any]) -> LocaleWords:
    """The file's own word sets (LocaleWords), each defaulting to en-US's."""
    given: dict[str, Any] = {}
    for name in _LOCALE_WORD_SETS:
        if name in top:
            listed = r.strings(top[name], name)
            keys = [" ".join(_word_key(w) for w in text.split()) for text in listed]
            given[name] = tuple(keys) if name == "twitch_stems" else frozenset(keys)
    fold = top.get("fold_accents", False)
    if not isinstance(fold, bool):
        raise r.fail("fold_accents", f"expected true or false, got {fold!r}")
    return replace(ENGLISH_WORDS, fold_accents=fold, **given)


def _leads(r: _Reader, top: dict[Any, Any]) -> dict[str, str]:
    """The file's `leads`: every name of LEADS, each a few words, or none at all."""
    if "leads" not in top:
        return {}
    given = r.mapping(top["leads"], "leads")
    if set(given) != LEADS:
        raise r.fail("leads", f"expected exactly {sorted(LEADS)}, got {sorted(map(str, given))}")
    for name, words in given.items():
        if not isinstance(words, str) or not words.strip():
            raise r.fail(f"leads.{name}", f"expected a few words, got {words!r}")
    return {str(name): " ".join(str(words).split()) for name, words in given.items()}


def _read(path: Path) -> Any:
    try:
        return load_data(path)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc.strerror}") from exc
    except DataFileError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc


def _read_context(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """A context trigger file, with the lists of the file it `extends` before its own."""
    data = _read(path)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: (top level): expected a mapping")
    base = data.get("extends")
    if base is None:
        return data
    if not isinstance(base, str) or not _LOCALE.fullmatch(base):
        raise LexiconError(f"{path}: extends: expected a locale, got {base!r}")
    parent = path.with_name(f"{base}{path.suffix}")
    if parent in seen or parent == path:
        raise LexiconError(f"{path}: extends: {base!r} extends itself")
    merged = dict(_read_context(parent, (*seen, path)))
    for key, value in data.items():
        if key == "extends":
            continue
        if isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = [*merged[key], *(v for v in value if v not in merged[key])]
        else:
            merged[key] = value
    merged.pop("extends", None)
    return merged


def _data_file(folder: Path, locale: str) -> Path | None:
    """The YAML file of a shipped locale in `folder` (load_data reads its JSON twin, if any)."""
    path = folder / f"{locale}.yaml"
    return path if path.is_file() else None


@cache
def _load(path: Path, context: Path | None) -> Lexicon:
    return Lexicon.load(path, context)


@lru_cache(maxsize=16)
def lexicon_for(locale: str | None) -> Lexicon:
    """The lexicon of a request's locale, loaded once on first use (never at import): its own
    words and context triggers where it ships them, else its language's (`es.yaml` for es-MX),
    else en-US's."""
    default = _data_file(LEXICON_DIR, DEFAULT_LOCALE)
    context_default = _data_file(CONTEXT_DIR, DEFAULT_LOCALE)
    if default is None:
        raise LexiconError(f"{LEXICON_DIR}: no {DEFAULT_LOCALE} lexicon")
    words, context = default, context_default
    if locale and _LOCALE.fullmatch(locale):
        language = locale.split("-")[0]
        words = (_data_file(LEXICON_DIR, locale) or _data_file(LEXICON_DIR, language)
                 or default)
        context = (_data_file(CONTEXT_DIR, locale) or _data_file(CONTEXT_DIR, language)
                   or context_default)
    return _load(words, context)
