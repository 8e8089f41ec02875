"""How the notes screens word a note's read model (send_desk.gui.formatting, notes)."""

from __future__ import annotations

from datetime import UTC, datetime

from send_desk.backend.notes_models import Attendee, FailedItem
from send_desk.gui.formatting import (
    attendees_text,
    checklist_score,
    failed_items_text,
    note_kind_label,
    note_time,
    uk_datetime,
)


def test_a_note_s_kind_time_and_score_in_words() -> None:
    assert note_kind_label("phone_call") == "Phone call"
    assert note_kind_label("carrier_pigeon") == "carrier_pigeon"  # a kind since withdrawn
    assert note_time(datetime(2026, 3, 2, 9, 5)) == "02/03/2026 09:05"
    assert note_time(None) == "time not given"
    assert checklist_score(10, 12) == "10/12"


def test_who_was_there_names_each_person_s_role() -> None:
    people = (Attendee("Ms A Example", "parent", ""), Attendee("", "senco", ""))
    assert attendees_text(people) == "Ms A Example (Parent), ? (SENCO)"
    assert attendees_text(()) == ""


def test_items_not_met_by_name_or_all_met() -> None:
    missing = (FailedItem("purpose", "Say why."), FailedItem("child_voice", "Record it."))
    assert failed_items_text(missing) == "Purpose, The child's voice"
    assert failed_items_text(()) == "All met"


def test_a_saved_time_is_shown_on_the_london_clock() -> None:
    # 12:30 UTC in June is 13:30 in London (BST)
    assert uk_datetime(datetime(2026, 6, 1, 12, 30, tzinfo=UTC)) == "01/06/2026 13:30"
