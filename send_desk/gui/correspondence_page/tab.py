"""A child record's Correspondence tab: the child's items, callbacks and complaints."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.caseload_models import ChildDetail
from send_desk.backend.correspondence_models import (
    Callback,
    ChildCorrespondence,
    Complaint,
    CorrespondenceRow,
)
from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_page.actions import Actions
from send_desk.gui.correspondence_page.models import (
    CALLBACK_COLUMNS,
    CHILD_ITEM_COLUMNS,
    TypedRows,
    complaint_columns,
    selected,
    table,
)


class CorrespondenceTab(QWidget, Actions):
    """A child's items, callbacks and complaints (the child record's tab)."""

    loaded = Signal(str)
    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self.child_id: str | None = None
        self.detail: ChildDetail | None = None
        self.items_model = TypedRows(CHILD_ITEM_COLUMNS, self, late_columns=(5, 6))
        self.callbacks_model = TypedRows(CALLBACK_COLUMNS, self, late_columns=(0, 1))
        self.complaints_model = TypedRows(
            complaint_columns(self.backend.correspondence.vocabulary()), self
        )
        self.items_view = table("Correspondence, newest first", self.items_model,
                                (88, 110, 110, 150, 320, 120, 88))  # fmt: skip
        self.callbacks_view = table("Callbacks", self.callbacks_model, (90, 140, 150, 150))
        self.complaints_view = table("Complaints", self.complaints_model, (130, 100, 90, 160, 88))
        self.log_button = QPushButton("&Log an email, letter or call…")
        self.respond_button = QPushButton("Record the &reply…")
        self.callback_button = QPushButton("&Book a callback…")
        self.outcome_button = QPushButton("What &happened with the call…")
        self.complaint_button = QPushButton("Record a com&plaint…")
        self.step_button = QPushButton("Next ste&p of the complaint…")
        for button in (
            self.log_button,
            self.respond_button,
            self.callback_button,
            self.outcome_button,
            self.complaint_button,
            self.step_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))  # fmt: skip
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(
            self._box("Correspondence", self.items_view, (self.log_button, self.respond_button))
        )
        split.addWidget(
            self._box("Callbacks", self.callbacks_view, (self.callback_button, self.outcome_button))
        )
        split.addWidget(self._box("Complaints", self.complaints_view,
                                  (self.complaint_button, self.step_button)))  # fmt: skip
        for index, stretch in enumerate((3, 1, 1)):
            split.setStretchFactor(index, stretch)
        split.setSizes([600, 200, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        self.log_button.clicked.connect(self._log)
        self.respond_button.clicked.connect(self._respond)
        self.callback_button.clicked.connect(self._callback)
        self.outcome_button.clicked.connect(self._outcome)
        self.complaint_button.clicked.connect(self._complaint)
        self.step_button.clicked.connect(self._step)

    @staticmethod
    def _box(title: str, view: QTableView, buttons: Sequence[QPushButton]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        layout.addWidget(heading)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def load(self, child_id: str, detail: ChildDetail | None = None) -> None:
        self.child_id = child_id
        self.detail = detail
        self.reload()

    def reload(self) -> None:
        child_id = self.child_id
        if not child_id:
            return

        def done(data: ChildCorrespondence) -> None:
            if child_id != self.child_id:
                return
            self.items_model.set_rows(data.items)
            self.callbacks_model.set_rows(data.callbacks)
            self.complaints_model.set_rows(data.complaints)
            self.loaded.emit(child_id)

        self.ops.run(
            lambda: self.backend.correspondence.for_child(child_id),
            done,
            lambda error: self.context.show_message(
                f"The child's correspondence could not be read: {getattr(error, 'message', error)}"
            ),
        )

    def _log(self) -> None:
        if self.child_id:
            self.log_item(self.child_id, self.detail)

    def _respond(self) -> None:
        item = self._need(self.items_view, "the item that was answered", CorrespondenceRow)
        if item:
            self.respond(item)

    def _callback(self) -> None:
        if self.child_id:
            item = selected(self.items_view)
            asks = (
                item
                if isinstance(item, CorrespondenceRow)
                and item.channel in ("call", "portal", "email")
                and not item.responded_on
                else None
            )
            self.book_callback(self.child_id, asks, self.detail)

    def _outcome(self) -> None:
        call = self._need(self.callbacks_view, "the callback", Callback)
        if call:
            self.callback_outcome(call)

    def _complaint(self) -> None:
        if self.child_id:
            self.new_complaint(self.child_id, None, self.detail)

    def _step(self) -> None:
        complaint = self._need(self.complaints_view, "the complaint", Complaint)
        if complaint:
            self.complaint_step(complaint)
