"""Supervision for the desktop app (``backend.supervision``): samples of case notes, the
audit form, audits and blind moderation, the caseworker's feedback and acknowledgement,
audit actions for "My day", and the audit trends and their report.

One short-lived Session per call; the services keep the rules and the JSON the CLI
prints, and this facade reads what they return into the typed models.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from send_desk.backend.access import StoreAccess, maybe_record_id, record_id
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.plan_audit_api import PlanAuditMethods, plan_refs
from send_desk.backend.supervision_models import (
    AuditAction,
    AuditForm,
    AuditSummary,
    AuditToModerate,
    AuditTrends,
    AutomaticResult,
    CriterionTrend,
    Disagreement,
    Grade,
    ManualCriterion,
    ModerationPair,
    ModerationReport,
    NewAudit,
    NoteRef,
    ReportWritten,
    Sample,
    SampleNote,
    SampleRequest,
    SampleSummary,
    Shortfall,
    TrendMonth,
    TrendQuery,
    TrendRow,
)
from send_desk.domain.children import Child
from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import User
from send_desk.domain.supervision import GRADE_LABELS, GRADES, NoteAudit
from send_desk.services import audit_trends as trends_service
from send_desk.services import audits as audits_service
from send_desk.services import sampling as sampling_service


def _note_refs(session: Session, ids: Iterable[str]) -> dict[str, NoteRef]:
    """Note or version id -> the note's kind, day and child (its current version)."""
    wanted = {record_id(value) for value in ids}
    if not wanted:
        return {}
    query = (
        select(NoteVersion, Child.first_name, Child.last_name)
        .join(Child, col(Child.id) == NoteVersion.child_id)
        .where(or_(col(NoteVersion.id).in_(wanted), col(NoteVersion.note_id).in_(wanted)))
    )
    found: dict[str, NoteRef] = {}
    for version, first, last in session.exec(query).all():
        when = version.occurred_at.date() if version.occurred_at else None
        ref = NoteRef(version.kind, when, f"{first} {last}")
        found[str(version.id)] = ref
        if not version.superseded or str(version.note_id) not in found:
            found[str(version.note_id)] = ref
    return found


_UNKNOWN_NOTE = NoteRef(None, None, "")


def _sample_note(item: Mapping[str, Any], done: set[str], me: uuid.UUID | None) -> SampleNote:
    worker = maybe_record_id(item.get("caseworker_id"))
    return SampleNote(
        note_id=record_id(item["note_id"]),
        version_id=record_id(item["version_id"]),
        child_id=record_id(item["child_id"]),
        caseworker_id=worker,
        caseworker=str(item.get("caseworker") or ""),
        kind=str(item["kind"]),
        occurred_at=datetime.fromisoformat(str(item["occurred_at"])),
        risks=tuple(item.get("risks") or ()),
        why=str(item.get("why") or ""),
        audited=str(item.get("version_id")) in done,
        yours=me is not None and worker == me,
    )


def _shortfall(item: Mapping[str, Any]) -> Shortfall:
    return Shortfall(
        caseworker_id=maybe_record_id(item.get("caseworker_id")),
        caseworker=str(item.get("caseworker") or ""),
        requested=int(item["requested"]),
        drawn=int(item["drawn"]),
        reason=str(item["reason"]),
    )


def _audit(data: Mapping[str, Any], subject: str = "note") -> AuditSummary:
    made = data["made_at"]
    return AuditSummary(
        audit_id=record_id(data["audit_id"]),
        note_id=record_id(data["note_id"]),
        version_id=record_id(data["version_id"]),
        child_id=record_id(data["child_id"]),
        caseworker_id=maybe_record_id(data["caseworker_id"]),
        caseworker=data["caseworker"],
        auditor_id=maybe_record_id(data["auditor_id"]),
        auditor=data["auditor"],
        role=data["role"],
        moderates_id=maybe_record_id(data["moderates_id"]),
        sample_id=maybe_record_id(data["sample_id"]),
        overall=data["overall"],
        automatic_failed=tuple(data["automatic_failed"]),
        comments=data["comments"] or "",
        action=data["action"] or "",
        action_due=date.fromisoformat(data["action_due"]) if data["action_due"] else None,
        made_at=datetime.fromisoformat(made) if made else None,
        acknowledged=bool(data["acknowledged"]),
        acknowledgement=data["acknowledgement"] or "",
        action_done=bool(data["action_done"]),
        subject=subject,
    )


