"""Audit trends: grades by month per team and caseworker, the criteria most often failed."""

from __future__ import annotations

import pytest

from send_desk.services.audit_trends import audit_trends, months_between
from send_desk.services.errors import NotFound, ValidationFailed
from send_desk.services.sampling import parse_period
from tests.unit.supervision.builder import SupervisionStore
from tests.unit.supervision.conftest import MANUAL, Audited, G, I, O, R


def test_grades_are_counted_by_month_team_and_caseworker(
    sup: SupervisionStore, audited: Audited
) -> None:
    first = [a for a in audited.made if a["role"] == "audit"]
    with sup.store.read() as session:
        trends = audit_trends(session, start="2026-02", end="2026-04")
    assert trends["months"] == ["2026-02", "2026-03", "2026-04"]
    service = trends["service"]
    assert service["total"] == len(first) == 5  # the moderation is not counted again
    by_month = {m["month"]: m for m in service["by_month"]}
    assert by_month["2026-02"]["total"] == 0
    assert by_month["2026-03"]["total"] == 2 and by_month["2026-04"]["total"] == 3
    overall = [a["overall"] for a in first]
    assert service["counts"] == {g: overall.count(g) for g in (O, G, R, I)}
    assert service["good_or_better"] == sum(1 for g in overall if g in (O, G))

    teams = {t["team"]: t for t in trends["teams"]}
    assert teams["North"]["total"] == 4 and teams["South"]["total"] == 1
    assert teams["South"]["counts"][first[3]["overall"]] == 1
    workers = {w["caseworker"]: w for w in trends["caseworkers"]}
    assert {n: w["total"] for n, w in workers.items()} == {
        "Pat White": 2, "Kim Blue": 2, "Sam Green": 1}  # fmt: skip
    assert workers["Kim Blue"]["team"] == "North"
    assert [m["total"] for m in workers["Kim Blue"]["by_month"]] == [0, 1, 1]


def test_the_criteria_most_often_failed(sup: SupervisionStore, audited: Audited) -> None:
    sams = audited.made[3]
    with sup.store.read() as session:
        trends = audit_trends(session, start="2026-03", end="2026-04")
    criteria = {c["id"]: c for c in trends["criteria"]}
    # facts_opinion graded below good by Kim's March audit (R) and Sam's (I): 2 of 5
    assert criteria["facts_opinion"]["failed"] == 2 and criteria["facts_opinion"]["assessed"] == 5
    assert criteria["facts_opinion"]["rate"] == pytest.approx(0.4)
    assert criteria["colleague_could_act"]["failed"] == 1  # Sam's only
    assert criteria["facts_opinion"]["label"] == "Facts kept apart from owned opinion"
    assert criteria["facts_opinion"]["kind"] == "manual"
    rates = [c["rate"] for c in trends["criteria"]]
    assert rates == sorted(rates, reverse=True)  # most often failed first
    workers = {w["caseworker"]: w for w in trends["caseworkers"]}
    # Sam's one audit: every manual criterion below good, and what the checker found
    failed_there = set(MANUAL) | set(sams["automatic_failed"])
    assert set(workers["Sam Green"]["most_failed"]) <= failed_there
    assert len(workers["Sam Green"]["most_failed"]) == 3
    assert workers["Pat White"]["most_failed"] == [
        c for c in workers["Pat White"]["most_failed"] if criteria[c]["kind"] == "automatic"
    ]  # Pat's manual grades were all good or better


def test_scope_by_team_and_caseworker(sup: SupervisionStore, audited: Audited) -> None:
    with sup.store.read() as session:
        north = audit_trends(session, start="2026-03", end="2026-04", team="north")
        kim = audit_trends(session, start="2026-03", end="2026-04", caseworker="kblue")
        with pytest.raises(NotFound, match="no team called 'East'"):
            audit_trends(session, start="2026-03", end="2026-04", team="East")
    assert north["team"] == "North" and north["service"]["total"] == 4
    assert {w["caseworker"] for w in north["caseworkers"]} == {"Pat White", "Kim Blue"}
    assert kim["caseworker"] == "Kim Blue" and kim["service"]["total"] == 2
    assert [t["team"] for t in kim["teams"]] == ["North"]


def test_an_empty_or_bad_period(sup: SupervisionStore, audited: Audited) -> None:
    with sup.store.read() as session:
        empty = audit_trends(session, start="2025-01", end="2025-06")
        with pytest.raises(ValidationFailed, match=r"ends .* before it starts"):
            audit_trends(session, start="2026-04", end="2026-03")
        with pytest.raises(ValidationFailed, match="too long"):
            audit_trends(session, start="2020-01", end="2026-03")
        with pytest.raises(ValidationFailed, match="YYYY-MM"):
            audit_trends(session, start="March", end="2026-03")
    assert empty["service"]["total"] == 0 and empty["criteria"] == []
    assert empty["messages"] == ["no audits were made from 2025-01 to 2025-06"]
    assert len(empty["service"]["by_month"]) == 6


def test_months_between_crosses_the_year() -> None:
    assert months_between(parse_period("2025-11"), parse_period("2026-02")) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]  # fmt: skip
