"""The symptom lexicon reads people's own words: signs, lifestyle factors, negation, suddenness.

The corpus is written as worried people talk (US, UK, Canadian, Australian and Indian English;
casual, rambling). Each case is a text and what it must yield: space-separated ids, `!id` for a
negated mention, "" for nothing. The set must match exactly: a missed sign under-triages and an
invented one (above all a negation read as the sign) over-triages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.content.lexicon import (
    DEFAULT_LOCALE,
    LEXICON_DIR,
    SUDDEN_FORMS,
    Lexicon,
    LexiconError,
    Mention,
    lexicon_for,
)
from skill.triage.vocabulary import LIFESTYLE_FACTORS, SIGNS

NOT_READ_FROM_WORDS = frozenset({"unrecognised"})

# Symptoms and factors in plain words, one at a time.
PLAIN: list[tuple[str, str]] = [
    ("my face is drooping", "face_droop"),
    ("I'm choking", "breathing_now"),
    ("I can't breathe", "breathing_now"),
    ("my speech is slurred", "speech"),
    ("my left hand feels numb", "numbness"),
    ("my tongue keeps twitching too", "tongue"),
    ("my legs are twitching too", "spreading"),
    ("I keep dropping things", "weakness"),
    ("it's been going on for a month", "duration"),
    ("I started a new medication last week", "medicine"),
    ("the twitching has been going on for weeks", "duration"),
    # Rules v3's signs (skill/triage/rules.yaml; docs/clinical.md).
    ("I think I had a mini stroke last week", "stroke_passed"),
    ("my chest hurts when I breathe in", "chest_pain"),
    ("my lips are swelling up", "allergic"),
    ("I had a fit last night", "seizure"),
    ("I have been confused since yesterday", "confusion"),
    ("I have a rash that doesn't fade under a glass and a fever", "rash_fever"),
    ("my arm has got weaker every day this week", "weakness_fast"),
    ("my speech is getting worse by the day", "speech_fast"),
    ("my walking got worse by the day this week", "balance_fast"),
    ("I had a car accident yesterday", "injury_recent"),
    ("I dived into a shallow pool", "injury_danger"),
    ("I got a sudden severe neck pain", "neck_pain_sudden"),
    ("the sertraline is making me sweat", "serotonin"),
    ("I'm pregnant with a terrible headache", "pregnancy_warning"),
    ("I'm pregnant", "pregnant"),
    ("I'm fourteen years old", "under_16"),
    ("one side of my face has dropped", "face_droop"),
    ("my smile looks crooked in the mirror", "face_droop"),
    ("the left side of my mouth is kind of droopy", "face_droop"),
    ("my mouth is drooping on one side", "face_droop"),
    ("I'm struggling to breathe", "breathing_now"),
    ("I can't catch my breath right now", "breathing_now"),
    ("I get short of breath even when I'm just sitting down", "breathless"),
    ("I'm out of breath doing nothing", "breathless"),
    ("I wake up at night gasping for air", "breathless"),
    ("I can't breathe properly when I lie flat", "breathless"),
    ("I get breathless lying down", "breathless"),
    ("I have trouble swallowing", "swallowing"),
    ("food keeps getting stuck in my throat", "swallowing"),
    ("I keep choking on my drink", "swallowing"),
    ("I cough a lot when I'm eating", "swallowing"),
    ("it's hard to swallow my food", "swallowing"),
    ("I can't swallow properly", "swallowing"),
    ("my voice sounds different lately", "speech"),
    ("my words come out all jumbled", "speech"),
    ("I sound drunk when I talk but I haven't been drinking", "speech"),
    ("I can't grip anything with my right hand", "weakness"),
    ("my hand is weak", "weakness"),
    ("I struggle to do up buttons", "weakness"),
    ("my handwriting has gone really messy", "weakness"),
    ("my hands have got clumsy", "weakness"),
    ("I'm not able to lift my arm above my head", "weakness"),
    ("there's no strength in my arm", "weakness"),
    ("my leg keeps giving way", "weakness"),
    ("I keep tripping over my own feet", "balance"),
    ("I'm really unsteady on my feet", "balance"),
    ("I keep stumbling when I walk", "balance"),
    ("I can't walk straight", "balance"),
    ("the muscle in my hand looks thinner", "wasting"),
    ("there's a dent in my shoulder muscle", "wasting"),
    ("my calf muscle is shrinking", "wasting"),
    ("I've been wetting myself", "bladder_bowel"),
    ("I can't control my bladder", "bladder_bowel"),
    ("I've had trouble peeing", "bladder_bowel"),
    ("I had whiplash from a car accident last year", "injury"),
    ("I fell and hit my head a few weeks ago", "injury"),
    ("I hurt my neck at the gym", "injury"),
    ("it's getting worse", "worsening"),
    ("the twitching is more frequent than before", "worsening"),
    ("my tongue is quivering", "tongue"),
    ("my tongue feels like it's moving on its own", "tongue"),
    ("I have pins and needles in my fingers", "numbness"),
    ("I've got a shooting pain down my arm", "numbness"),
    ("I think I have a trapped nerve", "numbness"),
    ("I can't feel my fingertips", "numbness"),
    ("it's twitching all over my body", "spreading"),
    ("my calves twitch constantly", "spreading"),
    ("now my back is twitching as well", "spreading"),
    ("I keep getting cramps in my legs", "stiffness"),
    ("I had a charley horse last night", "stiffness"),
    ("my muscles feel really tight and stiff", "stiffness"),
    ("I've lost weight without trying", "weight_loss"),
    ("I've dropped a stone without dieting", "weight_loss"),
    ("it's been going on for ages", "duration"),
    ("it's been more than two weeks", "duration"),
    ("it's been twitching since last month", "duration"),
    ("my doctor changed my prescription recently", "medicine"),
    ("I've been on new tablets", "medicine"),
    ("I've got double vision", "vision"),
    ("everything went blurry in one eye", "vision"),
    ("I can't see out of my left eye", "vision"),
    ("I have a stiff neck and a high fever", "meningism"),
    ("it's the worst headache of my life", "thunderclap"),
    ("I'm peeing myself", "bladder_bowel"),
    ("I'm so stressed at work", "stress"),
    ("I've been really anxious lately", "stress"),
    ("I'm not sleeping well", "sleep"),
    ("I'm absolutely knackered", "sleep"),
    ("I'm shattered", "sleep"),
    ("I drink about five coffees a day", "caffeine"),
    ("I have a lot of energy drinks", "caffeine"),
    ("I have a cuppa every hour", "caffeine"),
    ("I drink a double double every morning", "caffeine"),
    ("I smoke about ten a day", "nicotine"),
    ("I vape", "nicotine"),
    ("I've been on the fags again", "nicotine"),
    ("I've been on the durries", "nicotine"),
    ("I'm on the computer all day for work", "desk"),
    ("I spend hours looking down at my phone", "desk"),
    ("I game a lot, like eight hours a day", "desk"),
    # Indian English
    ("I am feeling giddy", "balance"),
    ("I am not able to hold the cup properly", "weakness"),
    ("I am taking too much of chai", "caffeine"),
    ("I have lot of tension at office", "stress"),
    ("kindly tell me, my speech is becoming unclear", "speech"),
    ("I am having tingling in my hands since two weeks", "numbness"),
    # Australian and UK
    ("I'm puffed out doing nothing", "breathless"),
    ("my legs feel all wobbly", "balance"),
    ("I've got a dodgy neck from a car crash", "injury"),
]

# Negated: denied outright, after the mention ("is fine"), or inside it ("isn't twitching").
NEGATED: list[tuple[str, str]] = [
    ("I have no trouble swallowing", "!swallowing"),
    ("no tingling", "!numbness"),
    ("I've got no pain down my arm", "!numbness"),
    ("never had any weakness", "!weakness"),
    ("without any numbness", "!numbness"),
    ("my speech is fine", "!speech"),
    ("no, my speech is fine", "!speech"),
    ("swallowing is normal", "!swallowing"),
    ("balance is okay", "!balance"),
    ("I don't have any numbness", "!numbness"),
    ("I haven't noticed any weakness in my hands", "!weakness"),
    ("I don't smoke", "!nicotine"),
    ("I don't drink coffee", "!caffeine"),
    ("I'm not stressed at all", "!stress"),
    ("my vision is fine", "!vision"),  # a sign's topic, denied (was "" before topics)
    ("no double vision", "!vision"),
    ("I haven't lost any weight", "!weight_loss"),
    ("I'm not on any medication", "!medicine"),
    ("no cramps or stiffness", "!stiffness"),
    ("I don't have any tingling, numbness or weakness", "!numbness !weakness"),
    ("nothing wrong with my balance", "!balance"),
    ("my tongue isn't twitching", "!tongue"),
    ("my face isn't drooping", "!face_droop"),
    ("my hands don't feel weak or numb", "!weakness !numbness"),
    ("my arm isn't weak", "!weakness"),
    ("I never had a neck injury", "!injury"),
    ("no, I've never smoked", "!nicotine"),
    ("I don't get out of breath", "!breathless"),
    ("I'm not dizzy", "!balance"),
    ("no problems with my bladder or bowels", "!bladder_bowel"),
    ("I don't think my face is drooping", "!face_droop"),
    ("my swallowing seems fine", "!swallowing"),
    ("my balance has been perfectly normal", "!balance"),
    ("I don't take any medicine", "!medicine"),
    ("no new pills or anything", "!medicine"),
    ("it hasn't spread anywhere else", "!spreading"),
    ("I haven't been drinking much coffee", "!caffeine"),
    ("I don't have a fever", ""),
    ("I'm not losing weight", "!weight_loss"),
    ("my legs aren't twitching", "!spreading"),
    ("my speech and swallowing are both fine", "!speech !swallowing"),
    ("I have neither numbness nor tingling", "!numbness"),
    ("I'm not a smoker", "!nicotine"),
    ("I haven't had any cramps", "!stiffness"),
    ("I don't feel any pins and needles", "!numbness"),
    ("I don't have trouble talking", "!speech"),
    ("no issues with my vision", "!vision"),  # a sign's topic, denied (was "" before topics)
    ("there's no weakness and no numbness", "!weakness !numbness"),
    ("I'm not on any new meds", "!medicine"),
    ("I don't think it's getting worse", "!worsening"),
    ("it hasn't been more than two weeks", "!duration"),
    ("I don't have a stiff neck", "!stiffness"),
    ("I was never in an accident", "!injury"),
    ("my smile is fine", "!face_droop"),
    ("my speech isn't slurred", "!speech"),
    ("my walking is fine", "!balance"),
    ("my grip is strong", "!weakness"),
    ("I'm not tired", "!sleep"),
    ("nah, I don't drink energy drinks", "!caffeine"),
    ("my breathing is okay", "!breathless"),
    ("my eyesight hasn't changed", "!vision"),  # likewise
    ("it's just my neck", "!spreading"),  # words that deny by themselves (was unread)
    ("I'm as strong as I've ever been", "!weakness"),
    ("I'm not as strong as I was", "weakness"),
    ("it's only been a few days", "!duration"),
    ("my weight's the same as ever", "!weight_loss"),
    ("my weight", ""),  # a topic said without a denial is no sign
    ("the rest of me is behaving itself", "!spreading"),
    ("toilet habits are the same as before", "!bladder_bowel"),
]

# Negation stops at "but", "though", a new sentence or a hedge.
CLAUSES: list[tuple[str, str]] = [
    ("no, but my hand is numb", "numbness"),
    ("not really, my legs are twitching though", "spreading"),
    ("no weakness, but I do have some tingling", "!weakness numbness"),
    ("I don't smoke but I drink a lot of coffee", "!nicotine caffeine"),
    ("my speech is fine but my balance is off", "!speech balance"),
    ("I'm not stressed, although I haven't been sleeping well", "!stress sleep"),
    ("no trouble swallowing, however my voice sounds different", "!swallowing speech"),
    ("my balance is fine, though I keep dropping things", "!balance weakness"),
    ("nothing else really, except my calves twitch a lot", "spreading"),
    ("I haven't got a fever, but my neck is really stiff", "stiffness"),
    ("I don't drink coffee, although I do have a lot of tea", "caffeine"),
    ("no numbness. My arm does feel weak though", "!numbness weakness"),
    ("I'm not a smoker, but I vape", "nicotine"),
    ("not that I've noticed, but my handwriting has got worse", "weakness"),
    ("I don't have any weakness except when I'm tired", "!weakness sleep"),
    ("no pain down my arm, but I do get pins and needles in my fingers", "numbness"),
    ("I'm not dizzy but I keep tripping over", "balance"),
    ("I don't get cramps, but my muscles do feel stiff", "stiffness"),
    ("my vision's okay, however I've been getting double vision at night", "vision"),
    ("not really stressed, but I am exhausted", "!stress sleep"),
    ("I'm fine otherwise, my tongue keeps twitching though", "tongue"),
    ("I don't know, my face feels a bit droopy", "face_droop"),
    ("I'm not sure, but I think my speech is slurred", "speech"),
    ("no idea, my legs twitch as well", "spreading"),
    ("no I don't have trouble swallowing but my voice has changed", "!swallowing speech"),
    ("I haven't lost weight, apart from that my arms look thinner", "!weight_loss wasting"),
    ("my breathing is okay although I get puffed out walking upstairs", "breathless"),
    ("no my hand is numb", "numbness"),
    ("not really my legs are twitching though", "spreading"),
]

# "Suddenly", "this morning", "an hour ago" make weakness, numbness, speech and balance sudden.
SUDDEN: list[tuple[str, str]] = [
    ("my arm suddenly went weak", "sudden_weakness"),
    ("all of a sudden I can't lift my arm", "sudden_weakness"),
    ("I have sudden numbness on one side", "sudden_weakness"),
    ("my speech suddenly became slurred", "sudden_speech"),
    ("out of nowhere I couldn't get my words out", "sudden_speech"),
    ("I suddenly can't walk properly", "sudden_balance"),
    ("I got really dizzy all of a sudden and fell over", "sudden_balance"),
    ("my hand went numb about an hour ago", "sudden_weakness"),
    ("this morning my leg felt weak", "sudden_weakness"),
    ("just now my words came out all wrong", "sudden_speech"),
    ("my left arm went numb out of the blue", "sudden_weakness"),
    ("I woke up and my hand was weak", "sudden_weakness"),
    ("I've had twitching for months and suddenly my arm went weak",
     "duration sudden_weakness"),
    ("my balance went all of a sudden", "sudden_balance"),
    ("I suddenly started slurring my words", "sudden_speech"),
    ("a few minutes ago I couldn't grip my cup", "sudden_weakness"),
    ("my leg's been numb since yesterday", "sudden_weakness"),
    ("no sudden weakness", "!sudden_weakness"),
    ("it didn't come on suddenly, my arm has been weak for months", "weakness"),
    ("it came on suddenly this morning, my face started drooping", "face_droop"),
    ("my speech has been a bit off for weeks", "speech"),
    ("my hand is weak but it came on gradually", "weakness"),
    ("I suddenly feel numb and tingly down my left side", "sudden_weakness"),
    ("my legs just gave out suddenly", "sudden_weakness"),
    ("I all of a sudden lost my balance and collapsed", "sudden_balance"),
    ("my words were slurred for about ten minutes earlier today", "sudden_speech"),
    ("I'm not sleeping and suddenly I'm stressed", "sleep stress"),
    ("I'm constipated all of a sudden", "bladder_bowel"),
    ("I had a sudden severe headache", "thunderclap"),
    ("my arm's been weak for weeks. This morning my speech went funny", "weakness "
     "sudden_speech"),
]

# Chit-chat, questions, hedges and the twitch itself: nothing to record.
NOTHING: list[str] = [
    "what causes it",
    "is this ALS",
    "only at night",
    "sometimes",
    "a little",
    "occasionally",
    "now and then",
    "probably not",
    "I'd say yes",
    "yes definitely",
    "no idea",
    "what should I do",
    "how many more questions",
    "go back",
    "my neck twitches when I'm trying to relax",
    "it happens mostly in the evening",
    "it's like a little flicker under the skin",
    "is it serious?",
    "can you repeat that",
    "I don't know",
    "hmm let me think",
    "the twitching comes and goes",
    "no",
    "nope",
    "it twitches maybe ten times a day",
    "I noticed it yesterday",
    "how long does it usually last",
    "should I see a doctor",
    "thanks that's helpful",
    "I'm fine thanks",
    "not really",
    "it started out of nowhere",
    "it's on the right side of my neck",
    "will it go away on its own",
    "only a little bit",
    "only when I'm lying in bed",
    "is it normal?",
    "it's a bit better today",
    "no headache at all",
]

# Several things at once, the way people ramble.
MULTI: list[tuple[str, str]] = [
    ("so basically my neck has been twitching for about three weeks now and I've also noticed "
     "my left hand feels kind of numb and I keep dropping my keys",
     "duration numbness weakness"),
    ("I've been super stressed at work, drinking like four coffees a day and not sleeping much",
     "stress caffeine sleep"),
    ("my face is drooping and I can't lift my arm", "face_droop weakness"),
    ("I'm choking and I can't breathe", "breathing_now"),
    ("my tongue is twitching, my legs are twitching, and I've lost some weight",
     "tongue spreading weight_loss"),
    ("honestly I'm just worried, I smoke, I'm on my laptop all day and my sleep's been terrible",
     "stress nicotine desk sleep"),
    ("my arm feels weak, my speech is slurred and my face looks lopsided",
     "weakness speech face_droop"),
    ("I had a car crash a month ago and since then the twitching has got worse",
     "injury worsening"),
    ("the twitching is constant now and it's spreading to my arms and legs", "spreading"),
    ("I get cramps in my calves and my muscles feel stiff after the gym", "stiffness"),
    ("my hands are clumsy, I have trouble with buttons and my grip is weak", "weakness"),
    ("I'm out of breath lying down and I've been coughing when I eat",
     "breathless swallowing"),
    ("I can't swallow properly and my voice sounds nasal", "swallowing speech"),
    ("I started new blood pressure tablets and now my muscles keep cramping",
     "medicine stiffness"),
    ("my neck has been twitching for months, it's keeping me up at night and I can't focus at "
     "work", "duration"),
    ("I keep tripping, my legs feel weak and I've had a couple of accidents with my bladder",
     "balance weakness bladder_bowel"),
    ("I'm a software developer, I sit at a desk all day, I drink energy drinks and I vape",
     "desk caffeine nicotine"),
    ("there's numbness in my fingers and a shooting pain down my arm", "numbness"),
    ("my arm's getting thinner and weaker", "wasting weakness"),
    ("I have a fever, my neck is stiff, and I've got the worst headache of my life",
     "meningism stiffness thunderclap"),
    ("I'm getting pins and needles in both hands, my legs twitch all the time, and it's been "
     "about six weeks", "numbness spreading duration"),
    ("mate, I've been on the durries and the energy drinks, and now my calves won't stop "
     "twitching", "nicotine caffeine spreading"),
    ("I am having tension and not getting proper sleep since one month",
     "stress sleep duration"),
    ("my daughter says my speech sounds slurred and I've been choking on water",
     "speech swallowing"),
    ("my eyes went blurry and my face drooped", "vision face_droop"),
    ("I'm short of breath, my voice is hoarse and I've lost a lot of weight",
     "breathless speech weight_loss"),
    ("I've been taking a new antidepressant and I feel anxious and can't sleep",
     "medicine stress sleep"),
    ("I have trouble walking, I can't hold a pen and my muscles are wasting",
     "balance weakness wasting"),
    ("it's been happening more often and my thumb muscle looks hollow", "worsening wasting"),
    ("I fell off my bike and hurt my neck, now my arm tingles", "injury numbness"),
    ("I don't smoke, I don't drink coffee, but I'm on my phone constantly and I'm stressed "
     "out of my mind", "!nicotine !caffeine desk stress"),
    ("no trouble swallowing, no slurred speech, nothing like that, it's just the twitching in "
     "my neck and now my calves", "!swallowing !speech spreading"),
    # "my vision is fine": vision denied (a sign's topic, said to deny it)
    ("my balance is fine, my vision is fine, but my hand goes numb and I drop my phone a lot",
     "!balance !vision numbness weakness"),
    ("I work night shifts so I'm exhausted, I live on Red Bull and I'm worried sick about it",
     "sleep caffeine stress"),
    ("my grandmother had a stroke and now my face feels droopy and my arm is numb",
     "face_droop numbness"),
    ("I think I'm having a stroke", "emergency_now"),
    ("please call an ambulance, my husband's collapsed", "emergency_now sudden_balance"),
    ("I've got crushing chest pain", "emergency_now chest_pain"),  # the chest, and a pain
]

# HELD OUT: written after the corpus above passed, scored before any tuning for them (see the
# note below the list). Fixes for them had to be general, never one phrase per case.
HELD_OUT: list[tuple[str, str]] = [
    ("I've noticed I can't really hold my coffee mug steady anymore", "weakness"),
    ("my right leg has been dragging when I walk", "weakness"),
    ("my missus reckons I've been slurring after work, and no, I haven't been drinking",
     "speech"),
    ("it feels like something's stuck in my throat whenever I eat bread", "swallowing"),
    ("yeah, I do get these electric zaps down into my fingers", "numbness"),
    ("honestly my sleep is all over the place", "sleep"),
    ("I'm not dropping things or anything like that", "!weakness"),
    ("my calves and thighs have been jumping for about a month", "spreading duration"),
    ("about an hour ago my vision went double", "vision"),
    ("my left eyelid is drooping a bit", "face_droop"),
    ("the muscle between my thumb and finger has sort of caved in", "wasting"),
    ("I've got no problems walking or talking", "!balance !speech"),
    ("I'm drinking like three Monsters a day", "caffeine"),
    ("work has been insane lately and I'm barely getting five hours a night", "stress sleep"),
    ("I quit smoking two months ago", "!nicotine"),
    ("my arms feel like jelly and I'm so weak", "weakness"),
    ("I've had a really stiff neck and a temperature since Tuesday", "meningism"),
    ("out of nowhere the left side of my body went numb", "sudden_weakness"),
    # Was "" (nothing read) before topics: the eyes denied is vision denied.
    ("I don't have any problems with my eyes", "!vision"),
    ("no numbness, no tingling, no weakness, nothing", "!numbness !weakness"),
    ("my balance isn't great", "balance"),
    ("I keep biting my tongue and it twitches", "tongue"),
    ("the twitching has spread to my chest and back", "spreading"),
    ("I have a bit of a lisp now which I never used to have", "speech"),
    ("I'm a nurse on night shifts and live off energy drinks", "sleep caffeine"),
    ("I get winded just walking to the mailbox", "breathless"),
    ("I've got the worst headache ever and my neck is stiff", "thunderclap stiffness"),
    ("it's hard to get my words out this morning", "sudden_speech"),
    ("I can't feel anything in my left foot", "numbness"),
    ("my speech is normal but my smile looks uneven", "!speech face_droop"),
]
# Scores: the corpus above was written before the lexicon and passed 295 of 301 on its first
# run (the misses were mechanics: overlapping matches, lists after a negated mention). These 30
# passed 19 before any tuning; the fixes were general: adverbs between "can't" and its verb, a
# list's second item borrowing its head ("problems walking or talking"), linking verbs for
# adjective post-negations ("hold it steady" is not "is steady"), idioms to ignore ("all over
# the place"), and missing vocabulary by kind (lisp, caved in, Monsters, eyes, hours of sleep).


def expected(spec: str) -> set[tuple[str, bool]]:
    return {(item.lstrip("!"), item.startswith("!")) for item in spec.split()}


def got(text: str) -> set[tuple[str, bool]]:
    return {(m.id, m.negated) for m in lexicon_for("en-US").read(text)}


CORPUS: list[tuple[str, str]] = [
    *PLAIN, *NEGATED, *CLAUSES, *SUDDEN, *((text, "") for text in NOTHING), *MULTI,
]


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CORPUS) >= 200
    assert len(NEGATED) >= 40
    assert len(CLAUSES) >= 20
    assert len(SUDDEN) >= 20
    assert len(NOTHING) >= 20
    texts = [text for text, _ in CORPUS]
    assert len(set(texts)) == len(texts), "a case is listed twice"
    ids = {item.lstrip("!") for _, spec in CORPUS for item in spec.split()}
    assert ids <= SIGNS | LIFESTYLE_FACTORS
    assert ids == (SIGNS - NOT_READ_FROM_WORDS) | LIFESTYLE_FACTORS, "every id is exercised"


@pytest.mark.parametrize(("text", "spec"), CORPUS)
def test_corpus(text: str, spec: str) -> None:
    assert got(text) == expected(spec), text


@pytest.mark.parametrize(("text", "spec"), HELD_OUT)
def test_held_out(text: str, spec: str) -> None:
    assert got(text) == expected(spec), text


def test_mentions_come_in_order_once_each_with_the_words_said() -> None:
    mentions = lexicon_for("en-US").read(
        "My tongue keeps twitching, I can't breathe... and my TONGUE is quivering!"
    )
    assert mentions == (
        Mention("sign", "tongue", False, "tongue keeps twitching"),
        Mention("sign", "breathing_now", False, "can't breathe"),
    )


def test_a_positive_mention_outweighs_a_negated_one_of_the_same_sign() -> None:
    mentions = lexicon_for("en-US").read("no weakness in my left arm, but my right arm is weak")
    assert [(m.id, m.negated, m.words) for m in mentions] == [
        ("weakness", False, "arm is weak"),
    ]


def test_factors_are_kind_factor_and_signs_kind_sign() -> None:
    mentions = lexicon_for("en-US").read("I drink coffee and my hand is numb")
    assert [(m.kind, m.id) for m in mentions] == [("factor", "caffeine"), ("sign", "numbness")]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I can't breathe", "breathing_now"),
        ("I can't swallow", "swallowing"),
        ("I can't grip", "weakness"),
        ("I can't walk straight", "balance"),
        ("I'm not able to lift it", "weakness"),
        ("no strength in my arm", "weakness"),
        ("I can't get my words out", "speech"),
        ("I can't feel my fingers", "numbness"),
        ("I can't see properly", "vision"),
    ],
)
def test_negative_words_inside_a_symptom_are_the_symptom(text: str, sign: str) -> None:
    assert got(text) == {(sign, False)}


def test_the_longest_match_wins() -> None:
    (mention,) = lexicon_for("en-US").read("a sharp pain shooting down my arm")
    assert (mention.id, mention.words) == ("numbness", "pain shooting down my arm")


def test_empty_and_punctuation_only_texts_yield_nothing() -> None:
    lexicon = lexicon_for("en-US")
    assert lexicon.read("") == ()
    assert lexicon.read("  ?!, ... ") == ()


def test_reading_is_total_on_long_words() -> None:
    # How fast a reading is, is measured in benchmarks/, not asserted here.
    lexicon = lexicon_for("en-US")
    text = ("so my neck has been twitching for weeks and now I don't have any trouble "
            "swallowing but my left hand feels numb ") * 20
    found = {m.id: m.negated for m in lexicon.read(text)}
    assert found == {"duration": False, "swallowing": True, "numbness": False}


# --- the data file -------------------------------------------------------------------------


def test_every_sign_and_factor_has_terms() -> None:
    lexicon = lexicon_for("en-US")
    assert set(lexicon.terms) == (SIGNS - NOT_READ_FROM_WORDS) | LIFESTYLE_FACTORS
    assert all(lexicon.terms.values())


def spelled_out(term: str) -> str:
    """A term's own words: the first of each `a/b`, stems as words, gaps and `.` left out,
    a word class as one of its words."""
    classes = {"#number": "three", "#year": "1999"}
    words = [classes.get(word, word.split("/")[0].rstrip("*")) for word in term.split()
             if word not in ("...", ".")]
    return " ".join(words)


@pytest.mark.parametrize("sign", sorted(lexicon_for("en-US").terms))
def test_every_term_reads_as_its_own_sign(sign: str) -> None:
    """No term is dead or taken over by another sign's term, and none negates itself."""
    lexicon = lexicon_for("en-US")
    wrong = []
    for term in lexicon.terms[sign]:
        read = {(m.id, m.negated) for m in lexicon.read(spelled_out(term))}
        if (sign, False) not in read and (SUDDEN_FORMS.get(sign), False) not in read:
            wrong.append(f"{term!r} -> {sorted(read)}")
    assert not wrong, "\n".join(wrong)


