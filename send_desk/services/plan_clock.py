"""What the statutory clock says about issuing a plan's version on a given day.

**Before issuing: the order of the case's events.** A draft plan follows the council's
decision to issue a plan (SEND Regulations 2014 reg 10, or a Tribunal's order to make
one), and a final plan follows an issued draft and the family's 15 days to comment
(reg 13). The clock itself does not refuse either out of order: its contract keeps the
order of events loose on purpose (``resources/rules/event_order.toml`` only warns, and
only about the request; a case may hold history from before the app). So a draft with no
decision recorded is recorded, starts the family's 15 days, completes the local draft
target, and leaves the 16-week decision (``decide_to_issue``) open and going overdue; a
final plan with no draft is recorded and completes the 20-week ``final_plan``. Neither
is lawful as it stands, and both are usually a missing or mistyped event, so -- as
:func:`send_desk.services.events.add_event` does for an event dated before the one it
follows (``confirm_dates``) -- issuing is refused until the caseworker confirms, and a
confirmed issue keeps the message among the result's warnings.

**After issuing: what the recorded event completed late.** The clock's warnings for a
new event (:func:`send_desk.timescales.validate_new_event`) say nothing about time
limits; the recomputed milestones do. Each milestone the new event completed after its
due date is named (the 20-week final plan, the council's draft target), and a draft
whose 15 days to comment end after the final plan's 20-week limit says the final plan
will be late.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, col, select

from send_desk.domain.events import CaseEvent
from send_desk.domain.milestones import MilestoneRow
from send_desk.services.errors import Refused
from send_desk.timescales.rules import default_rules
from send_desk.timeutil import uk_date


class PlanOrderUnconfirmed(Refused):
    """Issuing this version now is out of the statutory order and was not confirmed."""


def _events(session: Session, child_id: uuid.UUID) -> list[CaseEvent]:
    return list(
        session.exec(
            select(CaseEvent)
            .where(CaseEvent.child_id == child_id, ~col(CaseEvent.withdrawn))
            .order_by(col(CaseEvent.date))
        ).all()
    )


def _open_due(session: Session, child_id: uuid.UUID, milestone: str) -> date | None:
    """The due date of the child's latest open ``milestone``, if one is open."""
    row = session.exec(
        select(MilestoneRow)
        .where(
            MilestoneRow.child_id == child_id,
            MilestoneRow.milestone == milestone,
            col(MilestoneRow.done).is_(None),
        )
        .order_by(col(MilestoneRow.due).desc())
    ).first()
    return row.due if row is not None else None


def order_problem(
    session: Session, child_id: uuid.UUID, kind: str, on: date
) -> tuple[str, str] | None:
    """Why issuing a ``kind`` version ("draft", "final") on ``on`` is out of order, and
    what to do about it, in words for the caseworker; None when the events allow it."""
    events = _events(session, child_id)
    if kind == "draft":
        return _draft_problem(session, child_id, events, on)
    if kind == "final":
        drafts = [e for e in events if e.type == "draft_plan_issued" and e.date <= on]
        if drafts:
            return None
        return (
            f"The case records no draft plan issued on or before {uk_date(on)}: a final "
            "plan follows the draft and the family's 15 days to comment on it (SEND "
            "Regulations 2014 reg 13). The clock still records the final plan and "
            "counts it for the 20-week limit.",
            "Record the draft plan issued first, or confirm issuing the final plan "
            "without it.",
        )
    return None


def _draft_problem(
    session: Session, child_id: uuid.UUID, events: list[CaseEvent], on: date
) -> tuple[str, str] | None:
    decisions = [e for e in events if e.type == "issue_decision"]
    ordered = [
        e for e in events if e.type == "tribunal_order" and e.details.get("order") == "make_plan"
    ]
    if any(e.date <= on for e in ordered) or any(
        e.date <= on and e.details.get("outcome") == "issue" for e in decisions
    ):
        return None
    confirm = "Record the decision first, or confirm issuing the draft without it."
    # the statements below stay true once the caseworker confirms: they are kept as
    # the issued version's warnings
    refused = [e for e in decisions if e.date <= on and e.details.get("outcome") == "not_issue"]
    if refused:
        return (
            f"The case records a decision not to issue a plan ({uk_date(refused[-1].date)}): "
            "a draft plan follows a decision to issue one (SEND Regulations 2014 reg 10).",
            "If the council has since decided to issue, record that decision first, or "
            "confirm issuing the draft as it is.",
        )
    later = [e for e in decisions if e.details.get("outcome") == "issue"]
    if later:
        return (
            f"The decision to issue a plan is dated {uk_date(later[0].date)}, after this "
            f"draft ({uk_date(on)}).",
            f"Check the dates. {confirm}",
        )
    due = _open_due(session, child_id, "decide_to_issue")
    left_open = (
        f", and the decision whether to issue (due {uk_date(due)}) stays open"
        if due is not None
        else ""
    )
    return (
        "The case records no decision to issue a plan: a draft plan follows the "
        "council's decision to issue one (SEND Regulations 2014 reg 10). The clock "
        f"still records the draft{left_open}.",
        confirm,
    )


def check_order(
    session: Session, child_id: uuid.UUID, kind: str, on: date, *, confirmed: bool
) -> list[str]:
    """Refuses (PlanOrderUnconfirmed) a version out of order unless ``confirmed``; a
    confirmed one's message is returned, to be kept with the result's warnings."""
    found = order_problem(session, child_id, kind, on)
    if found is None:
        return []
    problem, action = found
    if not confirmed:
        raise PlanOrderUnconfirmed(f"{problem} {action}")
    return [problem]


def late_warnings(session: Session, child_id: uuid.UUID, event_type: str, on: date) -> list[str]:
    """What the clock's milestones, recomputed with the new ``event_type`` on ``on``,
    say was late or will be (see the module docstring)."""
    rules = default_rules()
    rows = session.exec(
        select(MilestoneRow)
        .where(MilestoneRow.child_id == child_id, MilestoneRow.done == on)
        .order_by(col(MilestoneRow.due), col(MilestoneRow.milestone))
    ).all()
    warnings = []
    for row in rows:
        rule = rules.rule_named(row.rule)
        if rule is None or rule.done_by is None or event_type not in rule.done_by.events:
            continue
        if row.done is not None and row.done > row.due:
            days = (row.done - row.due).days
            what = " (a local target, not a statutory time limit)" if row.local else ""
            warnings.append(
                f"{rule.title}: due {uk_date(row.due)}, done {days} day"
                f"{'s' if days != 1 else ''} late{what}."
            )
    if event_type == "draft_plan_issued":
        warnings += _comments_after_final_due(session, child_id, on)
    return warnings


def _comments_after_final_due(session: Session, child_id: uuid.UUID, on: date) -> list[str]:
    final_due = _open_due(session, child_id, "final_plan")
    comments = session.exec(
        select(MilestoneRow).where(
            MilestoneRow.child_id == child_id,
            MilestoneRow.milestone == "draft_response_period_ends",
            MilestoneRow.cycle == on,
        )
    ).first()
    if final_due is None or comments is None or comments.due <= final_due:
        return []
    return [
        f"The family's time to comment on the draft ends on {uk_date(comments.due)}, "
        f"after the 20-week limit for the final plan ({uk_date(final_due)}): the final "
        "plan will be late unless an exception applies."
    ]


__all__ = ["PlanOrderUnconfirmed", "check_order", "late_warnings", "order_problem"]
