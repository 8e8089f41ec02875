"""A child's SEN2 person details: ethnicity, ULN and the reason for no UPN are checked
when saved and sent in the return's Person module (sen2.md section 2, module 1)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from send_desk.domain.children import ChildCreate
from send_desk.sen2.checks import check_return
from send_desk.sen2.export import Options, build_return, to_xml
from send_desk.sen2.schema import schema_errors
from send_desk.services.children import update_child
from send_desk.storage.store import Store
from tests.unit.sen2.caseload import ADA_UPN, CENSUS, build

NOW = datetime(2027, 2, 1, 9, 30)
FULL = Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")
TODAY = date(2027, 2, 1)


def _child(**fields: object) -> ChildCreate:
    base = {"first_name": "Ada", "last_name": "Test", "date_of_birth": date(2016, 9, 12)}
    return ChildCreate.model_validate({**base, **fields}, context={"today": TODAY})


def _refusal(**fields: object) -> str:
    with pytest.raises(ValidationError) as caught:
        _child(**fields)
    return str(caught.value)


def test_an_ethnicity_is_a_cbds_code_in_any_case() -> None:
    assert _child(ethnicity="wbri").ethnicity == "WBRI"
    assert _child(ethnicity=" BSOM ").ethnicity == "BSOM"
    assert _child(ethnicity="REFU").ethnicity == "REFU"
    assert _child(ethnicity="").ethnicity is None
    assert "Ethnicity: 'WHITE' is not one of the SEN2 codes (WBRI" in _refusal(ethnicity="White")


def test_a_uln_is_ten_digits() -> None:
    assert _child(uln="1234567890").uln == "1234567890"
    assert _child(uln="12345 67890").uln == "1234567890"
    assert "'123456789' is not a ULN: a ULN is 10 digits" in _refusal(uln="123456789")
    assert "is not a ULN" in _refusal(uln="0234567890")
    assert "is not a ULN" in _refusal(uln="12345678AB")


def test_the_reason_for_no_upn_is_un1_to_un10_and_only_without_a_upn() -> None:
    assert _child(upn_unknown_reason="un1").upn_unknown_reason == "UN1"
    assert _child(upn_unknown_reason="UN10").upn_unknown_reason == "UN10"
    # UN4, UN6 and UN7 are not in the 2026 list
    assert "Reason there is no UPN: 'UN4' is not one of the SEN2 codes" in _refusal(
        upn_unknown_reason="UN4"
    )
    assert "a child with a UPN needs no reason for not having one" in _refusal(
        upn=ADA_UPN, upn_unknown_reason="UN2"
    )


def test_the_person_module_carries_ethnicity_uln_and_the_upn_reason(store: Store) -> None:
    c = build(store)
    c.child("Gus", dob="2009-02-02", sex="M", ethnicity="MWBC", uln="9876543210")
    c.event("Gus", "request_received", "2026-11-01", source="health")
    c.child("Hal", dob="2022-05-05", sex="M", ethnicity="APKN", upn_unknown_reason="UN1")
    c.event("Hal", "request_received", "2026-11-02", source="health")
    with store.write() as session:
        update_child(session, c.ids["Ada"], {"ethnicity": "WBRI"}, today=TODAY)
    with store.read() as session:
        sen2 = build_return(session, FULL, now=NOW)
    tree = to_xml(sen2)

    def person(name: str) -> list[tuple[str, str | None]]:
        found = tree.xpath(f"/Message/Persons/Person[Forename='{name}']")
        assert isinstance(found, list) and len(found) == 1
        return [(str(e.tag), e.text) for e in found[0] if e.tag != "Requests"]

    assert person("Gus") == [
        ("Surname", "Test"), ("Forename", "Gus"), ("PersonBirthDate", "2009-02-02"),
        ("Sex", "M"), ("Ethnicity", "MWBC"), ("UniqueLearnerNumber", "9876543210"),
    ]  # fmt: skip
    assert person("Hal")[-2:] == [("Ethnicity", "APKN"), ("UPNunknown", "UN1")]
    assert person("Ada")[4:] == [("Ethnicity", "WBRI"), ("UPN", ADA_UPN)]
    # Ben has no ethnicity recorded: "not obtained"
    assert ("Ethnicity", "NOBT") in person("Ben")
    missing = {p.message.split(":")[0] for p in check_return(sen2) if p.rule == "upn-missing"}
    # Gus has a ULN and Hal a reason: neither is asked for a UPN; Cal and Ben still are
    assert "Gus Test (born 02/02/2009)" not in missing
    assert "Hal Test (born 05/05/2022)" not in missing
    assert "Cal Test (born 05/01/2018)" in missing
    assert not [e for e in schema_errors(tree) if "UniqueLearnerNumber" in e or "UPNunknown" in e]
