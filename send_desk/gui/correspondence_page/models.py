"""The correspondence lists' table models, their columns and the table view they share."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, RowsModel, text_of

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Mapping[str, Any]], Any]
PAGE_SIZE = 100
MAX_PAGES = 30
LATE = QColor("#c62828")
LATE_STATUSES = frozenset({"overdue", "missed", "answered_late"})


def _days(row: Mapping[str, Any]) -> str:
    days = row.get("days_left")
    if days is None:
        return ""
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days late"


ITEM_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("Reply due", "response_due"),
    ("", _days),
    ("Child", "child_name"),
    ("Channel", "channel_label"),
    ("From", "correspondent"),
    ("Received", "contact_date"),
    ("Summary", "summary"),
    ("Caseworker", "caseworker"),
    ("Answered", lambda r: f"{text_of(r['responded_on'])} {r['response_label']}".strip()),
]
CHILD_ITEM_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Date", "contact_date"),
    ("", "direction_label"),
    ("Channel", "channel_label"),
    ("Who", "correspondent"),
    ("Summary", "summary"),
    ("Status", "status_label"),
    ("Reply due", "response_due"),
    ("Answered", lambda r: f"{text_of(r['responded_on'])} {r['response_label']}".strip()),
]
CALLBACK_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("When", "slot_label"),
    ("Child", "child_name"),
    ("Call", "requested_by"),
    ("Phone", "phone"),
    ("About", "about"),
    ("Caller", lambda r: r["caller"] + (" (duty)" if r["via_duty"] else "")),
    ("Confirmed", "confirmation_label"),
]
COMPLAINT_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("Response due", "response_due"),
    ("", _days),
    ("Stage", "stage_label"),
    ("Received", "received_on"),
    ("Child", "child_name"),
    ("From", "complainant"),
    ("About", "summary"),
    ("Caseworker", "caseworker"),
    ("Root cause", "root_cause_label"),
    ("Outcome", "outcome_label"),
    ("Ombudsman", lambda r: text_of(r["ombudsman_referred_on"])),
]


class StatusRows(RowsModel):
    """RowsModel whose late rows (overdue, missed, answered late) show their status and
    dates in red; the status column says it in words too."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str | Cell]],
        parent: Any = None,
        late_columns: Sequence[int] = (0, 1, 2),
    ) -> None:
        super().__init__(columns, parent)
        self.late_columns = frozenset(late_columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            late = row is not None and row.get("status") in LATE_STATUSES
            return QBrush(LATE) if late and index.column() in self.late_columns else None
        if role == Qt.ItemDataRole.AccessibleTextRole and index.isValid():
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class LazyItemsModel(ColumnHeaders, QAbstractTableModel):
    """Item ids in the backend's order; display rows fetched a page at a time."""

    page_fetched = Signal(int)

    def __init__(
        self,
        fetch: Callable[[list[str]], Mapping[str, Mapping[str, Any]]],
        columns: Sequence[tuple[str, str | Cell]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._columns = list(columns)
        self._ids: list[str] = []
        self._pages: OrderedDict[int, Mapping[str, Mapping[str, Any]]] = OrderedDict()

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def row(self, number: int) -> Mapping[str, Any] | None:
        if not 0 <= number < len(self._ids):
            return None
        page = number // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_SIZE
            rows = self._fetch(self._ids[start : start + PAGE_SIZE])
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            self.page_fetched.emit(page)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[number])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ForegroundRole,
            ROW_ROLE,
        ):
            return None
        row = self.row(index.row())
        if row is None:
            return "(removed)" if role == Qt.ItemDataRole.DisplayRole else None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            late = row.get("status") in LATE_STATUSES and index.column() in (0, 1, 2)
            return QBrush(LATE) if late else None
        _heading, cell = self._columns[index.column()]
        text = text_of(cell(row) if callable(cell) else row.get(cell))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text


def table(name: str, model: QAbstractTableModel, widths: Sequence[int] = ()) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def selected(view: QTableView) -> dict[str, Any] | None:
    index = view.currentIndex()
    if not index.isValid():
        return None
    row = view.model().data(view.model().index(index.row(), 0), ROW_ROLE)
    return dict(row) if row else None
