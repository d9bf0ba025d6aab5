"""Screens on APL devices: sent only there, built from the words the speech uses, and a touch
is taken exactly as the same answer said aloud (these tests need no browser)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from apl_tools import VIEWPORTS, ScreenDialog, add_screen, slot
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from skilltest import FIXTURES, REPO, LambdaHandler, envelope

import skill.apl
from skill import packaging
from skill.alexa import constants as names
from skill.content import available_locales, content_for
from skill.triage import CheckState, default_rules, questions_left

APL_DIR = REPO / "skill" / "apl"
RENDER = "Alexa.Presentation.APL.RenderDocument"
SORRY = "Sorry, I didn't catch that."
RULES = default_rules()


def without_directives(response: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in response["response"].items() if k != "directives"}
    return {**response, "response": body}


def at_question(handler: LambdaHandler, answered: int, **kwargs: Any) -> ScreenDialog:
    """A dialog on a screen device, `answered` "no"s into the check."""
    dialog = ScreenDialog(handler, **kwargs)
    dialog.launch()
    for _ in range(answered):
        dialog.say(names.NO)
    return dialog


def twin(dialog: ScreenDialog) -> ScreenDialog:
    """Another device in the same place of the same check (another user: no shared memory)."""
    other = ScreenDialog(dialog.handler, dialog.locale)
    other.attributes, other.new = json.loads(json.dumps(dialog.attributes)), dialog.new
    return other


# What a device without APL hears and gets ---------------------------------------------------

CONVERSATIONS: list[list[tuple[str, dict[str, Any] | None]]] = [
    [(names.NO, None), (names.NOT_SURE, None), (names.NOT_SURE, None), (names.HELP, None),
     (names.WHY_ASK, None), (names.LEARN, None), (names.PROGRESS, None),
     (names.GO_BACK, None), *[(names.NO, None)] * 16,
     (names.LIFESTYLE, slot("factor", "stress", "stress", "FactorType"))],
    [(names.NO, None), (names.YES, None), (names.YES, None)],
    [(names.NO, None), (names.NO, None), (names.YES, None), (names.STOP, None)],
    [(names.FALLBACK, None), (names.FALLBACK, None), (names.FALLBACK, None)],
    [(names.EMERGENCY, None)],
    [(names.DELETE_DATA, None)],
    [(names.STOP, None)],
]


@pytest.mark.parametrize("turns", CONVERSATIONS, ids=range(len(CONVERSATIONS)))
def test_a_device_without_apl_gets_exactly_the_spoken_responses(
        lambda_handler: LambdaHandler, turns: list[tuple[str, dict[str, Any] | None]]) -> None:
    voice = ScreenDialog(lambda_handler, apl=False)
    screen = ScreenDialog(lambda_handler)
    for dialog in (voice, screen):
        dialog.launch()
    for intent, slots in [("launch", None), *turns]:
        if intent != "launch":
            for dialog in (voice, screen):
                if not dialog.ended:
                    dialog.say(intent, slots)
        assert "directives" not in voice.last["response"], intent
        # The screen is added to the response; nothing else changes.
        assert without_directives(screen.last) == voice.last, intent
        assert [d["type"] for d in screen.directives] == [RENDER], intent


def test_real_screen_devices_without_the_interface_get_no_screen(
        lambda_handler: LambdaHandler) -> None:
    """Alexa lists APL only for skills that declare it: these captures from an Echo Show come
    from a skill that did not, so they get today's responses."""
    for name in ("launch_echo_show_viewports_2019", "help_intent_echo_show8",
                 "stop_intent_echo_show8"):
        event = json.loads((FIXTURES / "requests" / f"{name}.json").read_text())
        assert "directives" not in lambda_handler(event, None)["response"], name
    event = json.loads((FIXTURES / "requests" / "launch_apl_widget_context_aplt.json").read_text())
    directives = lambda_handler(event, None)["response"]["directives"]
    assert [d["type"] for d in directives] == [RENDER]


