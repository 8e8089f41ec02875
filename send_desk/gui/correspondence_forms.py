"""What the complaint, availability and callback forms hold, typed: each dialog's
``values()`` (see :class:`~send_desk.gui.dialogs.FormDialog`), and the complaint step
a complaint form describes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from send_desk.backend.correspondence_models import (
    Acknowledge,
    ComplaintStep,
    Escalate,
    NewCallback,
    OmbudsmanDecision,
    ReferToOmbudsman,
    Respond,
)


@dataclass(frozen=True, slots=True)
class ComplaintForm:
    """A step of a complaint as the form holds it (fields its action hides are ignored)."""

    action: str  # acknowledge, respond, escalate, update, refer or decide
    on: date | None
    outcome: str | None
    investigator: str
    reference: str
    root_cause: str | None
    lessons: str


@dataclass(frozen=True, slots=True)
class AvailabilityForm:
    """A caseworker away for some days, or on a team's duty rota for them."""

    kind: str  # "absence" or "duty"
    user_id: str | None  # the combos' hex ids
    team_id: str | None
    first_day: date
    last_day: date
    reason: str


@dataclass(frozen=True, slots=True)
class CallbackBooking:
    """The callback to book, and how it is to be confirmed (None: not yet)."""

    call: NewCallback
    confirmation_via: str | None


@dataclass(frozen=True, slots=True)
class CallbackOutcomeForm:
    """What happened to a booked call."""

    outcome: str
    at: datetime
    note: str


def complaint_step(form: ComplaintForm, letter_id: uuid.UUID | None) -> ComplaintStep:
    """The step the form's action and fields describe."""
    action, on = form.action, form.on
    if action == "acknowledge":
        return Acknowledge(on, letter_id, form.investigator or None)
    if action == "respond":
        return Respond(form.outcome or "", on, letter_id)
    if action == "escalate":
        return Escalate(on)
    if action == "refer":
        return ReferToOmbudsman(on, form.reference)
    if action == "decide":
        return OmbudsmanDecision(form.outcome or "", on)
    from send_desk.backend import ValidationFailed

    raise ValidationFailed(f"'{action}' is not something done to a complaint")
