"""The service report and its CSV, XLSX and calendar exports for the app
(``backend.reports``).

The report, its tables and the exports' results are typed
(:mod:`send_desk.backend.reports_models`). Exports take ``progress(done, total)`` and
``cancelled()`` so the app shows a progress bar and can stop them; a cancelled export
raises :class:`ExportCancelled` and leaves no file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from send_desk.backend import reports_models
from send_desk.backend.access import StoreAccess
from send_desk.backend.correspondence_api import optional_id
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.reports_models import ServiceReport
from send_desk.reports import exports
from send_desk.reports.calendar import calendar_events
from send_desk.reports.exports import ExportCancelled, ExportFailed
from send_desk.reports.service_figures import about_rows, full_report, open_deadlines
from send_desk.services.standards import standards_for
from send_desk.timeutil import uk_date

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
STEPS = 1000  # progress is reported out of this many steps


class _Phases:
    """Maps the progress of several steps of an export onto one bar of STEPS."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, *weights: int):
        self._progress = progress
        self._cancelled = cancelled
        total = sum(weights)
        self._starts: list[int] = []
        self._spans: list[int] = []
        done = 0
        for weight in weights:
            self._starts.append(STEPS * done // total)
            self._spans.append(STEPS * weight // total)
            done += weight

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled("the export was cancelled; nothing was written")

    def phase(self, index: int) -> Progress:
        start, span = self._starts[index], self._spans[index]

        def report(done: int, total: int) -> None:
            self.check()
            if self._progress is not None:
                self._progress(start + span * done // max(total, 1), STEPS)

        return report


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One of the report's tables: a sheet of the workbook, a table on the page."""

    name: str
    title: str
    columns: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True, slots=True)
class ExportedReport:
    path: Path
    format: str


@dataclass(frozen=True, slots=True)
class ExportedCalendar:
    path: Path
    events: int


class ReportsApi:
    """The service report and its exports."""

    def __init__(
        self,
        access: StoreAccess,
        now: Callable[[], datetime],
        ensure_clock: Callable[[], object] | None = None,
    ) -> None:
        self._access = access
        self._now = now
        self._ensure_clock = ensure_clock

    def _ensure(self) -> None:
        if self._ensure_clock is not None:
            self._ensure_clock()

    def service_report(self, start: date, end: date) -> ServiceReport:
        """The statutory figures with correspondence, complaints and callbacks."""
        if end < start:
            raise ValidationFailed(
                f"the period ends ({uk_date(end)}) before it starts ({uk_date(start)})"
            )
        self._ensure()
        with self._access.read() as session:
            found = full_report(
                session, start, end, today=self._access.today(), now=self._now(),
                standards=standards_for(self._access.paths.root),
            )  # fmt: skip
        return reports_models.service_report(found)

    @staticmethod
    def report_tables(report: ServiceReport) -> list[ReportTable]:
        """The report's tables (name, title, columns, kinds, rows)."""
        return [
            ReportTable(
                name=table.name,
                title=table.title,
                columns=tuple(heading for heading, _kind in table.columns),
                kinds=tuple(kind for _heading, kind in table.columns),
                rows=tuple(tuple(row) for row in table.rows),
            )
            for table in exports.report_tables(report.figures_data)
        ]

    def export_report(
        self,
        report: ServiceReport,
        path: str | Path,
        fmt: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportedReport:
        """Write the report as ``csv`` (one figure a row) or ``xlsx`` (a sheet a table,
        with every open statutory deadline). Raises ExportCancelled, or ExportFailed
        with a plain message."""
        target = Path(path)
        if fmt == "csv":
            phases = _Phases(progress, cancelled, 1)
            exports.write_csv(
                report.figures_data, target, progress=phases.phase(0), cancelled=cancelled
            )
        elif fmt == "xlsx":
            phases = _Phases(progress, cancelled, 1, 4)
            phases.check()
            with self._access.read() as session:
                # the report's one date, not the clock's at export time
                deadlines = open_deadlines(session, today=self._access.today(), as_of=report.as_of)
            phases.phase(0)(1, 1)
            tables = [
                *exports.report_tables(report.figures_data),
                exports.deadlines_table(deadlines, as_of=report.as_of),
            ]
            about = about_rows(report.figures_data, standards_for(self._access.paths.root))
            exports.write_xlsx(
                tables, target, about=about, progress=phases.phase(1), cancelled=cancelled
            )
        else:
            raise ValidationFailed(f"'{fmt}' is not an export format (csv or xlsx)")
        return ExportedReport(target, fmt)

    def export_calendar(
        self,
        path: str | Path,
        *,
        caseworker_id: str | uuid.UUID | None = None,
        name: str = "",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportedCalendar:
        """Review meetings, callbacks and deadlines as an .ics file (one caseworker's,
        or everyone's)."""
        phases = _Phases(progress, cancelled, 2, 3)
        self._ensure()
        phases.check()
        with self._access.read() as session:
            events = calendar_events(
                session,
                today=self._access.today(),
                caseworker_id=optional_id(caseworker_id),
                progress=phases.phase(0),
            )
        written = exports.write_ics(
            events,
            Path(path),
            name=name or "SEND Desk",
            progress=phases.phase(1),
            cancelled=cancelled,
        )
        return ExportedCalendar(Path(written), len(events))


__all__ = [
    "ExportCancelled",
    "ExportFailed",
    "ExportedCalendar",
    "ExportedReport",
    "ReportTable",
    "ReportsApi",
    "ServiceReport",
]
