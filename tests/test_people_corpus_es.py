"""The Spanish people corpus through the simulator, judged by tests/people.py.

`tests/phrases/people/es-tuning.yaml` (200 lines) and `es-heldout.yaml` (120 lines) were written
by an outside writer blind to the code, the models and the lexicon (see their headers): five kinds
of people (anxious25, older72, bilingual, peninsular, hurry) in es-US, es-MX and es-ES. Two later
writers, blind in the same way, wrote `es-tuning-b.yaml` (150 lines, measured once untuned before
the tuning step it was used for) and `es-heldout-b.yaml`; a later writer, `es-heldout-c.yaml`
(150 lines, run once after the third round's tuning was fixed). The held-out parts are used for
no tuning step and are only ever reported as figures (tests/people_report.py).

The judge (tests/people.py) was written for English; a small adapter says its few English words
in the skill's Spanish: the one-shot it opens with names the Spanish skill, and the Spanish
replies' openings it tests for ("Please <call>", "Sorry", "Okay.", "more questions") are mapped
from the content each reply was spoken from (skill/content/es-*.yaml), never from guesses.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from people import ALIASES, PEOPLE, Case, SimulatorSpeaker, nlu_for
from people_report import check_part

from skill.content import content_for
from skill.simulator.transport import InProcess

CORPORA = {"es tuning": PEOPLE / "es-tuning.yaml", "es tuning B": PEOPLE / "es-tuning-b.yaml",
           "es held out": PEOPLE / "es-heldout.yaml",
           "es held out B": PEOPLE / "es-heldout-b.yaml",
           "es held out C": PEOPLE / "es-heldout-c.yaml"}
TUNING = frozenset({"es tuning", "es tuning B"})
# Measured floors (README, "En español"): a change that understands less fails. Emergencies
# missed and safety misreads are held at zero on the tuning parts (197/200 and 138/150 now).
# Tuning B measured 89/150 untuned, with 22 safety misreads (17 emergencies missed); 136/150
# and none after the tuning step it was used for, 138/150 after the later steps. The held-out
# parts are held to what they measure: the first was 77/120 with 11 safety misreads (9
# emergencies missed) at its first run and 75/120 later, and 83/120 with 6 (5 of 18
# emergencies missed, 1 reported sign lost) after tuning B's step; held-out B, measured once
# after the rules were fixed, 104/150 with 15 (10 of 50 emergencies missed, 4 reported signs
# lost, 1 false emergency). After the third round's step (the word sets Spanish lacked, lay
# emergency words by grammar, the models' vocabulary; tuned on the tuning parts and sentences of
# my own only), held out 86/120 with 5 (4 of 18 emergencies missed, 1 sign lost) and held out B
# 107/150 with 13 (8 of 50 missed, 4 signs lost, 1 false emergency). Held out C (150 lines by a
# new writer, written while that step was made and opened by no one) was run once, after it:
# 99/150 with 14 (8 of 50 emergencies missed, 3 false emergencies, 3 reported signs lost). Far
# from the zero the issue asks for, and said so.
MIN_SHARE = {"es tuning": 0.98, "es tuning B": 0.92, "es held out": 0.71, "es held out B": 0.71,
             "es held out C": 0.66}
MAX_UNSAFE = {"es tuning": 0, "es tuning B": 0, "es held out": 5, "es held out B": 13,
              "es held out C": 14}
ENGLISH_NAME = "neck twitch check"


def cases(corpus: str) -> list[Case]:
    """As people.cases, for the Spanish files."""
    groups: list[dict[str, Any]] = yaml.safe_load(CORPORA[corpus].read_text(encoding="utf-8"))
    found = []
    for group in groups:
        extra = {k: v for k, v in group.items()
                 if k not in ("persona", "locale", "at", "expect", "say")}
        at = str(group["at"])
        if at in ALIASES:
            extra = {**extra, "also": ALIASES[at][1], "asked": at}
            at = ALIASES[at][0]
        for text in group["say"]:
            found.append(Case(group["persona"], group["locale"], at, str(group["expect"]),
                              str(text), extra))
    return found


def in_english(locale: str, speech: str) -> str:
    """The openings the judge tests for, as the English content says them."""
    content = content_for(locale)
    english = content_for("en-US")
    emergency = content.text("outcomes.emergency.action").split(content.call)[0] + content.call
    if speech.startswith(emergency):
        return f"Please {content.call}" + speech[len(emergency):]
    for key in ("fallback", "fallback_again", "understanding.yes_or_no", "launch.restart", "error"):
        opening = content.text(key).split(",")[0] + ","
        if speech.startswith(opening):
            return "Sorry," + speech[len(opening):]
    goodbye = content.text("goodbye").split(".")[0] + "."
    if speech.startswith(goodbye):
        return "Okay." + speech[len(goodbye):]
    progress = (content.text("navigation.left", n="").split()[0],
                content.text("navigation.last_one"))
    if any(p in speech for p in progress):
        speech += " (" + english.text("navigation.left", n="") + ")"
    return speech


# Some launch lines say the whole invocation ("Alexa, abre neck twitch check, es para mi jefa",
# or with the Spanish name, "abre revisión de tic en el cuello, es para mi hija"); the judge puts
# its own in front ("tell neck twitch check ..."), so the writer's is taken off.
SPANISH_NAME = "revisión de tic en el cuello"
_WRITERS_INVOCATION = re.compile(
    rf"^(tell {ENGLISH_NAME} )(?:alexa )?(?:\w+ ){{0,3}}?(?:{ENGLISH_NAME}|{SPANISH_NAME}) "
    r"(?:que |y |si |sobre )?")


def _one_shot(utterance: str) -> str:
    return _WRITERS_INVOCATION.sub(r"\1", utterance)


def _in_spanish(utterance: str, name: str) -> str:
    """The judge's "open neck twitch check" and "tell neck twitch check ..." as said in
    Spanish ("abre ...", "pregunta a ... ...")."""
    for english, spanish in ((f"open {ENGLISH_NAME}", f"abre {name}"),
                             (f"tell {ENGLISH_NAME} ", f"pregunta a {name} ")):
        if utterance.startswith(english):
            return spanish + utterance[len(english):]
    return utterance


class SpanishSpeaker(SimulatorSpeaker):
    """The judge's words said in Spanish, and the skill's handed back in the judge's."""

    def said(self, locale: str, utterance: str) -> str:
        return _in_spanish(_one_shot(utterance), nlu_for(locale).model.invocation_name)

    def heard(self, locale: str, speech: str) -> str:
        return in_english(locale, speech)


