"""Yes and no never rest on spelling: every sample of every model, heard as said, keeps its side.

For each locale's model, every sample of a yes-side intent (AMAZON.YesIntent, YesDetailIntent,
and the built-in phrases the simulator gives Amazon's Yes) is understood by the simulator's NLU
(which the desk voice shares) and must never come out as a no-side intent, and the reverse.
Slots are filled with a recognised value and with free words. Then the same samples go through
the skill at a yes/no question: a yes-side sample never records the answer no, and a no-side
sample never records yes.
"""

from __future__ import annotations

import re
import uuid
from functools import cache
from typing import Any

import pytest

from skill.simulator.builtins import builtin_phrases
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import InteractionModel, default_model_dir, load_model
from skill.simulator.nlu import Nlu
from skill.simulator.runner import Simulator
from skill.simulator.transport import InProcess
from skill.triage import CheckState, default_rules

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN", "es-US", "es-MX", "es-ES")
YES_SIDE = frozenset({"AMAZON.YesIntent", "YesDetailIntent"})
NO_SIDE = frozenset({"AMAZON.NoIntent", "NoDetailIntent", "DenySymptomIntent", "SignFineIntent"})
# Words for a slot: a value Alexa resolves, and words it does not (a free description).
FILLERS = {"SymptomType": ("numbness", "my hand feels odd"), "PersonType": ("dad",),
           "AnswerType": ("yes",), "QuestionType": ("swallowing",),
           "FactorType": ("stress",), "ConditionType": ("als",), "LearnTopicType": ("spasm",)}
SPANISH_FILLERS = {"SymptomType": ("hormigueo", "siento la mano rara"), "PersonType": ("papá",),
                   "AnswerType": ("sí",), "QuestionType": ("tragar",), "FactorType": ("estrés",),
                   "ConditionType": ("ELA",), "LearnTopicType": ("espasmo",)}
_SLOT = re.compile(r"\{(\w+)\}")
RULES = default_rules()


@cache
def _model(locale: str) -> InteractionModel:
    return load_model(default_model_dir() / f"{locale}.json", locale)


@cache
def _nlu(locale: str) -> Nlu:
    return Nlu(_model(locale))


def filled(locale: str, intent: str, sample: str) -> list[str]:
    """The sample with each slot filled every way FILLERS gives."""
    slots = _model(locale).intents[intent].slots
    texts = [sample]
    for name in _SLOT.findall(sample):
        fillers = SPANISH_FILLERS if locale.startswith("es") else FILLERS
        options = fillers.get(slots[name], ("something",))
        texts = [t.replace("{" + name + "}", option, 1) for t in texts for option in options]
    return texts


def side_samples(locale: str, side: frozenset[str]) -> list[tuple[str, str]]:
    model = _model(locale)
    found = [(intent, text) for intent in sorted(side) if intent in model.intents
             for sample in model.intents[intent].samples
             for text in filled(locale, intent, sample)]
    found += [(intent, phrase) for intent in sorted(side)
              for phrase in builtin_phrases(locale).get(intent, ())]
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_no_yes_sample_is_heard_as_no_nor_the_reverse(locale: str) -> None:
    nlu = _nlu(locale)
    crossed: list[str] = []
    checked = 0
    for side, other in ((YES_SIDE, NO_SIDE), (NO_SIDE, YES_SIDE)):
        for intent, text in side_samples(locale, side):
            heard = nlu.understand(text).intent
            checked += 1
            if heard in other:
                crossed.append(f"{intent} {text!r} -> {heard}")
    assert checked > 300, checked
    assert not crossed, "\n".join(crossed)


def test_near_misses_of_answers_are_never_answers() -> None:
    """"I'd say so" is not "I'd say no": a fuzzy near miss never becomes an answer."""
    nlu = _nlu("en-US")
    for text in ("i'd say so", "nope not reely", "yess definitly", "no way josey", "so", "yo"):
        heard = nlu.understand(text)
        assert heard.method != "fuzzy" or heard.intent not in YES_SIDE | NO_SIDE, (text, heard)
    assert nlu.understand("i'd say so").intent == "AMAZON.YesIntent"
    assert nlu.understand("so").intent not in NO_SIDE


def _check(turn: Any) -> CheckState | None:
    raw = (turn.response.get("sessionAttributes") or {}).get("check")
    return CheckState.from_dict(raw, RULES) if raw is not None else None


@pytest.mark.long  # about a thousand conversations per locale: make test-long
@pytest.mark.parametrize("locale", LOCALES)
def test_the_skill_keeps_each_side_at_a_question(locale: str,
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    """Through the whole skill, at the swallowing question (a plain yes/no question reached by
    two noes): a yes-side sample never answers no, a no-side one never answers yes."""
    folder = tmp_path_factory.mktemp(f"polarity-{locale}")
    transport = InProcess(storage=f"sqlite:{folder}/memory.sqlite3")
    wrong: list[str] = []
    for side, never in ((YES_SIDE, "no"), (NO_SIDE, "yes")):
        seen: set[str] = set()
        for _intent, text in side_samples(locale, side):
            if text in seen:
                continue
            seen.add(text)
            sim = Simulator(_nlu(locale), EnvelopeFactory(locale, user=f"pol-{uuid.uuid4()}"),
                            transport)
            sim.say("open neck twitch check")
            sim.say("no")
            sim.say("no")
            before = _check(sim.say("no"))
            assert before is not None and "breathless" in before.answers
            turn = sim.say(text)
            state = _check(turn)
            if state is not None and state.answers.get("swallowing") == never:
                wrong.append(f"{text!r} answered {never}")
    assert not wrong, "\n".join(wrong)
