"""Recording statutory events on a child's case."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlmodel import Session, select

from send_desk.domain.children import Child
from send_desk.domain.event_types import event_type
from send_desk.domain.events import CaseEvent
from send_desk.domain.stage import derive_stage
from send_desk.services.children import get_child
from send_desk.services.errors import Refused, ValidationFailed
from send_desk.storage.journal import update_derived
from send_desk.timeutil import uk_date


def add_event(
    session: Session,
    child_id: uuid.UUID,
    type_id: str,
    when: date,
    details: Mapping[str, Any] | None = None,
    *,
    evidence: str | None = None,
    today: date,
) -> uuid.UUID:
    """Record one event after checking it makes sense for this child."""
    child = get_child(session, child_id)
    try:
        kind = event_type(type_id)
        parsed = kind.parse_details(dict(details or {}))
    except ValueError as error:
        raise ValidationFailed(str(error)) from None
    if when > today:
        raise ValidationFailed(
            f"the event date {uk_date(when)} is after today ({uk_date(today)}): "
            "record events once they have happened"
        )
    if when < child.date_of_birth:
        raise ValidationFailed(
            f"the event date {uk_date(when)} is before the child's date of birth "
            f"({uk_date(child.date_of_birth)})"
        )
    existing = session.scalars(select(CaseEvent).where(CaseEvent.child_id == child_id)).all()
    for other in existing:
        if other.type == type_id and other.date == when and other.details == parsed:
            raise Refused(f"this {kind.label.lower()} on {uk_date(when)} is already recorded")
    event = CaseEvent(
        child_id=child_id,
        type=type_id,
        date=when,
        details=parsed,
        evidence=(evidence or "").strip() or None,
    )
    session.add(event)
    session.flush()
    refresh_stage(session, child, [*existing, event])
    return event.id


def refresh_stage(session: Session, child: Child, events: list[CaseEvent]) -> None:
    stage = derive_stage((e.type, e.date, e.details) for e in events)
    if child.stage != stage:
        update_derived(session, Child, [{"id": child.id, "stage": stage.value}])
        session.refresh(child)
