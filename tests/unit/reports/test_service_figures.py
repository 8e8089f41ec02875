"""Service figures on a small caseload whose answers are worked out by hand.

Today is Wednesday 18 November 2026 (no bank holiday from October to November). Pat
White (North) holds Ava and Bea, Sam Green (South) holds Cal, all since January 2025.
Response standards: email and letter 10 working days, call 2, portal 5; complaint
stage 1 answered within 10 working days, stage 2 within 20.

Correspondence (incoming, needing a response), with the due date worked out:

    #1 Ava email   Mon 26 Oct  due Mon  9 Nov  answered Thu  5 Nov (in time)
    #2 Ava call    Mon  2 Nov  due Wed  4 Nov  answered Fri  6 Nov (late)
    #3 Bea portal  Tue  3 Nov  due Tue 10 Nov  not answered
    #4 Bea letter  Mon  9 Nov  due Mon 23 Nov  answered Fri 13 Nov (in time)
    #5 Cal email   Wed 11 Nov  due Wed 25 Nov  not answered
    #6 Cal call    Thu 12 Nov  due Mon 16 Nov  answered Tue 17 Nov (after the period)
    #8 Cal email   Fri 16 Oct  due Fri 30 Oct  not answered
    (#7: an email we sent Ava's family on 5 Nov; replies by email or call are logged as
    outgoing items too: none of them count)

For the period Mon 2 to Sun 15 November (position on the 15th):

    week          received completed in-time ongoing-at-end overdue-at-end
    w/c 02/11     #2 #3    #1 #2     #1      #3 #8          #8
    w/c 09/11     #4 #5 #6 #4        #4      #3 #5 #6 #8    #3 #8
    period        5        3         2 (66.7%) 4            2 (50.0%)

Complaints (period 1 October to 30 November, position on 18 November):

    K1 Ava (Pat) received Thu  1 Oct; stage 1 due Thu 15 Oct, answered Wed 14 Oct (in
       time, not upheld); stage 2 asked for Mon 19 Oct, due Mon 16 Nov, answered Tue 17
       Nov (late, partly upheld); root cause communication
    K2 Bea (Pat) received Mon 12 Oct; due Mon 26 Oct, answered Fri 30 Oct (late,
       upheld); service failure; referred to the Ombudsman Mon 16 Nov
    K3 Cal (Sam) received Mon  2 Nov; due Mon 16 Nov; not answered (overdue)
    K4 Cal (Sam) received Thu  5 Nov; due Thu 19 Nov, withdrawn Mon 9 Nov (in time);
       policy and procedure
    K5 Ava (Pat) received Mon 14 Sep (before the period); due Mon 28 Sep, answered Thu
       1 Oct (late, not upheld); staff conduct

    October: received K1 K2 = 2; closed K5 K1(1) K2 = 3, within 1 (33.3%)
    November: received K3 K4 = 2; closed K4 K1(2) = 2, within 1 (50.0%)
"""

from __future__ import annotations

import csv
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from send_desk.reports.complaint_figures import complaint_figures
from send_desk.reports.exports import (
    ExportCancelled,
    fold,
    report_tables,
    write_csv,
    write_ics,
    write_xlsx,
)
from send_desk.reports.service_figures import (
    callback_figures,
    correspondence_figures,
    full_report,
)
from send_desk.services import callbacks, complaints, milestones
from send_desk.services import correspondence as corr
from send_desk.services.standards import default_standards
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 12, 0)
STANDARDS = default_standards()


def _log(c: Caseload, child: str, channel: str, day: date, answered: date | None = None,
         direction: str = "incoming") -> dict[str, Any]:  # fmt: skip
    with c.store.write() as session:
        item = corr.log_item(
            session,
            c.ids[child],
            {"channel": channel, "contact_date": day, "correspondent": f"Parent of {child}",
             "summary": f"{channel} of {day}", "direction": direction},
            today=TODAY,
            standards=STANDARDS,
        )  # fmt: skip
        if answered is not None:
            item = corr.respond(
                session,
                uuid.UUID(item["id"]),
                corr.Response("email", answered, "Replied"),
                today=TODAY,
            )
    return item


