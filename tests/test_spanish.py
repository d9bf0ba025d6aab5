"""Spanish (es-US, es-MX, es-ES): plain words, each region's own, the same safety words.

Reading ease is measured with the Spanish formulas (tests/readability_es.py): the whole of what
the skill says, and each question, must read as "fairly easy" patient information.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from readability_es import reading, syllables

from skill.content import content_for
from skill.content.lexicon import lexicon_for
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.model import default_model_dir, load_model
from skill.simulator.nlu import Nlu
from skill.simulator.runner import Simulator
from skill.simulator.transport import InProcess
from skill.triage import default_rules

SPANISH = ("es-US", "es-MX", "es-ES")
RULES = default_rules()
# Measured on the first Spanish content (README, "En español"): Fernández-Huerta 83, INFLESZ
# (Szigriszt-Pazos) 79 over everything said; questions 81 and 77. A change that makes the words
# harder than "fairly easy" (INFLESZ 65) fails.
MIN_FERNANDEZ_HUERTA = 75.0
MIN_INFLESZ = 70.0
MIN_QUESTION_INFLESZ = 45.0  # one question alone: at least "somewhat hard", never "very hard"
# Keys that are no speech: screen labels, month names, the card title.
_NOT_SPOKEN = ("screen", "history", "locale", "card", "skill_name", "emergency_number")


def spoken(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_SPOKEN:
                yield from spoken(value)
    elif isinstance(data, str):
        yield re.sub(r"\{\w+\}", "", data)


def test_syllables_follow_spanish_spelling() -> None:
    assert [syllables(w) for w in ("hoy", "muy", "día", "león", "cuello", "aire", "caída")] == [
        1, 1, 2, 2, 2, 2, 3]
    assert syllables("fasciculación") == 5 and syllables("y") == 1


@pytest.mark.parametrize("locale", SPANISH)
def test_what_the_skill_says_reads_easily(locale: str) -> None:
    content = content_for(locale)
    whole = reading(list(spoken(content.data)))
    assert whole.words > 3000, "every spoken string is measured"
    assert whole.fernandez_huerta >= MIN_FERNANDEZ_HUERTA, whole
    assert whole.szigriszt_pazos >= MIN_INFLESZ, whole
    asks = [content.text(f"questions.{q}.ask") for q in content.data["questions"]]
    assert reading(asks).szigriszt_pazos >= MIN_INFLESZ
    hard = [a for a in asks if reading([a]).szigriszt_pazos < MIN_QUESTION_INFLESZ]
    assert not hard, hard


@pytest.mark.parametrize("locale", SPANISH)
def test_the_opening_question_names_every_sign_in_under_thirty_words(locale: str) -> None:
    ask = content_for(locale).text("questions.screen.ask")
    assert len(ask.split()) < 30
    for words in ("aire", "pecho", "labios", "garganta", "convulsiones", "confusión",
                  "cuello rígido con fiebre", "dolor de cabeza"):
        assert words in ask, words


def test_each_region_has_its_number_and_words() -> None:
    us, mx, es = (content_for(locale) for locale in SPANISH)
    assert (us.number, mx.number, es.number) == ("911", "911", "112")
    said = {locale: " ".join(spoken(content_for(locale).data)) for locale in SPANISH}
    # Spain says "ictus", "médico de cabecera", "conduzca"; Latin America "derrame", "maneje".
    assert "ictus" in said["es-ES"] and "derrame" not in said["es-ES"]
    assert "médico de cabecera" in said["es-ES"] and "No conduzca" in said["es-ES"]
    for locale in ("es-US", "es-MX"):
        assert "derrame" in said[locale] and "No maneje" in said[locale]
        assert "112" not in said[locale]
    assert "911" not in said["es-ES"]


@pytest.mark.parametrize(("words", "sign", "negated", "other", "past", "hypothetical"), [
    ("no tengo hormigueo", "numbness", True, False, False, False),
    ("nada de adormecimiento", "numbness", True, False, False, False),
    ("ni debilidad ni hormigueo", "weakness", True, False, False, False),
    ("se me traba la lengua", "speech", False, False, False, False),
    ("no se me traba la lengua", "speech", True, False, False, False),
    ("el habla está bien", "speech", True, False, False, False),
    ("tragar no igual que siempre", "swallowing", True, False, False, False),  # as Alexa writes
    ("se me cae la cara de un lado", "face_droop", False, False, False, False),
    ("me falta el aire", "breathless", False, False, False, False),
    ("calambres en las piernas", "stiffness", False, False, False, False),
    # someone else who cannot speak is the stroke sign (ASA R.Á.P.I.D.O. asks it in the third
    # person); the speaker's own "no puedo hablar bien" is the speech sign, then "suddenly?"
    ("mi esposo no puede hablar bien", "sudden_speech", False, True, False, False),
    ("no puedo hablar bien", "speech", False, False, False, False),
    ("mi mamá tiene la cara caída", "face_droop", False, True, False, False),
    ("hace años me caí de la moto", "injury_danger", False, False, True, False),
    ("de niño me rompí el cuello", "injury", False, False, True, False),
    ("el año pasado tuve un accidente", "injury", False, False, True, False),
    ("¿y si me da debilidad?", "weakness", False, False, False, True),
    ("si me da un derrame qué hago", "emergency_now", False, False, False, True),
    ("me siento más débil desde hace meses", "weakness", False, False, False, False),
    # "he" is Spanish for "I have": the speaker's own sign
    ("he tenido hormigueo en la mano", "numbness", False, False, False, False),
    # a medicine changed is new; "the usual" pills are not
    ("el doctor me cambió de medicamento hace poco", "medicine", False, False, False, False),
    ("me cambiaron las pastillas de siempre por otras", "medicine", False, False, False, False),
    ("no he cambiado de medicina, solo las pastillas anticonceptivas de siempre", "medicine",
     True, False, False, False),
])
def test_the_spanish_lexicon_reads_negation_time_and_person(
        words: str, sign: str, negated: bool, other: bool, past: bool,
        hypothetical: bool) -> None:
    for locale in SPANISH:
        found = {m.id: m for m in lexicon_for(locale).read(words)}
        assert sign in found, (locale, words, found)
        m = found[sign]
        assert (m.negated, m.other, m.historical, m.hypothetical) == (
            negated, other, past, hypothetical), (locale, words, m)


def test_an_emergency_said_suddenly_in_spanish_is_its_sudden_sign() -> None:
    lexicon = lexicon_for("es-MX")
    assert {m.id for m in lexicon.read("de repente se me durmió el brazo izquierdo")} == {
        "sudden_weakness"}
    assert {m.id for m in lexicon.read("esta mañana no podía hablar, se me trababa todo")} >= {
        "sudden_speech"}


def test_spanish_hedges_and_answers_with_reasons() -> None:
    lexicon = lexicon_for("es-US")
    assert lexicon.hedged("no sé, la verdad") and lexicon.hedged("no estoy segura")
    assert lexicon.closing("me atraganto con el café, así que diría que sí") == "yes"
    assert lexicon.opening("no, está igual, nomás molesta") == "no"
    assert lexicon.says_no("tengo treinta años, así que creo que no")


def test_spanish_accents_may_be_left_out() -> None:
    lexicon = lexicon_for("es-ES")
    for said, typed in (("el habla está bien", "el habla esta bien"),
                        ("se me cayó la cara", "se me cayo la cara"),
                        ("hace años me caí", "hace anos me cai")):
        heard = [(m.id, m.negated, m.historical) for m in lexicon.read(said)]
        assert heard == [(m.id, m.negated, m.historical) for m in lexicon.read(typed)] and heard
    # What was said is named back as said, accents and all.
    assert lexicon.read("se me cayó la cara")[0].words == "se me cayó la cara"


def test_the_desk_voice_says_plainly_it_is_english_only() -> None:
    """pocketsphinx ships only a US English acoustic model (no Spanish one in a registry
    package): `talk --locale es-US` says so in one line and exits 2, before opening a device."""
    from click.testing import CliRunner

    from skill.cli import main

    for locale in SPANISH:
        result = CliRunner().invoke(main, ["talk", "--locale", locale, "--mute"])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "English-only" in lines[0] and locale in lines[0], lines


def test_the_simulator_opens_the_skill_as_spanish_speakers_do() -> None:
    from skill.simulator.invocations import invocation_parser_for, launch_phrase
    from skill.simulator.nlu import parse_invocation

    name = "revisión de tic en el cuello"
    parser = invocation_parser_for("es-MX", name)
    opened = parse_invocation(parser, "Alexa, abre revisión de tic en el cuello")
    assert opened is not None and opened.kind == "launch"
    asked = parse_invocation(parser, "pregúntale a revisión de tic en el cuello qué es una "
                                     "fasciculación")
    assert asked is not None and asked.kind == "oneshot" and asked.rest == (
        "qué es una fasciculación")
    assert parse_invocation(parser, "open revisión de tic en el cuello") is None
    assert launch_phrase("es-ES", name) == "abre revisión de tic en el cuello"
    english = invocation_parser_for("en-GB", "neck twitch check")
    assert parse_invocation(english, "open neck twitch check") is not None


# Sentences of the Spanish work's own (not the outside writer's), as people in the three regions
# say them: (locale, noes before it, words). An emergency gets the number first; the rest never.
OWN_EMERGENCIES = [
    ("es-MX", 0, "se me está durmiendo todo el lado izquierdo de la cara"),
    ("es-US", 3, "mi mamá acaba de caerse y no puede mover el brazo derecho"),
    ("es-ES", 2, "mi padre habla raro desde hace media hora y tiene la boca torcida"),
    ("es-MX", 4, "ahorita se me puso la cara chueca y no puedo sonreír bien"),
    ("es-US", 1, "tengo un dolor de cabeza horrible que me vino de repente como nunca"),
    ("es-ES", 5, "me he quedado sin ver de un ojo hace diez minutos"),
    ("es-MX", 0, "mi hijo se desmayó y no despierta"),
    ("es-US", 2, "siento que se me cierra la garganta después de tomar la pastilla"),
    ("es-ES", 0, "me duele muchísimo el pecho y me sudan las manos"),
    ("es-MX", 3, "mi esposa está convulsionando"),
    ("es-US", 6, "de pronto no pude mover la pierna derecha y ya se me pasó"),
    ("es-ES", 2, "mi abuela está muy confundida, no sabe ni quién soy"),
    ("es-MX", 0, "tengo fiebre de cuarenta y el cuello bien tieso"),
    ("es-US", 4, "I can't breathe, no puedo respirar bien"),
    ("es-ES", 3, "no puedo respirar"),
    ("es-MX", 2, "se me hinchó la lengua y los labios"),
    ("es-US", 5, "mi papá de repente empezó a hablar enredado"),
    ("es-ES", 1, "he tenido un mareo muy fuerte de golpe y me he caído al suelo"),
    ("es-MX", 2, "no, pero hace rato se me durmió la mitad de la cara por unos minutos"),
    ("es-US", 0, "sí, me falta el aire ahorita mismo"),
    ("es-ES", 4, "no, pero esta mañana he visto doble un buen rato"),
    ("es-MX", 6, "fíjese que ayer en la noche se me cayó la boca de un lado y luego se me quitó"),
    ("es-US", 3, "mi esposo tiene la cara caída de un lado ahora mismo"),
    ("es-ES", 2, "me ha dado un dolor en el pecho que se me va al brazo izquierdo"),
    ("es-MX", 1, "estoy sudando frío y me aprieta el pecho"),
]
OWN_NOT_EMERGENCIES = [
    ("es-MX", 2, "hace años tuve un derrame pero ya estoy bien"),
    ("es-US", 0, "no, mi abuelo murió de un derrame hace mucho"),
    ("es-ES", 3, "no, nada de eso"),
    ("es-US", 4, "me preocupa que me dé un infarto"),
    ("es-ES", 6, "el año pasado me caí de la bici pero nada grave"),
    ("es-MX", 2, "no me cuesta tragar para nada"),
    ("es-US", 3, "hablo bien, gracias"),
    ("es-ES", 7, "se me durmió el brazo por dormir encima"),
    ("es-MX", 1, "me falta el aire cuando subo corriendo las escaleras"),
    ("es-US", 0, "no, gracias a Dios nada de eso"),
    ("es-ES", 0, "no, estoy bien, solo el tic del cuello"),
    ("es-MX", 0, "nada, nomás el cuello que me brinca"),
    ("es-US", 1, "no, eso nunca me ha pasado"),
    ("es-ES", 2, "no me falta el aire, respiro bien"),
    ("es-MX", 4, "me muero de ganas de saber qué es"),
    ("es-US", 5, "mi jefe me da dolor de cabeza"),
    ("es-ES", 0, "ninguna de esas cosas"),
    ("es-MX", 1, "no, de niño tuve convulsiones pero ya no"),
    ("es-US", 2, "no, mi mamá tuvo un derrame hace cinco años"),
]


@cache
def _spanish_nlu(locale: str) -> Nlu:
    return Nlu(load_model(default_model_dir() / f"{locale}.json", locale))


def _said_after(locale: str, noes: int, words: str) -> str:
    nlu = _spanish_nlu(locale)
    sim = Simulator(nlu, EnvelopeFactory(locale, user=f"own-{uuid.uuid4()}"),
                    InProcess(storage="none"))
    sim.say(f"abre {nlu.model.invocation_name}")
    for _ in range(noes):
        sim.say("no")
    return sim.say(words.lower()).speech or ""


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_EMERGENCIES)
def test_an_emergency_in_spanish_words_gets_the_number_first(locale: str, noes: int,
                                                             words: str) -> None:
    speech = _said_after(locale, noes, words)
    assert content_for(locale).call in speech.split(".")[0], speech


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_NOT_EMERGENCIES)
def test_past_denied_and_figures_of_speech_get_no_number(locale: str, noes: int,
                                                         words: str) -> None:
    speech = _said_after(locale, noes, words)
    assert not speech.startswith(content_for(locale).text("outcomes.emergency.action")), speech


@pytest.mark.parametrize(("locale", "words", "factors"), [
    ("es-MX", "estrés y café", ("stress", "caffeine")),
    ("es-ES", "duermo fatal y fumo", ("sleep", "nicotine")),
    ("es-US", "pues el estrés del trabajo y tomo mucho café", ("stress", "caffeine")),
])
def test_lifestyle_answers_in_spanish_choose_the_tips(locale: str, words: str,
                                                      factors: tuple[str, ...]) -> None:
    from people import path_to

    nlu = _spanish_nlu(locale)
    sim = Simulator(nlu, EnvelopeFactory(locale, user=f"own-{uuid.uuid4()}"),
                    InProcess(storage="none"))
    sim.say(f"abre {nlu.model.invocation_name}")
    for said in path_to("lifestyle"):
        sim.say(said)
    speech = sim.say(words).speech or ""
    content = content_for(locale)
    for factor in factors:
        assert content.text(f"tips.{RULES.factor_tips[factor]}") in speech, (factor, speech)


@pytest.mark.parametrize("locale", SPANISH)
def test_what_the_skill_tells_people_to_say_is_understood(locale: str) -> None:
    """The commands help lists, "diga cancela mi recordatorio", "pide a ... que me lo
    recuerde": each is a phrase of the locale's model."""
    from skill.simulator.invocations import invocation_parser_for
    from skill.simulator.nlu import parse_invocation

    nlu = _spanish_nlu(locale)
    content = content_for(locale)
    commands = content.text("help.commands").split(":", 1)[1].rstrip(".")
    said = [c.strip() for c in re.split(r",| o ", commands) if c.strip()]
    wanted = {"por qué pregunta": "WhyAskIntent", "repite": "AMAZON.RepeatIntent",
              "empieza de nuevo": "AMAZON.StartOverIntent", "borra mis datos": "DeleteDataIntent",
              "para": "AMAZON.StopIntent", "regresa": "GoBackIntent",
              "vuelve atrás": "GoBackIntent"}
    assert len(said) == 6, said
    for words in said:
        assert nlu.understand(words).intent == wanted[words], (locale, words)
    assert nlu.understand("cancela mi recordatorio").intent == "CancelReminderIntent"
    asked = parse_invocation(invocation_parser_for(locale, nlu.model.invocation_name),
                             "alexa pide a revisión de tic en el cuello que me lo recuerde")
    assert asked is not None and nlu.understand(asked.rest).intent == "RemindIntent"


# A carrier's meaning is said in the lexicon's language (its `leads`): the slot holds only the
# words after "hace años", "y si", "mi esposo", and the reading puts the meaning back before
# them in Spanish, where the Spanish triggers reach it. English words there ("years ago", "he")
# reach nothing in Spanish; "he" is even Spanish ("he tenido", I have had).
LEAD_READINGS = {
    # lead: (the slot's words, the sign, what the lead must make of it)
    "past": ("me caí de la moto", "injury_danger", "historical"),
    "earlier": ("tuve fiebre pero ya se me quitó", "rash_fever", None),
    "what_if": ("me da un derrame", "emergency_now", "hypothetical"),
    "other": ("se le cayó la cara", "face_droop", "other"),
    "sudden": ("se me durmió el brazo", "sudden_weakness", None),
    "denied": ("tengo hormigueo", "numbness", "negated"),
    "no_but": ("me cuesta tragar", "swallowing", None),
}


@pytest.mark.parametrize("lead", sorted(LEAD_READINGS))
def test_each_carrier_meaning_is_said_in_spanish_and_read_by_spanish_triggers(lead: str) -> None:
    lexicon = lexicon_for("es-US")
    said = lexicon.lead(lead)
    assert said and not set(said.split()) & {"years", "ago", "what", "if", "he", "suddenly",
                                            "last", "week", "but", "fine"}, said
    words, sign, mark = LEAD_READINGS[lead]
    found = {m.id: m for m in lexicon.read(f"{said} {words}")}
    if lead == "earlier":  # a fever last week that has gone is over, not a sign now
        assert lexicon.over(f"{said} {words}") and not lexicon.over(words)
        return
    assert sign in found, (said, found)
    marks = {name: getattr(found[sign], name)
             for name in ("historical", "hypothetical", "other", "negated")}
    assert {name for name, on in marks.items() if on} == ({mark} if mark else set()), (said,
                                                                                      marks)
    plain = {m.id: m for m in lexicon.read(words)}
    # Without the lead the words alone mean something else: the lead is what says it.
    assert mark is None or sign not in plain or not getattr(plain[sign], mark), plain


