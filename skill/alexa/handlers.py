"""Request handlers: one small class per intent, each translating to the engine and back."""

from __future__ import annotations

import logging
import traceback

from ask_sdk_core.dispatch_components import (
    AbstractExceptionHandler,
    AbstractRequestHandler,
    AbstractRequestInterceptor,
)
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type, get_slot, is_intent_name, is_request_type
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentRequest,
    CanFulfillIntentValues,
)
from ask_sdk_model.slu.entityresolution import StatusCode

from skill.alexa import constants as names
from skill.alexa.conversation import Conversation
from skill.content.ssml import to_ssml
from skill.triage import Ask, CheckState, Reply, reply, volunteer

logger = logging.getLogger(__name__)

# Spoken only if even the content layer fails inside the exception handler.
_LAST_RESORT = "Sorry, something went wrong. Please try again."


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).launch()


class _ReplyHandler(AbstractRequestHandler):
    """Yes, no and not sure all answer the pending question."""

    intent_name: str
    said: Reply

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume:
            if self.said is Reply.NOT_SURE:
                return talk.reask(talk.text("memory.offer_hint"))
            return talk.answer_offer(resume=self.said is Reply.YES)
        if talk.state is None or talk.restarted:
            # No check under way (a one-shot request, or state we could not read): start one
            # rather than apply the answer to a question the user never heard.
            return talk.launch()
        return talk.advance(reply(talk.rules, talk.state, self.said))


class YesIntentHandler(_ReplyHandler):
    intent_name = names.YES
    said = Reply.YES


class NoIntentHandler(_ReplyHandler):
    intent_name = names.NO
    said = Reply.NO


class NotSureIntentHandler(_ReplyHandler):
    intent_name = names.NOT_SURE
    said = Reply.NOT_SURE


class ReportSymptomIntentHandler(AbstractRequestHandler):
    """A symptom volunteered at any point ("I also have numbness in my arm")."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.REPORT_SYMPTOM)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        sign = _resolved_id(handler_input, names.SYMPTOM_SLOT)
        if sign is None or talk.rules.by_sign(sign) is None:
            return talk.reask(talk.text("unknown_symptom"))
        noted = talk.text("noted_symptom", sign=talk.text(f"signs.{sign}"))
        return talk.advance(volunteer(talk.rules, talk.check, sign), noted)


class HelpIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.HELP)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if talk.offering_resume:
            return talk.reask(talk.text("memory.offer_hint"))
        step = talk.step()
        explain = (talk.text(f"questions.{step.question.id}.explain"),) if isinstance(
            step, Ask) else ()
        return talk.reask(talk.text("help.intro"), *explain, talk.text("answer_hint"),
                          talk.text("help.commands"))


class RepeatIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.REPEAT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).reask()


class StartOverIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.START_OVER)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        talk.restarted = False
        return talk.advance(CheckState(), talk.text("launch.start_over"))


class _GoodbyeHandler(AbstractRequestHandler):
    intent_name: str

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent_name)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return Conversation(handler_input).goodbye()


class StopIntentHandler(_GoodbyeHandler):
    intent_name = names.STOP


class CancelIntentHandler(_GoodbyeHandler):
    intent_name = names.CANCEL


class NavigateHomeIntentHandler(_GoodbyeHandler):
    intent_name = names.NAVIGATE_HOME


class WhyAskIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.WHY_ASK)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        step = talk.step()
        if talk.offering_resume or not isinstance(step, Ask):
            return talk.reask(talk.text("help.intro"))
        return talk.reask(talk.text(f"questions.{step.question.id}.why"))


class LearnIntentHandler(AbstractRequestHandler):
    """"What is a fasciculation?", "what causes it?", "is it a spasm?"; then the check goes on."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.LEARN)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        topic = _resolved_id(handler_input, names.TOPIC_SLOT)
        if topic not in names.LEARN_TOPICS:
            topic = names.DEFAULT_TOPIC
        return talk.reask(talk.text(f"learn.{topic}"), talk.text("back_to_check"))


