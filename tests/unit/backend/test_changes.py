"""Changes: what a write changed, combined with ``|`` and asked by kind and child."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend.changes import NO_CHANGES, ChangeKind, Changes
from send_desk.backend.imports import ImportOutcome
from send_desk.backend.sync_models import SyncResult

AMELIA = uuid.UUID("11111111-1111-1111-1111-111111111111")
BILAL = uuid.UUID("22222222-2222-2222-2222-222222222222")


def test_an_event_for_one_child_touches_that_child_and_its_deadlines_only() -> None:
    changes = Changes.of(ChangeKind.EVENTS, children=[AMELIA])
    assert changes.touches(ChangeKind.EVENTS)
    assert not changes.touches(ChangeKind.NOTES, ChangeKind.LETTERS)
    assert changes.touches_child(AMELIA)
    assert changes.touches_child(AMELIA, ChangeKind.EVENTS)
    assert not changes.touches_child(AMELIA, ChangeKind.NOTES)
    assert not changes.touches_child(BILAL)
    assert not changes.all_children


def test_child_ids_may_be_given_as_the_hex_text_the_gui_holds() -> None:
    changes = Changes.of(ChangeKind.NOTES, children=[AMELIA.hex])
    assert changes.child_ids == frozenset({AMELIA})
    assert changes.touches_child(AMELIA.hex, ChangeKind.NOTES)


def test_combining_unites_kinds_and_children() -> None:
    note = Changes.of(ChangeKind.NOTES, children=[AMELIA])
    letter = Changes.of(ChangeKind.LETTERS, ChangeKind.EVENTS, children=[BILAL])
    both = note | letter
    assert both.kinds == {ChangeKind.NOTES, ChangeKind.LETTERS, ChangeKind.EVENTS}
    assert both.child_ids == {AMELIA, BILAL}
    assert not both.everything
    # combining is the same either way round and leaves the parts as they were
    assert letter | note == both
    assert note.kinds == {ChangeKind.NOTES}


def test_an_unknown_child_survives_combining() -> None:
    imported = Changes.of(ChangeKind.CHILDREN, ChangeKind.EVENTS, any_child=True)
    combined = Changes.of(ChangeKind.NOTES, children=[AMELIA]) | imported
    assert combined.any_child
    assert combined.touches_child(BILAL, ChangeKind.EVENTS)
    assert combined.all_children


def test_a_new_child_without_an_id_means_the_whole_list() -> None:
    assert Changes.of(ChangeKind.CHILDREN).all_children
    assert not Changes.of(ChangeKind.CHILDREN, children=[AMELIA]).all_children


def test_everything_touches_every_kind_and_child() -> None:
    pulled = Changes.all()
    assert pulled.everything
    assert all(pulled.touches(kind) for kind in ChangeKind)
    assert pulled.touches_child(BILAL, ChangeKind.DOCUMENTS)
    assert (NO_CHANGES | pulled).everything


def test_no_changes_is_false_and_touches_nothing() -> None:
    assert not NO_CHANGES
    assert bool(Changes.of(ChangeKind.AUDITS))
    assert not NO_CHANGES.touches(*ChangeKind)
    assert not NO_CHANGES.touches_child(AMELIA)


def test_changes_cannot_be_altered_once_made() -> None:
    changes = Changes.of(ChangeKind.PLANS)
    with pytest.raises(AttributeError):
        changes.everything = True  # type: ignore[misc]
    assert changes.kinds == {ChangeKind.PLANS}


# ---- what write results say they changed


def test_recording_an_event_says_it_moved_that_childs_clock(backend) -> None:  # type: ignore[no-untyped-def]
    from send_desk.backend.caseload_models import NewChild

    child = backend.caseload.create_child(
        NewChild(first_name="Amelia", last_name="Okafor", date_of_birth=date(2019, 2, 14))
    )
    recorded = backend.clock.record_event(child, "request_received", date(2026, 11, 2))
    assert recorded.child_id == child
    assert recorded.changes == Changes.of(ChangeKind.EVENTS, children=[child])


def _sync_result(*, pulled: int, removed: int = 0, pushed: int = 0) -> SyncResult:
    return SyncResult(
        pushed=pushed, pulled=pulled, conflicts=0, quarantined=0, duplicates=0,
        removed=removed, kept_local=0, pending=0, open_conflicts=0, quarantined_total=0,
        pages=1, server="http://127.0.0.1:8000", checkpoint=42, last_sync_at=None,
        wiped=False, errors=(),
    )  # fmt: skip


def test_a_sync_pass_that_brought_rows_in_or_out_may_have_changed_anything() -> None:
    assert _sync_result(pulled=3).changes == Changes.all()
    assert _sync_result(pulled=0, removed=1).changes.everything
    # only sending this laptop's own changes: nothing here differs from what is shown
    assert not _sync_result(pulled=0, pushed=5).changes


def _outcome(*, dry_run: bool, imported: bool) -> ImportOutcome:
    return ImportOutcome(
        file=Path("caseload.xlsx"), dry_run=dry_run, imported=imported, mapping=(), rows=12,
        children=12, settings_created=("Oakfield Primary",), settings_matched=3,
        allocations=12, events=20, existing=(), problems=(),
    )  # fmt: skip


def test_an_import_changes_children_not_known_one_by_one_and_a_check_changes_nothing() -> None:
    assert not _outcome(dry_run=True, imported=False).changes
    changes = _outcome(dry_run=False, imported=True).changes
    assert changes.kinds == {ChangeKind.CHILDREN, ChangeKind.EVENTS, ChangeKind.SETTINGS}
    assert changes.touches_child(BILAL, ChangeKind.EVENTS)
    assert changes.all_children and not changes.everything
