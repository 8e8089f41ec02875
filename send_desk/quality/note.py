"""The structured case note of the case-note standard, read from JSON-like data.

:func:`parse_note` turns the document of ``shared/reference/case-note-standard.md``
into a :class:`StructuredNote`. It refuses only what cannot be a note at all (a
value of the wrong type, an unknown kind, an impossible date), naming the item in
the message; gaps in content (no purpose, an attendee with no name, an action with
no owner) are kept as they are, for the checklist to report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from send_desk.timeutil import LONDON

KINDS = ("visit", "phone_call", "meeting", "review_meeting", "panel", "email", "letter", "other")
KIND_LABELS = {
    "visit": "Visit",
    "phone_call": "Phone call",
    "meeting": "Meeting",
    "review_meeting": "Review meeting",
    "panel": "Panel",
    "email": "Email",
    "letter": "Letter",
    "other": "Other contact",
}
ROLES = (
    "parent",
    "carer",
    "young_person",
    "child",
    "caseworker",
    "senco",
    "teacher",
    "educational_psychologist",
    "health",
    "social_care",
    "interpreter",
    "advocate",
    "other",
)
ROLE_LABELS = {
    "parent": "Parent",
    "carer": "Carer",
    "young_person": "Young person",
    "child": "Child",
    "caseworker": "Caseworker",
    "senco": "SENCO",
    "teacher": "Teacher",
    "educational_psychologist": "Educational psychologist",
    "health": "Health professional",
    "social_care": "Social care",
    "interpreter": "Interpreter",
    "advocate": "Advocate",
    "other": "Other",
}
FAMILY_ROLES = frozenset({"parent", "carer", "young_person", "child"})
# Other words for the standard's roles, as caseworkers write them.
ROLE_SYNONYMS = {
    "mother": "parent",
    "father": "parent",
    "mum": "parent",
    "dad": "parent",
    "parent_carer": "parent",
    "guardian": "parent",
    "special_guardian": "carer",
    "foster_carer": "carer",
    "kinship_carer": "carer",
    "grandparent_carer": "carer",
    "yp": "young_person",
    "young_adult": "young_person",
    "pupil": "child",
    "senco": "senco",
    "sendco": "senco",
    "ep": "educational_psychologist",
    "psychologist": "educational_psychologist",
    "translator": "interpreter",
    "social_worker": "social_care",
    "case_worker": "caseworker",
    "send_officer": "caseworker",
    "ehc_coordinator": "caseworker",
}
TEXT_FIELDS = (
    "purpose",
    "body",
    "child_voice",
    "child_voice_not_obtained_reason",
    "parent_views",
    "reason_no_family",
)
NOTE_FIELDS = (
    "kind",
    "occurred_at",
    "recorded_at",
    "attendees",
    *TEXT_FIELDS,
    "decisions",
    "actions",
)


class NoteFormatError(ValueError):
    """The document is not a note; ``item`` names the offending part (``actions[1].due``)."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}" if item else message)
        self.item = item
        self.message = message


@dataclass
class Attendee:
    name: str = ""
    role: str = ""
    relationship: str = ""


@dataclass
class Decision:
    decision: str = ""
    reasons: str = ""
    parent_request: str = ""
    matches_request: bool | None = None
    explanation: str = ""


@dataclass
class Action:
    what: str = ""
    owner: str = ""
    due: date | None = None


@dataclass
class StructuredNote:
    """One note as written; times are Europe/London wall-clock times."""

    kind: str = "other"
    occurred_at: datetime | None = None
    recorded_at: datetime | None = None
    attendees: list[Attendee] = field(default_factory=list)
    purpose: str = ""
    body: str = ""
    child_voice: str = ""
    child_voice_not_obtained_reason: str = ""
    parent_views: str = ""
    reason_no_family: str = ""
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The note as the standard's JSON document (times as YYYY-MM-DDTHH:MM)."""
        data = asdict(self)
        data["occurred_at"] = iso_minutes(self.occurred_at)
        data["recorded_at"] = iso_minutes(self.recorded_at)
        for action in data["actions"]:
            action["due"] = action["due"].isoformat() if action["due"] else None
        return data


