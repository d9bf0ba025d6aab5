"""A simulated live session: the real loop (`Talk`), the real microphone and speaker code
(`SoundDevice`, `Microphone`, `Speaker`), real end of speech (Silero VAD), the real recogniser
and espeak-ng's prompts, on one audio clock (`live_room.LiveRoom`): the person's speech, the
skill's own voice heard back through the microphone (echo) and office babble are mixed as they
would be in a room, and the person speaks over prompts or after them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from live_room import LiveRoom, Person, TellingSpeaker, silence
from voice_helpers import new_simulator, nlu_for

from skill.voice.audio import Microphone, SoundDevice
from skill.voice.office import OfficeAudio, Voice, _samples, speech_power
from skill.voice.phrases import NO, YES
from skill.voice.talk import Exchange, Talk
from skill.voice.vad_compare import truth

VOICE = Voice("espeak", "en-us")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory, voice_tools: None) -> OfficeAudio:
    return OfficeAudio(tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="module")
def recognizer(voice_tools: None) -> object:
    from skill.voice.recognizer import Recognizer

    return Recognizer(nlu_for("en-US"))


def say(office: OfficeAudio, text: str) -> bytes:
    """`text` as the person says it: the clean recording from its first sound to its last."""
    pcm = office.clean(VOICE, text, "slow")
    bounds = truth(pcm)
    assert bounds is not None
    return pcm[int(bounds[0] * 16000) * 2 : int(bounds[1] * 16000) * 2]


def run_live(
    react: Callable[[str, float, float | None], list[tuple[float, bytes]]],
    recognizer: object,
    barge_in: bool,
    **room: object,
) -> tuple[list[Exchange], LiveRoom]:
    from skill.voice.tts import Espeak

    person = Person(react)
    live = LiveRoom(person, **room)  # type: ignore[arg-type]
    device = SoundDevice(sd=live, barge_in=barge_in, timeout=2.0, clock=lambda: live.now)
    microphone = Microphone(device)
    microphone.use(recognizer.complete)  # type: ignore[attr-defined]
    speaker = TellingSpeaker(live, device, Espeak("en-US"))
    talk = Talk(new_simulator(), recognizer, microphone, speaker,  # type: ignore[arg-type]
                None, lambda exchange: None)
    return talk.run(), live


def sent(exchanges: list[Exchange]) -> list[str]:
    return [e.intent for e in exchanges if e.intent is not None]


@pytest.mark.parametrize("barge_in", [False, True], ids=["barge-in off", "barge-in on"])
@pytest.mark.parametrize("pause", [0.25, 0.45])
def test_no_wait_yes_ends_on_the_last_word_with_a_read_back(
    office: OfficeAudio, recognizer: object, barge_in: bool, pause: float
) -> None:
    """"No." then, after a short pause, "Wait, yes.", 0.4 s after the first question; "yes"
    to a read-back, once it has ended. The answer sent is the yes, after a read-back."""
    no_wait_yes = say(office, "no") + silence(pause) + say(office, "wait yes")
    yes = say(office, "yes")
    state = {"answered": False, "confirmed": False}

    def react(prompt: str, started: float, ended: float | None) -> list[tuple[float, bytes]]:
        if ended is None:
            return []
        if prompt.startswith("I heard") and not state["confirmed"]:
            state["confirmed"] = True
            return [(0.4, yes)]
        if not state["answered"] and "?" in prompt:
            state["answered"] = True
            return [(0.4, no_wait_yes)]
        return []

    exchanges, live = run_live(react, recognizer, barge_in)
    answers = [e for e in exchanges if e.action in ("sent", "confirmed", "read back",
                                                    "sent at once")]
    assert answers[0].action == "read back", [(e.action, e.heard) for e in exchanges]
    assert answers[1].action == "confirmed"
    assert sent(exchanges)[0] == YES
    assert NO not in sent(exchanges)
    assert live.aborted == 0  # nobody spoke over a prompt


def test_yes_spoken_over_a_read_back_never_confirms_it(
    office: OfficeAudio, recognizer: object
) -> None:
    """The person says "i have trouble walking" (read back: a symptom report is never sure
    enough here) and, impatient, "yes" half a second into the read-back, then nothing. The
    yes must not confirm the read-back: nothing is sent on it."""
    walking = say(office, "i have trouble walking")
    yes = say(office, "yes")
    state = {"answered": False, "over": False}

    def react(prompt: str, started: float, ended: float | None) -> list[tuple[float, bytes]]:
        if ended is None and prompt.startswith("I heard") and not state["over"]:
            state["over"] = True
            return [(0.5, yes)]
        if ended is not None and not state["answered"] and "?" in prompt:
            state["answered"] = True
            return [(0.4, walking)]
        return []

    exchanges, _ = run_live(react, recognizer, barge_in=False, echo_db=None)
    read_backs = [e for e in exchanges if e.action == "read back"]
    if not read_backs:  # heard sure, or not at all: the rule under test did not come up
        pytest.fail(f"no read-back: {[(e.action, e.heard) for e in exchanges]}")
    assert "confirmed" not in [e.action for e in exchanges]
    assert "ReportSymptomIntent" not in sent(exchanges)
    spoken_over = [e for e in exchanges if e.barge_in]
    assert spoken_over, "the yes was not marked as spoken over the read-back"


@pytest.mark.parametrize("barge_in", [False, True], ids=["barge-in off", "barge-in on"])
def test_office_babble_and_the_skills_own_echo_never_cut_or_answer_a_prompt(
    office: OfficeAudio, recognizer: object, barge_in: bool
) -> None:
    """Babble as loud as it is under an answer at 10 dB SNR, and the skill's own voice at -25
    dB, through the welcome and its reprompt: no prompt is cut, nothing is sent."""
    babble = office.babble("tuning")
    level = speech_power(_samples(say(office, "yes")))
    gain = math.sqrt(level / 10 / speech_power(_samples(babble)))

    def react(prompt: str, started: float, ended: float | None) -> list[tuple[float, bytes]]:
        return []

    exchanges, live = run_live(react, recognizer, barge_in, babble=babble,
                               babble_gain=gain, limit_seconds=40.0)
    assert live.aborted == 0
    assert sent(exchanges) == []
