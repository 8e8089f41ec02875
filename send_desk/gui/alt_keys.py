"""One Alt key (mnemonic) for one control in a window, whatever the pages show.

Underlined letters are chosen where each control is made, by different people, and
a window shows many of them at once (the child record: menus, tabs and the buttons of
the open tab), so two controls came to share a letter and Alt+N opened the Allocation
tab instead of New note. This keeps the letters apart in every window: the menu bar
keeps its own, then the controls on the page (buttons, labels of fields, groups) in
the order they were made, then the tabs; a control whose letter is taken gets the
first free letter of a word of its text, else any free letter, else none. Its own
letter comes back when the clash is gone. It runs when something is shown in a
window, and again just before an Alt key is handled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)

_ORIGINAL = "_altKeysOriginal"  # the text as the code set it
_WRITTEN = "_altKeysWritten"  # the text as this module last wrote it


class _Text:
    """A control's text, read and written the same way for every kind of control."""

    def __init__(self, owner: QObject, get: Callable[[], str], put: Callable[[str], None]):
        self.owner, self._get, self._put = owner, get, put

    def original(self) -> str:
        current = self._get()
        written = self.owner.property(_WRITTEN)
        if written is None or current != written:
            # first seen, or the code has set a new text since: that is the original
            self.owner.setProperty(_ORIGINAL, current)
            self.owner.setProperty(_WRITTEN, current)
            return current
        original = self.owner.property(_ORIGINAL)
        return str(original) if original is not None else current

    def write(self, text: str) -> None:
        if self._get() != text:
            self._put(text)
        self.owner.setProperty(_WRITTEN, text)


def mnemonic_of(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            following = text[index + 1]
            if following != "&":
                return following.lower() if following.isalnum() else None
            index += 1
        index += 1
    return None


def _plain(text: str) -> str:
    """``text`` without its mnemonic '&' ('&&', a literal ampersand, is kept)."""
    out: list[str] = []
    index = 0
    while index < len(text):
        if text[index] == "&" and index + 1 < len(text):
            if text[index + 1] == "&":
                out.append("&&")
                index += 2
                continue
            index += 1
            continue
        out.append(text[index])
        index += 1
    return "".join(out)


def _with_letter(text: str, taken: set[str]) -> tuple[str, str | None]:
    """``text`` with its '&' moved to a free letter (word starts first), or removed."""
    plain = _plain(text)
    letters = [i for i, ch in enumerate(plain) if ch.isalnum()]
    starts = [i for i in letters if i == 0 or not plain[i - 1].isalnum()]
    for index in starts + [i for i in letters if i not in starts]:
        letter = plain[index].lower()
        if letter not in taken:
            return plain[:index] + "&" + plain[index:], letter
    return plain, None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window)


def _controls(window: QWidget) -> Iterator[tuple[int, _Text]]:
    """(rank, text) of every control with an Alt key in the window; lower rank wins."""
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible():
                yield 0, _Text(action, action.text, action.setText)
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            yield 1, _Text(widget, widget.text, widget.setText)
        elif isinstance(widget, QGroupBox):
            yield 1, _Text(widget, widget.title, widget.setTitle)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield 2, _tab_text(widget, index)


def _tab_text(bar: QTabBar, index: int) -> _Text:
    # A tab has no QObject of its own: its texts are kept on the bar, one per index.
    holder = _TabHolder.of(bar, index)
    return _Text(holder, lambda: bar.tabText(index), lambda text: bar.setTabText(index, text))


class _TabHolder(QObject):
    """Carries the properties of one tab of a tab bar."""

    @staticmethod
    def of(bar: QTabBar, index: int) -> QObject:
        name = f"_altKeysTab{index}"
        found = bar.findChild(QObject, name, Qt.FindChildOption.FindDirectChildrenOnly)
        if found is None:
            found = _TabHolder(bar)
            found.setObjectName(name)
        return found


def assign(window: QWidget) -> None:
    """Give every control shown in ``window`` its own Alt key."""
    controls = sorted(enumerate(_controls(window)), key=lambda item: (item[1][0], item[0]))
    taken: set[str] = set()
    clashing: list[tuple[_Text, str]] = []
    for _order, (_rank, text) in controls:
        original = text.original()
        letter = mnemonic_of(original)
        if letter is None:
            text.write(original)
        elif letter in taken:
            clashing.append((text, original))
        else:
            taken.add(letter)
            text.write(original)
    for text, original in clashing:
        moved, letter = _with_letter(original, taken)
        if letter is not None:
            taken.add(letter)
        text.write(moved)


class AltKeys(QObject):
    """Installed on the application: keeps every window's Alt keys apart."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._due: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(watched, QWidget):
            window = watched.window()
            if not any(window is due for due in self._due):
                self._due.append(window)
                if len(self._due) == 1:
                    QTimer.singleShot(0, self._run)
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and isinstance(watched, QWidget)
        ):
            assign(watched.window())  # the letters are right before the key is matched
        return False

    def _run(self) -> None:
        due, self._due = self._due, []
        for window in due:
            if shiboken6.isValid(window) and window.isVisible():
                assign(window)


def install_alt_keys() -> AltKeys | None:
    """Install the keeper on the application once (later calls return the same one)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    keeper = app.findChild(AltKeys)
    if keeper is None:
        keeper = AltKeys(app)
        app.installEventFilter(keeper)
    return keeper
