"""Speech start and end, Silero VAD against the WebRTC detector, on the same recordings:
`python -m skill.voice.vad_compare [--held-out]`.

The office report's recordings (`skill.voice.office`: every voice of the part, both speeds,
clean and in babble at 20 and 10 dB), each through `endpoint.speech_in` with no recogniser
(the pauses alone end the speech), four ways: the WebRTC detector as it was (no margin over the
background), Silero alone, and each with the margin over the background
(`endpoint.ABOVE_BACKGROUND_DB`, what `neck-twitch talk` now uses with Silero). The truth is
taken from the clean recording (first and last 10 ms whose level is above a quiet floor).
Babble-alone clips count false starts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from array import array
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from skill.voice.endpoint import (
    ABOVE_BACKGROUND_DB,
    Detector,
    SileroDetector,
    WebRtcDetector,
    speech_in,
)
from skill.voice.office import NOISES, SPEEDS, OfficeAudio
from skill.voice.office_report import NOISE_ONLY_CLIPS, PARTS, VOICES_OF
from skill.voice.wav import RATE

WAYS = {
    "webrtc (before)": ("webrtc", None),
    "webrtc + margin": ("webrtc", ABOVE_BACKGROUND_DB),
    "silero alone": ("silero", None),
    "silero + margin (now)": ("silero", ABOVE_BACKGROUND_DB),
}
WINDOW = RATE // 100  # 10 ms
LOUD = 300  # RMS of a 10 ms window that is speech, in the clean recording


def truth(clean: bytes) -> tuple[float, float] | None:
    samples = array("h")
    samples.frombytes(clean)
    loud = []
    for start in range(0, len(samples) - WINDOW, WINDOW):
        window = samples[start : start + WINDOW]
        rms = (sum(s * s for s in window) / WINDOW) ** 0.5
        if rms > LOUD:
            loud.append(start)
    if not loud:
        return None
    return loud[0] / RATE, (loud[-1] + WINDOW) / RATE


def compare(part: str, cache: Path, texts_per_voice: int | None = None) -> str:
    audio = OfficeAudio(cache)
    texts = [*PARTS[part]["answers"], *PARTS[part]["emergencies"]][:texts_per_voice]
    # way -> noise -> lists
    found: dict[str, dict[str, list[tuple[float, float] | None]]] = defaultdict(
        lambda: defaultdict(list))
    truths: dict[str, list[tuple[float, float]]] = defaultdict(list)
    detectors: dict[str, Detector] = {"webrtc": WebRtcDetector(), "silero": SileroDetector()}
    for voice in VOICES_OF[part]:
        for speed in SPEEDS:
            for text in texts:
                real = truth(audio.clean(voice, text, speed))
                if real is None:
                    continue
                for noise in NOISES:
                    pcm = audio.recording(voice, text, speed, noise, part)
                    truths[noise].append(real)
                    for way, (name, margin) in WAYS.items():
                        utterance = speech_in(pcm, detector=detectors[name],
                                              above_background_db=margin)
                        if utterance is None or utterance.start is None or utterance.end is None:
                            found[way][noise].append(None)
                        else:
                            found[way][noise].append((utterance.start, utterance.end))
    false_starts: dict[str, int] = {}
    clips = 0
    for noise in ("20 dB", "10 dB"):
        for index in range(NOISE_ONLY_CLIPS):
            clips += 1
            pcm = audio.noise_only(part, noise, index)
            for way, (name, margin) in WAYS.items():
                heard = speech_in(pcm, detector=detectors[name], above_background_db=margin)
                false_starts[way] = false_starts.get(way, 0) + (heard is not None)
    rows = [
        f"{part}: {len(truths['clean'])} recordings per noise level, {clips} babble-alone clips",
        "",
        "| detector | noise | speech found | start error, median (s) | end: after the last "
        "word, median (s) | ended within 0.3 s of the last word | ran to the end of the "
        "clip |",
        "|" + " --- |" * 7,
    ]
    for way in WAYS:
        for noise in NOISES:
            pairs = list(zip(found[way][noise], truths[noise], strict=True))
            hits = [(f, t) for f, t in pairs if f is not None]
            starts = [abs(f[0] - t[0]) for f, t in hits]
            ends = [f[1] - t[1] for f, t in hits]
            # the clip's own length: truth end plus the tail of silence around the words
            ran_out = sum(1 for f, t in hits if f[1] >= t[1] + 0.75)
            within = sum(1 for e in ends if -0.1 <= e <= 0.3)
            rows.append(
                f"| {way} | {noise} | {len(hits)}/{len(pairs)} | "
                f"{statistics.median(starts) if starts else float('nan'):.2f} | "
                f"{statistics.median(ends) if ends else float('nan'):.2f} | "
                f"{within}/{len(pairs)} | {ran_out}/{len(pairs)} |")
    rows.append("")
    rows.append("Babble alone taken for speech: " + ", ".join(
        f"{way} {false_starts[way]}/{clips}" for way in WAYS))
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m skill.voice.vad_compare",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--cache", type=Path, default=Path(".voice-cache/office"))
    parser.add_argument("--texts", type=int, default=None,
                        help="only the first N phrases of each voice")
    args = parser.parse_args(argv)
    print(compare("held-out" if args.held_out else "tuning", args.cache, args.texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
