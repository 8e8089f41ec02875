"""Two decisions about when a cycle of a rule ends, kept apart from the engine's loops.

See ``docs/statutory-decisions.md`` for the legal reasoning.

* ``done_by.late_until`` (the plan for a phase transfer, reg 18): a plan issued after
  the due date, up to the transfer itself, completes the milestone late; before that
  day nothing the council does can stop it being a breach, after it the council is
  still told to act.
* ``left_out_when`` (the annual review when a plan is transferred in, reg 15(5); the
  mediation the family no longer wants): a cycle still open on the day of such an
  event is left out, because the duty it counts no longer runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from send_desk.timescales.milestones import Milestone


class Dated(Protocol):
    """An event inside the engine, as far as these rules read it."""

    @property
    def date(self) -> dt.date: ...

    @property
    def pos(self) -> int: ...


E = TypeVar("E", bound=Dated)


def day_of(raw: Any) -> dt.date | None:
    """A date field of an event (a date, or its ISO text as a form or the parser gives)."""
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def first_late(lists: Iterable[Sequence[E]], due: dt.date, last: dt.date | None) -> E | None:
    """The first event (in date order) after ``due`` and on or before ``last``."""
    found: E | None = None
    if last is None or last <= due:
        return None
    for candidates in lists:
        for candidate in candidates:
            if due < candidate.date <= last and (found is None or candidate.pos < found.pos):
                found = candidate
    return found


def leave_out(
    milestones: list[Milestone], by_type: Mapping[str, Sequence[Dated]]
) -> list[Milestone]:
    """The milestones without the cycles a ``left_out_when`` event ended."""
    kept: list[Milestone] = []
    for milestone in milestones:
        rule = milestone.rule
        if rule.left_out_when and _ended(milestone, by_type):
            continue
        kept.append(milestone)
    return kept


def _ended(milestone: Milestone, by_type: Mapping[str, Sequence[Dated]]) -> bool:
    rule = milestone.rule
    for type_id in rule.left_out_when:
        for event in by_type.get(type_id, ()):
            day = event.date
            if (
                milestone.trigger_date <= day
                and (milestone.done is None or milestone.done > day)
                and not (rule.left_out_before_due and day > milestone.due)
            ):
                return True
    return False
