"""A hand-built case set of letters: every template, dated before, on and after the
event it speaks of, with Tribunal periods crossing August and Christmas. No letter
gives a date shorter than the period it states: each period counts from the later of
the event and the letter's own date (worked out by hand below)."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.letters.dates import full_date
from send_desk.services import letters as letters_service
from send_desk.storage.store import Store
from tests.unit.letters.case import LetterCase

TODAY = date(2027, 3, 1)
INPUTS: dict[str, object] = {
    "reasons": ["The school can meet the needs with the help it gives now."],
    "support_now": ["Extra reading help three times a week."],
    "support_after": ["The school's own help."],
    "advice_from": ["an educational psychologist"],
    "recipient_name": "Dr Amy Patel",
    "recipient_address": ["Child Health Centre", "Northtown NT3 4EF"],
    "adviser_service": "health",
    "school_named": "Northtown Primary School",
    "meeting_date": "2026-12-10",
    "meeting_time": "14:30",
    "meeting_place": "Northtown Primary School",
    "amendments": ["Add one-to-one help at lunch time."],
    "evidence": ["The school's review report"],
    "reason": ["Our educational psychologist was off sick for 4 weeks."],
    "new_date": "2027-03-20",
    "complaint_date": "2026-11-02",
    "summary": ["Nobody answered your calls in October."],
    "investigator": "Sam Jones, team manager",
    "reply_by": "2026-11-30",
    "outcome": "upheld",
    "findings": ["We did not call you back when we said we would."],
    "escalate_by": "2026-12-31",
    "callback_date": "2026-11-25",
    "callback_time": "10:00",
    "caller": "Priya Sharma",
    "number": "07700 900123",
    "about": "school transport",
}

ASSESSING = [
    ("request_received", "2026-06-01", {}),
    ("assessment_decision", "2026-07-10", {"outcome": "assess"}),
]
DRAFT = [*ASSESSING, ("issue_decision", "2026-10-01", {"outcome": "issue"})]
PLAN = [("final_plan_issued", "2025-12-01", {})]
AMEND = [*PLAN, ("review_decision", "2026-11-02", {"outcome": "amend"})]


def _decision(sent: str) -> list[tuple[str, str, dict[str, object]]]:
    return [*PLAN, ("decision_sent", sent, {"appealable": True})]


# 15 days beginning with the later of the event (Mon 9 Nov 2026) and the letter:
# letter 2 Nov or 9 Nov -> Mon 23 Nov; letter 22 Nov -> Sun 6 Dec.
COMMENT = [("2026-11-02", "2026-11-23"), ("2026-11-09", "2026-11-23"), ("2026-11-22", "2026-12-06")]
# 2 months from the later of the decision sent (Fri 5 Jun 2026) and the letter, then the
# Tribunal's first counted day: 5 Aug / 12 Aug are in August -> Tue 1 Sep 2026.
AUGUST = [("2026-06-01", "2026-09-01"), ("2026-06-05", "2026-09-01"), ("2026-06-12", "2026-09-01")]
# Decision sent Tue 20 Oct 2026: 20 Dec is a Sunday -> Mon 21 Dec; a letter of Tue 27 Oct
# -> 27 Dec, not counted; 2-3 Jan 2027 a weekend -> Mon 4 Jan 2027.
CHRISTMAS = [("2026-10-20", "2026-12-21"), ("2026-10-27", "2027-01-04")]

CASES: list[tuple[str, list[tuple[str, str, dict[str, object]]], str, str, str]] = []
for letter, due in COMMENT:
    CASES.append(
        (
            "draft_plan_cover",
            [*DRAFT, ("draft_plan_issued", "2026-11-09", {})],
            letter,
            "comment_by",
            due,
        )
    )
    for name in ("amendment_notice", "review_decision_amend"):
        CASES.append(
            (
                name,
                [*AMEND, ("amendment_notice_issued", "2026-11-09", {})],
                letter,
                "comment_by",
                due,
            )
        )
# 6 weeks from the later of the request for advice (Mon 2 Nov 2026) and the letter.
for letter, due in [
    ("2026-10-30", "2026-12-14"),
    ("2026-11-02", "2026-12-14"),
    ("2026-11-09", "2026-12-21"),
]:
    CASES.append(
        (
            "advice_request",
            [*ASSESSING, ("advice_requested", "2026-11-02", {"from": "health"})],
            letter,
            "advice_by",
            due,
        )
    )
for name in (
    "decision_not_to_assess",
    "decision_not_to_issue",
    "final_plan",
    "review_decision_maintain",
    "review_decision_cease",
):
    for letter, due in AUGUST:
        CASES.append((name, _decision("2026-06-05"), letter, "appeal_by", due))
    for letter, due in CHRISTMAS:
        CASES.append((name, _decision("2026-10-20"), letter, "appeal_by", due))
# Templates that state no period: before, on and after their event, no period problem.
for name, events in (
    ("request_acknowledgement", [("request_received", "2026-11-02", {})]),
    ("decision_to_assess", [("request_received", "2026-09-01", {})]),
    ("annual_review_invitation", PLAN),
    ("apology_missed_timescale", [("request_received", "2026-06-01", {})]),
    ("complaint_acknowledgement", PLAN),
    ("complaint_response", PLAN),
    ("callback_confirmation", PLAN),
):
    for letter in ("2026-11-02", "2026-11-09", "2026-11-22"):
        CASES.append((name, events, letter, "", ""))


def _prepare(
    store: Store,
    template: str,
    events: list[tuple[str, str, dict[str, object]]],
    letter: str,
    variant: str | None = None,
) -> letters_service.Prepared:
    case = LetterCase(store, TODAY)
    for type_id, day, details in events:
        case.event(type_id, day, **details)
    spec = letters_service.library().manifest.template(template)
    inputs = {i.name: INPUTS[i.name] for i in spec.inputs if i.name in INPUTS}
    with store.read() as session:
        return letters_service.prepare_letter(
            session, case.child_id, template, inputs, today=TODAY,
            letter_date=date.fromisoformat(letter), variant=variant,
        )  # fmt: skip


@pytest.mark.parametrize(("template", "events", "letter", "name", "due"), CASES)
def test_no_letter_gives_less_than_the_period_it_states(
    store: Store, template: str, events: list[tuple[str, str, dict[str, object]]],
    letter: str, name: str, due: str,
) -> None:  # fmt: skip
    prepared = _prepare(store, template, events, letter)
    check = prepared.composed.check
    assert [i.message for i in check.issues if i.kind == "period"] == []
    if name:
        expected = date.fromisoformat(due)
        assert prepared.composed.context["dates"][name] == expected
        assert full_date(expected) in prepared.letter.body_text()


@pytest.mark.parametrize(
    ("template", "events", "letter", "name", "due"),
    [case for case in CASES if case[3] and case[0] != "advice_request"],
)
def test_no_easy_read_letter_gives_less_than_the_period_it_states(
    store: Store, template: str, events: list[tuple[str, str, dict[str, object]]],
    letter: str, name: str, due: str,
) -> None:  # fmt: skip
    prepared = _prepare(store, template, events, letter, variant="easy_read")
    assert prepared.variant == "easy_read"
    assert [i.message for i in prepared.composed.check.issues if i.kind == "period"] == []
    assert full_date(date.fromisoformat(due)) in prepared.letter.body_text()
