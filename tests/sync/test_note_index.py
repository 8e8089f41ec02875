"""The notes' full-text index built once for a batch of pulled versions (send_desk.sync.fts)
holds exactly what the per-row trigger of migration 0004 would have put in it."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Connection

from send_desk.services import children, notes, organisation
from send_desk.services.search import NoteQuery, search_notes
from send_desk.storage.journal import Actor
from send_desk.storage.store import Store
from send_desk.sync import fts
from tests.constants import TODAY
from tests.unit.quality.test_checker import GOOD

NOW = datetime(2026, 6, 1, 9, 0)


def _note(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


def _index(connection: Connection) -> dict[str, tuple[Any, ...]]:
    """Each version's index row and superseded flag, by version id."""
    rows = connection.exec_driver_sql(
        "SELECT nv.id, nv.superseded, s.body, s.purpose, s.views, s.decisions, s.actions, "
        "s.people, s.tags, s.occurred FROM note_version nv "
        "JOIN note_search s ON s.rowid = nv.search_rowid"
    ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def _trigger(connection: Connection) -> str | None:
    return connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (fts.TRIGGER,)
    ).scalar()


@pytest.fixture
def noted(store: Store) -> Store:
    """Notes saved the ordinary way (the trigger indexes them), some amended twice."""
    with store.write() as session:
        team = organisation.create_team(session, {"name": "North"})
        author = organisation.create_user(
            session,
            {"username": "pat", "display_name": "Pat", "role": "caseworker", "team_id": team},
        )
        kids = [
            children.create_child(
                session,
                {"first_name": name, "last_name": "Example", "date_of_birth": "2015-01-01"},
                today=TODAY,
            )
            for name in ("Siôn", "Zofia", "Ayaan")
        ]
    with store.write(Actor(author, store.info.device_id)) as session:
        for number in range(12):
            saved = notes.add_note(
                session,
                kids[number % 3],
                _note(body=f"Visit {number}: Mum asked about swimming (ŵ, ż).", kind="visit"),
                accept_failed=True,
                now=NOW,
            )
            for amendment in range(number % 3):
                notes.amend_note(
                    session,
                    uuid.UUID(str(saved["note_id"])),
                    _note(body=f"Visit {number}: the school trip, take {amendment}."),
                    reason="I had the wrong activity",
                    accept_failed=True,
                    now=NOW,
                )
    return store


def _versions(connection: Connection) -> tuple[list[str], list[tuple[Any, ...]]]:
    result = connection.exec_driver_sql("SELECT * FROM note_version")
    columns = [c for c in list(result.keys()) if c not in ("search_rowid", "superseded")]
    rows = [tuple(row._mapping[c] for c in columns) for row in result]
    return columns, rows


def _insert(connection: Connection, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    connection.exec_driver_sql(
        f"INSERT INTO note_version ({', '.join(columns)}, superseded) "
        f"VALUES ({', '.join('?' for _ in columns)}, 0)",
        rows,
    )


def test_batch_index_equals_the_trigger(noted: Store) -> None:
    with noted.engine.connect() as connection:
        before = _index(connection)
        trigger = _trigger(connection)
        columns, rows = _versions(connection)
    assert len(before) == 12 + 12  # 12 notes, 0 + 1 + 2 amendments each
    assert sum(1 for flags in before.values() if flags[0]) == 12  # superseded versions
    with noted.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM note_version")
        assert connection.exec_driver_sql("SELECT count(*) FROM note_search").scalar() == 0
        # newest first: a version arrives before the one it supersedes
        with fts.deferred_note_index(connection, fts.MIN_ROWS):
            assert _trigger(connection) is None
            _insert(connection, columns, list(reversed(rows)))
    with noted.engine.connect() as connection:
        assert _index(connection) == before
        assert _trigger(connection) == trigger
        assert connection.exec_driver_sql("SELECT count(*) FROM note_search").scalar() == 24
        check = "INSERT INTO note_search(note_search) VALUES ('integrity-check')"
        connection.exec_driver_sql(check)
    with noted.read() as session:
        found = search_notes(session, NoteQuery("swimming"))
        assert len(found) == 4  # the notes never amended (the rest only in old versions)
        assert len(search_notes(session, NoteQuery("swimming", include_superseded=True))) == 12


def test_small_batches_and_a_store_already_indexed(
    noted: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fts, "MIN_ROWS", 10)
    with noted.engine.connect() as connection:
        before = _index(connection)
        columns, rows = _versions(connection)
    with noted.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM note_version")
        _insert(connection, columns, rows[:5])  # the trigger, row by row
        with fts.deferred_note_index(connection, fts.MIN_ROWS):
            _insert(connection, columns, rows[5:])  # numbered above the indexed ones
        with fts.deferred_note_index(connection, 9):  # too few: the trigger stays
            assert _trigger(connection) is not None
    with noted.engine.connect() as connection:
        assert _index(connection) == before
        numbers = connection.exec_driver_sql("SELECT search_rowid FROM note_version").scalars()
        assert len(set(numbers)) == 24


def test_a_failed_batch_leaves_trigger_notes_and_index_as_they_were(noted: Store) -> None:
    with noted.engine.connect() as connection:
        before = _index(connection)
        trigger = _trigger(connection)
        columns, rows = _versions(connection)
    with noted.engine.begin() as connection:
        savepoint = connection.begin_nested()
        with pytest.raises(RuntimeError), fts.deferred_note_index(connection, fts.MIN_ROWS):
            connection.exec_driver_sql("DELETE FROM note_version WHERE version > 1")
            raise RuntimeError("the database refused the batch")
        savepoint.rollback()
    with noted.engine.connect() as connection:
        assert _trigger(connection) == trigger
        assert _index(connection) == before
    # and the trigger still indexes a note saved afterwards
    with noted.write() as session:
        child = uuid.UUID(str(rows[0][columns.index("child_id")]))
        notes.add_note(session, child, _note(body="A later note about trampolines."), now=NOW)
    with noted.read() as session:
        assert len(search_notes(session, NoteQuery("trampolines"))) == 1


def test_an_unknown_trigger_shape_is_left_to_do_the_work(noted: Store) -> None:
    with noted.engine.begin() as connection:
        sql = _trigger(connection)
        assert sql is not None and fts.plan(connection) is not None
        connection.exec_driver_sql(f"DROP TRIGGER {fts.TRIGGER}")
        connection.exec_driver_sql(sql.replace("' zold'", "' zgone'"))
        assert fts.plan(connection) is None
        with fts.deferred_note_index(connection, 10_000):
            assert _trigger(connection) is not None
