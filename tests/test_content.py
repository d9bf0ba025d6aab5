"""Every locale has every word the skill can need, and SSML is always well-formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from skill.content import ContentError, available_locales, content_for
from skill.content.ssml import to_plain, to_ssml
from skill.triage import Tier, default_rules
from skill.triage.vocabulary import TIPS

RULES = default_rules()
LOCALES = available_locales()
TOP_LEVEL = [
    "launch.welcome", "launch.notice", "launch.restart", "launch.start_over", "answer_hint",
    "clarify_intro", "still_unsure_note", "fallback", "fallback_again", "fallback_choices",
    "fallback_choices_lifestyle", "fallback_now", "fallback_give_up", "something_else",
    "noted_factor", "back_to_check", "unknown_symptom", "noted_symptom", "goodbye", "error",
    "help.intro", "help.commands", "navigation.went_back", "navigation.at_start",
    "navigation.left", "navigation.last_one", "outcomes.unsure_one", "outcomes.unsure_many",
    "outcomes.unrecognised", "outcomes.unrecognised_only", "card.launch_title", "card.reported",
    "card.nothing_reported", "card.advice", "card.watch", "card.disclaimer",
    "learn.fasciculation", "learn.causes", "learn.spasm", "learn.serious", "learn.serious_now",
    "learn.sources", "questions.lifestyle.clarify", "questions.lifestyle.why",
]


def required_keys() -> list[str]:
    keys = list(TOP_LEVEL)
    for question in RULES.questions.values():
        keys += [f"questions.{question.id}.{part}" for part in ("ask", "explain")]
    for sign in RULES.signs:
        keys += [f"signs.{sign}", f"reasons.{sign}"]
    for tier in Tier:
        keys += [f"outcomes.{tier.key}.{part}" for part in ("title", "lead", "action", "watch")]
    keys += [f"tips.{tip}" for tip in TIPS]
    return keys


def test_en_us_is_shipped() -> None:
    assert "en-US" in LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_exists_and_formats(locale: str) -> None:
    content = content_for(locale)
    for key in required_keys():
        text = content.text(key, signs="x", sign="x", tips="x", text="x", words="x", n="2")
        assert text.strip() and "{" not in text, (locale, key)


@pytest.mark.parametrize("locale", LOCALES)
def test_prompts_are_one_breath(locale: str) -> None:
    content = content_for(locale)
    for question in RULES.questions.values():
        ask = content.text(f"questions.{question.id}.ask")
        limit = 24 if question.kind == "lifestyle" or question.id == "screen" else 16
        if locale.startswith("es"):
            # Spanish says the same in about a quarter more words, most of them one-syllable
            # articles and prepositions ("la", "de", "o"): the opening question under 30.
            limit = 29 if limit == 24 else 20
        assert ask.endswith("?") and len(ask.split()) <= limit, ask


def test_the_all_clear_path_is_well_under_two_minutes() -> None:
    """Under 110 seconds at about 150 words a minute (close to Alexa's default rate); the
    espeak-ng measurement is in benchmarks/speech_time.py."""
    from skill.content.render import outcome_step, question_step
    from skill.triage import Ask, CheckState, Outcome, Reply, next_step, reply

    content = content_for("en-US")
    words = len((content.text("launch.welcome") + " " + content.text("launch.notice")).split())
    state = CheckState()
    while True:
        step = next_step(RULES, state)
        if isinstance(step, Outcome):
            words += len(" ".join(outcome_step(content, step).speech).split())
            break
        assert isinstance(step, Ask)
        words += len(" ".join(question_step(content, step).speech).split())
        state = reply(RULES, state, Reply.NO)
    assert words / 150 * 60 < 110, f"{words} words"


def test_unknown_locale_speaks_no_foreign_number() -> None:
    content = content_for("de-DE")
    assert content.number == "your local emergency number"
    assert "911" not in content.text("outcomes.emergency.action")
    assert "call 911 now" in content_for("en-US").text("outcomes.emergency.action")


def test_missing_key_and_missing_value_are_clear() -> None:
    content = content_for("en-US")
    with pytest.raises(ContentError, match=r"no content for 'questions\.nope\.ask'"):
        content.text("questions.nope.ask")
    with pytest.raises(ContentError, match="needs a value for 'signs'"):
        content.text("outcomes.urgent.lead")


def test_urgent_means_today_everywhere() -> None:
    content = content_for("en-US")
    for key in ("title", "action"):
        text = content.text(f"outcomes.urgent.{key}")
        assert "today" in text and "few days" not in text, text
    assert "call 911" in content.text("outcomes.soon.watch")  # sudden signs: the number


def test_questions_about_the_skill_are_honest() -> None:
    content = content_for("en-US")
    serious = content.text("learn.serious")
    assert "harmless and come and go" not in serious and "can't tell" in serious
    assert "doctor" in serious and "examine" in serious
    assert "NHS" in content.text("learn.sources") and "NICE" in content.text("learn.sources")
    assert "stress" in content.text("learn.causes")
    assert "felt more easily than seen" in content.text("learn.fasciculation")


@pytest.mark.parametrize("text", ["a < b & c > d", "it's \"quoted\"", "<speak>inject</speak>"])
def test_ssml_is_escaped_and_well_formed(text: str) -> None:
    ssml = to_ssml("Hello.", text)
    root = ET.fromstring(ssml)
    assert root.tag == "speak" and len(list(root)) == 0
    assert to_plain(ssml) == f"Hello. {text}"


def test_join_reads_naturally() -> None:
    content = content_for("en-US")
    assert content.join(["a"]) == "a"
    assert content.join(["a", "b"]) == "a and b"
    assert content.join(["a", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize("locale", LOCALES)
def test_phone_numbers_are_read_digit_by_digit(locale: str) -> None:
    """Alexa would read "999" as an amount; every number in an outcome is said as digits."""
    import re

    content = content_for(locale)
    ssml = to_ssml(content.text("outcomes.emergency.action"), content.text("card.disclaimer"))
    root = ET.fromstring(ssml)
    digits = [node.text for node in root.iter("say-as")
              if node.get("interpret-as") == "digits"]
    assert all(text is not None and re.fullmatch(r"\d{3}", text) for text in digits)
    assert to_plain(ssml) == f"{content.text('outcomes.emergency.action')} " \
        f"{content.text('card.disclaimer')}"
    if content.number in to_plain(ssml):
        assert content.number in digits
