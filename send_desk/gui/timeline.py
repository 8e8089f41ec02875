"""The Timeline tab of the child record: every milestone of the case and what to do.

Each row: status (word, icon and colour), due date, the date it was done, days left,
the milestone, what to do next and its legal source; an exception relied on is shown
with its reason and evidence. The clock's doubts about the events are listed under the
table. From here a caseworker records what happened (the event that completes the
selected milestone is chosen already) or an exception for the selected milestone.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.clock_models import ChildTimeline, TimelineItem
from send_desk.gui.clock_dialogs import ExceptionDialog, RecordEventDialog
from send_desk.gui.clock_models import StatusRowsModel, timeline_model
from send_desk.gui.context import AppContext

EMPTY_TEXT = (
    "<b>Nothing on the timeline yet.</b> The statutory clock starts from the first event "
    "you record. For a new request, record <b>Request for assessment received</b> with "
    "the date the council received it: the 6-week decision and the 20-week final plan "
    "are worked out from it. For a child who moved in with a plan, record <b>Plan "
    "transferred in from another council</b> instead. Use <b>Record what happened…</b> "
    "below."
)


def current_row(rows: Sequence[TimelineItem], today: date) -> int | None:
    """The row to open at: the earliest milestone still to do (a missed one first, as
    it is the earliest), else the most recent one due on or before today, else the
    last; None when there are no rows."""
    if not rows:
        return None
    for number, row in enumerate(rows):
        if row.done is None and not row.info:
            return number
    past = [number for number, row in enumerate(rows) if row.due <= today]
    return past[-1] if past else len(rows) - 1


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TimelineTab(QWidget):
    """``loaded`` after each load; ``recorded(child_id)`` after an event is saved."""

    loaded = Signal(str)
    recorded = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.child_id: str | None = None
        self.dialog: RecordEventDialog | ExceptionDialog | None = None
        self.last_warnings: list[str] = []
        self.setAccessibleName("Timeline of statutory deadlines")

        self.model: StatusRowsModel[TimelineItem] = timeline_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Statutory milestones, earliest due first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 88, 88, 160, 300, 440)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.record_event())

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("The selected milestone")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Events to check")
        self.warnings.setObjectName("clockWarnings")
        self.warnings.setStyleSheet(
            "#clockWarnings { border: 1px solid palette(mid); border-left: 5px solid #ef6c00; "
            "border-radius: 4px; padding: 6px 8px; }"
        )
        self.warnings.hide()
        # a new child has no milestones yet: say what to record first, not an empty grid
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyTimeline")
        self.empty.setAccessibleName("Nothing on the timeline yet")
        self.empty.setStyleSheet(
            "#emptyTimeline { border: 1px solid palette(mid); border-left: 5px solid #1565c0; "
            "border-radius: 4px; padding: 8px 10px; }"
        )

        self.event_button = QPushButton("Record &what happened…")
        self.event_button.setAccessibleName("Record what happened")
        self.event_button.setToolTip(
            "Record an event; with a milestone selected, the event that completes it"
        )
        self.exception_button = QPushButton("Record an e&xception…")
        self.exception_button.setAccessibleName("Record an exception for the selected milestone")
        self.exception_button.setToolTip(
            "Record why the council could not practicably meet the selected time limit"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.event_button)
        buttons.addWidget(self.exception_button)
        buttons.addStretch(1)
        self.event_button.clicked.connect(self.record_event)
        self.exception_button.clicked.connect(self.record_exception)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)

        # shown instead of the table: the message at the top, the space below it empty
        self.empty_box = QWidget()
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        self.empty_box.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_box, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        self._selection_changed()

    # ---- loading

    def load(self, child_id: str) -> None:
        self.child_id = child_id

        def done(timeline: ChildTimeline) -> None:
            if child_id == self.child_id:
                self._show(timeline)

        def failed(error: BaseException) -> None:
            self.context.show_message(
                f"The timeline could not be worked out: {getattr(error, 'message', error)}"
            )

        clock = self.backend.clock

        def work() -> ChildTimeline:
            return clock.child_timeline(uuid.UUID(child_id))

        self.ops.run(work, done, failed)

    def _show(self, timeline: ChildTimeline) -> None:
        milestones = timeline.items
        self.model.set_rows(milestones)
        self.empty.setVisible(not milestones)
        self.empty_box.setVisible(not milestones)
        self.table.setVisible(bool(milestones))
        self.detail.setVisible(bool(milestones))
        current = current_row(milestones, timeline.today)
        if current is not None:  # open at what is happening now, not the first event
            self.table.selectRow(current)
            self.table.scrollTo(
                self.model.index(current, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        warnings = timeline.warnings
        if warnings:
            items = "".join(f"<li>{_escape(w)}</li>" for w in warnings)
            self.warnings.setText(
                f"<b>Events to check</b><ul style='margin: 2px 0 0 -20px'>{items}</ul>"
            )
        self.warnings.setVisible(bool(warnings))
        if self.child_id is not None:
            self.loaded.emit(self.child_id)
        self._selection_changed()

    def selected(self) -> TimelineItem | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_args: Any) -> None:
        row = self.selected()
        self.exception_button.setEnabled(
            row is not None and bool(row.exception_reasons) and row.done is None
        )
        if row is None:
            self.detail.setText("Select a milestone to see what to do next and record it.")
            return
        text = f"<b>{_escape(row.title)}</b> — {_escape(row.next_step)}"
        claim = row.exception
        if claim:
            text += (
                f"<br>Exception relied on: {_escape(claim.label)} ({_escape(claim.source)})"
                f"; evidence: {_escape(claim.evidence)}"
            )
        text += f"<br><i>{_escape(row.source)}</i>"
        self.detail.setText(text)

    # ---- recording

    def record_event(self) -> None:
        if self.child_id is None:
            return
        row = self.selected()
        milestone = row if row is not None and row.done is None and not row.info else None
        dialog = RecordEventDialog(self.backend, self.ops, self.child_id, milestone, self)
        self._open(dialog)

    def record_exception(self) -> None:
        row = self.selected()
        if self.child_id is None or row is None or not row.exception_reasons:
            return
        self._open(ExceptionDialog(self.backend, self.ops, self.child_id, row, self))

    def _open(self, dialog: RecordEventDialog | ExceptionDialog) -> None:
        self.dialog = dialog
        child_id = self.child_id

        def accepted() -> None:
            self.last_warnings = list(getattr(dialog, "warnings", []) or [])
            if self.last_warnings:
                self.context.show_message("Recorded. Please check: " + " ".join(self.last_warnings))
            if child_id is not None:
                self.recorded.emit(child_id)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
