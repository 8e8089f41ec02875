"""The backend's clock: My day, reminders, timeline, recording, overdue filter, report.

A hand-built caseload; today is Monday 2 March 2026 (10 working days end on 16 March).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, DataPaths, Refused, ValidationFailed
from send_desk.backend.caseload_models import ChildChanges
from send_desk.backend.clock_api import ClockApi
from send_desk.backend.clock_models import DeadlineRow, EventCorrection
from send_desk.reports.compliance import compliance_report
from tests.unit.backend.conftest import TODAY as DEMO_TODAY
from tests.unit.services.builder import Caseload

TODAY = date(2026, 3, 2)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def clock(tmp_path: Path) -> Iterator[tuple[Backend, Caseload]]:
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    c = Caseload(backend._store, TODAY)
    c.child("Ava")  # request 5 Jan + 42 = 16 Feb: 14 days overdue
    c.event("Ava", "request_received", "2026-01-05")
    c.child("Ben", looked_after=True, placing_authority="Leeds City Council")
    c.event("Ben", "request_received", "2026-01-19")  # + 42 = 2 Mar: due today
    c.child("Cara")  # advice asked of health on 2 Feb: + 42 = 16 Mar
    c.event("Cara", "request_received", "2026-01-26")  # + 42 = 9 Mar
    c.event("Cara", "advice_requested", "2026-02-02", **{"from": "health"})
    c.child("Hal", worker="sam")  # Sam's: request 23 Jan + 42 = 6 Mar
    c.event("Hal", "request_received", "2026-01-23")
    c.child("Ivy")  # request 19 Jan 2026 + 42 = 2 Mar... decided in time: nothing open
    c.event("Ivy", "request_received", "2026-01-19")
    c.event("Ivy", "assessment_decision", "2026-02-27", outcome="not_assess")
    c.child("Max")  # request 16 Jan + 42 = 27 Feb: missed 3 days ago
    c.event("Max", "request_received", "2026-01-16")
    yield backend, c
    backend.close()


def _brief(rows: Sequence[DeadlineRow]) -> list[tuple[str, str, str, str]]:
    return [(r.child_name.split()[0], r.milestone, str(r.due), r.section) for r in rows]


def test_my_day_for_one_caseworker(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    day = backend.clock.my_day(caseworker_id=c.pat)
    assert day.today == TODAY
    assert day.up_to == date(2026, 3, 16)
    assert _brief(day.rows) == [
        ("Ava", "decide_to_assess", "2026-02-16", "overdue"),
        ("Max", "decide_to_assess", "2026-02-27", "overdue"),
        ("Ben", "decide_to_assess", "2026-03-02", "today"),  # looked after
        ("Cara", "decide_to_assess", "2026-03-09", "soon"),
        ("Cara", "advice_due:health", "2026-03-16", "soon"),
    ]
    assert day.counts == {"overdue": 2, "today": 1, "soon": 2, "later": 0}
    ava = day.rows[0]
    assert (ava.status, ava.days_left, ava.apology_requested) == ("overdue", -14, False)
    assert ava.child_id == c.ids["Ava"]
    assert day.rows[2].priority_reasons == ("looked after",)  # Ben
    assert backend.clock.my_day(caseworker_id=c.sam).rows[0].child_name == "Hal Test"


def test_missed_deadlines_prompt_an_apology_once(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    clock_api = backend.clock
    rows = clock_api.my_day(caseworker_id=c.pat).rows
    # missed in the last 7 days: Max (27 Feb); Ava's was missed 14 days ago
    assert [r.child_name for r in clock_api.missed_without_apology(rows)] == ["Max Test"]
    with pytest.raises(ValidationFailed) as caught:
        clock_api.record_apology(c.ids["Max"], "decide_to_assess", date(2026, 2, 27), " ")
    assert "reason" in caught.value.fields
    clock_api.record_apology(
        c.ids["Max"], "decide_to_assess", date(2026, 2, 27), "Panel postponed by snow"
    )
    rows = clock_api.my_day(caseworker_id=c.pat).rows
    assert clock_api.missed_without_apology(rows) == ()
    assert [r.apology_requested for r in rows if r.child_name == "Max Test"] == [True]
    detail = backend.caseload.child_detail(c.ids["Max"])
    (apology,) = [e for e in detail.events if e.type == "apology_letter_requested"]
    assert apology.details["reason"] == "Panel postponed by snow"
    assert apology.date == TODAY


def test_reminders_at_the_lead_times(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    found = backend.clock.deadline_reminders(caseworker_id=c.pat, lead_days=[0, 7, 14])
    # due today (Ben), in 7 days (Cara, 9 Mar), in 14 days (Cara's advice, 16 Mar)
    assert [(r.child_name, r.days_left) for r in found] == [
        ("Ben Test", 0),
        ("Cara Test", 7),
        ("Cara Test", 14),
    ]
    assert backend.clock.deadline_reminders(caseworker_id=c.pat, lead_days=[1]) == ()


def test_the_timeline_of_a_child(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    timeline = backend.clock.child_timeline(c.ids["Cara"])
    rows = {item.milestone: item for item in timeline.items}
    assert list(rows) == ["decide_to_assess", "advice_due:health"]
    advice = rows["advice_due:health"]
    assert (advice.due, advice.status, advice.days_left, advice.done) == (
        date(2026, 3, 16),
        "pending",
        14,
        None,
    )
    assert advice.completed_by == ("advice_received",)
    assert advice.completed_with == {"from": "health"}
    assert [r.id for r in advice.exception_reasons] == [
        "exceptional_personal_circumstances",
        "absence_from_area",
        "missed_appointment",
    ]
    assert timeline.warnings == ()
    assert timeline.today == TODAY


def test_recording_an_exception_needs_a_reason_the_law_allows_and_evidence(
    clock: tuple[Backend, Caseload],
) -> None:
    backend, c = clock
    ava = c.ids["Ava"]
    clock_api = backend.clock
    with pytest.raises(ValidationFailed) as caught:
        clock_api.record_exception(ava, "decide_to_assess", "absence_from_area", "  ", TODAY)
    assert set(caught.value.fields) == {"evidence"}
    with pytest.raises(ValidationFailed, match="cannot be relied on for 'decide_to_assess'"):
        clock_api.record_exception(
            ava, "decide_to_assess", "missed_appointment", "Missed the clinic", TODAY
        )
    clock_api.record_exception(
        ava, "decide_to_assess", "absence_from_area", "Family abroad 10/01-28/02", date(2026, 1, 20)
    )
    (row,) = clock_api.child_timeline(ava).items
    assert row.status == "exception"
    assert row.due == date(2026, 2, 16)  # the due date never moves
    assert row.exception is not None
    assert (row.exception.reason, row.exception.evidence) == (
        "absence_from_area",
        "Family abroad 10/01-28/02",
    )


def test_recording_events_refuses_out_of_order_unless_confirmed(
    clock: tuple[Backend, Caseload],
) -> None:
    backend, c = clock
    ava = c.ids["Ava"]
    clock_api = backend.clock
    with pytest.raises(ValidationFailed, match="dated before the first request"):
        clock_api.record_event(ava, "assessment_decision", date(2026, 1, 2), {"outcome": "assess"})
    result = clock_api.record_event(
        ava, "assessment_decision", date(2026, 1, 2), {"outcome": "assess"}, confirm_dates=True
    )
    assert result.warnings[0].startswith("Decision whether to assess on 02/01/2026")
    events = backend.caseload.child_detail(ava).events  # by date: the decision first
    assert (events[0].id, events[0].type, events[0].date) == (
        result.id,
        "assessment_decision",
        date(2026, 1, 2),
    )
    with pytest.raises(Refused, match="already recorded"):
        clock_api.record_event(ava, "request_received", date(2026, 1, 5))
    with pytest.raises(ValidationFailed, match="after today"):
        clock_api.record_event(ava, "review_meeting", date(2026, 3, 3))
    types = {t.id for t in clock_api.event_types()}
    assert "request_received" in types and "exception_recorded" not in types


def test_the_overdue_filter_and_a_changed_date_of_birth(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    overdue = backend.caseload.caseload_ids(overdue=True)
    assert sorted(overdue) == sorted([c.ids["Ava"], c.ids["Max"]])
    assert backend.clock.overdue_child_ids() == {c.ids["Ava"], c.ids["Max"]}
    # The clock reads the date of birth: a change recomputes the child at once
    zed = c.child("Zed")
    backend.clock.record_event(zed, "final_plan_issued", date(2025, 11, 3))
    backend.caseload.update_child(zed, ChildChanges(date_of_birth=date(2015, 3, 2)))
    assert backend.clock.ensure_clock() == "current"
    rows = backend.clock.child_timeline(zed).items
    # born 2 Mar 2015: moves to secondary 1 Sep 2026, plan by 15 Feb 2026 (met: the plan
    # of 3 Nov 2025 is in the 12 months before)
    assert ("phase_transfer_plan", date(2026, 2, 15), "met") in {
        (r.milestone, r.due, r.status) for r in rows
    }


def test_compliance_on_the_clock_backend_caseload(clock: tuple[Backend, Caseload]) -> None:
    backend, _ = clock
    backend.clock.ensure_clock()
    with backend._store.read() as session:
        report = compliance_report(session, date(2026, 1, 1), date(2026, 3, 31), today=TODAY)
    # Ivy's decision (27 Feb) was in the 6 weeks to 2 Mar
    assert report["figures"]["decisions_to_assess_within_6_weeks"]["numerator"] == 1
    assert report["figures"]["decisions_to_assess_within_6_weeks"]["denominator"] == 1


def test_a_new_demo_store_has_its_deadlines_worked_out(backend: Backend) -> None:
    assert backend.clock.ensure_clock() == "current"
    assert backend.today() == DEMO_TODAY
    assert backend.clock.my_day().rows


def test_the_dates_a_request_sets() -> None:
    # received Monday 16 Nov 2026: 6 weeks to 28 Dec, 16 weeks to 8 Mar, 20 weeks to 5 Apr
    projected = ClockApi.request_projection(date(2026, 11, 16))
    assert [(p.milestone, p.due) for p in projected] == [
        ("decide_to_assess", date(2026, 12, 28)),
        ("decide_to_issue", date(2027, 3, 8)),
        ("final_plan", date(2027, 4, 5)),
    ]


def test_correcting_and_withdrawing_a_request(clock: tuple[Backend, Caseload]) -> None:
    backend, c = clock
    ava = c.ids["Ava"]
    (request,) = backend.caseload.child_detail(ava).events
    # the request was received on 12 Jan, not 5 Jan: decide by 23 Feb (12 Jan + 6 weeks)
    with pytest.raises(ValidationFailed):
        backend.clock.correct_event(request.id, EventCorrection(date(2026, 1, 12)), reason=" ")
    backend.clock.correct_event(
        request.id, EventCorrection(date(2026, 1, 12)), reason="the date stamp was misread"
    )
    (item,) = backend.clock.child_timeline(ava).items
    assert (item.milestone, item.due, item.status) == (
        "decide_to_assess",
        date(2026, 2, 23),
        "overdue",
    )
    (corrected,) = backend.caseload.child_detail(ava).events
    assert (corrected.date, corrected.version) == (date(2026, 1, 12), 2)
    backend.clock.withdraw_event(request.id, reason="recorded on the wrong child")
    assert backend.clock.child_timeline(ava).items == ()
    assert ava not in backend.clock.overdue_child_ids()
