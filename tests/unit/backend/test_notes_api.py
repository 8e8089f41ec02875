"""backend.notes: the typed read models of case notes, against hand-worked answers.

One child with known notes in a fresh store per test; "today" is Wednesday 4 March 2026.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from send_desk.backend import Backend, ChecklistNotMet, DataPaths, ValidationFailed
from send_desk.backend.notes_api import NotesApi
from send_desk.backend.notes_models import AcronymUse, Attendee, FailedItem, NoteSummary
from send_desk.services import children
from send_desk.storage.store import create_store
from tests.unit.quality.test_checker import GOOD

PASSWORD = "correct horse battery"
TODAY = date(2026, 3, 4)


def good(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Backend, uuid.UUID]]:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store, store.write() as session:
        child_id = children.create_child(
            session,
            {"first_name": "Ava", "last_name": "Example", "date_of_birth": "2016-05-01"},
            today=TODAY,
        )
    backend = Backend.open(paths, PASSWORD, today=lambda: TODAY)
    yield backend, child_id
    backend.close()


def test_the_live_check_names_the_acronyms_to_spell_out() -> None:
    check = NotesApi.check(good(body="The EP will visit. The XQZ said so."))
    assert check.ok and (check.passed, check.applicable) == (10, 11)
    item = check.item("acronyms_explained")
    assert item is not None and item.state == "failed"
    # "The " is 4 characters, "The EP will visit. The " is 23
    assert item.acronyms == (
        AcronymUse("EP", "EP", 4, ("educational psychologist", "educational psychology")),
        AcronymUse("XQZ", "XQZ", 23, ()),
    )
    assert [i.id for i in check.failed] == ["acronyms_explained"]


def test_a_document_that_is_not_a_note_is_a_problem_not_a_checklist() -> None:
    check = NotesApi.check(good(kind="séance"))
    assert not check.ok and check.items == () and (check.passed, check.applicable) == (0, 0)
    assert check.problem is not None and check.problem.item == "kind"
    assert "'séance' is not one of visit" in check.problem.message


def test_a_saved_note_reads_back_with_its_dates_people_and_checklist(
    opened: tuple[Backend, uuid.UUID],
) -> None:
    backend, child_id = opened
    saved = backend.notes.save(child_id, GOOD)
    assert (saved.version, saved.child_id, saved.failed_items) == (1, child_id, ())
    assert (saved.passed, saved.applicable) == (12, 12)
    (note,) = backend.notes.child_notes(child_id.hex)  # the GUI's hex text works too
    assert isinstance(note, NoteSummary)
    assert (note.note_id, note.version_id, note.version, note.versions) == (
        saved.note_id, saved.version_id, 1, 1,
    )  # fmt: skip
    assert note.kind == "visit"
    assert note.occurred_at == datetime(2026, 3, 2, 10, 0)
    assert note.recorded_at == datetime(2026, 3, 2, 15, 30)
    assert note.attendees == (
        Attendee("Ms A Example", "parent", ""),
        Attendee("Mr B Example", "senco", ""),
        Attendee("C Example", "interpreter", "independent"),
    )
    assert note.summary == "Gather views for the EHC needs assessment."
    assert (note.checklist_passed, note.checklist_applicable) == (12, 12)
    assert note.note["child_voice"] == GOOD["child_voice"]
    assert note.saved_at is not None and note.saved_at.tzinfo is not None


def test_items_not_met_need_confirming_and_are_kept_with_the_note(
    opened: tuple[Backend, uuid.UUID],
) -> None:
    backend, child_id = opened
    gappy = good(child_voice="", child_voice_not_obtained_reason="", body="The EP will visit.")
    with pytest.raises(ChecklistNotMet):
        backend.notes.save(child_id, gappy)
    assert backend.notes.child_notes(child_id) == ()
    saved = backend.notes.save(child_id, gappy, accept_failed=True)
    assert [item.id for item in saved.failed_items] == ["child_voice", "acronyms_explained"]
    (note,) = backend.notes.child_notes(child_id)
    assert note.failed_items == saved.failed_items
    assert all(isinstance(item, FailedItem) and item.message for item in note.failed_items)


def test_an_amendment_is_a_second_version_naming_what_changed(
    opened: tuple[Backend, uuid.UUID],
) -> None:
    backend, child_id = opened
    first = backend.notes.save(child_id, GOOD)
    second = backend.notes.amend(
        first.note_id, good(parent_views="Mum wants a smaller class and a quiet room."),
        "Mum rang to add the quiet room",
    )  # fmt: skip
    assert (second.note_id, second.version) == (first.note_id, 2)
    one, two = backend.notes.history(first.note_id)
    assert (one.version, one.superseded, one.changed) == (1, True, ())
    assert (two.version, two.superseded, two.changed) == (2, False, ("parent_views",))
    assert two.supersedes_id == first.version_id
    assert two.amendment_reason == "Mum rang to add the quiet room"
    (listed,) = backend.notes.child_notes(child_id)
    assert (listed.version_id, listed.versions) == (second.version_id, 2)


def test_a_draft_is_kept_listed_and_gone_once_discarded(
    opened: tuple[Backend, uuid.UUID],
) -> None:
    backend, child_id = opened
    content = {"kind": "phone_call", "purpose": "Ring about transport"}
    draft_id = backend.notes.save_draft(child_id, content)
    assert isinstance(draft_id, uuid.UUID)
    (draft,) = backend.notes.drafts(child_id)
    assert (draft.draft_id, draft.child_id, draft.note_id) == (draft_id, child_id, None)
    assert dict(draft.content) == content
    backend.notes.discard_draft(draft_id)
    assert backend.notes.drafts() == ()
    # the autosave of a draft already gone keeps nothing
    assert backend.notes.save_draft(child_id, content, draft_id=draft_id) is None


def test_an_action_due_tomorrow_is_in_my_day_with_its_note(
    opened: tuple[Backend, uuid.UUID],
) -> None:
    backend, child_id = opened
    saved = backend.notes.save(child_id, GOOD)  # "Send advice request", due 05/03/2026
    (action,) = backend.notes.actions_due(child_id=child_id)
    assert (action.child_id, action.child_name) == (child_id, "Ava Example")
    assert (action.what, action.due, action.days_left, action.status) == (
        "Send advice request", date(2026, 3, 5), 1, "due",
    )  # fmt: skip
    assert action.owner == "The caseworker (none allocated)"  # "caseworker", none allocated
    assert (action.note_id, action.version_id) == (saved.note_id, saved.version_id)
    assert (action.note_kind, action.note_date) == ("visit", date(2026, 3, 2))
    assert backend.notes.actions_due(child_id=child_id, days_ahead=0) == ()


def test_search_finds_the_note_and_marks_the_words(opened: tuple[Backend, uuid.UUID]) -> None:
    backend, child_id = opened
    saved = backend.notes.save(child_id, GOOD)
    (hit,) = backend.notes.search("lunch")
    assert (hit.note_id, hit.child_id, hit.child_name) == (saved.note_id, child_id, "Ava Example")
    assert (hit.kind, hit.occurred_at) == ("visit", datetime(2026, 3, 2, 10, 0))
    assert (hit.checklist_passed, hit.checklist_applicable) == (12, 12)
    assert "«lunch»" in hit.snippet and "<b>lunch</b>" in hit.snippet_html
    assert backend.notes.search("trampoline") == ()


def test_an_id_that_is_not_one_is_refused_plainly(opened: tuple[Backend, uuid.UUID]) -> None:
    backend, _child_id = opened
    with pytest.raises(ValidationFailed, match="'nope' is not a child id"):
        backend.notes.child_notes("nope")
