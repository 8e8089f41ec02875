"""`sen2 import`: a SEN2 file into the store, every person or none. The files are written
here by hand; what each should create is worked out from sen2.md and the module's rules
(today 1 February 2027; a 2027 return's period is 1 Jan - 31 Dec 2026)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from send_desk.domain.children import Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Setting
from send_desk.sen2.export import Options, build_return
from send_desk.sen2.importer import import_sen2
from send_desk.sen2.reader import Unreadable
from send_desk.services import children, milestones
from send_desk.storage.store import Store

TODAY = date(2027, 2, 1)
UPN = "E999200119001"  # sen2.md's example: a valid check letter
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>SEN2</Collection><Year>2027</Year>
      <ReferenceDate>2027-01-21</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA></Source>
  </Header>
  <Persons>
"""
FOOTER = """  </Persons>
</Message>
"""
ROBIN = """    <Person>
      <Surname>Example</Surname><Forename>Robin</Forename>
      <PersonBirthDate>2016-09-12</PersonBirthDate>
      <Sex>F</Sex><Ethnicity>WBRI</Ethnicity><UPN>{upn}</UPN>
      <Requests>
        <ReceivedDate>{received}</ReceivedDate><RequestSource>2</RequestSource><RYA>0</RYA>
        <RequestOutcomeDate>2026-03-14</RequestOutcomeDate><RequestOutcome>Y</RequestOutcome>
        <Assessment>
          <AssessmentOutcome>Y</AssessmentOutcome>
          <AssessmentOutcomeDate>2026-06-13</AssessmentOutcomeDate>
          <NamedPlan>
            <StartDate>2026-06-13</StartDate>
            <PlanDetail><URN>999001</URN><PlacementRank>1</PlacementRank></PlanDetail>
            <PB>0</PB>
          </NamedPlan>
        </Assessment>
        <ActivePlans>
          <PlacementDetail>
            <URN>999001</URN><PlacementRank>1</PlacementRank><EntryDate>2025-09-03</EntryDate>
            <SENunitIndicator>0</SENunitIndicator>
            <ResourcedProvisionIndicator>1</ResourcedProvisionIndicator>
          </PlacementDetail>
          <SENneed><SENtype>{need}</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
          <SENneed><SENtype>SLCN</SENtype><SENtypeRank>2</SENtypeRank></SENneed>
          <ReviewMeeting>2026-12-03</ReviewMeeting><ReviewOutcome>M</ReviewOutcome>
          <LastReview>2026-12-17</LastReview>
        </ActivePlans>
      </Requests>
    </Person>
"""


def robin(upn: str = UPN, received: str = "2026-02-03", need: str = "ASD") -> str:
    return ROBIN.format(upn=upn, received=received, need=need)


def write(tmp_path: Path, *persons: str, header: str = HEADER, footer: str = FOOTER) -> Path:
    path = tmp_path / "sen2.xml"
    path.write_text(header + "".join(persons) + footer, encoding="utf-8")
    return path


def counts(store: Store) -> tuple[int, int, int, int]:
    with store.read() as session:
        return tuple(  # type: ignore[return-value]
            session.exec(select(func.count()).select_from(model)).one()
            for model in (Child, CaseEvent, Placement, Setting)
        )


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_person_becomes_a_child_with_the_events_the_clock_reads(
    store: Store, tmp_path: Path
) -> None:
    result = import_sen2(store, write(tmp_path, robin()), today=TODAY)
    assert result.problems == [] and result.imported
    assert result.created == {"children": 1, "events": 5, "placements": 1, "settings": 1}
    with store.read() as session:
        child = session.exec(select(Child)).one()
        assert (child.first_name, child.last_name, child.sex, child.upn, child.ethnicity) == (
            "Robin", "Example", "F", UPN, "WBRI",
        )  # fmt: skip
        assert (child.primary_need, child.secondary_need) == ("ASD", "SLCN")
        assert child.stage == "plan"
        events = session.exec(
            select(CaseEvent.type, CaseEvent.date, CaseEvent.details).order_by(col(CaseEvent.date))
        ).all()
        setting = session.exec(select(Setting)).one()
        placement = session.exec(select(Placement)).one()
        # the clock's cache is up to date, with the annual reviews
        assert milestones.is_current(session, today=TODAY)
        due = session.exec(
            select(MilestoneRow.due).where(
                MilestoneRow.child_id == child.id, MilestoneRow.milestone == "annual_review"
            )
        ).all()
    assert [(t, d.isoformat(), det) for t, d, det in events] == [
        ("request_received", "2026-02-03", {"source": "school_or_setting", "rya": False}),
        ("assessment_decision", "2026-03-14", {"outcome": "assess"}),
        ("final_plan_issued", "2026-06-13", {"personal_budget": "no"}),
        ("review_meeting", "2026-12-03", {}),
        ("review_decision", "2026-12-17", {"outcome": "maintain"}),
    ]
    # within 12 months of the plan (13 June 2026), then of the review meeting (3 December)
    assert sorted(due) == [date(2027, 6, 13), date(2027, 12, 3)]
    assert (setting.urn, setting.name) == ("999001", "URN 999001 (from SEN2)")
    assert (placement.start_date, placement.end_date, placement.rank) == (date(2025, 9, 3), None, 1)
    assert (placement.resourced_provision, placement.sen_unit) == (True, False)


