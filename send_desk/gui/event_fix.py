"""The child record's Events tab: the events table, and correcting or withdrawing an
event recorded by mistake (a new version with a reason, or withdrawn with a reason;
nothing is deleted, see :mod:`send_desk.services.event_corrections`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import Backend
from send_desk.backend.caseload_models import CaseEvent
from send_desk.backend.clock_models import EventCorrection
from send_desk.backend.errors import ServiceError
from send_desk.backend.labels import event_label, event_title
from send_desk.gui.formatting import event_details_text
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.ops import Ops
from send_desk.timeutil import uk_date

log = logging.getLogger(__name__)


class EventFixDialog(QDialog):
    """Correct an event's date and evidence, or withdraw it; a reason either way."""

    def __init__(
        self,
        event: CaseEvent,
        *,
        withdraw: bool,
        today: date,
        ops: Ops,
        work: Callable[[EventFixDialog], Callable[[], Sequence[str]]],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.withdraw = withdraw
        self.ops = ops
        self.work = work
        self.warnings: list[str] = []
        when = event.date
        self.setWindowTitle("Withdraw an event" if withdraw else "Correct an event")
        self.setMinimumWidth(480)  # the reason's hint and the evidence read whole
        layout = QVBoxLayout(self)
        what = QLabel(
            f"<b>{event_label(event.type)}</b> recorded for {uk_date(when)}.<br>"
            + (
                "A withdrawn event stays on the record, marked withdrawn, and no longer "
                "counts for any deadline."
                if withdraw
                else "The correction is kept as a new version; the old values stay on record."
            )
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate(when.year, when.month, when.day))
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.evidence_edit = QLineEdit(event.evidence or "")
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason")
        self.reason_edit.setPlaceholderText("Why: it stays on the record with the change")
        if not withdraw:
            form.addRow("&Date it happened", self.date_edit)
            form.addRow("E&vidence", self.evidence_edit)
        form.addRow("&Reason", self.reason_edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Withdraw" if withdraw else "&Save correction")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.original = event
        self.reason_edit.setFocus()

    def changes(self) -> EventCorrection:
        """The date and evidence as changed (None where left as they were)."""
        picked = self.date_edit.date().toPython()
        assert isinstance(picked, date)
        evidence = self.evidence_edit.text().strip()
        return EventCorrection(
            date=picked if picked != self.original.date else None,
            evidence=evidence if evidence != (self.original.evidence or "") else None,
        )

    def save(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self.ops.run(self.work(self), self._saved, self._failed)

    def _saved(self, warnings: Sequence[str]) -> None:
        self.buttons.setEnabled(True)
        self.warnings = list(warnings)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ServiceError):
            self.error.setText(error.message)
        else:
            # never let an unexpected error escape a slot: log it, keep the dialog open
            log.error("correcting an event failed", exc_info=error)
            self.error.setText("The change could not be saved; nothing was changed.")
        self.error.show()
        self.adjustSize()  # room for the message: the fields above keep their height


class EventsTab(QWidget):
    """The statutory events, newest first, with Correct and Withdraw."""

    changed = Signal(str)

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        table: Callable[[str, QAbstractItemModel], QTableView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id = ""
        self.model = ItemsModel[CaseEvent](
            [
                ("Date", lambda e: e.date),
                ("Event", event_title),
                ("Details", lambda e: event_details_text(e.type, e.details)),
                ("Evidence", lambda e: e.evidence),
            ],
            self,
        )
        self.view = table("Statutory events", self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.correct_button = QPushButton("Co&rrect event…")
        self.correct_button.setToolTip("Fix the date or evidence of an event recorded wrongly")
        self.withdraw_button = QPushButton("&Withdraw event…")
        self.withdraw_button.setToolTip("Mark an event recorded by mistake as withdrawn")
        for button in (self.correct_button, self.withdraw_button):
            button.setEnabled(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.correct_button.clicked.connect(lambda: self.fix(withdraw=False))
        self.withdraw_button.clicked.connect(lambda: self.fix(withdraw=True))
        self.view.selectionModel().selectionChanged.connect(self._selection)

    def set_events(self, child_id: str, events: Sequence[CaseEvent]) -> None:
        self.child_id = child_id
        self.model.set_rows(events)
        # date, event and details as wide as they need (within reason); evidence stretches
        self.view.resizeColumnsToContents()
        self.view.resizeRowsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 420))
        self._selection()

    def selected(self) -> CaseEvent | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection(self, *_args: Any) -> None:
        event = self.selected()
        usable = event is not None and not event.withdrawn
        self.correct_button.setEnabled(usable)
        self.withdraw_button.setEnabled(usable)

    def fix(self, *, withdraw: bool) -> None:
        event = self.selected()
        if event is None or event.withdrawn:
            return
        event_id, clock = event.id, self.backend.clock

        def work(dialog: EventFixDialog) -> Callable[[], Sequence[str]]:
            reason = dialog.reason_edit.text()
            if withdraw:

                def run_withdraw() -> Sequence[str]:
                    clock.withdraw_event(event_id, reason=reason)
                    return ()

                return run_withdraw
            correction = dialog.changes()
            return lambda: clock.correct_event(event_id, correction, reason=reason)

        dialog = EventFixDialog(
            event,
            withdraw=withdraw,
            today=self.backend.today(),
            ops=self.ops,
            work=work,
            parent=self,
        )

        def accepted() -> None:
            if dialog.warnings:
                QMessageBox.information(self, "Check", "\n".join(dialog.warnings))
            self.changed.emit(self.child_id)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog
