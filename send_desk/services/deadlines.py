"""What is due: overdue, due today and due soon, ordered by statutory risk.

Read from the cached milestones (:mod:`send_desk.services.milestones`); the caller
makes sure the cache is current first. Used by ``send-desk deadlines``, the desktop
app's "My day" and its reminders.

Order ("statutory risk"): overdue first (a breach already; an exception the council
relies on after a plain breach), then due today, then the rest by due date; within
each, children who come first by local policy and good practice (looked-after
children, children in a phase transfer, children moving in from another council)
before the others; then the earliest due date; statutory time limits before local
targets.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, and_, false, func, select, type_coerce
from sqlmodel import Session

from send_desk.domain.children import Allocation, Child
from send_desk.domain.codes import MILESTONE_STATUS_LABELS
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.services.milestones import hex_id
from send_desk.services.priority_groups import load_priority_groups
from send_desk.timescales import default_calendar, default_rules
from send_desk.timescales.milestones import (
    EXCEPTION,
    OVERDUE,
    ExceptionClaim,
    Milestone,
    status_on,
)
from send_desk.timescales.rules import RuleSet

_MS, _CH, _AL, _US, _TM = (table_of(m) for m in (MilestoneRow, Child, Allocation, User, Team))

OVERDUE_SECTION = "overdue"
TODAY_SECTION = "today"
SOON_SECTION = "soon"
LATER_SECTION = "later"
SECTION_TITLES = {
    OVERDUE_SECTION: "Overdue",
    TODAY_SECTION: "Due today",
    SOON_SECTION: "Due soon",
    LATER_SECTION: "Due later",
}
LOOKED_AFTER = "looked after"
PHASE_TRANSFER = "phase transfer"
MOVING_IN = "moving in"
# the milestones that put a child in each group: resources/deadlines
_GROUPS = load_priority_groups()
PHASE_TRANSFER_IDS = _GROUPS["phase_transfer"]
MOVING_IN_IDS = _GROUPS["moving_in"]

DEFAULT_WITHIN = 10  # working days


@dataclass(frozen=True)
class DeadlineQuery:
    """Whose deadlines and how far ahead. ``everything``: every open task, whatever its
    due date. Ids are UUIDs or their text."""

    caseworker_id: uuid.UUID | str | None = None
    team_id: uuid.UUID | str | None = None
    child_id: uuid.UUID | str | None = None
    within: int = DEFAULT_WITHIN
    everything: bool = False
    include_local: bool = False


def horizon(today: date, within: int = DEFAULT_WITHIN) -> date:
    """The last day of "the next ``within`` working days" (England and Wales)."""
    if within <= 0:
        return today
    return default_calendar().working_days_after(today, within)


def milestone_of(row: Mapping[str, Any], today: date, rules: RuleSet) -> Milestone | None:
    """A cached row as the clock's :class:`Milestone` (for its title and next step)."""
    rule = rules.rule_named(row["rule"])
    if rule is None:
        return None
    claims: tuple[ExceptionClaim, ...] = ()
    if row["exception_reason"]:
        reason = rules.reasons.get(row["exception_reason"])
        claims = (
            ExceptionClaim(
                row["exception_reason"],
                reason.label if reason else row["exception_reason"].replace("_", " "),
                row["exception_evidence"] or "",
                row["exception_recorded"] or row["cycle"],
                None,
                rule.exception_source or (reason.source if reason else ""),
            ),
        )
    status = status_on(today, row["due"], row["done"], info=rule.is_info, exception=bool(claims))
    milestone_id: str = row["milestone"]
    suffix = milestone_id.split(":", 1)[1] if ":" in milestone_id else None
    return Milestone(
        milestone_id,
        row["due"],
        rule,
        today,
        row["cycle"],
        suffix,
        row["done"],
        status,
        bool(row["proposed"]),
        bool(row["priority"]),
        None,
        claims,
    )


def section_of(status: str, due: date, today: date, last: date) -> str:
    if status in (OVERDUE, EXCEPTION) and due < today:
        return OVERDUE_SECTION
    if due == today:
        return TODAY_SECTION
    return SOON_SECTION if due <= last else LATER_SECTION


