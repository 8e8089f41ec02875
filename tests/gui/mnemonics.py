"""Collect the Alt keys (mnemonics) a window offers, for the keyboard tests."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)


def _key(text: str) -> str | None:
    sequence = QKeySequence.mnemonic(text)
    return sequence.toString() or None


def _shown(widget: QWidget, window: QWidget) -> bool:
    """Shown when its window is: hidden on purpose (isHidden up the chain) does not count."""
    return widget.isVisibleTo(window) and widget.isEnabled()


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt key -> the controls that answer to it, among what the window shows."""
    found: dict[str, list[str]] = defaultdict(list)
    for button in window.findChildren(QAbstractButton):
        if button.window() is window and _shown(button, window):
            key = _key(button.text())
            if key:
                found[key].append(f"button {button.text()!r}")
    for label in window.findChildren(QLabel):
        if label.window() is window and label.buddy() is not None and _shown(label, window):
            key = _key(label.text())
            if key:
                found[key].append(f"label {label.text()!r}")
    for box in window.findChildren(QGroupBox):
        if box.window() is window and box.isCheckable() and _shown(box, window):
            key = _key(box.title())
            if key:
                found[key].append(f"group {box.title()!r}")
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is window and _shown(tabs, window):
            for index in range(tabs.count()):
                key = _key(tabs.tabText(index))
                if key and tabs.isTabEnabled(index):
                    found[key].append(f"tab {tabs.tabText(index)!r}")
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            key = _key(action.text())
            if key and action.isVisible():
                found[key].append(f"menu {action.text()!r}")
    for action in window.actions():
        if isinstance(action, QAction) and not isinstance(action.parent(), QMenu):
            # actions with an Alt+letter shortcut of their own compete as well
            for shortcut in action.shortcuts():
                text = shortcut.toString()
                if text.startswith("Alt+") and len(text) == 5:
                    found[text].append(f"action {action.text()!r}")
    return dict(found)


def duplicates(window: QWidget) -> dict[str, list[str]]:
    return {key: owners for key, owners in mnemonics(window).items() if len(owners) > 1}
