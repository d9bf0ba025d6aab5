"""What the skill remembers between sessions: an unfinished check, and when the first one was.

Stored through the ASK SDK's persistence adapter (skill.storage), one item per Alexa account
keyed by its hashed id. Inside it, each recognised voice profile (`context.System.person`) has
its own entry under a hashed person id, so one person in a household is never offered another's
unfinished check; requests without a voice profile share the account's entry. Disabling the
skill deletes the whole item. Each turn changes only its speaker's entry, atomically
(skill.storage.HouseholdAdapter), so housemates talking at once never undo each other.

Memory is a convenience: when storage fails or is slow (each call is bounded, see
skill.storage.BUDGET_SECONDS), the check goes on without it, saying nothing about it, and the
rest of that turn makes no other call. An entry that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import AttributesManagerException, PersistenceException
from ask_sdk_core.handler_input import HandlerInput

from skill.alexa.constants import LAST_CHECK_KEY
from skill.storage import LAYOUT_VERSION, HouseholdAdapter, People, people_of
from skill.triage import CheckState, Rules, StateError

if TYPE_CHECKING:
    from skill.triage.history import LastCheck

logger = logging.getLogger(__name__)

MEMORY_VERSION = LAYOUT_VERSION
ACCOUNT = "account"  # the entry of requests that carry no recognised voice profile
LAST = "last"  # an entry's last finished check (skill.triage.history.LastCheck)
# Set on the request's attributes manager once a storage call failed: the turn makes no more.
_FAILED = "_neck_twitch_memory_failed"
# What a stored entry that is not what this code wrote can raise while it is read.
_UNREADABLE = (StateError, TypeError, ValueError, AttributeError, KeyError, RecursionError)


@dataclass(frozen=True)
class Recalled:
    check: CheckState | None = None  # an unfinished check with at least one answer
    first_checked: date | None = None
    last: LastCheck | None = None  # the last finished check (a return visit compares with it)


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

    @property
    def adapter(self) -> AbstractPersistenceAdapter | None:
        # The SDK exposes no public "has an adapter" check; this attribute is set by its
        # AttributesManager constructor from the skill configuration.
        adapter: AbstractPersistenceAdapter | None = getattr(
            self.manager, "_persistence_adapter", None)
        return adapter

    @property
    def enabled(self) -> bool:
        return self.adapter is not None

    @property
    def available(self) -> bool:
        """Storage is configured and has not failed earlier in this turn."""
        return self.enabled and not getattr(self.manager, _FAILED, False)

    def _failed(self, what: str, exc: Exception) -> None:
        setattr(self.manager, _FAILED, True)
        logger.warning("%s: %s; this turn goes on without memory", what, type(exc).__name__)

    def _people(self) -> dict[str, Any]:
        adapter = self.adapter
        if isinstance(adapter, HouseholdAdapter):
            return adapter.read_people(self.envelope)
        return people_of(self.manager.persistent_attributes) or {}

    def recall(self) -> Recalled:
        if not self.available:
            return Recalled()
        try:
            stored: Any = self._people().get(self.person)
        except (PersistenceException, AttributesManagerException) as exc:
            self._failed("memory unavailable", exc)
            return Recalled()
        try:
            return _recalled(stored, self.rules)
        except _UNREADABLE as exc:
            # Not what this code writes: start fresh; the next save replaces the entry.
            logger.warning("ignored an unreadable memory entry (%s)", type(exc).__name__)
            return Recalled()

    def remember(self, check: CheckState | None, first_checked: str | None) -> None:
        """Keep the unfinished check (or none), the first check's date and the last finished
        check (the one this session finished, else the one stored); never raises."""
        if not self.available:
            return
        value: dict[str, Any] = {}
        if first_checked:
            value["first_checked"] = first_checked
        if check is not None and _started(check):
            value["check"] = check.to_dict()
        session = (self.manager.session_attributes
                   if self.envelope.session is not None else None)
        finished = session.get(LAST_CHECK_KEY) if isinstance(session, dict) else None
        if isinstance(finished, dict):
            value[LAST] = finished
        adapter = self.adapter
        person = self.person
        try:
            if isinstance(adapter, HouseholdAdapter):
                adapter.update_people(self.envelope, lambda people: _kept(people, person, value),
                                      forgetting=not value)
                return
            # Another adapter (the SDK's own): the whole item, read and written back.
            people = _kept(self._people(), person, value)
            self.manager.persistent_attributes = {"v": MEMORY_VERSION, "people": people}
            self.manager.save_persistent_attributes()
        except (PersistenceException, AttributesManagerException) as exc:
            self._failed("could not save memory", exc)

    def forget(self) -> None:
        """Delete everything stored for this speaker; the account's item goes with its last
        entry. Tried even after a failure earlier in the turn (raises PersistenceException on
        failure: the speaker must hear that it was not done)."""
        adapter = self.adapter
        if isinstance(adapter, HouseholdAdapter):
            adapter.delete_person(self.envelope, self.person)
            return
        people = self._people()
        people.pop(self.person, None)
        if people:
            self.manager.persistent_attributes = {"v": MEMORY_VERSION, "people": people}
            self.manager.save_persistent_attributes()
        else:
            self.manager.delete_persistent_attributes()

    def forget_account(self) -> None:
        """Delete everything stored for the account, every voice profile included (the skill
        was disabled); raises PersistenceException on failure."""
        adapter = self.adapter
        if isinstance(adapter, HouseholdAdapter):
            adapter.delete_account(self.envelope)
            return
        self.manager.delete_persistent_attributes()


def _kept(people: People, person: str, value: dict[str, Any]) -> People:
    """`person`'s entry becomes `value`, keeping the last finished check already stored when
    `value` has none (a turn that finished no check); an empty entry is removed."""
    old = people.get(person)
    if LAST not in value and isinstance(old, dict) and isinstance(old.get(LAST), dict):
        value = {**value, LAST: old[LAST]}
    if value:
        return {**people, person: value}
    return {key: entry for key, entry in people.items() if key != person}


def _recalled(stored: Any, rules: Rules) -> Recalled:
    if not isinstance(stored, dict):
        return Recalled()
    check = None
    if stored.get("check") is not None:
        try:
            check = CheckState.from_dict(_plain(stored["check"]), rules)
        except StateError:
            check = None
    if check is not None and not _started(check):
        check = None
    try:
        first = date.fromisoformat(str(stored.get("first_checked")))
    except ValueError:
        first = None
    last = None
    if stored.get(LAST) is not None:
        from skill.triage.history import LastCheck  # a return visit only

        last = LastCheck.from_dict(_plain(stored[LAST]), rules)
    return Recalled(check=check, first_checked=first, last=last)


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
