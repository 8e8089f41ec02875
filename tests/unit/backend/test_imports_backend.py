"""The caseload import as the wizard calls it: a check changes nothing and says what
each column was taken as; the import adds the children; a second import of the same
sheet leaves them as they are; a stopped import keeps nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from send_desk.backend import Backend
from send_desk.backend.imports import (
    ColumnTaken,
    ImportCancelled,
    ImportProblem,
    caseload_import,
)

HEADER = ["Child name", "DOB", "UPN", "School", "Primary need", "Shoe size"]
# W886200012345: check letter worked by hand in tests/unit/imports/test_caseload_import.py
GOOD = ["Ada Sheetchild", "14/03/2014", "W886200012345", "Larkspur Primary", "SLCN", "3"]


def _sheet(path: Path, *rows: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_check_then_import_then_the_same_sheet_again(backend: Backend, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "team.csv", GOOD)
    before = len(backend.caseload.caseload_ids())
    checked = caseload_import(backend, sheet, dry_run=True)
    assert checked.dry_run and not checked.imported and checked.problems == ()
    assert (checked.rows, checked.children) == (1, 1)
    assert checked.mapping[1] == ColumnTaken("DOB", "date_of_birth", "recognised")
    assert checked.mapping[5] == ColumnTaken("Shoe size", "ignore", "not recognised")
    assert len(backend.caseload.caseload_ids()) == before  # a check changes nothing
    done = caseload_import(backend, sheet, dry_run=False)
    assert done.imported and done.children == 1 and done.file == sheet
    assert len(backend.caseload.caseload_ids()) == before + 1
    again = caseload_import(backend, sheet, dry_run=False)
    assert again.children == 0 and [e.row for e in again.existing] == [2]
    assert again.existing[0].upn == "W886200012345" and again.existing[0].child_id is not None


def test_a_bad_row_is_named_and_a_stopped_import_keeps_nothing(
    backend: Backend, tmp_path: Path
) -> None:
    bad = _sheet(tmp_path / "bad.csv", ["Bo Sheetchild", "15/03/2031", "", "", "SLCN", ""])
    found = caseload_import(backend, bad, dry_run=True)
    assert found.problems == (ImportProblem(2, "DOB", "15/03/2031 is in the future"),)
    before = len(backend.caseload.caseload_ids())
    with pytest.raises(ImportCancelled):
        caseload_import(
            backend, _sheet(tmp_path / "ok.csv", GOOD), dry_run=False, cancelled=lambda: True
        )
    assert len(backend.caseload.caseload_ids()) == before
