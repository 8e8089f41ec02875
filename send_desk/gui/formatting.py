"""How the app shows data: the one place where read models become display text.

The backend returns typed read models (dates as ``date``, ids as ``UUID``, codes as
their stored values); pages turn them into words, dd/mm/yyyy dates and colours here,
so a wording or a date format changes in one place. Add a section per feature.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import date, datetime
from typing import TYPE_CHECKING

from send_desk.domain.school_year import nc_year_label
from send_desk.timeutil import LONDON
from send_desk.timeutil import uk_date as _uk_date

if TYPE_CHECKING:
    from send_desk.backend.caseload_models import DetailValue, NextDeadline


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way every screen and letter shows a date; "" for none."""
    return _uk_date(value)


def uk_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in London time; "" for none."""
    if value is None:
        return ""
    local = value.astimezone(LONDON) if value.tzinfo else value
    return local.strftime("%d/%m/%Y %H:%M")


# ------------------------------------------------ caseload and the child record


def deadline_when(deadline: NextDeadline) -> str:
    """ "12 days overdue", "due today" or "in 3 days"."""
    days = deadline.days_left
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    return f"in {days} day{'s' if days != 1 else ''}"


def deadline_label(deadline: NextDeadline) -> str:
    """ "Final plan: 12 days overdue (due 03/11/2026)"."""
    return f"{deadline.title}: {deadline_when(deadline)} (due {uk_date(deadline.due)})"


def year_group_text(year: int) -> str:
    """ "Year 6", "Reception", "Nursery"..."""
    return nc_year_label(year)


def caseworker_text(name: str | None) -> str:
    return name or "Not allocated"


def event_details_text(details: Mapping[str, DetailValue]) -> str:
    """ "Source: parent; Decision date: 03/11/2026" (dates dd/mm/yyyy)."""
    parts = []
    for key, value in details.items():
        text = str(value).replace("_", " ")
        if key.endswith("date"):
            with suppress(ValueError):
                text = date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        parts.append(f"{key.replace('_', ' ').capitalize()}: {text}")
    return "; ".join(parts)


# ------------------------------------------------------- the statutory clock

STATUS_LABELS = {
    "met": "Met",
    "late": "Done late",
    "pending": "Due",
    "overdue": "Overdue",
    "exception": "Exception claimed",
    "info": "Date to know",
}


def status_label(status: str) -> str:
    """A milestone's status in a word ("Overdue", "Exception claimed"...)."""
    return STATUS_LABELS.get(status, status)
