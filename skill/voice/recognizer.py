"""The offline recogniser: pocketsphinx with a tiny language model built from the phrases.

pocketsphinx 5 (PyPI) ships a US English acoustic model and a 134k-word dictionary inside the
wheel, so nothing is downloaded at run time. The language model is built at start-up from the
phrase list (`phrases.build_phrases`), with a dictionary of only the words those phrases use:
it hears answers, not dictation. The yes/no phrases are weighted up, since most turns are a yes
or a no. A second, tinier model of the yes/no phrases alone hears the reply to a read-back
('I heard "no". Is that right?').

What was heard is accepted only when the simulator's NLU understands the words exactly
(`phrases.accepted`); anything else is not an answer, however close.

An exact phrase that answers the question (yes-side or no-side) is still doubted, and the
person asked again (`Hearing.doubt`), when:

- "contraction": it is one "n't" away from an answer of the other side ("i did" / "i didn't",
  `phrases.Twins`): the answer would ride on one short sound;
- "negation": it is a word away from one ("definitely" / "definitely not") and a second
  decoding against the twins alone, best and n-best, does not all agree;
- "unsupported": none of the five best hypotheses means the same;
- "contradicted": one of them means an answer of the other side;
- "mixed": it has both a yes and a no in it ("yeah no", "no wait yes");
- "command": decoded again against it and the short requests alone ("help", "stop", "say
  that again"), a request wins: a command word is never a yes or a no.

Speech that is no phrase at all has somewhere to go: the language models also hold the
most common English words that are in no phrase, one word a sentence (`GARBAGE_WORDS`, a
garbage model), so "i need to buy some milk later" is heard as common words, which the NLU
does not take, rather than as the nearest phrase.

Emergency phrases too: the voice loop then gives the emergency number at once and asks again,
rather than ending the check on a guess ("of course not" was once heard as "call for help").
All four came from the accuracy report: the first decoding drops a trailing "not" in moderate
noise, hears "i did" as "i didn't" even in quiet, and its few other swaps were lone
hypotheses or had the other side among the n best.

When the best hypothesis is no phrase, the n best are searched for an answer (`rescued`):
taken only in a quiet room (`RESCUE_MIN_SNR_DB`), never sure (so read back), checked for the
same doubts; an emergency found there gets the number, never sent.

The check against requests ("command") is made only for an answer that would be sure, the
only kind sent without a read-back, and only a whole request heard counts: the grammar
decoding returns the words it got through when it reaches no end ("gotta" of "gotta go"), and
such fragments had doubted a third of the clean answers asked again.

"Sure" (`Hearing.sure`) needs all of: the best hypothesis's posterior probability at least
`SURE_PROBABILITY`; at least `SURE_AGREEMENT` of the five best hypotheses meaning the same
intent and none of them meaning another; a phrase that is not a negation twin; and speech
clearly above the background (`MIN_SURE_ANSWER_SNR_DB`, a quiet room; a read-back's yes or no,
heard with the yes/no model, `MIN_SURE_SNR_DB`). The thresholds were chosen on the synthetic
recordings of the accuracy
report (`python -m skill.voice.accuracy`): with them no wrong phrase was sure in quiet or
moderate noise, with a margin. Real voices should be sure more often; check with recordings.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from skill.simulator.nlu import Nlu, Understanding
from skill.voice.common_words import COMMON_WORDS
from skill.voice.endpoint import SHORT_PAUSE, room_tone
from skill.voice.errors import missing_recogniser
from skill.voice.phrases import (
    AT_ONCE,
    DEFAULT_CAP,
    NO,
    YES,
    Phrase,
    PhraseSet,
    build_phrases,
    consequential,
    exact,
    polarity,
)
from skill.voice.wav import RATE

SURE_PROBABILITY = 0.1
SURE_AGREEMENT = 0.4
MIN_SURE_SNR_DB = 10.0  # a yes or a no heard with the yes/no model (a read-back's reply)
# An answer sent without a read-back needs the speech this far above the room: in office babble
# the recogniser is sometimes sure and wrong (the office report's first held-out run: "yup" in
# 20 dB babble heard as a sure "luckily not", sent: a swap), so there every answer is read back.
# The same line as `RESCUE_MIN_SNR_DB`: clean recordings stood 25-47 dB above the room, those
# in 20 dB babble 13-23 dB.
MIN_SURE_ANSWER_SNR_DB = 24.0
NBEST = 5
# When the best hypothesis is no phrase, an answer among the n best is taken (never sure: read
# back) only when the speech stood at least this far above the room: in a quiet room the n
# best are near variants of what was said ("i have trouble again" / "i have trouble walking"),
# in babble they are noise (on the office report's tuning part, clean recordings stood 25-47
# dB above the room and those in 20 dB babble 13-23 dB; rescues there were wrong half the
# time).
RESCUE_MIN_SNR_DB = 24.0
# Language-model weight of a yes/no phrase relative to any other phrase.
ANSWER_WEIGHT = 5
# Fixed back-off discount: low, so that the model keeps to the phrases' own word order.
DISCOUNT_MASS = 0.1
CONFIRM_SEARCH = "confirm"
# "None of these": this many of the most common English words (`common_words.COMMON_WORDS`)
# that are in no phrase join both language models as sentences of one word each, so speech
# that is no phrase ("i need to buy some milk later") is heard as such words, which no phrase
# contains, instead of being forced into the nearest phrase ("i need help now").
GARBAGE_WORDS = 600
# A request of at most this many words ("help", "stop", "say that again") that an answer is
# checked against (`Hearing.doubt` "command").
COMMAND_WORDS = 3
# An answer that says both ("yeah no", "no wait yes") is heard with a yes and a no in it; which
# one was meant is never taken on the recogniser's word (`Hearing.doubt` "mixed").
YES_WORDS = frozenset({"yes", "yeah", "yep", "yup", "ya", "yah", "yas", "aye", "yea", "yeh"})
NO_WORDS = frozenset({"no", "nope", "nah", "naw", "nay"})
COMMAND_INTENTS = frozenset({
    "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent", "AMAZON.NavigateHomeIntent", "GoBackIntent", "PauseIntent",
    "SkipIntent", "SlowerIntent",
})
# Words that, heard in an utterance that is not taken as a phrase, make it sound like an
# emergency (`Hearing.urgent`): the number is given at once, then the question asked again.
# Only those that are in one of the model's emergency phrases count.
EMERGENCY_CUES = frozenset({
    "breathe", "breath", "choking", "stroke", "ambulance", "emergency", "drooping", "droopy",
    "lopsided", "collapse", "collapsed", "dying", "attack", "chest", "nine", "worst", "call",
    "help",
})

# Words the phrases use that CMUdict lacks (ARPAbet, as the dictionary writes them; written by
# hand, not from a pronunciation model). A phrase with any other unknown word is left out and
# listed in `PhraseSet.dropped`.
EXTRA_PRONUNCIATIONS: dict[str, str] = {
    "fasciculation": "F AH S IH K Y AH L EY SH AH N",
    "fasciculations": "F AH S IH K Y AH L EY SH AH N Z",
    "gravis": "G R AE V IH S",
    "myasthenia": "M AY AH S TH IY N IY AH",
    "neurone": "N UH R OW N",
    "neurones": "N UH R OW N Z",
    "parkinsons": "P AA R K IH N S AH N Z",
    "tumour": "T UW M ER",
    "tumours": "T UW M ER Z",
    "thunderclap": "TH AH N D ER K L AE P",
    "vaping": "V EY P IH NG",
    "vape": "V EY P",
    "breathlessness": "B R EH TH L AH S N AH S",
    "mnd": "EH M EH N D IY",
    "als": "EY EH L EH S",
    "nuh": "N AH",
    "yas": "Y AE S",
    # words of the en-GB, en-CA, en-AU and en-IN models (US phones: the only acoustic model)
    "gp": "JH IY P IY",
    "nhs": "EH N EY CH EH S",
    "a&e": "EY AH N D IY",
    "dodgy": "D AA JH IY",
    "tingly": "T IH NG G L IY",
    "knackered": "N AE K ER D",
    "ciggies": "S IH G IY Z",
    "cigs": "S IH G Z",
    "weeing": "W IY IH NG",
    "meds": "M EH D Z",
    "wobbliness": "W AA B L IY N AH S",
    "cuppa": "K AH P AH",
    "cuppas": "K AH P AH Z",
    "fizzy": "F IH Z IY",
    "vapes": "V EY P S",
    "giddiness": "G IH D IY N AH S",
    "owt": "AW T",
    "arvo": "AA R V OW",
    "ambo": "AE M B OW",
    "ambos": "AE M B OW Z",
    "sorta": "S AO R T AH",
    "timmies": "T IH M IY Z",
    "durries": "D ER IY Z",
    "rollies": "R OW L IY Z",
    "footy": "F UH T IY",
    "healthdirect": "HH EH L TH D ER EH K T",
    "tensed": "T EH N S T",
    "paining": "P EY N IH NG",
    "nahi": "N AH HH IY",
    "nahin": "N AH HH IY N",
    "haemorrhage": "HH EH M ER IH JH",
    "haemoglobin": "HH IY M AH G L OW B AH N",
    "overthinking": "OW V ER TH IH NG K IH NG",
    "sleeplessness": "S L IY P L AH S N AH S",
}


def _pocketsphinx() -> Any:
    try:
        import pocketsphinx
    except ImportError:
        raise missing_recogniser() from None
    return pocketsphinx


class Pronunciations:
    """CMUdict from inside the pocketsphinx wheel, plus `EXTRA_PRONUNCIATIONS`."""

    def __init__(self) -> None:
        ps = _pocketsphinx()
        self.entries: dict[str, list[tuple[str, str]]] = {}
        path = ps.get_model_path("en-us/cmudict-en-us.dict")
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                key, _, phones = line.strip().partition(" ")
                if key:
                    self.entries.setdefault(key.split("(")[0], []).append((key, phones.strip()))
        for word, phones in EXTRA_PRONUNCIATIONS.items():
            self.entries.setdefault(word, [(word, phones)])

    def __contains__(self, word: object) -> bool:
        return word in self.entries

    def write(self, words: Iterable[str], path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            for word in sorted(set(words)):
                for key, phones in self.entries[word]:
                    out.write(f"{key} {phones}\n")


@dataclass(frozen=True)
class Hearing:
    """What the recogniser made of one utterance."""

    text: str  # the best hypothesis, "" for nothing
    understanding: Understanding | None  # set only when accepted: the NLU matched exactly
    probability: float  # posterior probability of the best hypothesis
    agreement: float  # share of the n best hypotheses that mean the same intent
    rival: str | None  # an n-best hypothesis that means another intent, if any
    twin: bool  # one negation away from an answer of the other side
    snr_db: float | None
    sure: bool
    seconds: float
    # why an exact phrase was not accepted: contraction | negation | unsupported | contradicted
    # | mixed | command
    doubt: str | None = None
    meant: str | None = None  # the intent of `text` when it is an exact phrase, doubted or not
    alternatives: tuple[str, ...] = field(default=())
    # Not taken as a phrase, but emergency words were heard (in the best hypothesis or the n
    # best): the voice loop gives the number at once and asks again.
    urgent: bool = False
    # Taken from the n best because the best hypothesis was no phrase: never sure.
    rescued: bool = False
    # Emergency words among the best or n-best hypotheses, whatever was taken ("urgent" is
    # this when nothing was).
    alarmed: bool = False

    @property
    def accepted(self) -> bool:
        return self.understanding is not None

    @property
    def intent(self) -> str | None:
        return self.understanding.intent if self.understanding is not None else None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "accepted": self.accepted,
            "intent": self.intent,
            "confidence": round(self.probability, 3),
            "agreement": round(self.agreement, 2),
            "rival": self.rival,
            "doubt": self.doubt,
            "meant": self.meant,
            "snr_db": None if self.snr_db is None else round(self.snr_db, 1),
            "sure": self.sure,
            "urgent": self.urgent,
            "rescued": self.rescued,
        }


def garbage_words(phrases: PhraseSet, pronunciations: Pronunciations) -> list[str]:
    """The common words in no phrase that the models also hear (the "none of these" model)."""
    used = phrases.words
    return [
        w for w in COMMON_WORDS[:GARBAGE_WORDS] if w not in used and w in pronunciations
    ]


def _language_model(phrases: Iterable[Phrase], path: Path, garbage: Iterable[str] = ()) -> None:
    _pocketsphinx()
    import pocketsphinx.lm as lm_module
    lines: list[str] = []
    for phrase in phrases:
        weight = ANSWER_WEIGHT if phrase.intent in (YES, NO) else 1
        lines.extend([phrase.text] * weight)
    lines.extend(garbage)
    model = lm_module.ArpaBoLM(text="\n".join(lines), add_start=True, discount_mass=DISCOUNT_MASS)
    model.compute()
    if not model.write_file(str(path)):
        raise OSError(f"cannot write the language model to {path}")


def _build(
    nlu: Nlu,
    cap: int,
    phrases: PhraseSet | None,
    pronunciations: Pronunciations | None,
    folder: Path,
) -> PhraseSet:
    """The phrase list, and its dictionary and language models written into `folder`."""
    pronunciations = pronunciations or Pronunciations()
    phrases = phrases or build_phrases(nlu, pronunciations.__contains__, cap)
    garbage = garbage_words(phrases, pronunciations)
    pronunciations.write([*phrases.words, *garbage], folder / "phrases.dict")
    _language_model(phrases.phrases, folder / "phrases.lm", garbage)
    _language_model(phrases.confirm, folder / "confirm.lm", garbage)
    (folder / "phrases.json").write_text(json.dumps(phrases.to_json()), encoding="utf-8")
    return phrases


def _decoder(ps: Any, folder: Path) -> Any:
    decoder = ps.Decoder(
        hmm=ps.get_model_path("en-us/en-us"),
        lm=str(folder / "phrases.lm"),
        dict=str(folder / "phrases.dict"),
        samprate=RATE,
        logfn=os.devnull,
    )
    decoder.add_lm_file(CONFIRM_SEARCH, str(folder / "confirm.lm"))
    return decoder


CACHE_FILES = ("phrases.json", "phrases.dict", "phrases.lm", "confirm.lm")
# What the cached files are made from besides the model: these modules' code.
_MADE_WITH = ("skill.voice.phrases", "skill.voice.recognizer", "skill.simulator.nlu",
              "skill.simulator.builtins", "skill.voice.common_words")


def default_cache_dir() -> Path | None:
    """~/.cache/neck-twitch/voice, or under $XDG_CACHE_HOME; None without a home folder (then
    nothing is cached)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "neck-twitch" / "voice"


