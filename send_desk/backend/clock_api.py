"""The statutory clock: ``backend.clock``.

My day, reminders, a child's timeline, recording events, exceptions and apologies, and
correcting or withdrawing an event. One short-lived Session per call (so any call may
run in a background op); every reader of the cached milestones first makes sure they
are current (:func:`send_desk.backend.clock_cache.ensure_clock`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from send_desk.backend import clock_cache
from send_desk.backend.access import StoreAccess
from send_desk.backend.clock_models import (
    ChildTimeline,
    DeadlineRow,
    DetailInput,
    EventCorrection,
    EventField,
    EventKind,
    ExceptionClaim,
    ExceptionReason,
    MyDay,
    ProjectedDate,
    RecordedEvent,
    TimelineItem,
)
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.labels import EVENT_CHOICE_LABELS
from send_desk.domain.event_types import EVENT_TYPES
from send_desk.services import event_corrections
from send_desk.services import events as events_service
from send_desk.services import milestones as milestones_service
from send_desk.services.deadlines import DEFAULT_WITHIN, DeadlineQuery, counts, deadlines, horizon
from send_desk.timescales import Event, compute_timeline, default_rules, native
from send_desk.timescales.milestones import OVERDUE

# Kept out of the general "Record event" list: they have their own dialogs.
OWN_DIALOG_EVENTS = ("exception_recorded", "apology_letter_requested")
MISSED_RECENTLY_DAYS = 7
# What a family is told when a request arrives: the three dates the law sets from it.
REQUEST_PROJECTION = ("decide_to_assess", "decide_to_issue", "final_plan")


class ClockApi:
    """Deadlines and timelines, and the events that move them."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    @staticmethod
    def clock_engine_build() -> str:
        """``compiled`` (mypyc, made by the install) or ``interpreted``."""
        return native.engine_build()

    def ensure_clock(self) -> str:
        """Bring the cached milestones up to date; returns what was done ("current",
        "children", "all"). Quick when nothing changed (a read)."""
        return clock_cache.ensure_clock(self._access)

    def overdue_child_ids(self) -> set[uuid.UUID]:
        """The children with a statutory task past its due date."""
        return clock_cache.overdue_child_ids(self._access)

    # ----------------------------------------------------------------- my day

    def my_day(
        self,
        *,
        caseworker_id: uuid.UUID | None = None,
        team_id: uuid.UUID | None = None,
        within: int = DEFAULT_WITHIN,
        include_local: bool = False,
    ) -> MyDay:
        """Overdue, due today and due in the next ``within`` working days, most at risk
        first, for a caseworker's or a team's caseload (everyone's when neither)."""
        self.ensure_clock()
        today = self._access.today()
        query = DeadlineQuery(
            caseworker_id=caseworker_id.hex if caseworker_id else None,
            team_id=team_id.hex if team_id else None,
            within=within,
            include_local=include_local,
        )
        with self._access.read() as session:
            found = deadlines(session, query, today=today)
            done = milestones_service.apologies(
                session, {uuid.UUID(row["child_id"]).hex for row in found}
            )
        rows = tuple(
            _deadline_row(
                row,
                (uuid.UUID(row["child_id"]).hex, row["milestone"], row["due"].isoformat()) in done,
            )
            for row in found
        )
        return MyDay(today=today, up_to=horizon(today, within), rows=rows, counts=counts(found))

    @staticmethod
    def missed_without_apology(
        rows: Iterable[DeadlineRow], days: int = MISSED_RECENTLY_DAYS
    ) -> tuple[DeadlineRow, ...]:
        """Of My day's rows, the statutory deadlines missed in the last ``days`` days
        (no exception relied on) for which no apology to the family is recorded yet."""
        return tuple(
            row
            for row in rows
            if row.status == OVERDUE
            and -days <= row.days_left < 0
            and not row.local
            and not row.apology_requested
        )

    def deadline_reminders(
        self, *, caseworker_id: uuid.UUID | None, lead_days: Sequence[int]
    ) -> tuple[DeadlineRow, ...]:
        """Open statutory tasks whose days left are one of ``lead_days`` (0: due today),
        and those that became overdue yesterday, most at risk first."""
        self.ensure_clock()
        wanted = {int(day) for day in lead_days if int(day) >= 0} | {-1}
        query = DeadlineQuery(
            caseworker_id=caseworker_id.hex if caseworker_id else None,
            within=0,
            everything=True,
            include_local=False,
        )
        with self._access.read() as session:
            found = deadlines(session, query, today=self._access.today())
        return tuple(_deadline_row(row, False) for row in found if row["days_left"] in wanted)

    # ------------------------------------------------------------ child record

    def child_timeline(self, child_id: uuid.UUID) -> ChildTimeline:
        """A child's milestones and the clock's warnings about the events, for the
        record's Timeline tab: status, next step, source, the exception relied on, what
        completes the milestone and which exceptions the law allows."""
        today = self._access.today()
        rules = default_rules()
        with self._access.read() as session:
            timeline = milestones_service.child_timeline(session, child_id, today=today)
        items = []
        for m in timeline.milestones:
            claim = m.exceptions[0] if m.exceptions else None
            done_by = m.rule.done_by
            items.append(
                TimelineItem(
                    milestone=m.id,
                    title=m.title,
                    due=m.due,
                    done=m.done,
                    status=m.status,
                    days_left=m.days_left,
                    next_step=m.next_step,
                    source=m.source,
                    local=m.local,
                    proposed=m.proposed,
                    info=m.rule.is_info,
                    exception=(
                        ExceptionClaim(
                            claim.reason, claim.label, claim.evidence, claim.recorded, claim.source
                        )
                        if claim
                        else None
                    ),
                    completed_by=tuple(done_by.events) if done_by else (),
                    completed_with=(
                        {name: m.suffix for name in done_by.match}
                        if done_by and done_by.match and m.suffix is not None
                        else {}
                    ),
                    exception_reasons=tuple(
                        ExceptionReason(
                            reason,
                            rules.reasons[reason].label,
                            rules.reasons[reason].source,
                            rules.reasons[reason].meaning,
                        )
                        for reason in m.rule.exceptions
                        if reason in rules.reasons
                    ),
                )
            )
        warnings = tuple(warning.message for warning in timeline.warnings)
        return ChildTimeline(today=today, items=tuple(items), warnings=warnings)

    @staticmethod
    def event_types() -> tuple[EventKind, ...]:
        """The events a caseworker records from the Timeline tab, with their fields."""
        return tuple(
            EventKind(
                id=kind.id,
                label=kind.label,
                extras=tuple(
                    EventField(
                        name=extra.name,
                        kind=extra.kind,
                        label=extra.label,
                        choices=tuple(extra.choices),
                        choice_labels=dict(EVENT_CHOICE_LABELS.get(extra.name, {})),
                        required=extra.required,
                        default=extra.default if isinstance(extra.default, bool) else None,
                    )
                    for extra in kind.extras
                ),
            )
            for kind in EVENT_TYPES.values()
            if kind.id not in OWN_DIALOG_EVENTS
        )

    @staticmethod
    def request_projection(received: date) -> tuple[ProjectedDate, ...]:
        """The 6-, 16- and 20-week dates a request received on ``received`` sets (the
        16- and 20-week ones apply once the council decides to assess, as if it had)."""
        assumed = [
            Event("request_received", received, {}),
            Event("assessment_decision", received, {"outcome": "assess"}),
        ]
        timeline = compute_timeline(assumed, received)
        found = {m.id: m for m in timeline.milestones}
        return tuple(
            ProjectedDate(key, found[key].title, found[key].due)
            for key in REQUEST_PROJECTION
            if key in found
        )

    # ---------------------------------------------------------------- recording

    def correct_event(
        self, event_id: uuid.UUID, correction: EventCorrection, *, reason: str
    ) -> tuple[str, ...]:
        """A new version of the event with its reason; returns the clock's warnings."""
        changes: dict[str, date | str] = {}
        if correction.date is not None:
            changes["date"] = correction.date
        if correction.evidence is not None:
            changes["evidence"] = correction.evidence
        with self._access.write() as session:
            change = event_corrections.correct_event(
                session, event_id, changes, reason=reason, today=self._access.today()
            )
        return tuple(change.warnings)

    def withdraw_event(self, event_id: uuid.UUID, *, reason: str) -> None:
        """Mark the event withdrawn (recorded by mistake), with the reason."""
        with self._access.write() as session:
            event_corrections.withdraw_event(
                session, event_id, reason=reason, today=self._access.today()
            )

    def record_event(
        self,
        child_id: uuid.UUID,
        type_id: str,
        when: date | None,
        details: Mapping[str, DetailInput] | None = None,
        *,
        evidence: str | None = None,
        confirm_dates: bool = False,
    ) -> RecordedEvent:
        """Record an event after the clock's checks.

        Raises ValidationFailed (with the clock's message) or Refused (a duplicate).
        """
        if not type_id:
            raise ValidationFailed("choose what happened", {"type": "choose what happened"})
        if when is None:
            raise ValidationFailed("the date is needed", {"date": "is needed"})
        values = {
            name: (None if isinstance(value, str) and not value.strip() else value)
            for name, value in (details or {}).items()
        }
        with self._access.write() as session:
            recorded = events_service.add_event(
                session,
                child_id,
                type_id,
                when,
                {name: value for name, value in values.items() if value is not None},
                evidence=evidence,
                today=self._access.today(),
                confirm_dates=confirm_dates,
            )
        return RecordedEvent(recorded.id, tuple(recorded.warnings), child_id)

    def record_exception(
        self,
        child_id: uuid.UUID,
        milestone: str,
        reason: str | None,
        evidence: str,
        when: date | None,
    ) -> RecordedEvent:
        """Record the exception the council relies on for one milestone: a reason the
        law allows for it, and the evidence (both required). The due date never moves."""
        fields = {}
        if not reason:
            fields["reason"] = "choose the reason the regulations allow"
        if not evidence.strip():
            fields["evidence"] = "is needed: say what shows the reason applies"
        if when is None:
            fields["date"] = "is needed"
        if fields:
            raise ValidationFailed(
                "; ".join(f"{name.capitalize()}: {why}" for name, why in fields.items()),
                fields,
            )
        return self.record_event(
            child_id,
            "exception_recorded",
            when,
            {"reason": reason, "milestone": milestone, "evidence": evidence.strip()},
        )

    def record_apology(
        self, child_id: uuid.UUID, milestone: str, due: date, reason: str
    ) -> RecordedEvent:
        """Record that the family is owed an apology letter for a missed deadline, and
        why it was missed."""
        if not reason.strip():
            raise ValidationFailed(
                "Reason: say why the deadline was missed; the family will read it",
                {"reason": "say why the deadline was missed; the family will read it"},
            )
        return self.record_event(
            child_id,
            "apology_letter_requested",
            self._access.today(),
            {"milestone": milestone, "due": due, "reason": reason.strip()},
        )


def _deadline_row(row: Mapping[str, Any], apology_requested: bool) -> DeadlineRow:
    claim = row["exception"]
    return DeadlineRow(
        child_id=uuid.UUID(row["child_id"]),
        child_name=row["child_name"],
        looked_after=row["looked_after"],
        caseworker=row["caseworker"],
        team=row["team"],
        milestone=row["milestone"],
        title=row["title"],
        due=row["due"],
        status=row["status"],
        days_left=row["days_left"],
        section=row["section"],
        next_step=row["next_step"],
        source=row["source"],
        local=row["local"],
        proposed=row["proposed"],
        exception=(
            ExceptionClaim(claim["reason"], claim["label"], claim["evidence"]) if claim else None
        ),
        priority_reasons=tuple(row["priority_reasons"]),
        apology_requested=apology_requested,
    )
