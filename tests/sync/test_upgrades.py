"""Upgrades: an outbox written by an older SEND Desk still syncs, and the central store
speaks the previous protocol version too."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa

from send_desk.domain.children import Child
from send_desk.domain.journal import JournalEntry
from send_desk.paths import DataPaths
from send_desk.services.children import create_child, update_child
from send_desk.storage import migrate
from send_desk.storage.journal import row_values
from send_desk.storage.store import create_store
from send_desk.sync.engine import Syncer
from send_desk.sync.tables import registry
from tests.sync.servers import LAPTOP_PASSWORD, Central, Device, LiveServer


def test_an_outbox_written_before_the_upgrade_still_syncs(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    device: Device = device_factory(live.url)
    paths = DataPaths(device.root)
    # An older SEND Desk: no sync yet (schema 0002), and insert entries that copied the row.
    with create_store(paths, LAPTOP_PASSWORD) as store:
        with store.write() as session:
            child_id = create_child(
                session,
                {"first_name": "Ola", "last_name": "Nowak", "date_of_birth": date(2015, 2, 3)},
                today=date(2026, 11, 22),
            )
        with store.write() as session:
            update_child(session, child_id, {"preferred_name": "Oli"}, today=date(2026, 11, 22))
        with store.write() as session:
            child = session.get(Child, child_id)
            assert child is not None
            # (the older format is what is read: it names the language the row was made with)
            as_created = {**row_values(child), "preferred_name": None, "home_language": "Welsh"}
            insert = session.scalars(
                sa.select(JournalEntry).where(JournalEntry.op == "insert")
            ).one()
            insert.new_value = json.dumps(as_created)
        from alembic import command

        with store.engine.begin() as connection:
            config = migrate._config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
    with store.engine.connect() as connection:  # the file is at the old revision
        assert migrate.current_revision(connection) == "0002"
    store.close()

    # The new version opens it (copying it first), signs in and syncs.
    signed_in = device.login(demo_central.user("caseworker", "North"))
    assert signed_in["created_store"] is False
    assert list(paths.backups.glob("before-migration-0002-*.db"))
    report = device.sync()
    assert report["pushed"] == 2 and report["quarantined"] == 0
    table = registry()["child"].table
    with demo_central.engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.id == child_id)).mappings().one()
    assert (row["first_name"], row["preferred_name"], row["home_language"]) == (
        "Ola",
        "Oli",
        "Welsh",
    )
    # and it stays on the laptop: the caseworker recorded it, nobody holds it yet
    assert any(c["id"] == str(child_id) for c in device.children())


def test_the_previous_protocol_version_still_syncs(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    device: Device = device_factory(live.url)
    device.login(demo_central.user("caseworker", "South"))
    with device.open() as store:
        report = Syncer(store, protocol=1).sync()
        assert report.pulled > 0
    child = device.children()[0]["id"]
    device.json("child", "update", child, "--set", "preferred_name=Vee")
    with device.open() as store:
        report = Syncer(store, protocol=1).sync()
    assert report.pushed == 1 and report.quarantined == 0
    table = registry()["child"].table
    with demo_central.engine.connect() as connection:
        value = connection.execute(
            sa.select(table.c.preferred_name).where(table.c.id == uuid.UUID(child))
        ).scalar()
    assert value == "Vee"
