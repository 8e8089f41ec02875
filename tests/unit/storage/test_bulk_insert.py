"""Bulk inserts (demo, import): rows stored as the ORM stores them, each with its journal entry."""

from __future__ import annotations

import copy
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlmodel import col, select

from send_desk.demo.generator import WRITE_ORDER, generate
from send_desk.domain.children import Child
from send_desk.domain.events import CaseEvent
from send_desk.domain.journal import JournalEntry
from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import Team
from send_desk.domain.tables import table_name, table_of
from send_desk.paths import DataPaths
from send_desk.services.organisation import create_team
from send_desk.storage.bulk import converter, deferred_indexes, rollback_journal
from send_desk.storage.journal import Actor, insert_rows
from send_desk.storage.store import Store, create_store
from tests.constants import PASSWORD, TODAY


def _raw(store: Store, table: str, order: str = "rowid") -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [
            tuple(r)
            for r in connection.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY {order}')
        ]


def test_every_demo_table_is_stored_exactly_as_core_stores_it(tmp_path: Path) -> None:
    caseload = generate(children=6, seed=5, today=TODAY)
    actor_user = caseload.user
    with (
        create_store(DataPaths(tmp_path / "bulk"), PASSWORD) as bulk,
        create_store(DataPaths(tmp_path / "core"), PASSWORD) as core,
    ):
        actor = Actor(actor_user, bulk.info.device_id)
        with bulk.write(actor) as session:
            for model in WRITE_ORDER:
                insert_rows(session, model, copy.deepcopy(caseload.rows.get(model, [])), actor)
        with core.write(Actor(actor_user, core.info.device_id)) as session:
            for model in WRITE_ORDER:
                # as insert_rows documents it: made when the rows were written (the
                # instant of their journal entries), by the actor, unless a row says
                now = _journal_instant(bulk, table_name(model))
                rows = []
                for row in copy.deepcopy(caseload.rows.get(model, [])):
                    full = {"created_at": now, "created_by": actor_user, **row}
                    full.setdefault("updated_at", full["created_at"])
                    full.setdefault("updated_by", full["created_by"])
                    rows.append(full)
                if rows:
                    session.execute(insert(table_of(model)), rows)
        for model in WRITE_ORDER:
            name = table_name(model)
            assert _raw(bulk, name) == _raw(core, name), name
        # a few values worked out by hand: how SQLite holds them
        child = caseload.rows[Child][0]
        with bulk.engine.connect() as connection:
            stored = connection.exec_driver_sql(
                "SELECT id, date_of_birth, looked_after, created_at FROM child WHERE id = ?",
                (child["id"].hex,),
            ).one()
        assert stored[0] == child["id"].hex
        assert stored[1] == child["date_of_birth"].isoformat()
        assert stored[2] == (1 if child["looked_after"] else 0)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", stored[3])
        assert stored[3] == _journal_text(bulk, "child")


def _journal_text(store: Store, table: str) -> str:
    with store.engine.connect() as connection:
        return str(
            connection.exec_driver_sql(
                "SELECT at FROM journal WHERE table_name = ? LIMIT 1", (table,)
            ).scalar()
        )


def _journal_instant(store: Store, table: str) -> datetime | None:
    with store.engine.connect() as connection:
        text = connection.exec_driver_sql(
            "SELECT at FROM journal WHERE table_name = ? LIMIT 1", (table,)
        ).scalar()
    return datetime.fromisoformat(text).replace(tzinfo=UTC) if text else None


def test_columns_the_rows_leave_out_get_the_models_defaults(store: Store) -> None:
    child_id = uuid.UUID("01900000-0000-7000-8000-000000000001")
    row = {"id": child_id, "first_name": "Ffion", "last_name": "Example",
           "date_of_birth": date(2015, 3, 9)}  # fmt: skip
    before = datetime.now(UTC)
    with store.write() as session:
        insert_rows(session, Child, [row], store.actor)
    with store.read() as session:
        child = session.get(Child, child_id)
    assert child is not None
    assert child.looked_after is False and child.sex == "U" and child.stage == "none"
    assert child.upn is None and child.postcode is None
    # made now, by the store's user
    assert child.created_at is not None and child.created_at.tzinfo is not None
    assert before - timedelta(seconds=1) <= child.created_at <= datetime.now(UTC)
    assert child.updated_at == child.created_at and child.created_by == store.info.user_id


