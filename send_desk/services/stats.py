"""Counts per table and per team."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from send_desk.domain.children import Allocation, Child
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import JOURNALED, JournalEntry


def store_stats(session: Session) -> dict[str, Any]:
    tables = {
        model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
        for model in (*JOURNALED, JournalEntry)
    }
    children = dict(
        session.execute(
            select(Allocation.team_id, func.count(Allocation.child_id))
            .where(Allocation.end_date.is_(None))  # type: ignore[union-attr]
            .group_by(Allocation.team_id)
        ).all()
    )
    staff: dict[tuple[Any, str], int] = {
        (team_id, role): count
        for team_id, role, count in session.execute(
            select(User.team_id, User.role, func.count())
            .where(User.active.is_(True))  # type: ignore[attr-defined]
            .group_by(User.team_id, User.role)
        ).all()
    }
    teams = [
        {
            "team": team.name,
            "children": children.get(team.id, 0),
            "caseworkers": staff.get((team.id, "caseworker"), 0),
            "supervisors": staff.get((team.id, "supervisor"), 0),
        }
        for team in session.scalars(select(Team).order_by(Team.name))
    ]
    unallocated = tables["child"] - sum(children.values())
    looked_after = session.scalar(
        select(func.count()).select_from(Child).where(Child.looked_after.is_(True))  # type: ignore[attr-defined]
    )
    return {
        "tables": tables,
        "teams": teams,
        "unallocated_children": unallocated,
        "looked_after_children": looked_after or 0,
    }
