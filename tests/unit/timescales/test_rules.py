"""The bundled rule files, and the loader's messages for bad ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from send_desk.resources import resource_path
from send_desk.timescales import compute_timeline
from send_desk.timescales.rules import RuleError, default_rules, load_rules

from .clock import d, ev, rows

CONTRACT_MILESTONES = {
    "decide_to_assess", "advice_due", "decide_to_issue", "draft_response_period_ends",
    "final_plan", "annual_review", "review_decision", "review_report",
    "amendment_response_period_ends", "final_amended_plan", "phase_transfer_plan",
    "transfer_notice", "transfer_review", "mediation_certificate", "mediation_held",
    "appeal_deadline", "appeal_response", "order_assess_notify", "order_assess_final_plan",
    "order_draft_plan", "order_final_plan", "order_amended_plan", "order_placement",
}  # fmt: skip
INFO_MILESTONES = {
    "draft_response_period_ends", "amendment_response_period_ends", "appeal_deadline"
}  # fmt: skip


def test_bundled_rules_cover_exactly_the_contract_milestones() -> None:
    rules = default_rules()
    assert rules.milestone_ids(include_local=False) == CONTRACT_MILESTONES
    assert {r.id for r in rules.rules if r.is_info} == INFO_MILESTONES
    assert all(r.local for r in rules.rules if r.id not in CONTRACT_MILESTONES)


def test_every_statutory_rule_names_its_legal_source() -> None:
    for rule in default_rules().rules:
        if not rule.local:
            assert any(
                law in rule.source
                for law in ("SEND Regulations 2014", "Children and Families Act", "HESC")
            ), rule.name
    assert default_rules().rules_for("decide_to_assess")[0].source == (
        "SEND Regulations 2014 reg 4(1)"
    )


def test_exception_reasons_per_milestone() -> None:
    rules = default_rules()
    ten_four = ("school_closure", "early_years_closure", "exceptional_personal_circumstances",
                "absence_from_area")  # fmt: skip
    for milestone in ("decide_to_assess", "decide_to_issue", "final_plan"):
        assert rules.rules_for(milestone)[0].exceptions == ten_four
    assert rules.rules_for("advice_due:health")[0].exceptions == (
        "exceptional_personal_circumstances", "absence_from_area", "missed_appointment"
    )  # fmt: skip
    assert rules.rules_for("annual_review")[0].exceptions == ()
    assert rules.reasons["school_closure"].closure_window


def test_rules_are_read_once() -> None:
    assert default_rules() is default_rules()


def test_conditions_run_after_the_milestones_they_look_at() -> None:
    names = [r.name for r in default_rules().rules]
    assert names.index("decide_to_assess") < names.index("decide_to_issue")
    assert names.index("decide_to_issue") < names.index("final_plan")


GOOD = """
[[exception_reason]]
id = "absence_from_area"
label = "absence"
source = "reg 10(4)(d)"
meaning = "away"