@pytest.mark.parametrize(("runtime", "shown"), [
    (None, True), ("1.6", True), ("1.21", True), ("2023.3", True), ("2024.2", True),
    ("1.5", False), ("1.0", False), ("garbage", False)])
def test_a_screen_needs_the_documents_apl_version(lambda_handler: LambdaHandler,
                                                  runtime: str | None, shown: bool) -> None:
    event = envelope({"type": "LaunchRequest"}, new=True)
    add_screen(event, VIEWPORTS["echo-show-8"])
    apl = event["context"]["System"]["device"]["supportedInterfaces"][names.APL_INTERFACE]
    if runtime is None:
        apl.pop("runtime")
    else:
        apl["runtime"]["maxVersion"] = runtime
    assert ("directives" in lambda_handler(event, None)["response"]) is shown


# What a screen shows -------------------------------------------------------------------------

def test_the_question_screen_shows_what_is_said_and_how_far_the_check_is(
        lambda_handler: LambdaHandler) -> None:
    dialog = at_question(lambda_handler, 0)
    screen = dialog.screen
    assert screen is not None and dialog.token == "neckTwitchCheck.question"
    assert dialog.speech.endswith(screen["question"])
    assert screen["skill"] == "Neck Twitch Check"
    assert screen["notice"] == content_for("en-US").text("launch.notice")
    assert [(c["label"], c["value"]) for c in screen["choices"]] == [
        ("Yes", "yes"), ("No", "no"), ("Not sure", "not_sure")]
    assert [a["action"] for a in screen["actions"]] == ["why"]  # nothing to go back to
    total = questions_left(RULES, CheckState())
    assert screen["progress"] == f"Question 1 of about {total}"
    dialog.say(names.NO)
    dialog.say(names.NO)
    screen = dialog.screen
    assert screen is not None and dialog.speech == screen["question"]
    state = CheckState.from_dict(dialog.attributes["check"], RULES)
    assert screen["progress"] == f"Question 3 of about {2 + questions_left(RULES, state)}"
    assert [a["action"] for a in screen["actions"]] == ["why", "back"]


def test_help_why_and_learn_show_what_was_said_with_the_question(
        lambda_handler: LambdaHandler) -> None:
    dialog = at_question(lambda_handler, 1)
    for intent in (names.HELP, names.WHY_ASK, names.LEARN, names.SERIOUS):
        dialog.say(intent)
        screen = dialog.screen
        assert screen is not None and screen["note"], intent
        # What was said, less what the screen shows anyway (the explanation, the hint).
        for sentence in re.split(r"(?<=[.?!])\s+", screen["note"]):
            assert sentence in dialog.speech, (intent, sentence)
        assert screen["explain"] not in screen["note"] and "You can say yes" not in screen["note"]
        assert dialog.speech.endswith(screen["question"]), intent


def test_the_lifestyle_screen_offers_each_factor_none_and_done(
        lambda_handler: LambdaHandler) -> None:
    dialog = at_question(lambda_handler, 15)
    screen = dialog.screen
    assert screen is not None and screen["id"] == "lifestyle"
    toggles = [c for c in screen["choices"] if c["kind"] == "toggle"]
    assert {c["value"] for c in toggles} == set(RULES.factor_tips)
    assert screen["toggles"] == [c["id"] for c in toggles]
    assert all(c["id"] == f"{names.FACTOR_TOGGLE}{c['value']}" for c in toggles)
    others = [(c["kind"], c["action"], c["value"]) for c in screen["choices"][len(toggles):]]
    assert others == [("answer", "answer", "no"), ("done", "lifestyle", "")]
    assert screen["compact"] is True


