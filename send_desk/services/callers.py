"""Who takes a callback: absences, the duty rota, and who is away or on duty when."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from send_desk.domain.correspondence import (
    DutyRota,
    DutyRotaCreate,
    StaffAbsence,
    StaffAbsenceCreate,
)
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.services import correspondence as correspondence_service
from send_desk.services.errors import NotFound
from send_desk.services.validation import validate
from send_desk.timeutil import uk_date

_US, _TM, _DR = (table_of(model) for model in (User, Team, DutyRota))


# ---------------------------------------------------------------- who takes the call


def _name(session: Session, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.display_name if user else ""


def absent_on(session: Session, user_id: uuid.UUID, day: date) -> StaffAbsence | None:
    return session.scalars(
        sa.select(StaffAbsence).where(
            col(StaffAbsence.user_id) == user_id,
            col(StaffAbsence.first_day) <= day,
            col(StaffAbsence.last_day) >= day,
        )
    ).first()


def on_duty(session: Session, team_id: uuid.UUID, day: date) -> list[uuid.UUID]:
    """The team's duty officers on ``day`` who are not away themselves."""
    ids = list(
        dict.fromkeys(
            session.scalars(
                sa.select(col(DutyRota.user_id)).where(
                    col(DutyRota.team_id) == team_id, col(DutyRota.on_date) == day
                )
            )
        )
    )
    return [user_id for user_id in ids if absent_on(session, user_id, day) is None]


@dataclass(frozen=True)
class Callers:
    """Who can take a child's call on one day, and why."""

    day: date
    callers: tuple[uuid.UUID, ...]
    via_duty: bool
    note: str = ""


def callers_on(session: Session, child_id: uuid.UUID, day: date) -> Callers:
    worker, team = correspondence_service.current_holder(session, child_id)
    if worker is not None:
        away = absent_on(session, worker, day)
        user = session.get(User, worker)
        if away is None and user is not None and user.active:
            return Callers(day, (worker,), False)
        why = (
            f"{_name(session, worker)} is away {uk_date(away.first_day)} to "
            f"{uk_date(away.last_day)}"
            if away
            else f"{_name(session, worker)} is no longer active"
        )
    else:
        why = "the child has no allocated caseworker"
    if team is None:
        return Callers(day, (), True, f"{why}, and there is no team whose duty rota could help")
    duty = on_duty(session, team, day)
    team_name = (session.get(Team, team) or Team(name="the")).name
    if not duty:
        return Callers(
            day,
            (),
            True,
            f"{why}, and nobody is on the {team_name} team's duty rota on {uk_date(day)}",
        )
    return Callers(day, tuple(duty), True, f"{why}: the {team_name} team's duty officer calls")


# ---------------------------------------------------------------- absence and duty


def add_absence(
    session: Session, user_id: uuid.UUID, first_day: date, last_day: date, reason: str | None
) -> str:
    if session.get(User, user_id) is None:
        raise NotFound(f"no user with id {user_id} in this store")
    checked = validate(
        StaffAbsenceCreate,
        {"user_id": user_id, "first_day": first_day, "last_day": last_day, "reason": reason},
    )
    row = StaffAbsence.model_validate(checked)
    session.add(row)
    session.flush()
    return row.id.hex


def set_duty(session: Session, team_id: uuid.UUID, day: date, user_id: uuid.UUID) -> str:
    """Put someone on a team's duty rota for a day (once: a repeat is a no-op)."""
    if session.get(Team, team_id) is None:
        raise NotFound(f"no team with id {team_id} in this store")
    if session.get(User, user_id) is None:
        raise NotFound(f"no user with id {user_id} in this store")
    existing = session.scalars(
        sa.select(DutyRota).where(
            col(DutyRota.team_id) == team_id,
            col(DutyRota.on_date) == day,
            col(DutyRota.user_id) == user_id,
        )
    ).first()
    if existing is not None:
        return existing.id.hex
    row = DutyRota.model_validate(
        validate(DutyRotaCreate, {"team_id": team_id, "on_date": day, "user_id": user_id})
    )
    session.add(row)
    session.flush()
    return row.id.hex


def availability(session: Session, *, start: date, end: date) -> dict[str, Any]:
    """Absences overlapping the period and the duty rota in it, for the screens."""
    absences = [
        {
            "id": row.id.hex,
            "user_id": row.user_id.hex,
            "name": name,
            "first_day": row.first_day,
            "last_day": row.last_day,
            "reason": row.reason,
        }
        for row, name in session.execute(
            sa.select(StaffAbsence, col(User.display_name))
            .join(User, col(User.id) == StaffAbsence.user_id)
            .where(col(StaffAbsence.last_day) >= start, col(StaffAbsence.first_day) <= end)
            .order_by(col(StaffAbsence.first_day))
        )
    ]
    rota = [
        {"team": team, "on_date": day, "name": name, "user_id": user_id.hex}
        for team, day, name, user_id in session.execute(
            sa.select(_TM.c.name, _DR.c.on_date, _US.c.display_name, _US.c.id)
            .join(_TM, _TM.c.id == _DR.c.team_id)
            .join(_US, _US.c.id == _DR.c.user_id)
            .where(_DR.c.on_date >= start, _DR.c.on_date <= end)
            .order_by(_DR.c.on_date, _TM.c.name)
        )
    ]
    return {"absences": absences, "duty": rota}
