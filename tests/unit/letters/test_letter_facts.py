"""Letters say what is true of the case: the appeal date and why it is later than
2 months, an independent mediation adviser, and outstanding work only while it is."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.services import letters as letters_service
from send_desk.storage.store import Store
from tests.unit.letters.case import LetterCase

TODAY = date(2027, 3, 1)
REASONS = {"reasons": ["The school can meet the needs with the help it gives now."]}


def _decision_letter(store: Store, sent: str, letter: str, variant: str = "standard") -> str:
    case = LetterCase(store, TODAY)
    case.event("request_received", "2026-01-05")
    case.event("decision_sent", sent, appealable=True)
    with store.read() as session:
        prepared = letters_service.prepare_letter(
            session, case.child_id, "decision_not_to_assess", REASONS, today=TODAY,
            letter_date=date.fromisoformat(letter), variant=variant,
        )  # fmt: skip
    assert prepared.composed.check.passed, [i.message for i in prepared.composed.check.errors]
    return " ".join(prepared.letter.body_text().split())


def test_an_appeal_date_moved_by_august_says_so_and_not_2_months(store: Store) -> None:
    # letter Fri 12 Jun 2026: 2 months is Wed 12 Aug, in August: Tue 1 Sep 2026
    text = _decision_letter(store, "2026-06-12", "2026-06-12")
    assert "You must appeal by Tuesday 1 September 2026." in text
    assert "This is 2 months from" not in text
    assert "2 months from then is Wednesday 12 August 2026." in text
    assert "Your date is later because the Tribunal does not count the days in August." in text


def test_an_appeal_date_moved_by_christmas_and_a_weekend_says_both(store: Store) -> None:
    text = _decision_letter(store, "2026-10-27", "2026-10-27")
    assert "You must appeal by Monday 4 January 2027." in text
    assert (
        "Your date is later because the Tribunal does not count the days from 25 December "
        "to 1 January. Also, the Tribunal's office is closed at weekends." in text
    )


def test_an_appeal_date_2_months_on_says_so(store: Store) -> None:
    text = _decision_letter(store, "2026-03-12", "2026-03-12")
    assert "You must appeal by Tuesday 12 May 2026." in text
    assert "This is 2 months from Thursday 12 March 2026, the date of this letter." in text


def test_a_letter_dated_before_the_decision_is_sent_counts_from_the_sending(store: Store) -> None:
    text = _decision_letter(store, "2026-03-12", "2026-03-09")
    assert "You must appeal by Tuesday 12 May 2026." in text
    assert "from Thursday 12 March 2026, the day we sent you our decision." in text


@pytest.mark.parametrize("variant", ["standard", "easy_read"])
def test_the_mediation_adviser_is_never_ours(store: Store, variant: str) -> None:
    text = _decision_letter(store, "2026-03-12", "2026-03-12", variant)
    assert "our mediation adviser" not in text.lower()
    # "independent of the council" (standard), "not part of the council" (easy read)
    assert "independent of the council" in text or "not part of the council" in text


def test_no_template_calls_the_mediation_adviser_ours() -> None:
    folder = letters_service.library().manifest.folder / "templates"
    for path in folder.rglob("*.j2"):
        assert "our mediation adviser" not in path.read_text(encoding="utf-8").lower(), path


def _case(store: Store, events: list[tuple[str, str, dict[str, str]]]) -> LetterCase:
    case = LetterCase(store, TODAY)
    for type_id, day, details in events:
        case.event(type_id, day, **details)
    return case


def _apology(case: LetterCase, inputs: dict[str, object]) -> letters_service.Prepared:
    store = case.store
    with store.read() as session:
        return letters_service.prepare_letter(
            session, case.child_id, "apology_missed_timescale",
            {"reason": ["The psychologist was off sick."], **inputs}, today=TODAY,
        )  # fmt: skip


ADVICE_LATE = [
    ("request_received", "2026-06-01", {}),
    ("assessment_decision", "2026-07-13", {"outcome": "assess"}),
    ("advice_requested", "2026-07-13", {"from": "health"}),
    # due Mon 24 Aug 2026 (6 weeks); received late, on Wed 30 Sep 2026
    ("advice_received", "2026-09-30", {"from": "health"}),
    ("issue_decision", "2026-10-05", {"outcome": "issue"}),
    ("draft_plan_issued", "2026-10-12", {}),
    ("final_plan_issued", "2026-10-19", {}),
]


def test_an_apology_for_advice_received_late_promises_no_advice(store: Store) -> None:
    prepared = _apology(_case(store, ADVICE_LATE), {"milestone": "advice_due:health"})
    text = " ".join(prepared.letter.body_text().split())
    assert "advice we still need" not in text
    assert "We will" not in text.split("Why it happened")[0]
    assert "We did it on Wednesday 30 September 2026" in text


def test_an_apology_for_advice_still_missing_says_when_it_will_come(store: Store) -> None:
    case = _case(store, ADVICE_LATE[:3])
    with pytest.raises(letters_service.LetterRefused) as refused:
        _apology(case, {"milestone": "advice_due:health"})
    assert "new_date" in refused.value.fields
    prepared = _apology(case, {"milestone": "advice_due:health", "new_date": "2027-03-12"})
    text = " ".join(prepared.letter.body_text().split())
    assert (
        "We will get the advice we still need from professionals by Friday 12 March 2027." in text
    )


def _invitation(case: LetterCase, letter: str) -> str:
    store = case.store
    inputs = {"meeting_date": "2026-12-10", "meeting_time": "14:30", "meeting_place": "the school"}
    with store.read() as session:
        prepared = letters_service.prepare_letter(
            session, case.child_id, "annual_review_invitation", inputs, today=TODAY,
            letter_date=date.fromisoformat(letter),
        )  # fmt: skip
    return " ".join(prepared.letter.body_text().split())


def test_an_invitation_never_promises_the_reports_by_a_day_already_past(store: Store) -> None:
    # meeting Thu 10 Dec 2026: reports 2 weeks before, by Thu 26 Nov 2026
    case = _case(store, [("final_plan_issued", "2025-12-01", {})])
    assert "reports by Thursday 26 November 2026" in _invitation(case, "2026-11-20")
    late = _invitation(case, "2026-12-01")
    assert "26 November" not in late
    assert "We will send you the reports as soon as we can." in late


def test_saving_a_later_draft_cover_gives_the_clock_the_letters_15_days(store: Store) -> None:
    from send_desk.services.letter_dates import timeline_of

    case = _case(
        store,
        [
            ("request_received", "2026-06-01", {}),
            ("assessment_decision", "2026-07-10", {"outcome": "assess"}),
            ("issue_decision", "2026-10-01", {"outcome": "issue"}),
            ("draft_plan_issued", "2026-11-09", {}),
        ],
    )
    with store.write() as session:
        saved = letters_service.save_letter(
            session, case.child_id, "draft_plan_cover", {}, today=date(2026, 11, 22),
            letter_date=date(2026, 11, 22),
        )  # fmt: skip
    assert [e["event"] for e in saved["events_recorded"]] == ["draft_plan_issued"]
    with store.read() as session:
        rows = timeline_of(session, case.child_id, date(2026, 11, 22))
    ends = [m.due for m in rows if m.id.startswith("draft_response_period_ends")]
    # the family's time to comment, as the letter of Sun 22 Nov says: to Sun 6 Dec 2026
    assert max(ends) == date(2026, 12, 6)