def test_locales_fall_back_to_en_us() -> None:
    us = lexicon_for("en-US")
    assert us.locale == DEFAULT_LOCALE == "en-US"
    assert lexicon_for(None) is us
    assert lexicon_for("xx-XX") is us
    if not (LEXICON_DIR / "en-GB.yaml").is_file():
        assert lexicon_for("en-GB") is us
    assert lexicon_for("en-GB").read("I've been on the fags") == (
        Mention("factor", "nicotine", False, "fags"),
    )


def test_every_shipped_lexicon_loads() -> None:
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        assert Lexicon.load(path).locale == path.stem


GOOD = """\
signs:
{signs}
factors:
{factors}
negators: ["no", not]
post_negations: [is fine]
clause_breakers: [but]
sudden_markers: [suddenly]
clause_openers: [my]
list_words: [and, or]
"""


def lexicon_text(**replace: str) -> str:
    signs = {sign: f"[{sign.replace('_', ' ')} word]" for sign in SIGNS - NOT_READ_FROM_WORDS}
    factors = {factor: f"[{factor} word]" for factor in LIFESTYLE_FACTORS}
    for key, value in replace.items():
        if key in signs:
            signs[key] = value
        else:
            factors[key] = value
    return GOOD.format(
        signs="\n".join(f"  {key}: {value}" for key, value in sorted(signs.items())),
        factors="\n".join(f"  {key}: {value}" for key, value in sorted(factors.items())),
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xx-XX.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_file_loads_and_reads(tmp_path: Path) -> None:
    lexicon = Lexicon.load(write(tmp_path, lexicon_text(face_droop="[droop*, face ... droop*]")))
    assert lexicon.locale == "xx-XX"
    assert [(m.id, m.negated) for m in lexicon.read("my face is drooping")] == [
        ("face_droop", False),
    ]
    assert [(m.id, m.negated) for m in lexicon.read("no tongue word")] == [("tongue", True)]


@pytest.mark.parametrize(
    ("terms", "text", "found"),
    [
        ("[droop*]", "my face is drooping", True),
        ("[droop*]", "a droop", True),
        ("[droop*]", "it drops", False),  # a prefix is a word start, not a substring
        ("[face ... droop*]", "my face is kind of drooping", True),
        ("[face ... droop*]", "my face is kind of sort of drooping", False),  # gap of 3 at most
        ("[face ... droop*]", "my face, and my arm, drooping", False),  # no gap over marks
        ("[face ... droop*]", "my face and arm are drooping", False),  # nor over list words
        ("[face ... droop*]", "my face but it is drooping", False),  # nor over breakers
        ("[lopsided/crooked smile]", "a crooked smile", True),
        ("[lopsided/crooked smile]", "a lopsided smile", True),
        ("[lopsided/crooked smile]", "a smile", False),
        ("[can't smile]", "I cant smile", True),  # apostrophes do not matter
        ("[crooked-smile]", "a crooked smile", True),  # a hyphen is a space
        ("[face droop .]", "face droop", True),
        ("[face droop .]", "face droop, and", True),
        ("[face droop .]", "face droop today", False),  # `.` ends at a clause end only
    ],
)
def test_term_syntax(tmp_path: Path, terms: str, text: str, found: bool) -> None:
    lexicon = Lexicon.load(write(tmp_path, lexicon_text(face_droop=terms)))
    assert [m.id for m in lexicon.read(text)] == (["face_droop"] if found else []), text


def test_ignore_phrases_win_overlaps_and_mean_nothing(tmp_path: Path) -> None:
    text = lexicon_text(injury="[fell, fell off]") + "ignore: [fell asleep]\n"
    lexicon = Lexicon.load(write(tmp_path, text))
    assert lexicon.read("I fell asleep") == ()
    assert [m.id for m in lexicon.read("I fell off my bike")] == ["injury"]


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (lexicon_text() + "colours: [red]\n", "(top level)", "unknown keys ['colours']"),
        (lexicon_text().replace("  tongue: [tongue word]\n", ""), "signs",
         "no terms for ['tongue']"),
        (lexicon_text().replace("  desk: [desk word]\n", ""), "factors",
         "no terms for ['desk']"),
        (lexicon_text().replace("signs:\n", "signs:\n  headache: [sore head]\n"),
         "signs.headache", "not a sign"),
        (lexicon_text(tongue="[]"), "signs.tongue", "empty term list"),
        (lexicon_text(tongue="tongue"), "signs.tongue", "expected a list"),
        (lexicon_text(tongue="[tongue, 3]"), "signs.tongue[1]", "expected a string"),
        (lexicon_text(tongue="[tongue, '']"), "signs.tongue[1]", "no words"),
        (lexicon_text(tongue="[... tongue]"), "signs.tongue[0]", "'...'"),
        (lexicon_text(tongue="[tong*ue]"), "signs.tongue[0]", "'*'"),
        (lexicon_text(tongue="[tongue, twitch*, Tongue]"), "signs.tongue[2]", "twice"),
        (lexicon_text(stress="[tongue word]"), "factors.stress[0]", "also a term of tongue"),
        (lexicon_text(caffeine="[coffee]").replace('negators: ["no", not]', "negators: []"),
         "negators", "empty term list"),
        (lexicon_text().replace("clause_openers: [my]", "clause_openers: [my own]"),
         "clause_openers[0]", "one word"),
        (lexicon_text().replace("list_words: [and, or]\n", ""), "list_words",
         "expected a list"),
    ],
)
def test_a_malformed_file_names_the_file_and_key(
    tmp_path: Path, change: str, key: str, problem: str
) -> None:
    path = write(tmp_path, change)
    with pytest.raises(LexiconError) as caught:
        Lexicon.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: "), message
    assert problem in message, message


