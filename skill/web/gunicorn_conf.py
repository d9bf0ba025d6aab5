"""gunicorn settings for the web service, and its start-up checks, made once in the master.

    gunicorn -c python:skill.web.gunicorn_conf 'skill.web:create_app()'

Whatever `create_app()` would refuse (no or a malformed SKILL_ID, the built-in or a
near-default id salt, a bad PORT, DynamoDB without a region, a memory file that cannot be kept
private) is said in one line, and gunicorn exits with status 2 before any worker starts.
Command-line options override these settings (`--bind`, `--workers`, ...).
"""

from __future__ import annotations

import os
import sys

from skill.web.startup import check_port, startup_problem

_problem = startup_problem(os.environ)
if _problem is not None:
    print(f"neck-twitch: cannot start: {_problem}", file=sys.stderr, flush=True)
    raise SystemExit(2)

# Loopback: the TLS-terminating proxy in front is the only client (docs/web.md).
bind = [f"127.0.0.1:{check_port(os.environ) or 8000}"]
# Each request is read whole by the worker's event loop before a thread serves it, so slow
# clients hold no thread (skill.web.worker).
worker_class = "skill.web.worker.SlowClientWorker"
workers = int(os.environ.get("WEB_CONCURRENCY", "0")) or 2 * (os.cpu_count() or 1)
threads = 8
worker_connections = 1000
keepalive = 0  # one request per connection: each is read whole first
# Alexa waits about 8 seconds; memory gives up long before (skill.storage.BUDGET_SECONDS).
timeout = 10
graceful_timeout = 10
