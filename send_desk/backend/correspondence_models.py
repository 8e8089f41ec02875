"""What the correspondence facade returns and takes: items, callbacks, complaints, the
rows My day lists, and the steps of a complaint.

Codes travel as stored ("incoming", "email", "overdue"...); the GUI words them through
``send_desk.gui.formatting`` (fixed tables in ``backend.correspondence_labels``, the
store's own complaint stages, root causes and outcomes in :class:`Vocabulary`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from send_desk.backend.changes import ChangeKind, Changes

Choice = tuple[str, str]  # (code, label) for a form's drop-down


@dataclass(frozen=True, slots=True)
class CorrespondenceRow:
    """An email, letter, call or portal message on a child's record; ``child_name``,
    ``caseworker`` and ``team`` are filled on the page's lists (blank on the record)."""

    id: uuid.UUID
    child_id: uuid.UUID
    direction: str
    channel: str
    contact_date: date
    correspondent: str
    summary: str
    reference: str | None
    needs_response: bool
    response_due: date | None
    responded_on: date | None
    response_kind: str | None
    response_ref: uuid.UUID | None
    response_summary: str | None
    in_reply_to: uuid.UUID | None
    status: str
    days_left: int | None
    logged_at: datetime | None
    child_name: str = ""
    caseworker: str = ""
    team: str = ""

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.CORRESPONDENCE, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class Callback:
    """A booked call back to a parent or carer."""

    id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    requested_on: date | None
    requested_by: str
    phone: str | None
    about: str
    slot_start: datetime
    slot_end: datetime
    caller_id: uuid.UUID
    caller: str
    via_duty: bool
    correspondence_id: uuid.UUID | None
    confirmation_via: str | None
    confirmation_letter_id: uuid.UUID | None
    confirmed_on: date | None
    outcome: str | None
    outcome_at: datetime | None
    outcome_note: str | None
    status: str

    @property
    def missed(self) -> bool:
        return self.status == "missed"

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.CORRESPONDENCE, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class CallbackSlot:
    """A free time someone can ring back in."""

    start: datetime
    end: datetime
    caller_id: uuid.UUID
    caller: str
    via_duty: bool


@dataclass(frozen=True, slots=True)
class CallbackSlots:
    """The free times offered, and why a day goes to the duty rota or has none."""

    slots: tuple[CallbackSlot, ...]
    notes: tuple[str, ...]
    slot_minutes: int


@dataclass(frozen=True, slots=True)
class Absence:
    id: uuid.UUID
    user_id: uuid.UUID
    name: str
    first_day: date
    last_day: date
    reason: str | None


@dataclass(frozen=True, slots=True)
class DutyDay:
    team: str
    on_date: date
    name: str
    user_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class Availability:
    absences: tuple[Absence, ...]
    duty: tuple[DutyDay, ...]


@dataclass(frozen=True, slots=True)
class ComplaintStage:
    """One stage of a complaint with its statutory-style dates."""

    id: uuid.UUID
    stage: str
    started_on: date
    acknowledge_due: date
    acknowledged_on: date | None
    acknowledgement_letter_id: uuid.UUID | None
    response_due: date
    responded_on: date | None
    response_letter_id: uuid.UUID | None
    outcome: str | None
    investigator: str | None
    escalate_by: date | None
    days_left: int | None

    @property
    def acknowledged_in_time(self) -> bool | None:
        if self.acknowledged_on is None:
            return None
        return self.acknowledged_on <= self.acknowledge_due

    @property
    def within_sla(self) -> bool | None:
        return None if self.responded_on is None else self.responded_on <= self.response_due


@dataclass(frozen=True, slots=True)
class Complaint:
    """A complaint and its stages; ``stage``, ``response_due`` and ``days_left`` are the
    current stage's."""

    id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    caseworker_id: uuid.UUID | None
    caseworker: str
    team: str
    received_on: date
    complainant: str
    received_via: str | None
    summary: str
    correspondence_id: uuid.UUID | None
    root_cause: str | None
    outcome: str | None
    lessons_learned: str | None
    ombudsman_referred_on: date | None
    ombudsman_reference: str | None
    ombudsman_outcome: str | None
    ombudsman_decided_on: date | None
    stages: tuple[ComplaintStage, ...]
    stage: str | None
    response_due: date | None
    days_left: int | None
    status: str
    can_escalate: bool

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.CORRESPONDENCE, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class ChildCorrespondence:
    """A child's items (newest first), callbacks and complaints, for the record's tab."""

    items: tuple[CorrespondenceRow, ...]
    callbacks: tuple[Callback, ...]
    complaints: tuple[Complaint, ...]


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """A saved letter (``when`` its date) or case note (``when`` the time it happened,
    ``title`` its kind and summary) that may be the reply to an item."""

    id: uuid.UUID
    when: date | datetime | None
    title: str


