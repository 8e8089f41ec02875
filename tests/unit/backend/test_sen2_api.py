"""backend.sen2: the SEN2 return as the app's page uses it, on hand-built caseloads
(tests/unit/sen2/caseload.py: census 21/01/2027, the return's problems worked out by hand
in tests/unit/sen2/test_export.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, Refused, ValidationFailed
from send_desk.backend.sen2_api import Sen2Cancelled
from send_desk.backend.sen2_models import ModuleCount, Sen2Options
from send_desk.sen2.schema import schema_errors
from send_desk.services import allocation, organisation
from send_desk.storage.store import Store
from tests.unit.sen2.caseload import ADA_UPN, CENSUS, TODAY, build
from tests.unit.services.builder import Caseload

FULL = Sen2Options(CENSUS, la="886", dmo="Y", dco="Y", dsco="N")


def _backend(store: Store, today: date = TODAY) -> Backend:
    return Backend(store, today=lambda: today)


@pytest.mark.parametrize(
    ("today", "census"),
    [
        (date(2026, 12, 7), date(2027, 1, 21)),  # the brief's day: next January's
        (date(2027, 1, 21), date(2027, 1, 21)),  # census day itself
        (date(2027, 3, 11), date(2027, 1, 21)),  # COLLECT's deadline: still this one
        (date(2027, 4, 1), date(2028, 1, 20)),  # April: next year's (1/1/2028 a Saturday)
        (date(2025, 1, 2), date(2025, 1, 16)),  # sen2.md's 2025 census
        (date(2025, 6, 30), date(2026, 1, 15)),  # and its 2026 one
    ],
)
def test_the_census_offered_is_the_one_whose_return_is_being_prepared(
    store: Store, today: date, census: date
) -> None:
    assert _backend(store, today).sen2.default_census() == census


def test_check_counts_the_modules_and_names_each_childs_problem(store: Store) -> None:
    c = build(store)
    check = _backend(store).sen2.check(FULL)
    assert (check.year, check.period_start) == (2027, date(2026, 1, 1))
    assert check.counts == (
        ModuleCount("persons", 5),  # Dee's 2024 refusal is out of the period
        ModuleCount("requests", 5),
        ModuleCount("assessments", 4),
        ModuleCount("named_plans", 3),
        ModuleCount("active_plans", 3),
        ModuleCount("plans_active_at_census", 2),  # Eve's plan ceased in October
        ModuleCount("placements", 3),
    )
    found = {(p.rule, p.severity, p.child_id, p.module) for p in check.problems}
    assert found == {
        ("upn-missing", "error", c.ids["Ben"], "person"),
        ("upn-missing", "error", c.ids["Cal"], "person"),
        ("upn-missing", "error", c.ids["Eve"], "person"),
        ("upn-missing", "error", c.ids["Finn"], "person"),
        ("request-source", "error", c.ids["Cal"], "request"),
        ("cease-reason", "error", c.ids["Eve"], "named_plan"),
        ("transfer-la", "query", c.ids["Eve"], "active_plans"),
    }
    assert (len(check.errors), len(check.queries)) == (6, 1)
    (cease,) = [p for p in check.problems if p.rule == "cease-reason"]
    assert cease.message.startswith("Eve Test (born 30/06/2010): the plan ceased 15/10/2026")


def test_the_header_problems_name_no_child(store: Store) -> None:
    build(store)
    check = _backend(store).sen2.check(Sen2Options(CENSUS))
    header = [(p.rule, p.child_id) for p in check.problems if p.module == "header"]
    assert header == [("header-la", None)] + [("header-officers", None)] * 3


def test_export_is_refused_while_errors_remain_and_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    build(store)
    sen2 = _backend(store).sen2
    check = sen2.check(FULL)
    target = tmp_path / "sen2.xml"
    with pytest.raises(Refused, match="6 errors: COLLECT would refuse the file"):
        sen2.export(FULL, target, acknowledged=check.queries)
    assert list(tmp_path.glob("sen2.xml*")) == []


def _queries_only(store: Store, *, clean: bool = False) -> Caseload:
    """Ada's clean new plan, and Kit's plan transferred in from a council not recorded
    and no school on census day: two queries, no error (none when ``clean``: the
    council recorded and a school from the day after)."""
    c = Caseload(store, TODAY)
    with store.write() as session:
        oak = organisation.create_setting(
            session, {"name": "Oak Primary", "urn": "123456", "phase": "primary"}
        )
    c.child("Ada", dob="2016-09-12", sex="F", upn=ADA_UPN, primary_need="ASD")
    c.event("Ada", "request_received", "2026-02-02", source="school_or_setting")
    c.event("Ada", "assessment_decision", "2026-03-10", outcome="assess")
    c.event("Ada", "issue_decision", "2026-06-01", outcome="issue")
    c.event("Ada", "final_plan_issued", "2026-07-01")
    c.child("Kit", dob="2011-05-05", sex="M", upn_unknown_reason="UN2", primary_need="SEMH")
    c.event("Kit", "plan_transferred_in", "2026-04-01", **({"from_la": "202"} if clean else {}))
    with store.write() as session:
        allocation.place(session, c.ids["Ada"], oak, date(2025, 9, 3))
        if clean:
            allocation.place(session, c.ids["Kit"], oak, date(2026, 4, 2))
    return c


def test_export_with_queries_needs_them_looked_at_then_writes_a_valid_file(
    store: Store, tmp_path: Path
) -> None:
    c = _queries_only(store)
    sen2 = _backend(store).sen2
    check = sen2.check(FULL)
    assert check.errors == ()
    assert sorted((q.rule, q.child_id) for q in check.queries) == [
        ("plan-no-placement", c.ids["Kit"]),
        ("transfer-la", c.ids["Kit"]),
    ]
    target = tmp_path / "sen2.xml"
    with pytest.raises(Refused, match="2 queries not looked at yet"):
        sen2.export(FULL, target)
    # one seen, one not: still refused
    with pytest.raises(Refused, match="1 query not looked at yet"):
        sen2.export(FULL, target, acknowledged=check.queries[:1])
    assert not target.exists()
    done = sen2.export(FULL, target, acknowledged=check.queries)
    assert done.path == target
    assert set(done.acknowledged) == set(check.queries)
    assert done.check.count("persons") == 2
    from lxml import etree

    tree = etree.parse(str(target))
    assert schema_errors(tree) == []
    assert [el.text for el in tree.getroot().iter("Forename")] == ["Ada", "Kit"]


def test_a_clean_return_is_written_with_nothing_to_acknowledge(
    store: Store, tmp_path: Path
) -> None:
    _queries_only(store, clean=True)
    sen2 = _backend(store).sen2
    check = sen2.check(FULL)
    assert check.problems == ()
    done = sen2.export(FULL, tmp_path / "clean.xml")
    assert done.acknowledged == ()
    assert (tmp_path / "clean.xml").read_bytes().startswith(b"<?xml version='1.0'")


def test_bad_options_are_refused_with_the_field_named(store: Store) -> None:
    sen2 = _backend(store).sen2
    with pytest.raises(ValidationFailed) as refused:
        sen2.check(Sen2Options(CENSUS, la="88", dmo="X"))
    assert refused.value.fields == {
        "la": "'88' is not an LA number (three digits, e.g. 886)",
        "dmo": "is Y, N or R (recruiting)",
    }


def test_export_to_a_missing_folder_is_refused(store: Store, tmp_path: Path) -> None:
    _queries_only(store)
    with pytest.raises(Refused, match="does not exist"):
        _backend(store).sen2.export(FULL, tmp_path / "nowhere" / "sen2.xml")


def test_a_stopped_check_raises_and_an_export_stopped_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    _queries_only(store)
    sen2 = _backend(store).sen2
    steps: list[tuple[int, int]] = []
    with pytest.raises(Sen2Cancelled):
        sen2.check(FULL, progress=lambda done, total: steps.append((done, total)),
                   cancelled=lambda: True)  # fmt: skip
    assert steps == [(0, 3)]
    with pytest.raises(Sen2Cancelled):
        sen2.export(FULL, tmp_path / "x.xml", cancelled=lambda: True)
    assert not (tmp_path / "x.xml").exists()


def test_admins_and_supervisors_prepare_the_return_caseworkers_do_not(store: Store) -> None:
    c = Caseload(store, TODAY)
    sen2 = _backend(store).sen2
    assert sen2.may_prepare()  # no one signed in: the laptop's one user
    with store.write() as session:
        boss = organisation.create_user(
            session,
            {"username": "lboss", "display_name": "Lee Boss", "role": "supervisor",
             "team_id": c.north},
        )  # fmt: skip
        admin = organisation.create_user(
            session, {"username": "aadmin", "display_name": "Al Admin", "role": "admin"}
        )
    for user, allowed in ((c.pat, False), (boss, True), (admin, True)):
        store.set_user(user)
        assert sen2.may_prepare() is allowed


def test_progress_goes_through_the_clock_the_return_and_the_file(
    store: Store, tmp_path: Path
) -> None:
    _queries_only(store, clean=True)
    sen2 = _backend(store).sen2
    steps: list[tuple[int, int]] = []
    sen2.check(FULL, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(0, 3), (1, 3), (2, 3)]
    steps.clear()
    sen2.export(FULL, tmp_path / "x.xml", progress=lambda done, total: steps.append((done, total)))
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
