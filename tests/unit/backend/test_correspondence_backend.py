"""The backend's correspondence, callbacks, complaints and exports, as the app calls them
(a demo store of 60 children; today Friday 20 November 2026, 11:00)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest

from send_desk.backend import Backend, ValidationFailed
from send_desk.backend.correspondence import Duplicate, ExportCancelled
from send_desk.backend.correspondence_models import (
    Acknowledge,
    CallbackDue,
    ComplaintResponseDue,
    NewCallback,
    NewComplaint,
    NewItem,
    Reply,
    ReplyDue,
    ReplyDueDate,
    Respond,
)
from send_desk.backend.reports_api import ExportedCalendar

NOW = datetime(2026, 11, 20, 11, 0)


@pytest.fixture
def app(backend: Backend) -> Backend:
    backend.correspondence.clock_now = lambda: NOW
    return backend


def _mine(app: Backend) -> tuple[uuid.UUID, str]:
    me = app.me()
    assert me is not None
    mine = app.caseload.saved_filter("mine", caseworker_id=me.id, team_id=me.team_id)
    child = app.caseload.caseload_ids(mine)[0]
    return me.id, child.hex


def _call(who: str, about: str, slot: datetime, item: uuid.UUID | None = None) -> NewCallback:
    return NewCallback(who, "07700 900123", about, slot, correspondence_id=item)


def test_my_day_puts_todays_callbacks_before_old_overdue_replies(app: Backend) -> None:
    me, child = _mine(app)
    api = app.correspondence
    old = api.log(child, NewItem("email", date(2026, 10, 1), "A Parent", "Where is the plan?"))
    later = api.book_callback(child, _call("A Parent", "Transport", datetime(2026, 11, 20, 15, 30)))
    sooner = api.book_callback(child, _call("A Carer", "School", datetime(2026, 11, 20, 11, 15)))
    api.clock_now = lambda: datetime(2026, 11, 18, 9, 0)  # booked on Wednesday for Thursday
    missed = api.book_callback(child, _call("A Parent", "Taxi", datetime(2026, 11, 19, 10, 0)))
    api.clock_now = lambda: NOW
    rows = api.due(caseworker_id=me)
    calls = [row.callback.id for row in rows[:3] if isinstance(row, CallbackDue)]
    assert calls == [sooner.id, later.id, missed.id]
    assert rows[2].status == "missed" and rows[2].days_left == -1
    replies = [row.item.id for row in rows if isinstance(row, ReplyDue)]
    assert old.id in replies
    assert all(
        not isinstance(row, CallbackDue) or row.due != date(2026, 11, 20) for row in rows[2:]
    )


def test_my_day_lists_replies_callbacks_and_complaints_due(app: Backend) -> None:
    me, child = _mine(app)
    api = app.correspondence
    item = api.log(
        child, NewItem("call", date(2026, 11, 17), "A Parent", "Please ring about transport")
    )
    # a call on Tuesday 17 November is answered within 2 working days: Thursday 19th
    assert item.response_due == date(2026, 11, 19) and item.status == "overdue"
    assert item.direction == "incoming" and item.needs_response and item.days_left == -1
    call = api.book_callback(
        child, _call("A Parent", "Transport", datetime(2026, 11, 20, 11, 15), item.id)
    )
    assert call.slot_end == datetime(2026, 11, 20, 11, 30) and call.status == "booked"
    assert call.correspondence_id == item.id and call.child_id == uuid.UUID(child)
    complaint = api.add_complaint(
        NewComplaint(uuid.UUID(child), date(2026, 11, 9), "A Parent", "No reply")
    )
    assert complaint.stage == "stage1" and complaint.status == "open"
    rows = api.due(caseworker_id=me)
    replies = {row.item.id: row for row in rows if isinstance(row, ReplyDue)}
    calls = {row.callback.id: row for row in rows if isinstance(row, CallbackDue)}
    complaints = {row.complaint.id: row for row in rows if isinstance(row, ComplaintResponseDue)}
    assert replies[item.id].days_left == -1
    assert calls[call.id].due == date(2026, 11, 20) and not calls[call.id].callback.missed
    # received Mon 9 Nov: answer by Mon 23 Nov, within the next 5 working days
    assert complaints[complaint.id].due == date(2026, 11, 23)
    assert complaints[complaint.id].days_left == 3
    # today's callback first (the family waits by the phone), then what is late
    assert isinstance(rows[0], CallbackDue) and rows[0].callback.id == call.id
    assert rows[1].status in ("overdue", "missed")
    # the call is made: the item is answered and leaves My day
    api.record_callback(call.id, "made", at=datetime(2026, 11, 20, 11, 0), note="Sorted")
    left = api.due(caseworker_id=me)
    assert not any(isinstance(row, ReplyDue) and row.item.id == item.id for row in left)
    assert not any(isinstance(row, CallbackDue) and row.callback.id == call.id for row in left)
    # a missed call is flagged
    missed = api.book_callback(child, _call("A Parent", "Again", datetime(2026, 11, 20, 11, 30)))
    api.clock_now = lambda: datetime(2026, 11, 20, 12, 16)
    flagged = next(
        row
        for row in api.due(caseworker_id=me)
        if isinstance(row, CallbackDue) and row.callback.id == missed.id
    )
    assert flagged.callback.missed and flagged.status == "missed"


def test_a_complaint_steps_through_acknowledgement_and_response(app: Backend) -> None:
    _me, child = _mine(app)
    api = app.correspondence
    complaint = api.add_complaint(
        NewComplaint(uuid.UUID(child), date(2026, 11, 9), "A Parent", "No reply")
    )
    stage = complaint.stages[0]
    # acknowledged within 3 working days of Mon 9 Nov (Thu 12th), answered in 10 (Mon 23rd)
    assert (stage.acknowledge_due, stage.response_due) == (date(2026, 11, 12), date(2026, 11, 23))
    acknowledged = api.complaint_step(
        complaint.id, Acknowledge(on=date(2026, 11, 12), investigator="A Manager")
    )
    assert acknowledged.stages[0].acknowledged_on == date(2026, 11, 12)
    assert acknowledged.stages[0].acknowledged_in_time is True
    assert acknowledged.stages[0].investigator == "A Manager"
    answered = api.complaint_step(complaint.id, Respond("upheld", on=date(2026, 11, 19)))
    assert answered.status == "closed" and answered.stages[0].within_sla is True
    assert answered.stages[0].outcome == "upheld" and answered.can_escalate


def test_duplicates_and_bad_dates_come_back_clearly(app: Backend) -> None:
    _me, child = _mine(app)
    api = app.correspondence
    data = NewItem("email", date(2026, 11, 18), "A Parent", "Question",
                   reference="<abc@mail.example.com>")  # fmt: skip
    first = api.log(child, data)
    with pytest.raises(Duplicate) as same:
        api.log(child, data, allow_duplicate=True)
    assert same.value.existing["id"] == first.id.hex and not same.value.can_override
    with pytest.raises(ValidationFailed, match="before the item arrived"):
        api.respond(first.id, Reply("email", on=date(2026, 11, 17), summary="Replied"))
    with pytest.raises(ValidationFailed, match="choose the child"):
        api.add_complaint(NewComplaint(None, date(2026, 11, 9), "A", "x"))


def test_exports_report_progress_and_can_be_cancelled(app: Backend, tmp_path: Path) -> None:
    import icalendar
    from openpyxl import load_workbook

    reports = app.reports
    report = reports.service_report(date(2026, 9, 1), date(2026, 11, 30))
    assert report.as_of == date(2026, 11, 20)
    tables = reports.report_tables(report)
    assert [t.name for t in tables][:2] == ["Statutory compliance", "Correspondence by week"]
    seen: list[tuple[int, int]] = []
    reports.export_report(report, tmp_path / "r.xlsx", "xlsx",
                          progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen[-1] == (1000, 1000) and seen == sorted(seen)
    assert "Open deadlines" in load_workbook(tmp_path / "r.xlsx").sheetnames
    with pytest.raises(ExportCancelled):
        reports.export_calendar(tmp_path / "c.ics", cancelled=lambda: True)
    assert not (tmp_path / "c.ics").exists()
    done = reports.export_calendar(tmp_path / "c.ics", name="SEND Desk – everyone")
    assert isinstance(done, ExportedCalendar) and done.path == tmp_path / "c.ics"
    parsed = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert len(parsed.walk("VEVENT")) == done.events > 0


def test_reply_due_dates_and_the_forms_choices_follow_the_standards(app: Backend) -> None:
    api = app.correspondence
    # a call on Wednesday 18 Nov: 2 working days, Friday 20th; an email: 10, Wed 2 Dec
    assert api.reply_due("call", date(2026, 11, 18)) == ReplyDueDate(date(2026, 11, 20), 2)
    assert api.reply_due("email", date(2026, 11, 18)).due == date(2026, 12, 2)
    assert api.working_days_after(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri to Mon
    assert not api.is_working_day(date(2026, 11, 21))  # a Saturday
    vocab = api.vocabulary()
    assert ("call", "Phone call (reply within 2 working days)") in vocab.channels
    assert [code for code, _label in vocab.stages] == ["stage1", "stage2"]
    assert vocab.stage_label("stage1") == dict(vocab.stages)["stage1"]
    assert vocab.root_cause_label(None) == "Not yet known"
    assert vocab.outcome_label("upheld") == "Upheld"
