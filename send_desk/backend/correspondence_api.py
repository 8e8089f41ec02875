"""Correspondence, callbacks and complaints for the app (``backend.correspondence``).

Typed rows out (``correspondence_models``), typed inputs in, one short-lived Session
per call through :class:`~send_desk.backend.access.StoreAccess`, so any method may run
in a background op. A complaint's next step is one of the :data:`ComplaintStep` types.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from send_desk.backend import correspondence_convert as convert
from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.correspondence_models import (
    Acknowledge,
    Availability,
    Callback,
    CallbackDue,
    CallbackSlots,
    ChildCorrespondence,
    Complaint,
    ComplaintResponseDue,
    ComplaintStep,
    CorrespondenceRow,
    DueItem,
    Escalate,
    LettersAndNotes,
    LinkChoice,
    NewCallback,
    NewComplaint,
    NewItem,
    OmbudsmanDecision,
    ReferToOmbudsman,
    Reply,
    ReplyDue,
    ReplyDueDate,
    Respond,
    UpdateComplaint,
    Vocabulary,
)
from send_desk.backend.errors import ValidationFailed
from send_desk.domain.correspondence import (
    CALLBACK_OUTCOME_LABELS,
    CHANNEL_LABELS,
    CONFIRMATION_LABELS,
    DIRECTION_LABELS,
    RESPONSE_LABELS,
)
from send_desk.services import callbacks as callbacks_service
from send_desk.services import complaints as complaints_service
from send_desk.services import correspondence as correspondence_service
from send_desk.services.correspondence import Duplicate
from send_desk.services.standards import Standards, standards_for
from send_desk.timeutil import LONDON

MY_DAY_OVERDUE_DAYS = 60
LetterInputs = dict[str, object]  # a letter template's inputs, as the composer takes them


def optional_id(value: str | uuid.UUID | None, what: str = "record") -> uuid.UUID | None:
    """An optional id from a form: blank means none."""
    return None if value is None or value == "" else record_id(value, what)


def _required(value: str | uuid.UUID | None, what: str) -> uuid.UUID:
    found = optional_id(value)
    if found is None:
        raise ValidationFailed(f"choose {what} first")
    return found


def _due_group(row: DueItem, today: date) -> int:
    """My day's order: today's callbacks first, by time (a family is waiting by the
    phone), then callbacks missed before today, then the other late items, then the
    rest of today, then what is coming."""
    if isinstance(row, CallbackDue):
        return 0 if row.due == today else 1
    if row.status in ("missed", "overdue"):
        return 2
    return 3 if row.due <= today else 4


def _child_name(row: DueItem) -> str:
    if isinstance(row, ReplyDue):
        return row.item.child_name
    if isinstance(row, CallbackDue):
        return row.callback.child_name
    return row.complaint.child_name


def _values(data: object) -> dict[str, object]:
    """An input dataclass as the services' field values: they check blank text, and a
    field left as None takes the service's default (needs a reply when incoming...)."""
    assert dataclasses.is_dataclass(data) and not isinstance(data, type)
    found = {item.name: getattr(data, item.name) for item in dataclasses.fields(data)}
    return {name: value for name, value in found.items() if value is not None}


