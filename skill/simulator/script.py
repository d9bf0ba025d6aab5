"""Dialog scripts: YAML turns of what the user says and what the skill should answer.

    name: all no answers reach self-care
    turns:
      - user: open neck twitch check
        request: LaunchRequest
        speech_matches: "(?i)swallow"
      - user: no
        repeat: 30          # say it again and again, at most 30 times, until the session ends
        intent: AMAZON.NoIntent
        card_title_matches: "(?i)harmless"
        ended: true

Each turn has `user` and any of the expectations in `EXPECTATIONS`. A repeated turn checks
`intent` and `speech_not_matches` on every repetition and everything on the last one. A run
stops at the first turn that does not meet its expectations and reports a readable diff.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skill.simulator.errors import SimulatorError, read_text
from skill.simulator.nlu import MAX_UTTERANCE_CHARS
from skill.simulator.runner import Simulator, Turn

EXPECTATIONS: dict[str, str] = {
    "request": "request type: LaunchRequest, IntentRequest or SessionEndedRequest",
    "intent": "the intent the utterance resolves to, e.g. AMAZON.YesIntent",
    "slots": "mapping of slot name to resolved value id (or the spoken value if unresolved)",
    "speech": "text the speech contains (case-insensitive)",
    "speech_matches": "regular expression the speech matches (re.search)",
    "speech_not_matches": "regular expression the speech must not match",
    "reprompt_matches": "regular expression the reprompt matches",
    "card_matches": "regular expression the card's title or text matches",
    "card_title_matches": "regular expression the card's title matches",
    "ended": "true if the skill ends the session on this turn",
}
REPEAT_KEYS: dict[str, str] = {
    "repeat": "say the line up to this many times, until the session ends (or until_matches)",
    "until_matches": "with repeat: stop repeating once the speech matches this regex",
}
_TOP_KEYS = frozenset({"name", "description", "locale", "device", "user", "turns"})
_REGEX_KEYS = (
    "speech_matches",
    "speech_not_matches",
    "reprompt_matches",
    "card_matches",
    "card_title_matches",
    "until_matches",
)
# Checked on every repetition of a repeated turn, not only the last.
_EVERY_REPETITION = ("intent", "speech_not_matches")


@dataclass(frozen=True)
class ScriptTurn:
    user: str
    expect: dict[str, Any]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    repeat: int = 1
    until: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Script:
    path: Path
    name: str
    turns: tuple[ScriptTurn, ...]
    locale: str | None = None
    device: str | None = None
    user: str | None = None


@dataclass(frozen=True)
class Difference:
    key: str
    expected: str
    actual: str


@dataclass
class ScriptReport:
    script: Script
    turns: list[Turn] = field(default_factory=list)
    failed_turn: int | None = None  # index into script.turns
    differences: list[Difference] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.failed_turn is None


def _loader() -> type[Any]:
    """A safe loader where only true/false are booleans: `user: no` must stay the word "no"."""
    import yaml

    class ScriptLoader(yaml.SafeLoader):
        pass

    bool_tag = "tag:yaml.org,2002:bool"
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != bool_tag]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    ScriptLoader.yaml_implicit_resolvers = resolvers
    ScriptLoader.add_implicit_resolver(
        bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return ScriptLoader


def load_script(path: Path) -> Script:
    import yaml

    text = read_text(path, "dialog script")
    try:
        data = yaml.load(text, Loader=_loader())  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SimulatorError(f"malformed dialog script {path}{where}: {problem}") from None
    return parse_script(data, path)


def _fail(path: Path, message: str) -> SimulatorError:
    return SimulatorError(f"dialog script {path}: {message}")


def parse_script(data: Any, path: Path) -> Script:
    if not isinstance(data, dict):
        raise _fail(path, "expected a mapping with a 'turns' list")
    unknown = sorted(set(map(str, data)) - _TOP_KEYS)
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r} (expected {', '.join(sorted(_TOP_KEYS))})")
    raw_turns = data.get("turns")
    if not isinstance(raw_turns, list) or not raw_turns:
        raise _fail(path, "'turns' must be a non-empty list")
    for key in ("name", "locale", "device", "user"):
        if key in data and not isinstance(data[key], str):
            raise _fail(path, f"{key!r} must be a string")
    turns = tuple(_parse_turn(raw, i, path) for i, raw in enumerate(raw_turns, start=1))
    return Script(
        path=path,
        name=str(data.get("name") or path.stem),
        turns=turns,
        locale=data.get("locale"),
        device=data.get("device"),
        user=data.get("user"),
    )


def _parse_turn(raw: Any, number: int, path: Path) -> ScriptTurn:
    where = f"turn {number}"
    if not isinstance(raw, dict):
        raise _fail(path, f"{where} must be a mapping with a 'user' line")
    user = raw.get("user")
    if not isinstance(user, str) or not user.strip():
        raise _fail(path, f"{where} needs a non-empty 'user' line")
    if len(user) > MAX_UTTERANCE_CHARS:
        raise _fail(path, f"{where}: 'user' is longer than {MAX_UTTERANCE_CHARS} characters")
    expect: dict[str, Any] = {}
    patterns: dict[str, re.Pattern[str]] = {}
    repeat = raw.get("repeat", 1)
    if isinstance(repeat, bool) or not isinstance(repeat, int) or not 1 <= repeat <= 1000:
        raise _fail(path, f"{where}: 'repeat' must be a whole number from 1 to 1000")
    if "until_matches" in raw and "repeat" not in raw:
        raise _fail(path, f"{where}: 'until_matches' needs 'repeat'")
    for key, value in raw.items():
        if key in ("user", "repeat"):
            continue
        if key not in EXPECTATIONS and key not in REPEAT_KEYS:
            known = ", ".join(sorted([*EXPECTATIONS, *REPEAT_KEYS]))
            raise _fail(path, f"{where}: unknown key {key!r} (expected user, {known})")
        if key == "ended":
            if not isinstance(value, bool):
                raise _fail(path, f"{where}: 'ended' must be true or false")
        elif key == "slots":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise _fail(path, f"{where}: 'slots' must map slot names to strings")
        elif not isinstance(value, str):
            raise _fail(path, f"{where}: {key!r} must be a string")
        if key in _REGEX_KEYS:
            try:
                patterns[key] = re.compile(value)
            except re.error as exc:
                raise _fail(path, f"{where}: {key!r} is not a valid regex: {exc}") from None
        if key != "until_matches":
            expect[key] = value
    until = patterns.pop("until_matches", None)
    return ScriptTurn(user=user, expect=expect, patterns=patterns, repeat=repeat, until=until)


def run_script(script: Script, simulator: Simulator) -> ScriptReport:
    report = ScriptReport(script)
    for index, step in enumerate(script.turns):
        differences = _run_turn(step, simulator, report.turns)
        if differences:
            report.failed_turn = index
            report.differences = differences
            break
    return report


def _run_turn(step: ScriptTurn, simulator: Simulator, transcript: list[Turn]) -> list[Difference]:
    if step.repeat == 1:
        transcript.append(simulator.say(step.user))
        return compare(step, transcript[-1])
    every = ScriptTurn(
        step.user,
        {k: v for k, v in step.expect.items() if k in _EVERY_REPETITION},
        {k: v for k, v in step.patterns.items() if k in _EVERY_REPETITION},
    )
    for _ in range(step.repeat):
        turn = simulator.say(step.user)
        transcript.append(turn)
        done = turn.ended if step.until is None else bool(step.until.search(turn.speech or ""))
        if done:
            return compare(step, turn)
        differences = compare(every, turn)
        if differences:
            return differences
    stop = "the session ended" if step.until is None else f"speech matched /{step.until.pattern}/"
    return [Difference("repeat", f"{stop} within {step.repeat} repetitions", "it did not")]


def compare(step: ScriptTurn, turn: Turn) -> list[Difference]:
    diffs: list[Difference] = []
    expect = step.expect
    speech = turn.speech or ""

    def check(key: str, ok: bool, expected: str, actual: str) -> None:
        if key in expect and not ok:
            diffs.append(Difference(key, expected, actual))

    check("request", turn.request_type == expect.get("request"),
          str(expect.get("request")), turn.request_type)
    check("intent", turn.intent == expect.get("intent"),
          str(expect.get("intent")), str(turn.intent))
    if "slots" in expect:
        actual_slots = _slot_view(turn)
        for name, wanted in expect["slots"].items():
            got = actual_slots.get(name)
            if got is None or wanted.lower() not in got:
                diffs.append(Difference(f"slots.{name}", wanted, " / ".join(got or ["(empty)"])))
    check("speech", str(expect.get("speech", "")).lower() in speech.lower(),
          f"contains {expect.get('speech')!r}", repr(speech))
    regex_checks: list[tuple[str, str, bool]] = [
        ("speech_matches", speech, True),
        ("speech_not_matches", speech, False),
        ("reprompt_matches", turn.reprompt or "", True),
        ("card_matches", _card_text(turn), True),
        ("card_title_matches", str((turn.card or {}).get("title") or ""), True),
    ]
    for key, text, wanted in regex_checks:
        pattern = step.patterns.get(key)
        if pattern is not None and (pattern.search(text) is not None) != wanted:
            verb = "matches" if wanted else "does not match"
            diffs.append(Difference(key, f"{verb} /{pattern.pattern}/", repr(text)))
    check("ended", turn.ended == expect.get("ended"), str(expect.get("ended")), str(turn.ended))
    return diffs


def _slot_view(turn: Turn) -> dict[str, list[str]]:
    if turn.understanding is None:
        return {}
    view: dict[str, list[str]] = {}
    for name, slot in turn.understanding.slots.items():
        view[name] = [v.lower() for v in (slot.resolved_id, slot.value) if v]
    return view


def _card_text(turn: Turn) -> str:
    if not turn.card:
        return ""
    return " ".join(str(turn.card.get(k) or "") for k in ("title", "text"))


def format_report(report: ScriptReport, shorten: Callable[[str], str] | None = None) -> str:
    """A readable account of a failed run: the dialog so far, then expected (-) vs actual (+)."""
    script = report.script
    if report.passed:
        return f"PASS {script.path} ({len(report.turns)} turns): {script.name}"
    assert report.failed_turn is not None
    step = script.turns[report.failed_turn]
    cut = shorten or (lambda text: text if len(text) <= 300 else text[:297] + "...")
    lines = [
        f"FAIL {script.path}: {script.name}",
        f"  turn {report.failed_turn + 1} of {len(script.turns)}: user said {step.user!r}",
    ]
    for difference in report.differences:
        lines.append(f"  {difference.key}:")
        lines.append(f"    - expected: {cut(difference.expected)}")
        lines.append(f"    + actual:   {cut(difference.actual)}")
    lines.append("  dialog so far:")
    for turn in report.turns:
        lines.append(f"    you>   {turn.user}")
        label = turn.intent or turn.request_type
        lines.append(f"    alexa> [{label}{', ended' if turn.ended else ''}] "
                     f"{cut(turn.speech or '(no speech)')}")
    return "\n".join(lines)
