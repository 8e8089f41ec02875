"""The backend's correspondence, callbacks, complaints and reports (mixed into
:class:`~send_desk.backend.Backend`).

Plain data in and out, one short-lived Session per call, so every call may run in a
background op. Exports take ``progress(done, total)`` and ``cancelled()`` so the app
shows a progress bar and can stop them; a cancelled export raises
:class:`ExportCancelled` and leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

from send_desk.backend.callbacks_complaints import CallbacksComplaintsMixin, _id, _required
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.service_reports import ServiceReportsMixin
from send_desk.domain.correspondence import (
    CALLBACK_OUTCOME_LABELS,
    CHANNEL_LABELS,
    CONFIRMATION_LABELS,
    DIRECTION_LABELS,
    RESPONSE_LABELS,
)
from send_desk.reports.exports import ExportCancelled, ExportFailed
from send_desk.services import callbacks as callbacks_service
from send_desk.services import complaints as complaints_service
from send_desk.services import correspondence as correspondence_service
from send_desk.services.correspondence import Duplicate
from send_desk.services.standards import Standards, standards_for
from send_desk.timeutil import LONDON, uk_date

MY_DAY_OVERDUE_DAYS = 60


def _due_group(row: Mapping[str, Any], today: date) -> int:
    """My day's order: today's callbacks first, by time (a family is waiting by the
    phone), then callbacks missed before today, then the other late items, then the
    rest of today, then what is coming."""
    if row["kind"] == "callback":
        return 0 if row["due"] == today else 1
    if row["status"] in ("missed", "overdue"):
        return 2
    return 3 if row["due"] <= today else 4


class CorrespondenceMixin(CallbacksComplaintsMixin, ServiceReportsMixin):
    """Correspondence, callbacks, complaints, the service report and its exports."""

    _read: Any
    _write: Any
    _today: Callable[[], date]
    paths: Any
    # Tests set a fixed "now" (London wall-clock); else today's date at the clock's time.
    clock_now: Callable[[], datetime] | None = None

    # ------------------------------------------------------------ basics

    def standards(self) -> Standards:
        return standards_for(self.paths.root)

    def now(self) -> datetime:
        """London wall-clock time now (naive), on the backend's today."""
        if self.clock_now is not None:
            return self.clock_now()
        clock = datetime.now(LONDON).time().replace(second=0, microsecond=0)
        return datetime.combine(self._today(), clock)

    def correspondence_vocabulary(self) -> dict[str, Any]:
        """Labels and choices for the forms: channels with their standard, directions,
        kinds of response, callback outcomes, ways of confirming, complaint stages,
        root causes and outcomes, Ombudsman outcomes."""
        standards = self.standards()
        return {
            "channels": [
                (c.id, f"{c.label} (reply within {c.respond_within} working days)")
                for c in standards.channels.values()
            ],
            "channel_labels": dict(CHANNEL_LABELS),
            "directions": list(DIRECTION_LABELS.items()),
            "response_kinds": list(RESPONSE_LABELS.items()),
            "callback_outcomes": list(CALLBACK_OUTCOME_LABELS.items()),
            "confirmation": list(CONFIRMATION_LABELS.items()),
            "stages": [(s.id, s.label) for s in standards.stages],
            "root_causes": list(standards.root_causes.items()),
            "outcomes": list(standards.outcomes.items()),
            "ombudsman": standards.ombudsman_name,
            "ombudsman_outcomes": list(standards.ombudsman_outcomes.items()),
            "standards": standards.as_json(),
        }

    # ------------------------------------------------------------ correspondence

    def log_correspondence(
        self, child_id: str, data: Mapping[str, Any], *, allow_duplicate: bool = False
    ) -> dict[str, Any]:
        """Log an item; raises :class:`Duplicate` (with the item already logged) or
        ValidationFailed."""
        values = dict(data)  # blank text is checked by the models' own rules
        with self._write() as session:
            found: dict[str, Any] = correspondence_service.log_item(
                session,
                _required(child_id, "the child"),
                values,
                today=self._today(),
                standards=self.standards(),
                allow_duplicate=allow_duplicate,
            )
            return found

    def respond_to_item(
        self,
        item_id: str,
        kind: str,
        *,
        on: date | None = None,
        summary: str | None = None,
        ref_id: str | None = None,
        correspondent: str | None = None,
    ) -> dict[str, Any]:
        """Close an item with its response (see :func:`services.correspondence.respond`)."""
        if not kind:
            raise ValidationFailed("choose how it was answered", {"kind": "is needed"})
        response = correspondence_service.Response(
            kind, on, (summary or "").strip() or None, _id(ref_id), correspondent or None
        )
        with self._write() as session:
            found: dict[str, Any] = correspondence_service.respond(
                session, _required(item_id, "an item"), response, today=self._today()
            )
            return found

    def child_correspondence(self, child_id: str) -> dict[str, Any]:
        """A child's items, callbacks and complaints, for the record's tab."""
        child = _required(child_id, "the child")
        today, now, standards = self._today(), self.now(), self.standards()
        with self._read() as session:
            return {
                "items": correspondence_service.child_items(session, child, today=today),
                "callbacks": callbacks_service.callbacks(
                    session,
                    callbacks_service.CallbackQuery(show="all", child_id=child),
                    now=now,
                    standards=standards,
                ),
                "complaints": complaints_service.complaints(
                    session,
                    complaints_service.ComplaintQuery(show="all", child_id=child),
                    today=today,
                    standards=standards,
                ),
            }

    def correspondence_ids(
        self,
        *,
        show: str = "open",
        caseworker_id: str | None = None,
        team_id: str | None = None,
        text: str = "",
        due_by: date | None = None,
    ) -> list[str]:
        query = correspondence_service.ItemQuery(
            show=show,
            caseworker_id=_id(caseworker_id),
            team_id=_id(team_id),
            text=text,
            due_by=due_by,
        )
        with self._read() as session:
            found: list[str] = correspondence_service.item_ids(session, query, today=self._today())
            return found

    def correspondence_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        with self._read() as session:
            found: dict[str, dict[str, Any]] = correspondence_service.item_rows(
                session, ids, today=self._today()
            )
            return found

    def child_letters_and_notes(self, child_id: str) -> dict[str, list[dict[str, Any]]]:
        """The child's saved letters and case notes, to pick the one that answered an item."""
        from send_desk.services import letters as letters_service
        from send_desk.services import notes as notes_service

        child = _required(child_id, "the child")
        with self._read() as session:
            letters = letters_service.list_letters(session, child)
            notes = notes_service.list_notes(session, child)
        return {
            "letters": [
                {"id": row["letter_id"], "label": f"{uk_date(row['letter_date'])} {row['title']}"}
                for row in letters
            ],
            "notes": [
                {
                    "id": str(row["note_id"]),
                    "label": f"{row['occurred_label']} {row['kind_label']}: {row['summary']}"[:120],
                }
                for row in notes
            ],
        }

    # ------------------------------------------------------------ My day

    def correspondence_due(
        self,
        *,
        caseworker_id: str | None = None,
        team_id: str | None = None,
        days_ahead: int = 5,
        overdue_days: int = MY_DAY_OVERDUE_DAYS,
        limit: int = 500,
    ) -> list[dict[str, Any]]:
        """What My day lists beside the statutory deadlines, soonest first: replies due
        within ``days_ahead`` working days or overdue (by up to ``overdue_days``),
        today's callbacks and every missed one, and complaint responses due in that
        time. Each row: kind (reply, callback, complaint), child_id, child_name, what,
        due (a date), when (a label), status, status_label, days_left, id."""
        today, now, standards = self._today(), self.now(), self.standards()
        until = standards.calendar.working_days_after(today, days_ahead) if days_ahead else today
        worker, team = _id(caseworker_id), _id(team_id)
        rows: list[dict[str, Any]] = []
        with self._read() as session:
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
        for item in items:
            verb = "from" if item["direction"] == "incoming" else "to"
            rows.append(
                {
                    "kind": "reply",
                    "kind_label": "Reply due",
                    "id": item["id"],
                    "child_id": item["child_id"],
                    "child_name": item["child_name"],
                    "what": f"{item['channel_label']} {verb} {item['correspondent']}: "
                    f"{item['summary']}",
                    "due": item["response_due"],
                    "when": uk_date(item["response_due"]),
                    "status": item["status"],
                    "status_label": item["status_label"],
                    "days_left": item["days_left"],
                }
            )
        for call in calls:
            day = call["slot_start"].date()
            if not (call["missed"] or day == today):
                continue
            rows.append(
                {
                    "kind": "callback",
                    "kind_label": "Missed callback" if call["missed"] else "Callback",
                    "id": call["id"],
                    "child_id": call["child_id"],
                    "child_name": call["child_name"],
                    "what": f"Phone {call['requested_by']} on {call['phone']} about "
                    f"{call['about']}" + (" (duty)" if call["via_duty"] else ""),
                    "due": day,
                    "when": call["slot_label"],
                    "status": call["status"],
                    "status_label": call["status_label"],
                    "days_left": (day - today).days,
                    "slot_start": call["slot_start"],
                }
            )
        for complaint in complaints:
            due = complaint["response_due"]
            if due is None or due > until:
                continue
            rows.append(
                {
                    "kind": "complaint",
                    "kind_label": "Complaint response",
                    "id": complaint["id"],
                    "child_id": complaint["child_id"],
                    "child_name": complaint["child_name"],
                    "what": f"{complaint['stage_label']}: {complaint['complainant']} – "
                    f"{complaint['summary']}",
                    "due": due,
                    "when": uk_date(due),
                    "status": complaint["status"],
                    "status_label": complaint["status_label"],
                    "days_left": (due - today).days,
                }
            )
        rows.sort(
            key=lambda row: (
                _due_group(row, today),
                row["due"],
                row.get("slot_start") or datetime.combine(row["due"], time.max),
                row["child_name"],
            )
        )
        return rows[:limit]


__all__ = [
    "CorrespondenceMixin",
    "Duplicate",
    "ExportCancelled",
    "ExportFailed",
]
