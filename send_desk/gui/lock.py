"""Unlocking: the password panel, the delay after repeated wrong passwords, the idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QToolTip, QWidget

from send_desk.gui.forms.ui_unlock_form import Ui_UnlockForm

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 30


class IdleWatcher(QObject):
    """Fires ``idle`` after ``interval_ms`` with no keyboard, mouse or touch input."""

    idle = Signal()
    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TabletPress,
        }
    )

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.idle)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockKey(QObject):
    """The lock's key (Ctrl+L) from every window, app-wide.

    The main window's own shortcut cannot fire while a dialog it owns is open (the
    note editor, the letter composer: they block it), so the key is caught here."""

    pressed = Signal()

    def __init__(self, sequence: QKeySequence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sequence = sequence

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == self.sequence
        ):
            self.pressed.emit()
            return True
        return False


_WINDOW_TYPES = frozenset(
    {Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Tool}
)


@dataclass
class HiddenWindow:
    """A window the lock hid, and where its typing cursor was."""

    window: QWidget
    focus: QWidget | None
    cursor: int | None  # in a line edit without a selection


def hide_windows(keep: QWidget) -> list[HiddenWindow]:
    """Hide every window and dialog but ``keep`` (the one showing the lock), menus and
    tooltips too; what is typed in them stays, they are only hidden. Returns them in
    the order to show them again, the one that was active last."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    QToolTip.hideText()
    active = QApplication.activeWindow()
    hidden: list[HiddenWindow] = []
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible() or widget.windowType() not in _WINDOW_TYPES:
            continue
        focus = widget.focusWidget()
        cursor = None
        if isinstance(focus, QLineEdit) and not focus.hasSelectedText():
            cursor = focus.cursorPosition()
        widget.hide()
        hidden.append(HiddenWindow(widget, focus, cursor))
    hidden.sort(key=lambda item: item.window is active)
    return hidden


def show_windows(windows: list[HiddenWindow]) -> None:
    """Bring back what :func:`hide_windows` hid (those not closed meanwhile), each with
    its typing cursor where it was: nothing selected that the next key would replace."""
    shown = [item for item in windows if shiboken6.isValid(item.window)]
    for item in shown:
        item.window.show()
    if shown:
        last = shown[-1].window
        last.raise_()
        last.activateWindow()
    for item in shown:
        focus = item.focus
        if focus is None or not shiboken6.isValid(focus):
            continue
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(focus, QLineEdit) and item.cursor is not None:
            focus.deselect()
            focus.setCursorPosition(item.cursor)


def exec_through_lock(dialog: QDialog) -> int:
    """``dialog.exec()`` that survives the lock: QDialog.exec() ends, as if cancelled,
    when its dialog is hidden, and the lock hides every dialog (the grades of a
    half-done audit would be lost). The dialog is opened, and this waits for its
    answer."""
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    dialog.destroyed.connect(loop.quit)
    dialog.open()
    loop.exec()
    return dialog.result() if shiboken6.isValid(dialog) else 0


class PasswordGate(QObject):
    """Counts wrong passwords; after three in a row, a delay (doubling) before the next try."""

    changed = Signal()

    def __init__(
        self, first_delay_seconds: int = FIRST_DELAY_SECONDS, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.first_delay_seconds = first_delay_seconds
        self.failures = 0
        self.remaining = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

    @property
    def waiting(self) -> bool:
        return self.remaining > 0

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= FREE_ATTEMPTS:
            extra = self.failures - FREE_ATTEMPTS
            self.remaining = self.first_delay_seconds * (2 ** min(extra, 5))
            if self.remaining > 0:
                self._tick.start()
        self.changed.emit()

    def succeeded(self) -> None:
        self.failures = 0
        self.remaining = 0
        self._tick.stop()
        self.changed.emit()

    def _count_down(self) -> None:
        self.remaining = max(0, self.remaining - 1)
        if not self.remaining:
            self._tick.stop()
        self.changed.emit()


class UnlockPanel(QWidget):
    """Password entry used by the start window and by the idle lock.

    ``check(password, done)`` is given by the owner: it verifies the password (in a
    background op) and calls ``done(ok, message)`` on the GUI thread.
    """

    unlocked = Signal()

    def __init__(
        self,
        check: Callable[[str, Callable[[bool, str], None]], None],
        *,
        title: str,
        subtitle: str,
        gate: PasswordGate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockForm()
        self.ui.setupUi(self)
        self.ui.mainLayout.addStretch(1)  # keep the form together at the top
        self._check = check
        self.gate = gate or PasswordGate(parent=self)
        self._busy = False
        self.ui.titleLabel.setText(title)
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.ui.storeLabel.setText(subtitle)
        self.ui.messageLabel.setAccessibleName("Message")
        self.ui.unlockButton.clicked.connect(self.try_unlock)
        self.ui.passwordEdit.returnPressed.connect(self.try_unlock)
        self.gate.changed.connect(self._refresh)
        self.setAccessibleName(title)
        self._refresh()

    def set_message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

    def focus_password(self) -> None:
        self.ui.passwordEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.ui.passwordEdit.clear()
        self.set_message("")
        self._refresh()

    def try_unlock(self) -> None:
        if self._busy or self.gate.waiting:
            return
        password = self.ui.passwordEdit.text()
        if not password:
            self.set_message("Type your password.")
            return
        self._busy = True
        self._refresh()
        self.set_message("Checking…")
        self._check(password, self._checked)

    def _checked(self, ok: bool, message: str) -> None:
        self._busy = False
        if ok:
            self.gate.succeeded()
            self.ui.passwordEdit.clear()
            self.set_message("")
            self.unlocked.emit()
            return
        self.ui.passwordEdit.selectAll()
        if message:
            self.set_message(message)
            self._refresh()
            return
        self.gate.failed()
        left = max(0, 3 - self.gate.failures)
        if self.gate.waiting:
            self._refresh()
        elif left:
            self.set_message(
                f"That password is not right. {left} more {'try' if left == 1 else 'tries'} "
                "before a short wait."
            )
        self.focus_password()

    def _refresh(self, *_args: Any) -> None:
        waiting = self.gate.waiting
        self.ui.unlockButton.setEnabled(not waiting and not self._busy)
        self.ui.passwordEdit.setEnabled(not waiting and not self._busy)
        if waiting:
            self.set_message(
                f"Three wrong passwords in a row. Try again in {self.gate.remaining} seconds. "
                "If you have forgotten your password, ask your team manager or IT service desk."
            )
        elif not self._busy and self.ui.messageLabel.text().startswith("Three wrong"):
            self.set_message("You can try again now.")
            self.focus_password()
