"""EHC plan audits: the supervisor grades an issued plan version, as case notes are.

- :func:`plan_audit_form` is what the auditor fills in: the plan version as issued, the
  checker's results on it with the advice the case has received (as ``plan check
  --child`` finds them), and the manual criteria of ``plan_audit.toml`` with their
  section, weight and the grade suggested from the checker's results;
- :func:`record_plan_audit` saves an audit as a ``note_audit`` row with subject
  ``plan`` (``note_id`` the plan's ``plan_id``, ``version_id`` the version's id): the
  overall grade is computed by the weighted rule, never typed. A moderation names the
  plan audit it moderates, is made by a second auditor and grades the same version;
  the form never shows other audits (blind);
- :func:`plans_to_audit` lists issued plan versions (of a month, of a team), each
  marked audited or not.

An auditor may not audit a plan they wrote (the version's author, or anyone who changed
one of its sections) or a plan of a child allocated to them when it was issued.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.organisation import User
from send_desk.domain.plans import PlanVersion
from send_desk.domain.supervision import GRADE_LABELS, GRADES, NoteAudit
from send_desk.plans import check_plan
from send_desk.services import plans as plan_service
from send_desk.services.audit_common import (
    actor_id,
    bounded_text,
    check_action_due,
    check_moderation,
    responses_by_audit,
    user_names,
)
from send_desk.services.audit_rules import RubricError
from send_desk.services.audits import audit_data
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.plan_advice import advice_received
from send_desk.services.plan_audit_rules import (
    PlanAutomatic,
    PlanRubric,
    automatic_rate,
    default_plan_rubric,
    manual_score,
    plan_overall_grade,
    suggested_grades,
)
from send_desk.services.sampling import Period, resolve_team
from send_desk.services.validation import check_plain

SUBJECT = "plan"

OWN_PLAN = (
    "You cannot audit a plan you wrote or a plan of a child allocated to you: an audit "
    "is a second pair of eyes. Ask your supervisor or a colleague to audit it."
)


def plan_version(session: Session, child_id: uuid.UUID, number: int | None) -> PlanVersion:
    """The child's issued plan version ``number``, or the latest one."""
    if session.get(Child, child_id) is None:
        raise NotFound(f"no child with id '{child_id}'")
    rows = plan_service.versions(session, child_id)
    if not rows:
        raise NotFound("the child has no issued plan to audit")
    if number is None:
        return rows[-1]
    return plan_service.version_number(session, child_id, number)


def _version_by_id(session: Session, version_id: uuid.UUID) -> PlanVersion:
    row = session.get(PlanVersion, version_id)
    if row is None:
        raise NotFound(f"no plan version with id '{version_id}'")
    return row


def _allocated_on(session: Session, row: PlanVersion) -> uuid.UUID | None:
    """The child's caseworker on the day the version was issued."""
    for allocation in session.exec(
        select(Allocation).where(Allocation.child_id == row.child_id)
    ).all():
        if allocation.start_date <= row.issued_on and (
            allocation.end_date is None or allocation.end_date > row.issued_on
        ):
            return allocation.caseworker_id
    return None


def caseworker_of_plan(session: Session, row: PlanVersion) -> uuid.UUID | None:
    """The version's author, or the child's caseworker on the day it was issued."""
    return row.author_id if row.author_id is not None else _allocated_on(session, row)


def _writers(row: PlanVersion) -> set[str]:
    people = {str(row.author_id)} if row.author_id else set()
    for change in row.changed_sections:
        people.update(str(p) for p in change.get("changed_by", []))
    return people


def own_plan_refusal(session: Session, row: PlanVersion, auditor: uuid.UUID | None) -> str | None:
    """Why this person may not audit (or moderate) this plan version, if they may not."""
    if auditor is None:
        return None
    if str(auditor) in _writers(row) or _allocated_on(session, row) == auditor:
        return OWN_PLAN
    return None


def automatic_results(session: Session, row: PlanVersion) -> list[dict[str, Any]]:
    """The checker's results on the issued version, with the case's advice received."""
    plan = plan_service.read_plan(row.content)
    advice = tuple(advice_received(session, row.child_id))
    result = check_plan(replace(plan, advice_received=advice))
    return [
        {
            "id": item.id,
            "kind": "automatic",
            "section": item.section,
            "label": item.label or item.id,
            "applies": item.applies,
            "passed": item.passed,
            "message": item.message if item.applies and not item.passed else "",
        }
        for item in result.criteria
    ]


