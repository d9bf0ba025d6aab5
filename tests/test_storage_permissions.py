"""An existing SQLite memory file or folder with loose permissions is made private at open,
or refused with a clear error when it cannot be."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import PersistenceException

from skill.storage.sqlite import SQLiteAdapter

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

USER = "amzn1.ask.account.PERMISSIONS"


class FakeEnvelope:
    """Just enough of a RequestEnvelope for the adapter's key function."""

    def __init__(self, user_id: str = USER) -> None:
        self.context = type("C", (), {"system": type("S", (), {
            "user": type("U", (), {"user_id": user_id})()})()})()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose_store(tmp_path: Path) -> Path:
    """A memory file written earlier (or by hand) with the umask's usual 0755/0644."""
    folder = tmp_path / "state"
    SQLiteAdapter(folder / "memory.sqlite3").save_attributes(FakeEnvelope(), {"v": 1})
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder / "memory.sqlite3"


def test_loose_file_and_folder_are_tightened_at_open(tmp_path: Path) -> None:
    path = loose_store(tmp_path)
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        wal.write_bytes(b"")
    wal.chmod(0o666)
    adapter = SQLiteAdapter(path)
    assert adapter.get_attributes(FakeEnvelope()) == {"v": 1}
    assert mode(path.parent) == 0o700
    for file in path.parent.iterdir():
        assert mode(file) == 0o600, file.name


@pytest.mark.parametrize(("folder_mode", "file_mode"), [(0o750, 0o600), (0o700, 0o640),
                                                       (0o701, 0o604), (0o770, 0o660)])
def test_any_access_for_others_is_removed(tmp_path: Path, folder_mode: int,
                                          file_mode: int) -> None:
    path = loose_store(tmp_path)
    path.parent.chmod(folder_mode)
    path.chmod(file_mode)
    SQLiteAdapter(path).get_attributes(FakeEnvelope())
    assert (mode(path.parent), mode(path)) == (0o700, 0o600)


def test_private_store_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state" / "memory.sqlite3"
    SQLiteAdapter(path).save_attributes(FakeEnvelope(), {"v": 1})

    def no_chmod(*args: object, **kwargs: object) -> None:
        raise AssertionError("chmod on a private store")

    monkeypatch.setattr(os, "chmod", no_chmod)
    assert SQLiteAdapter(path).get_attributes(FakeEnvelope()) == {"v": 1}


def test_permissions_that_cannot_be_tightened_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = loose_store(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    adapter = SQLiteAdapter(path)
    with pytest.raises(PersistenceException) as caught:
        adapter.get_attributes(FakeEnvelope())
    message = str(caught.value)
    assert str(path.parent) in message and "0755" in message and "0700" in message
    assert "\n" not in message
    with pytest.raises(PersistenceException):  # still refused on the next request
        adapter.save_attributes(FakeEnvelope(), {"v": 2})


def test_loose_file_that_cannot_be_tightened_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = loose_store(tmp_path)
    path.parent.chmod(0o700)
    real_chmod = os.chmod

    def refuse_files(target: object, *args: object, **kwargs: object) -> None:
        if Path(str(target)).name.startswith("memory.sqlite3"):
            raise PermissionError(1, "Operation not permitted")
        real_chmod(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "chmod", refuse_files)
    with pytest.raises(PersistenceException, match=r"0644.*0600"):
        SQLiteAdapter(path).get_attributes(FakeEnvelope())


def test_shared_folder_is_refused_not_tightened(tmp_path: Path) -> None:
    """A sticky, world-writable folder (like /tmp) belongs to everyone: never chmod it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    with pytest.raises(PersistenceException, match="shared"):
        SQLiteAdapter(shared / "memory.sqlite3").get_attributes(FakeEnvelope())
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert not (shared / "memory.sqlite3").exists()


def test_folder_of_another_user_is_refused_not_tightened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = loose_store(tmp_path)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(path.parent).st_uid + 1)
    with pytest.raises(PersistenceException, match="owned by"):
        SQLiteAdapter(path).get_attributes(FakeEnvelope())
    assert mode(path.parent) == 0o755


def test_a_folder_where_the_file_should_be_is_still_a_persistence_error(tmp_path: Path) -> None:
    (tmp_path / "memory.sqlite3").mkdir(mode=0o755)
    with pytest.raises(PersistenceException):
        SQLiteAdapter(tmp_path / "memory.sqlite3").get_attributes(FakeEnvelope())
    assert mode(tmp_path / "memory.sqlite3") == 0o755


def test_new_store_is_private(tmp_path: Path) -> None:
    adapter = SQLiteAdapter(tmp_path / "new" / "memory.sqlite3")
    adapter.prepare()
    assert mode(adapter.path.parent) == 0o700 and mode(adapter.path) == 0o600
