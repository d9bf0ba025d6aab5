"""One-line errors for what the desk voice needs and may not find: each says what to do instead."""

from __future__ import annotations

from skill.simulator.errors import SimulatorError

INSTEAD = (
    "use --from-audio FILE... (with --to-audio DIR or --mute), "
    "or type with `neck-twitch simulate`"
)


class VoiceUnavailable(SimulatorError):
    """A missing package, device or file; the message is the whole report, on one line."""


def missing_recogniser() -> VoiceUnavailable:
    return VoiceUnavailable(
        "the offline recogniser is not installed: pip install 'neck-twitch-check[voice]' "
        "(pocketsphinx); or type with `neck-twitch simulate`"
    )


def missing_portaudio(detail: str) -> VoiceUnavailable:
    return VoiceUnavailable(
        f"no microphone or speaker: the PortAudio library is missing ({detail}; "
        f"sudo apt-get install libportaudio2, and pip install sounddevice); {INSTEAD}"
    )


def no_device(what: str, detail: str) -> VoiceUnavailable:
    return VoiceUnavailable(f"no {what} found ({detail}); {INSTEAD}")


def missing_espeak() -> VoiceUnavailable:
    return VoiceUnavailable(
        "espeak-ng is not installed, so the skill cannot speak (sudo apt-get install espeak-ng); "
        "use --mute to read its words instead, or `neck-twitch simulate`"
    )