def test_english_and_spanish_leads_name_the_same_meanings() -> None:
    from skill.content.lexicon import LEADS

    english, spanish = lexicon_for("en-US"), lexicon_for("es-ES")
    assert english.lead("past") == "years ago" and spanish.lead("past") == "hace anos"
    for lead in LEADS:
        assert english.lead(lead) and spanish.lead(lead), lead
        assert english.lead(lead) != spanish.lead(lead) or lead == "denied", lead
    with pytest.raises(KeyError):
        spanish.lead("ayer")


def test_he_is_spanish_for_i_have_never_someone_else() -> None:
    lexicon = lexicon_for("es-MX")
    for words in ("he tenido hormigueo en la mano", "he notado que se me cae la cara",
                  "me he quedado sin ver de un ojo"):
        mentions = lexicon.read(words)
        assert mentions and not any(m.other for m in mentions), (words, mentions)


# Through the whole skill: the slot carries no time, no "if" and no person; only the Spanish
# lead tells the skill what the carrier said.
@pytest.mark.parametrize(("locale", "noes", "words", "intent", "key"), [
    ("es-MX", 3, "hace años tuve un derrame", "PastSymptomIntent", "understanding.in_the_past"),
    ("es-ES", 3, "hace mucho tiempo se me cayó la cara de un lado", "PastSymptomIntent",
     "understanding.in_the_past"),
    ("es-US", 2, "y si me da un derrame", "WhatIfIntent", "understanding.what_if_emergency"),
    ("es-ES", 4, "qué pasa si se me traba la lengua de repente", "WhatIfIntent",
     "understanding.what_if_emergency"),
    ("es-MX", 2, "mi esposo tiene la cara caída de un lado", "OtherPersonIntent",
     "understanding.their_emergency"),
    ("es-US", 1, "a mi mamá le duele el pecho muy fuerte ahorita", "OtherPersonIntent",
     "understanding.their_emergency"),
    ("es-ES", 5, "la semana pasada tuve fiebre pero ya se me quitó", "EarlierSymptomIntent",
     "understanding.in_the_past"),
])
def test_a_spanish_carrier_is_read_with_its_spanish_lead(locale: str, noes: int, words: str,
                                                         intent: str, key: str) -> None:
    understood = _spanish_nlu(locale).understand(words)
    assert understood.intent == intent, understood
    slot = understood.slots["symptom"].value or ""
    assert not {"años", "tiempo", "si", "esposo", "mamá", "pasada"} & set(slot.split()), slot
    speech = _said_after(locale, noes, words)
    content = content_for(locale)
    wanted = content.text(key)
    assert speech.startswith(wanted.split("{")[0].split(",")[0]), speech
    if key != "understanding.their_emergency":
        assert not speech.startswith(content.text("outcomes.emergency.action")), speech


# Each Spanish way of saying things the reading learned from the second tuning part, by kind,
# in sentences of this work's own (never a corpus line): (words, sign, negated, historical,
# other, ordinary). A sign the words must not name has sign None.
KINDS = [
    # "no se puede levantar" is a complaint, not a denial: someone down who cannot get up
    ("mi abuela se resbaló y no se puede levantar del piso", "emergency_now", False, False,
     True, False),
    # struggling for breath said in the progressive is now; the air going, the chest closing
    ("me está costando muchísimo respirar", "breathing_now", False, False, False, False),
    ("siento que se me va el aire", "breathing_now", False, False, False, False),
    ("traigo el pecho oprimido", "chest_pain", False, False, False, False),
    ("me está apretando el pecho", "chest_pain", False, False, False, False),
    ("le picó una abeja y tiene la cara como un globo", "allergic", False, False, True, False),
    ("mi cuñado está temblando todo y tiene los dientes apretados", "seizure", False, False,
     True, False),
    ("ando revuelto de la cabeza y no sé cómo llegué aquí", "confusion", False, False, False,
     False),
    ("mi abuelo habla puras incoherencias", "sudden_speech", False, False, True, False),
    ("tengo la nuca tiesa y mucha calentura", "meningism", False, False, False, False),
    ("al niño le salieron manchitas y tiene fiebre", "rash_fever", False, False, True, False),
    ("se me aflojaron las piernas de repente", "sudden_weakness", False, False, False, False),
    ("hace un rato el brazo no me respondía", "sudden_weakness", False, False, False, False),
    ("no atino a abrochar la blusa", "weakness", False, False, False, False),
    ("me pita el pecho cuando me acuesto", "breathless", False, False, False, False),
    ("llevo media hora que no me salen las palabras", "sudden_speech", False, False, False,
     False),
    ("por la mañana hablaba trabado", "sudden_speech", False, False, False, False),
    # after a leading "no", a story opened again ("la neta", "ahora que lo pienso")
    ("no, bueno, la neta me estoy ahogando", "breathing_now", False, False, False, False),
    ("no, ahora que lo pienso se me cierra la garganta", "breathing_now", False, False, False,
     False),
    # "que no, que ...": the "no" answers; a word of address after it too ("no, mijo, ...")
    ("que no, que solo en el cuello", "spreading", True, False, False, False),
    ("no mijo yo trago bien", "swallowing", True, False, False, False),
    ("respiro de lo más bien", "breathless", True, False, False, False),
    # an ordinary cause or an explanation after it
    ("me mareé en la boda pero fue por las copas", "balance", False, True, False, False),
    ("tengo agujetas del gimnasio", "stiffness", False, False, False, True),
    ("bajé de peso pero fue a propósito", "weight_loss", False, True, False, False),
    ("me duele el brazo por la vacuna", "numbness", False, False, False, True),
    ("me atraganté una vez con una espina y de ahí nada", "swallowing", False, True, False,
     False),
    # a long-ago time said after it, or a holiday or a year of study gone by
    ("tuve una convulsión pero eso fue hace años", "seizure", False, True, False, False),
    ("me caí de la escalera la navidad pasada", "injury_danger", False, True, False, False),
    ("en segundo de carrera tuve tics en el ojo", "spreading", False, True, False, False),
    # someone else's sign that stayed ("para siempre", "secuelas") or was in a year gone by
    ("a mi tío le quedó la boca chueca para siempre", "face_droop", False, True, True, False),
    ("mi suegra tuvo un derrame, eso fue en 2015", "emergency_now", False, True, True, False),
    ("mi compi de piso se desmayó", "emergency_now", False, False, True, False),
    # an age is said in digits or words; an adult's age, or how long, is no child
    ("tengo quince años", "under_16", False, False, False, False),
    ("tengo 45 años y me brinca el cuello", None, False, False, False, False),
    ("tengo dos años con esto", "duration", False, False, False, False),
    ("ya va para dos meses", "duration", False, False, False, False),
    ("empezó hace tres o cuatro días", "duration", True, False, False, False),
    ("orino con normalidad", "bladder_bowel", True, False, False, False),
    # the subjunctive after "es normal que", "qué causa que"
    ("es normal que se me duerma medio cuerpo", "sudden_weakness", False, False, False, False),
    ("qué causa que se me trabe la lengua", "speech", False, False, False, False),
    ("es grave que me duela el pecho así", "chest_pain", False, False, False, False),
    # figures of speech and slips: no sign
    ("casi me da un infarto con la noticia", None, False, False, False, False),
    ("me ahogo de calor en el camión", None, False, False, False, False),
    ("me he confundido de respuesta", None, False, False, False, False),
    ("hace mucho que no la tomo", None, False, False, False, False),
    ("tomo las pastillas de la tiroides de siempre", None, False, False, False, False),
]


@pytest.mark.parametrize(("words", "sign", "negated", "past", "other", "ordinary"), KINDS)
def test_spanish_ways_of_saying_things(words: str, sign: str | None, negated: bool, past: bool,
                                       other: bool, ordinary: bool) -> None:
    found = {m.id: m for m in lexicon_for("es-MX").read(words)}
    if sign is None:
        assert not [m for m in found.values() if m.kind == "sign"], (words, found)
        return
    assert sign in found, (words, found)
    m = found[sign]
    assert (m.negated, m.historical, m.other, m.ordinary) == (negated, past, other, ordinary), (
        words, m)


# Thirty sentences of this work's own, as people in the three regions talk (none is in a corpus
# or a model): emergencies told by a relative, after a leading "no", in passing, and sudden
# signs that have passed get the number first; a figure of speech, the past, a "what if", an
# ordinary cause and a denial never do.
OWN_EMERGENCIES_B = [
    ("es-MX", 0, "no, yo estoy bien, pero mi suegra se quedó con la boca de lado y no le salen "
                 "las palabras"),
    ("es-US", 2, "mi hijo se cayó de la patineta, se pegó en la cabeza y ahora está vomitando y "
                 "no me reconoce"),
    ("es-ES", 3, "pues no, aunque esta tarde se me ha dormido medio cuerpo un cuarto de hora y "
                 "ya se me ha pasado"),
    ("es-MX", 1, "fíjese que hace como veinte minutos no podía agarrar la taza con la mano "
                 "derecha, ya se me compuso"),
    ("es-US", 4, "ayúdeme, mi papá está tirado en la cocina y no abre los ojos"),
    ("es-ES", 0, "a mi marido le ha dado un dolor de cabeza bestial de repente y está vomitando"),
    ("es-MX", 2, "no, nada de eso, bueno, lo único es que me está apretando el pecho desde hace "
                 "rato"),
    ("es-US", 5, "estoy bien del cuello, nomás que ahorita no puedo jalar aire"),
    ("es-ES", 1, "la niña se ha comido un cacahuete y se le está hinchando la cara"),
    ("es-MX", 3, "mi abuelito dice cosas sin sentido desde que se despertó de la siesta"),
    ("es-US", 0, "no sé si importa pero hace una hora se me fue la vista del ojo izquierdo unos "
                 "minutos"),
    ("es-ES", 2, "no, tragar bien, pero hace un rato me he quedado sin fuerza en la pierna y me "
                 "he caído"),
    ("es-MX", 4, "mi esposa está temblando de pies a cabeza y no responde"),
    ("es-US", 1, "tengo calentura muy alta y el cuello tan tieso que no puedo agachar la cabeza"),
    ("es-ES", 6, "estrés mucho, y por cierto, esta mañana se me ha torcido la boca un momento al "
                 "lavarme los dientes"),
    ("es-MX", 2, "mi vecino se puso morado y no puede respirar"),
    ("es-US", 3, "no, pero mi hermano se desmayó en el trabajo y lo traen para acá"),
    ("es-ES", 0, "me duele el pecho como si me estrujaran y se me va hacia la mandíbula"),
    ("es-MX", 5, "anoche me dio un hormigueo en toda la mitad de la cara y se me trabó la lengua, "
                 "ya pasó"),
    ("es-US", 2, "no mucho, aunque hace ratito mi mamá no podía levantar el brazo y se le cayó "
                 "el vaso"),
]
OWN_NOT_EMERGENCIES_B = [
    ("es-MX", 1, "casi me muero del susto cuando vi la cuenta del doctor"),
    ("es-ES", 3, "hace diez años tuve un ictus pero me recuperé del todo"),
    ("es-US", 2, "no, mi tía sí tuvo una embolia, pero eso fue en dos mil diez"),
    ("es-MX", 0, "con este calor me asfixio en el camión, pero respiro bien"),
    ("es-ES", 4, "¿y si un día se me duerme medio cuerpo? ¿qué hago?"),
    ("es-US", 1, "se me durmió la pierna de estar sentado en cuclillas, luego se me quitó"),
    ("es-MX", 2, "no, no se me ha caído la cara ni nada, solo el tic"),
    ("es-ES", 0, "ni me falta el aire ni me duele el pecho, tranquila"),
    ("es-US", 3, "me mareé después de donar sangre la semana pasada, pero ya estoy bien"),
    ("es-MX", 5, "mi jefe me va a matar si llego tarde, así que rápido"),
]


def _as_alexa_writes(words: str) -> str:
    return " ".join(re.sub(r"[¿?¡!.,]", " ", words.lower()).split())


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_EMERGENCIES_B)
def test_my_own_spanish_emergencies_get_the_number_first(locale: str, noes: int,
                                                         words: str) -> None:
    speech = _said_after(locale, noes, _as_alexa_writes(words))
    assert content_for(locale).call in speech.split(".")[0], speech


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_NOT_EMERGENCIES_B)
def test_my_own_spanish_non_emergencies_get_no_number(locale: str, noes: int,
                                                      words: str) -> None:
    speech = _said_after(locale, noes, _as_alexa_writes(words))
    content = content_for(locale)
    assert content.call not in speech.split(".")[0], speech
    assert "Error" not in speech and "algo falló" not in speech and "fallado" not in speech, speech


