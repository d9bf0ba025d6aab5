"""What the skill remembers between sessions: an unfinished check, and when the first one was.

Stored through the ASK SDK's persistence adapter (skill.storage), one item per Alexa account
keyed by its hashed id. Inside it, each recognised voice profile (`context.System.person`) has
its own entry under a hashed person id, so one person in a household is never offered another's
unfinished check; requests without a voice profile share the account's entry. Disabling the
skill deletes the whole item. Memory is a convenience: when storage fails, the check goes on
without it.
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

MEMORY_VERSION = 2
ACCOUNT = "account"  # the entry of requests that carry no recognised voice profile


@dataclass(frozen=True)
class Recalled:
    check: CheckState | None = None  # an unfinished check with at least one answer
    first_checked: date | None = None


class Memory:
    def __init__(self, handler_input: HandlerInput, rules: Rules) -> None:
        self.manager = handler_input.attributes_manager
        self.rules = rules
        self.envelope = handler_input.request_envelope

    @property
    def person(self) -> str:
        """This speaker's entry: a hashed voice-profile id, or the account's."""
        person = getattr(getattr(self.envelope.context, "system", None), "person", None)
        person_id = getattr(person, "person_id", None)
        if not isinstance(person_id, str) or not person_id:
            return ACCOUNT
        from skill.storage import hashed_id

        return hashed_id(person_id)

    def _people(self) -> dict[str, Any]:
        stored: Any = self.manager.persistent_attributes
        if not isinstance(stored, dict) or stored.get("v") != MEMORY_VERSION:
            return {}
        people = stored.get("people")
        return dict(people) if isinstance(people, dict) else {}

    @property
    def enabled(self) -> bool:
        # The SDK exposes no public "has an adapter" check; this attribute is set by its
        # AttributesManager constructor from the skill configuration.
        return getattr(self.manager, "_persistence_adapter", None) is not None

    def recall(self) -> Recalled:
        if not self.enabled:
            return Recalled()
        try:
            stored: Any = self._people().get(self.person)
        except (PersistenceException, AttributesManagerException) as exc:
            logger.warning("memory unavailable: %s", type(exc).__name__)
            return Recalled()
        if not isinstance(stored, dict):
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
        value: dict[str, Any] = {}
        if first_checked:
            value["first_checked"] = first_checked
        if check is not None and _started(check):
            value["check"] = check.to_dict()
        try:
            people = self._people()
            people[self.person] = value
            self.manager.persistent_attributes = {"v": MEMORY_VERSION, "people": people}
            self.manager.save_persistent_attributes()
        except (PersistenceException, AttributesManagerException) as exc:
            logger.warning("could not save memory: %s", type(exc).__name__)

    def forget(self) -> None:
        """Delete everything stored for this speaker; the account's item goes with its last
        entry (raises PersistenceException on failure)."""
        people = self._people()
        people.pop(self.person, None)
        if people:
            self.manager.persistent_attributes = {"v": MEMORY_VERSION, "people": people}
            self.manager.save_persistent_attributes()
        else:
            self.manager.delete_persistent_attributes()

    def forget_account(self) -> None:
        """Delete everything stored for the account, every voice profile included (the skill
        was disabled)."""
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