def _trend_row(data: Mapping[str, Any]) -> TrendRow:
    return TrendRow(
        total=int(data["total"]),
        counts=dict(data["counts"]),
        good_or_better=int(data["good_or_better"]),
        good_or_better_rate=data["good_or_better_rate"],
        by_month=tuple(
            TrendMonth(m["month"], int(m["total"]), dict(m["counts"])) for m in data["by_month"]
        ),
        most_failed=tuple(data["most_failed"]),
        team=data.get("team"),
        caseworker=data.get("caseworker"),
    )


def _trends(query: TrendQuery, data: Mapping[str, Any]) -> AuditTrends:
    return AuditTrends(
        query=query,
        start=data["from"],
        end=data["to"],
        months=tuple(data["months"]),
        team=data["team"],
        caseworker=data["caseworker"],
        rule_versions=tuple(data["rule_versions"]),
        service=_trend_row(data["service"]),
        teams=tuple(_trend_row(row) for row in data["teams"]),
        caseworkers=tuple(_trend_row(row) for row in data["caseworkers"]),
        criteria=tuple(
            CriterionTrend(
                c["id"], c["label"], c["kind"], int(c["assessed"]), int(c["failed"]), c["rate"]
            )
            for c in data["criteria"]
        ),
        criterion_labels=dict(data["criterion_labels"]),
        messages=tuple(data["messages"]),
    )


