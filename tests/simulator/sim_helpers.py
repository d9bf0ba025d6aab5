"""Simulator test helpers: a tiny hello-world skill and a tiny model (fixtures in conftest)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder, SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import RequestEnvelope, Response

from skill.simulator.model import default_model_dir
from skill.simulator.runner import Simulator

REPO = Path(__file__).resolve().parents[2]
EN_US_MODEL = default_model_dir() / "en-US.json"

TINY_MODEL: dict[str, Any] = {
    "interactionModel": {
        "languageModel": {
            "invocationName": "hello tea",
            "intents": [
                {"name": "AMAZON.YesIntent", "samples": []},
                {"name": "AMAZON.NoIntent", "samples": []},
                {"name": "AMAZON.HelpIntent", "samples": []},
                {"name": "AMAZON.StopIntent", "samples": []},
                {"name": "AMAZON.FallbackIntent", "samples": []},
                {
                    "name": "OrderIntent",
                    "slots": [{"name": "drink", "type": "DrinkType"},
                              {"name": "count", "type": "AMAZON.NUMBER"}],
                    "samples": ["I want {drink}", "{count} cups of {drink} please"],
                },
            ],
            "types": [
                {
                    "name": "DrinkType",
                    "values": [
                        {"id": "TEA", "name": {"value": "tea", "synonyms": ["a cuppa", "chai"]}},
                        {"name": {"value": "coffee", "synonyms": ["espresso"]}},
                    ],
                }
            ],
        }
    }
}


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        rb = handler_input.response_builder
        return rb.speak("<b>Hello</b> &amp; welcome. Do you like tea?").ask("Tea?").response


class _Yes(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AMAZON.YesIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes: Any = handler_input.attributes_manager.session_attributes
        attributes["yes"] = int(attributes.get("yes", 0)) + 1
        rb = handler_input.response_builder
        rb.set_card(_simple_card("Tea", f"{attributes['yes']} yes"))
        return rb.speak(f"You said yes {attributes['yes']} times.").ask("More?").response


class _No(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AMAZON.NoIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        rb = handler_input.response_builder
        return rb.speak("Goodbye.").set_should_end_session(True).response


class _Help(AbstractRequestHandler):
    """Speaks without `ask`: shouldEndSession stays null, which devices treat differently."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AMAZON.HelpIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Say yes or no.").response


class _Other(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request: Any = handler_input.request_envelope.request
        name = getattr(getattr(request, "intent", None), "name", None) or request.object_type
        return handler_input.response_builder.speak(f"Heard {name}.").ask("Go on.").response


def _simple_card(title: str, text: str) -> Any:
    from ask_sdk_model.ui import SimpleCard

    return SimpleCard(title=title, content=text)


def hello_skill() -> CustomSkill:
    builder = SkillBuilder()
    for handler in (_Launch(), _Yes(), _No(), _Help(), _Other()):
        builder.add_request_handler(handler)
    return builder.create()


class HelloTransport:
    """The hello skill behind the Lambda-style dict-in, dict-out call; keeps what it was sent."""

    def __init__(self) -> None:
        self.skill = hello_skill()
        self.sent: list[dict[str, Any]] = []

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        self.sent.append(json.loads(json.dumps(envelope)))
        request = self.skill.serializer.deserialize(
            payload=json.dumps(envelope), obj_type=RequestEnvelope
        )
        response = self.skill.invoke(request_envelope=request, context=None)
        result: dict[str, Any] = json.loads(json.dumps(self.skill.serializer.serialize(response)))
        return result


MakeHello = Callable[..., Simulator]


@dataclass(frozen=True)
class HelloService:
    url: str
    transport: HelloTransport


class _Visit(AbstractRequestHandler):
    """Counts launches in persistent attributes: the skill remembers the user between runs."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        manager = handler_input.attributes_manager
        stored: Any = manager.persistent_attributes
        visits = int(stored.get("visits", 0)) + 1
        manager.persistent_attributes = {"visits": visits}
        manager.save_persistent_attributes()
        rb = handler_input.response_builder
        return rb.speak(f"Visit number {visits}.").ask("Still there?").response


def memo_skill(skill_id: str | None = None, adapter: Any = None) -> CustomSkill:
    """A skill with memory, built like `skill.alexa.builder.create_skill` builds the real one."""
    builder = CustomSkillBuilder(persistence_adapter=adapter)
    builder.add_request_handler(_Visit())
    builder.add_request_handler(_Other())
    return builder.create()
