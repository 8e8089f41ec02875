"""A draft plan pre-filled from the case, and the advice the case has received."""

from __future__ import annotations

from datetime import date

from send_desk.plans import check_plan, parse_plan
from send_desk.services import family
from send_desk.services.plan_advice import advice_received
from send_desk.services.plan_draft import draft_plan
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

TODAY = date(2026, 11, 20)
PLAN_DATE = date(2026, 12, 1)


def _case(store: Store) -> Caseload:
    """Sam, born 1 Oct 2012: Year 9 in 2026/27 (Reception in September 2017)."""
    c = Caseload(store, TODAY)
    c.child("Sam", dob="2012-10-01", preferred_name="Sammy", primary_need="ASD",
            secondary_need="SLCN")  # fmt: skip
    c.event("Sam", "request_received", "2026-06-01")
    c.event("Sam", "assessment_decision", "2026-07-06", outcome="assess")
    for who in ("EP", "Paediatrician", "Music therapist"):
        c.event("Sam", "advice_requested", "2026-07-08", **{"from": who})
    c.event("Sam", "advice_received", "2026-08-12", **{"from": "Paediatrician"})
    c.event("Sam", "advice_received", "2026-08-10", **{"from": "EP"})
    c.event("Sam", "advice_received", "2026-08-20", **{"from": "Music therapist"})
    return c


def test_advice_received_by_the_standards_names_in_date_order(store: Store) -> None:
    c = _case(store)
    with store.read() as session:
        assert advice_received(session, c.ids["Sam"]) == [
            "educational_psychology",
            "health",
            "music_therapist",
        ]


def test_draft_plan_prefilled_from_the_case(store: Store) -> None:
    c = _case(store)
    with store.write() as session:
        family.add_family_member(
            session,
            {"child_id": c.ids["Sam"], "name": "Ana Example", "relationship": "mother",
             "language": "Portuguese", "interpreter_needed": True, "main_contact": True,
             "phone": "07700 900123"},
        )  # fmt: skip
        family.add_family_member(
            session,
            {
                "child_id": c.ids["Sam"],
                "name": "Rui Example",
                "relationship": "father",
                "phone": "07700 900456",
            },
        )
    with store.read() as session:
        plan = draft_plan(session, c.ids["Sam"], PLAN_DATE)
    assert (plan.status, plan.date) == ("draft", PLAN_DATE)
    assert (plan.child.first_name, plan.child.year_group, plan.child.young_person) == (
        "Sammy",
        9,
        False,
    )
    assert plan.child.extra["family_communication"] == [
        {"name": "Ana Example", "relationship": "mother", "language": "Portuguese",
         "interpreter_needed": True, "easy_read": False, "large_print": False},
    ]  # fmt: skip
    assert [(n.id, n.area, n.primary, n.description) for n in plan.sections.B.items] == [
        ("b1", "ASD", True, ""),
        ("b2", "SLCN", False, ""),
    ]
    expected_advice = ("educational_psychology", "health", "music_therapist")
    assert (plan.advice_received, plan.sections.K) == (expected_advice, expected_advice)
    assert plan.sections.I.name is None
    # a plan like any other: written, read back, checked
    assert parse_plan(plan.to_json()).to_json() == plan.to_json()
    result = check_plan(plan)
    assert result.criterion("e_preparing_for_adulthood").applies is True  # Year 9
    assert result.criterion("k_all_advice_listed").passed is True
    assert result.criterion("i_draft_names_no_school").passed is True
    b_needs = result.criterion("b_needs")
    assert (b_needs.passed, b_needs.items) == (False, ("b1", "b2"))  # not yet described


def test_a_young_person_from_year_12_and_a_record_without_needs(store: Store) -> None:
    c = Caseload(store, TODAY)
    c.child("Jo", dob="2009-12-01")  # Reception September 2014: Year 12 in 2026/27
    with store.read() as session:
        plan = draft_plan(session, c.ids["Jo"], PLAN_DATE)
    assert (plan.child.year_group, plan.child.young_person) == (12, True)
    assert plan.sections.B.items == () and plan.advice_received == ()
    assert "family_communication" not in plan.child.extra
    assert check_plan(plan).criterion("a_parent_views").applies is False
