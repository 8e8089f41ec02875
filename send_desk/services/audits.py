"""Case-note audits: the form, graded audits, blind moderation, the caseworker's replies.

- :func:`audit_form` is what the auditor fills in: the note version as saved, the
  checker's results on that version (pre-filled, the automatic criteria) and the manual
  criteria of ``resources/supervision/audit.toml``;
- :func:`record_audit` saves an audit (append-only); the overall grade is computed by the
  rule (:mod:`send_desk.services.audit_rules`), never typed. Two audits of the same note
  are both kept. A moderation audit names the audit it moderates and is made without
  seeing it (:func:`audit_form` never shows other audits);
- :func:`moderation` pairs each moderation with the audit it moderates, lists the
  disagreements and reports the agreement rate (the share of manual criteria and overall
  grades given the same) and Cohen's kappa;
- :func:`respond` records the caseworker's acknowledgement (or that the action is done);
  :func:`audit_actions_due` lists open audit actions for My day.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.notes import NoteVersion
from send_desk.domain.supervision import (
    GRADE_LABELS,
    GRADES,
    RESPONSE_KINDS,
    AuditResponse,
    NoteAudit,
)
from send_desk.quality import KIND_LABELS, check_note
from send_desk.services.audit_common import (
    actor_id,
    bounded_text,
    check_action_due,
    check_moderation,
    responses_by_audit,
    user_names,
)
from send_desk.services.audit_rules import (
    AutomaticResult,
    Rubric,
    RubricError,
    default_rubric,
    overall_grade,
)
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.notes import structured
from send_desk.services.validation import check_plain
from send_desk.timeutil import uk_date


def _version(session: Session, note_or_version: uuid.UUID) -> NoteVersion:
    """A version by its id, or a note's latest version by the note's id."""
    row = session.get(NoteVersion, note_or_version)
    if row is not None:
        return row
    rows = session.exec(
        select(NoteVersion)
        .where(NoteVersion.note_id == note_or_version)
        .order_by(col(NoteVersion.version).desc())
    ).first()
    if rows is None:
        raise NotFound(f"no note or note version with id '{note_or_version}'")
    return rows


def caseworker_of(session: Session, version: NoteVersion) -> uuid.UUID | None:
    """The note's author, or the child's caseworker on the day of the contact."""
    if version.author_id is not None:
        return version.author_id
    day = version.occurred_at.date() if version.occurred_at else None
    for row in session.exec(
        select(Allocation).where(Allocation.child_id == version.child_id)
    ).all():
        if day is None or (row.start_date <= day and (row.end_date is None or row.end_date > day)):
            return row.caseworker_id
    return None


def automatic_results(version: NoteVersion) -> list[dict[str, Any]]:
    """The checker's results on the saved version (the automatic criteria)."""
    result = check_note(structured(version))
    return [
        {
            "id": item.id,
            "kind": "automatic",
            "label": item.label or item.id,
            "applies": item.applies,
            "passed": item.passed,
            "message": item.message if item.applies and not item.passed else "",
        }
        for item in result.items
    ]


OWN_NOTE = (
    "You cannot audit your own case note: an audit is a second pair of eyes. Ask your "
    "supervisor or a colleague to audit it."
)


def own_note_refusal(
    session: Session, version: NoteVersion, auditor: uuid.UUID | None
) -> str | None:
    """Why this person may not audit (or moderate) this note, if they may not: they
    wrote it, or it is about a child allocated to them when it was written."""
    if auditor is None:
        return None
    if version.author_id == auditor or caseworker_of(session, version) == auditor:
        return OWN_NOTE
    return None


def audit_form(
    session: Session,
    note_or_version: uuid.UUID,
    rubric: Rubric | None = None,
    *,
    viewer: uuid.UUID | None = None,
) -> dict[str, Any]:
    """What the auditor sees: the note, the automatic results, the manual criteria;
    ``refused`` says why ``viewer`` (the would-be auditor) may not audit it, if so.

    Never shows other audits of the note (moderation is blind).
    """
    rubric = rubric or default_rubric()
    version = _version(session, note_or_version)
    child = session.get(Child, version.child_id)
    names = user_names(session)
    worker = caseworker_of(session, version)
    return {
        "note_id": str(version.note_id),
        "version_id": str(version.id),
        "version": version.version,
        "child_id": str(version.child_id),
        "child_name": f"{child.first_name} {child.last_name}" if child else "",
        "caseworker_id": str(worker) if worker else None,
        "caseworker": names.get(worker, "") if worker else "",
        "kind": version.kind,
        "kind_label": KIND_LABELS.get(version.kind, version.kind),
        "occurred_at": version.occurred_at.isoformat() if version.occurred_at else None,
        "purpose": version.purpose,
        "body": version.body,
        "automatic": automatic_results(version),
        "manual": [{"id": c.id, "label": c.label, "help": c.help} for c in rubric.manual],
        "grades": [{"id": g, "label": GRADE_LABELS[g]} for g in GRADES],
        "rule_version": rubric.version,
        "refused": own_note_refusal(session, version, viewer or actor_id(session)),
    }


