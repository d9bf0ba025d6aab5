"""Helpers for the desk-voice tests: fakes for the loop's parts, and synthetic people."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from skill.simulator import transport
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import load_model, model_path
from skill.simulator.nlu import Nlu, Understanding
from skill.simulator.runner import Simulator
from skill.voice.endpoint import Utterance, speech_in
from skill.voice.phrases import exact, polarity
from skill.voice.recognizer import Hearing
from skill.voice.synth import AudioCache, Condition
from skill.voice.talk import Exchange, Talk
from skill.voice.wav import read_wav

# How each outcome begins or what it must say (en-US words unless a locale is named).
SELF_CARE = re.compile(r"none of the warning signs", re.IGNORECASE)
PROVIDER = re.compile(r"contact a healthcare provider|see a GP|contact your GP|provider", re.I)
EMERGENCY = re.compile(r"^Please call (911|999|000|112)\b")

_NLUS: dict[str, Nlu] = {}


def nlu_for(locale: str = "en-US") -> Nlu:
    if locale not in _NLUS:
        _NLUS[locale] = Nlu(load_model(model_path(locale), locale))
    return _NLUS[locale]


def new_simulator(locale: str = "en-US") -> Simulator:
    """A simulator on the in-process skill, as a user it has never seen."""
    factory = EnvelopeFactory(locale, user=f"voice-test-{uuid.uuid4()}")
    return Simulator(nlu_for(locale), factory, transport.in_process())


# -- fakes: no audio at all -----------------------------------------------------------------------


LOUD_ROOM_SNR = 12.0  # below talk.LOUD_ROOM_SNR_DB, above recognizer.MIN_SURE_SNR_DB (a yes
# to a read-back may be sure there; the fake recogniser is told, not the real one's floor)


class ScriptedEar:
    """Utterances as text: "no" (recogniser sure), "no?" (not sure), "" (silence),
    "#mumble" (not an exact phrase). The fake recogniser reads the text back out of the bytes.

    Timing: a leading "^" is speech that started before the prompt ended (spoken over it:
    `Utterance.overlapped`); "|" is a pause inside the speech ("no|wait yes": the last stretch,
    `Utterance.tail()`, is "wait yes"). Before all that, a "!" is speech in a loud room: only
    `LOUD_ROOM_SNR` dB above it (30 dB otherwise)."""

    def __init__(self, turns: list[str]) -> None:
        self.turns = list(turns)
        self.source = ""
        self.heard = 0

    def listen(self) -> Utterance | None:
        from skill.voice.audio import EndOfInput

        if not self.turns:
            raise EndOfInput
        text = self.turns.pop(0)
        self.heard += 1
        self.source = f"scripted-{self.heard}"
        if text == "":
            return None
        loud = text.startswith("!")
        text = text.lstrip("!")
        overlapped = text.startswith("^")
        pcm = text.lstrip("^").encode()
        pauses = tuple(i + 1 for i, byte in enumerate(pcm) if byte == ord("|"))
        return Utterance(pcm, snr_db=LOUD_ROOM_SNR if loud else 30.0, pauses=pauses,
                         overlapped=overlapped)


class FakeRecognizer:
    """Hears the text ScriptedEar put in the bytes, through the real NLU's exact-phrase test."""

    def __init__(self, nlu: Nlu) -> None:
        self.nlu = nlu
        self.calls: list[tuple[str, bool]] = []

    def understand(self, text: str, confirm: bool = False) -> Understanding | None:
        return exact(self.nlu, text, confirm)

    def hear(self, pcm: bytes, confirm: bool = False, snr_db: float | None = None) -> Hearing:
        """Scripted: "text?" heard unsure, "#text" not an exact phrase, "<doubt>:text" an exact
        phrase doubted for that reason ("contraction:i did", "unsupported:i'm choking")."""
        raw = pcm.decode().replace("|", " ").strip()
        self.calls.append((raw, confirm))
        unsure = raw.endswith("?")
        doubt, _, rest = raw.partition(":") if ":" in raw else (None, "", raw)
        text = rest.rstrip("?").lstrip("#")
        meant = self.understand(text, confirm)
        understanding = None if raw.startswith("#") or doubt else meant
        return Hearing(
            text=text,
            understanding=understanding,
            probability=0.2 if unsure else 0.9,
            agreement=0.4 if unsure else 1.0,
            rival=None,
            twin=doubt in ("contraction", "negation"),
            snr_db=snr_db,
            sure=understanding is not None and not unsure,
            seconds=0.0,
            doubt=doubt,
            meant=meant.intent if meant is not None else None,
        )


