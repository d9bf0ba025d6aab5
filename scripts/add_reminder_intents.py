"""One-off (issue 23): add the reminder intents to every locale's interaction model.

Run once; it re-reads each model right before writing it and only adds what is missing, so a
second run changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "interaction_model" / "interactionModels" / "custom"

INTENTS: dict[str, list[str]] = {
    "RemindIntent": [
        "remind me", "remind me to check again", "remind me in two weeks",
        "remind me in a fortnight", "set a reminder", "set a reminder to check again",
        "please remind me", "give me a reminder", "I'd like a reminder", "can you remind me",
        "remind me to check my twitch", "set me a reminder", "remind me to check again in two weeks",
    ],
    "RemindWeekIntent": [
        "remind me in a week", "remind me in one week", "remind me next week",
        "remind me in seven days", "set a reminder for a week", "set a reminder for next week",
        "a week would be better", "make it a week", "in a week please", "one week please",
        "can you remind me in a week",
    ],
    "CancelReminderIntent": [
        "cancel my reminder", "cancel the reminder", "delete my reminder", "remove my reminder",
        "turn off my reminder", "I don't want the reminder", "get rid of the reminder",
        "stop my reminder", "cancel reminder", "delete the reminder",
    ],
    "ReminderStatusIntent": [
        "do I have a reminder", "have I got a reminder", "is my reminder set",
        "when is my reminder", "did you set a reminder", "what reminders do I have",
        "is there a reminder", "check my reminder", "when will you remind me",
        "have you set my reminder",
    ],
}


def main() -> None:
    for path in sorted(MODELS.glob("*.json")):
        model = json.loads(path.read_text(encoding="utf-8"))
        intents = model["interactionModel"]["languageModel"]["intents"]
        have = {intent["name"] for intent in intents}
        added = [{"name": name, "samples": samples} for name, samples in INTENTS.items()
                 if name not in have]
        if not added:
            continue
        intents.extend(added)
        path.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name}: added {', '.join(i['name'] for i in added)}")


if __name__ == "__main__":
    main()
