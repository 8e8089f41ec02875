"""Compliance figures on a small caseload whose answers are worked out by hand.

Period 1 Jan to 30 Jun 2026, run on 15 Jul 2026 (so the position is on 30 Jun).
Pat White (North) and Sam Green (South) hold every case from 6 Jan 2025.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from send_desk.reports.compliance import Row, compliance_report, contributions
from send_desk.services import milestones
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

TODAY = date(2026, 7, 15)
START, END = date(2026, 1, 1), date(2026, 6, 30)


@pytest.fixture
def report(store: Store) -> dict[str, Any]:
    c = Caseload(store, TODAY)
    # -- plans issued in the period (20 weeks = 140 days from the request)
    # P1 (Pat): 6 Oct 2025 + 140 = 25 (Oct) + 30 + 31 + 31 = 117 by 31 Jan, +23 -> 23 Feb;
    # issued 20 Feb: in time
    c.child("P1")
    c.event("P1", "request_received", "2025-10-06")
    c.event("P1", "assessment_decision", "2025-11-10", outcome="assess")
    c.event("P1", "final_plan_issued", "2026-02-20")
    # P2 (Pat): 1 Sep 2025 + 140 = 29 + 31 + 30 + 31 = 121 by 31 Dec, +19 -> 19 Jan 2026;
    # issued 2 Mar: late, with an exception relied on (left out of "excluding")
    c.child("P2")
    c.event("P2", "request_received", "2025-09-01")
    c.event("P2", "assessment_decision", "2025-10-06", outcome="assess")
    c.event("P2", "exception_recorded", "2025-12-01", reason="absence_from_area",
            milestone="final_plan", evidence="Family abroad 20/11/2025-20/02/2026")  # fmt: skip
    c.event("P2", "final_plan_issued", "2026-03-02")
    # P3 (Sam): 20 Oct 2025 + 140 = 11 + 30 + 31 + 31 + 28 = 131 by 28 Feb, +9 -> 9 Mar;
    # issued 20 Mar: late, no exception
    c.child("P3", worker="sam")
    c.event("P3", "request_received", "2025-10-20")
    c.event("P3", "assessment_decision", "2025-11-24", outcome="assess")
    c.event("P3", "final_plan_issued", "2026-03-20")
    # -- decisions whether to assess sent in the period (6 weeks = 42 days)
    c.child("D1")  # 5 Jan + 42 = 16 Feb; decided 10 Feb: in time
    c.event("D1", "request_received", "2026-01-05")
    c.event("D1", "assessment_decision", "2026-02-10", outcome="not_assess")
    c.child("D2", worker="sam")  # 12 Jan + 42 = 23 Feb; decided 2 Mar: late
    c.event("D2", "request_received", "2026-01-12")
    c.event("D2", "assessment_decision", "2026-03-02", outcome="not_assess")
    c.child("D3")  # 1 Jun + 42 = 13 Jul: no decision yet, not counted
    c.event("D3", "request_received", "2026-06-01")
    # -- decisions after a review meeting (4 weeks = 28 days from the meeting)
    c.child("R1")  # meeting 10 Jan + 28 = 7 Feb; decided 5 Feb: in time
    c.event("R1", "final_plan_issued", "2025-01-15")
    c.event("R1", "review_meeting", "2026-01-10")
    c.event("R1", "review_decision", "2026-02-05", outcome="maintain")
    c.child("R2", worker="sam")  # last review 20 Feb 2025: next one by 20 Feb 2026, overdue
    c.event("R2", "final_plan_issued", "2024-03-01")
    c.event("R2", "review_meeting", "2025-02-20")
    c.child("R3")  # meeting 20 May + 28 = 17 Jun; decided 25 Jun: late
    c.event("R3", "final_plan_issued", "2025-06-01")
    c.event("R3", "review_meeting", "2026-05-20")
    c.event("R3", "review_decision", "2026-06-25", outcome="maintain")
    # -- phase transfers: born 2 Mar 2015, Year 6 in 2025/26, moving on 1 Sep 2026, so the
    # plan must be amended by 15 Feb 2026 (in the period). Plans of 1 Oct 2024: their
    # annual reviews were due 1 Oct 2025 and are overdue.
    c.child("T1", dob="2015-03-02")  # not amended: at risk (missed)
    c.event("T1", "final_plan_issued", "2024-10-01")
    c.child("T2", dob="2015-03-02", worker="sam")  # amended 20 Jan 2026: done in time
    c.event("T2", "final_plan_issued", "2024-10-01")
    c.event("T2", "amended_plan_issued", "2026-01-20")
    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
    with store.read() as session:
        return compliance_report(session, START, END, today=TODAY)


def _brief(figures: dict[str, Any]) -> dict[str, tuple[int, int, float | None]]:
    return {
        name: (value["numerator"], value["denominator"], value["percent"])
        for name, value in figures.items()
    }


def test_service_figures(report: dict[str, Any]) -> None:
    assert report["as_of"] == END
    assert _brief(report["figures"]) == {
        # P1 in time; P2 and P3 late
        "plans_within_20_weeks": (1, 3, 33.3),
        # P2 left out (exception relied on): P1 of P1 and P3
        "plans_within_20_weeks_excluding_exceptions": (1, 2, 50.0),
        # D1 in time, D2 late (D3 not decided; the P's were decided in 2025)
        "decisions_to_assess_within_6_weeks": (1, 2, 50.0),
        # R1 in time, R3 late
        "review_decisions_within_4_weeks": (1, 2, 50.0),
        # open on 30 Jun: P1, P2, P3 (plans of 2026), R1 and R3 (met in 2026), R2, T1, T2;
        # overdue: R2 (20 Feb 2026), T1 and T2 (1 Oct 2025)
        "annual_reviews_overdue": (3, 8, 37.5),
        # T1 not amended by 15 Feb; T2 amended on 20 Jan
        "phase_transfers_at_risk": (1, 2, 50.0),
    }


def test_per_team_and_per_caseworker(report: dict[str, Any]) -> None:
    teams = {team["team"]: _brief(team["figures"]) for team in report["teams"]}
    assert teams["North"] == {
        "plans_within_20_weeks": (1, 2, 50.0),  # P1, P2
        "plans_within_20_weeks_excluding_exceptions": (1, 1, 100.0),  # P1
        "decisions_to_assess_within_6_weeks": (1, 1, 100.0),  # D1
        "review_decisions_within_4_weeks": (1, 2, 50.0),  # R1, R3
        "annual_reviews_overdue": (1, 5, 20.0),  # P1, P2, R1, R3 open; T1 overdue
        "phase_transfers_at_risk": (1, 1, 100.0),  # T1
    }
    assert teams["South"] == {
        "plans_within_20_weeks": (0, 1, 0.0),  # P3
        "plans_within_20_weeks_excluding_exceptions": (0, 1, 0.0),
        "decisions_to_assess_within_6_weeks": (0, 1, 0.0),  # D2
        "review_decisions_within_4_weeks": (0, 0, None),
        "annual_reviews_overdue": (2, 3, 66.7),  # P3 open; R2 and T2 overdue
        "phase_transfers_at_risk": (0, 1, 0.0),  # T2
    }
    workers = {(w["caseworker"], w["team"]) for w in report["caseworkers"]}
    assert workers == {("Pat White", "North"), ("Sam Green", "South")}
    pat = next(w for w in report["caseworkers"] if w["caseworker"] == "Pat White")
    assert _brief(pat["figures"]) == teams["North"]


def test_a_phase_transfer_is_at_risk_with_less_than_12_weeks_left() -> None:
    # deadline 15 Feb 2027; 12 weeks before it is 23 Nov 2026
    row = Row("c", "phase_transfer_plan", date(2027, 2, 15), None, date(2026, 9, 1), False)
    period = (date(2026, 9, 1), date(2027, 8, 31))
    assert contributions(row, *period, as_of=date(2026, 11, 23)) == [
        ("phase_transfers_at_risk", False)  # exactly 12 weeks left
    ]
    assert contributions(row, *period, as_of=date(2026, 11, 24)) == [
        ("phase_transfers_at_risk", True)  # 83 days left
    ]


def test_a_phase_transfer_amended_after_its_deadline_still_missed_it() -> None:
    # deadline 15 Feb 2027; the plan was amended late, on 10 Mar 2027 (the clock: "late")
    late = Row("c", "phase_transfer_plan", date(2027, 2, 15), date(2027, 3, 10),
               date(2026, 2, 16), False)  # fmt: skip
    period = (date(2026, 9, 1), date(2027, 8, 31))
    assert contributions(late, *period, as_of=date(2027, 8, 31)) == [
        ("phase_transfers_at_risk", True)
    ]
    on_time = Row("c", "phase_transfer_plan", date(2027, 2, 15), date(2027, 2, 15),
                  date(2026, 2, 16), False)  # fmt: skip
    assert contributions(on_time, *period, as_of=date(2027, 8, 31)) == [
        ("phase_transfers_at_risk", False)
    ]


def test_a_transferred_in_plans_first_review_counts_as_its_review() -> None:
    # plan transferred in; its first review (reg 15(5)) was due 1 Mar 2026, still open
    row = Row("c", "transfer_review", date(2026, 3, 1), None, date(2025, 12, 1), False)
    assert contributions(row, START, END, as_of=END) == [("annual_reviews_overdue", True)]
