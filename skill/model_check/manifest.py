"""skill.json: the locales it publishes, the store's icons and length limits, and the privacy
and terms addresses (placeholders are errors when the package should be ready to submit).

Limits of the developer console's store fields (the SMAPI manifest schema names the fields but
gives no numbers): a name of 2 to 50 characters; a summary of at most 160; a description and
testing instructions of at most 4,000 each; at most 30 keywords.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from skill.model_check.problems import Problem, index
from skill.publishing import Publishing, placeholder_reason

PUBLISHED = "$.manifest.publishingInformation"
PRIVACY = "$.manifest.privacyAndCompliance.locales"
# field -> (least, most) characters
TEXT_LIMITS: dict[str, tuple[int, int]] = {
    "name": (2, 50), "summary": (1, 160), "description": (1, 4000)}
OPTIONAL_TEXT_LIMITS: dict[str, int] = {"updatesDescription": 4000}
MAX_TESTING_INSTRUCTIONS = 4000
MAX_KEYWORDS = 30
_URL_KEYS = {"privacyPolicyUrl": "privacy_policy_url", "termsOfUseUrl": "terms_of_use_url"}
# Amazon's store icons: PNG, 108x108 and 512x512.
_ICON_SIZES = {"smallIconUri": 108, "largeIconUri": 512}


def read_manifest(model_dir: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    path = model_dir / "skill.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return None, [Problem("$", f"cannot read the skill manifest ({exc})", path.name)]
    if not isinstance(manifest, dict):
        return None, [Problem("$", "the skill manifest is not an object", path.name)]
    return manifest, []


def published(manifest: dict[str, Any]) -> dict[str, Any] | None:
    found: Any = manifest
    for key in ("manifest", "publishingInformation", "locales"):
        found = found.get(key) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else None


def check_manifest(model_dir: Path, locales: Collection[str], every_locale: bool,
                   manifest: dict[str, Any] | None = None) -> list[Problem]:
    """skill.json publishes each model locale (and, for the whole package, no other), with
    icons and store texts within Amazon's limits."""
    file = "skill.json"
    if manifest is None:
        manifest, problems = read_manifest(model_dir)
        if manifest is None:
            return problems
    entries = published(manifest)
    where = f"{PUBLISHED}.locales"
    if entries is None:
        return [Problem(where, "missing: skill.json publishes no locales", file)]
    problems = [Problem(where, f"no entry for {locale}, which has an interaction model", file)
                for locale in sorted(locales) if locale not in entries]
    if every_locale:
        problems += [Problem(f"{where}.{locale}", f"{locale} is published but has no interaction "
                             f"model", file, warning=True)
                     for locale in sorted(set(entries) - set(locales))]
    for locale, entry in sorted(entries.items()):
        if isinstance(entry, dict):
            problems += _icon_problems(model_dir, entry, f"{where}.{locale}", file)
            problems += _text_problems(entry, f"{where}.{locale}", file)
    information = manifest.get("manifest", {}).get("publishingInformation", {})
    instructions = information.get("testingInstructions")
    here = f"{PUBLISHED}.testingInstructions"
    if not isinstance(instructions, str) or not instructions.strip():
        problems.append(Problem(here, "missing: certification testers need testing "
                                      "instructions", file))
    elif len(instructions) > MAX_TESTING_INSTRUCTIONS:
        problems.append(Problem(here, f"{len(instructions)} characters, over "
                                      f"{MAX_TESTING_INSTRUCTIONS}", file))
    return problems


