"""How the correspondence lists word the backend's codes (send_desk.gui.formatting)."""

from __future__ import annotations

from datetime import datetime

from send_desk.gui import formatting as fmt


def test_days_left_in_words() -> None:
    assert [fmt.days_left(d) for d in (None, 0, 3, -12)] == [
        "", "today", "in 3 days", "12 days late",
    ]  # fmt: skip


def test_codes_in_words() -> None:
    assert fmt.item_status("overdue") == "Overdue"
    assert fmt.item_status("answered_late") == "Answered late"
    assert fmt.callback_status("missed") == "Missed"
    assert fmt.complaint_status("closed") == "Closed"
    assert fmt.channel("call") == "Phone call" and fmt.channel(None) == ""
    assert fmt.direction("incoming") == "From the family"
    assert fmt.response_kind(None) == ""
    assert fmt.confirmation(None) == "Not yet"
    assert fmt.confirmation("text") == "Text message"


def test_a_callbacks_time_reads_as_the_lists_say_it() -> None:
    assert fmt.callback_when(datetime(2026, 11, 20, 9, 5)) == "09:05 on 20/11/2026"
