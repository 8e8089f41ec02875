"""How many EHC plans are in force on a day, as the statutory clock decides it.

A child's plan is in force when the child's events up to that day (withdrawn ones left
out) hold a plan issued or transferred in and no decision to cease it on or after the
latest such event: :func:`send_desk.timescales.phase_transfer.plan_state_by_type`, the
rule the clock uses for phase transfers. The SEN2 return counts its plans active at
census by its own replay of the events (:mod:`send_desk.sen2.episodes`); the two agree
(tests/unit/reports/test_plans_in_force.py says so on the demo).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

from sqlmodel import Session, col, select

from send_desk.domain.events import CaseEvent
from send_desk.timescales.events import Event
from send_desk.timescales.phase_transfer import PLAN_STARTS, plan_state_by_type

_READ = PLAN_STARTS | {"review_decision"}


def plans_in_force(session: Session, on: date) -> int:
    """The number of children with an EHC plan in force on ``on``."""
    by_child: dict[uuid.UUID, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    rows = session.exec(
        select(col(CaseEvent.child_id), col(CaseEvent.type), col(CaseEvent.date),
               col(CaseEvent.details))
        .where(~col(CaseEvent.withdrawn), col(CaseEvent.date) <= on,
               col(CaseEvent.type).in_(_READ))
        .order_by(col(CaseEvent.date))
    )  # fmt: skip
    for child_id, type_id, day, details in rows:
        by_child[child_id][type_id].append(Event(type_id, day, details or {}))
    return sum(1 for events in by_child.values() if plan_state_by_type(events)[0])


def plans_in_force_figure(session: Session, on: date) -> dict[str, object]:
    """The report's ``plans_in_force`` entry: the day and the count."""
    return {"on": on, "count": plans_in_force(session, on)}
