"""The Alexa Reminders API, emulated offline: a local HTTP service at the envelope's apiEndpoint.

It answers the real paths with the real request and response shapes (the Alexa Reminders API
reference: POST, GET and DELETE on /v1/alerts/reminders, GET and DELETE on
/v1/alerts/reminders/{alertToken}), so the skill's own client code (the ASK SDK's
ReminderManagementServiceClient) runs unchanged against it. Each simulated user has an access
token of their own; without the reminders permission the API answers 401 as Amazon's does.
Reminders go off on the emulation's clock, which the simulator can move forward.

Tests use the same service as a fake API with faults: `fault` makes every call answer with an
HTTP status, hang past the caller's deadline, or send a body that is not JSON.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATH = "/v1/alerts/reminders"
SCOPE = "alexa::alerts:reminders:skill:readwrite"
GRANTED, DENIED = "granted", "denied"
HANG_SECONDS = 3.0  # a "timeout" fault answers this late: past any deadline the skill uses


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000")


@dataclass
class Stored:
    user: str
    token: str
    created: datetime
    due: datetime
    request: dict[str, Any]
    status: str = "ON"

    @property
    def text(self) -> str:
        content = ((self.request.get("alertInfo") or {}).get("spokenInfo") or {}).get(
            "content") or [{}]
        return str(content[0].get("text") or "")

    def to_json(self) -> dict[str, Any]:
        return {
            "alertToken": self.token, "createdTime": _iso(self.created),
            "updatedTime": _iso(self.created), "status": self.status,
            "trigger": self.request.get("trigger"), "alertInfo": self.request.get("alertInfo"),
            "pushNotification": self.request.get("pushNotification"), "version": "1",
        }


@dataclass
class Fired:
    user: str
    text: str
    due: datetime


@dataclass
class RemindersApi:
    """The emulated service. `clock` is the simulated now (UTC)."""

    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
    permissions: dict[str, str] = field(default_factory=dict)  # user -> granted / denied
    default_permission: str | None = None  # `--grant` / `--deny`: for users not yet asked
    fault: str | None = None  # "500", "429", ..., "timeout" or "garbage"
    calls: list[tuple[str, str]] = field(default_factory=list)  # (method, path), for tests
    _reminders: list[Stored] = field(default_factory=list)
    _tokens: dict[str, str] = field(default_factory=dict)  # access token -> user
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    # --- the simulator's side ---------------------------------------------------------------

    def start(self) -> str:
        """Serve on a free loopback port; returns the apiEndpoint to put in envelopes."""
        if self._server is None:
            api = self

            class Handler(_Handler):
                service = api

            self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            self._server.daemon_threads = True
            threading.Thread(target=self._server.serve_forever, daemon=True,
                             name="reminders-api").start()
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            server, self._server = self._server, None
            server.shutdown()
            server.server_close()

    def token_for(self, user: str) -> str:
        """The apiAccessToken of a user's envelopes (stable for the run)."""
        with self._lock:
            for token, owner in self._tokens.items():
                if owner == user:
                    return token
            token = f"sim-api-token.{uuid.uuid4()}"
            self._tokens[token] = user
            return token

    def permission(self, user: str) -> str | None:
        return self.permissions.get(user, self.default_permission)

    def granted(self, user: str) -> bool:
        return self.permission(user) == GRANTED

    def reminders(self, user: str | None = None) -> list[Stored]:
        with self._lock:
            return [r for r in self._reminders if user is None or r.user == user]

    def fire_due(self) -> list[Fired]:
        """Reminders whose time has come on the clock go off (once), oldest first."""
        now = self.clock()
        fired: list[Fired] = []
        with self._lock:
            for stored in sorted(self._reminders, key=lambda r: r.due):
                if stored.status == "ON" and stored.due <= now:
                    stored.status = "COMPLETED"
                    fired.append(Fired(stored.user, stored.text, stored.due))
        return fired

    # --- the API's side -----------------------------------------------------------------------

    def answer(self, method: str, path: str, authorization: str,
               body: bytes) -> tuple[int, dict[str, Any] | None]:
        self.calls.append((method, path))
        user = self._tokens.get(authorization.removeprefix("Bearer ").strip())
        if user is None:
            return 401, _error("UNAUTHORIZED", "The access token is not valid.")
        if not self.granted(user):
            return 401, _error("UNAUTHORIZED", "The user has not granted the reminders "
                                               "permission to this skill.")
        if path == PATH and method == "POST":
            return self._create(user, body)
        if path == PATH and method == "GET":
            alerts = [r.to_json() for r in self.reminders(user)]
            return 200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None}
        if path.startswith(PATH + "/"):
            token = path[len(PATH) + 1:]
            found = next((r for r in self.reminders(user) if r.token == token), None)
            if found is None:
                return 404, _error("NOT_FOUND", "No reminder with this alert token.")
            if method == "GET":
                return 200, found.to_json()
            if method == "DELETE":
                with self._lock:
                    self._reminders.remove(found)
                return 200, None
        return 405 if path.startswith(PATH) else 404, _error("NOT_FOUND", "No such resource.")

    def _create(self, user: str, body: bytes) -> tuple[int, dict[str, Any] | None]:
        try:
            request = json.loads(body)
        except ValueError:
            return 400, _error("INVALID_REQUEST", "The body is not JSON.")
        problem = _request_problem(request)
        if problem is not None:
            return 400, _error("INVALID_REQUEST", problem)
        now = self.clock()
        trigger = request["trigger"]
        if trigger["type"] == "SCHEDULED_RELATIVE":
            due = now + timedelta(seconds=int(trigger["offsetInSeconds"]))
        else:
            due = datetime.fromisoformat(str(trigger["scheduledTime"])).replace(
                tzinfo=timezone.utc)
        stored = Stored(user=user, token=str(uuid.uuid4()), created=now, due=due,
                        request=request)
        with self._lock:
            self._reminders.append(stored)
        return 200, {"alertToken": stored.token, "createdTime": _iso(now),
                     "updatedTime": _iso(now), "status": "ON", "version": "1",
                     "href": f"{PATH}/{stored.token}"}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message}


