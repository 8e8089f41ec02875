"""The backend's correspondence, callbacks, complaints and exports, as the app calls them
(a demo store of 60 children; today Friday 20 November 2026, 11:00)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from send_desk.backend import Backend, ValidationFailed
from send_desk.backend.correspondence import Duplicate, ExportCancelled

NOW = datetime(2026, 11, 20, 11, 0)


@pytest.fixture
def app(backend: Backend) -> Backend:
    backend.clock_now = lambda: NOW
    return backend


def _mine(app: Backend) -> tuple[str, str]:
    me = app.me()
    assert me is not None
    child = app.caseload_ids(app.saved_filter("mine"))[0]
    return me["id"], child


def test_my_day_puts_todays_callbacks_before_old_overdue_replies(app: Backend) -> None:
    me, child = _mine(app)
    old = app.log_correspondence(
        child,
        {"channel": "email", "contact_date": date(2026, 10, 1), "correspondent": "A Parent",
         "summary": "Where is the draft plan?"},
    )  # fmt: skip
    later = app.book_callback(
        child, {"requested_by": "A Parent", "phone": "07700 900123", "about": "Transport",
                "slot_start": datetime(2026, 11, 20, 15, 30)},
    )  # fmt: skip
    sooner = app.book_callback(
        child, {"requested_by": "A Carer", "phone": "07700 900124", "about": "School place",
                "slot_start": datetime(2026, 11, 20, 11, 15)},
    )  # fmt: skip
    app.clock_now = lambda: datetime(2026, 11, 18, 9, 0)  # booked on Wednesday for Thursday
    missed = app.book_callback(
        child, {"requested_by": "A Parent", "phone": "07700 900123", "about": "Taxi",
                "slot_start": datetime(2026, 11, 19, 10, 0)},
    )  # fmt: skip
    app.clock_now = lambda: NOW
    rows = app.correspondence_due(caseworker_id=me)
    ids = [row["id"] for row in rows]
    assert ids[:3] == [sooner["id"], later["id"], missed["id"]]
    assert rows[2]["status"] == "missed"
    assert ids.index(old["id"]) > 2
    assert all(row["kind"] != "callback" or row["due"] != date(2026, 11, 20) for row in rows[2:])


def test_my_day_lists_replies_callbacks_and_complaints_due(app: Backend) -> None:
    me, child = _mine(app)
    item = app.log_correspondence(
        child,
        {"channel": "call", "contact_date": date(2026, 11, 17), "correspondent": "A Parent",
         "summary": "Please ring about transport"},
    )  # fmt: skip
    assert item["response_due"] == date(2026, 11, 19) and item["status"] == "overdue"
    call = app.book_callback(
        child, {"requested_by": "A Parent", "phone": "07700 900123", "about": "Transport",
                "correspondence_id": item["id"], "slot_start": datetime(2026, 11, 20, 11, 15)},
    )  # fmt: skip
    complaint = app.add_complaint(
        {"child_id": child, "received_on": date(2026, 11, 9), "complainant": "A Parent",
         "summary": "No reply"},
    )  # fmt: skip
    rows = app.correspondence_due(caseworker_id=me)
    mine = {row["id"]: row for row in rows}
    assert mine[item["id"]]["kind_label"] == "Reply due" and mine[item["id"]]["days_left"] == -1
    assert mine[call["id"]]["when"] == "11:15 on 20/11/2026"
    assert mine[call["id"]]["kind_label"] == "Callback"
    # received Mon 9 Nov: answer by Mon 23 Nov, within the next 5 working days
    assert mine[complaint["id"]]["due"] == date(2026, 11, 23)
    # today's callback first (the family waits by the phone), then what is late
    assert rows[0]["id"] == call["id"]
    assert rows[1]["status"] in ("overdue", "missed")
    # the call is made: the item is answered and leaves My day
    app.record_callback(call["id"], "made", at=datetime(2026, 11, 20, 11, 0), note="Sorted")
    ids = {row["id"] for row in app.correspondence_due(caseworker_id=me)}
    assert item["id"] not in ids and call["id"] not in ids
    # a missed call is flagged
    missed = app.book_callback(
        child, {"requested_by": "A Parent", "phone": "07700 900123", "about": "Again",
                "slot_start": datetime(2026, 11, 20, 11, 30)},
    )  # fmt: skip
    app.clock_now = lambda: datetime(2026, 11, 20, 12, 16)
    flagged = next(r for r in app.correspondence_due(caseworker_id=me) if r["id"] == missed["id"])
    assert flagged["kind_label"] == "Missed callback" and flagged["status_label"] == "Missed"


def test_duplicates_and_bad_dates_come_back_clearly(app: Backend) -> None:
    _me, child = _mine(app)
    data = {"channel": "email", "contact_date": date(2026, 11, 18), "correspondent": "A Parent",
            "summary": "Question", "reference": "<abc@mail.example.com>"}  # fmt: skip
    first = app.log_correspondence(child, data)
    with pytest.raises(Duplicate) as same:
        app.log_correspondence(child, data, allow_duplicate=True)
    assert same.value.existing["id"] == first["id"] and not same.value.can_override
    with pytest.raises(ValidationFailed, match="before the item arrived"):
        app.respond_to_item(first["id"], "email", on=date(2026, 11, 17), summary="Replied")
    with pytest.raises(ValidationFailed, match="choose the child"):
        app.add_complaint({"received_on": date(2026, 11, 9), "complainant": "A", "summary": "x"})


def test_exports_report_progress_and_can_be_cancelled(app: Backend, tmp_path: Path) -> None:
    import icalendar
    from openpyxl import load_workbook

    report = app.service_report(date(2026, 9, 1), date(2026, 11, 30))
    assert report["as_of"] == date(2026, 11, 20)
    tables = app.report_tables(report)
    assert [t["name"] for t in tables][:2] == ["Statutory compliance", "Correspondence by week"]
    seen: list[tuple[int, int]] = []
    app.export_report(report, tmp_path / "r.xlsx", "xlsx",
                      progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen[-1] == (1000, 1000) and seen == sorted(seen)
    assert "Open deadlines" in load_workbook(tmp_path / "r.xlsx").sheetnames
    with pytest.raises(ExportCancelled):
        app.export_calendar(tmp_path / "c.ics", cancelled=lambda: True)
    assert not (tmp_path / "c.ics").exists()
    done = app.export_calendar(tmp_path / "c.ics", name="SEND Desk – everyone")
    parsed = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert len(parsed.walk("VEVENT")) == done["events"] > 0
