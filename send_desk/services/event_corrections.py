"""Correcting or withdrawing a statutory event recorded by mistake.

Nothing is deleted (see :mod:`send_desk.domain.events`): the record must still show
what was believed and when. A correction is checked by the clock exactly as a new event
is, against the child's other events; a withdrawal needs only a reason. Either way the
child's stage and deadlines are worked out again in the same transaction, and the
journal carries the change to the central store like any other write.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import String, cast, func
from sqlmodel import Session, col, select

from send_desk.domain.event_types import event_type
from send_desk.domain.events import CaseEvent, CaseEventVersion
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.events import check_against_case, refresh_stage
from send_desk.services.milestones import recompute_child
from send_desk.textsafe import has_control
from send_desk.timescales import Event

REASON_LIMIT = 2000
# what a correction may change; the type never changes (withdraw, then record anew)
CORRECTABLE = ("date", "evidence")


@dataclass(frozen=True)
class EventChange:
    """What a correction or withdrawal did, and what the clock asks to check."""

    id: uuid.UUID
    child_id: uuid.UUID
    version: int
    withdrawn: bool
    warnings: list[str] = field(default_factory=list)


def resolve_event_id(session: Session, text: str) -> uuid.UUID:
    """An event's id from its full form or a unique start or end of 8+ characters."""
    key = text.strip().lower().replace("-", "")
    try:
        return uuid.UUID(key)
    except ValueError:
        pass
    if len(key) < 8 or any(ch not in "0123456789abcdef" for ch in key):
        raise NotFound(f"'{text}' is not an event id (give the id, or 8 or more of its characters)")
    hex_id = func.lower(cast(CaseEvent.id, String))
    found = session.scalars(
        select(CaseEvent.id)
        .where(hex_id.like(f"{key}%") | hex_id.like(f"%{key}"))
        .limit(2)
    ).all()
    if not found:
        raise NotFound(f"no event with an id starting or ending '{text}' in this store")
    if len(found) > 1:
        raise Refused(f"more than one event matches '{text}': give more of the id")
    return found[0]


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if not reason:
        raise ValidationFailed("give the reason: it stays on the record with the change")
    if len(reason) > REASON_LIMIT:
        raise ValidationFailed(f"the reason is too long (at most {REASON_LIMIT:,} characters)")
    if has_control(reason):
        raise ValidationFailed("the reason holds control characters: type it again")
    return reason


def _event(session: Session, event_id: uuid.UUID) -> CaseEvent:
    event = session.get(CaseEvent, event_id)
    if event is None:
        raise NotFound(f"no event with id {event_id} in this store")
    if event.withdrawn:
        raise Refused(
            "this event was withdrawn"
            + (f" ({event.withdrawn_reason})" if event.withdrawn_reason else "")
            + ": record a new event instead"
        )
    return event


def _snapshot(event: CaseEvent, version: int, reason: str | None) -> CaseEventVersion:
    return CaseEventVersion(
        event_id=event.id,
        child_id=event.child_id,
        version=version,
        date=event.date,
        details=dict(event.details),
        evidence=event.evidence,
        reason=reason,
    )


def _others(session: Session, event: CaseEvent) -> list[CaseEvent]:
    return list(
        session.scalars(
            select(CaseEvent).where(
                CaseEvent.child_id == event.child_id,
                CaseEvent.id != event.id,
                ~col(CaseEvent.withdrawn),
            )
        ).all()
    )


def correct_event(
    session: Session,
    event_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    reason: str,
    today: date,
    confirm_dates: bool = False,
) -> EventChange:
    """A new version of the event with ``changes`` (date, evidence or its detail fields)."""
    why = _reason(reason)
    event = _event(session, event_id)
    child = get_child(session, event.child_id)
    kind = event_type(event.type)
    when = event.date
    evidence = event.evidence
    raw_details = dict(event.details)
    for name, value in changes.items():
        if name == "date":
            try:
                when = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
            except ValueError:
                raise ValidationFailed(f"'{value}' is not a date (use YYYY-MM-DD)") from None
        elif name == "evidence":
            evidence = (str(value) if value is not None else "").strip() or None
        elif name == "type":
            raise ValidationFailed(
                "an event's type cannot be corrected: withdraw it and record the right event"
            )
        else:
            raw_details[name] = value
    try:
        details = kind.parse_details(raw_details)
    except ValueError as error:
        raise ValidationFailed(str(error)) from None
    if evidence and has_control(evidence, multiline=True):
        raise ValidationFailed("the evidence holds control characters: type it again")
    if when == event.date and details == event.details and evidence == event.evidence:
        raise ValidationFailed("nothing to correct: the values given are the ones recorded")
    others = _others(session, event)
    warnings = check_against_case(
        child, others, Event(event.type, when, details), today, confirm_dates=confirm_dates
    )
    if event.version == 1:
        # the first correction also keeps the values as first recorded
        session.add(_snapshot(event, 1, None))
    event.date = when
    event.details = details
    event.evidence = evidence
    event.version += 1
    session.add(event)
    session.add(_snapshot(event, event.version, why))
    session.flush()
    refresh_stage(session, child, [*others, event])
    recompute_child(session, child.id, today=today)
    return EventChange(event.id, child.id, event.version, False, warnings)


def withdraw_event(
    session: Session, event_id: uuid.UUID, *, reason: str, today: date
) -> EventChange:
    """Mark the event withdrawn (recorded by mistake); the clock stops counting it."""
    why = _reason(reason)
    event = _event(session, event_id)
    child = get_child(session, event.child_id)
    event.withdrawn = True
    event.withdrawn_reason = why
    session.add(event)
    session.flush()
    refresh_stage(session, child, _others(session, event))
    recompute_child(session, child.id, today=today)
    return EventChange(event.id, child.id, event.version, True)

