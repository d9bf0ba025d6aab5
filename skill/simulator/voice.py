"""`--speak`: voice each answer with espeak-ng when it is installed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

# espeak-ng voice per locale; local accents where espeak-ng has one.
_VOICES = {"en-US": "en-us", "en-GB": "en-gb", "en-CA": "en-us", "en-AU": "en", "en-IN": "en"}


class Speaker:
    def __init__(self, locale: str, warn: Callable[[str], None]) -> None:
        self.executable = shutil.which("espeak-ng")
        self.voice = _VOICES.get(locale, "en")
        self._warn = warn
        if self.executable is None:
            warn(
                "--speak: espeak-ng is not installed (e.g. `sudo apt-get install espeak-ng`); "
                "answers are shown but not spoken"
            )

    def say(self, text: str | None) -> None:
        if self.executable is None or not text:
            return
        try:
            result = subprocess.run(
                [self.executable, "-v", self.voice, "--", text],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
            )
        except OSError as exc:
            self._give_up(exc.strerror or str(exc))
            return
        # Without a sound device espeak-ng still exits 0, after printing "error: ..." (and ALSA's
        # complaints) on stderr.
        errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
        if result.returncode != 0 or errors:
            self._give_up(errors[-1] if errors else f"exit status {result.returncode}")

    def _give_up(self, reason: str) -> None:
        self._warn(f"--speak: espeak-ng could not play audio ({reason}); not speaking")
        self.executable = None
