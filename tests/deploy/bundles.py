"""The Lambda bundle as the deploy tests use it: built offline, and run as Lambda runs it.

`LambdaProcess` starts the extracted zip in its own interpreter with no site-packages (`-S`),
nothing written (`-B`, Lambda's code folder is read-only) and only what the bundle and the
Lambda runtime provide on the path; each request envelope goes in as a JSON line and the
handler's response comes back as one, so a long rehearsal costs one start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from skill import packaging
from skill.packaging import Bundle, Target

HOST_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"

_DRIVER = """
import json, sys
sys.path[:0] = sys.argv[1:3]  # /var/task, then what the Lambda runtime itself provides
import lambda_function
for line in sys.stdin:
    try:
        reply = {"response": lambda_function.lambda_handler(json.loads(line), None)}
    except Exception as exc:
        reply = {"error": type(exc).__name__ + ": " + str(exc)}
    sys.stdout.write(json.dumps(reply) + "\\n")
    sys.stdout.flush()
"""


def build_bundle(out: Path, deps_dir: Path) -> Bundle:
    return packaging.build_skill_bundle(
        out, Target("x86_64", HOST_PYTHON), deps_dir=deps_dir, compile_with=sys.executable
    )


class LambdaProcess:
    """The extracted bundle answering envelopes, one process for many requests."""

    def __init__(self, task_root: Path, runtime: Path, skill_id: str) -> None:
        # Open as long as the process runs; close() closes it.
        self._log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-E", "-B", "-c", _DRIVER, str(task_root), str(runtime)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True,
            cwd=task_root,
            # As template.yaml deploys it with Memory=disabled: no table, nothing stored.
            env={"PATH": os.environ.get("PATH", ""), "SKILL_ID": skill_id,
                 "AWS_LAMBDA_FUNCTION_NAME": "neck-twitch-check-rehearsal",
                 "LAMBDA_TASK_ROOT": str(task_root), "TABLE_NAME": ""},
        )  # fmt: skip
        self.requests = 0

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        stdin: IO[str] | None = self.process.stdin
        stdout: IO[str] | None = self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(json.dumps(envelope) + "\n")
        stdin.flush()
        line = stdout.readline()
        if not line:
            raise RuntimeError(f"the bundle stopped:\n{self.log()[-3000:]}")
        reply = json.loads(line)
        self.requests += 1
        if "error" in reply:
            raise RuntimeError(f"lambda_handler raised {reply['error']}")
        response: dict[str, Any] = reply["response"]
        return response

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        self._log.close()
