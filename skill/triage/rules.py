"""Load the triage rules from YAML and check them against the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from skill.triage.datafile import DataFileError, load_data
from skill.triage.vocabulary import LIFESTYLE_FACTORS, SIGNS, TIER_KEYS, TIPS, Tier

RULES_PATH = Path(__file__).with_name("rules.yaml")
RULES_VERSION = 1


class RulesError(ValueError):
    """The rules file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Question:
    """A yes/no question. Red flags have a sign and a tier; lifestyle ones a factor and tip."""

    id: str
    kind: str  # "red_flag", "follow_up" or "lifestyle"
    sign: str | None = None
    tier: Tier = Tier.SELF_CARE
    parent: str | None = None
    factor: str | None = None
    tip: str | None = None
    follow_ups: tuple[Question, ...] = ()

    @property
    def is_red_flag(self) -> bool:
        return self.kind != "lifestyle"

    @property
    def max_tier(self) -> Tier:
        """The highest tier a "yes" here (with its follow-ups) can lead to."""
        return max([self.tier, *(f.max_tier for f in self.follow_ups)])


@dataclass(frozen=True)
class Rules:
    red_flags: tuple[Question, ...]
    lifestyle: tuple[Question, ...]
    general_tips: tuple[str, ...]
    min_tips: int
    max_tips: int

    questions: dict[str, Question] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, Question] = {}
        for question in self.red_flags:
            index[question.id] = question
            for follow_up in question.follow_ups:
                index[follow_up.id] = follow_up
        for question in self.lifestyle:
            index[question.id] = question
        object.__setattr__(self, "questions", index)

    def by_sign(self, sign: str) -> Question | None:
        for question in self.questions.values():
            if question.sign == sign:
                return question
        return None


class _Reader:
    """Walks the parsed YAML, naming the file and key in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> RulesError:
        return RulesError(f"{self.source}: {key}: {problem}")

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a mapping")
        return value

    def sequence(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return value

    def text(self, data: dict[str, Any], name: str, key: str) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value:
            raise self.fail(f"{key}.{name}", "expected a non-empty string")
        return value

    def one_of(self, data: dict[str, Any], name: str, key: str, allowed: frozenset[str]) -> str:
        value = self.text(data, name, key)
        if value not in allowed:
            raise self.fail(f"{key}.{name}", f"{value!r} is not one of {sorted(allowed)}")
        return value

    def only(self, data: dict[str, Any], key: str, allowed: set[str]) -> None:
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise self.fail(key, f"unknown keys {unknown}")


def parse_rules(data: Any, source: str = "<rules>") -> Rules:
    """Build `Rules` from parsed YAML; raise `RulesError` on anything off-vocabulary."""
    r = _Reader(source)
    top = r.mapping(data, "(top level)")
    r.only(top, "(top level)", {"version", "red_flags", "lifestyle", "general_tips", "min_tips",
                                "max_tips"})
    if top.get("version") != RULES_VERSION:
        raise r.fail("version", f"expected {RULES_VERSION}, got {top.get('version')!r}")
    seen_ids: set[str] = set()
    seen_signs: set[str] = set()

    def red_flag(item: Any, key: str, parent: Question | None) -> Question:
        entry = r.mapping(item, key)
        r.only(entry, key, {"id", "sign", "tier", "follow_ups"})
        qid = r.text(entry, "id", key)
        if qid in seen_ids:
            raise r.fail(f"{key}.id", f"duplicate question id {qid!r}")
        seen_ids.add(qid)
        sign = r.one_of(entry, "sign", key, SIGNS)
        if sign in seen_signs:
            raise r.fail(f"{key}.sign", f"sign {sign!r} is asked twice")
        seen_signs.add(sign)
        tier = Tier.from_key(r.one_of(entry, "tier", key, TIER_KEYS))
        if tier == Tier.SELF_CARE:
            raise r.fail(f"{key}.tier", "a red flag cannot lead to self-care")
        if parent is not None and tier <= parent.tier:
            raise r.fail(f"{key}.tier", f"a follow-up must escalate above {parent.tier.key}")
        question = Question(id=qid, kind="follow_up" if parent else "red_flag", sign=sign,
                            tier=tier, parent=parent.id if parent else None)
        follow_items = entry.get("follow_ups", [])
        if parent is not None and follow_items:
            raise r.fail(f"{key}.follow_ups", "follow-ups cannot have follow-ups")
        follow_ups = tuple(
            red_flag(child, f"{key}.follow_ups[{i}]", question)
            for i, child in enumerate(r.sequence(follow_items, f"{key}.follow_ups"))
        )
        return Question(id=qid, kind=question.kind, sign=sign, tier=tier,
                        parent=question.parent, follow_ups=follow_ups)

    red_flags = tuple(
        red_flag(item, f"red_flags[{i}]", None)
        for i, item in enumerate(r.sequence(top.get("red_flags"), "red_flags"))
    )
    if not red_flags:
        raise r.fail("red_flags", "at least one red flag is required")

    lifestyle: list[Question] = []
    for i, item in enumerate(r.sequence(top.get("lifestyle"), "lifestyle")):
        key = f"lifestyle[{i}]"
        entry = r.mapping(item, key)
        r.only(entry, key, {"id", "factor", "tip"})
        qid = r.text(entry, "id", key)
        if qid in seen_ids:
            raise r.fail(f"{key}.id", f"duplicate question id {qid!r}")
        seen_ids.add(qid)
        lifestyle.append(Question(id=qid, kind="lifestyle",
                                  factor=r.one_of(entry, "factor", key, LIFESTYLE_FACTORS),
                                  tip=r.one_of(entry, "tip", key, TIPS)))

    general = r.sequence(top.get("general_tips"), "general_tips")
    for i, tip in enumerate(general):
        if tip not in TIPS:
            raise r.fail(f"general_tips[{i}]", f"{tip!r} is not one of {sorted(TIPS)}")
    min_tips, max_tips = top.get("min_tips"), top.get("max_tips")
    if not isinstance(min_tips, int) or not isinstance(max_tips, int) or not (
        1 <= min_tips <= max_tips
    ):
        raise r.fail("min_tips", "min_tips and max_tips must be whole numbers, 1 <= min <= max")
    if len(set(general)) < min_tips:
        raise r.fail("general_tips", f"needs at least {min_tips} distinct tips to fill from")
    return Rules(red_flags=red_flags, lifestyle=tuple(lifestyle), general_tips=tuple(general),
                 min_tips=min_tips, max_tips=max_tips)


def load_rules(path: Path = RULES_PATH) -> Rules:
    """Read and validate a rules file."""
    try:
        data = load_data(path)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read: {exc.strerror}") from exc
    except DataFileError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    return parse_rules(data, str(path))


@cache
def default_rules() -> Rules:
    """The shipped rules, parsed once per process."""
    return load_rules()
