"""The field-level change journal: the record's history and, later, the sync outbox."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from send_desk.domain.base import utc_field


class JournalEntry(SQLModel, table=True):
    """One change: an insert (no values: they are the row's), a field's update
    (old and new value) or a delete (the whole row as it was).

    ``old_value`` and ``new_value`` are JSON text. ``(device_id, device_seq)`` names an
    entry everywhere: ``device_seq`` is the device's own monotonically increasing
    mutation number.
    """

    __tablename__ = "journal"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    seq: int | None = Field(default=None, primary_key=True)
    device_id: uuid.UUID
    device_seq: int
    table_name: str = Field(max_length=40)
    row_id: uuid.UUID = Field(index=True)
    op: str = Field(max_length=10)  # insert, update, delete, import
    field: str | None = Field(default=None, max_length=60)
    old_value: str | None = None
    new_value: str | None = None
    user_id: uuid.UUID | None = None
    at: datetime = utc_field()


class DeviceState(SQLModel, table=True):
    """The next mutation number of this store's device."""

    __tablename__ = "device_state"

    device_id: uuid.UUID = Field(primary_key=True)
    next_seq: int = 1


class StoreMeta(SQLModel, table=True):
    """Key/value facts about the local store (its id, device, signed-in user)."""

    __tablename__ = "store_meta"

    key: str = Field(primary_key=True, max_length=40)
    value: str