def _complaint(c: Caseload, child: str, received: date, **steps: Any) -> uuid.UUID:
    with c.store.write() as session:
        made = complaints.add_complaint(
            session,
            {"child_id": c.ids[child], "received_on": received, "complainant": "A Parent",
             "summary": "Not happy"},
            today=TODAY,
            standards=STANDARDS,
        )  # fmt: skip
        cid = uuid.UUID(made["id"])
        kw: dict[str, Any] = {"today": TODAY, "standards": STANDARDS}
        if "cause" in steps:
            complaints.update_complaint(session, cid, {"root_cause": steps["cause"]}, **kw)
        for day, outcome in steps.get("answers", ()):
            if outcome == "escalate":
                complaints.escalate(session, cid, day, **kw)
            else:
                complaints.respond(session, cid, day, outcome, **kw)
        if "ombudsman" in steps:
            complaints.refer_to_ombudsman(session, cid, steps["ombudsman"], "26 000 001", **kw)
    return cid


def _book(c: Caseload, child: str, slot: datetime, now: datetime) -> uuid.UUID:
    with c.store.write() as session:
        made = callbacks.book(
            session,
            c.ids[child],
            {"requested_by": "A Parent", "phone": "07700 900001", "about": "The plan",
             "requested_on": date(2026, 11, 16), "slot_start": slot},
            now=now,
            standards=STANDARDS,
        )  # fmt: skip
    return uuid.UUID(made["id"])


def _outcome(c: Caseload, cb: uuid.UUID, outcome: str, at: datetime) -> None:
    with c.store.write() as session:
        callbacks.record_outcome(
            session, cb, outcome, at=at, note=None, now=at + timedelta(minutes=5),
            standards=STANDARDS,
        )  # fmt: skip


@pytest.fixture
def caseload(store: Store) -> Caseload:
    c = Caseload(store, TODAY)
    for name in ("Ava", "Bea"):
        c.child(name)
    c.child("Cal", worker="sam")
    d = date
    _log(c, "Ava", "email", d(2026, 10, 26), d(2026, 11, 5))  # 1
    _log(c, "Ava", "call", d(2026, 11, 2), d(2026, 11, 6))  # 2
    _log(c, "Bea", "portal", d(2026, 11, 3))  # 3
    _log(c, "Bea", "letter", d(2026, 11, 9), d(2026, 11, 13))  # 4
    _log(c, "Cal", "email", d(2026, 11, 11))  # 5
    _log(c, "Cal", "call", d(2026, 11, 12), d(2026, 11, 17))  # 6
    _log(c, "Ava", "email", d(2026, 11, 5), direction="outgoing")  # 7
    _log(c, "Cal", "email", d(2026, 10, 16))  # 8

    _complaint(c, "Ava", d(2026, 10, 1), cause="communication",
               answers=[(d(2026, 10, 14), "not_upheld"), (d(2026, 10, 19), "escalate"),
                        (d(2026, 11, 17), "partly_upheld")])  # fmt: skip
    _complaint(c, "Bea", d(2026, 10, 12), cause="service_failure",
               answers=[(d(2026, 10, 30), "upheld")], ombudsman=d(2026, 11, 16))  # fmt: skip
    _complaint(c, "Cal", d(2026, 11, 2))
    _complaint(c, "Cal", d(2026, 11, 5), cause="policy_procedure",
               answers=[(d(2026, 11, 9), "withdrawn")])  # fmt: skip
    _complaint(c, "Ava", d(2026, 9, 14), cause="staff_conduct",
               answers=[(d(2026, 10, 1), "not_upheld")])  # fmt: skip

    monday = datetime(2026, 11, 16, 8, 0)
    cb1 = _book(c, "Ava", datetime(2026, 11, 16, 10, 0), monday)
    cb6 = _book(c, "Bea", datetime(2026, 11, 16, 15, 0), monday)
    cb5 = _book(c, "Ava", datetime(2026, 11, 17, 9, 30), monday)
    _book(c, "Bea", datetime(2026, 11, 17, 14, 0), monday)  # 2: never recorded: missed
    _book(c, "Cal", datetime(2026, 11, 18, 11, 45), monday)  # 3: not missed yet at noon
    with store.write() as session:
        callbacks.add_absence(session, c.pat, date(2026, 11, 18), date(2026, 11, 18), None)
        callbacks.set_duty(session, c.north, date(2026, 11, 18), c.sam)
    duty = _book(c, "Ava", datetime(2026, 11, 18, 9, 30), monday)  # Sam on duty for Pat
    _outcome(c, cb1, "made", datetime(2026, 11, 16, 10, 5))
    _outcome(c, cb6, "cancelled", datetime(2026, 11, 16, 11, 0))
    _outcome(c, cb5, "no_answer", datetime(2026, 11, 17, 9, 35))
    _outcome(c, duty, "made", datetime(2026, 11, 18, 9, 40))
    return c