# Every emergency sign in more of this work's own words, as the three regions say it (none is in
# a corpus): each gets the number first, at the first question and later in the check; and
# words that only sound like one (a fright, a laugh, the past, a fear) never do.
OWN_EMERGENCIES_C = [
    ("es-MX", 0, "no puedo agarrar aire"),
    ("es-ES", 4, "me estoy quedando sin aire"),
    ("es-US", 0, "siento que me asfixio"),
    ("es-MX", 4, "mi papá está respirando muy raro como con ronquidos y no despierta"),
    ("es-ES", 0, "no me pasa el aire"),
    ("es-US", 4, "tengo el pecho cerrado y no puedo hablar de corrido"),
    ("es-MX", 0, "me falta el aire hasta para hablar"),
    ("es-ES", 4, "estoy jadeando y no se me quita"),
    ("es-US", 0, "mi hijo tiene los labios azules"),
    ("es-MX", 4, "respiro muy rápido y no me alcanza el aire"),
    ("es-ES", 0, "tengo un dolor muy fuerte en el pecho que se me corre al brazo izquierdo"),
    ("es-US", 4, "siento una piedra en el pecho"),
    ("es-MX", 0, "me arde el pecho y estoy sudando frío"),
    ("es-ES", 4, "un dolor en el pecho como que me aplastan"),
    ("es-US", 0, "me duele el corazón"),
    ("es-MX", 4, "tengo una punzada en el pecho que no se me quita"),
    ("es-ES", 0, "mi esposo se agarró el pecho y se puso pálido"),
    ("es-US", 4, "se me ve la cara torcida en el espejo"),
    ("es-MX", 0, "tengo la mitad de la cara dormida"),
    ("es-ES", 4, "mi mamá tiene la boca ladeada"),
    ("es-US", 0, "no puedo cerrar un ojo y la boca se me va para un lado"),
    ("es-MX", 4, "se me cayó el párpado y la comisura de la boca"),
    ("es-ES", 0, "de un momento a otro no pude mover el brazo izquierdo"),
    ("es-US", 4, "se me quedó sin fuerza el lado derecho"),
    ("es-MX", 0, "no siento la pierna izquierda desde hace un rato"),
    ("es-ES", 4, "se me paralizó el brazo"),
    ("es-US", 0, "mi abuelo no puede mover la mitad del cuerpo"),
    ("es-MX", 4, "se me cayó el celular de la mano y no lo podía agarrar fue hace diez minutos"),
    ("es-ES", 0, "de repente no me salían las palabras"),
    ("es-US", 4, "mi papá no puede hablar balbucea"),
    ("es-MX", 0, "mi mamá habla raro desde hace rato y no se le entiende"),
    ("es-ES", 4, "arrastro las palabras desde esta mañana"),
    ("es-US", 0, "de repente veo todo borroso de un ojo"),
    ("es-MX", 4, "se me nubló la vista de un lado"),
    ("es-ES", 0, "perdí la mitad de la vista"),
    ("es-US", 4, "veo doble desde hace una hora"),
    ("es-MX", 0, "se me oscureció un ojo unos minutos"),
    ("es-ES", 4, "me dio un mareo horrible y no me puedo parar"),
    ("es-US", 0, "todo me da vueltas de repente y no puedo caminar"),
    ("es-MX", 4, "mi abuela se fue de lado y se cayó no se puede sostener"),
    ("es-ES", 0, "me dio un dolor de cabeza como un trueno"),
    ("es-US", 4, "el peor dolor de cabeza que he tenido en mi vida"),
    ("es-MX", 0, "siento que me va a estallar la cabeza de repente"),
    ("es-ES", 4, "me vino un dolor en la nuca de golpe horrible"),
    ("es-US", 0, "mi hijo está convulsionando"),
    ("es-MX", 4, "le está dando un ataque y está echando espuma"),
    ("es-ES", 0, "se puso rígido y empezó a sacudirse"),
    ("es-US", 4, "mi hermano está temblando y no reacciona"),
    ("es-MX", 0, "mi papá no sabe dónde está"),
    ("es-ES", 4, "mi abuela está desorientada y no me reconoce"),
    ("es-US", 0, "estoy muy confundido no sé qué día es"),
    ("es-MX", 4, "se me está cerrando la garganta"),
    ("es-ES", 0, "tengo la lengua hinchada"),
    ("es-US", 4, "me salieron ronchas por todo el cuerpo y me cuesta respirar"),
    ("es-MX", 0, "se me hincharon los labios después de comer camarones"),
    ("es-ES", 4, "tengo fiebre y el cuello duro no lo puedo doblar"),
    ("es-US", 0, "mi hija tiene fiebre y no soporta la luz"),
    ("es-MX", 4, "mi esposo se desmayó y no despierta"),
    ("es-ES", 0, "mi papá está inconsciente"),
    ("es-US", 4, "se cayó y no responde"),
    ("es-MX", 0, "mi abuela perdió el conocimiento"),
    # regional and bilingual words, someone else's, signs that passed, said in passing
    ("es-MX", 0, "mi mamá se privó y no vuelve en sí"),
    ("es-MX", 3, "a mi papá le dio un aire y tiene la cara chueca"),
    ("es-MX", 0, "se me entumió todo el brazo izquierdo de repente"),
    ("es-MX", 3, "mi abuelo se puso bien malo, no puede hablar y se le cae la baba de un lado"),
    ("es-US", 0, "creo que a mi esposo le está dando un stroke"),
    ("es-US", 3, "my dad can't breathe, se está poniendo blue"),
    ("es-US", 0, "mi hija está seizing, tiene los ojos volteados"),
    ("es-US", 3, "tengo chest pain bien fuerte ahorita"),
    ("es-ES", 0, "me ha dado un chungo y no me tengo en pie"),
    ("es-ES", 3, "a mi madre se le ha ido la fuerza del brazo de golpe"),
    ("es-ES", 0, "mi padre se ha quedado pillado, no habla y tiene la boca torcida"),
    ("es-ES", 3, "me ha dado un bajón y he perdido el conocimiento un momento"),
    ("es-MX", 0, "no, pero le está dando un ataque a mi hermano y no deja de temblar"),
    ("es-US", 3, "nada de eso, pero mi esposa se desvaneció hace un ratito y sigue muy adormilada"),
    ("es-ES", 0, "no, bueno, hace un rato me he quedado sin habla unos minutos y ya estoy bien"),
    ("es-MX", 3, "fíjese que en la mañana se me durmió la cara y no podía sonreír, pero ya se "
                 "me quitó"),
    ("es-US", 0, "ayer en la noche de repente no veía nada de un ojo como por cinco minutos"),
    ("es-ES", 3, "esta mañana he tenido una pérdida de fuerza en la pierna, ha sido un momento"),
    ("es-MX", 0, "estrés sí, y ahorita me está doliendo el pecho muy fuerte"),
    ("es-US", 3, "como un mes, y hoy en la mañana se me cayó la cara de un lado"),
    ("es-ES", 0, "el café sobre todo, y también me cuesta mucho respirar ahora mismo, casi no "
                 "puedo hablar"),
    ("es-MX", 3, "mi suegro está sudando frío y dice que le duele el brazo izquierdo y el pecho"),
    ("es-US", 0, "mi hijo se comió un cacahuate y tiene la boca hinchada y le cuesta respirar"),
    ("es-ES", 3, "mi marido no me contesta, está en el sofá y no reacciona"),
    ("es-MX", 0, "mi abuelita se cayó y se pegó en la cabeza y ahora está bien confundida"),
    ("es-US", 3, "tengo fiebre de ciento tres y no puedo mover el cuello"),
    ("es-ES", 0, "tengo muchísima fiebre y unas manchas moradas que no se van con el vaso"),
    ("es-MX", 3, "me dio un dolor de cabeza tan fuerte que vomité, nunca me había dolido así"),
    ("es-US", 0, "se me nubló todo y vi doble de repente"),
    ("es-ES", 3, "se me ha paralizado media cara"),
    # after a leading no, in passing, someone else, a sign that passed
    ("es-MX", 0, "no, no, nada de eso... aunque ahora que me acuerdo, hace como media hora se me "
                 "durmió la mitad de la boca"),
    ("es-US", 3, "nope, but like hace diez minutos no podía mover los dedos de la mano derecha"),
    ("es-ES", 0, "qué va, aunque hace un ratito he visto como un relámpago y luego nada por un "
                 "ojo"),
    ("es-MX", 3, "no, la verdad no, pero ella, mi hija, está bien pálida y no puede respirar bien"),
    ("es-US", 0, "él está en el piso y no se mueve"),
    ("es-ES", 3, "ella no puede hablar, solo hace ruidos, y tiene la cara rara"),
    ("es-MX", 0, "se le torció la boca a mi papá hace ratito mientras comía"),
    ("es-US", 3, "pues mi esposo dice que le duele mucho la cabeza, que es el peor dolor que ha "
                 "tenido"),
    ("es-ES", 0, "mi hermana se ha desplomado en el pasillo"),
    ("es-MX", 3, "nomás el café, y hace rato me dio un dolor en el pecho que me dejó sin aire"),
    ("es-US", 0, "más de un mes, por cierto ahorita siento que se me duerme el lado izquierdo de "
                 "la cara"),
    ("es-ES", 3, "un antidepresivo nuevo, y desde esta mañana tengo los labios y la lengua "
                 "hinchados"),
    ("es-MX", 0, "no, nada, bueno, en la mañana no podía decir bien las palabras por un ratito"),
    ("es-US", 3, "no creo, pero anoche mi esposa me dijo que hablaba como trabado y que tenía la "
                 "boca chueca"),
    ("es-ES", 0, "no, pero hace media hora he perdido la vista de un ojo durante un par de "
                 "minutos"),
    ("es-MX", 3, "no, aunque hoy temprano se me cayó la taza porque la mano no me respondía, y ya "
                 "se me pasó"),
    ("es-US", 0, "tengo la cara caída de un lado desde que me desperté"),
    ("es-ES", 3, "me he despertado con medio cuerpo que no me responde"),
    ("es-MX", 0, "mi niño no deja de convulsionar"),
    ("es-US", 3, "mi abuelo está muy somnoliento y no se le puede despertar bien"),
    ("es-ES", 0, "tengo la garganta tan hinchada que casi no puedo tragar ni respirar"),
    ("es-MX", 3, "ahorita me dio un mareo muy fuerte y no puedo caminar derecho"),
    ("es-US", 0, "me siento como si me fuera a desmayar y me duele el pecho"),
    ("es-ES", 3, "mi padre está sudando muchísimo, pálido y con dolor en el brazo izquierdo"),
    ("es-MX", 0, "tengo fiebre muy alta, me duele horrible la cabeza y no puedo doblar el cuello"),
]
OWN_NOT_EMERGENCIES_C = [
    ("es-MX", 0, "hace cinco años tuve un infarto"),
    ("es-ES", 4, "mi papá murió de un infarto"),
    ("es-US", 0, "me da miedo que me dé un derrame"),
    ("es-MX", 4, "casi me desmayo del susto"),
    ("es-ES", 0, "me quedé sin aire de tanto reír"),
    ("es-US", 4, "me mareo cuando me paro rápido"),
    ("es-MX", 0, "la cabeza me va a explotar con tanto trabajo"),
    ("es-ES", 4, "mi jefe me tiene hasta la coronilla"),
    ("es-US", 0, "me muero de sueño"),
    ("es-MX", 0, "a mi abuelo le dio un aire hace años y se le quedó la cara chueca"),
    ("es-US", 3, "mi papá tuvo un stroke en 2019 y ya se recuperó"),
    ("es-ES", 0, "me dio un bajón de azúcar la semana pasada pero comí algo y bien"),
    ("es-MX", 3, "me muero de miedo de que sea algo grave"),
    ("es-US", 0, "casi me da un ataque de risa"),
    ("es-ES", 3, "me quedé de piedra cuando me lo dijeron"),
    ("es-MX", 0, "cuando era niño me dieron convulsiones por fiebre"),
    ("es-US", 3, "no, no tengo dolor de pecho ni nada de eso"),
    ("es-ES", 0, "se me duerme el pie cuando cruzo las piernas mucho rato"),
    ("es-MX", 0, "no, nada de eso, solo el tic que me brinca"),
    ("es-US", 3, "no, mi mamá tuvo convulsiones de niña pero ya no"),
    ("es-ES", 0, "mi abuelo murió de un ictus hace muchos años"),
    ("es-MX", 3, "no, me dio miedo cuando leí que puede ser un derrame, pero no tengo nada"),
    ("es-US", 0, "una vez hace mucho me desmayé en la escuela por no desayunar"),
    ("es-ES", 3, "el año pasado me dio una parálisis facial pero ya se me curó"),
    ("es-MX", 0, "no, ni la cara ni el brazo ni nada"),
    ("es-US", 3, "ni dolor de pecho ni nada, nomás el cuello"),
    ("es-ES", 0, "el médico dijo que lo de la cara hace dos años fue una parálisis de Bell y ya "
                 "está curado"),
    ("es-MX", 3, "me quedé sin palabras cuando me lo dijo"),
    # figures of speech: shame, a coughing or panic attack, fright, laughter, tiredness, children
    ("es-MX", 0, "me dio un vuelco el corazón cuando vi el precio"),
    ("es-ES", 3, "se me heló la sangre con la noticia"),
    ("es-MX", 0, "se me cayó la cara de vergüenza cuando me lo dijeron"),
    ("es-US", 3, "anoche me dio un ataque de tos horrible por la gripa"),
    ("es-US", 0, "me dio un ataque de pánico la semana pasada"),
    ("es-ES", 3, "me quedé paralizado de miedo cuando vi la araña"),
    ("es-MX", 0, "la película me dejó sin aliento"),
    ("es-MX", 3, "me ahogué de la risa con el chiste"),
    ("es-US", 0, "se me paró el corazón del susto, pero ya estoy bien"),
    ("es-US", 3, "estoy muerto de cansancio"),
    ("es-ES", 0, "los niños me van a volver loca, me va a estallar la cabeza"),
]


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_EMERGENCIES_C)
def test_every_spanish_emergency_sign_in_my_own_words(locale: str, noes: int, words: str) -> None:
    speech = _said_after(locale, noes, words)
    assert content_for(locale).call in speech.split(".")[0], speech


@pytest.mark.parametrize(("locale", "noes", "words"), OWN_NOT_EMERGENCIES_C)
def test_spanish_words_that_only_sound_like_an_emergency(locale: str, noes: int,
                                                         words: str) -> None:
    speech = _said_after(locale, noes, words)
    assert content_for(locale).call not in speech.split(".")[0], speech