def test_each_row_gets_an_insert_entry_numbered_in_the_order_given(store: Store) -> None:
    user = uuid.UUID("01900000-0000-7000-8000-0000000000aa")
    actor = Actor(user, store.info.device_id)
    with store.write(actor) as session:
        create_team(session, {"name": "North"})  # journal entry 1
    ids = [uuid.UUID(f"01900000-0000-7000-8000-00000000000{n}") for n in (9, 3, 5)]
    with store.write(actor) as session:
        insert_rows(session, Team, [{"id": i, "name": f"Team {i.hex[-1]}"} for i in ids], actor)
    with store.write(actor) as session:
        insert_rows(
            session, Team, [{"id": uuid.UUID(int=7 | 7 << 76 | 2 << 62), "name": "Imported"}],
            actor, op="import",
        )  # fmt: skip
    with store.read() as session:
        entries = list(session.scalars(select(JournalEntry).order_by(col(JournalEntry.seq))))
    assert [(e.device_seq, e.op, e.table_name) for e in entries] == [
        (1, "insert", "team"), (2, "insert", "team"), (3, "insert", "team"),
        (4, "insert", "team"), (5, "import", "team"),
    ]  # fmt: skip
    assert [e.row_id for e in entries[1:4]] == ids
    assert all(e.user_id == user and e.device_id == store.info.device_id for e in entries)
    assert all(e.field is None and e.old_value is None for e in entries)
    assert entries[1].at == entries[3].at and entries[1].at.tzinfo is not None


def test_rows_naming_different_columns_are_refused_and_nothing_is_written(
    store: Store,
) -> None:
    rows: list[dict[str, Any]] = [
        {"id": uuid.UUID(int=1 | 7 << 76 | 2 << 62), "name": "North"},
        {"id": uuid.UUID(int=2 | 7 << 76 | 2 << 62), "name": "East", "description": "x"},
    ]
    refused = r"row 2 names other columns.*description"
    with pytest.raises(ValueError, match=refused), store.write() as session:
        insert_rows(session, Team, rows, store.actor)
    with pytest.raises(ValueError, match="team has no column colour"), store.write() as session:
        insert_rows(session, Team, [{**rows[0], "colour": "red"}], store.actor)
    assert _raw(store, "team") == [] and _raw(store, "journal") == []


def test_a_case_events_details_and_a_notes_lists_are_stored_as_json(store: Store) -> None:
    with store.write() as session:
        child_id = uuid.UUID("01900000-0000-7000-8000-000000000002")
        insert_rows(session, Child, [{"id": child_id, "first_name": "Osian",
                    "last_name": "Example", "date_of_birth": date(2016, 1, 2)}],
                    store.actor)  # fmt: skip
        insert_rows(session, CaseEvent, [{
            "id": uuid.UUID("01900000-0000-7000-8000-000000000003"), "child_id": child_id,
            "type": "request_received", "date": date(2026, 3, 2), "details": {"from": "parent"},
            "evidence": None}], store.actor)  # fmt: skip
        insert_rows(session, NoteVersion, [{
            "id": uuid.UUID("01900000-0000-7000-8000-000000000004"),
            "note_id": uuid.UUID("01900000-0000-7000-8000-000000000004"),
            "child_id": child_id, "kind": "visit", "body": "Visited at home.",
            "occurred_at": datetime(2026, 3, 2, 9, 30), "attendees": [], "decisions": [],
            "actions": [{"what": "Ring school", "owner": "caseworker"}], "failed_items": []}],
            store.actor)  # fmt: skip
    event = _raw(store, "case_event")[0]
    assert '{"from": "parent"}' in event and "2026-03-02" in event
    with store.engine.connect() as connection:
        note = connection.exec_driver_sql(
            "SELECT occurred_at, actions, version, superseded, search_rowid FROM note_version"
        ).one()
    assert note[:4] == ("2026-03-02 09:30:00.000000",
                        '[{"what": "Ring school", "owner": "caseworker"}]', 1, 0)  # fmt: skip
    assert note[4] is not None  # one row: indexed by the trigger as it was written


