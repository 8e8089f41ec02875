"""The laptop's sync state: scalar facts in ``store_meta`` (``sync.*`` keys), the held
children, the quarantine ledger and the conflicts (``domain.sync_state``)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from send_desk.domain.journal import JournalEntry, StoreMeta
from send_desk.domain.sync_state import SyncQuarantine, SyncScope
from send_desk.domain.tables import table_of

PREFIX = "sync."


@dataclass
class SyncState:
    server_url: str | None = None
    server_id: str | None = None
    username: str | None = None
    user_id: str | None = None
    role: str | None = None
    team: str | None = None
    acked_seq: int = 0
    checkpoint: int = 0
    scope_hash: str | None = None
    last_sync_at: str | None = None
    last_error: str | None = None
    # children to fetch whole (new to the scope, or put right after a refused row)
    backfill: list[str] = field(default_factory=list)
    backfill_until: int = 0
    backfill_after: int = 0
    # children whose derived data (stage, milestones) wait to be brought up to date
    dirty: list[str] = field(default_factory=list)

    @property
    def configured(self) -> bool:
        return bool(self.server_url)


_INTS = ("acked_seq", "checkpoint", "backfill_until", "backfill_after")


def load_state(session: Session) -> SyncState:
    rows = session.exec(select(StoreMeta).where(col(StoreMeta.key).startswith(PREFIX))).all()
    raw = {row.key[len(PREFIX) :]: row.value for row in rows}
    state = SyncState()
    for name in SyncState.__dataclass_fields__:
        if name not in raw:
            continue
        value: Any = raw[name]
        if name in _INTS:
            value = int(value or 0)
        elif name in ("backfill", "dirty"):
            value = json.loads(value or "[]")
        else:
            value = value or None
        setattr(state, name, value)
    return state


def save_state(session: Session, state: SyncState, *names: str) -> None:
    """Write the named fields (all when none are named) in the caller's transaction."""
    for name in names or tuple(SyncState.__dataclass_fields__):
        value = getattr(state, name)
        if name in ("backfill", "dirty"):
            text = json.dumps(value)
        elif value is None:
            text = ""
        else:
            text = str(value)
        session.merge(StoreMeta(key=PREFIX + name, value=text))


def device_id(session: Session) -> uuid.UUID:
    value = session.get(StoreMeta, "device_id")
    if value is None:
        raise RuntimeError("the store has no device id")
    return uuid.UUID(value.value)


def held_children(session: Session) -> list[str]:
    return sorted(str(child) for child in session.scalars(select(SyncScope.child_id)))


def set_held_children(session: Session, children: list[str]) -> None:
    table = table_of(SyncScope)
    session.execute(sa.delete(table))
    if children:
        session.execute(sa.insert(table), [{"child_id": uuid.UUID(c)} for c in children])


def quarantined_seqs(session: Session) -> set[int]:
    return set(
        session.scalars(
            select(SyncQuarantine.device_seq).where(SyncQuarantine.status == "quarantined")
        )
    )


def pending_count(session: Session, device: uuid.UUID, acked: int) -> int:
    return int(
        session.scalar(
            select(sa.func.count())
            .select_from(JournalEntry)
            .where(JournalEntry.device_id == device, JournalEntry.device_seq > acked)
        )
        or 0
    )


def stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
