"""The backend's service report and its CSV, XLSX and calendar exports."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.backend.callbacks_complaints import _id
from send_desk.backend.errors import ValidationFailed
from send_desk.reports import exports
from send_desk.reports.calendar import calendar_events
from send_desk.reports.exports import ExportCancelled
from send_desk.reports.service_figures import about_rows, full_report, open_deadlines
from send_desk.services.standards import Standards
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


class ServiceReportsMixin:
    """The service report and its exports (part of CorrespondenceMixin)."""

    _read: Any
    _today: Callable[[], date]

    if TYPE_CHECKING:

        def now(self) -> datetime: ...

        def standards(self) -> Standards: ...

    # ------------------------------------------------------------ reports

    def service_report(self, start: date, end: date) -> dict[str, Any]:
        """The statutory figures with correspondence, complaints and callbacks."""
        if end < start:
            raise ValidationFailed(
                f"the period ends ({uk_date(end)}) before it starts ({uk_date(start)})"
            )
        ensure = getattr(self, "ensure_clock", None)
        if ensure is not None:
            ensure()
        with self._read() as session:
            found: dict[str, Any] = full_report(
                session, start, end, today=self._today(), now=self.now(),
                standards=self.standards(),
            )  # fmt: skip
            return found

    @staticmethod
    def report_tables(report: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The report's tables as plain data (name, title, columns, kinds, rows)."""
        return [
            {
                "name": table.name,
                "title": table.title,
                "columns": [heading for heading, _kind in table.columns],
                "kinds": [kind for _heading, kind in table.columns],
                "rows": table.rows,
            }
            for table in exports.report_tables(report)
        ]

    def export_report(
        self,
        report: Mapping[str, Any],
        path: str | Path,
        fmt: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> dict[str, Any]:
        """Write the report as ``csv`` (one figure a row) or ``xlsx`` (a sheet a table,
        with every open statutory deadline). Raises ExportCancelled, or ExportFailed
        with a plain message."""
        target = Path(path)
        if fmt == "csv":
            phases = _Phases(progress, cancelled, 1)
            exports.write_csv(report, target, progress=phases.phase(0), cancelled=cancelled)
        elif fmt == "xlsx":
            phases = _Phases(progress, cancelled, 1, 4)
            phases.check()
            with self._read() as session:
                # the report's one date, not the clock's at export time
                deadlines = open_deadlines(session, today=self._today(), as_of=report["as_of"])
            phases.phase(0)(1, 1)
            tables = [
                *exports.report_tables(report),
                exports.deadlines_table(deadlines, as_of=report["as_of"]),
            ]
            exports.write_xlsx(
                tables, target, about=about_rows(report, self.standards()),
                progress=phases.phase(1), cancelled=cancelled,
            )  # fmt: skip
        else:
            raise ValidationFailed(f"'{fmt}' is not an export format (csv or xlsx)")
        return {"path": str(target), "format": fmt}

    def export_calendar(
        self,
        path: str | Path,
        *,
        caseworker_id: str | None = None,
        name: str = "",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> dict[str, Any]:
        """Review meetings, callbacks and deadlines as an .ics file (one caseworker's,
        or everyone's)."""
        phases = _Phases(progress, cancelled, 2, 3)
        ensure = getattr(self, "ensure_clock", None)
        if ensure is not None:
            ensure()
        phases.check()
        with self._read() as session:
            events = calendar_events(
                session,
                today=self._today(),
                caseworker_id=_id(caseworker_id),
                progress=phases.phase(0),
            )
        written = exports.write_ics(
            events,
            Path(path),
            name=name or "SEND Desk",
            progress=phases.phase(1),
            cancelled=cancelled,
        )
        return {"path": str(written), "events": len(events)}
