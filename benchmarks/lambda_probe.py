"""One measurement inside a fresh interpreter, run by bench_lambda.py on an unpacked bundle.

Standard library only, and nothing imported before the clock starts but `sys` and `time`, so
that a cold import is charged with every module the skill pulls in.

    python -E -s -B lambda_probe.py cold|memory|warm BUNDLE_DIR MID_INTENT [BEFORE_INTENT...]
"""

from __future__ import annotations

import importlib
import sys
import time

TYPE_CHECKING = False  # `typing` itself stays out of the measured imports
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Event = dict[str, Any]
    Handler = Callable[[Event, Any], Event]


def envelope(request: Event, attributes: Event | None = None, new: bool = False) -> Event:
    application = {"applicationId": "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"}
    user = {"userId": "amzn1.ask.account.BENCHMARK"}
    request = dict(request, requestId="amzn1.echo-api.request.bench",
                   timestamp="2026-11-24T12:00:00Z", locale="en-US")  # fmt: skip
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": "amzn1.echo-api.session.bench",
                    "application": application, "attributes": attributes or {}, "user": user},
        "context": {"System": {"application": application, "user": user,
                               "device": {"deviceId": "amzn1.ask.device.BENCH",
                                          "supportedInterfaces": {}},
                               "apiEndpoint": "https://api.amazonalexa.com",
                               "apiAccessToken": "token"}},
        "request": request,
    }  # fmt: skip


def intent(name: str, attributes: Event) -> Event:
    body = {"type": "IntentRequest", "dialogState": "COMPLETED",
            "intent": {"name": name, "confirmationStatus": "NONE"}}  # fmt: skip
    return envelope(body, attributes)


def peak_rss_kib() -> int:
    """This process's peak resident set. Linux's ru_maxrss survives exec (it would report the
    parent's peak, which forked us), so read the per-address-space VmHWM where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


LAUNCH: Event = {"type": "LaunchRequest"}


def main() -> None:
    mode, bundle, mid_intent, before = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    sys.path.insert(0, bundle)
    if mode == "memory":
        import tracemalloc

        tracemalloc.start()
    started, started_cpu = time.perf_counter(), time.process_time()
    handler: Handler = importlib.import_module("lambda_function").lambda_handler
    imported = time.perf_counter()
    launch = handler(envelope(LAUNCH, new=True), None)
    answered, answered_cpu = time.perf_counter(), time.process_time()
    import json

    report: dict[str, Any] = {
        "import_ms": (imported - started) * 1e3,
        "first_ms": (answered - started) * 1e3,
        "first_cpu_ms": (answered_cpu - started_cpu) * 1e3,
    }
    if mode == "memory":
        report["traced_peak_kib"] = tracemalloc.get_traced_memory()[1] / 1024
    elif mode == "cold":
        report["maxrss_kib"] = peak_rss_kib()
    elif mode == "warm":
        import timeit

        attributes: Event = launch.get("sessionAttributes") or {}
        for name in before:  # play the conversation up to the turn being timed
            attributes = handler(intent(name, attributes), None).get("sessionAttributes") or {}
        events = {"launch": envelope(LAUNCH, new=True), "mid": intent(mid_intent, attributes)}
        response = handler(events["mid"], None)["response"]
        report["mid_speech"] = response.get("outputSpeech", {}).get("ssml", "")
        report["mid_ends"] = bool(response.get("shouldEndSession"))
        for name, event in events.items():
            timer = timeit.Timer(lambda event=event: handler(event, None))  # type: ignore[misc]
            number, _ = timer.autorange()
            best = min(timer.repeat(repeat=7, number=number))
            report[f"{name}_us"] = best / number * 1e6
    print(json.dumps(report))


if __name__ == "__main__":
    main()