def test_the_emergency_screen_shows_the_locales_number(lambda_handler: LambdaHandler) -> None:
    for locale in available_locales():
        dialog = at_question(lambda_handler, 0, locale=locale)
        dialog.say(names.YES)
        screen = dialog.screen
        assert dialog.token == "neckTwitchCheck.emergency" and screen is not None
        content = content_for(locale)
        assert screen["number"] == content.number, locale
        assert dialog.card is not None and screen["title"] == dialog.card["title"]
        assert dialog.speech.startswith(screen["action"])
    dialog = at_question(lambda_handler, 0, locale="en-NZ")
    dialog.say(names.EMERGENCY)
    screen = dialog.screen
    assert screen is not None and screen["number"] == ""  # never another country's number
    assert "your local emergency number" in screen["title"].lower()


def test_outcome_screens_say_what_the_card_says(lambda_handler: LambdaHandler) -> None:
    dialog = at_question(lambda_handler, 2)  # swallowing: contact a provider today
    dialog.say(names.YES)
    while not dialog.ended:
        dialog.say(names.NO)
    screen = dialog.screen
    assert screen is not None and dialog.card is not None
    assert (dialog.token, screen["tier"]) == ("neckTwitchCheck.outcome", "urgent")
    assert screen["title"] == dialog.card["title"]
    assert screen["reported"] in dialog.card["content"]
    assert screen["action"] in dialog.speech
    assert all(reason in dialog.speech for reason in screen["reasons"])
    assert screen["disclaimer"] in dialog.card["content"]
    dialog = at_question(lambda_handler, 15)
    dialog.say(names.LIFESTYLE, slot("factor", "coffee", "caffeine", "FactorType"))
    screen = dialog.screen
    assert screen is not None and screen["tier"] == "self_care"
    assert screen["tips"] and all(tip in dialog.speech for tip in screen["tips"])
    assert screen["tipsHeading"] and screen["tipsHeading"] in dialog.speech
    assert screen["watchLine"].endswith(screen["watch"]) and screen["watch"] in dialog.speech


def test_goodbye_and_deleted_data_show_what_was_said(lambda_handler: LambdaHandler) -> None:
    for intent in (names.STOP, names.DELETE_DATA):
        dialog = at_question(lambda_handler, 0)
        dialog.say(intent)
        screen = dialog.screen
        assert dialog.token == "neckTwitchCheck.message" and screen is not None
        assert " ".join(screen["lines"]) == dialog.speech


# A touch is the same as saying it ------------------------------------------------------------

@pytest.mark.parametrize(("value", "intent"), [
    ("yes", names.YES), ("no", names.NO), ("not_sure", names.NOT_SURE)])
@pytest.mark.parametrize("answered", [0, 1, 4])
def test_a_touch_answers_exactly_as_the_spoken_answer(
        lambda_handler: LambdaHandler, value: str, intent: str, answered: int) -> None:
    spoken = at_question(lambda_handler, answered)
    touched = twin(spoken)
    question = spoken.screen["id"] if spoken.screen else None
    spoken.say(intent)
    touched.tap([names.TAP_ANSWER, question, value])
    assert touched.last == spoken.last


@pytest.mark.parametrize(("action", "intent"), [
    (names.TAP_WHY, names.WHY_ASK), (names.TAP_BACK, names.GO_BACK)])
def test_why_and_back_touches_are_the_spoken_ones(lambda_handler: LambdaHandler, action: str,
                                                   intent: str) -> None:
    spoken = at_question(lambda_handler, 2)
    touched = twin(spoken)
    question = spoken.screen["id"] if spoken.screen else None
    spoken.say(intent)
    touched.tap([action, question, ""])
    assert touched.last == spoken.last


def test_done_with_ticks_is_the_lifestyle_intent(lambda_handler: LambdaHandler) -> None:
    spoken = at_question(lambda_handler, 15)
    touched = twin(spoken)
    spoken.say(names.LIFESTYLE, {**slot("factor", "stress", "stress", "FactorType"),
                                 **slot("factorTwo", "coffee", "caffeine", "FactorType")})
    ticks = {f"{names.FACTOR_TOGGLE}{factor}": factor in ("stress", "caffeine")
             for factor in RULES.factor_tips}
    touched.tap([names.TAP_LIFESTYLE, "lifestyle", ""], ticks)
    assert touched.last == spoken.last
    assert "Ease stress" in touched.speech and "coffee, tea" in touched.speech


