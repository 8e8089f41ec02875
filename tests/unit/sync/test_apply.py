"""Applying a pulled page to a laptop's store (``sync.apply.apply_changes``): a new
row is inserted, a changed one updated, a removed one deleted, the same page twice
changes nothing more, a row or field with unsent changes of this laptop is kept, and a
conflict the central store recorded is kept on the laptop for people to resolve.

Each test works on its own store; the pulled rows are the JSON the central store sends,
made from a family member recorded here and changed by hand.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from send_desk.domain.children import FamilyMember
from send_desk.domain.journal import JournalEntry
from send_desk.domain.sync_state import SyncConflict
from send_desk.services.children import create_child
from send_desk.services.family import add_family_member
from send_desk.storage.store import Store
from send_desk.sync.apply import PageResult, apply_changes
from send_desk.sync.outbox import ALL_FIELDS, Pending
from send_desk.sync.tables import registry, row_as_json
from tests.constants import TODAY

CONFLICT_ID = uuid.UUID("00000000-0000-4000-8000-00000000c0f1")


@pytest.fixture
def family(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    """(child, family member) recorded on this laptop: Alex Example's mother."""
    with store.write() as session:
        child = create_child(
            session,
            {"first_name": "Alex", "last_name": "Example", "date_of_birth": "2015-04-01"},
            today=TODAY,
        )
        member = add_family_member(
            session,
            {"child_id": child, "name": "Sam Example", "relationship": "mother",
             "language": "English", "phone": "01632 960001"},
        )  # fmt: skip
    return child, member


def pulled(store: Store, member: uuid.UUID, **changes: Any) -> dict[str, Any]:
    """The member's row as the central store would send it, with ``changes``."""
    info = registry()["family_member"]
    with store.read() as session:
        row = session.execute(sa.select(info.table).where(info.table.c.id == member)).mappings()
        values = row_as_json(info, dict(row.one()))
    values.update(changes)
    return {"table": "family_member", "id": values["id"], "values": values}


def apply(store: Store, page: list[dict[str, Any]], keep: Pending | None = None) -> PageResult:
    with store.write() as session:
        return apply_changes(session, page, keep or Pending())


def member_row(store: Store, member: uuid.UUID) -> FamilyMember | None:
    with store.read() as session:
        row = session.get(FamilyMember, member)
        if row is not None:
            session.expunge(row)
        return row


def journal_size(session: Session) -> int:
    return session.exec(select(func.count()).select_from(JournalEntry)).one()


