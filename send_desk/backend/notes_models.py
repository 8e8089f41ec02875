"""What the notes facade returns and takes: case notes, their checklist, drafts, search hits.

Frozen read models (ids as ``UUID``, times as ``datetime``, kinds and roles as their
codes); the GUI words them through ``send_desk.gui.formatting``. A note's content
travels as the case-note standard's JSON document (:data:`NoteDocument`), the form
``send-desk check-note`` reads, because a draft may hold any half-typed state of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from send_desk.backend.changes import ChangeKind, Changes

# The case-note standard's document (shared/reference/case-note-standard.md): kind,
# occurred_at, attendees, purpose, body... as JSON values; checked by parse_note.
NoteDocument = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Choice:
    """A stored code and its words (a note kind, an attendee's role)."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Criterion:
    """One item of the case-note checklist; ``field`` is the part of the note it reads."""

    id: str
    label: str
    field: str


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    in_full: tuple[str, ...]
    plain: str


@dataclass(frozen=True, slots=True)
class NoteVocabulary:
    """Kinds, roles, checklist items and the glossary, for the note editor."""

    kinds: tuple[Choice, ...]
    roles: tuple[Choice, ...]
    criteria: tuple[Criterion, ...]
    acronyms: Mapping[str, GlossaryEntry]
    plain_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcronymUse:
    """An acronym not spelled out at its first use; ``start`` is its offset in the body."""

    acronym: str
    written: str
    start: int
    in_full: tuple[str, ...]  # empty: not in the glossary


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One criterion's verdict on the note in the editor."""

    id: str
    label: str
    field: str
    applies: bool
    passed: bool
    message: str
    details: tuple[str, ...] = ()
    acronyms: tuple[AcronymUse, ...] = ()  # acronyms_explained: those to spell out
    long_sentences: tuple[str, ...] = ()  # plain_language: the sentences too long

    @property
    def state(self) -> str:
        """passed, failed, or n/a (the criterion does not apply to this note)."""
        if not self.applies:
            return "n/a"
        return "passed" if self.passed else "failed"


@dataclass(frozen=True, slots=True)
class FormatProblem:
    """Why the editor's document cannot be read as a note (``item`` names the part)."""

    item: str | None
    message: str


@dataclass(frozen=True, slots=True)
class NoteCheck:
    """The live checklist: ``problem`` set (and no items) when the note cannot be read."""

    items: tuple[ChecklistItem, ...]
    passed: int
    applicable: int
    problem: FormatProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def failed(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.items if item.state == "failed")

    def item(self, criterion_id: str) -> ChecklistItem | None:
        return next((item for item in self.items if item.id == criterion_id), None)


@dataclass(frozen=True, slots=True)
class FailedItem:
    """A checklist item not met when the note was saved (kept with the note)."""

    id: str
    message: str


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    role: str
    relationship: str


@dataclass(frozen=True, slots=True)
class NoteSummary:
    """One version of a case note.

    In a child's list it is the current version and ``versions`` counts them all; in a
    note's history ``changed`` names the fields this version changed."""

    note_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    child_id: uuid.UUID
    supersedes_id: uuid.UUID | None
    superseded: bool
    kind: str
    occurred_at: datetime | None
    recorded_at: datetime | None
    saved_at: datetime | None
    author: str | None
    author_id: uuid.UUID | None
    amendment_reason: str | None
    failed_items: tuple[FailedItem, ...]
    checklist_passed: int
    checklist_applicable: int
    summary: str
    attendees: tuple[Attendee, ...]
    note: NoteDocument
    versions: int = 1
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SavedNote:
    """A note just saved (or amended): its ids and the checklist it was saved with."""

    note_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    child_id: uuid.UUID
    passed: int
    applicable: int
    failed_items: tuple[FailedItem, ...]
    ignored_fields: tuple[str, ...]

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.NOTES, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class NoteDraftRow:
    """What was typed and not saved; ``note_id`` is the note being amended, if any."""

    draft_id: uuid.UUID
    child_id: uuid.UUID
    note_id: uuid.UUID | None
    updated_at: datetime
    content: NoteDocument


@dataclass(frozen=True, slots=True)
class NoteAction:
    """An action from a case note, due or overdue (My day)."""

    child_id: uuid.UUID
    child_name: str
    what: str
    owner: str  # the person: a role meaning "the caseworker" is their name
    due: date
    days_left: int  # negative when overdue
    status: str  # overdue, due_today, due
    note_id: uuid.UUID
    version_id: uuid.UUID
    note_kind: str
    note_date: date | None


@dataclass(frozen=True, slots=True)
class NoteHit:
    """A note found by a search, with the words found marked in its snippet."""

    note_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    child_id: uuid.UUID
    child_name: str
    kind: str
    occurred_at: datetime | None
    author: str | None
    purpose: str | None
    superseded: bool
    checklist_passed: int
    checklist_applicable: int
    snippet: str  # the found words between « and »
    snippet_html: str  # escaped, the found words in <b>
    score: float


@dataclass(frozen=True, slots=True)
class ChronologyWritten:
    path: str
    entries: int


__all__ = [
    "AcronymUse",
    "Attendee",
    "ChecklistItem",
    "Choice",
    "ChronologyWritten",
    "Criterion",
    "FailedItem",
    "FormatProblem",
    "GlossaryEntry",
    "NoteAction",
    "NoteCheck",
    "NoteDocument",
    "NoteDraftRow",
    "NoteHit",
    "NoteSummary",
    "NoteVocabulary",
    "SavedNote",
]