def _automatic(rows: Sequence[Mapping[str, Any]]) -> list[PlanAutomatic]:
    return [
        PlanAutomatic(str(a["id"]), str(a.get("section", "")), bool(a["applies"]),
                      bool(a["passed"]))
        for a in rows
    ]  # fmt: skip


def plan_audit_form(
    session: Session,
    child_id: uuid.UUID,
    number: int | None = None,
    rubric: PlanRubric | None = None,
    *,
    viewer: uuid.UUID | None = None,
) -> dict[str, Any]:
    """What the auditor sees: the plan version, the automatic results, the manual
    criteria with their suggested grades; ``refused`` says why ``viewer`` may not audit.

    Never shows other audits of the plan (moderation is blind).
    """
    rubric = rubric or default_plan_rubric()
    row = plan_version(session, child_id, number)
    child = session.get(Child, row.child_id)
    names = user_names(session)
    worker = caseworker_of_plan(session, row)
    automatic = automatic_results(session, row)
    results = _automatic(automatic)
    suggested = suggested_grades(rubric, results)
    return {
        "subject": SUBJECT,
        "plan_id": str(row.plan_id),
        "version_id": str(row.id),
        "version": row.version,
        "kind": row.kind,
        "issued_on": row.issued_on.isoformat(),
        "child_id": str(row.child_id),
        "child_name": f"{child.first_name} {child.last_name}" if child else "",
        "author": names.get(row.author_id, "") if row.author_id else "",
        "caseworker_id": str(worker) if worker else None,
        "caseworker": names.get(worker, "") if worker else "",
        "plan": row.content,
        "automatic": automatic,
        "automatic_rate": automatic_rate(rubric, results),
        "manual": [
            {
                "id": c.id,
                "section": c.section,
                "label": c.label,
                "help": c.help,
                "weight": c.weight,
                "suggested": suggested[c.id],
            }
            for c in rubric.manual
        ],
        "suggested_overall": plan_overall_grade(rubric, results, suggested),
        "grades": [{"id": g, "label": GRADE_LABELS[g]} for g in GRADES],
        "rule_version": rubric.version,
        "refused": own_plan_refusal(session, row, viewer or actor_id(session)),
    }


def overall_for(
    rubric: PlanRubric, automatic: Sequence[Mapping[str, Any]], manual: Mapping[str, str]
) -> tuple[str, float]:
    """The overall grade and weighted manual score the form's grades would give."""
    try:
        return plan_overall_grade(rubric, _automatic(automatic), manual), manual_score(
            rubric, manual
        )
    except RubricError as error:
        raise ValidationFailed(str(error)) from None


def record_plan_audit(
    session: Session,
    child_id: uuid.UUID,
    number: int | None,
    manual: Mapping[str, str],
    *,
    comments: str = "",
    manual_comments: Mapping[str, str] | None = None,
    action: str = "",
    action_due: date | None = None,
    moderates_id: uuid.UUID | None = None,
    rubric: PlanRubric | None = None,
) -> dict[str, Any]:
    """Save an audit (or a blind moderation) of a plan version; returns
    :func:`send_desk.services.audits.audit_data` with ``subject``."""
    rubric = rubric or default_plan_rubric()
    row = plan_version(session, child_id, number)
    automatic = automatic_results(session, row)
    overall, _score = overall_for(rubric, automatic, manual)
    check_action_due(action, action_due)
    auditor = actor_id(session)
    refusal = own_plan_refusal(session, row, auditor)
    if refusal:
        raise Refused(refusal)
    role = "audit"
    if moderates_id is not None:
        first = session.get(NoteAudit, moderates_id)
        if first is None or first.subject != SUBJECT:
            raise NotFound(f"no plan audit with id '{moderates_id}' to moderate")
        check_moderation(first, row.id, auditor, "plan")
        role = "moderation"
    notes_by_id = manual_comments or {}
    criteria = [{k: v for k, v in a.items() if k != "label"} for a in automatic] + [
        {"id": c.id, "kind": "manual", "section": c.section, "grade": manual[c.id],
         "comment": bounded_text(notes_by_id.get(c.id, ""), c.id)}
        for c in rubric.manual
    ]  # fmt: skip
    audit = NoteAudit(
        note_id=row.plan_id,
        version_id=row.id,
        child_id=row.child_id,
        subject=SUBJECT,
        caseworker_id=caseworker_of_plan(session, row),
        auditor_id=auditor,
        role=role,
        moderates_id=moderates_id,
        criteria=criteria,
        overall=overall,
        rule_version=rubric.version,
        comments=bounded_text(comments, "comments"),
        action=bounded_text(action, "action"),
        action_due=action_due if action.strip() else None,
    )
    check_plain(audit)
    session.add(audit)
    session.flush()
    return plan_audit_data(session, audit)


