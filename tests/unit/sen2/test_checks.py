"""Each SEN2 check on a return built by hand: the rule fires, names the child, and a
clean item raises nothing."""

from __future__ import annotations

from datetime import date, datetime

from send_desk.sen2.checks import Problem, check_return
from send_desk.sen2.model import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Request,
    Sen2Return,
    SettingDetail,
)

HEADER = Header(2027, date(2027, 1, 21), "886", "1.0", datetime(2027, 2, 1), dmo="Y", dco="Y",
                dsco="N")  # fmt: skip


def _school(**changes: object) -> SettingDetail:
    detail = SettingDetail("Oak Primary", urn="123456", rank="1", entry=date(2025, 9, 3))
    for name, value in changes.items():
        setattr(detail, name, value)
    return detail


def _plan_request(**changes: object) -> Request:
    request = Request(date(2026, 2, 2), "2", "Y", date(2026, 3, 10))
    request.assessment = Assessment(
        "Y",
        date(2026, 7, 1),
        week20="0",
        named_plan=NamedPlan(date(2026, 7, 1), [_school(entry=None)]),
    )
    request.active_plans = ActivePlans(
        placements=[_school()], needs=[("ASD", "1")], active_at_census=True
    )
    for name, value in changes.items():
        setattr(request, name, value)
    return request


def _return(*requests: Request, upn: str | None = "E999200119001") -> Sen2Return:
    person = Person("c1", "Test", "Ada", date(2016, 9, 12), "F", "NOBT", None, upn,
                    list(requests))  # fmt: skip
    return Sen2Return(HEADER, [person])


def _rules(sen2: Sen2Return) -> list[tuple[str, str]]:
    return [(p.rule, p.severity) for p in check_return(sen2)]


def test_a_clean_return_has_no_problems() -> None:
    assert check_return(_return(_plan_request())) == []


def test_a_upn_with_a_wrong_check_letter_is_an_error() -> None:
    # E999200119001 is valid (sen2.md section 5); A999200119001 has the wrong letter
    problems = check_return(_return(_plan_request(), upn="A999200119001"))
    assert problems == [
        Problem("upn-check-letter", "error", "c1", "person",
                "Ada Test (born 12/09/2016): UPN A999200119001 is not valid: its check letter "
                "does not match."),
    ]  # fmt: skip


def test_dates_out_of_order_are_errors() -> None:
    request = _plan_request(outcome_date=date(2026, 1, 5))  # decided before it was received
    assert _rules(_return(request)) == [("date-order", "error")]
    message = check_return(_return(request))[0].message
    assert "decision to assess (05/01/2026) is before request received (02/02/2026)" in message
    request = _plan_request()
    assert request.active_plans is not None
    request.active_plans.placements = [_school(leaving=date(2025, 9, 1))]
    assert ("date-order", "error") in _rules(_return(request))


def test_a_setting_needs_exactly_one_of_urn_ukprn_or_sen_setting_and_a_rank() -> None:
    both = _plan_request()
    assert both.active_plans is not None
    both.active_plans.placements = [_school(ukprn="10012345")]
    assert _rules(_return(both)) == [("one-setting", "error")]
    neither = _plan_request()
    assert neither.assessment is not None and neither.assessment.named_plan is not None
    neither.assessment.named_plan.details = [_school(urn=None, rank=None)]
    assert _rules(_return(neither)) == [("one-setting", "error"), ("one-setting", "error")]


def test_codes_outside_their_sets_are_errors() -> None:
    request = _plan_request(source="6")
    assert request.active_plans is not None
    request.active_plans.needs = [("AUT", "1")]
    request.active_plans.placements = [_school(urn=None, sen_setting="HOME")]
    assert _rules(_return(request)) == [("codes", "error")] * 3
    request = _plan_request()
    assert request.active_plans is not None
    request.active_plans.placements = [_school(urn="1234567")]  # GIAS 7-digit: not SEN2
    assert _rules(_return(request)) == [("codes", "error")]


def test_an_outcome_of_y_or_n_needs_its_date() -> None:
    request = _plan_request(outcome_date=None)
    assert request.assessment is not None
    request.assessment.outcome_date = None
    assert _rules(_return(request)) == [("outcome-date", "error"), ("outcome-date", "error")]


def test_one_primary_need_per_plan() -> None:
    none = _plan_request()
    assert none.active_plans is not None
    none.active_plans.needs = []
    two = _plan_request()
    assert two.active_plans is not None
    two.active_plans.needs = [("ASD", "1"), ("SLCN", "1")]
    assert _rules(_return(none)) == [("one-primary-need", "error")]
    assert _rules(_return(two)) == [("one-primary-need", "error")]


def test_a_plan_active_at_census_with_no_current_placement_is_a_query() -> None:
    request = _plan_request()
    assert request.active_plans is not None
    request.active_plans.placements = [_school(leaving=date(2026, 7, 20))]
    assert _rules(_return(request)) == [("plan-no-placement", "query")]
    request.active_plans.active_at_census = False  # ceased before census: no query
    assert _rules(_return(request)) == []


def test_heavy_use_of_other_codes_is_one_query_for_the_file() -> None:
    # 2 of 12 requests from "other" (5) is 17%, over the 10% in resources/sen2/checks.toml
    requests = [_plan_request(source="5" if i < 2 else "2") for i in range(12)]
    problems = check_return(_return(*requests))
    assert [(p.rule, p.severity, p.child_id) for p in problems] == [("other-codes", "query", None)]
    assert problems[0].message.startswith("2 of 12 request sources are 'other' (5)")
    # 1 of 12 (8%) is not heavy
    requests[1] = _plan_request(source="2")
    assert check_return(_return(*requests)) == []


def test_a_upn_given_to_two_children_names_both() -> None:
    sen2 = _return(_plan_request())
    twin = Person("c2", "Test", "Bea", date(2016, 9, 12), "F", "NOBT", None, "E999200119001",
                  [_plan_request()])  # fmt: skip
    sen2.persons.append(twin)
    assert [(p.rule, p.child_id, p.message) for p in check_return(sen2)] == [
        ("upn-duplicate", "c1", "Ada Test (born 12/09/2016): UPN E999200119001 is also given "
         "to Bea Test (born 12/09/2016)."),
        ("upn-duplicate", "c2", "Bea Test (born 12/09/2016): UPN E999200119001 is also given "
         "to Ada Test (born 12/09/2016)."),
    ]  # fmt: skip
