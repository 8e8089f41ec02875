"""The window's own shortcuts come before a text field's editing keys.

On Linux a line edit takes Ctrl+K as "delete to the end of the line": pressed in the
caseload filter to go to the search box, it deleted what was typed and did not move.
A field may claim a key the window uses (it then gets the key press, not the
shortcut); this gives such a key press to the window's action instead, so the
field's text stays as typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class ShortcutsFirst(QObject):
    """Installed on the application for one window (the main window)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or not isinstance(watched, QWidget)
            or watched.window() is not self.window
            or not event.modifiers()  # plain typing and F-keys are never claimed
        ):
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self.window.actions():
            if action.isEnabled() and any(pressed == key for key in action.shortcuts()):
                action.trigger()
                return True
        return False
