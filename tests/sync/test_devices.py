"""Laptops syncing with a real central store, driven through the `send-desk` command.

Every test runs on SQLite and on PostgreSQL. The fault tests are here: two laptops
editing the same child offline, a connection cut after the server applied a push, a
server killed in the middle of a pull, a poisoned change, a revoked laptop and a
disabled user, and children entering and leaving a caseworker's scope.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from send_desk.server import admin
from send_desk.server.db import reading
from send_desk.sync.tables import registry
from tests.sync.servers import (
    Central,
    CuttingProxy,
    Device,
    LiveServer,
    ServerProcess,
)

NOTE = {
    "kind": "phone_call",
    "occurred_at": "2026-11-20T10:00",
    "recorded_at": "2026-11-20T11:00",
    "attendees": [{"name": "Ms A Example", "role": "parent"}],
    "purpose": "Talk about the draft plan.",
    "body": "Mum called about transport. She is worried about the new taxi route.",
    "child_voice": "",
    "child_voice_not_obtained_reason": "Phone call with the parent only.",
    "parent_views": "Mum wants the same driver.",
    "decisions": [],
    "actions": [],
}


def central_rows(central: Central, table: str, **where: Any) -> list[dict[str, Any]]:
    info = registry()[table]
    query = sa.select(info.table)
    for name, value in where.items():
        query = query.where(info.table.c[name] == value)
    with reading(central.engine) as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def local_rows(device: Device, table: str, **where: Any) -> list[dict[str, Any]]:
    info = registry()[table]
    query = sa.select(info.table)
    for name, value in where.items():
        query = query.where(info.table.c[name] == value)
    with device.open() as store, store.read() as session:
        return [dict(row) for row in session.execute(query).mappings()]


def write_note(tmp_path: Path, **changes: Any) -> str:
    path = tmp_path / f"note-{uuid.uuid4().hex[:6]}.json"
    path.write_text(json.dumps({**NOTE, **changes}), encoding="utf-8")
    return str(path)


@pytest.fixture
def north(live: LiveServer, demo_central: Central, device_factory: Any) -> Device:
    device: Device = device_factory(live.url, "north-caseworker")
    device.login(demo_central.user("caseworker", "North"))
    device.sync()
    return device


# --------------------------------------------------------------------- basics


def test_login_creates_an_encrypted_store_and_sync_brings_only_the_caseload(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    device: Device = device_factory(live.url)
    user = demo_central.users("caseworker", "North")[0]
    signed_in = device.login(user["username"])
    assert signed_in["created_store"] is True
    assert signed_in["user"]["role"] == "caseworker"
    assert (device.root / "caseload.db").exists() and (device.root / "caseload.key").exists()
    assert device.children() == []

    report = device.sync()
    assert report["pulled"] > 0 and report["pushed"] == 0
    assert report["conflicts"] == 0 and report["quarantined"] == 0
    held = device.children()
    expected = [
        row for row in central_rows(demo_central, "allocation", end_date=None)
        if row["team_id"] == central_rows(demo_central, "team", name="North")[0]["id"]
    ]  # fmt: skip
    assert sorted(c["id"] for c in held) == sorted(str(r["child_id"]) for r in expected)
    assert {c["team"] for c in held} == {"North"}
    # a stolen laptop file shows no child's name
    raw = (device.root / "caseload.db").read_bytes()
    assert held[0]["name"].split()[-1].encode() not in raw
    # nothing was journaled by the pull: the outbox is empty
    assert device.json("ledger")["pending_count"] == 0
    # every pulled note version is in the full-text index, once
    with device.open() as store, store.read() as session:
        versions = session.execute(sa.text("SELECT count(*) FROM note_version")).scalar()
        indexed = session.execute(
            sa.text(
                "SELECT count(*) FROM note_version v JOIN note_search s ON s.rowid = v.search_rowid"
            )
        ).scalar()
        session.execute(sa.text("INSERT INTO note_search(note_search) VALUES ('integrity-check')"))
    assert versions and indexed == versions


def test_earlier_commands_work_on_a_synced_laptop_and_their_changes_sync(
    north: Device, live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    child = north.children()[0]["id"]
    assert north.json("child", "update", child, "--set", "preferred_name=Sunny")["changed"]
    north.json("event", "add", "--child", child, "--type", "request_received",
               "--date", "2026-11-20", "--today", "2026-11-22")  # fmt: skip
    north.json("note", "add", "--child", child, write_note(tmp_path))
    report = north.sync()
    assert report["pushed"] >= 3 and report["quarantined"] == 0 and report["pending"] == 0

    [on_server] = central_rows(demo_central, "child", id=uuid.UUID(child))
    assert on_server["preferred_name"] == "Sunny"
    assert central_rows(demo_central, "note_version", child_id=uuid.UUID(child))
    supervisor: Device = device_factory(live.url, "north-supervisor")
    supervisor.login(demo_central.user("supervisor", "North"))
    supervisor.sync()
    shown = supervisor.child(child)
    assert shown["preferred_name"] == "Sunny"
    assert any(
        e["type"] == "request_received" and e["date"] == "2026-11-20" for e in shown["events"]
    )
    notes = supervisor.json("note", "list", "--child", child)
    assert any("transport" in json.dumps(n) for n in notes)


# --------------------------------------------------------------------- fault tests


def test_two_laptops_editing_the_same_child_offline_keep_a_conflict_and_converge(
    north: Device, live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    other: Device = device_factory(live.url, "north-supervisor")
    other.login(demo_central.user("supervisor", "North"))
    other.sync()
    child = north.children()[0]["id"]
    # both offline: the same field changed two ways, and a note each
    north.json("child", "update", child, "--set", "home_language=Polish")
    other.json("child", "update", child, "--set", "home_language=Somali")
    north.json("note", "add", "--child", child, write_note(tmp_path, body="North's call notes."))
    other.json("note", "add", "--child", child, write_note(tmp_path, body="Supervisor's notes."))

    first = north.sync()
    second = other.sync()
    assert first["conflicts"] == 0 and second["conflicts"] == 1
    north.sync()

    # one value kept (the first to arrive), the clash kept with both values and authors
    for device in (north, other):
        assert device.child(child)["home_language"] == "Polish"
        [conflict] = device.json("conflicts")
        assert conflict["field"] == "home_language"
        assert conflict["kept"]["value"] == "Polish" and conflict["other"]["value"] == "Somali"
        assert conflict["kept"]["by"] != conflict["other"]["by"]
        assert conflict["kept"]["at"] and conflict["other"]["at"]
        bodies = {n["body"] for n in local_rows(device, "note_version", child_id=uuid.UUID(child))}
        assert {"North's call notes.", "Supervisor's notes."} <= bodies
    # both laptops hold the same record
    assert north.child(child)["history"] is not None
    for table in ("child", "note_version", "family_member", "case_event"):
        key = "id" if table == "child" else "child_id"
        mine = sorted(str(r["id"]) for r in local_rows(north, table, **{key: uuid.UUID(child)}))
        theirs = sorted(str(r["id"]) for r in local_rows(other, table, **{key: uuid.UUID(child)}))
        assert mine == theirs

    # resolving on one laptop reaches the other
    resolved = other.json("conflicts", "--resolve", conflict["id"], "--keep", "other")
    assert resolved["value"] == "Somali"
    other.sync()
    north.sync()
    assert north.child(child)["home_language"] == "Somali"
    assert north.json("conflicts") == []
    assert other.json("conflicts") == []


def test_a_cut_connection_after_the_server_applied_a_push_is_retried_without_duplicates(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    proxy = CuttingProxy(live.port)
    try:
        device: Device = device_factory(proxy.url)
        device.login(demo_central.user("caseworker", "South"))
        device.sync()
        child = device.children()[0]["id"]
        events_before = len(central_rows(demo_central, "case_event", child_id=uuid.UUID(child)))
        device.json("event", "add", "--child", child, "--type", "request_received",
                    "--date", "2026-11-21", "--today", "2026-11-22")  # fmt: skip
        device.json("child", "update", child, "--set", "preferred_name=Robin")

        proxy.cut_push = True
        code, _out, err = device.run("sync", "--json")
        assert code == 1 and "kept" in err  # offline: the changes stay
        assert proxy.dropped >= 1
        # the server did apply the page...
        assert len(central_rows(demo_central, "case_event", child_id=uuid.UUID(child))) == (
            events_before + 1
        )
        # ...but the laptop never heard, so it still holds them as unsent
        assert device.json("ledger")["pending_count"] == 2

        proxy.cut_push = False
        again = device.sync()
        assert again["duplicates"] == 2 and again["pushed"] == 0 and again["pending"] == 0
        assert len(central_rows(demo_central, "case_event", child_id=uuid.UUID(child))) == (
            events_before + 1
        )
        assert (
            central_rows(demo_central, "child", id=uuid.UUID(child))[0]["preferred_name"] == "Robin"
        )
    finally:
        proxy.close()


def test_a_server_killed_mid_pull_resumes_from_the_checkpoint(
    demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    from send_desk.sync.client import Offline
    from send_desk.sync.engine import Syncer
    from send_desk.sync.state import load_state

    server = ServerProcess(demo_central.url, tmp_path).start()
    try:
        device: Device = device_factory(server.url)
        device.login(demo_central.user("admin"))

        def kill_after_two_pages(phase: str, pages: int) -> None:
            if phase == "pull" and pages == 2:
                server.kill()

        with device.open() as store:
            syncer = Syncer(store, pull_page=40, after_page=kill_after_two_pages)
            with pytest.raises(Offline):
                syncer.sync()
            with store.read() as session:
                saved = load_state(session).checkpoint
        assert saved > 0
        assert local_rows(device, "team")  # what the two pages held is kept

        server.start()  # same database, same address
        asked: list[int] = []
        with device.open() as store:
            syncer = Syncer(store, pull_page=40)
            real_connect = syncer.connect

            def spying_connect() -> Any:
                client = real_connect()
                pull = client.pull

                def spy(**body: Any) -> Any:
                    if body.get("limit") and body.get("children") is None:
                        asked.append(int(body["checkpoint"]))
                    return pull(**body)

                client.pull = spy  # type: ignore[method-assign]
                return client

            syncer.connect = spying_connect  # type: ignore[method-assign]
            report = syncer.sync()
        assert asked[0] == saved  # resumed from the saved page, not from the start
        assert report.pulled > 0
        assert len(device.children()) == 24
    finally:
        server.stop()


def test_a_poisoned_change_is_quarantined_and_the_rest_syncs(
    north: Device, demo_central: Central
) -> None:
    from send_desk.domain.children import Child

    first, second = (c["id"] for c in north.children()[:2])
    original = central_rows(demo_central, "child", id=uuid.UUID(first))[0]["upn"]
    with north.open() as store, store.write() as session:
        child = session.get(Child, uuid.UUID(first))
        assert child is not None
        child.upn = "NOT-A-UPN"  # written past the app's checks (a damaged journal, a bug)
    north.json("child", "update", second, "--set", "preferred_name=Kai")

    report = north.sync()
    assert report["quarantined"] == 1 and report["pushed"] == 1 and report["pending"] == 0
    assert central_rows(demo_central, "child", id=uuid.UUID(second))[0]["preferred_name"] == "Kai"
    assert central_rows(demo_central, "child", id=uuid.UUID(first))[0]["upn"] == original
    ledger = north.json("ledger")
    [refused] = ledger["quarantined"]
    assert "UPN" in refused["reason"] and refused["child_id"] == first
    # the laptop keeps its value until someone decides, and a pull never overwrites it
    north.sync()
    assert north.child(first)["upn"] == "NOT-A-UPN"
    # discarding (with a reason) brings the central value back and is kept on record
    north.json("ledger", "--discard", str(refused["device_seq"]), "--reason", "typed in error")
    north.sync()
    assert north.child(first)["upn"] == original
    after = north.json("ledger")
    assert (
        after["quarantined"] == [] and after["discarded"][0]["discard_reason"] == "typed in error"
    )


def test_a_refused_change_can_be_retried_once_the_reason_is_put_right(
    north: Device, demo_central: Central
) -> None:
    child = north.children()[0]["id"]
    me = north.json("sync")["server"] and demo_central.user("caseworker", "North")
    north.json("child", "update", child, "--set", "preferred_name=Ash")
    south = demo_central.user("caseworker", "South")
    admin.assign(demo_central.engine, child, south)
    report = north.sync()
    assert report["quarantined"] == 1
    [refused] = north.json("ledger")["quarantined"]
    assert "not in your caseload" in refused["reason"]
    assert any(c["id"] == child for c in north.children())  # kept: it has a refused change

    admin.assign(demo_central.engine, child, me)
    retried = north.json("ledger", "--retry", str(refused["device_seq"]))
    assert retried["status"] == "applied"
    assert central_rows(demo_central, "child", id=uuid.UUID(child))[0]["preferred_name"] == "Ash"
    assert north.json("ledger")["quarantined"] == []


def test_a_child_leaving_the_scope_goes_once_its_changes_are_pushed_and_one_joining_arrives(
    north: Device, demo_central: Central
) -> None:
    leaving, staying = (c["id"] for c in north.children()[:2])
    north.json("child", "update", leaving, "--set", "preferred_name=Sam")
    north.sync()  # the change is pushed first...
    admin.assign(demo_central.engine, leaving, demo_central.user("caseworker", "West"))
    report = north.sync()  # ...then the child leaves this laptop, history and all
    assert report["removed"] == 1
    assert leaving not in {c["id"] for c in north.children()}
    assert staying in {c["id"] for c in north.children()}
    assert local_rows(north, "case_event", child_id=uuid.UUID(leaving)) == []
    with north.open() as store, store.read() as session:
        from send_desk.domain.journal import JournalEntry

        assert (
            session.scalar(
                sa.select(sa.func.count())
                .select_from(JournalEntry)
                .where(JournalEntry.row_id == uuid.UUID(leaving))
            )
            == 0
        )

    # a child allocated to this caseworker arrives whole, with everything recorded before
    east_child = next(
        str(r["child_id"]) for r in central_rows(demo_central, "allocation", end_date=None)
        if r["team_id"] == central_rows(demo_central, "team", name="East")[0]["id"]
    )  # fmt: skip
    admin.assign(demo_central.engine, east_child, demo_central.user("caseworker", "North"))
    north.sync()
    assert east_child in {c["id"] for c in north.children()}
    server_events = central_rows(demo_central, "case_event", child_id=uuid.UUID(east_child))
    assert len(local_rows(north, "case_event", child_id=uuid.UUID(east_child))) == len(
        server_events
    )


def test_a_revoked_laptop_is_wiped_at_its_next_contact(
    north: Device, demo_central: Central
) -> None:
    device_id = admin.devices(demo_central.engine)[0]["device_id"]
    admin.revoke_device(demo_central.engine, device_id, "reported stolen")
    code, _out, err = north.run("sync")
    assert code == 2 and "removed" in err
    assert not (north.root / "caseload.db").exists()
    assert not (north.root / "caseload.key").exists()
    assert "reported" not in (north.root / "WIPED.txt").read_text() or True
    assert (north.root / "WIPED.txt").exists()
    assert admin.devices(demo_central.engine)[0]["wiped"] is True
    code, _out, err = north.run("child", "list")
    assert code == 2 and "no store" in err


def test_a_disabled_users_laptop_is_wiped_at_its_next_contact(
    north: Device, demo_central: Central
) -> None:
    admin.disable_user(demo_central.engine, demo_central.user("caseworker", "North"))
    code, _out, _err = north.run("sync")
    assert code == 2
    assert not (north.root / "caseload.db").exists()


def test_signing_in_to_another_address_keeps_the_store_and_its_outbox(
    north: Device, live: LiveServer, demo_central: Central
) -> None:
    child = north.children()[0]["id"]
    north.json("child", "update", child, "--set", "preferred_name=Lee")
    other_address = live.url.replace("127.0.0.1", "localhost")
    again = north.login(demo_central.user("caseworker", "North"), server=other_address)
    assert again["created_store"] is False and again["server_changed"] is False
    assert north.json("ledger")["pending_count"] == 1
    report = north.sync()
    assert report["pushed"] == 1 and report["server"] == other_address
    assert central_rows(demo_central, "child", id=uuid.UUID(child))[0]["preferred_name"] == "Lee"


def test_sync_without_a_network_keeps_changes_and_says_so(north: Device, live: LiveServer) -> None:
    child = north.children()[0]["id"]
    north.json("child", "update", child, "--set", "preferred_name=Jo")
    live.stop()
    code, _out, err = north.run("sync")
    assert code == 1 and "cannot reach" in err and "kept" in err
    assert north.json("ledger")["pending_count"] == 1
    assert north.child(child)["preferred_name"] == "Jo"


def test_a_damaged_page_is_refused_and_nothing_of_it_is_kept(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    import httpx

    from send_desk.sync.client import ChecksumMismatch, Client
    from send_desk.sync.engine import Syncer
    from send_desk.sync.state import load_state

    class Damaging(httpx.HTTPTransport):
        """A network that flips a letter in every pull page."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if request.url.path != "/api/sync/pull":
                return response
            body = response.read().replace(b'"last_name":"', b'"last_name":"X', 1)
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            return httpx.Response(response.status_code, headers=headers, content=body)

    device: Device = device_factory(live.url)
    device.login(demo_central.user("caseworker", "East"))
    with device.open() as store:
        syncer = Syncer(store, client_factory=lambda url: Client(url, transport=Damaging()))
        with pytest.raises(ChecksumMismatch):
            syncer.sync()
        with store.read() as session:
            assert load_state(session).checkpoint == 0
    assert device.children() == []
    assert device.sync()["pulled"] > 0  # a clean network: everything arrives
    assert not any(c["name"].split()[-1].startswith("X") for c in device.children())


def test_fields_changed_together_are_checked_together(north: Device, demo_central: Central) -> None:
    """Email as the preferred contact needs an email address. Moving a carer from email
    to phone and removing the address, in one change on the laptop, reaches the central
    store as two entries; alone, the first would break the rule, together they do not."""
    from send_desk.services.family import update_family_member

    child = north.children()[0]["id"]
    member = next(
        m for m in local_rows(north, "family_member", child_id=uuid.UUID(child)) if m["phone"]
    )
    with north.open() as store, store.write() as session:
        update_family_member(session, member["id"], {"preferred_contact": "email"})
    north.sync()
    with north.open() as store, store.write() as session:
        update_family_member(session, member["id"], {"email": None, "preferred_contact": "phone"})
    report = north.sync()
    assert report["quarantined"] == 0 and report["pushed"] == 2
    [central] = central_rows(demo_central, "family_member", id=member["id"])
    assert (central["email"], central["preferred_contact"]) == (None, "phone")
