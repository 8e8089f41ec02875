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
from tests.constants import TODAY
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
                today=TODAY,
            )
        with store.write() as session:
            update_child(session, child_id, {"preferred_name": "Oli"}, today=TODAY)
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


def test_upgrading_the_central_store_gives_saved_samples_their_team(central: Central) -> None:
    """Migration 0006: samples saved before it get their team (or owner) in the change
    record a pull filters on, from the values stored with them."""
    from datetime import UTC, datetime

    from alembic import command

    from send_desk.server import db, schema
    from send_desk.sync.tables import NOBODY

    with db.writing(central.engine) as connection:
        config = db._alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    north, drawer, sender = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    samples = {  # id: (team_id, drawn_by, created_by)
        uuid.uuid4(): (north, drawer, sender),  # a team's sample
        uuid.uuid4(): (None, drawer, sender),  # whole service, drawn by someone
        uuid.uuid4(): (None, None, sender),  # whole service, drawer not recorded
        uuid.uuid4(): (None, None, None),  # nobody recorded at all
    }
    child_row = uuid.uuid4()
    table = registry()["note_sample"].table
    with db.writing(central.engine) as connection:
        for seq, (sample_id, (team, drawn_by, created_by)) in enumerate(samples.items(), 1):
            connection.execute(
                sa.insert(table).values(
                    id=sample_id,
                    period="2026-10",
                    team_id=team,
                    caseworker_ids=[],
                    per_caseworker=3,
                    seed=1,
                    weighted=False,
                    include_audited=False,
                    as_of=datetime(2026, 11, 1, tzinfo=UTC),
                    drawn_by=drawn_by,
                    created_by=created_by,
                    items=[],
                    shortfall=[],
                )
            )
            connection.execute(
                sa.insert(schema.row_version).values(
                    table_name="note_sample",
                    row_id=sample_id,
                    seq=seq,
                    child_id=None,
                    deleted=False,
                )
            )
        connection.execute(
            sa.insert(schema.row_version).values(
                table_name="case_note",
                row_id=uuid.uuid4(),
                seq=99,
                child_id=child_row,
                deleted=False,
            )
        )

    assert db.migrate(central.engine) == db.head_revision()
    versions = schema.row_version
    with db.reading(central.engine) as connection:
        found = {
            row.row_id: (row.team_id, row.owner_id)
            for row in connection.execute(
                sa.select(versions.c.row_id, versions.c.team_id, versions.c.owner_id).where(
                    versions.c.table_name == "note_sample"
                )
            )
        }
        other = connection.execute(
            sa.select(versions.c.team_id, versions.c.owner_id).where(
                versions.c.table_name == "case_note"
            )
        ).one()
    expected = [(north, None), (None, drawer), (None, sender), (None, NOBODY)]
    assert [found[sample_id] for sample_id in samples] == expected
    assert (other.team_id, other.owner_id) == (None, None)