@pytest.mark.parametrize("components", [None, {}, {"factor-stress": False}])
def test_done_with_nothing_ticked_and_none_of_these_are_no(
        lambda_handler: LambdaHandler, components: dict[str, bool] | None) -> None:
    spoken = at_question(lambda_handler, 15)
    done, none = twin(spoken), twin(spoken)
    spoken.say(names.NO)
    done.tap([names.TAP_LIFESTYLE, "lifestyle", ""], components)
    none.tap([names.TAP_ANSWER, "lifestyle", "no"])
    assert done.last == spoken.last
    assert none.last == spoken.last


def test_the_offer_to_carry_on_can_be_touched(lambda_handler: LambdaHandler) -> None:
    user = "amzn1.ask.account.TAP-OFFER"
    first = at_question(lambda_handler, 2, user_id=user)
    first.say(names.STOP)
    spoken = ScreenDialog(lambda_handler, user_id=user)
    spoken.launch()
    screen = spoken.screen
    assert screen is not None and screen["id"] == names.RESUME
    assert [c["value"] for c in screen["choices"]] == ["yes", "no"]
    touched = twin(spoken)
    touched.user_id = user
    spoken.say(names.YES)
    touched.tap([names.TAP_ANSWER, names.RESUME, "yes"])
    assert touched.last == spoken.last
    assert touched.speech.startswith("Okay, carrying on.")


def test_a_touch_on_an_old_screen_is_not_taken(lambda_handler: LambdaHandler) -> None:
    dialog = at_question(lambda_handler, 2)
    check = dialog.attributes["check"]
    question = dialog.speech
    for stale in (["answer", "screen", "yes"], ["answer", "swallowing", "no"],
                  ["lifestyle", "lifestyle", ""], ["back", "screen", ""],
                  ["answer", names.RESUME, "yes"]):
        dialog.tap(stale)
        assert dialog.speech == f"{SORRY} {question}", stale
        assert dialog.attributes["check"] == check, stale
        assert not dialog.ended


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=8)
# Alexa's schema makes `arguments` a list (a request without one is rejected as a malformed
# envelope before any handler runs, as every malformed envelope is); anything may be in it.
ARGUMENTS = st.one_of(
    st.lists(JSON, max_size=4),
    st.lists(st.sampled_from(["answer", "lifestyle", "why", "back", "swallowing", "yes", "no",
                              "not_sure", "", "resume", "bogus", "x" * 80]), max_size=5),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(arguments=ARGUMENTS, components=JSON)
def test_tampered_touches_are_asked_again_never_a_crash(
        lambda_handler: LambdaHandler, arguments: Any, components: Any) -> None:
    valid = isinstance(arguments, list) and len(arguments) == 3 \
        and arguments[1] == "swallowing" \
        and (arguments[0], arguments[2]) in {("answer", "yes"), ("answer", "no"),
                                             ("answer", "not_sure"), ("why", ""), ("back", "")}
    assume(not valid)
    dialog = at_question(lambda_handler, 2)
    check, question = dialog.attributes["check"], dialog.speech
    dialog.tap(arguments, components)
    assert dialog.speech == f"{SORRY} {question}"
    assert dialog.attributes["check"] == check


def test_a_touch_whose_arguments_are_not_a_list_gets_an_apology(
        lambda_handler: LambdaHandler) -> None:
    """Arguments that are not a list make the envelope malformed: a spoken apology, never an
    exception (Lambda's answer to any envelope it cannot read)."""
    dialog = at_question(lambda_handler, 2)
    dialog.tap(False)  # type: ignore[arg-type]
    assert dialog.speech == content_for("en-US").text("error_no_session")
    assert dialog.ended


@pytest.mark.parametrize("components", [
    {"factor-stress": "yes"}, {"factor-opium": True}, {"answer-yes": True}, [True], "stress"])
def test_tampered_ticks_are_asked_again(lambda_handler: LambdaHandler, components: Any) -> None:
    dialog = at_question(lambda_handler, 15)
    question = dialog.speech
    dialog.tap([names.TAP_LIFESTYLE, "lifestyle", ""], components)
    assert dialog.speech == f"{SORRY} {question}"
    assert not dialog.ended


def test_a_touch_with_no_check_under_way_starts_one(lambda_handler: LambdaHandler) -> None:
    dialog = ScreenDialog(lambda_handler)
    dialog.tap([names.TAP_ANSWER, "screen", "yes"])  # a new session: launches, as "yes" does
    assert dialog.speech.startswith(content_for("en-US").text("launch.welcome"))
    assert not dialog.ended


# The documents --------------------------------------------------------------------------------

def documents() -> dict[str, Any]:
    return {path.stem: json.loads(path.read_text()) for path in sorted(APL_DIR.glob("*.json"))}


def strings(node: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(v, k)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item, key)]
    return [(key, node)] if isinstance(node, str) else []


