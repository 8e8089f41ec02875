"""The backend's statutory clock (mixed into :class:`~send_desk.backend.Backend`).

"My day", reminders, a child's timeline, recording events, exceptions and apologies,
the caseload's "Overdue" filter and the compliance figures. Plain data in and out, one
short-lived Session per call (so any call may run in a background op). Every reader of
the cached milestones first makes sure they are current (:meth:`ensure_clock`).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, false, select, type_coerce

from send_desk.backend.errors import ValidationFailed
from send_desk.domain.event_types import CEASE_REASON_LABELS, EVENT_TYPES, REQUEST_SOURCE_LABELS
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.tables import table_of
from send_desk.reports.compliance import compliance_report
from send_desk.services import event_corrections
from send_desk.services import events as events_service
from send_desk.services import milestones as milestones_service
from send_desk.services.deadlines import (
    DEFAULT_WITHIN,
    SECTION_TITLES,
    DeadlineQuery,
    counts,
    deadlines,
    horizon,
    milestone_of,
    overdue_child_ids,
)
from send_desk.timescales import Event, compute_timeline, default_rules, native
from send_desk.timescales.milestones import EXCEPTION, INFO, LATE, MET, OVERDUE, PENDING
from send_desk.timeutil import uk_date

_MILESTONE_COLUMNS = (
    "milestone",
    "rule",
    "due",
    "cycle",
    "proposed",
    "priority",
    "local",
    "exception_reason",
    "exception_evidence",
    "exception_recorded",
)


def _next_deadline(title: str, due: date, today: date) -> dict[str, Any]:
    days = (due - today).days
    if days < 0:
        when = f"{-days} day{'s' if days != -1 else ''} overdue"
    elif days == 0:
        when = "due today"
    else:
        when = f"in {days} day{'s' if days != 1 else ''}"
    return {
        "title": title,
        "due": due,
        "days_left": days,
        "overdue_days": max(0, -days),
        "when": when,
        "label": f"{title}: {when} (due {uk_date(due)})",
    }


STATUS_LABELS = {
    MET: "Met",
    LATE: "Done late",
    PENDING: "Due",
    OVERDUE: "Overdue",
    EXCEPTION: "Exception claimed",
    INFO: "Date to know",
}
# Kept out of the general "Record event" list: they have their own dialogs.
OWN_DIALOG_EVENTS = ("exception_recorded", "apology_letter_requested")
MISSED_RECENTLY_DAYS = 7
# What a family is told when a request arrives: the three dates the law sets from it.
REQUEST_PROJECTION = ("decide_to_assess", "decide_to_issue", "final_plan")
CHOICE_LABELS = {
    ("request_received", "source"): REQUEST_SOURCE_LABELS,
    ("review_decision", "cease_reason"): CEASE_REASON_LABELS,
}


@dataclass(frozen=True)
class ProjectedDate:
    """A statutory date that follows from an event, before the event is recorded."""

    milestone: str
    title: str
    due: date


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a record id") from None


def _hex_row(row: dict[str, Any]) -> dict[str, Any]:
    row["child_id"] = uuid.UUID(row["child_id"]).hex
    row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
    row["section_title"] = SECTION_TITLES[row["section"]]
    return row


class ClockMixin:
    """Deadlines, timelines and compliance figures for the desktop app."""

    _read: Any
    _write: Any
    _today: Callable[[], date]
    _clock_lock = threading.Lock()

    # ------------------------------------------------------------------ cache

    @staticmethod
    def clock_engine_build() -> str:
        """``compiled`` (mypyc, made by the install) or ``interpreted``."""
        return native.engine_build()

    def ensure_clock(self) -> str:
        """Bring the cached milestones up to date; returns what was done ("current",
        "children", "all"). Quick when nothing changed (a read)."""
        today = self._today()
        with self._read() as session:
            if milestones_service.is_current(session, today=today):
                return "current"
        with self._clock_lock, self._write() as session:
            result: str = milestones_service.ensure_current(session, today=today)
            return result

    # ----------------------------------------------------------------- my day

    def my_day(
        self,
        *,
        caseworker_id: str | None = None,
        team_id: str | None = None,
        within: int = DEFAULT_WITHIN,
        include_local: bool = False,
    ) -> dict[str, Any]:
        """Overdue, due today and due in the next ``within`` working days, most at risk
        first, for a caseworker's or a team's caseload (everyone's when neither)."""
        self.ensure_clock()
        today = self._today()
        query = DeadlineQuery(
            caseworker_id=caseworker_id or None,
            team_id=team_id or None,
            within=within,
            include_local=include_local,
        )
        with self._read() as session:
            rows = [_hex_row(row) for row in deadlines(session, query, today=today)]
            done = milestones_service.apologies(session, {row["child_id"] for row in rows})
        for row in rows:
            row["apology_requested"] = (
                row["child_id"],
                row["milestone"],
                row["due"].isoformat(),
            ) in done
        return {
            "today": today,
            "up_to": horizon(today, within),
            "rows": rows,
            "counts": counts(rows),
        }

    def missed_without_apology(
        self, rows: Sequence[Mapping[str, Any]], days: int = MISSED_RECENTLY_DAYS
    ) -> list[Mapping[str, Any]]:
        """Of My day's rows, the statutory deadlines missed in the last ``days`` days
        (no exception relied on) for which no apology to the family is recorded yet."""
        return [
            row
            for row in rows
            if row["status"] == OVERDUE
            and -days <= row["days_left"] < 0
            and not row["local"]
            and not row.get("apology_requested")
        ]

    def deadline_reminders(
        self, *, caseworker_id: str | None, lead_days: Sequence[int]
    ) -> list[dict[str, Any]]:
        """Open statutory tasks whose days left are one of ``lead_days`` (0: due today),
        and those that became overdue yesterday, most at risk first."""
        self.ensure_clock()
        today = self._today()
        wanted = {int(day) for day in lead_days if int(day) >= 0} | {-1}
        query = DeadlineQuery(
            caseworker_id=caseworker_id or None, within=0, everything=True, include_local=False
        )
        with self._read() as session:
            rows = deadlines(session, query, today=today)
        return [_hex_row(row) for row in rows if row["days_left"] in wanted]

    def next_deadlines(self, child_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Each child's next statutory deadline not yet met (the earliest due, so one
        missed comes first), keyed by hex id: title, due, days_left and a label such as
        "Final plan: 12 days overdue (due 03/11/2026)". Children with none are left out."""
        wanted = [uuid.UUID(str(child)).hex for child in child_ids]
        if not wanted:
            return {}
        self.ensure_clock()
        today, rules = self._today(), default_rules()
        table = table_of(MilestoneRow)
        key = type_coerce(table.c.child_id, String)
        query = (
            select(
                key.label("child_key"),
                *(table.c[name] for name in _MILESTONE_COLUMNS),
            )
            .where(
                key.in_(wanted),
                table.c.kind == "task",
                table.c.done.is_(None),
                table.c.local == false(),
            )
            .order_by(key, table.c.due)
        )
        found: dict[str, dict[str, Any]] = {}
        with self._read() as session:
            rows = [dict(row._mapping, done=None) for row in session.execute(query)]
        for row in rows:
            if row["child_key"] in found:
                continue
            milestone = milestone_of(row, today, rules)
            if milestone is None or milestone.rule.is_info:
                continue
            found[row["child_key"]] = _next_deadline(milestone.title, row["due"], today)
        return found

    def overdue_child_ids(self) -> set[str]:
        """Hex ids of the children with a statutory task past its due date."""
        self.ensure_clock()
        with self._read() as session:
            found: set[str] = overdue_child_ids(session, today=self._today())
            return found

    # ------------------------------------------------------------ child record

    def child_timeline(self, child_id: str) -> dict[str, Any]:
        """A child's milestones and the clock's warnings about the events, for the
        record's Timeline tab: status with a label, next step, source, the exception
        relied on, what completes the milestone and which exceptions the law allows."""
        today = self._today()
        rules = default_rules()
        with self._read() as session:
            timeline = milestones_service.child_timeline(session, _uuid(child_id), today=today)
        rows = []
        for m in timeline.milestones:
            claim = m.exceptions[0] if m.exceptions else None
            done_by = m.rule.done_by
            rows.append(
                {
                    "milestone": m.id,
                    "title": m.title,
                    "due": m.due,
                    "done": m.done,
                    "status": m.status,
                    "status_label": STATUS_LABELS.get(m.status, m.status),
                    "days_left": m.days_left,
                    "next_step": m.next_step,
                    "source": m.source,
                    "local": m.local,
                    "proposed": m.proposed,
                    "info": m.rule.is_info,
                    "exception": (
                        {
                            "reason": claim.reason,
                            "label": claim.label,
                            "evidence": claim.evidence,
                            "recorded": claim.recorded,
                            "source": claim.source,
                        }
                        if claim
                        else None
                    ),
                    "completed_by": list(done_by.events) if done_by else [],
                    "completed_with": (
                        {name: m.suffix for name in done_by.match}
                        if done_by and done_by.match and m.suffix is not None
                        else {}
                    ),
                    "exception_reasons": [
                        {
                            "id": reason,
                            "label": rules.reasons[reason].label,
                            "source": rules.reasons[reason].source,
                            "meaning": rules.reasons[reason].meaning,
                        }
                        for reason in m.rule.exceptions
                        if reason in rules.reasons
                    ],
                }
            )
        return {
            "today": today,
            "rows": rows,
            "warnings": [warning.message for warning in timeline.warnings],
        }

    @staticmethod
    def event_types() -> list[dict[str, Any]]:
        """The events a caseworker records from the Timeline tab, with their fields."""
        return [
            {
                "id": kind.id,
                "label": kind.label,
                "extras": [
                    {
                        "name": extra.name,
                        "kind": extra.kind,
                        "label": extra.label,
                        "choices": list(extra.choices),
                        "choice_labels": dict(CHOICE_LABELS.get((kind.id, extra.name), {})),
                        "required": extra.required,
                        "default": extra.default,
                    }
                    for extra in kind.extras
                ],
            }
            for kind in EVENT_TYPES.values()
            if kind.id not in OWN_DIALOG_EVENTS
        ]

    @staticmethod
    def request_projection(received: date) -> list[ProjectedDate]:
        """The 6-, 16- and 20-week dates a request received on ``received`` sets (the
        16- and 20-week ones apply once the council decides to assess, as if it had)."""
        assumed = [
            Event("request_received", received, {}),
            Event("assessment_decision", received, {"outcome": "assess"}),
        ]
        timeline = compute_timeline(assumed, received)
        found = {m.id: m for m in timeline.milestones}
        return [
            ProjectedDate(key, found[key].title, found[key].due)
            for key in REQUEST_PROJECTION
            if key in found
        ]

    def correct_event(
        self, event_id: str, changes: Mapping[str, Any], *, reason: str
    ) -> list[str]:
        """A new version of the event with its reason; returns the clock's warnings."""
        with self._write() as session:
            change = event_corrections.correct_event(
                session, _uuid(event_id), changes, reason=reason, today=self._today()
            )
        return list(change.warnings)

    def withdraw_event(self, event_id: str, *, reason: str) -> None:
        """Mark the event withdrawn (recorded by mistake), with the reason."""
        with self._write() as session:
            event_corrections.withdraw_event(
                session, _uuid(event_id), reason=reason, today=self._today()
            )

    def record_event(
        self,
        child_id: str,
        type_id: str,
        when: date | None,
        details: Mapping[str, Any] | None = None,
        *,
        evidence: str | None = None,
        confirm_dates: bool = False,
    ) -> dict[str, Any]:
        """Record an event after the clock's checks; returns its id and the warnings.

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
        with self._write() as session:
            recorded = events_service.add_event(
                session,
                _uuid(child_id),
                type_id,
                when,
                {name: value for name, value in values.items() if value is not None},
                evidence=evidence,
                today=self._today(),
                confirm_dates=confirm_dates,
            )
        return {"id": recorded.id.hex, "warnings": list(recorded.warnings)}

    def record_exception(
        self, child_id: str, milestone: str, reason: str | None, evidence: str, when: date | None
    ) -> dict[str, Any]:
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
        self, child_id: str, milestone: str, due: date, reason: str
    ) -> dict[str, Any]:
        """Record that the family is owed an apology letter for a missed deadline, and
        why it was missed (the letter itself comes with the letters feature)."""
        if not reason.strip():
            raise ValidationFailed(
                "Reason: say why the deadline was missed; the family will read it",
                {"reason": "say why the deadline was missed; the family will read it"},
            )
        return self.record_event(
            child_id,
            "apology_letter_requested",
            self._today(),
            {"milestone": milestone, "due": due, "reason": reason.strip()},
        )

    # ---------------------------------------------------------------- reports

    def compliance(self, start: date, end: date) -> dict[str, Any]:
        """The compliance figures (see :mod:`send_desk.reports.compliance`)."""
        if end < start:
            raise ValidationFailed(
                f"the period ends ({uk_date(end)}) before it starts ({uk_date(start)})"
            )
        self.ensure_clock()
        with self._read() as session:
            report: dict[str, Any] = compliance_report(session, start, end, today=self._today())
            return report
