"""Complaints: stages with their SLAs, root cause, outcome, lessons learned and
Ombudsman referrals, each on a child's record and linked to the caseworker.

A complaint starts at the first stage of the service standards; each stage has the
dates it must be acknowledged and answered by (working days from the day it started).
Answering a stage records its outcome and, when there is a next stage, the last day
to ask for it; a request to go on opens the next stage. The complaint is open while its
latest stage has no response. Whether a stage was answered within its SLA is read
from its dates, never stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from send_desk.domain.children import Child
from send_desk.domain.correspondence import (
    CHANNEL_LABELS,
    Complaint,
    ComplaintCreate,
    ComplaintStage,
    ComplaintStageCreate,
    CorrespondenceItem,
)
from send_desk.domain.organisation import Team, User
from send_desk.services import correspondence as correspondence_service
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.standards import Standards, StandardsError
from send_desk.services.validation import apply_changes, validate
from send_desk.timeutil import uk_date

OPEN, OVERDUE, CLOSED = "open", "overdue", "closed"
STATUS_LABELS = {OPEN: "Open", OVERDUE: "Response overdue", CLOSED: "Closed"}
NO_CHILD = (
    "A complaint is recorded on the record of the child or young person it is about: "
    "choose the child first (search by name or UPN). If the complaint is not about one "
    "child, log it with the council's corporate complaints team."
)
EDITABLE = ("caseworker_id", "summary", "root_cause", "lessons_learned", "complainant")


def _standard_code(standards: Standards, field: str, value: Any) -> None:
    if value in (None, ""):
        return
    allowed = {
        "root_cause": standards.root_causes,
        "outcome": standards.outcomes,
        "ombudsman_outcome": standards.ombudsman_outcomes,
    }[field]
    if value not in allowed:
        raise ValidationFailed(
            f"'{value}' is not a {field.replace('_', ' ')} (one of {', '.join(allowed)})",
            {field: "choose one from the list"},
        )


def add_complaint(
    session: Session, data: Mapping[str, Any], *, today: date, standards: Standards
) -> dict[str, Any]:
    """Record a complaint and open its first stage. ``data``: child_id (required),
    received_on, complainant, summary, received_via, caseworker_id (default: the
    child's caseworker now), correspondence_id (the item that brought it)."""
    values = dict(data)
    if not values.get("child_id"):
        raise ValidationFailed(NO_CHILD, {"child_id": "choose the child it is about"})
    child_id = uuid.UUID(str(values["child_id"]))
    get_child(session, child_id)
    values["child_id"] = child_id
    worker, team = correspondence_service.current_holder(session, child_id)
    if not values.get("caseworker_id"):
        values["caseworker_id"] = worker
    values.setdefault("team_id", team)
    for field in ("root_cause", "outcome", "ombudsman_outcome"):
        _standard_code(standards, field, values.get(field))
    item_id = values.get("correspondence_id")
    if item_id:
        item = correspondence_service.get_item(session, uuid.UUID(str(item_id)))
        if item.child_id != child_id:
            raise Refused("that correspondence item is on another child's record")
        values.setdefault("received_via", item.channel)
    checked = validate(ComplaintCreate, values, today)
    complaint = Complaint.model_validate(checked)
    session.add(complaint)
    session.flush()
    _open_stage(session, complaint, standards.stages[0].id, complaint.received_on, standards, today)
    return complaint_json(session, complaint, today, standards)


def _open_stage(
    session: Session,
    complaint: Complaint,
    stage_id: str,
    started: date,
    standards: Standards,
    today: date,
) -> ComplaintStage:
    acknowledge_due, response_due = standards.stage_dates(stage_id, started)
    stage = ComplaintStage.model_validate(
        validate(
            ComplaintStageCreate,
            {
                "complaint_id": complaint.id,
                "child_id": complaint.child_id,
                "stage": stage_id,
                "started_on": started,
                "acknowledge_due": acknowledge_due,
                "response_due": response_due,
            },
            today,
        )
    )
    session.add(stage)
    session.flush()
    return stage


def get_complaint(session: Session, complaint_id: uuid.UUID) -> Complaint:
    row = session.get(Complaint, complaint_id)
    if row is None:
        raise NotFound(f"no complaint with id {complaint_id} in this store")
    return row


def stages_of(
    session: Session, complaint_id: uuid.UUID, standards: Standards
) -> list[ComplaintStage]:
    order = {stage.id: index for index, stage in enumerate(standards.stages)}
    rows = list(
        session.scalars(
            sa.select(ComplaintStage).where(col(ComplaintStage.complaint_id) == complaint_id)
        )
    )
    return sorted(rows, key=lambda row: (order.get(row.stage, 99), row.started_on))


def _current(session: Session, complaint: Complaint, standards: Standards) -> ComplaintStage:
    stages = stages_of(session, complaint.id, standards)
    if not stages:
        raise NotFound("this complaint has no stage recorded")
    return stages[-1]


def _set(session: Session, stage: ComplaintStage, today: date, **changes: Any) -> None:
    values = {name: getattr(stage, name) for name in ComplaintStageCreate.model_fields}
    values.update(changes)
    checked = validate(ComplaintStageCreate, values, today)
    for name in changes:
        setattr(stage, name, getattr(checked, name))
    session.flush()


def acknowledge(
    session: Session,
    complaint_id: uuid.UUID,
    on: date,
    *,
    letter_id: uuid.UUID | None = None,
    investigator: str | None = None,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    """Record the acknowledgement of the current stage (with the letter, when one was
    saved). The acknowledgement letter also answers the item that brought the complaint."""
    complaint = get_complaint(session, complaint_id)
    stage = _current(session, complaint, standards)
    if stage.acknowledged_on is not None:
        raise Refused(f"this stage was already acknowledged on {uk_date(stage.acknowledged_on)}")
    changes: dict[str, Any] = {"acknowledged_on": on, "acknowledgement_letter_id": letter_id}
    if investigator:
        changes["investigator"] = investigator
    _set(session, stage, today, **changes)
    if letter_id is not None and complaint.correspondence_id is not None:
        item = session.get(CorrespondenceItem, complaint.correspondence_id)
        if item is not None and item.needs_response and item.responded_on is None:
            correspondence_service.close(
                session, item, "letter", on, letter_id, "Complaint acknowledged", today
            )
    return complaint_json(session, complaint, today, standards)


def respond(
    session: Session,
    complaint_id: uuid.UUID,
    on: date,
    outcome: str,
    *,
    letter_id: uuid.UUID | None = None,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    """Answer the current stage: the outcome, the date, and the response letter."""
    complaint = get_complaint(session, complaint_id)
    stage = _current(session, complaint, standards)
    if stage.responded_on is not None:
        raise Refused(
            f"this stage was already answered on {uk_date(stage.responded_on)}: record a "
            "request for the next stage instead"
        )
    if not outcome:
        raise ValidationFailed("choose the outcome", {"outcome": "is needed"})
    _standard_code(standards, "outcome", outcome)
    escalate_by = standards.escalate_by(stage.stage, on) if outcome != "withdrawn" else None
    _set(
        session,
        stage,
        today,
        responded_on=on,
        outcome=outcome,
        response_letter_id=letter_id,
        escalate_by=escalate_by,
    )
    apply_changes(session, ComplaintCreate, complaint, {"outcome": outcome}, today)
    return complaint_json(session, complaint, today, standards)


def escalate(
    session: Session,
    complaint_id: uuid.UUID,
    requested_on: date,
    *,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    """The person asked for the next stage on ``requested_on``: open it."""
    complaint = get_complaint(session, complaint_id)
    stage = _current(session, complaint, standards)
    if stage.responded_on is None:
        raise Refused(
            f"{standards.stage(stage.stage).label} has not been answered yet: answer it "
            "before the complaint goes to the next stage"
        )
    if stage.outcome == "withdrawn":
        raise Refused("the complaint was withdrawn: record a new complaint instead")
    following = standards.next_stage(stage.stage)
    if following is None:
        raise Refused(
            f"{standards.stage(stage.stage).label} is the last stage: the next step is the "
            f"{standards.ombudsman_name} (record the referral)"
        )
    if requested_on < stage.responded_on:
        raise ValidationFailed(
            f"the request for the next stage is dated {uk_date(requested_on)}, before the "
            f"response on {uk_date(stage.responded_on)}",
            {"requested_on": "is before the response"},
        )
    if requested_on > today:
        raise ValidationFailed(
            f"the request date {uk_date(requested_on)} is in the future",
            {"requested_on": "is in the future"},
        )
    _open_stage(session, complaint, following.id, requested_on, standards, today)
    apply_changes(session, ComplaintCreate, complaint, {"outcome": None}, today)
    return complaint_json(session, complaint, today, standards)


def update_complaint(
    session: Session,
    complaint_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    """Change the root cause, lessons learned, summary, complainant or caseworker."""
    complaint = get_complaint(session, complaint_id)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ValidationFailed(
            f"{', '.join(unknown)} cannot be changed here (only {', '.join(EDITABLE)})"
        )
    _standard_code(standards, "root_cause", changes.get("root_cause"))
    apply_changes(session, ComplaintCreate, complaint, changes, today)
    return complaint_json(session, complaint, today, standards)


def refer_to_ombudsman(
    session: Session,
    complaint_id: uuid.UUID,
    referred_on: date,
    reference: str | None,
    *,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    complaint = get_complaint(session, complaint_id)
    if complaint.ombudsman_referred_on is not None:
        raise Refused(
            f"the referral to the Ombudsman is already recorded "
            f"({uk_date(complaint.ombudsman_referred_on)})"
        )
    apply_changes(
        session,
        ComplaintCreate,
        complaint,
        {"ombudsman_referred_on": referred_on, "ombudsman_reference": reference},
        today,
    )
    return complaint_json(session, complaint, today, standards)


def ombudsman_decision(
    session: Session,
    complaint_id: uuid.UUID,
    decided_on: date,
    outcome: str,
    *,
    today: date,
    standards: Standards,
) -> dict[str, Any]:
    complaint = get_complaint(session, complaint_id)
    _standard_code(standards, "ombudsman_outcome", outcome)
    apply_changes(
        session,
        ComplaintCreate,
        complaint,
        {"ombudsman_decided_on": decided_on, "ombudsman_outcome": outcome},
        today,
    )
    return complaint_json(session, complaint, today, standards)


# ---------------------------------------------------------------- inputs for letters


def acknowledgement_inputs(
    session: Session, complaint_id: uuid.UUID, standards: Standards
) -> dict[str, Any]:
    """Inputs of the ``complaint_acknowledgement`` letter."""
    complaint = get_complaint(session, complaint_id)
    stage = _current(session, complaint, standards)
    lines = [line.strip() for line in complaint.summary.splitlines() if line.strip()]
    return {
        "complaint_date": stage.started_on,
        "summary": lines,
        "investigator": stage.investigator or "",
        "reply_by": stage.response_due,
    }


def response_inputs(
    session: Session, complaint_id: uuid.UUID, outcome: str | None, standards: Standards, on: date
) -> dict[str, Any]:
    """Inputs of the ``complaint_response`` letter (its outcome choices are words)."""
    complaint = get_complaint(session, complaint_id)
    stage = _current(session, complaint, standards)
    inputs: dict[str, Any] = {"complaint_date": stage.started_on}
    if outcome in ("upheld", "partly_upheld", "not_upheld"):
        inputs["outcome"] = outcome.replace("_", " ")
    escalate_by = standards.escalate_by(stage.stage, on)
    if escalate_by is not None:
        inputs["escalate_by"] = escalate_by
    return inputs


# ---------------------------------------------------------------- reading


def stage_json(stage: ComplaintStage, today: date, standards: Standards) -> dict[str, Any]:
    try:
        label = standards.stage(stage.stage).label
    except StandardsError:
        label = stage.stage
    within = None if stage.responded_on is None else stage.responded_on <= stage.response_due
    return {
        "id": stage.id.hex,
        "stage": stage.stage,
        "label": label,
        "started_on": stage.started_on,
        "acknowledge_due": stage.acknowledge_due,
        "acknowledged_on": stage.acknowledged_on,
        "acknowledged_in_time": None
        if stage.acknowledged_on is None
        else stage.acknowledged_on <= stage.acknowledge_due,
        "acknowledgement_letter_id": stage.acknowledgement_letter_id.hex
        if stage.acknowledgement_letter_id
        else None,
        "response_due": stage.response_due,
        "responded_on": stage.responded_on,
        "within_sla": within,
        "response_letter_id": stage.response_letter_id.hex if stage.response_letter_id else None,
        "outcome": stage.outcome,
        "outcome_label": standards.outcomes.get(stage.outcome or "", ""),
        "investigator": stage.investigator,
        "escalate_by": stage.escalate_by,
        "days_left": (stage.response_due - today).days if stage.responded_on is None else None,
    }


def complaint_json(
    session: Session, complaint: Complaint, today: date, standards: Standards
) -> dict[str, Any]:
    stages = [stage_json(s, today, standards) for s in stages_of(session, complaint.id, standards)]
    current = stages[-1] if stages else None
    if current is None or current["responded_on"] is not None:
        status = CLOSED
    elif current["response_due"] < today:
        status = OVERDUE
    else:
        status = OPEN
    child = session.get(Child, complaint.child_id)
    worker = session.get(User, complaint.caseworker_id) if complaint.caseworker_id else None
    team = session.get(Team, complaint.team_id) if complaint.team_id else None
    return {
        "id": complaint.id.hex,
        "child_id": complaint.child_id.hex,
        "child_name": f"{child.first_name} {child.last_name}" if child else "",
        "caseworker_id": complaint.caseworker_id.hex if complaint.caseworker_id else None,
        "caseworker": worker.display_name if worker else "Not allocated",
        "team": team.name if team else "",
        "received_on": complaint.received_on,
        "complainant": complaint.complainant,
        "received_via": complaint.received_via,
        "received_via_label": CHANNEL_LABELS.get(complaint.received_via or "", ""),
        "summary": complaint.summary,
        "correspondence_id": complaint.correspondence_id.hex
        if complaint.correspondence_id
        else None,
        "root_cause": complaint.root_cause,
        "root_cause_label": standards.root_causes.get(complaint.root_cause or "", "Not yet known"),
        "outcome": complaint.outcome,
        "outcome_label": standards.outcomes.get(complaint.outcome or "", ""),
        "lessons_learned": complaint.lessons_learned,
        "ombudsman_referred_on": complaint.ombudsman_referred_on,
        "ombudsman_reference": complaint.ombudsman_reference,
        "ombudsman_outcome": complaint.ombudsman_outcome,
        "ombudsman_outcome_label": standards.ombudsman_outcomes.get(
            complaint.ombudsman_outcome or "", ""
        ),
        "ombudsman_decided_on": complaint.ombudsman_decided_on,
        "stages": stages,
        "stage": current["stage"] if current else None,
        "stage_label": current["label"] if current else "",
        "response_due": current["response_due"] if current else None,
        "days_left": current["days_left"] if current else None,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "can_escalate": bool(
            current
            and current["responded_on"] is not None
            and current["outcome"] != "withdrawn"
            and standards.next_stage(current["stage"]) is not None
        ),
    }


@dataclass(frozen=True)
class ComplaintQuery:
    """``show``: open, overdue, closed, all; on the children allocated now to
    ``caseworker_id`` or to ``team_id``'s caseworkers, or one child's."""

    show: str = "open"
    caseworker_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    child_id: uuid.UUID | None = None
    limit: int | None = 2000


SHOW = ("open", "overdue", "closed", "all")


def complaints(
    session: Session, query: ComplaintQuery, *, today: date, standards: Standards
) -> list[dict[str, Any]]:
    if query.show not in SHOW:
        raise ValidationFailed(f"'{query.show}' is not one of {', '.join(SHOW)}")
    select = sa.select(Complaint).order_by(col(Complaint.received_on).desc())
    if query.child_id is not None:
        select = select.where(col(Complaint.child_id) == query.child_id)
    if query.caseworker_id is not None:
        select = select.where(col(Complaint.caseworker_id) == query.caseworker_id)
    if query.team_id is not None:
        select = select.where(col(Complaint.team_id) == query.team_id)
    rows = [complaint_json(session, row, today, standards) for row in session.scalars(select)]
    if query.show == "open":
        rows = [row for row in rows if row["status"] != CLOSED]
    elif query.show == "overdue":
        rows = [row for row in rows if row["status"] == OVERDUE]
    elif query.show == "closed":
        rows = [row for row in rows if row["status"] == CLOSED]
    if query.show in ("open", "overdue"):
        rows.sort(key=lambda row: (row["response_due"] or today, row["child_name"]))
    return rows[: query.limit] if query.limit is not None else rows


__all__ = [
    "NO_CHILD",
    "SHOW",
    "STATUS_LABELS",
    "ComplaintQuery",
    "acknowledge",
    "acknowledgement_inputs",
    "add_complaint",
    "complaint_json",
    "complaints",
    "escalate",
    "get_complaint",
    "ombudsman_decision",
    "refer_to_ombudsman",
    "respond",
    "response_inputs",
    "stage_json",
    "stages_of",
    "update_complaint",
]
