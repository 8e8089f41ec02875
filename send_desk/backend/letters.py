"""The backend's letters (mixed into :class:`~send_desk.backend.Backend`).

Plain data in and out, one short-lived Session per call, so the composer runs every
call in a background op: which templates a case offers, a composed letter with its
plain-English check and preview, the DOCX and PDF files, saving to the record and
marking a letter sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from send_desk.backend.errors import ValidationFailed
from send_desk.backend.labels import code_words
from send_desk.letters.document import Letter
from send_desk.letters.manifest import VARIANT_LABELS


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a record id") from None


def _file_stem(letter: Letter) -> str:
    name = "".join(ch if ch.isalnum() else "-" for ch in letter.recipient_name).strip("-")
    return f"{letter.letter_date:%Y-%m-%d} {letter.template.replace('_', ' ')} {name}"[:120]


class LettersMixin:
    """Letters for the desktop app.

    The letter services (Jinja2), the PDF (fpdf) and DOCX writers are imported by the
    methods that use them: the first letter loads them, not the app's start-up."""

    _read: Any
    _write: Any
    _today: Callable[[], date]
    paths: Any

    def _letters_root(self) -> Path:
        root: Path = self.paths.root
        return root

    def letter_templates(self, child_id: str) -> list[dict[str, Any]]:
        """Every template, with whether the child's case offers it now and why."""
        from send_desk.services import letters as letters_service

        with self._read() as session:
            return letters_service.offered_templates(session, _uuid(child_id), today=self._today())

    def missed_milestones(self, child_id: str) -> list[dict[str, Any]]:
        from send_desk.services import letters as letters_service

        with self._read() as session:
            return letters_service.missed_milestones(session, _uuid(child_id), today=self._today())

    def compose_letter(
        self,
        child_id: str,
        template: str,
        inputs: Mapping[str, Any],
        *,
        variant: str | None = None,
        letter_date: date | None = None,
        recipient_id: str | None = None,
    ) -> dict[str, Any]:
        """The letter with its check and preview; raises ValidationFailed naming what to
        fill in when the case or the inputs lack something the letter needs."""
        from send_desk.services import letters as letters_service

        with self._read() as session:
            prepared = letters_service.prepare_letter(
                session,
                _uuid(child_id),
                template,
                inputs,
                today=self._today(),
                data_root=self._letters_root(),
                letter_date=letter_date,
                variant=variant,
                recipient_id=recipient_id,
            )
        from send_desk.letters.preview import letter_html

        letter = prepared.letter
        check = prepared.composed.check
        return {
            "letter": letter,
            "title": letter.title,
            "variant": prepared.variant,
            "variant_needed": prepared.variant_needed,
            "variant_label": VARIANT_LABELS[prepared.variant],
            "recipient": letter.recipient_name,
            "recipient_id": prepared.recipient_id,
            "check": check.to_json(),
            "issues": list(check.issues),
            "html": letter_html(letter, check.issues),
            "records": prepared.records,
            "file_stem": _file_stem(letter),
        }

    @staticmethod
    def letter_preview(letter: Letter, selected: int | None = None) -> str:
        """The preview with one problem of the check picked out."""
        from send_desk.letters.compose import check_letter
        from send_desk.letters.preview import letter_html

        return letter_html(letter, check_letter(letter).issues, selected)

    def letter_file(self, letter: Letter, fmt: str) -> bytes:
        """The letter as a DOCX or PDF file's bytes."""
        if fmt == "docx":
            from send_desk.letters.docx_writer import write_docx

            return write_docx(letter)
        if fmt == "pdf":
            from send_desk.letters.pdf_writer import write_pdf
            from send_desk.services import letters as letters_service

            head = letters_service.letterhead(self._letters_root())
            return write_pdf(letter, logo=head.logo)
        raise ValidationFailed(f"'{fmt}' is not a letter format (docx or pdf)")

    def save_letter(
        self,
        child_id: str,
        template: str,
        inputs: Mapping[str, Any],
        *,
        variant: str | None = None,
        letter_date: date | None = None,
        recipient_id: str | None = None,
        sent_via: str | None = None,
        record_events: bool = True,
    ) -> dict[str, Any]:
        """Save the letter to the child's record (a new letter, version 1) with the
        events it records; ``sent_via`` marks it sent at the same time."""
        from send_desk.services import letters as letters_service

        with self._write() as session:
            return letters_service.save_letter(
                session,
                _uuid(child_id),
                template,
                inputs,
                today=self._today(),
                data_root=self._letters_root(),
                letter_date=letter_date,
                variant=variant,
                recipient_id=recipient_id,
                sent_via=sent_via,
                record_events=record_events,
            )

    def mark_letter_sent(self, letter_id: str, sent_via: str) -> dict[str, Any]:
        from send_desk.services import letters as letters_service

        with self._write() as session:
            return letters_service.mark_sent(
                session, _uuid(letter_id), sent_via, today=self._today()
            )

    def child_letters(self, child_id: str) -> list[dict[str, Any]]:
        """The child's letters, newest first; ``template_label`` names the template."""
        from send_desk.services import letters as letters_service

        with self._read() as session:
            rows = letters_service.list_letters(session, _uuid(child_id))
        templates = letters_service.library().manifest.templates
        for row in rows:
            spec = templates.get(row["template"])  # None: a template since withdrawn
            row["template_label"] = spec.title if spec else code_words(row["template"])
        return rows

    def stored_letter(self, letter_or_version_id: str) -> Letter:
        from send_desk.services import letters as letters_service

        with self._read() as session:
            return letters_service.stored_letter(session, _uuid(letter_or_version_id))

    def apology_inputs(self, child_id: str, milestone: str, due: date) -> dict[str, Any]:
        """Starting inputs of the apology letter for a missed deadline: the milestone, and
        the reason when My day recorded one."""
        from send_desk.services import letters as letters_service

        with self._read() as session:
            found = letters_service.apology_request(session, _uuid(child_id), milestone, due)
        return found or {"milestone": f"{milestone}|{due.isoformat()}"}
