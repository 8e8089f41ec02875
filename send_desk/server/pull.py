"""Pull: the changes after a device's checkpoint, scoped to its user, paged, checksummed.

A page lists rows in change-number order (``row_version.seq``) with their current
values, or a tombstone for a deleted row. A row whose parent would only arrive on a
later page (a family member whose child was changed since) brings the parent along,
so a device can apply every page on its own. The device saves the page's
``checkpoint`` with the rows it applied, in one transaction, and resumes from it.

The first page also answers the device's *scope hash*: when it differs from the hash
of the children now in scope, the page carries the scope itself, and the device
fetches the children new to it (a **backfill**: every row of the named children up to
a change number) and removes the ones that left.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC
from functools import cache
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from send_desk.server import org_rules, schema
from send_desk.server.audit import record_children
from send_desk.server.db import is_sqlite, reading, writing
from send_desk.server.rows import CONFLICT_TABLE
from send_desk.server.scope import (
    Principal,
    scope_filter,
    scope_ids,
    sees_team_row,
    visible_rows,
)
from send_desk.storage.journal import encode
from send_desk.sync.protocol import MAX_PULL_PAGE, PullRequest, scope_hash
from send_desk.sync.tables import SyncTable, registry, row_as_json


def _among(connection: Connection, column: Any, ids: list[uuid.UUID]) -> Any:
    """``column IN ids``; on PostgreSQL ``column = ANY(array)``: one statement text
    whatever the number of ids, which the driver converts once and prepares, instead of
    a placeholder per id in a new text each time (a fifth of a pull's CPU)."""
    if connection.dialect.name != "postgresql":
        return column.in_(ids)
    from sqlalchemy.dialects import postgresql

    return column == sa.any_(sa.bindparam(None, ids, type_=postgresql.ARRAY(sa.Uuid())))


def _conflict_json(row: Any) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "table_name": row.table_name,
        "row_id": str(row.row_id),
        "child_id": str(row.child_id) if row.child_id else None,
        "field": row.field,
        "base": row.base,
        "kept_value": row.kept_value,
        "other_value": row.other_value,
        "kept_by": str(row.kept_by) if row.kept_by else None,
        "kept_at": encode(row.kept_at),
        "other_by": str(row.other_by) if row.other_by else None,
        "other_at": encode(row.other_at),
        "created_at": encode(row.created_at),
        "status": row.status,
        "resolved_by": str(row.resolved_by) if row.resolved_by else None,
        "resolved_at": encode(row.resolved_at),
        "resolution": row.resolution,
        "resolution_note": row.resolution_note,
    }


def _fetch(
    connection: Connection, name: str, ids: list[uuid.UUID], *, raw_json: bool = False
) -> dict[uuid.UUID, dict[str, Any]]:
    """Rows by id as the JSON values that travel; ``raw_json``: JSON columns as stored
    (``orjson.Fragment``, written into a page as they are, never parsed)."""
    if name == CONFLICT_TABLE:
        table = schema.conflict
        rows = connection.execute(sa.select(table).where(table.c.id.in_(ids))).all()
        return {row.id: _conflict_json(row) for row in rows}
    info = registry().get(name)
    if info is None:
        return {}
    columns, converters = _raw_columns(name, raw_json)
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        query = sa.select(*columns).where(_among(connection, info.table.c.id, chunk))
        for row in connection.execute(query):
            values = {
                key: None if value is None else convert(value)
                for (key, convert), value in zip(converters, row, strict=True)
            }
            found[uuid.UUID(values["id"])] = values
    return found


# A pull page reads rows without SQLAlchemy's result types and writes their JSON
# directly: SQLite hands back its stored text (UUIDs as 32 hex digits, dates and times
# as text, JSON as text, booleans as 0/1), PostgreSQL the driver's Python objects.


def _hex_uuid(value: Any) -> str:
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    if isinstance(value, str) and len(value) == 36 and value.islower():
        return value  # PostgreSQL's text of a uuid: already the form that travels
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


def _text_date(value: Any) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _text_moment(value: Any, *, utc: bool) -> str:
    if isinstance(value, str):
        text = value.replace(" ", "T", 1)
        if text.endswith(".000000"):
            text = text[:-7]
        return text + "+00:00" if utc else text
    if utc and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.isoformat())


def _utc_moment(value: Any) -> str:
    return _text_moment(value, utc=True)


def _naive_moment(value: Any) -> str:
    return _text_moment(value, utc=False)


def _json_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:  # NaN and the like, which only Python's json reads
        return json.loads(value)


