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
            subprocess.run(
                [self.executable, "-v", self.voice, "--", text],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            self._warn(f"--speak: espeak-ng failed ({exc.strerror or exc}); not speaking")
            self.executable = None
