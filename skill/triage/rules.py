"""Load the triage rules from YAML and check them against the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from skill.triage.datafile import DataFileError, load_data
from skill.triage.vocabulary import LIFESTYLE_FACTORS, SIGNS, TIER_KEYS, TIPS, Tier

RULES_PATH = Path(__file__).with_name("rules.yaml")
RULES_VERSION = 3


class RulesError(ValueError):
    """The rules file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Sign:
    id: str
    tier: Tier
    source: str


@dataclass(frozen=True)
class Question:
    """A question. Red flags (and follow-ups) ask about one sign; the lifestyle one picks tips."""

    id: str
    kind: str  # "red_flag", "follow_up" or "lifestyle"
    sign: str | None = None
    tier: Tier = Tier.SELF_CARE
    parent: str | None = None
    follow_ups: tuple[Question, ...] = ()
    when_any: frozenset[str] = frozenset()  # asked only when one of these signs is present

    @property
    def is_red_flag(self) -> bool:
        return self.kind != "lifestyle"


@dataclass(frozen=True)
class SinceLastCheck:
    """A return visit: after a last check that ended in one of `after`, anything new since
    counts as `sign` (with its own tier), as `source` says."""

    after: frozenset[Tier]
    sign: str
    source: str


@dataclass(frozen=True)
class Combination:
    """All of `all` and one of `any` present together lead to `tier`."""

    id: str
    all: frozenset[str]
    any: frozenset[str]
    tier: Tier
    source: str


@dataclass(frozen=True)
class Rules:
    signs: dict[str, Sign]
    red_flags: tuple[Question, ...]
    combinations: tuple[Combination, ...]
    lifestyle: Question
    factor_tips: dict[str, str]  # lifestyle factor -> tip
    general_tips: tuple[str, ...]
    min_tips: int
    max_tips: int
    since_last_check: SinceLastCheck | None = None

    questions: dict[str, Question] = field(init=False, repr=False, compare=False, hash=False)
    sign_order: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)
    # tier_of is pure and asked the same sets again and again: remembered per set of signs.
    _tiers: dict[frozenset[str], Tier] = field(init=False, repr=False, compare=False,
                                               hash=False, default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, Question] = {}
        for question in self.red_flags:
            index[question.id] = question
            for follow_up in question.follow_ups:
                index[follow_up.id] = follow_up
        index[self.lifestyle.id] = self.lifestyle
        object.__setattr__(self, "questions", index)
        # Signs are reported in the order their questions are asked, then the rest.
        order = [q.sign for q in index.values() if q.sign] + list(self.signs)
        object.__setattr__(self, "sign_order",
                           {sign: i for i, sign in reversed(list(enumerate(order)))})

    def by_sign(self, sign: str) -> Question | None:
        for question in self.questions.values():
            if question.sign == sign:
                return question
        return None

    def tier_of(self, signs: frozenset[str] | set[str]) -> Tier:
        """The tier a set of present signs calls for, combinations included."""
        key = frozenset(signs)
        tier = self._tiers.get(key)
        if tier is None:
            tier = max((self.signs[s].tier for s in key), default=Tier.SELF_CARE)
            for combo in self.combinations:
                if combo.tier > tier and combo.all <= key and combo.any & key:
                    tier = combo.tier
            if len(self._tiers) < 100_000:  # bounded: a long-lived process stays small
                self._tiers[key] = tier
        return tier


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

    def names(self, data: dict[str, Any], name: str, key: str,
              allowed: frozenset[str]) -> frozenset[str]:
        items = self.sequence(data.get(name, []), f"{key}.{name}")
        for i, item in enumerate(items):
            if item not in allowed:
                raise self.fail(f"{key}.{name}[{i}]", f"{item!r} is not one of {sorted(allowed)}")
        return frozenset(items)

    def only(self, data: dict[str, Any], key: str, allowed: set[str]) -> None:
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise self.fail(key, f"unknown keys {unknown}")


