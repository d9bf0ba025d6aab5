"""Bad input gets a spoken answer and changes nothing recorded: empty words, 2,000 characters,
emoji, another language, through every intent that reads words, at the first question and part
way through a check."""

from __future__ import annotations

import pytest
from skilltest import Dialog, resolved_slot

from skill.alexa import constants as names
from skill.simulator.model import default_model_dir, load_model
from skill.simulator.nlu import Nlu

BAD = [
    "",
    "   ",
    "la " * 666 + "la",  # 2,000 characters
    "\U0001f600\U0001f44d\U0001f937",
    "je ne sais pas trop, docteur",
    "\u092e\u0941\u091d\u0947 \u0928\u0939\u0940\u0902 \u092a\u0924\u093e",  # Hindi
    "<speak>hi</speak> & \"quotes\" {symptom}",
    "\x00\x07 control",
]
READERS = [names.REPORT_SYMPTOM, names.YES_DETAIL, names.NO_DETAIL, names.DENY_SYMPTOM,
           names.SIGN_FINE, names.NO_BUT, names.OTHER_PERSON, names.PAST_SYMPTOM,
           names.EARLIER_SYMPTOM, names.WHAT_IF, names.PAUSE, names.SUDDEN_SYMPTOM]
# The carrier itself says yes or no ("yes <words>", "no <words>"): that answer may stand; the
# words after it add nothing.
CARRIER_SAYS = {names.YES_DETAIL: "yes", names.NO_DETAIL: "no", names.DENY_SYMPTOM: "no",
                names.SIGN_FINE: "no", names.NO_BUT: "no"}


@pytest.mark.parametrize("words", BAD, ids=range(len(BAD)))
@pytest.mark.parametrize("intent", READERS)
def test_bad_words_get_an_answer_and_record_nothing(dialog: Dialog, intent: str,
                                                    words: str) -> None:
    dialog.launch()
    dialog.say(names.NO)
    dialog.say(names.NO)
    before = dict(dialog.attributes["check"])
    dialog.say(intent, resolved_slot("symptom", words, None))
    assert dialog.speech and "Traceback" not in dialog.speech and "{" not in dialog.speech
    check = dialog.attributes.get("check")
    if dialog.ended:  # only an emergency may end it, and bad words are none
        pytest.fail(f"{intent} {words[:20]!r} ended the check: {dialog.speech}")
    assert check is not None
    assert check["signs"] == before["signs"]
    assert check.get("unrecognised", []) == before.get("unrecognised", [])
    recorded = {q: a for q, a in check["answers"].items() if before["answers"].get(q) != a}
    allowed = CARRIER_SAYS.get(intent)
    assert all(a == allowed for a in recorded.values()), (intent, words[:20], recorded)


@pytest.mark.parametrize("words", [w for w in BAD if w.strip()], ids=range(len(BAD) - 2))
def test_the_nlu_answers_bad_words_with_no_answer(words: str) -> None:
    nlu = Nlu(load_model(default_model_dir() / "en-US.json", "en-US"))
    heard = nlu.understand(words[:1000])
    assert heard.intent not in ("AMAZON.YesIntent", "AMAZON.NoIntent", "YesDetailIntent",
                                "EmergencyIntent")
