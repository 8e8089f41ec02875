"""`deadlines`: what is overdue, due today and due soon, most at risk first.

A small caseload built by hand; every date and the order are worked out in the test.
Today is Monday 2 March 2026; the next 10 working days end on Monday 16 March (Tue 3
is the 1st, Fri 6 the 4th, Fri 13 the 9th, Mon 16 the 10th: no bank holiday in them).
"""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.services import milestones
from send_desk.services.deadlines import DeadlineQuery, deadlines, horizon, overdue_child_ids
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

TODAY = date(2026, 3, 2)


@pytest.fixture
def caseload(store: Store) -> Caseload:
    c = Caseload(store, TODAY)
    # Ava: request 5 Jan + 42 days = 16 Feb: overdue by 14 days
    c.child("Ava")
    c.event("Ava", "request_received", "2026-01-05")
    # Eve: request 12 Jan + 42 = 23 Feb: overdue, but an exception is relied on
    c.child("Eve")
    c.event("Eve", "request_received", "2026-01-12")
    c.event("Eve", "exception_recorded", "2026-02-01", reason="absence_from_area",
            milestone="decide_to_assess", evidence="Family abroad 20/01-25/02")  # fmt: skip
    # Gus, looked after: request 12 Jan -> 23 Feb, overdue
    c.child("Gus", looked_after=True, placing_authority="Leeds City Council")
    c.event("Gus", "request_received", "2026-01-12")
    # Jo has a plan (4 Nov 2024): review by 4 Nov 2025, overdue; born 2 Mar 2015, so in
    # Year 6 and moving to secondary on 1 Sep 2026: plan amended by 15 Feb 2026, overdue
    c.child("Jo", dob="2015-03-02")
    c.event("Jo", "final_plan_issued", "2024-11-04")
    # Ben, looked after: request 19 Jan + 42 = 2 Mar, due today
    c.child("Ben", looked_after=True, placing_authority="Kirklees Council")
    c.event("Ben", "request_received", "2026-01-19")
    # Hal, Sam Green's (South): request 19 Jan, due today
    c.child("Hal", worker="sam")
    c.event("Hal", "request_received", "2026-01-19")
    # Cara: request 26 Jan + 42 = 9 Mar, due in 7 days
    c.child("Cara")
    c.event("Cara", "request_received", "2026-01-26")
    # Dan moved in on 2 Feb: tell the family by 2 Feb + 42 = 16 Mar (the 10th working
    # day, still in); first review by the later of 2 Feb + 3 months = 2 May and (no
    # earlier review or plan recorded) -> 2 May, outside the 10 days
    c.child("Dan")
    c.event("Dan", "plan_transferred_in", "2026-02-02")
    # Ivy: request 3 Feb + 42 = 17 Mar, the 11th working day: not in the list
    c.child("Ivy")
    c.event("Ivy", "request_received", "2026-02-03")
    # Kit: decided in time, nothing open
    c.child("Kit")
    c.event("Kit", "request_received", "2026-01-05")
    c.event("Kit", "assessment_decision", "2026-02-02", outcome="not_assess")
    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
    return c


def _brief(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (str(row["child_name"]).split()[0], row["milestone"], str(row["due"]), row["status"],
         row["section"])
        for row in rows
    ]  # fmt: skip


def test_the_next_10_working_days_end_on_the_tenth_working_day() -> None:
    assert horizon(TODAY) == date(2026, 3, 16)
    # over Easter: from Thu 2 Apr 2026, Good Friday 3 and Easter Monday 6 do not count:
    # 7 (1), 8, 9, 10 (4), 13-17 (9), Mon 20 Apr (10)
    assert horizon(date(2026, 4, 2)) == date(2026, 4, 20)


def test_overdue_then_today_then_soon_with_priority_children_first(
    store: Store, caseload: Caseload
) -> None:
    with store.read() as session:
        rows = deadlines(session, DeadlineQuery(), today=TODAY)
    assert _brief(rows) == [
        # overdue: Jo (phase transfer) and Gus (looked after) first, earliest due first
        ("Jo", "annual_review", "2025-11-04", "overdue", "overdue"),  # 4 Nov 2024 + 12 months
        ("Jo", "phase_transfer_plan", "2026-02-15", "overdue", "overdue"),
        ("Gus", "decide_to_assess", "2026-02-23", "overdue", "overdue"),
        # then the others: a plain breach before one with an exception relied on
        ("Ava", "decide_to_assess", "2026-02-16", "overdue", "overdue"),
        ("Eve", "decide_to_assess", "2026-02-23", "exception", "overdue"),
        # due today: Ben (looked after) before Hal
        ("Ben", "decide_to_assess", "2026-03-02", "pending", "today"),
        ("Hal", "decide_to_assess", "2026-03-02", "pending", "today"),
        # due soon: Dan (moving in) before Cara, though Cara's is sooner
        ("Dan", "transfer_notice", "2026-03-16", "pending", "soon"),
        ("Cara", "decide_to_assess", "2026-03-09", "pending", "soon"),
    ]
    by_child = {str(row["child_name"]).split()[0]: row for row in rows}
    assert by_child["Jo"]["priority_reasons"] == ["phase transfer"]
    assert by_child["Gus"]["priority_reasons"] == ["looked after"]
    assert by_child["Dan"]["priority_reasons"] == ["moving in"]
    assert by_child["Ava"]["priority_reasons"] == []
    ava = by_child["Ava"]
    assert (ava["days_left"], ava["caseworker"], ava["team"]) == (-14, "Pat White", "North")
    assert ava["next_step"] == (
        "Send the family the decision whether to carry out an EHC needs assessment now: it "
        "was due 16/02/2026, 14 days ago."
    )
    assert ava["source"] == "SEND Regulations 2014 reg 4(1)"
    assert by_child["Eve"]["exception"]["reason"] == "absence_from_area"
    assert by_child["Cara"]["days_left"] == 7


def test_one_caseworker_or_team_a_longer_window_or_everything(
    store: Store, caseload: Caseload
) -> None:
    with store.read() as session:
        mine = deadlines(session, DeadlineQuery(caseworker_id=caseload.sam), today=TODAY)
        south = deadlines(session, DeadlineQuery(team_id=caseload.south), today=TODAY)
        longer = deadlines(session, DeadlineQuery(within=11), today=TODAY)
        everything = deadlines(session, DeadlineQuery(everything=True), today=TODAY)
    assert (
        _brief(mine)
        == _brief(south)
        == [("Hal", "decide_to_assess", "2026-03-02", "pending", "today")]
    )
    # 11 working days: to Tue 17 Mar, so Ivy's comes in
    assert ("Ivy", "decide_to_assess", "2026-03-17", "pending", "soon") in _brief(longer)
    assert ("Dan", "transfer_review", "2026-05-02", "pending", "later") in _brief(everything)
    assert ("Ivy", "decide_to_assess", "2026-03-17", "pending", "later") in _brief(everything)
    assert all(row["status"] != "met" for row in everything)  # open tasks only


def test_the_overdue_filter_lists_children_with_a_missed_statutory_task(
    store: Store, caseload: Caseload
) -> None:
    with store.read() as session:
        overdue = overdue_child_ids(session, today=TODAY)
    assert overdue == {caseload.ids[name].hex for name in ("Ava", "Eve", "Gus", "Jo")}
