"""Case notes for the desktop app: checklist, save with confirmation, amend, history,
drafts, actions due, search and the chronology (``backend.notes``).

One short-lived Session per call, so the note editor can call these from a background
op; the live checklist (:meth:`NotesApi.check`) needs no store at all.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.day import owner_person
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.notes_models import (
    AcronymUse,
    Attendee,
    ChecklistItem,
    Choice,
    ChronologyWritten,
    Criterion,
    FailedItem,
    FormatProblem,
    GlossaryEntry,
    NoteAction,
    NoteCheck,
    NoteDocument,
    NoteDraftRow,
    NoteHit,
    NoteSummary,
    NoteVocabulary,
    SavedNote,
)
from send_desk.domain.children import Allocation
from send_desk.domain.notes import NoteDraft
from send_desk.domain.organisation import User
from send_desk.quality import (
    KIND_LABELS,
    KINDS,
    ROLE_LABELS,
    ROLES,
    ItemResult,
    NoteFormatError,
    check_note,
    default_checklist,
    default_glossary,
    parse_note,
)
from send_desk.services import notes as notes_service
from send_desk.services import search as search_service
from send_desk.services.notes import ChecklistNotMet

# A save removes the note's draft while the editor may be keeping the same draft from
# another thread (autosave a second after typing). Both go through this lock, so the
# draft is never updated after the save deleted it, nor brought back once it is gone.
_NOTE_WRITES = threading.RLock()
_KIND_CODES = {label: code for code, label in KIND_LABELS.items()}


def _optional_id(value: str | uuid.UUID | None, what: str = "record") -> uuid.UUID | None:
    if value is None or value == "":
        return None
    return record_id(value, what)


def _uuid(text: object) -> uuid.UUID:
    return uuid.UUID(str(text))


def _maybe_uuid(text: object) -> uuid.UUID | None:
    return uuid.UUID(str(text)) if text else None


def _when(text: object) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


def _failed(items: Iterable[Mapping[str, Any]]) -> tuple[FailedItem, ...]:
    return tuple(FailedItem(str(item["id"]), str(item.get("message") or "")) for item in items)


def _summary(row: Mapping[str, Any]) -> NoteSummary:
    """A version as notes_service words it, read into the model (no display labels)."""
    note: Mapping[str, Any] = row["note"]
    return NoteSummary(
        note_id=_uuid(row["note_id"]),
        version_id=_uuid(row["version_id"]),
        version=int(row["version"]),
        child_id=_uuid(row["child_id"]),
        supersedes_id=_maybe_uuid(row["supersedes_id"]),
        superseded=bool(row["superseded"]),
        kind=str(row["kind"]),
        occurred_at=_when(note.get("occurred_at")),
        recorded_at=_when(note.get("recorded_at")),
        saved_at=_when(row["saved_at"]),
        author=row["author"],
        author_id=_maybe_uuid(row["author_id"]),
        amendment_reason=row["amendment_reason"],
        failed_items=_failed(row["failed_items"]),
        checklist_passed=int(row["checklist_passed"]),
        checklist_applicable=int(row["checklist_applicable"]),
        summary=str(row["summary"]),
        attendees=tuple(
            Attendee(
                str(person.get("name") or ""),
                str(person.get("role") or ""),
                str(person.get("relationship") or ""),
            )
            for person in note.get("attendees") or []
        ),
        note=note,
        versions=int(row.get("versions", 1)),
        changed=tuple(row.get("changed", ())),
    )


def _saved(data: Mapping[str, Any]) -> SavedNote:
    checklist: Mapping[str, Any] = data["checklist"]
    return SavedNote(
        note_id=_uuid(data["note_id"]),
        version_id=_uuid(data["version_id"]),
        version=int(data["version"]),
        child_id=_uuid(data["child_id"]),
        passed=int(checklist["passed"]),
        applicable=int(checklist["applicable"]),
        failed_items=_failed(data["failed_items"]),
        ignored_fields=tuple(data["ignored_fields"]),
    )


def _draft(data: Mapping[str, Any]) -> NoteDraftRow:
    content = data["content"]
    return NoteDraftRow(
        draft_id=_uuid(data["draft_id"]),
        child_id=_uuid(data["child_id"]),
        note_id=_maybe_uuid(data["note_id"]),
        updated_at=datetime.fromisoformat(data["updated_at"]),
        content=content if isinstance(content, dict) else {},
    )


def _hit(row: Mapping[str, Any]) -> NoteHit:
    return NoteHit(
        note_id=_uuid(row["note_id"]),
        version_id=_uuid(row["version_id"]),
        version=int(row["version"]),
        child_id=_uuid(row["child_id"]),
        child_name=str(row["child_name"]),
        kind=str(row["kind"]),
        occurred_at=_when(row["occurred_at"]),
        author=row["author"],
        purpose=row["purpose"],
        superseded=bool(row["superseded"]),
        checklist_passed=int(str(row["checklist_label"]).split("/")[0]),
        checklist_applicable=int(str(row["checklist_label"]).split("/")[1]),
        snippet=str(row["snippet"]),
        snippet_html=str(row["snippet_html"]),
        score=float(row["score"]),
    )


def _current_caseworkers(session: Session, child_ids: set[str]) -> dict[str, str]:
    """Child id -> the name of the caseworker allocated now."""
    if not child_ids:
        return {}
    query = (
        select(Allocation.child_id, User.display_name)
        .join(User, col(User.id) == Allocation.caseworker_id)
        .where(
            col(Allocation.child_id).in_([uuid.UUID(c) for c in child_ids]),
            col(Allocation.end_date).is_(None),
        )
    )
    return {str(child): name for child, name in session.exec(query).all()}


def _checklist_item(item: ItemResult) -> ChecklistItem:
    """quality's ItemResult as the editor reads it (its free-form extras named)."""
    extra: Mapping[str, Any] = item.extra
    return ChecklistItem(
        id=item.id,
        label=item.label,
        field=item.field,
        applies=item.applies,
        passed=item.passed,
        message=item.message,
        details=tuple(item.details),
        acronyms=tuple(
            AcronymUse(
                acronym=str(use["acronym"]),
                written=str(use["written"]),
                start=int(use["start"]),
                in_full=tuple(use["in_full"]),
            )
            for use in extra.get("acronyms", ())
        ),
        long_sentences=tuple(extra.get("long_sentences", ())),
    )