class CorrespondenceApi:
    """Correspondence, callbacks, who is away or on duty, and complaints."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access
        # Tests set a fixed "now" (London wall-clock); else today's date at the clock's time.
        self.clock_now: Callable[[], datetime] | None = None

    # ------------------------------------------------------------ basics

    def standards(self) -> Standards:
        return standards_for(self._access.paths.root)

    def now(self) -> datetime:
        """London wall-clock time now (naive), on the backend's today."""
        if self.clock_now is not None:
            return self.clock_now()
        clock = datetime.now(LONDON).time().replace(second=0, microsecond=0)
        return datetime.combine(self._access.today(), clock)

    def working_days_after(self, day: date, days: int) -> date:
        """The working day ``days`` working days after ``day`` (the store's calendar)."""
        return self.standards().calendar.working_days_after(day, days)

    def is_working_day(self, day: date) -> bool:
        return self.standards().calendar.is_working_day(day)

    def reply_due(self, channel: str, received: date) -> ReplyDueDate:
        """When a reply to an item received by ``channel`` on ``received`` is due."""
        standards = self.standards()
        return ReplyDueDate(
            standards.response_due(channel, received), standards.channel(channel).respond_within
        )

    def vocabulary(self) -> Vocabulary:
        """Choices for the forms and the store's complaint stages, causes and outcomes."""
        standards = self.standards()
        return Vocabulary(
            channels=tuple(
                (c.id, f"{c.label} (reply within {c.respond_within} working days)")
                for c in standards.channels.values()
            ),
            channel_labels=dict(CHANNEL_LABELS),
            directions=tuple(DIRECTION_LABELS.items()),
            response_kinds=tuple(RESPONSE_LABELS.items()),
            callback_outcomes=tuple(CALLBACK_OUTCOME_LABELS.items()),
            confirmation=tuple(CONFIRMATION_LABELS.items()),
            stages=tuple((s.id, s.label) for s in standards.stages),
            root_causes=tuple(standards.root_causes.items()),
            outcomes=tuple(standards.outcomes.items()),
            ombudsman=standards.ombudsman_name,
            ombudsman_outcomes=tuple(standards.ombudsman_outcomes.items()),
        )

    # ------------------------------------------------------------ items

    def log(
        self, child_id: str | uuid.UUID, item: NewItem, *, allow_duplicate: bool = False
    ) -> CorrespondenceRow:
        """Log an item; raises :class:`Duplicate` (with the item already logged) or
        ValidationFailed."""
        with self._access.write() as session:
            found = correspondence_service.log_item(
                session,
                _required(child_id, "the child"),
                _values(item),
                today=self._access.today(),
                standards=self.standards(),
                allow_duplicate=allow_duplicate,
            )
            return convert.item(found)

    def respond(self, item_id: str | uuid.UUID, reply: Reply) -> CorrespondenceRow:
        """Close an item with its reply (see :func:`services.correspondence.respond`)."""
        if not reply.kind:
            raise ValidationFailed("choose how it was answered", {"kind": "is needed"})
        response = correspondence_service.Response(
            reply.kind,
            reply.on,
            (reply.summary or "").strip() or None,
            reply.ref_id,
            reply.correspondent or None,
        )
        with self._access.write() as session:
            found = correspondence_service.respond(
                session, _required(item_id, "an item"), response, today=self._access.today()
            )
            return convert.item(found)

    def for_child(self, child_id: str | uuid.UUID) -> ChildCorrespondence:
        """A child's items, callbacks and complaints, for the record's tab."""
        child = _required(child_id, "the child")
        today, now, standards = self._access.today(), self.now(), self.standards()
        with self._access.read() as session:
            items = correspondence_service.child_items(session, child, today=today)
            calls = callbacks_service.callbacks(
                session,
                callbacks_service.CallbackQuery(show="all", child_id=child),
                now=now,
                standards=standards,
            )
            complaints = complaints_service.complaints(
                session,
                complaints_service.ComplaintQuery(show="all", child_id=child),
                today=today,
                standards=standards,
            )
        return ChildCorrespondence(
            tuple(convert.item(row) for row in items),
            tuple(convert.callback(row) for row in calls),
            tuple(convert.complaint(row) for row in complaints),
        )

    def item_ids(
        self,
        *,
        show: str = "open",
        caseworker_id: str | uuid.UUID | None = None,
        team_id: str | uuid.UUID | None = None,
        text: str = "",
        due_by: date | None = None,
    ) -> list[uuid.UUID]:
        """Ids of the items the page lists, in its order (see ``ItemQuery``)."""
        query = correspondence_service.ItemQuery(
            show=show,
            caseworker_id=optional_id(caseworker_id),
            team_id=optional_id(team_id),
            text=text,
            due_by=due_by,
        )
        with self._access.read() as session:
            found = correspondence_service.item_ids(session, query, today=self._access.today())
        return [uuid.UUID(value) for value in found]

    def rows(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, CorrespondenceRow]:
        """The page's rows (with the child's name and caseworker) for a page of ids."""
        with self._access.read() as session:
            found = correspondence_service.item_rows(
                session, [value.hex for value in ids], today=self._access.today()
            )
        return {uuid.UUID(key): convert.item(row) for key, row in found.items()}

    def letters_and_notes(self, child_id: str | uuid.UUID) -> LettersAndNotes:
        """The child's saved letters and case notes, to pick the one that answered an item."""
        from send_desk.services import letters as letters_service
        from send_desk.services import notes as notes_service

        child = _required(child_id, "the child")
        with self._access.read() as session:
            letters = letters_service.list_letters(session, child)
            notes = notes_service.list_notes(session, child)
        return LettersAndNotes(
            letters=tuple(
                LinkChoice(record_id(row["letter_id"]), row["letter_date"], row["title"])
                for row in letters
            ),
            notes=tuple(
                LinkChoice(
                    record_id(row["note_id"]),
                    _moment(row.get("occurred_at")),
                    f"{row['kind_label']}: {row['summary']}",
                )
                for row in notes
            ),
        )

    # ------------------------------------------------------------ callbacks

    def callback_slots(
        self, child_id: str | uuid.UUID, *, days: int | None = None
    ) -> CallbackSlots:
        with self._access.read() as session:
            found = callbacks_service.offer_slots(
                session,
                _required(child_id, "the child"),
                now=self.now(),
                standards=self.standards(),
                days=days,
            )
        return convert.slots(found)

    def book_callback(self, child_id: str | uuid.UUID, call: NewCallback) -> Callback:
        with self._access.write() as session:
            found = callbacks_service.book(
                session,
                _required(child_id, "the child"),
                _values(call),
                now=self.now(),
                standards=self.standards(),
            )
            return convert.callback(found)

    def record_callback(
        self,
        callback_id: str | uuid.UUID,
        outcome: str,
        *,
        at: datetime | None = None,
        note: str = "",
    ) -> Callback:
        with self._access.write() as session:
            found = callbacks_service.record_outcome(
                session,
                _required(callback_id, "a callback"),
                outcome,
                at=at,
                note=note.strip() or None,
                now=self.now(),
                standards=self.standards(),
            )
            return convert.callback(found)

    def confirm_callback(
        self,
        callback_id: str | uuid.UUID,
        via: str,
        *,
        on: date | None = None,
        letter_id: str | uuid.UUID | None = None,
    ) -> Callback:
        with self._access.write() as session:
            found = callbacks_service.confirm(
                session,
                _required(callback_id, "a callback"),
                via,
                on=on or self._access.today(),
                letter_id=optional_id(letter_id),
                now=self.now(),
                standards=self.standards(),
            )
            return convert.callback(found)

    def callback_letter_inputs(self, callback_id: str | uuid.UUID) -> LetterInputs:
        """The inputs of the ``callback_confirmation`` letter."""
        with self._access.read() as session:
            return dict(
                callbacks_service.letter_inputs(session, _required(callback_id, "a callback"))
            )

    def callbacks(
        self,
        *,
        show: str = "upcoming",
        caller_id: str | uuid.UUID | None = None,
        team_id: str | uuid.UUID | None = None,
        child_id: str | uuid.UUID | None = None,
    ) -> list[Callback]:
        query = callbacks_service.CallbackQuery(
            show=show,
            caller_id=optional_id(caller_id),
            team_id=optional_id(team_id),
            child_id=optional_id(child_id),
        )
        with self._access.read() as session:
            found = callbacks_service.callbacks(
                session, query, now=self.now(), standards=self.standards()
            )
        return [convert.callback(row) for row in found]

    def add_absence(
        self,
        user_id: str | uuid.UUID,
        first_day: date | None,
        last_day: date | None,
        reason: str = "",
    ) -> uuid.UUID:
        if first_day is None or last_day is None:
            raise ValidationFailed("the first and last day are needed")
        with self._access.write() as session:
            found: str = callbacks_service.add_absence(
                session, _required(user_id, "who is away"), first_day, last_day, reason or None
            )
        return uuid.UUID(found)

    def set_duty(self, team_id: str | uuid.UUID, day: date, user_id: str | uuid.UUID) -> uuid.UUID:
        with self._access.write() as session:
            found: str = callbacks_service.set_duty(
                session, _required(team_id, "the team"), day, _required(user_id, "who")
            )
        return uuid.UUID(found)

    def availability(self, start: date, end: date) -> Availability:
        with self._access.read() as session:
            return convert.availability(
                callbacks_service.availability(session, start=start, end=end)
            )

    # ------------------------------------------------------------ complaints

    def add_complaint(self, complaint: NewComplaint) -> Complaint:
        with self._access.write() as session:
            found = complaints_service.add_complaint(
                session, _values(complaint), today=self._access.today(),
                standards=self.standards(),
            )  # fmt: skip
            return convert.complaint(found)

    def complaint_step(self, complaint_id: str | uuid.UUID, step: ComplaintStep) -> Complaint:
        """Record the next step of a complaint (acknowledged, answered, escalated, its
        root cause and lessons, referred to the Ombudsman, the Ombudsman's decision)."""
        cid = _required(complaint_id, "a complaint")
        today, standards = self._access.today(), self.standards()
        on = getattr(step, "on", None) or today
        with self._access.write() as session:
            if isinstance(step, Acknowledge):
                found = complaints_service.acknowledge(
                    session, cid, on, letter_id=step.letter_id,
                    investigator=step.investigator or None, today=today, standards=standards,
                )  # fmt: skip
            elif isinstance(step, Respond):
                found = complaints_service.respond(
                    session, cid, on, step.outcome or "", letter_id=step.letter_id,
                    today=today, standards=standards,
                )  # fmt: skip
            elif isinstance(step, Escalate):
                found = complaints_service.escalate(
                    session, cid, on, today=today, standards=standards
                )
            elif isinstance(step, UpdateComplaint):
                changes = {
                    name: (None if isinstance(value, str) and not value.strip() else value)
                    for name, value in step.changes.items()
                }
                found = complaints_service.update_complaint(
                    session, cid, changes, today=today, standards=standards
                )
            elif isinstance(step, ReferToOmbudsman):
                found = complaints_service.refer_to_ombudsman(
                    session, cid, on, (step.reference or "").strip() or None,
                    today=today, standards=standards,
                )  # fmt: skip
            elif isinstance(step, OmbudsmanDecision):
                found = complaints_service.ombudsman_decision(
                    session, cid, on, step.outcome or "", today=today, standards=standards
                )
            else:
                raise ValidationFailed(f"'{step!r}' is not something done to a complaint")
            return convert.complaint(found)

    def complaints(
        self,
        *,
        show: str = "open",
        caseworker_id: str | uuid.UUID | None = None,
        team_id: str | uuid.UUID | None = None,
        child_id: str | uuid.UUID | None = None,
    ) -> list[Complaint]:
        query = complaints_service.ComplaintQuery(
            show=show,
            caseworker_id=optional_id(caseworker_id),
            team_id=optional_id(team_id),
            child_id=optional_id(child_id),
        )
        with self._access.read() as session:
            found = complaints_service.complaints(
                session, query, today=self._access.today(), standards=self.standards()
            )
        return [convert.complaint(row) for row in found]

    def complaint_letter_inputs(
        self, complaint_id: str | uuid.UUID, letter: str, outcome: str | None = None
    ) -> LetterInputs:
        """Inputs for the ``complaint_acknowledgement`` or ``complaint_response`` letter."""
        cid = _required(complaint_id, "a complaint")
        standards = self.standards()
        with self._access.read() as session:
            if letter == "complaint_acknowledgement":
                return dict(complaints_service.acknowledgement_inputs(session, cid, standards))
            return dict(
                complaints_service.response_inputs(
                    session, cid, outcome, standards, self._access.today()
                )
            )

    # ------------------------------------------------------------ My day

    def due(
        self,
        *,
        caseworker_id: str | uuid.UUID | None = None,
        team_id: str | uuid.UUID | None = None,
        days_ahead: int = 5,
        overdue_days: int = MY_DAY_OVERDUE_DAYS,
        limit: int = 500,
    ) -> list[DueItem]:
        """What My day lists beside the statutory deadlines, soonest first: replies due
        within ``days_ahead`` working days or overdue (by up to ``overdue_days``),
        today's callbacks and every missed one, and complaint responses due in that
        time."""
        today, now, standards = self._access.today(), self.now(), self.standards()
        until = standards.calendar.working_days_after(today, days_ahead) if days_ahead else today
        worker, team = optional_id(caseworker_id), optional_id(team_id)
        with self._access.read() as session:
            items = correspondence_service.due_rows(
                session,
                correspondence_service.ItemQuery(
                    show="due_by",
                    due_by=until,
                    caseworker_id=worker,
                    team_id=team,
                    since=date.fromordinal(today.toordinal() - overdue_days),
                    limit=limit,
                ),
                today=today,
            )
            calls = callbacks_service.callbacks(
                session,
                callbacks_service.CallbackQuery(
                    show="upcoming", caller_id=worker, team_id=team if worker is None else None
                ),
                now=now,
                standards=standards,
            )
            complaints = complaints_service.complaints(
                session,
                complaints_service.ComplaintQuery(
                    show="open", caseworker_id=worker, team_id=team if worker is None else None
                ),
                today=today,
                standards=standards,
            )
        rows: list[DueItem] = []
        for row in items:
            item = convert.item(row)
            rows.append(ReplyDue(item, item.days_left or 0))
        for row in calls:
            call = convert.callback(row)
            day = call.slot_start.date()
            if call.missed or day == today:
                rows.append(CallbackDue(call, (day - today).days))
        for row in complaints:
            complaint = convert.complaint(row)
            due = complaint.response_due
            if due is not None and due <= until:
                rows.append(ComplaintResponseDue(complaint, (due - today).days))
        rows.sort(
            key=lambda row: (
                _due_group(row, today),
                row.due,
                row.callback.slot_start
                if isinstance(row, CallbackDue)
                else datetime.combine(row.due, time.max),
                _child_name(row),
            )
        )
        return rows[:limit]


def _moment(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


__all__ = ["CorrespondenceApi", "Duplicate", "LetterInputs", "optional_id"]
