"""The plan model: read from the standard's JSON, refused with the place named, written back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from send_desk.plans import PlanFormatError, parse_plan
from tests.unit.plans.plan_data import good, standard_example


def test_reads_the_standards_example() -> None:
    plan = parse_plan(standard_example())
    assert (plan.status, plan.date) == ("draft", date(2026, 12, 1))
    assert (plan.child.first_name, plan.child.year_group, plan.child.young_person) == (
        "Sam",
        10,
        False,
    )
    s = plan.sections
    assert [(n.id, n.area, n.primary) for n in s.B.items] == [("b1", "ASD", True)]
    assert s.E[0].by == date(2027, 7, 16) and s.E[0].needs == ("b1",)
    f1 = s.F.items[0]
    assert (f1.frequency, f1.duration, f1.group, f1.outcomes) == (
        "1 session a week",
        "45 minutes",
        "1:1",
        ("e1",),
    )
    assert s.G.items[0].outcomes == ()  # G names no outcomes: allowed
    assert s.D.items == () and s.D.none_reason is None
    assert (s.I.type, s.I.name, s.J) == ("mainstream secondary school", None, None)
    assert s.K == ("educational_psychology", "health", "school")


@pytest.mark.parametrize("document", [good(), standard_example()])
def test_to_json_round_trips(document: dict[str, Any]) -> None:
    plan = parse_plan(document)
    written = plan.to_json()
    assert parse_plan(written) == plan
    assert parse_plan(written).to_json() == written


def test_none_sections_and_unknown_keys_survive_a_round_trip() -> None:
    data = good()
    data["sections"]["G"] = {"none": "His GP already sees him."}
    data["sections"]["C"] = []
    data["sections"]["F"][0]["notes"] = "agreed at the meeting on 3 November"
    data["child"]["last_name"] = "Example"
    written = parse_plan(data).to_json()
    assert written["sections"]["G"] == {"none": "His GP already sees him."}
    assert written["sections"]["H1"] == {"none": "Sam needs no services under the 1970 Act."}
    assert written["sections"]["F"][0]["notes"] == "agreed at the meeting on 3 November"
    assert written["child"]["last_name"] == "Example"


def test_an_outcome_dated_before_the_plan_is_kept_for_the_checker() -> None:
    data = good()
    data["sections"]["E"][1]["by"] = "2026-11-30"
    assert parse_plan(data).sections.E[1].by == date(2026, 11, 30)


def test_ids_for_new_items() -> None:
    plan = parse_plan(good())
    assert plan.ids() == {"b1", "b2", "c1", "d1", "e1", "e2", "e3", "f1", "f2", "g1", "h1"}
    assert (plan.next_id("F"), plan.next_id("B"), plan.next_id("D")) == ("f3", "b3", "d2")
    assert (plan.next_id("H1"), plan.next_id("H2")) == ("h2", "h2")  # h1 is H2's
    assert parse_plan({"status": "draft"}).next_id("E") == "e1"


def test_a_plan_is_immutable() -> None:
    plan = parse_plan(good())
    with pytest.raises(AttributeError):
        plan.status = "final"  # type: ignore[misc]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """An edit of the good plan: "sections.F.1.needs.0" = value."""

    def edit(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if last.isdigit():
            target[int(last)] = value
        elif value is _DELETE:
            del target[last]
        else:
            target[last] = value

    return edit


_DELETE = object()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_set("sections.F.1.needs.0", "b9"), 'sections.F[1].needs[0]: no need "b9" in section B'),
        (_set("sections.F.1.needs.0", "c1"), 'sections.F[1].needs[0]: no need "c1" in section B'),
        (_set("sections.E.0.needs", ["x1"]),
         'sections.E[0].needs[0]: no need "x1" in sections B, C or D'),
        (_set("sections.G.0.needs", ["c2"]),
         'sections.G[0].needs[0]: no need "c2" in sections B, C or D'),
        (_set("sections.F.0.outcomes", ["e1", "e9"]),
         'sections.F[0].outcomes[1]: no outcome "e9" in section E'),
        (_set("sections.J.outcomes", ["e4"]),
         'sections.J.outcomes[0]: no outcome "e4" in section E'),
        (_set("sections.C.0.id", "b1"),
         'sections.C[0].id: "b1" is already the id of sections.B[0]'),
        (_set("sections.F.1.id", "f1"),
         'sections.F[1].id: "f1" is already the id of sections.F[0]'),
        (_set("sections.B.0.id", _DELETE), "sections.B[0].id: is needed"),
        (_set("sections.F", "lots of help"), 'sections.F: must be a list, not "lots of help"'),
        (_set("sections.F", {"none": "nothing"}), "sections.F: must be a list"),
        (_set("sections.G", {"none": "x", "why": "y"}), 'sections.G: is a list, or {"none"'),
        (_set("sections.B.0.primary", "yes"),
         'sections.B[0].primary: must be true or false, not "yes"'),
        (_set("sections.E.0.by", "16/07/2027"),
         'sections.E[0].by: "16/07/2027" is not a real date in the form YYYY-MM-DD'),
        (_set("sections.E.0.by", "2027-02-30"),
         'sections.E[0].by: "2027-02-30" is not a real date'),
        (_set("date", 20261201), "date: must be a date (YYYY-MM-DD), not 20261201"),
        (_set("status", "issued"), 'status: "issued" is not one of draft, final, amended'),
        (_set("status", _DELETE), "status: is needed"),
        (_set("child.year_group", "ten"), 'child.year_group: must be a whole number, not "ten"'),
        (_set("child.year_group", 21), "child.year_group: 21 is not a year group"),
        (_set("sections.F.0.what", 5), "sections.F[0].what: must be text, not 5"),
        (_set("sections.F.0.needs", "b1"), 'sections.F[0].needs: must be a list, not "b1"'),
        (_set("sections.K", ["school", 1]), "sections.K[1]: must be text, not 1"),
        (_set("sections.A", ["I like computers"]), "sections.A: must be an object"),
        (_set("sections.B.1", "b2"), "sections.B[1]: must be an object"),
        (_set("personal_budget_requested", "yes"),
         "personal_budget_requested: must be true or false"),
        (_set("sections.J.direct_payments", 3),
         "sections.J.direct_payments: must be true, false or text"),
        (_set("sections.H", []),
         "sections.H: is not a section of a plan (A, B, C, D, E, F, G, H1, H2, I, J, K)"),
        (_set("advice_received", "school"), 'advice_received: must be a list, not "school"'),
    ],
)  # fmt: skip
def test_what_cannot_be_a_plan_is_refused_naming_the_place(
    edit: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = good()
    edit(data)
    with pytest.raises(PlanFormatError) as caught:
        parse_plan(data)
    assert str(caught.value).startswith(expected)


def test_a_document_that_is_not_an_object() -> None:
    with pytest.raises(PlanFormatError, match="a plan is a JSON object"):
        parse_plan([{"status": "draft"}])


def test_gaps_are_kept_not_refused() -> None:
    plan = parse_plan({"status": "Final", "sections": {"B": [{"id": "b1", "area": "dys"}]}})
    assert plan.status == "final"
    assert plan.date is None and plan.sections.J is None
    assert (plan.sections.B.items[0].area, plan.sections.B.items[0].description) == ("DYS", "")
