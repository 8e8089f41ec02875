"""A read-only table model over typed read models (the backend's frozen dataclasses).

The typed sibling of :class:`~send_desk.gui.rows_model.RowsModel`: each column is a
heading and a function of the record giving what the cell shows (text, a date, a
number); ``row()`` and ``ROW_ROLE`` give back the record itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, text_of

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RecordsModel(ColumnHeaders, QAbstractTableModel, Generic[R]):
    """Columns are (heading, function of the record)."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[R], object]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._cells = list(columns)
        self._columns = [(heading, "") for heading, _cell in columns]  # ColumnHeaders reads it
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, number: int) -> R | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == ROW_ROLE:
            return record
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = text_of(self._cells[index.column()][1](record))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text
