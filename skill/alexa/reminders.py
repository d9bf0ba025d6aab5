"""Reminders: "Shall I remind you in two weeks to check again?" after self-care or "book an
appointment", set through the Alexa Reminders API with the person's consent.

The offer comes after the outcome has been said, in one short question, and never after an
emergency or a same-day outcome (that advice stands alone). A yes asks Alexa for the reminders
permission by voice (Connections.SendRequest AskFor); Alexa answers with a Connections.Response
(accepted, denied, not answered); where voice permission is not available, a consent card goes
to the Alexa app. The reminder is one relative trigger (14 days, or 7 for "remind me in a
week"), so no time zone is needed; its text names the skill and how to open it.

The Reminders API is a convenience: each call has a short deadline (within the memory time
budget, skill.storage.BUDGET_SECONDS), a turn whose call failed makes no other, and every failure
ends in plain words, never an error. The SDK's reminder client and the HTTP client are imported
only when a reminder is set, read or cancelled. Logs say what happened (set, denied, failed with
a status), never who or the reminder's text.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import IntentRequest, Response

from skill.alexa import constants as names
from skill.triage.vocabulary import Tier

if TYPE_CHECKING:
    from skill.alexa.conversation import Conversation
    from skill.content.render import Spoken
    from skill.triage import Outcome

logger = logging.getLogger(__name__)

SCOPE = "alexa::alerts:reminders:skill:readwrite"
TWO_WEEKS = 14
ONE_WEEK = 7
# Alexa waits about 8 s for a turn, and memory may already have used its 2 s budget: a reminder
# call gets at most this long, and a turn makes at most three (list, then delete or create).
TIMEOUT_SECONDS = 1.0
TOKEN_PREFIX = "reminder:"  # the AskFor token carries the days asked for
OFFERED_AFTER = frozenset({Tier.SELF_CARE, Tier.SOON})

_YES = frozenset({names.YES, names.YES_DETAIL, names.ACKNOWLEDGE, names.REMIND})
_NO = frozenset({names.NO, names.NO_DETAIL, names.STOP, names.CANCEL, names.NAVIGATE_HOME})
_AGAIN = frozenset({names.HELP, names.REPEAT, names.NOT_SURE, names.FALLBACK})


class ReminderError(Exception):
    """The Reminders API could not be used; `status` is its HTTP status (0: no answer)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"reminders API status {status}")
        self.status = status

    @property
    def needs_permission(self) -> bool:
        return self.status in (401, 403)


# --- the offer, at the end of a check ----------------------------------------------------------

def offered(talk: Conversation, outcome: Outcome, spoken: Spoken) -> Spoken:
    """The outcome as said, with the offer after it when the outcome calls for one."""
    from skill.content.render import Spoken

    if (outcome.tier not in OFFERED_AFTER or talk.session is None or talk.about_other):
        return spoken
    if not _has_api(talk.handler_input):
        # A host without the Reminders API (the desk voice) may offer its own way.
        talk.session[names.REMINDER_DUE_KEY] = TWO_WEEKS
        return spoken
    talk.session[names.REMINDER_OFFER_KEY] = TWO_WEEKS
    offer = talk.text("reminders.offer")
    return Spoken(speech=(*spoken.speech, offer),
                  reprompt=f"{offer} {talk.text('reminders.offer_hint')}", card=spoken.card)


def _offer_pending(handler_input: HandlerInput) -> bool:
    session = handler_input.request_envelope.session
    attributes = getattr(session, "attributes", None) if session is not None else None
    return isinstance(attributes, dict) and attributes.get(names.REMINDER_OFFER_KEY) is not None


