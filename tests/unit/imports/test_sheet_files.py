"""Files a caseload import must refuse with the place named, and workbooks it reads."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from send_desk.domain.children import Child
from send_desk.imports.caseload_import import ImportResult, import_caseload
from send_desk.imports.spreadsheet import parse_date
from send_desk.storage.store import Store
from tests.unit.imports.caseload import HEADER, organise

TODAY = date(2026, 11, 22)


def _import(store: Store, path: Path) -> ImportResult:
    organise(store)
    return import_caseload(store, path, today=TODAY)


def _children(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Child)) or 0)


def _workbook(path: Path, rows: list[list[object]]) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return book


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2014", date(2014, 3, 5)),  # UK: day first
        ("5/3/14", date(2014, 3, 5)),
        ("2014-03-05", date(2014, 3, 5)),
        ("5/3/98", date(1998, 3, 5)),  # 2098 would be in the future
        ("22/11/26", date(2026, 11, 22)),  # today itself is this century
        ("05.03.2014", date(2014, 3, 5)),
    ],
)
def test_uk_and_iso_dates_are_read(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["13/13/2014", "2014/03/05", "March 2014", "30/02/2015"])
def test_other_date_forms_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text, TODAY)


def test_a_workbook_with_date_cells_imports(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    _workbook(path, [["Lia Example", datetime(2013, 4, 9), None, "Hillside Primary", "PD",
                      datetime(2021, 7, 1), "02/07/2025", "scarter"]])  # fmt: skip
    result = _import(store, path)
    assert result.problems == [] and result.imported
    assert (result.children, result.events, result.settings_matched) == (1, 2, 1)
    with store.read() as session:
        lia = session.scalar(select(Child).where(Child.first_name == "Lia"))
        assert lia is not None and lia.date_of_birth == date(2013, 4, 9)


def test_a_formula_is_refused_naming_row_and_column(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    _workbook(path, [["Mo Example", "01/01/2013", None, None, None, None, None, None],
                     ["Ned Example", "=B2+1", None, None, None, None, None, None]])  # fmt: skip
    result = _import(store, path)
    assert [(p.row, p.column) for p in result.problems] == [(3, "B")]
    assert "a formula" in result.problems[0].message
    assert _children(store) == 0


def test_merged_cells_are_refused_naming_them(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = _workbook(path, [["Oli Example", "01/01/2013", None, "Hillside Primary"],
                            ["Pat Example", "02/01/2013", None, None]])  # fmt: skip
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("D2:D3")
    book.save(path)
    result = _import(store, path)
    assert [(p.row, p.column) for p in result.problems] == [(2, "D")]
    assert "D2:D3 are merged" in result.problems[0].message
    assert _children(store) == 0


def test_a_cut_short_workbook_is_refused(store: Store, tmp_path: Path) -> None:
    whole = tmp_path / "whole.xlsx"
    _workbook(whole, [["Quin Example", "01/01/2013"] + [None] * 6])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = _import(store, cut)
    assert len(result.problems) == 1
    assert "damaged or cut short" in result.problems[0].message
    assert not result.imported


def test_a_cut_short_csv_names_the_row(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(
        ",".join(HEADER) + "\n"
        "Rae Example,01/01/2013,,,,,,\n"
        "Sol Example,02/01/2013,,Hills",
        encoding="utf-8",
    )  # fmt: skip
    result = _import(store, path)
    assert [p.row for p in result.problems] == [3]
    assert "cut short" in result.problems[0].message
    assert _children(store) == 0


def test_a_file_that_is_not_a_spreadsheet_is_refused(store: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "caseload.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert "is not a CSV or XLSX file" in _import(store, pdf).problems[0].message
    fake = tmp_path / "binary.csv"
    fake.write_bytes(b"PK\x03\x04\x00\x00 binary")
    result = import_caseload(store, fake, today=TODAY)
    assert "is not a CSV file" in result.problems[0].message
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert ".xls" in import_caseload(store, old, today=TODAY).problems[0].message
    assert _children(store) == 0


def test_a_csv_saved_by_excel_as_windows_1252_is_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = ",".join(HEADER) + "\r\nZoë Exämple,01/01/2013,,,,,,\r\n"
    path.write_bytes(text.encode("cp1252"))
    result = _import(store, path)
    assert result.imported
    with store.read() as session:
        zoe = session.scalar(select(Child).where(Child.last_name == "Exämple"))
        assert zoe is not None and zoe.first_name == "Zoë"
