"""How the app shows data: the one place where read models become display text.

The backend returns typed read models (dates as ``date``, ids as ``UUID``, codes as
their stored values); pages turn them into words, dd/mm/yyyy dates and colours here,
so a wording or a date format changes in one place. Add a section per feature.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from send_desk.timeutil import LONDON
from send_desk.timeutil import uk_date as _uk_date

if TYPE_CHECKING:
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


def share(rate: float | None) -> str:
    """0.5 -> '50%'; 'n/a' when there was nothing to count."""
    return "n/a" if rate is None else f"{rate:.0%}"
