"""Start-up of `neck-twitch talk`: the welcome first, what listening needs while it is spoken.

Profiled from process start to the welcome's first word, cached, on the shared two-core machine
(`benchmarks/bench_voice.py --startup-only`; about 1.1 s in all): the simulator's NLU took
0.2-0.3 s (most of it compiling the model's ~950 sample patterns as regular expressions),
Silero's ONNX session 0.1-0.2 s (ONNX Runtime optimising the model's graph), the recogniser
0.08-0.13 s (pocketsphinx's acoustic model and the phrase models), the imports, the skill and
its launch turn and espeak-ng the rest. Saying the welcome needs only the skill, its launch
turn and the voice: the welcome asks nothing, so nothing is heard until it is spoken. So:

- Silero loads on a thread from the start (`endpoint.preload_silero`): ONNX Runtime works
  outside Python's lock, so the imports and the skill go on meanwhile;
- the NLU (`DeferredNlu`) and the recogniser (`DeferredRecognizer`) are made on a thread once
  the launch turn is answered (`DeferredRecognizer.start`), while the welcome is synthesised
  and spoken (several seconds). Anything that needs them first (speech heard over the
  welcome, the first answer) waits for them: nothing is heard by a half-made recogniser.

The first start (nothing cached) builds the phrase list and the language models on that
thread too, while the welcome is spoken.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from skill.simulator.command import Options
from skill.simulator.model import InteractionModel, check_locale, load_model, model_path
from skill.simulator.nlu import DEFAULT_INTENT_THRESHOLD, Nlu, SlotResult, Understanding
from skill.voice.errors import missing_recogniser
from skill.voice.later import Later
from skill.voice.recognizer import Hearing, Recognizer

# How often Python's threads take turns while the NLU and recogniser are made (s).
SWITCH_SECONDS = 0.001


class DeferredNlu(Nlu):
    """The model's NLU, made when first used or on `DeferredRecognizer`'s thread; its model at
    once (the launch turn needs only the model's locale and invocation name)."""

    def __init__(self, model: InteractionModel, intent_threshold: float) -> None:
        # Nlu.__init__ is what is deferred: `built` runs it.
        self.model = model
        self.built: Later[Nlu] = Later(lambda: Nlu(model, intent_threshold=intent_threshold),
                                       "nlu")

    def understand(self, utterance: str) -> Understanding:
        return self.built.get().understand(utterance)

    def resolve_slot(self, name: str, slot_type: str, value: str) -> SlotResult:
        return self.built.get().resolve_slot(name, slot_type, value)

    def __getattr__(self, name: str) -> Any:
        # Only for what this object lacks (the NLU's own tables): never `built` or `model`.
        if name in ("built", "model") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.built.get(), name)


class VoiceOptions(Options):
    """The simulator's options (`skill.simulator.command.Options`), whose NLU is deferred."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: dict[str, DeferredNlu] = {}

    def nlu(self, locale: str) -> Nlu:
        # As Options.nlu: the locale checked, the model read, the same intent threshold.
        if locale not in self._deferred:
            check_locale(locale)
            model = load_model(self.model_file or model_path(locale), locale)
            threshold = DEFAULT_INTENT_THRESHOLD if self.threshold is None else self.threshold
            self._deferred[locale] = DeferredNlu(model, threshold)
        return self._deferred[locale]


class DeferredRecognizer:
    """A `Recognizer` made on a thread by `start` (with the NLU it needs first); `hear` and
    `complete` wait for it."""

    def __init__(self, nlu: Nlu, cache: Path | None) -> None:
        if importlib.util.find_spec("pocketsphinx") is None:
            raise missing_recogniser()  # at once, not after the welcome

        def make() -> Recognizer:
            try:
                if isinstance(nlu, DeferredNlu):
                    nlu.built.get()
                return Recognizer(nlu, cache=cache)
            finally:
                sys.setswitchinterval(self._switch)

        self.built: Later[Recognizer] = Later(make, "recogniser")
        self._switch = sys.getswitchinterval()

    def start(self) -> None:
        """Make the NLU and the recogniser on a thread, from now. Meanwhile Python's threads
        take turns every `SWITCH_SECONDS` instead of 5 ms: the thread speaking the welcome
        (reading espeak-ng's output, feeding the speaker) waits that long at most for each turn
        while the making holds the interpreter (the welcome's synthesis took 0.1 s instead of
        0.05 s at 5 ms)."""
        if not self.built.started:
            self._switch = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_SECONDS)
        self.built.start()

    def ready(self) -> Recognizer:
        """The recogniser, waited for (made here if `start` was never called)."""
        return self.built.get()

    def hear(self, pcm: bytes, confirm: bool = False, snr_db: float | None = None) -> Hearing:
        return self.ready().hear(pcm, confirm, snr_db)

    def complete(self, pcm: bytes) -> float | None:
        return self.ready().complete(pcm)

    def close(self) -> None:
        """Clean up a recogniser that was made. One still being made is not waited for (the
        conversation may end on an error before it is); its scratch folder goes at exit."""
        if not self.built.done:
            return
        try:
            recognizer = self.ready()
        except Exception:  # never made: nothing to clean up
            return
        recognizer.close()
