"""`send-desk report --json/--csv/--xlsx` and `send-desk calendar --out` as a script
meets them, on a small hand-built store (the figures themselves are worked out by hand
in tests/unit/reports/test_service_figures.py)."""

from __future__ import annotations

import csv
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main
from send_desk.paths import DataPaths
from send_desk.services import correspondence as corr
from send_desk.services.standards import default_standards
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.unit.services.builder import Caseload

TODAY = "2026-11-18"


class Cli:
    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    today = date.fromisoformat(TODAY)
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, today)
        c.child("Ava")
        c.event("Ava", "request_received", "2026-10-05")  # decide by 16 Nov: overdue
        c.child("Cal", worker="sam")
        with store.write() as session:
            for child, day in (("Ava", date(2026, 11, 2)), ("Cal", date(2026, 11, 11))):
                corr.log_item(
                    session,
                    c.ids[child],
                    {"channel": "email", "contact_date": day, "correspondent": "A Parent",
                     "summary": "When is the meeting?"},
                    today=today,
                    standards=default_standards(),
                )  # fmt: skip
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def test_report_json_keeps_its_keys_and_adds_the_service_figures(cli: Cli) -> None:
    code, out, err = cli("report", "--from", "2026-11-01", "--to", "2026-11-30",
                         "--today", TODAY, "--json")  # fmt: skip
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    assert {"from", "to", "as_of", "figures", "teams", "caseworkers"} <= set(report)
    assert report["figures"]["decisions_to_assess_within_6_weeks"]["denominator"] == 0
    corr_totals = report["correspondence"]["totals"]
    # Ava's email (2 Nov) was due 16 Nov and is overdue; Cal's (11 Nov) is due 25 Nov
    assert (corr_totals["received"], corr_totals["ongoing"]) == (2, 2)
    assert corr_totals["overdue"]["numerator"] == 1
    assert report["correspondence"]["overdue_items"][0]["due"] == "2026-11-16"
    assert report["complaints"]["totals"]["received"] == 0
    assert report["callbacks"]["totals"]["booked"] == 0


def test_report_writes_csv_and_xlsx(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, out, err = cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--today",
                         TODAY, "--csv", str(tmp_path / "r.csv"), "--xlsx",
                         str(tmp_path / "r.xlsx"))  # fmt: skip
    assert code == 0, err
    assert f"wrote {tmp_path / 'r.csv'}" in err and "Correspondence (week commencing" in out
    rows = list(csv.DictReader((tmp_path / "r.csv").read_text("utf-8-sig").splitlines()))
    overdue = next(
        r for r in rows
        if r["section"] == "Correspondence" and r["who"] == "Service"
        and r["measure"].startswith("Overdue")
    )  # fmt: skip
    assert (overdue["count"], overdue["out_of"], overdue["percent"]) == ("1", "2", "50.0")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[:2] == ["About", "Statutory compliance"]
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Period"] == "01/11/2026 to 30/11/2026"
    assert about["Position on"] == "18/11/2026"
    deadlines = book["Open deadlines"]
    assert (
        deadlines["A3"].value == "Ava Test" and deadlines["D3"].value == "Decide whether to assess"
    )
    assert deadlines["E3"].number_format == "DD/MM/YYYY"


def test_the_deadlines_sheet_shows_a_status_in_the_apps_words(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, _out, err = cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--today",
                          TODAY, "--xlsx", str(tmp_path / "r.xlsx"))  # fmt: skip
    assert code == 0, err
    deadlines = load_workbook(tmp_path / "r.xlsx")["Open deadlines"]
    book_rows = [[cell.value for cell in row] for row in deadlines.iter_rows(min_row=2)]
    status = book_rows[0].index("Status")
    # Ava's request came on 5 Oct: the decision was due 16 Nov, two days before today
    assert [(row[0], row[3], row[status]) for row in book_rows[1:]] == [
        ("Ava Test", "Decide whether to assess", "Overdue")
    ]


def test_calendar_writes_an_ics_outlook_opens(cli: Cli, tmp_path: Path) -> None:
    import icalendar

    target = tmp_path / "cal.ics"
    code, out, err = cli("calendar", "--out", str(target), "--today", TODAY, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["by_category"] == {"Statutory deadline": 1, "Correspondence": 2}
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    deadline = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("Due:"))
    assert deadline.decoded("DTSTART") == date(2026, 11, 16)
    assert str(deadline["SUMMARY"]) == "Due: Decide whether to assess – Ava Test"
    assert uuid.UUID(str(deadline["UID"]).split("-", 1)[1][:32])  # a stable id
    code, out, _ = cli("calendar", "--out", str(target), "--today", TODAY, "--caseworker",
                       "sgreen")  # fmt: skip
    assert code == 0 and "1 correspondence" in out


def test_calendar_refuses_an_unknown_caseworker_and_a_bad_folder(cli: Cli, tmp_path: Path) -> None:
    code, _out, err = cli("calendar", "--out", str(tmp_path / "c.ics"), "--caseworker", "nobody")
    assert code == 2 and "there is no user called 'nobody'" in err
    code, _out, err = cli("calendar", "--out", str(tmp_path / "missing" / "c.ics"))
    assert code == 1 and "could not be written" in err
    assert not (tmp_path / "c.ics").exists()
