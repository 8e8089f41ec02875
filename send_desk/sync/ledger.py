"""The sync ledger and the conflicts, as plain data for the command line and the app.

- **pending**: this laptop's changes the central store has not acknowledged yet;
- **quarantined**: changes it refused, with its reason (retry or discard with a reason);
- **discarded**: changes given up, with who, when and why (kept for the record);
- **conflicts**: two people changed the same field; both values, who and when.

Resolving a conflict here writes the chosen value as an ordinary change (journaled,
so it syncs like any other) and tells the central store at the next sync.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from send_desk.domain.children import Child
from send_desk.domain.journal import JournalEntry
from send_desk.domain.organisation import User
from send_desk.domain.sync_state import SyncConflict, SyncQuarantine
from send_desk.storage.store import Store
from send_desk.sync import state
from send_desk.sync.limits import check_values
from send_desk.sync.tables import RowRefused, registry, row_as_json, validate_row
from send_desk.timeutil import london_today, utcnow


class LedgerError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _label(field: str | None) -> str:
    return (field or "").replace("_", " ").replace("upn", "UPN").replace("urn", "URN")


def _child_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list({i for i in ids if i is not None})
    names: dict[uuid.UUID, str] = {}
    for start in range(0, len(wanted), 500):
        for child_id, first, last in session.execute(
            sa.select(col(Child.id), col(Child.first_name), col(Child.last_name)).where(
                col(Child.id).in_(wanted[start : start + 500])
            )
        ):
            names[child_id] = f"{first} {last}"
    return names


def _user_names(session: Session) -> dict[uuid.UUID, str]:
    query = sa.select(col(User.id), col(User.display_name))
    return {row[0]: row[1] for row in session.execute(query)}


def _child_of_entries(session: Session, entries: list[JournalEntry]) -> dict[int, uuid.UUID | None]:
    tables = registry()
    out: dict[int, uuid.UUID | None] = {}
    for entry in entries:
        info = tables.get(entry.table_name)
        child: uuid.UUID | None = None
        if info is not None and info.child_column == "id":
            child = entry.row_id
        elif info is not None and info.child_column == "child_id":
            row = session.execute(
                sa.select(info.table.c.child_id).where(info.table.c.id == entry.row_id)
            ).first()
            if row is not None:
                child = row.child_id
            else:
                old = _load(entry.old_value)
                if isinstance(old, dict) and old.get("child_id"):
                    child = uuid.UUID(str(old["child_id"]))
        out[entry.device_seq] = child
    return out


def _describe(entry: JournalEntry, child_name: str | None) -> str:
    from send_desk.services.errors import label

    what = entry.table_name.replace("_", " ")
    whose = f"{child_name}: " if child_name else ""
    record = "" if entry.table_name == "child" else f"{what} – "
    if entry.op in ("insert", "import"):
        return f"{whose}new {what}"
    if entry.op == "delete":
        return f"{whose}{what} removed"
    value = _load(entry.new_value)
    shown = "(empty)" if value in (None, "") else repr(value) if isinstance(value, str) else value
    return f"{whose}{record}{label(entry.field or '').lower().replace('upn', 'UPN')} set to {shown}"


def _entry_data(
    entry: JournalEntry, children: dict[int, uuid.UUID | None], names: dict[uuid.UUID, str]
) -> dict[str, Any]:
    child = children.get(entry.device_seq)
    name = names.get(child) if child else None
    return {
        "device_seq": entry.device_seq,
        "at": entry.at.isoformat(),
        "table": entry.table_name,
        "row_id": str(entry.row_id),
        "op": entry.op,
        "field": entry.field,
        "old_value": _load(entry.old_value),
        "new_value": _load(entry.new_value),
        "child_id": str(child) if child else None,
        "child": name,
        "description": _describe(entry, name),
    }


def ledger(store: Store, *, limit: int = 500) -> dict[str, Any]:
    device = store.info.device_id
    with store.read() as session:
        current = state.load_state(session)
        pending = list(
            session.scalars(
                select(JournalEntry)
                .where(
                    JournalEntry.device_id == device, JournalEntry.device_seq > current.acked_seq
                )
                .order_by(col(JournalEntry.device_seq))
                .limit(limit)
            )
        )
        total = state.pending_count(session, device, current.acked_seq)
        ledger_rows = list(
            session.scalars(select(SyncQuarantine).order_by(col(SyncQuarantine.at).desc()))
        )
        held = {row.device_seq: row for row in ledger_rows}
        journal = (
            list(
                session.scalars(
                    select(JournalEntry).where(
                        JournalEntry.device_id == device,
                        col(JournalEntry.device_seq).in_(list(held)),
                    )
                )
            )
            if held
            else []
        )
        children = _child_of_entries(session, pending + journal)
        names = _child_names(session, [c for c in children.values() if c])
        users = _user_names(session)
        by_seq = {entry.device_seq: entry for entry in journal}
        quarantined: list[dict[str, Any]] = []
        discarded: list[dict[str, Any]] = []
        for row in ledger_rows:
            entry = by_seq.get(row.device_seq)
            data: dict[str, Any] = (
                _entry_data(entry, children, names) if entry else {"device_seq": row.device_seq}
            )
            data.update(
                {
                    "reason": row.reason,
                    "quarantined_at": row.at.isoformat(),
                    "status": row.status,
                    "discard_reason": row.discard_reason,
                    "closed_at": row.closed_at.isoformat() if row.closed_at else None,
                    "closed_by": users.get(row.closed_by) if row.closed_by else None,
                }
            )
            if row.status == "quarantined":
                quarantined.append(data)
            elif row.status == "discarded":
                discarded.append(data)
    return {
        "server": current.server_url,
        "signed_in_as": current.username,
        "last_sync_at": current.last_sync_at,
        "last_error": current.last_error,
        "pending_count": total,
        "pending": [_entry_data(entry, children, names) for entry in pending],
        "quarantined": quarantined,
        "discarded": discarded,
    }


def status(store: Store) -> dict[str, Any]:
    """What the status bar shows: configured?, last sync, pending, quarantined, conflicts."""
    device = store.info.device_id
    with store.read() as session:
        current = state.load_state(session)
        return {
            "configured": current.configured,
            "server": current.server_url,
            "username": current.username,
            "last_sync_at": current.last_sync_at,
            "last_error": current.last_error,
            "pending": state.pending_count(session, device, current.acked_seq),
            "quarantined": len(state.quarantined_seqs(session)),
            "conflicts": int(
                session.scalar(
                    select(sa.func.count())
                    .select_from(SyncConflict)
                    .where(SyncConflict.status == "open")
                )
                or 0
            ),
        }


# ---------------------------------------------------------------- conflicts


def conflicts(store: Store, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    with store.read() as session:
        query = select(SyncConflict).order_by(col(SyncConflict.created_at))
        if not include_resolved:
            query = query.where(SyncConflict.status == "open")
        rows = list(session.scalars(query))
        names = _child_names(session, [r.child_id for r in rows if r.child_id])
        users = _user_names(session)
    return [
        {
            "id": str(row.id),
            "child_id": str(row.child_id) if row.child_id else None,
            "child": names.get(row.child_id) if row.child_id else None,
            "table": row.table_name,
            "row_id": str(row.row_id),
            "field": row.field,
            "field_label": _label(row.field) if row.field else "the whole record (removed)",
            "base": row.base,
            "kept": {
                "value": row.kept_value,
                "by": users.get(row.kept_by) if row.kept_by else None,
                "by_id": str(row.kept_by) if row.kept_by else None,
                "at": row.kept_at.isoformat() if row.kept_at else None,
            },
            "other": {
                "value": row.other_value,
                "by": users.get(row.other_by) if row.other_by else None,
                "by_id": str(row.other_by) if row.other_by else None,
                "at": row.other_at.isoformat() if row.other_at else None,
            },
            "status": "resolved" if row.pending_choice else row.status,
            "waiting_to_sync": row.pending_choice is not None,
            "resolution": row.resolution,
            "resolved_by": users.get(row.resolved_by) if row.resolved_by else None,
        }
        for row in rows
    ]


def resolve_conflict(
    store: Store, conflict_id: str, choice: str, note: str | None = None
) -> dict[str, Any]:
    """Keep the kept value or the other one; the choice syncs like any change."""
    if choice not in ("kept", "other"):
        raise LedgerError("choose 'kept' (the value the central store kept) or 'other'")
    try:
        key = uuid.UUID(conflict_id)
    except ValueError:
        key = None
    with store.write() as session:
        row = session.get(SyncConflict, key) if key else None
        if row is None:
            matches = [
                c
                for c in session.scalars(select(SyncConflict))
                if str(c.id).startswith(conflict_id.lower())
            ]
            row = matches[0] if len(matches) == 1 else None
        if row is None:
            raise LedgerError(f"there is no conflict '{conflict_id}' on this laptop")
        if row.status != "open" or row.pending_choice:
            raise LedgerError("that conflict is already resolved")
        chosen = row.kept_value if choice == "kept" else row.other_value
        if row.field is not None:
            _write_value(session, row.table_name, row.row_id, row.field, chosen)
        row.pending_choice = choice
        row.resolution = chosen
        row.resolution_note = note
        row.resolved_by = store.info.user_id
        row.resolved_at = utcnow()
        session.add(row)
        result = {"id": str(row.id), "field": row.field, "value": chosen, "choice": choice}
    return result


def _write_value(session: Session, table: str, row_id: uuid.UUID, field: str, value: Any) -> None:
    """Set one field through the ORM, so the change is journaled and synced."""
    info = registry().get(table)
    if info is None:
        raise LedgerError(f"'{table}' is not a table this version knows")
    obj = session.get(info.model, row_id)
    if obj is None:
        raise LedgerError("the record is no longer on this laptop")
    current = row_as_json(info, {c: getattr(obj, c) for c in info.columns})
    merged = {k: v for k, v in current.items()}
    merged[field] = value
    try:
        check_values(info, {field: value})  # what the central store would refuse
        validate_row(info, merged, london_today())
    except RowRefused as error:
        raise LedgerError(f"that value is no longer valid: {error}") from None
    decoded = info.decode({field: value})[field]
    if current.get(field) != value:
        setattr(obj, field, decoded)
        session.add(obj)
        session.flush()
