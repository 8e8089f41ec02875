"""My day's box of replies, callbacks and complaint responses due."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.correspondence_models import (
    Callback,
    CallbackDue,
    Complaint,
    ComplaintResponseDue,
    CorrespondenceRow,
    DueItem,
    ReplyDue,
    Vocabulary,
)
from send_desk.gui import formatting as fmt
from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_page.actions import Actions
from send_desk.gui.correspondence_page.models import (
    LATE_STATUSES,
    Column,
    TypedRows,
    selected,
    table,
)


def due_status(row: DueItem) -> str:
    """The status code of My day's row (its item's, call's or complaint's)."""
    return row.status


def due_kind(row: DueItem) -> str:
    if isinstance(row, ReplyDue):
        return "Reply due"
    if isinstance(row, CallbackDue):
        return "Missed callback" if row.callback.missed else "Callback"
    return "Complaint response"


def due_when(row: DueItem) -> str:
    if isinstance(row, CallbackDue):
        return fmt.callback_when(row.callback.slot_start)
    return fmt.uk_date(row.due)


def due_status_label(row: DueItem) -> str:
    if isinstance(row, ReplyDue):
        return fmt.item_status(row.item.status)
    if isinstance(row, CallbackDue):
        return fmt.callback_status(row.callback.status)
    return fmt.complaint_status(row.complaint.status)


def due_child(row: DueItem) -> tuple[str, uuid.UUID]:
    """(name, id) of the row's child."""
    if isinstance(row, ReplyDue):
        return row.item.child_name, row.item.child_id
    if isinstance(row, CallbackDue):
        return row.callback.child_name, row.callback.child_id
    return row.complaint.child_name, row.complaint.child_id


def due_what(row: DueItem, vocab: Vocabulary) -> str:
    if isinstance(row, ReplyDue):
        item = row.item
        verb = "from" if item.direction == "incoming" else "to"
        return f"{fmt.channel(item.channel)} {verb} {item.correspondent}: {item.summary}"
    if isinstance(row, CallbackDue):
        call = row.callback
        return f"Phone {call.requested_by} on {call.phone} about {call.about}" + (
            " (duty)" if call.via_duty else ""
        )
    complaint = row.complaint
    stage = vocab.stage_label(complaint.stage) if complaint.stage else ""
    return f"{stage}: {complaint.complainant} – {complaint.summary}"


def due_columns(vocab: Vocabulary) -> list[Column[DueItem]]:
    return [
        ("", due_kind),
        ("When", due_when),
        ("Status", due_status_label),
        ("Child", lambda r: due_child(r)[0]),
        ("What", lambda r: due_what(r, vocab)),
    ]


class DueBox(QWidget, Actions):
    """My day's replies due, today's and missed callbacks and complaint responses due,
    with a button to deal with the selected one; ``refresh_requested`` after a save."""

    changed = Signal(str)
    refresh_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self.model: TypedRows[DueItem] = TypedRows(
            due_columns(self.backend.correspondence.vocabulary()),
            self,
            late_columns=(0, 1, 2),
            status=due_status,
        )
        self.view = table(
            "Replies, callbacks and complaint responses due", self.model, (140, 140, 110, 160)
        )
        self.label = QLabel("Correspondence, callbacks and complaints")
        self.deal_button = QPushButton("&Deal with it…")
        self.deal_button.setAccessibleName("Record the reply, the call or the complaint's step")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.deal_button)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.view.doubleClicked.connect(self._open_child)
        self.deal_button.clicked.connect(self.deal_with_selected)
        self.hide()

    def set_rows(self, rows: Sequence[DueItem]) -> None:
        self.model.set_rows(rows)
        late = sum(1 for row in rows if due_status(row) in LATE_STATUSES)
        self.label.setText(
            f"Correspondence, callbacks and complaints ({len(rows)}"
            + (f", {late} late" if late else "")
            + ")"
        )
        self.setVisible(bool(rows))

    def reload(self) -> None:
        self.refresh_requested.emit()

    def _selected(self) -> DueItem | None:
        row = selected(self.view)
        return row if isinstance(row, ReplyDue | CallbackDue | ComplaintResponseDue) else None

    def _open_child(self, *_args: Any) -> None:
        row = self._selected()
        if row is not None:
            self.context.open_child(due_child(row)[1].hex)

    def deal_with_selected(self) -> None:
        row = self._selected()
        if row is None:
            self.context.show_message("Choose a line first.")
            return
        api = self.backend.correspondence

        def fetch() -> CorrespondenceRow | Callback | Complaint | None:
            # read it again: the line may have changed since My day was read
            if isinstance(row, ReplyDue):
                return api.rows([row.item.id]).get(row.item.id)
            if isinstance(row, CallbackDue):
                calls = api.callbacks(show="all", child_id=row.callback.child_id)
                return next((x for x in calls if x.id == row.callback.id), None)
            complaint = row.complaint
            listed = api.complaints(show="all", child_id=complaint.child_id)
            return next((x for x in listed if x.id == complaint.id), None)

        def then(found: CorrespondenceRow | Callback | Complaint | None) -> None:
            if found is None:
                self.context.show_message("That line has changed: refresh My day.")
            elif isinstance(found, CorrespondenceRow):
                self.respond(found)
            elif isinstance(found, Callback):
                self.callback_outcome(found)
            else:
                self.complaint_step(found)

        self.ops.run(fetch, then)
