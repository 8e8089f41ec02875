"""Reading a caseload spreadsheet (CSV or XLSX) row by row, and mapping its columns.

Rows are streamed (``csv.reader``; openpyxl in read-only mode), so a file of any
length is read in bounded memory. What cannot be read is a :class:`SheetError`
naming the row and column where it can: a file that is neither CSV nor XLSX, a cut-short
file, merged cells or a formula in a workbook.
"""

from __future__ import annotations

import codecs
import csv
import re
import tomllib
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from send_desk.resources import read_text

# The fields a column can hold; "ignore" drops a column on purpose.
FIELDS = (
    "name", "first_name", "last_name", "date_of_birth", "upn", "sex", "school", "urn",
    "need", "secondary_need", "plan_date", "last_review", "caseworker",
)  # fmt: skip
IGNORE = "ignore"

_CSV_SUFFIXES = (".csv",)
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class SheetError(Exception):
    """The file cannot be read as a caseload spreadsheet; ``row``/``column`` say where."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


def normalise(text: str) -> str:
    """A heading or code as compared: lower case, runs of anything else one space."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@cache
def _columns_toml() -> dict[str, Any]:
    return tomllib.loads(read_text("imports", "columns.toml"))


def synonyms(section: str) -> dict[str, str]:
    """A section of columns.toml as {normalised synonym: its field or code}."""
    table: Mapping[str, list[str]] = _columns_toml()[section]
    return {normalise(word): key for key, words in table.items() for word in words}


@dataclass(frozen=True)
class Column:
    """One heading of the sheet, where it is, and what it was taken as."""

    index: int
    heading: str
    field: str  # one of FIELDS, or IGNORE
    how: str  # "recognised", "--map" or "not recognised"

    def as_json(self) -> dict[str, Any]:
        return {"column": self.heading, "field": self.field, "how": self.how}


def map_columns(headings: list[str], overrides: Mapping[str, str]) -> list[Column]:
    """Each heading's field: an override (``--map``) first, then the synonyms.

    Raises SheetError for an override naming no heading or no field, a field taken by
    two columns, or a sheet without the name and date of birth.
    """
    known = synonyms("fields")
    by_heading = {normalise(h): h for h in headings}
    wanted: dict[str, str] = {}
    for heading_given, field in overrides.items():
        if normalise(heading_given) not in by_heading:
            raise SheetError(
                f"--map {heading_given}={field}: the sheet has no column '{heading_given}' "
                f"(columns: {', '.join(headings)})"
            )
        target = field.strip().lower()
        if target not in FIELDS and target != IGNORE:
            raise SheetError(
                f"--map {heading_given}={field}: '{field}' is not a field "
                f"(fields: {', '.join(FIELDS)}, or {IGNORE})"
            )
        wanted[normalise(heading_given)] = target
    columns: list[Column] = []
    for index, heading in enumerate(headings):
        key = normalise(heading)
        if key in wanted:
            columns.append(Column(index, heading, wanted[key], "--map"))
        elif key in known:
            columns.append(Column(index, heading, known[key], "recognised"))
        else:
            columns.append(Column(index, heading, IGNORE, "not recognised"))
    taken: dict[str, Column] = {}
    for column in columns:
        if column.field == IGNORE:
            continue
        if column.field in taken:
            first = taken[column.field].heading
            raise SheetError(
                f"columns '{first}' and '{column.heading}' are both taken as "
                f'{column.field}: say which to use, e.g. --map "{column.heading}=ignore"',
                row=1,
                column=column.heading,
            )
        taken[column.field] = column
    has_name = "name" in taken or {"first_name", "last_name"} <= set(taken)
    missing = [] if has_name else ["name (or first name and last name)"]
    if "date_of_birth" not in taken:
        missing.append("date of birth")
    if missing:
        raise SheetError(
            f"no column for {' or '.join(missing)} was found in the header row "
            f'(columns: {", ".join(headings)}); name it with --map "COLUMN=FIELD"',
            row=1,
        )
    return columns


