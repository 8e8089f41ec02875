"""The correspondence lists' table models, their columns and the table view they share.

Rows are the backend's read models (``CorrespondenceRow``, ``Callback``, ``Complaint``,
My day's ``DueItem``); each column is a heading and a function of the row giving the
text (through ``send_desk.gui.formatting``)."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from send_desk.backend.correspondence_models import (
    Callback,
    Complaint,
    CorrespondenceRow,
    Vocabulary,
)
from send_desk.gui import formatting as fmt
from send_desk.gui.items_model import LATE, LATE_STATUSES, Column, TypedRows
from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, text_of

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
MAX_PAGES = 30


def _answered(row: CorrespondenceRow) -> str:
    return f"{text_of(row.responded_on)} {fmt.response_kind(row.response_kind)}".strip()


ITEM_COLUMNS: list[Column[CorrespondenceRow]] = [
    ("Status", lambda r: fmt.item_status(r.status)),
    ("Reply due", lambda r: r.response_due),
    ("", lambda r: fmt.days_left(r.days_left)),
    ("Child", lambda r: r.child_name),
    ("Channel", lambda r: fmt.channel(r.channel)),
    ("From", lambda r: r.correspondent),
    ("Received", lambda r: r.contact_date),
    ("Summary", lambda r: r.summary),
    ("Caseworker", lambda r: r.caseworker),
    ("Answered", _answered),
]
CHILD_ITEM_COLUMNS: list[Column[CorrespondenceRow]] = [
    ("Date", lambda r: r.contact_date),
    ("", lambda r: fmt.direction(r.direction)),
    ("Channel", lambda r: fmt.channel(r.channel)),
    ("Who", lambda r: r.correspondent),
    ("Summary", lambda r: r.summary),
    ("Status", lambda r: fmt.item_status(r.status)),
    ("Reply due", lambda r: r.response_due),
    ("Answered", _answered),
]
CALLBACK_COLUMNS: list[Column[Callback]] = [
    ("Status", lambda r: fmt.callback_status(r.status)),
    ("When", lambda r: fmt.callback_when(r.slot_start)),
    ("Child", lambda r: r.child_name),
    ("Call", lambda r: r.requested_by),
    ("Phone", lambda r: r.phone),
    ("About", lambda r: r.about),
    ("Caller", lambda r: r.caller + (" (duty)" if r.via_duty else "")),
    ("Confirmed", lambda r: fmt.confirmation(r.confirmation_via)),
]


def complaint_columns(vocab: Vocabulary) -> list[Column[Complaint]]:
    """The complaints list's columns; stages, causes and outcomes are the store's own."""
    return [
        ("Status", lambda r: fmt.complaint_status(r.status)),
        ("Response due", lambda r: r.response_due),
        ("", lambda r: fmt.days_left(r.days_left)),
        ("Stage", lambda r: vocab.stage_label(r.stage) if r.stage else ""),
        ("Received", lambda r: r.received_on),
        ("Child", lambda r: r.child_name),
        ("From", lambda r: r.complainant),
        ("About", lambda r: r.summary),
        ("Caseworker", lambda r: r.caseworker),
        ("Root cause", lambda r: vocab.root_cause_label(r.root_cause)),
        ("Outcome", lambda r: vocab.outcome_label(r.outcome)),
        ("Ombudsman", lambda r: text_of(r.ombudsman_referred_on)),
    ]


StatusRows = TypedRows  # the name the pages and tests know the lists by


class LazyItemsModel(ColumnHeaders, QAbstractTableModel):
    """Item ids in the backend's order; display rows fetched a page at a time."""

    page_fetched = Signal(int)

    def __init__(
        self,
        fetch: Callable[[list[uuid.UUID]], dict[uuid.UUID, CorrespondenceRow]],
        columns: Sequence[Column[CorrespondenceRow]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        # ColumnHeaders reads only the headings
        self._columns = [(heading, heading) for heading, _cell in columns]
        self._cells = list(columns)
        self._ids: list[uuid.UUID] = []
        self._pages: OrderedDict[int, dict[uuid.UUID, CorrespondenceRow]] = OrderedDict()

    def set_ids(self, ids: Sequence[uuid.UUID]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[uuid.UUID]:
        return list(self._ids)

    def row(self, number: int) -> CorrespondenceRow | None:
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
        return 0 if parent.isValid() else len(self._cells)

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
            late = row.status in LATE_STATUSES and index.column() in (0, 1, 2)
            return QBrush(LATE) if late else None
        text = text_of(self._cells[index.column()][1](row))
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


def selected(view: QTableView) -> object | None:
    """The read model of the selected row (narrow it with isinstance)."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    row: object = view.model().data(view.model().index(index.row(), 0), ROW_ROLE)
    return row


__all__ = [
    "CALLBACK_COLUMNS",
    "CHILD_ITEM_COLUMNS",
    "ITEM_COLUMNS",
    "LATE_STATUSES",
    "Column",
    "LazyItemsModel",
    "StatusRows",
    "TypedRows",
    "complaint_columns",
    "selected",
    "table",
]
