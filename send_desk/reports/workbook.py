"""What the report's workbook holds besides the figures: the About sheet and the
statutory deadlines open on the report's date.

One report has one date: its position (``as_of``: the end of the period, or today if
sooner). The "Open deadlines" sheet lists the tasks open on that day, with their status
and days left counted from it, so that the sheet, its About page and every figure agree
even when the period ended in the past or the workbook is saved the next morning.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import false, or_, select
from sqlmodel import Session

from send_desk.domain.children import Child
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.tables import table_of
from send_desk.reports.compliance import NOT_ALLOCATED, _holders
from send_desk.services.standards import Standards
from send_desk.timeutil import uk_date

_MS, _CH = (table_of(model) for model in (MilestoneRow, Child))
REPORT_NAME = "SEND compliance and service figures"


def open_deadlines(
    session: Session, *, today: date, as_of: date | None = None
) -> list[dict[str, Any]]:
    """Every statutory task open on ``as_of`` (default ``today``), most at risk first,
    with status, days left and next step counted from that day (the workbook's detail
    sheet). The caller makes sure the clock's cache is current on ``today``."""
    from send_desk.services.deadlines import DeadlineQuery, deadlines

    day = today if as_of is None else as_of
    if day >= today:
        return deadlines(session, DeadlineQuery(everything=True), today=today)
    return _open_on(session, day)


def _open_on(session: Session, as_of: date) -> list[dict[str, Any]]:
    """The tasks open on a past day: started by then (their trigger event on or before
    it) and not done by then; each with whoever held the case that day."""
    from send_desk.services.deadlines import (
        _deadline,
        horizon,
        milestone_of,
        priority_reasons,
        task_columns,
    )
    from send_desk.services.deadlines import risk_key as deadline_risk
    from send_desk.timescales import default_rules

    query = (
        select(*task_columns())
        .join(_CH, _CH.c.id == _MS.c.child_id)
        .where(
            _MS.c.kind == "task",
            _MS.c.local == false(),
            _MS.c.cycle <= as_of,
            or_(_MS.c.done.is_(None), _MS.c.done > as_of),
        )
    )
    holders = _holders(session)
    rows = []
    for found in session.execute(query):
        row = dict(found._mapping, done=None)  # not yet done on that day
        worker, team = holders.on(row["child_key"], as_of)
        row["display_name"] = None if worker == NOT_ALLOCATED else worker
        row["team"] = None if team == NOT_ALLOCATED else team
        rows.append(row)
    reasons = priority_reasons(
        session,
        (row["child_key"] for row in rows),
        as_of,
        looked_after={row["child_key"] for row in rows if row["looked_after"]},
    )
    rules, last = default_rules(), horizon(as_of)
    result = []
    for row in rows:
        milestone = milestone_of(row, as_of, rules)
        if milestone is not None:
            result.append(_deadline(row, milestone, reasons.get(row["child_key"], []), as_of, last))
    result.sort(key=deadline_risk)
    return result


def about_rows(report: Mapping[str, Any], standards: Standards) -> list[tuple[str, str]]:
    """What the workbook's About sheet says: the report, its period and date, and how
    each part counts."""
    channels = "; ".join(
        f"{c.label}: {c.respond_within} working days" for c in standards.channels.values()
    )
    stages = "; ".join(
        f"{s.label}: acknowledged within {s.acknowledge_within}, answered within "
        f"{s.respond_within} working days"
        for s in standards.stages
    )
    as_of = uk_date(report["as_of"])
    return [
        ("Report", REPORT_NAME),
        ("Period", f"{uk_date(report['from'])} to {uk_date(report['to'])}"),
        ("Position on", as_of),
        ("Statutory figures", "From the statutory clock; a deadline belongs to whoever held "
         "the case on the day that decided it."),
        ("Correspondence standard", channels),
        ("Correspondence weeks", "Monday to Sunday. Completed: answered that week; in time: "
         "on or before the due date. Ongoing: received by the end of the week and not yet "
         "answered; overdue: ongoing and past the due date."),
        ("Complaint stages", stages),
        ("Complaints", "Received by stage: the day the stage started. Closed: a stage "
         "response sent (a complaint answered at stage 1 and again at stage 2 closes "
         "twice); within the SLA: on or before the stage's due date."),
        ("Callbacks", f"Missed: no call recorded {standards.callbacks.missed_after_minutes} "
         "minutes after the slot ended."),
        ("Open deadlines", f"Every statutory task open on {as_of}, with whoever held the "
         f"case that day; days left and status counted from {as_of}."),
        ("Standards file", standards.source),
    ]  # fmt: skip


__all__ = ["REPORT_NAME", "about_rows", "open_deadlines"]
