"""What the statutory clock reads and records: frozen read models and inputs.

Statuses and sections travel as codes ("overdue", "met"...; "today", "soon"...); the
GUI words them (send_desk.gui.clock_models, send_desk.gui.formatting).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from send_desk.backend.changes import ChangeKind, Changes

# A value given for an event's extra field (a choice, text, a date or a yes/no).
DetailInput = str | bool | date | None


@dataclass(frozen=True, slots=True)
class ExceptionClaim:
    """The exception the council relies on for a milestone."""

    reason: str
    label: str
    evidence: str
    recorded: date | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class ExceptionReason:
    """A reason the regulations allow for missing a time limit."""

    id: str
    label: str
    source: str
    meaning: str


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One statutory milestone on a child's timeline."""

    milestone: str
    title: str
    due: date
    done: date | None
    status: str
    days_left: int
    next_step: str
    source: str
    local: bool
    proposed: bool
    info: bool  # a date to know, not a task
    exception: ExceptionClaim | None
    completed_by: tuple[str, ...]  # the event types that complete it
    completed_with: Mapping[str, str]  # the details those events are recorded with
    exception_reasons: tuple[ExceptionReason, ...]


@dataclass(frozen=True, slots=True)
class ChildTimeline:
    today: date
    items: tuple[TimelineItem, ...]  # earliest due first
    warnings: tuple[str, ...]  # the clock's doubts about the recorded events


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """A statutory deadline on My day (or a reminder), most at risk first."""

    child_id: uuid.UUID
    child_name: str
    looked_after: bool
    caseworker: str | None
    team: str | None
    milestone: str
    title: str
    due: date
    status: str
    days_left: int
    section: str  # "overdue", "today", "soon" or "later"
    next_step: str
    source: str
    local: bool
    proposed: bool
    exception: ExceptionClaim | None
    priority_reasons: tuple[str, ...]
    apology_requested: bool = False


@dataclass(frozen=True, slots=True)
class MyDay:
    today: date
    up_to: date  # the last day of "due soon"
    rows: tuple[DeadlineRow, ...]
    counts: Mapping[str, int]  # section -> how many


@dataclass(frozen=True, slots=True)
class EventField:
    """An extra field recorded with an event."""

    name: str
    kind: str  # "choice", "text", "date" or "bool"
    label: str
    choices: tuple[str, ...]
    choice_labels: Mapping[str, str]
    required: bool
    # what a form starts with for a bool field (None: ticked, as most flags are asked)
    default: bool | None = None


@dataclass(frozen=True, slots=True)
class EventKind:
    """An event a caseworker records from the Timeline tab."""

    id: str
    label: str
    extras: tuple[EventField, ...]


@dataclass(frozen=True, slots=True)
class ProjectedDate:
    """A statutory date that follows from an event, before the event is recorded."""

    milestone: str
    title: str
    due: date


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    id: uuid.UUID
    warnings: tuple[str, ...]  # what the clock asks the caseworker to check
    child_id: uuid.UUID | None = None  # whose clock it moved

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        if self.child_id is None:
            return Changes.of(ChangeKind.EVENTS, any_child=True)
        return Changes.of(ChangeKind.EVENTS, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class EventCorrection:
    """A corrected event: a new date and/or evidence (None: unchanged)."""

    date: date | None = None
    evidence: str | None = None