def _json_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if "NaN" in value or "Infinity" in value:  # Python's json writes them; JSON has none
        return _json_value(value)
    return orjson.Fragment(value)


def _bool_value(value: Any) -> bool:
    return bool(value)


def _as_is(value: Any) -> Any:
    return value


@cache
def _raw_columns(name: str, raw_json: bool = False) -> tuple[list[Any], list[tuple[str, Any]]]:
    from send_desk.domain.base import UTCDateTime

    info = registry()[name]
    columns: list[Any] = []
    converters: list[tuple[str, Any]] = []
    for column_name in info.synced_columns:
        column = info.columns[column_name]
        kind = column.type
        if isinstance(kind, sa.Uuid):
            convert: Any = _hex_uuid
        elif isinstance(kind, UTCDateTime):
            convert = _utc_moment
        elif isinstance(kind, sa.DateTime):
            convert = _naive_moment
        elif isinstance(kind, sa.Date):
            convert = _text_date
        elif isinstance(kind, sa.JSON):
            convert = _json_text if raw_json else _json_value
        elif isinstance(kind, sa.Boolean):
            convert = _bool_value
        else:
            convert = _as_is
        raw = sa.Text() if isinstance(kind, sa.Uuid | sa.DateTime | sa.Date | sa.JSON) else kind
        if (raw_json and isinstance(kind, sa.JSON)) or isinstance(kind, sa.Uuid):
            # the stored text (PostgreSQL's driver would otherwise parse it, and a UUID
            # object made for each id only to be written back as text is most of a
            # pull's conversions)
            columns.append(sa.cast(info.table.c[column_name], sa.Text()).label(column_name))
        else:
            columns.append(sa.type_coerce(info.table.c[column_name], raw).label(column_name))
        converters.append((column_name, convert))
    return columns, converters


def _parents(
    connection: Connection,
    principal: Principal,
    values: dict[tuple[str, uuid.UUID], dict[str, Any]],
    after: int,
) -> dict[tuple[str, uuid.UUID], tuple[int, dict[str, Any]]]:
    """Parents of these rows that a device would otherwise only get on a later page
    (never team data the user may not see, never a record of a child outside the user's
    scope)."""
    tables = registry()
    wanted: dict[str, set[uuid.UUID]] = {}
    for (name, _row_id), row_values in values.items():
        info: SyncTable | None = tables.get(name)
        if info is None:
            continue
        for column, target in info.references().items():
            parent = row_values.get(column)
            if parent is not None and (target, uuid.UUID(str(parent))) not in values:
                wanted.setdefault(target, set()).add(uuid.UUID(str(parent)))
    extra: dict[tuple[str, uuid.UUID], tuple[int, dict[str, Any]]] = {}
    versions = schema.row_version
    for target, ids in wanted.items():
        late = [
            version
            for version in connection.execute(
                sa.select(
                    versions.c.row_id,
                    versions.c.seq,
                    versions.c.team_id,
                    versions.c.owner_id,
                    versions.c.child_id,
                ).where(
                    versions.c.table_name == target,
                    _among(connection, versions.c.row_id, list(ids)),
                    versions.c.seq > after,
                )
            ).all()
            if sees_team_row(principal, version.team_id, version.owner_id)
            or not tables[target].team_scoped
        ]
        if late and not principal.is_admin:
            # never a child's record outside the user's scope, whatever points at it
            children = sorted({str(v.child_id) for v in late if v.child_id is not None})
            seen = set(scope_filter(connection, principal, children)) if children else set()
            late = [v for v in late if v.child_id is None or str(v.child_id) in seen]
        if not late:
            continue
        parents = _fetch(connection, target, [version.row_id for version in late], raw_json=True)
        for version in late:
            if version.row_id in parents:
                extra[(target, version.row_id)] = (version.seq, parents[version.row_id])
    return extra