class ReminderOfferHandler(AbstractRequestHandler):
    """The answer to the offer: yes (or "remind me in a week") sets it, no ends kindly, help or
    a miss asks again. Anything else (an emergency said now, a new check) goes to its own
    handler, and the offer lapses."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not _offer_pending(handler_input):
            return False
        return _intent(handler_input) in (_YES | _NO | _AGAIN | {names.REMIND_WEEK})

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.conversation import Conversation

        talk = Conversation(handler_input)
        intent = _intent(handler_input)
        if intent == names.REMIND_WEEK:
            return ask_or_set(talk, ONE_WEEK)
        if intent in _YES:
            return ask_or_set(talk, TWO_WEEKS)
        if intent in _NO:
            return talk.end(talk.text("reminders.declined"))
        if talk.session is not None:
            talk.session[names.REMINDER_OFFER_KEY] = TWO_WEEKS
        offer = talk.text("reminders.offer")
        hint = talk.text("reminders.offer_hint")
        from skill.content.render import Spoken

        return talk.respond(Spoken(speech=(offer, hint), reprompt=f"{offer} {hint}"))


# --- asked for at any time ---------------------------------------------------------------------

class RemindIntentHandler(AbstractRequestHandler):
    """"Remind me in two weeks", "remind me in a week": set now if no check is under way;
    during a check, the offer comes at its end."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_intent_name(names.REMIND)(handler_input)
                or is_intent_name(names.REMIND_WEEK)(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.conversation import Conversation

        talk = Conversation(handler_input)
        if _under_way(talk):
            return talk.reask(talk.text("reminders.during_check"))
        week = is_intent_name(names.REMIND_WEEK)(handler_input)
        return ask_or_set(talk, ONE_WEEK if week else TWO_WEEKS)


class CancelReminderIntentHandler(AbstractRequestHandler):
    """"Cancel my reminder": every reminder this skill set for the person is deleted."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.CANCEL_REMINDER)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.conversation import Conversation

        talk = Conversation(handler_input)
        said = _cancel(talk)
        return talk.reask(said) if _under_way(talk) else talk.end(said)


class ReminderStatusIntentHandler(AbstractRequestHandler):
    """"Do I have a reminder?": when the next one is, in plain words."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.REMINDER_STATUS)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.conversation import Conversation

        talk = Conversation(handler_input)
        said = _status(talk)
        return talk.reask(said) if _under_way(talk) else talk.end(said)


class ConnectionsResponseHandler(AbstractRequestHandler):
    """Alexa's answer to the voice permission request: set the reminder when accepted; when
    denied, no reminder and no card; when not answered, or when voice permission failed, the
    consent card."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("Connections.Response")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.alexa.conversation import Conversation

        request = handler_input.request_envelope.request
        talk = Conversation(handler_input)
        token = str(getattr(request, "token", "") or "")
        if getattr(request, "name", None) != "AskFor" or not token.startswith(TOKEN_PREFIX):
            return handler_input.response_builder.response  # not ours: nothing to say
        days = ONE_WEEK if token == f"{TOKEN_PREFIX}{ONE_WEEK}" else TWO_WEEKS
        code = str(getattr(getattr(request, "status", None), "code", "") or "")
        payload = getattr(request, "payload", None)
        answer = payload.get("status") if isinstance(payload, dict) else None
        logger.info("reminder permission: %s (%s)", answer if isinstance(answer, str)
                    else "none", code or "no status")
        if code != "200":
            return _consent_card(talk)
        if answer == "ACCEPTED":
            return _set(talk, days)
        if answer == "DENIED":
            return talk.end(talk.text("reminders.denied"))
        return _consent_card(talk)  # NOT_ANSWERED, or anything Alexa adds later


# --- doing it ------------------------------------------------------------------------------------

def ask_or_set(talk: Conversation, days: int) -> Response:
    """Set the reminder when the permission is granted; else ask Alexa to ask for it."""
    if not _has_api(talk.handler_input):
        return talk.end(talk.text("reminders.no_device", when=_span(talk, days)))
    if _granted(talk.handler_input):
        return _set(talk, days)
    from ask_sdk_model.interfaces.connections import SendRequestDirective

    builder = talk.handler_input.response_builder
    builder.add_directive(SendRequestDirective(name="AskFor", token=f"{TOKEN_PREFIX}{days}",
                                               payload={
        "@type": "AskForPermissionsConsentRequest", "@version": "2",
        "permissionScopes": [{"permissionScope": SCOPE, "consentLevel": "ACCOUNT"}]}))
    logger.info("reminder permission asked by voice")
    # Alexa speaks its own question now; the skill says nothing until the answer comes back.
    return builder.response


def _set(talk: Conversation, days: int) -> Response:
    try:
        create_reminder(talk, days)
    except ReminderError as error:
        if error.needs_permission:
            return _consent_card(talk)
        if error.status == 400:  # what the API answers for a device that has no reminders
            return talk.end(talk.text("reminders.no_device", when=_span(talk, days)))
        return talk.end(talk.text("reminders.failed", when=_span(talk, days)))
    return talk.end(talk.text("reminders.set", when=_span(talk, days)))


def _consent_card(talk: Conversation) -> Response:
    from ask_sdk_model.ui import AskForPermissionsConsentCard

    response = talk.end(talk.text("reminders.card_sent"))
    response.card = AskForPermissionsConsentCard(permissions=[SCOPE])
    return response


def _cancel(talk: Conversation) -> str:
    if not _has_api(talk.handler_input) or not _granted(talk.handler_input):
        return talk.text("reminders.none")
    try:
        tokens = [r.token for r in list_reminders(talk)]
        client = _client(talk)
        for token in tokens:
            _call(lambda t=token: client.delete_reminder(t))
    except ReminderError:
        return talk.text("reminders.check_failed")
    if not tokens:
        return talk.text("reminders.none")
    logger.info("reminders cancelled: %d", len(tokens))
    return talk.text("reminders.cancelled")


def _status(talk: Conversation) -> str:
    if not _has_api(talk.handler_input) or not _granted(talk.handler_input):
        return talk.text("reminders.none")
    try:
        pending = list_reminders(talk)
    except ReminderError:
        return talk.text("reminders.check_failed")
    if not pending:
        return talk.text("reminders.none")
    days = min(r.days_left for r in pending)
    when = (talk.text("reminders.today") if days < 1 else talk.text("reminders.tomorrow")
            if days == 1 else talk.text("reminders.in_days", n=str(days)))
    return talk.text("reminders.has_one", when=when)


class Pending:
    """A reminder set that has not gone off: its token, and the days until it goes off, to the
    nearest day (0: later today). A plain class: a dataclass would generate and compile its
    methods at import, which every cold start would pay for a reminder rarely listed."""

    __slots__ = ("days_left", "token")

    def __init__(self, token: str, days_left: int) -> None:
        self.token = token
        self.days_left = days_left


def create_reminder(talk: Conversation, days: int) -> None:
    """POST /v1/alerts/reminders: a relative trigger `days` from now, spoken in the request's
    locale; raises ReminderError."""
    from ask_sdk_model.services.reminder_management import (
        AlertInfo,
        PushNotification,
        PushNotificationStatus,
        ReminderRequest,
        SpokenInfo,
        SpokenText,
        Trigger,
        TriggerType,
    )

    text = talk.text("reminders.text")
    request = ReminderRequest(
        request_time=_now(talk),
        trigger=Trigger(object_type=TriggerType.SCHEDULED_RELATIVE,
                        offset_in_seconds=days * 86400),
        alert_info=AlertInfo(spoken_info=SpokenInfo(content=[
            SpokenText(locale=talk.content.locale, text=text)])),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED))
    client = _client(talk)
    _call(lambda: client.create_reminder(request))
    logger.info("reminder set: %d days", days)


def list_reminders(talk: Conversation) -> list[Pending]:
    """GET /v1/alerts/reminders: this skill's reminders for the person that have not gone off."""
    client = _client(talk)
    found = _call(lambda: client.get_reminders())
    now = _now(talk)
    pending: list[Pending] = []
    for alert in getattr(found, "alerts", None) or []:
        status = getattr(getattr(alert, "status", None), "value", None)
        token = getattr(alert, "alert_token", None)
        if status != "ON" or not isinstance(token, str):
            continue
        pending.append(Pending(token, _days_left(alert, now)))
    return pending


def _days_left(alert: Any, now: datetime) -> int:
    trigger = getattr(alert, "trigger", None)
    due = getattr(trigger, "scheduled_time", None)
    if not isinstance(due, datetime):
        created = getattr(alert, "created_time", None)
        offset = getattr(trigger, "offset_in_seconds", None)
        if isinstance(created, datetime) and isinstance(offset, int):
            from datetime import timedelta

            due = created + timedelta(seconds=offset)
    if not isinstance(due, datetime):
        return 0
    if due.tzinfo is None:
        due = due.replace(tzinfo=timezone.utc)  # an absolute trigger's local time: near enough
    return max(0, round((due - now).total_seconds() / 86400))


def _client(talk: Conversation) -> Any:
    """The SDK's ReminderManagementServiceClient, through its service client factory, with
    this project's deadline-bound API client, at the envelope's apiEndpoint."""
    from ask_sdk_model.services import ApiConfiguration, ServiceClientFactory

    from skill.alexa.api_client import UrllibApiClient

    system = getattr(talk.handler_input.request_envelope.context, "system", None)
    configuration = ApiConfiguration(
        serializer=_serializer(), api_client=UrllibApiClient(TIMEOUT_SECONDS),
        authorization_value=str(getattr(system, "api_access_token", "")),
        api_endpoint=str(getattr(system, "api_endpoint", "")))
    return ServiceClientFactory(configuration).get_reminder_management_service()


_BROKEN_TYPE = "ask_sdk_model.services.reminder_management.alert_info_spoken_info.SpokenInfo"
_FIXED_TYPE = "ask_sdk_model.services.reminder_management.spoken_info.SpokenInfo"


def _serializer() -> Any:
    """The SDK's serializer, reading the reminders the API sends back.

    ask-sdk-model (1.82) declares AlertInfo's `spokenInfo` as a class in a module that does not
    exist (`alert_info_spoken_info`); the class is in `spoken_info`. Without this, no reminder
    listed by the API can be read (a test lists them through the real client).
    """
    from ask_sdk_core.serialize import DefaultSerializer

    class _Serializer(DefaultSerializer):
        # Overrides the SDK's private `__deserialize` (name-mangled), which it calls for every
        # nested type.
        def _DefaultSerializer__deserialize(self, payload: Any, obj_type: Any) -> Any:
            if obj_type == _BROKEN_TYPE:
                obj_type = _FIXED_TYPE
            return super()._DefaultSerializer__deserialize(  # type: ignore[misc]
                payload, obj_type)

    return _Serializer()


def _call(call: Any) -> Any:
    """One API call; any failure (an error status, a timeout, an unreadable answer) is a
    ReminderError with its status, logged without the body."""
    from ask_sdk_model.services import ServiceException

    try:
        return call()
    except ServiceException as error:
        status = int(getattr(error, "status_code", 0) or 0)
        # The SDK reports a network error or timeout as a 500 "Call to service failed".
        failed = str(error).startswith("Call to service failed")
        logger.warning("reminders API: %s", "no answer" if failed else f"HTTP {status}")
        raise ReminderError(0 if failed else status) from None
    except Exception as error:  # an answer the SDK could not read
        logger.warning("reminders API: unreadable answer (%s)", type(error).__name__)
        raise ReminderError(0) from None


# --- what the request says ------------------------------------------------------------------------

def _intent(handler_input: HandlerInput) -> str | None:
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return None
    name = request.intent.name
    return name if isinstance(name, str) else None


def _has_api(handler_input: HandlerInput) -> bool:
    system = getattr(getattr(handler_input.request_envelope, "context", None), "system", None)
    endpoint = getattr(system, "api_endpoint", None)
    token = getattr(system, "api_access_token", None)
    return isinstance(endpoint, str) and endpoint.startswith(("https://", "http://")) and (
        isinstance(token, str) and bool(token))


def _granted(handler_input: HandlerInput) -> bool:
    """The person has allowed this skill's reminders (the envelope's permission scopes)."""
    system = getattr(getattr(handler_input.request_envelope, "context", None), "system", None)
    permissions = getattr(getattr(system, "user", None), "permissions", None)
    scopes = getattr(permissions, "scopes", None)
    scope = scopes.get(SCOPE) if isinstance(scopes, dict) else None
    status = getattr(getattr(scope, "status", None), "value", None)
    return status == "GRANTED"


def _under_way(talk: Conversation) -> bool:
    from skill.triage import Ask

    return talk.state is not None and not talk.offering_resume and isinstance(talk.step(), Ask)


def _now(talk: Conversation) -> datetime:
    timestamp = getattr(talk.handler_input.request_envelope.request, "timestamp", None)
    if isinstance(timestamp, datetime):
        return timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)


def _span(talk: Conversation, days: int) -> str:
    return talk.text("reminders.one_week" if days == ONE_WEEK else "reminders.two_weeks")


REMINDER_HANDLERS: tuple[type[AbstractRequestHandler], ...] = (
    ReminderOfferHandler, RemindIntentHandler, CancelReminderIntentHandler,
    ReminderStatusIntentHandler, ConnectionsResponseHandler)
