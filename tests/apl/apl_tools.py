"""Test helpers for the screens: devices, conversations on them, and the offline APL tools.

The tools live in tests/apl/node (package.json, package-lock.json, apl.js): apl-suggester
validates, apl-viewhost-web renders in headless Chromium (Debian's `chromium`, driven by
puppeteer-core). `missing()` says what is not installed and how to install it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from skilltest import REPO, Dialog, LambdaHandler, envelope

NODE_DIR = REPO / "tests" / "apl" / "node"
NODE_PACKAGES = ("apl-suggester", "apl-viewhost-web", "puppeteer-core")
INSTALL = ("apt-get install -y chromium nodejs npm && (cd tests/apl/node && npm ci)")
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}

# The viewport profiles that matter: the Echo Show family (hubs), the round Echo Spot and a TV.
# pixel size, dpi (dp = px * 160 / dpi), shape and mode, as each device reports them.
VIEWPORTS: dict[str, dict[str, Any]] = {
    "echo-show-5": {"width": 960, "height": 480, "dpi": 160, "shape": "RECTANGLE", "mode": "HUB"},
    "echo-show-1st-gen": {"width": 1024, "height": 600, "dpi": 160, "shape": "RECTANGLE",
                          "mode": "HUB"},
    "echo-show-8": {"width": 1280, "height": 800, "dpi": 213, "shape": "RECTANGLE",
                    "mode": "HUB"},
    "echo-show-10": {"width": 1280, "height": 800, "dpi": 160, "shape": "RECTANGLE",
                     "mode": "HUB"},
    "echo-show-15": {"width": 1920, "height": 1080, "dpi": 160, "shape": "RECTANGLE",
                     "mode": "HUB"},
    "echo-spot": {"width": 480, "height": 480, "dpi": 160, "shape": "ROUND", "mode": "HUB"},
    "fire-tv": {"width": 1920, "height": 1080, "dpi": 320, "shape": "RECTANGLE", "mode": "TV"},
}


def chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """What the screen tests need and this machine lacks, or None."""
    lacking = []
    if shutil.which("node") is None:
        lacking.append("node")
    lacking += [f"tests/apl/node/node_modules/{package}" for package in NODE_PACKAGES
                if not (NODE_DIR / "node_modules" / package / "package.json").is_file()]
    if chromium() is None:
        lacking.append("chromium")
    return ", ".join(lacking) or None


def run_tool(command: str, jobs: list[dict[str, Any]],
             timeout: float = 300) -> list[dict[str, Any]]:
    """Feed `jobs` to `node apl.js <command>`; its results, one per job, in order."""
    env = dict(os.environ)
    found = chromium()
    if found:
        env["CHROMIUM"] = found
    result = subprocess.run(
        ["node", str(NODE_DIR / "apl.js"), command],
        input="".join(json.dumps(job) + "\n" for job in jobs),
        capture_output=True, text=True, cwd=NODE_DIR, env=env, timeout=timeout, check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"apl.js {command} failed ({result.returncode}):\n{result.stderr}")
    results = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["id"] for r in results] == [job["id"] for job in jobs], result.stderr
    return results


class ScreenDialog(Dialog):
    """A conversation from a device with a screen (APL and a Viewport), or without one."""

    def __init__(self, handler: LambdaHandler, locale: str = "en-US", *, apl: bool = True,
                 viewport: str = "echo-show-8", user_id: str | None = None) -> None:
        super().__init__(handler, locale=locale, user_id=user_id)
        self.apl = apl
        self.viewport = VIEWPORTS[viewport]

    def event(self, request: dict[str, Any]) -> dict[str, Any]:
        event = envelope(request, attributes=self.attributes, new=self.new, locale=self.locale,
                         user_id=self.user_id, timestamp=self.timestamp,
                         person_id=self.person_id)
        if self.apl:
            add_screen(event, self.viewport)
        return event

    def tap(self, arguments: list[Any], components: Any = None,
            source: dict[str, Any] | None = None) -> dict[str, Any]:
        """A touch: an Alexa.Presentation.APL.UserEvent as the device sends it."""
        request: dict[str, Any] = {"type": "Alexa.Presentation.APL.UserEvent",
                                   "token": self.token or "", "arguments": arguments,
                                   "source": source or {"type": "TouchWrapper",
                                                        "handler": "Press", "id": "tap"}}
        if components is not None:
            request["components"] = components
        return self.send(request)

    @property
    def directives(self) -> list[dict[str, Any]]:
        return list(self.last.get("response", {}).get("directives") or [])

    @property
    def screen(self) -> dict[str, Any] | None:
        """The `screen` datasource of the last response's RenderDocument, if any."""
        for directive in self.directives:
            if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
                screen: dict[str, Any] = directive["datasources"]["screen"]
                return screen
        return None

    @property
    def token(self) -> str | None:
        for directive in self.directives:
            if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
                return str(directive["token"])
        return None


def add_screen(event: dict[str, Any], viewport: dict[str, Any]) -> None:
    """Make `event` come from a device with APL and this viewport, as Alexa sends it."""
    event["context"]["System"]["device"]["supportedInterfaces"] = json.loads(json.dumps(APL))
    event["context"]["Viewport"] = {
        "experiences": [{"canRotate": False, "canResize": False}],
        "mode": viewport["mode"], "shape": viewport["shape"],
        "pixelWidth": viewport["width"], "pixelHeight": viewport["height"],
        "dpi": viewport["dpi"], "currentPixelWidth": viewport["width"],
        "currentPixelHeight": viewport["height"],
        "touch": ["SINGLE"] if viewport["mode"] == "HUB" else [],
    }


