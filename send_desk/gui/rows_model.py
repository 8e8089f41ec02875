"""A small read-only table model over a list of plain rows (the child record's tables)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Mapping[str, Any]], Any]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def text_of(value: Any) -> str:
    """UK formats: dd/mm/yyyy dates, dd/mm/yyyy hh:mm times, yes/no for booleans."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """What a cell of a read-only list allows: select it, no editing, no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


class ColumnHeaders:
    """Headings and flags of a read-only table whose columns are (heading, key or function).

    Mixed into the list-backed RowsModel and into lazily fetched models alike.
    """

    _columns: list[tuple[str, str | Cell]]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0] if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)


class RowsModel(ColumnHeaders, QAbstractTableModel):
    """Columns are (heading, key or function of the row)."""

    def __init__(self, columns: Sequence[tuple[str, str | Cell]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Mapping[str, Any]] = []

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Mapping[str, Any] | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        _heading, cell = self._columns[index.column()]
        value = cell(row) if callable(cell) else row.get(cell)
        text = text_of(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text
