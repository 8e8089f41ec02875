"""Every write leaves field-level history in the same transaction."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from send_desk.domain.children import Child
from send_desk.domain.journal import JournalEntry
from send_desk.services.children import create_child, update_child
from send_desk.services.organisation import create_team
from send_desk.storage.journal import Actor, MissingActor
from send_desk.storage.store import Store
from tests.constants import TODAY

CHILD = {"first_name": "Aled", "last_name": "Pryce", "date_of_birth": date(2013, 6, 14)}


def _entries(store: Store) -> list[JournalEntry]:
    with store.read() as session:
        return list(session.scalars(select(JournalEntry).order_by(JournalEntry.seq)))


def test_create_then_update_records_insert_and_field_changes(store: Store) -> None:
    user = uuid.uuid4()
    actor = Actor(user, store.info.device_id)
    with store.write(actor) as session:
        child_id = create_child(session, CHILD, today=TODAY)
    with store.write(actor) as session:
        changed = update_child(
            session, child_id, {"postcode": "cf10 1aa", "home_language": "Welsh"}, today=TODAY
        )
    assert changed == {"postcode": "CF10 1AA", "home_language": "Welsh"}

    entries = _entries(store)
    # field entries follow the table's column order
    assert [(e.op, e.field) for e in entries] == [
        ("insert", None),
        ("update", "postcode"),
        ("update", "home_language"),
    ]
    insert = entries[0]
    assert insert.row_id == child_id and insert.table_name == "child"
    # an insert names the row; its values live in the row, not twice
    assert insert.new_value is None and insert.old_value is None
    postcode = next(e for e in entries if e.field == "postcode")
    assert json.loads(postcode.old_value or "") is None
    assert json.loads(postcode.new_value or "") == "CF10 1AA"
    assert all(e.user_id == user and e.device_id == store.info.device_id for e in entries)
    assert [e.device_seq for e in entries] == [1, 2, 3]

    with store.read() as session:
        child = session.get(Child, child_id)
        assert child is not None and child.updated_by == user and child.created_by == user


def test_setting_the_same_value_records_nothing(store: Store) -> None:
    with store.write() as session:
        child_id = create_child(session, CHILD, today=TODAY)
    with store.write() as session:
        assert update_child(session, child_id, {"last_name": "Pryce"}, today=TODAY) == {}
    assert len(_entries(store)) == 1


def test_a_failed_transaction_leaves_no_history(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as session:
        create_team(session, {"name": "North"})
        raise RuntimeError("power cut")
    assert _entries(store) == []


def test_sequence_numbers_keep_rising_across_sessions(store: Store) -> None:
    for name in ("North", "East", "South"):
        with store.write() as session:
            create_team(session, {"name": name})
    assert [e.device_seq for e in _entries(store)] == [1, 2, 3]


def test_a_write_outside_the_service_context_is_refused(store: Store) -> None:
    from sqlalchemy.orm import sessionmaker

    from send_desk.storage import journal

    factory = sessionmaker(bind=store.engine, class_=Session)
    journal.install(factory)
    with factory() as session:
        session.add(Child(**CHILD))
        with pytest.raises(MissingActor):
            session.flush()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Child)) == 0
