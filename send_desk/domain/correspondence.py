"""Correspondence, callbacks and complaints: tables and code lists.

- ``correspondence_item``: every email, letter, call and portal message to or from a
  family, with the date a response is due under the service standard for its channel
  (worked out when it is logged and kept, so a later change of standard never moves a
  promise already made). An incoming item is closed by a response: a case note, a
  saved letter, or a call, email or portal message back (itself an outgoing item).
- ``callback``: a parent's request for a call, booked into a slot with a caller (the
  allocated caseworker, or the team's duty officer when the caseworker is away), with
  how it was confirmed and what happened. Whether a call was missed is worked out when
  it is read (the slot passed without a call recorded), never stored.
- ``complaint`` and ``complaint_stage``: a complaint about a child's case, its root
  cause, outcome, lessons learned and any Ombudsman referral; each stage with the dates
  it must be acknowledged and answered by.
- ``staff_absence`` and ``duty_rota``: who is away, and who is on duty for a team on a
  day (organisation data, like teams and users).

All are journaled and synced; their rows change (a response, an outcome), so they
merge field by field. The central store checks each field change against these models
one field at a time, so a rule here never ties two fields that change together (a
reply's date and its kind): the services set those together. Times a caseworker books
(slots) are Europe/London wall-clock times, stored as written, like a note's times.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator, model_validator
from sqlalchemy import Column, DateTime, Index, Text
from sqlmodel import Field

from send_desk.domain.base import Record
from send_desk.domain.organisation import WriteRule
from send_desk.domain.validators import (
    OptionalPhone,
    PlainText,
    clean_name,
    clean_optional_text,
    refuse_control,
)
from send_desk.timeutil import london_today, uk_date

DIRECTIONS = ("incoming", "outgoing")
DIRECTION_LABELS = {"incoming": "From the family", "outgoing": "To the family"}
CHANNELS = ("email", "letter", "call", "portal")
CHANNEL_LABELS = {
    "email": "Email",
    "letter": "Letter",
    "call": "Phone call",
    "portal": "Portal message",
}
# What answers an incoming item: a case note, a saved letter, or a call, email or
# portal message back (an outgoing item, or a callback that was made).
RESPONSE_KINDS = ("note", "letter", "call", "email", "portal")
RESPONSE_LABELS = {
    "note": "Case note",
    "letter": "Letter",
    "call": "Phone call",
    "email": "Email",
    "portal": "Portal message",
}
CALLBACK_OUTCOMES = ("made", "no_answer", "cancelled")
CALLBACK_OUTCOME_LABELS = {
    "made": "Call made",
    "no_answer": "Tried: no answer",
    "cancelled": "Cancelled",
}
CONFIRMATION_VIA = ("letter", "email", "text", "phone")
CONFIRMATION_LABELS = {
    "letter": "Confirmation letter",
    "email": "Email",
    "text": "Text message",
    "phone": "Told on the phone",
}
SUMMARY_LIMIT = 4000


def _today(info: ValidationInfo) -> date:
    context = info.context or {}
    today = context.get("today")
    return today if isinstance(today, date) else london_today()


def _one_of(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise ValueError(f"'{value}' is not a {what} (one of {', '.join(allowed)})")
    return value


def _code(value: str | None, what: str) -> str | None:
    """A code from the service standards (checked against the file by the services)."""
    if value is None or value == "":
        return None
    text = value.strip()
    if not text or len(text) > 30 or not all(ch.isalnum() or ch == "_" for ch in text):
        raise ValueError(f"'{value}' is not a {what} code")
    return text


def _summary(value: str, what: str = "Summary") -> str:
    text = refuse_control(value.strip(), what, multiline=True)
    if not text:
        raise ValueError(f"{what} is needed: say in a sentence what it was about")
    if len(text) > SUMMARY_LIMIT:
        raise ValueError(f"{what} is too long (at most {SUMMARY_LIMIT} characters)")
    return text


def _not_after(day: date | None, today: date, what: str) -> None:
    if day is not None and day > today:
        raise ValueError(f"{what} {uk_date(day)} is in the future")


def _not_before(later: date | None, earlier: date, message: str) -> None:
    if later is not None and later < earlier:
        raise ValueError(message.format(later=uk_date(later), earlier=uk_date(earlier)))


# ---------------------------------------------------------------- correspondence


class CorrespondenceItemBase(PlainText):
    child_id: uuid.UUID = Field(foreign_key="child.id")
    direction: str = Field(default="incoming", max_length=10)
    channel: str = Field(max_length=10)
    contact_date: date  # the day it arrived (incoming) or was sent (outgoing)
    correspondent: str = Field(max_length=200)  # who it came from or went to
    summary: str = Field(sa_column=Column(Text, nullable=False))
    # what identifies the item where it came from (an email's subject or message id, a
    # portal reference): the same reference twice is the same item logged twice
    reference: str | None = Field(default=None, max_length=300)
    needs_response: bool = True
    response_due: date | None = None
    responded_on: date | None = None
    response_kind: str | None = Field(default=None, max_length=10)
    response_ref: uuid.UUID | None = None  # the note, letter, outgoing item or callback
    response_summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    in_reply_to: uuid.UUID | None = None  # an outgoing item: the incoming item it answers

    @field_validator("direction")
    @classmethod
    def _direction(cls, value: str) -> str:
        return _one_of(value, DIRECTIONS, "direction") or "incoming"

    @field_validator("channel")
    @classmethod
    def _channel(cls, value: str) -> str:
        return _one_of(value, CHANNELS, "channel") or ""

    @field_validator("response_kind")
    @classmethod
    def _kind(cls, value: str | None) -> str | None:
        return _one_of(value or None, RESPONSE_KINDS, "kind of response")

    @field_validator("correspondent")
    @classmethod
    def _who(cls, value: str) -> str:
        return clean_name(value, "Who it was from or to", 200)

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: str) -> str:
        return _summary(value)

    @field_validator("reference")
    @classmethod
    def _reference(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 300)

    @field_validator("response_summary")
    @classmethod
    def _response_summary(cls, value: str | None) -> str | None:
        return clean_optional_text(value, SUMMARY_LIMIT, multiline=True)

    @field_validator("contact_date", "responded_on")
    @classmethod
    def _not_future(cls, value: date | None, info: ValidationInfo) -> date | None:
        _not_after(value, _today(info), "the date")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> CorrespondenceItemBase:
        _not_before(
            self.responded_on,
            self.contact_date,
            "a response cannot come before the item arrived: the response is dated {later}, "
            "the item arrived on {earlier}",
        )
        _not_before(
            self.response_due,
            self.contact_date,
            "the response is due {later}, before the item arrived on {earlier}",
        )
        if self.direction == "outgoing" and self.needs_response:
            self.needs_response = False
        return self


class CorrespondenceItemCreate(CorrespondenceItemBase):
    pass


class CorrespondenceItem(Record, CorrespondenceItemBase, table=True):
    __tablename__ = "correspondence_item"
    __table_args__ = (
        Index("ix_correspondence_item_child_date", "child_id", "contact_date"),
        Index("ix_correspondence_item_open", "needs_response", "responded_on", "response_due"),
    )


# ---------------------------------------------------------------- callbacks


class CallbackBase(PlainText):
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    requested_on: date
    requested_by: str = Field(max_length=200)
    phone: OptionalPhone = Field(default=None, max_length=40)
    about: str = Field(sa_column=Column(Text, nullable=False))
    # London wall-clock time of the slot, as booked (naive): not an instant
    slot_start: datetime = Field(sa_type=DateTime, index=True)
    slot_minutes: int = 15
    caller_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    team_id: uuid.UUID | None = Field(default=None, foreign_key="team.id")
    via_duty: bool = False  # booked with the duty officer: the caseworker was away
    correspondence_id: uuid.UUID | None = Field(default=None, foreign_key="correspondence_item.id")
    confirmation_via: str | None = Field(default=None, max_length=10)
    confirmation_letter_id: uuid.UUID | None = None
    confirmed_on: date | None = None
    outcome: str | None = Field(default=None, max_length=12)
    outcome_at: datetime | None = Field(default=None, sa_type=DateTime)
    outcome_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    @field_validator("requested_by")
    @classmethod
    def _who(cls, value: str) -> str:
        return clean_name(value, "Who asked for the call", 200)

    @field_validator("about")
    @classmethod
    def _about(cls, value: str) -> str:
        return _summary(value, "What the call is about")

    @field_validator("outcome_note")
    @classmethod
    def _note(cls, value: str | None) -> str | None:
        return clean_optional_text(value, SUMMARY_LIMIT, multiline=True)

    @field_validator("slot_minutes")
    @classmethod
    def _minutes(cls, value: int) -> int:
        if not 5 <= value <= 120:
            raise ValueError("a callback slot is between 5 and 120 minutes")
        return value

    @field_validator("outcome")
    @classmethod
    def _outcome(cls, value: str | None) -> str | None:
        return _one_of(value or None, CALLBACK_OUTCOMES, "callback outcome")

    @field_validator("confirmation_via")
    @classmethod
    def _via(cls, value: str | None) -> str | None:
        return _one_of(value or None, CONFIRMATION_VIA, "way of confirming")

    @field_validator("requested_on")
    @classmethod
    def _requested(cls, value: date, info: ValidationInfo) -> date:
        _not_after(value, _today(info), "the request date")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> CallbackBase:
        _not_before(
            self.slot_start.date(),
            self.requested_on,
            "the call is booked for {later}, before it was asked for on {earlier}",
        )
        _not_before(
            self.confirmed_on,
            self.requested_on,
            "the confirmation is dated {later}, before the call was asked for on {earlier}",
        )
        if self.outcome_at is not None and self.outcome_at.date() < self.requested_on:
            raise ValueError(
                f"the call is recorded on {uk_date(self.outcome_at.date())}, before it was "
                f"asked for on {uk_date(self.requested_on)}"
            )
        return self


class CallbackCreate(CallbackBase):
    pass


class Callback(Record, CallbackBase, table=True):
    __tablename__ = "callback"


# ---------------------------------------------------------------- complaints


class ComplaintBase(PlainText):
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    caseworker_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id", index=True)
    team_id: uuid.UUID | None = Field(default=None, foreign_key="team.id")
    received_on: date = Field(index=True)
    complainant: str = Field(max_length=200)
    received_via: str | None = Field(default=None, max_length=10)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    correspondence_id: uuid.UUID | None = Field(default=None, foreign_key="correspondence_item.id")
    root_cause: str | None = Field(default=None, max_length=30)
    outcome: str | None = Field(default=None, max_length=20)
    lessons_learned: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    ombudsman_referred_on: date | None = None
    ombudsman_reference: str | None = Field(default=None, max_length=60)
    ombudsman_outcome: str | None = Field(default=None, max_length=30)
    ombudsman_decided_on: date | None = None

    @field_validator("complainant")
    @classmethod
    def _who(cls, value: str) -> str:
        return clean_name(value, "Who complained", 200)

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: str) -> str:
        return _summary(value, "What the complaint is about")

    @field_validator("lessons_learned")
    @classmethod
    def _lessons(cls, value: str | None) -> str | None:
        return clean_optional_text(value, SUMMARY_LIMIT, multiline=True)

    @field_validator("ombudsman_reference")
    @classmethod
    def _reference(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 60)

    @field_validator("received_via")
    @classmethod
    def _via(cls, value: str | None) -> str | None:
        return _one_of(value or None, CHANNELS, "channel")

    @field_validator("root_cause")
    @classmethod
    def _cause(cls, value: str | None) -> str | None:
        return _code(value, "root cause")

    @field_validator("outcome", "ombudsman_outcome")
    @classmethod
    def _outcome(cls, value: str | None) -> str | None:
        return _code(value, "outcome")

    @field_validator("received_on", "ombudsman_referred_on", "ombudsman_decided_on")
    @classmethod
    def _not_future(cls, value: date | None, info: ValidationInfo) -> date | None:
        _not_after(value, _today(info), "the date")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ComplaintBase:
        _not_before(
            self.ombudsman_referred_on,
            self.received_on,
            "the Ombudsman referral is dated {later}, before the complaint came on {earlier}",
        )
        if self.ombudsman_decided_on is not None:
            if self.ombudsman_referred_on is None:
                raise ValueError("record the referral to the Ombudsman before its decision")
            _not_before(
                self.ombudsman_decided_on,
                self.ombudsman_referred_on,
                "the Ombudsman's decision is dated {later}, before the referral on {earlier}",
            )
        return self


class ComplaintCreate(ComplaintBase):
    pass


class Complaint(Record, ComplaintBase, table=True):
    __tablename__ = "complaint"


class ComplaintStageBase(PlainText):
    complaint_id: uuid.UUID = Field(foreign_key="complaint.id", index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id")
    stage: str = Field(max_length=20)
    started_on: date
    acknowledge_due: date
    acknowledged_on: date | None = None
    acknowledgement_letter_id: uuid.UUID | None = None
    response_due: date = Field(index=True)
    responded_on: date | None = Field(default=None, index=True)
    response_letter_id: uuid.UUID | None = None
    outcome: str | None = Field(default=None, max_length=20)
    investigator: str | None = Field(default=None, max_length=200)
    escalate_by: date | None = None

    @field_validator("stage")
    @classmethod
    def _stage(cls, value: str) -> str:
        return _code(value, "complaint stage") or ""

    @field_validator("outcome")
    @classmethod
    def _outcome(cls, value: str | None) -> str | None:
        return _code(value, "outcome")

    @field_validator("investigator")
    @classmethod
    def _investigator(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 200)

    @field_validator("started_on", "acknowledged_on", "responded_on")
    @classmethod
    def _not_future(cls, value: date | None, info: ValidationInfo) -> date | None:
        _not_after(value, _today(info), "the date")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ComplaintStageBase:
        _not_before(
            self.acknowledged_on,
            self.started_on,
            "the acknowledgement is dated {later}, before the stage started on {earlier}",
        )
        _not_before(
            self.responded_on,
            self.started_on,
            "a response cannot come before the complaint: the response is dated {later}, "
            "the stage started on {earlier}",
        )
        return self


class ComplaintStageCreate(ComplaintStageBase):
    pass


class ComplaintStage(Record, ComplaintStageBase, table=True):
    __tablename__ = "complaint_stage"


# ---------------------------------------------------------------- availability


class StaffAbsenceBase(PlainText):
    user_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    first_day: date
    last_day: date
    reason: str | None = Field(default=None, max_length=200)

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 200)

    @model_validator(mode="after")
    def _dates(self) -> StaffAbsenceBase:
        _not_before(
            self.last_day,
            self.first_day,
            "an absence cannot end ({later}) before it starts ({earlier})",
        )
        return self


class StaffAbsenceCreate(StaffAbsenceBase):
    pass


class StaffAbsence(Record, StaffAbsenceBase, table=True):
    __tablename__ = "staff_absence"
    # organisation data: the person away, their supervisors and admins record it
    __write_rule__: ClassVar[WriteRule] = WriteRule("staff absences", person="user_id")


class DutyRotaBase(PlainText):
    team_id: uuid.UUID = Field(foreign_key="team.id")
    on_date: date
    user_id: uuid.UUID = Field(foreign_key="app_user.id")


class DutyRotaCreate(DutyRotaBase):
    pass


class DutyRota(Record, DutyRotaBase, table=True):
    __tablename__ = "duty_rota"
    # organisation data: the person on duty (for their own team), their supervisors
    # (for a team they supervise) and admins
    __write_rule__: ClassVar[WriteRule] = WriteRule(
        "duty rotas", person="user_id", team="team_id"
    )
    __table_args__ = (Index("ix_duty_rota_team_date", "team_id", "on_date"),)


def label_of(labels: dict[str, str], code: Any) -> str:
    return labels.get(str(code), str(code or "").replace("_", " ").capitalize())
