"""The audit report for a service standards board: XLSX sheets and a PDF that reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from send_desk.reports.audit_report import write_audit_pdf, write_audit_xlsx
from send_desk.reports.exports import ExportFailed
from send_desk.services.audit_trends import audit_trends
from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli
from tests.unit.supervision.builder import SupervisionStore
from tests.unit.supervision.conftest import Audited

DAY = date(2026, 5, 2)


def test_the_workbook_holds_every_table(
    sup: SupervisionStore, audited: Audited, tmp_path: Path
) -> None:
    with sup.store.read() as session:
        trends = audit_trends(session, start="2026-03", end="2026-04")
    target = write_audit_xlsx(trends, tmp_path / "audits.xlsx", generated_on=DAY,
                              generated_by="Mo Grey")  # fmt: skip
    book = load_workbook(target)
    assert book.sheetnames == ["About", "Grades by month", "Teams", "Caseworkers", "Criteria"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row}
    assert about["Period"] == "Mar 2026 to Apr 2026" and about["Audits"] == "5"
    months = list(book["Grades by month"].iter_rows(min_row=3, values_only=True))
    assert [(m[0], m[1]) for m in months] == [("Mar 2026", 2), ("Apr 2026", 3)]
    workers = {r[0]: r for r in book["Caseworkers"].iter_rows(min_row=3, values_only=True)}
    assert workers["Sam Green"][1] == "South" and workers["Sam Green"][2] == 1
    criteria = list(book["Criteria"].iter_rows(min_row=3, values_only=True))
    facts = next(c for c in criteria if c[0] == "Facts kept apart from owned opinion")
    assert facts[1:] == ("auditor's grade", 5, 2, 40.0)


def test_the_pdf_reads_as_a_report(sup: SupervisionStore, audited: Audited, tmp_path: Path) -> None:
    with sup.store.read() as session:
        trends = audit_trends(session, start="2026-03", end="2026-04", team="North")
    target = write_audit_pdf(trends, tmp_path / "audits.pdf", generated_on=DAY)
    assert target.read_bytes().startswith(b"%PDF")
    text = _pdf_text(target)
    assert "Case-note audits, Mar 2026 to Apr 2026" in text
    assert "Scope: team North" in text and "4 audits" in text
    assert "Pat White" in text and "Kim Blue" in text and "Sam Green" not in text
    assert "Overall grades by month" in text and "Requires improvement" in text


def test_an_empty_period_still_makes_a_report(sup: SupervisionStore, tmp_path: Path) -> None:
    with sup.store.read() as session:
        trends = audit_trends(session, start="2025-01", end="2025-03")
    text = _pdf_text(write_audit_pdf(trends, tmp_path / "empty.pdf", generated_on=DAY))
    assert "No audits were made from 2025-01 to 2025-03" in text


def test_a_file_that_cannot_be_written_loses_nothing(
    sup: SupervisionStore, audited: Audited, tmp_path: Path
) -> None:
    with sup.store.read() as session:
        trends = audit_trends(session, start="2026-03", end="2026-04")
    target = tmp_path / "audits.pdf"
    target.write_bytes(b"the board's copy")
    (tmp_path / ".audits.pdf.partial").mkdir()  # the hidden working file cannot be made
    with pytest.raises(ExportFailed, match="could not be written"):
        write_audit_pdf(trends, target, generated_on=DAY)
    assert target.read_bytes() == b"the board's copy"
    with pytest.raises(ExportFailed, match="could not be written"):
        write_audit_xlsx(trends, tmp_path / "missing" / "a.xlsx", generated_on=DAY)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_report_command(
    sup: SupervisionStore, audited: Audited, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(sup.store.paths.root, capsys)
    pdf, xlsx = tmp_path / "board.pdf", tmp_path / "board.xlsx"
    data = cli.json("audit", "report", "--from", "2026-03", "--to", "2026-04", "--team",
                    "South", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json")  # fmt: skip
    assert data["team"] == "South" and data["service"]["total"] == 1
    assert data["written"] == [str(pdf), str(xlsx)] and pdf.is_file() and xlsx.is_file()
    code, out, _err = cli("audit", "report", "--today", "2026-04-30")  # the last six months
    assert code == 0 and "2025-11 to 2026-04, all teams: 5" in out
    assert "Most often failed:" in out
    code, out, err = cli("audit", "report", "--from", "2026-13")
    assert code == 2 and out == "" and "YYYY-MM" in err
    code, _out, err = cli("audit", "report", "--from", "2026-03", "--to", "2026-04",
                          "--pdf", str(tmp_path / "missing" / "r.pdf"))  # fmt: skip
    assert code == 1 and "could not be written" in err