class WordsMouth:
    """Remembers what would have been spoken, and by whom."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, who: str) -> str | None:
        self.said.append((who, text))
        return None


@dataclass
class FakeRun:
    exchanges: list[Exchange]
    mouth: WordsMouth
    recognizer: FakeRecognizer
    ear: ScriptedEar

    @property
    def final(self) -> Exchange:
        spoken = [e for e in self.exchanges if e.by == "skill" and e.said]
        return spoken[-1]

    @property
    def sent(self) -> list[str | None]:
        return [e.intent for e in self.exchanges if e.intent is not None]


def run_scripted(
    turns: list[str], typed: list[str] | None = None, locale: str = "en-US",
    calendar_dir: Path | None = None,
) -> FakeRun:
    ear = ScriptedEar(turns)
    recognizer = FakeRecognizer(nlu_for(locale))
    mouth = WordsMouth()
    lines = list(typed or [])

    def keyboard() -> str | None:
        return lines.pop(0) if lines else None

    talk = Talk(new_simulator(locale), recognizer, ear, mouth, keyboard, lambda e: None,
                calendar_dir)
    return FakeRun(talk.run(), mouth, recognizer, ear)


# -- synthetic people: real audio ------------------------------------------------------------------

Policy = Callable[[str], str]  # the question just asked -> what the person answers


def all_clear(question: str) -> str:
    return "no"


def warning_sign(sign: str, phrase: str) -> Policy:
    """Yes (in `phrase`) to the question that mentions `sign`, no to every other question."""
    pattern = re.compile(sign, re.IGNORECASE)
    said = {"done": False}

    def policy(question: str) -> str:
        if not said["done"] and pattern.search(question):
            said["done"] = True
            return phrase
        return "no"

    return policy


def emergency(phrase: str) -> Policy:
    return lambda question: phrase


@dataclass
class SyntheticPerson:
    """Answers whatever was last said, as a person would, with synthesised speech.

    A new question (the skill's, or the voice loop's offer of a calendar reminder) gets the
    policy's answer; "I heard X. Is that right?" gets "yes" if X means what the person said,
    else "no"; "didn't catch that" gets the same answer again. The
    recordings used are kept in `files`, so the same conversation can be replayed through
    `neck-twitch talk --from-audio`.
    """

    policy: Policy
    condition: Condition
    cache: AudioCache
    nlu: Nlu
    talk: Talk | None = None
    files: list[Path] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    meant: list[str] = field(default_factory=list)  # per recording: the answer being given
    answer: str = ""
    source: str = ""
    max_turns: int = 150

    def listen(self) -> Utterance | None:
        from skill.voice.audio import EndOfInput

        assert self.talk is not None
        if len(self.files) >= self.max_turns:
            raise EndOfInput
        last = self.talk.exchanges[-1]
        if last.action == "read back":
            heard = last.heard.text if last.heard is not None else ""
            text = "yes" if self._same(heard, self.answer) else "no"
        elif last.by == "host" and last.action != "calendar offer":
            text = self.answer
        else:
            self.answer = self.policy(last.said or "")
            text = self.answer
        path = self.cache.get(text, self.condition)
        self.files.append(path)
        self.meant.append(self.answer)
        self.source = str(path)
        return speech_in(read_wav(path))

    def keyboard(self) -> str | None:
        self.typed.append(self.answer)
        return self.answer

    def _same(self, heard: str, meant: str) -> bool:
        a, b = self.nlu.understand(heard), self.nlu.understand(meant)
        if a.intent != b.intent:
            return False
        return polarity(a.intent) == polarity(b.intent)
