"""Worked cases for exceptions to a time limit. Every expected date is worked out by
hand in the comment beside it, never by calling the engine."""

from __future__ import annotations

import pytest

from send_desk.timescales import Event

from .clock import codes, ev, rows, run

# -- exceptions -----------------------------------------------------------------------------

PATH = [
    ev("request_received", "2026-01-05"),
    ev("assessment_decision", "2026-02-10", outcome="assess"),
    ev("issue_decision", "2026-04-20", outcome="issue"),
]
ABSENT = ev(
    "exception_recorded",
    "2026-04-01",
    reason="absence_from_area",
    milestone="final_plan",
    evidence="Family abroad 01/04-30/05",
)


def test_exception_marks_an_overdue_final_plan_and_keeps_its_date() -> None:
    timeline = run([*PATH, ABSENT], "2026-06-01")
    # 5 Jan + 140 days = 25 May 2026, unchanged by the exception
    assert rows(timeline, "final_plan") == [("final_plan", "2026-05-25", None, "exception")]
    final = timeline.milestones[-1]
    assert final.to_json()["exception"] == {
        "reason": "absence_from_area",
        "evidence": "Family abroad 01/04-30/05",
        "recorded": "2026-04-01",
        "source": "SEND Regulations 2014 reg 13(3), 10(4)",
    }
    assert "as soon as practicable" in final.next_step
    assert timeline.warnings == []


def test_exception_marks_a_late_final_plan() -> None:
    timeline = run([*PATH, ABSENT, ev("final_plan_issued", "2026-06-10")], "2026-06-15")
    assert rows(timeline, "final_plan") == [("final_plan", "2026-05-25", "2026-06-10", "exception")]


def test_exception_leaves_a_met_or_pending_milestone_alone() -> None:
    met = run([*PATH, ABSENT, ev("final_plan_issued", "2026-05-20")], "2026-06-01")
    assert rows(met, "final_plan") == [("final_plan", "2026-05-25", "2026-05-20", "met")]
    pending = run([*PATH, ABSENT], "2026-05-01")
    assert rows(pending, "final_plan") == [("final_plan", "2026-05-25", None, "pending")]
    assert pending.milestones[-1].exceptions[0].reason == "absence_from_area"


def test_exception_for_one_milestone_does_not_touch_another() -> None:
    events = [ev("request_received", "2026-01-05"), ev("assessment_decision", "2026-02-10",
              outcome="assess"), ABSENT]  # fmt: skip
    timeline = run(events, "2026-06-01")
    assert rows(timeline, "decide_to_issue", "final_plan") == [
        ("decide_to_issue", "2026-04-27", None, "overdue"),
        ("final_plan", "2026-05-25", None, "exception"),
    ]


def test_missed_appointment_is_an_exception_for_advice_only() -> None:
    advice = [
        ev("advice_requested", "2026-02-02", from_="health"),
        ev("exception_recorded", "2026-02-20", reason="missed_appointment",
           milestone="advice_due:health", evidence="Clinic appointment 18/02 not attended"),
    ]  # fmt: skip
    timeline = run(advice, "2026-03-20")
    assert rows(timeline) == [("advice_due:health", "2026-03-16", None, "exception")]

    final = ev("exception_recorded", "2026-04-01", reason="missed_appointment",
               milestone="final_plan", evidence="Missed EP appointment")  # fmt: skip
    timeline = run([*PATH, final], "2026-06-01")
    assert rows(timeline, "final_plan") == [("final_plan", "2026-05-25", None, "overdue")]
    assert codes(timeline) == [(3, "exception")]
    assert "cannot be relied on for 'final_plan'" in timeline.warnings[0].message


@pytest.mark.parametrize(
    ("exception", "message"),
    [
        (ev("exception_recorded", "2026-04-01", reason="staff_shortage", milestone="final_plan",
            evidence="Two officers off sick"),
         "'staff_shortage' is not a reason the regulations allow"),
        (ev("exception_recorded", "2026-04-01", reason="absence_from_area",
            milestone="final_plna", evidence="Abroad"),
         "names the milestone 'final_plna', which SEND Desk does not know"),
        (ev("exception_recorded", "2026-04-01", reason="absence_from_area",
            milestone="annual_review", evidence="Abroad"),
         "the law allows no exception for 'annual_review'"),
        (ev("exception_recorded", "2026-04-01", reason="absence_from_area",
            milestone="final_plan", evidence=""),
         "has no evidence: not used"),
        (ev("exception_recorded", "2026-01-02", reason="absence_from_area",
            milestone="decide_to_assess", evidence="Abroad"),
         "is dated before the 'decide_to_assess' time limit started"),
        (ev("exception_recorded", "2026-04-01", reason="absence_from_area",
            milestone="order_final_plan", evidence="Abroad"),
         "is for 'order_final_plan', which does not apply to this case"),
    ],
)  # fmt: skip
def test_exceptions_that_cannot_apply_are_warned_about_not_applied(
    exception: Event, message: str
) -> None:
    timeline = run([*PATH, exception], "2026-06-01")
    assert rows(timeline, "final_plan") == [("final_plan", "2026-05-25", None, "overdue")]
    assert [w.event_index for w in timeline.warnings] == [3]
    assert message in timeline.warnings[0].message


def test_school_closure_exception_checks_the_closure_window() -> None:
    # The bundled term dates: closure 22 Jul - 2 Sep 2026, window 15 Jul - 27 Aug 2026.
    request = ev("request_received", "2026-06-01")
    assess = ev("assessment_decision", "2026-07-06", outcome="assess")
    closure = ev("exception_recorded", "2026-08-01", reason="school_closure",
                 milestone="decide_to_issue", evidence="School shut for summer")  # fmt: skip
    in_window = ev("advice_requested", "2026-07-20", from_="school")
    outside = ev("advice_requested", "2026-07-10", from_="school")
    # 1 Jun + 112 days: 29 (Jun) + 31 (Jul) + 31 (Aug) = 91, +21 -> 21 Sep 2026
    good = run([request, assess, in_window, closure], "2026-10-01")
    assert rows(good, "decide_to_issue") == [("decide_to_issue", "2026-09-21", None, "exception")]
    assert [w.code for w in good.warnings] == []
    doubtful = run([request, assess, outside, closure], "2026-10-01")
    assert rows(doubtful, "decide_to_issue") == [
        ("decide_to_issue", "2026-09-21", None, "exception")
    ]
    assert [w.code for w in doubtful.warnings] == ["closure_window"]
    assert "15/07/2026 to 27/08/2026" in doubtful.warnings[0].message