class NotesApi:
    """Case notes: checklist, save with confirmation, amend, history, drafts, search."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    # ------------------------------------------------------------- checklist

    @staticmethod
    def vocabulary() -> NoteVocabulary:
        """Kinds, roles, checklist items and the glossary's acronyms for the editor."""
        glossary = default_glossary()
        return NoteVocabulary(
            kinds=tuple(Choice(kind, KIND_LABELS[kind]) for kind in KINDS),
            roles=tuple(Choice(role, ROLE_LABELS[role]) for role in ROLES),
            criteria=tuple(Criterion(c.id, c.label, c.field) for c in default_checklist().criteria),
            acronyms={
                key: GlossaryEntry(tuple(entry.in_full), entry.plain)
                for key, entry in glossary.acronyms.items()
            },
            plain_words=tuple(sorted(glossary.plain_words)),
        )

    @staticmethod
    def check(document: NoteDocument) -> NoteCheck:
        """The live checklist for what is in the editor (no store involved)."""
        try:
            note = parse_note(document)
        except NoteFormatError as error:
            return NoteCheck((), 0, 0, FormatProblem(error.item, error.message))
        result = check_note(note)
        return NoteCheck(
            items=tuple(_checklist_item(item) for item in result.items),
            passed=result.passed,
            applicable=result.applicable,
        )

    @staticmethod
    def now_for_note() -> datetime:
        """The time a new note starts with (London wall clock, to the minute)."""
        from send_desk.timeutil import LONDON

        return datetime.now(LONDON).replace(tzinfo=None, second=0, microsecond=0)

    # ------------------------------------------------------------------ notes

    def save(
        self,
        child_id: str | uuid.UUID,
        document: NoteDocument,
        *,
        accept_failed: bool = False,
        draft_id: str | uuid.UUID | None = None,
    ) -> SavedNote:
        """Save a new note. Raises ChecklistNotMet (items not met, not confirmed) or
        ValidationFailed. The draft, if any, is removed in the same transaction."""
        child = record_id(child_id, "child")
        draft = _optional_id(draft_id, "draft")
        with _NOTE_WRITES, self._access.write() as session:
            saved = notes_service.add_note(session, child, document, accept_failed=accept_failed)
            if draft is not None:
                notes_service.discard_draft(session, draft)
        return _saved(saved)

    def amend(
        self,
        note_id: str | uuid.UUID,
        document: NoteDocument,
        reason: str,
        *,
        accept_failed: bool = False,
        draft_id: str | uuid.UUID | None = None,
    ) -> SavedNote:
        note = record_id(note_id, "note")
        draft = _optional_id(draft_id, "draft")
        with _NOTE_WRITES, self._access.write() as session:
            saved = notes_service.amend_note(
                session, note, document, reason=reason, accept_failed=accept_failed
            )
            if draft is not None:
                notes_service.discard_draft(session, draft)
        return _saved(saved)

    def child_notes(self, child_id: str | uuid.UUID) -> tuple[NoteSummary, ...]:
        """The child's notes (current versions), most recent first."""
        child = record_id(child_id, "child")
        with self._access.read() as session:
            rows = notes_service.list_notes(session, child)
        return tuple(_summary(row) for row in rows)

    def history(self, note_id: str | uuid.UUID) -> tuple[NoteSummary, ...]:
        """Every version of a note, oldest first."""
        note = record_id(note_id, "note")
        with self._access.read() as session:
            rows = notes_service.note_history(session, note)
        return tuple(_summary(row) for row in rows)

    # ----------------------------------------------------------------- drafts

    def save_draft(
        self,
        child_id: str | uuid.UUID,
        content: NoteDocument,
        *,
        draft_id: str | uuid.UUID | None = None,
        note_id: str | uuid.UUID | None = None,
    ) -> uuid.UUID | None:
        """Keep what is typed; the draft's id, or None when ``draft_id`` names a draft
        that is gone: the note it belonged to was saved (or the draft discarded), so
        there is nothing left to keep and it must not come back as "unsaved"."""
        wanted = _optional_id(draft_id, "draft")
        child = record_id(child_id, "child")
        note = _optional_id(note_id, "note")
        with _NOTE_WRITES:
            try:
                with self._access.write() as session:
                    if wanted is not None and session.get(NoteDraft, wanted) is None:
                        return None
                    return notes_service.save_draft(
                        session, child_id=child, content=content, draft_id=wanted, note_id=note
                    )
            except StaleDataError:
                # deleted by another process between reading and writing it
                return None

    def drafts(self, child_id: str | uuid.UUID | None = None) -> tuple[NoteDraftRow, ...]:
        """Drafts left unsaved (for example by a crash), newest first."""
        child = _optional_id(child_id, "child")
        with self._access.read() as session:
            rows = notes_service.list_drafts(session, child)
        return tuple(_draft(row) for row in rows)

    def discard_draft(self, draft_id: str | uuid.UUID) -> None:
        draft = record_id(draft_id, "draft")
        with _NOTE_WRITES, self._access.write() as session:
            notes_service.discard_draft(session, draft)

    # ---------------------------------------------------------------- actions

    def actions_due(
        self,
        *,
        caseworker_id: str | uuid.UUID | None = None,
        days_ahead: int = 14,
        child_id: str | uuid.UUID | None = None,
        overdue_days: int = 60,
        limit: int = 500,
    ) -> tuple[NoteAction, ...]:
        """Actions from case notes due within ``days_ahead`` days, and those overdue by
        up to ``overdue_days``, soonest first, for "My day": for a caseworker, on the
        children allocated to them (``caseworker_id`` None: everyone's)."""
        today = self._access.today()
        child = _optional_id(child_id, "child")
        with self._access.read() as session:
            rows = notes_service.actions_due(
                session,
                until=today + timedelta(days=days_ahead),
                caseworker_id=_optional_id(caseworker_id, "user"),
                child_ids=[child] if child is not None else None,
                today=today,
                since=today - timedelta(days=overdue_days),
                limit=limit,
            )
            caseworkers = _current_caseworkers(session, {row["child_id"] for row in rows})
        return tuple(
            NoteAction(
                child_id=_uuid(row["child_id"]),
                child_name=row["child_name"],
                what=row["what"],
                owner=owner_person(row["owner"], caseworkers.get(row["child_id"])),
                due=date.fromisoformat(row["due"]),
                days_left=int(row["days_left"]),
                status=row["status"],
                note_id=_uuid(row["note_id"]),
                version_id=_uuid(row["version_id"]),
                # the service words the note for the CLI; the model carries the code
                note_kind=_KIND_CODES.get(row["note_kind"], row["note_kind"]),
                note_date=(
                    datetime.strptime(row["note_date"], "%d/%m/%Y").date()
                    if row["note_date"]
                    else None
                ),
            )
            for row in rows
        )

    # ----------------------------------------------------------------- search

    def search(
        self,
        text: str,
        *,
        child_id: str | uuid.UUID | None = None,
        caseworker_id: str | uuid.UUID | None = None,
        kind: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 100,
    ) -> tuple[NoteHit, ...]:
        """Notes matching ``text``, best first."""
        query = search_service.NoteQuery(
            text=text,
            child_id=_optional_id(child_id, "child"),
            caseworker_id=_optional_id(caseworker_id, "user"),
            kind=kind or None,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
        with self._access.read() as session:
            rows = search_service.search_notes(session, query)
        return tuple(_hit(row) for row in rows)

    def chronology_pdf(self, child_id: str | uuid.UUID, target: str | Path) -> ChronologyWritten:
        """Write the child's chronology (notes and statutory events) as a PDF."""
        from send_desk.reports.chronology import chronology_data, render_pdf

        child = record_id(child_id, "child")
        with self._access.read() as session:
            data = chronology_data(
                session,
                child,
                today=self._access.today(),
                generated_by=_signed_in_name(self._access, session),
            )
        try:
            written = render_pdf(data, Path(target))
        except OSError as error:
            raise ValidationFailed(
                f"The chronology could not be written to {target}: {error}"
            ) from None
        return ChronologyWritten(str(written), len(data.entries))


def _signed_in_name(access: StoreAccess, session: Session) -> str | None:
    """The display name of the user this store is signed in as (None for a fresh store)."""
    user_id = access.store.info.user_id
    user = session.get(User, user_id) if user_id is not None else None
    return user.display_name if user is not None else None


__all__ = ["ChecklistNotMet", "NotesApi"]
