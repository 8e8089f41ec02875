"""What the laptop keeps about its sync with the central store (never journaled, never
synced): the children it holds, the changes the server refused, and the conflicts.

The scalar state (server address, acknowledged mutation number, pull checkpoint,
last sync) lives in ``store_meta`` under ``sync.*`` keys.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from send_desk.domain.base import utc_field


class SyncScope(SQLModel, table=True):
    """A child this laptop holds because the central store said it is in scope."""

    __tablename__ = "sync_scope"

    child_id: uuid.UUID = Field(primary_key=True)


class SyncQuarantine(SQLModel, table=True):
    """A change of this laptop's journal that the central store refused, and why.

    It stays here (and its value stays on the laptop) until someone retries it after
    putting the reason right, or discards it with a reason of their own.
    """

    __tablename__ = "sync_quarantine"

    device_seq: int = Field(primary_key=True)
    reason: str
    at: datetime = utc_field()
    status: str = Field(default="quarantined", max_length=12)  # quarantined, discarded, retried
    discard_reason: str | None = None
    closed_at: datetime | None = utc_field(default=None)
    closed_by: uuid.UUID | None = None


class SyncConflict(SQLModel, table=True):
    """Two people changed the same field: the value kept and the other, with who and when."""

    __tablename__ = "sync_conflict"

    id: uuid.UUID = Field(primary_key=True)
    table_name: str = Field(max_length=40)
    row_id: uuid.UUID
    child_id: uuid.UUID | None = Field(default=None, index=True)
    field: str | None = Field(default=None, max_length=60)
    base: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    kept_value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    other_value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    kept_by: uuid.UUID | None = None
    kept_at: datetime | None = utc_field(default=None)
    other_by: uuid.UUID | None = None
    other_at: datetime | None = utc_field(default=None)
    created_at: datetime | None = utc_field(default=None)
    status: str = Field(default="open", max_length=10)  # open, resolved
    resolved_by: uuid.UUID | None = None
    resolved_at: datetime | None = utc_field(default=None)
    resolution: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    resolution_note: str | None = None
    # resolved on this laptop; the central store is told at the next sync
    pending_choice: str | None = Field(default=None, max_length=10)
