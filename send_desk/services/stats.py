"""Counts per table and per team."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import JOURNALED, JournalEntry, table_name


def store_stats(session: Session) -> dict[str, Any]:
    tables = {
        table_name(model): session.scalar(select(func.count()).select_from(model)) or 0
        for model in (*JOURNALED, JournalEntry)
    }
    children: dict[uuid.UUID, int] = dict(
        session.exec(
            select(col(Allocation.team_id), func.count(col(Allocation.child_id)))
            .where(col(Allocation.end_date).is_(None))
            .group_by(col(Allocation.team_id))
        ).all()
    )
    staff: dict[tuple[uuid.UUID | None, str], int] = {
        (team_id, role): count
        for team_id, role, count in session.exec(
            select(col(User.team_id), col(User.role), func.count())
            .where(col(User.active).is_(True))
            .group_by(col(User.team_id), col(User.role))
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
        select(func.count()).select_from(Child).where(col(Child.looked_after).is_(True))
    )
    return {
        "tables": tables,
        "teams": teams,
        "unallocated_children": unallocated,
        "looked_after_children": looked_after or 0,
    }