def parse_rules(data: Any, source: str = "<rules>") -> Rules:
    """Build `Rules` from parsed YAML; raise `RulesError` on anything off-vocabulary."""
    r = _Reader(source)
    top = r.mapping(data, "(top level)")
    r.only(top, "(top level)", {"version", "signs", "red_flags", "combinations", "lifestyle",
                                "general_tips", "min_tips", "max_tips", "since_last_check"})
    if top.get("version") != RULES_VERSION:
        raise r.fail("version", f"expected {RULES_VERSION}, got {top.get('version')!r}")

    signs: dict[str, Sign] = {}
    for sign_id, item in r.mapping(top.get("signs"), "signs").items():
        key = f"signs.{sign_id}"
        if sign_id not in SIGNS:
            raise r.fail(key, f"{sign_id!r} is not one of {sorted(SIGNS)}")
        entry = r.mapping(item, key)
        r.only(entry, key, {"tier", "source"})
        tier = Tier.from_key(r.one_of(entry, "tier", key, TIER_KEYS))
        if tier == Tier.SELF_CARE:
            raise r.fail(f"{key}.tier", "a warning sign cannot lead to self-care")
        signs[sign_id] = Sign(sign_id, tier, r.text(entry, "source", key))
    missing = sorted(SIGNS - set(signs))
    if missing:
        raise r.fail("signs", f"no tier or source for {missing}")
    known = frozenset(signs)

    seen_ids: set[str] = set()
    asked_signs: set[str] = set()

    def question_id(entry: dict[str, Any], key: str) -> str:
        qid = r.text(entry, "id", key)
        if qid in seen_ids:
            raise r.fail(f"{key}.id", f"duplicate question id {qid!r}")
        seen_ids.add(qid)
        return qid

    def red_flag(item: Any, key: str, parent: Question | None) -> Question:
        entry = r.mapping(item, key)
        r.only(entry, key, {"id", "sign", "follow_ups", "when_any"})
        qid = question_id(entry, key)
        sign = r.one_of(entry, "sign", key, known)
        if sign in asked_signs:
            raise r.fail(f"{key}.sign", f"sign {sign!r} is asked twice")
        asked_signs.add(sign)
        tier = signs[sign].tier
        if parent is not None and tier <= parent.tier:
            raise r.fail(f"{key}.sign", f"a follow-up must escalate above {parent.tier.key}")
        when_any = r.names(entry, "when_any", key, known)
        follow_items = r.sequence(entry.get("follow_ups", []), f"{key}.follow_ups")
        if parent is not None and follow_items:
            raise r.fail(key, "a follow-up cannot have follow-ups")
        question = Question(id=qid, kind="follow_up" if parent else "red_flag", sign=sign,
                            tier=tier, parent=parent.id if parent else None, when_any=when_any)
        follow_ups = tuple(red_flag(child, f"{key}.follow_ups[{i}]", question)
                           for i, child in enumerate(follow_items))
        return Question(id=qid, kind=question.kind, sign=sign, tier=tier,
                        parent=question.parent, follow_ups=follow_ups, when_any=when_any)

    red_flags = tuple(
        red_flag(item, f"red_flags[{i}]", None)
        for i, item in enumerate(r.sequence(top.get("red_flags"), "red_flags"))
    )
    if not red_flags:
        raise r.fail("red_flags", "at least one red flag is required")

    combinations: list[Combination] = []
    for i, item in enumerate(r.sequence(top.get("combinations", []), "combinations")):
        key = f"combinations[{i}]"
        entry = r.mapping(item, key)
        r.only(entry, key, {"id", "all", "any", "tier", "source"})
        need_all = r.names(entry, "all", key, known)
        need_any = r.names(entry, "any", key, known)
        if not need_all or not need_any:
            raise r.fail(key, "a combination needs at least one sign in `all` and in `any`")
        combinations.append(Combination(
            id=r.text(entry, "id", key), all=need_all, any=need_any,
            tier=Tier.from_key(r.one_of(entry, "tier", key, TIER_KEYS)),
            source=r.text(entry, "source", key)))

    key = "lifestyle"
    entry = r.mapping(top.get("lifestyle"), key)
    r.only(entry, key, {"id", "factors"})
    factor_tips: dict[str, str] = {}
    for factor, tip in r.mapping(entry.get("factors"), f"{key}.factors").items():
        if factor not in LIFESTYLE_FACTORS:
            raise r.fail(f"{key}.factors.{factor}",
                         f"{factor!r} is not one of {sorted(LIFESTYLE_FACTORS)}")
        if tip not in TIPS:
            raise r.fail(f"{key}.factors.{factor}", f"{tip!r} is not one of {sorted(TIPS)}")
        factor_tips[factor] = tip
    lifestyle = Question(id=question_id(entry, key), kind="lifestyle")

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
    since: SinceLastCheck | None = None
    if top.get("since_last_check") is not None:
        key = "since_last_check"
        entry = r.mapping(top.get(key), key)
        r.only(entry, key, {"after", "sign", "source"})
        after = r.names(entry, "after", key, TIER_KEYS)
        if not after:
            raise r.fail(f"{key}.after", "name at least one tier")
        since = SinceLastCheck(after=frozenset(Tier.from_key(t) for t in after),
                               sign=r.one_of(entry, "sign", key, known),
                               source=r.text(entry, "source", key))
    return Rules(signs=signs, red_flags=red_flags, combinations=tuple(combinations),
                 lifestyle=lifestyle, factor_tips=factor_tips, general_tips=tuple(general),
                 min_tips=min_tips, max_tips=max_tips, since_last_check=since)


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
