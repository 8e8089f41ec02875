"""Control characters that slipped into a record never reach a file, and never stop an
export: every writer (XLSX, CSV, ICS, the chronology and audit PDFs) drops them.

The names are written straight into the store's tables, past the validators that refuse
them today, as an old sync or an old version of the app could have left them: a
terminal's clear-screen escape (ESC [2J), a NUL, a bell and a right-to-left override.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from send_desk.cli import main
from send_desk.domain.children import Child
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.reports.audit_report import write_audit_pdf, write_audit_xlsx
from send_desk.reports.calendar import calendar_events
from send_desk.reports.chronology import chronology_data, render_pdf
from send_desk.reports.exports import (
    deadlines_table,
    report_tables,
    write_csv,
    write_ics,
    write_table_csv,
    write_xlsx,
)
from send_desk.reports.service_figures import full_report, open_deadlines
from send_desk.services import correspondence, milestones
from send_desk.services.standards import default_standards
from send_desk.storage.store import Store
from tests.constants import PASSWORD
from tests.unit.services.builder import Caseload

TODAY = date(2026, 11, 18)
STANDARDS = default_standards()
CHILD_FIRST, CHILD_LAST = "Ava\x1b[2J", "Te\x00st\x07"
WORKER = "Pat\u202e White\x1b[31m"
BAD = ("\x1b", "\x00", "\x07", "\u202e")


def _clean(text: str) -> bool:
    return not any(char in text for char in BAD)


def _caseload(store: Store) -> Caseload:
    c = Caseload(store, TODAY)
    c.child("Ava")
    c.event("Ava", "request_received", "2026-10-05")
    with store.write() as session:
        correspondence.log_item(
            session, c.ids["Ava"],
            {"channel": "email", "contact_date": date(2026, 10, 26),
             "correspondent": "Parent of Ava", "summary": "Transport"},
            today=TODAY, standards=STANDARDS,
        )  # fmt: skip
        session.execute(
            sa.update(table_of(Child))
            .where(table_of(Child).c.id == c.ids["Ava"])
            .values(first_name=CHILD_FIRST, last_name=CHILD_LAST)
        )
        users = table_of(User)
        session.execute(sa.update(users).where(users.c.id == c.pat).values(display_name=WORKER))
        milestones.ensure_current(session, today=TODAY)
    with store.read() as session:
        # the store holds them as written: the validators were bypassed
        first, last = session.execute(
            sa.select(table_of(Child).c.first_name, table_of(Child).c.last_name)
        ).one()
    assert (first, last) == (CHILD_FIRST, CHILD_LAST)
    return c


def test_report_files_drop_control_characters(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _caseload(store)
    with store.read() as session:
        report = full_report(
            session, date(2026, 10, 1), date(2026, 11, 30), today=TODAY, standards=STANDARDS
        )
        deadlines = open_deadlines(session, today=TODAY)
    tables = [*report_tables(report), deadlines_table(deadlines)]

    book = load_workbook(write_xlsx(tables, tmp_path / "report.xlsx"))
    overdue = book["Overdue correspondence"]
    assert overdue["A3"].value == "Ava[2J Test"
    assert overdue["H3"].value == "Pat White[31m"
    cells = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]
    assert all(_clean(text) for text in cells)
    deadline_children = {row[0].value for row in book["Open deadlines"].iter_rows(min_row=3)}
    assert deadline_children == {"Ava[2J Test"}

    figures = write_csv(report, tmp_path / "figures.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(figures.splitlines()))
    assert any(row[:2] == ["Correspondence", "Pat White[31m"] for row in rows)
    assert all(_clean(cell) for row in rows for cell in row)
    table = next(t for t in tables if t.name == "Overdue correspondence")
    written = write_table_csv(table, tmp_path / "overdue.csv").read_text(encoding="utf-8-sig")
    assert "Ava[2J Test" in written and _clean(written)


def test_calendar_and_pdfs_drop_control_characters(store: Store, tmp_path: Path) -> None:
    import icalendar

    c = _caseload(store)
    with store.read() as session:
        events = calendar_events(session, today=TODAY)
        chronology = chronology_data(session, c.ids["Ava"], today=TODAY, generated_by=WORKER)
    raw = write_ics(events, tmp_path / "cal.ics").read_bytes()
    assert _clean(raw.decode("utf-8"))
    parsed = icalendar.Calendar.from_ical(raw)
    summaries = [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")]
    assert "Reply due: email from Parent of Ava (Ava[2J Test)" in summaries

    text = "\n".join(page.extract_text() for page in PdfReader(render_pdf(
        chronology, tmp_path / "chronology.pdf")).pages)  # fmt: skip
    assert "Chronology of Ava[2J Test" in text and _clean(text)

    trends = {
        "from": "2026-10", "to": "2026-11", "team": None, "caseworker": None,
        "service": {"total": 1, "counts": {"outstanding": 0, "good": 1,
                    "requires_improvement": 0, "inadequate": 0},
                    "good_or_better_rate": 1.0,
                    "by_month": [{"month": "2026-11", "total": 1, "counts": {
                        "outstanding": 0, "good": 1, "requires_improvement": 0,
                        "inadequate": 0}}]},
        "teams": [],
        "caseworkers": [{"caseworker": WORKER, "team": "North\x00", "total": 1,
                         "counts": {"outstanding": 0, "good": 1, "requires_improvement": 0,
                                    "inadequate": 0},
                         "good_or_better_rate": 1.0, "most_failed": []}],
        "criteria": [], "criterion_labels": {}, "rule_versions": [1], "messages": [],
    }  # fmt: skip
    pdf = write_audit_pdf(trends, tmp_path / "audit.pdf", generated_on=TODAY, generated_by=WORKER)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Generated 18/11/2026 by Pat White[31m." in text and _clean(text)
    from openpyxl import load_workbook

    book = load_workbook(write_audit_xlsx(trends, tmp_path / "audit.xlsx", generated_on=TODAY))
    assert book["Caseworkers"]["A3"].value == "Pat White[31m"
    assert book["Caseworkers"]["B3"].value == "North"


def test_the_text_report_sends_no_escape_to_the_terminal(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _caseload(store)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    capsys.readouterr()
    code = main(["--data-dir", str(store.paths.root), "report", "--from", "2026-10-01",
                 "--to", "2026-11-30", "--today", TODAY.isoformat()])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "overdue   9 days: Ava[2J Test, email from Parent of Ava" in out
    assert _clean(out)
