"""The bundled 2026 XSD (patterns fixed) accepts a hand-written SEN2 file and refuses bad ones."""

from __future__ import annotations

import pytest
from lxml import etree

from send_desk.sen2.schema import schema_errors

# sen2.md section 5, trimmed: one person, one request that led to a plan.
MINIMAL = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>SEN2</Collection><Year>2026</Year><ReferenceDate>2026-01-15</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel><LEA>999</LEA>
      <SoftwareCode>SEND Desk</SoftwareCode><Release>1.0</Release>
      <SerialNo>001</SerialNo><DateTime>2026-02-02T10:30:00</DateTime>
      <DMO>Y</DMO><DCO>Y</DCO><DSCO>N</DSCO>
    </Source>
  </Header>
  <Persons>
    <Person>
      <Surname>Example</Surname><Forename>Robin</Forename>
      <PersonBirthDate>2016-09-12</PersonBirthDate>
      <Sex>F</Sex><Ethnicity>WBRI</Ethnicity>
      <UPN>E999200119001</UPN>
      <Requests>
        <ReceivedDate>2025-02-03</ReceivedDate>
        <RequestSource>2</RequestSource>
        <RequestOutcomeDate>2025-03-14</RequestOutcomeDate>
        <RequestOutcome>Y</RequestOutcome>
        <Assessment>
          <AssessmentOutcome>Y</AssessmentOutcome>
          <AssessmentOutcomeDate>2025-06-13</AssessmentOutcomeDate>
          <NamedPlan>
            <StartDate>2025-06-13</StartDate>
            <PlanDetail><URN>999001</URN><PlacementRank>1</PlacementRank></PlanDetail>
          </NamedPlan>
        </Assessment>
        <ActivePlans>
          <PlacementDetail>
            <UKPRN>10012345</UKPRN><PlacementRank>1</PlacementRank>
            <EntryDate>2025-09-03</EntryDate>
          </PlacementDetail>
          <SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
        </ActivePlans>
      </Requests>
    </Person>
  </Persons>
</Message>
"""


def _errors(text: str) -> list[str]:
    return schema_errors(etree.fromstring(text.encode()))


def test_a_hand_written_minimal_return_validates() -> None:
    assert _errors(MINIMAL) == []


def test_a_real_urn_ukprn_and_la_code_validate_after_the_pattern_fixes() -> None:
    # the published file's '^\d{1,6}$' made a URN need a literal ^ and $; its LA list
    # held London codes only (999 and 886 are not London)
    text = MINIMAL.replace("<LEA>999</LEA>", "<LEA>886</LEA>")
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("old", "new", "element"),
    [
        ("<URN>999001</URN>", "<URN>99900A</URN>", "URN"),
        ("<URN>999001</URN>", "<URN>9990011</URN>", "URN"),
        ("<UKPRN>10012345</UKPRN>", "<UKPRN>1001234</UKPRN>", "UKPRN"),
        ("<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>WXYZ</Ethnicity>", "Ethnicity"),
        ("<Sex>F</Sex>", "<Sex>U</Sex>", "Sex"),
        ("<SENtype>ASD</SENtype>", "<SENtype>AUT</SENtype>", "SENtype"),
        ("<LEA>999</LEA>", "<LEA>99</LEA>", "LEA"),
        ("<RequestSource>2</RequestSource>", "<RequestSource>6</RequestSource>", "RequestSource"),
        ("<EntryDate>2025-09-03</EntryDate>", "<EntryDate>03/09/2025</EntryDate>", "EntryDate"),
        # order matters: Forename before Surname breaks the sequence
        (
            "<Surname>Example</Surname><Forename>Robin</Forename>",
            "<Forename>Robin</Forename><Surname>Example</Surname>",
            "Forename",
        ),
    ],
)
def test_an_invalid_return_is_refused_naming_the_element(old: str, new: str, element: str) -> None:
    assert old in MINIMAL
    errors = _errors(MINIMAL.replace(old, new))
    assert errors, f"{new} should not validate"
    assert any(element in error for error in errors), errors
