"""The Lambda path stays light: what a cold start imports, and the fast paths keep behaviour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as sax_escape

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from hypothesis import given
from hypothesis import strategies as st

from skill.alexa.builder import create_skill
from skill.content.ssml import escape, to_ssml

REPO = Path(__file__).resolve().parents[2]
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
# Each costs milliseconds to import and nothing on the Lambda path needs it.
HEAVY = (
    *("xml.sax", "urllib.request", "http.client", "ssl", "email", "socket", "requests"),
    *("flask", "werkzeug", "click", "cryptography", "rapidfuzz", "dateutil.parser"),
    *("hashlib", "_hashlib", "hmac", "sqlite3", "boto3", "ask_sdk_dynamodb"),
)


def launch_event(timestamp: str = "2026-11-24T12:00:00Z") -> dict[str, Any]:
    application = {"applicationId": SKILL_ID}
    user = {"userId": "amzn1.ask.account.TESTUSER"}
    return {
        "version": "1.0",
        "session": {"new": True, "sessionId": "amzn1.echo-api.session.lp",
                    "application": application, "attributes": {}, "user": user},
        "context": {"System": {"application": application, "user": user,
                               "device": {"deviceId": "d", "supportedInterfaces": {}},
                               "apiEndpoint": "https://api.amazonalexa.com"}},
        "request": {"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.lp",
                    "timestamp": timestamp, "locale": "en-US"},
    }  # fmt: skip


_COLD_START = """
import json, sys
sys.path.insert(0, sys.argv[1])
import lambda_function
response = lambda_function.lambda_handler(json.loads(sys.stdin.read()), None)
print(json.dumps({"modules": sorted(sys.modules), "response": response}))
"""


def test_a_cold_start_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _COLD_START, str(REPO / "lambda")],
        input=json.dumps(launch_event()),
        # As on Lambda without the memory table: no storage, so nothing to import for it.
        env={"PATH": os.environ.get("PATH", ""), "AWS_LAMBDA_FUNCTION_NAME": "neck-twitch-test",
             "SKILL_ID": SKILL_ID},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "<speak>" in report["response"]["response"]["outputSpeech"]["ssml"]
    loaded = set(report["modules"])
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == [], f"the Lambda path imported {heavy}"


@given(st.text())
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == sax_escape(text)


def test_ssml_escapes_every_part() -> None:
    assert to_ssml("Tom & Jerry", " <b> ", "") == "<speak>Tom &amp; Jerry &lt;b&gt;</speak>"


def timestamp_of(serializer: DefaultSerializer, value: str) -> Any:
    event = launch_event(value)
    return serializer.deserialize(json.dumps(event), RequestEnvelope).request.timestamp


def test_timestamps_are_read_without_dateutil() -> None:
    serializer = create_skill().serializer
    parsed = timestamp_of(serializer, "2026-11-24T12:00:00Z")
    # timezone.utc, not dateutil's tzutc/tzlocal: the fast path ran.
    assert parsed.tzinfo is timezone.utc
    assert parsed == datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
    assert timestamp_of(serializer, "2026-11-24T12:00:00.250Z").microsecond == 250_000
    offset = timestamp_of(serializer, "2026-11-24T13:00:00+01:00")
    assert offset.utcoffset() == timedelta(hours=1) and offset == parsed


def test_timestamps_mean_the_same_instant_as_the_sdk_reads() -> None:
    fast, sdk = create_skill().serializer, DefaultSerializer()
    for value in ("2026-11-24T12:00:00Z", "2026-11-24T12:00:00.5Z", "2026-11-24T12:00:00+05:30"):
        assert timestamp_of(fast, value) == timestamp_of(sdk, value), value
    # Not ISO 8601: still read, by the SDK's own parser.
    rfc = "Tue, 24 Nov 2026 12:00:00 GMT"
    assert timestamp_of(fast, rfc) == timestamp_of(sdk, rfc)
    naive = timestamp_of(fast, "2026-11-24T12:00:00")
    assert naive == timestamp_of(sdk, "2026-11-24T12:00:00") and naive.tzinfo is None
