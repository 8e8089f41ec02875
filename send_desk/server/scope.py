"""Who may see and change what: decided on the server from the user's role and team.

- a **caseworker** sees their own caseload and their team's (covering a colleague's
  absence is part of the job);
- a **supervisor** sees the caseloads of their teams (their own team and any extra
  team they oversee, ``server add-user --team A --team B``);
- an **admin** sees every child.

A child is in a team's caseload when its current allocation (no end date) is to that
team. A child nobody holds yet stays visible to the user who recorded it, so a child
added offline does not vanish from its author's laptop before it is allocated.
Team data (``__sync_scope__ = "team"`` in the model: a supervisor's note sample) is
visible to the users who see its team's caseload -- the team's caseworkers, the
supervisors of the team, admins; a row with no team (a whole-service sample) to its
owner (who drew it) and admins. Organisation data (teams, users, settings, absences,
duty rotas) is visible to every signed-in user, but written only by those its model's
write rule names (``send_desk.server.org_rules``). Otherwise writes are allowed where
reads are.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.sql import Select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.server import schema

ROLES = ("caseworker", "supervisor", "admin")


@dataclass(frozen=True)
class Principal:
    """The signed-in user behind a request, as the server knows them (never the client)."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str
    team_id: uuid.UUID | None
    teams: frozenset[uuid.UUID] = field(default_factory=frozenset)
    device_id: uuid.UUID | None = None
    active: bool = True

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def load_principal(
    connection: Connection, user_id: uuid.UUID, device_id: uuid.UUID | None = None
) -> Principal | None:
    users = table_of(User)
    row = connection.execute(sa.select(users).where(users.c.id == user_id)).first()
    if row is None:
        return None
    teams: set[uuid.UUID] = set()
    if row.team_id is not None:
        teams.add(row.team_id)
    if row.role == "supervisor":
        teams.update(
            connection.execute(
                sa.select(schema.supervises.c.team_id).where(schema.supervises.c.user_id == user_id)
            ).scalars()
        )
    return Principal(
        user_id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        team_id=row.team_id,
        teams=frozenset(teams),
        device_id=device_id,
        active=bool(row.active),
    )


def scope_select(principal: Principal) -> Select[tuple[uuid.UUID]]:
    """The ids of the children the user may see, as a subquery."""
    children = table_of(Child)
    if principal.is_admin:
        return sa.select(children.c.id)
    allocations = table_of(Allocation)
    current = allocations.c.end_date.is_(None)
    held = sa.or_(
        allocations.c.team_id.in_(list(principal.teams)) if principal.teams else sa.false(),
        allocations.c.caseworker_id == principal.user_id
        if principal.role == "caseworker"
        else sa.false(),
    )
    allocated = sa.select(allocations.c.child_id).where(current, held)
    unallocated_mine = sa.select(children.c.id).where(
        children.c.created_by == principal.user_id,
        ~sa.exists().where(allocations.c.child_id == children.c.id, current),
    )
    return sa.union(allocated, unallocated_mine)  # type: ignore[return-value]


def sees_team_row(
    principal: Principal, team_id: uuid.UUID | None, owner_id: uuid.UUID | None
) -> bool:
    """Whether the user may see (and write) a team data row with this team / owner."""
    if principal.is_admin:
        return True
    if team_id is not None:
        return team_id in principal.teams
    return owner_id is not None and owner_id == principal.user_id


def visible_rows(principal: Principal) -> sa.ColumnElement[bool]:
    """Which ``row_version`` entries (rows, tombstones, conflicts) a user's pull may
    carry: organisation data, their children's rows, and team data of their teams or
    their own."""
    versions = schema.row_version
    if principal.is_admin:
        return sa.true()
    organisation = sa.and_(
        versions.c.child_id.is_(None),
        versions.c.team_id.is_(None),
        versions.c.owner_id.is_(None),
    )
    teams = list(principal.teams)
    return sa.or_(
        organisation,
        versions.c.child_id.in_(scope_select(principal)),
        versions.c.team_id.in_(teams) if teams else sa.false(),
        versions.c.owner_id == principal.user_id,
    )


def scope_ids(connection: Connection, principal: Principal) -> list[str]:
    """The children in scope, as sorted id strings (what the scope hash covers).

    Every sync pass asks this, so the statement is built once per kind of user (with
    the user and teams as parameters) and the ids are read as the database's text:
    building the statement, and UUID objects made only to be written out again, cost
    more than the query."""
    sqlite = connection.dialect.name == "sqlite"
    teams = sorted(principal.teams)
    query = _scope_ids_statement(
        principal.is_admin, principal.role == "caseworker", bool(teams), sqlite
    )
    found = cast(
        "Sequence[str]",
        connection.execute(query, {"me": principal.user_id, "teams": teams}).scalars().all(),
    )
    if sqlite:  # stored as 32 hex digits
        return sorted({f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}" for v in found})
    return sorted(set(found))


@cache
def _scope_ids_statement(
    admin: bool, caseworker: bool, has_teams: bool, sqlite: bool
) -> Select[tuple[str]]:
    """:func:`scope_select`'s rule, with the user and teams as parameters."""
    children = table_of(Child)
    ids: sa.Select[Any]
    if admin:
        ids = sa.select(children.c.id)
    else:
        allocations = table_of(Allocation)
        current = allocations.c.end_date.is_(None)
        me = sa.bindparam("me", type_=children.c.id.type)
        held = sa.or_(
            allocations.c.team_id.in_(sa.bindparam("teams", expanding=True))
            if has_teams
            else sa.false(),
            allocations.c.caseworker_id == me if caseworker else sa.false(),
        )
        allocated = sa.select(allocations.c.child_id).where(current, held)
        unallocated_mine = sa.select(children.c.id).where(
            children.c.created_by == me,
            ~sa.exists().where(allocations.c.child_id == children.c.id, current),
        )
        ids = sa.union(allocated, unallocated_mine)  # type: ignore[assignment]
    inner = ids.subquery()
    column = next(iter(inner.c))
    text: sa.ColumnElement[str]
    text = sa.type_coerce(column, sa.Text()) if sqlite else sa.cast(column, sa.Text())
    return sa.select(text)


def in_scope(connection: Connection, principal: Principal, child_id: uuid.UUID) -> bool:
    if principal.is_admin:
        return True
    query = scope_select(principal).subquery()
    column = next(iter(query.c))
    found = connection.execute(
        sa.select(sa.literal(1)).select_from(query).where(column == child_id).limit(1)
    ).first()
    return found is not None


def scope_filter(connection: Connection, principal: Principal, children: list[str]) -> list[str]:
    """Those of these children (id strings) the user may see, sorted."""
    wanted: set[uuid.UUID] = set()
    for text in children:
        try:
            wanted.add(uuid.UUID(text))
        except ValueError:
            continue
    if not wanted:
        return []
    if principal.is_admin:
        table = table_of(Child)
        query = sa.select(table.c.id).where(table.c.id.in_(list(wanted)))
    else:
        inner = scope_select(principal).subquery()
        column = next(iter(inner.c))
        query = sa.select(column).where(column.in_(list(wanted)))
    return sorted(str(child) for child in connection.execute(query).scalars())
