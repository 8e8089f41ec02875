"""The mouse wheel never changes a value the user is not editing.

A caseworker scrolling an audit form or a dialog with the wheel must not change the
grade, the date or the number under the pointer on the way past. One application-wide
event filter (installed when the app starts) does it for every combo box and spin box,
however it was built: an unfocused one passes the wheel on to its scroll area, and the
wheel no longer gives it focus (so a second turn cannot change it either).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Wheel events on unfocused combo and spin boxes go to their parent instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and not watched.hasFocus():
            parent = _scrollable_parent(watched)
            if parent is not None:
                QCoreApplication.sendEvent(parent, event)
            return True
        return False


def _scrollable_parent(widget: QWidget) -> QWidget | None:
    """The widget the wheel should reach instead: the parent (a combo inside a spin box's
    editor, or the other way round, is skipped)."""
    parent = widget.parentWidget()
    while parent is not None and isinstance(parent, GUARDED):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard once on the application; returns it (None with no app)."""
    app = app or QApplication.instance()
    if app is None:
        return None
    found = app.findChild(WheelGuard, "wheelGuard")
    if isinstance(found, WheelGuard):
        return found
    guard = WheelGuard(app)
    guard.setObjectName("wheelGuard")
    app.installEventFilter(guard)
    return guard


__all__ = ["WheelGuard", "install_wheel_guard"]
