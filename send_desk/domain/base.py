"""Column types and mixins shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from send_desk.ids import uuid7


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC instants; always hands back timezone-aware UTC datetimes.

    SQLite keeps no offset, so naive values coming back are UTC by construction.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_field(**kwargs: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kwargs)


class Record(SQLModel):
    """Id and audit columns every journaled table has (who and when, in UTC)."""

    id: uuid.UUID = Field(default_factory=uuid7, primary_key=True)
    created_at: datetime | None = utc_field(default=None)
    created_by: uuid.UUID | None = Field(default=None)
    updated_at: datetime | None = utc_field(default=None)
    updated_by: uuid.UUID | None = Field(default=None)


AUDIT_COLUMNS = frozenset({"created_at", "created_by", "updated_at", "updated_by"})
