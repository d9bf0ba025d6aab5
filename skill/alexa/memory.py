"""What the skill remembers between sessions: an unfinished check, and when the first one was.

Stored through the ASK SDK's persistence adapter (skill.storage), keyed by a hashed user id.
Memory is a convenience: when storage fails, the check goes on without it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from ask_sdk_core.exceptions import AttributesManagerException, PersistenceException
from ask_sdk_core.handler_input import HandlerInput

from skill.triage import CheckState, Rules, StateError

logger = logging.getLogger(__name__)

MEMORY_VERSION = 1


@dataclass(frozen=True)
class Recalled:
    check: CheckState | None = None  # an unfinished check with at least one answer
    first_checked: date | None = None


class Memory:
    def __init__(self, handler_input: HandlerInput, rules: Rules) -> None:
        self.manager = handler_input.attributes_manager
        self.rules = rules

    @property
    def enabled(self) -> bool:
        # The SDK exposes no public "has an adapter" check; this attribute is set by its
        # AttributesManager constructor from the skill configuration.
        return getattr(self.manager, "_persistence_adapter", None) is not None

    def recall(self) -> Recalled:
        if not self.enabled:
            return Recalled()
        try:
            stored: Any = self.manager.persistent_attributes
        except (PersistenceException, AttributesManagerException) as exc:
            logger.warning("memory unavailable: %s", type(exc).__name__)
            return Recalled()
        if not isinstance(stored, dict) or stored.get("v") != MEMORY_VERSION:
            return Recalled()
        check = None
        if stored.get("check") is not None:
            try:
                check = CheckState.from_dict(_plain(stored["check"]), self.rules)
            except StateError:
                check = None
        if check is not None and not _started(check):
            check = None
        try:
            first = date.fromisoformat(str(stored.get("first_checked")))
        except ValueError:
            first = None
        return Recalled(check=check, first_checked=first)

    def remember(self, check: CheckState | None, first_checked: str | None) -> None:
        """Keep the unfinished check (or none) and the first check's date; never raises."""
        if not self.enabled:
            return
        value: dict[str, Any] = {"v": MEMORY_VERSION}
        if first_checked:
            value["first_checked"] = first_checked
        if check is not None and _started(check):
            value["check"] = check.to_dict()
        try:
            self.manager.persistent_attributes = value
            self.manager.save_persistent_attributes()
        except (PersistenceException, AttributesManagerException) as exc:
            logger.warning("could not save memory: %s", type(exc).__name__)

    def forget(self) -> None:
        """Delete everything stored for this user (raises PersistenceException on failure)."""
        self.manager.delete_persistent_attributes()


def _started(check: CheckState) -> bool:
    """Worth offering to resume: something was answered or said."""
    return bool(check.answers or check.signs or check.unrecognised)


def _plain(value: Any) -> Any:
    """DynamoDB returns numbers as Decimal; the check's state wants plain ints."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if type(value).__name__ == "Decimal":
        return int(value)
    return value
