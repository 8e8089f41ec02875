"""Plan audits travel as note audits do (SQLite and PostgreSQL): a note_audit row with
subject 'plan', append-only, in the child's scope. The supervisor audits the plan a
caseworker issued; the central store keeps the subject; the caseworker's laptop and a
second supervisor's receive it; the caseworker's acknowledgement goes back."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from send_desk.services import audits, plan_audits
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows
from tests.sync.test_plan_sync import _issue_a_draft

GRADES = {"a_sounds_like_family": "good", "b_needs_not_diagnoses": "good",
          "e_outcomes_ambitious": "good", "f_enforceable": "requires_improvement",
          "one_story": "good"}  # fmt: skip


def _signed_in(device_factory: Any, url: str, name: str, user: str) -> Device:
    device: Device = device_factory(url, name)
    device.login(user)
    device.sync()
    return device


def test_a_plan_audit_reaches_the_central_store_and_other_laptops(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    worker = _signed_in(device_factory, live.url, "caseworker",
                        demo_central.user("caseworker", "North"))  # fmt: skip
    child = _issue_a_draft(worker)
    assert worker.sync()["pending"] == 0

    supervisor = _signed_in(device_factory, live.url, "supervisor",
                            demo_central.user("supervisor", "North"))  # fmt: skip
    manager = _signed_in(device_factory, live.url, "manager", demo_central.user("admin"))
    with supervisor.open() as store, store.write() as session:
        saved = plan_audits.record_plan_audit(
            session, child, None, GRADES, comments="F: say how often.",
            action="Quantify the provision in F", action_due=date(2026, 12, 18),
        )  # fmt: skip
    report = supervisor.sync()
    assert report["conflicts"] == 0 and report["quarantined"] == 0 and report["pending"] == 0
    audit_id = uuid.UUID(saved["audit_id"])
    [central] = central_rows(demo_central, "note_audit", id=audit_id)
    assert central["subject"] == "plan" and central["child_id"] == child
    assert str(central["version_id"]) == saved["version_id"]
    assert central["overall"] == saved["overall"] == "requires_improvement"

    # the second supervisor's laptop receives it as a plan audit, ready to moderate
    manager.sync()
    with manager.open() as store, store.read() as session:
        [waiting] = audits.audits_to_moderate(session, subject="plan")
        assert waiting["audit_id"] == saved["audit_id"]
        assert audits.list_audits(session, note_id=uuid.UUID(saved["plan_id"])) == []
    with manager.open() as store, store.write() as session:
        plan_audits.record_plan_audit(session, child, None, GRADES, moderates_id=audit_id)
    assert manager.sync()["conflicts"] == 0

    # the caseworker's laptop: the audit, its action for My day, and the moderation
    worker.sync()
    with worker.open() as store, store.read() as session:
        mine = plan_audits.list_plan_audits(session, child_id=child)
        due = audits.audit_actions_due(session, until=date(2026, 12, 31),
                                       today=date(2026, 12, 7))  # fmt: skip
    assert sorted(a["role"] for a in mine) == ["audit", "moderation"]
    assert [d["what"] for d in due if d["audit_id"] == saved["audit_id"]] == [
        "Quantify the provision in F"]  # fmt: skip
    with worker.open() as store, store.write() as session:
        audits.respond(session, audit_id, comment="Will quantify F2")
    assert worker.sync()["pending"] == 0
    supervisor.sync()
    [reply] = local_rows(supervisor, "audit_response", audit_id=audit_id)
    assert reply["comment"] == "Will quantify F2"
    [arrived] = local_rows(supervisor, "note_audit", moderates_id=audit_id)
    assert arrived["subject"] == "plan" and arrived["role"] == "moderation"
