"""My day's box of replies, callbacks and complaint responses due."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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

from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_page.actions import Actions
from send_desk.gui.correspondence_page.models import (
    LATE_STATUSES,
    Cell,
    StatusRows,
    selected,
    table,
)

DUE_COLUMNS: list[tuple[str, str | Cell]] = [
    ("", "kind_label"),
    ("When", "when"),
    ("Status", "status_label"),
    ("Child", "child_name"),
    ("What", "what"),
]


class DueBox(QWidget, Actions):
    """My day's replies due, today's and missed callbacks and complaint responses due,
    with a button to deal with the selected one; ``refresh_requested`` after a save."""

    changed = Signal(str)
    refresh_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self.model = StatusRows(DUE_COLUMNS, self, late_columns=(0, 1, 2))
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

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.model.set_rows(rows)
        late = sum(1 for row in rows if row.get("status") in LATE_STATUSES)
        self.label.setText(
            f"Correspondence, callbacks and complaints ({len(rows)}"
            + (f", {late} late" if late else "")
            + ")"
        )
        self.setVisible(bool(rows))

    def reload(self) -> None:
        self.refresh_requested.emit()

    def _open_child(self, *_args: Any) -> None:
        row = selected(self.view)
        if row:
            self.context.open_child(str(row["child_id"]))

    def deal_with_selected(self) -> None:
        row = selected(self.view)
        if row is None:
            self.context.show_message("Choose a line first.")
            return
        backend, kind, child = self.backend, row["kind"], row["child_id"]

        def fetch() -> dict[str, Any] | None:
            if kind == "reply":
                found: dict[str, Any] | None = backend.correspondence_rows([row["id"]]).get(
                    row["id"]
                )
                return found
            listed = (
                backend.callbacks(show="all", child_id=child)
                if kind == "callback"
                else backend.complaints(show="all", child_id=child)
            )
            return next((x for x in listed if x["id"] == row["id"]), None)

        def then(found: dict[str, Any] | None) -> None:
            if found is None:
                self.context.show_message("That line has changed: refresh My day.")
            elif kind == "reply":
                self.respond(found)
            elif kind == "callback":
                self.callback_outcome(found)
            else:
                self.complaint_step(found)

        self.ops.run(fetch, then)