def _indexes(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as connection:
        return [
            (r[0], r[1])
            for r in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('journal', 'child') ORDER BY name"
            )
        ]


def test_deferred_indexes_come_back_as_they_were_even_when_the_load_fails(
    store: Store,
) -> None:
    before = _indexes(store)
    assert {name for name, _ in before} >= {"ix_journal_row_id", "ix_child_last_name"}
    with (
        pytest.raises(RuntimeError),
        store.write() as session,
        deferred_indexes(session.connection(), ["journal", "child"]),
    ):
        assert [n for n, _ in _indexes_in(session.connection())] == []
        raise RuntimeError("disk unplugged")
    assert _indexes(store) == before
    with store.write() as session, deferred_indexes(session.connection(), ["journal", "child"]):
        create_team(session, {"name": "North"})
    assert _indexes(store) == before


def _indexes_in(connection: Any) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('journal', 'child')"
        )
    ]


def test_json_columns_get_json_dumps_text_and_its_errors(store: Store) -> None:
    to_text = converter(table_of(CaseEvent).c.details, store.engine.dialect)
    assert to_text is not None
    # json.dumps's text, worked out by hand: ASCII escapes, ", " and ": ", key order kept
    assert to_text({"from": "parent", "rya": False}) == '{"from": "parent", "rya": false}'
    assert to_text({"b": [1, 2.5, None], "a": "Zoë"}) == '{"b": [1, 2.5, null], "a": "Zo\\u00eb"}'
    assert to_text([]) == "[]"
    with pytest.raises(TypeError, match="Object of type set is not JSON serializable"):
        to_text({"codes": {"K"}})
    circular: list[Any] = []
    circular.append(circular)
    with pytest.raises(ValueError, match="Circular reference detected"):
        to_text(circular)
    # what failed left nothing behind: the same list, now plain, encodes
    circular[0] = 1
    assert to_text({"again": circular}) == '{"again": [1]}'


def test_a_value_given_as_none_is_stored_as_null(store: Store) -> None:
    # the driver binds None through an adapter registered for speed: still SQL NULL,
    # never a text 'None', an empty string or the column's default
    child_id = uuid.UUID("01900000-0000-7000-8000-000000000002")
    row = {"id": child_id, "first_name": "Ffion", "last_name": "Example",
           "date_of_birth": date(2015, 3, 9), "preferred_name": None, "upn": None,
           "looked_after": False}  # fmt: skip
    with store.write() as session:
        insert_rows(session, Child, [row], store.actor)
    with store.engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT typeof(preferred_name), typeof(upn), preferred_name IS NULL FROM child"
        ).one()
        found = connection.exec_driver_sql(
            "SELECT count(*) FROM child WHERE first_name = ? AND upn IS ?", ("Ffion", None)
        ).scalar()
    assert tuple(stored) == ("null", "null", 1)
    assert found == 1


def _journal_mode(store: Store) -> str:
    with store.engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA journal_mode").scalar())


def test_a_load_into_a_new_store_uses_a_rollback_journal_then_wal_again(store: Store) -> None:
    with rollback_journal(store.engine) as switched:
        inside = _journal_mode(store)
        with store.write() as session:
            insert_rows(session, Team, [{"name": "North"}], store.actor)
        with pytest.raises(RuntimeError), store.write() as session:
            insert_rows(session, Team, [{"name": "South"}], store.actor)
            raise RuntimeError("the load failed")
    assert switched and inside == "delete"
    assert _journal_mode(store) == "wal"
    # the failed load was rolled back; the first kept, journal entry and all
    with store.engine.connect() as connection:
        names = [row[0] for row in connection.exec_driver_sql("SELECT name FROM team")]
    assert names == ["North"]
    assert len(_raw(store, "journal")) == 1


def test_a_store_another_connection_is_reading_stays_in_wal(store: Store) -> None:
    with store.engine.connect() as reader:
        reader.exec_driver_sql("BEGIN")
        assert reader.exec_driver_sql("SELECT count(*) FROM store_meta").scalar()
        with rollback_journal(store.engine) as switched:
            inside = _journal_mode(store)
        reader.exec_driver_sql("ROLLBACK")
    assert not switched and inside == "wal"
    assert _journal_mode(store) == "wal"
    with store.engine.connect() as connection:  # its patience for locks is as it was
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
