"""Spanish reading ease: Fernández-Huerta and Szigriszt-Pazos, over plain text.

Fernández-Huerta (1959), in the corrected form (Law 2011): 206.84 - 60 x syllables per word -
1.02 x words per sentence. Szigriszt-Pazos perspicuity (1993): 206.835 - 62.3 x syllables per
word - words per sentence; its INFLESZ scale (Barrio-Cantalejo et al. 2008, used to rate Spanish
patient information): under 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly easy,
over 80 very easy. Syllables are counted by the rules of Spanish spelling: a group of vowels is
one syllable (a diphthong), except two strong vowels (a, e, o) or an accented weak one (í, ú)
beside another vowel (a hiatus: "dí-a", "le-ón"); a final "y" after a vowel is part of it ("hoy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STRONG = set("aeoáéó")
_ACCENTED_WEAK = set("íú")
_VOWELS = set("aeiouáéíóúü")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?;:]+")


def syllables(word: str) -> int:
    """Spoken syllables of one Spanish word (at least one)."""
    letters = word.lower()
    count = 0
    previous = ""
    for i, ch in enumerate(letters):
        vowel = ch in _VOWELS or (ch == "y" and (len(letters) == 1))
        if not vowel:
            previous = ""
            continue
        if not previous:
            count += 1
        elif (ch in _STRONG and previous in _STRONG) or ch in _ACCENTED_WEAK or (
                previous in _ACCENTED_WEAK):
            count += 1  # a hiatus: two syllables
        previous = ch
        del i
    return max(count, 1)


@dataclass(frozen=True)
class Reading:
    words: int
    sentences: int
    syllables: int

    @property
    def fernandez_huerta(self) -> float:
        return (206.84 - 60 * self.syllables / self.words
                - 1.02 * self.words / self.sentences)

    @property
    def szigriszt_pazos(self) -> float:
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences


def reading(texts: list[str]) -> Reading:
    """Counts over texts, each ending a sentence even without a full stop."""
    words = sentences = total = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        total += sum(syllables(w) for w in found)
        parts = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
        sentences += max(len(parts), 1)
    return Reading(words, max(sentences, 1), total)
