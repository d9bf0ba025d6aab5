"""An ASK SDK API client on the standard library, with a deadline on every call.

The SDK's DefaultApiClient sends through `requests` with no timeout at all; a skill must answer
Alexa within about 8 seconds, and the Reminders API is a convenience, so each call here gives up
after `timeout` seconds. Used only when a reminder is set, read or cancelled (imported lazily):
the Lambda cold start never pays for it. Nothing about a call is logged.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

# Bodies of Alexa API answers are small; anything longer is not one.
MAX_BODY = 256 * 1024


class UrllibApiClient(ApiClient):
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """One HTTP call; raises on a network error or timeout (the SDK's service client turns
        that into a ServiceException)."""
        url = str(request.url)
        if not url.startswith(("https://", "http://")):
            raise ValueError("the API endpoint is not an http(s) URL")
        # The SDK's service clients hand over the serialised object, not its JSON text.
        body = None if request.body is None else (
            request.body if isinstance(request.body, str) else json.dumps(request.body)
        ).encode("utf-8")
        sent = urllib.request.Request(url, data=body, method=str(request.method))
        for name, value in request.headers or []:
            sent.add_header(name, value)
        try:
            with urllib.request.urlopen(sent, timeout=self.timeout) as reply:
                status, headers, raw = reply.status, list(reply.headers.items()), reply.read(
                    MAX_BODY)
        except urllib.error.HTTPError as error:
            status, headers = error.code, list(error.headers.items())
            raw = error.read(MAX_BODY)
        return ApiClientResponse(headers=headers, status_code=status,
                                 body=raw.decode("utf-8", "replace"))