# Whole answers of this work's own at each question, judged as the people corpus judges its
# lines (tests/people.py): understood, and no safety misread (a denied or past sign recorded, a
# reported sign lost, an emergency missed, a false emergency).
OWN_CASES = [
    ("es-MX", "numbness", "denied", "numbness", "no, hormigueo no tengo, nomás el tic"),
    ("es-MX", "numbness", "denied", "numbness", "ni hormigueo ni nada, gracias a dios"),
    ("es-ES", "weakness", "denied", "weakness",
     "fuerza tengo la de siempre, abro los botes sin problema"),
    ("es-ES", "weakness", "denied", "weakness", "no se me cae nada de las manos"),
    ("es-ES", "weakness", "denied", "weakness", "que no, que tengo fuerza de sobra"),
    ("es-US", "swallowing", "denied", "swallowing", "como y trago normal, sin problema"),
    ("es-US", "swallowing", "denied", "swallowing", "no me atraganto con nada"),
    ("es-US", "swallowing", "denied", "swallowing", "para nada, la comida me pasa bien"),
    ("es-MX", "speech", "denied", "speech", "hablo igual que siempre"),
    ("es-MX", "speech", "denied", "speech", "no se me traba la lengua para nada"),
    ("es-MX", "speech", "denied", "speech", "mi voz está normal, nadie me ha dicho nada"),
    ("es-ES", "balance", "denied", "balance", "camino perfectamente, ni mareos ni nada"),
    ("es-ES", "balance", "denied", "balance", "el equilibrio lo tengo bien"),
    ("es-ES", "balance", "denied", "balance", "no me tropiezo ni me mareo"),
    ("es-US", "breathless", "denied", "breathless", "respiro sin problema, acostado y de pie"),
    ("es-US", "breathless", "denied", "breathless", "no me falta el aire para nada"),
    ("es-US", "breathless", "denied", "breathless", "duermo con una sola almohada y respiro bien"),
    ("es-MX", "screen", "not_now", "emergency_now", "mi abuelo tuvo un derrame hace diez años"),
    ("es-MX", "screen", "not_now", "emergency_now",
     "de chiquito me dieron convulsiones por la fiebre"),
    ("es-MX", "screen", "not_now", "emergency_now", "me desmayé una vez en una boda hace años"),
    ("es-ES", "stroke_signs", "not_now", "face_droop",
     "hace tres años tuve una parálisis facial y se me curó"),
    ("es-ES", "stroke_signs", "not_now", "face_droop",
     "a mi madre se le torció la boca cuando tuvo el ictus, pero eso fue en 2018"),
    ("es-US", "injury", "not_now", "injury", "me caí de la bici cuando era niño"),
    ("es-US", "injury", "not_now", "injury", "tuve un accidente de carro hace como quince años"),
    ("es-MX", "screen", "no", None, "no, nada de eso, gracias"),
    ("es-MX", "screen", "no", None, "ninguna de esas cosas, solo el tic"),
    ("es-MX", "screen", "no", None, "no, todo bien, nomás me brinca el cuello"),
    ("es-ES", "screen", "not_now", "emergency_now", "casi me da algo del susto cuando vi el tic"),
    ("es-US", "numbness", "sign", "numbness",
     "a veces siento como toques eléctricos que bajan por el brazo"),
    ("es-US", "numbness", "sign", "numbness", "se me duermen los dedos de la mano derecha"),
    ("es-MX", "weakness", "sign", "weakness", "se me caen las cosas de la mano últimamente"),
    ("es-MX", "weakness", "sign", "weakness", "me cuesta abrir los frascos, no tengo fuerza"),
    ("es-MX", "swallowing", "emergency", None,
     "no, tragar bien, pero mi esposa se acaba de desmayar en la cocina"),
    ("es-MX", "swallowing", "emergency", None,
     "pues no... oiga, es que ahorita se me está durmiendo la cara del lado derecho"),
    ("es-US", "duration", "emergency", None,
     "como tres semanas, pero ahorita lo que me preocupa es que no puedo respirar bien y tengo "
     "los labios morados"),
    ("es-US", "duration", "emergency", None,
     "un mes más o menos, y ayer en la noche se me trabó la lengua como diez minutos"),
    ("es-ES", "medicine", "emergency", None,
     "sí, un antibiótico, y desde que me lo he tomado tengo la cara hinchada y me pita el pecho"),
    ("es-ES", "medicine", "emergency", None,
     "no, ninguno, pero mi marido dice que tengo la boca torcida desde hace un rato"),
    ("es-MX", "lifestyle", "emergency", None,
     "mucho estrés, y fíjese que ahorita mi hijo se puso morado y no respira bien"),
    ("es-MX", "lifestyle", "emergency", None,
     "fumo, y hace rato sentí como un golpe en la cabeza, el peor dolor de mi vida"),
    ("es-US", "balance", "emergency", None,
     "sí, hace como una hora me fui de lado de repente y no me podía parar"),
    ("es-US", "balance", "emergency", None,
     "mi esposo sí, ahorita no puede caminar y arrastra la pierna derecha"),
    ("es-ES", "weakness", "emergency", None,
     "hace diez minutos se me ha dormido el brazo izquierdo entero y no lo puedo levantar"),
    ("es-ES", "weakness", "emergency", None,
     "sí, esta mañana no podía sujetar la taza con la derecha, ya se me ha pasado"),
    ("es-MX", "numbness", "emergency", None,
     "sí, pero de repente, hace un ratito, toda la mitad del cuerpo"),
    ("es-MX", "numbness", "emergency", None,
     "mi papá dice que no siente la mitad de la cara desde que se despertó"),
    ("es-US", "speech", "emergency", None,
     "mi esposa dice que ahorita estoy hablando raro y la verdad no me salen las palabras"),
    ("es-US", "speech", "emergency", None,
     "sí, esta mañana no me salían las palabras por unos minutos, ya estoy bien"),
    ("es-ES", "screen", "emergency", None,
     "a mi hijo le ha picado una abeja y se le está cerrando la garganta"),
    ("es-ES", "screen", "emergency", None,
     "tengo una presión en el pecho que me baja por el brazo y estoy mareado"),
    ("es-MX", "stroke_signs", "emergency", None,
     "no que yo sepa... bueno, mi hermana dice que ayer tenía la sonrisa chueca un rato"),
    ("es-MX", "stroke_signs", "emergency", None,
     "no, pero hace una hora dejé de ver de un ojo unos segundos"),
    ("es-US", "screen", "emergency", None,
     "mi abuela está bien rara, no sabe ni en qué año estamos y eso empezó hoy"),
    ("es-US", "screen", "emergency", None,
     "mi novio se golpeó la cabeza y ahora está vomitando y muy dormido"),
    ("es-ES", "stroke_signs", "emergency", None,
     "pues sí, hace un rato se me ha quedado la mano derecha muerta unos minutos"),
    ("es-ES", "stroke_signs", "emergency", None,
     "mi mujer ha tenido la cara como caída de un lado, ahora ya está bien"),
    ("es-MX", "screen", "other_person", None,
     "le pregunto por mi esposo que tiene el tic en el cuello"),
    ("es-MX", "screen", "other_person", None, "es para mi mamá, ella no sabe usar esto"),
    ("es-US", "screen", "not_now", "emergency_now",
     "mi tía tuvo un derrame el año pasado y quedó bien"),
    ("es-US", "screen", "not_now", "emergency_now", "mi papá falleció de un infarto"),
    ("es-ES", "stroke_signs", "no", None, "qué va, no he tenido nada de eso nunca"),
    ("es-MX", "breathless", "not_now", "breathless",
     "solo cuando subo las escaleras muy rápido me falta el aire, pero es normal"),
    ("es-MX", "breathless", "not_now", "breathless",
     "la semana pasada con la gripa me faltaba el aire, pero ya se me quitó"),
    ("es-US", "numbness", "not_now", "numbness",
     "se me durmió el pie por estar sentado con las piernas cruzadas"),
    ("es-US", "numbness", "not_now", "numbness",
     "el año pasado tuve hormigueo por el túnel carpiano, ya me operaron"),
    ("es-ES", "swallowing", "denied", "swallowing", "trago perfectamente, como de todo"),
    ("es-ES", "swallowing", "denied", "swallowing",
     "no me atraganto ni con el agua ni con la comida"),
    # short ones, and regional words for fainting, a fit, someone not themselves
    ("es-MX", "screen", "emergency", None, "me duele mucho el pecho"),
    ("es-MX", "screen", "emergency", None, "no respiro"),
    ("es-MX", "screen", "emergency", None, "se me cierra la garganta"),
    ("es-MX", "screen", "emergency", None, "mi hijo no respira"),
    ("es-MX", "screen", "emergency", None, "me estoy desmayando"),
    ("es-MX", "screen", "emergency", None, "tengo la boca chueca"),
    ("es-MX", "screen", "emergency", None, "veo doble"),
    ("es-MX", "screen", "emergency", None, "me zumba la cabeza y no veo nada"),
    ("es-MX", "screen", "emergency", None, "Juan se cayó y no contesta"),
    ("es-MX", "screen", "emergency", None, "mi viejo está muy malo, no habla"),
    ("es-MX", "screen", "emergency", None, "le está dando un derrame a mi suegra"),
    ("es-US", "screen", "emergency", None, "siento que me muero"),
    ("es-US", "screen", "emergency", None, "me late el corazón muy fuerte y me duele el pecho"),
    ("es-US", "screen", "emergency", None,
     "tengo el brazo izquierdo dormido desde hace media hora"),
    ("es-US", "screen", "emergency", None, "se me durmió la cara hace cinco minutitos"),
    ("es-US", "screen", "emergency", None, "my mom fainted, no despierta"),
    ("es-US", "screen", "emergency", None, "estoy botando espuma por la boca"),
    ("es-US", "screen", "emergency", None,
     "tengo un ataque de asma y el inhalador no me hace nada"),
    ("es-US", "screen", "emergency", None, "mi esposa tuvo una convulsión hace un momentito"),
    ("es-ES", "screen", "emergency", None, "me ahogo"),
    ("es-ES", "screen", "emergency", None, "me está dando un infarto"),
    ("es-ES", "screen", "emergency", None, "tengo un dolor de cabeza que me va a reventar"),
    ("es-ES", "screen", "emergency", None, "mi marido está muy raro, no me conoce"),
    ("es-ES", "screen", "emergency", None, "me ha dado un vahído y no siento la mano"),
    ("es-ES", "screen", "emergency", None, "a mi padre se le ha torcido la cara hace un momento"),
    ("es-ES", "screen", "emergency", None, "mi madre se ha desvanecido"),
    ("es-ES", "screen", "emergency", None, "usted perdone, pero me duele el pecho una barbaridad"),
    ("es-ES", "screen", "emergency", None, "no puedo mover la pierna derecha desde hace un rato"),
    ("es-MX", "weakness", "emergency", None,
     "sí, pero es que de la nada se me quedó sin fuerza el brazo"),
    ("es-MX", "weakness", "emergency", None,
     "mi esposo sí, desde hace una hora no puede levantar el brazo derecho"),
    ("es-US", "numbness", "emergency", None,
     "sí, y de repente se me durmió la lengua y media cara"),
    ("es-US", "numbness", "emergency", None,
     "hace poquito se me durmió toda la pierna y el brazo del mismo lado"),
    # an emergency after a leading no, in the ways a no opens a story
    ("es-US", "weakness", "emergency", None,
     "no, eso no, pero me está doliendo el pecho muy fuerte"),
    ("es-ES", "swallowing", "emergency", None, "no, oiga, se me acaba de caer la cara de un lado"),
    ("es-MX", "duration", "emergency", None, "no, fíjese que mi esposa no puede respirar"),
    ("es-US", "screen", "emergency", None,
     "no, solo que hace un rato no podía mover el brazo derecho"),
    ("es-ES", "weakness", "emergency", None, "no, es que mi papá se desmayó"),
    ("es-MX", "swallowing", "emergency", None, "no, espere, me está doliendo el pecho muy fuerte"),
    ("es-US", "duration", "emergency", None, "no, perdón, se me acaba de caer la cara de un lado"),
    ("es-ES", "screen", "emergency", None, "no, mire, mi esposa no puede respirar"),
    ("es-MX", "weakness", "emergency", None,
     "no, a ver, hace un rato no podía mover el brazo derecho"),
    ("es-US", "swallowing", "emergency", None, "no, o sea, mi papá se desmayó"),
    ("es-ES", "duration", "emergency", None, "no, pues me está doliendo el pecho muy fuerte"),
    ("es-MX", "screen", "emergency", None, "no, no, se me acaba de caer la cara de un lado"),
    ("es-US", "weakness", "emergency", None,
     "no, ya le dije que no, pero mi esposa no puede respirar"),
    ("es-ES", "swallowing", "emergency", None,
     "nada de eso, pero hace un rato no podía mover el brazo derecho"),
    ("es-MX", "duration", "emergency", None, "para nada, aunque mi papá se desmayó"),
    ("es-US", "screen", "emergency", None, "no creo, pero me está doliendo el pecho muy fuerte"),
    ("es-ES", "weakness", "emergency", None, "no sé, pero se me acaba de caer la cara de un lado"),
    ("es-MX", "swallowing", "emergency", None, "no tanto, pero mi esposa no puede respirar"),
    ("es-US", "duration", "emergency", None,
     "no exactamente, pero hace un rato no podía mover el brazo derecho"),
    ("es-ES", "screen", "emergency", None, "que no, que mi papá se desmayó"),
    ("es-MX", "weakness", "emergency", None,
     "no, tranquila, pero me está doliendo el pecho muy fuerte"),
    ("es-US", "swallowing", "emergency", None,
     "no, ahorita no, bueno, se me acaba de caer la cara de un lado"),
    ("es-ES", "duration", "emergency", None, "no, nomás que mi esposa no puede respirar"),
    ("es-MX", "screen", "emergency", None,
     "no, salvo que hace un rato no podía mover el brazo derecho"),
    ("es-MX", "numbness", "denied", "numbness", "no, mija, hormigueo no tengo"),
    ("es-ES", "screen", "no", None, "no, hombre, dolor de pecho no tengo"),
    # a sign that passed in a moment, a bystander's or a relative's
    ("es-MX", "stroke_signs", "emergency", None,
     "sí, hace ratito se me torció la boca pero ya volví a la normalidad"),
    ("es-MX", "stroke_signs", "emergency", None,
     "me duró como cinco minutos que no podía hablar, ya pasó"),
    ("es-MX", "stroke_signs", "emergency", None,
     "fue un momentito nada más que vi negro de un ojo"),
    ("es-US", "screen", "emergency", None, "una señora aquí en la tienda se cayó y no responde"),
    ("es-US", "screen", "emergency", None, "el señor de al lado está tirado en la banqueta"),
    ("es-US", "screen", "emergency", None, "la nena se puso azul y no respira"),
    ("es-US", "screen", "emergency", None, "mi chamaco se pegó en la cabeza y está convulsionando"),
    ("es-US", "screen", "emergency", None, "a mi señora se le durmió medio cuerpo hace rato"),
    ("es-ES", "screen", "emergency", None,
     "mi compañera de trabajo se ha desmayado y no reacciona"),
    ("es-ES", "screen", "emergency", None,
     "el abuelo no puede levantar el brazo y habla raro desde hace un rato"),
    ("es-ES", "screen", "emergency", None,
     "mi marido, que está aquí conmigo, tiene la boca torcida y no le entiendo"),
    # a question about what is happening now, in the subjunctive it takes
    ("es-MX", "screen", "emergency", None, "¿es normal que se me duerma medio cuerpo de repente?"),
    ("es-MX", "screen", "emergency", None, "¿por qué se me cayó la cara de un lado hace rato?"),
    ("es-MX", "screen", "emergency", None, "¿es grave que me duela el pecho así ahorita?"),
    ("es-MX", "screen", "emergency", None, "¿debo preocuparme si ahorita no puedo respirar bien?"),
    ("es-MX", "screen", "emergency", None, "¿qué hago? mi papá se desmayó"),
    ("es-US", "lifestyle", "emergency", None,
     "estrés, pero oye, ¿es normal que se me trabe la lengua de repente como ahorita?"),
    ("es-US", "lifestyle", "emergency", None, "¿qué causa que de repente no pueda mover el brazo?"),
    ("es-ES", "duration", "emergency", None,
     "¿y por qué me ha dado este dolor de cabeza tan bestia de golpe?"),
    ("es-ES", "duration", "emergency", None, "¿eso es grave? porque ahora mismo veo doble"),
    ("es-MX", "screen", "not_now", "emergency_now", "¿un tic puede ser señal de un derrame?"),
    ("es-MX", "screen", "not_now", "emergency_now", "¿qué pasa si me da un infarto?"),
    ("es-MX", "screen", "not_now", "emergency_now",
     "leí que los tics pueden ser de un derrame, ¿es cierto?"),
    # a yes with its detail, someone else's check, a sign named beside a denial
    ("es-MX", "swallowing", "yes", None, "sí, a veces se me va la comida por otro lado y toso"),
    ("es-MX", "swallowing", "yes", None, "pues sí, me atraganto con el agua seguido"),
    ("es-MX", "swallowing", "yes", None, "la verdad sí, siento que se me atora el bocado"),
    ("es-ES", "speech", "yes", None, "sí, me dicen que hablo como arrastrando"),
    ("es-ES", "speech", "yes", None, "algo sí, noto la lengua torpe al hablar"),
    ("es-US", "weakness", "yes", None, "sí, se me resbalan las cosas de las manos"),
    ("es-US", "weakness", "yes", None, "un poco, me cuesta abrir los frascos"),
    ("es-US", "weakness", "yes", None, "sí, la mano derecha la tengo más débil"),
    ("es-MX", "balance", "yes", None, "sí, me tropiezo mucho últimamente"),
    ("es-MX", "balance", "yes", None, "camino como borracho a veces"),
    ("es-ES", "numbness", "yes", None, "sí, un hormigueo que me baja hasta los dedos"),
    ("es-ES", "numbness", "yes", None, "tengo la mano como acorchada"),
    ("es-US", "wasting", "yes", None, "sí, el músculo de la mano se ve hundido"),
    ("es-US", "wasting", "yes", None, "se me ve más flaco el brazo izquierdo"),
    ("es-MX", "spreading", "yes", None, "sí, también en las piernas y en la espalda"),
    ("es-MX", "spreading", "yes", None, "ahora me brinca todo el cuerpo"),
    ("es-ES", "stiffness", "yes", None, "sí, me dan calambres por la noche"),
    ("es-ES", "stiffness", "yes", None, "tengo los músculos agarrotados"),
    ("es-US", "screen", "other_person", None, "esto es para mi papá, yo le ayudo a contestar"),
    ("es-US", "screen", "other_person", None,
     "estoy preguntando por mi vecina que no habla inglés"),
    ("es-MX", "numbness", "sign", "stiffness",
     "hormigueo no, pero sí calambres en las pantorrillas"),
    ("es-ES", "weakness", "sign", "balance", "fuerza sí tengo, pero me mareo mucho al caminar"),
    # relatives and bystanders in the three regions' words
    ("es-US", "screen", "emergency", None,
     "my husband, mi esposo, no puede hablar y tiene la cara caída"),
    ("es-US", "screen", "emergency", None, "mi mom está bien confused, no sabe dónde está"),
    ("es-US", "screen", "emergency", None,
     "a mi hermano le dio un seizure hace rato y sigue medio ido"),
    ("es-US", "screen", "emergency", None,
     "mi suegra está bien pálida y sudando, dice que le aprieta el pecho"),
    ("es-ES", "screen", "emergency", None,
     "mi hija se ha puesto morada después de comerse una gamba"),
    ("es-ES", "screen", "emergency", None, "el yayo no se tiene en pie y habla muy raro"),
    ("es-ES", "screen", "emergency", None,
     "a mi mujer se le ha dormido el brazo y la pierna del mismo lado"),
    ("es-ES", "screen", "emergency", None,
     "mi chaval se ha dado un golpe en la cabeza y no para de vomitar"),
    ("es-MX", "screen", "emergency", None, "mi jefecita se desvaneció en la misa"),
    ("es-MX", "screen", "emergency", None,
     "a mi compadre se le durmió la mitad de la cara en la fiesta"),
    ("es-MX", "screen", "emergency", None,
     "mi chamaca tiene la boca hinchadísima y le silba el pecho"),
    ("es-MX", "screen", "emergency", None,
     "mi abuelito tiene los labios morados y respira con ruido"),
    ("es-US", "weakness", "emergency", None,
     "yo no, pero mi papá ahorita no puede levantar ni un vaso con la derecha"),
    ("es-US", "weakness", "emergency", None,
     "mi esposa de repente no puede caminar, se le dobla la pierna"),
    ("es-ES", "speech", "emergency", None,
     "yo hablo bien, pero mi padre lleva un rato diciendo cosas sin sentido"),
    ("es-ES", "speech", "emergency", None,
     "mi madre sí, desde hace media hora se le traba la lengua"),
    ("es-MX", "screen", "not_now", "emergency_now",
     "mi papá tuvo un infarto hace cinco años y está bien"),
    ("es-MX", "screen", "not_now", "emergency_now",
     "a mi tía le dio una embolia en 2015 y quedó con secuelas"),
    # at the launch, with the invocation said in Spanish
    ("es-MX", "launch", "emergency", None,
     "Alexa, abre revisión de tic en el cuello, mi esposo no puede hablar y tiene la boca chueca"),
    ("es-MX", "launch", "emergency", None,
     "abre revisión de tic en el cuello, me duele el pecho horrible"),
    ("es-MX", "launch", "emergency", None,
     "revisión de tic en el cuello, ayuda, mi mamá se desmayó"),
    ("es-US", "launch", "emergency", None,
     "Alexa, pregúntale a revisión de tic en el cuello qué hago, no puedo respirar"),
    ("es-US", "launch", "emergency", None, "open neck twitch check, mi papá está convulsionando"),
    ("es-ES", "launch", "emergency", None,
     "Alexa, abre revisión de tic en el cuello, que se me ha dormido medio cuerpo de golpe"),
    ("es-ES", "launch", "emergency", None,
     "abre revisión de tic en el cuello, tengo el peor dolor de cabeza de mi vida"),
    ("es-MX", "launch", "other_person", None,
     "Alexa, abre revisión de tic en el cuello, es para mi hija"),
    ("es-MX", "launch", "other_person", None,
     "abre revisión de tic en el cuello que quiero checar a mi esposo"),
    # standing up fast, travel sickness, a past palsy: no sign now
    ("es-MX", "balance", "not_now", "balance", "me mareé en el camión porque iba leyendo"),
    ("es-MX", "balance", "not_now", "balance",
     "solo cuando me levanto muy rápido de la cama me mareo un segundito"),
    ("es-US", "stroke_signs", "not_now", "face_droop",
     "hace como seis meses tuve parálisis de Bell, ya estoy bien"),
    ("es-US", "swallowing", "not_now", "swallowing",
     "una vez me atraganté con una espina de pescado hace años"),
    ("es-MX", "screen", "no", None, "nada de eso, gracias a Dios"),
]


@cache
def _judge_speaker() -> Any:
    from test_people_corpus_es import SpanishSpeaker

    return SpanishSpeaker(InProcess(storage="none"))


@pytest.mark.parametrize(("locale", "at", "expect", "sign", "words"), OWN_CASES)
def test_my_own_spanish_answers_are_understood_safely(locale: str, at: str, expect: str,
                                                      sign: str | None, words: str) -> None:
    from people import Case, judge

    extra = {"sign": sign} if sign else {}
    result = judge(Case("own", locale, at, expect, words, extra), _judge_speaker())
    assert result.unsafe is None and result.understood, (result.unsafe, result.seen)



