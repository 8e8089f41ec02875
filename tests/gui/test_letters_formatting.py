"""How the letters screens word the letters' read models (send_desk.gui.formatting)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from send_desk.backend.letters_models import LetterHistoryRow, MissedMilestone
from send_desk.gui.formatting import (
    letter_sent_text,
    letter_variant_label,
    missed_milestone_text,
    sent_via_label,
)

SAVED = LetterHistoryRow(
    letter_id=uuid.UUID(int=1),
    version_id=uuid.UUID(int=1),
    version=1,
    child_id=uuid.UUID(int=2),
    template="callback_confirmation",
    template_title="Callback confirmation",
    title="We will phone you on Tuesday 24 November 2026",
    variant="standard",
    letter_date=date(2026, 11, 2),
    recipient_name="Ms A Example",
    status="saved",
    sent_via=None,
    sent_on=None,
    note=None,
    saved_at=None,
    saved_by=None,
    event_ids=(),
)


def test_whether_and_how_a_letter_was_sent() -> None:
    assert letter_sent_text(SAVED) == "Not sent yet"
    emailed = replace(SAVED, status="sent", sent_via="email", sent_on=date(2026, 11, 20))
    assert letter_sent_text(emailed) == "Emailed, 20/11/2026"
    assert letter_sent_text(replace(emailed, sent_via=None, sent_on=None)) == "Sent"
    assert sent_via_label("post") == "Printed and posted"
    assert sent_via_label(None) == ""


def test_a_missed_milestone_says_when_it_was_due_and_whether_done() -> None:
    late = MissedMilestone(
        "final_plan|2026-03-02", "final_plan", "Final plan issued", date(2026, 3, 2),
        date(2026, 3, 9), "late",
    )  # fmt: skip
    assert missed_milestone_text(late) == "Final plan issued: due 02/03/2026, done 09/03/2026"
    overdue = replace(late, done=None, status="overdue")
    assert missed_milestone_text(overdue) == "Final plan issued: due 02/03/2026, not done yet"


def test_a_letter_format_in_words() -> None:
    assert letter_variant_label("large_print") == "Large print"
    assert letter_variant_label("braille") == "braille"
