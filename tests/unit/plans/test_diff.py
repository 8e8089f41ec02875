"""diff_plans: what an amendment changes against the plan in force, section by section."""

from __future__ import annotations

from send_desk.plans import parse_plan
from send_desk.plans.diff import changed_sections, diff_plans
from tests.unit.plans.plan_data import good


def test_the_same_plan_changes_nothing_even_with_a_new_date_and_status() -> None:
    before = good()
    after = good()
    after["status"], after["date"] = "amended", "2027-01-04"
    assert diff_plans(parse_plan(before), parse_plan(after)) == ()


def test_a_changed_provision_shows_its_old_line_removed_and_new_line_added() -> None:
    after = good()
    after["sections"]["F"][0]["duration"] = "1 hour"
    [change] = diff_plans(parse_plan(good()), parse_plan(after))
    assert change.section == "F" and change.title == "Special educational provision"
    assert change.removed == (
        "f1: Teaching of strategies to manage change, using a visual timetable; by specialist "
        "autism teacher (qualified teacher of autistic pupils); how often 1 session a week; "
        "how long 45 minutes; group 1:1; review every half term",
    )
    assert change.added == (
        "f1: Teaching of strategies to manage change, using a visual timetable; by specialist "
        "autism teacher (qualified teacher of autistic pupils); how often 1 session a week; "
        "how long 1 hour; group 1:1; review every half term",
    )


def test_added_and_removed_items_in_several_sections_in_plan_order() -> None:
    after = good()
    after["sections"]["E"][1]["by"] = "2027-12-17"
    after["sections"]["K"].append("careers_adviser")
    after["sections"]["H1"] = []
    after["sections"]["I"]["name"] = "Hillside Academy"
    changes = diff_plans(parse_plan(good()), parse_plan(after))
    assert [(c.section, c.removed, c.added) for c in changes] == [
        ("E",
         ("e2 (by 16/07/2027): Sam will ask an adult what a phrase means when he is not sure.",),
         ("e2 (by 17/12/2027): Sam will ask an adult what a phrase means when he is not sure.",)),
        ("H1", ("None: Sam needs no services under the 1970 Act.",), ()),
        ("I", (), ("Name: Hillside Academy",)),
        ("K", (), ("Careers adviser",)),
    ]  # fmt: skip
    assert changed_sections(parse_plan(good()), parse_plan(after)) == ("E", "H1", "I", "K")


def test_against_no_plan_every_filled_section_is_added() -> None:
    plan = parse_plan(good())
    changes = diff_plans(None, plan)
    assert [c.section for c in changes] == [
        "A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K",
    ]  # fmt: skip
    b = next(c for c in changes if c.section == "B")
    assert b.removed == ()
    assert b.added[0] == (
        "b1 (ASD, primary): Sam finds changes to his routine and noisy rooms very hard "
        "to cope with."
    )
    j = next(c for c in changes if c.section == "J")
    assert j.added == ("Covers: The youth support worker in H2", "For outcomes: e3",
                       "Direct payments: yes")  # fmt: skip


def test_to_json_names_the_section() -> None:
    after = good()
    after["sections"]["K"] = ["health"]
    [change] = diff_plans(parse_plan(good()), parse_plan(after))
    assert change.to_json() == {
        "section": "K",
        "title": "Advice and information",
        "removed": ["Educational psychology", "Social care", "School"],
        "added": [],
    }
