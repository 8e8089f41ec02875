"""Synthetic correspondence, callbacks and complaints for the demo caseload.

Shaped like the councils we learn from: most families write or ring a few times a
term; an item is answered in time more often than not, but a good share of what is
still open is overdue; a callback is sometimes missed; complaints come a few a week,
some answered within the SLA and some not (the share varies from month to month), with
the root causes councils report, a few going to stage 2 and to the Ombudsman. The duty
rota covers every team for the weeks around today, and a few caseworkers are away.

All people and words are made up. Rows are checked with the same Create models the
services use, and due dates come from the service standards and the working-day
calendar, so the demo obeys every rule a caseworker's entry would.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from send_desk.domain.correspondence import (
    Callback,
    CallbackCreate,
    Complaint,
    ComplaintCreate,
    ComplaintStage,
    ComplaintStageCreate,
    CorrespondenceItem,
    CorrespondenceItemCreate,
    DutyRota,
    StaffAbsence,
)
from send_desk.services.standards import Standards, default_standards

ITEMS_PER_CHILD = (0, 0, 1, 1, 1, 2, 2, 3, 4)
CHANNEL_WEIGHTS = {"email": 45, "call": 25, "portal": 20, "letter": 10}
LOOKBACK_DAYS = 84
CALLBACK_SHARE = 0.08
COMPLAINT_SHARE = 0.03
COMPLAINT_LOOKBACK_DAYS = 182
ABSENT_SHARE = 0.06

SUBJECTS = (
    "When will the draft plan be ready?",
    "The taxi to school has been late all week",
    "Can we change the date of the annual review?",
    "Question about the school named in the plan",
    "Asking for an update on the needs assessment",
    "The school says it cannot meet the needs in the plan",
    "Request for a copy of the educational psychologist's report",
    "Who is our new caseworker?",
    "Personal budget: how do we apply?",
    "Worried about the move to secondary school",
    "Please ring me about the speech and language therapy",
    "Our address has changed",
)
REPLIES = (
    "Sent the dates and what happens next",
    "Rang and explained the timetable",
    "Passed to the transport team and told the family",
    "Confirmed the new meeting date",
    "Sent a copy of the report",
)
COMPLAINTS = (
    "Nobody answered my emails for three weeks",
    "The plan was issued late and the school place was not named",
    "The caseworker changed three times this year and nobody told us",
    "The transport arrangements keep failing",
    "We were not invited to the annual review meeting",
    "The decision letter did not explain why",
)
ROOT_CAUSE_WEIGHTS = {
    "communication": 35,
    "service_failure": 25,
    "service_quality": 20,
    "policy_procedure": 15,
    "staff_conduct": 5,
}
LESSONS = (
    "Reply to every email within the standard, even if only to say when we will answer.",
    "Tell families in writing when their caseworker changes.",
    "Check the transport booking the week before term starts.",
    "Explain the reasons for a decision in plain words in the letter.",
)


_DEFAULTS: dict[str, dict[str, Any]] = {}


def _defaults(model: type[Any]) -> dict[str, Any]:
    """The default of every column a demo row may leave out (audit columns excepted)."""
    found = _DEFAULTS.get(model.__name__)
    if found is None:
        skip = {"id", "created_at", "created_by", "updated_at", "updated_by"}
        found = _DEFAULTS[model.__name__] = {
            name: field.get_default(call_default_factory=True)
            for name, field in model.model_fields.items()
            if name not in skip and not field.is_required()
        }
    return found


def _day_in(rng: random.Random, today: date, back: int) -> date:
    return today - timedelta(days=rng.randint(0, back))


class _Demo:
    def __init__(
        self, seed: int, today: date, new_id: Callable[[], uuid.UUID], standards: Standards
    ) -> None:
        self.rng = random.Random(seed * 7919 + 17)
        self.today = today
        self.new_id = new_id
        self.standards = standards
        self.calendar = standards.calendar
        self.rows: dict[type[Any], list[dict[str, Any]]] = {}
        self._due: dict[tuple[str, date], date] = {}
        self._booked: set[tuple[Any, datetime]] = set()
        self._away: dict[Any, tuple[date, date]] = {}
        self._duty: dict[tuple[Any, date], Any] = {}
        self.context = {"today": today}

    def add(self, model: type[Any], row: dict[str, Any]) -> uuid.UUID:
        row.setdefault("id", self.new_id())
        # every row of a bulk insert has every column
        for name, default in _defaults(model).items():
            row.setdefault(name, default)
        self.rows.setdefault(model, []).append(row)
        return uuid.UUID(str(row["id"]))

    def due(self, channel: str, received: date) -> date:
        key = (channel, received)
        found = self._due.get(key)
        if found is None:
            found = self._due[key] = self.standards.response_due(channel, received)
        return found

    def working_after(self, day: date, n: int) -> date:
        return self.calendar.working_days_after(day, n)

    # ------------------------------------------------------------ correspondence

    def items(self, child: Mapping[str, Any], contact: str) -> None:
        rng = self.rng
        for _ in range(rng.choice(ITEMS_PER_CHILD)):
            channel = rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0]
            received = _day_in(rng, self.today, LOOKBACK_DAYS)
            due = self.due(channel, received)
            row: dict[str, Any] = {
                "child_id": child["id"],
                "direction": "incoming",
                "channel": channel,
                "contact_date": received,
                "correspondent": contact,
                "summary": rng.choice(SUBJECTS),
                "reference": f"<{rng.getrandbits(64):016x}@mail.example.com>"
                if channel == "email"
                else None,
                "needs_response": True,
                "response_due": due,
            }
            # past its due date: mostly answered in time, some late, a few never; not yet
            # due: some answered already, most still open
            roll = rng.random()
            span = (due - received).days
            answered: date | None = None
            if due < self.today:
                if roll < 0.72:
                    answered = received + timedelta(days=rng.randint(0, span))
                elif roll < 0.9:
                    answered = due + timedelta(days=rng.randint(1, 15))
            elif roll < 0.3:
                answered = received + timedelta(days=rng.randint(0, span))
            answered = min(answered, self.today) if answered is not None else None
            if answered is not None and answered >= received:
                row.update(
                    responded_on=answered,
                    response_kind="call" if channel == "call" else rng.choice(("email", "call")),
                    response_summary=rng.choice(REPLIES),
                )
            CorrespondenceItemCreate.model_validate(row, context=self.context)
            self.add(CorrespondenceItem, row)
        if rng.random() < 0.1:
            row = {
                "child_id": child["id"],
                "direction": "outgoing",
                "channel": rng.choice(("email", "letter")),
                "contact_date": _day_in(rng, self.today, LOOKBACK_DAYS),
                "correspondent": contact,
                "summary": "Sent the family an update on the plan",
                "needs_response": False,
            }
            CorrespondenceItemCreate.model_validate(row, context=self.context)
            self.add(CorrespondenceItem, row)

    # ------------------------------------------------------------ callbacks

    def callback(self, child: Mapping[str, Any], contact: Mapping[str, Any], caller: Any,
                 team: Any) -> None:  # fmt: skip
        rng, cb = self.rng, self.standards.callbacks
        day = self.working_after(self.today - timedelta(days=14), rng.randint(1, 15))
        slots = int(
            (datetime.combine(day, cb.day_ends) - datetime.combine(day, cb.day_starts))
            / timedelta(minutes=cb.slot_minutes)
        )
        via_duty = False
        if self.away_on(caller, day):
            duty = self._duty.get((team, day))
            if duty is None:
                return
            caller, via_duty = duty, True
        for _attempt in range(5):
            slot = datetime.combine(day, cb.day_starts) + timedelta(
                minutes=cb.slot_minutes * rng.randrange(slots)
            )
            if (caller, slot) not in self._booked:
                break
        else:
            return
        self._booked.add((caller, slot))
        requested = min(slot.date(), self.today) - timedelta(days=rng.randint(0, 2))
        row: dict[str, Any] = {
            "child_id": child["id"],
            "requested_on": requested,
            "requested_by": contact["name"],
            "phone": contact["phone"],
            "about": rng.choice(SUBJECTS),
            "slot_start": slot,
            "slot_minutes": cb.slot_minutes,
            "caller_id": caller,
            "team_id": team,
            "via_duty": via_duty,
            "confirmation_via": rng.choice(("text", "email", "phone")),
            "confirmed_on": requested,
        }
        if slot.date() < self.today:
            roll = rng.random()
            if roll < 0.78:
                row.update(outcome="made", outcome_at=slot + timedelta(minutes=rng.randint(0, 20)))
            elif roll < 0.88:
                row.update(outcome="no_answer", outcome_at=slot + timedelta(minutes=2))
            elif roll < 0.92:
                row.update(outcome="cancelled")
            # the rest were never recorded: missed
        CallbackCreate.model_validate(row, context=self.context)
        self.add(Callback, row)

    # ------------------------------------------------------------ complaints

    def complaint(self, child: Mapping[str, Any], contact: str, worker: Any, team: Any) -> None:
        rng, standards = self.rng, self.standards
        received = _day_in(rng, self.today, COMPLAINT_LOOKBACK_DAYS)
        # how well the service keeps to the SLA changes from month to month (11% to 80%)
        month_rng = random.Random(received.year * 100 + received.month)
        on_time = month_rng.choice((0.11, 0.35, 0.5, 0.62, 0.8))
        row: dict[str, Any] = {
            "child_id": child["id"],
            "caseworker_id": worker,
            "team_id": team,
            "received_on": received,
            "complainant": contact,
            "received_via": rng.choice(("email", "letter", "portal", "call")),
            "summary": rng.choice(COMPLAINTS),
            "root_cause": None,
            "outcome": None,
            "lessons_learned": None,
        }
        complaint_id = self.new_id()
        row["id"] = complaint_id
        started = received
        outcome = None
        for index, stage in enumerate(standards.stages):
            acknowledge_due, response_due = standards.stage_dates(stage.id, started)
            stage_row: dict[str, Any] = {
                "complaint_id": complaint_id,
                "child_id": child["id"],
                "stage": stage.id,
                "started_on": started,
                "acknowledge_due": acknowledge_due,
                "response_due": response_due,
                "investigator": "Team manager" if index == 0 else "Head of SEND",
            }
            if acknowledge_due <= self.today:
                stage_row["acknowledged_on"] = min(
                    self.today, started + timedelta(days=rng.randint(0, 4))
                )
            responded = None
            if response_due <= self.today or rng.random() < 0.4:
                if rng.random() < on_time:
                    span = max((response_due - started).days, 0)
                    responded = started + timedelta(days=rng.randint(0, span))
                elif rng.random() < 0.85:
                    responded = response_due + timedelta(days=rng.randint(1, 25))
                if responded is not None and responded > self.today:
                    responded = None
            if responded is not None:
                outcome = rng.choices(
                    ("upheld", "partly_upheld", "not_upheld", "withdrawn"), (25, 30, 40, 5)
                )[0]
                stage_row.update(
                    responded_on=responded,
                    outcome=outcome,
                    escalate_by=standards.escalate_by(stage.id, responded)
                    if outcome != "withdrawn"
                    else None,
                )
            ComplaintStageCreate.model_validate(stage_row, context=self.context)
            self.add(ComplaintStage, stage_row)
            following = standards.next_stage(stage.id)
            if (
                responded is None
                or outcome == "withdrawn"
                or following is None
                or rng.random() > 0.15
            ):
                break
            started = responded + timedelta(days=rng.randint(3, 20))
            if started > self.today:
                break
        if outcome is not None:
            row["outcome"] = outcome
            row["root_cause"] = rng.choices(
                list(ROOT_CAUSE_WEIGHTS), list(ROOT_CAUSE_WEIGHTS.values())
            )[0]
            if outcome in ("upheld", "partly_upheld") and rng.random() < 0.6:
                row["lessons_learned"] = rng.choice(LESSONS)
            responded_last = self.rows[ComplaintStage][-1].get("responded_on")
            if responded_last and rng.random() < 0.1:
                referred = responded_last + timedelta(days=rng.randint(5, 40))
                if referred <= self.today:
                    row["ombudsman_referred_on"] = referred
                    number = f"{rng.randint(1, 999_999):06d}"
                    row["ombudsman_reference"] = f"{referred:%y} {number[:3]} {number[3:]}"
        ComplaintCreate.model_validate(row, context=self.context)
        self.add(Complaint, row)

    # ------------------------------------------------------------ availability

    def away_on(self, worker: Any, day: date) -> bool:
        away = self._away.get(worker)
        return away is not None and away[0] <= day <= away[1]

    def rota(self, caseworkers: Mapping[Any, Sequence[Any]]) -> None:
        rng = self.rng
        everyone = [worker for workers in caseworkers.values() for worker in workers]
        away = set(rng.sample(everyone, max(1, round(len(everyone) * ABSENT_SHARE))))
        for worker in sorted(away, key=str):
            first = self.today + timedelta(days=rng.randint(-9, 2))
            last = first + timedelta(days=rng.randint(3, 12))
            self._away[worker] = (first, last)
            self.add(
                StaffAbsence,
                {"user_id": worker, "first_day": first, "last_day": last,
                 "reason": rng.choice(("Annual leave", "Training", "Sick leave"))},
            )  # fmt: skip
        day = self.today - timedelta(days=21)
        until = self.today + timedelta(days=21)
        while day <= until:
            if self.calendar.is_working_day(day):
                for team, workers in caseworkers.items():
                    present = [w for w in workers if not self.away_on(w, day)]
                    if present:
                        officer = present[day.toordinal() % len(present)]
                        self._duty[(team, day)] = officer
                        self.add(DutyRota, {"team_id": team, "on_date": day, "user_id": officer})
            day += timedelta(days=1)


def correspondence_for_demo(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]],
    *,
    seed: int,
    today: date,
    new_id: Callable[[], uuid.UUID],
    standards: Standards | None = None,
) -> dict[type[Any], list[dict[str, Any]]]:
    """Correspondence, callbacks, complaints, absences and the duty rota for the children,
    caseworkers and teams among the generated ``rows`` (by table model)."""
    from send_desk.domain.children import Allocation, Child, FamilyMember
    from send_desk.domain.organisation import User

    demo = _Demo(seed, today, new_id, standards or default_standards())
    contacts: dict[Any, dict[str, Any]] = {}
    for member in rows.get(FamilyMember, []):
        if member["main_contact"]:
            contacts[member["child_id"]] = member
    current: dict[Any, dict[str, Any]] = {}
    for allocation in rows.get(Allocation, []):
        if allocation["end_date"] is None:
            current[allocation["child_id"]] = allocation
    by_team: dict[Any, list[Any]] = {}
    for user in rows.get(User, []):
        if user["role"] == "caseworker" and user["team_id"] is not None:
            by_team.setdefault(user["team_id"], []).append(user["id"])
    demo.rota(by_team)
    for child in rows.get(Child, []):
        contact = contacts.get(child["id"])
        if contact is None:
            continue
        demo.items(child, contact["name"])
        held = current.get(child["id"])
        if held is None:
            continue
        if demo.rng.random() < CALLBACK_SHARE and contact.get("phone"):
            demo.callback(child, contact, held["caseworker_id"], held["team_id"])
        if demo.rng.random() < COMPLAINT_SHARE:
            demo.complaint(child, contact["name"], held["caseworker_id"], held["team_id"])
    return demo.rows


__all__ = ["correspondence_for_demo"]