def _text_problems(entry: dict[str, Any], where: str, file: str) -> list[Problem]:
    problems: list[Problem] = []
    for key, (least, most) in TEXT_LIMITS.items():
        text = entry.get(key)
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(f"{where}.{key}", "missing: the store shows it", file))
        elif not least <= len(text) <= most:
            problems.append(Problem(f"{where}.{key}", f"{len(text)} characters; Amazon allows "
                                                      f"{least} to {most}", file))
    for key, most in OPTIONAL_TEXT_LIMITS.items():
        text = entry.get(key)
        if isinstance(text, str) and len(text) > most:
            problems.append(Problem(f"{where}.{key}", f"{len(text)} characters, over {most}",
                                    file))
    keywords = entry.get("keywords", [])
    if not isinstance(keywords, list):
        problems.append(Problem(f"{where}.keywords", "should be a list", file))
        return problems
    if len(keywords) > MAX_KEYWORDS:
        problems.append(Problem(f"{where}.keywords", f"{len(keywords)} keywords, over "
                                                     f"{MAX_KEYWORDS}", file))
    seen: set[str] = set()
    for k, keyword in enumerate(keywords):
        if not isinstance(keyword, str) or not keyword.strip():
            problems.append(Problem(index(f"{where}.keywords", k), "empty keyword", file))
        elif keyword.casefold() in seen:
            problems.append(Problem(index(f"{where}.keywords", k), f"{keyword!r} is listed "
                                    f"twice", file, warning=True))
        else:
            seen.add(keyword.casefold())
    return problems


def _icon_problems(model_dir: Path, entry: dict[str, Any], where: str, file: str
                   ) -> list[Problem]:
    problems: list[Problem] = []
    for key, size in _ICON_SIZES.items():
        uri = entry.get(key)
        here = f"{where}.{key}"
        if not isinstance(uri, str) or not uri:
            problems.append(Problem(here, "missing: the store needs both icons", file))
        elif uri.startswith("file://"):
            icon = model_dir / uri.removeprefix("file://")
            try:
                head = icon.read_bytes()[:24]
            except OSError:
                problems.append(Problem(here, f"{uri}: no such file in the skill package", file))
                continue
            width = int.from_bytes(head[16:20], "big") if len(head) == 24 else 0
            height = int.from_bytes(head[20:24], "big") if len(head) == 24 else 0
            if not head.startswith(b"\x89PNG") or (width, height) != (size, size):
                problems.append(Problem(here, f"{uri}: expected a {size}x{size} PNG", file))
        elif not uri.startswith("https://") or "example.com" in uri:
            problems.append(Problem(here, f"{uri}: not an icon the ASK CLI or the store can "
                                    f"use (file://assets/... or https)", file))
    return problems


def privacy_problems(manifest: dict[str, Any], ready: bool,
                     publishing: Publishing | None = None) -> list[Problem]:
    """Each published locale has https privacy and terms addresses that are nobody's
    placeholder. Only warnings until `ready`; when ready, they must also be the publishing
    file's (the package was built from it) and the file must name a contact."""
    file = "skill.json"
    problems: list[Problem] = []
    body = manifest.get("manifest", {})
    privacy: Any = body.get("privacyAndCompliance", {}) if isinstance(body, dict) else {}
    given: Any = privacy.get("locales") if isinstance(privacy, dict) else None
    given = given if isinstance(given, dict) else {}
    hint = ("set them in publishing.yaml, then run `neck-twitch package --skill-package`")
    for locale in sorted(published(manifest) or {}):
        entry = given.get(locale)
        entry = entry if isinstance(entry, dict) else {}
        for key, field in _URL_KEYS.items():
            here = f"{PRIVACY}.{locale}.{key}"
            url = entry.get(key)
            why = placeholder_reason(field, url if isinstance(url, str) else "")
            if why is not None:
                problems.append(Problem(here, f"{why}: certification needs your own https "
                                              f"address; {hint}", file, warning=not ready))
            elif ready and publishing is not None and url != getattr(publishing, field):
                problems.append(Problem(here, f"{url!r} is not publishing.yaml's "
                                              f"{field} ({getattr(publishing, field)!r}); "
                                              f"run `neck-twitch package --skill-package`", file))
    if ready and publishing is not None:
        source = Path(publishing.source).name or "publishing.yaml"
        for field, why in publishing.problems():
            problems.append(Problem(field, f"{why}: fill it in before submitting", source))
    return problems