@pytest.mark.parametrize("sign", sorted(NOT_READ_FROM_WORDS))
def test_signs_not_read_from_words_are_refused(tmp_path: Path, sign: str) -> None:
    path = write(tmp_path, lexicon_text().replace("signs:\n", f"signs:\n  {sign}: [help]\n"))
    with pytest.raises(LexiconError, match=rf": signs\.{sign}: "):
        Lexicon.load(path)


def test_unreadable_and_invalid_files_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"missing\.yaml: cannot read"):
        Lexicon.load(tmp_path / "missing.yaml")
    path = write(tmp_path, "signs: [unclosed\n")
    with pytest.raises(LexiconError, match=r"xx-XX\.yaml: not valid YAML"):
        Lexicon.load(path)
    path = write(tmp_path, "- a list\n")
    with pytest.raises(LexiconError, match=r"xx-XX\.yaml: \(top level\): expected a mapping"):
        Lexicon.load(path)


def test_the_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, skill.content.lexicon; "
            "print(sorted(m for m in ('yaml', 'rapidfuzz') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


# --- added with the skill's handlers: emergencies, hedges and symptom words ----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("a stroke I think", {("emergency_now", False)}),
    ("I think I'm having a heart attack", {("emergency_now", False)}),
    ("please call an ambulance", {("emergency_now", False)}),
    ("my grandmother had a stroke", set()),
    ("no i'm breathing okay right now", {("breathless", True)}),  # denied (was unread)
    ("my tongue's been flickering as well", {("tongue", False)}),
    ("my walking's been all over the place", {("balance", False)}),
    ("my speech's fine", {("speech", True)}),
])
def test_emergencies_and_contractions(text: str, expected: set[tuple[str, bool]]) -> None:
    assert {(m.id, m.negated) for m in lexicon_for("en-US").read(text)} == expected, text


