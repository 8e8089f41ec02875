"""Recording statutory events on a child's case.

Every new event is checked by the statutory clock
(:func:`send_desk.timescales.validate_new_event`) against the child's other events:

* refused, with the clock's message: an event that cannot be read, dated after today,
  already recorded, or an exception the law does not allow (or without evidence);
* refused unless the caseworker confirms the date (``confirm_dates=True``): an event
  dated before the event it must follow (a final plan before the request). A typing
  slip is the usual cause; history from before the case's other records is recorded
  by confirming;
* recorded with warnings: anything else the clock flags (an event that completes no
  open deadline, a closure exception with no advice asked for in a closure window...).

The child's stage and cached milestones are updated in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.children import Child
from send_desk.domain.event_types import event_type
from send_desk.domain.events import CaseEvent
from send_desk.domain.stage import derive_stage
from send_desk.services.children import get_child
from send_desk.services.errors import Refused, ValidationFailed
from send_desk.services.milestones import recompute_child
from send_desk.storage.journal import update_derived
from send_desk.timescales import Event, validate_new_event
from send_desk.timescales.engine import W_DUPLICATE, W_ORDER
from send_desk.timescales.validation import REFUSE
from send_desk.timeutil import uk_date

CONFIRM_DATES_HINT = (
    " If the date is right (the event happened before the others), record it again "
    "confirming the date."
)


@dataclass(frozen=True)
class RecordedEvent:
    """The new event's id and what the clock asks the caseworker to check."""

    id: uuid.UUID
    warnings: list[str] = field(default_factory=list)


def add_event(
    session: Session,
    child_id: uuid.UUID,
    type_id: str,
    when: date,
    details: Mapping[str, Any] | None = None,
    *,
    evidence: str | None = None,
    today: date,
    confirm_dates: bool = False,
) -> RecordedEvent:
    """Record one event after the clock's checks (see the module docstring)."""
    child = get_child(session, child_id)
    try:
        kind = event_type(type_id)
        parsed = kind.parse_details(dict(details or {}))
    except ValueError as error:
        raise ValidationFailed(str(error)) from None
    # a withdrawn event was recorded by mistake: it neither blocks nor completes anything
    existing = session.scalars(
        select(CaseEvent).where(CaseEvent.child_id == child_id, ~col(CaseEvent.withdrawn))
    ).all()
    warnings = check_against_case(
        child, existing, Event(type_id, when, parsed), today, confirm_dates=confirm_dates
    )
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
    recompute_child(session, child_id, today=today)
    return RecordedEvent(event.id, warnings)


def check_against_case(
    child: Child,
    others: Sequence[CaseEvent],
    event: Event,
    today: date,
    *,
    confirm_dates: bool = False,
) -> list[str]:
    """The clock's checks of a new or corrected event against the child's other events:
    raises what it refuses, returns what it asks the caseworker to check."""
    when = event.date
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
    problems = validate_new_event(
        [Event(e.type, e.date, e.details) for e in others], event, today
    )
    for problem in problems:
        if problem.level == REFUSE:
            if problem.code == W_DUPLICATE:
                raise Refused(problem.message)
            raise ValidationFailed(problem.message)
    order = [p.message for p in problems if p.code == W_ORDER]
    if order and not confirm_dates:
        raise ValidationFailed(" ".join(order) + CONFIRM_DATES_HINT)
    return [p.message for p in problems]


def refresh_stage(session: Session, child: Child, events: list[CaseEvent]) -> None:
    stage = derive_stage((e.type, e.date, e.details) for e in events)
    if child.stage != stage:
        update_derived(session, Child, [{"id": child.id, "stage": stage.value}])
        session.refresh(child)
