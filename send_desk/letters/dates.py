"""Dates as letters write them: in full, "Friday 12 June 2026", never "within 15 days"."""

from __future__ import annotations

from datetime import date, datetime, time

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def full_date(value: date) -> str:
    """``date(2026, 6, 12)`` -> ``"Friday 12 June 2026"`` (UK English, no ordinal)."""
    if isinstance(value, datetime):
        value = value.date()
    return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def clock_time(value: time) -> str:
    """``time(14, 30)`` -> ``"2.30pm"``; ``time(12, 0)`` -> ``"12 noon"`` (GOV.UK style)."""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.minute:
        return f"{hour}.{value.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def full_datetime(value: datetime) -> str:
    """``"2.30pm on Friday 12 June 2026"``."""
    return f"{clock_time(value.time())} on {full_date(value.date())}"
