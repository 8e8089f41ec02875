"""The SEN2 code sets load from resources/sen2/codes.toml and refuse a malformed file."""

from __future__ import annotations

import pytest

from send_desk.sen2.codes import CodeSetError, code_set, code_sets, for_element, parse_code_sets


def test_the_reference_code_sets_are_all_there_with_their_codes() -> None:
    sets = code_sets()
    # sen2.md section 3, counted by hand
    assert sorted(code_set("request_outcome").values) == ["A", "H", "N", "W", "Y"]
    assert list(code_set("request_source").values) == ["1", "2", "3", "4", "5"]
    assert len(code_set("cease_reason").values) == 9
    assert list(code_set("sen_setting").values) == [
        "OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO",
    ]  # fmt: skip
    assert "DS" in code_set("sen_type") and len(code_set("sen_type").values) == 13
    assert list(code_set("upn_unknown").values) == [
        "UN1", "UN2", "UN3", "UN5", "UN8", "UN9", "UN10",
    ]  # fmt: skip
    assert len(sets["ethnicity"].values) == 108
    assert {"WBRI", "REFU", "NOBT", "BSOM", "OAFG"} <= set(sets["ethnicity"].values)


def test_each_set_carries_the_reference_mark_and_source() -> None:
    assert code_set("request_outcome").mark == "C-com"
    assert code_set("request_source").mark == "C"
    assert "S4" in code_set("ethnicity").source


def test_an_element_finds_its_code_set() -> None:
    wbp = for_element("WBP")
    assert wbp is not None and wbp.name == "work_based_learning"
    placement_rank = for_element("PlacementRank")
    assert placement_rank is not None and placement_rank.label("2") == "Secondary"
    assert for_element("Surname") is None


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("[x]\nelements=['A']\nmark='C'\nsource='S4'\n", "'values' must be a table"),
        ("[x]\nelements=['A']\nmark='maybe'\nsource='S4'\nvalues={a='b'}\n", "'mark' must be"),
        ("[x]\nelements=[]\nmark='C'\nsource='S4'\nvalues={a='b'}\n", "'elements' must be"),
        ("[x]\nelements=['A']\nmark='C'\nsource=''\nvalues={a='b'}\n", "'source' must"),
        ("[x]\nelements=['A']\nmark='C'\nsource='S'\nvalues={a=''}\n", "code a needs a label"),
        ("[x]\nelements=['A']\nmark='C'\nsource='S'\nvalues={a='b'}\ncolour=1\n", "unknown keys"),
        (
            "[x]\nelements=['A']\nmark='C'\nsource='S'\nvalues={a='b'}\n"
            "[y]\nelements=['A']\nmark='C'\nsource='S'\nvalues={a='b'}\n",
            "element A is already coded by 'x'",
        ),
        ("[x\n", "not valid TOML"),
    ],
)
def test_a_malformed_code_set_file_is_refused_naming_the_fault(text: str, fault: str) -> None:
    with pytest.raises(CodeSetError, match=fault):
        parse_code_sets(text)


# codes.toml set -> the 2026 XSD simpleType that enumerates the same codes
_XSD_TYPES = {
    "request_outcome": "requestoutcometype",
    "assessment_outcome": "assessmentoutcometype",
    "request_source": "requestsourcetype",
    "cease_reason": "ceasereasontype",
    "sen_setting": "sensettingtype",
    "sen_type": "sentype",
    "rank": "placementranktype",
    "review_outcome": "reviewoutcometype",
    "residential": "planrestype",
    "work_based_learning": "wbptype",
    "direct_payments": "dptype",
    "flag": "yesnotype",
    "sex": "sextype",
    "officer": "yesnorecruittype",
    "upn_unknown": "upnunknowntype",
    "ethnicity": "ethnicitytype",
}


@pytest.mark.parametrize(("name", "xsd_type"), sorted(_XSD_TYPES.items()))
def test_each_code_set_matches_the_bundled_xsd(name: str, xsd_type: str) -> None:
    from lxml import etree

    from send_desk.resources import resource_path

    xs = "{http://www.w3.org/2001/XMLSchema}"
    schema = etree.parse(str(resource_path("sen2", "sen2_schema_2026.xsd")))
    (simple,) = [t for t in schema.iter(f"{xs}simpleType") if t.get("name") == xsd_type]
    codes = {e.get("value") for e in simple.iter(f"{xs}enumeration")}
    assert codes == set(code_set(name).values)
