"""Quality checks of case notes: the structured note, the checklist as data, the checker.

Public API::

    parse_note(data) -> StructuredNote          (raises NoteFormatError naming the item)
    check_note(note, *, checklist=None, glossary=None, calendar=None) -> CheckResult
    default_checklist() / load_checklist(path) -> Checklist
    default_glossary() / load_glossary(path) -> Glossary
"""

from send_desk.quality.checker import CheckResult, ItemResult, check_note
from send_desk.quality.checklist import (
    CRITERIA_IDS,
    Checklist,
    ChecklistError,
    default_checklist,
    load_checklist,
)
from send_desk.quality.glossary import Acronym, Glossary, default_glossary, load_glossary
from send_desk.quality.note import (
    KIND_LABELS,
    KINDS,
    ROLE_LABELS,
    ROLES,
    Action,
    Attendee,
    Decision,
    NoteFormatError,
    StructuredNote,
    parse_note,
)

__all__ = [
    "CRITERIA_IDS",
    "KINDS",
    "KIND_LABELS",
    "ROLES",
    "ROLE_LABELS",
    "Acronym",
    "Action",
    "Attendee",
    "CheckResult",
    "Checklist",
    "ChecklistError",
    "Decision",
    "Glossary",
    "ItemResult",
    "NoteFormatError",
    "StructuredNote",
    "check_note",
    "default_checklist",
    "default_glossary",
    "load_checklist",
    "load_glossary",
    "parse_note",
]
