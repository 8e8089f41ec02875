"""Counting conventions of the contract, each against a date worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.timescales.calendar import default_calendar
from send_desk.timescales.counting import Conventions, add_months, apply_period

CAL = default_calendar()
DEFAULT = Conventions()


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # February 2026 has 28 days: its last day
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # 2028 is a leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # 29 Feb + 12 months, 2029 not leap
        (date(2026, 3, 31), 1, date(2026, 4, 30)),  # April has 30 days
        (date(2026, 11, 30), 2, date(2027, 1, 30)),  # across the year end
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2026, 2, 15), -12, date(2025, 2, 15)),  # backwards (the 12-month window)
        (date(2026, 5, 20), 12, date(2027, 5, 20)),
        (date(2100, 1, 31), 1, date(2100, 2, 28)),  # 2100 is not a leap year (÷100)
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is (÷400)
    ],
)
def test_add_months_same_day_or_last_day_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_add_months_can_roll_to_the_next_month_when_a_council_says_so() -> None:
    # 31 Jan 2026 + 1 month: no 31 February -> 1 March under "first_of_next_month"
    assert add_months(date(2026, 1, 31), 1, "first_of_next_month") == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("start", "count", "unit", "expected"),
    [
        # "within 6 weeks of" Mon 5 Jan 2026: 5 Jan + 42 days = 16 Feb 2026 (26 days to
        # the end of January, 16 into February)
        (date(2026, 1, 5), 6, "weeks_after", date(2026, 2, 16)),
        # "20 weeks": 5 Jan + 140 days = 25 May 2026 (26 + 28 + 31 + 30 = 115, +25 in May)
        (date(2026, 1, 5), 20, "weeks_after", date(2026, 5, 25)),
        # "15 days beginning with" Fri 24 Apr 2026: 24 Apr + 14 days = 8 May 2026
        (date(2026, 4, 24), 15, "days_beginning_with", date(2026, 5, 8)),
        # "within 30 days of" 10 Mar 2026: 10 + 30 = 40 -> 40 - 31 = 9 Apr 2026
        (date(2026, 3, 10), 30, "days_within", date(2026, 4, 9)),
        # "at least 12 weeks before" 15 Feb 2026: 15 Feb - 84 days: -31 -> 15 Jan,
        # -31 -> 15 Dec 2025, -22 -> 23 Nov 2025
        (date(2026, 2, 15), 12, "weeks_before", date(2025, 11, 23)),
        # "3 working days" after Thu 2 Apr 2026: Easter 3-6 Apr -> Tue 7 (1), 8 (2), Thu 9 (3)
        (date(2026, 4, 2), 3, "working_days_after", date(2026, 4, 9)),
        # "3 working days beginning with" Mon 9 Mar 2026: 9 (1), 10 (2), Wed 11 (3)
        (date(2026, 3, 9), 3, "working_days_beginning_with", date(2026, 3, 11)),
        # ... beginning with Sat 7 Mar 2026, not a working day: Mon 9 (1), 10 (2), 11 (3)
        (date(2026, 3, 7), 3, "working_days_beginning_with", date(2026, 3, 11)),
        # ... beginning with Thu 2 Apr 2026: 2 Apr (1), then Easter, Tue 7 Apr (2)
        (date(2026, 4, 2), 2, "working_days_beginning_with", date(2026, 4, 7)),
        # 1 working day beginning with a working day is that day itself
        (date(2026, 3, 9), 1, "working_days_beginning_with", date(2026, 3, 9)),
        (date(2026, 1, 31), 1, "months_after", date(2026, 2, 28)),
    ],
)
def test_units_of_the_contract(start: date, count: int, unit: str, expected: date) -> None:
    assert apply_period(start, count, unit, DEFAULT, CAL) == expected


def test_thirty_tribunal_working_days_over_august() -> None:
    # From Mon 6 Jul 2026: July 7-10 (4), 13-17 (9), 20-24 (14), 27-31 (19); August is not
    # counted (31 Aug is also a bank holiday); Sep 1-4 (23), 7-11 (28), Mon 14 (29),
    # Tue 15 Sep (30)
    assert apply_period(date(2026, 7, 6), 30, "tribunal_working_days", DEFAULT, CAL) == date(
        2026, 9, 15
    )


def test_thirty_tribunal_working_days_over_christmas() -> None:
    # From Tue 1 Dec 2026: Dec 2-4 (3), 7-11 (8), 14-18 (13), 21-24 (17); 25 Dec-1 Jan not
    # counted; 2-3 Jan weekend; Jan 4-8 (22), 11-15 (27), 18 (28), 19 (29), Wed 20 Jan (30)
    assert apply_period(date(2026, 12, 1), 30, "tribunal_working_days", DEFAULT, CAL) == date(
        2027, 1, 20
    )


def test_a_council_may_count_the_day_of_the_event_as_day_one() -> None:
    surrey_style = Conventions(count_event_day={**DEFAULT.count_event_day, "weeks_after": True})
    # 5 Jan 2026 is day 1 of 42: 5 Jan + 41 days = 15 Feb 2026
    assert apply_period(date(2026, 1, 5), 6, "weeks_after", surrey_style, CAL) == date(2026, 2, 15)


def test_unknown_unit_is_an_error() -> None:
    with pytest.raises(ValueError, match="fortnights"):
        apply_period(date(2026, 1, 5), 1, "fortnights", DEFAULT, CAL)
