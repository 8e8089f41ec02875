"""Workbooks as a board member prints them: the audit report's, and a table with long
text (the report's own workbook is checked in tests/integration/test_report_dates_cli.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from send_desk.reports.audit_report import write_audit_xlsx
from send_desk.reports.exports import Table, write_xlsx

GRADES = {"outstanding": 0, "good": 1, "requires_improvement": 1, "inadequate": 0}
TRENDS: dict[str, Any] = {
    "from": "2026-10", "to": "2026-11", "team": None, "caseworker": None,
    "service": {"total": 2, "counts": GRADES, "good_or_better_rate": 0.5,
                "by_month": [{"month": "2026-10", "total": 1, "counts": GRADES},
                             {"month": "2026-11", "total": 1, "counts": GRADES}]},
    "teams": [], "caseworkers": [], "criteria": [], "criterion_labels": {},
    "rule_versions": [1], "messages": [],
}  # fmt: skip


def test_the_audit_workbook_prints_and_keeps_its_months_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = write_audit_xlsx(TRENDS, tmp_path / "a.xlsx", generated_on=date(2026, 12, 1))
    book = load_workbook(target)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.oddHeader.left.text == (
            "Case-note audits: grades and the criteria most often failed, Oct 2026 to Nov 2026"
        )
        assert sheet.oddFooter.right.text == "Page &P of &N"
    months = book["Grades by month"]
    assert [(c.value, c.data_type, c.number_format) for c in months["A"][2:4]] == [
        ("Oct 2026", "s", "@"), ("Nov 2026", "s", "@"),
    ]  # fmt: skip
    assert months.print_title_rows == "$1:$2"


def test_long_text_wraps_in_a_row_tall_enough(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    step = "Send the family the decision after the review: keep, change or stop the plan. " * 2
    table = Table("Steps", "Next steps", [("Child", "text"), ("Next step", "text")],
                  [["Ava Test", step], ["Bea Test", "Phone"], ["=SUM(A1)", "-1"]])  # fmt: skip
    book = load_workbook(write_xlsx([table], tmp_path / "s.xlsx", title="Steps & more"))
    sheet = book["Steps"]
    # the column stops at 40 characters (+2) and the 156 characters wrap over 4 lines at
    # least (40 a line): the row is that tall, so nothing runs into the next row
    assert sheet.column_dimensions["B"].width == 42
    assert sheet["B3"].alignment.wrap_text and sheet["A3"].alignment.vertical == "top"
    assert sheet.row_dimensions[3].height >= 4 * 15
    assert sheet.row_dimensions[4].height is None  # a short row keeps its height
    # text stays text: never a formula, never a number
    assert (sheet["A5"].value, sheet["A5"].data_type) == ("=SUM(A1)", "s")
    assert (sheet["B5"].value, sheet["B5"].data_type) == ("-1", "s")
    assert sheet.oddHeader.left.text == "Steps && more"  # "&" printed as itself
