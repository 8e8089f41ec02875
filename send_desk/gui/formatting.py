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


# ---------------------------------------------------------------- documents (issue 19)


def document_size(size: int) -> str:
    """A document's size as people say it: 20.0 MB, 512 KB, 30 bytes."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def document_title(title: str, withdrawn: bool, available: bool) -> str:
    """The title with what the caseworker must know before opening it."""
    marks = []
    if withdrawn:
        marks.append("withdrawn")
    if not available:
        marks.append("not on this laptop yet")
    return f"{title} ({'; '.join(marks)})" if marks else title
