"""How a request envelope reaches the skill: in this process, or POSTed to a running service.

Both are a function from the envelope dict to the response dict, the same shape Lambda uses,
so one script tests either host.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from skill.simulator.errors import SimulatorError

if TYPE_CHECKING:
    from ask_sdk_core.skill import CustomSkill

Transport = Callable[[dict[str, Any]], dict[str, Any]]


class SkillCrashed(SimulatorError):
    """The skill itself raised; `__cause__` keeps the original for `--traceback`."""


class InProcess:
    """The skill that Lambda runs, called in this process through the same entry function.

    `storage` is a `NECK_TWITCH_STORAGE`-style spec (`sqlite:PATH`, `none`) for a skill of its
    own; None uses the process's skill, whose storage comes from the environment.
    """

    def __init__(self, storage: str | None = None) -> None:
        try:
            from skill.alexa import builder
        except Exception as exc:
            raise SimulatorError(f"cannot load the skill: {type(exc).__name__}: {exc}") from exc
        self._builder = builder
        self.storage = storage
        self._own: CustomSkill | None = None

    def skill(self) -> CustomSkill:
        if self.storage is None:
            return self._builder.get_skill()
        if self._own is None:
            from skill.storage import adapter_for

            skill_id = os.environ.get("SKILL_ID") or None
            self._own = self._builder.create_skill(skill_id, adapter_for(self.storage))
        return self._own

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self._builder.handle_event(envelope, None, self.skill())
        except self._builder.RequestRejected as exc:
            raise SimulatorError(f"the skill rejected the request: {exc}") from exc
        except Exception as exc:
            raise SkillCrashed(f"the skill raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(response, dict):
            raise SimulatorError(f"the skill returned {type(response).__name__}, not an object")
        return response

    def forget(self, envelope: dict[str, Any]) -> bool:
        """Delete what the skill stored for the envelope's user; False if it keeps nothing."""
        try:
            skill = self.skill()
            adapter = skill.persistence_adapter
            if adapter is None:
                return False
            from ask_sdk_model import RequestEnvelope

            request = skill.serializer.deserialize(
                payload=json.dumps(envelope), obj_type=RequestEnvelope
            )
            adapter.delete_attributes(request)
        except Exception as exc:
            raise SimulatorError(
                f"cannot forget the stored memory: {type(exc).__name__}: {exc}"
            ) from exc
        return True


def in_process(storage: str | None = None) -> InProcess:
    """The in-process skill (see `InProcess`)."""
    return InProcess(storage)


def http(url: str, timeout: float = 10.0) -> Transport:
    """POST each envelope as JSON to `url` (start the service with `serve --no-verify`)."""
    if not url.startswith(("http://", "https://")):
        raise SimulatorError(f"endpoint {url!r} is not an http:// or https:// URL")

    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(envelope).encode("utf-8")
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                raw = reply.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(200).decode("utf-8", "replace").strip().splitlines()
            rejected = exc.code in (400, 401, 403)
            hint = " (is the service running with --no-verify?)" if rejected else ""
            first = f": {detail[0]}" if detail else ""
            raise SimulatorError(f"{url} answered HTTP {exc.code}{first}{hint}") from None
        except urllib.error.URLError as exc:
            raise SimulatorError(f"cannot reach {url}: {exc.reason}") from None
        except TimeoutError:
            raise SimulatorError(f"no answer from {url} within {timeout:g} s") from None
        except OSError as exc:
            raise SimulatorError(f"cannot reach {url}: {exc}") from None
        try:
            response = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SimulatorError(f"{url} did not answer with JSON") from None
        if not isinstance(response, dict):
            raise SimulatorError(f"{url} answered JSON that is not an object")
        return response

    return send
