"""The dates a letter names, from the statutory clock.

A letter usually records the event its dates count from (a draft plan sent, a decision
sent): the clock works them out with that event added on the letter's date, unless the
case has it already. A period the letter gives the reader (``from_letter`` in the
manifest: 15 days to comment, 2 months to appeal, 6 weeks for advice) is counted from
the later of that event and the letter's own date, so a letter made days after the
event still gives the whole period it states.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from send_desk.domain.events import CaseEvent
from send_desk.letters.manifest import DateSpec, TemplateSpec
from send_desk.letters.periods import appeal_fields
from send_desk.letters.templating import Lines
from send_desk.services.errors import NotFound
from send_desk.services.milestones import clock_inputs
from send_desk.timescales import Event, compute_timeline
from send_desk.timescales.milestones import Milestone

# An event already recorded this many days before the letter (or after it, for a letter
# dated before it) is the one the letter speaks of.
RECENT_DAYS = 42
APPEAL_MILESTONE = "appeal_deadline"


@dataclass
class LetterDates:
    """The template's dates, and ``appeal.*`` for a decision letter."""

    dates: dict[str, date | None] = field(default_factory=dict)
    appeal: dict[str, Any] = field(default_factory=dict)


def events_of(session: Session, child_id: uuid.UUID) -> tuple[Any, list[Event]]:
    found = clock_inputs(session, [child_id])
    if not found:
        raise NotFound(f"no child with id {child_id} in this store")
    _key, child, stored = found[0]
    return child, [Event(e.type, e.date, dict(e.details)) for e in stored]


def timeline_of(session: Session, child_id: uuid.UUID, today: date) -> list[Milestone]:
    child, events = events_of(session, child_id)
    return compute_timeline(events, today, child, include_local=True).milestones


def resolve_details(
    details: Mapping[str, Any], inputs: Mapping[str, Any], missed: Mapping[str, Any] | None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in details.items():
        if isinstance(value, str) and value.startswith("input:"):
            value = inputs.get(value.removeprefix("input:"))
        elif isinstance(value, str) and value.startswith("missed:"):
            value = (missed or {}).get(value.removeprefix("missed:"))
        if isinstance(value, Lines):
            value = "; ".join(value)
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    return out


def matches(
    event: Event | CaseEvent, type_id: str, details: Mapping[str, Any], ignore: Sequence[str] = ()
) -> bool:
    if event.type != type_id:
        return False
    stored = event.details or {}
    return all(stored.get(k) == v for k, v in details.items() if k not in ignore and v is not None)


def recent(
    events: Sequence[Event],
    type_id: str,
    details: Mapping[str, Any],
    on: date,
    ignore: Sequence[str] = (),
) -> Event | None:
    """The latest matching event dated within RECENT_DAYS before ``on`` (or on it)."""
    found = [
        e
        for e in events
        if matches(e, type_id, details, ignore) and on - timedelta(days=RECENT_DAYS) <= e.date <= on
    ]
    return max(found, key=lambda e: e.date) if found else None


def _spoken_of(
    events: Sequence[Event], type_id: str, details: Mapping[str, Any], on: date
) -> Event | None:
    """The event a letter dated ``on`` speaks of: the latest in the RECENT_DAYS before
    it, else the first in the RECENT_DAYS after it (a letter dated before the event)."""
    before = recent(events, type_id, details, on)
    if before is not None:
        return before
    after = [
        e
        for e in events
        if matches(e, type_id, details) and on < e.date <= on + timedelta(days=RECENT_DAYS)
    ]
    return min(after, key=lambda e: e.date) if after else None


def _due(
    milestones: Sequence[Milestone], item: DateSpec, details: Mapping[str, Any]
) -> date | None:
    suffixes = {str(v) for v in details.values() if isinstance(v, str)}
    candidates = [
        m
        for m in milestones
        if m.id == item.milestone
        or (
            m.id.startswith(item.milestone + ":")
            and (not suffixes or m.id.split(":", 1)[1] in suffixes)
        )
    ]
    return max((m.due for m in candidates), default=None)


def clock_dates(
    session: Session,
    child_id: uuid.UUID,
    spec: TemplateSpec,
    inputs: Mapping[str, Any],
    letter_date: date,
) -> LetterDates:
    """The template's dates, from the statutory clock with the events the letter
    itself records added on the letter date (unless they are already recorded)."""
    child, events = events_of(session, child_id)
    added: list[Event] = []
    wanted: list[tuple[DateSpec, dict[str, Any]]] = []
    for item in spec.dates:
        if item.from_input:
            continue
        details = resolve_details(item.details, inputs, None)
        wanted.append((item, details))
        if item.event and not recent([*events, *added], item.event, details, letter_date):
            added.append(Event(item.event, letter_date, details))
    out = LetterDates()
    if not wanted:
        return out
    timeline = compute_timeline([*events, *added], letter_date, child, include_local=True)
    for item, details in wanted:
        if item.from_letter and item.event:
            due, counted_from = _from_letter(child, events, item, details, letter_date)
            out.dates[item.name] = due
            if item.milestone == APPEAL_MILESTONE and due is not None:
                out.appeal = appeal_fields(counted_from, due)
        else:
            out.dates[item.name] = _due(timeline.milestones, item, details)
    return out


def _from_letter(
    child: Any,
    events: Sequence[Event],
    item: DateSpec,
    details: Mapping[str, Any],
    letter_date: date,
) -> tuple[date | None, date]:
    """The due date of a period the letter gives, with its event moved to the later of
    its own date and the letter's (the clock counts; nothing is counted here)."""
    assert item.event is not None
    spoken = _spoken_of(events, item.event, details, letter_date)
    start = max(spoken.date, letter_date) if spoken else letter_date
    kept = [e for e in events if e is not spoken]
    moved = Event(item.event, start, {**(spoken.details if spoken else {}), **details})
    timeline = compute_timeline([*kept, moved], start, child, include_local=True)
    return _due(timeline.milestones, item, details), start