@pytest.mark.parametrize(("text", "hedged"), [
    ("I'm not sure", True), ("honestly can't tell", True), ("no idea i don't weigh myself", True),
    ("kind of I suppose", True), ("maybe now and then", True), ("yes definitely", False),
    ("I choke on food sometimes", False), ("a bit slurry over the last months", False),
    ("no my speech is fine", False), ("my arm is weak", False),
])
def test_hedges(text: str, hedged: bool) -> None:
    assert lexicon_for("en-US").hedged(text) is hedged


@pytest.mark.parametrize(("text", "symptom"), [
    ("a rash on my neck", True), ("sore throat", True), ("my ears are ringing", True),
    ("a lump behind my ear", True), ("not sure what you mean", False), ("done thanks bye", False),
    ("my neck", False), ("the weather", False),
])
def test_symptom_words(text: str, symptom: bool) -> None:
    assert lexicon_for("en-US").sounds_like_symptom(text) is symptom


@pytest.mark.parametrize(("text", "expected"), [
    ("my arm is paining", {("numbness", False)}),  # Indian English
    ("I am having giddiness", {("balance", False)}),
    ("tension at work", {("stress", False)}),
    ("I've gone all wobbly", {("balance", False)}),  # British
    ("on the fags", {("nicotine", False)}),
    ("knackered", {("sleep", False)}),
    ("a dead arm", {("numbness", False)}),
])
def test_one_lexicon_reads_the_five_locales_words(text: str,
                                                  expected: set[tuple[str, bool]]) -> None:
    for locale in ("en-GB", "en-IN", "en-AU", "en-CA"):
        assert {(m.id, m.negated) for m in lexicon_for(locale).read(text)} == expected, locale


