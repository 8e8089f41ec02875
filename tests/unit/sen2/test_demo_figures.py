"""On the demo store: the return's plans active at census agree with the clock's count of
plans in force on that day, and the exported file validates.

The count is compared with the clock's own definition,
send_desk.timescales.phase_transfer.plan_in_force, applied to each child's events up to
census day: a plan issued or transferred in, not followed by a decision to cease it.
(`send-desk report` counts its "plans in force" the same way; the two commands' figures
are compared in tests/unit/reports/test_plans_in_force.py.)"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlmodel import col, select

from send_desk.domain.events import CaseEvent
from send_desk.sen2.export import Options, build_return, to_xml
from send_desk.sen2.schema import schema_errors
from send_desk.storage.store import Store
from send_desk.timescales.phase_transfer import plan_in_force

CENSUS = date(2026, 1, 15)  # the 2026 return's census day (sen2.md section 1)


def test_plans_active_at_census_equal_the_plans_in_force_that_day(demo_store: Store) -> None:
    with demo_store.read() as session:
        sen2 = build_return(session, Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="Y"),
                            now=datetime(2026, 2, 1, 9, 0))  # fmt: skip
        by_child: dict[object, list[CaseEvent]] = defaultdict(list)
        for event in session.exec(
            select(CaseEvent).where(~col(CaseEvent.withdrawn), col(CaseEvent.date) <= CENSUS)
        ):
            by_child[event.child_id].append(event)
    in_force = sum(1 for events in by_child.values() if plan_in_force(events))
    assert in_force > 10  # the demo has plans to count
    assert sen2.counts()["plans_active_at_census"] == in_force
    # and every child with a plan in force is in the file with exactly one such plan
    active_ids = [
        p.child_id
        for p in sen2.persons
        for r in p.requests
        if r.active_plans is not None and r.active_plans.active_at_census
    ]
    assert len(active_ids) == len(set(active_ids)) == in_force
    assert schema_errors(to_xml(sen2)) == []
