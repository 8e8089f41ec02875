"""The SEN2 return built from a small hand-built store (tests/unit/sen2/caseload.py).

Every expected element below was worked out by hand from the caseload's events and the
scope rules of sen2.md section 1 (census 21 Jan 2027, period 1 Jan - 31 Dec 2026).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from send_desk.sen2.checks import check_return
from send_desk.sen2.export import Options, build_return, to_xml, write_xml
from send_desk.sen2.model import Sen2Return
from send_desk.sen2.schema import schema_errors
from send_desk.storage.store import Store
from tests.unit.sen2.caseload import ADA_UPN, CENSUS, build

NOW = datetime(2027, 2, 1, 9, 30)
FULL = Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")


@pytest.fixture
def sen2(store: Store) -> Sen2Return:
    build(store)
    with store.read() as session:
        return build_return(session, FULL, now=NOW)


def _person(tree: etree._ElementTree, forename: str) -> etree._Element:
    found = tree.xpath(f"/Message/Persons/Person[Forename='{forename}']")
    assert isinstance(found, list) and len(found) == 1
    person = found[0]
    assert isinstance(person, etree._Element)
    return person


def _tags(element: etree._Element) -> list[str]:
    return [str(child.tag) for child in element]


def _texts(element: etree._Element, path: str) -> list[str]:
    return [str(e.text) for e in element.iterfind(path)]


def test_the_header_names_the_collection_census_and_council(sen2: Sen2Return) -> None:
    tree = to_xml(sen2)
    header = tree.getroot().find("Header")
    assert header is not None
    assert [(e.tag, e.text) for e in header.iter() if e.text and e.text.strip()] == [
        ("Collection", "SEN2"), ("Year", "2027"), ("ReferenceDate", "2027-01-21"),
        ("SourceLevel", "L"), ("LEA", "886"), ("SoftwareCode", "SEND Desk"),
        ("Release", sen2.header.release), ("SerialNo", "001"),
        ("DateTime", "2027-02-01T09:30:00"), ("DMO", "Y"), ("DCO", "Y"), ("DSCO", "N"),
    ]  # fmt: skip


def test_who_is_in_the_return_follows_the_scope_rules(sen2: Sen2Return) -> None:
    # Dee's request was refused in 2024, before the period: she is left out
    names = _texts(to_xml(sen2).getroot(), "Persons/Person/Forename")
    assert names == ["Ada", "Ben", "Cal", "Eve", "Finn"]
    assert sen2.counts() == {
        "persons": 5,
        "requests": 5,
        "assessments": 4,  # all but Cal, whose request is undecided
        "named_plans": 3,  # Ada, Ben, Eve
        "active_plans": 3,  # the same three: each plan stood at some time in 2026
        "plans_active_at_census": 2,  # Eve's ceased in October
        "placements": 3,  # Ada's school, Ben's nursery and his new school
    }


def test_a_new_plan_in_the_period_carries_its_dates_exception_and_school(
    sen2: Sen2Return,
) -> None:
    ada = _person(to_xml(sen2), "Ada")
    assert _tags(ada) == [
        "Surname", "Forename", "PersonBirthDate", "Sex", "Ethnicity", "UPN", "Requests",
    ]  # fmt: skip
    assert _texts(ada, "UPN") == [ADA_UPN]
    assert _texts(ada, "Ethnicity") == ["NOBT"]  # not yet recorded by SEND Desk
    request = ada.find("Requests")
    assert request is not None
    assert [(e.tag, e.text) for e in request[:7]] == [
        ("ReceivedDate", "2026-02-02"),
        ("RequestSource", "2"),  # school_or_setting
        ("RYA", "0"),  # not recorded: not in youth custody
        ("RequestOutcomeDate", "2026-03-10"),
        ("RequestOutcome", "Y"),
        ("RequestMediation", "0"),
        ("RequestTribunal", "0"),
    ]
    assert [(e.tag, e.text) for e in request.iterfind("Assessment/*")][2:] == [
        ("AssessmentMediation", "0"), ("AssessmentTribunal", "0"),
        ("OtherMediation", "0"), ("OtherTribunal", "0"), ("Week20", "1"),
        ("NamedPlan", None),
    ]  # fmt: skip
    assert _texts(request, "Assessment/AssessmentOutcome") == ["Y"]
    # the plan issued is the outcome's date; the exception on final_plan sets Week20
    assert _texts(request, "Assessment/AssessmentOutcomeDate") == ["2026-07-01"]
    assert _texts(request, "Assessment/Week20") == ["1"]
    assert _texts(request, "Assessment/NamedPlan/StartDate") == ["2026-07-01"]
    assert _texts(request, "Assessment/NamedPlan/PlanDetail/URN") == ["123456"]
    placement = request.find("ActivePlans/PlacementDetail")
    assert placement is not None
    assert [(e.tag, e.text) for e in placement] == [
        ("URN", "123456"), ("PlacementRank", "1"), ("EntryDate", "2025-09-03"),
        ("SENunitIndicator", "0"), ("ResourcedProvisionIndicator", "0"),
    ]  # fmt: skip
    needs = [(n.findtext("SENtype"), n.findtext("SENtypeRank")) for n in request.iterfind(
        "ActivePlans/SENneed")]  # fmt: skip
    assert needs == [("ASD", "1"), ("SLCN", "2")]


def test_an_older_plan_is_historical_with_its_2026_review_and_school_move(
    sen2: Sen2Return,
) -> None:
    request = _person(to_xml(sen2), "Ben").find("Requests")
    assert request is not None
    # decided in 2023: H, no outcome date; the received date is kept
    assert _tags(request) == [
        "ReceivedDate", "RequestSource", "RequestOutcome", "Assessment", "ActivePlans",
    ]  # fmt: skip
    assert _texts(request, "RequestOutcome") == ["H"]
    assessment = request.find("Assessment")
    assert assessment is not None
    # H: no outcome date, no flags about the decisions; the June appeal about the
    # amended plan is an "other" appeal in the period
    assert [(e.tag, e.text) for e in assessment][:3] == [
        ("AssessmentOutcome", "H"), ("OtherMediation", "0"), ("OtherTribunal", "1"),
    ]  # fmt: skip
    assert _tags(assessment)[3:] == ["NamedPlan"]
    # the setting named is the one he attends at census
    assert _texts(assessment, "NamedPlan/PlanDetail/URN") == ["654321"]
    active = request.find("ActivePlans")
    assert active is not None
    placements = [[(e.tag, e.text) for e in p] for p in active.iterfind("PlacementDetail")]
    assert placements == [
        [("SENSetting", "EYP"), ("PlacementRank", "1"), ("EntryDate", "2024-09-01"),
         ("LeavingDate", "2026-09-01"), ("SENunitIndicator", "0"),
         ("ResourcedProvisionIndicator", "0")],
        [("URN", "654321"), ("PlacementRank", "1"), ("EntryDate", "2026-09-01"),
         ("SENunitIndicator", "0"), ("ResourcedProvisionIndicator", "0")],
    ]  # fmt: skip
    # the review block in the 2026 XSD order: LastReview last; the phase transfer's
    # deadline is the clock's 15 Feb of the transfer year, met by the 10 Feb amendment
    assert [(e.tag, e.text) for e in active][-6:] == [
        ("ReviewMeeting", "2026-05-01"),
        ("ReviewOutcome", "A"),
        ("ReviewDraft", "2026-05-20"),
        ("PhaseTransferDueDate", "2026-02-15"),
        ("PhaseTransferFinalDate", "2026-02-10"),
        ("LastReview", "2026-05-10"),
    ]


def test_ongoing_refused_and_transferred_work(sen2: Sen2Return) -> None:
    tree = to_xml(sen2)
    cal = _person(tree, "Cal").find("Requests")
    assert cal is not None
    assert [(e.tag, e.text) for e in cal] == [
        ("ReceivedDate", "2026-09-01"), ("RYA", "0"), ("RequestOutcome", "A"),
    ]  # fmt: skip
    finn = _person(tree, "Finn").find("Requests")
    assert finn is not None
    assert _texts(finn, "RequestSource") == ["5"]
    assert [(e.tag, e.text) for e in finn.iterfind("Assessment/*")] == [
        ("AssessmentOutcome", "N"), ("AssessmentOutcomeDate", "2026-06-10"),
        ("AssessmentMediation", "1"), ("AssessmentTribunal", "0"),
        ("OtherMediation", "0"), ("OtherTribunal", "0"), ("Week20", "0"),
    ]  # fmt: skip
    eve = _person(tree, "Eve").find("Requests")
    assert eve is not None
    assert _texts(eve, "RequestOutcome") == ["H"]
    assert _texts(eve, "Assessment/AssessmentOutcome") == ["H"]
    assert _texts(eve, "RequestMediation") == []  # H: nothing further in the module
    assert [(e.tag, e.text) for e in eve.iterfind("Assessment/NamedPlan/*")] == [
        ("StartDate", "2026-04-01"), ("CeaseDate", "2026-10-15"),
    ]  # fmt: skip
    assert _texts(eve, "ActivePlans/TransferLA") == ["XXX"]
    assert _texts(eve, "ActivePlans/ReviewOutcome") == ["C"]


def test_the_written_file_validates_against_the_xsd(sen2: Sen2Return, tmp_path: Path) -> None:
    out = tmp_path / "sen2.xml"
    write_xml(sen2, out)
    raw = out.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    tree = etree.parse(str(out))
    assert tree.getroot().tag == "Message" and tree.getroot().nsmap == {}
    assert schema_errors(tree) == []
    assert not (tmp_path / "sen2.xml.partial").exists()


def test_the_checks_name_each_child_and_gap(sen2: Sen2Return) -> None:
    problems = {(p.rule, p.severity, p.message.split(":")[0]) for p in check_return(sen2)}
    assert problems == {
        ("upn-missing", "error", "Ben Test (born 01/03/2014)"),
        ("upn-missing", "error", "Cal Test (born 05/01/2018)"),
        ("upn-missing", "error", "Eve Test (born 30/06/2010)"),
        ("upn-missing", "error", "Finn Test (born 11/11/2012)"),
        ("request-source", "error", "Cal Test (born 05/01/2018)"),
        ("cease-reason", "error", "Eve Test (born 30/06/2010)"),
        ("transfer-la", "query", "Eve Test (born 30/06/2010)"),
    }


def test_a_return_without_the_council_and_officers_is_refused(store: Store) -> None:
    build(store)
    with store.read() as session:
        sen2 = build_return(session, Options(CENSUS), now=NOW)
    header = [(p.rule, p.module) for p in check_return(sen2) if p.child_id is None]
    assert header == [("header-la", "header")] + [("header-officers", "header")] * 3
    # the file shows the gap too: the XSD needs DMO and DCO
    assert any("DMO" in error for error in schema_errors(to_xml(sen2)))


def test_a_child_whose_sex_is_not_recorded_is_an_error_and_has_no_sex_element(
    store: Store,
) -> None:
    c = build(store)
    c.child("Gus", dob="2015-02-02")  # sex left as not known
    c.event("Gus", "request_received", "2026-11-01", source="health")
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    gus = _person(to_xml(sen2), "Gus")
    assert gus.find("Sex") is None
    assert [(p.rule, p.message) for p in check_return(sen2) if p.rule == "sex-missing"] == [
        ("sex-missing", "Gus Test (born 02/02/2015): sex is not recorded (SEN2 needs M or F).")
    ]
    assert any("Sex" in error for error in schema_errors(to_xml(sen2)))


def test_a_decision_in_the_period_with_no_request_recorded_is_not_historical(
    store: Store,
) -> None:
    # sen2.md section 3: H is a decision made before the period. Hal's decision to assess
    # (11 May 2026) is inside it, so it is sent as Y with its date; the request was
    # never recorded, so ReceivedDate is left out and the check asks for it
    c = build(store)
    c.child("Hal", dob="2015-03-03", sex="M", upn_unknown_reason="UN2")
    c.event("Hal", "assessment_decision", "2026-05-11", outcome="assess")
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    hal = _person(to_xml(sen2), "Hal").find("Requests")
    assert hal is not None
    assert [(e.tag, e.text) for e in hal][:4] == [
        ("RYA", "0"), ("RequestOutcomeDate", "2026-05-11"), ("RequestOutcome", "Y"),
        ("RequestMediation", "0"),
    ]  # fmt: skip
    assert _texts(hal, "ReceivedDate") == []
    assert _texts(hal, "Assessment/AssessmentOutcome") == ["A"]
    problems = [(p.rule, p.severity, p.message) for p in check_return(sen2) if "Hal" in p.message]
    assert problems == [(
        "request-date", "error",
        "Hal Test (born 03/03/2015): the decision whether to assess (11/05/2026) has no "
        "request received before it: record the request with its date and who asked "
        "(ReceivedDate is needed for a decision in the period; without it the 6- and "
        "20-week timeliness cannot be counted).",
    )]  # fmt: skip