def iso_minutes(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M:%S" if value.second else "%Y-%m-%dT%H:%M")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_when(value: Any, item: str) -> datetime | None:
    """A date and time as written (ISO 8601); an offset is converted to London time.

    A date alone is taken as the start of that day. Blank or missing gives None.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise NoteFormatError(item, f"{value!r} is not a date and time (use YYYY-MM-DDTHH:MM)")
    text = value.strip()
    if not text:
        return None
    if not (_ISO_DATE.match(text) or _ISO_DATETIME.match(text)):
        raise NoteFormatError(item, f"'{value}' is not a date and time (use YYYY-MM-DDTHH:MM)")
    try:
        parsed = datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise NoteFormatError(item, f"'{value}' is not a real date and time") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(LONDON).replace(tzinfo=None)
    return parsed


def parse_due(value: Any, item: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise NoteFormatError(item, f"{value!r} is not a date (use YYYY-MM-DD)")
    text = value.strip()
    if not text:
        return None
    if _ISO_DATETIME.match(text):
        when = parse_when(text, item)
        return when.date() if when else None
    if not _ISO_DATE.match(text):
        raise NoteFormatError(item, f"'{value}' is not a date (use YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NoteFormatError(item, f"'{value}' is not a real date") from None


def _text(data: Mapping[str, Any], key: str, item: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise NoteFormatError(f"{item}{key}", f"{value!r} is not text")
    return value.strip()


def _code(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").split())


def _role(value: str) -> str:
    code = _code(value)
    return ROLE_SYNONYMS.get(code, code)


def _objects(data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        raise NoteFormatError(key, "must be a list")
    items = []
    for index, entry in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(entry, Mapping):
            raise NoteFormatError(where, "must be an object")
        items.append((where, entry))
    return items


def _flag(value: Any, item: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    raise NoteFormatError(item, f"{value!r} is not true or false")


def parse_note(data: Any) -> StructuredNote:
    """Read a note document; raises NoteFormatError naming the item that is wrong."""
    if not isinstance(data, Mapping):
        raise NoteFormatError("", 'a note is a JSON object such as {"kind": "visit", ...}')
    raw_kind = data.get("kind")
    if raw_kind is None or (isinstance(raw_kind, str) and not raw_kind.strip()):
        raise NoteFormatError("kind", f"is needed (one of {', '.join(KINDS)})")
    if not isinstance(raw_kind, str) or _code(raw_kind) not in KINDS:
        raise NoteFormatError("kind", f"{raw_kind!r} is not one of {', '.join(KINDS)}")
    note = StructuredNote(kind=_code(raw_kind))
    note.occurred_at = parse_when(data.get("occurred_at"), "occurred_at")
    note.recorded_at = parse_when(data.get("recorded_at"), "recorded_at")
    for key in TEXT_FIELDS:
        setattr(note, key, _text(data, key, ""))
    for where, entry in _objects(data, "attendees"):
        attendee = Attendee(
            name=" ".join(_text(entry, "name", f"{where}.").split()),
            role=_role(_text(entry, "role", f"{where}.")),
            relationship=_text(entry, "relationship", f"{where}."),
        )
        if attendee.name or attendee.role or attendee.relationship:
            note.attendees.append(attendee)
    for where, entry in _objects(data, "decisions"):
        decision = Decision(
            decision=_text(entry, "decision", f"{where}."),
            reasons=_text(entry, "reasons", f"{where}."),
            parent_request=_text(entry, "parent_request", f"{where}."),
            matches_request=_flag(entry.get("matches_request"), f"{where}.matches_request"),
            explanation=_text(entry, "explanation", f"{where}."),
        )
        if decision != Decision():
            note.decisions.append(decision)
    for where, entry in _objects(data, "actions"):
        action = Action(
            what=_text(entry, "what", f"{where}."),
            owner=_text(entry, "owner", f"{where}."),
            due=parse_due(entry.get("due"), f"{where}.due"),
        )
        if action.what or action.owner or action.due:
            note.actions.append(action)
    return note


def unknown_fields(data: Mapping[str, Any]) -> list[str]:
    """Top-level keys a note document has that the standard does not define."""
    return sorted(key for key in data if key not in NOTE_FIELDS)