def read_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """The header row (number 1) then each row with its number as the sheet shows it.

    Values are text (CSV) or text, numbers and dates (XLSX); wholly blank rows are
    skipped but keep their numbers.
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SheetError(f"there is no file {path}")
    if suffix in _CSV_SUFFIXES:
        return _csv_rows(path)
    if suffix in _XLSX_SUFFIXES:
        return _xlsx_rows(path)
    if suffix == ".xls":
        raise SheetError(
            "this is an old Excel file (.xls): save it as .xlsx or CSV in Excel, then import that"
        )
    raise SheetError(f"{path.name} is not a CSV or XLSX file: save the sheet as one of those")


def _blank(values: list[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    with path.open("rb") as raw:
        start = raw.read(4096)
    if b"\x00" in start or start.startswith(_ZIP_MAGIC):
        raise SheetError(f"{path.name} is not a CSV file (it holds binary data)")
    width = 0
    number = 0
    encoding = _csv_encoding(path)
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle)
            for number, values in enumerate(reader, start=1):
                if number == 1:
                    width = len(values)
                elif len(values) > width and not _blank(values[width:]):
                    raise SheetError(
                        f"row {number} has {len(values)} cells but the header has {width}: "
                        "check for a stray comma or a missing quote",
                        row=number,
                    )
                elif len(values) < width and not _blank(values):
                    raise SheetError(
                        f"row {number} has {len(values)} cells but the header has {width}: "
                        "the file may be cut short",
                        row=number,
                    )
                if not _blank(values):
                    yield number, values
    except UnicodeDecodeError:
        raise SheetError(
            f"{path.name} holds characters that are not text after row {number}: in Excel, "
            "save it as 'CSV UTF-8'",
            row=number + 1,
        ) from None
    except csv.Error as error:
        raise SheetError(
            f"row {number + 1} cannot be read ({error}): the file may be cut short",
            row=number + 1,
        ) from None
    if number == 0:
        raise SheetError(f"{path.name} is empty: a header row is needed")


def _csv_encoding(path: Path) -> str:
    """UTF-8 (Excel's "CSV UTF-8"), else Windows-1252: what Excel's plain "CSV" writes
    on a UK machine ("Zoë" as one byte). Read in chunks, so memory stays bounded."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    import openpyxl

    with path.open("rb") as raw:
        if raw.read(4) != _ZIP_MAGIC:
            raise SheetError(f"{path.name} is not an XLSX workbook (it is not a zip file)")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise SheetError(
            f"{path.name} cannot be opened as a workbook: it may be damaged or cut short "
            f"({type(error).__name__})"
        ) from None
    try:
        sheet = book.worksheets[0]
        _refuse_merged(path, str(getattr(sheet, "_worksheet_path", "")))
        try:
            for number, row in enumerate(sheet.iter_rows(), start=1):
                values: list[Any] = []
                for index, cell in enumerate(row):
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f" or (
                        isinstance(value, str) and value.startswith("=")
                    ):
                        raise SheetError(
                            f"row {number}, column {_column_letter(index)}: a formula; "
                            "copy the sheet and paste values only, then import that",
                            row=number,
                            column=_column_letter(index),
                        )
                    values.append(value)
                if not _blank(values):
                    yield number, values
        except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as error:
            raise SheetError(
                f"{path.name} is damaged or cut short ({type(error).__name__})"
            ) from None
    finally:
        book.close()


def _refuse_merged(path: Path, sheet_path: str) -> None:
    """Merged cells hide which row a value belongs to: refused, naming the first range.

    openpyxl's read-only sheets do not read merges, so the sheet's XML is scanned for
    them (streamed, like the rows)."""
    if not sheet_path:
        return
    try:
        with zipfile.ZipFile(path) as archive, archive.open(sheet_path.lstrip("/")) as xml:
            for _event, element in iterparse(xml, events=("end",)):
                if element.tag == f"{_MAIN_NS}mergeCell":
                    where = element.get("ref", "")
                    first = re.match(r"([A-Z]+)(\d+)", where)
                    raise SheetError(
                        f"cells {where} are merged: unmerge them and fill in each row, then "
                        "import again",
                        row=int(first.group(2)) if first else None,
                        column=first.group(1) if first else None,
                    )
                if element.tag == f"{_MAIN_NS}row":
                    element.clear()
    except (zipfile.BadZipFile, KeyError, EOFError) as error:
        raise SheetError(f"{path.name} is damaged or cut short ({type(error).__name__})") from None
    except SyntaxError:  # ParseError: the sheet's XML stops part way
        raise SheetError(f"{path.name} is damaged or cut short: its sheet ends part way") from None


# ---- cell values -------------------------------------------------------------------

_UK_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0" (a URN typed as a number)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def parse_date(value: Any, today: date) -> date:
    """A date from a cell: a workbook date, dd/mm/yyyy, d/m/yy or yyyy-mm-dd.

    Two-digit years are this century unless that would be in the future. Raises
    ValueError with a message a caseworker can act on.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    try:
        match = _ISO.match(text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = _UK_DATE.match(text)
        if match:
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            if len(match[3]) == 2:
                year += 2000
                if date(year, month, day) > today:
                    year -= 100
            return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a date (no such day)") from None
    raise ValueError(f"'{text}' is not a date: use dd/mm/yyyy (UK) or yyyy-mm-dd")


def count_rows(path: Path) -> int:
    """About how many data rows the file holds, for a progress bar (0: not known).

    A CSV's line breaks are counted in chunks (a quoted line break counts too: this is
    for the bar only); a workbook's size is what its sheet declares."""
    try:
        suffix = path.suffix.lower()
        if suffix in _CSV_SUFFIXES:
            lines = 0
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    lines += chunk.count(b"\n")
            return max(lines - 1, 0)
        if suffix in _XLSX_SUFFIXES:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True)
            try:
                rows = book.worksheets[0].max_row
            finally:
                book.close()
            return max((rows or 1) - 1, 0)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return 0
    return 0
