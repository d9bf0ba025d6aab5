"""Sentences the team wrote itself, the way people talk, each tried in the simulator before the
change that reads it (docs/understanding.md). Each is judged as a people-corpus line is
(tests/people.py): understood, and no safety misread. They are team-written, so they are
tuning, never evidence of how well strangers are understood (the held-out parts are that).
"""

from __future__ import annotations

import pytest
from people import Case, SimulatorSpeaker, judge

from skill.simulator.transport import InProcess

# (locale, question, what it must do, the sign if any, the words)
OWN: list[tuple[str, str, str, str | None, str]] = [
    # Checking for someone else, told with their twitch or as acting for them.
    ("en-US", "launch", "other_person", None,
     "for my dad his neck has been flickering on and off all week"),
    ("en-GB", "screen", "other_person", None,
     "i'm ringing on behalf of my nan she's sat right here with me"),
    ("en-AU", "screen", "other_person", None, "it's me partner's neck that keeps jumping not mine"),
    # Not now: someone else's long-ago sign (a duration says no when), a what-if, a figure,
    # a childhood event.
    ("en-GB", "screen", "not_now", "emergency_now",
     "my nan went all floppy after her stroke years ago but she's long gone now god rest her"),
    ("en-AU", "stroke_signs", "not_now", "emergency_now",
     "my dad had a funny turn back in 2015 and "
     "couldn't find his words for a bit but that's history"),
    ("en-GB", "swallowing", "not_now", "swallowing",
     "i choked on a fish bone as a kid that's the only time"),
    ("en-US", "screen", "not_now", "emergency_now",
     "what if i suddenly can't breathe one day is that a thing with this"),
    ("en-GB", "stroke_signs", "not_now", "emergency_now",
     "my husband's face drooped after his bell's palsy in 2010 but it's fine now"),
    ("en-IN", "screen", "not_now", "emergency_now",
     "my blood boils when my boss calls at night but otherwise nothing"),
    # Emergencies told in passing at a question about something else, most by a bystander:
    # a chest in a vice, an arm that flopped, keeled over, talking nonsense, lips swelling or
    # purple, a rash under a glass, not recognising anyone, gone floppy (NHS-999; BE-FAST).
    ("en-US", "screen", "emergency", None,
     "my husband is sitting there all grey and sweaty "
     "and says his chest feels like it's in a vice"),
    ("en-GB", "weakness", "emergency", None,
     "no but my mum's arm has just flopped down by her side and she can't lift it back up"),
    ("en-AU", "balance", "emergency", None,
     "walking's fine but my mate's just keeled over at the barbie and he's not waking up properly"),
    ("en-IN", "swallowing", "emergency", None,
     "swallowing is fine but my father suddenly is talking "
     "nonsense and his mouth is going to one side"),
    ("en-CA", "duration", "emergency", None,
     "it's been about a month but my daughter's lips "
     "are swelling up really fast after the peanut thing"),
    ("en-US", "lifestyle", "emergency", None,
     "stress mostly but also my roommate is breathing "
     "really weird and her lips look kind of purple"),
    ("en-GB", "stroke_signs", "emergency", None,
     "about ten minutes ago i couldn't find my words and "
     "my right hand went useless but it's come back now"),
    ("en-US", "screen", "emergency", None,
     "my son's got a fever and a rash that doesn't go away when i press a glass on it"),
    ("en-AU", "injury", "emergency", None,
     "no injury but my wife's suddenly got the worst headache of her life and she's throwing up"),
    ("en-IN", "numbness", "emergency", None,
     "no tingling but my grandmother is not recognising any of us since morning"),
    ("en-GB", "medicine", "emergency", None,
     "no new tablets but my grandad's gone all floppy in his chair and his eyes are rolling"),
    ("en-US", "speech", "emergency", None,
     "my speech is fine but my coworker just started slurring and dropped his coffee"),
    ("en-CA", "wasting", "emergency", None,
     "not thinner but i suddenly lost the vision in my left eye like a curtain came down"),
    ("en-GB", "spreading", "emergency", None,
     "it's only the neck but my little one's had a "
     "fit and now she's really sleepy and hard to wake"),
    ("en-US", "bladder_bowel", "emergency", None,
     "no bladder stuff but my dad is sitting here and can't catch his breath at all"),
    # Emergencies in a bystander's or the person's own words: a face gone numb, a collapse,
    # a limb gone to jelly, a question asked over and over, a fit seen by a friend, a
    # relative who cannot get a word out, lips going blue (NHS-999; BE-FAST).
    ("en-US", "screen", "emergency", None,
     "i honestly cannot feel the right side of my face at all since a few minutes"),
    ("en-GB", "balance", "emergency", None,
     "walking's fine love but me mum's just gone down like a ton of bricks in the hall "
     "and she isn't talking"),
    ("en-AU", "weakness", "emergency", None,
     "right hand just went to jelly mid email and now i can't grip the mouse"),
    ("en-CA", "medicine", "emergency", None,
     "no new pills but my wife says i keep asking the same question over and over since lunch"),
    ("en-US", "wasting", "emergency", None,
     "not thinner but my brother says i was staring and jerking on the couch and i don't "
     "remember any of it"),
    ("en-GB", "spreading", "emergency", None,
     "my whole body was shaking a minute ago and i couldn't stop it"),
    ("en-US", "speech", "emergency", None,
     "not my speech but my dad couldn't get a single word out just now"),
    ("en-IN", "breathless", "emergency", None,
     "right now i am gasping and my lips are going bluish"),
    # Someone else's past, and a what-if: not now.
    ("en-GB", "stroke_signs", "not_now", "emergency_now",
     "my nan had stroke last year and her face was drooping but me nothing like that"),
    ("en-US", "stroke_signs", "not_now", "emergency_now",
     "hypothetically if my arm went weak tonight what would i even do"),
    # Denials in people's words: a list after "don't", "nothing's", said after the sign,
    # a medicine taken for years.
    ("en-GB", "numbness", "denied", "numbness", "my fingers don't tingle or go dead at all"),
    ("en-US", "wasting", "denied", "wasting", "nothing's shrinking i looked in the mirror"),
    ("en-IN", "stiffness", "denied", "stiffness", "stiffness i never get only the twitching"),
    ("en-AU", "medicine", "no", None,
     "no new tablets i'm only on my blood pressure ones and i've been on those for years"),
    # Requests in words no sample holds (read from the words by the lexicon).
    ("en-GB", "balance", "repeat", None, "sorry pet say that again the kettle was going"),
    ("en-US", "numbness", "sources", None, "is any of this based on actual studies"),
    ("en-CA", "injury", "back", None, "rewind to the one before i rushed it"),
    ("en-GB", "spreading", "stop", None, "nope i'm getting myself worked up cancel this"),
    ("en-US", "duration", "causes", None, "what actually brings this on is it my nerves"),
    # The words after SignFine's "no" follow it.
    ("en-GB", "swallowing", "denied", "swallowing",
     "swallowing's absolutely fine no choking on anything"),
    # A heart attack told without the word chest, by the person or about someone (NHS-HEART).
    ("en-GB", "screen", "emergency", None,
     "no not like that but my husband just went grey and he's sweating buckets holding his arm"),
    ("en-GB", "screen", "emergency", None, "my jaw and left arm ache and i feel sick and clammy"),
    ("en-GB", "screen", "not_now", "chest_pain", "my arms ache and i'm sweating from the gym"),
    ("en-GB", "screen", "not_now", "emergency_now",
     "no i had a seizure as a teenager but nothing since"),
    # A relative's confusion, collapse, fit, speech, told in their words.
    ("en-GB", "screen", "emergency", None,
     "my son's shaking all over on the floor and his eyes have rolled back"),
    ("en-US", "screen", "emergency", None,
     "no weight loss but okay my dad is totally confused right now he just asked me who i was"),
    ("en-AU", "screen", "emergency", None,
     "the bloke at the next desk is slurring and can't lift his coffee now"),
    ("en-GB", "screen", "emergency", None,
     "not me it's me lad he's fitting on the sofa he's never done that before"),
    ("en-US", "launch", "emergency", None,
     "my wife's twitching and she's slurring her words a bit tonight"),
    # A "no" inside a figure ("for no reason") is no answer.
    ("en-GB", "stroke_signs", "emergency", None,
     "my leg just buckled under me for no reason and i couldn't lift it for a few minutes"),
    # A stroke sign that passed: "fine now" does not deny it (NICE CG68).
    ("en-CA", "stroke_signs", "emergency", None, "arm went dead suddenly at lunch fine now"),
    ("en-US", "stroke_signs", "emergency", None,
     "my smile went lopsided in the mirror about twenty minutes ago and now it's fine"),
    ("en-US", "stroke_signs", "emergency", None,
     "my vision went double for maybe a minute at lunch"),
    ("en-IN", "stroke_signs", "emergency", None,
     "my father's one side face is hanging down since half an hour what to do"),
    ("en-GB", "stroke_signs", "emergency", None,
     "everything on the left went dark like someone pulled a shade for a few minutes yesterday"),
    # Someone else's past, and a year said with a filler.
    ("en-US", "stroke_signs", "not_now", "emergency_now",
     "my grandma had a stroke in like 2019 and her face went all droopy but me no"),
    ("en-IN", "launch", "not_now", "emergency_now",
     "my wife says i am giving her a heart attack with all my worrying"),
    # One thing dropped once is no weakness; dropping things again and again is.
    ("en-GB", "weakness", "sign", "weakness", "i keep dropping my cup and my grip's going"),
    # A past event said with "I did": no yes now.
    ("en-GB", "swallowing", "not_now", "swallowing",
     "well i did choke on a boiled sweet back in 1987 but nothing since touch wood"),
    ("en-US", "breathless", "sign", "swallowing", "no choke on water sometimes though lately"),
    # Emergencies in words no list had: a glass test, an elephant, a whole side gone weird, a
    # father who doesn't know who you are, blacking out.
    ("en-GB", "screen", "emergency", None,
     "i can't stop shaking and i've got a rash that won't go when i press a glass on it"),
    ("en-GB", "screen", "emergency", None,
     "i feel like an elephant is standing on me and i'm sweating"),
    ("en-GB", "screen", "emergency", None, "my whole right side has gone weird and heavy"),
    ("en-GB", "screen", "emergency", None, "my dad doesn't know who i am all of a sudden"),
    ("en-GB", "screen", "emergency", None, "i keep blacking out"),
    ("en-GB", "screen", "emergency", None, "my mum doesn't recognise me"),
    ("en-IN", "screen", "emergency", None,
     "my heart's going like the clappers and i've got this tight band round my ribs"),
    ("en-IN", "screen", "emergency", None, "i'm seeing two of everything and the room's tilting"),
    ("en-IN", "screen", "emergency", None,
     "my chest is paining very badly since morning and sweat is coming"),
    ("en-IN", "screen", "emergency", None,
     "mother is not responding properly and her mouth has become crooked"),
    ("en-GB", "medicine", "no", None, "no same tablets as always nothing new from the chemist"),
    ("en-AU", "speech", "yes", None,
     "my friends keep saying i sound slurry lately so yeah i guess"),
    # A question that tells an emergency, the person's own or someone else's, gets the number;
    # a question about a sign in general is answered.
    ("en-US", "weakness", "emergency", None, "what's making my chest so tight right now"),
    ("en-US", "weakness", "emergency", None, "what brings on my husband's face drooping like this"),
    ("en-US", "weakness", "not_now", "chest_pain", "what causes chest pain"),
    # What follows a "no" after words that name no sign is read after that "no".
    ("en-US", "launch", "denied", "weakness",
     "it's just a twitch no weakness or anything like that"),
    # Found talking to the simulator: a question about a cause, a heaviness said before the limb.
    ("en-US", "breathless", "causes", None, "is this from all the coffee i drink"),
    ("en-US", "breathless", "sign", "weakness",
     "i've had this weird heaviness in my right leg when i walk since last month"),
    # A denied sign is no sudden one, whatever time is named beside it.
    ("en-GB", "weakness", "no", None,
     "no because my grip is totally fine i was lifting weights yesterday"),
    # "no, nothing new" is one no, never a double one that tells the sign.
    ("en-GB", "medicine", "no", None, "no nothing new"),
    ("en-US", "medicine", "no", None, "nope nothing new at all"),
    # A body part is no person: "my arm is weak" is the speaker's own.
    ("en-US", "screen", "sign", "weakness", "my arm is weak"),
    ("en-US", "screen", "sign", "numbness", "my left hand has gone numb"),
    # All well, in words that name no sign: a no.
    ("en-GB", "bladder_bowel", "no", None, "plumbing's all in order ta"),
    ("en-IN", "numbness", "no", None, "hands and arms are feeling completely normal only"),
    # Signs in people's words.
    ("en-AU", "weakness", "sign", "weakness",
     "honestly my legs feel like lead by the end of the day"),
    ("en-GB", "wasting", "sign", "wasting", "my calf looks a bit hollow compared to the other one"),
    ("en-GB", "wasting", "sign", "weight_loss", "i've dropped a dress size without trying"),
    ("en-IN", "spreading", "sign", "spreading", "my calves and my back are at it too now"),
    ("en-US", "stiffness", "sign", "stiffness", "i get charley horses most nights"),
    ("en-AU", "duration", "yes", None, "it's been about a month and it's twice as bad"),
    ("en-AU", "duration", "no", None, "a few days at most"),
    ("en-GB", "medicine", "no", None, "same pills i've had for years"),
    ("en-US", "breathless", "yes", None, "only if i lie completely flat i need three pillows now"),
    ("en-US", "duration", "yes", None, "it's been going on since before christmas"),
    ("en-US", "duration", "no", None, "only since tuesday"),
    ("en-AU", "swallowing", "sign", "swallowing",
     "stuff goes down the wrong way a lot lately i keep spluttering"),
    ("en-AU", "swallowing", "no", None, "nope eating like a horse"),
    ("en-GB", "weakness", "sign", "weakness", "i can't open jars like i used to my grip's gone"),
    ("en-CA", "numbness", "sign", "numbness",
     "there's a pins and needles thing running down to my thumb"),
    ("en-US", "wasting", "sign", "wasting", "my calf on the left looks smaller than the right"),
    ("en-IN", "spreading", "sign", "spreading", "it's jumped to my eyelid and my thigh now"),
    ("en-AU", "balance", "sign", "balance", "i keep veering to one side when i walk down the hall"),
    ("en-US", "medicine", "sign", "medicine", "the doctor put me on sertraline last month"),
    ("en-AU", "medicine", "sign", "tongue",
     "no new meds but i looked at my tongue in the mirror with a torch and it's like wriggling"),
]


@pytest.fixture(scope="module")
def speaker(tmp_path_factory: pytest.TempPathFactory) -> SimulatorSpeaker:
    folder = tmp_path_factory.mktemp("own-words-memory")
    return SimulatorSpeaker(InProcess(storage=f"sqlite:{folder}/memory.sqlite3"))


@pytest.mark.parametrize(("locale", "at", "expect", "sign", "words"), OWN,
                         ids=[f"{at}-{words[:40]}" for _l, at, _e, _s, words in OWN])
def test_own_words_are_understood(speaker: SimulatorSpeaker, locale: str, at: str, expect: str,
                                  sign: str | None, words: str) -> None:
    case = Case("team", locale, at, expect, words, {"sign": sign} if sign else {})
    result = judge(case, speaker)
    assert result.unsafe is None, (result.unsafe, result.seen)
    assert result.understood, result.seen