def cache_key(nlu: Nlu, cap: int) -> str:
    """A name for the files built from this model: its intents and slot types, the cap, the
    pocketsphinx version and the code that builds them."""
    digest = hashlib.sha256()
    model = nlu.model
    for part in (model.locale, repr(model.intents), repr(model.slot_types), str(cap),
                 str(getattr(_pocketsphinx(), "__version__", ""))):
        digest.update(part.encode("utf-8") + b"\0")
    for name in _MADE_WITH:
        source = getattr(sys.modules.get(name), "__file__", None)
        digest.update(Path(source).read_bytes() if source else name.encode())
    return f"{model.locale}-{digest.hexdigest()[:24]}"


def load_cached(entry: Path) -> PhraseSet | None:
    """The phrase list of a complete cache entry, or None (missing, partial or unreadable)."""
    if not all((entry / name).is_file() for name in CACHE_FILES):
        return None
    try:
        return PhraseSet.from_json(json.loads((entry / "phrases.json").read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store_cached(built: Path, entry: Path) -> None:
    """Copy the built files into the cache, whole or not at all (best effort: a cache that
    cannot be written only costs the next start-up its time)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".partial-", dir=entry.parent))
        for name in CACHE_FILES:
            shutil.copyfile(built / name, staging / name)
        if entry.exists():  # damaged or partial (a whole one would have been used)
            shutil.rmtree(entry, ignore_errors=True)
        try:
            staging.rename(entry)
        except OSError:  # another run stored it first
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        return


class Recognizer:
    """Hears one utterance at a time (16 kHz mono PCM) against the phrase list."""

    def __init__(
        self,
        nlu: Nlu,
        phrases: PhraseSet | None = None,
        pronunciations: Pronunciations | None = None,
        cap: int = DEFAULT_CAP,
        cache: Path | None = None,
    ) -> None:
        """`cache`: a folder where the phrase list, dictionary and language models are kept
        between runs (`default_cache_dir()`), keyed by everything they are made from; without
        it they are built afresh in a temporary folder."""
        ps = _pocketsphinx()
        self.nlu = nlu
        self._folder = tempfile.TemporaryDirectory(prefix="neck-twitch-voice-")
        entry = cache / cache_key(nlu, cap) if cache is not None and phrases is None else None
        cached = load_cached(entry) if entry is not None else None
        self.decoder: Any = None
        if cached is not None and entry is not None:
            try:
                self.decoder = _decoder(ps, entry)
                self.phrases = cached
            except (RuntimeError, ValueError, OSError):  # a damaged entry: build afresh
                shutil.rmtree(entry, ignore_errors=True)
        if self.decoder is None:
            folder = Path(self._folder.name)
            self.phrases = _build(nlu, cap, phrases, pronunciations, folder)
            self.decoder = _decoder(ps, folder)
            if entry is not None:
                store_cached(folder, entry)
        self._twins = self.phrases.twins()
        self._focused_searches: dict[frozenset[str], str | None] = {}
        self._last: tuple[tuple[bool, bool, bytes], Hearing] | None = None
        self._last_decode: tuple[tuple[str | None, bytes], tuple[list[str], float]] | None = None
        # Short requests ("help", "stop", "say that again"): an answer is checked against them.
        self._urgent_words = EMERGENCY_CUES & frozenset(
            w for p in self.phrases.phrases if p.intent in AT_ONCE for w in p.text.split()
        )
        self._commands = frozenset(
            p.text for p in self.phrases.phrases
            if p.intent in COMMAND_INTENTS and len(p.text.split()) <= COMMAND_WORDS
        )
        # pocketsphinx carries its noise estimate and cepstral mean over from one utterance to
        # the next; starting each afresh keeps every hearing independent of the ones before, so
        # a conversation heard twice (a --from-audio replay) is heard the same way.
        self._initial_cmn = self.decoder.get_cmn()

    def close(self) -> None:
        self._folder.cleanup()

    def hear(self, pcm: bytes, confirm: bool = False, snr_db: float | None = None) -> Hearing:
        """The best phrase for `pcm`; with `confirm`, only yes or no.

        The last hearing is kept: the end-of-speech detector's `complete` and the hearing that
        follows it share one decoding. `snr_db` decides only `sure`.
        """
        rescue = snr_db is None or snr_db >= RESCUE_MIN_SNR_DB
        key = (confirm, rescue, pcm)
        if self._last is None or self._last[0] != key:
            self._last = (key, self._hear(pcm, confirm, rescue))
        heard = self._last[1]
        floor = MIN_SURE_SNR_DB if confirm else MIN_SURE_ANSWER_SNR_DB
        loud_enough = snr_db is None or snr_db >= floor
        return replace(heard, snr_db=snr_db, sure=heard.sure and loud_enough)

    def _hear(self, pcm: bytes, confirm: bool, rescue: bool = True) -> Hearing:
        started = time.perf_counter()
        pcm = room_tone(pcm)
        texts, probability = self._decoded(pcm, CONFIRM_SEARCH if confirm else None)
        text, alternatives = texts[0], texts[1:]
        understanding = self.understand(text, confirm)
        rescued = False
        if understanding is None and not confirm and rescue:
            found = self._rescue(texts)
            if found is not None:
                index, understanding = found
                text, rescued = texts[index], True
                alternatives = [t for i, t in enumerate(texts) if i != index]
        intent = understanding.intent if understanding is not None else None
        agreement = 0.0
        rival: str | None = None
        contradicted = False
        if intent is not None:
            meanings = [self.understand(alt, confirm) for alt in alternatives]
            same = sum(1 for m in meanings if m is not None and m.intent == intent)
            agreement = same / len(meanings) if meanings else 0.0
            others = [
                (alt, m) for alt, m in zip(alternatives, meanings, strict=True)
                if m is not None and m.intent != intent
            ]
            rival = others[0][0] if others else None
            side = polarity(intent)
            contradicted = any(polarity(m.intent) not in (None, side) for _, m in others)
        twin = text in self._twins
        sure = (
            intent is not None
            and not rescued
            and probability >= SURE_PROBABILITY
            and agreement >= SURE_AGREEMENT
            and rival is None
            and not twin
        )
        doubt = self._doubt(pcm, text, intent, twin, agreement, contradicted, rescued, sure)
        if doubt is None and rescued and intent in AT_ONCE:
            # An emergency among the n best only: the number, never the emergency sent.
            doubt = "unsupported"
        meant = intent
        if doubt is not None:
            understanding, intent = None, None
        alarmed = any(word in self._urgent_words for heard in texts for word in heard.split())
        urgent = intent is None and alarmed
        sure = sure and intent is not None
        return Hearing(
            text=text,
            understanding=understanding,
            probability=probability,
            agreement=agreement,
            rival=rival,
            twin=twin,
            snr_db=None,
            sure=sure,
            seconds=time.perf_counter() - started,
            alternatives=tuple(alternatives),
            doubt=doubt,
            meant=meant,
            urgent=urgent,
            rescued=rescued,
            alarmed=alarmed,
        )

    def _rescue(self, texts: list[str]) -> tuple[int, Understanding] | None:
        """When the best hypothesis is no phrase: the first of the n best that is an answer or
        an emergency phrase (`rescue`), and its index; it is never sure (read back, or for an
        emergency the number given)."""
        for index, alternative in enumerate(texts[1:], start=1):
            found = self.understand(alternative)
            if found is not None and consequential(found.intent):
                return index, found
        return None

    def complete(self, pcm: bytes) -> float | None:
        """After how long a pause `pcm` is whole, or None (the detector's full pause). The
        end-of-speech detector asks at a short pause (`endpoint.Listener`); the hearing is
        kept, so hearing the same speech next costs nothing. Only a request that changes
        nothing ("help", "say that again") ends at the short pause: an answer that changes what
        happens next is heard whole, after the full pause, never taken in part ("no" may go on
        as "no idea", or as "no, wait, yes")."""
        hearing = self.hear(pcm)
        if not hearing.accepted or hearing.intent is None or consequential(hearing.intent):
            return None
        return SHORT_PAUSE

    def _decoded(self, pcm: bytes, search: str | None) -> tuple[list[str], float]:
        """`_decode`, kept for the last utterance: it is heard once with and once without
        the n best (`hear`) when the room is too loud for them."""
        key = (search, pcm)
        if self._last_decode is None or self._last_decode[0] != key:
            self._last_decode = (key, self._decode(pcm, search))
        texts, probability = self._last_decode[1]
        return list(texts), probability

    def _decode(self, pcm: bytes, search: str | None) -> tuple[list[str], float]:
        """The best hypothesis then the n best, each as single-spaced words, and the best's
        posterior probability."""
        decoder = self.decoder
        decoder.activate_search(search)
        decoder.reinit_feat()
        decoder.set_cmn(self._initial_cmn)
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        best = decoder.hyp()
        texts = [" ".join(best.hypstr.split()) if best is not None else ""]
        probability = float(best.prob) if best is not None else 0.0
        for hypothesis in decoder.nbest() or ():
            if hypothesis is not None:
                texts.append(" ".join(hypothesis.hypstr.split()))
            if len(texts) > NBEST:
                break
        return texts, probability

    def _doubt(
        self,
        pcm: bytes,
        text: str,
        intent: str | None,
        twin: bool,
        agreement: float,
        contradicted: bool,
        rescued: bool = False,
        sure: bool = True,
    ) -> str | None:
        """Why an exact phrase that answers the question is not taken as heard, or None.

        Only answers (yes-side or no-side, emergencies included) are doubted: a request such as
        "help" changes nothing. An answer found only among the n best (`rescued`) is never
        "unsupported" (that is how it was found); the check against requests is made only for
        an answer that would be `sure`, the only kind sent without a read-back.
        """
        if intent is None or polarity(intent) is None:
            return None
        if twin and text in self._twins.contracted:
            return "contraction"
        if twin and not self._twin_confirmed(pcm, text):
            return "negation"
        if contradicted:
            return "contradicted"
        words = set(text.split())
        if words & YES_WORDS and words & NO_WORDS:
            return "mixed"
        if agreement == 0 and not rescued:
            return "unsupported"
        if sure and not self._not_a_command(pcm, text):
            return "command"
        return None

    def _focused(self, pcm: bytes, group: frozenset[str]) -> list[str]:
        """`pcm` decoded again against the phrases of `group` alone (a JSGF grammar, made once
        per group); [] when the grammar cannot be made."""
        if group not in self._focused_searches:
            name: str | None = f"focus{len(self._focused_searches)}"
            alternatives = " | ".join(f"( {phrase} )" for phrase in sorted(group))
            grammar = f"#JSGF V1.0;\ngrammar focus;\npublic <focus> = {alternatives};\n"
            try:
                self.decoder.add_jsgf_string(name, grammar)
            except (RuntimeError, ValueError):
                name = None
            self._focused_searches[group] = name
        search = self._focused_searches[group]
        return self._decode(pcm, search)[0] if search is not None else []

    def _twin_confirmed(self, pcm: bytes, text: str) -> bool:
        """Decoded again against `text` and its twins alone, is it still `text`, every time?"""
        heard = self._focused(pcm, frozenset({text, *self._twins.partners[text]}))
        return bool(heard) and all(h == text for h in heard)

    def _not_a_command(self, pcm: bytes, text: str) -> bool:
        """Decoded again against `text` and the short requests alone ("help", "stop", "say
        that again"), is no request heard instead? A request heard as an answer ("help" as
        "no") is not taken as one.

        Only a whole request counts: a grammar decoding that reaches no end returns the
        words it got through ("no" as "no" of "no more", "not at all" as "gotta" of "gotta
        go"), and such a fragment is no request."""
        if not self._commands:
            return True
        heard = self._focused(pcm, frozenset({text, *self._commands}))
        return not heard or heard[0] == text or heard[0] not in self._commands

    def understand(self, text: str, confirm: bool = False) -> Understanding | None:
        """The NLU's reading of `text` if it is an exact phrase (for `confirm`: yes or no)."""
        return exact(self.nlu, text, confirm)