def in_transfer_until(today: date) -> date:
    """A child is in a phase transfer when the move (1 September of the year of the
    15 February / 31 March deadline) is within 12 months (reg 18: "within 12 months of
    a transfer between phases"). Deadlines before the day returned qualify."""
    ahead = (
        today.replace(year=today.year + 1)
        if (today.month, today.day) != (2, 29)
        else (date(today.year + 1, 3, 1))
    )
    last_year = ahead.year if ahead >= date(ahead.year, 9, 1) else ahead.year - 1
    return date(last_year + 1, 1, 1)


def priority_reasons(
    session: Session, child_ids: Iterable[str], today: date, looked_after: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Why each child comes first (hex id -> reasons), for children with any reason;
    ``looked_after``: those of them who are looked after (the caller has read it).

    Every open transfer milestone of the store is read from its index alone
    (``ix_milestone_open``): quicker than looking up each child's milestones.
    """
    ids = set(child_ids)
    if not ids:
        return {}
    key = type_coerce(_MS.c.child_id, String)
    transfers = select(key, _MS.c.milestone).where(
        _MS.c.done.is_(None),
        _MS.c.milestone.in_(MOVING_IN_IDS)
        | (_MS.c.milestone.in_(PHASE_TRANSFER_IDS) & (_MS.c.due < in_transfer_until(today))),
    )
    reasons: dict[str, list[str]] = {}
    for child, milestone in session.execute(transfers.distinct()):
        if child in ids:
            reason = MOVING_IN if milestone in MOVING_IN_IDS else PHASE_TRANSFER
            found = reasons.setdefault(child, [])
            if reason not in found:
                found.append(reason)
    for child in looked_after:
        reasons.setdefault(child, []).append(LOOKED_AFTER)
    order = (LOOKED_AFTER, PHASE_TRANSFER, MOVING_IN)
    return {child: sorted(found, key=order.index) for child, found in reasons.items()}


def risk_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Sort key: the order of the module docstring."""
    sections = (OVERDUE_SECTION, TODAY_SECTION, SOON_SECTION, LATER_SECTION)
    return (
        sections.index(row["section"]),
        0 if row["priority_reasons"] else 1,
        1 if row["status"] == EXCEPTION else 0,
        row["due"],
        row["local"],
        row["child_name"].lower(),
        row["child_id"],
        row["milestone"],
    )


def task_columns() -> list[ColumnElement[Any]]:
    """What a deadline row reads of a cached task and its child (here and in the report
    workbook's tasks open on a past day)."""
    child_key = type_coerce(_MS.c.child_id, String)
    return [
        child_key.label("child_key"),
        _MS.c.milestone,
        _MS.c.rule,
        _MS.c.due,
        _MS.c.cycle,
        _MS.c.proposed,
        _MS.c.priority,
        _MS.c.local,
        _MS.c.exception_reason,
        _MS.c.exception_evidence,
        _MS.c.exception_recorded,
        _CH.c.first_name,
        _CH.c.last_name,
        _CH.c.looked_after,
    ]


def deadlines(session: Session, query: DeadlineQuery, *, today: date) -> list[dict[str, Any]]:
    """Open statutory tasks: overdue, due today and due in the next ``within`` working
    days (or every open task), with child, caseworker, team, title, status, days left,
    next step, legal source and why the child comes first; in order of statutory risk."""
    last = horizon(today, query.within)
    rules = default_rules()
    child_key = type_coerce(_MS.c.child_id, String)
    current = and_(_AL.c.child_id == _MS.c.child_id, _AL.c.end_date.is_(None))
    stmt = (
        select(
            *task_columns(),
            _US.c.display_name,
            _TM.c.name.label("team"),
        )
        .select_from(_MS)
        .join(_CH, _CH.c.id == _MS.c.child_id)
        .outerjoin(_AL, current)
        .outerjoin(_US, _US.c.id == _AL.c.caseworker_id)
        .outerjoin(_TM, _TM.c.id == _AL.c.team_id)
        .where(_MS.c.kind == "task")
    )
    scoped = query.caseworker_id is not None or query.team_id is not None
    # Open tasks: through the (done, due) index for the whole store; for one caseload
    # through its children instead (ifnull() keeps SQLite off the done index there).
    stmt = stmt.where(func.ifnull(_MS.c.done, "") == "" if scoped else _MS.c.done.is_(None))
    if not query.everything:
        stmt = stmt.where(_MS.c.due <= last)
    if not query.include_local:
        stmt = stmt.where(_MS.c.local == false())
    if scoped:
        # one caseload: start from its children (a few hundred), not from every open task
        held = select(_AL.c.child_id).where(_AL.c.end_date.is_(None))
        if query.caseworker_id is not None:
            held = held.where(
                type_coerce(_AL.c.caseworker_id, String) == hex_id(query.caseworker_id)
            )
        if query.team_id is not None:
            held = held.where(type_coerce(_AL.c.team_id, String) == hex_id(query.team_id))
        stmt = stmt.where(_MS.c.child_id.in_(held))
    if query.child_id is not None:
        stmt = stmt.where(child_key == hex_id(query.child_id))
    # only open milestones (done and the source, which the rule holds, are not read:
    # the rest comes from the index of open milestones alone)
    rows = [dict(row._mapping, done=None) for row in session.execute(stmt)]
    reasons = priority_reasons(
        session,
        (row["child_key"] for row in rows),
        today,
        looked_after={row["child_key"] for row in rows if row["looked_after"]},
    )
    result = []
    for row in rows:
        milestone = milestone_of(row, today, rules)
        if milestone is None:
            continue
        result.append(_deadline(row, milestone, reasons.get(row["child_key"], []), today, last))
    result.sort(key=risk_key)
    return result


def _deadline(
    row: Mapping[str, Any],
    milestone: Milestone,
    child_reasons: Sequence[str],
    today: date,
    last: date,
) -> dict[str, Any]:
    claim = milestone.exceptions[0] if milestone.exceptions else None
    return {
        "child_id": str(uuid.UUID(row["child_key"])),
        "child_name": f"{row['first_name']} {row['last_name']}",
        "looked_after": bool(row["looked_after"]),
        "caseworker": row["display_name"],
        "team": row["team"],
        "milestone": milestone.id,
        "title": milestone.title,
        "due": milestone.due,
        "status": milestone.status,
        "status_label": MILESTONE_STATUS_LABELS.get(milestone.status, milestone.status),
        "days_left": milestone.days_left,
        "section": section_of(milestone.status, milestone.due, today, last),
        "next_step": milestone.next_step,
        "source": milestone.source,
        "local": milestone.local,
        "proposed": milestone.proposed,
        "exception": (
            {"reason": claim.reason, "label": claim.label, "evidence": claim.evidence}
            if claim
            else None
        ),
        "priority_reasons": list(child_reasons),
    }


def overdue_child_ids(session: Session, *, today: date) -> set[str]:
    """Stored (hex) ids of the children with a statutory task not done by its due date
    (an exception claimed or not), for the caseload's "Overdue" filter.

    Read from the index of open milestones alone (``ix_milestone_open``): the
    milestones that are not statutory tasks (local targets, dates to know) are left
    out by their ids, which that index holds.
    """
    not_tasks = sorted({rule.id for rule in default_rules().rules if rule.local or rule.is_info})
    query = (
        select(type_coerce(_MS.c.child_id, String))
        .where(
            _MS.c.done.is_(None),
            _MS.c.milestone.not_in(not_tasks),
            _MS.c.due < today,
        )
        .distinct()
    )
    return set(session.scalars(query))


def counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many deadlines in each section."""
    found = dict.fromkeys(SECTION_TITLES, 0)
    for row in rows:
        found[row["section"]] += 1
    return found


__all__ = [
    "DeadlineQuery",
    "counts",
    "deadlines",
    "horizon",
    "milestone_of",
    "overdue_child_ids",
    "priority_reasons",
    "risk_key",
]
