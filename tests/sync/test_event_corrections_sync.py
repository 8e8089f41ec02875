"""A corrected or withdrawn event reaches the other laptops like any change (SQLite and
PostgreSQL): the new version and its reason, the versions kept, the withdrawal marked."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import col, select

from send_desk.domain.events import CaseEvent
from send_desk.services.event_corrections import correct_event, withdraw_event
from tests.constants import TODAY
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows


def test_corrections_and_withdrawals_sync(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    north: Device = device_factory(live.url, "north-caseworker")
    north.login(demo_central.user("caseworker", "North"))
    north.sync()
    child = uuid.UUID(north.children()[0]["id"])
    with north.open() as store, store.write() as session:
        events = session.scalars(
            select(CaseEvent).where(CaseEvent.child_id == child).order_by(col(CaseEvent.date))
        ).all()
        first, last = events[0].id, events[-1].id
        correct_event(
            session, first, {"evidence": "Request form dated and stamped"},
            reason="evidence added from the scanned form", today=TODAY,
        )  # fmt: skip
        withdraw_event(session, last, reason="recorded on the wrong child", today=TODAY)
    report = north.sync()
    assert report["quarantined"] == 0 and report["pending"] == 0
    [central_event] = central_rows(demo_central, "case_event", id=first)
    assert (central_event["version"], central_event["evidence"]) == (
        2,
        "Request form dated and stamped",
    )
    assert len(central_rows(demo_central, "case_event_version", event_id=first)) == 2

    other: Device = device_factory(live.url, "north-supervisor")
    other.login(demo_central.user("supervisor", "North"))
    other.sync()
    [withdrawn] = local_rows(other, "case_event", id=last)
    assert (withdrawn["withdrawn"], withdrawn["withdrawn_reason"]) == (
        True,
        "recorded on the wrong child",
    )
    versions = local_rows(other, "case_event_version", event_id=first)
    assert sorted((v["version"], v["reason"]) for v in versions) == [
        (1, None),
        (2, "evidence added from the scanned form"),
    ]
