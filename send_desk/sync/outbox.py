"""The journal as an outbox: this device's entries after the last acknowledged one.

An ``insert`` entry names its row without copying it; the row as it was created is
the row's current values with the old values of later ``update`` entries applied
backwards (or the values of a later ``delete`` entry, if the row is gone). Journals
written by earlier versions of SEND Desk, whose insert entries carried the whole row
in ``new_value``, are read as they are: an outbox written before an upgrade still
syncs after it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from send_desk.domain.journal import JournalEntry
from send_desk.sync.protocol import EntryV1, EntryV2
from send_desk.sync.tables import SyncTable, registry, row_as_json

ALL_FIELDS = "*"


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def pending_entries(
    session: Session, device: uuid.UUID, after: int, limit: int
) -> list[JournalEntry]:
    return list(
        session.scalars(
            select(JournalEntry)
            .where(JournalEntry.device_id == device, JournalEntry.device_seq > after)
            .order_by(col(JournalEntry.device_seq))
            .limit(limit)
        )
    )


def entries_by_seq(session: Session, device: uuid.UUID, seqs: Sequence[int]) -> list[JournalEntry]:
    if not seqs:
        return []
    return list(
        session.scalars(
            select(JournalEntry)
            .where(JournalEntry.device_id == device, col(JournalEntry.device_seq).in_(list(seqs)))
            .order_by(col(JournalEntry.device_seq))
        )
    )


def _as_created(
    session: Session, entries: Sequence[JournalEntry]
) -> dict[tuple[str, uuid.UUID], dict[str, Any] | None]:
    """Rows as they were when the given insert entries were written."""
    tables = registry()
    wanted: dict[str, dict[uuid.UUID, JournalEntry]] = {}
    for entry in entries:
        if entry.op in ("insert", "import") and entry.table_name in tables:
            wanted.setdefault(entry.table_name, {})[entry.row_id] = entry
    out: dict[tuple[str, uuid.UUID], dict[str, Any] | None] = {}
    for name, by_row in wanted.items():
        info = tables[name]
        ids = list(by_row)
        current: dict[uuid.UUID, dict[str, Any]] = {}
        later: dict[uuid.UUID, list[JournalEntry]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in session.execute(
                sa.select(info.table).where(info.table.c.id.in_(chunk))
            ).mappings():
                current[row["id"]] = row_as_json(info, dict(row))
            for later_entry in session.scalars(
                select(JournalEntry)
                .where(
                    col(JournalEntry.row_id).in_(chunk),
                    JournalEntry.table_name == name,
                    col(JournalEntry.op).in_(("update", "delete")),
                )
                .order_by(col(JournalEntry.seq).desc())
            ):
                later.setdefault(later_entry.row_id, []).append(later_entry)
        for row_id, insert in by_row.items():
            out[(name, row_id)] = _rebuild(info, insert, current.get(row_id), later.get(row_id, []))
    return out


def _rebuild(
    info: SyncTable,
    insert: JournalEntry,
    current: dict[str, Any] | None,
    later_desc: list[JournalEntry],
) -> dict[str, Any] | None:
    if insert.new_value:  # an older journal: the insert carries its row
        old = _load(insert.new_value)
        return (
            {k: v for k, v in old.items() if k in info.synced_columns}
            if isinstance(old, dict)
            else None
        )
    row = dict(current) if current is not None else None
    insert_seq = insert.seq or 0
    for entry in later_desc:  # newest first
        if (entry.seq or 0) <= insert_seq:
            continue
        if entry.op == "delete":
            gone = _load(entry.old_value)
            if isinstance(gone, dict):
                row = {k: v for k, v in gone.items() if k in info.synced_columns}
        elif row is not None and entry.field in row:
            row[entry.field] = _load(entry.old_value)
    return row


def build_entries(
    session: Session, entries: Sequence[JournalEntry], *, version: int = 2
) -> list[dict[str, Any]]:
    """Journal entries as the protocol sends them."""
    created = _as_created(session, entries)
    out: list[dict[str, Any]] = []
    for entry in entries:
        if entry.op in ("insert", "import"):
            op = "insert"
            base: Any = None
            value: Any = created.get((entry.table_name, entry.row_id))
        else:
            op = entry.op
            base = _load(entry.old_value)
            value = _load(entry.new_value)
        v2 = EntryV2(
            device_seq=entry.device_seq,
            table=entry.table_name,
            row_id=str(entry.row_id),
            op=op,
            field=entry.field,
            base=base,
            value=value,
            at=entry.at.isoformat(),
            user_id=str(entry.user_id) if entry.user_id else None,
        )
        if version == 1:
            out.append(
                EntryV1(
                    device_seq=v2.device_seq,
                    table_name=v2.table,
                    row_id=v2.row_id,
                    op=v2.op,
                    field=v2.field,
                    old_value=None if base is None else json.dumps(base),
                    new_value=None if value is None else json.dumps(value),
                    at=v2.at,
                    user_id=v2.user_id,
                ).model_dump()
            )
        else:
            out.append(v2.model_dump())
    return out


@dataclass
class Pending:
    """Rows and fields with changes the central store has not accepted yet."""

    fields: dict[tuple[str, uuid.UUID], set[str]] = field(default_factory=dict)
    children: set[uuid.UUID] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._by_text: dict[tuple[str, str], set[str]] = {}

    def _marks(self, table: str, row_id: uuid.UUID | str) -> set[str]:
        if not self.fields:
            return set()
        if isinstance(row_id, uuid.UUID):
            return self.fields.get((table, row_id), set())
        if len(self._by_text) != len(self.fields):
            self._by_text = {(t, str(r)): marks for (t, r), marks in self.fields.items()}
        return self._by_text.get((table, row_id), set())

    def blocks_row(self, table: str, row_id: uuid.UUID | str) -> bool:
        return ALL_FIELDS in self._marks(table, row_id)

    def blocked_fields(self, table: str, row_id: uuid.UUID | str) -> set[str]:
        return self._marks(table, row_id)


def pending(session: Session, device: uuid.UUID, acked: int, quarantined: set[int]) -> Pending:
    """What a pull must not overwrite: unsent and quarantined changes of this device."""
    tables = registry()
    condition = col(JournalEntry.device_seq) > acked
    if quarantined:
        condition = sa.or_(condition, col(JournalEntry.device_seq).in_(list(quarantined)))
    result = Pending()
    rows = session.execute(
        sa.select(
            col(JournalEntry.table_name),
            col(JournalEntry.row_id),
            col(JournalEntry.op),
            col(JournalEntry.field),
            col(JournalEntry.old_value),
        ).where(col(JournalEntry.device_id) == device, condition)
    ).all()
    by_table: dict[str, set[uuid.UUID]] = {}
    for name, row_id, op, field_name, old_value in rows:
        key = (name, row_id)
        marks = result.fields.setdefault(key, set())
        marks.add(ALL_FIELDS if op in ("insert", "import", "delete") else str(field_name))
        by_table.setdefault(name, set()).add(row_id)
        if op == "delete" and name in tables:
            old = _load(old_value)
            owner = tables[name].child_column
            if isinstance(old, dict) and owner and old.get(owner):
                result.children.add(uuid.UUID(str(old[owner])))
    for name, ids in by_table.items():
        info = tables.get(name)
        if info is None:
            continue
        if info.child_column == "id":
            result.children.update(ids)
        elif info.child_column == "child_id":
            id_list = list(ids)
            for start in range(0, len(id_list), 500):
                result.children.update(
                    session.scalars(
                        sa.select(info.table.c.child_id).where(
                            info.table.c.id.in_(id_list[start : start + 500])
                        )
                    )
                )
    return result
