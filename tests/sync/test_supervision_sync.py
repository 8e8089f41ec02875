"""Audits travel like every journaled record (on SQLite and PostgreSQL): two auditors
grading the same note offline keep both audits, the caseworker's laptop receives them
and the acknowledgement goes back; the records are append-only, so nothing conflicts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from send_desk.services import audits, notes
from tests.constants import TODAY
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows
from tests.unit.quality.test_checker import GOOD

MANUAL = {"facts_opinion": "good", "analysis": "requires_improvement",
          "respectful_language": "good", "colleague_could_act": "good"}  # fmt: skip


def _signed_in(device_factory: Any, url: str, name: str, user: str) -> Device:
    device: Device = device_factory(url, name)
    device.login(user)
    device.sync()
    return device


def test_two_offline_audits_of_one_note_are_both_kept_and_reach_the_caseworker(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    worker = _signed_in(device_factory, live.url, "caseworker",
                        demo_central.user("caseworker", "North"))  # fmt: skip
    child = uuid.UUID(worker.children()[0]["id"])
    with worker.open() as store, store.write() as session:
        saved = notes.add_note(session, child, {**GOOD, "occurred_at": "2026-11-16T10:00",
                               "recorded_at": "2026-11-16T15:00"}, accept_failed=True,
                               now=datetime(2026, 11, 16, 15, 0))  # fmt: skip
    assert worker.sync()["pending"] == 0
    note_id = uuid.UUID(saved["note_id"])

    supervisor = _signed_in(device_factory, live.url, "supervisor",
                            demo_central.user("supervisor", "North"))  # fmt: skip
    manager = _signed_in(device_factory, live.url, "manager", demo_central.user("admin"))
    made = []
    for device, action in ((supervisor, "Say what the visit means for the child"),
                           (manager, "")):  # fmt: skip
        with device.open() as store, store.write() as session:  # both offline
            due = date(2026, 12, 4) if action else None
            made.append(audits.record_audit(session, note_id, MANUAL, action=action,
                                            action_due=due))  # fmt: skip
    for device in (supervisor, manager):
        report = device.sync()
        assert report["conflicts"] == 0 and report["quarantined"] == 0
    on_server = central_rows(demo_central, "note_audit", note_id=note_id)
    assert sorted(str(r["id"]) for r in on_server) == sorted(m["audit_id"] for m in made)

    # the caseworker's laptop receives both audits, and the action for My day
    worker.sync()
    with worker.open() as store, store.read() as session:
        mine = audits.list_audits(session, note_id=note_id)
        due = audits.audit_actions_due(session, until=date(2026, 12, 31),
                                       today=TODAY)  # fmt: skip
        first = next(a for a in mine if a["action"])
    assert len(mine) == 2
    assert [d["what"] for d in due if d["note_id"] == str(note_id)] == [
        "Say what the visit means for the child"]  # fmt: skip
    with worker.open() as store, store.write() as session:
        audits.respond(session, uuid.UUID(first["audit_id"]), comment="Will do")
    assert worker.sync()["pending"] == 0
    supervisor.sync()
    [reply] = local_rows(supervisor, "audit_response", audit_id=uuid.UUID(first["audit_id"]))
    assert reply["comment"] == "Will do" and reply["kind"] == "acknowledged"