def _counts(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["received"],
        row["completed"],
        row["completed_in_time"]["numerator"],
        row["completed_in_time"]["percent"],
        row["ongoing"],
        row["overdue"]["numerator"],
        row["overdue"]["percent"],
    )


def test_correspondence_week_by_week(store: Store, caseload: Caseload) -> None:
    with store.read() as session:
        found = correspondence_figures(
            session, date(2026, 11, 2), date(2026, 11, 15), today=TODAY, standards=STANDARDS
        )
    weeks = found["weeks"]
    assert [(w["week_starting"], w["week_ending"], w["label"]) for w in weeks] == [
        (date(2026, 11, 2), date(2026, 11, 8), "w/c 02/11/2026"),
        (date(2026, 11, 9), date(2026, 11, 15), "w/c 09/11/2026"),
    ]
    assert [_counts(w) for w in weeks] == [
        (2, 2, 1, 50.0, 2, 1, 50.0),
        (3, 1, 1, 100.0, 4, 2, 50.0),
    ]
    assert _counts(found["totals"]) == (5, 3, 2, 66.7, 4, 2, 50.0)
    by_channel = {row["channel"]: _counts(row) for row in found["by_channel"]}
    assert by_channel == {
        "email": (1, 1, 1, 100.0, 2, 1, 50.0),
        "letter": (1, 1, 1, 100.0, 0, 0, None),
        "call": (2, 1, 0, 0.0, 1, 0, 0.0),
        "portal": (1, 0, 0, None, 1, 1, 100.0),
    }
    assert [(w["caseworker"], w["team"], _counts(w)) for w in found["caseworkers"]] == [
        ("Pat White", "North", (3, 3, 2, 66.7, 1, 1, 100.0)),
        ("Sam Green", "South", (2, 0, 0, None, 3, 1, 33.3)),
    ]
    assert [t["team"] for t in found["teams"]] == ["North", "South"]
    assert [
        (i["child_name"], i["channel"], i["due"], i["days_overdue"], i["caseworker"])
        for i in found["overdue_items"]
    ] == [
        ("Cal Test", "email", date(2026, 10, 30), 16, "Sam Green"),
        ("Bea Test", "portal", date(2026, 11, 10), 5, "Pat White"),
    ]
    assert found["standard"]["call"]["respond_within_working_days"] == 2


