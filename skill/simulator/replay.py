"""ASK CLI replay files: `{"skillId", "locale", "type": "text", "userInput": [...]}`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from skill.simulator.errors import SimulatorError, read_json
from skill.simulator.nlu import MAX_UTTERANCE_CHARS


@dataclass(frozen=True)
class Replay:
    skill_id: str | None
    locale: str | None
    user_input: tuple[str, ...]


def load_replay(path: Path) -> Replay:
    data = read_json(path, "replay file")
    if not isinstance(data, dict):
        raise SimulatorError(f"malformed replay file {path}: expected a JSON object")
    if data.get("type", "text") != "text":
        raise SimulatorError(
            f"replay file {path}: type {data.get('type')!r} is not supported (only 'text')"
        )
    inputs = data.get("userInput")
    if not isinstance(inputs, list) or not inputs:
        raise SimulatorError(f"replay file {path}: 'userInput' must be a non-empty list")
    for number, line in enumerate(inputs, start=1):
        if not isinstance(line, str) or not line.strip():
            raise SimulatorError(f"replay file {path}: userInput {number} is empty")
        if len(line) > MAX_UTTERANCE_CHARS:
            raise SimulatorError(
                f"replay file {path}: userInput {number} is longer than "
                f"{MAX_UTTERANCE_CHARS} characters"
            )
    skill_id, locale = data.get("skillId"), data.get("locale")
    for key, value in (("skillId", skill_id), ("locale", locale)):
        if value is not None and not isinstance(value, str):
            raise SimulatorError(f"replay file {path}: {key!r} must be a string")
    return Replay(skill_id or None, locale or None, tuple(inputs))


def write_replay(path: Path, skill_id: str, locale: str, user_input: list[str]) -> None:
    document = {"skillId": skill_id, "locale": locale, "type": "text", "userInput": user_input}
    try:
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise SimulatorError(f"cannot write replay file {path}: {exc.strerror or exc}") from None
