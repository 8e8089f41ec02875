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


# ---------------------------------------------------------------- SEN2 return (h18-page)

SEN2_RULES = {
    "header-la": "The council's LA number",
    "header-officers": "DMO, DCO and DSCO answers",
    "codes": "A code not in its SEN2 set",
    "sex-missing": "Sex not recorded",
    "upn-missing": "No UPN, ULN or reason",
    "upn-check-letter": "UPN check letter wrong",
    "upn-duplicate": "One UPN given to two children",
    "request-source": "Who asked not recorded",
    "outcome-date": "A decision with no date",
    "date-order": "Dates out of order",
    "cease-reason": "Plan ceased with no reason",
    "one-primary-need": "Not exactly one primary need",
    "one-setting": "Setting: URN, UKPRN or SEN2 code, and rank",
    "transfer-la": "Council a plan came from not recorded",
    "plan-no-placement": "Plan with no placement at census",
    "other-codes": "Many 'other' codes",
}
SEN2_SEVERITIES = {"error": "Error", "query": "Query"}
SEN2_MODULES = {
    "header": "Header",
    "person": "Person",
    "request": "Request",
    "assessment": "Assessment",
    "named_plan": "Named plan",
    "active_plans": "Active plans",
}
SEN2_COUNTS = {
    "persons": "Persons",
    "requests": "Requests",
    "assessments": "Assessments",
    "named_plans": "Named plans",
    "active_plans": "Active plans",
    "plans_active_at_census": "Plans active at census",
    "placements": "Placements",
}


def sen2_rule(rule: str) -> str:
    """A rule in words, its id after it (the id COLLECT's guide and `sen2 check` use)."""
    words = SEN2_RULES.get(rule)
    return f"{words} ({rule})" if words else rule


def sen2_severity(severity: str) -> str:
    return SEN2_SEVERITIES.get(severity, severity)


def sen2_module(module: str) -> str:
    return SEN2_MODULES.get(module, module.replace("_", " ").capitalize())


def sen2_count(name: str) -> str:
    return SEN2_COUNTS.get(name, name.replace("_", " ").capitalize())


def sen2_who(message: str, has_child: bool) -> str:
    """Whom a problem is about: the child as its message names them (name and date of
    birth, before the first colon), or the file for the header and file-wide queries."""
    if not has_child:
        return "The whole file"
    who, _colon, _rest = message.partition(": ")
    return who


def sen2_what(message: str, has_child: bool) -> str:
    """The problem's message without the child's name in front (shown beside it)."""
    if not has_child:
        return message
    _who, colon, rest = message.partition(": ")
    return rest if colon else message

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
