"""What the recogniser listens for, and what the speaker says (no audio needed)."""

from __future__ import annotations

import pytest
from voice_helpers import nlu_for

from skill.simulator.builtins import BUILTIN_PHRASES
from skill.simulator.model import default_model_dir
from skill.voice.errors import VoiceUnavailable
from skill.voice.phrases import (
    DEFAULT_CAP,
    NO,
    YES,
    accepted,
    build_phrases,
    consequential,
    polarity,
    words_of,
)
from skill.voice.tts import Espeak, output_speech_text, speakable

# The desk voice hears English only (pocketsphinx's one acoustic model): `talk` refuses other
# languages, so their models are never made into its phrases.
LOCALES = sorted(p.stem for p in default_model_dir().glob("*.json") if p.stem.startswith("en"))


def everything(word: str) -> bool:
    return True


@pytest.mark.parametrize("locale", LOCALES)
def test_every_phrase_is_an_exact_phrase_of_the_model_with_its_intent(locale: str) -> None:
    nlu = nlu_for(locale)
    phrases = build_phrases(nlu, everything)
    assert 300 < len(phrases.phrases) <= DEFAULT_CAP
    for phrase in phrases.phrases:
        understanding = nlu.understand(phrase.text)
        assert accepted(understanding), phrase
        assert understanding.intent == phrase.intent, phrase


@pytest.mark.parametrize("locale", LOCALES)
def test_the_phrases_cover_samples_slots_synonyms_and_builtins(locale: str) -> None:
    nlu = nlu_for(locale)
    phrases = build_phrases(nlu, everything)
    texts = phrases.by_text()
    intents = {p.intent for p in phrases.phrases}
    # every intent the model declares (but the fallback) can be said
    wanted = set(nlu.model.intents) - {"AMAZON.FallbackIntent"}
    assert wanted <= intents
    # built-in yes/no phrasings, and every sample without a slot
    assert {"yes", "nope", "not really", "i don't think so"} <= set(texts)
    for intent in nlu.model.intents.values():
        for sample in intent.samples:
            if "{" not in sample and " ".join(sample.lower().split()) in texts:
                assert texts[" ".join(sample.lower().split())].intent in nlu.model.intents
    # every symptom value and synonym is said in some carrier
    joined = "\n".join(texts)
    for value in nlu.model.slot_types["SymptomType"]:
        for spoken in (value.name, *value.synonyms):
            assert " ".join(words_of(spoken)) in joined, spoken
    symptom_values = {v.name.lower() for v in nlu.model.slot_types["SymptomType"]}
    reported = {p.text for p in phrases.phrases if p.intent == "ReportSymptomIntent"}
    assert all(any(value in text for text in reported) for value in symptom_values)


def test_the_cap_bounds_the_language_model_and_plain_samples_come_first() -> None:
    nlu = nlu_for("en-US")
    small = build_phrases(nlu, everything, cap=400)
    assert len(small.phrases) == 400
    assert "no" in small.by_text() and "yes" in small.by_text()


def test_unpronounceable_phrases_are_dropped_and_reported() -> None:
    phrases = build_phrases(nlu_for("en-US"), lambda w: w != "fasciculation")
    assert "what is a fasciculation" in phrases.dropped
    assert all("fasciculation" not in p.text.split() for p in phrases.phrases)


def test_confirmation_phrases_are_yes_and_no_only() -> None:
    phrases = build_phrases(nlu_for("en-US"), everything)
    assert {p.intent for p in phrases.confirm} == {YES, NO}
    assert len(phrases.confirm) >= len(BUILTIN_PHRASES[YES])


def test_negation_twins_pair_each_answer_with_its_opposite() -> None:
    twins = build_phrases(nlu_for("en-US"), everything).twins()
    for text in ("i do", "i don't", "it is", "it isn't", "definitely", "definitely not"):
        assert text in twins
    assert "yes" not in twins and "no" not in twins
    assert twins.partners["definitely"] == {"definitely not"}
    assert "i think so" in twins.partners["i don't think so"]  # "don't" dropped, not contracted
    # Only a "n't" apart: never an answer by voice; a word apart: checked again.
    assert {"i did", "i didn't", "i do", "i don't", "it is", "it isn't"} <= twins.contracted
    assert not {"definitely", "definitely not", "i think so", "i don't think so"} & twins.contracted


def test_near_misses_and_unresolved_slots_are_not_answers() -> None:
    nlu = nlu_for("en-US")
    assert accepted(nlu.understand("no"))
    assert accepted(nlu.understand("i have numbness in my arm"))
    assert not accepted(nlu.understand("noo way jose"))  # fallback
    assert not accepted(nlu.understand("i have a sore toe"))  # slot value not in the model
    assert not accepted(nlu.understand("helpp mee"))  # a fuzzy near miss


def test_which_answers_are_read_back() -> None:
    assert polarity(YES) == "yes" and polarity("NotSureIntent") == "yes"
    assert polarity("DenySymptomIntent") == "no"
    assert consequential(NO) and consequential("AMAZON.StopIntent")
    assert not consequential("AMAZON.HelpIntent") and not consequential("WhyAskIntent")


@pytest.mark.parametrize(
    ("intent", "side"),
    [("NoButIntent", "yes"), ("PastSymptomIntent", "yes"), ("EarlierSymptomIntent", "yes"),
     ("SignFineIntent", "no"), ("CorrectionIntent", None), ("OtherPersonIntent", None),
     ("SkipIntent", None)],
)
def test_answers_in_other_words_are_answers_too(intent: str, side: str | None) -> None:
    """"no, but my legs twitch too" reports a sign and "swallowing? no, it's the same" denies
    one: each is read back unless sure, like a yes or a no, and hearing one as the other side
    is a swap; a correction, the check turned to someone else, or a skipped question (counted
    as not sure) change the check too. None of them is a request sent on a guess."""
    assert intent in nlu_for("en-US").model.intents
    assert polarity(intent) == side
    assert consequential(intent)


@pytest.mark.parametrize(
    ("ssml", "words"),
    [
        ('<speak>Please call <say-as interpret-as="digits">911</say-as> now.</speak>',
         "Please call 9 1 1 now."),
        ("<speak>One.<break time=\"500ms\"/>Two &amp; three</speak>", "One. Two & three"),
        ("<speak>Wait <break strength=\"strong\"/> then go</speak>", "Wait, then go"),
        ('<speak>Call <say-as interpret-as="telephone">1800 633 422</say-as>.</speak>',
         "Call 1 8 0 0 6 3 3 4 2 2."),
    ],
)
def test_ssml_is_stripped_sensibly(ssml: str, words: str) -> None:
    assert speakable(ssml) == words


def test_output_speech_text_reads_ssml_and_plain_text() -> None:
    assert output_speech_text({"type": "SSML", "ssml": "<speak>Hi</speak>"}) == "Hi"
    assert output_speech_text({"type": "PlainText", "text": " Hi "}) == "Hi"
    assert output_speech_text(None) is None


def test_a_missing_espeak_is_a_one_line_error_saying_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(VoiceUnavailable) as caught:
        Espeak("en-US")
    message = str(caught.value)
    assert "espeak-ng" in message and "apt-get install espeak-ng" in message
    assert "--mute" in message and "neck-twitch simulate" in message
    assert "\n" not in message
