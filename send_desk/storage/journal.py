"""Field-level change journal, written in the same transaction as the change.

Entries: ``insert`` (who created the row, when; the values are the row's own, and
each later ``update`` entry keeps the value it replaced, so the row as created can
always be rebuilt without storing it twice), ``update`` (one field: old and new
value) and ``delete`` (the whole row as it was).

A ``before_flush`` hook on the store's sessions turns every insert, update and
delete of a journaled table into journal entries, so no write can skip its history.
Bulk loads (demo, import) use :func:`insert_rows`, which writes the same entries.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, inspect, update
from sqlalchemy.orm import Session

from send_desk.domain.base import AUDIT_COLUMNS
from send_desk.domain.journal import DeviceState, JournalEntry
from send_desk.domain.tables import JOURNALED, table_of
from send_desk.storage.bulk import RowWriter, converter, python_default, row_keys
from send_desk.timeutil import utcnow

_JOURNALED_TYPES = tuple(JOURNALED)
# Columns cached from other data; recomputed, never journaled.
_DERIVED: dict[str, frozenset[str]] = {
    "child": frozenset({"stage"}),
    "note_version": frozenset({"superseded", "search_rowid"}),  # kept by triggers (0004)
}


@dataclass(frozen=True)
class Actor:
    """Who is writing, from which device."""

    user_id: uuid.UUID | None
    device_id: uuid.UUID


class MissingActor(RuntimeError):
    """A journaled table was written outside a service call (a programming error)."""


def encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def dump(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, sort_keys=True, default=encode)


def row_values(obj: Any) -> dict[str, Any]:
    """A row's column values as JSON-ready data."""
    mapper = inspect(obj).mapper
    return {attr.key: encode(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def reserve_seq(session: Session, device_id: uuid.UUID, count: int) -> int:
    """Reserve ``count`` mutation numbers for the device; returns the first."""
    with session.no_autoflush:
        state = session.get(DeviceState, device_id)
        if state is None:
            state = DeviceState(device_id=device_id, next_seq=1)
            session.add(state)
        first = state.next_seq
        state.next_seq = first + count
    return first


def _entries_for_flush(session: Session, actor: Actor | None) -> list[dict[str, Any]]:
    now = utcnow()
    entries: list[dict[str, Any]] = []

    def entry(table: str, row_id: uuid.UUID, op: str, **rest: Any) -> None:
        entries.append({"table_name": table, "row_id": row_id, "op": op, **rest})

    for obj in session.new:
        if isinstance(obj, _JOURNALED_TYPES):
            obj.created_at = obj.created_at or now
            obj.created_by = obj.created_by or (actor.user_id if actor else None)
            obj.updated_at, obj.updated_by = obj.created_at, obj.created_by
            entry(obj.__tablename__, obj.id, "insert")
    for obj in session.dirty:
        if not isinstance(obj, _JOURNALED_TYPES) or not session.is_modified(obj):
            continue
        table = obj.__tablename__
        skip = AUDIT_COLUMNS | _DERIVED.get(table, frozenset())
        state = inspect(obj)
        changed = False
        for attr in state.mapper.column_attrs:
            if attr.key in skip:
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if encode(old) == encode(new):
                continue
            changed = True
            entry(table, obj.id, "update", field=attr.key, old_value=dump(old), new_value=dump(new))
        if changed:
            obj.updated_at = now
            obj.updated_by = actor.user_id if actor else None
    for obj in session.deleted:
        if isinstance(obj, _JOURNALED_TYPES):
            entry(obj.__tablename__, obj.id, "delete", old_value=dump(row_values(obj)))
    return entries


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor: Actor | None = session.info.get("actor")
    entries = _entries_for_flush(session, actor)
    if not entries:
        return
    if actor is None:
        raise MissingActor("a journaled table was written without an actor")
    first = reserve_seq(session, actor.device_id, len(entries))
    now = utcnow()
    for offset, data in enumerate(entries):
        session.add(
            JournalEntry(
                device_id=actor.device_id,
                device_seq=first + offset,
                user_id=actor.user_id,
                at=now,
                **data,
            )
        )


def install(session_factory: Any) -> None:
    """Journal every flush of sessions made by this factory."""
    from sqlalchemy import event

    event.listen(session_factory, "before_flush", _before_flush)


def insert_rows(
    session: Session,
    model: type[Any],
    rows: Sequence[dict[str, Any]],
    actor: Actor,
    *,
    op: str = "insert",
) -> None:
    """Bulk insert with one journal entry per row (for the demo and imports).

    ``rows`` hold column values (ids included), all naming the same columns; columns
    they leave out get the model's defaults. The rows go to the driver as prepared
    statements (:mod:`send_desk.storage.bulk`), and their journal entries are copied
    from the inserted rows in one statement, numbered in the order of ``rows``.
    """
    if not rows:
        return
    now = utcnow()
    table = model.__table__
    audit: dict[str, Any] = {
        "created_at": now, "created_by": actor.user_id,
        "updated_at": now, "updated_by": actor.user_id,
    }  # fmt: skip
    keys = row_keys(rows)
    if AUDIT_COLUMNS & set(keys):
        # rows that say when or by whom they were made (an import): updated then too
        prepared = []
        for row in rows:
            full = {"created_at": now, "created_by": actor.user_id, **row}
            full.setdefault("updated_at", full["created_at"])
            full.setdefault("updated_by", full["created_by"])
            prepared.append(full)
        rows, keys, audit = prepared, list(prepared[0]), {}
    connection = session.connection()
    quoted = connection.dialect.identifier_preparer.format_table(table)
    # the rows about to be written are numbered (rowid) above every row there now
    before = connection.exec_driver_sql(f"SELECT max(rowid) FROM {quoted}").scalar()
    RowWriter(table, keys, connection.dialect, audit).write(connection, rows)
    first = reserve_seq(session, actor.device_id, len(rows))
    journaled = _journal_from_rows(
        connection,
        table,
        after_rowid=int(before or 0),
        first_seq=first,
        values={"device_id": actor.device_id, "table_name": table.name, "op": op,
                "user_id": actor.user_id, "at": now},
    )  # fmt: skip
    if journaled != len(rows):
        raise RuntimeError(f"{table.name}: {len(rows)} rows written, {journaled} journaled")
    # Keep the DeviceState row in the session in step with what was reserved.
    session.flush()


def _journal_from_rows(
    connection: Connection,
    table: Table,
    *,
    after_rowid: int,
    first_seq: int,
    values: dict[str, Any],
) -> int:
    """One ``insert`` entry per row of ``table`` above ``after_rowid``, in one statement:
    ``device_seq`` counts up from ``first_seq`` in the order the rows were written."""
    journal = table_of(JournalEntry)
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    for column in journal.columns:  # a column a later version adds, with its default
        has_default, default = python_default(column)
        if column.key not in values and has_default and not callable(default):
            values[column.key] = default
    names = [quote(journal.c[key].name) for key in values]
    params = []
    for key, value in values.items():
        convert = converter(journal.c[key], dialect)
        params.append(convert(value) if convert else value)
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(journal)} "
        f"({quote(journal.c.device_seq.name)}, {quote(journal.c.row_id.name)}, "
        f"{', '.join(names)}) "
        f"SELECT ? - 1 + row_number() OVER (ORDER BY rowid), {quote(table.c.id.name)}, "
        f"{', '.join('?' * len(names))} "
        f"FROM {dialect.identifier_preparer.format_table(table)} WHERE rowid > ? ORDER BY rowid"
    )
    return int(connection.exec_driver_sql(sql, (first_seq, *params, after_rowid)).rowcount)


def update_derived(session: Session, model: type[Any], values: Iterable[dict[str, Any]]) -> None:
    """Write cached columns (``_DERIVED``) without journal entries."""
    table = model.__table__
    for row in values:
        changes = {k: v for k, v in row.items() if k != "id"}
        session.execute(update(table).where(table.c.id == row["id"]).values(**changes))
