"""Case notes in the store: append-only versions, confirmation, drafts, actions due."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlmodel import select

from send_desk.domain.journal import JournalEntry
from send_desk.domain.notes import NoteVersion
from send_desk.services import children, notes, organisation
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.storage.store import Store, open_store
from tests.constants import PASSWORD, TODAY
from tests.unit.quality.test_checker import GOOD

NOW = datetime(2026, 3, 3, 9, 0)


def good(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


@pytest.fixture
def child_id(store: Store) -> uuid.UUID:
    with store.write() as session:
        return children.create_child(
            session,
            {"first_name": "Siôn", "last_name": "Łukasz-Khan", "date_of_birth": "2016-05-01"},
            today=TODAY,
        )


def add(store: Store, child_id: uuid.UUID, data: dict[str, Any], **kw: Any) -> dict[str, Any]:
    with store.write() as session:
        return notes.add_note(session, child_id, data, now=NOW, **kw)


def test_a_good_note_is_saved_with_its_checklist(store: Store, child_id: uuid.UUID) -> None:
    saved = add(store, child_id, GOOD)
    assert saved["version"] == 1 and saved["failed_items"] == []
    assert saved["checklist"]["passed"] == saved["checklist"]["applicable"] == 12
    with store.read() as session:
        listed = notes.list_notes(session, child_id)
    assert [row["note_id"] for row in listed] == [saved["note_id"]]
    assert listed[0]["occurred_label"] == "02/03/2026 10:00"
    assert listed[0]["note"]["child_voice"] == GOOD["child_voice"]


def test_failed_items_need_confirmation_and_are_stored(store: Store, child_id: uuid.UUID) -> None:
    gappy = good(child_voice="", body="The EP will visit.")
    with pytest.raises(notes.ChecklistNotMet) as refused:
        add(store, child_id, gappy)
    assert {item.id for item in refused.value.result.failed} == {
        "child_voice",
        "acronyms_explained",
    }
    with store.read() as session:
        assert notes.list_notes(session, child_id) == []
    saved = add(store, child_id, gappy, accept_failed=True)
    assert [item["id"] for item in saved["failed_items"]] == ["child_voice", "acronyms_explained"]
    with store.read() as session:
        (row,) = notes.list_notes(session, child_id)
    assert row["failed_items"] == saved["failed_items"]
    assert row["checklist_label"] == "9/11"  # a short body: plain_language does not apply


def test_an_amendment_is_a_new_version_with_a_reason(store: Store, child_id: uuid.UUID) -> None:
    first = add(store, child_id, GOOD)
    note_id = uuid.UUID(first["note_id"])
    changed = good(parent_views="Mum wants a smaller class and a quiet lunch room.")
    with pytest.raises(ValidationFailed), store.write() as session:
        notes.amend_note(session, note_id, changed, reason="  ", now=NOW)
    with pytest.raises(Refused), store.write() as session:
        notes.amend_note(session, note_id, GOOD, reason="no change", now=NOW)
    with store.write() as session:
        second = notes.amend_note(
            session, note_id, changed, reason="Mum rang to add the lunch room", now=NOW
        )
    assert second["version"] == 2 and second["note_id"] == first["note_id"]
    with store.read() as session:
        history = notes.note_history(session, note_id)
        listed = notes.list_notes(session, child_id)
        everything = notes.list_notes(session, child_id, include_superseded=True)
    assert [v["version"] for v in history] == [1, 2]
    assert history[0]["note"]["parent_views"] == GOOD["parent_views"]  # kept as it was
    assert history[0]["superseded"] and not history[1]["superseded"]
    assert history[1]["amendment_reason"] == "Mum rang to add the lunch room"
    assert history[1]["changed"] == ["parent_views"]
    assert [row["version"] for row in listed] == [2]
    assert listed[0]["versions"] == 2
    assert len(everything) == 2


def test_a_saved_version_is_never_changed(store: Store, child_id: uuid.UUID) -> None:
    saved = add(store, child_id, GOOD)
    with pytest.raises(DatabaseError, match="never changed"), store.write() as session:
        version = session.get(NoteVersion, uuid.UUID(saved["version_id"]))
        assert version is not None
        version.body = "rewritten"
        session.flush()
    with store.engine.begin() as connection, pytest.raises(DatabaseError):
        connection.execute(text("UPDATE note_version SET body = 'x'"))


def test_versions_are_journaled_as_inserts_only(store: Store, child_id: uuid.UUID) -> None:
    first = add(store, child_id, GOOD)
    with store.write() as session:
        notes.amend_note(
            session, uuid.UUID(first["note_id"]), good(purpose="Views for the plan."),
            reason="Purpose clearer", now=NOW,
        )  # fmt: skip
    with store.read() as session:
        entries = session.exec(
            select(JournalEntry).where(JournalEntry.table_name == "note_version")
        ).all()
        assert sorted(entry.op for entry in entries) == ["insert", "insert"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"occurred_at": "2026-02-30T10:00"}, "occurred_at"),
        ({"occurred_at": "2026-03-09T10:00", "recorded_at": "2026-03-09T11:00"}, "occurred_at"),
        ({"body": "x" * 5_000_000}, "body"),
        ({"actions": [{"what": "Ring", "owner": "me", "due": "2026-02-31"}]}, "actions[0].due"),
    ],
)
def test_bad_notes_are_refused_with_a_message(
    store: Store, child_id: uuid.UUID, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        add(store, child_id, good(**changes), accept_failed=True)
    assert field in refused.value.fields
    assert refused.value.message


def test_an_attendee_with_no_name_is_kept_and_flagged(store: Store, child_id: uuid.UUID) -> None:
    data = good(attendees=[{"name": "", "role": "parent"}, {"name": "", "role": ""}])
    saved = add(store, child_id, data, accept_failed=True)
    assert [item["id"] for item in saved["failed_items"]] == ["who_present"]
    with store.read() as session:
        (row,) = notes.list_notes(session, child_id)
    assert row["note"]["attendees"] == [{"name": "", "role": "parent", "relationship": ""}]


def test_unicode_is_stored_exactly(store: Store, child_id: uuid.UUID) -> None:
    body = "Siôn a’i fam. Zażółć gęślą jaźń. بچہ اسکول پسند کرتا ہے۔ 😀👍🏽"
    add(store, child_id, good(body=body), accept_failed=True)
    with store.read() as session:
        (row,) = notes.list_notes(session, child_id)
    assert row["note"]["body"] == body


def test_missing_recorded_time_is_the_time_of_saving(store: Store, child_id: uuid.UUID) -> None:
    saved = add(store, child_id, good(recorded_at=None))
    with store.read() as session:
        (row,) = notes.note_history(session, uuid.UUID(saved["note_id"]))
    assert row["note"]["recorded_at"] == "2026-03-03T09:00"


def test_resolve_note_ids(store: Store, child_id: uuid.UUID) -> None:
    saved = add(store, child_id, GOOD)
    with store.read() as session:
        assert str(notes.resolve_note_id(session, saved["note_id"][-12:])) == saved["note_id"]
        with pytest.raises(NotFound):
            notes.resolve_note_id(session, "ffffffffffff")


def test_drafts_survive_a_crash(store: Store, child_id: uuid.UUID) -> None:
    with store.write() as session:
        draft = notes.save_draft(
            session, child_id=child_id, content={"kind": "visit", "body": "Half a thought"}
        )
    later = {"kind": "visit", "body": "Half a thought, and more", "occurred_at": "2026-02-3"}
    with store.write() as session:
        notes.save_draft(session, child_id=child_id, draft_id=draft, content=later)
    # a crash: the store is closed without saving the note, then opened again
    store.close()
    with open_store(store.paths, PASSWORD) as again, again.read() as session:
        (found,) = notes.list_drafts(session, child_id)
    assert found["draft_id"] == str(draft)
    assert found["content"]["body"] == "Half a thought, and more"
    raw = store.paths.database.read_bytes()
    assert b"Half a thought" not in raw  # encrypted at rest, never plaintext


def test_a_huge_paste_is_kept_in_the_draft(store: Store, child_id: uuid.UUID) -> None:
    paste = "From: school\n" + "Dear all, " * 500_000
    with store.write() as session:
        draft = notes.save_draft(session, child_id=child_id, content={"body": paste})
    with pytest.raises(ValidationFailed, match="draft keeps the text"):
        add(store, child_id, good(body=paste), accept_failed=True)
    with store.read() as session:
        (found,) = notes.list_drafts(session, child_id)
    assert found["content"]["body"] == paste and found["draft_id"] == str(draft)


def test_actions_due_for_a_caseworker(store: Store, child_id: uuid.UUID) -> None:
    with store.write() as session:
        team = organisation.create_team(session, {"name": "North"})
        worker = organisation.create_user(
            session,
            {"username": "pw", "display_name": "Pat White", "role": "caseworker", "team_id": team},
        )
        from send_desk.services import allocation

        allocation.allocate(session, child_id, worker, start_date=date(2026, 1, 5))
    actions = [
        {"what": "Send advice request", "owner": "caseworker", "due": "2026-03-05"},
        {"what": "Ring school", "owner": "Pat", "due": "2026-04-30"},
        {"what": "No date", "owner": "Pat"},
    ]
    add(store, child_id, good(actions=actions), accept_failed=True)
    with store.read() as session:
        due = notes.actions_due(
            session, caseworker_id=worker, until=date(2026, 3, 20), today=date(2026, 3, 6)
        )
        nobody = notes.actions_due(
            session, caseworker_id=uuid.uuid4(), until=date(2026, 3, 20), today=date(2026, 3, 6)
        )
    assert [(a["what"], a["due_label"], a["status"], a["days_left"]) for a in due] == [
        ("Send advice request", "05/03/2026", "overdue", -1)
    ]
    assert due[0]["child_name"] == "Siôn Łukasz-Khan"
    assert nobody == []