def test_the_2023_spellings_are_read(store: Store, tmp_path: Path) -> None:
    """GenderCurrent 1/2 for Sex, PlanWPB, RES and SENsetting (sen2.md section 2)."""
    person = (
        robin()
        .replace("<Sex>F</Sex>", "<GenderCurrent>1</GenderCurrent>")
        .replace("<PB>0</PB>", "<PlanWPB>S</PlanWPB><PB>0</PB>")
        .replace("<PlanDetail><URN>999001</URN>", "<PlanDetail><SENsetting>OLA</SENsetting>")
        .replace("<ResourcedProvisionIndicator>1", "<ResourcedProvisionIndicator>0")
    )
    result = import_sen2(store, write(tmp_path, person), today=TODAY)
    assert result.problems == []
    with store.read() as session:
        child = session.exec(select(Child)).one()
        plan = session.exec(select(CaseEvent).where(CaseEvent.type == "final_plan_issued")).one()
        codes = set(session.exec(select(Setting.sen2_setting)).all())
    assert child.sex == "M"
    assert plan.details == {"work_based_learning": "supported_internship", "personal_budget": "no"}
    assert codes == {"OLA", None}  # the setting named in the plan, and the school attended


def test_a_dry_run_counts_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    result = import_sen2(store, write(tmp_path, robin()), today=TODAY, dry_run=True)
    assert result.problems == [] and not result.imported
    assert result.created["children"] == 1 and result.created["events"] == 5
    assert counts(store) == (0, 0, 0, 0)


def test_a_child_already_in_the_store_is_left_and_reported(store: Store, tmp_path: Path) -> None:
    with store.write() as session:
        known = children.create_child(session, {
            "first_name": "Robin", "last_name": "Known", "date_of_birth": date(2016, 9, 12),
            "upn": UPN,
        }, today=TODAY)  # fmt: skip
    other = robin(upn="U999200119002", need="MLD").replace("Robin", "Sam")
    path = write(tmp_path, robin(), other)
    result = import_sen2(store, path, today=TODAY)
    assert result.problems == []
    assert result.matched == [{"line": line_of(path, "<Person>"), "upn": UPN,
                               "child_id": str(known)}]  # fmt: skip
    assert result.created["children"] == 1
    with store.read() as session:
        names = sorted(session.exec(select(Child.last_name, Child.first_name)).all())
        events = session.exec(select(CaseEvent.child_id)).all()
    assert names == [("Example", "Sam"), ("Known", "Robin")]
    assert known not in events


# ---- bad input: a clear message naming the line and element, nothing imported ------------


def _refused(store: Store, path: Path) -> list[tuple[int | None, str | None, str]]:
    result = import_sen2(store, path, today=TODAY)
    assert not result.imported
    assert counts(store) == (0, 0, 0, 0)
    return [(p.line, p.element, p.message) for p in result.problems]


def test_a_file_that_is_not_sen2_is_refused(store: Store, tmp_path: Path) -> None:
    cin = HEADER.replace("<Collection>SEN2</Collection>", "<Collection>CIN</Collection>")
    path = write(tmp_path, robin(), header=cin)
    assert _refused(store, path) == [
        (
            line_of(path, "<Collection>"),
            "Collection",
            "this is not a SEN2 return: the collection is 'CIN', not SEN2",
        ),
    ]
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?>\n<Invoices><Invoice/></Invoices>\n")
    assert _refused(store, other) == [
        (2, "Invoices", "this is not a SEN2 return: its first element is <Invoices>, not <Message>")
    ]


def test_a_truncated_file_is_refused_naming_where_it_breaks_off(
    store: Store, tmp_path: Path
) -> None:
    whole = HEADER + robin() + robin(upn="U999200119002") + FOOTER
    cut = whole[: whole.index("<ReviewMeeting>", whole.index("U999200119002"))]
    path = tmp_path / "cut.xml"
    path.write_text(cut, encoding="utf-8")
    [(line, element, message)] = _refused(store, path)
    assert element == "ActivePlans"
    assert line == len(cut.splitlines())
    assert message.startswith("not well-formed XML: the file ends too soon; it may be cut short")