def test_complaints_by_month_root_causes_and_ombudsman(store: Store, caseload: Caseload) -> None:
    with store.read() as session:
        found = complaint_figures(
            session, date(2026, 10, 1), date(2026, 11, 30), today=TODAY, standards=STANDARDS
        )

    def brief(row: dict[str, Any]) -> tuple[Any, ...]:
        fig = row["within_sla"]
        return (row["received"], row["closed"], fig["numerator"], fig["percent"])

    assert [(m["label"], brief(m)) for m in found["months"]] == [
        ("October 2026", (2, 3, 1, 33.3)),
        ("November 2026", (2, 2, 1, 50.0)),
    ]
    totals = found["totals"]
    assert brief(totals) == (4, 5, 2, 40.0)
    assert totals["open"] == 1 and totals["overdue"]["numerator"] == 1
    assert totals["ombudsman_referrals"] == 1 and totals["ombudsman_decisions"] == 0
    assert [(s["stage"], brief(s)) for s in found["stages"]] == [
        ("stage1", (4, 4, 2, 50.0)),
        ("stage2", (1, 1, 0, 0.0)),
    ]
    assert [(c["label"], c["count"], c["percent"]) for c in found["root_causes"]] == [
        ("Policy and procedure", 1, 25.0),
        ("Service quality", 0, 0.0),
        ("Communication", 1, 25.0),
        ("Service failure", 1, 25.0),
        ("Staff conduct", 0, 0.0),
        ("Not yet known", 1, 25.0),
    ]
    assert {o["outcome"]: o["count"] for o in found["outcomes"]} == {
        "upheld": 1,
        "partly_upheld": 1,
        "not_upheld": 2,
        "withdrawn": 1,
    }
    assert [(w["caseworker"], brief(w)) for w in found["caseworkers"]] == [
        ("Pat White", (2, 4, 1, 25.0)),
        ("Sam Green", (2, 1, 1, 100.0)),
    ]


def test_callbacks_made_missed_and_with_the_duty_officer(store: Store, caseload: Caseload) -> None:
    with store.read() as session:
        found = callback_figures(
            session, date(2026, 10, 1), date(2026, 11, 30), today=TODAY, now=NOW,
            standards=STANDARDS,
        )  # fmt: skip
    keys = ("booked", "made", "no_answer", "cancelled", "missed", "via_duty")
    assert [found["totals"][k] for k in keys] == [6, 2, 1, 1, 1, 1]
    assert found["totals"]["missed_share"]["percent"] == 16.7
    assert [(w["caseworker"], [w[k] for k in keys]) for w in found["caseworkers"]] == [
        ("Pat White", [4, 1, 1, 1, 1, 0]),
        ("Sam Green", [2, 1, 0, 0, 0, 1]),
    ]
    # seen from the end of Monday 16 November only Monday's calls count, none missed
    with store.read() as session:
        monday = callback_figures(
            session, date(2026, 11, 16), date(2026, 11, 16), today=TODAY, standards=STANDARDS
        )
    assert [monday["totals"][k] for k in keys] == [2, 1, 0, 1, 0, 0]


@pytest.fixture
def report(store: Store, caseload: Caseload) -> dict[str, Any]:
    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
    with store.read() as session:
        return full_report(
            session, date(2026, 11, 2), date(2026, 11, 15), today=TODAY, now=NOW,
            standards=STANDARDS,
        )  # fmt: skip


def test_the_report_keeps_the_statutory_keys(report: dict[str, Any]) -> None:
    assert list(report)[:6] == ["from", "to", "as_of", "figures", "teams", "caseworkers"]
    assert set(report) == {
        "from", "to", "as_of", "figures", "teams", "caseworkers", "correspondence",
        "complaints", "callbacks", "plans_in_force",
    }  # fmt: skip
    assert report["correspondence"]["totals"]["received"] == 5


