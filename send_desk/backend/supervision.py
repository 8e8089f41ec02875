"""The backend's supervision operations (mixed into :class:`~send_desk.backend.Backend`).

Samples of case notes, the audit form, audits and blind moderation, the caseworker's
feedback and acknowledgement, and audit actions for "My day". Plain data in and out,
one short-lived Session per call.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from send_desk.backend.errors import ValidationFailed
from send_desk.backend.labels import code_words, criterion_label, grade_label
from send_desk.domain.children import Child
from send_desk.domain.notes import NoteVersion
from send_desk.domain.supervision import GRADE_LABELS, GRADES, NoteAudit
from send_desk.quality import KIND_LABELS
from send_desk.reports import audit_report
from send_desk.services import audit_trends as trends_service
from send_desk.services import audits as audits_service
from send_desk.services import sampling as sampling_service
from send_desk.storage.store import Store
from send_desk.timeutil import uk_date

# The grades' colours on the GUI's charts, the same as the PDF report's.
GRADE_COLOURS = {
    grade: "#{:02x}{:02x}{:02x}".format(*rgb) for grade, rgb in audit_report.GRADE_COLOURS.items()
}


def _uuid(value: str | uuid.UUID | None, what: str = "record") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise ValidationFailed(f"'{value}' is not a {what} id") from None


def _note_labels(session: Session, ids: list[str]) -> dict[str, str]:
    """Note or version id -> 'Home visit on 03/11/2026 – Jay Harrison' (current version)."""
    wanted = {_uuid(value, "note") for value in ids}
    if not wanted:
        return {}
    query = (
        select(NoteVersion, Child.first_name, Child.last_name)
        .join(Child, col(Child.id) == NoteVersion.child_id)
        .where(or_(col(NoteVersion.id).in_(wanted), col(NoteVersion.note_id).in_(wanted)))
    )
    found: dict[str, str] = {}
    for version, first, last in session.exec(query).all():
        when = f" on {uk_date(version.occurred_at.date())}" if version.occurred_at else ""
        label = f"{KIND_LABELS.get(version.kind, code_words(version.kind))}{when} – {first} {last}"
        found[str(version.id)] = label
        if not version.superseded or str(version.note_id) not in found:
            found[str(version.note_id)] = label
    return found


class SupervisionMixin:
    """Supervision: samples, audits, moderation, feedback."""

    _read: Any
    _write: Any
    _today: Callable[[], date]
    me: Callable[[], dict[str, Any] | None]
    _store: Store

    def _sup_read(self) -> AbstractContextManager[Session]:
        reader: AbstractContextManager[Session] = self._read()
        return reader

    def _sup_write(self) -> AbstractContextManager[Session]:
        writer: AbstractContextManager[Session] = self._write()
        return writer

    @staticmethod
    def audit_grades() -> list[tuple[str, str]]:
        return [(g, GRADE_LABELS[g]) for g in GRADES]

    def draw_sample(
        self,
        *,
        period: str,
        per_caseworker: int = sampling_service.DEFAULT_PER_CASEWORKER,
        seed: int | None = None,
        team: str | None = None,
        caseworkers: list[str] | None = None,
        weighted: bool = False,
        include_audited: bool = False,
        save: bool = True,
    ) -> dict[str, Any]:
        """Draw (and save) a sample; see :func:`send_desk.services.sampling.draw_sample`."""
        request = sampling_service.SampleRequest(
            period=period,
            per_caseworker=per_caseworker,
            seed=seed,
            team=team or None,
            caseworkers=caseworkers or [],
            weighted=weighted,
            include_audited=include_audited,
        )
        with self._sup_write() as session:
            sample = sampling_service.draw_sample(session, request)
            if save:
                sampling_service.save_sample(session, sample)
            return sample.to_json()

    def sample(self, sample_id: str) -> dict[str, Any]:
        """A saved sample as drawn, each note marked ``audited`` (an audit made for this
        sample) and ``yours`` (the signed-in user's own: someone else must audit it);
        ``complete`` once every note is audited."""
        me = (self.me() or {}).get("id")
        with self._sup_read() as session:
            row = sampling_service.get_sample(session, _uuid(sample_id, "sample"))
            done = {
                str(version)
                for version in session.exec(
                    select(NoteAudit.version_id).where(
                        NoteAudit.sample_id == row.id, NoteAudit.role == "audit"
                    )
                ).all()
            }
        notes = [
            {
                **item,
                "audited": str(item.get("version_id")) in done,
                "yours": str(item.get("caseworker_id") or "").replace("-", "") == me,
            }
            for item in row.items
        ]
        return {
            "sample_id": str(row.id),
            "period": row.period,
            "seed": row.seed,
            "notes": notes,
            "shortfall": list(row.shortfall),
            "messages": [],
            "audited": sum(1 for note in notes if note["audited"]),
            "complete": all(note["audited"] for note in notes),
        }

    def samples(self) -> list[dict[str, Any]]:
        with self._sup_read() as session:
            return sampling_service.list_samples(session)

    def audit_form(self, note_id: str) -> dict[str, Any]:
        with self._sup_read() as session:
            return audits_service.audit_form(
                session, _uuid(note_id, "note"), viewer=self._store.info.user_id
            )

    def record_audit(
        self,
        note_id: str,
        grades: Mapping[str, str],
        *,
        comments: str = "",
        manual_comments: Mapping[str, str] | None = None,
        action: str = "",
        action_due: date | None = None,
        sample_id: str | None = None,
        moderates_id: str | None = None,
    ) -> dict[str, Any]:
        with self._sup_write() as session:
            return audits_service.record_audit(
                session,
                _uuid(note_id, "note"),
                grades,
                comments=comments,
                manual_comments=manual_comments,
                action=action,
                action_due=action_due,
                sample_id=_uuid(sample_id, "sample") if sample_id else None,
                moderates_id=_uuid(moderates_id, "audit") if moderates_id else None,
            )

    def audits(
        self, *, caseworker_id: str | None = None, role: str | None = None
    ) -> list[dict[str, Any]]:
        """Audits, newest first: for a caseworker, the audits of their notes (feedback)."""
        with self._sup_read() as session:
            rows = audits_service.list_audits(
                session,
                caseworker_id=_uuid(caseworker_id, "user") if caseworker_id else None,
                role=role,
            )
        for row in rows:
            row["automatic_failed_labels"] = [criterion_label(c) for c in row["automatic_failed"]]
        return rows

    def audits_to_moderate(self) -> list[dict[str, Any]]:
        """Audits waiting for moderation; ``note_label`` names the note in words."""
        with self._sup_read() as session:
            rows = audits_service.audits_to_moderate(session)
            notes = _note_labels(session, [row["version_id"] for row in rows])
        for row in rows:
            row["note_label"] = notes.get(row["version_id"], "A case note")
        return rows

    def moderation_report(self) -> dict[str, Any]:
        """Agreement and disagreements, each disagreement with the note, the criterion
        and both grades in words (``note_label``, ``criterion_label``, ``first_label``,
        ``second_label``)."""
        with self._sup_read() as session:
            report = audits_service.moderation(session)
            notes = _note_labels(session, [row["note_id"] for row in report["disagreements"]])
        for row in report["disagreements"]:
            row["note_label"] = notes.get(row["note_id"], "A case note")
            row["criterion_label"] = criterion_label(row["criterion"])
            row["first_label"] = grade_label(row["first"])
            row["second_label"] = grade_label(row["second"])
        return report

    def audit_trends(
        self,
        start: str,
        end: str,
        *,
        team: str | None = None,
        caseworker: str | None = None,
    ) -> dict[str, Any]:
        """Grades by month per team and caseworker, and the criteria most often failed."""
        with self._sup_read() as session:
            return trends_service.audit_trends(
                session, start=start, end=end, team=team or None, caseworker=caseworker or None
            )

    def export_audit_report(
        self, trends: Mapping[str, Any], path: str | Path, fmt: str
    ) -> dict[str, Any]:
        """Write the audit report as ``pdf`` or ``xlsx``; raises ExportFailed plainly."""
        me = self.me() or {}
        writer = {"pdf": audit_report.write_audit_pdf, "xlsx": audit_report.write_audit_xlsx}
        if fmt not in writer:
            raise ValidationFailed(f"'{fmt}' is not a report format: pdf or xlsx")
        written = writer[fmt](
            trends, Path(path), generated_on=self._today(), generated_by=me.get("name", "")
        )
        return {"path": str(written), "format": fmt}

    def acknowledge_audit(
        self, audit_id: str, *, comment: str = "", action_done: bool = False
    ) -> dict[str, Any]:
        with self._sup_write() as session:
            return audits_service.respond(
                session,
                _uuid(audit_id, "audit"),
                kind="action_done" if action_done else "acknowledged",
                comment=comment,
            )

    def audit_actions_due(
        self,
        *,
        caseworker_id: str | None = None,
        days_ahead: int = 14,
        **_scope: Any,
    ) -> list[dict[str, Any]]:
        """Open actions from audits, shaped like the note actions of "My day"."""
        today = self._today()
        with self._sup_read() as session:
            rows = audits_service.audit_actions_due(
                session,
                until=today + timedelta(days=days_ahead),
                today=today,
                caseworker_id=_uuid(caseworker_id, "user") if caseworker_id else None,
            )
        for row in rows:
            row["due"] = date.fromisoformat(row["due"])
            row["owner"] = f"{row['caseworker'] or 'Not known'} (audit: {row['overall_label']})"
            row["note_kind"] = "Audit"
        return rows
