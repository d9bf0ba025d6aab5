"""Read a YAML data file once: from its JSON twin when a bundle ships one, else with PyYAML.

Importing PyYAML costs about a fifth of a hello-world skill's whole Lambda cold start (its
reader and resolver compile large regular expressions), so `neck-twitch package` writes
`<name>.yaml.json` beside each YAML file in the zip. A twin is used only when it records the
exact bytes of the YAML beside it; anywhere else (a source checkout, an edited file) the YAML
itself is parsed, with libyaml's C loader where available.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any


class DataFileError(ValueError):
    """The file is not valid YAML; the message is the parser's."""


def twin_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def fingerprint(raw: bytes) -> str:
    """Identifies the YAML bytes a twin was made from (not a security check)."""
    return f"{len(raw)}:{zlib.crc32(raw):08x}"


def parse_yaml(text: str) -> Any:
    import yaml  # here, not at module level: a bundle with twins never imports it

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise DataFileError(str(exc)) from exc


def load_data(path: Path) -> Any:
    """The data in a UTF-8 YAML file (OSError if unreadable, DataFileError if not YAML)."""
    raw = path.read_bytes()
    try:
        twin = json.loads(twin_path(path).read_bytes())
    except (OSError, ValueError):
        twin = None
    if isinstance(twin, dict) and twin.get("source") == fingerprint(raw) and "data" in twin:
        return twin["data"]
    return parse_yaml(raw.decode("utf-8"))


def make_twin(path: Path) -> bytes | None:
    """The JSON twin of a YAML file, or None when its data would not survive JSON unchanged."""
    raw = path.read_bytes()
    data = parse_yaml(raw.decode("utf-8"))
    document = {"source": fingerprint(raw), "data": data}
    try:
        encoded = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    except (TypeError, ValueError):  # e.g. dates
        return None
    if json.loads(encoded)["data"] != data:  # e.g. numbers as mapping keys
        return None
    return encoded
