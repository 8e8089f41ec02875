"""The correspondence services' rows as the facade's read models (the services still
speak plain data to the CLI, the reports and sync; the app gets typed rows)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from send_desk.backend.correspondence_models import (
    Absence,
    Availability,
    Callback,
    CallbackSlot,
    CallbackSlots,
    Complaint,
    ComplaintStage,
    CorrespondenceRow,
    DutyDay,
)

Row = Mapping[str, Any]


def _uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _maybe(value: object) -> uuid.UUID | None:
    return None if value is None or value == "" else _uuid(value)


def item(row: Row) -> CorrespondenceRow:
    return CorrespondenceRow(
        id=_uuid(row["id"]),
        child_id=_uuid(row["child_id"]),
        direction=row["direction"],
        channel=row["channel"],
        contact_date=row["contact_date"],
        correspondent=row["correspondent"],
        summary=row["summary"],
        reference=row["reference"],
        needs_response=bool(row["needs_response"]),
        response_due=row["response_due"],
        responded_on=row["responded_on"],
        response_kind=row["response_kind"],
        response_ref=_maybe(row["response_ref"]),
        response_summary=row["response_summary"],
        in_reply_to=_maybe(row["in_reply_to"]),
        status=row["status"],
        days_left=row["days_left"],
        logged_at=row["logged_at"],
        child_name=row.get("child_name", ""),
        caseworker=row.get("caseworker", ""),
        team=row.get("team", ""),
    )


def callback(row: Row) -> Callback:
    return Callback(
        id=_uuid(row["id"]),
        child_id=_uuid(row["child_id"]),
        child_name=row["child_name"],
        requested_on=row["requested_on"],
        requested_by=row["requested_by"],
        phone=row["phone"],
        about=row["about"],
        slot_start=row["slot_start"],
        slot_end=row["slot_end"],
        caller_id=_uuid(row["caller_id"]),
        caller=row["caller"],
        via_duty=bool(row["via_duty"]),
        correspondence_id=_maybe(row["correspondence_id"]),
        confirmation_via=row["confirmation_via"],
        confirmation_letter_id=_maybe(row["confirmation_letter_id"]),
        confirmed_on=row["confirmed_on"],
        outcome=row["outcome"],
        outcome_at=row["outcome_at"],
        outcome_note=row["outcome_note"],
        status=row["status"],
    )


def slots(found: Row) -> CallbackSlots:
    return CallbackSlots(
        slots=tuple(
            CallbackSlot(
                start=slot["start"],
                end=slot["end"],
                caller_id=_uuid(slot["caller_id"]),
                caller=slot["caller"],
                via_duty=bool(slot["via_duty"]),
            )
            for slot in found["slots"]
        ),
        notes=tuple(found["notes"]),
        slot_minutes=int(found["slot_minutes"]),
    )


def availability(found: Row) -> Availability:
    return Availability(
        absences=tuple(
            Absence(
                id=_uuid(row["id"]),
                user_id=_uuid(row["user_id"]),
                name=row["name"],
                first_day=row["first_day"],
                last_day=row["last_day"],
                reason=row["reason"],
            )
            for row in found["absences"]
        ),
        duty=tuple(
            DutyDay(
                team=row["team"],
                on_date=row["on_date"],
                name=row["name"],
                user_id=_uuid(row["user_id"]),
            )
            for row in found["duty"]
        ),
    )


def stage(row: Row) -> ComplaintStage:
    return ComplaintStage(
        id=_uuid(row["id"]),
        stage=row["stage"],
        started_on=row["started_on"],
        acknowledge_due=row["acknowledge_due"],
        acknowledged_on=row["acknowledged_on"],
        acknowledgement_letter_id=_maybe(row["acknowledgement_letter_id"]),
        response_due=row["response_due"],
        responded_on=row["responded_on"],
        response_letter_id=_maybe(row["response_letter_id"]),
        outcome=row["outcome"],
        investigator=row["investigator"],
        escalate_by=row["escalate_by"],
        days_left=row["days_left"],
    )


def complaint(row: Row) -> Complaint:
    return Complaint(
        id=_uuid(row["id"]),
        child_id=_uuid(row["child_id"]),
        child_name=row["child_name"],
        caseworker_id=_maybe(row["caseworker_id"]),
        caseworker=row["caseworker"],
        team=row["team"],
        received_on=row["received_on"],
        complainant=row["complainant"],
        received_via=row["received_via"],
        summary=row["summary"],
        correspondence_id=_maybe(row["correspondence_id"]),
        root_cause=row["root_cause"],
        outcome=row["outcome"],
        lessons_learned=row["lessons_learned"],
        ombudsman_referred_on=row["ombudsman_referred_on"],
        ombudsman_reference=row["ombudsman_reference"],
        ombudsman_outcome=row["ombudsman_outcome"],
        ombudsman_decided_on=row["ombudsman_decided_on"],
        stages=tuple(stage(s) for s in row["stages"]),
        stage=row["stage"],
        response_due=row["response_due"],
        days_left=row["days_left"],
        status=row["status"],
        can_escalate=bool(row["can_escalate"]),
    )
