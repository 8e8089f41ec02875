"""Control characters are refused by every model family's rules (shared with the server).

An escape sequence in a name broke the supervisor's XLSX report and rewrote terminal
screens; tabs and line breaks stay welcome in long text (an address, a summary).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from send_desk.domain.children import AllocationCreate, ChildCreate, FamilyMemberCreate
from send_desk.domain.correspondence import (
    CallbackCreate,
    ComplaintCreate,
    CorrespondenceItemCreate,
    StaffAbsenceCreate,
)
from send_desk.domain.events import CaseEventBase
from send_desk.domain.organisation import SettingCreate, TeamCreate, UserCreate
from send_desk.services.errors import ValidationFailed
from send_desk.services.validation import validate

ESC = "\x1b[2J"  # "clear the screen"
CHILD = {"first_name": "Amy", "last_name": "Byrne", "date_of_birth": "2015-03-01"}
SOME_ID = str(uuid.UUID(int=7))


def refused(model: type[Any], data: dict[str, Any]) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        validate(model, data)
    return caught.value


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("last_name", "Byrne" + ESC),
        ("first_name", "A\x00my"),
        ("preferred_name", "Kit\x7f"),
        ("preferred_name", "Kit\x9b31m"),  # the one-byte C1 escape
        ("placing_authority", "Leeds\u202e"),  # right-to-left override: reorders what is read
        ("address", "1 High St\x07"),
        ("postcode", "LS1 4AP\x1b"),
        ("upn", "T8202001005\x001"),
    ],
)
def test_a_child_with_a_control_character_is_refused_naming_the_field(
    field: str, value: str
) -> None:
    error = refused(ChildCreate, {**CHILD, field: value})
    assert field in error.fields
    assert "control character" in error.message
    # the message never repeats the value: that is what must not reach a terminal
    assert "\x1b" not in error.message and "\x00" not in error.message


def test_line_breaks_and_tabs_are_kept_in_an_address_but_not_in_a_name() -> None:
    child = validate(ChildCreate, {**CHILD, "address": "1 High St\nLeeds\tWest"})
    assert child.address == "1 High St\nLeeds\tWest"
    # a name's stray whitespace (pasted from a spreadsheet) is folded as before
    assert validate(ChildCreate, {**CHILD, "last_name": " Byrne\n"}).last_name == "Byrne"
    error = refused(TeamCreate, {"name": "North", "description": "ok\x1b"})
    assert "description" in error.message.lower()
    assert validate(TeamCreate, {"name": "North", "description": "two\nlines"}).description


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (
            FamilyMemberCreate,
            {"child_id": SOME_ID, "name": "Jo Byrne", "relationship": "mother",
             "phone": "07700 900123", "notes": "call after 3pm\x1b[8m"},
        ),
        (
            FamilyMemberCreate,
            {"child_id": SOME_ID, "name": "Jo Byrne", "relationship": "mother",
             "email": "jo\x1b@example.org", "preferred_contact": "email"},
        ),
        (
            AllocationCreate,
            {"child_id": SOME_ID, "caseworker_id": SOME_ID, "team_id": SOME_ID,
             "start_date": "2026-01-05", "reason": "moved\x08"},
        ),
        (SettingCreate, {"name": "Oak Primary\x1b", "phase": "primary"}),
        (UserCreate, {"username": "jo", "display_name": "Jo\x1bB", "role": "caseworker"}),
        (
            CorrespondenceItemCreate,
            {"child_id": SOME_ID, "channel": "email", "correspondent": "Mrs Byrne",
             "summary": "asked about the plan\x00", "contact_date": "2026-01-05"},
        ),
        (
            CallbackCreate,
            {"child_id": SOME_ID, "requested_by": "Mr Byrne\x1b", "about": "transport",
             "requested_on": "2026-01-05", "slot_start": "2026-01-06T10:00",
             "caller_id": SOME_ID},
        ),
        (
            ComplaintCreate,
            {"child_id": SOME_ID, "complainant": "Mrs Byrne", "summary": "late\x1b[2J",
             "received_on": "2026-01-05"},
        ),
        (
            StaffAbsenceCreate,
            {"user_id": SOME_ID, "first_day": "2026-01-05", "last_day": "2026-01-06",
             "reason": "leave\x1b"},
        ),
        (
            CaseEventBase,
            {"child_id": SOME_ID, "type": "request_received", "date": "2026-01-05",
             "details": {"from": "parent\x1b[2J"}},
        ),
    ],
)  # fmt: skip
def test_every_family_refuses_control_characters(model: type[Any], data: dict[str, Any]) -> None:
    error = refused(model, data)
    assert "control character" in error.message


def test_a_summary_may_have_paragraphs_but_no_escape() -> None:
    item = {"child_id": SOME_ID, "channel": "email", "correspondent": "Mrs Byrne",
            "contact_date": "2026-01-05"}  # fmt: skip
    ok = validate(CorrespondenceItemCreate, {**item, "summary": "First.\n\nSecond.\tEnd"})
    assert ok.summary == "First.\n\nSecond.\tEnd"
    assert "control character" in refused(
        CorrespondenceItemCreate, {**item, "summary": "First.\r\n\x1b]0;title\x07"}
    ).message


def test_text_longer_than_any_field_holds_is_refused() -> None:
    event = {"child_id": SOME_ID, "type": "request_received", "date": "2026-01-05"}
    error = refused(CaseEventBase, {**event, "evidence": "x" * 100_001})
    assert "100,001 characters" in error.message
    assert validate(CaseEventBase, {**event, "evidence": "x" * 100_000}).evidence
