"""Who may write organisation data on the central store.

Organisation data (teams, users, settings, staff absences, duty rotas) reaches every
signed-in user, but may only be written by those its model's ``__write_rule__`` names
(:class:`send_desk.domain.organisation.WriteRule`): teams, users and settings by
admins; an absence or a duty rota by the person it is about, the supervisors of their
team and admins. A push from anyone else is quarantined with the reason (it shows in
the laptop's ledger), and a clash over such a row is shown only to those who may write
it (they are the ones who can resolve it).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.domain.organisation import User, WriteRule
from send_desk.domain.tables import table_of
from send_desk.server.scope import Principal
from send_desk.sync.tables import RowRefused, SyncTable, registry


def rule_of(info: SyncTable) -> WriteRule | None:
    """The write rule of an organisation table; None for a child's or a team's rows
    (their scope decides)."""
    if info.child_scoped or info.team_scoped:
        return None
    declared = getattr(info.model, "__write_rule__", None)
    if isinstance(declared, WriteRule):
        return declared
    # organisation data nobody declared a rule for: admins only, never everyone
    return WriteRule(f"{info.name.replace('_', ' ')} records")


def _by_role(principal: Principal, rule: WriteRule) -> bool:
    return principal.is_admin or principal.role in rule.roles


def check_table(principal: Principal, info: SyncTable) -> None:
    """Refuse at once a user whose role may never write this table."""
    rule = rule_of(info)
    if rule is None or _by_role(principal, rule) or rule.person is not None:
        return
    raise RowRefused(_admins_only(rule))


def _admins_only(rule: WriteRule) -> str:
    others = [role for role in rule.roles if role != "admin"]
    who = " or a ".join(["an administrator", *others])
    return (
        f"only {who} can change {rule.what} (ask your SEND Desk admin), so the change was "
        "not accepted"
    )


def _as_uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def refusal(
    connection: Connection, principal: Principal, info: SyncTable, values: Mapping[str, Any]
) -> str | None:
    """Why this user may not write this row (its values), or None when they may."""
    rule = rule_of(info)
    if rule is None or _by_role(principal, rule):
        return None
    if rule.person is None:
        return _admins_only(rule)
    if rule.team is not None:
        team = _as_uuid(values.get(rule.team))
        if team is None or team not in principal.teams:
            return (
                f"these {rule.what} are for a team you are not in and do not supervise, so "
                "the change was not accepted"
            )
    person = _as_uuid(values.get(rule.person))
    if person is not None and person == principal.user_id:
        return None
    if person is not None and principal.role == "supervisor":
        users = table_of(User)
        home = connection.execute(sa.select(users.c.team_id).where(users.c.id == person)).scalar()
        if home is not None and home in principal.teams:
            return None
    return (
        f"{rule.what} can only be changed by the person concerned, a supervisor of their "
        "team or an administrator, so the change was not accepted"
    )


def check_row(
    connection: Connection, principal: Principal, info: SyncTable, values: Mapping[str, Any]
) -> None:
    reason = refusal(connection, principal, info, values)
    if reason is not None:
        raise RowRefused(reason)


def concerns(info: SyncTable, changes: Mapping[str, Any]) -> bool:
    """Whether these changed fields decide who may write the row (its person or team)."""
    rule = rule_of(info)
    return rule is not None and any(
        column is not None and column in changes for column in (rule.person, rule.team)
    )


def conflict_visible(
    connection: Connection,
    principal: Principal,
    table_name: str,
    row_id: uuid.UUID,
    kept_value: Any = None,
) -> bool:
    """Whether a clash over this row may be shown to (and resolved by) the user: for
    organisation data, only if they may write the row."""
    info = registry().get(table_name)
    if info is None:
        return principal.is_admin
    rule = rule_of(info)
    if rule is None or _by_role(principal, rule):
        return True
    row = connection.execute(sa.select(info.table).where(info.table.c.id == row_id)).mappings()
    found = row.first()
    # a clash over a deletion keeps the whole row as it was
    if found is not None:
        values = dict(found)
    else:
        values = kept_value if isinstance(kept_value, dict) else {}
    return refusal(connection, principal, info, values) is None
