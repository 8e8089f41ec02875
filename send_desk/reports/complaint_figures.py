"""Complaint figures over a period, with the position on ``as_of`` (the end of the
period, or today if sooner); nothing later than ``as_of`` counts.

Complaints, by calendar month: complaints **received**, stage responses sent
(**closed**; a complaint answered at stage 1 and again at stage 2 closes twice) and how
many of those **within the SLA** (answered on or before the stage's due date). By
stage: a stage is **received** on the day it starts (every complaint starts at stage 1
on the day it arrives; stage 2 starts when the complainant asks to go on), closed and
within the SLA as above. Root causes count the complaints received in the period,
outcomes the stage responses sent in it; Ombudsman referrals and decisions count those
made in the period. Open and overdue: complaints whose latest stage has no response
on ``as_of`` (overdue: its due date had passed). Per team and caseworker: the
caseworker the complaint is linked to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String, type_coerce
from sqlmodel import Session

from send_desk.domain.correspondence import Complaint, ComplaintStage
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.reports.compliance import NOT_ALLOCATED
from send_desk.reports.service_figures import _last, figure, month_start, next_month
from send_desk.services.standards import Standards
from send_desk.timeutil import uk_date

_CP, _CS, _US, _TM = (table_of(model) for model in (Complaint, ComplaintStage, User, Team))


@dataclass
class ComplaintCounts:
    received: int = 0
    closed: int = 0
    within_sla: int = 0

    def json(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "closed": self.closed,
            "within_sla": figure(self.within_sla, self.closed, "Answered within the SLA"),
        }


@dataclass
class _Complaint:
    received: date
    root_cause: str | None
    caseworker: str
    team: str
    referred: date | None
    decided: date | None
    ombudsman_outcome: str | None
    # (stage, started, due, responded, outcome), in the order the standards give
    stages: list[tuple[str, date, date, date | None, str | None]] = field(default_factory=list)


def _complaints(session: Session, as_of: date, stage_order: Iterable[str]) -> dict[str, _Complaint]:
    found: dict[str, _Complaint] = {}
    query = (
        sa.select(
            type_coerce(_CP.c.id, String),
            _CP.c.received_on,
            _CP.c.root_cause,
            _US.c.display_name,
            _TM.c.name,
            _CP.c.ombudsman_referred_on,
            _CP.c.ombudsman_decided_on,
            _CP.c.ombudsman_outcome,
        )
        .outerjoin(_US, _US.c.id == _CP.c.caseworker_id)
        .outerjoin(_TM, _TM.c.id == _CP.c.team_id)
        .where(_CP.c.received_on <= as_of)
    )
    for row in session.execute(query):
        found[row[0]] = _Complaint(
            row[1], row[2], row[3] or NOT_ALLOCATED, row[4] or NOT_ALLOCATED, row[5], row[6],
            row[7],
        )  # fmt: skip
    stages = sa.select(
        type_coerce(_CS.c.complaint_id, String),
        _CS.c.stage,
        _CS.c.started_on,
        _CS.c.response_due,
        _CS.c.responded_on,
        _CS.c.outcome,
    ).where(_CS.c.started_on <= as_of)
    for complaint_id, stage, started, due, responded, outcome in session.execute(stages):
        if complaint_id in found:
            if responded is not None and responded > as_of:
                responded, outcome = None, None
            found[complaint_id].stages.append((stage, started, due, responded, outcome))
    # the latest stage decides whether a complaint is open: the rows come in no order
    order = {stage_id: index for index, stage_id in enumerate(stage_order)}
    for complaint in found.values():
        complaint.stages.sort(key=lambda row: (order.get(row[0], len(order)), row[1]))
    return found


def complaint_figures(
    session: Session, start: date, end: date, *, today: date, standards: Standards
) -> dict[str, Any]:
    as_of = min(end, today)
    complaints = _complaints(session, as_of, [stage.id for stage in standards.stages])
    months: list[date] = []
    month = month_start(start)
    while month <= as_of:
        months.append(month)
        month = next_month(month)
    by_month = {month: ComplaintCounts() for month in months}
    totals = ComplaintCounts()
    by_stage = {stage.id: ComplaintCounts() for stage in standards.stages}
    teams: dict[str, ComplaintCounts] = {}
    workers: dict[tuple[str, str], ComplaintCounts] = {}
    causes: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    open_now = overdue_now = referred = decided = 0
    ombudsman_outcomes: Counter[str] = Counter()
    for complaint in complaints.values():
        groups = [
            totals,
            teams.setdefault(complaint.team, ComplaintCounts()),
            workers.setdefault((complaint.caseworker, complaint.team), ComplaintCounts()),
        ]
        if start <= complaint.received <= as_of:
            for group in (*groups, by_month[month_start(complaint.received)]):
                group.received += 1
            causes[complaint.root_cause or ""] += 1
        for stage, started, due, responded, outcome in complaint.stages:
            stage_group = by_stage.setdefault(stage, ComplaintCounts())
            # a stage is received the day it starts: every complaint at stage 1 on the
            # day it arrives, stage 2 on the day the complainant asks to go on
            if start <= started <= as_of:
                stage_group.received += 1
            if responded is None:
                continue
            if start <= responded <= as_of:
                for group in (*groups, by_month[month_start(responded)], stage_group):
                    group.closed += 1
                    group.within_sla += responded <= due
                outcomes[outcome or ""] += 1
        latest = complaint.stages[-1] if complaint.stages else None
        if latest is not None and latest[3] is None:
            open_now += 1
            overdue_now += latest[2] < as_of
        if complaint.referred is not None and start <= complaint.referred <= as_of:
            referred += 1
        if complaint.decided is not None and start <= complaint.decided <= as_of:
            decided += 1
            ombudsman_outcomes[complaint.ombudsman_outcome or ""] += 1
    return {
        "standard": [
            {
                "stage": stage.id,
                "label": stage.label,
                "acknowledge_within_working_days": stage.acknowledge_within,
                "respond_within_working_days": stage.respond_within,
            }
            for stage in standards.stages
        ],
        "totals": {
            **totals.json(),
            "open": open_now,
            "overdue": figure(overdue_now, open_now, "Open complaints past their response date"),
            "ombudsman_referrals": referred,
            "ombudsman_decisions": decided,
        },
        "months": [
            {
                "month": month,
                # a month the period starts part-way through says so
                "label": f"{month:%B %Y}" + (f" (from {uk_date(start)})" if month < start else ""),
                **count.json(),
            }
            for month, count in by_month.items()
        ],
        "stages": [
            {"stage": stage, "label": _stage_label(standards, stage), **count.json()}
            for stage, count in by_stage.items()
        ],
        "root_causes": _cause_rows(causes, standards),
        "outcomes": [
            {"outcome": outcome, "label": label, "count": outcomes.get(outcome, 0)}
            for outcome, label in standards.outcomes.items()
        ],
        "ombudsman_outcomes": [
            {"outcome": outcome, "label": label, "count": ombudsman_outcomes.get(outcome, 0)}
            for outcome, label in standards.ombudsman_outcomes.items()
        ],
        "teams": [
            {"team": team, **count.json()}
            for team, count in sorted(teams.items(), key=lambda kv: _last(kv[0]))
        ],
        "caseworkers": [
            {"caseworker": worker, "team": team, **count.json()}
            for (worker, team), count in sorted(
                workers.items(), key=lambda kv: (_last(kv[0][0]), kv[0][1])
            )
        ],
    }


def _cause_rows(causes: Counter[str], standards: Standards) -> list[dict[str, Any]]:
    received = sum(causes.values())
    labels = list(standards.root_causes.items())
    if causes.get(""):
        labels.append(("", "Not yet known"))
    return [
        {
            "root_cause": cause or None,
            "label": label,
            "count": causes.get(cause, 0),
            "percent": round(100 * causes.get(cause, 0) / received, 1) if received else None,
        }
        for cause, label in labels
    ]


def _stage_label(standards: Standards, stage_id: str) -> str:
    for stage in standards.stages:
        if stage.id == stage_id:
            return stage.label
    return stage_id


__all__ = ["ComplaintCounts", "complaint_figures"]