# Four hundred and sixty more sentences of this work's own (issue 24's last round; none is in a
# corpus or a model), written for the kinds the held-out figures said were missed: emergencies
# told by relatives in each region's lay words (a face pulled or hanging, an arm that hangs,
# speech gone, "le ha dado un jamacuco"), breathing, swelling, fits, confusion, meningitis
# signs, thunderclap headaches, Spanglish, a leading "no", follow-ups answered with how fast;
# and words that only sound like one: a relative's history, figures, ordinary causes, fears,
# denials. Judged as the corpus judges its lines: no safety misread.
OWN_EMERGENCY_D = [
    ('es-MX', 'screen', 'emergency', None, 'mi apá tiene la boca jalada para un lado'),
    ('es-MX', 'numbness', 'emergency', None, 'a mi jefa se le jaló la cara de repente'),
    ('es-US', 'screen', 'emergency', None, 'mi esposo tiene la cara como colgada de un lado'),
    ('es-ES', 'screen', 'emergency', None, 'a mi padre se le ha quedado la cara descolgada'),
    ('es-ES', 'speech', 'emergency', None,
     'mi madre tiene la boca desviada hacia un lado desde hace un rato'),
    ('es-US', 'screen', 'emergency', None,
     'mi abuelita no puede cerrar un ojo y se le cae la boca'),
    ('es-MX', 'weakness', 'emergency', None,
     'mi señora no puede levantar el brazo izquierdo, se le cae solito'),
    ('es-ES', 'weakness', 'emergency', None, 'mi marido tiene el brazo derecho muerto, le cuelga'),
    ('es-US', 'balance', 'emergency', None,
     'mi papá no me aprieta la mano con la derecha, no tiene nada de fuerza de ese lado'),
    ('es-MX', 'screen', 'emergency', None,
     'mi tío habla como si estuviera borracho y no ha tomado nada'),
    ('es-ES', 'screen', 'emergency', None,
     'mi abuelo habla con la lengua de trapo desde esta mañana'),
    ('es-US', 'speech', 'emergency', None,
     'mi mamá de pronto ya no pudo hablar, nomás hace ruidos'),
    ('es-MX', 'speech', 'emergency', None,
     'mi hermano se quedó mudo de repente, no le sale ni una palabra'),
    ('es-ES', 'speech', 'emergency', None, 'mi suegra no articula bien, se le ha ido el habla'),
    ('es-US', 'screen', 'emergency', None,
     'mi esposa está hablando puras cosas raras que no tienen sentido'),
    ('es-MX', 'balance', 'emergency', None,
     'mi abuelo se va de lado al caminar desde hace una hora y no se puede sostener'),
    ('es-ES', 'screen', 'emergency', None, 'mi padre no ve nada por el ojo izquierdo de repente'),
    ('es-US', 'screen', 'emergency', None, 'mi esposo dice que ve todo doble desde hace rato'),
    ('es-MX', 'screen', 'emergency', None, 'se me apagó la vista de un ojo hace ratito'),
    ('es-ES', 'screen', 'emergency', None, 'veo como una cortina negra en un ojo'),
    ('es-US', 'numbness', 'emergency', None,
     'se me durmió todo el lado derecho, la cara, el brazo y la pierna'),
    ('es-MX', 'numbness', 'emergency', None, 'tengo dormido medio cuerpo desde hace una hora'),
    ('es-ES', 'weakness', 'emergency', None, 'de repente no puedo mover la mano derecha'),
    ('es-US', 'weakness', 'emergency', None, 'ahorita se me cayó el brazo, no lo puedo levantar'),
    ('es-MX', 'screen', 'emergency', None,
     'me dio un dolor de cabeza como un trancazo, el peor de mi vida'),
    ('es-ES', 'screen', 'emergency', None,
     'tengo un dolor de cabeza brutal que me ha venido de golpe'),
    ('es-US', 'duration', 'emergency', None,
     'hace media hora me dio un dolor en la nuca como un rayo'),
    ('es-MX', 'lifestyle', 'emergency', None,
     'me está dando un dolor de cabeza horroroso que nunca había sentido'),
    ('es-ES', 'stiffness', 'emergency', None,
     'me ha dado un dolor de cabeza que me ha tumbado, como un latigazo'),
    ('es-US', 'screen', 'emergency', None,
     'mi esposa se agarró la cabeza gritando que le dolía horrible y se cayó'),
    ('es-MX', 'screen', 'emergency', None,
     'siento como si me hubieran dado un balazo en la cabeza'),
    ('es-MX', 'screen', 'emergency', None, 'mi niño tiene calentura y no puede doblar el cuello'),
    ('es-ES', 'screen', 'emergency', None,
     'mi hija tiene fiebre y la nuca rígida, y le molesta la luz'),
    ('es-US', 'screen', 'emergency', None,
     'tiene fiebre alta y le salieron manchas moradas que no se quitan'),
    ('es-ES', 'stiffness', 'emergency', None,
     'tengo el cuello agarrotado y fiebre de treinta y nueve'),
    ('es-MX', 'screen', 'emergency', None, 'mi hijo tiene fiebre, vomita y no aguanta la luz'),
    ('es-US', 'screen', 'emergency', None,
     'mi bebé tiene fiebre y unos puntitos rojos que no se borran al apretar'),
    ('es-MX', 'screen', 'emergency', None,
     'mi niño está respirando muy rápido y se le hunden las costillas'),
    ('es-ES', 'screen', 'emergency', None, 'no puedo respirar, me ahogo'),
    ('es-US', 'breathless', 'emergency', None, 'me falta la respiración y no puedo ni hablar'),
    ('es-MX', 'breathless', 'emergency', None, 'ahorita no me da el aire, me estoy ahogando'),
    ('es-ES', 'breathless', 'emergency', None, 'me cuesta una barbaridad respirar ahora mismo'),
    ('es-US', 'screen', 'emergency', None,
     'mi papá está haciendo ruido al respirar y se está poniendo azul'),
    ('es-MX', 'screen', 'emergency', None,
     'mi abuela respira con mucho esfuerzo y tiene la boca morada'),
    ('es-ES', 'screen', 'emergency', None,
     'mi hijo está con un ataque de asma y el inhalador no le hace nada'),
    ('es-US', 'screen', 'emergency', None, 'tengo el pecho apretado y no me entra el aire'),
    ('es-MX', 'screen', 'emergency', None, 'mi esposa está jadeando y no puede hablar'),
    ('es-MX', 'screen', 'emergency', None, 'comí camarón y se me está hinchando la boca'),
    ('es-ES', 'screen', 'emergency', None,
     'le ha picado una avispa y se le está cerrando la garganta'),
    ('es-US', 'screen', 'emergency', None, 'se me inflamó la lengua y la siento enorme'),
    ('es-MX', 'screen', 'emergency', None,
     'a mi hija se le hincharon los ojos y los labios después de comer cacahuate'),
    ('es-ES', 'screen', 'emergency', None, 'tengo la cara inflamada y me cuesta tragar saliva'),
    ('es-US', 'screen', 'emergency', None,
     'me salieron ronchas por todo el cuerpo y siento la garganta cerrada'),
    ('es-MX', 'screen', 'emergency', None, 'a mi hijo le están dando convulsiones'),
    ('es-ES', 'screen', 'emergency', None,
     'mi hermano se ha puesto tieso y empezó a sacudirse en el suelo'),
    ('es-US', 'screen', 'emergency', None, 'mi esposo está temblando todo y echando espuma'),
    ('es-MX', 'screen', 'emergency', None,
     'a mi sobrina le dio un ataque de epilepsia y no despierta'),
    ('es-ES', 'screen', 'emergency', None, 'se le fueron los ojos para arriba y se puso a temblar'),
    ('es-US', 'screen', 'emergency', None, 'mi novia está convulsionando en el piso'),
    ('es-MX', 'screen', 'emergency', None, 'mi abuelo no sabe ni cómo se llama de repente'),
    ('es-ES', 'screen', 'emergency', None, 'mi madre está desvariando y no sabe dónde está'),
    ('es-US', 'screen', 'emergency', None, 'mi papá está delirando con la fiebre'),
    ('es-MX', 'screen', 'emergency', None,
     'mi esposo anda todo perdido, no sabe en qué día estamos'),
    ('es-ES', 'screen', 'emergency', None, 'mi abuela de repente no me reconoce'),
    ('es-US', 'screen', 'emergency', None, 'mi mamá está muy adormilada y no se despierta bien'),
    ('es-ES', 'screen', 'emergency', None,
     'mi padre no rige, dice cosas sin sentido desde esta mañana'),
    ('es-MX', 'screen', 'emergency', None, 'mi papá se quedó privado en el baño'),
    ('es-ES', 'screen', 'emergency', None, 'a mi madre le ha dado un soponcio y no responde'),
    ('es-US', 'screen', 'emergency', None, 'mi abuela se cayó y no la puedo despertar'),
    ('es-MX', 'screen', 'emergency', None, 'mi tía está tirada en el piso y no contesta'),
    ('es-ES', 'screen', 'emergency', None, 'mi marido ha perdido el conocimiento'),
    ('es-US', 'screen', 'emergency', None, 'me voy a desmayar, todo se me está poniendo negro'),
    ('es-MX', 'screen', 'emergency', None, 'siento una losa en el pecho y me sube a la quijada'),
    ('es-ES', 'screen', 'emergency', None, 'tengo una opresión en el pecho y sudor frío'),
    ('es-US', 'screen', 'emergency', None,
     'mi esposo dice que le duele el pecho y el brazo izquierdo'),
    ('es-MX', 'lifestyle', 'emergency', None, 'ahorita siento un peso en el pecho muy fuerte'),
    ('es-ES', 'duration', 'emergency', None,
     'unas semanas, pero oiga, es que mi padre ahora mismo no puede hablar'),
    ('es-MX', 'medicine', 'emergency', None,
     'no tomo nada, pero a mi esposa se le acaba de torcer la boca'),
    ('es-US', 'bladder_bowel', 'emergency', None, 'no, pero mi hijo se desmayó y no reacciona'),
    ('es-ES', 'wasting', 'emergency', None,
     'no, aunque mi madre se ha caído y no se puede levantar'),
    ('es-MX', 'spreading', 'emergency', None,
     'nomás en el cuello, pero ahorita se me nubló la vista y veo doble'),
    ('es-US', 'injury', 'emergency', None,
     'no, pero hace rato me dio un dolor de cabeza que casi me tumba'),
    ('es-MX', 'numbness', 'emergency', None, '¿por qué me duele tanto el pecho ahorita?'),
    ('es-ES', 'weakness', 'emergency', None,
     '¿es grave que se me haya torcido la boca hace un rato?'),
    ('es-US', 'speech', 'emergency', None, '¿qué causa que de repente no me salgan las palabras?'),
    ('es-US', 'screen', 'emergency', None,
     'mi husband no puede hablar bien, se le traba todo desde hace rato'),
    ('es-US', 'screen', 'emergency', None, 'tengo chest pain muy fuerte ahorita'),
    ('es-US', 'screen', 'emergency', None, 'my mom tiene la cara droopy de un lado'),
    ('es-US', 'breathless', 'emergency', None, 'no puedo breathe bien, me estoy ahogando'),
    ('es-US', 'screen', 'emergency', None, 'mi hijo está having a seizure'),
    ('es-US', 'screen', 'emergency', None, 'creo que a mi papá le está dando un stroke'),
    ('es-US', 'screen', 'emergency', None, 'mi abuela está super confused, no sabe dónde está'),
    ('es-US', 'screen', 'emergency', None,
     'se le está hinchando la face a mi niña después del peanut butter'),
    ('es-US', 'screen', 'emergency', None, 'mi papá tiene slurred speech de repente'),
    ('es-US', 'duration', 'emergency', None,
     'like two weeks, pero right now my arm is numb y no lo puedo mover'),
    ('es-MX', 'screen', 'emergency', None, 'fíjese que mi viejo amaneció con la boca torcida'),
    ('es-MX', 'screen', 'emergency', None, 'amanecí sin poder mover la mano derecha'),
    ('es-MX', 'screen', 'emergency', None, 'mi señora no me contesta, está como ida'),
    ('es-ES', 'screen', 'emergency', None,
     'me desperté y no podía mover el brazo izquierdo ni hablar bien'),
    ('es-MX', 'screen', 'emergency', None, 'a mi esposo le dio el aire, se le paralizó la cara'),
    ('es-MX', 'screen', 'emergency', None,
     'mi comadre se puso bien mala, se le torció la boca y no habla'),
    ('es-US', 'numbness', 'emergency', None, 'siento que se me entume medio cuerpo, mija'),
    ('es-MX', 'weakness', 'emergency', None,
     'de repente no me responde la mano, se me cae la cuchara'),
    ('es-MX', 'screen', 'emergency', None, 'rápido, mi hijo no respira'),
    ('es-US', 'screen', 'emergency', None, 'urgente, convulsión'),
    ('es-ES', 'screen', 'emergency', None, 'ambulancia ya, mi padre se ha desplomado'),
    ('es-MX', 'screen', 'emergency', None, 'ayuda, se desmayó mi mamá'),
    ('es-ES', 'screen', 'emergency', None, 'deprisa, mi mujer no puede respirar'),
    ('es-ES', 'screen', 'emergency', None, 'a mi madre le ha dado un ictus, creo'),
    ('es-ES', 'screen', 'emergency', None, 'a mi padre le ha dado un jamacuco y está en el suelo'),
    ('es-ES', 'screen', 'emergency', None, 'a mi abuela le ha dado un telele y no reacciona'),
    ('es-ES', 'screen', 'emergency', None,
     'mi marido se ha quedado pasmado, no habla y tiene la boca torcida'),
    ('es-ES', 'screen', 'emergency', None,
     'está blanco como la pared y sudando, dice que le duele el pecho'),
    ('es-ES', 'screen', 'emergency', None, 'me oprime el pecho como un puño'),
    ('es-ES', 'screen', 'emergency', None, 'se me ha dormido medio cuerpo de golpe'),
    ('es-ES', 'screen', 'emergency', None,
     'mi suegro no se aguanta de pie y arrastra las palabras'),
    ('es-ES', 'speech', 'emergency', None,
     'mi madre habla raro, como a cámara lenta, desde hace una hora'),
    ('es-MX', 'screen', 'emergency', None, 'mi papá está echando espumarajos por la boca'),
    ('es-MX', 'screen', 'emergency', None, 'mi apá se desvaneció y no despierta'),
    ('es-MX', 'screen', 'emergency', None, 'amaneció con la cara chueca mi abuelito'),
    ('es-MX', 'screen', 'emergency', None, 'le dio un derrame creo, no puede hablar'),
    ('es-MX', 'screen', 'emergency', None, 'mi chavo se azotó y no reacciona'),
    ('es-MX', 'screen', 'emergency', None, 'me vino un dolor de cabeza de repente fortísimo'),
    ('es-US', 'screen', 'emergency', None,
     'sentí como un tronido en la cabeza y luego un dolor horrible'),
    ('es-ES', 'screen', 'emergency', None,
     'me ha dado un dolor en la nuca como si me hubieran pegado con un bate'),
    ('es-ES', 'screen', 'emergency', None,
     'me ha estallado algo en la cabeza, nunca he tenido un dolor así'),
    ('es-MX', 'screen', 'emergency', None,
     'me duele la cabeza como nunca en mi vida, me vino de golpe'),
    ('es-MX', 'screen', 'emergency', None,
     'el niño tiene fiebre y el cuello duro y está muy decaído'),
    ('es-US', 'screen', 'emergency', None,
     'mi hija tiene manchitas moradas en las piernas y calentura'),
    ('es-ES', 'screen', 'emergency', None, 'tiene fiebre y no puede agachar la cabeza'),
    ('es-MX', 'screen', 'emergency', None,
     'tengo mucha calentura y me duele el cuello al doblarlo, y la luz me lastima'),
    ('es-MX', 'screen', 'emergency', None, 'me silba el pecho y no puedo hablar de corrido'),
    ('es-ES', 'screen', 'emergency', None, 'no me llega el aire a los pulmones'),
    ('es-MX', 'screen', 'emergency', None, 'me estoy sofocando'),
    ('es-US', 'screen', 'emergency', None, 'siento que me ahogo y tengo los labios morados'),
    ('es-ES', 'screen', 'emergency', None,
     'mi padre tiene la respiración entrecortada y se está poniendo morado'),
    ('es-MX', 'screen', 'emergency', None, 'mi bebé respira como pescadito fuera del agua'),
    ('es-US', 'breathless', 'emergency', None, 'me falta el aire hasta sentado, ahorita mismo'),
    ('es-MX', 'screen', 'emergency', None, 'mi hijo tiene la cara hecha un globo'),
    ('es-ES', 'screen', 'emergency', None, 'se le ha cerrado la garganta'),
    ('es-US', 'screen', 'emergency', None,
     'se está poniendo toda roja e hinchada y le cuesta respirar'),
    ('es-MX', 'screen', 'emergency', None,
     'se me hinchó la garganta por dentro y no me pasa ni el agua'),
    ('es-ES', 'screen', 'emergency', None,
     'me ha picado una abeja y tengo los labios como morcillas'),
    ('es-MX', 'screen', 'emergency', None, 'se puso a patalear y no responde'),
    ('es-ES', 'screen', 'emergency', None, 'está dando sacudidas en el suelo'),
    ('es-US', 'screen', 'emergency', None, 'está temblando sin control con los ojos en blanco'),
    ('es-ES', 'screen', 'emergency', None, 'mi hijo se ha caído al suelo temblando'),
    ('es-MX', 'screen', 'emergency', None,
     'le dio un ataque a mi hermano y se está moviendo todo raro'),
    ('es-MX', 'screen', 'emergency', None,
     'mi abuela está diciendo incoherencias y no sabe quién es'),
    ('es-ES', 'screen', 'emergency', None, 'mi marido se ha desorientado de golpe'),
    ('es-US', 'screen', 'emergency', None, 'no sabe ni en qué año estamos'),
    ('es-ES', 'screen', 'emergency', None, 'mi padre está perdido, no sabe ni dónde vive'),
    ('es-MX', 'screen', 'emergency', None, 'mi mamá no me conoce, me dice señora'),
    ('es-MX', 'screen', 'emergency', None, 'traigo un dolor en el pecho que me corre al brazo'),
    ('es-ES', 'screen', 'emergency', None, 'tengo como un peso en el pecho y me mareo'),
    ('es-US', 'screen', 'emergency', None, 'me aprieta el corazón y estoy sudando'),
    ('es-MX', 'numbness', 'emergency', None,
     'no, pero mi papá de repente no puede levantar el brazo'),
    ('es-ES', 'balance', 'emergency', None,
     'no, aunque a mi madre se le ha ido la cara para un lado'),
    ('es-US', 'stiffness', 'emergency', None,
     'no sé, pero ahorita me está dando un dolor de cabeza fuertísimo'),
    ('es-MX', 'lifestyle', 'emergency', None, 'café mucho, y oiga, mi señora está convulsionando'),
    ('es-ES', 'medicine', 'emergency', None,
     'no tomo nada, pero mi hijo se ha tomado unas pastillas y no despierta'),
    ('es-US', 'wasting', 'emergency', None, 'no, pero mi niña se está ahogando con algo'),
    ('es-MX', 'speech', 'emergency', None,
     'sí, de repente no me salen las palabras, ahorita mismo'),
    ('es-ES', 'weakness', 'emergency', None,
     'sí, hace un momento se me ha caído el vaso y no siento la mano'),
    ('es-MX', 'speech_sudden', 'emergency', None, 'sí, fue de golpe, hace como una hora'),
    ('es-US', 'speech_sudden', 'emergency', None, 'pues sí, de un momento a otro'),
    ('es-ES', 'speech_sudden', 'emergency', None, 'sí, esta mañana de repente'),
    ('es-MX', 'weakness_sudden', 'emergency', None, 'sí, ahorita mismo no puedo mover el brazo'),
    ('es-ES', 'weakness_sudden', 'emergency', None, 'de repente, sí, hace diez minutos'),
    ('es-US', 'weakness_sudden', 'emergency', None, 'yes, de repente'),
    ('es-MX', 'balance_sudden', 'emergency', None, 'sí, de la nada me fui de lado'),
    ('es-ES', 'balance_sudden', 'emergency', None, 'sí, fue de golpe y me caí'),
    ('es-US', 'breathless_now', 'emergency', None, 'sí, ahorita estoy así, no puedo respirar'),
    ('es-MX', 'breathless_now', 'emergency', None, 'sí, ahorita mismo me falta el aire sentada'),
    ('es-ES', 'breathless_now', 'emergency', None,
     'sí, ahora mismo, me cuesta hablar de lo que me ahogo'),
    ('es-MX', 'speech_sudden', 'emergency', None, 'creo que sí, de repente se me trabó la lengua'),
    ('es-US', 'weakness_sudden', 'emergency', None,
     'fue de repente, estaba cocinando y se me cayó la cuchara'),
    ('es-ES', 'speech_sudden', 'emergency', None, 'sí, en un momento, no me salían las palabras'),
    ('es-MX', 'balance_sudden', 'emergency', None,
     'órale sí, de golpe todo empezó a dar vueltas y me caí'),
    ('es-MX', 'stroke_signs', 'emergency', None, 'sí, ayer se me durmió la cara como media hora'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'sí, la semana pasada se me torció la boca un rato'),
    ('es-US', 'stroke_signs', 'emergency', None, 'sí, hace unos días vi doble un rato'),
    ('es-MX', 'screen', 'emergency', None,
     'este, pues fíjese que a mi viejita se le ve la cara como rara, como que de un lado '
     'no se le mueve'),
    ('es-ES', 'screen', 'emergency', None,
     'hostia, a mi padre no se le entiende nada lo que dice, tío, y tiene la cara rara'),
    ('es-US', 'screen', 'emergency', None,
     "o sea, I don't know, mi mamá está hablando bien raro y no puede levantar el brazo"),
    ('es-MX', 'screen', 'emergency', None,
     'la neta mi carnal se puso bien malo, no puede ni pararse y vomita'),
    ('es-ES', 'screen', 'emergency', None,
     'joder, me estoy mareando muchísimo y veo doble de repente'),
    ('es-MX', 'numbness', 'emergency', None,
     'sí tengo hormigueo, pero ahorita también se me está durmiendo la cara de este lado'),
    ('es-US', 'numbness', 'emergency', None,
     'sí, en la mano, y ahorita la siento bien pesada y no la puedo cerrar'),
    ('es-ES', 'weakness', 'emergency', None,
     'sí, no puedo ni coger el vaso con la izquierda desde hace un rato'),
    ('es-MX', 'weakness', 'emergency', None,
     'sí, la pierna derecha no me sostiene desde hace una hora'),
    ('es-US', 'speech', 'emergency', None,
     'sí, la gente no me entiende lo que digo desde esta mañana'),
    ('es-ES', 'speech', 'emergency', None, 'sí, desde hace un rato digo unas palabras por otras'),
    ('es-MX', 'speech', 'emergency', None,
     'sí, mi esposa dice que estoy hablando chistoso desde hace rato'),
    ('es-US', 'balance', 'emergency', None,
     'sí, desde hace un rato camino como borracho y me voy de lado'),
    ('es-ES', 'balance', 'emergency', None,
     'sí, hace media hora que no me tengo en pie, todo me da vueltas'),
    ('es-MX', 'swallowing', 'emergency', None,
     'ahorita no puedo ni tragar saliva y se me está hinchando el cuello'),
    ('es-US', 'swallowing', 'emergency', None, 'sí, se me atoró algo y no puedo respirar'),
    ('es-ES', 'breathless', 'emergency', None,
     'sí, estoy respirando fatal ahora mismo, me silba el pecho un montón'),
    ('es-MX', 'breathless', 'emergency', None,
     'sí, y ahorita estoy como jadeando, no me alcanza el aire para hablar'),
    ('es-US', 'duration', 'emergency', None,
     'un mes, pero lo que me preocupa es que mi papá ahorita no sabe ni quién soy'),
    ('es-ES', 'duration', 'emergency', None,
     'dos semanas, y por cierto, a mi madre le ha dado como un ataque, está temblando entera'),
    ('es-MX', 'medicine', 'emergency', None,
     'sí, me recetaron amoxicilina y ahorita tengo la cara y los labios hinchados'),
    ('es-US', 'medicine', 'emergency', None,
     'empecé un antibiótico ayer y ahora tengo ronchas y me cuesta respirar'),
    ('es-ES', 'lifestyle', 'emergency', None,
     'estrés mucho, pero oye, me está doliendo el pecho un montón ahora mismo'),
    ('es-MX', 'lifestyle', 'emergency', None,
     'fumo, tomo café, y ahorita siento que se me va el aire'),
    ('es-MX', 'screen', 'emergency', None,
     'mi hijo se pegó en la cabeza jugando futbol y ahora está vomitando y muy dormido'),
    ('es-ES', 'screen', 'emergency', None,
     'mi hija se ha caído de la bici, se ha dado en la cabeza y no sabe dónde está'),
    ('es-US', 'screen', 'emergency', None,
     'mi mamá se cayó en el baño, se pegó en la cabeza y está como atontada'),
    ('es-MX', 'screen', 'emergency', None,
     'mi suegro tiene la presión por las nubes y dice que no ve bien y le duele horrible '
     'la cabeza'),
    ('es-ES', 'screen', 'emergency', None,
     'tengo una migraña que no es como las de siempre, es la peor que he tenido'),
    ('es-US', 'screen', 'emergency', None,
     'me duele la cabeza como nunca y tengo el cuello tieso y fiebre'),
    ('es-MX', 'screen', 'emergency', None,
     'mi niña está muy decaída con calentura y le salieron unos puntitos morados'),
    ('es-ES', 'screen', 'emergency', None,
     'mi hijo tiene fiebre y unas manchas que no se van al apretar con un vaso'),
    ('es-MX', 'screen', 'emergency', None, 'mi papá no despierta bien, está como muy modorro'),
    ('es-US', 'screen', 'emergency', None, 'mi abuelo está muy somnoliento y no nos contesta bien'),
    ('es-ES', 'screen', 'emergency', None,
     'mi madre está muy desorientada, dice que estamos en otro año'),
    ('es-MX', 'screen', 'emergency', None, 'tengo la presión en el pecho como si me aplastaran'),
    ('es-US', 'screen', 'emergency', None,
     'siento como que me están apretando el pecho con las manos y me duele el brazo'),
    ('es-ES', 'screen', 'emergency', None,
     'tengo un dolor en el pecho que me baja por el brazo izquierdo'),
    ('es-MX', 'screen', 'emergency', None,
     'mi esposo se agarra el pecho y está todo sudado y pálido'),
    ('es-ES', 'screen', 'emergency', None, 'me he tomado todas las pastillas de la caja'),
    ('es-US', 'screen', 'emergency', None, 'mi hijo se tomó un frasco de pastillas'),
    ('es-MX', 'screen', 'emergency', None, 'me quiero morir, ya no aguanto'),
    ('es-ES', 'screen', 'emergency', None, 'tengo ganas de quitarme la vida'),
    ('es-MX', 'screen', 'emergency', None, 'mi papá está sangrando mucho de la cabeza'),
    ('es-US', 'screen', 'emergency', None, 'mi esposa se cortó y no para de sangrar'),
    ('es-ES', 'screen', 'emergency', None,
     'creo que me está dando algo, se me ha dormido el brazo y la cara'),
    ('es-MX', 'screen', 'emergency', None,
     'siento que me va a dar algo, se me entumió la boca y no puedo hablar bien'),
    ('es-US', 'screen', 'emergency', None,
     'creo que mi mamá tiene un stroke, los síntomas de RÁPIDO'),
    ('es-ES', 'screen', 'emergency', None,
     'mi abuela tiene la cara torcida, el brazo flojo y habla raro'),
    ('es-MX', 'screen', 'emergency', None,
     'mi tía de repente no podía ver de un ojo, como si le hubieran puesto una cortina'),
    ('es-US', 'screen', 'emergency', None, "I think she's having a stroke, su cara está droopy"),
    ('es-US', 'screen', 'emergency', None, 'mi papá no puede move su brazo derecho'),
    ('es-US', 'screen', 'emergency', None, 'mi abuela está slurring las palabras'),
    ('es-US', 'screen', 'emergency', None, 'tiene numbness en todo el left side'),
    ('es-US', 'screen', 'emergency', None, 'le duele mucho el chest y el brazo'),
    ('es-US', 'breathless', 'emergency', None, 'tengo shortness of breath bien fuerte ahorita'),
    ('es-US', 'screen', 'emergency', None, 'mi bebé se está turning blue'),
    ('es-US', 'screen', 'emergency', None, 'mi hijo tuvo un seizure ahorita mismo'),
    ('es-US', 'screen', 'emergency', None,
     'my husband is not making sense, dice puras cosas raras'),
    ('es-US', 'screen', 'emergency', None, 'mi tía passed out en la cocina'),
    ('es-MX', 'screen', 'emergency', None, 'no sé, creo que se me cayó un poco la cara'),
    ('es-ES', 'screen', 'emergency', None,
     'a lo mejor no es nada, pero no siento el brazo izquierdo desde hace un rato'),
    ('es-US', 'screen', 'emergency', None,
     'igual no es nada, pero veo doble desde hace media hora'),
    ('es-MX', 'screen', 'emergency', None, 'no siento nada en la mitad de la cara'),
    ('es-ES', 'screen', 'emergency', None, '¿qué hago? mi marido no puede hablar'),
    ('es-MX', 'screen', 'emergency', None, 'desde anoche tengo la boca chueca'),
    ('es-ES', 'screen', 'emergency', None,
     'ya no puedo caminar, se me doblan las piernas de golpe'),
    ('es-MX', 'screen', 'emergency', None, 'ando muy malita, se me va el mundo y me caigo'),
    ('es-ES', 'screen', 'emergency', None, 'me ha dado un bajón y me he caído redonda'),
    ('es-US', 'screen', 'emergency', None,
     'está respirando raro, como con ronquidos, y no despierta'),
    ('es-MX', 'screen', 'emergency', None,
     'no reacciona, le hablo y no me hace caso, tiene los ojos abiertos pero no responde'),
    ('es-ES', 'screen', 'emergency', None, 'se ha puesto morado y no respira bien'),
    ('es-MX', 'screen', 'emergency', None, 'le dio como un ataque y se quedó tiesa'),
    ('es-US', 'screen', 'emergency', None, 'está temblando y babeando y no me contesta'),
    ('es-MX', 'screen', 'emergency', None, 'se le trabó la quijada y está temblando'),
    ('es-ES', 'screen', 'emergency', None, 'se ha mordido la lengua y está sacudiéndose'),
    ('es-US', 'screen', 'emergency', None, 'mi hijo se está convulsionando con la fiebre'),
    ('es-MX', 'screen', 'emergency', None, 'tiene los labios azules y no puede respirar'),
    ('es-ES', 'screen', 'emergency', None,
     'tengo una sensación de que me muero, el corazón me va a mil y me duele el pecho'),
    ('es-MX', 'screen', 'emergency', None,
     'siento un dolor en el pecho como si me quemara y me sube al cuello'),
    ('es-US', 'screen', 'emergency', None,
     'tengo un dolor en la espalda entre los hombros y en el pecho, como si me rasgaran'),
    ('es-ES', 'screen', 'emergency', None,
     'me duele muchísimo la cabeza y vomito, y tengo la nuca tiesa'),
    ('es-US', 'screen', 'emergency', None,
     'mi hija tiene fiebre y no puede tocarse el pecho con la barbilla'),
    ('es-ES', 'screen', 'emergency', None, 'tiene el cuello rígido y unas manchas moradas'),
    ('es-MX', 'screen', 'emergency', None,
     'tengo la garganta tan hinchada que no me pasa ni la saliva'),
    ('es-US', 'screen', 'emergency', None,
     'me dio alergia a la penicilina, se me hinchó todo y me falta el aire'),
    ('es-ES', 'screen', 'emergency', None, 'se me han hinchado los labios y la lengua de golpe'),
    ('es-MX', 'screen', 'emergency', None, 'estoy viendo luces y no veo de un lado'),
    ('es-US', 'screen', 'emergency', None, 'perdí la vista del ojo derecho hace un ratito'),
    ('es-ES', 'screen', 'emergency', None, 'veo borroso de golpe y me cuesta hablar'),
    ('es-MX', 'screen', 'emergency', None, 'mi esposo no puede hablar ni mover el brazo'),
    ('es-US', 'screen', 'emergency', None,
     'mi mamá tiene una mano que no le sirve desde hace rato'),
    ('es-ES', 'screen', 'emergency', None,
     'a mi abuelo se le ha quedado el brazo como muerto de repente'),
    ('es-MX', 'screen', 'emergency', None, 'a mi tío se le durmió todo un lado'),
    ('es-US', 'screen', 'emergency', None,
     'se me está durmiendo el lado izquierdo de la cara y el brazo'),
    ('es-ES', 'screen', 'emergency', None, 'mi padre ha perdido la fuerza en un lado del cuerpo'),
    ('es-MX', 'screen', 'emergency', None, 'de la nada se me fue la fuerza de la pierna y me caí'),
    ('es-US', 'screen', 'emergency', None,
     'mi mamá está confundida y habla raro desde que se levantó'),
    ('es-ES', 'screen', 'emergency', None, 'mi abuela no nos reconoce desde esta mañana'),
    ('es-MX', 'swallowing', 'emergency', None, 'nel, pero ahorita se me está durmiendo la cara'),
    ('es-ES', 'speech', 'emergency', None,
     'qué va, aunque hace un rato me he quedado sin poder hablar unos minutos'),
    ('es-US', 'weakness', 'emergency', None,
     'no que yo sepa, pero mi esposa dice que tengo la boca torcida'),
    ('es-MX', 'balance', 'emergency', None,
     'no, no, lo que pasa es que mi suegra se cayó y no se puede parar'),
    ('es-ES', 'numbness', 'emergency', None,
     'no exactamente, es que de golpe no siento la mano derecha'),
    ('es-US', 'wasting', 'emergency', None, 'ahorita no, pero hace un rato no podía hablar'),
    ('es-MX', 'injury', 'emergency', None,
     'no tanto, pero me duele el pecho bien fuerte desde hace rato'),
    ('es-ES', 'bladder_bowel', 'emergency', None,
     'no, o sea, lo que me pasa ahora es que veo doble'),
    ('es-US', 'spreading', 'emergency', None, 'no, solo que mi mamá está convulsionando'),
    ('es-MX', 'stiffness', 'emergency', None,
     'no, nada más que mi hijo se desmayó hace un momento'),
    ('es-ES', 'duration', 'emergency', None,
     'no, excepto que ahora mismo me falta muchísimo el aire'),
    ('es-US', 'medicine', 'emergency', None,
     'no, salvo que se me hinchó la lengua con la pastilla nueva'),
    ('es-MX', 'lifestyle', 'emergency', None,
     'no, eso no, pero tengo un dolor de cabeza que me va a reventar, nunca así'),
    ('es-ES', 'screen', 'emergency', None, 'no, bueno, sí, me duele el pecho y me sube al cuello'),
    ('es-US', 'screen', 'emergency', None, 'no... bueno, espere, mi papá se puso morado'),
    ('es-MX', 'screen', 'emergency', None,
     'no, creo que no, aunque fíjese que se me durmió medio cuerpo hace ratito'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'no, bueno, ayer por la noche se me torció la boca un rato y luego se me pasó'),
    ('es-US', 'stroke_signs', 'emergency', None,
     'no sé si cuenta, pero la semana pasada perdí la vista de un ojo unos minutos'),
    ('es-MX', 'stroke_signs', 'emergency', None,
     'sí, creo que sí, hace dos días se me trabó la lengua una hora'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'hombre, el martes se me quedó el brazo sin fuerza un cuarto de hora'),
    ('es-US', 'swallowing', 'emergency', None,
     'no, tragar bien, pero oiga, mi hija se está poniendo morada'),
    ('es-MX', 'speech', 'emergency', None,
     'no, hablo bien, pero mi esposo ahorita no me contesta y tiene los ojos en blanco'),
    ('es-ES', 'balance', 'emergency', None,
     'no, camino bien, pero a mi madre se le ha caído la cara de un lado'),
    ('es-US', 'numbness', 'emergency', None,
     'no, pero ahorita siento que se me cierra la garganta'),
    ('es-MX', 'breathless', 'emergency', None,
     'no mucho, pero ahorita estoy que no puedo respirar'),
]
OWN_NOT_EMERGENCY_D = [
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'a mi papá le dio un derrame hace cinco años y le quedó la boca chueca'),
    ('es-ES', 'stroke_signs', 'not_now', 'face_droop',
     'a mi abuela se le quedó la cara descolgada desde el ictus de hace años'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'de chamaco me daban convulsiones con la calentura'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'hace un par de años me desmayé en la playa por el calor'),
    ('es-MX', 'speech', 'not_now', 'speech', 'de niño tartamudeaba pero ya se me quitó'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'mi abuelo murió de un infarto en el noventa y ocho'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'mi padre tuvo un ictus en 2015 y se quedó bien'),
    ('es-MX', 'balance', 'not_now', 'balance',
     'el año pasado tuve vértigo pero me lo quitaron con pastillas'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'tuve un ataque de asma de chiquito, hace mucho'),
    ('es-ES', 'weakness', 'not_now', 'weakness',
     'hace años me rompí el brazo y me quedé sin fuerza un tiempo, ahora bien'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'casi me da un patatús cuando vi el tic en el espejo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'estoy que me muero de la vergüenza de preguntar esto'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me va a dar un derrame con tanto tráfico'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'me ahogo en un vaso de agua, soy bien nerviosa'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'me estalla la cabeza de tanto pensar en el tic'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me quedé de piedra cuando lo noté'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'estoy muerta de cansancio, nada más'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'me da algo cada vez que veo la factura'),
    ('es-MX', 'balance', 'not_now', 'balance',
     'me mareé pero es que me levanté muy rápido de la cama'),
    ('es-ES', 'breathless', 'not_now', 'breathless',
     'me falta el aire cuando subo las cuestas, pero es que fumo'),
    ('es-US', 'numbness', 'not_now', 'numbness',
     'se me durmió la pierna por estar sentado con las piernas cruzadas'),
    ('es-MX', 'swallowing', 'not_now', 'swallowing',
     'me atraganté con la tortilla porque comí bien rápido'),
    ('es-ES', 'weakness', 'not_now', 'weakness',
     'tengo los brazos flojos, pero es que ayer hice pesas'),
    ('es-US', 'balance', 'not_now', 'balance', 'me mareé en el barco el fin de semana'),
    ('es-MX', 'screen', 'no', None, 'no, no tengo nada de eso, gracias a dios'),
    ('es-ES', 'screen', 'no', None, 'qué va, nada de eso, solo el tic'),
    ('es-US', 'screen', 'no', None, 'no, ni falta de aire ni dolor de pecho ni nada'),
    ('es-MX', 'speech', 'denied', 'speech', 'no, hablo normal, nadie me ha dicho nada'),
    ('es-ES', 'weakness', 'denied', 'weakness', 'no, la fuerza la tengo bien'),
    ('es-US', 'stroke_signs', 'no', None, 'no veo doble ni nada'),
    ('es-MX', 'breathless', 'denied', 'breathless',
     'no, respiro bien, nomás cuando corro me canso'),
    ('es-ES', 'balance', 'denied', 'balance', 'no me mareo ni me caigo'),
    ('es-US', 'swallowing', 'denied', 'swallowing',
     'no se me atora la comida ni me ahogo al comer'),
    ('es-MX', 'numbness', 'denied', 'numbness', 'ni hormigueo ni se me duerme nada'),
    ('es-MX', 'launch', 'other_person', None, 'es para mi mamá, a ella le brinca el ojo'),
    ('es-ES', 'screen', 'other_person', None,
     'no es para mí, es para mi marido, le tiembla el cuello desde hace semanas'),
    ('es-US', 'launch', 'other_person', None,
     'quiero revisar a mi esposo, tiene un tic en el cuello'),
    ('es-MX', 'numbness', 'sign', 'numbness', 'se me duermen las manos en las noches'),
    ('es-ES', 'weakness', 'sign', 'weakness',
     'me cuesta abrir los botes, no tengo fuerza en las manos'),
    ('es-US', 'swallowing', 'sign', 'swallowing', 'a veces se me atora la comida'),
    ('es-MX', 'speech', 'sign', 'speech', 'últimamente se me traba la lengua al hablar'),
    ('es-ES', 'balance', 'sign', 'balance', 'me tropiezo mucho últimamente'),
    ('es-US', 'wasting', 'sign', 'wasting', 'el brazo derecho se me ve más flaco que el otro'),
    ('es-MX', 'numbness', 'causes', None, '¿y eso de qué es, por qué me da?'),
    ('es-ES', 'screen', 'serious', None, '¿esto es grave? ¿puede ser ELA?'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'a mi abuela le dio un infarto en el 2010, pero ya falleció'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'mi madre es epiléptica pero está controlada, a mí nunca me ha dado nada'),
    ('es-ES', 'stroke_signs', 'not_now', 'face_droop',
     'tuve parálisis facial hace cuatro años y se me quitó con cortisona'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'de joven me dio un ataque de asma muy fuerte, pero hace siglos de eso'),
    ('es-US', 'stroke_signs', 'not_now', 'face_droop',
     'mi abuelito quedó con la boca chueca desde su embolia, hace años'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'una vez me desmayé en la secundaria por no desayunar'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'de pequeña tuve convulsiones febriles, nada más'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'casi me da un infarto cuando vi que me brincaba el cuello'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me muero de miedo de que sea algo malo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'me va a dar algo con tanto tic, de verdad'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'me quedé helada cuando lo vi'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'estoy que no vivo con este tic'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me dio un ataque de risa cuando lo noté'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'ando como loca, ya no sé ni en qué día vivo de tanto trabajo'),
    ('es-MX', 'balance', 'not_now', 'balance', 'me mareo cuando me paro rápido, nomás eso'),
    ('es-ES', 'breathless', 'not_now', 'breathless',
     'me ahogo un poco cuando subo cuestas, pero es que estoy fuera de forma'),
    ('es-US', 'numbness', 'not_now', 'numbness', 'se me durmió el pie de estar en cuclillas'),
    ('es-MX', 'swallowing', 'not_now', 'swallowing',
     'me atraganté con un hueso de pollo el domingo, pero ya'),
    ('es-ES', 'stiffness', 'not_now', 'stiffness', 'tengo agujetas de la clase de spinning'),
    ('es-MX', 'balance', 'not_now', 'balance', 'amanecí un poco mareada porque tomé de más anoche'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me da miedo que sea un derrame'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', '¿y si me da una convulsión?'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', '¿esto puede acabar en un ictus?'),
    ('es-US', 'speech', 'not_now', 'speech', '¿qué pasa si se me empieza a trabar la lengua?'),
    ('es-MX', 'screen', 'no', None, 'no, no me falta el aire ni me duele el pecho ni nada de eso'),
    ('es-ES', 'screen', 'no', None, 'no, ni convulsiones ni fiebre ni nada'),
    ('es-US', 'screen', 'no', None, 'nada de eso, no tengo la cara caída ni nada'),
    ('es-MX', 'stroke_signs', 'no', None,
     'no, no se me ha torcido la boca ni se me ha dormido nada'),
    ('es-ES', 'stroke_signs', 'no', None, 'no, ni la cara ni el brazo ni el habla, todo bien'),
    ('es-US', 'weakness', 'denied', 'weakness', 'no, no se me cae nada de las manos'),
    ('es-MX', 'speech', 'denied', 'speech', 'no, hablo bien, no se me traba nada'),
    ('es-ES', 'balance', 'denied', 'balance', 'no, camino normal, no me tambaleo'),
    ('es-MX', 'weakness', 'sign', 'weakness',
     'se me cae la taza a veces, como que no tengo fuerza en la mano'),
    ('es-US', 'numbness', 'sign', 'numbness', 'se me duerme la mano derecha en las noches'),
    ('es-ES', 'stiffness', 'sign', 'stiffness', 'amanezco con el cuello agarrotado'),
    ('es-MX', 'balance', 'sign', 'balance', 'me mareo seguido, como que todo me da vueltas'),
    ('es-US', 'breathless', 'sign', 'breathless',
     'me falta el aire cuando me acuesto, tengo que dormir con tres almohadas'),
    ('es-ES', 'swallowing', 'sign', 'swallowing', 'a veces me atraganto con el agua'),
    ('es-MX', 'speech', 'sign', 'speech', 'mi esposa dice que hablo más lento últimamente'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'estoy temblando toda de los nervios, por eso le hablo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'estoy temblando de frío, nada más'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'me duele el pecho de tanto toser con la gripa'),
    ('es-MX', 'stroke_signs', 'not_now', 'face_droop',
     'tengo la boca dormida por la anestesia del dentista'),
    ('es-ES', 'stroke_signs', 'not_now', 'face_droop',
     'se me durmió media cara por la anestesia de la muela, hoy en el dentista'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'tengo la cara hinchada por una muela picada'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me ahogué de la risa con un chiste'),
    ('es-ES', 'balance', 'not_now', 'balance', 'estoy mareada del embarazo, nada más'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'se me nubla la vista cuando estoy cansada de la compu'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'tengo calentura y me duele todo el cuerpo, creo que es gripa'),
    ('es-ES', 'weakness', 'not_now', 'weakness',
     'me dio un calambre en la pierna y no la podía mover un rato, pero era un calambre'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'no puedo mover el cuello por la tortícolis'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me duele la cabeza por el estrés del trabajo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'tengo los ojos hinchados de llorar'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'me quedé sin aire de tanto reírme'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me puse morada del coraje'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'estoy que echo espuma por la boca del coraje con mi jefe'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'se me cierra la garganta cuando me pongo nerviosa, pero respiro bien'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'me va a estallar la cabeza con tanto ruido de las obras'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'mi hijo de chiquito se puso morado de tanto llorar, pero ya tiene veinte'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me tiemblan las manos cuando tomo mucho café'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'la tensión la tengo alta pero controlada con pastillas'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'me tiembla el ojo y a veces el cachete'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'el otro día vi una película de alguien con un derrame y me asusté'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'mi abuela es diabética y tiene la presión alta, pero está bien'),
    ('es-ES', 'numbness', 'not_now', 'numbness',
     'se me duerme la mano cuando duermo encima, luego se me pasa'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'me desvelé y amanecí con la cabeza pesada'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'me quedé en blanco en el examen'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'me muero de sueño con este tic que no me deja dormir'),
    ('es-MX', 'launch', 'other_person', None,
     'es para mi mamá, tiene alzheimer y no puede hablar bien, pero lo que me preocupa es '
     'que le brinca el cuello'),
    ('es-US', 'launch', 'other_person', None,
     'quiero revisar a mi abuelo, tiene parkinson y le tiembla todo'),
    ('es-ES', 'launch', 'other_person', None,
     'es para mi hijo, es sordo de nacimiento y no habla bien, le salta el ojo'),
    ('es-US', 'launch', 'other_person', None,
     'es para mi esposa, le tiembla el cuello desde hace semanas'),
    ('es-ES', 'launch', 'other_person', None,
     'pregunto por mi madre, que le da tics en el cuello cuando está nerviosa'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'mi abuelita tiene demencia y ya no nos reconoce desde hace años'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'mi tío quedó en silla de ruedas y sin poder hablar por un accidente hace mucho'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'mi padre tiene la boca un poco torcida de siempre, de nacimiento'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'mi hijo tiene epilepsia pero está controlado, hace años que no le da nada'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'no, bueno, a mi apá le dio un infarto hace como cinco años, pero ya está bien'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'mi carnal tuvo convulsiones de chiquito'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'a la yaya le dio un ictus hace tiempo y se quedó con la boca un poco torcida'),
    ('es-MX', 'stroke_signs', 'not_now', 'face_droop', 'no, eso le pasó a mi abuelita, a mí no'),
    ('es-US', 'stroke_signs', 'not_now', 'face_droop',
     'no, pero a mi esposo le dio parálisis facial el año pasado'),
    ('es-ES', 'speech', 'not_now', 'speech',
     'no, mi madre sí que tiene la lengua trabada desde el ictus, pero yo no'),
    ('es-MX', 'weakness', 'not_now', 'weakness',
     'mi jefita es la que tiene la mano débil, por la artritis'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'my mom tuvo un stroke hace años, por eso me preocupo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', '¿y si me da un ictus como a mi padre?'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'me da pánico que me vaya a dar una embolia'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'leí en internet que esto puede ser señal de derrame'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     '¿esto tiene algo que ver con el corazón? me da miedo un infarto'),
    ('es-MX', 'breathless', 'not_now', 'breathless',
     'nomás me falta el aire cuando subo al segundo piso, pero es por la panza'),
    ('es-US', 'swallowing', 'not_now', 'swallowing', 'me atraganté una vez con un chicle, de niño'),
    ('es-ES', 'balance', 'not_now', 'balance', 'me mareé en la boda porque bebí demasiado'),
    ('es-MX', 'numbness', 'not_now', 'numbness',
     'se me duerme la pierna cuando me siento en cuclillas mucho rato'),
    ('es-US', 'weakness', 'not_now', 'weakness',
     'me siento débil porque no he desayunado, nada más'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'casi me da un síncope cuando vi la factura de la luz'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'mi jefe me va a dar un infarto un día de estos'),
    ('es-US', 'screen', 'not_now', 'emergency_now', 'ese examen me dejó sin aire, literal'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'estoy que echo humo por las orejas del cabreo'),
    ('es-MX', 'screen', 'no', None, 'no, ninguna, gracias a Dios ni falta de aire ni nada'),
    ('es-US', 'screen', 'no', None, 'nope, nada de eso, todo bien'),
    ('es-ES', 'screen', 'no', None, 'que no, que solo es el tic, lo demás bien'),
    ('es-MX', 'stroke_signs', 'no', None, 'no, nunca se me ha caído la cara ni nada así'),
    ('es-US', 'stroke_signs', 'no', None, 'no, ni la vista ni el habla ni nada'),
    ('es-ES', 'stroke_signs', 'no', None, 'para nada, la cara y los brazos de lo más normal'),
    ('es-MX', 'speech', 'denied', 'speech', 'hablo igualito que siempre, nomás que ando nerviosa'),
    ('es-US', 'weakness', 'denied', 'weakness',
     'mis manos están bien fuertes, abro los frascos sin problema'),
    ('es-ES', 'balance', 'denied', 'balance', 'camino como siempre, ni me mareo ni me caigo'),
    ('es-MX', 'breathless', 'denied', 'breathless', 'no, respiro bien, hasta acostada'),
    ('es-US', 'swallowing', 'denied', 'swallowing', 'trago sin problema, como de todo'),
]


@pytest.mark.parametrize(("locale", "at", "expect", "sign", "words"),
                         OWN_EMERGENCY_D + OWN_NOT_EMERGENCY_D)
def test_more_of_my_own_spanish_sentences_are_read_safely(locale: str, at: str, expect: str,
                                                          sign: str | None, words: str) -> None:
    from people import Case, judge

    extra = {"sign": sign} if sign else {}
    result = judge(Case("own", locale, at, expect, words, extra), _judge_speaker())
    assert result.unsafe is None, (result.unsafe, result.seen)


# A relative's emergency told in the present, as a frame rather than as examples: each sign in
# the third person after each kind of relative, friend or charge the three regions name, at the
# first question and later in the check.
RELATIVES = ["mi esposo", "mi esposa", "mi mamá", "mi papá", "mi abuelo", "mi abuela", "mi hijo",
             "mi suegra", "mi hermano", "mi vecino", "mi compañero de trabajo", "mi tía",
             "mi novio", "mi madre", "mi padre", "mi marido", "mi mujer", "mi amá",
             "mi abuelito", "la señora que cuido", "mi roommate", "mi jefe", "mi cuñada",
             "mi carnal", "la yaya", "mi compi de piso", "mi chamaco", "my mom", "mi viejita",
             "mi compa"]
THEIR_EMERGENCIES = [
    "tiene la cara caída de un lado", "no puede hablar bien", "no puede levantar el brazo",
    "se desmayó", "no respira", "está convulsionando", "está muy confundido",
    "tiene la boca torcida", "se cayó y no se puede levantar", "dice que le duele mucho el pecho",
    "se está ahogando", "tiene los labios hinchados", "habla arrastrando las palabras",
    "no ve de un ojo", "tiene fiebre y el cuello tieso",
    "dice que es el peor dolor de cabeza de su vida", "se puso morado", "no reacciona",
    "se le durmió medio cuerpo", "no me reconoce",
    "está vomitando y muy adormilado después de pegarse en la cabeza",
    "tiene la cara hinchada y le cuesta respirar", "se quedó sin habla",
    "de repente no puede caminar", "está temblando y no responde", "se agarra el pecho y suda frío",
    "no puede mover la pierna derecha", "tiene manchas moradas y calentura",
    "ve doble de repente", "se le traba la lengua desde hace un rato",
]
_ASKED = ("screen", "numbness", "lifestyle", "duration", "swallowing")


@pytest.mark.parametrize("index", range(len(THEIR_EMERGENCIES)))
def test_a_relatives_emergency_in_any_regions_words_gets_the_number(index: int) -> None:
    from people import Case, judge

    words = f"{RELATIVES[index % len(RELATIVES)]} {THEIR_EMERGENCIES[index]}"
    locale, at = SPANISH[index % 3], _ASKED[index % len(_ASKED)]
    result = judge(Case("own", locale, at, "emergency", words, {}), _judge_speaker())
    assert result.unsafe is None, (words, result.seen)


# The speaker's own short emergencies after each region's fillers and a leading "no" or "no
# sé", at any question: a "no" or a "no sé" inside them is never the answer.
OWN_SHORT = ["se me cayó la cara de un lado", "no puedo mover el brazo derecho de repente",
             "se me durmió medio cuerpo", "no me salen las palabras desde hace rato", "veo doble",
             "no veo de un ojo", "no puedo respirar", "no me entra el aire",
             "me duele mucho el pecho", "se me hinchó la lengua",
             "el peor dolor de cabeza de mi vida", "no sé dónde estoy", "me estoy desmayando",
             "no veo nada",
             "me estoy ahogando con algo", "tengo fiebre y el cuello rígido"]
FILLERS = ["", "oye ", "ay ", "fíjese que ", "pues ", "este ", "la verdad es que ", "no, pero ",
           "no sé, pero ", "es que ", "mire ", "perdón pero "]
_ASKED_LATER = ("screen", "stroke_signs", "numbness", "lifestyle", "duration", "weakness",
                "balance", "bladder_bowel")


@pytest.mark.parametrize("index", range(len(OWN_SHORT) * 3))
def test_a_short_emergency_after_a_filler_gets_the_number(index: int) -> None:
    from people import Case, judge

    words = FILLERS[index % len(FILLERS)] + OWN_SHORT[index % len(OWN_SHORT)]
    locale, at = SPANISH[index % 3], _ASKED_LATER[index % len(_ASKED_LATER)]
    result = judge(Case("own", locale, at, "emergency", words, {}), _judge_speaker())
    assert result.unsafe is None, (words, at, result.seen)


# Signs told in their own words, the answers to "did it start suddenly?", terse emergencies
# and a few more figures and histories (the last round's batteries), read safely too.
OWN_MORE_D = [
    ('es-MX', 'numbness', 'sign', 'numbness',
     'se me duermen los dedos de la mano izquierda seguido'),
    ('es-ES', 'numbness', 'sign', 'numbness',
     'noto como un hormigueo que me baja del hombro al codo'),
    ('es-US', 'numbness', 'sign', 'numbness', 'tengo como piquetitos en el brazo, como agujas'),
    ('es-MX', 'numbness', 'sign', 'numbness', 'siento el brazo acalambrado y como entumido'),
    ('es-ES', 'numbness', 'sign', 'numbness', 'me da como calambrazos eléctricos en el brazo'),
    ('es-US', 'numbness', 'sign', 'numbness',
     'a veces pierdo sensibilidad en la punta de los dedos'),
    ('es-MX', 'weakness', 'sign', 'weakness',
     'se me resbalan las cosas de las manos, el otro día tiré un plato'),
    ('es-ES', 'weakness', 'sign', 'weakness', 'me cuesta abrocharme los botones de la camisa'),
    ('es-US', 'weakness', 'sign', 'weakness', 'la letra me sale fea, como temblorosa'),
    ('es-MX', 'weakness', 'sign', 'weakness', 'no tengo fuerza para abrir las botellas'),
    ('es-ES', 'weakness', 'sign', 'weakness', 'me noto la mano derecha más torpe'),
    ('es-US', 'weakness', 'sign', 'weakness',
     'se me cansan los brazos rapidísimo, no aguanto nada'),
    ('es-MX', 'swallowing', 'sign', 'swallowing', 'se me atora la tortilla a cada rato'),
    ('es-ES', 'swallowing', 'sign', 'swallowing',
     'me cuesta tragar las pastillas, se me quedan en la garganta'),
    ('es-US', 'swallowing', 'sign', 'swallowing',
     'toso cuando tomo agua, como que se me va por otro lado'),
    ('es-MX', 'swallowing', 'sign', 'swallowing', 'siento como una bola en la garganta al comer'),
    ('es-ES', 'speech', 'sign', 'speech', 'me noto la voz más ronca y gangosa'),
    ('es-US', 'speech', 'sign', 'speech', 'me trabo al hablar más que antes'),
    ('es-MX', 'speech', 'sign', 'speech',
     'la gente me dice que hablo como si tuviera algo en la boca'),
    ('es-ES', 'balance', 'sign', 'balance', 'voy dando tumbos por la casa'),
    ('es-US', 'balance', 'sign', 'balance', 'me tropiezo con todo últimamente'),
    ('es-MX', 'balance', 'sign', 'balance', 'siento que camino chueco, me voy para un lado'),
    ('es-ES', 'balance', 'sign', 'balance', 'me tambaleo al bajar escaleras'),
    ('es-US', 'wasting', 'sign', 'wasting', 'la pantorrilla izquierda se ve más flaquita'),
    ('es-MX', 'wasting', 'sign', 'wasting',
     'tengo un hueco en la mano, entre el pulgar y el índice'),
    ('es-ES', 'wasting', 'sign', 'wasting', 'he adelgazado cinco kilos sin hacer nada'),
    ('es-US', 'wasting', 'sign', 'wasting', 'se me ve el hombro más hundido'),
    ('es-MX', 'bladder_bowel', 'sign', 'bladder_bowel', 'se me sale la orina sin darme cuenta'),
    ('es-ES', 'bladder_bowel', 'sign', 'bladder_bowel',
     'me cuesta controlar el pis, me lo hago encima a veces'),
    ('es-US', 'bladder_bowel', 'sign', 'bladder_bowel', 'no llego al baño a tiempo'),
    ('es-MX', 'spreading', 'sign', 'spreading', 'también me brinca el párpado y la pantorrilla'),
    ('es-ES', 'spreading', 'sign', 'spreading',
     'me salta el músculo del muslo y del brazo también'),
    ('es-US', 'spreading', 'sign', 'spreading',
     'me da en todo el cuerpo, en la espalda, en las piernas'),
    ('es-MX', 'spreading', 'sign', 'tongue', 'se me mueve la lengua como si tuviera gusanitos'),
    ('es-ES', 'stiffness', 'sign', 'stiffness', 'tengo calambres en las piernas por las noches'),
    ('es-US', 'stiffness', 'sign', 'stiffness', 'se me ponen duros los músculos de la pierna'),
    ('es-MX', 'stiffness', 'sign', 'stiffness', 'me dan calambres en los pies seguido'),
    ('es-ES', 'duration', 'sign', 'duration', 'ya van para tres meses'),
    ('es-US', 'duration', 'sign', 'duration', 'desde diciembre, y cada vez más seguido'),
    ('es-MX', 'duration', 'sign', 'duration', 'uy, ya tiene rato, como dos meses'),
    ('es-ES', 'duration', 'sign', 'worsening', 'cada vez me da más fuerte'),
    ('es-US', 'medicine', 'sign', 'medicine', 'empecé a tomar sertralina hace un mes'),
    ('es-MX', 'medicine', 'sign', 'medicine', 'me cambiaron la pastilla de la presión hace poco'),
    ('es-ES', 'medicine', 'sign', 'medicine', 'me subieron la dosis del antidepresivo'),
    ('es-US', 'injury', 'sign', 'injury', 'me pegué en el cuello en el gimnasio hace una semana'),
    ('es-MX', 'injury', 'sign', 'injury', 'tuve un choque hace poquito y desde ahí empezó'),
    ('es-ES', 'injury', 'sign', 'injury', 'me hice un esguince cervical en un accidente de coche'),
    ('es-US', 'breathless', 'sign', 'breathless', 'me falta el aire cuando me acuesto boca arriba'),
    ('es-MX', 'breathless', 'sign', 'breathless', 'me despierto en la noche sin aire'),
    ('es-ES', 'breathless', 'sign', 'breathless',
     'me ahogo un poco tumbado, duermo con tres almohadas'),
    ('es-US', 'weakness', 'yes', None, 'pues sí, se me caen las cosas'),
    ('es-MX', 'swallowing', 'yes', None, 'sí, me atraganto seguido'),
    ('es-ES', 'balance', 'yes', None, 'pues sí, me mareo bastante'),
    ('es-US', 'numbness', 'yes', None, 'yes, en el brazo'),
    ('es-MX', 'speech', 'yes', None, 'simón, hablo raro'),
    ('es-ES', 'duration', 'yes', None, 'sí, más de un mes ya'),
    ('es-US', 'spreading', 'yes', None, 'sí, también en los brazos'),
    ('es-MX', 'stiffness', 'yes', None, 'sí, calambres'),
    ('es-ES', 'wasting', 'yes', None, 'sí, el brazo lo tengo más delgado'),
    ('es-US', 'bladder_bowel', 'yes', None, 'sí, a veces se me escapa'),
    ('es-MX', 'screen', 'which_one', None, 'ajá'),
    ('es-US', 'screen', 'which_one', None, 'okay, dale'),
    ('es-ES', 'screen', 'which_one', None, 'vale, venga'),
    ('es-MX', 'screen', 'which_one', None, 'sí, sí, ándale'),
    ('es-ES', 'screen', 'which_one', None, 'a ver, sí'),
    ('es-US', 'screen', 'which_one', None, 'mmm sí'),
    ('es-MX', 'screen', 'which_one', None, 'órale'),
    ('es-ES', 'screen', 'which_one', None, 'sí, algo de eso'),
    ('es-US', 'screen', 'which_one', None, 'creo que sí, una de esas'),
    ('es-MX', 'stroke_signs', 'emergency', None,
     'sí, el domingo se me durmió la cara unos minutos'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'sí, hace tres días veía doble un rato y luego nada'),
    ('es-US', 'stroke_signs', 'emergency', None,
     'sí, anteayer no me salían las palabras como diez minutos'),
    ('es-MX', 'stroke_signs', 'emergency', None,
     'pues sí, la semana pasada se me cayó el brazo un ratito'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'creo que sí, el lunes perdí la fuerza de la pierna un momento'),
    ('es-US', 'stroke_signs', 'emergency', None,
     'sí, ayer en la mañana se me torció la boca y se me quitó solo'),
    ('es-MX', 'stroke_signs', 'emergency', None,
     'sí, una vez la semana pasada se me nubló un ojo como una cortina'),
    ('es-ES', 'stroke_signs', 'emergency', None,
     'me temo que sí, el sábado estuve un rato sin poder hablar bien'),
    ('es-US', 'stroke_signs', 'unsure', None, 'no sé, a lo mejor'),
    ('es-MX', 'screen', 'unsure', None, 'no estoy segura, creo que no'),
    ('es-ES', 'breathless', 'unsure', None, 'pues no sabría decirle'),
    ('es-MX', 'screen', 'emergency', None, 'derrame, creo, rápido'),
    ('es-US', 'screen', 'emergency', None, 'no respira'),
    ('es-ES', 'screen', 'emergency', None, 'convulsión, ya'),
    ('es-MX', 'screen', 'emergency', None, 'cara chueca, ahorita'),
    ('es-US', 'numbness', 'emergency', None, 'brazo muerto, de golpe'),
    ('es-ES', 'screen', 'emergency', None, 'ictus, ambulancia'),
    ('es-MX', 'screen', 'emergency', None, 'dolor de pecho fuerte'),
    ('es-US', 'screen', 'emergency', None, 'ahogándose, urgente'),
    ('es-ES', 'screen', 'emergency', None, 'desmayado, no despierta'),
    ('es-MX', 'lifestyle', 'emergency', None, 'ninguna, pero ahorita dolor de pecho'),
    ('es-US', 'duration', 'emergency', None, 'semanas, pero ahora veo doble'),
    ('es-ES', 'screen', 'emergency', None, 'labios hinchados, no respira bien'),
    ('es-MX', 'screen', 'emergency', None, 'fiebre, cuello tieso, vómito'),
    ('es-US', 'screen', 'emergency', None, 'confundido, no sabe quién soy'),
    ('es-ES', 'screen', 'emergency', None, 'habla rara de repente'),
    ('es-MX', 'screen', 'emergency', None, 'peor dolor de cabeza, de golpe'),
    ('es-MX', 'screen', 'emergency', None, 'mi jefa, tirada, no contesta'),
    ('es-US', 'screen', 'emergency', None, 'seizure, ahorita'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'qué va, lo del ictus fue mi abuelo, hace siglos'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'me dio un patatús cuando vi el precio del doctor, jaja'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'me va a dar algo con este calor'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'me quedé sin aire de la carrera para alcanzar el camión'),
    ('es-US', 'screen', 'not_now', 'emergency_now',
     'me duele la cabeza de tanto estrés, pero nada del otro mundo'),
    ('es-ES', 'screen', 'not_now', 'emergency_now', 'una vez me desmayé dando sangre, hace años'),
    ('es-MX', 'screen', 'not_now', 'emergency_now',
     'de morra me dio una crisis de asma, hace mucho'),
    ('es-US', 'screen', 'not_now', 'emergency_now', '¿y si me da un infarto por el estrés?'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'mi madre tuvo un ictus en el 2019, pero está bien'),
    ('es-MX', 'stroke_signs', 'not_now', 'face_droop',
     'a mi tía le dio parálisis facial hace unos años, a mí no'),
    ('es-US', 'stroke_signs', 'not_now', 'face_droop',
     'no, eso fue hace como diez años, una parálisis de Bell'),
    ('es-ES', 'stroke_signs', 'not_now', 'face_droop',
     'nada de eso, lo de la cara fue hace años por un virus'),
    ('es-MX', 'balance', 'not_now', 'balance', 'me mareé en la feria, en los juegos mecánicos'),
    ('es-US', 'breathless', 'not_now', 'breathless',
     'me falta el aire cuando subo las escaleras del metro, nada más'),
    ('es-ES', 'swallowing', 'not_now', 'swallowing',
     'me atraganté con una espina el verano pasado'),
    ('es-MX', 'weakness', 'not_now', 'weakness', 'tengo los brazos cansados de cargar al bebé'),
    ('es-US', 'numbness', 'not_now', 'numbness', 'se me duerme la mano de tanto usar el celular'),
    ('es-ES', 'screen', 'not_now', 'emergency_now',
     'me estoy muriendo de risa con el tic, la verdad'),
    ('es-MX', 'screen', 'not_now', 'emergency_now', 'casi me da el soponcio cuando lo vi'),
]


@pytest.mark.parametrize(("locale", "at", "expect", "sign", "words"), OWN_MORE_D)
def test_my_own_signs_answers_and_terse_emergencies_are_read_safely(
        locale: str, at: str, expect: str, sign: str | None, words: str) -> None:
    from people import Case, judge

    extra = {"sign": sign} if sign else {}
    result = judge(Case("own", locale, at, expect, words, extra), _judge_speaker())
    assert result.unsafe is None, (result.unsafe, result.seen)


# A relative's age is no time gone by ("años" alone made someone else's sign their history), and
# a sign that passed, told with "luego bien", is still a sign that passed.
@pytest.mark.parametrize(("locale", "at", "words"), [
    ("es-MX", "spreading", "nomás en el cuello, oiga, pero le digo otra cosa, mi hija de veinte "
                           "años tiene calentura muy alta, le duele mucho la cabeza y le salieron "
                           "manchitas moradas en las piernas"),
    ("es-US", "screen", "mi papá de setenta años tiene la boca chueca"),
    ("es-ES", "screen", "mi abuela, que tiene ochenta y cinco años, no puede hablar"),
    ("es-MX", "screen", "mi hijo de 30 años se desmayó"),
    ("es-ES", "medicine", "medicinas las de la tensión, y ya que estamos, esta tarde he tenido "
                          "como diez minutos que no podía mover la mano derecha, luego bien"),
    ("es-US", "duration", "como un mes, y mire, no quiero asustarla, pero ahorita que estoy "
                          "hablando con usted siento la boca como dormida de este lado y las "
                          "palabras no me salen bien"),
    ("es-ES", "wasting", "no, pero, perdona que te cuente, mi marido acaba de desmayarse en el "
                         "salón y no consigo que se despierte"),
])
def test_an_emergency_told_in_passing_in_a_long_story_gets_the_number(locale: str, at: str,
                                                                         words: str) -> None:
    from people import Case, judge

    result = judge(Case("own", locale, at, "emergency", words, {}), _judge_speaker())
    assert result.unsafe is None, (result.unsafe, result.seen)


# "bien" closes a complaint of not being able ("no puedo mover el brazo bien"): it denies
# nothing.
@pytest.mark.parametrize(("words", "sign"), [
    ("de repente no puedo mover el brazo bien", "sudden_weakness"),
    ("mi papá no puede mover la pierna bien", "sudden_weakness"),
    ("de golpe no veo bien", "vision"),
    ("no me salen las palabras bien", "speech"),
    ("no le sale la voz bien", "speech"),
    ("no puedo tragar bien", "swallowing"),
    ("no controlo bien la orina", "bladder_bowel"),
    ("no puedo escribir bien", "weakness"),
    ("estuve un rato sin poder hablar bien", "sudden_speech"),
])
def test_a_bien_that_closes_a_complaint_denies_nothing(words: str, sign: str) -> None:
    found = {m.id: m for m in lexicon_for("es-ES").read(words)}
    assert sign in found and not found[sign].negated, (words, found)


# Each region's words for the cheek, the snout, the breath and the sight ("la jeta", "el moflete",
# "resollar", "el aliento", "se me ennegreció la vista"), in emergencies of my own.
OWN_REGIONAL_WORDS = [
    ('es-MX', 'se le chuequeó la jeta a mi apá'),
    ('es-MX', 'tengo el cachete caído y no puedo chiflar'),
    ('es-ES', 'se me ha quedado el moflete caído y se me cae la comida por un lado'),
    ('es-MX', 'a mi abuelita se le engarrotó la mano y no la puede abrir, de repente'),
    ('es-ES', 'tengo un dolor en el pecho que me llega a la espalda y me falta el aliento'),
    ('es-US', 'me falta el aliento y tengo los labios medio morados'),
    ('es-MX', 'no puedo resollar'),
    ('es-ES', 'me cuesta coger aire, me ahogo'),
    ('es-MX', 'se me fue el habla de golpe'),
    ('es-ES', 'se me ha ido la voz de repente y no me salen las palabras'),
    ('es-US', 'tengo la vista nublada de un ojo desde hace una hora'),
    ('es-MX', 'se me ennegreció la vista y me caí'),
    ('es-ES', 'me ha dado un vahído y me he ido al suelo'),
    ('es-MX', 'me dio un desguanzo y me caí, no me puedo levantar'),
    ('es-US', 'tengo el pescuezo tieso y calentura'),
    ('es-ES', 'tengo la cabeza que me estalla, nunca me había pasado, y vomito'),
    ('es-MX', 'se me hinchó la trompa después de comer mariscos y me cuesta respirar'),
    ('es-ES', 'a mi hijo le ha dado una convulsión con la fiebre'),
    ('es-US', 'mi abuelo anda desorientado desde la mañana, no sabe ni en qué casa está'),
    ('es-MX', 'mi esposa está privada, no despierta'),
]


@pytest.mark.parametrize(("locale", "words"), OWN_REGIONAL_WORDS)
def test_each_regions_words_for_an_emergency_get_the_number(locale: str, words: str) -> None:
    from people import Case, judge

    result = judge(Case("own", locale, "screen", "emergency", words, {}), _judge_speaker())
    assert result.unsafe is None, (words, result.seen)


# Emergencies said with the invocation (a one-shot), in each region's words.
OWN_LAUNCH_EMERGENCIES = [
    ('es-MX', 'Alexa, dile a revisión de tic en el cuello que mi esposo no puede hablar'),
    ('es-US', 'Alexa, open neck twitch check, mi mamá tiene la cara caída'),
    ('es-ES', 'Alexa, abre revisión de tic en el cuello, que me duele mucho el pecho'),
    ('es-MX', 'Alexa, pregúntale a revisión de tic en el cuello qué hago, mi hijo está '
              'convulsionando'),
    ('es-US', 'Alexa, abre revisión de tic en el cuello, no puedo respirar'),
    ('es-ES', 'Alexa, revisión de tic en el cuello, mi padre se ha desmayado'),
    ('es-MX', 'Alexa, abre revisión de tic en el cuello, se me durmió medio cuerpo de repente'),
    ('es-US', 'Alexa, dile a neck twitch check que veo doble y me duele la cabeza '
              'horrible de golpe'),
    ('es-ES', 'Alexa, abre revisión de tic en el cuello, tengo fiebre y el cuello rígido'),
    ('es-MX', 'Alexa, abre revisión de tic en el cuello, se me hinchó la lengua'),
    ('es-US', 'Alexa, abre revisión de tic en el cuello, mi abuela está muy confundida de repente'),
    ('es-MX', 'abre revisión de tic en el cuello, mi papá tiene la boca chueca y no '
              'puede levantar el brazo'),
    ('es-US', 'Alexa, pregúntale a revisión de tic en el cuello si es normal que se me '
              'caiga la cara de un lado'),
    ('es-ES', 'Alexa, dile a revisión de tic en el cuello que es urgente, mi mujer no reacciona'),
]


@pytest.mark.parametrize(("locale", "words"), OWN_LAUNCH_EMERGENCIES)
def test_an_emergency_said_with_the_invocation_gets_the_number(locale: str, words: str) -> None:
    from people import Case, judge

    result = judge(Case("own", locale, "launch", "emergency", words, {}), _judge_speaker())
    assert result.unsafe is None, (words, result.seen)
