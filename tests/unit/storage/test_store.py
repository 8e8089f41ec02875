"""Encryption at rest, unlocking, damaged files and write failures."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from send_desk.domain.children import Child
from send_desk.domain.journal import JournalEntry
from send_desk.paths import DataPaths
from send_desk.security.keys import WrongPassword
from send_desk.services.children import create_child
from send_desk.storage.errors import NotAStore, StoreError, StoreMissing, StoreWriteError
from send_desk.storage.store import Store, create_store, open_store
from tests.constants import PASSWORD, TODAY


def _digest(paths: DataPaths) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(paths.root.iterdir())
        if p.is_file()
    }


def _add(store: Store, last_name: str = "Quennell") -> None:
    with store.write() as session:
        create_child(
            session,
            {"first_name": "Zebediah", "last_name": last_name, "date_of_birth": date(2016, 4, 1)},
            today=TODAY,
        )


def test_the_file_shows_no_name_and_no_sqlite_header(store: Store) -> None:
    _add(store)
    store.close()
    data = store.paths.database.read_bytes()
    for sidecar in (Path(str(store.paths.database) + "-wal"),):
        if sidecar.exists():
            data += sidecar.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Zebediah" not in data and b"Quennell" not in data
    assert "Zebediah".encode("utf-16-le") not in data


def test_reopening_with_the_password_shows_the_data(store: Store) -> None:
    _add(store)
    store.close()
    with open_store(store.paths, PASSWORD) as again, again.read() as session:
        assert session.scalar(select(Child.last_name)) == "Quennell"
        assert again.info.device_id == store.info.device_id


def test_wrong_password_is_refused_and_touches_nothing(store: Store) -> None:
    _add(store)
    store.close()
    before = _digest(store.paths)
    with pytest.raises(WrongPassword):
        open_store(store.paths, "not the password")
    assert _digest(store.paths) == before


def test_no_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="send-desk init"):
        open_store(DataPaths(tmp_path / "empty"), PASSWORD)


def test_refuses_to_create_over_an_existing_store(store: Store) -> None:
    with pytest.raises(StoreError, match="already exists"):
        create_store(store.paths, PASSWORD)


def test_a_plain_sqlite_file_is_not_a_store(store: Store) -> None:
    store.close()
    store.paths.database.unlink()
    plain = sqlite3.connect(store.paths.database)
    plain.execute("CREATE TABLE child (name TEXT)")
    plain.commit()
    plain.close()
    with pytest.raises(NotAStore, match="damaged or not a SEND Desk store"):
        open_store(store.paths, PASSWORD)


def test_a_damaged_database_is_reported(store: Store) -> None:
    _add(store)
    store.close()
    path = store.paths.database
    with open(path, "r+b") as handle:
        handle.seek(0)
        handle.write(b"\x00" * 4096)
    with pytest.raises(NotAStore):
        open_store(store.paths, PASSWORD)


def test_a_missing_key_file_is_reported(store: Store) -> None:
    store.close()
    store.paths.keyfile.unlink()
    with pytest.raises(NotAStore, match="key file"):
        open_store(store.paths, PASSWORD)


def test_change_password(store: Store) -> None:
    store.change_password("a brand new secret")
    store.close()
    with pytest.raises(WrongPassword):
        open_store(store.paths, PASSWORD)
    open_store(store.paths, "a brand new secret").close()


def _limit_size(store: Store) -> None:
    """Make the next connections see a full disk: no page beyond the current ones."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _full(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()


def test_disk_full_rolls_back_and_says_so(store: Store) -> None:
    _add(store, "Before")
    _limit_size(store)
    with pytest.raises(StoreWriteError, match="disk is full"), store.write() as session:
        for n in range(300):
            create_child(
                session,
                {
                    "first_name": "Bulk" * 20,
                    "last_name": f"Child{n}" * 10,
                    "date_of_birth": date(2016, 4, 1),
                },
                today=TODAY,
            )
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Child)) == 1
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 1


def test_read_only_store_rolls_back_and_says_so(store: Store) -> None:
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _read_only(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")  # type: ignore[attr-defined]

    with pytest.raises(StoreWriteError, match="read-only"):
        _add(store)
