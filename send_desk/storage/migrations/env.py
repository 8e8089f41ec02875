"""Alembic environment: always given an open connection by send_desk.storage.migrate."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlmodel import SQLModel

import send_desk.domain.tables  # noqa: F401  (registers every table on the metadata)
from send_desk.domain.base import UTCDateTime

target_metadata = SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    # Migrations must not import application types that may change later.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if type_ == "type" and type(obj).__name__ == "AutoString":
        return "sa.String()"
    return False


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # The notes' full-text index is a virtual table made by hand in migration 0004.
    from send_desk.domain.notes import is_search_table

    return not (type_ == "table" and is_search_table(name))


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through send_desk.storage.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    render_item=render_item,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
