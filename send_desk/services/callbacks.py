"""Callbacks: a parent's request for a call, booked into a slot in a caller's calendar.

The caller is the child's allocated caseworker; on a day the caseworker is away (a
``staff_absence`` covers it) the team's duty officer for that day takes the call
(``duty_rota``). Slots come from the service standard (``[callbacks]``: hours, slot
length, how many working days ahead), on working days only, never in the past, and
never on top of another call the same caller has booked.

A callback's status is worked out when it is read (London wall-clock time ``now``):
booked, due now, **missed** (its slot ended more than ``missed_after_minutes`` ago and
no call is recorded), made, tried with no answer, cancelled. A missed call stays
flagged until what happened is recorded. Making a call that a logged item asked for
answers that item (a call).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from send_desk.domain.children import Child
from send_desk.domain.correspondence import (
    CALLBACK_OUTCOME_LABELS,
    CALLBACK_OUTCOMES,
    CONFIRMATION_LABELS,
    CONFIRMATION_VIA,
    Callback,
    CallbackCreate,
    CorrespondenceItem,
    StaffAbsence,
)
from send_desk.domain.tables import table_of
from send_desk.services import correspondence as correspondence_service
from send_desk.services.callers import (
    Callers,
    _name,
    absent_on,
    add_absence,
    availability,
    callers_on,
    on_duty,
    set_duty,
)
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.standards import Standards
from send_desk.services.validation import validate
from send_desk.timeutil import uk_date

_CB, _CH, _AB = (table_of(model) for model in (Callback, Child, StaffAbsence))

BOOKED, DUE_NOW, MISSED = "booked", "due_now", "missed"
STATUS_LABELS = {
    BOOKED: "Booked",
    DUE_NOW: "Due now",
    MISSED: "Missed",
    **CALLBACK_OUTCOME_LABELS,
}


def status_of(
    outcome: str | None, slot_start: datetime, minutes: int, now: datetime, grace: int
) -> str:
    if outcome is not None:
        return outcome
    end = slot_start + timedelta(minutes=minutes)
    if now > end + timedelta(minutes=grace):
        return MISSED
    if now >= slot_start:
        return DUE_NOW
    return BOOKED


def _hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def when_text(moment: datetime) -> str:
    return f"{_hm(moment)} on {uk_date(moment.date())}"


# ---------------------------------------------------------------- slots


def _booked(session: Session, caller: uuid.UUID, day: date) -> list[tuple[datetime, datetime]]:
    start = datetime(day.year, day.month, day.day)
    rows = session.execute(
        sa.select(_CB.c.slot_start, _CB.c.slot_minutes).where(
            _CB.c.caller_id == caller,
            _CB.c.slot_start >= start,
            _CB.c.slot_start < start + timedelta(days=1),
            sa.or_(_CB.c.outcome.is_(None), _CB.c.outcome != "cancelled"),
        )
    )
    return [(begin, begin + timedelta(minutes=minutes)) for begin, minutes in rows]


def _day_slots(standards: Standards, day: date) -> list[datetime]:
    cb = standards.callbacks
    step = timedelta(minutes=cb.slot_minutes)
    moment = datetime.combine(day, cb.day_starts)
    last = datetime.combine(day, cb.day_ends)
    slots = []
    while moment + step <= last:
        slots.append(moment)
        moment += step
    return slots


def offer_slots(
    session: Session,
    child_id: uuid.UUID,
    *,
    now: datetime,
    standards: Standards,
    days: int | None = None,
    limit: int = 200,
) -> dict[str, Any]:
    """Free slots for a child's callback over the next working days (today included),
    each with its caller; ``notes`` say why a day goes to the duty rota or has none."""
    get_child(session, child_id)
    calendar = standards.calendar
    cb = standards.callbacks
    wanted = days or cb.offer_working_days
    day = calendar.working_day_on_or_after(now.date())
    slots: list[dict[str, Any]] = []
    notes: list[str] = []
    names: dict[uuid.UUID, str] = {}
    for _ in range(wanted):
        who = callers_on(session, child_id, day)
        if who.note:
            notes.append(f"{uk_date(day)}: {who.note}")
        for caller in who.callers:
            names.setdefault(caller, _name(session, caller))
            taken = _booked(session, caller, day)
            for start in _day_slots(standards, day):
                end = start + timedelta(minutes=cb.slot_minutes)
                if start < now or any(start < b_end and b_start < end for b_start, b_end in taken):
                    continue
                slots.append(
                    {
                        "start": start,
                        "end": end,
                        "caller_id": caller.hex,
                        "caller": names[caller],
                        "via_duty": who.via_duty,
                        "label": f"{start:%a} {uk_date(day)} {_hm(start)}–{_hm(end)} "
                        f"with {names[caller]}" + (" (duty)" if who.via_duty else ""),
                    }
                )
        day = calendar.working_days_after(day, 1)
    slots.sort(key=lambda slot: (slot["start"], slot["caller"]))
    return {"slots": slots[:limit], "notes": notes, "slot_minutes": cb.slot_minutes}


# ---------------------------------------------------------------- booking


def book(
    session: Session,
    child_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    now: datetime,
    standards: Standards,
) -> dict[str, Any]:
    """Book a callback. ``data``: requested_by, phone, about, requested_on (default
    today), slot_start (default: the first free slot), caller_id (default: who takes
    calls for the child that day), correspondence_id (the item asking for the call),
    confirmation_via. Returns the callback."""
    get_child(session, child_id)
    today = now.date()
    values = dict(data)
    values["child_id"] = child_id
    values.setdefault("requested_on", today)
    if not values.get("phone"):
        raise ValidationFailed(
            "Phone: the number to call is needed", {"phone": "the number to call is needed"}
        )
    slot = values.get("slot_start")
    caller_text = values.get("caller_id")
    caller = uuid.UUID(str(caller_text)) if caller_text else None
    if slot is None:
        offered = offer_slots(session, child_id, now=now, standards=standards, limit=1)
        if not offered["slots"]:
            reasons = "; ".join(offered["notes"]) or "every slot is taken"
            days = standards.callbacks.offer_working_days
            raise Refused(
                f"there is no free callback slot in the next {days} working days "
                f"({reasons}). Add someone to the duty rota, or book a later day."
            )
        first = offered["slots"][0]
        slot, caller = first["start"], uuid.UUID(first["caller_id"])
    if not isinstance(slot, datetime):
        try:
            slot = datetime.fromisoformat(str(slot))
        except ValueError:
            raise ValidationFailed(
                f"'{slot}' is not a date and time", {"slot_start": "is not a date and time"}
            ) from None
    slot = slot.replace(tzinfo=None, second=0, microsecond=0)
    who = callers_on(session, child_id, slot.date())
    if caller is None:
        if not who.callers:
            raise Refused(f"nobody can take the call on {uk_date(slot.date())}: {who.note}")
        caller = min(who.callers, key=lambda user: len(_booked(session, user, slot.date())))
    via_duty = who.via_duty and caller in who.callers
    _check_slot(session, caller, slot, now, standards)
    values["slot_start"] = slot
    values["caller_id"] = caller
    values["via_duty"] = via_duty
    values["slot_minutes"] = standards.callbacks.slot_minutes
    _, team = correspondence_service.current_holder(session, child_id)
    values["team_id"] = team
    if values.get("correspondence_id"):
        item = correspondence_service.get_item(session, uuid.UUID(str(values["correspondence_id"])))
        if item.child_id != child_id:
            raise Refused("that correspondence item is on another child's record")
    checked = validate(CallbackCreate, values, today)
    row = Callback.model_validate(checked)
    session.add(row)
    session.flush()
    return callback_json(session, row, now, standards)


def _check_slot(
    session: Session, caller: uuid.UUID, slot: datetime, now: datetime, standards: Standards
) -> None:
    cb = standards.callbacks
    end = slot + timedelta(minutes=cb.slot_minutes)
    if slot < now:
        raise Refused(f"the slot {when_text(slot)} has already started: choose a later one")
    if not standards.calendar.is_working_day(slot.date()):
        raise Refused(f"{uk_date(slot.date())} is not a working day: choose another day")
    if slot.time() < cb.day_starts or end.time() > cb.day_ends or end.date() != slot.date():
        raise Refused(f"callbacks are booked between {cb.day_starts:%H:%M} and {cb.day_ends:%H:%M}")
    away = absent_on(session, caller, slot.date())
    if away is not None:
        raise Refused(
            f"{_name(session, caller)} is away on {uk_date(slot.date())}: book the team's "
            "duty officer instead"
        )
    for b_start, b_end in _booked(session, caller, slot.date()):
        if slot < b_end and b_start < end:
            raise Refused(
                f"{_name(session, caller)} already has a call booked at {when_text(b_start)}: "
                "choose another slot"
            )


def get_callback(session: Session, callback_id: uuid.UUID) -> Callback:
    row = session.get(Callback, callback_id)
    if row is None:
        raise NotFound(f"no callback with id {callback_id} in this store")
    return row


def record_outcome(
    session: Session,
    callback_id: uuid.UUID,
    outcome: str,
    *,
    at: datetime | None,
    note: str | None,
    now: datetime,
    standards: Standards,
) -> dict[str, Any]:
    """What happened: made, no_answer (tried) or cancelled. A call made answers the
    item that asked for it."""
    row = get_callback(session, callback_id)
    if outcome not in CALLBACK_OUTCOMES:
        raise ValidationFailed(
            f"'{outcome}' is not an outcome (one of {', '.join(CALLBACK_OUTCOMES)})",
            {"outcome": "choose what happened"},
        )
    if row.outcome == "made":
        raise Refused(f"this call was already made ({when_text(row.outcome_at or row.slot_start)})")
    when = (at or now).replace(tzinfo=None, second=0, microsecond=0)
    if outcome != "cancelled" and when > now:
        raise ValidationFailed(
            f"the call is recorded at {when_text(when)}, which is in the future",
            {"at": "is in the future"},
        )
    values = {name: getattr(row, name) for name in CallbackCreate.model_fields}
    values.update(outcome=outcome, outcome_at=when, outcome_note=note)
    checked = validate(CallbackCreate, values, now.date())
    for name in ("outcome", "outcome_at", "outcome_note"):
        setattr(row, name, getattr(checked, name))
    session.flush()
    if outcome == "made" and row.correspondence_id is not None:
        item = session.get(CorrespondenceItem, row.correspondence_id)
        if item is not None and item.needs_response and item.responded_on is None:
            summary = note or f"Called back about: {row.about}"
            correspondence_service.close(
                session, item, "call", when.date(), row.id, summary[:4000], now.date()
            )
    return callback_json(session, row, now, standards)


def confirm(
    session: Session,
    callback_id: uuid.UUID,
    via: str,
    *,
    on: date,
    letter_id: uuid.UUID | None = None,
    now: datetime,
    standards: Standards,
) -> dict[str, Any]:
    """Record how the booking was confirmed to the family (a letter, with its id)."""
    row = get_callback(session, callback_id)
    if via not in CONFIRMATION_VIA:
        raise ValidationFailed(
            f"'{via}' is not a way of confirming (one of {', '.join(CONFIRMATION_VIA)})",
            {"via": "choose how the family was told"},
        )
    if via == "letter" and letter_id is None:
        raise ValidationFailed(
            "a confirmation letter is saved from the letters composer first",
            {"letter_id": "is needed"},
        )
    values = {name: getattr(row, name) for name in CallbackCreate.model_fields}
    values.update(confirmation_via=via, confirmed_on=on, confirmation_letter_id=letter_id)
    checked = validate(CallbackCreate, values, now.date())
    for name in ("confirmation_via", "confirmed_on", "confirmation_letter_id"):
        setattr(row, name, getattr(checked, name))
    session.flush()
    return callback_json(session, row, now, standards)


def letter_inputs(session: Session, callback_id: uuid.UUID) -> dict[str, Any]:
    """The inputs of the callback confirmation letter (template ``callback_confirmation``)."""
    row = get_callback(session, callback_id)
    return {
        "callback_date": row.slot_start.date(),
        "callback_time": row.slot_start.time(),
        "caller": _name(session, row.caller_id),
        "number": row.phone or "",
        "about": row.about,
    }


# ---------------------------------------------------------------- reading


def callback_json(
    session: Session, row: Callback, now: datetime, standards: Standards
) -> dict[str, Any]:
    status = status_of(
        row.outcome, row.slot_start, row.slot_minutes, now, standards.callbacks.missed_after_minutes
    )
    child = session.get(Child, row.child_id)
    return {
        "id": row.id.hex,
        "child_id": row.child_id.hex,
        "child_name": f"{child.first_name} {child.last_name}" if child else "",
        "requested_on": row.requested_on,
        "requested_by": row.requested_by,
        "phone": row.phone,
        "about": row.about,
        "slot_start": row.slot_start,
        "slot_end": row.slot_start + timedelta(minutes=row.slot_minutes),
        "slot_label": when_text(row.slot_start),
        "caller_id": row.caller_id.hex,
        "caller": _name(session, row.caller_id),
        "via_duty": row.via_duty,
        "correspondence_id": row.correspondence_id.hex if row.correspondence_id else None,
        "confirmation_via": row.confirmation_via,
        "confirmation_label": CONFIRMATION_LABELS.get(row.confirmation_via or "", "Not yet"),
        "confirmation_letter_id": row.confirmation_letter_id.hex
        if row.confirmation_letter_id
        else None,
        "confirmed_on": row.confirmed_on,
        "outcome": row.outcome,
        "outcome_at": row.outcome_at,
        "outcome_note": row.outcome_note,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "missed": status == MISSED,
    }


@dataclass(frozen=True)
class CallbackQuery:
    """``show``: upcoming (not yet made, missed included), missed, today, all.
    ``caller_id``: calls this person makes; ``team_id``: the team's calls;
    ``child_id``: one child's."""

    show: str = "upcoming"
    caller_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    child_id: uuid.UUID | None = None
    limit: int | None = 2000


