"""What goes in the calendar export: review meetings, callbacks and deadlines.

- **Review meetings**: the date, time and place of every invitation to an annual review
  meeting saved to a child's record (the ``annual_review_invitation`` letter), from a
  week ago onwards; timed events of an hour.
- **Callbacks** booked and not yet made, cancelled or tried: timed events in their slot.
- **Deadlines**: every open statutory task (the clock's cached milestones, local targets
  left out), every correspondence item awaiting a response, and every complaint stage
  awaiting its response: all-day events on the due date, shown as free time. Their
  descriptions give dates (due, received, the day of the export), never a count of
  days from today, which a calendar would keep showing long after it was true.

For one caseworker: the children allocated to them now, and the callbacks they make.
Each event has a stable id, so importing a later export updates the calendar instead of
adding the same event twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String, type_coerce
from sqlmodel import Session

from send_desk.domain.children import Allocation, Child
from send_desk.domain.correspondence import (
    CHANNEL_LABELS,
    Callback,
    Complaint,
    ComplaintStage,
    CorrespondenceItem,
)
from send_desk.domain.letters import LetterVersion
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.services.deadlines import DeadlineQuery, deadlines
from send_desk.timeutil import uk_date

_CI, _CB, _CP, _CS, _CH, _AL, _LV, _US = (
    table_of(model)
    for model in (
        CorrespondenceItem, Callback, Complaint, ComplaintStage, Child, Allocation,
        LetterVersion, User,
    )
)  # fmt: skip
REVIEW_TEMPLATE = "annual_review_invitation"
MEETING_MINUTES = 60
REVIEWS_FROM = timedelta(days=7)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    description: str
    category: str
    day: date | None = None  # all-day event
    start: datetime | None = None  # timed event, London wall-clock time
    end: datetime | None = None
    location: str = ""


Progress = Callable[[int, int], None]


def _children_of(caseworker_id: uuid.UUID | None) -> sa.Select[Any] | None:
    if caseworker_id is None:
        return None
    return sa.select(_AL.c.child_id).where(
        _AL.c.caseworker_id == caseworker_id, _AL.c.end_date.is_(None)
    )


def _names(session: Session) -> dict[str, str]:
    return {
        str(child_id): f"{first} {last}"
        for child_id, first, last in session.execute(
            sa.select(type_coerce(_CH.c.id, String), _CH.c.first_name, _CH.c.last_name)
        )
    }


def review_meetings(
    session: Session, *, today: date, caseworker_id: uuid.UUID | None = None
) -> list[CalendarEvent]:
    latest = (
        sa.select(_LV.c.letter_id, sa.func.max(_LV.c.version).label("version"))
        .where(_LV.c.template == REVIEW_TEMPLATE)
        .group_by(_LV.c.letter_id)
        .subquery()
    )
    query = sa.select(
        type_coerce(_LV.c.letter_id, String), type_coerce(_LV.c.child_id, String), _LV.c.inputs
    ).join(latest, sa.and_(latest.c.letter_id == _LV.c.letter_id,
                           latest.c.version == _LV.c.version))  # fmt: skip
    mine = _children_of(caseworker_id)
    if mine is not None:
        query = query.where(_LV.c.child_id.in_(mine))
    names = _names(session)
    events = []
    for letter_id, child_id, inputs in session.execute(query):
        try:
            day = date.fromisoformat(str((inputs or {}).get("meeting_date")))
        except ValueError:
            continue
        if day < today - REVIEWS_FROM:
            continue
        name = names.get(child_id, "")
        place = str(inputs.get("meeting_place") or "")
        summary = f"Annual review meeting: {name}"
        description = f"Annual review meeting for {name}." + (f" Where: {place}." if place else "")
        clock = str(inputs.get("meeting_time") or "")
        try:
            hours, minutes = clock.split(":")[:2]
            start = datetime.combine(day, time(int(hours), int(minutes)))
        except ValueError:
            events.append(
                CalendarEvent(
                    f"review-{uuid.UUID(letter_id).hex}@send-desk", summary, description,
                    "Review meeting", day=day, location=place,
                )
            )  # fmt: skip
            continue
        events.append(
            CalendarEvent(
                f"review-{uuid.UUID(letter_id).hex}@send-desk",
                summary,
                description,
                "Review meeting",
                start=start,
                end=start + timedelta(minutes=MEETING_MINUTES),
                location=place,
            )
        )
    return events


def callback_events(
    session: Session, *, today: date, caseworker_id: uuid.UUID | None = None
) -> list[CalendarEvent]:
    query = (
        sa.select(
            type_coerce(_CB.c.id, String),
            type_coerce(_CB.c.child_id, String),
            _CB.c.slot_start,
            _CB.c.slot_minutes,
            _CB.c.requested_by,
            _CB.c.phone,
            _CB.c.about,
            _CB.c.via_duty,
            _US.c.display_name,
        )
        .join(_US, _US.c.id == _CB.c.caller_id)
        .where(_CB.c.outcome.is_(None), _CB.c.slot_start >= datetime.combine(today, time.min))
    )
    if caseworker_id is not None:
        query = query.where(_CB.c.caller_id == caseworker_id)
    names = _names(session)
    events = []
    for cb_id, child_id, start, minutes, who, phone, about, via_duty, caller in session.execute(
        query
    ):
        name = names.get(child_id, "")
        events.append(
            CalendarEvent(
                f"callback-{uuid.UUID(cb_id).hex}@send-desk",
                f"Callback: {who} ({name})",
                f"Phone {who} on {phone or 'the number on the record'} about {about}. "
                f"Caller: {caller}{' (duty)' if via_duty else ''}. Child: {name}.",
                "Callback",
                start=start,
                end=start + timedelta(minutes=minutes),
            )
        )
    return events


def _action(milestone_id: str) -> str:
    """What to do for a milestone, from its rule ("Chase the advice")."""
    from send_desk.timescales import default_rules

    rules = default_rules().rules_for(milestone_id)
    if not rules or not rules[0].action:
        return ""
    suffix = milestone_id.split(":", 1)[1] if ":" in milestone_id else ""
    return rules[0].action.replace("{suffix}", suffix.replace("_", " "))


def deadline_description(row: dict[str, Any], exported: date) -> str:
    """What a deadline's event says: dates only, never "in 3 days" or "377 days ago",
    which would be wrong the day after the calendar was imported."""
    due = uk_date(row["due"])
    text = f"{_action(row['milestone']) or row['title']}: due {due}."
    exception = row.get("exception")
    if exception:
        text += f" The council relies on an exception: {exception['label']}."
    elif row["due"] < exported:
        text += f" Not yet done when this calendar was exported on {uk_date(exported)}."
    if row.get("proposed"):
        text += " Proposed from the date of birth: record the phase transfer to confirm."
    return (
        f"{text} Legal source: {row['source']}. Caseworker: {row['caseworker'] or 'not allocated'}."
    )


def deadline_events(
    session: Session, *, today: date, caseworker_id: uuid.UUID | None = None
) -> list[CalendarEvent]:
    events = []
    for row in deadlines(
        session, DeadlineQuery(caseworker_id=caseworker_id, everything=True), today=today
    ):
        key = f"{uuid.UUID(row['child_id']).hex}-{row['milestone']}"
        events.append(
            CalendarEvent(
                f"deadline-{key}@send-desk",
                f"Due: {row['title']} – {row['child_name']}",
                deadline_description(row, today),
                "Statutory deadline",
                day=row["due"],
            )
        )
    mine = _children_of(caseworker_id)
    names = _names(session)
    items = sa.select(
        type_coerce(_CI.c.id, String),
        type_coerce(_CI.c.child_id, String),
        _CI.c.channel,
        _CI.c.correspondent,
        _CI.c.summary,
        _CI.c.contact_date,
        _CI.c.response_due,
    ).where(
        _CI.c.needs_response.is_(True),
        _CI.c.responded_on.is_(None),
        _CI.c.response_due.is_not(None),
    )
    if mine is not None:
        items = items.where(_CI.c.child_id.in_(mine))
    for item_id, child_id, channel, who, summary, received, due in session.execute(items):
        what = CHANNEL_LABELS.get(channel, channel).lower()
        events.append(
            CalendarEvent(
                f"reply-{uuid.UUID(item_id).hex}@send-desk",
                f"Reply due: {what} from {who} ({names.get(child_id, '')})",
                f"Received {uk_date(received)}: {summary}",
                "Correspondence",
                day=due,
            )
        )
    stages = (
        sa.select(
            type_coerce(_CS.c.id, String),
            type_coerce(_CS.c.child_id, String),
            _CS.c.stage,
            _CS.c.response_due,
            _CP.c.complainant,
        )
        .join(_CP, _CP.c.id == _CS.c.complaint_id)
        .where(_CS.c.responded_on.is_(None))
    )
    if caseworker_id is not None:
        stages = stages.where(
            sa.or_(_CP.c.caseworker_id == caseworker_id, _CS.c.child_id.in_(mine))  # type: ignore[arg-type]
        )
    for stage_id, child_id, stage, due, complainant in session.execute(stages):
        events.append(
            CalendarEvent(
                f"complaint-{uuid.UUID(stage_id).hex}@send-desk",
                f"Complaint response due: {complainant} ({names.get(child_id, '')})",
                f"The {stage.replace('stage', 'stage ')} response to the complaint from "
                f"{complainant} is due {uk_date(due)}.",
                "Complaint",
                day=due,
            )
        )
    return events


def calendar_events(
    session: Session,
    *,
    today: date,
    caseworker_id: uuid.UUID | None = None,
    progress: Progress | None = None,
) -> list[CalendarEvent]:
    """Every event of the export (see the module docstring), meetings and calls first."""
    say = progress or (lambda _done, _total: None)
    say(0, 3)
    found = review_meetings(session, today=today, caseworker_id=caseworker_id)
    say(1, 3)
    found += callback_events(session, today=today, caseworker_id=caseworker_id)
    say(2, 3)
    found += deadline_events(session, today=today, caseworker_id=caseworker_id)
    say(3, 3)
    return found


__all__ = [
    "CalendarEvent",
    "calendar_events",
    "callback_events",
    "deadline_events",
    "review_meetings",
]
