"""The report as an Excel workbook: an About sheet, then a sheet a table, each ready to
print (landscape, fitted to the page's width, heading rows repeated on every page, the
report's name and the page number in the header and footer).

Text is written as text (number format ``@``), so Excel never turns a month label such
as "Nov 2026" into a date, nor a name starting with "=" into a formula; dates are real
dates shown dd/mm/yyyy (so Excel sorts them). Control characters that slipped into a
record are dropped (:func:`send_desk.textsafe.strip_control`): openpyxl refuses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any

from send_desk.reports.export_base import Cancelled, Progress, Steps, Table, atomic_file
from send_desk.textsafe import strip_control
from send_desk.timeutil import uk_date

ABOUT = "About"
# Print titles: the table's caption and its heading row on every printed page.
TITLE_ROWS = "1:2"
ABOUT_WIDTHS = (30, 95)  # characters
LINE_POINTS = 15.0  # the height of one line of 11 pt text
PAPER_A4 = "9"  # the paperSize code of A4 (ECMA-376)
TEXT = "@"  # Excel's "Text" number format: typed text stays text when edited
WIDEST = 40  # characters: a wider text column wraps


def write_xlsx(
    tables: Sequence[Table],
    path: Path,
    *,
    about: Sequence[tuple[str, str]] = (),
    title: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """A workbook: an "About" sheet (what, when, how counted), then a sheet a table
    with a bold frozen heading row, dates shown dd/mm/yyyy and widths that fit.
    ``title`` is printed in each page's header (default: the About sheet's "Report"
    and "Period")."""
    from openpyxl import Workbook

    name = report_name(about) if title is None else title
    steps = Steps(sum(len(t.rows) for t in tables) + 1, progress, cancelled)
    book = Workbook(write_only=True)
    try:
        _about_sheet(book, tables, about, name)
        _write_sheets(book, tables, steps, name)
        steps.check()
    except BaseException:
        _discard(book)
        raise
    try:
        with atomic_file(Path(path), "wb") as handle:
            book.save(handle)
    except BaseException:
        _discard(book)  # a folder that cannot be written: close the sheets' streams
        raise
    steps.finish()
    return Path(path)


def report_name(about: Sequence[tuple[str, str]]) -> str:
    """What the header of every printed page calls the report."""
    values = dict(about)
    name = values.get("Report") or "SEND Desk report"
    period = values.get("Period")
    return f"{name}, {period}" if period else name


def _page_setup(sheet: Any, name: str, *, title_rows: str | None) -> None:
    """Landscape A4, every column on one page's width (as many pages down as needed),
    the title rows on every page, the report and sheet named in the header and the
    page number in the footer. Set before the first row: the sheet is streamed."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    if title_rows:
        sheet.print_title_rows = title_rows
    # "&" starts a header code: a literal one is doubled
    sheet.oddHeader.left.text = _text(name).replace("&", "&&")
    sheet.oddHeader.right.text = "&A"  # the sheet's name
    sheet.oddFooter.left.text = "SEND Desk"
    sheet.oddFooter.right.text = "Page &P of &N"


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide
    (a little narrower: proportional letters are not all the same width)."""
    usable = max(10, int(width * 0.9))
    return sum(max(1, -(-len(part) // usable)) for part in str(text).split("\n"))


def _about_sheet(
    book: Any, tables: Sequence[Table], about: Sequence[tuple[str, str]], name: str
) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet = book.create_sheet(ABOUT)
    _page_setup(sheet, name, title_rows=None)
    sheet.column_dimensions["A"].width = ABOUT_WIDTHS[0]
    sheet.column_dimensions["B"].width = ABOUT_WIDTHS[1]
    rows: list[tuple[str, str, Font | None]] = [(name, "", Font(bold=True, size=14))]
    rows += [(key, value, bold) for key, value in about]
    rows.append(("", "", None))
    rows.append(("Sheets", "", bold))
    rows += [(_sheet_name(table.name), table.title, None) for table in tables]
    for index, (key, value, font) in enumerate(rows, start=1):
        # a wrapped cell is only as tall as its row: set each row's height from its text
        lines = max(_lines(_text(key), ABOUT_WIDTHS[0]), _lines(_text(value), ABOUT_WIDTHS[1]))
        if index == 1:
            lines = 1
        points = LINE_POINTS * lines + 3
        if font is not None and font.size and font.size > 11:
            points = max(points, font.size * 1.6 * lines)
        sheet.row_dimensions[index].height = points
        cells = []
        for column, text in enumerate((key, value)):
            cell = WriteOnlyCell(sheet, value=_text(text))
            # the title runs on into the empty cell beside it; the rest wraps
            cell.alignment = wrap if index > 1 else Alignment(vertical="top")
            cell.number_format = TEXT
            if font is not None and column == 0:
                cell.font = font
            cells.append(cell)
        sheet.append(cells)


def _write_sheets(book: Any, tables: Sequence[Table], steps: Steps, name: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    used: set[str] = {ABOUT}
    for table in tables:
        sheet_name = _sheet_name(table.name)
        while sheet_name in used:
            sheet_name = sheet_name[:28] + f" {len(used)}"
        used.add(sheet_name)
        sheet = book.create_sheet(sheet_name)
        _page_setup(sheet, name, title_rows=TITLE_ROWS)
        sheet.freeze_panes = "A3"
        widths = [len(heading) for heading, _kind in table.columns]
        for row in table.rows[:200]:
            for index, value in enumerate(row):
                text = uk_date(value) if isinstance(value, date) else str(value or "")
                widths[index] = max(widths[index], min(len(text), WIDEST))
        columns = [max(8, width + 2) for width in widths]
        for index, width in enumerate(columns):
            sheet.column_dimensions[_column_letter(index)].width = width
        wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
        caption = WriteOnlyCell(sheet, value=_text(table.title))
        caption.font = bold
        sheet.append([caption])
        header = []
        for heading_text, _kind in table.columns:
            cell = WriteOnlyCell(sheet, value=_text(heading_text))
            cell.font = bold
            cell.alignment = wrap
            header.append(cell)
        sheet.append(header)
        kinds = [kind for _heading, kind in table.columns]
        for number, row in enumerate(table.rows, start=3):
            # a wrapped cell is only as tall as its row, which nothing else will size
            lines = max(
                (_lines(value, width) for value, width in zip(row, columns, strict=False)
                 if isinstance(value, str) and len(value) > WIDEST),
                default=1,
            )  # fmt: skip
            if lines > 1:
                sheet.row_dimensions[number].height = LINE_POINTS * lines + 2
            cells = []
            for value, kind in zip(row, kinds, strict=False):
                cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                if isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif kind == "percent" and value is not None:
                    cell.number_format = "0.0"
                elif isinstance(value, str):
                    # text, never a formula or a date ("Nov 2026", "=SUM(...)")
                    cell.data_type = "s"
                    cell.number_format = TEXT
                if lines > 1:
                    # long text (a next step) wraps in its column, so the sheet stays
                    # narrow enough to print at a readable size; the row reads from
                    # its top line
                    cell.alignment = wrap if isinstance(value, str) else top
                cells.append(cell)
            sheet.append(cells)
            steps.step()


def _discard(book: Any) -> None:
    """Close the sheets of a workbook that will not be saved and remove their
    temporary files (a cancelled export)."""
    for sheet in book.worksheets:
        with suppress(Exception):
            if not sheet.closed:
                sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with suppress(OSError, ValueError):
                writer.cleanup()


def _text(value: Any) -> str:
    return strip_control(str(value))


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        return strip_control(value)
    return value


def _sheet_name(name: str) -> str:
    cleaned = "".join(ch for ch in strip_control(name) if ch not in "[]:*?/\\")
    return cleaned[:31]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


__all__ = ["report_name", "write_xlsx"]
