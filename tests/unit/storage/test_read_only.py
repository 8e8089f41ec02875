"""A store in a read-only folder is the environment's problem, never called damage.

The tests run as root, which ignores permissions, so the folder is made read-only the
way the app sees it: ``os.access`` answers "not writable" for the store's folder, and
SQLite refuses to open the database there as it does on a read-only share or mount.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import event

from send_desk.cli import main
from send_desk.paths import DataPaths
from send_desk.storage import store as store_module
from send_desk.storage.errors import StoreReadOnly, read_only_problem
from send_desk.storage.store import Store, open_store
from tests.constants import PASSWORD


def make_read_only(monkeypatch: pytest.MonkeyPatch, root: Path, sqlite_says: str) -> None:
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        inside = Path(path).resolve().is_relative_to(root.resolve())
        if inside and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    real_make_engine = store_module.make_engine

    def make_engine(db_path: Path, raw_key: bytes, **kwargs: Any) -> Any:
        engine = real_make_engine(db_path, raw_key, **kwargs)

        @event.listens_for(engine, "do_connect")
        def refuse(*_args: Any) -> None:
            raise sqlcipher3.OperationalError(sqlite_says)

        return engine

    monkeypatch.setattr(store_module, "make_engine", make_engine)


@pytest.mark.parametrize(
    "sqlite_says", ["unable to open database file", "attempt to write a readonly database"]
)
def test_a_read_only_folder_is_reported_as_read_only_with_exit_1(
    store: Store,
    data_paths: DataPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sqlite_says: str,
) -> None:
    store.close()
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    make_read_only(monkeypatch, data_paths.root, sqlite_says)
    capsys.readouterr()
    code = main(["--data-dir", str(data_paths.root), "stats"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "read-only" in err
    assert "not damaged" in err
    assert "damaged or not" not in err
    assert "restore" not in err.lower()


def test_the_app_is_not_offered_a_restore_for_a_read_only_folder(
    store: Store, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from send_desk.backend import Backend, StoreProblem

    store.close()
    make_read_only(monkeypatch, data_paths.root, "unable to open database file")
    with pytest.raises(StoreProblem) as raised:
        Backend.open(data_paths, PASSWORD)
    assert raised.value.can_restore is False
    assert "read-only" in raised.value.message


def test_a_damaged_file_in_a_writable_folder_is_still_called_damaged(
    store: Store, data_paths: DataPaths
) -> None:
    from send_desk.storage.errors import NotAStore

    store.close()
    data_paths.database.write_bytes(b"not a database at all" * 400)
    with pytest.raises(NotAStore) as raised:
        open_store(data_paths, PASSWORD)
    assert not isinstance(raised.value, StoreReadOnly)
    assert "damaged" in str(raised.value)


def test_read_only_problem_names_the_folder_or_the_file(
    store: Store, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert read_only_problem(data_paths) is None  # a writable store
    real_access = os.access

    def database_locked(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(path) == data_paths.database and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", database_locked)
    problem = read_only_problem(data_paths)
    assert problem is not None
    assert f"caseload.db in {data_paths.root} is read-only" in str(problem)
