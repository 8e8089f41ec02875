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

from sqlalchemy import insert, inspect, update
from sqlalchemy.orm import Session

from send_desk.domain.base import AUDIT_COLUMNS
from send_desk.domain.journal import DeviceState, JournalEntry
from send_desk.domain.tables import JOURNALED, table_of
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

    ``rows`` hold column values (ids included). Core inserts are used because the
    ORM's unit of work is too slow for a 20,000-child caseload.
    """
    if not rows:
        return
    now = utcnow()
    table = model.__table__
    name = table.name
    prepared = []
    for row in rows:
        full = {"created_at": now, "created_by": actor.user_id, **row}
        full.setdefault("updated_at", full["created_at"])
        full.setdefault("updated_by", full["created_by"])
        prepared.append(full)
    session.execute(insert(table), prepared)
    first = reserve_seq(session, actor.device_id, len(prepared))
    journal_rows = [
        {
            "device_id": actor.device_id,
            "device_seq": first + offset,
            "table_name": name,
            "row_id": row["id"],
            "op": op,
            "field": None,
            "old_value": None,
            "new_value": None,
            "user_id": actor.user_id,
            "at": now,
        }
        for offset, row in enumerate(prepared)
    ]
    session.execute(insert(table_of(JournalEntry)), journal_rows)
    # Keep the DeviceState row in the session in step with what was reserved.
    session.flush()


def update_derived(session: Session, model: type[Any], values: Iterable[dict[str, Any]]) -> None:
    """Write cached columns (``_DERIVED``) without journal entries."""
    table = model.__table__
    for row in values:
        changes = {k: v for k, v in row.items() if k != "id"}
        session.execute(update(table).where(table.c.id == row["id"]).values(**changes))
