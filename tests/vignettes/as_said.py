"""The lay vignettes told in their own words: a report, not a test.

`python tests/vignettes/as_said.py` opens the skill in the offline simulator (the interaction
model's own NLU, a fresh memory), says each lay vignette's story as its first answer, then
answers every question the skill asks truthfully from the vignette's facts, as
tests/test_vignettes.py does (a read-back of what was said is confirmed). It prints, per set,
the figures tests/test_vignettes.py prints, so the reading of free sentences (the lexicon and its
context layer) is measured together with the rules. The story's words are the only way the
things said in passing (`says`) reach the skill here.

It is not a test because it measures the conversation layer, which changes on its own schedule;
docs/clinical.md records a run.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from test_vignettes import HELD_OUT, TUNING, YES_IF, safe  # noqa: E402

from skill.content import content_for  # noqa: E402
from skill.simulator.command import Options  # noqa: E402
from skill.triage import Ask, CheckState, Tier, default_rules, next_step  # noqa: E402

RULES = default_rules()
WORDS = {"stress": "stress", "sleep": "poor sleep", "caffeine": "coffee", "nicotine": "smoking",
         "desk": "screen time"}


CONTENT = content_for("en-US")
# Signs no question asks, and the facts (or things said in passing) that make them true.
UNASKED = {"emergency_now": set(YES_IF["screen"]), "chest_pain": {"chest_pain"},
           "allergic": {"lip_swelling"}, "seizure": {"seizure_now"}, "confusion": {"confusion"},
           "rash_fever": set(), "tongue": {"tongue"}, "worsening": {"worsening"},
           "weight_loss": {"weight_loss"}, "pregnant": set(), "under_16": set(),
           "face_droop": {"face_droop", "face_droop_passed"}, "vision": {"vision_sudden"},
           "meningism": {"stiff_neck_fever"}, "thunderclap": {"thunderclap"}}


def true_sign(sign: str, vignette: dict[str, Any]) -> bool:
    """Whether a sign the skill read back is true for the person, by the same facts."""
    has = set(vignette.get("has", [])) | set(vignette.get("unsure", []))
    if sign in vignette.get("says", []):
        return True
    if sign in UNASKED:
        return bool(UNASKED[sign] & has)
    question = RULES.by_sign(sign)
    return question is not None and bool(YES_IF.get(question.id, set()) & has)


def told(options: Options, vignette: dict[str, Any]) -> tuple[Tier | None, str]:
    """The tier the skill gives when the story is told, then the questions answered."""
    sim = options.simulator()
    sim.say("open neck twitch check")
    turn = sim.say(vignette["story"])
    has, unsure = set(vignette.get("has", [])), set(vignette.get("unsure", []))
    for _ in range(60):
        if turn.ended:
            break
        speech = turn.speech or ""
        if "Just to check" in speech or "Did I get that right" in speech:
            # A read-back: right only if a sign it names is true for this person.
            named = [sign for sign in RULES.signs
                     if CONTENT.text(f"signs.{sign}") in speech]
            turn = sim.say("yes" if any(true_sign(sign, vignette) for sign in named) else "no")
            continue
        raw = (turn.response.get("sessionAttributes") or {}).get("check")
        if raw is None:
            turn = sim.say("no")
            continue
        step = next_step(RULES, CheckState.from_dict(raw, RULES))
        if not isinstance(step, Ask):
            break
        question = step.question.id
        if question == "lifestyle":
            chosen = [WORDS[f] for f in vignette.get("lifestyle", [])[:3]]
            turn = sim.say(" and ".join(chosen) if chosen else "none of those")
        elif YES_IF.get(question, set()) & has:
            turn = sim.say("yes")
        elif YES_IF.get(question, set()) & unsure:
            turn = sim.say("I'm not sure")
        else:
            turn = sim.say("no")
    title = (turn.card or {}).get("title") or ""
    tiers = {CONTENT.text(f"outcomes.{tier.key}.title"): tier for tier in Tier}
    return tiers.get(title), (turn.speech or "")[:120]


def main() -> None:
    options = Options(locale="en-US", device="voice", user=None, skill_id=None, endpoint=None,
                      model_file=None, threshold=None, fresh=True)
    try:
        for name, vignettes in (("lay tuning", TUNING), ("lay held-out", HELD_OUT)):
            counts: Counter[str] = Counter()
            for vignette in vignettes:
                got, said = told(options, vignette)
                expected = Tier.from_key(vignette["expected"])
                got_tier = got if got is not None else Tier.SELF_CARE
                counts["n"] += 1
                counts["exact"] += got_tier == expected
                counts["safe"] += safe(got_tier, expected)
                counts["e"] += expected == Tier.EMERGENCY
                counts["e_caught"] += expected == Tier.EMERGENCY and got_tier == Tier.EMERGENCY
                counts["s"] += expected == Tier.SELF_CARE
                counts["s_kept"] += expected == Tier.SELF_CARE and got_tier == Tier.SELF_CARE
                if got_tier != expected or got is None:
                    print(f"  {name}: {vignette['id']}: gold {expected.key}, got "
                          f"{got.key if got else 'no outcome'}: {said}")
            print(f"{name:13} n={counts['n']}  exact {counts['exact']}  safe {counts['safe']}  "
                  f"emergencies {counts['e_caught']}/{counts['e']}  "
                  f"self-care kept {counts['s_kept']}/{counts['s']}")
    finally:
        options.close()


if __name__ == "__main__":
    main()