SHOW = ("upcoming", "missed", "today", "all")


def callbacks(
    session: Session, query: CallbackQuery, *, now: datetime, standards: Standards
) -> list[dict[str, Any]]:
    if query.show not in SHOW:
        raise ValidationFailed(f"'{query.show}' is not one of {', '.join(SHOW)}")
    select = sa.select(Callback)
    grace = timedelta(
        minutes=standards.callbacks.missed_after_minutes + standards.callbacks.slot_minutes
    )
    if query.show in ("upcoming", "missed"):
        select = select.where(col(Callback.outcome).is_(None))
    if query.show == "missed":
        select = select.where(col(Callback.slot_start) < now - grace)
    if query.show == "today":
        start = datetime.combine(now.date(), datetime.min.time())
        select = select.where(
            col(Callback.slot_start) >= start,
            col(Callback.slot_start) < start + timedelta(days=1),
        )
    if query.caller_id is not None:
        select = select.where(col(Callback.caller_id) == query.caller_id)
    if query.team_id is not None:
        select = select.where(col(Callback.team_id) == query.team_id)
    if query.child_id is not None:
        select = select.where(col(Callback.child_id) == query.child_id)
    order = col(Callback.slot_start)
    select = select.order_by(order.desc() if query.show == "all" else order)
    if query.limit is not None:
        select = select.limit(query.limit)
    rows = [callback_json(session, row, now, standards) for row in session.scalars(select)]
    if query.show == "missed":
        rows = [row for row in rows if row["missed"]]
    return rows


__all__ = [
    "SHOW",
    "STATUS_LABELS",
    "CallbackQuery",
    "Callers",
    "absent_on",
    "add_absence",
    "availability",
    "book",
    "callback_json",
    "callbacks",
    "callers_on",
    "confirm",
    "get_callback",
    "letter_inputs",
    "offer_slots",
    "on_duty",
    "record_outcome",
    "set_duty",
    "status_of",
]