def test_csv_is_one_figure_a_row(report: dict[str, Any], tmp_path: Path) -> None:
    target = write_csv(report, tmp_path / "report.csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads UTF-8
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert list(rows[0]) == [
        "section", "who", "team", "period", "measure", "count", "out_of", "percent",
    ]  # fmt: skip
    week = [r for r in rows if r["who"] == "Week" and r["period"] == "w/c 09/11/2026"]
    assert [(r["measure"], r["count"], r["out_of"], r["percent"]) for r in week] == [
        ("Received", "3", "", ""),
        ("Completed", "1", "", ""),
        ("Completed within the service standard", "1", "1", "100.0"),
        ("Ongoing at the end", "4", "", ""),
        ("Overdue at the end (of ongoing)", "2", "4", "50.0"),
    ]
    service = next(
        r for r in rows
        if r["section"] == "Correspondence" and r["who"] == "Service"
        and r["measure"] == "Overdue at the end (of ongoing)"
    )  # fmt: skip
    assert service["period"] == "02/11/2026 to 15/11/2026" and service["count"] == "2"
    assert any(r["section"] == "Statutory compliance" for r in rows)


def test_xlsx_opens_with_openpyxl(report: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    tables = report_tables(report)
    target = write_xlsx(tables, tmp_path / "report.xlsx", about=[("Period", "02/11/2026 to")])
    book = load_workbook(target)
    assert book.sheetnames[0] == "About"
    assert "Correspondence by week" in book.sheetnames
    assert "Overdue correspondence" in book.sheetnames
    weeks = book["Correspondence by week"]
    assert weeks["A2"].value == "Week commencing"
    assert weeks["A3"].value == datetime(2026, 11, 2) and weeks["A3"].number_format == "DD/MM/YYYY"
    assert [cell.value for cell in weeks[4]][2:9] == [3, 1, 1, 100, 4, 2, 50]
    overdue = book["Overdue correspondence"]
    assert overdue["A3"].value == "Cal Test" and overdue["G3"].value == 16
    months = book["Complaints by month"]
    assert months["A3"].value == "November 2026 (from 02/11/2026)"  # the period starts on the 2nd


def test_a_cancelled_export_leaves_no_file(report: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "report.xlsx"
    target.write_bytes(b"the previous export")
    seen: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelled):
        write_xlsx(
            report_tables(report), target,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 1,
        )  # fmt: skip
    assert target.read_bytes() == b"the previous export"
    assert list(folder.iterdir()) == [target]
    with pytest.raises(ExportCancelled):
        write_csv(report, folder / "other.csv", cancelled=lambda: True)
    assert list(folder.iterdir()) == [target]


def test_ics_parses_with_icalendar(store: Store, caseload: Caseload, tmp_path: Path) -> None:
    import icalendar

    from send_desk.reports.calendar import calendar_events

    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
    with store.read() as session:
        events = calendar_events(session, today=TODAY)
        sams = calendar_events(session, today=TODAY, caseworker_id=caseload.sam)
    target = write_ics(events, tmp_path / "cal.ics", name="SEND Desk – everyone; all teams",
                       now=datetime(2026, 11, 18, 12, tzinfo=None).astimezone())  # fmt: skip
    raw = target.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(events)
    # Cal's 11:45 call on 18 Nov is still booked (the rest have an outcome or are past)
    calls = [e for e in found.values() if str(e["CATEGORIES"].cats[0]) == "Callback"]
    assert len(calls) == 1
    start = calls[0].decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (11, 45, "Europe/London")
    assert calls[0].decoded("DTEND") - start == timedelta(minutes=15)
    replies = [e for e in found.values() if str(e["SUMMARY"]).startswith("Reply due")]
    assert sorted(e.decoded("DTSTART") for e in replies) == [
        date(2026, 10, 30), date(2026, 11, 10), date(2026, 11, 25),
    ]  # fmt: skip
    complaint = [e for e in found.values() if str(e["CATEGORIES"].cats[0]) == "Complaint"]
    assert [e.decoded("DTSTART") for e in complaint] == [date(2026, 11, 16)]
    assert calendar["X-WR-CALNAME"] == "SEND Desk – everyone\\; all teams"
    # Sam's calendar: his call and his children's replies and complaint
    assert {e.category for e in sams} == {"Callback", "Correspondence", "Complaint"}
    assert len([e for e in sams if e.category == "Correspondence"]) == 2


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "Siôn Łukasz-Khan " * 10
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
