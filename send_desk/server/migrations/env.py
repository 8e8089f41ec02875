"""Alembic environment of the central store: given an open connection by server.db."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context

from send_desk.domain.base import UTCDateTime
from send_desk.server.db import target_metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    # Migrations must not import application types that may change later.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if type_ == "type" and type(obj).__name__ == "AutoString":
        return "sa.String()"
    return False


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through send_desk.server.db, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=target_metadata(),
    render_as_batch=True,
    render_item=render_item,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
