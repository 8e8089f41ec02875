"""How the app shows data: the one place where read models become display text.

The backend returns typed read models (dates as ``date``, ids as ``UUID``, codes as
their stored values); pages turn them into words, dd/mm/yyyy dates and colours here,
so a wording or a date format changes in one place. Add a section per feature.
"""

from __future__ import annotations

from datetime import date, datetime

from send_desk.timeutil import LONDON
from send_desk.timeutil import uk_date as _uk_date


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way every screen and letter shows a date; "" for none."""
    return _uk_date(value)


def uk_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in London time; "" for none."""
    if value is None:
        return ""
    local = value.astimezone(LONDON) if value.tzinfo else value
    return local.strftime("%d/%m/%Y %H:%M")


# ---------------------------------------------------------------- correspondence,
# callbacks and complaints (backend.correspondence's read models)


def _table(name: str) -> dict[str, str]:
    # on first use: the labels load the services, which the unlock window must not wait for
    from send_desk.backend import correspondence_labels

    table: dict[str, str] = getattr(correspondence_labels, name)
    return table


def item_status(code: str) -> str:
    """An item's status in words ("Awaiting response", "Answered late"...)."""
    return _table("ITEM_STATUS_LABELS").get(code, code)


def callback_status(code: str) -> str:
    return _table("CALLBACK_STATUS_LABELS").get(code, code)


def complaint_status(code: str) -> str:
    return _table("COMPLAINT_STATUS_LABELS").get(code, code)


def channel(code: str | None) -> str:
    """Email, letter, phone call...; "" for none."""
    return _table("CHANNEL_LABELS").get(code or "", code or "")


def direction(code: str) -> str:
    return _table("DIRECTION_LABELS").get(code, code)


def response_kind(code: str | None) -> str:
    return _table("RESPONSE_LABELS").get(code or "", "")


def confirmation(code: str | None) -> str:
    """How a callback was confirmed to the family; "Not yet" until it was."""
    return _table("CONFIRMATION_LABELS").get(code or "", "Not yet")


def callback_when(moment: datetime) -> str:
    """A callback's time as the lists say it: 11:15 on 20/11/2026."""
    return f"{moment:%H:%M} on {uk_date(moment.date())}"


def days_left(days: int | None) -> str:
    """Days to go in words: "today", "in 3 days", "2 days late"; "" for none."""
    if days is None:
        return ""
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days late"
