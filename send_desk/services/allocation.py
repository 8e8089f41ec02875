"""Who holds a case (allocations) and where a child learns (placements).

Both keep history: a new allocation or placement closes the current one, so a
family can always be told who their caseworker was on any date.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, AllocationCreate, Placement, PlacementCreate
from send_desk.domain.codes import Role
from send_desk.domain.organisation import Setting, User
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused
from send_desk.services.validation import validate
from send_desk.timeutil import uk_date


def allocate(
    session: Session,
    child_id: uuid.UUID,
    caseworker_id: uuid.UUID,
    start_date: date,
    reason: str | None = None,
) -> uuid.UUID:
    get_child(session, child_id)
    user = session.get(User, caseworker_id)
    if user is None:
        raise NotFound("that caseworker does not exist")
    if not user.active:
        raise Refused(f"{user.display_name} is no longer active and cannot hold cases")
    if user.role == Role.ADMIN or user.team_id is None:
        raise Refused(f"{user.display_name} is not in a team, so cannot hold cases")
    current = session.scalar(
        select(Allocation).where(
            Allocation.child_id == child_id, col(Allocation.end_date).is_(None)
        )
    )
    if current is not None:
        if current.caseworker_id == caseworker_id:
            raise Refused(f"the case is already allocated to {user.display_name}")
        if start_date < current.start_date:
            since = uk_date(current.start_date)
            raise Refused(f"the new allocation cannot start before the current one ({since})")
        current.end_date = start_date
    values = validate(
        AllocationCreate,
        {
            "child_id": child_id,
            "caseworker_id": caseworker_id,
            "team_id": user.team_id,
            "start_date": start_date,
            "reason": reason,
        },
    )
    allocation = Allocation.model_validate(values)
    session.add(allocation)
    session.flush()
    return allocation.id


def place(
    session: Session,
    child_id: uuid.UUID,
    setting_id: uuid.UUID,
    start_date: date,
    *,
    sen_unit: bool = False,
    resourced_provision: bool = False,
    rank: int | None = None,
) -> uuid.UUID:
    get_child(session, child_id)
    if session.get(Setting, setting_id) is None:
        raise NotFound("that setting does not exist")
    current = session.scalar(
        select(Placement).where(Placement.child_id == child_id, col(Placement.end_date).is_(None))
    )
    if current is not None:
        if current.setting_id == setting_id:
            raise Refused("the child is already placed at that setting")
        if start_date < current.start_date:
            since = uk_date(current.start_date)
            raise Refused(f"the new placement cannot start before the current one ({since})")
        current.end_date = start_date
    values = validate(
        PlacementCreate,
        {
            "child_id": child_id,
            "setting_id": setting_id,
            "start_date": start_date,
            "sen_unit": sen_unit,
            "resourced_provision": resourced_provision,
            "rank": rank,
        },
    )
    placement = Placement.model_validate(values)
    session.add(placement)
    session.flush()
    return placement.id
