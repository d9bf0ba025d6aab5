"""What the skill says, per locale: YAML files loaded once, behind `content_for(locale)`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from skill.triage.datafile import load_data

CONTENT_DIR = Path(__file__).parent
DEFAULT_LOCALE = "en-US"


class ContentError(KeyError):
    """A content key is missing or a placeholder has no value."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "content error"


class Content:
    """One locale's words. `text("questions.speech.ask")` looks up a dotted key."""

    def __init__(self, data: dict[str, Any], locale: str, *, known_number: bool) -> None:
        self.data = data
        self.locale = locale
        self.known_number = known_number
        if known_number:
            self.number = str(data["emergency_number"])
            self.call = str(data["emergency_call"]).format(number=self.number)
        else:
            # A locale we have no words for: never speak another country's number.
            self.number = str(data["unknown_number"])
            self.call = str(data["unknown_call"])

    def lookup(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ContentError(f"{self.locale}: no content for {key!r}")
            node = node[part]
        return node

    def has(self, key: str) -> bool:
        try:
            self.lookup(key)
        except ContentError:
            return False
        return True

    def text(self, key: str, **values: str) -> str:
        template = self.lookup(key)
        if not isinstance(template, str):
            raise ContentError(f"{self.locale}: content {key!r} is not text")
        try:
            return template.format(number=self.number, call=self.call, **values)
        except (KeyError, IndexError) as exc:
            raise ContentError(f"{self.locale}: {key!r} needs a value for {exc}") from exc

    def join(self, items: list[str]) -> str:
        """'a', 'a and b', 'a, b and c' in this locale's words."""
        if len(items) <= 1:
            return "".join(items)
        return self.text("list_comma").join(items[:-1]) + self.text("list_and") + items[-1]


def available_locales() -> list[str]:
    return sorted(p.stem for p in CONTENT_DIR.glob("*.yaml"))


@cache
def _load(locale: str) -> dict[str, Any]:
    path = CONTENT_DIR / f"{locale}.yaml"
    data = load_data(path)  # YAML, or its JSON twin in a Lambda bundle
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected a mapping at the top level")
    return data


@cache
def content_for(locale: str | None) -> Content:
    """The content for a request's locale; unknown locales get en-US words, no number."""
    if locale and (CONTENT_DIR / f"{locale}.yaml").is_file():
        return Content(_load(locale), locale, known_number=True)
    return Content(_load(DEFAULT_LOCALE), DEFAULT_LOCALE, known_number=False)
