"""The demo build: same seed, same store; every index and every note searchable after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from send_desk.demo.generator import build_demo
from send_desk.domain.notes import NoteVersion
from send_desk.paths import DataPaths
from send_desk.services.search import NoteQuery, search_notes
from send_desk.storage.errors import StoreWriteError
from send_desk.storage.store import Store, create_store
from tests.constants import PASSWORD, TODAY

# When the build ran and which store it ran in: the only things two builds differ in.
_OF_THE_RUN = {"created_at", "updated_at", "at", "device_id", "store_id", "seq"}
_RUN_META = {"store_id", "device_id", "created_at"}


def _tables(connection: Connection) -> list[str]:
    return [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'note_search%' ORDER BY name"
        )
    ]


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows as stored, in a stable order, without the run's own values."""
    contents: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as connection:
        for table in _tables(connection):
            columns = [
                row[1]
                for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')
                if row[1] not in _OF_THE_RUN
            ]
            quoted = ", ".join(f'"{name}"' for name in columns)
            rows = connection.exec_driver_sql(f'SELECT {quoted} FROM "{table}"').all()
            if table == "store_meta":
                rows = [row for row in rows if row[0] not in _RUN_META]
            contents[table] = sorted((tuple(row) for row in rows), key=repr)
    return contents


def _build(root: Path, *, seed: int, children: int = 25) -> Store:
    store = create_store(DataPaths(root), PASSWORD)
    build_demo(store, children=children, seed=seed, today=TODAY)
    return store


def test_the_same_seed_builds_the_same_rows_ids_included(tmp_path: Path) -> None:
    with _build(tmp_path / "a", seed=7) as first, _build(tmp_path / "b", seed=7) as second:
        one, two = _contents(first), _contents(second)
    assert one == two
    # the comparison covered the caseload, its history and the clock's cache
    assert len(one["child"]) == 25
    assert len(one["journal"]) == sum(
        len(one[table])
        for table in ("team", "app_user", "setting", "child", "family_member", "placement",
                      "allocation", "case_event", "note_version", "correspondence_item",
                      "callback", "complaint", "complaint_stage", "staff_absence", "duty_rota",
                      "plan_version", "note_audit", "audit_response")
    )  # fmt: skip
    assert one["milestone"] and one["note_version"] and one["plan_version"]


def test_another_seed_builds_another_caseload(tmp_path: Path) -> None:
    with _build(tmp_path / "a", seed=7) as first, _build(tmp_path / "b", seed=8) as second:
        one, two = _contents(first), _contents(second)
    assert one["child"] != two["child"]
    ids_one = {row[0] for row in one["child"]}
    ids_two = {row[0] for row in two["child"]}
    assert ids_one != ids_two


def _schema(store: Store) -> set[tuple[str, str, str]]:
    with store.engine.connect() as connection:
        return {
            (row[0], row[1], row[2])
            for row in connection.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            )
        }


def test_the_built_store_has_every_index_and_trigger_a_new_store_has(tmp_path: Path) -> None:
    with create_store(DataPaths(tmp_path / "empty"), PASSWORD) as empty:
        expected = _schema(empty)
    with _build(tmp_path / "demo", seed=3) as demo:
        assert _schema(demo) == expected
        with demo.engine.connect() as connection:
            # the indexes were built from the rows: SQLite finds nothing wrong with them
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            # built in a rollback journal, the store is back in WAL for the app's readers
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert ("index", "ix_journal_row_id") in {(kind, name) for kind, name, _ in expected}
    assert ("trigger", "note_version_indexed") in {(kind, name) for kind, name, _ in expected}


def test_every_demo_note_is_in_the_search_index(tmp_path: Path) -> None:
    with _build(tmp_path / "demo", seed=3, children=40) as store:
        with store.engine.connect() as connection:
            notes = connection.exec_driver_sql("SELECT count(*) FROM note_version").scalar()
            indexed = connection.exec_driver_sql("SELECT count(*) FROM note_search").scalar()
            numbered = connection.exec_driver_sql(
                "SELECT count(DISTINCT search_rowid) FROM note_version"
            ).scalar()
            # only the school visit's body speaks of phonics, in no other field
            phonics = {
                row[0]
                for row in connection.exec_driver_sql(
                    "SELECT id FROM note_version WHERE body LIKE '%phonics%'"
                )
            }
        with store.read() as session:
            found = search_notes(session, NoteQuery(text="phonics", limit=500))
    assert notes and indexed == notes and numbered == notes
    assert phonics
    assert {str(hit["version_id"]).replace("-", "") for hit in found} == phonics


def test_a_build_that_fails_part_way_leaves_the_store_empty_and_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from send_desk.demo import generator
    from send_desk.storage.journal import insert_rows as written

    def full_disk(session: Any, model: Any, rows: Any, actor: Any) -> None:
        if model is NoteVersion:
            raise OSError(28, "No space left on device")
        written(session, model, rows, actor)

    monkeypatch.setattr(generator, "insert_rows", full_disk)
    with create_store(DataPaths(tmp_path / "store"), PASSWORD) as store:
        expected = _schema(store)
        with pytest.raises(StoreWriteError):
            build_demo(store, children=10, seed=3, today=TODAY)
        assert _schema(store) == expected
        with store.engine.connect() as connection:
            for table in ("child", "case_event", "journal", "note_search"):
                count = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                assert count == 0, table


def test_a_failed_deadline_pass_keeps_the_clock_caches_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from send_desk.services import milestones

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the clock failed")

    monkeypatch.setattr(milestones, "compute_caseload", broken)
    with create_store(DataPaths(tmp_path / "store"), PASSWORD) as store:
        expected = _schema(store)
        with pytest.raises(RuntimeError, match="the clock failed"):
            build_demo(store, children=10, seed=3, today=TODAY)
        # the caseload was written; the cache's indexes, dropped for its rewrite, are back
        assert _schema(store) == expected
        assert any(name.startswith("ix_milestone") for _kind, name, _sql in expected)
