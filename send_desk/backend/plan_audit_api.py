"""Plan audits on ``backend.supervision``: the form of an issued plan version, recording
an audit or a blind moderation, the plan audits made and the plans waiting for one.

Kept apart from :mod:`send_desk.backend.supervision_api` (which composes these methods)
so neither module grows past a readable size; one short-lived Session per call.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from send_desk.backend.access import StoreAccess, maybe_record_id, record_id
from send_desk.backend.plan_audit_models import (
    NewPlanAudit,
    PlanAuditForm,
    PlanAuditSummary,
    PlanAutomaticResult,
    PlanManualCriterion,
    PlanToAudit,
)
from send_desk.backend.supervision_models import NoteRef
from send_desk.domain.children import Child
from send_desk.domain.plans import PlanVersion
from send_desk.services import plan_audits as service
from send_desk.services import plans as plan_service
from send_desk.services.plan_audit_rules import default_plan_rubric
from send_desk.services.sampling import parse_period


def plan_summary(data: Mapping[str, Any]) -> PlanAuditSummary:
    made = data["made_at"]
    return PlanAuditSummary(
        audit_id=record_id(data["audit_id"]),
        plan_id=record_id(data["plan_id"]),
        version_id=record_id(data["version_id"]),
        version=data["version"],
        plan_kind=data["plan_kind"],
        child_id=record_id(data["child_id"]),
        caseworker_id=maybe_record_id(data["caseworker_id"]),
        caseworker=data["caseworker"],
        auditor_id=maybe_record_id(data["auditor_id"]),
        auditor=data["auditor"],
        role=data["role"],
        moderates_id=maybe_record_id(data["moderates_id"]),
        overall=data["overall"],
        manual={str(m["id"]): str(m["grade"]) for m in data["manual"]},
        automatic_failed=tuple(data["automatic_failed"]),
        comments=data["comments"] or "",
        action=data["action"] or "",
        action_due=date.fromisoformat(data["action_due"]) if data["action_due"] else None,
        made_at=datetime.fromisoformat(made) if made else None,
        acknowledged=bool(data["acknowledged"]),
        action_done=bool(data["action_done"]),
    )


def plan_refs(session: Session, ids: Iterable[str]) -> dict[str, NoteRef]:
    """Plan or plan-version id -> the version's kind, issue day and child, in the words a
    moderation list shows a note by (a plan's id maps to its latest version)."""
    wanted = {record_id(value) for value in ids}
    if not wanted:
        return {}
    from sqlalchemy import or_

    query = (
        select(PlanVersion, Child.first_name, Child.last_name)
        .join(Child, col(Child.id) == PlanVersion.child_id)
        .where(or_(col(PlanVersion.id).in_(wanted), col(PlanVersion.plan_id).in_(wanted)))
        .order_by(col(PlanVersion.version))
    )
    found: dict[str, NoteRef] = {}
    for row, first, last in session.exec(query).all():
        ref = NoteRef(f"plan_{row.kind}", row.issued_on, f"{first} {last}")
        found[str(row.id)] = ref
        found[str(row.plan_id)] = ref
    return found


class PlanAuditMethods:
    """The plan-audit methods of the supervision facade."""

    _access: StoreAccess

    def plan_audit_form(
        self, child_id: str | uuid.UUID, version: int | None = None
    ) -> PlanAuditForm:
        """The form of the child's plan version ``version`` (the latest when None),
        pre-filled: the checker's results and a suggested grade for each criterion."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            form = service.plan_audit_form(
                session, key, version, viewer=self._access.store.info.user_id
            )
        return PlanAuditForm(
            plan_id=record_id(form["plan_id"]),
            version_id=record_id(form["version_id"]),
            version=int(form["version"]),
            kind=form["kind"],
            issued_on=date.fromisoformat(form["issued_on"]),
            child_id=record_id(form["child_id"]),
            child_name=form["child_name"],
            author=form["author"],
            caseworker_id=maybe_record_id(form["caseworker_id"]),
            caseworker=form["caseworker"],
            plan=plan_service.read_plan(form["plan"]),
            automatic=tuple(
                PlanAutomaticResult(
                    a["id"], a["section"], a["label"], a["applies"], a["passed"], a["message"]
                )
                for a in form["automatic"]
            ),
            automatic_rate=form["automatic_rate"],
            manual=tuple(
                PlanManualCriterion(
                    m["id"], m["section"], m["label"], m["help"], float(m["weight"]), m["suggested"]
                )
                for m in form["manual"]
            ),
            suggested_overall=form["suggested_overall"],
            rule_version=int(form["rule_version"]),
            refused=form["refused"],
        )

    def plan_moderation_form(self, audit_id: str | uuid.UUID) -> PlanAuditForm:
        """The form of the plan version a plan audit graded, for its blind moderation
        (the first audit's grades are not on it)."""
        key = record_id(audit_id, "audit")
        with self._access.read() as session:
            row = service.version_of_audit(session, key)
            child_id, version = row.child_id, row.version
        return self.plan_audit_form(child_id, version)

    @staticmethod
    def plan_overall(form: PlanAuditForm, grades: Mapping[str, str]) -> str:
        """The overall grade these manual grades would give on this form (computed by the
        rule, as recording does: the dialog shows it live)."""
        automatic = [
            {"id": a.id, "section": a.section, "applies": a.applies, "passed": a.passed}
            for a in form.automatic
        ]
        return service.overall_for(default_plan_rubric(), automatic, grades)[0]

    def record_plan_audit(self, audit: NewPlanAudit) -> PlanAuditSummary:
        with self._access.write() as session:
            saved = service.record_plan_audit(
                session,
                audit.child_id,
                audit.version,
                audit.grades,
                comments=audit.comments,
                manual_comments=audit.manual_comments,
                action=audit.action,
                action_due=audit.action_due,
                moderates_id=audit.moderates_id,
            )
        return plan_summary(saved)

    def plan_audits(
        self,
        *,
        child_id: str | uuid.UUID | None = None,
        caseworker_id: str | uuid.UUID | None = None,
        role: str | None = None,
    ) -> tuple[PlanAuditSummary, ...]:
        """Plan audits, newest first."""
        child = record_id(child_id, "child") if child_id else None
        worker = record_id(caseworker_id, "user") if caseworker_id else None
        with self._access.read() as session:
            rows = service.list_plan_audits(
                session, child_id=child, caseworker_id=worker, role=role
            )
        return tuple(plan_summary(row) for row in rows)

    def plans_to_audit(
        self, *, period: str | None = None, team: str | None = None
    ) -> tuple[PlanToAudit, ...]:
        """Issued plan versions (issued in the month ``period``, YYYY-MM; of ``team``'s
        caseworkers), newest first, each marked audited and yours."""
        month = parse_period(period) if period else None
        with self._access.read() as session:
            rows = service.plans_to_audit(
                session, period=month, team=team or None, viewer=self._access.store.info.user_id
            )
        return tuple(
            PlanToAudit(
                child_id=record_id(r["child_id"]),
                child_name=r["child_name"],
                plan_id=record_id(r["plan_id"]),
                version_id=record_id(r["version_id"]),
                version=int(r["version"]),
                kind=r["kind"],
                issued_on=date.fromisoformat(r["issued_on"]),
                author=r["author"],
                caseworker=r["caseworker"],
                audited=bool(r["audited"]),
                yours=bool(r["yours"]),
            )
            for r in rows
        )


__all__ = ["PlanAuditMethods", "plan_refs", "plan_summary"]
