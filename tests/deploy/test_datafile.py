"""Data files: a JSON twin stands in for its YAML only when made from exactly those bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skill.triage.datafile import (
    DataFileError,
    fingerprint,
    load_data,
    make_twin,
    twin_path,
)

YAML_TEXT = "questions:\n  - id: weakness\n    tier: see_provider\n  - id: speech\nmin_tips: 2\n"
PARSED = {"questions": [{"id": "weakness", "tier": "see_provider"}, {"id": "speech"}],
          "min_tips": 2}  # fmt: skip


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(YAML_TEXT, encoding="utf-8")
    return path


def test_without_a_twin_the_yaml_is_parsed(data_file: Path) -> None:
    assert not twin_path(data_file).exists()
    assert load_data(data_file) == PARSED


def test_a_twin_made_from_the_file_round_trips(data_file: Path) -> None:
    twin = make_twin(data_file)
    assert twin is not None
    assert json.loads(twin) == {"source": fingerprint(data_file.read_bytes()), "data": PARSED}
    twin_path(data_file).write_bytes(twin)
    assert load_data(data_file) == PARSED


def test_a_matching_twin_is_what_gets_read(data_file: Path) -> None:
    # Different data under the right fingerprint shows which file was read.
    marker = {"source": fingerprint(data_file.read_bytes()), "data": {"from": "twin"}}
    twin_path(data_file).write_text(json.dumps(marker))
    assert load_data(data_file) == {"from": "twin"}


def test_a_stale_or_broken_twin_is_ignored(data_file: Path) -> None:
    twin_path(data_file).write_text(json.dumps({"source": "0:00000000", "data": {"x": 1}}))
    assert load_data(data_file) == PARSED
    twin_path(data_file).write_text("{not json")
    assert load_data(data_file) == PARSED
    twin_path(data_file).write_bytes(make_twin(data_file) or b"")
    data_file.write_text(YAML_TEXT.replace("min_tips: 2", "min_tips: 3"), encoding="utf-8")
    assert load_data(data_file)["min_tips"] == 3


def test_data_json_cannot_hold_gets_no_twin(tmp_path: Path) -> None:
    dated = tmp_path / "dated.yaml"
    dated.write_text("reviewed: 2026-11-24\n")
    assert make_twin(dated) is None
    numbered = tmp_path / "numbered.yaml"
    numbered.write_text("1: one\n")
    assert make_twin(numbered) is None


def test_invalid_yaml_raises_data_file_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("key: [unclosed\n")
    with pytest.raises(DataFileError, match="expected"):
        load_data(bad)
    with pytest.raises(OSError):
        load_data(tmp_path / "missing.yaml")
