"""What the clock produces: milestones with a status, and warnings about the events.

The plain-English "what to do next" of a milestone is worked out only when asked
(:attr:`Milestone.next_step`), so recomputing a whole caseload stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from send_desk.timescales.rules import Rule
from send_desk.timeutil import uk_date

MET = "met"
LATE = "late"
PENDING = "pending"
OVERDUE = "overdue"
EXCEPTION = "exception"
INFO = "info"
STATUSES = (MET, LATE, PENDING, OVERDUE, EXCEPTION, INFO)


def status_on(today: date, due: date, done: date | None, *, info: bool, exception: bool) -> str:
    """A milestone's status on ``today`` from what does not change day to day (the
    engine's own rule, for milestones kept in the store)."""
    if info:
        return INFO
    if done is not None:
        if done <= due:
            return MET
        return EXCEPTION if exception else LATE
    if today <= due:
        return PENDING
    return EXCEPTION if exception else OVERDUE


@dataclass(frozen=True, slots=True)
class ExceptionClaim:
    """An exception the council relies on for one milestone (it never moves the date)."""

    reason: str
    label: str
    evidence: str
    recorded: date
    event_index: int | None
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "evidence": self.evidence,
            "recorded": self.recorded.isoformat(),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class EventWarning:
    """Something odd about the events, for a caseworker to check.

    ``event_index`` is the position of the event in the list given (None when the
    warning is about the document or the child); ``code`` says what kind of problem
    it is, so a caller can refuse some and flag others.
    """

    event_index: int | None
    message: str
    code: str = ""  # see the W_* codes of send_desk.timescales.engine

    def to_json(self) -> dict[str, Any]:
        return {"event_index": self.event_index, "code": self.code, "message": self.message}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


@dataclass(slots=True)
class Milestone:
    """One deadline of a child's case. ``id`` and ``due`` together identify it."""

    id: str
    due: date
    rule: Rule
    today: date
    trigger_date: date
    suffix: str | None = None
    done: date | None = None
    status: str = PENDING
    proposed: bool = False
    priority: bool = False
    trigger_index: int | None = None  # position of the trigger event (None: proposed)
    exceptions: tuple[ExceptionClaim, ...] = ()

    @property
    def source(self) -> str:
        return self.rule.source

    @property
    def local(self) -> bool:
        return self.rule.local

    @property
    def days_left(self) -> int:
        """Calendar days from today to the due date (negative once it has passed)."""
        return (self.due - self.today).days

    @property
    def title(self) -> str:
        return self._fill(self.rule.title)

    def _fill(self, text: str) -> str:
        if self.suffix is None:
            return text
        return text.replace("{suffix}", self.suffix.replace("_", " "))

    @property
    def next_step(self) -> str:
        """What to do next, in plain words, with dates as dd/mm/yyyy."""
        due = uk_date(self.due)
        if self.status == INFO:
            return self.rule.info.replace("{due}", due) + "."
        claim = self.exceptions[0] if self.exceptions else None
        action = self._fill(self.rule.action)
        if self.done is not None:
            done = uk_date(self.done)
            if self.status == MET:
                return f"Done on {done} (due {due})."
            late_by = _days((self.done - self.due).days)
            if claim is not None and self.status == EXCEPTION:
                return (
                    f"Done on {done}, {late_by} after the time limit of {due}; "
                    f"exception relied on: {claim.label}."
                )
            return f"Done on {done}, {late_by} late (due {due})."
        if self.status == PENDING:
            when = "today" if self.days_left == 0 else f"in {_days(self.days_left)}"
            text = f"{action} by {due} ({when})."
            if self.proposed:
                text += " Proposed from the date of birth: record the phase transfer to confirm."
            return text
        if self.status == EXCEPTION and claim is not None:
            return (
                f"{action} as soon as practicable: the time limit was {due} and the council "
                f"relies on an exception ({claim.label})."
            )
        return f"{action} now: it was due {due}, {_days(-self.days_left)} ago."

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "due": self.due.isoformat(),
            "done": self.done.isoformat() if self.done else None,
            "status": self.status,
            "source": self.rule.source,
            "title": self.title,
            "days_left": self.days_left,
            "next_step": self.next_step,
            "priority": self.priority,
        }
        if self.proposed:
            data["proposed"] = True
        if self.rule.local:
            data["local"] = True
        if self.exceptions:
            data["exception"] = self.exceptions[0].to_json()
            if len(self.exceptions) > 1:
                data["exceptions"] = [claim.to_json() for claim in self.exceptions]
        return data


@dataclass(slots=True)
class Timeline:
    """A child's milestones (by due date, then id) and warnings about the events."""

    today: date
    milestones: list[Milestone]
    warnings: list[EventWarning]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "milestones": [milestone.to_json() for milestone in self.milestones],
            "warnings": [warning.to_json() for warning in self.warnings],
        }
