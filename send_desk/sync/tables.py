"""What sync knows about the journaled tables, worked out from the models themselves.

Nothing here names a table except where a table needs a rule of its own (the case
event's details). A table added to :data:`send_desk.domain.tables.JOURNALED` later
(case notes, letters, audits) syncs without code here:

- its **scope** (who may see and change a row) follows its ``child_id`` column, or the
  ``id`` of the ``child`` table, or a foreign key to another journaled table that has
  one; a table with none of these is organisation data every signed-in user receives
  (teams, users, settings);
- a model that declares ``__sync_scope__ = "team"`` (and has a ``team_id`` column, no
  child) is **team data**: a row reaches, and may be written by, the users who may see
  that team's caseload (caseworkers of the team, its supervisors, admins); a row with
  no team is its owner's -- the user named by the model's ``__sync_owner__`` column, or
  else the user who sent it to the central store (``created_by``) -- and the admins'.
  A supervisor's saved note sample is team data (owner: ``drawn_by``). The central
  store keeps each row's team or owner with its change number (``row_version``) and
  checks pulls and pushes against it (``send_desk.server.scope``);
- a model that declares ``__append_only__ = True`` (or ``APPEND_ONLY = True``) is only
  ever inserted: its rows never clash, and an update or delete of one is refused;
- its values are checked with the model's Base class (the non-table ``SQLModel`` of
  its family), the same rules the services apply.

Values travel as JSON (``send_desk.storage.journal.encode``) and are turned back into
Python values by column type on either side.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy import Column, Table
from sqlmodel import SQLModel

from send_desk.domain.base import AUDIT_COLUMNS, Record
from send_desk.storage.journal import _DERIVED, encode

# Columns cached from other data and recomputed where they are read (the child's
# stage comes from its events); they are never journaled and never travel.
DERIVED: dict[str, frozenset[str]] = _DERIVED

# Tables known to be append-only even if their model does not say so (yet).
APPEND_ONLY_TABLES = frozenset({"note_version"})

# The owner of a team data row with no team and nobody recorded: only admins see it.
NOBODY = uuid.UUID(int=0)

Validator = Callable[[dict[str, Any], date], dict[str, Any]]


class RowRefused(ValueError):
    """A row's values break the rules; the message is worded for a caseworker."""


