"""How the app shows data: the one place where read models become display text.

The backend returns typed read models (dates as ``date``, ids as ``UUID``, codes as
their stored values); pages turn them into words, dd/mm/yyyy dates and colours here,
so a wording or a date format changes in one place. Add a section per feature.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from send_desk.backend.labels import event_details
from send_desk.domain.codes import MILESTONE_STATUS_LABELS
from send_desk.domain.school_year import nc_year_label
from send_desk.timeutil import LONDON
from send_desk.timeutil import uk_date as _uk_date

if TYPE_CHECKING:
    from send_desk.backend.caseload_models import DetailValue, NextDeadline
    from send_desk.backend.letters_models import LetterHistoryRow, MissedMilestone
    from send_desk.backend.notes_models import Attendee, FailedItem
    from send_desk.backend.supervision_models import AuditAction, NoteRef


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
    "request-date": "A decision with no request recorded",
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
# ------------------------------------------------------------------ notes
# (case notes, their checklist and search: send_desk.backend.notes_models)


def note_kind_label(code: str) -> str:
    """'phone_call' -> 'Phone call' (an unknown kind as stored)."""
    from send_desk.quality import KIND_LABELS

    return KIND_LABELS.get(code, code)


def note_role_label(code: str) -> str:
    from send_desk.quality import ROLE_LABELS

    return ROLE_LABELS.get(code, code)


def note_time(value: datetime | None) -> str:
    """When a note happened or was written up: dd/mm/yyyy HH:MM, as the caseworker gave it."""
    return f"{value:%d/%m/%Y %H:%M}" if value else "time not given"


def checklist_score(passed: int, applicable: int) -> str:
    return f"{passed}/{applicable}"


def attendees_text(attendees: Iterable[Attendee]) -> str:
    """'Sam Lee (Parent), Jo Park (SENCO)'."""
    return ", ".join(f"{a.name or '?'} ({note_role_label(a.role)})" for a in attendees)


def failed_items_text(items: Sequence[FailedItem]) -> str:
    """The checklist items a note was saved without, by name, or 'All met'."""
    from send_desk.backend.labels import criterion_label

    return ", ".join(criterion_label(item.id) for item in items) if items else "All met"


# ---------------------------------------------------------------- letters
# (templates, composed letters and saved ones: send_desk.backend.letters_models)


def letter_variant_label(code: str) -> str:
    """'large_print' -> 'Large print'."""
    from send_desk.letters.manifest import VARIANT_LABELS

    return VARIANT_LABELS.get(code, code)


def sent_via_label(code: str | None) -> str:
    """How a letter was sent ('post' -> 'Posted'); "" when it was not."""
    from send_desk.domain.letters import SENT_VIA_LABELS

    return SENT_VIA_LABELS.get(code or "", "")


def missed_milestone_text(milestone: MissedMilestone) -> str:
    """'Final plan issued: due 02/03/2026, not done yet' (the apology letter's choice)."""
    done = f", done {uk_date(milestone.done)}" if milestone.done else ", not done yet"
    return f"{milestone.title}: due {uk_date(milestone.due)}{done}"


def letter_sent_text(row: LetterHistoryRow) -> str:
    """'Emailed, 03/11/2026', 'Sent', or 'Not sent yet' for a saved letter."""
    if row.status != "sent":
        return "Not sent yet"
    how = sent_via_label(row.sent_via) or "Sent"
    return f"{how}, {uk_date(row.sent_on)}" if row.sent_on else how


# ------------------------------------------------------------- supervision
# (samples, audits, moderation, trends: send_desk.backend.supervision_models)


def grade_colours() -> dict[str, str]:
    """Each grade's colour on the charts, as the PDF report draws it ('#rrggbb')."""
    from send_desk.reports.audit_report import GRADE_COLOURS

    return {grade: "#{:02x}{:02x}{:02x}".format(*rgb) for grade, rgb in GRADE_COLOURS.items()}


def note_ref_text(note: NoteRef) -> str:
    """'Visit on 03/11/2026 – Jay Example', or 'A case note' when it is not known."""
    if note.kind is None:
        return "A case note"
    from send_desk.backend.labels import code_words
    from send_desk.quality import KIND_LABELS

    when = f" on {uk_date(note.occurred_on)}" if note.occurred_on else ""
    return f"{KIND_LABELS.get(note.kind, code_words(note.kind))}{when} – {note.child_name}"


def audit_action_owner(action: AuditAction) -> str:
    """My day's "Who" of an audit's action: the caseworker, and the audit's grade."""
    from send_desk.backend.labels import grade_label

    return f"{action.caseworker or 'Not known'} (audit: {grade_label(action.overall)})"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: its first letter lower case, unless the
    first word is an acronym ("SEN2 return"); "Section A sounds like the family" ->
    "section A sounds like the family", not "section a sounds..."."""
    if label[1:2].isupper() or label[1:2].isdigit():
        return label
    return label[:1].lower() + label[1:]


def share(rate: float | None) -> str:
    """0.5 -> '50%'; 'n/a' when there was nothing to count."""
    return "n/a" if rate is None else f"{rate:.0%}"


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


def event_details_text(type_id: str, details: Mapping[str, DetailValue]) -> str:
    """ "Who asked: School or setting; In relevant youth accommodation (custody) when
    asking: No" -- the event type's field labels and plain values."""
    return "; ".join(f"{label}: {value}" for label, value in event_details(type_id, details))


# ------------------------------------------------------- the statutory clock

STATUS_LABELS = MILESTONE_STATUS_LABELS


def status_label(status: str) -> str:
    """A milestone's status in a word ("Overdue", "Exception claimed"...)."""
    return STATUS_LABELS.get(status, status)


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
