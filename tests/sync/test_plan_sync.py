"""EHC plan versions travel between laptops through the central store (SQLite and
PostgreSQL) like case notes: only ever inserted, in the child's scope, never in
conflict; the working draft stays on the laptop it is written on."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from send_desk.services import plans as service
from send_desk.services.errors import ServiceError
from tests.constants import TODAY
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows
from tests.unit.backend.plan_case import good_plan


@pytest.fixture
def north(live: LiveServer, demo_central: Central, device_factory: Any) -> Device:
    device: Device = device_factory(live.url, "north-caseworker")
    device.login(demo_central.user("caseworker", "North"))
    device.sync()
    return device


def _issue_a_draft(device: Device) -> uuid.UUID:
    """Issue a draft plan for the first child whose case lets the clock record one."""
    for child in device.children():
        child_id = uuid.UUID(child["id"])
        try:
            with device.open() as store, store.write() as session:
                # the plan is written for this child (a plan naming another is refused)
                first = str(child["name"]).split()[0]
                plan = good_plan(child={"first_name": first, "year_group": 10})
                service.save_draft(session, child_id, plan)
                service.issue(session, child_id, "draft", TODAY, today=TODAY, accept_failed=True)
        except ServiceError:
            continue  # the clock refuses it for this child (a plan already issued...)
        return child_id
    raise AssertionError("no child of the demo caseload can have a draft issued")


def test_plan_versions_sync_between_laptops_without_conflict(
    north: Device, live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    child = _issue_a_draft(north)
    [draft] = local_rows(north, "plan_version", child_id=child)
    # a second working draft is being written on this laptop: it never travels
    with north.open() as store, store.write() as session:
        service.save_draft(session, child, good_plan(child={"first_name": ""}))
    report = north.sync()
    assert report["quarantined"] == 0 and report["pending"] == 0 and report["conflicts"] == 0
    [central] = central_rows(demo_central, "plan_version", id=draft["id"])
    assert (central["kind"], central["version"], central["issued_on"]) == ("draft", 1, TODAY)
    assert central["content"]["sections"]["F"][0]["frequency"] == "1 session a week"
    assert not _central_has(demo_central, "plan_draft")

    # a caseworker of another team never receives the plan of a child not theirs
    south: Device = device_factory(live.url, "south-caseworker")
    south.login(demo_central.user("caseworker", "South"))
    south.sync()
    assert south.children() and local_rows(south, "child", id=child) == []
    assert local_rows(south, "plan_version", child_id=child) == []

    other: Device = device_factory(live.url, "north-supervisor")
    other.login(demo_central.user("supervisor", "North"))
    other.sync()
    [arrived] = local_rows(other, "plan_version", child_id=child)
    assert arrived["id"] == draft["id"] and arrived["content"] == draft["content"]
    with other.open() as store, store.read() as session:
        assert service.working_draft(session, child) is None  # the draft stayed behind

    # the supervisor's laptop finalises; north receives the new version next to its own
    with other.open() as store, store.write() as session:
        service.issue(
            session, child, "final", TODAY, today=TODAY, school="Hillside Academy",
            accept_failed=True,
        )  # fmt: skip
    assert other.sync()["conflicts"] == 0
    assert north.sync()["conflicts"] == 0
    rows = local_rows(north, "plan_version", child_id=child)
    kinds = sorted((r["version"], r["kind"]) for r in rows)
    assert kinds == [(1, "draft"), (2, "final")]
    with north.open() as store, store.read() as session:
        kept = service.working_draft(session, child)
        assert kept is not None  # north's working draft is untouched by the pull


def _central_has(central: Central, table: str) -> bool:
    import sqlalchemy as sa

    return sa.inspect(central.engine).has_table(table)