def test_a_pulled_new_row_is_inserted_without_a_journal_entry(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    new_id = uuid.UUID("00000000-0000-4000-8000-0000000000f1")
    page = [pulled(store, member, id=str(new_id), name="Jo Example", relationship="father")]
    with store.read() as session:
        before = journal_size(session)
    result = apply(store, page)
    assert (result.rows, result.deleted, result.kept_local) == (1, 0, 0)
    assert result.children == {child}
    row = member_row(store, new_id)
    assert row is not None
    assert (row.name, row.relationship, row.child_id) == ("Jo Example", "father", child)
    with store.read() as session:
        assert journal_size(session) == before  # the outbox holds only this laptop's work


def test_a_pulled_change_updates_the_row_and_the_same_page_again_changes_nothing_more(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _, member = family
    page = [pulled(store, member, language="Welsh", interpreter_needed=True)]
    apply(store, page)
    first = member_row(store, member)
    assert first is not None
    assert (first.name, first.language, first.interpreter_needed) == (
        "Sam Example", "Welsh", True,
    )  # fmt: skip
    again = apply(store, page)
    assert again.rows == 1  # written again, to the same values
    assert member_row(store, member) == first
    with store.read() as session:
        count = session.exec(
            select(func.count()).select_from(FamilyMember).where(col(FamilyMember.id) == member)
        ).one()
    assert count == 1


def test_a_pulled_deletion_removes_the_row_once(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    page = [{"table": "family_member", "id": str(member), "deleted": True}]
    result = apply(store, page)
    assert (result.deleted, result.children) == (1, {child})
    assert member_row(store, member) is None
    assert apply(store, page).deleted == 0  # already gone: nothing to do


def test_a_row_with_an_unsent_insert_or_delete_is_kept_whole(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _, member = family
    keep = Pending(fields={("family_member", member): {ALL_FIELDS}})
    page = [
        pulled(store, member, name="Jo Example", language="Urdu"),
        {"table": "family_member", "id": str(member), "deleted": True},
    ]
    result = apply(store, page, keep)
    assert (result.rows, result.deleted, result.kept_local) == (0, 0, 2)
    row = member_row(store, member)
    assert row is not None and (row.name, row.language) == ("Sam Example", "English")


def test_a_field_with_an_unsent_change_is_kept_and_the_others_are_updated(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _, member = family
    keep = Pending(fields={("family_member", member): {"language"}})
    result = apply(store, [pulled(store, member, name="Jo Example", language="Urdu")], keep)
    assert (result.rows, result.kept_local) == (1, 1)
    row = member_row(store, member)
    assert row is not None and (row.name, row.language) == ("Jo Example", "English")


def test_rows_of_a_table_this_version_does_not_know_and_of_skipped_children_are_left(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    page = [
        {"table": "hovercraft", "id": str(uuid.uuid4()), "values": {"eels": 3}},
        pulled(store, member, language="Urdu"),
    ]
    with store.write() as session:
        result = apply_changes(session, page, Pending(), skip_children={child})
    assert (result.rows, result.children) == (0, set())
    row = member_row(store, member)
    assert row is not None and row.language == "English"


def conflict_change(member: uuid.UUID, child: uuid.UUID, status: str) -> dict[str, Any]:
    return {
        "table": "conflict",
        "id": str(CONFLICT_ID),
        "values": {
            "id": str(CONFLICT_ID), "table_name": "family_member", "row_id": str(member),
            "child_id": str(child), "field": "language", "base": "English",
            "kept_value": "Welsh", "other_value": "Urdu", "status": status,
            "kept_at": "2026-11-21T09:00:00+00:00", "other_at": "2026-11-21T10:00:00+00:00",
            "resolution": "kept" if status == "resolved" else None,
        },
    }  # fmt: skip


def stored_conflict(store: Store) -> SyncConflict | None:
    with store.read() as session:
        row = session.get(SyncConflict, CONFLICT_ID)
        if row is not None:
            session.expunge(row)
        return row


def test_a_conflict_the_central_store_recorded_is_kept_with_both_values(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    result = apply(store, [conflict_change(member, child, "open")])
    assert result.conflicts == 1
    conflict = stored_conflict(store)
    assert conflict is not None
    assert (conflict.table_name, conflict.row_id, conflict.child_id, conflict.field) == (
        "family_member", member, child, "language",
    )  # fmt: skip
    assert (conflict.base, conflict.kept_value, conflict.other_value) == (
        "English", "Welsh", "Urdu",
    )  # fmt: skip
    assert conflict.status == "open" and conflict.pending_choice is None


def test_a_conflict_resolved_here_but_not_yet_sent_keeps_its_resolution(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    apply(store, [conflict_change(member, child, "open")])
    with store.write() as session:
        conflict = session.get(SyncConflict, CONFLICT_ID)
        assert conflict is not None
        conflict.status, conflict.resolution, conflict.pending_choice = "resolved", "other", "other"
    apply(store, [conflict_change(member, child, "open")])  # pulled before ours was sent
    kept = stored_conflict(store)
    assert kept is not None
    assert (kept.status, kept.resolution, kept.pending_choice) == ("resolved", "other", "other")
    # the central store has it resolved: the laptop's choice is no longer waiting
    apply(store, [conflict_change(member, child, "resolved")])
    done = stored_conflict(store)
    assert done is not None
    assert (done.status, done.resolution, done.pending_choice) == ("resolved", "kept", None)


def test_a_conflict_removed_on_the_central_store_goes_from_the_laptop(
    store: Store, family: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, member = family
    apply(store, [conflict_change(member, child, "open")])
    apply(store, [{"table": "conflict", "id": str(CONFLICT_ID), "deleted": True}])
    assert stored_conflict(store) is None