@pytest.mark.parametrize(("text", "expected"), [
    ("my right side went heavy and useless", {("sudden_weakness", False)}),
    ("one side feels numb", {("sudden_weakness", False)}),
    ("my toes get fizzy", {("numbness", False)}),
    ("I keep mumbling", {("speech", False)}),
])
def test_one_sided_heaviness_fizzing_and_mumbling(text: str,
                                                  expected: set[tuple[str, bool]]) -> None:
    assert {(m.id, m.negated) for m in lexicon_for("en-US").read(text)} == expected


@pytest.mark.parametrize(("text", "no"), [
    ("I'm twenty two so not really", True), ("don't think so to be honest", True),
    ("nah never had that", True), ("I'm not sure", False), ("my arm is weak", False),
])
def test_a_no_with_a_reason(text: str, no: bool) -> None:
    assert lexicon_for("en-US").says_no(text) is no


def test_a_hedge_the_carrier_cut_short_is_still_a_hedge() -> None:
    # "I suppose so, a bit" reaches the skill as "suppose so, a bit" after "I {symptom}".
    assert lexicon_for("en-US").hedged("suppose so a bit")


@pytest.mark.parametrize(("text", "asked"), [
    ("sorry love say that again the telly was on", "repeat"),
    ("pardon didn't catch a word of that", "repeat"),
    ("rewind a sec to the last one", "back"),
    ("can we begin from first question itself", "start_over"),
    ("okay nope i'm literally spiralling cancel this", "stop"),
    ("where's all this information coming from is it nhs stuff", "sources"),
    ("what brings this on is it nerves or what", "causes"),
    ("bad news or nothing", "serious"),
    ("what's my walking got to do with a twitchy neck", "why"),
    ("i'll let that one go by if it's all the same to you", "skip"),
    ("wait okay pause my cat's on the keyboard", "pause"),
    # no request at all, or a word of one inside a symptom
    ("my leg won't stop twitching", None),
    ("my arm went weak again this morning", None),
    ("i've been going back and forth to the loo", None),
])
def test_requests_said_in_peoples_words(text: str, asked: str | None) -> None:
    assert lexicon_for("en-US").request(text) == asked


def test_an_unknown_request_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lexicon_text() + "requests:\n  dance: [dance with me]\n")
    with pytest.raises(LexiconError, match=r": requests\.dance: "):
        Lexicon.load(path)


@pytest.mark.parametrize(("text", "theirs"), [
    ("for my husband he's got a twitchy neck", True),
    ("my little sister's neck is twitching and she's like freaking out", True),
    ("i am asking on behalf of my father in law he is sitting next to me", True),
    ("about me mum's neck it's been going like the clappers", True),
    ("my wife says my neck twitches a lot", False),
    ("my husband thinks i worry too much", False),
    ("my neck keeps twitching", False),
])
def test_a_check_for_someone_else_told_with_their_twitch(text: str, theirs: bool) -> None:
    assert lexicon_for("en-GB").for_someone_else(text) is theirs


def test_every_request_the_lexicon_reads_has_a_handler() -> None:
    from skill.alexa.handlers import _REQUESTED
    from skill.content.lexicon import REQUESTS

    assert set(_REQUESTED) == set(REQUESTS)
