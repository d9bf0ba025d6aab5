"""The recogniser's rules for what it takes, with its decodings scripted (no audio needed for
most): only a whole request doubts an answer, and only one that would be sent; an answer found
only among the n best is read back, and only in a quiet room; an emergency found only there
gets the number, and is never sent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from voice_helpers import nlu_for

from skill.voice.phrases import EMERGENCY, NO, YES
from skill.voice.recognizer import (
    RESCUE_MIN_SNR_DB,
    SURE_PROBABILITY,
    Hearing,
    Recognizer,
    default_cache_dir,
)
from skill.voice.talk import LOUD_ROOM_SNR_DB, decide

QUIET = RESCUE_MIN_SNR_DB + 10
MODERATE = (RESCUE_MIN_SNR_DB + LOUD_ROOM_SNR_DB) / 2


@pytest.fixture(scope="module")
def recognizer(voice_tools: None) -> Iterator[Recognizer]:
    heard = Recognizer(nlu_for("en-US"), cache=default_cache_dir())
    yield heard
    heard.close()


class Scripted:
    """Stands in for the decoder: what each decoding hears, as text."""

    def __init__(self, recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
        self.best: list[str] = []
        self.probability = 0.5
        self.focused: list[str] | None = None  # None: the phrase itself again
        self.decodings = 0
        monkeypatch.setattr(recognizer, "_decode", self._decode)
        monkeypatch.setattr(recognizer, "_focused", self._focus)
        monkeypatch.setattr(recognizer, "_last", None)
        monkeypatch.setattr(recognizer, "_last_decode", None)

    def _decode(self, pcm: bytes, search: str | None) -> tuple[list[str], float]:
        self.decodings += 1
        return list(self.best), self.probability

    def _focus(self, pcm: bytes, group: frozenset[str]) -> list[str]:
        if self.focused is not None:
            return list(self.focused)
        return [self.best[0]]


@pytest.fixture
def scripted(recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch) -> Scripted:
    return Scripted(recognizer, monkeypatch)


def hear(recognizer: Recognizer, scripted: Scripted, texts: list[str], snr_db: float = QUIET,
         probability: float = 0.5) -> Hearing:
    scripted.best = texts
    scripted.probability = probability
    return recognizer.hear(b"\x01\x00" * 800, snr_db=snr_db)


def test_a_whole_request_heard_instead_of_a_sure_answer_doubts_it(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    scripted.focused = ["gotta go"]
    hearing = hear(recognizer, scripted, ["not at all"] * 6)
    assert hearing.doubt == "command" and hearing.intent is None and hearing.meant == NO
    assert decide(hearing) == "not caught"


@pytest.mark.parametrize("fragment", ["gotta", "no", "what was", ""])
def test_a_fragment_of_a_request_is_no_request(
    recognizer: Recognizer, scripted: Scripted, fragment: str
) -> None:
    """A grammar decoding that reaches no end returns the words it got through: "gotta" of
    "gotta go", "no" of "no more". That is not a request heard, so the answer stands."""
    scripted.focused = [fragment] if fragment else []
    hearing = hear(recognizer, scripted, ["not at all"] * 6)
    assert hearing.doubt is None and hearing.intent == NO and hearing.sure
    assert decide(hearing) == "sent"


def test_an_answer_not_sure_anyway_is_read_back_without_the_request_check(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    """The read-back already keeps a request heard as an answer from reaching the skill."""
    scripted.focused = ["gotta go"]
    hearing = hear(recognizer, scripted, ["not at all"] * 6, probability=SURE_PROBABILITY / 2)
    assert hearing.intent == NO and not hearing.sure and hearing.doubt is None
    assert decide(hearing) == "read back"


def test_an_answer_only_among_the_n_best_is_read_back_in_a_quiet_room(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    texts = ["probably all it", "probably ought", "not at all", "probably all of"]
    quiet = hear(recognizer, scripted, texts)
    assert quiet.rescued and quiet.intent == NO and quiet.text == "not at all"
    assert not quiet.sure and decide(quiet) == "read back"
    moderate = hear(recognizer, scripted, texts, snr_db=MODERATE)
    assert not moderate.rescued and moderate.intent is None and decide(moderate) == "not caught"


def test_the_n_best_are_decoded_once_for_both_rooms(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    texts = ["probably all it", "not at all"]
    hear(recognizer, scripted, texts)
    hear(recognizer, scripted, texts, snr_db=MODERATE)
    assert scripted.decodings == 1


def test_an_answer_among_the_n_best_with_the_other_side_there_too_is_asked_again(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    hearing = hear(recognizer, scripted, ["nah what", "no", "yes"])
    assert hearing.intent is None and hearing.meant == NO and hearing.doubt == "contradicted"
    assert decide(hearing) == "yes or no"


def test_a_request_only_among_the_n_best_is_not_taken(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    hearing = hear(recognizer, scripted, ["say that a grand", "say that again"])
    assert hearing.intent is None and not hearing.rescued
    assert decide(hearing) == "not caught"


def test_an_emergency_only_among_the_n_best_gives_the_number_and_is_never_sent(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    hearing = hear(recognizer, scripted, ["i can't really", "i can't breathe", "i can't really"])
    assert hearing.intent is None and hearing.meant == EMERGENCY
    assert decide(hearing) == "number given"


def test_an_answer_is_sent_unread_only_in_a_quiet_room(
    recognizer: Recognizer, scripted: Scripted
) -> None:
    """In babble the recogniser can be sure and wrong ("yup" heard as "luckily not"): every
    answer is read back there. A yes to a read-back, heard with the yes/no model, still
    confirms in moderate noise."""
    quiet = hear(recognizer, scripted, ["luckily not"] * 6)
    assert quiet.sure and decide(quiet) == "sent"
    babble = hear(recognizer, scripted, ["luckily not"] * 6, snr_db=MODERATE)
    assert babble.intent == NO and not babble.sure and decide(babble) == "read back"
    scripted.best = ["yes"] * 6
    reply = recognizer.hear(b"\x02\x00" * 800, confirm=True, snr_db=MODERATE)
    assert reply.intent == YES and reply.sure
