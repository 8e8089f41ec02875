"""The "SEN2 return" page: check the DfE's return for a census day, then export it.

The census day (the one being prepared, sen2/census.py), the council's LA number and
its answers whether it has a DMO, a DCO and a DSCO (remembered in the settings: they
are the council's, not the year's) are the choices ``send-desk sen2`` takes. *Check*
builds the return in the background with progress; the problems show grouped by rule
(rule, severity, how many), each opening to the children it names, a child's record
one double-click or Enter away; the counts per module beside them. *Export…* writes the
XML when there are no errors, or when only queries remain and the user has ticked that
they have looked at them (the summary then lists the queries sent).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import Backend, ValidationFailed
from send_desk.backend.sen2_api import Cancelled, Progress, Sen2Cancelled
from send_desk.backend.sen2_models import Sen2Check, Sen2Export, Sen2Options
from send_desk.gui.context import AppContext
from send_desk.gui.documents import suggested_path
from send_desk.gui.formatting import sen2_rule, uk_date
from send_desk.gui.progress_op import ProgressOp, run_with_progress
from send_desk.gui.sen2.models import CountsModel, ProblemsModel

OFFICERS = (
    ("dmo", "D&MO", "Designated Medical Officer"),
    ("dco", "DC&O", "Designated Clinical Officer"),
    ("dsco", "DS&CO", "Designated Social Care Officer"),
)
ANSWERS = (("Not answered", ""), ("Y – yes", "Y"), ("N – no", "N"), ("R – recruiting", "R"))


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


class Sen2Page(QWidget):
    checked = Signal()  # a check finished and its problems show
    check_failed = Signal(str)
    exported = Signal(str)  # the file written
    export_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend: Backend = context.backend
        self.ops = context.ops
        self.result: Sen2Check | None = None
        self.op: ProgressOp | None = None
        self._running = False
        self.setAccessibleName("SEN2 return")

        layout = QVBoxLayout(self)
        heading = QLabel("SEN2 return")
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        about = QLabel(
            "The DfE's person-level return for a census day. Check it, put right what it "
            "finds on each child's record, then export the XML for COLLECT."
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addLayout(self._build_choices())

        self.status = QLabel("Not checked yet: choose the census day and press Check.")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.status.text())
        layout.addWidget(self.status)

        self.problems = ProblemsModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.problems)
        self.tree.setAccessibleName("Problems, grouped by rule")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)  # activated does it (Enter as well)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(True)
        self.tree.activated.connect(self._activated)
        self.counts = CountsModel(self)
        self.counts_view = QTableView()
        self.counts_view.setModel(self.counts)
        self.counts_view.setAccessibleName("Counts per module")
        self.counts_view.verticalHeader().hide()
        self.counts_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.counts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(
            self._titled("&Problems (double-click or Enter opens the child)", self.tree)
        )
        split.addWidget(self._titled("Coun&ts per module", self.counts_view))
        split.setStretchFactor(0, 1)
        split.setSizes([820, 240])
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.acknowledge = QCheckBox("I have looked at the &queries")
        self.acknowledge.setToolTip(
            "COLLECT takes a file with queries, and asks about each: tick once you have "
            "read them and decided to send the return as it is."
        )
        self.acknowledge.setEnabled(False)
        self.acknowledge.toggled.connect(self._update_buttons)
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Write the SEN2 XML for COLLECT")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.acknowledge)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.summary, 1)
        layout.addLayout(bottom)

    # ---- building

    def _build_choices(self) -> QHBoxLayout:
        row = QHBoxLayout()
        settings = self.context.settings
        self.census = QDateEdit()
        self.census.setCalendarPopup(True)
        self.census.setDisplayFormat("dd/MM/yyyy")
        census = self.backend.sen2.default_census()
        self.census.setDate(QDate(census.year, census.month, census.day))
        self.census.setAccessibleName("Census day")
        self.census.setToolTip("The census Thursday in January the return is for")
        self.la = QLineEdit(settings.sen2_la)
        self.la.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), self))
        self.la.setMaxLength(3)
        self.la.setPlaceholderText("e.g. 886")
        self.la.setFixedWidth(self.la.fontMetrics().horizontalAdvance("0000000") + 12)
        self.la.setAccessibleName("LA number")
        self.la.setToolTip("The council's three-digit LA number")
        for label, field in (("Census &day:", self.census), ("&LA number:", self.la)):
            row.addWidget(self._label(label, field))
            row.addWidget(field)
        self.officers: dict[str, QComboBox] = {}
        for name, label, what in OFFICERS:
            combo = QComboBox()
            for text, code in ANSWERS:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(settings.sen2_officer(name))))
            combo.setAccessibleName(f"Has a {what}")
            combo.setToolTip(f"Whether the council has a {what}")
            combo.currentIndexChanged.connect(self._choices_changed)
            self.officers[name] = combo
            row.addWidget(self._label(label + ":", combo))
            row.addWidget(combo)
        self.check_button = QPushButton("Chec&k")
        self.check_button.setToolTip("Build the return from the records and list every problem")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        row.addWidget(self.check_button)
        row.addStretch(1)
        self.census.dateChanged.connect(self._choices_changed)
        self.la.textChanged.connect(self._choices_changed)
        self.la.returnPressed.connect(self.run_check)
        return row

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _titled(self, title: str, view: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._label(title, view))
        column.addWidget(view)
        return box

    # ---- choices

    def options(self) -> Sen2Options:
        day = self.census.date()
        return Sen2Options(
            census=date(day.year(), day.month(), day.day()),
            la=self.la.text().strip() or None,
            dmo=self.officers["dmo"].currentData() or None,
            dco=self.officers["dco"].currentData() or None,
            dsco=self.officers["dsco"].currentData() or None,
        )

    def _remember(self) -> None:
        settings = self.context.settings
        settings.sen2_la = self.la.text().strip()
        for name, combo in self.officers.items():
            settings.set_sen2_officer(name, str(combo.currentData() or ""))

    def _stale(self) -> bool:
        return self.result is not None and self.result.options != self.options()

    def _choices_changed(self) -> None:
        if self._stale():
            self._say("The choices changed since the check: press Check again before exporting.")
        self._update_buttons()

    # ---- check

    def run_check(self) -> ProgressOp | None:
        """Check the return for the chosen options in the background; returns the op
        while it runs (None when one is already running or it finished at once)."""
        if self._running:
            return None
        options = self.options()
        self._remember()
        backend = self.backend
        self._running = True
        self._update_buttons()
        self._say("Checking the return…")

        def work(progress: Progress, cancelled: Cancelled) -> Sen2Check:
            return backend.sen2.check(options, progress=progress, cancelled=cancelled)

        def done(result: Sen2Check) -> None:
            self._finished()
            self._show(result)
            self.checked.emit()

        def failed(error: BaseException) -> None:
            self._finished()
            if isinstance(error, Sen2Cancelled):
                message = "Check stopped; nothing changed."
            elif isinstance(error, ValidationFailed):
                message = f"Not checked: {error.message}."
            else:
                message = f"The return could not be checked: {getattr(error, 'message', error)}"
            self._say(message)
            self.check_failed.emit(message)

        op = run_with_progress(
            self.ops,
            self,
            "Checking the SEN2 return",
            "Building the return from the records…",
            work,
            done,
            failed,
        )
        self.op = op if self._running else None
        return self.op

    def _finished(self) -> None:
        self._running = False
        self.op = None
        self._update_buttons()

    def _show(self, result: Sen2Check) -> None:
        self.result = result
        self.problems.set_problems(result.problems)
        self.counts.set_counts(result.counts)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 340))
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)
        if self.problems.rowCount():
            self.tree.setCurrentIndex(self.problems.index(0, 0))
        errors, queries = len(result.errors), len(result.queries)
        census = uk_date(result.options.census)
        period = f"{uk_date(result.period_start)} to {uk_date(result.options.census)}"
        text = (
            f"SEN2 {result.year}, census {census} (events {period}): "
            f"{_plural(errors, 'error')}, {_plural(queries, 'query', 'queries')}. "
        )
        if errors:
            text += "COLLECT would refuse the file: put the errors right, then check again."
        elif queries:
            text += "COLLECT takes the file and asks about each query: read them, then tick."
        else:
            text += "Nothing to put right: the file can be exported."
        self.acknowledge.setChecked(False)
        self.summary.setText("")
        self._say(text)
        self._update_buttons()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _update_buttons(self) -> None:
        result = self.result
        usable = result is not None and not self._running and not self._stale()
        clean = usable and result is not None and not result.errors
        has_queries = clean and result is not None and bool(result.queries)
        self.acknowledge.setEnabled(has_queries)
        self.export_button.setEnabled(clean and (not has_queries or self.acknowledge.isChecked()))
        self.check_button.setEnabled(not self._running)

    # ---- the children

    def _activated(self, index: QModelIndex) -> None:
        child_id = self.problems.child_id(index)
        if child_id is not None:
            self.context.open_child(child_id.hex)  # the record keys children by hex
        elif self.problems.problem(index) is None:  # a rule: open or close its children
            group = index.siblingAtColumn(0)
            self.tree.setExpanded(group, not self.tree.isExpanded(group))

    # ---- export

    def export(self) -> None:
        result = self.result
        if result is None:
            return
        name = f"SEN2_{result.options.la or 'LA'}_{result.year}.xml"
        target, _chosen = QFileDialog.getSaveFileName(
            self, "Save the SEN2 return", suggested_path(name), "SEN2 XML (*.xml)"
        )
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> ProgressOp | None:
        """Write the return checked last to ``target`` (built again from the records);
        returns the op while it runs."""
        result = self.result
        if result is None or self._running:
            return None
        acknowledged = result.queries if self.acknowledge.isChecked() else ()
        backend = self.backend
        self._running = True
        self._update_buttons()

        def work(progress: Progress, cancelled: Cancelled) -> Sen2Export:
            return backend.sen2.export(
                result.options,
                target,
                acknowledged=acknowledged,
                progress=progress,
                cancelled=cancelled,
            )

        def done(written: Sen2Export) -> None:
            self._finished()
            check = written.check
            text = (
                f"Saved {written.path}: {_plural(check.count('persons'), 'person')}, "
                f"{_plural(check.count('plans_active_at_census'), 'plan')} active at census."
            )
            if written.acknowledged:
                rules = Counter(q.rule for q in written.acknowledged)
                looked = "; ".join(f"{sen2_rule(rule)} × {n}" for rule, n in sorted(rules.items()))
                text += f" Sent with the queries looked at: {looked}."
            # the check's line above stays true; what was written is said once, here
            self.summary.setText(text)
            self.summary.setAccessibleName(text)
            self.exported.emit(str(written.path))

        def failed(error: BaseException) -> None:
            self._finished()
            if isinstance(error, Sen2Cancelled):
                message = "Export stopped; nothing was written."
            else:
                message = f"Not exported: {getattr(error, 'message', error)}"
            self._say(message)
            self.summary.setText("")
            self.export_failed.emit(message)

        op = run_with_progress(
            self.ops,
            self,
            "Exporting the SEN2 return",
            "Building and writing the return…",
            work,
            done,
            failed,
        )
        self.op = op if self._running else None
        return self.op


__all__ = ["Sen2Page"]
