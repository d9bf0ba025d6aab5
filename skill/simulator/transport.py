"""How a request envelope reaches the skill: in this process, or POSTed to a running service.

Both are a function from the envelope dict to the response dict, the same shape Lambda uses,
so one script tests either host.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from skill.simulator.errors import SimulatorError

Transport = Callable[[dict[str, Any]], dict[str, Any]]


class SkillCrashed(SimulatorError):
    """The skill itself raised; `__cause__` keeps the original for `--traceback`."""


def in_process() -> Transport:
    """The skill that Lambda runs, called in this process through the same entry function."""
    try:
        from skill.alexa.builder import RequestRejected, get_skill, handle_event
    except Exception as exc:
        raise SimulatorError(f"cannot load the skill: {type(exc).__name__}: {exc}") from exc

    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        try:
            response = handle_event(envelope, None, get_skill())
        except RequestRejected as exc:
            raise SimulatorError(f"the skill rejected the request: {exc}") from exc
        except Exception as exc:
            raise SkillCrashed(f"the skill raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(response, dict):
            raise SimulatorError(f"the skill returned {type(response).__name__}, not an object")
        return response

    return send


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