def slot(name: str, value: str, value_id: str | None, slot_type: str) -> dict[str, Any]:
    from skilltest import resolved_slot

    return resolved_slot(name, value, value_id, slot_type)


def every_screen(handler: LambdaHandler) -> Iterator[tuple[str, dict[str, Any]]]:
    """(what led to it, RenderDocument directive) for every kind of screen the skill sends:
    every question (asked and explained), every outcome tier, help and the other side
    questions, the offer to resume, stop, goodbye, data deleted, every locale, and a locale the
    skill does not ship."""

    def start(locale: str = "en-US", user: str | None = None) -> ScreenDialog:
        dialog = ScreenDialog(handler, locale, user_id=user)
        dialog.launch()
        return dialog

    def screens(dialog: ScreenDialog, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for directive in dialog.directives:
            yield label, directive

    # Every "no": each question, the lifestyle question, and self-care with tips.
    path: list[str] = []
    dialog = start()
    yield from screens(dialog, "launch")
    while not dialog.ended and dialog.screen and dialog.screen["id"] != "lifestyle":
        path.append(str(dialog.screen["id"]))
        dialog.say("AMAZON.NoIntent")
        yield from screens(dialog, f"no x{len(path)}")
    yield from screens(dialog, "lifestyle")
    dialog.say("LifestyleIntent", {**slot("factor", "stress", "stress", "FactorType"),
                                   **slot("factorTwo", "coffee", "caffeine", "FactorType")})
    yield from screens(dialog, "self-care with tips")
    # "Yes" to each question in turn (and to its follow-up): every tier and follow-up.
    # A yes then a no reaches the second follow-up (how fast it came on; after an injury, how).
    for depth in range(len(path)):
        for answers in (("Yes", "Yes", "Yes"), ("Yes", "No", "Yes", "Yes"),
                        ("Yes", "Yes", "No", "Yes")):
            dialog = start()
            for _ in range(depth):
                dialog.say("AMAZON.NoIntent")
            for turn, answer in enumerate(answers):
                if dialog.ended:
                    break
                dialog.say(f"AMAZON.{answer}Intent")
                yield from screens(dialog, f"{answer.lower()} to question {depth + 1} (+{turn})")
    # Being pregnant, said along the way, brings its own question.
    dialog = start()
    dialog.say("ReportSymptomIntent", slot("symptom", "pregnant", "pregnant", "SymptomType"))
    for turn in range(6):
        if dialog.ended:
            break
        dialog.say("AMAZON.NoIntent")
        yield from screens(dialog, f"pregnant, then no (+{turn})")
    # "Not sure" to each question: explained, with the note that a maybe counts.
    for depth in range(len(path) + 1):
        dialog = start()
        for _ in range(depth):
            dialog.say("AMAZON.NoIntent")
        dialog.say("NotSureIntent")
        yield from screens(dialog, f"not sure to question {depth + 1}")
    # "Not sure", explained, then unsure again: counted, and said on the outcome.
    dialog = start()
    dialog.say("AMAZON.NoIntent")
    dialog.say("NotSureIntent")
    yield from screens(dialog, "not sure: explained")
    dialog.say("NotSureIntent")
    while not dialog.ended:
        dialog.say("AMAZON.NoIntent")
    yield from screens(dialog, "outcome with an unsure sign")
    # Side questions, navigation and not being understood.
    dialog = start()
    dialog.say("AMAZON.NoIntent")
    for intent, slots in (("AMAZON.HelpIntent", None), ("WhyAskIntent", None),
                          ("LearnIntent", None), ("CausesIntent", None),
                          ("SeriousIntent", None), ("SourcesIntent", None),
                          ("ProgressIntent", None), ("AMAZON.RepeatIntent", None),
                          ("GoBackIntent", None), ("GoBackIntent", None),
                          ("AMAZON.StartOverIntent", None), ("AMAZON.FallbackIntent", None),
                          ("AMAZON.FallbackIntent", None)):
        dialog.say(intent, slots)
        yield from screens(dialog, intent)
    dialog.say("AMAZON.FallbackIntent")
    yield from screens(dialog, "not understood three times")
    # A symptom the skill cannot assess, named back on the outcome.
    dialog = start()
    dialog.say("ReportSymptomIntent", slot("symptom", "my ear is ringing", None, "SymptomType"))
    yield from screens(dialog, "unrecognised symptom")
    dialog.say("AMAZON.StopIntent")
    yield from screens(dialog, "stopped after a warning sign")
    # Stop with nothing to report, delete my data, an emergency in the person's own words.
    for intent in ("AMAZON.StopIntent", "DeleteDataIntent", "EmergencyIntent"):
        dialog = start()
        dialog.say(intent)
        yield from screens(dialog, intent)
    # The offer to carry on an unfinished check, answered by voice.
    user = f"amzn1.ask.account.SCREENS-{uuid.uuid4()}"
    dialog = start(user=user)
    dialog.say("AMAZON.NoIntent")
    dialog.say("AMAZON.StopIntent")
    dialog = start(user=user)
    yield from screens(dialog, "offer to resume")
    dialog.say("AMAZON.HelpIntent")
    yield from screens(dialog, "help at the offer")
    # Every locale, and one the skill does not ship: the number on the emergency screen.
    for locale in ("en-GB", "en-CA", "en-AU", "en-IN", "en-NZ"):
        dialog = start(locale)
        yield from screens(dialog, f"launch {locale}")
        dialog.say("EmergencyIntent")
        yield from screens(dialog, f"emergency {locale}")
