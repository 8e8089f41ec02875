"""Exports of the report: CSV (one figure a row), XLSX (a sheet a table) and an ICS
calendar that Outlook, Google Calendar and Apple Calendar open.

Every writer reports progress (``progress(done, total)``) and stops when
``cancelled()`` says so, raising :class:`ExportCancelled`; it writes to a hidden file
beside the target and renames it at the end, so a cancelled or failed export never
leaves half a file (or replaces a good one). Dates a person reads are dd/mm/yyyy: text
in the CSV, real dates shown dd/mm/yyyy in the workbook (so Excel sorts them).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from send_desk.reports.calendar import CalendarEvent
from send_desk.timeutil import uk_date

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHECK_EVERY = 250  # rows between looks at the cancel flag


class ExportCancelled(Exception):
    """The export was cancelled; nothing was written."""


class ExportFailed(Exception):
    """The file could not be written (a full disk, a folder that is read-only...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Steps:
    """Counts rows written, tells the caller, and honours the cancel flag."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self.check()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled("the export was cancelled; nothing was written")
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def step(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // CHECK_EVERY != before // CHECK_EVERY:
            self.check()

    def finish(self) -> None:
        """Everything is written: report it (too late to cancel)."""
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)


@contextmanager
def atomic_file(path: Path, mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """A hidden temporary file beside ``path``, renamed over it only on success."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        handle = open(temporary, mode, **options)  # noqa: SIM115 - closed below
    except OSError as error:
        raise ExportFailed(f"{path} could not be written: {error.strerror or error}") from None
    try:
        with handle:
            yield handle
        os.replace(temporary, path)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink()
        raise ExportFailed(f"{path} could not be written: {error.strerror or error}") from None
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


# ---------------------------------------------------------------- tables


@dataclass
class Table:
    """One table of the report: a sheet of the workbook, a table on the Reports page.

    ``columns`` are (heading, kind); kind is text, int, date or percent."""

    name: str
    title: str
    columns: list[tuple[str, str]]
    rows: list[list[Any]] = field(default_factory=list)


def _pct(value: Any) -> Any:
    return value if value is not None else None


def _figure_cells(fig: Mapping[str, Any]) -> list[Any]:
    return [fig["numerator"], fig["denominator"], _pct(fig["percent"])]


def statutory_table(report: Mapping[str, Any]) -> Table:
    table = Table(
        "Statutory compliance",
        "Statutory compliance (from the clock), for the service, each team and caseworker",
        [("Who", "text"), ("Team", "text"), ("Figure", "text"), ("Yes", "int"),
         ("Out of", "int"), ("%", "percent"), ("Source", "text")],
    )  # fmt: skip
    groups: list[tuple[str, str, Mapping[str, Any]]] = [("Service", "", report["figures"])]
    groups += [("Team", team["team"], team["figures"]) for team in report.get("teams", [])]
    groups += [
        (worker["caseworker"], worker["team"], worker["figures"])
        for worker in report.get("caseworkers", [])
    ]
    for who, team, figures in groups:
        for fig in figures.values():
            table.rows.append([who, team, fig["title"], *_figure_cells(fig), fig.get("source", "")])
    return table


_CORR_COLUMNS = [
    ("Received", "int"),
    ("Completed", "int"),
    ("Completed in time", "int"),
    ("% in time", "percent"),
    ("Ongoing", "int"),
    ("Overdue", "int"),
    ("% overdue", "percent"),
]


def _corr_cells(row: Mapping[str, Any]) -> list[Any]:
    return [
        row["received"],
        row["completed"],
        row["completed_in_time"]["numerator"],
        row["completed_in_time"]["percent"],
        row["ongoing"],
        row["overdue"]["numerator"],
        row["overdue"]["percent"],
    ]


def correspondence_tables(section: Mapping[str, Any]) -> list[Table]:
    weeks = Table(
        "Correspondence by week",
        "Correspondence each week: completed, and ongoing at the end of the week",
        [("Week commencing", "date"), ("Week ending", "date"), *_CORR_COLUMNS],
        [[w["week_starting"], w["week_ending"], *_corr_cells(w)] for w in section["weeks"]],
    )
    channels = Table(
        "Correspondence by channel",
        "Correspondence in the period by channel (ongoing and overdue at the end)",
        [("Channel", "text"), ("Respond within (working days)", "int"), *_CORR_COLUMNS],
        [
            [c["label"], section["standard"].get(c["channel"], {}).get(
                "respond_within_working_days"), *_corr_cells(c)]
            for c in section["by_channel"]
        ],
    )  # fmt: skip
    people = Table(
        "Correspondence by caseworker",
        "Correspondence in the period for each team and caseworker",
        [("Who", "text"), ("Team", "text"), *_CORR_COLUMNS],
        [["Service", "", *_corr_cells(section["totals"])]]
        + [["Team", t["team"], *_corr_cells(t)] for t in section["teams"]]
        + [[w["caseworker"], w["team"], *_corr_cells(w)] for w in section["caseworkers"]],
    )
    overdue = Table(
        "Overdue correspondence",
        "Correspondence overdue at the end of the period, longest overdue first",
        [("Child", "text"), ("Channel", "text"), ("From", "text"), ("Summary", "text"),
         ("Received", "date"), ("Due", "date"), ("Days overdue", "int"), ("Caseworker", "text"),
         ("Team", "text")],
        [
            [i["child_name"], i["channel_label"], i["correspondent"], i["summary"], i["received"],
             i["due"], i["days_overdue"], i["caseworker"], i["team"]]
            for i in section["overdue_items"]
        ],
    )  # fmt: skip
    return [weeks, channels, people, overdue]


def complaint_tables(section: Mapping[str, Any]) -> list[Table]:
    columns = [("Received", "int"), ("Closed", "int"), ("Within SLA", "int"), ("% within SLA",
               "percent")]  # fmt: skip

    def cells(row: Mapping[str, Any]) -> list[Any]:
        fig = row["within_sla"]
        return [row["received"], row["closed"], fig["numerator"], fig["percent"]]

    months = Table(
        "Complaints by month",
        "Complaints received, closed (stage responses sent) and closed within the SLA",
        [("Month", "text"), *columns],
        [[m["label"], *cells(m)] for m in section["months"]],
    )
    causes = Table(
        "Complaint root causes",
        "Root causes of the complaints received in the period",
        [("Root cause", "text"), ("Complaints", "int"), ("% of complaints", "percent")],
        [[c["label"], c["count"], c["percent"]] for c in section["root_causes"]],
    )
    outcomes = Table(
        "Complaint outcomes",
        "Outcomes of the stage responses sent in the period, and the Ombudsman's decisions",
        [("Outcome", "text"), ("Responses", "int")],
        [[o["label"], o["count"]] for o in section["outcomes"]]
        + [[f"Ombudsman: {o['label']}", o["count"]] for o in section["ombudsman_outcomes"]],
    )
    people = Table(
        "Complaints by caseworker",
        "Complaints for each stage, team and caseworker",
        [("Who", "text"), ("Team", "text"), *columns],
        [["Service", "", *cells(section["totals"])]]
        + [[s["label"], "", *cells(s)] for s in section["stages"]]
        + [["Team", t["team"], *cells(t)] for t in section["teams"]]
        + [[w["caseworker"], w["team"], *cells(w)] for w in section["caseworkers"]],
    )
    return [months, causes, outcomes, people]


def callback_table(section: Mapping[str, Any]) -> Table:
    keys = ("booked", "made", "no_answer", "cancelled", "missed", "via_duty")
    headings = ("Booked", "Made", "No answer", "Cancelled", "Missed", "With the duty officer")
    return Table(
        "Callbacks",
        "Callbacks with a slot in the period, for each caller",
        [("Caller", "text"), ("Team", "text"), *[(h, "int") for h in headings],
         ("% missed", "percent")],
        [["Service", "", *[section["totals"][k] for k in keys],
          section["totals"]["missed_share"]["percent"]]]
        + [[w["caseworker"], w["team"], *[w[k] for k in keys], w["missed_share"]["percent"]]
           for w in section["caseworkers"]],
    )  # fmt: skip


def report_tables(report: Mapping[str, Any]) -> list[Table]:
    """Every table of the report, in the order the Reports page and the workbook show."""
    tables = [statutory_table(report)]
    if "correspondence" in report:
        tables += correspondence_tables(report["correspondence"])
    if "complaints" in report:
        tables += complaint_tables(report["complaints"])
    if "callbacks" in report:
        tables.append(callback_table(report["callbacks"]))
    return tables


def deadlines_table(rows: Iterable[Mapping[str, Any]]) -> Table:
    """Every open statutory deadline (the clock's rows), for the workbook."""
    return Table(
        "Open deadlines",
        "Every open statutory deadline, most at risk first",
        [("Child", "text"), ("Caseworker", "text"), ("Team", "text"), ("Deadline", "text"),
         ("Due", "date"), ("Days left", "int"), ("Status", "text"), ("First because", "text"),
         ("Next step", "text"), ("Source", "text")],
        [
            [r["child_name"], r["caseworker"] or "Not allocated", r["team"] or "", r["title"],
             r["due"], r["days_left"], r.get("status_label") or r["status"],
             ", ".join(r.get("priority_reasons") or ()), r["next_step"], r["source"]]
            for r in rows
        ],
    )  # fmt: skip


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "section", "who", "team", "period", "measure", "count", "out_of", "percent",
)  # fmt: skip


