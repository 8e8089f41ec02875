"""The compliance figures are data: the bundled file, and broken copies refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from send_desk.reports.compliance_rules import load_compliance_rules
from send_desk.resources import resource_path
from send_desk.rules_file import RulesFileError

BUNDLED = resource_path("reports", "compliance.toml")


def test_the_bundled_figures_count_what_the_report_says() -> None:
    rules = load_compliance_rules()
    shown = [(f.name, f.milestones, f.counts, f.exceptions_left_out) for f in rules.figures]
    assert shown == [
        ("plans_within_20_weeks", ("final_plan",), "done_in_period", False),
        ("plans_within_20_weeks_excluding_exceptions", ("final_plan",), "done_in_period", True),
        ("decisions_to_assess_within_6_weeks", ("decide_to_assess",), "done_in_period", False),
        ("review_decisions_within_4_weeks", ("review_decision",), "done_in_period", False),
        ("annual_reviews_overdue", ("annual_review", "transfer_review"), "open_at_end", False),
        ("phase_transfers_at_risk", ("phase_transfer_plan",), "at_risk", False),
    ]
    assert rules.at_risk_within == timedelta(weeks=12)
    assert rules.figures[1].source == "SEND Regulations 2014 reg 13(2), 13(3); SEN2 Week20"
    assert rules.figures[0].period == "20 weeks from the request"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "compliance.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('counts = "open_at_end"', 'counts = "open"',
         "compliance.toml: figure[4].counts: 'open' is not one of"),
        ('milestones = ["decide_to_assess"]', 'milestones = ["decide_to_asess"]',
         "figure[2].milestones: 'decide_to_asess' is not a milestone of the statutory clock"),
        ('source = "SEND Regulations 2014 reg 18(1)"', "",
         "compliance.toml: figure[5].source: missing"),
        ('exceptions = "left_out"\nperiod', 'exception = "left_out"\nperiod',
         "compliance.toml: figure[1].exception: not a key here"),
        ("at_risk_weeks = 12", 'at_risk_weeks = "twelve"',
         "compliance.toml: at_risk_weeks: 'twelve' is not a whole number"),
        ('name = "annual_reviews_overdue"', 'name = "plans_within_20_weeks"',
         "figure[4].name: 'plans_within_20_weeks' is a figure already"),
        ('milestones = ["final_plan"]', "milestones = []",
         "compliance.toml: figure[0].milestones: [] is not a list of texts"),
        ("\n[[figure]]\n", "\n[[figure]\n", "compliance.toml: not valid TOML"),
    ],
)  # fmt: skip
def test_a_broken_copy_is_refused_naming_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(RulesFileError) as refused:
        load_compliance_rules(_broken(tmp_path, old, new))
    assert message in str(refused.value)


def test_a_changed_copy_changes_what_is_counted(tmp_path: Path) -> None:
    rules = load_compliance_rules(_broken(tmp_path, "at_risk_weeks = 12", "at_risk_weeks = 8"))
    assert rules.at_risk_within == timedelta(weeks=8)