class DeleteDataIntentHandler(AbstractRequestHandler):
    """"Delete my data": forget the unfinished check and the first check's date."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.DELETE_DATA)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        try:
            deleted = talk.forget()
        except PersistenceException as exc:
            logger.error("could not delete memory: %s", type(exc).__name__)
            return talk.end(talk.text("memory.delete_failed"))
        return talk.end(talk.text("memory.deleted" if deleted else "memory.nothing_stored"))


class FallbackIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(names.FALLBACK)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        return talk.reask(talk.text("fallback"), talk.text("answer_hint"))


class SessionEndedRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        # Alexa ignores any speech here; the reason is logged without user data.
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        logger.info("session ended: %s", getattr(reason, "value", reason))
        return handler_input.response_builder.response


class UnknownIntentHandler(AbstractRequestHandler):
    """An intent this skill does not model (a stale model, a test tool): treat as fallback."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return isinstance(handler_input.request_envelope.request, IntentRequest)

    def handle(self, handler_input: HandlerInput) -> Response:
        talk = Conversation(handler_input)
        if not talk.in_session:
            return handler_input.response_builder.response
        return talk.reask(talk.text("fallback"), talk.text("answer_hint"))


class OtherRequestHandler(AbstractRequestHandler):
    """Every other request type (AudioPlayer, PlaybackController, System, CanFulfill, ...)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        builder = handler_input.response_builder
        if isinstance(handler_input.request_envelope.request, CanFulfillIntentRequest):
            builder.set_can_fulfill_intent(CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO))
        return builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Apologise and re-ask the pending question; the answers so far are kept."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        # Frames only: an exception's message could quote what the user said.
        logger.error("%s while handling %s\n%s", type(exception).__name__,
                     _request_type(handler_input),
                     "".join(traceback.format_tb(exception.__traceback__)))
        builder = handler_input.response_builder
        if handler_input.request_envelope.session is None:
            return builder.response
        try:
            talk = Conversation(handler_input)
            return talk.reask(talk.text("error"))
        except Exception:  # the handler of last resort must not fail itself
            logger.exception("exception handler failed")
            builder.speak(to_ssml(_LAST_RESORT)).ask(to_ssml(_LAST_RESORT))
            return builder.response


class LogRequestInterceptor(AbstractRequestInterceptor):
    """Logs the request type only: never bodies, ids or slot values.

    An intent name is an answer ("AMAZON.YesIntent"), so it is logged at DEBUG only.
    """

    def process(self, handler_input: HandlerInput) -> None:
        request_type = _request_type(handler_input)
        logger.info("request %s", request_type.split(":")[0])
        logger.debug("request %s", request_type)


def _request_type(handler_input: HandlerInput) -> str:
    request = handler_input.request_envelope.request
    if isinstance(request, IntentRequest) and request.intent is not None:
        return f"IntentRequest:{request.intent.name}"
    try:
        return str(get_request_type(handler_input))
    except (AttributeError, TypeError):
        return "unknown"


def _resolved_id(handler_input: HandlerInput, slot_name: str) -> str | None:
    """The entity-resolution id of a slot (`ER_SUCCESS_MATCH`), or None."""
    slot = get_slot(handler_input, slot_name)
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        status = getattr(getattr(authority, "status", None), "code", None)
        if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
            return str(authority.values[0].value.id)
    return None


REQUEST_HANDLERS: tuple[type[AbstractRequestHandler], ...] = (
    LaunchRequestHandler,
    YesIntentHandler,
    NoIntentHandler,
    NotSureIntentHandler,
    ReportSymptomIntentHandler,
    HelpIntentHandler,
    RepeatIntentHandler,
    StartOverIntentHandler,
    StopIntentHandler,
    CancelIntentHandler,
    NavigateHomeIntentHandler,
    WhyAskIntentHandler,
    LearnIntentHandler,
    DeleteDataIntentHandler,
    FallbackIntentHandler,
    SessionEndedRequestHandler,
    UnknownIntentHandler,  # after every modelled intent
    OtherRequestHandler,  # last: anything else
)

# Which intent each intent handler serves, checked against interaction_model/ by a test.
INTENT_HANDLERS: dict[str, type[AbstractRequestHandler]] = {
    names.YES: YesIntentHandler,
    names.NO: NoIntentHandler,
    names.NOT_SURE: NotSureIntentHandler,
    names.REPORT_SYMPTOM: ReportSymptomIntentHandler,
    names.HELP: HelpIntentHandler,
    names.REPEAT: RepeatIntentHandler,
    names.START_OVER: StartOverIntentHandler,
    names.STOP: StopIntentHandler,
    names.CANCEL: CancelIntentHandler,
    names.NAVIGATE_HOME: NavigateHomeIntentHandler,
    names.WHY_ASK: WhyAskIntentHandler,
    names.LEARN: LearnIntentHandler,
    names.DELETE_DATA: DeleteDataIntentHandler,
    names.FALLBACK: FallbackIntentHandler,
}
