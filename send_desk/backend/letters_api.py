"""Letters for the desktop app (``backend.letters``): which templates a case offers, a
composed letter with its plain-English check and preview, the DOCX and PDF files,
saving to the record and marking a letter sent.

One short-lived Session per call, so the composer runs every call in a background op.
The letter services (Jinja2), the PDF (fpdf) and DOCX writers are imported by the
methods that use them: the first letter loads them, not the app's start-up.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.labels import code_words
from send_desk.backend.letters_models import (
    LetterChoice,
    LetterHistoryRow,
    LetterInput,
    LetterInputs,
    LetterPreview,
    LetterRecord,
    MissedMilestone,
    RecordedEvent,
    SavedLetter,
)

if TYPE_CHECKING:
    from send_desk.letters.document import Letter


def _file_stem(letter: Letter) -> str:
    name = "".join(ch if ch.isalnum() else "-" for ch in letter.recipient_name).strip("-")
    return f"{letter.letter_date:%Y-%m-%d} {letter.template.replace('_', ' ')} {name}"[:120]


def _choice(data: Mapping[str, Any]) -> LetterChoice:
    return LetterChoice(
        name=data["name"],
        title=data["title"],
        purpose=data["purpose"],
        audience=data["audience"],
        appealable=bool(data["appealable"]),
        inputs=tuple(
            LetterInput(
                name=item["name"],
                label=item["label"],
                kind=item["kind"],
                required=bool(item["required"]),
                required_while_open=bool(item["required_while_open"]),
                choices=tuple(item.get("choices", ())),
            )
            for item in data["inputs"]
        ),
        offered=bool(data["offered"]),
        why=data["why"],
    )


def _history_row(data: Mapping[str, Any], template_title: str) -> LetterHistoryRow:
    saved_at = data["saved_at"]
    return LetterHistoryRow(
        letter_id=uuid.UUID(data["letter_id"]),
        version_id=uuid.UUID(data["version_id"]),
        version=int(data["version"]),
        child_id=uuid.UUID(data["child_id"]),
        template=data["template"],
        template_title=template_title,
        title=data["title"],
        variant=data["variant"],
        letter_date=data["letter_date"],
        recipient_name=data["recipient_name"],
        status=data["status"],
        sent_via=data["sent_via"],
        sent_on=data["sent_on"],
        note=data["note"],
        saved_at=saved_at if isinstance(saved_at, datetime) else None,
        saved_by=data["saved_by"],
        event_ids=tuple(str(item) for item in data["event_ids"]),
        versions=int(data.get("versions", 1)),
    )


def _template_title(template: str) -> str:
    from send_desk.services import letters as letters_service

    spec = letters_service.library().manifest.templates.get(template)
    return spec.title if spec else code_words(template)  # None: a template since withdrawn


def _saved(data: Mapping[str, Any]) -> SavedLetter:
    return SavedLetter(
        row=_history_row(data, _template_title(data["template"])),
        events_recorded=tuple(
            RecordedEvent(
                id=uuid.UUID(str(item["id"])),
                event=item["event"],
                label=item["label"],
                date=item["date"],
                warnings=tuple(str(warning) for warning in item["warnings"]),
            )
            for item in data["events_recorded"]
        ),
    )


class LettersApi:
    """Letters: templates offered, compose and check, files, save, mark sent, history."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    def _root(self) -> Path:
        return self._access.paths.root

    def templates(self, child_id: str | uuid.UUID) -> tuple[LetterChoice, ...]:
        """Every template, with whether the child's case offers it now and why."""
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.read() as session:
            rows = letters_service.offered_templates(session, child, today=self._access.today())
        return tuple(_choice(row) for row in rows)

    def missed_milestones(self, child_id: str | uuid.UUID) -> tuple[MissedMilestone, ...]:
        """Time limits the case missed (overdue now, or done late), the most recent first."""
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.read() as session:
            rows = letters_service.missed_milestones(session, child, today=self._access.today())
        return tuple(
            MissedMilestone(
                key=row["key"],
                id=row["id"],
                title=row["title"],
                due=row["due"],
                done=row["done"],
                status=row["status"],
            )
            for row in rows
        )

    def compose(
        self,
        child_id: str | uuid.UUID,
        template: str,
        inputs: LetterInputs,
        *,
        variant: str | None = None,
        letter_date: date | None = None,
        recipient_id: str | None = None,
    ) -> LetterPreview:
        """The letter with its check and preview; raises ValidationFailed naming what to
        fill in when the case or the inputs lack something the letter needs."""
        from send_desk.letters.preview import letter_html
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.read() as session:
            prepared = letters_service.prepare_letter(
                session,
                child,
                template,
                inputs,
                today=self._access.today(),
                data_root=self._root(),
                letter_date=letter_date,
                variant=variant,
                recipient_id=recipient_id,
            )
        letter = prepared.letter
        check = prepared.composed.check
        return LetterPreview(
            letter=letter,
            variant=prepared.variant,
            variant_needed=prepared.variant_needed,
            recipient=letter.recipient_name,
            recipient_id=prepared.recipient_id,
            check=check,
            html=letter_html(letter, check.issues),
            records=tuple(
                LetterRecord(
                    event=record["event"],
                    label=record["label"],
                    when=record["when"],
                    already=record["already"],
                )
                for record in prepared.records
            ),
            file_stem=_file_stem(letter),
        )

    @staticmethod
    def preview(letter: Letter, selected: int | None = None) -> str:
        """The preview with one problem of the check picked out."""
        from send_desk.letters.compose import check_letter
        from send_desk.letters.preview import letter_html

        return letter_html(letter, check_letter(letter).issues, selected)

    def file(self, letter: Letter, fmt: str) -> bytes:
        """The letter as a DOCX or PDF file's bytes."""
        if fmt == "docx":
            from send_desk.letters.docx_writer import write_docx

            return write_docx(letter)
        if fmt == "pdf":
            from send_desk.letters.pdf_writer import write_pdf
            from send_desk.services import letters as letters_service

            head = letters_service.letterhead(self._root())
            return write_pdf(letter, logo=head.logo)
        raise ValidationFailed(f"'{fmt}' is not a letter format (docx or pdf)")

    def save(
        self,
        child_id: str | uuid.UUID,
        template: str,
        inputs: LetterInputs,
        *,
        variant: str | None = None,
        letter_date: date | None = None,
        recipient_id: str | None = None,
        sent_via: str | None = None,
        record_events: bool = True,
    ) -> SavedLetter:
        """Save the letter to the child's record (a new letter, version 1) with the
        events it records; ``sent_via`` marks it sent at the same time."""
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.write() as session:
            saved = letters_service.save_letter(
                session,
                child,
                template,
                inputs,
                today=self._access.today(),
                data_root=self._root(),
                letter_date=letter_date,
                variant=variant,
                recipient_id=recipient_id,
                sent_via=sent_via,
                record_events=record_events,
            )
        return _saved(saved)

    def mark_sent(self, letter_id: str | uuid.UUID, sent_via: str) -> SavedLetter:
        from send_desk.services import letters as letters_service

        letter = record_id(letter_id, "letter")
        with self._access.write() as session:
            saved = letters_service.mark_sent(session, letter, sent_via, today=self._access.today())
        return _saved(saved)

    def child_letters(self, child_id: str | uuid.UUID) -> tuple[LetterHistoryRow, ...]:
        """The child's letters (the latest version of each), newest first."""
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.read() as session:
            rows = letters_service.list_letters(session, child)
        return tuple(_history_row(row, _template_title(row["template"])) for row in rows)

    def stored(self, letter_or_version_id: str | uuid.UUID) -> Letter:
        """A saved letter as it was written (a letter's id gives its latest version)."""
        from send_desk.services import letters as letters_service

        wanted = record_id(letter_or_version_id, "letter")
        with self._access.read() as session:
            return letters_service.stored_letter(session, wanted)

    def apology_inputs(
        self, child_id: str | uuid.UUID, milestone: str, due: date
    ) -> dict[str, object]:
        """Starting inputs of the apology letter for a missed deadline: the milestone, and
        the reason when My day recorded one."""
        from send_desk.services import letters as letters_service

        child = record_id(child_id, "child")
        with self._access.read() as session:
            found = letters_service.apology_request(session, child, milestone, due)
        return dict(found) if found else {"milestone": f"{milestone}|{due.isoformat()}"}


__all__ = ["LettersApi"]
