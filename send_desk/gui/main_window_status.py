"""The main window's status bar: who is signed in, the store, sync, activity and messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

if TYPE_CHECKING:
    from send_desk.backend import Backend
    from send_desk.gui.lazy_pages import LazyPages


class StatusBarWindow(QMainWindow):
    """The status bar's part of MainWindow (a base class, so its methods stay the window's)."""

    if TYPE_CHECKING:
        backend: Backend
        page_widgets: LazyPages
        is_locked: bool

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        me = self.backend.me()
        if me:
            who = f"Signed in: {me.name}" + (f" ({me.team} team)" if me.team else "")
        else:
            who = "Signed in: this laptop's user (no caseworker account linked yet)"
        self.user_label = QLabel(who)
        self.store_label = QLabel(f"Store: {self.backend.paths.root}")
        self.sync_label = QLabel("Sync: not set up")
        self.busy_label = QLabel("")
        for label, name in (
            (self.user_label, "Signed-in user"),
            (self.store_label, "Store"),
            (self.sync_label, "Sync state"),
            (self.busy_label, "Activity"),
        ):
            label.setAccessibleName(name)
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.busy_label, 1)
        # My day's tally, from the same counts as its header
        self.day_label = QLabel("")
        self.day_label.setAccessibleName("My day")
        bar.addPermanentWidget(self.day_label)
        summary_changed = getattr(self.page_widgets.get("my_day"), "summary_changed", None)
        if summary_changed is not None:
            summary_changed.connect(self.day_label.setText)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.sync_label)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)
        if self.isVisible() and not self.is_locked:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "SEND Desk", text, QMessageBox.StandardButton.Ok, self
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.last_message_box = box

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText("Working…" if busy else "")
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            while QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()
