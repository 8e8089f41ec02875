"""A small read-only table model over a list of typed rows (frozen read models).

Like :class:`~send_desk.gui.rows_model.RowsModel`, whose rows are dicts, but each column
is (heading, function of the row), so a renamed field fails type checking, not at
run time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, Index, text_of

Row = TypeVar("Row")


class ItemsModel(ColumnHeaders, QAbstractTableModel, Generic[Row]):
    """Columns are (heading, function of the row giving a value shown as text_of shows it)."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[Row], object]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._cells = list(columns)
        self._columns = [(heading, "") for heading, _cell in columns]
        self._items: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._items = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row | None:
        return self._items[number] if 0 <= number < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ROW_ROLE:
            return item
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = text_of(self._cells[index.column()][1](item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text
