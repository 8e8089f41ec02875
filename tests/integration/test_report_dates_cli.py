"""One date per report, and workbooks ready to print, as a script meets them.

The store is built on Monday 2 March 2026. Requests for an EHC needs assessment, each
to be decided within 6 weeks (42 days):

    Ava   request Mon  5 Jan  decide by Mon 16 Feb   not decided
    Kit   request Mon  5 Jan  decide by Mon 16 Feb   decided Mon 2 Feb
    Cara  request Mon 26 Jan  decide by Mon  9 Mar   not decided
    Ivy   request Tue  3 Feb  decide by Tue 17 Mar   not decided

A report for January (position on Saturday 31 January) lists the deadlines open on the
31st: Ava's and Kit's (16 days left), Cara's (37 days left); not Ivy's, whose request
came in February. On 2 March Ava's decision is 14 days late; the calendar exported that
day says so with dates, not as "14 days ago".
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.test_report_exports_cli import Cli
from tests.unit.services.builder import Caseload

TODAY = "2026-03-02"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, date.fromisoformat(TODAY))
        for name, day in (("Ava", "2026-01-05"), ("Kit", "2026-01-05"), ("Cara", "2026-01-26"),
                          ("Ivy", "2026-02-03")):  # fmt: skip
            c.child(name)
            c.event(name, "request_received", day)
        c.event("Kit", "assessment_decision", "2026-02-02", outcome="not_assess")
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def _january(cli: Cli, tmp_path: Path) -> Path:
    target = tmp_path / "january.xlsx"
    code, _out, err = cli("report", "--from", "2026-01-01", "--to", "2026-01-31", "--today",
                          TODAY, "--xlsx", str(target), "--csv",
                          str(tmp_path / "jan.csv"))  # fmt: skip
    assert code == 0, err
    return target


def test_the_open_deadlines_sheet_is_on_the_reports_date(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(_january(cli, tmp_path))
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Position on"] == "31/01/2026"
    sheet = book["Open deadlines"]
    assert sheet["A1"].value == "Every statutory deadline open on 31/01/2026, most at risk first"
    assert sheet["F2"].value == "Days left on 31/01/2026"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    decisions = sorted(
        (row[0], row[4], row[5]) for row in rows if row[3] == "Decide whether to assess"
    )
    assert decisions == [
        ("Ava Test", datetime(2026, 2, 16), 16),
        ("Cara Test", datetime(2026, 3, 9), 37),
        ("Kit Test", datetime(2026, 2, 16), 16),
    ]
    assert "Ivy Test" not in {row[0] for row in rows}
    assert {row[1] for row in rows} == {"Pat White"}


def test_calendar_descriptions_give_dates_not_days_from_today(cli: Cli, tmp_path: Path) -> None:
    import icalendar

    target = tmp_path / "cal.ics"
    code, _out, err = cli("calendar", "--out", str(target), "--today", TODAY)
    assert code == 0, err
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    descriptions = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in events}
    ava = descriptions["Due: Decide whether to assess – Ava Test"]
    decide = "Send the family the decision whether to carry out an EHC needs assessment"
    assert ava == (
        f"{decide}: due 16/02/2026. Not yet done when this calendar was exported on "
        "02/03/2026. Legal source: SEND Regulations 2014 reg 4(1). Caseworker: Pat White."
    )
    ivy = descriptions["Due: Decide whether to assess – Ivy Test"]
    assert ivy.startswith(f"{decide}: due 17/03/2026. Legal source:")
    relative = re.compile(r"\bago\b|\bin \d+ (?:day|week|month)s?\b|\btoday\b|\btomorrow\b")
    assert [text for text in descriptions.values() if relative.search(text)] == []


def test_workbooks_are_ready_to_print(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(_january(cli, tmp_path))
    assert len(book.worksheets) > 10
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        header = sheet.oddHeader.left.text
        assert header == "SEND compliance and service figures, 01/01/2026 to 31/01/2026"
        assert sheet.oddFooter.right.text == "Page &P of &N"
        if sheet.title != "About":
            # the caption and the column headings on every printed page
            assert sheet.print_title_rows == "$1:$2", sheet.title
    # the About sheet: wrapped text in rows tall enough for it (the "Correspondence
    # weeks" text is 187 characters: two lines at least in a column 95 wide)
    about = book["About"]
    weeks = next(row for row in about.iter_rows() if row[0].value == "Correspondence weeks")
    assert len(weeks[1].value) == 187 and about.column_dimensions["B"].width == 95
    assert weeks[1].alignment.wrap_text
    assert about.row_dimensions[weeks[1].row].height >= 2 * 15
    # months are text Excel leaves alone, in the workbook and in the CSV
    month = book["Complaints by month"]["A3"]
    assert (month.value, month.data_type, month.number_format) == ("January 2026", "s", "@")
    rows = list(csv.DictReader((tmp_path / "jan.csv").read_text("utf-8-sig").splitlines()))
    periods = {r["period"] for r in rows if r["who"] == "Month"}
    assert periods == {"01/01/2026 to 31/01/2026"}
