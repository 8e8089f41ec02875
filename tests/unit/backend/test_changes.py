"""Changes: what a write changed, combined with ``|`` and asked by kind and child."""

from __future__ import annotations

import uuid

import pytest

from send_desk.backend.changes import NO_CHANGES, ChangeKind, Changes

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
