"""Dates and times: UTC instants for records, Europe/London dates for deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC)


def london_today() -> date:
    return datetime.now(LONDON).date()


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way every screen and letter shows a date."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_iso_date(text: str) -> date:
    """Parse YYYY-MM-DD strictly; raises ValueError with a plain message."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD") from None
