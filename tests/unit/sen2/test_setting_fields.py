"""Where a child is taught, as SEN2 reports it: a place in a SEN unit or resourced
provision, the placement's rank, and a setting known by URN, UKPRN or SEN2 code."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from pydantic import ValidationError

from send_desk.domain.children import PlacementCreate
from send_desk.domain.organisation import SettingCreate
from send_desk.sen2.checks import check_return
from send_desk.sen2.export import Options, build_return, to_xml
from send_desk.sen2.schema import schema_errors
from send_desk.services import allocation, organisation
from send_desk.storage.store import Store
from tests.unit.sen2.caseload import CENSUS, build

NOW = datetime(2027, 2, 1, 9, 30)
FULL = Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")


def _placement(**fields: object) -> PlacementCreate:
    base = {"child_id": uuid.uuid4(), "setting_id": uuid.uuid4(), "start_date": date(2026, 9, 1)}
    return PlacementCreate.model_validate({**base, **fields})


def _setting(**fields: object) -> SettingCreate:
    return SettingCreate.model_validate({"name": "Park College", "phase": "post16", **fields})


def test_a_placement_is_in_a_sen_unit_or_resourced_provision_and_ranks_1_or_2() -> None:
    assert _placement(sen_unit=True).sen_unit is True
    assert _placement(resourced_provision="true", rank="2").rank == 2
    assert _placement().rank is None
    with pytest.raises(ValidationError, match=r"placement rank is 1 \(the main setting\) or 2"):
        _placement(rank=3)
    with pytest.raises(ValidationError, match="in a SEN unit or in resourced provision, not both"):
        _placement(sen_unit=True, resourced_provision=True)


def test_a_setting_has_a_ukprn_or_a_sen2_setting_code() -> None:
    assert _setting(ukprn="10001234").ukprn == "10001234"
    assert _setting(sen2_setting="ehe").sen2_setting == "EHE"
    with pytest.raises(ValidationError, match=r"'1000123' is not a UKPRN \(8 digits"):
        _setting(ukprn="1000123")
    with pytest.raises(ValidationError, match="is not a UKPRN"):
        _setting(ukprn="20001234")
    with pytest.raises(ValidationError, match="SEN2 setting code: 'HOME' is not one of"):
        _setting(sen2_setting="HOME")
    with pytest.raises(ValidationError, match="a setting with a URN or UKPRN is reported by it"):
        _setting(urn="123456", sen2_setting="OTH")


def test_the_return_sends_the_identity_rank_and_indicators_recorded(store: Store) -> None:
    c = build(store)
    with store.write() as session:
        college = organisation.create_setting(
            session, {"name": "Park College", "ukprn": "10001234", "phase": "post16"}
        )
        home = organisation.create_setting(
            session, {"name": "Home education", "sen2_setting": "EHE", "phase": "other"}
        )
        oak = organisation.create_setting(
            session, {"name": "Ash Primary", "urn": "111222", "phase": "primary"}
        )
    # Ivy: at college from September; Jo: in Ash Primary's resourced provision, then
    # home-educated part-time alongside it (recorded as rank 2).
    c.child("Ivy", dob="2009-01-01", sex="F", primary_need="SLD", uln="1234567890")
    c.event("Ivy", "request_received", "2026-01-05", source="school_or_setting")
    c.event("Ivy", "assessment_decision", "2026-02-10", outcome="assess")
    c.event("Ivy", "issue_decision", "2026-05-01", outcome="issue")
    c.event("Ivy", "final_plan_issued", "2026-06-01")
    c.child("Jo", dob="2017-01-01", sex="M", primary_need="ASD", upn="E999200119001")
    c.event("Jo", "request_received", "2026-01-05", source="parent_or_young_person")
    c.event("Jo", "assessment_decision", "2026-02-10", outcome="assess")
    c.event("Jo", "issue_decision", "2026-05-01", outcome="issue")
    c.event("Jo", "final_plan_issued", "2026-06-01")
    with store.write() as session:
        allocation.place(session, c.ids["Ivy"], college, date(2026, 9, 1))
        allocation.place(session, c.ids["Jo"], oak, date(2026, 4, 20), resourced_provision=True)
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    tree = to_xml(sen2)

    def placements(name: str) -> list[list[tuple[str, str | None]]]:
        found = tree.xpath(f"/Message/Persons/Person[Forename='{name}']/Requests/ActivePlans")
        assert isinstance(found, list) and len(found) == 1
        return [[(e.tag, e.text) for e in p] for p in found[0].iterfind("PlacementDetail")]

    assert placements("Ivy") == [[
        ("UKPRN", "10001234"), ("PlacementRank", "1"), ("EntryDate", "2026-09-01"),
        ("SENunitIndicator", "0"), ("ResourcedProvisionIndicator", "0"),
    ]]  # fmt: skip
    assert placements("Jo") == [[
        ("URN", "111222"), ("PlacementRank", "1"), ("EntryDate", "2026-04-20"),
        ("SENunitIndicator", "0"), ("ResourcedProvisionIndicator", "1"),
    ]]  # fmt: skip
    plan = tree.xpath("/Message/Persons/Person[Forename='Jo']//NamedPlan/PlanDetail")
    assert isinstance(plan, list) and len(plan) == 1
    assert [(e.tag, e.text) for e in plan[0]] == [
        ("URN", "111222"), ("PlacementRank", "1"), ("SENunitIndicator", "0"),
        ("ResourcedProvisionIndicator", "1"),
    ]  # fmt: skip
    assert not [p for p in check_return(sen2) if p.rule == "one-setting"]
    assert not [e for e in schema_errors(tree) if "Indicator" in e or "UKPRN" in e]
    # a home-education setting is sent by its SEN2 code
    with store.write() as session:
        allocation.place(session, c.ids["Jo"], home, date(2026, 12, 1), rank=2)
    with store.read() as session:
        tree = to_xml(build_return(session, FULL, now=NOW))
    assert [row[:2] for row in placements("Jo")] == [
        [("URN", "111222"), ("PlacementRank", "1")],
        [("SENSetting", "EHE"), ("PlacementRank", "2")],
    ]
