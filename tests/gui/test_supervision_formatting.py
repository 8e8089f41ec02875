"""How the Supervision page words its read models (send_desk.gui.formatting)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from send_desk.backend.supervision_models import AuditAction, NoteRef
from send_desk.gui.formatting import (
    audit_action_owner,
    grade_colours,
    in_sentence,
    note_ref_text,
    share,
)


def test_a_note_is_named_by_its_kind_day_and_child() -> None:
    visit = NoteRef("visit", date(2026, 11, 3), "Jay Example")
    assert note_ref_text(visit) == "Visit on 03/11/2026 – Jay Example"
    assert note_ref_text(NoteRef("phone_call", None, "Jay Example")) == "Phone call – Jay Example"
    assert note_ref_text(NoteRef(None, None, "")) == "A case note"


def test_an_audit_action_names_the_caseworker_and_the_grade() -> None:
    action = AuditAction(
        audit_id=uuid.UUID(int=1), note_id=uuid.UUID(int=2), child_id=uuid.UUID(int=3),
        child_name="Jay Example", what="Ring mum", due=date(2026, 11, 23), days_left=3,
        status="due", overall="requires_improvement", caseworker="Sam Example",
    )  # fmt: skip
    assert audit_action_owner(action) == "Sam Example (audit: Requires improvement)"
    nobody = replace(action, caseworker="")
    assert audit_action_owner(nobody) == "Not known (audit: Requires improvement)"


def test_rates_and_grade_colours() -> None:
    assert share(0.8) == "80%" and share(None) == "n/a"
    colours = grade_colours()
    assert list(colours) == ["outstanding", "good", "requires_improvement", "inadequate"]
    assert all(len(c) == 7 and c.startswith("#") for c in colours.values())


def test_a_criterion_inside_the_trends_sentence_keeps_its_section_letter() -> None:
    # "Most often failed: section A sounds like the family", not "section a sounds..."
    assert in_sentence("Section A sounds like the family") == "section A sounds like the family"
    assert in_sentence("Provision is quantified, without hedging") == (
        "provision is quantified, without hedging"
    )
    assert in_sentence("SEN2 area given") == "SEN2 area given"