def test_documents_hold_no_words_and_import_nothing() -> None:
    for name, document in documents().items():
        assert not document.get("import"), name
        for key, value in strings({k: v for k, v in document.items() if k != "resources"}):
            assert "://" not in value, (name, value)
            if key in ("text", "accessibilityLabel", "label"):
                rest = re.sub(r"\$\{[^}]*\}", "", value)
                assert re.fullmatch(r"[\s•.,:;]*", rest), (name, key, value)


def test_every_document_is_apl_of_the_version_the_skill_checks() -> None:
    for name in skill.apl.DOCUMENTS:
        document = skill.apl.document(name)
        assert document["type"] == "APL" and document["version"] == names.APL_VERSION, name
        assert document["mainTemplate"]["parameters"] == ["screen"], name
        # The shared layouts the document uses, and only those, are in it.
        used = skill.apl._types(document["mainTemplate"]) | skill.apl._types(
            document["layouts"])
        assert set(document["layouts"]) <= used, name


def test_documents_load_once_and_only_for_screen_devices(lambda_handler: LambdaHandler) -> None:
    assert skill.apl.document("question") is skill.apl.document("question")
    first = at_question(lambda_handler, 0)
    second = at_question(lambda_handler, 1)
    assert first.directives[0]["document"] == second.directives[0]["document"]