@dataclass(frozen=True, slots=True)
class LettersAndNotes:
    letters: tuple[LinkChoice, ...]
    notes: tuple[LinkChoice, ...]


# ---------------------------------------------------------------- My day


@dataclass(frozen=True, slots=True)
class ReplyDue:
    """A reply due (or overdue) to an item."""

    item: CorrespondenceRow
    days_left: int  # against today: negative when late
    kind: ClassVar[str] = "reply"

    @property
    def due(self) -> date:
        assert self.item.response_due is not None  # only open items with a due date
        return self.item.response_due

    @property
    def status(self) -> str:
        return self.item.status

    @property
    def child_id(self) -> uuid.UUID:
        return self.item.child_id


@dataclass(frozen=True, slots=True)
class CallbackDue:
    """Today's callback, or one missed."""

    callback: Callback
    days_left: int  # against today: negative when late
    kind: ClassVar[str] = "callback"

    @property
    def due(self) -> date:
        return self.callback.slot_start.date()

    @property
    def status(self) -> str:
        return self.callback.status


@dataclass(frozen=True, slots=True)
class ComplaintResponseDue:
    """A complaint's current stage awaiting its response."""

    complaint: Complaint
    days_left: int  # against today: negative when late
    kind: ClassVar[str] = "complaint"

    @property
    def due(self) -> date:
        assert self.complaint.response_due is not None
        return self.complaint.response_due

    @property
    def status(self) -> str:
        return self.complaint.status

    @property
    def child_id(self) -> uuid.UUID:
        return self.complaint.child_id


DueItem = ReplyDue | CallbackDue | ComplaintResponseDue


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The choices of the forms, with the store's own complaint stages, root causes and
    outcomes (its service standards)."""

    channels: tuple[Choice, ...]  # with "(reply within N working days)"
    channel_labels: Mapping[str, str]
    directions: tuple[Choice, ...]
    response_kinds: tuple[Choice, ...]
    callback_outcomes: tuple[Choice, ...]
    confirmation: tuple[Choice, ...]
    stages: tuple[Choice, ...]
    root_causes: tuple[Choice, ...]
    outcomes: tuple[Choice, ...]
    ombudsman: str
    ombudsman_outcomes: tuple[Choice, ...]

    def stage_label(self, code: str | None) -> str:
        return dict(self.stages).get(code or "", code or "")

    def root_cause_label(self, code: str | None) -> str:
        return dict(self.root_causes).get(code or "", "Not yet known")

    def outcome_label(self, code: str | None) -> str:
        return dict(self.outcomes).get(code or "", "")

    def ombudsman_outcome_label(self, code: str | None) -> str:
        return dict(self.ombudsman_outcomes).get(code or "", "")


@dataclass(frozen=True, slots=True)
class ReplyDueDate:
    """When a reply to an item received on a day by a channel is due."""

    due: date
    working_days: int


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class NewItem:
    """An item to log; blank text is checked by the models' own rules."""

    channel: str
    contact_date: date | None
    correspondent: str
    summary: str
    direction: str = "incoming"
    reference: str | None = None
    needs_response: bool | None = None  # None: an incoming item needs one


@dataclass(frozen=True, slots=True)
class Reply:
    """How an item was answered: a note or letter saved on the record (``ref_id``), or
    a call, email or portal message (``on``, ``summary``, ``correspondent``)."""

    kind: str
    on: date | None = None
    summary: str | None = None
    ref_id: uuid.UUID | None = None
    correspondent: str | None = None


@dataclass(frozen=True, slots=True)
class NewCallback:
    """A callback to book into a free slot."""

    requested_by: str
    phone: str
    about: str
    slot_start: datetime | None
    caller_id: uuid.UUID | None = None
    correspondence_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class NewComplaint:
    child_id: uuid.UUID | None  # required: None is refused with what to do instead
    received_on: date | None
    complainant: str
    summary: str
    received_via: str | None = None
    caseworker_id: uuid.UUID | None = None
    root_cause: str | None = None
    correspondence_id: uuid.UUID | None = None


# ---------------------------------------------------------------- complaint steps


@dataclass(frozen=True, slots=True)
class Acknowledge:
    on: date | None = None
    letter_id: uuid.UUID | None = None
    investigator: str | None = None


@dataclass(frozen=True, slots=True)
class Respond:
    outcome: str
    on: date | None = None
    letter_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Escalate:
    on: date | None = None


@dataclass(frozen=True, slots=True)
class UpdateComplaint:
    """Root cause, lessons learned and the other editable fields; blank text clears."""

    changes: Mapping[str, str | uuid.UUID | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReferToOmbudsman:
    on: date | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class OmbudsmanDecision:
    outcome: str
    on: date | None = None


ComplaintStep = (
    Acknowledge | Respond | Escalate | UpdateComplaint | ReferToOmbudsman | OmbudsmanDecision
)
