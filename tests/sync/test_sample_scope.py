"""A supervisor's saved note sample (note ids, child ids, caseworkers' names and why each
note was drawn) reaches only the users who see its team's caseload, on SQLite and
PostgreSQL; a whole-service sample only admins and whoever drew it. A laptop cannot
save a sample for a team it does not see: the central store refuses it and the laptop
keeps it in its ledger."""

from __future__ import annotations

import uuid
from typing import Any

from send_desk.server import admin
from tests.sync.servers import SERVER_PASSWORD, Central, Device, LiveServer
from tests.sync.test_devices import central_rows, local_rows


def _signed_in(device_factory: Any, url: str, name: str, user: str) -> Device:
    device: Device = device_factory(url, name)
    device.login(user)
    device.sync()
    return device


def _draw(device: Device, team: str | None = None) -> uuid.UUID:
    args = ["sample", "--period", "2026-11", "--per-caseworker", "2", "--seed", "5"]
    drawn = device.json(*args, *(["--team", team] if team else []))
    return uuid.UUID(drawn["sample_id"])


def _samples(device: Device) -> set[uuid.UUID]:
    return {row["id"] for row in local_rows(device, "note_sample")}


def test_a_sample_reaches_only_the_users_who_see_its_team(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    admin.add_user(demo_central.engine, "dana.overseer", display_name="Dana Overseer",
                   role="supervisor", teams=["East", "South"],
                   password=SERVER_PASSWORD)  # fmt: skip
    url = live.url
    north_worker = _signed_in(device_factory, url, "north-worker",
                              demo_central.user("caseworker", "North"))  # fmt: skip
    north_lead = _signed_in(device_factory, url, "north-lead",
                            demo_central.user("supervisor", "North"))  # fmt: skip
    south_lead = _signed_in(device_factory, url, "south-lead",
                            demo_central.user("supervisor", "South"))  # fmt: skip
    overseer = _signed_in(device_factory, url, "overseer", "dana.overseer")
    manager = _signed_in(device_factory, url, "manager", demo_central.user("admin"))

    south = _draw(south_lead, "South")
    north = _draw(north_lead, "North")
    for lead in (south_lead, north_lead):
        report = lead.sync()
        assert report["pending"] == 0 and report["quarantined"] == 0
    [south_row] = central_rows(demo_central, "note_sample", id=south)
    assert south_row["team_id"] is not None

    for device in (north_worker, north_lead, south_lead, overseer, manager):
        device.sync()
    # North's caseworker and supervisor get North's sample, never South's
    assert _samples(north_worker) == {north}
    assert _samples(north_lead) == {north}
    # South's supervisor and a supervisor who also oversees South get South's
    assert _samples(south_lead) == {south}
    assert _samples(overseer) == {south}
    # an admin sees every team
    assert _samples(manager) == {north, south}


def test_a_sample_for_a_team_the_user_cannot_see_is_refused_and_kept_on_the_laptop(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    north_worker = _signed_in(device_factory, live.url, "north-worker",
                              demo_central.user("caseworker", "North"))  # fmt: skip
    sample = _draw(north_worker, "South")

    report = north_worker.sync()
    assert report["quarantined"] == 1 and report["pending"] == 0
    assert central_rows(demo_central, "note_sample", id=sample) == []
    [refused] = north_worker.json("ledger")["quarantined"]
    assert refused["table"] == "note_sample"
    assert "team whose caseload you do not see" in refused["reason"]
    # nothing is lost: the sample stays on the laptop, and in the ledger, after more syncs
    north_worker.sync()
    assert _samples(north_worker) == {sample}
    assert len(north_worker.json("ledger")["quarantined"]) == 1


def test_a_whole_service_sample_reaches_only_admins_and_the_supervisor_who_drew_it(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    url = live.url
    north_worker = _signed_in(device_factory, url, "north-worker",
                              demo_central.user("caseworker", "North"))  # fmt: skip
    north_lead = _signed_in(device_factory, url, "north-lead",
                            demo_central.user("supervisor", "North"))  # fmt: skip
    south_lead = _signed_in(device_factory, url, "south-lead",
                            demo_central.user("supervisor", "South"))  # fmt: skip
    manager = _signed_in(device_factory, url, "manager", demo_central.user("admin"))

    everyone = _draw(north_lead)
    report = north_lead.sync()
    assert report["pending"] == 0 and report["quarantined"] == 0
    [row] = central_rows(demo_central, "note_sample", id=everyone)
    assert row["team_id"] is None

    for device in (north_worker, north_lead, south_lead, manager):
        device.sync()
    assert _samples(north_lead) == {everyone}
    assert _samples(manager) == {everyone}
    assert _samples(north_worker) == set()
    assert _samples(south_lead) == set()