def plan_audit_data(
    session: Session,
    audit: NoteAudit,
    names: Mapping[uuid.UUID, str] | None = None,
    responses: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """An audit as :func:`audit_data` gives it, with the plan version it graded."""
    data = audit_data(session, audit, names, responses)
    row = session.get(PlanVersion, audit.version_id)
    return {
        **data,
        "subject": audit.subject,
        "plan_id": str(audit.note_id),
        "version": row.version if row else None,
        "plan_kind": row.kind if row else None,
    }


def list_plan_audits(
    session: Session,
    *,
    child_id: uuid.UUID | None = None,
    caseworker_id: uuid.UUID | None = None,
    role: str | None = None,
) -> list[dict[str, Any]]:
    """Plan audits, newest first."""
    query = (
        select(NoteAudit)
        .where(NoteAudit.subject == SUBJECT)
        .order_by(col(NoteAudit.created_at).desc(), col(NoteAudit.id))
    )
    if child_id is not None:
        query = query.where(NoteAudit.child_id == child_id)
    if caseworker_id is not None:
        query = query.where(NoteAudit.caseworker_id == caseworker_id)
    if role is not None:
        query = query.where(NoteAudit.role == role)
    rows = session.exec(query).all()
    names = user_names(session)
    responses = responses_by_audit(session, [r.id for r in rows])
    return [plan_audit_data(session, r, names, responses.get(r.id, [])) for r in rows]


def plans_to_audit(
    session: Session,
    *,
    period: Period | None = None,
    team: str | None = None,
    viewer: uuid.UUID | None = None,
) -> list[dict[str, Any]]:
    """Issued plan versions (issued in ``period``; of ``team``'s caseworkers), newest
    first, each marked ``audited`` (a first audit of that version exists) and ``yours``
    (``viewer``, by default the session's actor, may not audit it)."""
    scope = resolve_team(session, team) if team else None
    users = {u.id: u for u in session.exec(select(User)).all()}
    children = {c.id: c for c in session.exec(select(Child)).all()}
    query = select(PlanVersion)
    if period is not None:
        query = query.where(
            col(PlanVersion.issued_on) >= period.start, col(PlanVersion.issued_on) < period.end
        )
    audited = {
        v
        for v in session.exec(
            select(NoteAudit.version_id).where(
                NoteAudit.subject == SUBJECT, NoteAudit.role == "audit"
            )
        ).all()
    }
    me = viewer or actor_id(session)
    out = []
    for row in session.exec(query).all():
        worker = caseworker_of_plan(session, row)
        user = users.get(worker) if worker else None
        if scope is not None and (user is None or user.team_id != scope.id):
            continue
        child = children.get(row.child_id)
        out.append(
            {
                "child_id": str(row.child_id),
                "child_name": f"{child.first_name} {child.last_name}" if child else "",
                "plan_id": str(row.plan_id),
                "version_id": str(row.id),
                "version": row.version,
                "kind": row.kind,
                "issued_on": row.issued_on.isoformat(),
                "author": users[row.author_id].display_name
                if row.author_id in users else "",
                "caseworker": user.display_name if user else "",
                "audited": row.id in audited,
                "yours": own_plan_refusal(session, row, me) is not None,
            }
        )  # fmt: skip
    out.sort(key=lambda r: (r["issued_on"], r["child_name"], r["version"]), reverse=True)
    return out


def version_of_audit(session: Session, audit_id: uuid.UUID) -> PlanVersion:
    """The plan version a plan audit graded (for a moderator's form)."""
    audit = session.get(NoteAudit, audit_id)
    if audit is None or audit.subject != SUBJECT:
        raise NotFound(f"no plan audit with id '{audit_id}'")
    return _version_by_id(session, audit.version_id)
