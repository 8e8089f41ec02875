"""The backend's case-note operations (mixed into :class:`~send_desk.backend.Backend`).

Plain data in and out, one short-lived Session per call, so the note editor can call
these from a background op. The checklist itself (:meth:`check_note`) needs no store.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from send_desk.backend.day import owner_person
from send_desk.backend.errors import ValidationFailed
from send_desk.domain.children import Allocation
from send_desk.domain.notes import NoteDraft
from send_desk.domain.organisation import User
from send_desk.quality import (
    KIND_LABELS,
    KINDS,
    ROLE_LABELS,
    ROLES,
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


def _id(value: str | uuid.UUID | None) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a record id") from None


def _required(value: str | uuid.UUID) -> uuid.UUID:
    found = _id(value)
    if found is None:
        raise ValidationFailed("a record id is needed")
    return found


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


class NotesMixin:
    """Case notes: checklist, save with confirmation, amend, history, drafts, search."""

    _read: Any
    _write: Any
    _today: Callable[[], date]

    def _session_read(self) -> AbstractContextManager[Session]:
        reader: AbstractContextManager[Session] = self._read()
        return reader

    # ------------------------------------------------------------- checklist

    @staticmethod
    def note_vocabulary() -> dict[str, Any]:
        """Kinds, roles, checklist labels and the glossary's acronyms for the editor."""
        glossary = default_glossary()
        checklist = default_checklist()
        return {
            "kinds": [(kind, KIND_LABELS[kind]) for kind in KINDS],
            "roles": [(role, ROLE_LABELS[role]) for role in ROLES],
            "criteria": [
                {"id": c.id, "label": c.label, "field": c.field} for c in checklist.criteria
            ],
            "acronyms": {
                key: {"in_full": list(entry.in_full), "plain": entry.plain}
                for key, entry in glossary.acronyms.items()
            },
            "plain_words": sorted(glossary.plain_words),
        }

    @staticmethod
    def check_note(document: Mapping[str, Any]) -> dict[str, Any]:
        """The live checklist for what is in the editor (no store involved).

        Returns {"ok": bool, "error": {"item", "message"} | None, "items": [...],
        "passed", "applicable"}; an item has id, label, field, applies, passed,
        message, details and extra (acronyms to expand, long sentences).
        """
        try:
            note = parse_note(document)
        except NoteFormatError as error:
            return {"ok": False, "error": {"item": error.item, "message": error.message},
                    "items": [], "passed": 0, "applicable": 0}  # fmt: skip
        result = check_note(note)
        return {
            "ok": True,
            "error": None,
            "items": [
                {
                    "id": item.id,
                    "label": item.label,
                    "field": item.field,
                    "applies": item.applies,
                    "passed": item.passed,
                    "message": item.message,
                    "details": list(item.details),
                    "extra": dict(item.extra),
                }
                for item in result.items
            ],
            "passed": result.passed,
            "applicable": result.applicable,
        }

    # ------------------------------------------------------------------ notes

    def save_note(
        self,
        child_id: str,
        document: Mapping[str, Any],
        *,
        accept_failed: bool = False,
        draft_id: str | None = None,
    ) -> dict[str, Any]:
        """Save a new note. Raises ChecklistNotMet (items not met, not confirmed) or
        ValidationFailed. The draft, if any, is removed in the same transaction."""
        with _NOTE_WRITES, self._write() as session:
            saved = notes_service.add_note(
                session, _required(child_id), document, accept_failed=accept_failed
            )
            if draft_id:
                notes_service.discard_draft(session, _required(draft_id))
        return saved

    def amend_note(
        self,
        note_id: str,
        document: Mapping[str, Any],
        reason: str,
        *,
        accept_failed: bool = False,
        draft_id: str | None = None,
    ) -> dict[str, Any]:
        with _NOTE_WRITES, self._write() as session:
            saved = notes_service.amend_note(
                session, _required(note_id), document, reason=reason, accept_failed=accept_failed
            )
            if draft_id:
                notes_service.discard_draft(session, _required(draft_id))
        return saved

    def child_notes(self, child_id: str) -> list[dict[str, Any]]:
        with self._session_read() as session:
            return notes_service.list_notes(session, _required(child_id))

    def note_history(self, note_id: str) -> list[dict[str, Any]]:
        with self._session_read() as session:
            return notes_service.note_history(session, _required(note_id))

    # ----------------------------------------------------------------- drafts

    def save_note_draft(
        self,
        child_id: str,
        content: Mapping[str, Any],
        *,
        draft_id: str | None = None,
        note_id: str | None = None,
    ) -> str | None:
        """Keep what is typed; the draft's id, or None when ``draft_id`` names a draft
        that is gone: the note it belonged to was saved (or the draft discarded), so
        there is nothing left to keep and it must not come back as "unsaved"."""
        wanted = _id(draft_id)
        with _NOTE_WRITES:
            try:
                with self._write() as session:
                    if wanted is not None and session.get(NoteDraft, wanted) is None:
                        return None
                    saved = notes_service.save_draft(
                        session,
                        child_id=_required(child_id),
                        content=content,
                        draft_id=wanted,
                        note_id=_id(note_id),
                    )
            except StaleDataError:
                # deleted by another process between reading and writing it
                return None
        return str(saved)

    def note_drafts(self, child_id: str | None = None) -> list[dict[str, Any]]:
        with self._session_read() as session:
            return notes_service.list_drafts(session, _id(child_id))

    def discard_note_draft(self, draft_id: str) -> None:
        with _NOTE_WRITES, self._write() as session:
            notes_service.discard_draft(session, _required(draft_id))

    # ---------------------------------------------------------------- actions

    def note_actions_due(
        self,
        *,
        caseworker_id: str | None = None,
        days_ahead: int = 14,
        child_id: str | None = None,
        overdue_days: int = 60,
        limit: int = 500,
    ) -> list[dict[str, Any]]:
        """Actions from case notes due within ``days_ahead`` days, and those overdue by
        up to ``overdue_days``, soonest first, for "My day": for a caseworker, on the
        children allocated to them (``caseworker_id`` None: everyone's). Each row:
        child_id, child_name, what, owner, due (a date), due_label (dd/mm/yyyy),
        days_left, status (overdue, due_today, due), note_id, note_kind, note_date."""
        today: date = self._today()
        with self._session_read() as session:
            rows = notes_service.actions_due(
                session,
                until=today + timedelta(days=days_ahead),
                caseworker_id=_id(caseworker_id),
                child_ids=[_required(child_id)] if child_id else None,
                today=today,
                since=today - timedelta(days=overdue_days),
                limit=limit,
            )
            caseworkers = _current_caseworkers(session, {row["child_id"] for row in rows})
        for row in rows:
            row["due"] = date.fromisoformat(row["due"])
            row["owner"] = owner_person(row["owner"], caseworkers.get(row["child_id"]))
        return rows

    # ----------------------------------------------------------------- search

    def search_notes(
        self,
        text: str,
        *,
        child_id: str | None = None,
        caseworker_id: str | None = None,
        kind: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        query = search_service.NoteQuery(
            text=text,
            child_id=_id(child_id),
            caseworker_id=_id(caseworker_id),
            kind=kind or None,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
        with self._session_read() as session:
            return search_service.search_notes(session, query)

    def chronology_pdf(self, child_id: str, target: str) -> dict[str, Any]:
        """Write the child's chronology (notes and statutory events) as a PDF."""
        from pathlib import Path

        from send_desk.reports.chronology import chronology_data, render_pdf

        me = getattr(self, "me", lambda: None)()
        with self._session_read() as session:
            data = chronology_data(
                session,
                _required(child_id),
                today=self._today(),
                generated_by=me["name"] if me else None,
            )
        try:
            written = render_pdf(data, Path(target))
        except OSError as error:
            raise ValidationFailed(
                f"The chronology could not be written to {target}: {error}"
            ) from None
        return {"path": str(written), "entries": len(data.entries)}

    @staticmethod
    def now_for_note() -> datetime:
        """The time a new note starts with (London wall clock, to the minute)."""
        from send_desk.timeutil import LONDON

        return datetime.now(LONDON).replace(tzinfo=None, second=0, microsecond=0)


def iter_failed(result: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    return (item for item in result.get("items", []) if item["applies"] and not item["passed"])


__all__ = ["ChecklistNotMet", "NotesMixin", "iter_failed"]