@pytest.fixture(scope="module")
def speaker(tmp_path_factory: pytest.TempPathFactory) -> SpanishSpeaker:
    folder = tmp_path_factory.mktemp("people-es-memory")
    return SpanishSpeaker(InProcess(storage=f"sqlite:{folder}/memory.sqlite3"))


def test_the_spanish_corpus_is_broad() -> None:
    every = [c for corpus in CORPORA for c in cases(corpus)]
    assert len(every) >= 300
    assert {c.persona for c in every} == {"anxious25", "older72", "bilingual", "peninsular",
                                          "hurry"}
    assert {c.locale for c in every} == {"es-US", "es-MX", "es-ES"}
    assert {"emergency", "denied", "not_now", "correct", "other_person", "which_one"} <= {
        c.expect for c in every}


def test_the_adapter_maps_only_what_the_content_says() -> None:
    es = content_for("es-MX")
    assert in_english("es-MX", es.text("outcomes.emergency.action")).startswith(
        f"Please {es.call}")
    assert in_english("es-ES", content_for("es-ES").text("fallback")).startswith("Sorry,")
    assert in_english("es-US", "Gracias, anoté hormigueo.") == "Gracias, anoté hormigueo."
    assert _one_shot("tell neck twitch check alexa dile a neck twitch check que es para mi madre") \
        == "tell neck twitch check es para mi madre"
    assert _one_shot("tell neck twitch check alexa abre revisión de tic en el cuello es para mi "
                     "hija") == "tell neck twitch check es para mi hija"
    assert _one_shot("tell neck twitch check abre revisión de tic en el cuello que quiero checar "
                     "a mi esposo") == "tell neck twitch check quiero checar a mi esposo"
    assert _one_shot("tell neck twitch check me duele el cuello") == (
        "tell neck twitch check me duele el cuello")
    assert _in_spanish("tell neck twitch check es para mi madre", "revisión de tic en el cuello") \
        == "pregunta a revisión de tic en el cuello es para mi madre"


@pytest.mark.long  # every part's conversations: make test-long
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_spanish_people_are_understood(corpus: str, speaker: SpanishSpeaker,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    # PEOPLE_MISSES=1 lists every tuning line not understood; a held-out part is never looked
    # at line by line: its figures only, by person, locale and kind.
    tuning = corpus in TUNING
    check_part(corpus, cases(corpus), speaker, capsys, tuning=tuning,
               min_share=MIN_SHARE[corpus], max_unsafe=MAX_UNSAFE[corpus],
               max_missed_emergencies=0 if tuning else None)
