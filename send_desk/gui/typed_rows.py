"""A read-only table of the backend's read models: each column is a heading and a
function of the row giving what to show (``text_of`` words dates, times and yes/no)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, text_of

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Column = tuple[str, Callable[[Row], object]]
LATE = QColor("#c62828")
LATE_STATUSES = frozenset({"overdue", "missed", "answered_late"})


def status_of(row: object) -> str | None:
    """The status code of a list's row (None for a row without one)."""
    status = getattr(row, "status", None)
    return status if isinstance(status, str) else None


class TypedRows(ColumnHeaders, QAbstractTableModel, Generic[Row]):
    """A read-only list of read models; with ``late_columns``, a late row (overdue,
    missed, answered late) shows those columns in red and says it in words too."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent: QObject | None = None,
        late_columns: Sequence[int] = (0, 1, 2),
        status: Callable[[Row], str | None] = status_of,
    ) -> None:
        super().__init__(parent)
        # ColumnHeaders reads only the headings
        self._columns = [(heading, heading) for heading, _cell in columns]
        self._cells: list[Column[Row]] = list(columns)
        self._rows: list[Row] = []
        self.late_columns = frozenset(late_columns)
        self._status = status

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, number: int) -> Row | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            late = self._status(row) in LATE_STATUSES
            return QBrush(LATE) if late and index.column() in self.late_columns else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        text = text_of(self._cells[index.column()][1](row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text


__all__ = ["LATE", "LATE_STATUSES", "Column", "TypedRows", "status_of"]
