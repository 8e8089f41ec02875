"""The Supervision page's Trends tab: audit grades by month and the criteria most often
failed, as charts and a table per caseworker, for a team or a caseworker, and the report
for a service standards board saved as PDF or XLSX.

A caseworker sees their own trends; a supervisor or an administrator chooses the team
and the caseworker.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.caseload_models import CaseloadOptions
from send_desk.backend.correspondence import ExportFailed
from send_desk.backend.supervision_models import AuditTrends, ReportWritten, TrendQuery, TrendRow
from send_desk.gui.charts import fill_bar_chart, make_chart
from send_desk.gui.documents import documents_folder
from send_desk.gui.formatting import grade_colours, in_sentence
from send_desk.gui.items_model import ItemsModel
from send_desk.timeutil import month_start

if TYPE_CHECKING:
    from send_desk.backend.user_models import Me
    from send_desk.gui.context import AppContext

MONTHS_SHOWN = 6
CRITERIA_CHARTED = 8


def _short_month(month: str) -> str:
    year, number = month.split("-")
    return date(int(year), int(number), 1).strftime("%b %y")


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.0%}"


class TrendsTab(QWidget):
    """Emits ``loaded(trends)`` when figures are on screen, ``exported(path)`` after a save."""

    loaded = Signal(object)  # AuditTrends
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.trends: AuditTrends | None = None
        self.save_path = self._ask_path  # tests replace it
        today = self.backend.today()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.start = QLineEdit(f"{month_start(today, MONTHS_SHOWN - 1):%Y-%m}")
        self.start.setAccessibleName("From month (YYYY-MM)")
        self.end = QLineEdit(f"{today:%Y-%m}")
        self.end.setAccessibleName("To month (YYYY-MM)")
        for edit in (self.start, self.end):
            edit.setMaximumWidth(90)
            edit.returnPressed.connect(self.show_trends)
        self.team = QComboBox()
        self.team.setAccessibleName("Team")
        self.caseworker = QComboBox()
        self.caseworker.setAccessibleName("Caseworker")
        self.caseworker.setMinimumContentsLength(16)
        # what was audited: case notes or EHC plans (each has its own trend lines)
        self.subject = QComboBox()
        self.subject.setAccessibleName("Audits of")
        self.subject.addItem("Case notes", "note")
        self.subject.addItem("EHC plans", "plan")
        self.subject.currentIndexChanged.connect(lambda _i: self.show_trends())
        self.show_button = QPushButton("S&how")
        self.show_button.clicked.connect(self.show_trends)
        self.pdf_button = QPushButton("Save &PDF…")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton("Save &XLSX…")
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        for label, widget in (("Audits of", self.subject), ("From", self.start),
                              ("To", self.end), ("Team", self.team),
                              ("Caseworker", self.caseworker)):  # fmt: skip
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        for button in (self.show_button, self.pdf_button, self.xlsx_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel("Choose the months and press Show.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        charts = QSplitter(Qt.Orientation.Horizontal)
        self.grades_chart, grades_view = make_chart("Overall grades by month")
        self.criteria_chart, criteria_view = make_chart("Criteria most often failed (%)")
        charts.addWidget(grades_view)
        charts.addWidget(criteria_view)
        charts.setSizes([1, 1])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        self.model: ItemsModel[TrendRow] = ItemsModel(
            [("Caseworker", lambda r: r.caseworker), ("Team", lambda r: r.team),
             ("Audits", lambda r: r.total),
             *((grade.label, lambda r, g=grade.code: r.counts[g]) for grade in
               self.backend.supervision.grades()),
             ("Good or better", lambda r: _percent(r.good_or_better_rate)),
             ("Most often failed", self._most_failed_text)],
            self,
        )  # fmt: skip
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Each caseworker's audits")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setTabKeyNavigation(False)
        split.addWidget(self.view)
        split.setSizes([3, 2])
        layout.addWidget(split, 1)
        self._set_saving(False)

    # ---------------------------------------------------------------- scope

    def _mine_only(self) -> Me | None:
        me = self.backend.me()
        return me if me and me.is_caseworker else None

    def fill_scope(self, options: CaseloadOptions) -> None:
        """The team and caseworker choices (a caseworker: only themselves)."""
        mine = self._mine_only()
        for combo in (self.team, self.caseworker):
            combo.blockSignals(True)
            combo.clear()
        if mine:
            self.team.addItem(mine.team or "Your team", "")
            self.caseworker.addItem(mine.name, mine.username)
        else:
            self.team.addItem("All teams", "")
            for team in options.teams:
                self.team.addItem(team.name, team.name)
            self.caseworker.addItem("Everyone", "")
            for worker in options.caseworkers:
                self.caseworker.addItem(f"{worker.name} ({worker.team})", worker.username)
        for combo in (self.team, self.caseworker):
            combo.setEnabled(not mine)
            combo.blockSignals(False)

    def page_shown(self) -> None:
        if self.team.count() == 0:
            self.ops.run(self.backend.caseload.caseload_options, self._scope_ready, self._failed)
        else:
            self.show_trends()

    def _scope_ready(self, options: CaseloadOptions) -> None:
        self.fill_scope(options)
        self.show_trends()

    # ---------------------------------------------------------------- figures

    def show_trends(self) -> None:
        start, end = self.start.text().strip(), self.end.text().strip()
        team, caseworker = self.team.currentData() or None, self.caseworker.currentData() or None

        subject = str(self.subject.currentData() or "note")
        query = TrendQuery(start, end, team=team, caseworker=caseworker, subject=subject)
        supervision = self.backend.supervision
        self.ops.run(lambda: supervision.trends(query), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None) or str(error)
        self.summary.setText(f"The trends could not be shown: {message}")
        self.summary.setAccessibleName(self.summary.text())
        self.context.show_message(f"Trends: {message}")
        self.failed.emit(message)

    def _most_failed_text(self, row: TrendRow) -> str:
        labels = self.trends.criterion_labels if self.trends is not None else {}
        return "; ".join(labels.get(c, c) for c in row.most_failed)

    def _show(self, trends: AuditTrends) -> None:
        self.trends = trends
        service = trends.service
        scope = trends.caseworker or (f"team {trends.team}" if trends.team else "")
        what = "plan audit" if trends.query.subject == "plan" else "audit"
        head = f"{service.total} {what}{'s' if service.total != 1 else ''}"
        head += f" from {trends.start} to {trends.end}" + (f", {scope}" if scope else "")
        if service.total:
            head += f": good or better {_percent(service.good_or_better_rate)}"
            if trends.criteria and trends.criteria[0].failed:
                top = trends.criteria[0]
                head += (f". Most often failed: {in_sentence(top.label)} "
                         f"({top.failed} of {top.assessed})")  # fmt: skip
        head += ". " + " ".join(m[:1].upper() + m[1:] + "." for m in trends.messages)
        self.summary.setText(head.strip())
        self.summary.setAccessibleName(self.summary.text())
        grades = self.backend.supervision.grades()
        colours = grade_colours()
        fill_bar_chart(
            self.grades_chart,
            [_short_month(m.month) for m in service.by_month],
            [(g.label, [m.counts[g.code] for m in service.by_month]) for g in grades],
            stacked=True,
            colours=[colours[g.code] for g in grades],
        )
        failing = [c for c in trends.criteria if c.failed][:CRITERIA_CHARTED]
        failing.reverse()  # the most often failed at the top of a horizontal chart
        fill_bar_chart(
            self.criteria_chart,
            [c.label for c in failing],
            [("Failed", [round(c.rate * 100, 1) for c in failing])],
            horizontal=True,
            suffix="%",
            wrap=26,
        )
        self.model.set_rows(trends.caseworkers)
        self.view.resizeColumnsToContents()
        self._set_saving(True)
        self.loaded.emit(trends)

    # ---------------------------------------------------------------- saving

    def _set_saving(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    def _ask_path(self, fmt: str, suggested: str) -> str:
        folder = documents_folder()
        pattern = "PDF (*.pdf)" if fmt == "pdf" else "Excel workbook (*.xlsx)"
        target, _chosen = QFileDialog.getSaveFileName(
            self, "Save the audit report", str(folder / suggested), pattern
        )
        return target

    def save(self, fmt: str) -> None:
        trends = self.trends
        if trends is None:
            self.context.show_message("Show the trends first.")
            return
        what = "Plan audits" if trends.query.subject == "plan" else "Case-note audits"
        target = self.save_path(fmt, f"{what} {trends.start} to {trends.end}.{fmt}")
        if not target:
            return

        def done(result: ReportWritten) -> None:
            self.summary.setText(f"Saved {result.path}.")
            self.summary.setAccessibleName(self.summary.text())
            self.exported.emit(result.path)

        def failed(error: BaseException) -> None:
            message = error.message if isinstance(error, ExportFailed) else str(error)
            self.summary.setText(f"The report was not saved: {message}")
            self.summary.setAccessibleName(self.summary.text())
            self.failed.emit(message)

        supervision, query = self.backend.supervision, trends.query
        self.ops.run(lambda: supervision.export_report(query, target, fmt), done, failed)