def pull(
    engine: Engine, principal: Principal, request: PullRequest, *, address: str | None = None
) -> dict[str, Any]:
    """One page, as plain data (the app serialises it once and checksums the bytes)."""
    limit = max(0, min(request.limit, MAX_PULL_PAGE))
    versions = schema.row_version
    with reading(engine, snapshot=True) as connection:
        server_seq = int(connection.execute(sa.select(schema.server_counter.c.value)).scalar_one())
        # the whole scope only when the device asks for it (once per sync pass)
        ids = scope_ids(connection, principal) if request.scope_hash is not None else None
        digest = scope_hash(ids) if ids is not None else None
        scope = ids if ids is not None and request.scope_hash != digest else None
        if limit == 0 or (scope is not None and request.checkpoint > 0):
            # a scope check only, or a first page whose scope changed after a first
            # sync: the device takes the new scope and backfills before it asks again
            start = request.checkpoint
            rows: Sequence[sa.Row[Any]] = []
        elif request.children is not None:
            wanted = scope_filter(connection, principal, request.children)
            until = request.until if request.until is not None else server_seq
            query = (
                sa.select(versions)
                .where(
                    versions.c.child_id.in_([uuid.UUID(c) for c in wanted]),
                    versions.c.seq > request.after,
                    versions.c.seq <= until,
                )
                .order_by(versions.c.seq)
                .limit(limit)
            )
            start = request.after
            rows = connection.execute(query).all() if wanted else []
        else:
            query = sa.select(versions).where(versions.c.seq > request.checkpoint)
            if not principal.is_admin:
                query = query.where(visible_rows(principal))
            start = request.checkpoint
            rows = connection.execute(query.order_by(versions.c.seq).limit(limit)).all()
        by_table: dict[str, list[uuid.UUID]] = {}
        for row in rows:
            if not row.deleted:
                by_table.setdefault(row.table_name, []).append(row.row_id)
        fetched: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        for name, row_ids in by_table.items():
            for row_id, values in _fetch(connection, name, row_ids, raw_json=True).items():
                fetched[(name, row_id)] = values
        last = rows[-1].seq if rows else start
        # a clash over organisation data only reaches those who may write that row
        hidden = {
            (CONFLICT_TABLE, row_id)
            for (name, row_id), values in fetched.items()
            if name == CONFLICT_TABLE
            and values.get("child_id") is None
            and not org_rules.conflict_visible(
                connection, principal, values["table_name"], uuid.UUID(values["row_id"]),
                values.get("kept_value"),
            )
        }  # fmt: skip
        extra = _parents(connection, principal, fetched, last)
        if extra:
            more_parents = _parents(
                connection, principal, {k: v for k, (_s, v) in extra.items()}, last
            )
            extra.update({k: v for k, v in more_parents.items() if k not in extra})
        changes: list[dict[str, Any]] = [
            {"seq": seq, "table": name, "id": str(row_id), "deleted": False, "values": values}
            for (name, row_id), (seq, values) in extra.items()
            if (name, row_id) not in fetched
        ]
        children: set[uuid.UUID] = set()
        for row in rows:
            if (row.table_name, row.row_id) in hidden:
                continue
            current = fetched.get((row.table_name, row.row_id))
            deleted = bool(row.deleted) or current is None
            changes.append(
                {
                    "seq": row.seq,
                    "table": row.table_name,
                    "id": str(row.row_id),
                    "deleted": deleted,
                    "values": None if deleted else current,
                }
            )
            if row.child_id is not None and not deleted and row.table_name != CONFLICT_TABLE:
                children.add(row.child_id)
        detail = "backfill" if request.children is not None else "sync pull"
        if children and not is_sqlite(engine):
            # on PostgreSQL in the page's own transaction (an insert does not disturb
            # its snapshot): one transaction a pull; SQLite's reader cannot become a
            # writer safely, so it writes after, as before
            record_children(connection, principal, "pull", children, detail=detail,
                            address=address)  # fmt: skip
            children = set()
    if children:
        with writing(engine) as connection:
            record_children(connection, principal, "pull", children, detail=detail, address=address)
    return {
        "changes": changes,
        "checkpoint": last,
        "more": limit > 0 and len(rows) == limit,
        "server_seq": server_seq,
        "scope": scope,
        "scope_hash": digest,
    }


def fetch_child(connection: Connection, child_id: uuid.UUID) -> dict[str, Any] | None:
    """One child's record with its rows (for ``GET /api/children/{id}``)."""
    tables = registry()
    child = _fetch(connection, "child", [child_id]).get(child_id)
    if child is None:
        return None
    related: dict[str, list[dict[str, Any]]] = {}
    for name, info in tables.items():
        if info.child_column == "child_id":
            rows = connection.execute(
                sa.select(info.table).where(info.table.c.child_id == child_id)
            ).mappings()
            related[name] = [row_as_json(info, dict(row)) for row in rows]
    return {"child": child, "related": related}


def known_children(connection: Connection, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    table = registry()["child"].table
    return set(connection.execute(sa.select(table.c.id).where(table.c.id.in_(list(ids)))).scalars())