@dataclass(frozen=True)
class SyncTable:
    name: str
    model: type[SQLModel]
    table: Table
    order: int
    append_only: bool
    # "id" for the child table, "child_id" for a child's rows, or None
    child_column: str | None
    # (column, parent table) when a row belongs to a child through another table
    parent: tuple[str, str] | None
    columns: dict[str, Column[Any]] = field(repr=False)
    # team data (``__sync_scope__ = "team"``): the team column and the owner column
    team_column: str | None = None
    owner_column: str | None = None

    @property
    def synced_columns(self) -> list[str]:
        derived = DERIVED.get(self.name, frozenset())
        return [name for name in self.columns if name not in derived]

    @property
    def child_scoped(self) -> bool:
        return self.child_column is not None or self.parent is not None

    @property
    def team_scoped(self) -> bool:
        return self.team_column is not None

    def audience(self, values: Mapping[str, Any]) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        """(team, owner) of a team data row: its team, or when it has none its owner
        (:data:`NOBODY` when nobody is recorded); (None, None) for any other table."""
        if self.team_column is None:
            return None, None
        team = _as_uuid(values.get(self.team_column))
        if team is not None:
            return team, None
        owner = _as_uuid(values.get(self.owner_column)) if self.owner_column else None
        if owner is None:
            owner = _as_uuid(values.get("created_by"))
        return None, owner if owner is not None else NOBODY

    def references(self) -> dict[str, str]:
        """Columns that point at another journaled table: column -> table."""
        return dict(_references(self.name))

    def decode(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """JSON values -> Python values for this table's columns (unknown keys dropped)."""
        converters = _decoders(self.name, tuple(self.columns))
        out: dict[str, Any] = {}
        for name, value in values.items():
            convert = converters.get(name)
            if convert is None:
                continue
            if value is None:
                out[name] = None
                continue
            try:
                out[name] = convert(value)
            except (TypeError, ValueError, AttributeError) as error:
                raise RowRefused(f"{name}: {error}") from None
        return out


def _declares_append_only(model: type[Any]) -> bool:
    return bool(
        getattr(model, "__append_only__", False)
        or getattr(model, "APPEND_ONLY", False)
        or str(model.__tablename__) in APPEND_ONLY_TABLES
    )


def _as_uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _declared_scope(
    model: type[Any], names: set[str], child_column: str | None
) -> tuple[str | None, str | None]:
    """(team column, owner column) of a model that declares ``__sync_scope__``."""
    scope = getattr(model, "__sync_scope__", None)
    if scope is None:
        return None, None
    name = str(model.__tablename__)
    if scope != "team":
        raise TypeError(f"{name}: __sync_scope__ can only be 'team', not {scope!r}")
    if child_column is not None or "team_id" not in names:
        raise TypeError(f"{name}: team data needs a team_id column and no child_id")
    owner = getattr(model, "__sync_owner__", None)
    if owner is not None and owner not in names:
        raise TypeError(f"{name}: __sync_owner__ names {owner!r}, which is not a column")
    return "team_id", owner


@cache
def _registry_for(models: tuple[type[SQLModel], ...]) -> dict[str, SyncTable]:
    tables: dict[str, SyncTable] = {}
    for order, model in enumerate(models):
        table = model.metadata.tables[str(model.__tablename__)]
        names = set(table.columns.keys())
        if table.name == "child":
            child_column: str | None = "id"
        elif "child_id" in names:
            child_column = "child_id"
        else:
            child_column = None
        team_column, owner_column = _declared_scope(model, names, child_column)
        tables[table.name] = SyncTable(
            name=table.name,
            model=model,
            table=table,
            order=order,
            append_only=_declares_append_only(model),
            child_column=child_column,
            parent=None,
            columns={c.name: c for c in table.columns},
            team_column=team_column,
            owner_column=owner_column,
        )
    # Rows that reach a child only through another table (a note's versions).
    for name, info in list(tables.items()):
        if info.child_column is not None or info.team_column is not None:
            continue
        for column in info.table.columns:
            for fk in column.foreign_keys:
                target = tables.get(fk.column.table.name)
                if target is not None and target.child_scoped and target.name != name:
                    tables[name] = SyncTable(
                        name=info.name,
                        model=info.model,
                        table=info.table,
                        order=info.order,
                        append_only=info.append_only,
                        child_column=None,
                        parent=(column.name, target.name),
                        columns=info.columns,
                    )
    return tables


@cache
def _references(name: str) -> tuple[tuple[str, str], ...]:
    tables = registry()
    refs: list[tuple[str, str]] = []
    for column in tables[name].table.columns:
        for fk in column.foreign_keys:
            target = fk.column.table.name
            if target in tables and target != name:
                refs.append((column.name, target))
    return tuple(refs)


def registry() -> dict[str, SyncTable]:
    """Every journaled table by name, in foreign-key order."""
    from send_desk.domain import tables

    return _registry_for(tuple(tables.JOURNALED))


def sync_table(name: str) -> SyncTable:
    try:
        return registry()[name]
    except KeyError:
        raise RowRefused(f"'{name}' is not a table SEND Desk syncs") from None


# ---------------------------------------------------------------- values


def decode_value(column: Column[Any], value: Any) -> Any:
    """A JSON value back to what the column stores."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, sa.Uuid):
            return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        if isinstance(kind, sa.DateTime) or _impl_is(kind, sa.DateTime):
            if isinstance(value, datetime):
                return value
            return datetime.fromisoformat(str(value))
        if isinstance(kind, sa.Date):
            if isinstance(value, date):
                return value
            return date.fromisoformat(str(value))
        if isinstance(kind, sa.Boolean):
            if isinstance(value, bool):
                return value
            if isinstance(value, int | float):
                return bool(value)
            raise ValueError(f"'{value}' is not true or false")
        if isinstance(kind, sa.Integer):
            if isinstance(value, bool):
                raise ValueError(f"'{value}' is not a whole number")
            return int(value)
        if isinstance(kind, sa.JSON):
            return value
        if isinstance(kind, sa.String):
            return value if isinstance(value, str) else str(value)
    except (TypeError, ValueError) as error:
        raise RowRefused(f"{column.name}: {error}") from None
    return value


def _impl_is(kind: Any, target: type[Any]) -> bool:
    impl = getattr(kind, "impl", None)
    return isinstance(impl, target) or (isinstance(impl, type) and issubclass(impl, target))


# ---------------------------------------------------------------- validation


@cache
def _family_base(model: type[SQLModel]) -> type[SQLModel] | None:
    """The model's Base class: the first plain (non-table) SQLModel in its family."""
    for klass in model.__mro__[1:]:
        if (
            isinstance(klass, type)
            and issubclass(klass, SQLModel)
            and klass not in (SQLModel, Record)
            and not getattr(klass, "__table__", None)
            and klass.model_fields
        ):
            return klass
    return None


def _reason(error: ValidationError) -> str:
    from send_desk.services.errors import from_pydantic

    return from_pydantic(error).message


def _check_event(values: dict[str, Any], today: date) -> dict[str, Any]:
    from send_desk.domain.event_types import event_type

    try:
        kind = event_type(str(values.get("type")))
        details = values.get("details") or {}
        if not isinstance(details, dict):
            raise ValueError("the event's details are not a set of fields")
        values = {**values, "details": kind.parse_details(dict(details))}
        when = values.get("date")
        when_date = when if isinstance(when, date) else date.fromisoformat(str(when))
    except (TypeError, ValueError) as error:
        raise RowRefused(str(error)) from None
    if when_date > today + timedelta(days=1):
        raise RowRefused(f"the event date {when_date:%d/%m/%Y} is in the future")
    return values


# Rules beyond the Base model, by table.
EXTRA_CHECKS: dict[str, Validator] = {"case_event": _check_event}


def validate_row(
    info: SyncTable,
    values: dict[str, Any],
    today: date,
    *,
    wanted: Collection[str] | None = None,
) -> dict[str, Any]:
    """Check a whole row (JSON values) with the model's rules; returns the values to store
    (of the ``wanted`` fields only, when given: a push of one field reads no other).

    Raises :class:`RowRefused` with the reason.
    """
    extra = EXTRA_CHECKS.get(info.name)
    if extra is not None:
        values = extra(values, today)
    base = _family_base(info.model)
    if base is not None:
        fields = base.model_fields  # a property: read once, not once a key
        data = {k: v for k, v in values.items() if k in fields}
        try:
            checked = base.model_validate(data, context={"today": today})
        except ValidationError as error:
            raise RowRefused(_reason(error)) from None
        # the values as the rules store them (a user name in lower case, a postcode
        # in capitals), as JSON
        stored = data if wanted is None else [k for k in wanted if k in data]
        values = {**values, **{k: encode(getattr(checked, k)) for k in stored}}
    return values


def derived_defaults(info: SyncTable) -> dict[str, Any]:
    """Values for NOT NULL derived columns, which never travel (a new row needs them)."""
    out: dict[str, Any] = {}
    fields = info.model.model_fields
    for name in DERIVED.get(info.name, frozenset()):
        column = info.columns.get(name)
        model_field = fields.get(name)
        if column is None or column.nullable or model_field is None:
            continue
        default = model_field.get_default(call_default_factory=True)
        if default is not None:
            out[name] = getattr(default, "value", default)
    return out


def row_as_json(info: SyncTable, row: Mapping[str, Any]) -> dict[str, Any]:
    """A database row (Python values) as the JSON values that travel."""
    out: dict[str, Any] = {}
    for name, convert in _encoders(info.name, tuple(info.synced_columns)):
        if name in row:
            value = row[name]
            out[name] = None if value is None else convert(value)
    return out


def _same(value: Any) -> Any:
    return value


def _text(value: Any) -> Any:
    return value if isinstance(value, str) else str(value)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _uuid_text(value: Any) -> Any:
    return str(value)


@cache
def _encoders(name: str, columns: tuple[str, ...]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    info = registry()[name]
    out: list[tuple[str, Callable[[Any], Any]]] = []
    for column_name in columns:
        kind = info.columns[column_name].type
        if isinstance(kind, sa.Uuid):
            out.append((column_name, _uuid_text))
        elif isinstance(kind, sa.Date | sa.DateTime) or _impl_is(kind, sa.DateTime):
            out.append((column_name, _iso))
        elif isinstance(kind, sa.Boolean | sa.Integer | sa.JSON | sa.String):
            out.append((column_name, encode if isinstance(kind, sa.String) else _same))
        else:
            out.append((column_name, encode))
    return tuple(out)


def _to_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _to_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _to_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    raise ValueError(f"'{value}' is not true or false")


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a whole number")
    return int(value)


@cache
def _decoders(name: str, columns: tuple[str, ...]) -> dict[str, Callable[[Any], Any]]:
    info = registry()[name]
    out: dict[str, Callable[[Any], Any]] = {}
    for column_name in columns:
        kind = info.columns[column_name].type
        if isinstance(kind, sa.Uuid):
            out[column_name] = _to_uuid
        elif isinstance(kind, sa.DateTime) or _impl_is(kind, sa.DateTime):
            out[column_name] = _to_datetime
        elif isinstance(kind, sa.Date):
            out[column_name] = _to_date
        elif isinstance(kind, sa.Boolean):
            out[column_name] = _to_bool
        elif isinstance(kind, sa.Integer):
            out[column_name] = _to_int
        elif isinstance(kind, sa.JSON):
            out[column_name] = _same
        elif isinstance(kind, sa.String):
            out[column_name] = _text
        else:
            out[column_name] = _same
    return out


def stripped(values: Mapping[str, Any], info: SyncTable) -> dict[str, Any]:
    """Values without the derived columns."""
    derived = DERIVED.get(info.name, frozenset())
    return {k: v for k, v in values.items() if k not in derived}


__all__ = [
    "AUDIT_COLUMNS",
    "DERIVED",
    "EXTRA_CHECKS",
    "NOBODY",
    "RowRefused",
    "SyncTable",
    "decode_value",
    "derived_defaults",
    "registry",
    "row_as_json",
    "stripped",
    "sync_table",
    "validate_row",
]