def criteria_rows(
    automatic: Sequence[Mapping[str, Any]],
    rubric: Rubric,
    manual: Mapping[str, str],
    comments: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """An audit's criteria as stored: the checker's results, then the manual grades."""
    notes_by_id = comments or {}
    return [
        {k: v for k, v in a.items() if k != "label"} for a in automatic
    ] + [
        {"id": c.id, "kind": "manual", "grade": manual[c.id],
         "comment": bounded_text(notes_by_id.get(c.id, ""), c.id)}
        for c in rubric.manual
    ]  # fmt: skip


def record_audit(
    session: Session,
    note_or_version: uuid.UUID,
    manual: Mapping[str, str],
    *,
    comments: str = "",
    manual_comments: Mapping[str, str] | None = None,
    action: str = "",
    action_due: date | None = None,
    sample_id: uuid.UUID | None = None,
    moderates_id: uuid.UUID | None = None,
    rubric: Rubric | None = None,
) -> dict[str, Any]:
    """Save an audit of a note version; returns it as :func:`audit_data`."""
    rubric = rubric or default_rubric()
    version = _version(session, note_or_version)
    unknown = sorted(set(manual) - set(rubric.manual_ids))
    if unknown:
        raise ValidationFailed(f"unknown criteria: {', '.join(unknown)}")
    automatic = automatic_results(version)
    try:
        overall = overall_grade(
            rubric,
            [AutomaticResult(a["id"], a["applies"], a["passed"]) for a in automatic],
            manual,
        )
    except RubricError as error:
        raise ValidationFailed(str(error)) from None
    check_action_due(action, action_due)
    auditor = actor_id(session)
    refusal = own_note_refusal(session, version, auditor)
    if refusal:
        raise Refused(refusal)
    role = "audit"
    if moderates_id is not None:
        first = session.get(NoteAudit, moderates_id)
        if first is None:
            raise NotFound(f"no audit with id '{moderates_id}' to moderate")
        check_moderation(first, version.id, auditor, "note")
        role = "moderation"
    criteria = criteria_rows(automatic, rubric, manual, manual_comments)
    row = NoteAudit(
        note_id=version.note_id,
        version_id=version.id,
        child_id=version.child_id,
        caseworker_id=caseworker_of(session, version),
        auditor_id=auditor,
        sample_id=sample_id,
        role=role,
        moderates_id=moderates_id,
        criteria=criteria,
        overall=overall,
        rule_version=rubric.version,
        comments=bounded_text(comments, "comments"),
        action=bounded_text(action, "action"),
        action_due=action_due if action.strip() else None,
    )
    check_plain(row)
    session.add(row)
    session.flush()
    return audit_data(session, row)


def audit_data(
    session: Session,
    row: NoteAudit,
    names: Mapping[uuid.UUID, str] | None = None,
    responses: Sequence[AuditResponse] | None = None,
) -> dict[str, Any]:
    names = names if names is not None else user_names(session)
    if responses is None:
        responses = responses_by_audit(session, [row.id]).get(row.id, [])
    acknowledged = next((r for r in responses if r.kind == "acknowledged"), None)
    done = next((r for r in responses if r.kind == "action_done"), None)
    manual = [c for c in row.criteria if c.get("kind") == "manual"]
    automatic = [c for c in row.criteria if c.get("kind") == "automatic"]
    return {
        "audit_id": str(row.id),
        "note_id": str(row.note_id),
        "version_id": str(row.version_id),
        "child_id": str(row.child_id),
        "caseworker_id": str(row.caseworker_id) if row.caseworker_id else None,
        "caseworker": names.get(row.caseworker_id, "") if row.caseworker_id else "",
        "auditor_id": str(row.auditor_id) if row.auditor_id else None,
        "auditor": names.get(row.auditor_id, "") if row.auditor_id else "",
        "role": row.role,
        "moderates_id": str(row.moderates_id) if row.moderates_id else None,
        "sample_id": str(row.sample_id) if row.sample_id else None,
        "overall": row.overall,
        "overall_label": GRADE_LABELS.get(row.overall, row.overall),
        "manual": manual,
        "automatic": automatic,
        "automatic_failed": [
            c["id"] for c in automatic if c.get("applies") and not c.get("passed")
        ],
        "rule_version": row.rule_version,
        "comments": row.comments,
        "action": row.action,
        "action_due": row.action_due.isoformat() if row.action_due else None,
        "made_at": row.created_at.isoformat() if row.created_at else None,
        "made_label": uk_date(row.created_at.date()) if row.created_at else "",
        "acknowledged": acknowledged is not None,
        "acknowledged_at": (
            acknowledged.created_at.isoformat()
            if acknowledged and acknowledged.created_at
            else None
        ),
        "acknowledgement": acknowledged.comment if acknowledged else "",
        "action_done": done is not None,
    }


def get_audit(session: Session, audit_id: uuid.UUID) -> NoteAudit:
    row = session.get(NoteAudit, audit_id)
    if row is None:
        raise NotFound(f"no audit with id '{audit_id}'")
    return row


def list_audits(
    session: Session,
    *,
    caseworker_id: uuid.UUID | None = None,
    auditor_id: uuid.UUID | None = None,
    note_id: uuid.UUID | None = None,
    role: str | None = None,
    subject: str | None = "note",
) -> list[dict[str, Any]]:
    """Audits, newest first (every audit of a note is kept, both of two supervisors');
    case-note audits unless ``subject`` says otherwise ("plan", or None for both)."""
    query = select(NoteAudit).order_by(col(NoteAudit.created_at).desc(), col(NoteAudit.id))
    if subject is not None:
        query = query.where(NoteAudit.subject == subject)
    if caseworker_id is not None:
        query = query.where(NoteAudit.caseworker_id == caseworker_id)
    if auditor_id is not None:
        query = query.where(NoteAudit.auditor_id == auditor_id)
    if note_id is not None:
        query = query.where(NoteAudit.note_id == note_id)
    if role is not None:
        query = query.where(NoteAudit.role == role)
    rows = session.exec(query).all()
    names = user_names(session)
    responses = responses_by_audit(session, [r.id for r in rows])
    return [audit_data(session, r, names, responses.get(r.id, [])) for r in rows]


def respond(
    session: Session, audit_id: uuid.UUID, *, kind: str = "acknowledged", comment: str = ""
) -> dict[str, Any]:
    """The caseworker acknowledges an audit (or says its action is done): a new record."""
    if kind not in RESPONSE_KINDS:
        raise ValidationFailed(f"'{kind}' is not one of {', '.join(RESPONSE_KINDS)}")
    audit = get_audit(session, audit_id)
    if audit.role == "moderation":
        raise Refused("a moderation is for the auditors: the caseworker replies to the audit")
    if kind == "action_done" and not audit.action:
        raise Refused("this audit has no action for the caseworker")
    existing = session.exec(
        select(AuditResponse).where(AuditResponse.audit_id == audit_id, AuditResponse.kind == kind)
    ).first()
    if existing is not None:
        return audit_data(session, audit)  # already recorded: nothing new
    response = AuditResponse(
        audit_id=audit_id,
        child_id=audit.child_id,
        user_id=actor_id(session),
        kind=kind,
        comment=bounded_text(comment, "comment"),
    )
    check_plain(response)
    session.add(response)
    session.flush()
    return audit_data(session, audit)


def audit_actions_due(
    session: Session,
    *,
    until: date,
    today: date,
    caseworker_id: uuid.UUID | None = None,
) -> list[dict[str, Any]]:
    """Open actions from audits (not yet done) due on or before ``until``, soonest first."""
    query = select(NoteAudit).where(
        col(NoteAudit.action_due).is_not(None),
        col(NoteAudit.action_due) <= until,
        NoteAudit.role == "audit",
    )
    if caseworker_id is not None:
        query = query.where(NoteAudit.caseworker_id == caseworker_id)
    rows = session.exec(query).all()
    done = {
        r.audit_id
        for r in session.exec(select(AuditResponse).where(AuditResponse.kind == "action_done"))
    }
    children = {c.id: c for c in session.exec(select(Child)).all()}
    people = user_names(session)
    out = []
    for row in sorted(rows, key=lambda r: (r.action_due or until, str(r.id))):
        if row.id in done or row.action_due is None:
            continue
        child = children.get(row.child_id)
        out.append(
            {
                "audit_id": str(row.id),
                "note_id": str(row.note_id),
                "child_id": str(row.child_id),
                "child_name": f"{child.first_name} {child.last_name}" if child else "",
                "what": row.action,
                "due": row.action_due.isoformat(),
                "due_label": uk_date(row.action_due),
                "days_left": (row.action_due - today).days,
                "status": "overdue" if row.action_due < today
                else ("due_today" if row.action_due == today else "due"),
                "overall": row.overall,
                "overall_label": GRADE_LABELS.get(row.overall, row.overall),
                "caseworker": people.get(row.caseworker_id, "") if row.caseworker_id else "",
            }
        )  # fmt: skip
    return out


# ---------------------------------------------------------------- moderation


@dataclass(frozen=True)
class GradedPair:
    """An audit and its moderation: manual grades by criterion, and the overall grades."""

    note_id: str
    first: Mapping[str, str]
    second: Mapping[str, str]
    first_overall: str
    second_overall: str


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; None when it is not defined (no pairs, or
    both raters gave one and the same label throughout)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in set(first) | set(second)) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def agreement(pairs: Sequence[GradedPair]) -> dict[str, Any]:
    """Agreement of audits and their moderations.

    ``rate`` is the share of items graded the same, counting each manual criterion graded
    by both and the overall grade; ``overall_rate`` counts overall grades only. Kappa is
    Cohen's, over the overall grades and over the manual criteria grades.
    """
    items: list[tuple[str, str]] = []
    criteria: list[tuple[str, str]] = []
    overall: list[tuple[str, str]] = []
    disagreements: list[dict[str, Any]] = []
    for pair in pairs:
        for criterion, grade in pair.first.items():
            other = pair.second.get(criterion)
            if other is None:
                continue
            criteria.append((grade, other))
            items.append((grade, other))
            if grade != other:
                disagreements.append(
                    {"note_id": pair.note_id, "criterion": criterion, "first": grade,
                     "second": other}
                )  # fmt: skip
        overall.append((pair.first_overall, pair.second_overall))
        items.append((pair.first_overall, pair.second_overall))
        if pair.first_overall != pair.second_overall:
            disagreements.append(
                {"note_id": pair.note_id, "criterion": "overall", "first": pair.first_overall,
                 "second": pair.second_overall}
            )  # fmt: skip

    def rate(values: list[tuple[str, str]]) -> float | None:
        return sum(1 for a, b in values if a == b) / len(values) if values else None

    return {
        "pairs": len(pairs),
        "items": len(items),
        "agreed": sum(1 for a, b in items if a == b),
        "rate": rate(items),
        "overall_rate": rate(overall),
        "criteria_rate": rate(criteria),
        "kappa_overall": cohen_kappa(overall),
        "kappa_criteria": cohen_kappa(criteria),
        "disagreements": disagreements,
    }


