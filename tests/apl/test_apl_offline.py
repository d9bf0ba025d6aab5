"""Offline proof of the screens: every document the skill sends, with every datasource it
builds, passes Amazon's validator (hidden error channel included) and renders in Amazon's web
viewhost in headless Chromium without an engine error, readable on every viewport profile; and
a real click on a rendered screen, fed back to lambda_handler, moves the check on exactly as
the spoken answer does."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from apl_tools import VIEWPORTS, ScreenDialog, every_screen
from conftest import Tool
from skilltest import LambdaHandler, resolved_slot

from skill.alexa import constants as names
from skill.triage import default_rules

pytestmark = pytest.mark.screens

# Checked on every viewport profile; the rest of the datasources on the smallest hub.
SAMPLES = ("launch", "lifestyle", "self-care with tips", "offer to resume", "EmergencyIntent",
           "emergency en-NZ", "AMAZON.StopIntent", "not understood three times",
           "outcome with an unsure sign", "unrecognised symptom", "AMAZON.HelpIntent")
SMALLEST_HUB = "echo-show-5"
MIN_TEXT_DP = 18


@pytest.fixture(scope="module")
def screens(lambda_handler: LambdaHandler) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every distinct (document, datasource) the skill sent, by key, with what led to it."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for label, directive in every_screen(lambda_handler):
        key = json.dumps([directive["token"], directive["datasources"]], sort_keys=True)
        if key not in found or label in SAMPLES:
            found[key] = (label, directive)
    return found


@pytest.fixture(scope="module")
def rendered(apl_tool: Tool,
             screens: dict[str, tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """One browser session: every sample on every profile, every datasource on the smallest
    hub; results by job id. With APL_SCREENSHOTS=DIR each is also saved there as a PNG."""
    jobs: list[dict[str, Any]] = []
    labels = {label for label, _ in screens.values()}
    assert set(SAMPLES) <= labels, set(SAMPLES) - labels
    shots = os.environ.get("APL_SCREENSHOTS")
    for number, (label, directive) in enumerate(screens.values()):
        profiles = list(VIEWPORTS) if label in SAMPLES else [SMALLEST_HUB]
        for profile in profiles:
            job = {"id": f"{label} #{number} @ {profile}", "document": directive["document"],
                   "datasources": directive["datasources"], "viewport": VIEWPORTS[profile]}
            if shots:
                job["png"] = str(Path(shots) / f"{number:03d}-{profile}.png")
            jobs.append(job)
    return {result["id"]: result for result in apl_tool("render", jobs)}


def test_the_skill_sends_every_kind_of_screen(
        screens: dict[str, tuple[str, dict[str, Any]]]) -> None:
    tokens = {directive["token"] for _, directive in screens.values()}
    assert tokens == {f"neckTwitchCheck.{name}"
                      for name in ("question", "outcome", "emergency", "message")}
    tiers = {d["datasources"]["screen"].get("tier") for _, d in screens.values()}
    assert tiers >= {"emergency", "urgent", "soon", "self_care"}
    asked = {d["datasources"]["screen"]["id"] for _, d in screens.values()
             if d["token"] == "neckTwitchCheck.question"}
    assert asked == {*default_rules().questions, names.RESUME}


def test_every_document_and_datasource_passes_the_validator(
        apl_tool: Tool, screens: dict[str, tuple[str, dict[str, Any]]]) -> None:
    jobs = [{"id": f"{label} #{number}", "document": directive["document"],
             "datasources": directive["datasources"]}
            for number, (label, directive) in enumerate(screens.values())]
    findings = {result["id"]: result["findings"] for result in apl_tool("validate", jobs)}
    assert {job: found for job, found in findings.items() if found} == {}


def test_the_validator_reports_what_the_tests_rely_on(apl_tool: Tool) -> None:
    """Its schema findings and its hidden ErrorController channel both reach the tests."""
    broken = {"type": "APL", "version": names.APL_VERSION,
              "mainTemplate": {"parameters": ["screen"], "items": [
                  {"type": "Container", "items": [{"type": "Txet", "text": "x"},
                                                   {"type": "Text", "fontSize": "huge"}]}]}}
    (result,) = apl_tool("validate", [{"id": "broken", "document": broken, "datasources": {}}])
    channels = {finding["channel"] for finding in result["findings"]}
    assert channels == {"validator", "ErrorController"}, result


def test_every_screen_renders_without_an_engine_error(
        rendered: dict[str, dict[str, Any]]) -> None:
    failures = {job: result["errors"] for job, result in rendered.items() if result["errors"]}
    assert failures == {}
    assert len(rendered) >= 70


def test_the_renderer_reports_what_the_tests_rely_on(apl_tool: Tool) -> None:
    """An expression that does not parse and an unknown component are engine errors."""
    broken = {"type": "APL", "version": names.APL_VERSION,
              "mainTemplate": {"parameters": ["screen"], "items": [
                  {"type": "Container", "items": [{"type": "Txet"},
                                                   {"type": "Text", "text": "${screen.x +}"}]}]}}
    (result,) = apl_tool("render", [{"id": "broken", "document": broken,
                                     "datasources": {"screen": {"x": 1}},
                                     "viewport": VIEWPORTS["echo-show-8"]}])
    joined = "\n".join(result["errors"])
    assert "Txet" in joined and "Parse error" in joined, result["errors"]


def test_text_is_large_and_touch_targets_are_on_screen(
        rendered: dict[str, dict[str, Any]]) -> None:
    for job, result in rendered.items():
        viewport = VIEWPORTS[job.rsplit(" @ ", 1)[1]]
        texts = result["texts"]
        assert texts, job
        smallest = min(text["fontSizeDp"] for text in texts)
        assert smallest >= MIN_TEXT_DP - 0.5, (job, smallest)
        if viewport["shape"] == "ROUND":
            continue  # a round screen scrolls as a whole
        for target, box in result["targets"].items():
            if target.startswith(("answer-", "factor-", "lifestyle-", "action-")):
                assert box["heightDp"] >= 44, (job, target, box)
                assert box["x"] >= 0 and box["y"] >= 0, (job, target, box)
                assert box["x"] + box["width"] <= viewport["width"] + 1, (job, target, box)
                assert box["y"] + box["height"] <= viewport["height"] + 1, (job, target, box)


def test_the_emergency_number_is_the_largest_thing_on_screen(
        rendered: dict[str, dict[str, Any]]) -> None:
    checked = 0
    for job, result in rendered.items():
        if not job.startswith("EmergencyIntent"):
            continue
        number = [t for t in result["texts"] if t["text"] == "911"]
        assert number, job
        assert number[0]["fontSizeDp"] == max(t["fontSizeDp"] for t in result["texts"])
        assert number[0]["fontSizeDp"] >= 120, job
        checked += 1
    assert checked == len(VIEWPORTS)


# A real click on a rendered screen ---------------------------------------------------------

ANSWERS = [("answer-yes", names.YES), ("answer-no", names.NO),
           ("answer-not_sure", names.NOT_SURE)]
FACTOR_CLICKS = ("factor-stress", "factor-caffeine", "factor-sleep", "factor-sleep",
                 "lifestyle-done")


def same_place(dialog: ScreenDialog) -> ScreenDialog:
    """Another user at the same point of the same check, to answer by voice instead."""
    other = ScreenDialog(dialog.handler)
    other.attributes, other.new = json.loads(json.dumps(dialog.attributes)), dialog.new
    return other


@pytest.fixture(scope="module")
def clicks(apl_tool: Tool, lambda_handler: LambdaHandler) -> dict[str, Any]:
    """Screens rendered on an Echo Show 8 and clicked for real, in one browser session: the
    dialogs they came from, and the events the clicks sent."""
    breathless = ScreenDialog(lambda_handler)
    breathless.launch()
    first_screen = json.loads(json.dumps(breathless.last))
    breathless.say(names.NO)  # "Even if it passed: ..."
    breathless.say(names.NO)  # "Are you short of breath when resting or lying flat?"
    lifestyle = ScreenDialog(lambda_handler)
    lifestyle.launch()
    while not (lifestyle.screen and lifestyle.screen["id"] == "lifestyle"):
        lifestyle.say(names.NO)
    jobs = []
    for name, response, taps in (
            *((target, breathless.last, [target]) for target, _ in ANSWERS),
            ("lifestyle", lifestyle.last, list(FACTOR_CLICKS)),
            ("old screen", first_screen, ["answer-yes"])):
        (directive,) = response["response"]["directives"]
        jobs.append({"id": name, "document": directive["document"],
                     "datasources": directive["datasources"],
                     "viewport": VIEWPORTS["echo-show-8"], "taps": taps})
    results = {result["id"]: result for result in apl_tool("render", jobs)}
    assert {name: r["errors"] for name, r in results.items() if r["errors"]} == {}
    return {"breathless": breathless, "lifestyle": lifestyle,
            "events": {name: result["events"] for name, result in results.items()}}


def user_event(dialog: ScreenDialog, event: dict[str, Any]) -> dict[str, Any]:
    """What the device sends the skill for a SendEvent: an APL UserEvent request."""
    request: dict[str, Any] = {"type": names.USER_EVENT, "token": dialog.token,
                               "arguments": event["arguments"], "source": event["source"]}
    if event.get("components"):
        request["components"] = event["components"]
    return request


@pytest.mark.parametrize(("target", "intent"), ANSWERS)
def test_clicking_an_answer_moves_the_check_on_as_saying_it(
        clicks: dict[str, Any], target: str, intent: str) -> None:
    before: ScreenDialog = clicks["breathless"]
    (event,) = clicks["events"][target]
    assert event["arguments"][:2] == [names.TAP_ANSWER, "breathless"]
    touched, spoken = same_place(before), same_place(before)
    touched.send(user_event(before, event))
    spoken.say(intent)
    assert touched.last == spoken.last
    assert touched.attributes["check"] != before.attributes["check"]  # it moved on


def test_ticking_factors_then_done_is_naming_them(clicks: dict[str, Any]) -> None:
    before: ScreenDialog = clicks["lifestyle"]
    (event,) = clicks["events"]["lifestyle"]
    assert event["arguments"] == [names.TAP_LIFESTYLE, "lifestyle", ""]
    assert event["components"] == {"factor-stress": True, "factor-caffeine": True,
                                   "factor-sleep": False, "factor-nicotine": False,
                                   "factor-desk": False}
    touched, spoken = same_place(before), same_place(before)
    touched.send(user_event(before, event))
    spoken.say(names.LIFESTYLE, {**resolved_slot("factor", "stress", "stress", "FactorType"),
                                 **resolved_slot("factorTwo", "coffee", "caffeine",
                                                 "FactorType")})
    assert touched.last == spoken.last
    assert touched.ended and "Ease stress" in touched.speech


def test_a_click_on_an_old_screen_is_not_taken(clicks: dict[str, Any]) -> None:
    """The first screen's "yes" (an emergency!), clicked after the check has moved on."""
    dialog = same_place(clicks["breathless"])
    (event,) = clicks["events"]["old screen"]
    assert event["arguments"] == [names.TAP_ANSWER, "screen", "yes"]
    check = dialog.attributes["check"]
    dialog.send(user_event(clicks["breathless"], event))
    assert dialog.speech == ("Sorry, I didn't catch that. "
                             "Are you short of breath when resting or lying flat?")
    assert "call" not in dialog.speech  # the old screen's "yes" was no emergency
    assert dialog.attributes["check"] == check and not dialog.ended
