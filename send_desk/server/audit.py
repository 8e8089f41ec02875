"""The server's audit trail: every read and write of a child's record, by whom, when.

Actions: ``read`` (a record fetched), ``pull`` (rows sent to a laptop), ``write`` (a
change applied or a clash recorded), ``denied`` (a request outside the user's
caseload: nothing was sent), ``login``, ``login_failed``, ``wipe`` and the admin
commands (``admin``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.server import schema
from send_desk.server.scope import Principal
from send_desk.timeutil import utcnow


def record(
    connection: Connection,
    action: str,
    *,
    user_id: uuid.UUID | None,
    device_id: uuid.UUID | None = None,
    child_id: uuid.UUID | None = None,
    detail: str | None = None,
    address: str | None = None,
) -> None:
    connection.execute(
        sa.insert(schema.audit).values(
            at=utcnow(),
            user_id=user_id,
            device_id=device_id,
            action=action,
            child_id=child_id,
            detail=detail,
            address=address,
        )
    )


def record_children(
    connection: Connection,
    principal: Principal,
    action: str,
    children: Iterable[uuid.UUID],
    *,
    detail: str | None = None,
    address: str | None = None,
) -> int:
    now = utcnow()
    ids = sorted(set(children), key=str)
    if len(ids) > 1 and connection.dialect.name == "postgresql":
        # a pull sends a few hundred children: one statement with the ids as an array,
        # not a row of parameters each (the largest cost of a pull of colleagues' work)
        _record_many(connection, principal, action, ids, now, detail, address)
        return len(ids)
    rows = [
        {
            "at": now,
            "user_id": principal.user_id,
            "device_id": principal.device_id,
            "action": action,
            "child_id": child,
            "detail": detail,
            "address": address,
        }
        for child in ids
    ]
    if rows:
        connection.execute(sa.insert(schema.audit), rows)
    return len(rows)


def _record_many(
    connection: Connection,
    principal: Principal,
    action: str,
    ids: list[uuid.UUID],
    now: datetime,
    detail: str | None,
    address: str | None,
) -> None:
    from sqlalchemy.dialects import postgresql

    table = schema.audit
    listed = (
        sa.func.unnest(sa.bindparam("children", ids, type_=postgresql.ARRAY(sa.Uuid())))
        .table_valued("child_id", with_ordinality="n")
        .render_derived()
    )
    same = {  # the same for every row
        "at": sa.bindparam("at", now, type_=table.c.at.type),
        "user_id": sa.bindparam("user_id", principal.user_id, type_=table.c.user_id.type),
        "device_id": sa.bindparam("device_id", principal.device_id, type_=table.c.device_id.type),
        "action": sa.bindparam("action", action, type_=table.c.action.type),
        "detail": sa.bindparam("detail", detail, type_=table.c.detail.type),
        "address": sa.bindparam("address", address, type_=table.c.address.type),
    }
    rows = sa.select(*(value.label(name) for name, value in same.items()), listed.c.child_id)
    connection.execute(sa.insert(table).from_select([*same, "child_id"], rows.order_by(listed.c.n)))


def trail(
    connection: Connection,
    *,
    child_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    action: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    table = schema.audit
    query = sa.select(table).order_by(table.c.id.desc()).limit(limit)
    if child_id is not None:
        query = query.where(table.c.child_id == child_id)
    if user_id is not None:
        query = query.where(table.c.user_id == user_id)
    if action is not None:
        query = query.where(table.c.action == action)
    return [
        {
            "at": row.at.isoformat(),
            "user_id": str(row.user_id) if row.user_id else None,
            "device_id": str(row.device_id) if row.device_id else None,
            "action": row.action,
            "child_id": str(row.child_id) if row.child_id else None,
            "detail": row.detail,
            "address": row.address,
        }
        for row in connection.execute(query)
    ]
