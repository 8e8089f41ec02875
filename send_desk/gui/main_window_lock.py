"""The main window's lock: the lock screen, locking, unlocking and the idle time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from send_desk.gui.lock import (
    HiddenWindow,
    IdleWatcher,
    PasswordGate,
    UnlockPanel,
    hide_windows,
    show_windows,
)

if TYPE_CHECKING:
    from send_desk.backend import Backend
    from send_desk.gui.ops import Ops
    from send_desk.gui.settings import AppSettings
    from send_desk.gui.tray import ReminderTray


class LockingWindow(QMainWindow):
    """The lock's part of MainWindow (a base class, so its methods stay the window's)."""

    locked = Signal()
    unlocked = Signal()

    if TYPE_CHECKING:
        backend: Backend
        ops: Ops
        settings: AppSettings
        tray: ReminderTray
        idle: IdleWatcher
        outer: QStackedWidget
        toolbar: QToolBar
        is_locked: bool
        _hidden_windows: list[HiddenWindow]

        def _update_record_actions(self) -> None: ...

    def _build_lock_page(self, unlock_delay_seconds: int) -> QWidget:
        self.lock_panel = UnlockPanel(
            self._check_unlock,
            title="SEND Desk is locked",
            subtitle="Case data is hidden. Type your password to carry on where you were.",
            gate=PasswordGate(unlock_delay_seconds),
        )
        self.lock_panel.unlocked.connect(self.unlock)
        lock_page = QWidget()
        lock_layout = QHBoxLayout(lock_page)
        lock_layout.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.lock_panel)
        column.addStretch(2)
        lock_layout.addLayout(column)
        lock_layout.addStretch(1)
        self.lock_panel.setMaximumWidth(560)
        self.lock_panel.setMinimumWidth(460)
        return lock_page

    def choose_idle_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from send_desk.gui.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES

        minutes, ok = QInputDialog.getInt(
            self,
            "Lock after",
            "Lock SEND Desk after this many minutes without use:",
            self.settings.idle_lock_minutes,
            MIN_IDLE_MINUTES,
            MAX_IDLE_MINUTES,
        )
        if ok:
            self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.idle.set_interval(self.settings.idle_lock_minutes * 60_000)
        chosen = self.settings.idle_lock_minutes
        self.statusBar().showMessage(f"SEND Desk will lock after {chosen} minutes without use.")

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self.idle.stop()
        self._hidden_windows = hide_windows(self)
        self.statusBar().clearMessage()  # a reminder there names a child
        self.outer.setCurrentIndex(1)
        self.toolbar.hide()
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.lock_panel.reset()
        self.lock_panel.focus_password()
        self._title_before_lock = self.windowTitle()
        self.setWindowTitle("SEND Desk – locked")
        self.tray.locked = True
        self.locked.emit()

    def _check_unlock(self, password: str, done: Any) -> None:
        self.ops.run(
            lambda: self.backend.verify_password(password),
            lambda ok: done(bool(ok), ""),
            lambda error: done(False, getattr(error, "message", str(error))),
        )

    def unlock(self) -> None:
        if not self.is_locked:
            return
        self.is_locked = False
        self.outer.setCurrentIndex(0)
        self.toolbar.show()
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self._update_record_actions()
        hidden, self._hidden_windows = self._hidden_windows, []
        show_windows(hidden)
        self.setWindowTitle(getattr(self, "_title_before_lock", "SEND Desk"))
        self.idle.start()
        self.tray.locked = False
        self.unlocked.emit()