class SupervisionApi(PlanAuditMethods):
    """Supervision: samples, audits (of case notes and of plans), moderation, feedback,
    trends."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    def _me(self, session: Session) -> User | None:
        user_id = self._access.store.info.user_id
        return session.get(User, user_id) if user_id is not None else None

    @staticmethod
    def grades() -> tuple[Grade, ...]:
        return tuple(Grade(g, GRADE_LABELS[g]) for g in GRADES)

    # ---------------------------------------------------------------- samples

    def draw_sample(self, request: SampleRequest, *, save: bool = True) -> Sample:
        """Draw (and save) a sample; see :func:`send_desk.services.sampling.draw_sample`.
        A saved one comes back as :meth:`sample` reads it, with its messages."""
        drawing = sampling_service.SampleRequest(
            period=request.period,
            per_caseworker=request.per_caseworker,
            seed=request.seed,
            team=request.team or None,
            caseworkers=list(request.caseworkers),
            weighted=request.weighted,
            include_audited=request.include_audited,
        )
        with self._access.write() as session:
            drawn = sampling_service.draw_sample(session, drawing)
            if save:
                sampling_service.save_sample(session, drawn)
            data = drawn.to_json()
        messages = tuple(str(m) for m in data["messages"])
        if data["sample_id"]:
            saved = self.sample(data["sample_id"])
            return Sample(
                saved.sample_id,
                saved.period,
                saved.seed,
                saved.notes,
                tuple(_shortfall(s) for s in data["shortfall"]),
                messages,
            )
        return Sample(
            sample_id=None,
            period=data["period"],
            seed=int(data["seed"]),
            notes=tuple(_sample_note(item, set(), None) for item in data["notes"]),
            shortfall=tuple(_shortfall(s) for s in data["shortfall"]),
            messages=messages,
        )

    def sample(self, sample_id: str | uuid.UUID) -> Sample:
        """A saved sample as drawn, each note marked ``audited`` (an audit made for this
        sample) and ``yours`` (the signed-in user's own: someone else must audit it)."""
        wanted = record_id(sample_id, "sample")
        with self._access.read() as session:
            row = sampling_service.get_sample(session, wanted)
            done = {
                str(version)
                for version in session.exec(
                    select(NoteAudit.version_id).where(
                        NoteAudit.sample_id == row.id,
                        NoteAudit.role == "audit",
                        NoteAudit.subject == "note",
                    )
                ).all()
            }
            me = self._access.store.info.user_id
            return Sample(
                sample_id=row.id,
                period=row.period,
                seed=row.seed,
                notes=tuple(_sample_note(item, done, me) for item in row.items),
                shortfall=tuple(_shortfall(s) for s in row.shortfall),
                messages=(),
            )

    def samples(self) -> tuple[SampleSummary, ...]:
        with self._access.read() as session:
            rows = sampling_service.list_samples(session)
        return tuple(
            SampleSummary(record_id(r["sample_id"]), r["period"], int(r["seed"]), int(r["notes"]))
            for r in rows
        )

    # ----------------------------------------------------------------- audits

    def audit_form(self, note_id: str | uuid.UUID) -> AuditForm:
        wanted = record_id(note_id, "note")
        with self._access.read() as session:
            form = audits_service.audit_form(
                session, wanted, viewer=self._access.store.info.user_id
            )
        occurred = form["occurred_at"]
        return AuditForm(
            note_id=record_id(form["note_id"]),
            version_id=record_id(form["version_id"]),
            version=int(form["version"]),
            child_id=record_id(form["child_id"]),
            child_name=form["child_name"],
            caseworker_id=maybe_record_id(form["caseworker_id"]),
            caseworker=form["caseworker"],
            kind=form["kind"],
            occurred_at=datetime.fromisoformat(occurred) if occurred else None,
            purpose=form["purpose"] or "",
            body=form["body"] or "",
            automatic=tuple(
                AutomaticResult(a["id"], a["label"], a["applies"], a["passed"], a["message"])
                for a in form["automatic"]
            ),
            manual=tuple(ManualCriterion(m["id"], m["label"], m["help"]) for m in form["manual"]),
            rule_version=form["rule_version"],
            refused=form["refused"],
        )

    def record_audit(self, audit: NewAudit) -> AuditSummary:
        with self._access.write() as session:
            saved = audits_service.record_audit(
                session,
                audit.note_id,
                audit.grades,
                comments=audit.comments,
                manual_comments=audit.manual_comments,
                action=audit.action,
                action_due=audit.action_due,
                sample_id=audit.sample_id,
                moderates_id=audit.moderates_id,
            )
        return _audit(saved)

    def audits(
        self,
        *,
        caseworker_id: str | uuid.UUID | None = None,
        role: str | None = None,
        subject: str | None = "note",
    ) -> tuple[AuditSummary, ...]:
        """Audits, newest first: for a caseworker, the audits of their notes (feedback);
        with ``subject`` "plan" audits of their plans, with None both."""
        worker = record_id(caseworker_id, "user") if caseworker_id else None
        with self._access.read() as session:
            rows = audits_service.list_audits(
                session, caseworker_id=worker, role=role, subject=subject
            )
            plans = set()
            if subject is None:
                plans = {
                    str(i)
                    for i in session.exec(
                        select(NoteAudit.id).where(NoteAudit.subject == "plan")
                    ).all()
                }
        return tuple(
            _audit(row, "plan" if subject == "plan" or row["audit_id"] in plans else "note")
            for row in rows
        )

    def acknowledge(
        self, audit_id: str | uuid.UUID, *, comment: str = "", action_done: bool = False
    ) -> AuditSummary:
        wanted = record_id(audit_id, "audit")
        with self._access.write() as session:
            saved = audits_service.respond(
                session,
                wanted,
                kind="action_done" if action_done else "acknowledged",
                comment=comment,
            )
        return _audit(saved)

    # ------------------------------------------------------------- moderation

    def to_moderate(self, subject: str = "note") -> tuple[AuditToModerate, ...]:
        """Audits waiting for moderation, each with the note (or, for ``subject="plan"``,
        the plan version) it graded."""
        refs = plan_refs if subject == "plan" else _note_refs
        with self._access.read() as session:
            rows = audits_service.audits_to_moderate(session, subject=subject)
            notes = refs(session, [row["version_id"] for row in rows])
        return tuple(
            AuditToModerate(
                audit_id=record_id(row["audit_id"]),
                note_id=record_id(row["note_id"]),
                version_id=record_id(row["version_id"]),
                caseworker=row["caseworker"],
                auditor=row["auditor"],
                # the service words the day for the CLI; the model carries the date
                made_on=_uk_day(row["made_label"]),
                mine=bool(row["mine"]),
                note=notes.get(row["version_id"], _UNKNOWN_NOTE),
            )
            for row in rows
        )

    def moderation_report(self, subject: str = "note") -> ModerationReport:
        """Agreement between auditors and moderators, and every disagreement, of note
        audits or (``subject="plan"``) of plan audits."""
        refs = plan_refs if subject == "plan" else _note_refs
        with self._access.read() as session:
            report = audits_service.moderation(session, subject=subject)
            notes = refs(session, [row["note_id"] for row in report["disagreements"]])
        return ModerationReport(
            pairs=int(report["pairs"]),
            items=int(report["items"]),
            agreed=int(report["agreed"]),
            rate=report["rate"],
            overall_rate=report["overall_rate"],
            criteria_rate=report["criteria_rate"],
            kappa_overall=report["kappa_overall"],
            kappa_criteria=report["kappa_criteria"],
            disagreements=tuple(
                Disagreement(
                    note_id=record_id(row["note_id"]),
                    note=notes.get(row["note_id"], _UNKNOWN_NOTE),
                    criterion=row["criterion"],
                    first=row["first"],
                    second=row["second"],
                )
                for row in report["disagreements"]
            ),
            moderations=tuple(
                ModerationPair(
                    audit_id=record_id(row["audit_id"]),
                    moderation_id=record_id(row["moderation_id"]),
                    note_id=record_id(row["note_id"]),
                    caseworker=row["caseworker"],
                    auditor=row["auditor"],
                    moderator=row["moderator"],
                    first_overall=row["first_overall"],
                    second_overall=row["second_overall"],
                    agreed=int(row["agreed"]),
                    items=int(row["items"]),
                )
                for row in report["moderations"]
            ),
        )

    # ---------------------------------------------------------------- My day

    def actions_due(
        self, *, caseworker_id: str | uuid.UUID | None = None, days_ahead: int = 14
    ) -> tuple[AuditAction, ...]:
        """Open actions from audits, due within ``days_ahead`` days or overdue."""
        today = self._access.today()
        worker = record_id(caseworker_id, "user") if caseworker_id else None
        with self._access.read() as session:
            rows = audits_service.audit_actions_due(
                session, until=today + timedelta(days=days_ahead), today=today,
                caseworker_id=worker,
            )  # fmt: skip
        return tuple(
            AuditAction(
                audit_id=record_id(row["audit_id"]),
                note_id=record_id(row["note_id"]),
                child_id=record_id(row["child_id"]),
                child_name=row["child_name"],
                what=row["what"] or "",
                due=date.fromisoformat(row["due"]),
                days_left=int(row["days_left"]),
                status=row["status"],
                overall=row["overall"],
                caseworker=row["caseworker"],
            )
            for row in rows
        )

    # ----------------------------------------------------------------- trends

    def _trend_data(self, query: TrendQuery) -> dict[str, Any]:
        with self._access.read() as session:
            return trends_service.audit_trends(
                session,
                start=query.start,
                end=query.end,
                team=query.team or None,
                caseworker=query.caseworker or None,
                subject=query.subject,
            )

    def trends(self, query: TrendQuery) -> AuditTrends:
        """Grades by month per team and caseworker, and the criteria most often failed."""
        return _trends(query, self._trend_data(query))

    def export_report(self, query: TrendQuery, path: str | Path, fmt: str) -> ReportWritten:
        """Write the audit report of ``query`` as ``pdf`` or ``xlsx``; raises ExportFailed
        plainly. The figures are worked out again, as they stand now."""
        from send_desk.reports import audit_report

        writer = {"pdf": audit_report.write_audit_pdf, "xlsx": audit_report.write_audit_xlsx}
        if fmt not in writer:
            raise ValidationFailed(f"'{fmt}' is not a report format: pdf or xlsx")
        with self._access.read() as session:
            me = self._me(session)
            name = me.display_name if me is not None else ""
        written = writer[fmt](
            {**self._trend_data(query), "subject": query.subject},
            Path(path),
            generated_on=self._access.today(),
            generated_by=name,
        )
        return ReportWritten(str(written), fmt)


def _uk_day(text: str) -> date | None:
    return datetime.strptime(text, "%d/%m/%Y").date() if text else None


__all__ = ["SupervisionApi"]