def _request_problem(request: Any) -> str | None:
    """What Amazon's API would refuse in a create request (the fields this skill sends)."""
    if not isinstance(request, dict):
        return "the request is not an object"
    if not isinstance(request.get("requestTime"), str):
        return "requestTime is required"
    trigger = request.get("trigger")
    if not isinstance(trigger, dict):
        return "trigger is required"
    if trigger.get("type") == "SCHEDULED_RELATIVE":
        offset = trigger.get("offsetInSeconds")
        if not isinstance(offset, int) or offset <= 0:
            return "a relative trigger needs a positive offsetInSeconds"
    elif trigger.get("type") == "SCHEDULED_ABSOLUTE":
        if not isinstance(trigger.get("scheduledTime"), str):
            return "an absolute trigger needs scheduledTime"
    else:
        return "trigger.type must be SCHEDULED_RELATIVE or SCHEDULED_ABSOLUTE"
    content = ((request.get("alertInfo") or {}).get("spokenInfo") or {}).get("content")
    if not isinstance(content, list) or not content:
        return "alertInfo.spokenInfo.content needs at least one entry"
    for entry in content:
        if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str) or not (
                isinstance(entry.get("text"), str) and entry["text"].strip()):
            return "each spoken content entry needs a locale and a text"
    push = request.get("pushNotification")
    if push is not None and (not isinstance(push, dict)
                             or push.get("status") not in ("ENABLED", "DISABLED")):
        return "pushNotification.status must be ENABLED or DISABLED"
    return None


class _Handler(BaseHTTPRequestHandler):
    service: RemindersApi
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the simulator's terminal is the conversation."""

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 64 * 1024)) if length else b""
        fault = self.service.fault
        if fault == "timeout":
            time.sleep(HANG_SECONDS)
        if fault == "garbage":
            self._send(200, b"<html>not json</html>", "text/html")
            return
        if fault is not None and fault.isdigit():
            self.service.calls.append((self.command, self.path))
            self._send(int(fault), json.dumps(_error("ERROR", "Fault injected")).encode())
            return
        status, answer = self.service.answer(self.command, self.path.split("?")[0],
                                             self.headers.get("Authorization") or "", body)
        self._send(status, json.dumps(answer).encode() if answer is not None else b"")

    def _send(self, status: int, raw: bytes, kind: str = "application/json") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
        except OSError:
            pass  # the caller gave up (its deadline passed)

    do_GET = do_POST = do_DELETE = do_PUT = _serve
