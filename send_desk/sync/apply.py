"""Writing what a pull brought into the laptop's store.

Pulled rows are written with Core statements, never through the ORM session's unit
of work, so they create **no journal entries**: the outbox holds only what this laptop
changed. A row (or field) with changes the central store has not accepted yet is
never overwritten: an unsent insert or delete keeps the whole row, an unsent update
keeps that field.

Within a page, rows are written parents first (the tables' foreign-key order) and
deletions children first. Rows are upserted per table in one statement; if the
database refuses that batch, rows are written one at a time and a row it still
refuses marks its child for a whole refetch (a *backfill*) instead of stopping the
sync.

Derived data is brought up to date for the children a page changed: the cached
stage from their events, and whatever else registered an :data:`AFTER_PULL` hook
(the statutory clock's milestones). A pulled row marks its child only when it is new
here or changes a value the derived data reads (:data:`DERIVED_READS`): a laptop that
pulls back its own edits, or a name changed elsewhere, recomputes no child.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from send_desk.domain.base import AUDIT_COLUMNS
from send_desk.domain.sync_state import SyncConflict
from send_desk.domain.tables import table_of
from send_desk.sync import fts
from send_desk.sync.outbox import Pending
from send_desk.sync.tables import SyncTable, derived_defaults, registry
from send_desk.timeutil import london_today

log = logging.getLogger(__name__)

CONFLICT_TABLE = "conflict"

# Called after each applied page with the ids of the children whose rows changed.
AfterPull = Callable[[Session, set[uuid.UUID], date], None]
AFTER_PULL: list[AfterPull] = []
# What the derived data (the stage here, and each AFTER_PULL hook) reads of each synced
# table: the columns, or None for all but who changed the row and when. A hook that
# reads more than this says so with reads_also, or its children go stale on a pull.
DERIVED_READS: dict[str, frozenset[str] | None] = {"case_event": None}  # the stage


def reads_also(reads: Mapping[str, frozenset[str] | None]) -> None:
    """Add what a hook reads to :data:`DERIVED_READS`."""
    for table, columns in reads.items():
        known = DERIVED_READS.get(table, frozenset())
        DERIVED_READS[table] = None if known is None or columns is None else known | columns


@lru_cache(maxsize=65536)
def _uuid_of(text: str) -> uuid.UUID:
    return uuid.UUID(text)


@dataclass
class PageResult:
    rows: int = 0
    deleted: int = 0
    kept_local: int = 0
    conflicts: int = 0
    children: set[uuid.UUID] = field(default_factory=set)  # whose rows the page changed
    # whose derived data the page changed (DERIVED_READS): the ones to recompute
    recompute: set[uuid.UUID] = field(default_factory=set)
    refetch: set[uuid.UUID] = field(default_factory=set)


def _child_of(info: SyncTable, values: dict[str, Any], session: Session) -> uuid.UUID | None:
    if info.child_column is not None:
        value = values.get(info.child_column)
        if not value:
            return None
        return value if isinstance(value, uuid.UUID) else _uuid_of(str(value))
    if info.parent is not None:
        column, parent = info.parent
        parent_id = values.get(column)
        if parent_id is None:
            return None
        parent_info = registry()[parent]
        row = (
            session.execute(
                sa.select(parent_info.table).where(
                    parent_info.table.c.id == uuid.UUID(str(parent_id))
                )
            )
            .mappings()
            .first()
        )
        return _child_of(parent_info, dict(row), session) if row else None
    return None


# --- rows written straight in the local store's storage format -----------------
#
# A first sync writes tens of thousands of rows: turning each JSON value into a Python
# object only for SQLAlchemy to turn it into SQLite's text again costs more than the
# writing. Pulled rows are therefore written with the DB-API in SQLite's formats for
# SQLAlchemy's types (UUID: 32 hex digits; date: YYYY-MM-DD; date and time: UTC
# "YYYY-MM-DD HH:MM:SS.ffffff"; booleans 0/1; JSON as text), which is what SQLAlchemy
# itself writes and reads back. Tests read every pulled table back through the ORM.


def _sqlite_uuid(value: Any) -> str:
    text = str(value)
    return text.replace("-", "") if len(text) == 36 else uuid.UUID(text).hex


# a moment as the central store sends it: UTC (or naive), seconds or microseconds
_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?(?:\+00:00)?")


def _sqlite_datetime(value: Any) -> str:
    if isinstance(value, str) and _MOMENT.fullmatch(value):
        # the common case, rewritten as text (a quarter of the cost of parsing it)
        fraction = value[19:26] if value[19:20] == "." else ".000000"
        return f"{value[:10]} {value[11:19]}{fraction}"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_date(value: Any) -> str:
    return (
        value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)).isoformat()
    )


def _sqlite_bool(value: Any) -> int:
    return 1 if value else 0


def _sqlite_json(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def _sqlite_same(value: Any) -> Any:
    return value


@cache
def _sqlite_columns(name: str) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    info = registry()[name]
    out: list[tuple[str, Callable[[Any], Any]]] = []
    columns = list(info.synced_columns) + [
        c for c in derived_defaults(info) if c not in info.synced_columns
    ]
    for column_name in columns:
        kind = info.columns[column_name].type
        if isinstance(kind, sa.Uuid):
            convert: Callable[[Any], Any] = _sqlite_uuid
        elif isinstance(kind, sa.DateTime) or isinstance(getattr(kind, "impl", None), sa.DateTime):
            convert = _sqlite_datetime
        elif isinstance(kind, sa.Date):
            convert = _sqlite_date
        elif isinstance(kind, sa.Boolean):
            convert = _sqlite_bool
        elif isinstance(kind, sa.JSON):
            convert = _sqlite_json
        else:
            convert = _sqlite_same
        out.append((column_name, convert))
    return tuple(out)


@cache
def _upsert_sql(name: str) -> str:
    info = registry()[name]
    columns = [column for column, _ in _sqlite_columns(name)]
    sql = f'INSERT INTO "{name}" ({", ".join(columns)}) VALUES ({", ".join("?" for _ in columns)})'
    if info.append_only:
        return sql + " ON CONFLICT(id) DO NOTHING"
    updates = ", ".join(
        f"{c} = excluded.{c}" for c in columns if c != "id" and c in info.synced_columns
    )
    return sql + f" ON CONFLICT(id) DO UPDATE SET {updates}"


@cache
def _storage_spec(name: str) -> tuple[tuple[str, Callable[[Any], Any] | None, Any], ...]:
    """(column, converter or None when the value is stored as it is, default) per column."""
    defaults = derived_defaults(registry()[name])
    return tuple(
        (column, None if convert is _sqlite_same else convert, defaults.get(column))
        for column, convert in _sqlite_columns(name)
    )


def _storage_rows(info: SyncTable, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    spec = _storage_spec(info.name)
    return [
        tuple(
            [
                value
                if (value := row.get(column, default)) is None or convert is None
                else convert(value)
                for column, convert, default in spec
            ]
        )
        for row in rows
    ]


def _json_text(text: Any) -> Any:
    """Stored JSON text in the form _sqlite_json writes (another writer may space it)."""
    return text if text is None else _sqlite_json(orjson.loads(text))


@cache
def _read_columns(name: str) -> tuple[tuple[str, Callable[[Any], Any] | None, Any], ...]:
    """The storage spec of the columns derived data reads of this table."""
    reads = DERIVED_READS[name]
    return tuple(
        spec
        for spec in _storage_spec(name)
        if (spec[0] in reads if reads is not None else spec[0] not in AUDIT_COLUMNS)
        and spec[0] in registry()[name].synced_columns
        and spec[0] != "id"
    )


def _changes_derived(session: Session, info: SyncTable, rows: list[dict[str, Any]]) -> list[bool]:
    """For each pulled row (before it is written): is it new here, or does it change a
    value derived data reads? Values are compared in storage form; a value stored in
    another form counts as changed (a needless recompute, never a stale one)."""
    if info.name not in DERIVED_READS:
        return [False] * len(rows)
    spec = _read_columns(info.name)
    keys = [_sqlite_uuid(row["id"]) for row in rows]
    local: dict[Any, tuple[Any, ...]] = {}
    columns = ", ".join(["id"] + [f'"{column}"' for column, _, _ in spec])
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        sql = f'SELECT {columns} FROM "{info.name}" WHERE id IN ({", ".join("?" * len(chunk))})'
        for found in session.connection().exec_driver_sql(sql, tuple(chunk)):
            local[found[0]] = tuple(
                _json_text(value) if convert is _sqlite_json else value
                for value, (_, convert, _) in zip(found[1:], spec, strict=True)
            )
    out: list[bool] = []
    for key, row in zip(keys, rows, strict=True):
        before = local.get(key)
        after = tuple(
            value
            if (value := row.get(column, default)) is None or convert is None
            else convert(value)
            for column, convert, default in spec
        )
        out.append(before is None or before != after)
    return out


def _upsert(session: Session, info: SyncTable, rows: list[dict[str, Any]]) -> None:
    session.connection().exec_driver_sql(_upsert_sql(info.name), _storage_rows(info, rows))


def _write_rows(
    session: Session, info: SyncTable, rows: list[dict[str, Any]], result: PageResult
) -> None:
    """Upsert pulled rows (JSON values) of one table; a refused row marks its child."""
    if not rows:
        return
    try:
        with session.begin_nested():
            if info.name == fts.NOTES_TABLE:
                # the notes' full-text index: built once for the batch, not row by row
                with fts.deferred_note_index(session.connection(), len(rows)):
                    _upsert(session, info, rows)
            else:
                _upsert(session, info, rows)
        result.rows += len(rows)
        return
    except DBAPIError as error:
        log.info("pulled %s rows refused as a batch (%s); one at a time", info.name, error.orig)
    for row in rows:
        try:
            with session.begin_nested():
                _upsert(session, info, [row])
            result.rows += 1
        except DBAPIError as error:
            child = _child_of(info, row, session)
            log.warning("pulled %s %s refused: %s", info.name, row.get("id"), error.orig)
            if child is not None:
                result.refetch.add(child)


def _write_fields(
    session: Session, info: SyncTable, row: dict[str, Any], keep: set[str], result: PageResult
) -> None:
    """Update a row's fields except the ones with unsent changes."""
    changes = {k: v for k, v in row.items() if k not in keep and k != "id"}
    if not changes or info.append_only:
        return
    try:
        with session.begin_nested():
            session.execute(
                sa.update(info.table).where(info.table.c.id == row["id"]).values(**changes)
            )
        result.rows += 1
    except DBAPIError as error:
        log.warning("pulled %s %s refused: %s", info.name, row.get("id"), error.orig)


