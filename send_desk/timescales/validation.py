"""Checking a new event before the store records it.

:func:`validate_new_event` returns problems a caseworker can read, each either
``refuse`` (the store should not record the event as it stands) or ``flag`` (record
it, but show the message). It uses the same checks as the clock itself, so what the
store accepts is what the clock can use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales.calendar import WorkingCalendar
from send_desk.timescales.engine import (
    W_DUPLICATE,
    W_EXCEPTION,
    W_FUTURE,
    W_INVALID,
    compute_timeline,
)
from send_desk.timescales.events import Child, Event, parse_event
from send_desk.timescales.rules import RuleSet
from send_desk.timeutil import uk_date

REFUSE = "refuse"
FLAG = "flag"
_REFUSED_CODES = frozenset({W_INVALID, W_DUPLICATE, W_EXCEPTION})


@dataclass(frozen=True, slots=True)
class EventProblem:
    level: str  # "refuse" or "flag"
    message: str
    code: str


def _as_event(value: Event | Mapping[str, Any]) -> Event:
    return value if isinstance(value, Event) else parse_event(value)


def validate_new_event(
    existing_events: Sequence[Event | Mapping[str, Any]],
    new_event: Event | Mapping[str, Any],
    today: date,
    *,
    child: Child | None = None,
    rules: RuleSet | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[EventProblem]:
    """What is wrong with adding ``new_event`` to a child's ``existing_events`` today.

    Refused: an event that cannot be read (unknown type, impossible date, missing or
    wrong field), one dated after today, one already recorded, an exception for a
    milestone that does not exist in the case, for a reason the law does not allow
    for it, or without evidence. Flagged: an event out of order, one that completes
    no open deadline, a closure exception with no advice asked for in a closure window.
    An empty list means the event can be recorded as it is.
    """
    try:
        event = _as_event(new_event)
    except ValueError as error:
        return [EventProblem(REFUSE, str(error), W_INVALID)]
    existing = []
    for value in existing_events:
        try:
            existing.append(_as_event(value))
        except ValueError:
            continue  # a bad stored event is the store's concern, not this new one's
    problems = []
    if event.date > today:
        problems.append(
            EventProblem(
                REFUSE,
                f"The date {uk_date(event.date)} is after today ({uk_date(today)}): record an "
                "event once it has happened.",
                W_FUTURE,
            )
        )
    timeline = compute_timeline(
        [*existing, event],
        today,
        child,
        rules=rules,
        calendar=calendar,
        propose_transfers=False,
    )
    new_index = len(existing)
    for warning in timeline.warnings:
        if warning.event_index != new_index or warning.code == W_FUTURE:
            continue
        message = warning.message
        if warning.code == W_DUPLICATE:
            label = EVENT_TYPES[event.type].label
            message = f"This event is already recorded ({label} on {uk_date(event.date)})."
        level = REFUSE if warning.code in _REFUSED_CODES else FLAG
        problems.append(EventProblem(level, message, warning.code))
    return problems
