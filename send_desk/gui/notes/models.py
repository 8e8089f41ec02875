"""Item models of the notes screens: the live checklist and the note search results."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from send_desk.backend.notes_models import ChecklistItem

Index = QModelIndex | QPersistentModelIndex
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2

# Marks as well as colour: a state is never shown by colour alone.
_MARK = {"passed": "✔", "failed": "✘", "n/a": "–"}


class ChecklistModel(QAbstractListModel):
    """One row per criterion: mark and label; the tooltip says what to add."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ChecklistItem] = []

    def set_items(self, items: Sequence[ChecklistItem]) -> None:
        if [i.id for i in items] == [i.id for i in self._items]:
            self._items = list(items)
            if self._items:
                self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ChecklistItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, criterion_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.id == criterion_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        state = item.state
        if role == Qt.ItemDataRole.DisplayRole:
            suffix = " (does not apply)" if state == "n/a" else ""
            return f"{_MARK[state]}  {item.label or item.id}{suffix}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            if state == "failed":
                return item.message
            return "Met" if state == "passed" else "Does not apply to this note"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = {"passed": "met", "failed": "not met", "n/a": "does not apply"}[state]
            return f"{item.label}: {words}"
        if role == Qt.ItemDataRole.ForegroundRole and state == "n/a":
            from PySide6.QtGui import QPalette

            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and state == "failed":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == FIELD_ROLE:
            return item.field
        if role == ITEM_ROLE:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
