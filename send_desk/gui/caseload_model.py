"""The caseload table model: holds child ids, fetches row data lazily a page at a time.

Filtering and sorting happen in the backend (SQL), which hands back the ordered ids;
the model keeps only those ids (20,000 short strings) and a bounded cache of pages of
display rows, fetched when a view first asks for a row on that page.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from send_desk.backend import CASELOAD_COLUMNS, SORT_KEYS
from send_desk.backend.caseload_models import CaseloadRow
from send_desk.backend.labels import need_label, stage_label
from send_desk.gui.formatting import (
    caseworker_text,
    deadline_label,
    deadline_when,
    uk_date,
    year_group_text,
)
from send_desk.gui.rows_model import read_only_flags

if TYPE_CHECKING:
    from send_desk.backend.caseload_api import CaseloadApi

PAGE_SIZE = 100
MAX_PAGES = 40
Index = QModelIndex | QPersistentModelIndex
# rows for a page of (hex) ids, keyed by hex id; ids no longer on the record left out
RowFetcher = Callable[[Sequence[str]], Mapping[str, CaseloadRow]]


def rows_fetcher(caseload: CaseloadApi) -> RowFetcher:
    """The model's fetcher over ``backend.caseload`` (Qt items carry ids as hex text)."""

    def fetch(ids: Sequence[str]) -> dict[str, CaseloadRow]:
        rows = caseload.caseload_rows(uuid.UUID(child) for child in ids)
        return {child.hex: row for child, row in rows.items()}

    return fetch


ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def _display(key: str, row: CaseloadRow) -> str:
    if key == "name":
        return row.name
    if key == "date_of_birth":
        return uk_date(row.date_of_birth)
    if key == "year_group":
        return year_group_text(row.year_group)
    if key == "stage":
        return stage_label(row.stage)
    if key == "next_deadline":
        upcoming = row.next_deadline
        return f"{deadline_when(upcoming).capitalize()}: {upcoming.title}" if upcoming else ""
    if key == "flags":
        return ", ".join(row.flags)
    if key == "caseworker":
        return caseworker_text(row.caseworker)
    value = {"upn": row.upn, "setting": row.setting, "need": row.need, "team": row.team}
    return value.get(key) or ""


class CaseloadModel(QAbstractTableModel):
    """Ids in the order the backend returned them; rows fetched by page on demand."""

    page_fetched = Signal(int)
    sort_requested = Signal(str, bool)

    def __init__(self, fetch_rows: RowFetcher, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._pages: OrderedDict[int, Mapping[str, CaseloadRow]] = OrderedDict()
        self.columns = list(CASELOAD_COLUMNS)
        # what happens next, after the stage: "12 days overdue: Issue the final plan"
        after_stage = [key for key, _title in self.columns].index("stage") + 1
        self.columns.insert(after_stage, ("next_deadline", "Next deadline"))

    # ---- ids

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, child_id: str) -> int:
        try:
            return self._ids.index(child_id)
        except ValueError:
            return -1

    def refresh_rows(self, child_ids: Sequence[str] = ()) -> None:
        """Forget cached rows (all, or the pages holding these ids) so they are re-read."""
        if not child_ids:
            self._pages.clear()
        else:
            for child_id in child_ids:
                row = self.row_of(child_id)
                if row >= 0:
                    self._pages.pop(row // PAGE_SIZE, None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def row_data(self, row: int) -> CaseloadRow | None:
        child_id = self.id_at(row)
        if child_id is None:
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_SIZE
            rows = self._fetch_rows(self._ids[start : start + PAGE_SIZE])
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            self.page_fetched.emit(page)
        else:
            self._pages.move_to_end(page)
        return rows.get(child_id)

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    # ---- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self.row_data(index.row())
        key = self.columns[index.column()][0]
        if row is None:
            return "(removed)" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "need":
                return need_label(row.need) if row.need else None
            if key == "name":
                return f"{row.name}: {stage_label(row.stage)}"
            if key == "next_deadline" and row.next_deadline:
                return deadline_label(row.next_deadline)
            return None
        return _display(key, row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section][1]
            return None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the backend's job: ask for the ids in the new order."""
        if 0 <= column < len(self.columns) and self.columns[column][0] in SORT_KEYS:
            self.sort_requested.emit(self.columns[column][0], order == Qt.SortOrder.DescendingOrder)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)
