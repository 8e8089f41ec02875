"""Why a plan ended and where a transferred plan came from: recorded once, on the event
that ends or brings the plan, and sent as SEN2's CeaseReason and TransferLA."""

from __future__ import annotations

from datetime import datetime

import pytest

from send_desk.domain.event_types import event_type
from send_desk.sen2.checks import check_return
from send_desk.sen2.export import Options, build_return, to_xml
from send_desk.sen2.schema import schema_errors
from send_desk.storage.store import Store
from tests.unit.sen2.caseload import CENSUS, build

NOW = datetime(2027, 2, 1, 9, 30)
FULL = Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")


def test_a_cease_reason_is_given_only_with_a_decision_to_cease() -> None:
    review = event_type("review_decision")
    assert review.parse_details({"outcome": "cease", "cease_reason": "paid_employment"}) == {
        "outcome": "cease",
        "cease_reason": "paid_employment",
    }
    # not known yet: the decision is still recorded, the return will ask
    assert review.parse_details({"outcome": "cease", "cease_reason": ""}) == {"outcome": "cease"}
    with pytest.raises(ValueError, match="Why the plan ends is given only when outcome is 'cease'"):
        review.parse_details({"outcome": "maintain", "cease_reason": "died"})
    with pytest.raises(ValueError, match="Why the plan ends must be one of: maximum_age"):
        review.parse_details({"outcome": "cease", "cease_reason": "9"})


def test_the_council_a_plan_moves_to_or_came_from_is_a_three_digit_la_number() -> None:
    review = event_type("review_decision")
    assert review.parse_details(
        {"outcome": "cease", "cease_reason": "moved_la", "to_la": " 301 "}
    ) == {"outcome": "cease", "cease_reason": "moved_la", "to_la": "301"}
    moved = "only when why the plan ends is 'Moved to another council in England'"
    with pytest.raises(ValueError, match=moved):
        review.parse_details({"outcome": "cease", "cease_reason": "died", "to_la": "301"})
    transfer = event_type("plan_transferred_in")
    assert transfer.parse_details({"from_la": "886"}) == {"from_la": "886"}
    assert transfer.parse_details({}) == {}
    with pytest.raises(ValueError, match=r"3-digit DfE LA number, for example 886 \(not 'Kent'\)"):
        transfer.parse_details({"from_la": "Kent"})
    with pytest.raises(ValueError, match="3-digit"):
        transfer.parse_details({"from_la": "8860"})


def test_the_return_sends_the_cease_reason_and_the_transferring_council(store: Store) -> None:
    c = build(store)
    # Gil: transferred in from Kent (886) in 2026, ceased when he started work.
    c.child("Gil", dob="2007-03-03", sex="M", primary_need="MLD", uln="1234567890")
    c.event("Gil", "plan_transferred_in", "2026-03-01", from_la="886")
    c.event("Gil", "review_meeting", "2026-09-01")
    c.event("Gil", "review_decision", "2026-09-10", outcome="cease",
            cease_reason="paid_employment")  # fmt: skip
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    tree = to_xml(sen2)
    gil = tree.xpath("/Message/Persons/Person[Forename='Gil']/Requests")
    assert isinstance(gil, list) and len(gil) == 1
    request = gil[0]
    plan = [(e.tag, e.text) for e in request.iterfind("Assessment/NamedPlan/*")]
    assert plan == [("StartDate", "2026-03-01"), ("CeaseDate", "2026-09-10"), ("CeaseReason", "4")]
    assert [e.text for e in request.iterfind("ActivePlans/TransferLA")] == ["886"]
    gil_rules = {p.rule for p in check_return(sen2) if p.message.startswith("Gil ")}
    assert "cease-reason" not in gil_rules and "transfer-la" not in gil_rules
    # Eve's transfer and cease were recorded without either: still asked for
    eve_rules = {p.rule for p in check_return(sen2) if p.message.startswith("Eve ")}
    assert {"cease-reason", "transfer-la"} <= eve_rules
    assert not [e for e in schema_errors(tree) if "CeaseReason" in e or "TransferLA" in e]


def test_what_the_plan_names_is_recorded_with_the_plan_and_sent_in_namedplan(
    store: Store,
) -> None:
    final = event_type("final_plan_issued")
    with pytest.raises(ValueError, match="Direct payments for is given only when personal"):
        final.parse_details({"personal_budget": "no", "direct_payments": "health"})
    with pytest.raises(ValueError, match="Residential placement must be one of"):
        final.parse_details({"residential": "A"})
    c = build(store)
    # Kay: a plan in 2026 naming a 52-week residential school, with a personal budget
    # taken partly as direct payments for social care; Down syndrome her primary need.
    c.child("Kay", dob="2011-05-05", sex="F", primary_need="DS", secondary_need="SLCN")
    c.event("Kay", "request_received", "2026-01-05", source="health")
    c.event("Kay", "assessment_decision", "2026-02-10", outcome="assess")
    c.event("Kay", "issue_decision", "2026-05-01", outcome="issue")
    c.event("Kay", "final_plan_issued", "2026-06-01", residential="52_weeks",
            personal_budget="yes", organised_arrangements="no",
            direct_payments="social_care")  # fmt: skip
    # Lee: a 2026 plan naming a supported internship, no personal budget; Ben's older
    # plan (amended in 2026 with nothing named) sends none of these items
    c.child("Lee", dob="2007-07-07", sex="M", primary_need="MLD", uln="1234567890")
    c.event("Lee", "request_received", "2026-01-05", source="school_or_setting")
    c.event("Lee", "assessment_decision", "2026-02-10", outcome="assess")
    c.event("Lee", "issue_decision", "2026-05-01", outcome="issue")
    c.event("Lee", "final_plan_issued", "2026-06-01", work_based_learning="supported_internship",
            personal_budget="no")  # fmt: skip
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    tree = to_xml(sen2)

    def named(name: str) -> list[tuple[str, str | None]]:
        found = tree.xpath(f"/Message/Persons/Person[Forename='{name}']//NamedPlan")
        assert isinstance(found, list) and len(found) == 1
        return [(e.tag, e.text) for e in found[0] if e.tag not in ("StartDate", "PlanDetail")]

    assert named("Kay") == [("PlanRes", "B"), ("PB", "1"), ("OA", "0"), ("DP", "S")]
    assert named("Lee") == [("PlanWBP", "S"), ("PB", "0")]
    assert named("Ben") == []
    needs = tree.xpath("/Message/Persons/Person[Forename='Kay']//SENneed")
    assert isinstance(needs, list)
    assert [(n.findtext("SENtype"), n.findtext("SENtypeRank")) for n in needs] == [
        ("DS", "1"), ("SLCN", "2"),
    ]  # fmt: skip
    assert not [e for e in schema_errors(tree) if "NamedPlan" in e or "SENtype" in e]
