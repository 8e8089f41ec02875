"""The Reports page: compliance and service figures for a period, with charts, and
exports to CSV, Excel and a calendar file.

The statutory figures come from the clock (per team and caseworker); correspondence is
shown week by week (completed, and ongoing at the end of the week, with how many were
overdue), complaints month by month (received, closed, closed within the SLA) with their
root causes, and callbacks per caller. Exports run in the background with a progress
bar and a Cancel button; a cancelled export writes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.correspondence import ExportCancelled, ExportFailed
from send_desk.backend.reports_api import ExportedCalendar, ExportedReport, ReportTable
from send_desk.backend.reports_models import Figure, ServiceReport
from send_desk.gui.charts import fill_bar_chart, fill_pie_chart, make_chart
from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_page import table
from send_desk.gui.dialogs import pydate, qdate
from send_desk.gui.documents import documents_folder
from send_desk.gui.progress_op import ProgressOp, run_with_progress
from send_desk.gui.rows_model import ROW_ROLE, read_only_flags, text_of

Index = QModelIndex | QPersistentModelIndex
PRESETS = (
    ("last_12_weeks", "Last 12 weeks"),
    ("this_month", "This month"),
    ("last_month", "Last month"),
    ("school_year", "This school year"),
    ("last_12_months", "Last 12 months"),
    ("custom", "Dates chosen"),
)
# Colours that read on light and dark backgrounds; every chart also has a table.
SHORT_TITLES = {
    "plans_within_20_weeks": "Plans in 20 weeks",
    "plans_within_20_weeks_excluding_exceptions": "Plans in 20 weeks (no exceptions)",
    "decisions_to_assess_within_6_weeks": "Decisions to assess in 6 weeks",
    "review_decisions_within_4_weeks": "Review decisions in 4 weeks",
    "annual_reviews_overdue": "Annual reviews overdue",
    "phase_transfers_at_risk": "Phase transfers at risk",
}


def preset_period(key: str, today: date) -> tuple[date, date]:
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if key == "school_year":
        year = today.year if today.month >= 9 else today.year - 1
        return date(year, 9, 1), today
    if key == "last_12_months":
        return date(today.year - 1, today.month, 1), today
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=11), today


class ReportTableModel(QAbstractTableModel):
    """One table of the report (plain rows of values with a kind per column)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[str] = []
        self.kinds: list[str] = []
        self.rows: list[list[Any]] = []
        self.name = ""

    def set_table(self, data: ReportTable | None) -> None:
        self.beginResetModel()
        self.name = data.name if data else ""
        self.columns = list(data.columns) if data else []
        self.kinds = list(data.kinds) if data else []
        self.rows = [list(row) for row in data.rows] if data else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def _text(self, value: Any, kind: str) -> str:
        if value is None or value == "":
            return "–" if kind in ("percent", "int") else ""
        if kind == "percent":
            return f"{value:.1f}%"
        if kind == "int" and isinstance(value, int):
            return f"{value:,}"
        return text_of(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        value = self.rows[index.row()][index.column()]
        kind = self.kinds[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(value, kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(value, kind)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in ("int", "percent"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == ROW_ROLE:
            return self.rows[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)


class ReportsPage(QWidget):
    """Emits ``loaded()`` when a report is on screen, ``exported(path)`` after an export
    and ``export_failed(message)`` when one stopped (cancelled or failed)."""

    loaded = Signal()
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.report: ServiceReport | None = None
        self.tables: dict[str, ReportTable] = {}
        self.export_op: ProgressOp | None = None
        self._generation = 0
        self.setAccessibleName("Reports")

        self.title = QLabel("Reports")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.preset = QComboBox()
        self.preset.setAccessibleName("Period")
        for key, label in PRESETS:
            self.preset.addItem(label, key)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit, name in ((self.start_edit, "From"), (self.end_edit, "To")):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.refresh_button = QPushButton("&Show")
        self.refresh_button.setAccessibleName("Show the report for these dates")
        self.csv_button = QPushButton("Export &CSV…")
        self.xlsx_button = QPushButton("Export &Excel…")
        self.ics_scope = QComboBox()
        self.ics_scope.setAccessibleName("Whose calendar")
        self.ics_scope.addItem("My calendar", "mine")
        self.ics_scope.addItem("Everyone's", "all")
        self.ics_button = QPushButton("Ca&lendar (.ics)…")
        self.ics_button.setToolTip(
            "Review meetings, callbacks and deadlines, for Outlook or any calendar"
        )
        for button in (self.csv_button, self.xlsx_button, self.ics_button):
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))
        self.status = QLabel("")
        self.status.setAccessibleName("Report status")
        self.status.setWordWrap(True)

        # headline figures
        self.cards = QGridLayout()
        self.card_labels: dict[str, QLabel] = {}
        for column, (key, title) in enumerate(
            (
                ("plans", "EHC plans within 20 weeks"),
                ("answered", "Correspondence answered in time"),
                ("overdue", "Correspondence overdue now"),
                ("complaints", "Complaints closed within SLA"),
                ("callbacks", "Callbacks missed"),
            )
        ):
            frame = QFrame()
            frame.setObjectName("figureCard")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setStyleSheet(
                "#figureCard { border: 1px solid palette(mid); border-radius: 6px; "
                "background: palette(alternate-base); }"
            )
            inner = QVBoxLayout(frame)
            value = QLabel("–")
            value_font = value.font()
            value_font.setPointSizeF(value_font.pointSizeF() * 1.7)
            value_font.setBold(True)
            value.setFont(value_font)
            caption = QLabel(title)
            caption.setWordWrap(True)
            inner.addWidget(value)
            inner.addWidget(caption)
            value.setAccessibleName(title)
            self.card_labels[key] = value
            self.cards.addWidget(frame, 0, column)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the report")
        self.models: dict[str, ReportTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self.charts: dict[str, QChart] = {}

        statutory_chart, statutory_view = self._make_chart("statutory", "Statutory compliance (%)")
        self.tabs.addTab(
            self._split(statutory_view, self._table_view("Statutory compliance")),
            "&Statutory compliance",
        )
        corr_chart, corr_view = self._make_chart("weeks", "Correspondence week by week")
        corr_tabs = QTabWidget()
        corr_tabs.addTab(self._table_view("Correspondence by week"), "Week by week")
        corr_tabs.addTab(self._table_view("Overdue correspondence"), "Overdue items")
        corr_tabs.addTab(self._table_view("Correspondence by channel"), "By channel")
        corr_tabs.addTab(self._table_view("Correspondence by caseworker"), "By caseworker")
        self.tabs.addTab(self._split(corr_view, corr_tabs), "C&orrespondence")
        months_chart, months_view = self._make_chart("months", "Complaints month by month")
        causes_chart, causes_view = self._make_chart("causes", "Root causes")
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(months_view)
        charts.addWidget(causes_view)
        complaint_tabs = QTabWidget()
        complaint_tabs.addTab(self._table_view("Complaints by month"), "Month by month")
        complaint_tabs.addTab(self._table_view("Complaint root causes"), "Root causes")
        complaint_tabs.addTab(self._table_view("Complaint outcomes"), "Outcomes")
        complaint_tabs.addTab(self._table_view("Complaints by caseworker"), "By caseworker")
        self.tabs.addTab(self._split(charts, complaint_tabs), "Co&mplaints")
        self.tabs.addTab(self._table_view("Callbacks"), "Call&backs")

        period = QHBoxLayout()
        period.addWidget(self.title)
        period.addStretch(1)
        period_label = QLabel("&Period")
        period_label.setBuddy(self.preset)
        period.addWidget(period_label)
        period.addWidget(self.preset)
        period.addWidget(QLabel("from"))
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end_edit)
        period.addWidget(self.refresh_button)
        exports_row = QHBoxLayout()
        exports_row.addWidget(self.status, 1)
        exports_row.addWidget(self.csv_button)
        exports_row.addWidget(self.xlsx_button)
        exports_row.addWidget(self.ics_scope)
        exports_row.addWidget(self.ics_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(period)
        layout.addLayout(self.cards)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(exports_row)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.ics_button.clicked.connect(lambda: self._ask_export("ics"))
        self._set_exports(False)
        self._preset_changed()
        del statutory_chart, corr_chart, months_chart, causes_chart

    # ---- building

    def _make_chart(self, key: str, title: str) -> tuple[QChart, QChartView]:
        chart, view = make_chart(title)
        self.charts[key] = chart
        return chart, view

    def _table_view(self, name: str) -> QTableView:
        model = ReportTableModel(self)
        view = table(name, model)
        self.models[name] = model
        self.views[name] = view
        return view

    @staticmethod
    def _split(top: QWidget, bottom: QWidget) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        return split

    # ---- period

    def _preset_changed(self, *_args: Any) -> None:
        key = self.preset.currentData()
        if key == "custom":
            return
        start, end = preset_period(key, self.backend.today())
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)

    def _dates_edited(self, *_args: Any) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)

    def period(self) -> tuple[date, date]:
        return pydate(self.start_edit.date()), pydate(self.end_edit.date())

    def set_period(self, start: date, end: date) -> None:
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(end))

    # ---- loading

    def page_shown(self) -> None:
        if self.report is None:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        start, end = self.period()
        self.status.setText(f"Working out the figures for {text_of(start)} to {text_of(end)}…")
        backend = self.backend

        def work() -> tuple[ServiceReport, list[ReportTable]]:
            report = backend.reports.service_report(start, end)
            return report, backend.reports.report_tables(report)

        def done(data: tuple[ServiceReport, list[ReportTable]]) -> None:
            if generation == self._generation:
                self._show(*data)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                message = getattr(error, "message", str(error))
                self.status.setText(f"The report could not be made: {message}")
                self.context.show_message(f"The report could not be made: {message}")

        self.ops.run(work, done, failed)

    def _show(self, report: ServiceReport, tables: list[ReportTable]) -> None:
        self.report = report
        self.tables = {t.name: t for t in tables}
        for name, model in self.models.items():
            model.set_table(self.tables.get(name))
            self.views[name].resizeColumnsToContents()
        self._cards(report)
        self._charts(report)
        self.status.setText(
            f"{text_of(report.start)} to {text_of(report.end)}, position on "
            f"{text_of(report.as_of)}."
        )
        self.status.setAccessibleName(self.status.text())
        self._set_exports(True)
        self.loaded.emit()

    def _cards(self, report: ServiceReport) -> None:
        def pct(figure: Figure) -> str:
            if figure.percent is None:
                return "–"
            return f"{figure.percent:.0f}%  ({figure.numerator:,} of {figure.denominator:,})"

        plans = next(f for f in report.figures if f.key == "plans_within_20_weeks")
        values = {
            "plans": pct(plans),
            "answered": pct(report.answered_in_time),
            "overdue": pct(report.overdue),
            "complaints": pct(report.complaints_within_sla),
            "callbacks": pct(report.callbacks_missed),
        }
        for key, text in values.items():
            label = self.card_labels[key]
            label.setText(text)
            label.setAccessibleDescription(text)

    def _charts(self, report: ServiceReport) -> None:
        # a horizontal chart draws its first category at the bottom: reverse, so the
        # figures read top to bottom in the table's order
        figures = list(reversed(report.figures))
        fill_bar_chart(
            self.charts["statutory"],
            [SHORT_TITLES.get(figure.key, figure.title) for figure in figures],
            [("Service", [figure.percent or 0 for figure in figures])],
            horizontal=True,
            maximum=100,
            suffix="%",
        )
        weeks = report.weeks
        fill_bar_chart(
            self.charts["weeks"],
            [w.week_starting.strftime("%d/%m") for w in weeks],
            [
                ("Received", [w.received for w in weeks]),
                ("Completed", [w.completed for w in weeks]),
                ("Ongoing at the end of the week", [w.ongoing for w in weeks]),
                ("Overdue at the end of the week", [w.overdue.numerator for w in weeks]),
            ],
        )
        months = report.months
        fill_bar_chart(
            self.charts["months"],
            [m.month.strftime("%b %Y") for m in months],
            [
                ("Received", [m.received for m in months]),
                ("Closed", [m.closed for m in months]),
                ("Closed within SLA", [m.within_sla.numerator for m in months]),
            ],
        )
        fill_pie_chart(self.charts["causes"], [(c.label, c.count) for c in report.root_causes])

    # ---- exports

    def _set_exports(self, enabled: bool) -> None:
        for button in (self.csv_button, self.xlsx_button):
            button.setEnabled(enabled and self.export_op is None)
        self.ics_button.setEnabled(self.export_op is None)

    def _ask_export(self, fmt: str) -> None:
        start, end = self.period()
        names = {
            "csv": (f"SEND report {start:%Y-%m-%d} to {end:%Y-%m-%d}.csv", "CSV (*.csv)"),
            "xlsx": (f"SEND report {start:%Y-%m-%d} to {end:%Y-%m-%d}.xlsx",
                     "Excel workbook (*.xlsx)"),
            "ics": ("SEND Desk calendar.ics", "Calendar (*.ics)"),
        }  # fmt: skip
        suggested, pattern = names[fmt]
        folder = documents_folder()
        target, _chosen = QFileDialog.getSaveFileName(
            self, "Save the export", str(folder / suggested), pattern
        )
        if target:
            self.export_to(fmt, target)

    def export_to(self, fmt: str, target: str) -> ProgressOp | None:
        """Run one export to ``target`` with a progress bar; returns the running op."""
        if self.export_op is not None:
            return None
        backend = self.backend
        report = self.report
        if fmt in ("csv", "xlsx") and report is None:
            self.status.setText("Show a report first.")
            return None
        me = backend.me()
        mine = me if self.ics_scope.currentData() == "mine" else None
        labels = {"csv": "Writing the CSV file…", "xlsx": "Writing the Excel workbook…",
                  "ics": "Writing the calendar…"}  # fmt: skip

        def work(progress: Any, cancelled: Any) -> ExportedCalendar | ExportedReport:
            if fmt == "ics":
                name = f"SEND Desk – {mine.name}" if mine else "SEND Desk – everyone"
                return backend.reports.export_calendar(
                    target, caseworker_id=mine.id if mine else None, name=name,
                    progress=progress, cancelled=cancelled,
                )  # fmt: skip
            assert report is not None
            return backend.reports.export_report(
                report, target, fmt, progress=progress, cancelled=cancelled
            )

        finished = []

        def done(result: ExportedCalendar | ExportedReport) -> None:
            finished.append(True)
            self.export_op = None
            self._set_exports(self.report is not None)
            extra = f" ({result.events:,} events)" if isinstance(result, ExportedCalendar) else ""
            self.status.setText(f"Saved {result.path}{extra}.")
            self.status.setAccessibleName(self.status.text())
            self.exported.emit(str(result.path))

        def failed(error: BaseException) -> None:
            finished.append(False)
            self.export_op = None
            self._set_exports(self.report is not None)
            if isinstance(error, ExportCancelled):
                message = "Export cancelled; nothing was written."
            elif isinstance(error, ExportFailed):
                message = f"The export was not saved: {error.message}"
                self.context.show_message(message)
            else:
                message = f"The export was not saved: {getattr(error, 'message', error)}"
                self.context.show_message(message)
            self.status.setText(message)
            self.export_failed.emit(message)

        self.status.setText(labels[fmt])
        op = run_with_progress(self.ops, self, "Exporting", labels[fmt], work, done, failed)
        if not finished:  # still running (in the app; tests run it at once)
            self.export_op = op
            self._set_exports(False)
        return op


__all__ = ["PRESETS", "ReportTableModel", "ReportsPage", "preset_period"]
