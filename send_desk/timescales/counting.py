"""Counting conventions: how a phrase in the law turns into a due date.

The defaults are those of ``statutory-clock-contract.md``; each is a setting a council
may change in ``resources/rules/conventions.toml`` (see :class:`Conventions`).

| unit                          | due date for N from day T (defaults)                     |
| ----------------------------- | -------------------------------------------------------- |
| ``weeks_after``               | T + 7N ("within N weeks of")                             |
| ``weeks_before``              | T - 7N ("at least N weeks before", the latest day to act) |
| ``days_within``               | T + N ("within N days of")                               |
| ``days_beginning_with``       | T + N - 1 ("N days beginning with")                      |
| ``working_days_after``        | the Nth working day after T                              |
| ``working_days_beginning_with`` | the Nth working day, T the first when it is one        |
| ``months_after``              | same day N months later, or that month's last day        |
| ``tribunal_working_days``     | the Nth Tribunal working day after T (HESC r.12)         |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from send_desk.timescales.calendar import TRIBUNAL_NOT_COUNTED, MonthDay, WorkingCalendar

UNITS = (
    "weeks_after",
    "weeks_before",
    "days_within",
    "days_beginning_with",
    "working_days_after",
    "working_days_beginning_with",
    "months_after",
    "tribunal_working_days",
)
# Units whose start day may or may not count as day 1 (a council setting).
DAY_ONE_UNITS = (
    "weeks_after",
    "days_within",
    "days_beginning_with",
    "working_days_after",
    "working_days_beginning_with",
    "tribunal_working_days",
)
SHORT_MONTH_POLICIES = ("last_day", "first_of_next_month")


@dataclass(frozen=True)
class Conventions:
    """The council's counting settings.

    ``count_event_day[unit]`` says whether the day of the event is day 1 of the period
    (True for "beginning with" phrases, False for "within"/"after" by default).
    ``short_month`` says where "N months after the 31st" lands in a shorter month.
    ``tribunal_not_counted`` lists (first, last) month-day periods the Tribunal skips.
    """

    count_event_day: dict[str, bool] = field(
        default_factory=lambda: {
            "weeks_after": False,
            "days_within": False,
            "days_beginning_with": True,
            "working_days_after": False,
            "working_days_beginning_with": True,
            "tribunal_working_days": False,
        }
    )
    short_month: str = "last_day"
    tribunal_not_counted: tuple[tuple[MonthDay, MonthDay], ...] = TRIBUNAL_NOT_COUNTED


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: date, months: int, short_month: str = "last_day") -> date:
    """The same day of the month ``months`` later (or earlier when negative).

    Where that month is shorter: its last day (``"last_day"``, the contract's rule:
    31 January + 1 month = 28 February, or 29 February in a leap year), or the first
    day of the month after (``"first_of_next_month"``).
    """
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    if day.day <= 28:
        return date(year, month, day.day)
    last = _MONTH_DAYS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    if day.day <= last:
        return date(year, month, day.day)
    if short_month == "first_of_next_month":
        return date(year, month, last) + timedelta(days=1)
    return date(year, month, last)


def apply_period(
    start: date, count: int, unit: str, conventions: Conventions, calendar: WorkingCalendar
) -> date:
    """The due date ``count`` ``unit`` from ``start`` under the council's conventions."""
    day_one = conventions.count_event_day.get(unit, False)
    if unit == "weeks_after":
        return start + timedelta(days=7 * count - (1 if day_one else 0))
    if unit == "weeks_before":
        return start - timedelta(days=7 * count)
    if unit in ("days_within", "days_beginning_with"):
        return start + timedelta(days=count - (1 if day_one else 0))
    if unit == "months_after":
        return add_months(start, count, conventions.short_month)
    if unit in ("working_days_after", "working_days_beginning_with"):
        if day_one and calendar.is_working_day(start):
            return start if count == 1 else calendar.working_days_after(start, count - 1)
        return calendar.working_days_after(start, count)
    if unit == "tribunal_working_days":
        if day_one and calendar.is_tribunal_day(start):
            return start if count == 1 else calendar.tribunal_days_after(start, count - 1)
        return calendar.tribunal_days_after(start, count)
    raise ValueError(f"unknown counting unit '{unit}' (known: {', '.join(UNITS)})")