[[milestone]]
id = "decide"
title = "Decide"
trigger = { event = "request_received" }
due = { count = 6, unit = "weeks_after" }
done_by = { event = "assessment_decision" }
source = "SEND Regulations 2014 reg 4(1)"
action = "Decide"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_recieved" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n',
         "bad.toml: rule 'x': trigger event 'request_recieved' is not a known event type"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "fortnights" }\nsource = "s"\naction = "a"\n',
         "bad.toml: rule 'x': due: unit 'fortnights' is not one of"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 0, unit = "weeks_after" }\nsource = "s"\naction = "a"\n',
         "rule 'x': due: 'count' must be a whole number of 1 or more"),
        ('[[milestone]]\nid = "x"\nkind = "info"\ntitle = "X"\n'
         'trigger = { event = "request_received" }\ndue = { count = 6, unit = "weeks_after" }\n'
         'done_by = { event = "assessment_decision" }\nsource = "s"\ninfo = "until {due}"\n',
         "rule 'x': an info milestone is a date to know: it has no done_by"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n'
         'exceptions = ["staff_shortage"]\n',
         "rule 'x': exception reason 'staff_shortage' is not defined"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n'
         'requires = [{ milestone = "nope", done_with = { outcome = "assess" } }]\n',
         "rule 'x': condition names an unknown milestone 'nope'"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n'
         'requires = [{ milestone = "decide", done_with = { outcome = "maybe" } }]\n',
         "rule 'x': done_with: outcome must be one of assess, not_assess (not 'maybe')"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\n'
         'trigger = { event = "tribunal_order", where = { order = "dismiss" } }\n'
         'due = { count = 2, unit = "weeks_after" }\nsource = "s"\naction = "a"\n',
         "rule 'x': trigger.where: order must be one of"),
        ('[[milestone]]\nid = "decide"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n',
         "good.toml: rule 'decide': the rule name is used twice (also in bad.toml)"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'dew = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n',
         "rule 'x': unknown key dew"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "phase_transfer" }\n'
         'due = { date_in_year = "02-30", year_of = "transfer_date" }\nsource = "s"\n'
         'action = "a"\n',
         "rule 'x': due.date_in_year '02-30' is not a day of every year"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { date_in_year = "02-15", year_of = "date" }\nsource = "s"\naction = "a"\n',
         "rule 'x': due.year_of must name a date field of 'request_received'"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "Act by {when}"\n',
         "rule 'x': 'action' uses {when}; placeholders allowed here: none"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\n',
         "rule 'x': 'action' must be a non-empty text"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after", later_of = [] }\nsource = "s"\naction = "a"\n',
         "rule 'x': due needs exactly one of count+unit, date_in_year+year_of or later_of"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "request_received" }\n'
         'due = { count = 6, unit = "weeks_after", roll = "sideways" }\nsource = "s"\n'
         'action = "a"\n',
         "rule 'x': due: roll must be one of next_working_day, next_tribunal_day"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "advice_requested" }\n'
         'due = { count = 6, unit = "weeks_after" }\nsource = "s"\naction = "a"\n'
         'done_by = { event = "advice_received", match = ["body"] }\n',
         "rule 'x': done_by.match: 'advice_requested' events have no 'body'"),
        ('[[milestone]]\nid = "a"\ntitle = "A"\ntrigger = { event = "request_received" }\n'
         'due = { count = 1, unit = "weeks_after" }\ndone_by = { event = "assessment_decision" }\n'
         'source = "s"\naction = "a"\nrequires = [{ milestone = "b" }]\n'
         '[[milestone]]\nid = "b"\ntitle = "B"\ntrigger = { event = "request_received" }\n'
         'due = { count = 1, unit = "weeks_after" }\ndone_by = { event = "issue_decision" }\n'
         'source = "s"\naction = "a"\nrequires = [{ milestone = "a" }]\n',
         "its conditions depend on themselves"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "phase_transfer" }\n'
         'due = { date_in_year = "02-15", year_of = "transfer_date" }\nsource = "s"\n'
         'action = "a"\ndone_by = { event = "amended_plan_issued", late_until = "kind" }\n',
         "rule 'x': done_by.late_until must name a date field of the trigger event "
         "(transfer_date) and needs within_months_before_due"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "review_meeting" }\n'
         'due = { count = 12, unit = "months_after" }\nsource = "s"\naction = "a"\n'
         'left_out_when = { event = "plan_moved_in" }\n',
         "rule 'x': left_out_when event 'plan_moved_in' is not a known event type"),
        ('[[milestone]]\nid = "x"\ntitle = "X"\ntrigger = { event = "review_meeting" }\n'
         'due = { count = 12, unit = "months_after" }\nsource = "s"\naction = "a"\n'
         'left_out_when = ["plan_transferred_in"]\n',
         "rule 'x': 'left_out_when' must be a table like"),
        ("[conventions]\nfortnight = true\n", "bad.toml: conventions: unknown setting 'fortnight'"),
        ('[conventions]\nshort_month = "round"\n', "bad.toml: conventions.short_month must be"),
        ("[[milestone]\n", "bad.toml: not valid TOML"),
        ("[[rule]]\nid = 'x'\n", "bad.toml: unknown table rule"),
        ("[[phase_transfer]]\nfrom_year = 6\nkind = 'bus'\nlabel = 'x'\n",
         "bad.toml: phase_transfer from year 6: kind must be school or post16"),
        ("[[order_check]]\nevent = 'final_plan'\nafter = ['request_received']\n",
         "bad.toml: order_check event 'final_plan' is not a known event type"),
    ],
)  # fmt: skip
def test_bad_rule_files_are_refused_naming_file_rule_and_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules(tmp_path)
    assert message in str(error.value)


def test_a_folder_without_rules_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no rule files"):
        load_rules(tmp_path)


def test_conventions_given_twice_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("[conventions]\n", encoding="utf-8")
    (tmp_path / "b.toml").write_text("[conventions]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"b.toml: \[conventions\] is given in more than one"):
        load_rules(tmp_path)


def test_a_council_can_change_a_counting_convention(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    conventions = folder / "conventions.toml"
    conventions.write_text(
        conventions.read_text(encoding="utf-8").replace(
            "weeks_after = { count_event_day = false }", "weeks_after = { count_event_day = true }"
        ),
        encoding="utf-8",
    )
    council = load_rules(folder)
    events = [ev("request_received", "2026-01-05")]
    # default: 5 Jan 2026 + 42 days = 16 Feb 2026; day-one counting: 5 Jan + 41 = 15 Feb
    assert rows(compute_timeline(events, d("2026-01-10"))) == [
        ("decide_to_assess", "2026-02-16", None, "pending")
    ]
    assert rows(compute_timeline(events, d("2026-01-10"), rules=council)) == [
        ("decide_to_assess", "2026-02-15", None, "pending")
    ]
