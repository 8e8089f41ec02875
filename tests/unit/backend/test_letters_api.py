"""backend.letters: templates, a composed letter, saved and sent letters as typed read
models, against hand-worked answers (the callback confirmation of a demo child)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import col, select

from send_desk.backend import Backend, DataPaths, ValidationFailed
from send_desk.backend.letters_models import LetterHistoryRow
from send_desk.domain.children import Allocation, Child, FamilyMember
from send_desk.storage.store import open_store
from tests.unit.backend.conftest import PASSWORD, TODAY

CALLBACK = {"caller": "Priya Sharma", "number": "07700 900123", "about": "school transport",
            "callback_date": "2026-11-24", "callback_time": "10:30"}  # fmt: skip
# the callback's day in words, as the letter's title gives it
TITLE = "We will phone you on Tuesday 24 November 2026"


@pytest.fixture
def child(demo_paths: DataPaths) -> tuple[uuid.UUID, list[str]]:
    """A demo child with a caseworker and a family (a letter needs both): id, family."""
    with open_store(demo_paths, PASSWORD) as store, store.read() as session:
        allocated = select(Allocation.child_id).where(col(Allocation.end_date).is_(None))
        with_family = select(FamilyMember.child_id)
        found = session.exec(
            select(Child.id, Child.last_name)
            .where(col(Child.id).in_(allocated), col(Child.id).in_(with_family))
            .order_by(Child.last_name, Child.first_name)
        ).first()
        assert found is not None, "the demo has allocated children with families"
        family = session.exec(
            select(FamilyMember.name).where(FamilyMember.child_id == found[0])
        ).all()
    return found[0], list(family)


@pytest.fixture
def opened(demo_paths: DataPaths) -> Iterator[Backend]:
    backend = Backend.open(demo_paths, PASSWORD, today=lambda: TODAY)
    yield backend
    backend.close()


def test_the_callback_confirmation_asks_for_the_caller_and_the_time(
    opened: Backend, child: tuple[uuid.UUID, list[str]]
) -> None:
    choices = {choice.name: choice for choice in opened.letters.templates(child[0])}
    callback = choices["callback_confirmation"]
    assert callback.title == "Callback confirmation" and callback.audience == "family"
    names = {item.name for item in callback.inputs}
    assert {"caller", "number", "about", "callback_date", "callback_time"} <= names
    kinds = {item.name: item.kind for item in callback.inputs}
    assert (kinds["callback_date"], kinds["callback_time"]) == ("date", "time")


def test_a_composed_letter_carries_its_letter_check_and_file_name(
    opened: Backend, child: tuple[uuid.UUID, list[str]]
) -> None:
    child_id, family = child
    preview = opened.letters.compose(
        child_id, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 2)
    )
    assert preview.title == TITLE and preview.letter.letter_date == date(2026, 11, 2)
    assert preview.variant in ("standard", "large_print", "easy_read")
    assert preview.check.passed and preview.issues == preview.check.issues
    assert preview.recipient in family
    # the date, the template's words, the recipient with "-" for what is not a letter
    recipient = "".join(ch if ch.isalnum() else "-" for ch in preview.recipient)
    assert preview.file_stem == f"2026-11-02 callback confirmation {recipient}"
    assert "We will phone you" in preview.html


def test_saving_then_sending_makes_a_second_version_marked_sent(
    opened: Backend, child: tuple[uuid.UUID, list[str]]
) -> None:
    child_id, _family = child
    saved = opened.letters.save(
        child_id, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 2)
    )
    first = saved.row
    assert isinstance(first, LetterHistoryRow)
    assert (first.version, first.status, first.sent_via, first.sent_on) == (1, "saved", None, None)
    assert (first.child_id, first.title, first.letter_date) == (child_id, TITLE, date(2026, 11, 2))
    sent = opened.letters.mark_sent(first.letter_id, "email")
    assert sent.row.letter_id == first.letter_id
    assert (sent.row.version, sent.row.status, sent.row.sent_via) == (2, "sent", "email")
    assert sent.row.sent_on == TODAY  # 20/11/2026
    (listed,) = opened.letters.child_letters(child_id.hex)
    assert (listed.version_id, listed.versions) == (sent.row.version_id, 2)
    assert (listed.template, listed.template_title) == (
        "callback_confirmation", "Callback confirmation",
    )  # fmt: skip
    assert opened.letters.stored(listed.letter_id).title == TITLE


def test_an_apology_without_a_recorded_reason_starts_from_the_milestone(
    opened: Backend, child: tuple[uuid.UUID, list[str]]
) -> None:
    inputs = opened.letters.apology_inputs(child[0], "final_plan", date(2026, 11, 1))
    assert inputs == {"milestone": "final_plan|2026-11-01"}


def test_a_letter_format_that_is_not_one_is_refused(opened: Backend) -> None:
    with pytest.raises(ValidationFailed, match="'odt' is not a letter format"):
        opened.letters.file(None, "odt")  # type: ignore[arg-type]


def test_a_letter_dated_after_today_cannot_be_marked_sent_before_its_date(
    opened: Backend, child: tuple[uuid.UUID, list[str]]
) -> None:
    child_id, _family = child
    # today is Friday 20/11/2026; the letter is dated Monday 30/11/2026
    saved = opened.letters.save(
        child_id, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 30)
    )
    refused = (
        "This letter is dated 30/11/2026, after today (20/11/2026): it cannot be marked "
        "sent before its date. Mark it sent on or after 30/11/2026, or date it today."
    )
    with pytest.raises(ValidationFailed) as marked:
        opened.letters.mark_sent(saved.row.letter_id, "post")
    assert marked.value.message == refused
    # nothing changed: still the one saved version, not sent
    (listed,) = opened.letters.child_letters(child_id.hex)
    assert (listed.versions, listed.status, listed.sent_on) == (1, "saved", None)
    # saving and sending at once is refused the same way, and saves nothing
    with pytest.raises(ValidationFailed) as sent:
        opened.letters.save(
            child_id, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 30),
            sent_via="email",
        )  # fmt: skip
    assert sent.value.message == refused
    assert len(opened.letters.child_letters(child_id.hex)) == 1
    # dated today it is sent today
    today = opened.letters.save(child_id, "callback_confirmation", CALLBACK, sent_via="email")
    assert (today.row.status, today.row.sent_on) == ("sent", date(2026, 11, 20))
