"""RYA: a request made while the young person was in relevant youth accommodation
(custody), recorded with the request and sent as SEN2's RYA flag after RequestSource."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from send_desk.sen2.export import Options, build_return, to_xml
from send_desk.sen2.schema import schema_errors
from send_desk.services.errors import ValidationFailed
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

CENSUS = date(2027, 1, 21)
OPTIONS = Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")


def _requests(store: Store) -> dict[str, list[tuple[str, str | None]]]:
    with store.read() as session:
        tree = to_xml(build_return(session, OPTIONS, now=datetime(2027, 2, 1, 9, 0)))
    assert schema_errors(tree) == []
    found: dict[str, list[tuple[str, str | None]]] = {}
    for person in tree.iterfind("Persons/Person"):
        request = person.find("Requests")
        assert request is not None
        found[str(person.findtext("Forename"))] = [(str(e.tag), e.text) for e in request][:4]
    return found


def test_rya_is_sent_after_the_source_and_left_out_of_a_historical_request(
    store: Store,
) -> None:
    c = Caseload(store, date(2027, 2, 1))
    c.child("Kai", dob="2010-03-03", sex="M", primary_need="SEMH")
    c.event("Kai", "request_received", "2026-03-02", source="social_care", rya="1")
    c.child("Lia", dob="2011-04-04", sex="F")
    c.event("Lia", "request_received", "2026-05-05", source="parent_or_young_person",
            rya="no")  # fmt: skip
    # decided in 2024, plan still in force: the request is historical (H)
    c.child("Max", dob="2012-05-05", sex="M", primary_need="MLD")
    c.event("Max", "request_received", "2024-01-08", source="health", rya="yes")
    c.event("Max", "assessment_decision", "2024-02-12", outcome="assess")
    c.event("Max", "final_plan_issued", "2024-06-03")
    assert _requests(store) == {
        "Kai": [("ReceivedDate", "2026-03-02"), ("RequestSource", "4"), ("RYA", "1"),
                ("RequestOutcome", "A")],
        "Lia": [("ReceivedDate", "2026-05-05"), ("RequestSource", "1"), ("RYA", "0"),
                ("RequestOutcome", "A")],
        "Max": [("ReceivedDate", "2024-01-08"), ("RequestSource", "3"),
                ("RequestOutcome", "H"), ("Assessment", None)],
    }  # fmt: skip


def test_rya_takes_only_yes_or_no(store: Store) -> None:
    c = Caseload(store, date(2027, 2, 1))
    c.child("Noa", dob="2010-03-03", sex="F")
    with pytest.raises(ValidationFailed) as refused:
        c.event("Noa", "request_received", "2026-03-02", rya="sometimes")
    assert "In relevant youth accommodation (custody) when asking must be true or false" in (
        refused.value.message
    )
