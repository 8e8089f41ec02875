"""How one entry (or one row's field changes) is merged into the central store.

An update is a three-way merge against the value the field had on the device when
it was changed (the *base*):

- the central value still equals the base: the change is applied;
- the central value already equals the new value: nothing to do;
- otherwise two people changed the same field: the value that reached the central
  store first is kept (a deterministic rule that trusts no laptop's clock) and a
  **conflict** records both values, who set each and when, for people to resolve.

Append-only tables (case notes) are only ever inserted, so they never clash; an
update or delete of one is refused. The transaction around a page is
:mod:`send_desk.server.push`'s.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.domain.base import AUDIT_COLUMNS
from send_desk.server import org_rules, schema
from send_desk.server.rows import Writer
from send_desk.server.scope import Principal, in_scope, scope_filter, scope_ids, sees_team_row
from send_desk.storage.journal import encode
from send_desk.sync.limits import check_entry
from send_desk.sync.protocol import EntryV2, MalformedEntry
from send_desk.sync.tables import (
    RowRefused,
    SyncTable,
    registry,
    row_as_json,
    sync_table,
    validate_row,
)
from send_desk.textsafe import strip_control
from send_desk.timeutil import london_today, utcnow

log = logging.getLogger(__name__)

def same(a: Any, b: Any) -> bool:
    """Equal as JSON (so a date and its ISO text are the same value)."""
    return json.dumps(encode(a), sort_keys=True, default=encode) == json.dumps(
        encode(b), sort_keys=True, default=encode
    )


UNCHANGED, APPLY, CONFLICT = "unchanged", "apply", "conflict"


def _merge(central: Any, entry: EntryV2) -> str:
    """The three-way rule for one field (module docstring): the central value already
    the new one, still the base the device changed, or changed by someone else."""
    if same(central, entry.value):
        return UNCHANGED
    if same(central, entry.base):
        return APPLY
    return CONFLICT


def parse_at(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise RowRefused(f"'{text}' is not a date and time") from None
    if value.tzinfo is None:
        raise RowRefused(f"'{text}' has no time zone")
    return value


@dataclass
class Outcome:
    status: str
    reason: str | None = None
    conflict_id: uuid.UUID | None = None
    child: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if self.reason is not None:
            # a reason may quote what was sent: never a control character, never long
            self.reason = strip_control(self.reason)[:1000]


class Applier:
    """Applies entries of one device for one user inside one transaction."""

    def __init__(self, connection: Connection, principal: Principal, device_id: uuid.UUID) -> None:
        self.connection = connection
        self.principal = principal
        self.device_id = device_id
        self.writer = Writer(connection)
        self.today: date = london_today()
        self._scope: set[str] | None = None  # the whole scope, for large pages
        self._allowed: dict[uuid.UUID, bool] = {}  # child by child, for small ones
        self.large = False

    # -- permission

    def _may_write_child(self, child: uuid.UUID | None) -> bool:
        if child is None or self.principal.is_admin:
            return True
        if child in self._allowed:
            return self._allowed[child]
        if self.large:
            if self._scope is None:
                self._scope = set(scope_ids(self.connection, self.principal))
            allowed = str(child) in self._scope
        else:
            allowed = in_scope(self.connection, self.principal, child)
        self._allowed[child] = allowed
        return allowed

    def prefetch_scope(self, entries: list[EntryV2]) -> None:
        """Whether the user may write each child these entries touch, in one query."""
        if self.principal.is_admin or self.large:
            return
        tables = registry()
        children: set[str] = set()
        for entry in entries:
            info = tables.get(entry.table)
            if info is None or info.child_column is None:
                continue
            try:
                row_id = uuid.UUID(entry.row_id)
            except ValueError:
                continue
            if info.child_column == "id":
                children.add(str(row_id))
                continue
            row = self.writer.get(info, row_id)
            source = (
                row if row is not None else (entry.value if isinstance(entry.value, dict) else {})
            )
            child = source.get(info.child_column)
            if child is not None:
                children.add(str(child))
        if not children:
            return
        allowed = set(scope_filter(self.connection, self.principal, sorted(children)))
        for child in children:
            self._allowed[uuid.UUID(child)] = child in allowed

    def _check_table(self, info: SyncTable) -> None:
        org_rules.check_table(self.principal, info)

    def _check_write(self, info: SyncTable, child: uuid.UUID | None) -> None:
        self._check_table(info)
        if info.child_scoped and not self._may_write_child(child):
            raise RowRefused(
                "this child is not in your caseload or your team's, so the change was not accepted"
            )

    def _check_team(self, info: SyncTable, values: Mapping[str, Any]) -> None:
        """Team data (a note sample): only for a team whose caseload the user sees, or
        with no team, the user's own. Organisation data: its model's write rule."""
        org_rules.check_row(self.connection, self.principal, info, values)
        if not info.team_scoped:
            return
        team, owner = info.audience(values)
        if sees_team_row(self.principal, team, owner):
            return
        what = info.name.replace("_", " ")
        if team is not None:
            raise RowRefused(
                f"this {what} is for a team whose caseload you do not see (not your team "
                "or one you supervise), so it was not accepted"
            )
        raise RowRefused(
            f"this {what} covers the whole service, which only an administrator or the "
            "person who made it may see, so it was not accepted"
        )

    def _changed_team(
        self, info: SyncTable, current: Mapping[str, Any], changes: Mapping[str, Any]
    ) -> None:
        """A change of a team data row's team or owner (or of the person or team an
        organisation row is about): the new one must be the user's too."""
        if org_rules.concerns(info, changes):
            org_rules.check_row(self.connection, self.principal, info, {**current, **changes})
        if info.team_scoped and (
            info.team_column in changes or (info.owner_column or "created_by") in changes
        ):
            self._check_team(info, {**current, **changes})

    def _check_references(self, info: SyncTable, values: dict[str, Any]) -> None:
        tables = registry()
        for column, target in info.references().items():
            value = values.get(column)
            if value is None:
                continue
            parent_info = tables[target]
            parent = self.writer.get(parent_info, value)
            if parent is None:
                raise RowRefused(
                    f"{column.replace('_', ' ')} refers to a {target.replace('_', ' ')} that is "
                    "not on the central store"
                )
            # a row may only point at a child's record the user could see: otherwise a
            # pull would bring that record along to everyone who sees this row
            if parent_info.child_column is not None:
                raw = value if parent_info.child_column == "id" else parent.get(
                    parent_info.child_column
                )
                child = raw if raw is None or isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))
                if not self._may_write_child(child):
                    raise RowRefused(
                        f"{column.replace('_', ' ')} refers to a {target.replace('_', ' ')} of "
                        "a child who is not in your caseload or your team's, so the change "
                        "was not accepted"
                    )

    # -- entries

    def apply(self, entry: EntryV2) -> Outcome:
        info = sync_table(entry.table)
        try:
            row_id = uuid.UUID(entry.row_id)
        except ValueError:
            raise RowRefused(f"'{entry.row_id}' is not a record id") from None
        at = parse_at(entry.at)
        self._check_table(info)
        if entry.op == "update":
            return self._update(info, row_id, entry, at)  # checks its entry (_check_change)
        check_entry(info, entry)
        if entry.op in ("insert", "import"):
            return self._insert(info, row_id, entry, at)
        if entry.op == "delete":
            return self._delete(info, row_id, entry)
        raise RowRefused(f"'{entry.op}' is not a change SEND Desk knows")

    def apply_many(self, group: list[EntryV2]) -> list[Outcome]:
        """Field changes of one row made in one transaction on the laptop, merged
        together: the row is checked with all of them, so fields that must change
        together (a response's date and how it was given) are never refused one by one.
        Nothing is written before every check is done."""
        for entry in group:
            if isinstance(entry, MalformedEntry):
                raise RowRefused(entry.problem)
        if len(group) == 1:
            return [self.apply(group[0])]
        first = group[0]
        info = sync_table(first.table)
        try:
            row_id = uuid.UUID(first.row_id)
        except ValueError:
            raise RowRefused(f"'{first.row_id}' is not a record id") from None
        at = parse_at(first.at)
        self._check_table(info)
        current, child = self._row_to_change(info, row_id)
        outcomes: list[Outcome | None] = [None] * len(group)
        to_apply: dict[str, Any] = {}
        # each change is about the row as it stands when it comes, after the group's
        # earlier changes (as one by one): its child, and for a clash the value kept
        seen_child = child
        applying: list[tuple[int, uuid.UUID | None]] = []
        clashes: list[tuple[int, uuid.UUID | None, dict[str, Any]]] = []
        for index, entry in enumerate(group):
            try:
                field = self._check_change(info, entry)
            except RowRefused as error:
                outcomes[index] = Outcome("quarantined", reason=str(error))
                continue
            central = to_apply[field] if field in to_apply else encode(current[field])
            merge = _merge(central, entry)
            if merge == UNCHANGED:
                outcomes[index] = Outcome("unchanged", child=seen_child)
            elif merge == APPLY:
                applying.append((index, seen_child))
                to_apply[field] = entry.value
                if field == info.child_column:  # an id: _check_change made sure
                    seen_child = None if entry.value is None else uuid.UUID(str(entry.value))
            else:
                row = self._as_changed(info, current, to_apply, field)
                clashes.append((index, seen_child, row))
        if to_apply:
            try:
                self._write_changes(info, row_id, current, child, to_apply, at)
            except RowRefused as error:
                for index, _ in applying:
                    outcomes[index] = Outcome("quarantined", reason=str(error))
            else:
                for index, about in applying:
                    outcomes[index] = Outcome("applied", child=about)
        for index, about, row in clashes:
            entry = group[index]
            conflict_id = self._conflict(info, row_id, about, entry.field, entry, row)
            outcomes[index] = Outcome("conflict", conflict_id=conflict_id, child=about)
        return [outcome or Outcome("quarantined", reason="not applied") for outcome in outcomes]

    def _insert(self, info: SyncTable, row_id: uuid.UUID, entry: EntryV2, at: datetime) -> Outcome:
        if not isinstance(entry.value, dict):
            raise RowRefused("the new record came without its values")
        raw = {k: v for k, v in entry.value.items() if k in info.columns}
        if str(raw.get("id", row_id)) != str(row_id):
            raise RowRefused("the record's id does not match the change")
        raw["id"] = str(row_id)
        values = info.decode(raw)
        child = self.writer.child_of(info, values)
        existing = self.writer.get(info, row_id)
        if existing is not None:
            self._check_write(info, child)
            self._check_team(info, existing)
            mine = row_as_json(info, values)
            theirs = row_as_json(info, existing)
            differs = [
                k
                for k in mine
                if k not in AUDIT_COLUMNS and k in theirs and not same(mine[k], theirs[k])
            ]
            if not differs or info.append_only:
                return Outcome("unchanged", child=child)
            raise RowRefused("a record with this id is already on the central store")
        if info.name == "child":
            # a new child: whoever records it may, and it is theirs until allocated
            self._allowed[row_id] = True
        else:
            self._check_write(info, child)
        # (the central store records who sent it: a row with no owner is theirs)
        self._check_team(info, {**values, "created_by": self.principal.user_id})
        content = {k: v for k, v in raw.items() if k not in AUDIT_COLUMNS}
        content = validate_row(info, content, self.today)
        values = info.decode(content)
        self._check_references(info, values)
        created = info.decode({"created_at": raw.get("created_at")}).get("created_at")
        values.update(
            created_at=aware_instant(created) or at,
            created_by=self.principal.user_id,
            updated_at=at,
            updated_by=self.principal.user_id,
        )
        self.writer.insert(info, values)
        return Outcome("applied", child=child)

    def _update(self, info: SyncTable, row_id: uuid.UUID, entry: EntryV2, at: datetime) -> Outcome:
        current, child = self._row_to_change(info, row_id)
        field = self._check_change(info, entry)
        merge = _merge(encode(current[field]), entry)
        if merge == UNCHANGED:
            return Outcome("unchanged", child=child)
        if merge == CONFLICT:
            conflict_id = self._conflict(info, row_id, child, field, entry, current)
            return Outcome("conflict", conflict_id=conflict_id, child=child)
        self._write_changes(info, row_id, current, child, {field: entry.value}, at)
        return Outcome("applied", child=child)

    # -- the checks and the write of field changes: one path for one entry (_update)
    #    and for one row's entries merged together (apply_many)

    def _row_to_change(
        self, info: SyncTable, row_id: uuid.UUID
    ) -> tuple[dict[str, Any], uuid.UUID | None]:
        """The row field changes are for, locked, once the user may change it: the row
        as it is and its child."""
        if info.append_only:
            raise RowRefused(
                f"{info.name.replace('_', ' ')} records are append-only: an amendment is a new "
                "version, never a change to a saved one"
            )
        current = self.writer.get(info, row_id, lock=True)
        if current is None:
            raise RowRefused(
                "the record this change is for is not on the central store (it was removed, "
                "or adding it was refused)"
            )
        child = self.writer.child_of(info, current)
        self._check_write(info, child)
        self._check_team(info, current)
        return current, child

    def _check_change(self, info: SyncTable, entry: EntryV2) -> str:
        """The checks of one field change on its own: a field of these records that a
        device may set, a value within its limits, a new child the user may write.
        Returns the field."""
        field = entry.field
        if not field or field not in info.synced_columns or field in AUDIT_COLUMNS or field == "id":
            raise RowRefused(f"'{field}' is not a field of {info.name.replace('_', ' ')} records")
        check_entry(info, entry)
        if field == info.child_column and entry.value is not None:
            try:
                new_child = uuid.UUID(str(entry.value))
            except ValueError:
                raise RowRefused(f"{field.replace('_', ' ')}: the value is not an id") from None
            self._check_write(info, new_child)
        return field

    @staticmethod
    def _as_changed(
        info: SyncTable, current: dict[str, Any], to_apply: dict[str, Any], field: str
    ) -> dict[str, Any]:
        """The row with the group's earlier change of ``field``, if any (the value a
        conflict keeps); a value that cannot be read is refused with the group's write."""
        if field not in to_apply:
            return current
        try:
            return {**current, **info.decode({field: to_apply[field]})}
        except RowRefused:
            return current

    def _write_changes(
        self,
        info: SyncTable,
        row_id: uuid.UUID,
        current: dict[str, Any],
        child: uuid.UUID | None,
        to_apply: dict[str, Any],
        at: datetime,
    ) -> None:
        """Checks the row with the new values (as JSON) as a whole, then writes them."""
        merged = {k: v for k, v in row_as_json(info, current).items() if k not in AUDIT_COLUMNS}
        merged.update(to_apply)
        checked = validate_row(info, merged, self.today, wanted=to_apply)
        values = {field: checked.get(field, value) for field, value in to_apply.items()}
        references = {f: v for f, v in values.items() if f in info.references()}
        if references:
            self._check_references(info, info.decode(references))
        changes = info.decode(values)
        self._changed_team(info, current, changes)
        changes.update(updated_at=at, updated_by=self.principal.user_id)
        self.writer.update(info, row_id, changes, child)

    def _delete(self, info: SyncTable, row_id: uuid.UUID, entry: EntryV2) -> Outcome:
        if info.append_only:
            raise RowRefused(
                f"{info.name.replace('_', ' ')} records are append-only and are never deleted"
            )
        current = self.writer.get(info, row_id, lock=True)
        if current is None:
            return Outcome("unchanged")
        child = self.writer.child_of(info, current)
        self._check_write(info, child)
        self._check_team(info, current)
        old = entry.base if isinstance(entry.base, dict) else {}
        now = row_as_json(info, current)
        changed = [
            k for k in now if k not in AUDIT_COLUMNS and k in old and not same(now[k], old[k])
        ]
        if changed:
            conflict_id = self._conflict(info, row_id, child, None, entry, current)
            return Outcome("conflict", conflict_id=conflict_id, child=child)
        self.writer.delete(info, row_id, child)
        return Outcome("applied", child=child)

    def _conflict(
        self,
        info: SyncTable,
        row_id: uuid.UUID,
        child: uuid.UUID | None,
        field: str | None,
        entry: EntryV2,
        current: dict[str, Any],
    ) -> uuid.UUID:
        kept_by, kept_at = self._last_writer(info, row_id, field, current)
        conflict_id = uuid.uuid4()
        if field is None:  # a deletion of a record changed since
            kept_value: Any = row_as_json(info, current)
            other_value: Any = None
        else:
            kept_value = encode(current[field])
            other_value = entry.value
        self.connection.execute(
            sa.insert(schema.conflict).values(
                id=conflict_id,
                table_name=info.name,
                row_id=row_id,
                child_id=child,
                field=field,
                base=entry.base,
                kept_value=kept_value,
                other_value=other_value,
                kept_by=kept_by,
                kept_at=kept_at,
                other_by=self.principal.user_id,
                other_at=parse_at(entry.at),
                other_device_id=self.device_id,
                other_device_seq=entry.device_seq,
                created_at=utcnow(),
                status="open",
            )
        )
        self.writer.touch_conflict(conflict_id, child, info.audience(current))
        return conflict_id

    def _last_writer(
        self, info: SyncTable, row_id: uuid.UUID, field: str | None, current: dict[str, Any]
    ) -> tuple[uuid.UUID | None, datetime | None]:
        entries = schema.server_entry
        query = (
            sa.select(entries.c.user_id, entries.c.at)
            .where(
                entries.c.table_name == info.name,
                entries.c.row_id == row_id,
                entries.c.status == "applied",
            )
            .order_by(entries.c.received_at.desc(), entries.c.device_seq.desc())
            .limit(1)
        )
        if field is not None:
            query = query.where(
                sa.or_(entries.c.field == field, entries.c.op.in_(("insert", "import")))
            )
        found = self.connection.execute(query).first()
        if found is not None:
            return found.user_id, found.at
        return current.get("updated_by"), current.get("updated_at")


def aware_instant(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) and value.tzinfo is not None else None