def figure_lines(report: Mapping[str, Any]) -> list[list[Any]]:
    """The report's figures one a row (for a spreadsheet's filters and pivot tables):
    section, who (Service, Team, a caseworker's name), team, period, measure, count,
    out of and percent."""
    period = f"{uk_date(report['from'])} to {uk_date(report['to'])}"
    lines: list[list[Any]] = []

    def add(section: str, who: str, team: str, when: str, measure: str, value: Any) -> None:
        if isinstance(value, Mapping):
            lines.append([section, who, team, when, measure, value["numerator"],
                          value["denominator"], _pct(value["percent"])])  # fmt: skip
        else:
            lines.append([section, who, team, when, measure, value, "", ""])

    for row in statutory_table(report).rows:
        lines.append(["Statutory compliance", row[0], row[1], period, row[2], row[3], row[4],
                      row[5]])  # fmt: skip
    corr = report.get("correspondence")
    measures: tuple[tuple[str, str], ...]
    if corr:
        measures = (
            ("received", "Received"),
            ("completed", "Completed"),
            ("completed_in_time", "Completed within the service standard"),
            ("ongoing", "Ongoing at the end"),
            ("overdue", "Overdue at the end (of ongoing)"),
        )
        groups = [("Service", "", period, corr["totals"])]
        groups += [("Week", "", w["label"], w) for w in corr["weeks"]]
        groups += [(c["label"], "", period, c) for c in corr["by_channel"]]
        groups += [("Team", t["team"], period, t) for t in corr["teams"]]
        groups += [(w["caseworker"], w["team"], period, w) for w in corr["caseworkers"]]
        for who, team, when, values in groups:
            for key, measure in measures:
                add("Correspondence", who, team, when, measure, values[key])
    complaints = report.get("complaints")
    if complaints:
        measures = (
            ("received", "Received"),
            ("closed", "Closed (stage responses sent)"),
            ("within_sla", "Closed within the SLA"),
        )
        groups = [("Service", "", period, complaints["totals"])]
        groups += [("Month", "", m["label"], m) for m in complaints["months"]]
        groups += [(s["label"], "", period, s) for s in complaints["stages"]]
        groups += [("Team", t["team"], period, t) for t in complaints["teams"]]
        groups += [(w["caseworker"], w["team"], period, w) for w in complaints["caseworkers"]]
        for who, team, when, values in groups:
            for key, measure in measures:
                add("Complaints", who, team, when, measure, values[key])
        totals = complaints["totals"]
        add("Complaints", "Service", "", period, "Open at the end", totals["open"])
        add("Complaints", "Service", "", period, "Overdue at the end (of open)", totals["overdue"])
        add("Complaints", "Service", "", period, "Referred to the Ombudsman",
            totals["ombudsman_referrals"])  # fmt: skip
        for cause in complaints["root_causes"]:
            lines.append(["Complaint root causes", "Service", "", period, cause["label"],
                          cause["count"], sum(c["count"] for c in complaints["root_causes"]),
                          cause["percent"]])  # fmt: skip
    callbacks = report.get("callbacks")
    if callbacks:
        for who, team, values in [("Service", "", callbacks["totals"])] + [
            (w["caseworker"], w["team"], w) for w in callbacks["caseworkers"]
        ]:
            for key, measure in (("booked", "Booked"), ("made", "Made"),
                                 ("no_answer", "Tried, no answer"), ("cancelled", "Cancelled"),
                                 ("via_duty", "With the duty officer")):  # fmt: skip
                add("Callbacks", who, team, period, measure, values[key])
            add("Callbacks", who, team, period, "Missed", values["missed_share"])
    return lines


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return uk_date(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # never a formula when a spreadsheet opens it
    return value


def write_csv(
    report: Mapping[str, Any],
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """The figures one a row (:func:`figure_lines`), UTF-8 with a byte-order mark so
    Excel reads names with accents correctly."""
    lines = figure_lines(report)
    steps = _Steps(len(lines), progress, cancelled)
    with atomic_file(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for line in lines:
            writer.writerow([_csv_cell(value) for value in line])
            steps.step()
        steps.check()
    steps.finish()
    return Path(path)


def write_table_csv(
    table: Table,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """One table as it shows (the Reports page's "Export this table")."""
    steps = _Steps(len(table.rows), progress, cancelled)
    with atomic_file(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([heading for heading, _kind in table.columns])
        for row in table.rows:
            writer.writerow([_csv_cell(value) for value in row])
            steps.step()
        steps.check()
    steps.finish()
    return Path(path)


# ---------------------------------------------------------------- XLSX


def write_xlsx(
    tables: Sequence[Table],
    path: Path,
    *,
    about: Sequence[tuple[str, str]] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """A workbook: an "About" sheet (what, when, how counted), then a sheet a table
    with a bold frozen heading row, dates shown dd/mm/yyyy and widths that fit."""
    from openpyxl import Workbook

    steps = _Steps(sum(len(t.rows) for t in tables) + 1, progress, cancelled)
    book = Workbook(write_only=True)
    try:
        _about_sheet(book, tables, about)
        _write_sheets(book, tables, steps)
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


def _about_sheet(book: Any, tables: Sequence[Table], about: Sequence[tuple[str, str]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    sheet = book.create_sheet("About")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    heading = WriteOnlyCell(sheet, value="SEND Desk report")
    heading.font = Font(bold=True, size=14)
    sheet.append([heading])
    for key, value in about:
        label = WriteOnlyCell(sheet, value=key)
        label.font = bold
        text = WriteOnlyCell(sheet, value=_xlsx_value(value))
        text.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([label, text])
    sheet.append([])
    contents = WriteOnlyCell(sheet, value="Sheets")
    contents.font = bold
    sheet.append([contents])
    for table in tables:
        sheet.append([_sheet_name(table.name), table.title])


def _write_sheets(book: Any, tables: Sequence[Table], steps: _Steps) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)
    used: set[str] = {"About"}
    for table in tables:
        name = _sheet_name(table.name)
        while name in used:
            name = name[:28] + f" {len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A3"
        widths = [len(heading) for heading, _kind in table.columns]
        for row in table.rows[:200]:
            for index, value in enumerate(row):
                text = uk_date(value) if isinstance(value, date) else str(value or "")
                widths[index] = max(widths[index], min(len(text), 60))
        for index, width in enumerate(widths):
            sheet.column_dimensions[_column_letter(index)].width = max(8, width + 2)
        caption = WriteOnlyCell(sheet, value=table.title)
        caption.font = bold
        sheet.append([caption])
        header = []
        for heading_text, _kind in table.columns:
            cell = WriteOnlyCell(sheet, value=heading_text)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        kinds = [kind for _heading, kind in table.columns]
        for row in table.rows:
            cells = []
            for value, kind in zip(row, kinds, strict=False):
                cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                if isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif kind == "percent" and value is not None:
                    cell.number_format = "0.0"
                elif isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
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


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value


def _sheet_name(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return cleaned[:31]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# ---------------------------------------------------------------- ICS

# Europe/London since 1996 (EU rules): BST from the last Sunday of March at 01:00 UTC to
# the last Sunday of October at 01:00 UTC. Outlook needs the zone in the file.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
REMINDER_MINUTES = 10


def ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets a line, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, 74  # continuation lines start with a space
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}"]
    if event.day is not None:
        lines += [
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
            "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        ]
    else:
        assert event.start is not None and event.end is not None
        lines += [
            f"DTSTART;TZID=Europe/London:{event.start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/London:{event.end:%Y%m%dT%H%M%S}",
            "TRANSP:OPAQUE",
        ]
    lines += [
        f"SUMMARY:{ics_escape(event.summary)}",
        f"DESCRIPTION:{ics_escape(event.description)}",
        f"CATEGORIES:{ics_escape(event.category)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{ics_escape(event.location)}")
    if event.start is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{ics_escape(event.summary)}",
            f"TRIGGER:-PT{REMINDER_MINUTES}M",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return [fold(line) for line in lines]


def write_ics(
    events: Sequence[CalendarEvent],
    path: Path,
    *,
    name: str = "SEND Desk",
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """An iCalendar file (RFC 5545, CRLF lines, folded) with the London time zone."""
    stamp = _stamp(now or datetime.now(UTC))
    steps = _Steps(len(events), progress, cancelled)
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SEND Desk//Calendar export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        fold(f"X-WR-CALNAME:{ics_escape(name)}"),
        "X-WR-TIMEZONE:Europe/London",
        *_VTIMEZONE,
    ]
    with atomic_file(Path(path), "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join(header) + "\r\n")
        for event in events:
            handle.write("\r\n".join(event_lines(event, stamp)) + "\r\n")
            steps.step()
        handle.write("END:VCALENDAR\r\n")
        steps.check()
    steps.finish()
    return Path(path)


__all__ = [
    "CSV_COLUMNS",
    "ExportCancelled",
    "ExportFailed",
    "Table",
    "deadlines_table",
    "figure_lines",
    "fold",
    "ics_escape",
    "report_tables",
    "write_csv",
    "write_ics",
    "write_table_csv",
    "write_xlsx",
]
