"""validate_new_event: what the store refuses and what it flags."""

from __future__ import annotations

from typing import Any

from send_desk.timescales import validate_new_event
from send_desk.timescales.validation import FLAG, REFUSE

from .clock import d, ev

CASE = [
    ev("request_received", "2026-06-01"),
    ev("assessment_decision", "2026-07-06", outcome="assess"),
]
TODAY = d("2026-10-01")


def problems(new: Any, existing: list[Any] | None = None) -> list[tuple[str, str]]:
    found = validate_new_event(CASE if existing is None else existing, new, TODAY)
    return [(p.level, p.message) for p in found]


def test_a_good_event_has_no_problem() -> None:
    assert problems({"type": "advice_requested", "date": "2026-07-20", "from": "school"}) == []
    assert problems(ev("issue_decision", "2026-09-20", outcome="issue")) == []


def test_unreadable_events_are_refused() -> None:
    assert problems({"type": "final_plan", "date": "2026-07-20"})[0][0] == REFUSE
    assert (
        "'final_plan' is not a known event type"
        in problems({"type": "final_plan", "date": "2026-07-20"})[0][1]
    )
    assert problems({"type": "review_meeting", "date": "2026-02-30"}) == [
        (REFUSE, "'review_meeting' date '2026-02-30' is not a real date")
    ]
    assert problems({"type": "assessment_decision", "date": "2026-07-20"}) == [
        (REFUSE, "'assessment_decision': Outcome is needed")
    ]


def test_an_event_after_today_is_refused() -> None:
    assert problems(ev("final_plan_issued", "2026-10-02")) == [
        (REFUSE, "The date 02/10/2026 is after today (01/10/2026): record an event once it has "
         "happened.")
    ]  # fmt: skip


def test_an_event_already_recorded_is_refused() -> None:
    assert problems({"type": "request_received", "date": "2026-06-01"}) == [
        (REFUSE, "This event is already recorded (Request for assessment received on 01/06/2026).")
    ]


def test_exceptions_the_law_does_not_allow_are_refused() -> None:
    staff = ev("exception_recorded", "2026-09-01", reason="staff_shortage",
               milestone="decide_to_issue", evidence="Two officers off sick")  # fmt: skip
    ((level, message),) = problems(staff)
    assert level == REFUSE
    assert "'staff_shortage' is not a reason the regulations allow" in message
    unknown = ev("exception_recorded", "2026-09-01", reason="absence_from_area",
                 milestone="final_plna", evidence="Abroad")  # fmt: skip
    assert problems(unknown)[0][0] == REFUSE
    no_evidence = {"type": "exception_recorded", "date": "2026-09-01",
                   "reason": "absence_from_area", "milestone": "final_plan"}  # fmt: skip
    assert problems(no_evidence) == [(REFUSE, "'exception_recorded': Evidence is needed")]


def test_out_of_order_and_closure_doubts_are_flagged() -> None:
    early = problems(ev("final_plan_issued", "2026-05-01"))
    assert early == [
        (FLAG, "Final plan issued on 01/05/2026 is dated before the first request for "
         "assessment received (01/06/2026): check the dates.")
    ]  # fmt: skip
    closure = ev("exception_recorded", "2026-08-01", reason="school_closure",
                 milestone="decide_to_issue", evidence="School shut for summer")  # fmt: skip
    ((level, message),) = problems(closure, [*CASE, ev("advice_requested", "2026-07-10",
                                                      from_="school")])  # fmt: skip
    assert level == FLAG
    assert "closure window" in message
    in_window = [*CASE, ev("advice_requested", "2026-07-20", from_="school")]
    assert problems(closure, in_window) == []


def test_an_event_that_completes_nothing_is_flagged() -> None:
    assert problems(ev("advice_received", "2026-07-10", from_="health")) == [
        (FLAG, "Advice received on 10/07/2026 does not complete any open deadline (it can "
         "complete advice_due; check its date and the events before it).")
    ]  # fmt: skip
