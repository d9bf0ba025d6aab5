"""The deployer's publishing details, in one file (publishing.yaml at the repository root).

Whoever deploys gives the skill store's privacy-policy and terms-of-use addresses and a contact
there. `neck-twitch package --skill-package` writes the addresses into every locale of
interaction_model/skill.json (and, for a `sam deploy`, the endpoint and the SKILL_DISABLED
subscription); the policy pages (PRIVACY.md, TERMS.md), served by the web service at /privacy
and /terms and by a Lambda deployment's function URL, name the contact; and
`neck-twitch check-model --ready` fails while any of it is missing or a placeholder.
"""

from __future__ import annotations

import copy
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PUBLISHING_FILE = ROOT / "publishing.yaml"
DOCUMENTS = {"privacy": "PRIVACY.md", "terms": "TERMS.md"}
CONTACT_MARK = "{{contact}}"
FIELDS = ("privacy_policy_url", "terms_of_use_url", "contact")
SKILL_DISABLED = "SKILL_DISABLED"
# Hosts that are nobody's real address (RFC 2606 and RFC 6761 names, this machine).
_PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(com|org|net)|localhost|invalid|test|example|local)$|^127\.|^0\.0\.0\.0$")
_PLACEHOLDER_WORDS = re.compile(r"your[-_ ]|change[-_ ]?me|placeholder|todo|xxx|fixme",
                                re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>]+@([^@\s<>]+\.[^@\s<>]+)$")


class PublishingError(ValueError):
    """The publishing file cannot be read, or lacks what is needed."""


@dataclass(frozen=True)
class Publishing:
    """The addresses the skill store shows, and who answers questions about the skill."""

    privacy_policy_url: str = ""
    terms_of_use_url: str = ""
    contact: str = ""
    source: str = ""

    def problems(self) -> list[tuple[str, str]]:
        """(field, why) for each field that is missing or a placeholder; empty when ready."""
        found = []
        for name in FIELDS:
            why = placeholder_reason(name, getattr(self, name))
            if why is not None:
                found.append((name, why))
        return found


def placeholder_reason(field: str, value: str) -> str | None:
    """Why `value` cannot be published as `field`, or None when it can."""
    value = value.strip()
    if not value:
        return "not given"
    if _PLACEHOLDER_WORDS.search(value):
        return f"{value!r} is a placeholder"
    email = _EMAIL.match(value) if field == "contact" else None
    if email is not None:
        host = email.group(1).lower()
    else:
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname:
            wanted = "an email address or an https address" if field == "contact" \
                else "an https address"
            return f"{value!r} is not {wanted}"
        host = parts.hostname.lower()
    if _PLACEHOLDER_HOSTS.search(host):
        return f"{value!r} is a placeholder address ({host} is nobody's)"
    return None


def load_publishing(path: Path = PUBLISHING_FILE) -> Publishing:
    """The publishing file's fields (empty ones stay empty; `problems()` says what is missing)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PublishingError(f"cannot read {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise PublishingError(f"{path} is not YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PublishingError(f"{path}: expected keys {', '.join(FIELDS)}")
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:
        raise PublishingError(f"{path}: unknown key(s) {', '.join(unknown)}; the keys are "
                              f"{', '.join(FIELDS)}")
    values: dict[str, str] = {}
    for name in FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise PublishingError(f"{path}: {name} should be text, not {type(value).__name__}")
        values[name] = (value or "").strip()
    return Publishing(**values, source=str(path))


def published_locales(manifest: dict[str, Any]) -> list[str]:
    locales = manifest.get("manifest", {}).get("publishingInformation", {}).get("locales", {})
    return sorted(locales) if isinstance(locales, dict) else []


def build_manifest(manifest: dict[str, Any], publishing: Publishing,
                   endpoint: str | None = None) -> dict[str, Any]:
    """skill.json with the publishing addresses in every published locale; with `endpoint` (a
    Lambda ARN, for `sam deploy`), also the endpoint and its SKILL_DISABLED subscription, which
    `ask deploy` writes itself. Refuses (PublishingError) to write a missing or placeholder
    address."""
    missing = [f"{name}: {why}" for name, why in publishing.problems()
               if name != "contact"]
    if missing:
        where = publishing.source or "the publishing file"
        raise PublishingError(f"{where}: " + "; ".join(missing))
    built = copy.deepcopy(manifest)
    body = built.setdefault("manifest", {})
    privacy = body.setdefault("privacyAndCompliance", {})
    privacy["locales"] = {
        locale: {"privacyPolicyUrl": publishing.privacy_policy_url,
                 "termsOfUseUrl": publishing.terms_of_use_url}
        for locale in published_locales(built)}
    if endpoint is not None:
        if not re.fullmatch(r"arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w-]+)?",
                            endpoint):
            raise PublishingError(f"{endpoint!r} is not a Lambda function ARN (the stack's "
                                  f"SkillEndpoint output)")
        body.setdefault("apis", {}).setdefault("custom", {})["endpoint"] = {"uri": endpoint}
        body["events"] = {"endpoint": {"uri": endpoint},
                          "subscriptions": [{"eventName": SKILL_DISABLED}]}
    return built


def write_skill_package(model_dir: Path, publishing: Publishing,
                        endpoint: str | None = None) -> Path:
    """Rewrite `model_dir/skill.json` from the publishing details (see `build_manifest`)."""
    path = model_dir / "skill.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishingError(f"cannot read {path}: {exc}") from None
    built = build_manifest(manifest, publishing, endpoint)
    path.write_text(json.dumps(built, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# --- the policy pages -----------------------------------------------------------------------


def document_text(name: str, publishing: Publishing, root: Path = ROOT) -> str:
    """PRIVACY.md or TERMS.md (`name` "privacy" or "terms") with the contact filled in."""
    text = (root / DOCUMENTS[name]).read_text(encoding="utf-8")
    contact = publishing.contact
    if placeholder_reason("contact", contact) is not None:
        contact = "the deployer of this skill (no contact has been given yet)"
    return text.replace(CONTACT_MARK, contact)


def render_page(markdown: str) -> str:
    """A small, self-contained HTML page from the Markdown the policy files use: headings,
    paragraphs, lists, **bold**, `code` and [links](https://...)."""
    lines = markdown.splitlines()
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("# ")),
                 "Neck Twitch Check")
    body: list[str] = []
    paragraph: list[str] = []
    in_list = False

    def flush() -> None:
        nonlocal in_list
        if paragraph:
            body.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if in_list:
            body.append("</ul>")
            in_list = False

    for line in lines:
        stripped = line.strip()
        heading = re.match(r"^(#{1,4})\s+(.*)$", stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            body.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif stripped.startswith("- "):
            if paragraph:
                body.append(f"<p>{_inline(' '.join(paragraph))}</p>")
                paragraph.clear()
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{_inline(stripped[2:])}</li>")
        elif not stripped:
            flush()
        elif in_list and line.startswith("  "):
            body[-1] = body[-1].removesuffix("</li>") + " " + _inline(stripped) + "</li>"
        else:
            if in_list:
                flush()
            paragraph.append(stripped)
    flush()
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto;padding:0 1em;"
            "line-height:1.5}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=True)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+|[A-Za-z0-9_./-]+)\)",
                  r'<a href="\2">\1</a>', escaped)


def policy_pages(publishing: Publishing, root: Path = ROOT) -> dict[str, str]:
    """name -> HTML page, for "privacy" and "terms"."""
    return {name: render_page(document_text(name, publishing, root)) for name in DOCUMENTS}
