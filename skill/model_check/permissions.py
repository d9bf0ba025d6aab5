"""skill.json's permissions: every one the code asks for is declared, and each is a name the
Skill Management API knows.

The code asks for the reminders permission (skill.alexa.reminders): without it in the manifest,
Alexa refuses the voice permission request and the consent card. Names are checked against
ask-smapi-model's `PermissionName` (the SMAPI manifest schema) when it is installed (the `dev`
extra), else against the scopes this code asks for. A permission applies to every locale the
manifest publishes; its reason is in PRIVACY.md, which a test checks.
"""

from __future__ import annotations

from typing import Any

from skill.model_check.problems import Problem, index

PERMISSIONS = "$.manifest.permissions"


def required_scopes() -> frozenset[str]:
    from skill.alexa.reminders import SCOPE

    return frozenset({SCOPE})


def known_names() -> frozenset[str] | None:
    """The permission names SMAPI's manifest schema allows, or None without ask-smapi-model."""
    try:
        from ask_smapi_model.v1.skill.manifest import PermissionName
    except ImportError:
        return None
    return frozenset(str(name.value) for name in PermissionName)


def declared(manifest: dict[str, Any]) -> list[Any] | None:
    body = manifest.get("manifest") if isinstance(manifest, dict) else None
    found = body.get("permissions") if isinstance(body, dict) else None
    return found if isinstance(found, list) else None


def smapi_permissions(manifest: dict[str, Any]) -> list[str]:
    """The permissions as ask-smapi-model reads the manifest (its own deserialiser)."""
    import json

    from ask_sdk_model_runtime import DefaultSerializer  # ask-smapi-model's own runtime
    from ask_smapi_model.v1.skill.manifest import SkillManifest
    from ask_smapi_model.v1.skill.manifest.skill_manifest_envelope import (
        SkillManifestEnvelope,
    )

    envelope = DefaultSerializer().deserialize(json.dumps(manifest), SkillManifestEnvelope)
    body = getattr(envelope, "manifest", None)
    if not isinstance(body, SkillManifest):
        return []
    return [str(getattr(item.name, "value", item.name)) for item in body.permissions or []]


def check_permissions(manifest: dict[str, Any], models: dict[str, Any]) -> list[Problem]:
    """`models`: each locale's language model; this skill's (the ones with its reminder
    intents) need the reminders permission declared."""
    from skill.alexa.constants import REMIND

    file = "skill.json"
    asks = any(isinstance(model, dict) and any(
        isinstance(i, dict) and i.get("name") == REMIND for i in model.get("intents") or [])
        for model in models.values())
    problems: list[Problem] = []
    items = declared(manifest)
    if items is None:
        items = []
    names: set[str] = set()
    known = known_names()
    for i, item in enumerate(items):
        path = index(PERMISSIONS, i)
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str):
            problems.append(Problem(path, "a permission needs a name", file))
            continue
        if known is not None and name not in known:
            problems.append(Problem(f"{path}.name", f"{name!r} is not a permission SMAPI "
                                                    "knows", file))
        names.add(name)
    for scope in sorted(required_scopes() - names if asks else ()):
        problems.append(Problem(PERMISSIONS, f"the skill asks for {scope!r}, which the manifest "
                                             "does not declare", file))
    return problems
