"""Writing case rows on the central store, and the change sequence a pull follows.

Every write goes through a :class:`Writer` bound to one transaction. When the work is
done, :meth:`Writer.finish` takes a block of numbers from the server counter (an
``UPDATE ... RETURNING`` whose row lock is held until commit, so numbers become
visible in commit order and a pull can never step over a change that commits
late) and stamps each touched row in ``row_version``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, event
from sqlalchemy.dialects import postgresql, sqlite

from send_desk.domain.base import AUDIT_COLUMNS
from send_desk.server import schema
from send_desk.sync.tables import SyncTable, derived_defaults, registry

CONFLICT_TABLE = "conflict"  # conflicts travel in the pull stream under this name
# A new row of these tables (or a changed event) changes the child's cached stage.
_CLOCK_TABLES = frozenset({"case_event", "child"})


@cache
def _update_statement(table: sa.Table, columns: tuple[str, ...]) -> sa.Update:
    """One UPDATE per table and set of columns, built once: a push of 1,000 edits
    otherwise builds (and keys for the statement cache) 1,000 statements."""
    return (
        sa.update(table)
        .where(table.c.id == sa.bindparam("row_id_", type_=table.c.id.type))
        .values({c: sa.bindparam(f"new_{c}", type_=table.c[c].type) for c in columns})
    )


# Who a touched row goes to: its child, whether it was deleted, and for team data its
# team and owner (see schema.row_version).
Stamp = tuple[uuid.UUID | None, bool, uuid.UUID | None, uuid.UUID | None]
Audience = tuple[uuid.UUID | None, uuid.UUID | None]


class Writer:
    """Row writes in one transaction, stamped with change numbers at the end."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.touched: dict[tuple[str, uuid.UUID], Stamp] = {}
        self.event_children: set[uuid.UUID] = set()
        self._pending: dict[tuple[str, uuid.UUID], Stamp] = {}
        self._pending_events: set[uuid.UUID] = set()
        # rows read in this transaction (None: not there), kept in step with our writes
        self._rows: dict[tuple[str, uuid.UUID], dict[str, Any] | None] = {}
        self._undo: list[tuple[tuple[str, uuid.UUID], dict[str, Any] | None, bool]] = []
        # updates held back while deferring (see deferring): (row, statement, values)
        self._deferred: list[tuple[tuple[str, uuid.UUID], sa.Update, dict[str, Any]]] = []
        self._deferred_kept = 0  # how many of them belong to kept entries
        self._deferred_rows: set[tuple[str, uuid.UUID]] = set()
        self._deferring = False

    # -- per entry: writes are kept apart until the entry succeeds (savepoints)

    def keep(self) -> None:
        self._deferred_kept = len(self._deferred)
        self.touched.update(self._pending)
        self.event_children |= self._pending_events
        self._pending = {}
        self._pending_events = set()
        self._undo = []

    def discard(self) -> None:
        del self._deferred[self._deferred_kept :]
        self._deferred_rows = {key for key, _, _ in self._deferred}
        self._pending = {}
        self._pending_events = set()
        for key, before, known in reversed(self._undo):
            if known:
                self._rows[key] = before
            else:
                self._rows.pop(key, None)
        self._undo = []

    def _remember(self, key: tuple[str, uuid.UUID], row: dict[str, Any] | None) -> None:
        known = key in self._rows
        self._undo.append((key, self._rows.get(key), known))
        self._rows[key] = row

    def _touch(
        self,
        info: SyncTable,
        row_id: uuid.UUID,
        child: uuid.UUID | None,
        deleted: bool,
        *,
        clock: bool = False,
        audience: Audience = (None, None),
    ) -> None:
        key = (info.name, row_id)
        self._pending.pop(key, None)
        self.touched.pop(key, None)
        self._pending[key] = (child, deleted, *audience)
        if clock and child is not None:
            self._pending_events.add(child)

    def touch_conflict(
        self, conflict_id: uuid.UUID, child: uuid.UUID | None, audience: Audience = (None, None)
    ) -> None:
        """A conflict goes to the users of the row it is about (``audience``: the team
        data row's, see :meth:`SyncTable.audience`)."""
        key = (CONFLICT_TABLE, conflict_id)
        self._pending.pop(key, None)
        self.touched.pop(key, None)
        self._pending[key] = (child, False, *audience)

    # -- reading

    def get(
        self, info: SyncTable, row_id: uuid.UUID, *, lock: bool = False
    ) -> dict[str, Any] | None:
        key = (info.name, row_id)
        if key in self._rows:
            row = self._rows[key]
            return dict(row) if row is not None else None
        query = sa.select(info.table).where(info.table.c.id == row_id)
        if lock and self.connection.dialect.name == "postgresql":
            query = query.with_for_update()
        found = self.connection.execute(query).mappings().first()
        self._rows[key] = dict(found) if found is not None else None
        return dict(found) if found is not None else None

    def lock_rows(self, keys: Iterable[tuple[str, uuid.UUID]]) -> None:
        """Read (and on PostgreSQL lock, in a fixed order: no deadlocks) the rows a push
        will change, in one query per table."""
        tables = registry()
        by_table: dict[str, list[uuid.UUID]] = {}
        for name, row_id in sorted(set(keys), key=lambda k: (k[0], str(k[1]))):
            if name in tables and (name, row_id) not in self._rows:
                by_table.setdefault(name, []).append(row_id)
        for name in sorted(by_table, key=lambda n: tables[n].order):
            table = tables[name].table
            ids = by_table[name]
            for start in range(0, len(ids), 1000):
                chunk = ids[start : start + 1000]
                query = sa.select(table).where(table.c.id.in_(chunk)).order_by(table.c.id)
                if self.connection.dialect.name == "postgresql":
                    query = query.with_for_update()
                found = {row["id"]: dict(row) for row in self.connection.execute(query).mappings()}
                for row_id in chunk:
                    self._rows[(name, row_id)] = found.get(row_id)

    def child_of(self, info: SyncTable, values: Mapping[str, Any]) -> uuid.UUID | None:
        """The child a row belongs to (None for organisation data)."""
        if info.child_column is not None:
            value = values.get(info.child_column)
            return value if isinstance(value, uuid.UUID) or value is None else uuid.UUID(str(value))
        if info.parent is not None:
            column, parent_table = info.parent
            parent_id = values.get(column)
            if parent_id is None:
                return None
            parent_info = registry()[parent_table]
            parent = self.get(parent_info, uuid.UUID(str(parent_id)))
            return self.child_of(parent_info, parent) if parent else None
        return None

    # -- writing

    def insert(self, info: SyncTable, values: dict[str, Any]) -> None:
        row = {**derived_defaults(info), **values}
        self.connection.execute(sa.insert(info.table).values(**row))
        self._remember((info.name, row["id"]), {c: row.get(c) for c in info.columns})
        self._touch(
            info,
            row["id"],
            self.child_of(info, row),
            False,
            clock=info.name in _CLOCK_TABLES,
            audience=info.audience(row),
        )

    def update(
        self, info: SyncTable, row_id: uuid.UUID, changes: dict[str, Any], child: uuid.UUID | None
    ) -> None:
        columns = tuple(sorted(changes))
        statement = _update_statement(info.table, columns)
        values = {"row_id_": row_id, **{f"new_{c}": changes[c] for c in columns}}
        key = (info.name, row_id)
        if self._deferring:
            if key in self._deferred_rows:
                self.flush()  # a row's updates run in their order
            self._deferred.append((key, statement, values))
            self._deferred_rows.add(key)
        else:
            self.connection.execute(statement, values)
        if self._rows.get(key) is not None:
            self._remember(key, {**(self._rows[key] or {}), **changes})
        else:
            self._rows.pop(key, None)
        if "child_id" in changes:
            child = self.child_of(info, changes)
        audience: Audience = (None, None)
        if info.team_scoped:
            row = self.get(info, row_id)
            audience = info.audience(row or changes)
        self._touch(info, row_id, child, False, clock=info.name == "case_event", audience=audience)

    def delete(self, info: SyncTable, row_id: uuid.UUID, child: uuid.UUID | None) -> None:
        # a team data row's tombstone goes to the users who had the row
        audience = info.audience(self.get(info, row_id) or {}) if info.team_scoped else (None, None)
        self.connection.execute(sa.delete(info.table).where(info.table.c.id == row_id))
        self._remember((info.name, row_id), None)
        self._touch(info, row_id, child, True, clock=info.name == "case_event", audience=audience)

    def bulk_insert(self, info: SyncTable, rows: list[dict[str, Any]]) -> None:
        """Many new rows at once (imports, the demo); stamped like any other write."""
        if not rows:
            return
        defaults = derived_defaults(info)
        prepared = [{**defaults, **row} for row in rows]
        self.connection.execute(sa.insert(info.table), prepared)
        clock = info.name in _CLOCK_TABLES
        for row in prepared:
            self._touch(
                info,
                row["id"],
                self.child_of(info, row),
                False,
                clock=clock,
                audience=info.audience(row),
            )
        self.keep()

    # -- updates run together

    @contextmanager
    def deferring(self, on: bool = True) -> Iterator[None]:
        """Hold updates back and run them together, one ``executemany`` per statement
        (table and set of columns), before any other statement on the connection: so
        every read and write still sees them, in order. Whatever is still held when the
        block fails is dropped (the caller rolls the transaction back)."""
        if not on:
            yield
            return
        event.listen(self.connection, "before_execute", self._before_execute)
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
            self._deferred, self._deferred_kept, self._deferred_rows = [], 0, set()
            event.remove(self.connection, "before_execute", self._before_execute)

    def _before_execute(self, *_args: Any) -> None:
        if self._deferred:
            self.flush()

    def flush(self) -> None:
        """Run the held updates (a database refusal is raised here)."""
        held, self._deferred, self._deferred_kept = self._deferred, [], 0
        self._deferred_rows = set()
        batches: dict[sa.Update, list[dict[str, Any]]] = {}
        for _, statement, values in held:
            batches.setdefault(statement, []).append(values)
        for statement, rows in batches.items():
            self.connection.execute(statement, rows)

    # -- the end of the transaction

    def finish(self) -> int:
        """Stamp every touched row with a change number; returns the last number."""
        self.flush()
        self.keep()
        self._refresh_stages()
        count = len(self.touched)
        if not count:
            return 0
        counter = schema.server_counter
        last = int(
            self.connection.execute(
                sa.update(counter)
                .where(counter.c.id == 1)
                .values(value=counter.c.value + count)
                .returning(counter.c.value)
            ).scalar_one()
        )
        first = last - count + 1
        rows = [
            {
                "table_name": name,
                "row_id": row_id,
                "seq": first + offset,
                "child_id": child,
                "deleted": deleted,
                "team_id": team,
                "owner_id": owner,
            }
            for offset, ((name, row_id), (child, deleted, team, owner)) in enumerate(
                self.touched.items()
            )
        ]
        upsert_row_versions(self.connection, rows)
        self.touched = {}
        return last

    def _refresh_stages(self) -> None:
        """Keep the child's cached stage in step with its events (never synced)."""
        if not self.event_children:
            return
        from send_desk.domain.stage import derive_stage

        tables = registry()
        events = tables["case_event"].table
        children = tables["child"].table
        ids = list(self.event_children)
        found: dict[uuid.UUID, list[tuple[str, Any, Any]]] = {child: [] for child in ids}
        stages: dict[uuid.UUID, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.connection.execute(
                sa.select(events.c.child_id, events.c.type, events.c.date, events.c.details).where(
                    events.c.child_id.in_(chunk), ~events.c.withdrawn
                )
            ):
                found[row.child_id].append((row.type, row.date, row.details))
            for child_row in self.connection.execute(
                sa.select(children.c.id, children.c.stage).where(children.c.id.in_(chunk))
            ):
                stages[child_row.id] = child_row.stage
        changed = [
            {"key": child, "stage": stage}
            for child, rows in found.items()
            if child in stages and stages[child] != (stage := derive_stage(rows).value)
        ]
        if changed:
            self.connection.execute(
                sa.update(children).where(children.c.id == sa.bindparam("key")), changed
            )
        self.event_children = set()


def upsert_row_versions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    table = schema.row_version
    dialect = connection.dialect.name
    for start in range(0, len(rows), 2000):
        chunk = rows[start : start + 2000]
        if dialect == "postgresql":
            pg = postgresql.insert(table)
            connection.execute(
                pg.on_conflict_do_update(
                    index_elements=[table.c.table_name, table.c.row_id],
                    set_={
                        "seq": pg.excluded.seq,
                        "child_id": pg.excluded.child_id,
                        "deleted": pg.excluded.deleted,
                        "team_id": pg.excluded.team_id,
                        "owner_id": pg.excluded.owner_id,
                    },
                ),
                chunk,
            )
        else:
            lite = sqlite.insert(table)
            connection.execute(
                lite.on_conflict_do_update(
                    index_elements=[table.c.table_name, table.c.row_id],
                    set_={
                        "seq": lite.excluded.seq,
                        "child_id": lite.excluded.child_id,
                        "deleted": lite.excluded.deleted,
                        "team_id": lite.excluded.team_id,
                        "owner_id": lite.excluded.owner_id,
                    },
                ),
                chunk,
            )


def audit_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in AUDIT_COLUMNS}


def now_or(value: datetime | None, fallback: datetime) -> datetime:
    return value if value is not None else fallback