def _conflict_values(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, column in table_of(SyncConflict).columns.items():
        if name not in values or name == "pending_choice":
            continue
        value = values[name]
        if value is not None and isinstance(column.type, sa.Uuid):
            value = uuid.UUID(str(value))
        elif value is not None and name.endswith("_at"):
            value = datetime.fromisoformat(str(value))
        out[name] = value
    return out


def _write_conflicts(session: Session, changes: list[dict[str, Any]], result: PageResult) -> None:
    table = table_of(SyncConflict)
    for change in changes:
        conflict_id = uuid.UUID(change["id"])
        if change.get("deleted") or not change.get("values"):
            session.execute(sa.delete(table).where(table.c.id == conflict_id))
            continue
        values = _conflict_values(change["values"])
        exists = session.execute(
            sa.select(table.c.pending_choice).where(table.c.id == conflict_id)
        ).first()
        if exists is None:
            session.execute(sa.insert(table).values(**values))
        else:
            if exists.pending_choice is not None and values.get("status") == "resolved":
                values["pending_choice"] = None
            elif exists.pending_choice is not None:
                # resolved here, not yet on the server: keep our resolution
                values = {k: v for k, v in values.items() if k not in ("status", "resolution")}
            session.execute(sa.update(table).where(table.c.id == conflict_id).values(**values))
        result.conflicts += 1


def apply_changes(
    session: Session,
    changes: list[dict[str, Any]],
    pending: Pending,
    *,
    skip_children: set[uuid.UUID] | None = None,
) -> PageResult:
    """Apply one pull page in the caller's transaction."""
    tables = registry()
    result = PageResult()
    upserts: dict[str, list[dict[str, Any]]] = {}
    owners: dict[str, list[set[uuid.UUID]]] = {}  # the children of each upserted row
    deletes: dict[str, list[uuid.UUID]] = {}
    conflicts: list[dict[str, Any]] = []
    for change in changes:
        name = change["table"]
        if name == CONFLICT_TABLE:
            conflicts.append(change)
            continue
        info = tables.get(name)
        if info is None:
            log.info("pulled a row of %s, a table this version does not know", name)
            continue
        row_id = str(change["id"])
        if pending.blocks_row(name, row_id):
            result.kept_local += 1
            continue
        if change.get("deleted"):
            deletes.setdefault(name, []).append(uuid.UUID(row_id))
            continue
        values = dict(change.get("values") or {})
        values["id"] = change["id"]
        child = _child_of(info, values, session)
        if skip_children and child in skip_children:
            continue
        keep = pending.blocked_fields(name, row_id)
        if keep:
            result.kept_local += 1
            _write_fields(session, info, info.decode(values), keep, result)
            result.recompute |= _mark(session, name, row_id, child, result)
        else:
            upserts.setdefault(name, []).append(values)
            owners.setdefault(name, []).append(_mark(session, name, row_id, child, result))
    for name, rows in upserts.items():
        marks = _changes_derived(session, tables[name], rows)
        for found, marked in zip(owners[name], marks, strict=True):
            if marked:
                result.recompute |= found
    ordered = sorted(tables.values(), key=lambda info: info.order)
    for info in ordered:
        _write_rows(session, info, upserts.get(info.name, []), result)
    for info in reversed(ordered):
        for gone in deletes.get(info.name, []):
            row = (
                session.execute(sa.select(info.table).where(info.table.c.id == gone))
                .mappings()
                .first()
            )
            if row is None:
                continue
            child = _child_of(info, dict(row), session)
            try:
                with session.begin_nested():
                    session.execute(sa.delete(info.table).where(info.table.c.id == gone))
                result.deleted += 1
                if child is not None:
                    result.children.add(child)
                    result.recompute.add(child)
            except DBAPIError as error:
                log.warning("pulled deletion of %s %s refused: %s", info.name, gone, error.orig)
    _write_conflicts(session, conflicts, result)
    return result


def _mark(
    session: Session, name: str, row_id: str, child: uuid.UUID | None, result: PageResult
) -> set[uuid.UUID]:
    """Adds the children a pulled row is about to the page's, and returns them."""
    if child is not None:
        found = {child}
    elif name == "setting":
        found = _children_at_setting(session, _uuid_of(row_id))
    else:
        found = set()
    result.children |= found
    return found


def _children_at_setting(session: Session, setting_id: uuid.UUID) -> set[uuid.UUID]:
    placements = registry().get("placement")
    if placements is None:
        return set()
    table = placements.table
    return set(
        session.scalars(
            sa.select(table.c.child_id).where(
                table.c.setting_id == setting_id, table.c.end_date.is_(None)
            )
        )
    )


def refresh_derived(
    session: Session, children: Iterable[uuid.UUID], today: date | None = None
) -> None:
    """Bring cached data up to date for these children (stage, then the hooks)."""
    ids = {child for child in children}
    if not ids:
        return
    day = today or london_today()
    _refresh_stage(session, ids)
    for hook in AFTER_PULL:
        hook(session, ids, day)


def _refresh_stage(session: Session, ids: set[uuid.UUID]) -> None:
    from send_desk.domain.stage import derive_stage

    tables = registry()
    children = tables["child"].table
    events = tables["case_event"].table
    id_list = list(ids)
    found: dict[uuid.UUID, list[tuple[str, Any, Any]]] = {child: [] for child in id_list}
    stages: dict[uuid.UUID, str] = {}
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        for row in session.execute(
            sa.select(events.c.child_id, events.c.type, events.c.date, events.c.details).where(
                events.c.child_id.in_(chunk), ~events.c.withdrawn
            )
        ):
            found[row.child_id].append((row.type, row.date, row.details))
        for row in session.execute(
            sa.select(children.c.id, children.c.stage).where(children.c.id.in_(chunk))
        ):
            stages[row.id] = row.stage
    changed = [
        {"key": child, "stage": stage}
        for child, rows in found.items()
        if child in stages and stages[child] != (stage := derive_stage(rows).value)
    ]
    if changed:
        session.execute(
            sa.update(children).where(children.c.id == sa.bindparam("key")),
            changed,
        )


def _milestones_hook() -> AfterPull | None:
    """The statutory clock's recompute, when this build has it."""
    try:
        from send_desk.services import milestones
    except ImportError:
        return None
    recompute = getattr(milestones, "recompute_children", None)
    if recompute is None:
        return None

    def hook(session: Session, ids: set[uuid.UUID], today: date) -> None:
        recompute(session, sorted(ids, key=str), today=today)

    reads_also(milestones.CLOCK_READS)
    return hook


_clock = _milestones_hook()
if _clock is not None:
    AFTER_PULL.append(_clock)


def remove_children(session: Session, children: Iterable[uuid.UUID]) -> int:
    """Take children (and everything of theirs) off the laptop, without journal entries.

    Their history in the journal goes too: a laptop holds only what its user may see.
    """
    ids = list(set(children))
    if not ids:
        return 0
    from send_desk.domain.journal import JournalEntry
    from send_desk.domain.sync_state import SyncScope

    tables = registry()
    metadata = tables["child"].table.metadata
    removed_rows: list[uuid.UUID] = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # tables that reach the child through another table first
        for info in sorted(tables.values(), key=lambda i: i.order, reverse=True):
            if info.parent is None:
                continue
            column, parent = info.parent
            parent_table = tables[parent].table
            owner = tables[parent].child_column
            if owner is None:
                continue
            parent_ids = sa.select(parent_table.c.id).where(parent_table.c[owner].in_(chunk))
            removed_rows += list(
                session.scalars(
                    sa.select(info.table.c.id).where(info.table.c[column].in_(parent_ids))
                )
            )
            session.execute(sa.delete(info.table).where(info.table.c[column].in_(parent_ids)))
        # every other table with a child_id column: journaled rows, caches, drafts
        for table in reversed(metadata.sorted_tables):
            if "child_id" not in table.c or table.name in ("journal",):
                continue
            if table.name in tables:
                removed_rows += list(
                    session.scalars(sa.select(table.c.id).where(table.c.child_id.in_(chunk)))
                )
            session.execute(sa.delete(table).where(table.c.child_id.in_(chunk)))
        session.execute(
            sa.delete(tables["child"].table).where(tables["child"].table.c.id.in_(chunk))
        )
        session.execute(
            sa.delete(table_of(SyncScope)).where(table_of(SyncScope).c.child_id.in_(chunk))
        )
    journal = table_of(JournalEntry)
    for start in range(0, len(removed_rows), 500):
        session.execute(
            sa.delete(journal).where(journal.c.row_id.in_(removed_rows[start : start + 500]))
        )
    return len(ids)
