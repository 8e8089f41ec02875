"""Correspondence, callbacks and complaints travel between laptops through the central
store like any journaled table (on SQLite and PostgreSQL): what one laptop logs the
other receives, and two different replies recorded offline keep one and a conflict."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import pytest

from send_desk.services import callbacks, complaints
from send_desk.services import correspondence as corr
from send_desk.services.standards import default_standards
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows

TODAY = date(2026, 11, 22)
STANDARDS = default_standards()


@pytest.fixture
def north(live: LiveServer, demo_central: Central, device_factory: Any) -> Device:
    device: Device = device_factory(live.url, "north-caseworker")
    device.login(demo_central.user("caseworker", "North"))
    device.sync()
    return device


def test_items_callbacks_and_complaints_sync_and_replies_conflict(
    north: Device, live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    child = uuid.UUID(north.children()[0]["id"])
    with north.open() as store, store.write() as session:
        item = corr.log_item(
            session, child,
            {"channel": "email", "contact_date": date(2026, 11, 20), "correspondent": "A Parent",
             "summary": "When is the review?", "reference": "<review@mail.example.org>"},
            today=TODAY, standards=STANDARDS,
        )  # fmt: skip
        complaint = complaints.add_complaint(
            session,
            {"child_id": child, "received_on": date(2026, 11, 20), "complainant": "A Parent",
             "summary": "No reply for weeks"},
            today=TODAY, standards=STANDARDS,
        )  # fmt: skip
        booked = callbacks.book(
            session, child,
            {"requested_by": "A Parent", "phone": "07700 900123", "about": "The review",
             "requested_on": date(2026, 11, 20), "slot_start": datetime(2026, 11, 23, 10, 0)},
            now=datetime(2026, 11, 22, 9, 0), standards=STANDARDS,
        )  # fmt: skip
    report = north.sync()
    assert report["quarantined"] == 0 and report["pending"] == 0
    for table, row_id in (
        ("correspondence_item", item["id"]),
        ("complaint", complaint["id"]),
        ("callback", booked["id"]),
    ):
        assert central_rows(demo_central, table, id=uuid.UUID(row_id)), table
    [stage] = central_rows(demo_central, "complaint_stage", complaint_id=uuid.UUID(complaint["id"]))
    assert stage["response_due"] == date(2026, 12, 4)  # Fri 20 Nov + 10 working days

    other: Device = device_factory(live.url, "north-supervisor")
    other.login(demo_central.user("supervisor", "North"))
    other.sync()
    [arrived] = local_rows(other, "correspondence_item", id=uuid.UUID(item["id"]))
    assert arrived["response_due"] == date(2026, 12, 4) and arrived["responded_on"] is None
    assert local_rows(other, "callback", id=uuid.UUID(booked["id"]))

    # both answer the same email offline, differently
    for device, kind, day in ((north, "email", date(2026, 11, 21)),
                              (other, "call", date(2026, 11, 22))):  # fmt: skip
        with device.open() as store, store.write() as session:
            corr.respond(
                session, uuid.UUID(item["id"]),
                corr.Response(kind, day, f"Answered by {kind}"), today=TODAY,
            )  # fmt: skip
    assert north.sync()["conflicts"] == 0
    answered = other.sync()
    assert answered["conflicts"] == 4 and answered["quarantined"] == 0
    north.sync()
    for device in (north, other):
        [row] = local_rows(device, "correspondence_item", id=uuid.UUID(item["id"]))
        # the reply that reached the central store first is kept; the other is a conflict
        assert (row["response_kind"], row["responded_on"]) == ("email", date(2026, 11, 21))
        conflicts = device.json("conflicts")
        assert {c["field"] for c in conflicts} >= {"response_kind", "responded_on"}
        # both replies themselves (outgoing items) are kept
        replies = local_rows(device, "correspondence_item", in_reply_to=uuid.UUID(item["id"]))
        assert sorted(r["channel"] for r in replies) == ["call", "email"]
