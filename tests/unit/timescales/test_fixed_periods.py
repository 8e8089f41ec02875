"""The periods the law fixes for the calendar are data: the bundled file, broken copies."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from send_desk.resources import resource_path
from send_desk.rules_file import RulesFileError
from send_desk.timescales import default_calendar, default_rules
from send_desk.timescales.calendar import load_fixed_periods

BUNDLED = resource_path("calendar", "fixed_periods.toml")


def test_the_bundled_periods_are_the_laws() -> None:
    fixed = load_fixed_periods()
    # HESC r.12(3): 25 December to 1 January, and August
    assert fixed.tribunal_not_counted == (((12, 25), (1, 1)), ((8, 1), (8, 31)))
    # reg 10(4)(a): closed for at least 4 weeks; the window ends a week before it reopens
    assert fixed.closure_min_days == 28
    assert fixed.closure_margin == timedelta(weeks=1)


def test_the_clocks_rules_carry_the_same_tribunal_periods() -> None:
    assert default_rules().conventions.tribunal_not_counted == (
        load_fixed_periods().tribunal_not_counted
    )


def test_the_calendar_skips_the_tribunals_periods() -> None:
    calendar = default_calendar()
    assert not calendar.is_tribunal_day(date(2026, 8, 3))  # a Monday in August
    assert not calendar.is_tribunal_day(date(2026, 12, 29))  # a Tuesday after Christmas
    assert calendar.is_tribunal_day(date(2026, 9, 1))
    assert calendar.tribunal_day_on_or_after(date(2026, 8, 1)) == date(2026, 9, 1)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "fixed_periods.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('["08-01", "08-31"]', '["08-01", "08-32"]',
         "fixed_periods.toml: tribunal.not_counted: '08-32' is not a day of the year"),
        ('["08-01", "08-31"]', '["08-01"]',
         'fixed_periods.toml: tribunal.not_counted: must list ["MM-DD", "MM-DD"] pairs'),
        ("min_days = 28", "min_days = 0",
         "fixed_periods.toml: school_closure.min_days: 0 is not a whole number of at least 1"),
        ("window_margin_days = 7", "margin_days = 7",
         "fixed_periods.toml: school_closure.margin_days: not a key here"),
        ("[school_closure]", "[school_closures]",
         "fixed_periods.toml: school_closures: not a key here"),
    ],
)  # fmt: skip
def test_a_broken_copy_is_refused_naming_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(RulesFileError) as refused:
        load_fixed_periods(_broken(tmp_path, old, new))
    assert message in str(refused.value)
