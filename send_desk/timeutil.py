"""Dates and times: UTC instants for records, Europe/London dates for deadlines."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC)


def london_today() -> date:
    return datetime.now(LONDON).date()


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month ``back`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way every screen and letter shows a date."""
    return value.strftime("%d/%m/%Y") if value else ""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> date:
    """Parse YYYY-MM-DD strictly (not 20260105 or 2026-W02); a plain ValueError otherwise."""
    value = text.strip()
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD") from None
