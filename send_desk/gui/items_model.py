"""The read-only table model over the backend's read models (frozen dataclasses).

The typed sibling of :class:`~send_desk.gui.rows_model.RowsModel`, whose rows are dicts:
each column is a heading and a function of the row giving what the cell shows (text, a
date, a number, worded by ``text_of``), so a renamed field fails type checking, not at
run time. ``row()`` and ``ROW_ROLE`` give back the read model itself. With
``late_columns``, a late row (overdue, missed, answered late) shows those columns in red
and says so in words too, so colour is never the only sign.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, Index, text_of

Row = TypeVar("Row")
Column = tuple[str, Callable[[Row], object]]
LATE = QColor("#c62828")
LATE_STATUSES = frozenset({"overdue", "missed", "answered_late"})
_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def status_of(row: object) -> str | None:
    """The status code of a list's row (None for a row without one)."""
    status = getattr(row, "status", None)
    return status if isinstance(status, str) else None


class ItemsModel(ColumnHeaders, QAbstractTableModel, Generic[Row]):
    """Columns are (heading, function of the row)."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent: QObject | None = None,
        late_columns: Sequence[int] = (),
        status: Callable[[Row], str | None] = status_of,
    ) -> None:
        super().__init__(parent)
        self._cells: list[Column[Row]] = list(columns)
        self._columns = [(heading, "") for heading, _cell in columns]  # ColumnHeaders reads it
        self._items: list[Row] = []
        self.late_columns = frozenset(late_columns)
        self._status = status

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._items = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._items)

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
        if role == Qt.ItemDataRole.ForegroundRole:
            late = index.column() in self.late_columns and self._status(item) in LATE_STATUSES
            return QBrush(LATE) if late else None
        if role not in _TEXT_ROLES:
            return None
        text = text_of(self._cells[index.column()][1](item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text


class TypedRows(ItemsModel[Row]):
    """The correspondence and sync lists: late rows in red in their first columns."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent: QObject | None = None,
        late_columns: Sequence[int] = (0, 1, 2),
        status: Callable[[Row], str | None] = status_of,
    ) -> None:
        super().__init__(columns, parent, late_columns, status)


__all__ = ["LATE", "LATE_STATUSES", "Column", "ItemsModel", "TypedRows", "status_of"]
