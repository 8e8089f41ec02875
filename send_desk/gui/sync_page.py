"""The Sync page: sign in to the central store, sync now, the ledger and the conflicts.

- **Waiting to sync**: this laptop's changes the central store has not acknowledged;
- **Refused**: changes the central store refused, with its reason; *Retry* sends one
  again (once the reason is put right), *Discard…* gives it up with a reason, which
  is kept on record;
- **Conflicts**: two people changed the same field; the two values side by side with
  who set each and when, and a button under each to keep it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.sync import SyncBackend
from send_desk.backend.sync_models import (
    EMPTY_LEDGER,
    NOT_SIGNED_IN,
    Conflict,
    Ledger,
    LedgerRow,
    RetryResult,
    SyncStatus,
)
from send_desk.gui.context import AppContext
from send_desk.gui.items_model import TypedRows
from send_desk.gui.pages import PageSpec, register_page
from send_desk.gui.rows_model import ROW_ROLE
from send_desk.gui.sync_status import SyncController, plural, when_text
from send_desk.timeutil import LONDON

log = logging.getLogger(__name__)


def _moment(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(LONDON).strftime("%d/%m/%Y %H:%M")


def _value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return ", ".join(f"{k.replace('_', ' ')}: {_value(v)}" for k, v in value.items())
    return str(value)


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class ConflictPanel(QWidget):
    """One conflict, the two values side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel("Choose a conflict to see both values.")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        layout.addWidget(self.title)
        sides = QHBoxLayout()
        self.kept_box, self.kept_value, self.kept_who, self.keep_kept = self._side(
            "Kept on the central store", "Keep this value"
        )
        self.other_box, self.other_value, self.other_who, self.keep_other = self._side(
            "The other change", "Keep this value instead"
        )
        sides.addWidget(self.kept_box)
        sides.addWidget(self.other_box)
        layout.addLayout(sides)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why (optional; kept with the decision)")
        self.note.setAccessibleName("Reason for the decision")
        layout.addWidget(self.note)
        self.base = QLabel("")
        self.base.setWordWrap(True)
        layout.addWidget(self.base)
        layout.addStretch(1)
        self.conflict: Conflict | None = None
        self.show_conflict(None)

    def _side(self, title: str, button: str) -> tuple[QGroupBox, QLabel, QLabel, QPushButton]:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        column = QVBoxLayout(box)
        value = QLabel("")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        value.setFont(font)
        who = QLabel("")
        who.setWordWrap(True)
        keep = QPushButton(button)
        column.addWidget(value)
        column.addWidget(who)
        column.addStretch(1)
        column.addWidget(keep)
        return box, value, who, keep

    def show_conflict(self, conflict: Conflict | None) -> None:
        self.conflict = conflict
        enabled = conflict is not None and conflict.status == "open"
        for widget in (self.keep_kept, self.keep_other, self.note):
            widget.setEnabled(enabled)
        if conflict is None:
            self.title.setText("Choose a conflict to see both values.")
            for label in (self.kept_value, self.kept_who, self.other_value, self.other_who):
                label.setText("")
            self.base.setText("")
            return
        who = conflict.child or "a record"
        self.title.setText(f"{who}: {conflict.field_label}")
        kept, other = conflict.kept, conflict.other
        self.kept_value.setText(_value(kept.value))
        self.kept_who.setText(f"Set by {kept.by or 'someone'} on {_moment(kept.at)}")
        self.other_value.setText(_value(other.value) if conflict.field else "Remove the record")
        self.other_who.setText(f"Set by {other.by or 'someone'} on {_moment(other.at)}")
        self.base.setText(
            f"Before either change it was: {_value(conflict.base)}" if conflict.field else ""
        )
        for label in (self.kept_value, self.other_value):
            label.setAccessibleName(label.text())


class SyncPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ops = context.ops
        controller = context.sync
        self.controller: SyncController | None = (
            controller if isinstance(controller, SyncController) else None
        )
        self.sync_backend: SyncBackend = (
            self.controller.backend if self.controller else SyncBackend.for_backend(context.backend)
        )
        self.setAccessibleName("Sync")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        heading = QLabel("Sync")
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        top = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Sync state")
        top.addWidget(self.summary, 1)
        self.sync_button = QPushButton("&Sync now")
        self.sync_button.setAccessibleName("Sync now")
        self.sync_button.clicked.connect(self.sync_now)
        top.addWidget(self.sync_button)
        layout.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Sync progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Last sync problem")
        self.error.hide()
        layout.addWidget(self.error)

        # --- sign in (when this laptop is not linked to a central store yet)
        self.sign_in = QGroupBox("Sign in to the central store")
        form = QFormLayout(self.sign_in)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://senddesk.council.example")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for label, edit in (
            ("Server &address", self.server_edit),
            ("&User name", self.user_edit),
            ("&Password", self.password_edit),
        ):
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
        self.sign_in_button = QPushButton("Sign &in")
        self.sign_in_button.clicked.connect(self.do_sign_in)
        self.password_edit.returnPressed.connect(self.do_sign_in)
        form.addRow("", self.sign_in_button)
        layout.addWidget(self.sign_in)

        # --- ledger and conflicts
        self.tabs = QTabWidget()
        self.pending_model: TypedRows[LedgerRow] = TypedRows(
            [("When", lambda r: _moment(r.at)), ("Change", lambda r: r.description)],
            late_columns=(),
        )
        self.pending_view = _table(self.pending_model, "Changes waiting to sync")
        self.tabs.addTab(self.pending_view, "Waiting to sync")

        refused = QWidget()
        refused_layout = QVBoxLayout(refused)
        self.refused_model: TypedRows[LedgerRow] = TypedRows(
            [
                ("When", lambda r: _moment(r.at)),
                ("Change", lambda r: r.description),
                ("Why the central store refused it", lambda r: r.reason),
            ],
            late_columns=(),
        )
        self.refused_view = _table(self.refused_model, "Changes the central store refused")
        refused_layout.addWidget(self.refused_view)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton("&Retry")
        self.retry_button.setToolTip("Send the change again, once its reason is put right")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton("&Discard…")
        self.discard_button.setToolTip("Give up the change; you say why, and it is kept on record")
        self.discard_button.clicked.connect(self.discard_selected)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        refused_layout.addLayout(buttons)
        self.tabs.addTab(refused, "Refused")

        conflicts = QSplitter()
        self.conflict_model: TypedRows[Conflict] = TypedRows(
            [
                ("Child", lambda r: r.child),
                ("Field", lambda r: r.field_label),
                ("State", lambda r: r.status),
            ],
            late_columns=(),
        )
        self.conflict_view = _table(self.conflict_model, "Conflicts")
        self.conflict_view.selectionModel().currentRowChanged.connect(self._conflict_chosen)
        self.conflict_panel = ConflictPanel()
        self.conflict_panel.keep_kept.clicked.connect(lambda: self.resolve("kept"))
        self.conflict_panel.keep_other.clicked.connect(lambda: self.resolve("other"))
        conflicts.addWidget(self.conflict_view)
        conflicts.addWidget(self.conflict_panel)
        conflicts.setStretchFactor(1, 2)
        conflicts.setSizes([420, 800])
        self.tabs.addTab(conflicts, "Conflicts")
        layout.addWidget(self.tabs, 1)

        self.refused_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        if self.controller is not None:
            self.bind(self.controller)
        self.status: SyncStatus = NOT_SIGNED_IN
        self.ledger: Ledger = EMPTY_LEDGER
        self.conflicts: list[Conflict] = []
        self._update_buttons()
        self.reload()

    def bind(self, controller: SyncController) -> None:
        """Follow the window's background sync (made after the pages)."""
        self.controller = controller
        self.sync_backend = controller.backend
        controller.status_changed.connect(lambda _s: self._show_status())
        controller.running_changed.connect(self._running)
        controller.progress.connect(self._progress)
        controller.finished.connect(lambda _r: self.reload())
        controller.failed.connect(self._failed)
        self._show_status()

    # ------------------------------------------------------------ loading

    def page_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        backend = self.sync_backend

        def load() -> tuple[SyncStatus, Ledger, list[Conflict]]:
            return backend.status(), backend.ledger(), backend.conflicts()

        self.ops.run(load, self._loaded)

    def _loaded(self, data: tuple[SyncStatus, Ledger, list[Conflict]]) -> None:
        self.status, self.ledger, self.conflicts = data
        self.pending_model.set_rows(self.ledger.pending)
        self.refused_model.set_rows(self.ledger.quarantined)
        self.conflict_model.set_rows(self.conflicts)
        self.tabs.setTabText(0, f"Waiting to sync ({self.ledger.pending_count})")
        self.tabs.setTabText(1, f"Refused ({len(self.ledger.quarantined)})")
        self.tabs.setTabText(2, f"Conflicts ({len(self.conflicts)})")
        if self.conflicts and self.conflict_view.currentIndex().row() < 0:
            self.conflict_view.selectRow(0)
        elif not self.conflicts:
            self.conflict_panel.show_conflict(None)
        else:
            self._conflict_chosen(self.conflict_view.currentIndex())
        self._show_status()
        self._update_buttons()

    def _show_status(self) -> None:
        status = self.controller.status if self.controller else self.status
        configured = status.configured
        self.sign_in.setVisible(not configured)
        self.sync_button.setEnabled(
            configured and not (self.controller and self.controller.running)
        )
        if not configured:
            self.summary.setText(
                "This laptop is not signed in to a central store yet: its changes stay in the "
                "encrypted store on this computer. Sign in to sync your caseload."
            )
            return
        text = (
            f"Signed in to {status.server} as {status.username}. "
            f"Last sync: {when_text(status.last_sync_at)}. "
            f"{plural(status.pending, 'change')} waiting, "
            f"{status.quarantined} refused, "
            f"{plural(status.conflicts, 'conflict')}."
        )
        if self.controller is not None and not self.controller.online:
            text += " Offline: SEND Desk syncs by itself when the network is back."
        self.summary.setText(text)
        problem = (self.controller.last_error if self.controller else None) or status.last_error
        self.error.setText(f"Last sync problem: {problem}" if problem else "")
        self.error.setVisible(bool(problem))

    def _update_buttons(self) -> None:
        chosen = self.refused_view.currentIndex().row() >= 0
        for button in (self.retry_button, self.discard_button):
            button.setEnabled(chosen)

    # ------------------------------------------------------------ actions

    def sync_now(self) -> None:
        if self.controller is not None:
            self.controller.sync_now()
            return
        self.ops.run_change(
            lambda: self.sync_backend.sync(), lambda _r: self.reload(), self._failed_op
        )

    def _running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and self.status.configured)
        self.sync_button.setText("Syncing…" if running else "&Sync now")
        if not running:
            self.progress.hide()

    def _progress(self, phase: str, done: int, total: object) -> None:
        words = {
            "push": "Sending changes",
            "pull": "Receiving changes",
            "backfill": "Fetching records",
        }
        if isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress.setFormat(words.get(phase, phase))
        self.progress.setTextVisible(True)
        self.progress.show()

    def _failed(self, message: str, _kind: str) -> None:
        self.error.setText(f"Last sync problem: {message}")
        self.error.show()
        self.reload()

    def _failed_op(self, error: BaseException) -> None:
        message = getattr(error, "message", str(error))
        self.context.show_message(message)
        self.reload()

    def do_sign_in(self) -> None:
        url = self.server_edit.text().strip()
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not url or not user or not password:
            self.context.show_message("Give the server address, your user name and your password.")
            return
        backend = self.sync_backend

        def signed_in(_result: object) -> None:
            self.password_edit.clear()
            if self.controller is not None:
                self.controller.refresh_status(then_schedule=0)
            self.reload()

        self.ops.run(lambda: backend.login(url, user, password), signed_in, self._failed_op)

    def _selected_refused(self) -> LedgerRow | None:
        index = self.refused_view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, LedgerRow) else None

    def retry_selected(self) -> None:
        row = self._selected_refused()
        if row is None:
            return
        seq = row.device_seq

        def done(result: RetryResult) -> None:
            if result.status == "quarantined":
                self.context.show_message(f"Refused again: {result.reason}")
            self._after_change()

        self.ops.run(lambda: self.sync_backend.retry(seq), done, self._failed_op)

    def discard_selected(self, reason: str | None = None) -> None:
        row = self._selected_refused()
        if row is None:
            return
        if not reason:
            text, ok = QInputDialog.getText(
                self,
                "Discard the change",
                f"{row.description or 'This change'} will not reach the central store.\n"
                "Say why (kept on record):",
            )
            if not ok or not text.strip():
                return
            reason = text.strip()
        seq = row.device_seq
        self.ops.run(
            lambda: self.sync_backend.discard(seq, str(reason)),
            lambda _r: self._after_change(),
            self._failed_op,
        )

    def _conflict_chosen(self, index: Any, _previous: Any = None) -> None:
        row = index.data(ROW_ROLE) if index is not None and index.isValid() else None
        self.conflict_panel.show_conflict(row if isinstance(row, Conflict) else None)

    def resolve(self, choice: str) -> None:
        conflict = self.conflict_panel.conflict
        if conflict is None:
            return
        note = self.conflict_panel.note.text().strip() or None
        conflict_id = conflict.id
        self.conflict_panel.note.clear()
        self.ops.run(
            lambda: self.sync_backend.resolve(conflict_id, choice, note),
            lambda _r: self._after_change(),
            self._failed_op,
        )

    def _after_change(self) -> None:
        if self.controller is not None:
            self.controller.refresh_status()
            if self.controller.status.configured:
                self.controller.schedule(500)
        self.reload()


def _sync_page(context: AppContext) -> QWidget:
    return SyncPage(context)


SYNC_PAGE = PageSpec(
    "sync",
    "Sync",
    _sync_page,
    order=60,
    description="Sync with the central store: changes waiting, refused changes, conflicts",
)
register_page(SYNC_PAGE)