def test_an_unknown_code_is_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, robin(need="XYZ"))
    [(line, element, message)] = _refused(store, path)
    assert (line, element) == (line_of(path, "<SENtype>XYZ"), "SENtype")
    assert message.startswith("'XYZ' is not a SENtype code (SPLD, MLD,")


def test_a_date_in_the_future_is_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, robin(received="2027-03-01"))
    assert _refused(store, path) == [
        (line_of(path, "<ReceivedDate>"), "ReceivedDate", "01/03/2027 is in the future")
    ]


def test_a_upn_with_a_wrong_check_letter_is_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, robin(upn="F999200119001"))
    assert _refused(store, path) == [
        (line_of(path, "<UPN>"), "UPN",
         "'F999200119001' is not a valid UPN: its check letter does not match"),
    ]  # fmt: skip


def test_a_child_twice_is_refused_naming_both_lines(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, robin(), robin().replace("Robin", "Robyn"))
    text = path.read_text().splitlines()
    first, second = [n for n, line in enumerate(text, 1) if "<Person>" in line]
    assert _refused(store, path) == [
        (second, "UPN", f"UPN {UPN} is also on line {first}: a child twice")
    ]


def test_a_missing_file_is_unreadable(store: Store, tmp_path: Path) -> None:
    with pytest.raises(Unreadable):
        import_sen2(store, tmp_path / "absent.xml", today=TODAY)


def test_disputes_come_back_as_the_flags_they_were(store: Store, tmp_path: Path) -> None:
    """An appeal against the decision to assess and mediation about issuing a plan that
    was then issued: the events go after the decision each is about, so the return the
    store makes carries the same flags."""
    person = (
        robin()
        .replace(
            "<RequestOutcome>Y</RequestOutcome>",
            "<RequestOutcome>Y</RequestOutcome><RequestMediation>0</RequestMediation>"
            "<RequestTribunal>1</RequestTribunal>",
        )
        .replace(
            "<AssessmentOutcomeDate>2026-06-13</AssessmentOutcomeDate>",
            "<AssessmentOutcomeDate>2026-06-13</AssessmentOutcomeDate>"
            "<AssessmentMediation>1</AssessmentMediation><AssessmentTribunal>0</AssessmentTribunal>"
            "<OtherMediation>0</OtherMediation><OtherTribunal>0</OtherTribunal><Week20>1</Week20>",
        )
    )
    assert import_sen2(store, write(tmp_path, person), today=TODAY).problems == []
    options = Options(date(2027, 1, 21), la="999", dmo="Y", dco="Y", dsco="N")
    with store.read() as session:
        [request] = build_return(session, options, now=datetime(2027, 2, 1)).persons[0].requests
    assert (request.mediation, request.tribunal) == ("0", "1")
    assessment = request.assessment
    assert assessment is not None
    assert (assessment.outcome, assessment.outcome_date) == ("Y", date(2026, 6, 13))
    assert (assessment.mediation, assessment.tribunal) == ("1", "0")
    assert (assessment.other_mediation, assessment.other_tribunal, assessment.week20) == (
        "0", "0", "1",
    )  # fmt: skip


def test_what_send_desk_cannot_record_is_imported_as_far_as_it_goes_and_noted(
    store: Store, tmp_path: Path
) -> None:
    withdrawn = (
        "    <Person><Surname>Example</Surname><Forename>Wyn</Forename>\n"
        "      <PersonBirthDate>2015-01-01</PersonBirthDate><Sex>M</Sex>\n"
        "      <Ethnicity>WBRI</Ethnicity><UPNunknown>UN5</UPNunknown>\n"
        "      <Requests><ReceivedDate>2026-04-01</ReceivedDate><RequestSource>1</RequestSource>\n"
        "        <RYA>0</RYA><RequestOutcome>W</RequestOutcome></Requests>\n"
        "    </Person>\n"
    )
    path = write(tmp_path, withdrawn)
    result = import_sen2(store, path, today=TODAY)
    assert result.problems == [] and result.imported
    assert [(n.line, n.element, n.message) for n in result.notes] == [
        (line_of(path, "<Requests>"), "Requests",
         "withdrawn before a decision: SEND Desk records the request only"),
    ]  # fmt: skip
    assert counts(store)[:2] == (1, 1)