_IMPORTS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import lambda_function
response = lambda_function.lambda_handler(json.loads(sys.stdin.read()), None)
print(json.dumps({"modules": sorted(sys.modules), "response": response}))
"""


@pytest.mark.parametrize("apl", [False, True])
def test_screens_are_imported_only_for_a_screen_device(apl: bool) -> None:
    event = envelope({"type": "LaunchRequest"}, new=True)
    if apl:
        add_screen(event, VIEWPORTS["echo-show-8"])
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS, str(REPO / "lambda")], input=json.dumps(event),
        env={"PATH": os.environ.get("PATH", ""), "AWS_LAMBDA_FUNCTION_NAME": "screens-test"},
        capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    loaded = {m for m in report["modules"] if m == "skill.apl" or m.startswith(
        "ask_sdk_model.interfaces.alexa.presentation.apl")}
    assert bool(loaded) is apl, sorted(loaded)
    assert ("directives" in report["response"]["response"]) is apl


def test_the_lambda_bundle_ships_the_documents(tmp_path: Path) -> None:
    packaging._stage_package(REPO / "skill", tmp_path, packaging._SKILL_EXCLUDES)
    shipped = {p.name for p in (tmp_path / "skill" / "apl").iterdir()}
    wanted = {p.name for p in APL_DIR.glob("*.json")} | {"__init__.py"}
    assert wanted <= shipped


# Readable at a distance -------------------------------------------------------------------

def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_contrast_is_at_least_wcag_aaa() -> None:
    colours = documents()["common"]["resources"][0]["colors"]
    text_on = [("text", "background"), ("muted", "background"), ("text", "panel"),
               ("buttonText", "buttonBackground"), ("buttonText", "buttonPressed"),
               ("checkedText", "checkedBackground"), ("emergencyText", "emergencyBackground")]
    for text, background in text_on:
        ratio = contrast(colours[text], colours[background])
        assert ratio >= 7, (text, background, round(ratio, 2))
    # Borders and the tier's colour bar: WCAG's 3:1 for graphical objects.
    for mark in ("focus", "muted", "urgent", "soon", "self_care"):
        assert contrast(colours[mark], colours["background"]) >= 3, mark
    for name, document in documents().items():
        if "background" in document:
            wanted = "emergencyBackground" if name == "emergency" else "background"
            assert document["background"] == colours[wanted], name


def sizes(viewport: dict[str, Any]) -> dict[str, float]:
    """The dimensions a device with `viewport` uses: each resource block whose `when` holds."""
    scale = viewport["dpi"] / 160
    env = {"viewport": SimpleNamespace(width=viewport["width"] / scale,
                                       height=viewport["height"] / scale,
                                       shape=viewport["shape"].lower(),
                                       mode=viewport["mode"].lower())}
    found: dict[str, float] = {}
    for block in documents()["common"]["resources"]:
        when = block.get("when", "${true}")[2:-1].replace("&&", " and ").replace("||", " or ")
        if eval(when, {"true": True}, env):  # the resource conditions are simple comparisons
            found.update(block.get("dimensions", {}))
    return found


PROFILE_BLOCK = {"echo-show-5": 36, "echo-show-1st-gen": 44, "echo-show-8": 44,
                 "echo-show-10": 56, "echo-show-15": 76, "echo-spot": 28, "fire-tv": 40}


@pytest.mark.parametrize("profile", VIEWPORTS)
def test_text_and_touch_targets_are_large_on_every_profile(profile: str) -> None:
    found = sizes(VIEWPORTS[profile])
    assert found["questionSize"] == PROFILE_BLOCK[profile]  # the block meant for the device
    assert found["smallSize"] >= 18 and found["bodySize"] >= 22
    assert found["questionSize"] >= 28 and found["titleSize"] >= 28
    assert found["buttonTextSize"] >= 26 and found["compactTextSize"] >= 22
    assert found["buttonHeight"] >= 64 and found["compactHeight"] >= 56
    assert found["numberSize"] >= 120


# The words only a screen needs ------------------------------------------------------------

SCREEN_KEYS = {"answer_yes", "answer_no", "answer_not_sure", "none", "done", "why", "back",
               "progress", "factors"}


def test_every_locale_has_every_screen_word_and_factor() -> None:
    for locale in available_locales():
        content = content_for(locale)
        assert set(content.lookup("screen")) == SCREEN_KEYS, locale
        assert set(content.lookup("screen.factors")) == set(RULES.factor_tips), locale


# Without the tools -------------------------------------------------------------------------

@pytest.mark.parametrize("ci", [False, True])
def test_without_the_tools_the_screen_tests_say_so(tmp_path: Path, ci: bool) -> None:
    """Skipped with a note on how to install the tools; in CI (CI=true) a failure instead."""
    env = {**os.environ, "CHROMIUM": str(tmp_path / "no-chromium"), "CI": "true" if ci else ""}
    test = "tests/apl/test_apl_offline.py::test_the_validator_reports_what_the_tests_rely_on"
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", test],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
                            check=False)
    said = " ".join(result.stdout.split())
    assert "screen tests did not run: chromium not found. Install with: apt-get install" in said
    assert "npm ci" in said and "pytest tests/apl" in said
    if ci:
        assert result.returncode == 1 and "1 error" in said, said[-400:]
    else:
        assert result.returncode == 0 and "1 skipped" in said, said[-400:]
        assert "with CI=true this is a failure" in said