def _manual_grades(row: NoteAudit) -> dict[str, str]:
    return {c["id"]: c["grade"] for c in row.criteria if c.get("kind") == "manual"}


def moderation(
    session: Session, *, caseworker_id: uuid.UUID | None = None, subject: str = "note"
) -> dict[str, Any]:
    """Each moderation with the audit it moderates; disagreements and agreement, of
    case-note audits or (``subject="plan"``) of plan audits: never the two mixed."""
    seconds = session.exec(
        select(NoteAudit).where(NoteAudit.role == "moderation", NoteAudit.subject == subject)
    ).all()
    names = user_names(session)
    pairs: list[GradedPair] = []
    listed: list[dict[str, Any]] = []
    for second in sorted(seconds, key=lambda r: str(r.id)):
        first = session.get(NoteAudit, second.moderates_id) if second.moderates_id else None
        if first is None:
            continue
        if caseworker_id is not None and first.caseworker_id != caseworker_id:
            continue
        pair = GradedPair(str(first.note_id), _manual_grades(first), _manual_grades(second),
                          first.overall, second.overall)  # fmt: skip
        pairs.append(pair)
        result = agreement([pair])
        listed.append(
            {
                "note_id": str(first.note_id),
                "audit_id": str(first.id),
                "moderation_id": str(second.id),
                "caseworker": names.get(first.caseworker_id, "") if first.caseworker_id else "",
                "auditor": names.get(first.auditor_id, "") if first.auditor_id else "",
                "moderator": names.get(second.auditor_id, "") if second.auditor_id else "",
                "first_overall": first.overall,
                "second_overall": second.overall,
                "agreed": result["agreed"],
                "items": result["items"],
                "disagreements": result["disagreements"],
            }
        )
    summary = agreement(pairs)
    summary["moderations"] = listed
    return summary


def audits_to_moderate(session: Session, *, subject: str = "note") -> list[dict[str, Any]]:
    """Audits with no moderation yet, for a second auditor (grades not shown: blind)."""
    rows = session.exec(
        select(NoteAudit).where(NoteAudit.role == "audit", NoteAudit.subject == subject)
    ).all()
    moderated = {
        r.moderates_id
        for r in session.exec(select(NoteAudit).where(NoteAudit.role == "moderation")).all()
    }
    names = user_names(session)
    me = actor_id(session)
    return [
        {
            "audit_id": str(r.id),
            "note_id": str(r.note_id),
            "version_id": str(r.version_id),
            "caseworker": names.get(r.caseworker_id, "") if r.caseworker_id else "",
            "auditor": names.get(r.auditor_id, "") if r.auditor_id else "",
            "made_label": uk_date(r.created_at.date()) if r.created_at else "",
            "mine": me is not None and r.auditor_id == me,
        }
        for r in sorted(rows, key=lambda r: str(r.id))
        if r.id not in moderated
    ]
