"""What the composer and check-letter say: whether the reading-age aim is met, in
plain words, and the fields a letter needs by their labels, never their paths."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from send_desk.domain.organisation import User
from send_desk.letters.plain_english import check_verdict, reading_verdict
from send_desk.services import letters as letters_service
from send_desk.storage.store import Store
from tests.unit.letters.case import LetterCase


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (8.6, "Reading age about 9: meets the aim of 9."),
        (9.4, "Reading age about 9: meets the aim of 9."),
        (10.2, "Reading age about 10: does not meet the aim of 9 (up to 11 is allowed"),
        (11.8, "Reading age about 12: does not meet the aim of 9, and is over 11."),
    ],
)
def test_the_reading_age_says_whether_the_aim_is_met(age: float, words: str) -> None:
    assert reading_verdict(age, 9, 11).startswith(words)


def test_a_letter_with_no_problems_and_a_reading_age_of_10_does_not_say_passes() -> None:
    check = {"passed": True, "issues": [], "reading_age": 10.1, "target_reading_age": 9.0,
             "max_reading_age": 11.0}  # fmt: skip
    verdict = check_verdict(check)
    assert "pass" not in verdict.lower()
    assert verdict.startswith("No problems to fix. Reading age about 10: does not meet the aim")


def test_a_missing_field_is_named_by_its_label_not_its_path(store: Store) -> None:
    case = LetterCase(store, date(2026, 11, 22))
    with store.write() as session:
        for user in session.exec(select(User)).all():
            user.phone = None
    with store.read() as session, pytest.raises(letters_service.LetterRefused) as refused:
        letters_service.prepare_letter(
            session, case.child_id, "callback_confirmation",
            {"caller": "Pat White", "number": "01632 960002", "about": "transport",
             "callback_date": "2026-11-25", "callback_time": "10:00"},
            today=date(2026, 11, 22),
        )  # fmt: skip
    messages = " ".join(refused.value.fields.values())
    assert "the caseworker's direct phone number" in messages
    assert "caseworker.phone" not in messages and "(" not in messages.split("number")[0]