def test_elements_not_kept_or_not_sen2_are_noted_once_each(store: Store, tmp_path: Path) -> None:
    odd = (
        robin()
        .replace(
            "<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>WBRI</Ethnicity><Ethnicty>WBRI</Ethnicty>"
        )
        .replace(
            "<PlacementRank>1</PlacementRank><EntryDate>",
            "<PlacementRank>1</PlacementRank><SENSettingOther>x</SENSettingOther><EntryDate>",
        )
    )
    second = odd.replace(UPN, "U999200119002").replace("Robin", "Sam")
    path = write(tmp_path, odd, second)
    result = import_sen2(store, path, today=TODAY)
    assert result.problems == [] and result.imported
    assert sorted((n.line, n.element, n.message) for n in result.notes) == [
        (line_of(path, "<Ethnicty>"), "Ethnicty", "is not a SEN2 element (2 times): ignored"),
        (line_of(path, "<SENSettingOther>"), "SENSettingOther",
         "is read but not kept (2 times): ignored"),
    ]  # fmt: skip


def test_without_a_upn_a_child_is_known_by_names_and_date_of_birth(
    store: Store, tmp_path: Path
) -> None:
    no_upn = robin().replace(f"<UPN>{UPN}</UPN>", "<UPNunknown>UN2</UPNunknown>")
    with store.write() as session:
        known = children.create_child(session, {
            "first_name": "robin", "last_name": "EXAMPLE", "date_of_birth": date(2016, 9, 12),
        }, today=TODAY)  # fmt: skip
    path = write(tmp_path, no_upn)
    result = import_sen2(store, path, today=TODAY)
    assert result.matched == [
        {"line": line_of(path, "<Person>"), "upn": None, "child_id": str(known)}
    ]
    assert counts(store)[:2] == (1, 0)
    # two in the file with the same names and birthday, and no UPN: two children (twins
    # are not named alike, but a large caseload can hold such a pair), with a note
    other = no_upn.replace("Robin", "Remy")
    twice = write(tmp_path, other, other.replace("2026-02-03", "2026-02-04"))
    lines = [n for n, line in enumerate(twice.read_text().splitlines(), 1) if "<Person>" in line]
    result = import_sen2(store, twice, today=TODAY)
    assert result.problems == [] and result.created["children"] == 2
    assert [(n.line, n.element, n.message) for n in result.notes] == [
        (lines[1], "Person",
         f"same names and date of birth as line {lines[0]}, and no UPN: imported as two "
         "children; check they are not one"),
    ]  # fmt: skip


def test_an_assessment_under_way_with_no_request_on_record_comes_back_the_same(
    store: Store, tmp_path: Path
) -> None:
    """RequestOutcome H with no ReceivedDate and AssessmentOutcome A: the decision to
    assess was made before the period and the assessment goes on. The 20,000-child
    demo's return has one; without the decision the child came back with no request."""
    person = (
        "    <Person><Surname>Richards</Surname><Forename>Vic</Forename>\n"
        "      <PersonBirthDate>2020-12-21</PersonBirthDate><Sex>F</Sex>\n"
        "      <Ethnicity>WBRI</Ethnicity><UPNunknown>UN1</UPNunknown>\n"
        "      <Requests><RequestOutcome>H</RequestOutcome>\n"
        "        <Assessment><AssessmentOutcome>A</AssessmentOutcome></Assessment>\n"
        "      </Requests>\n"
        "    </Person>\n"
    )
    assert import_sen2(store, write(tmp_path, person), today=TODAY).problems == []
    options = Options(date(2027, 1, 21), la="999", dmo="Y", dco="Y", dsco="N")
    with store.read() as session:
        [back] = build_return(session, options, now=datetime(2027, 2, 1)).persons
        decided = session.exec(select(CaseEvent.type, CaseEvent.date)).all()
    assert decided == [("assessment_decision", date(2025, 12, 31))]
    [request] = back.requests
    assert (request.received, request.outcome) == (None, "H")
    assert request.assessment is not None and request.assessment.outcome == "A"


def test_an_unknown_need_in_an_earlier_plan_is_refused_too(store: Store, tmp_path: Path) -> None:
    """The child keeps the needs of the person's last plan, but every plan's are checked."""
    person = robin(need="XYZ")
    start = person.index("      <Requests>")
    end = person.index("    </Person>")
    later = robin()[start:end].replace("2026-02-03", "2026-02-05")
    path = write(tmp_path, person[:end] + later + person[end:])
    [(line, element, _message)] = _refused(store, path)
    assert (line, element) == (line_of(path, "<SENtype>XYZ"), "SENtype")
