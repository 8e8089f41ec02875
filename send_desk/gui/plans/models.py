"""Item models of the plan editor: the sections A to K with their marks, the live
checklist, and the items of one section (B to H2) as an editable table.

The table model holds the plan's own frozen items (Need, Outcome, Provision) and
replaces one field at a time, so keys of an item the editor does not show (``extra``)
are kept through every edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from send_desk.gui.dialogs import qdate
from send_desk.gui.formatting import uk_date
from send_desk.gui.plans.signals import data_changed
from send_desk.plans import SECTION_ORDER, SECTION_TITLES, Need, Outcome, Provision
from send_desk.plans.checker import PlanCheckResult, PlanItemResult

Index = QModelIndex | QPersistentModelIndex
PlanItem = Need | Outcome | Provision
CellValue = str | bool | date | QDate | None

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the section key of a row ("H1")
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 2  # the criterion id of a checklist row

# Marks as well as colour: a state is never shown by colour alone.
MARKS = {"passed": "✔", "failed": "✘", "none": "–"}
FAILED_RED = "#b71c1c"


def sections_of(result: PlanItemResult) -> tuple[str, ...]:
    """The sections a criterion is about: its own, except that plain language names the
    texts it read (A's fields, B's needs) and H stands for H1 and H2."""
    if result.id == "plain_language" and result.items:
        found = ["A" if item.startswith("A.") else item[:1].upper() for item in result.items]
        return tuple(dict.fromkeys(found))
    if result.section == "H":
        return ("H1", "H2")
    return (result.section,)


def section_states(result: PlanCheckResult | None) -> dict[str, str]:
    """passed / failed for every section with an applicable criterion, else none."""
    states = dict.fromkeys(SECTION_ORDER, "none")
    if result is None:
        return states
    for criterion in result.criteria:
        if not criterion.applies:
            continue
        for section in sections_of(criterion):
            if section not in states:
                continue
            if not criterion.passed:
                states[section] = "failed"
            elif states[section] == "none":
                states[section] = "passed"
    return states


class SectionListModel(QAbstractListModel):
    """A to K with their statutory titles, each marked from the last check."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states = section_states(None)
        self._failed: dict[str, list[str]] = {}

    def set_result(self, result: PlanCheckResult) -> None:
        states = section_states(result)
        failed: dict[str, list[str]] = {}
        for criterion in result.failed:
            for section in sections_of(criterion):
                failed.setdefault(section, []).append(criterion.label or criterion.id)
        if (states, failed) == (self._states, self._failed):
            return  # most keys change nothing here: the views are not told
        self._states, self._failed = states, failed
        data_changed(self, self.index(0), self.index(len(SECTION_ORDER) - 1))

    def state(self, section: str) -> str:
        return self._states.get(section, "none")

    def row_of(self, section: str) -> int:
        return SECTION_ORDER.index(section) if section in SECTION_ORDER else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SECTION_ORDER)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(SECTION_ORDER):
            return None
        key = SECTION_ORDER[index.row()]
        state = self.state(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{MARKS[state]}  {key}  {SECTION_TITLES[key]}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            if state == "failed":
                return "Not met: " + "; ".join(self._failed.get(key, []))
            return "Met" if state == "passed" else "No automatic check for this section"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = {"passed": "met", "failed": "not met", "none": "not checked"}[state]
            return f"Section {key}, {SECTION_TITLES[key]}: {words}"
        if role == Qt.ItemDataRole.FontRole and state == "failed":
            font = QFont()
            font.setBold(True)
            return font
        if role == SECTION_ROLE:
            return key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class PlanChecklistModel(QAbstractListModel):
    """The applicable criteria: a tick, or a cross with what to put right and where."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[PlanItemResult] = []
        self.current_section = ""

    def set_result(self, result: PlanCheckResult) -> None:
        items = [c for c in result.criteria if c.applies]
        if [i.id for i in items] == [i.id for i in self._items]:
            if items != self._items:
                self._items = items
                data_changed(self, self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def set_current_section(self, section: str) -> None:
        if section == self.current_section:
            return
        self.current_section = section
        if self._items:
            data_changed(self, self.index(0), self.index(len(self._items) - 1))

    def item(self, row: int) -> PlanItemResult | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, criterion_id: str) -> int:
        return next((row for row, i in enumerate(self._items) if i.id == criterion_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        state = "passed" if item.passed else "failed"
        where = "/".join(sections_of(item))
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{MARKS[state]}  {where}  {item.label or item.id}"
            if not item.passed:
                text += "\n" + "\n".join(item.details or (item.message,))
            return text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return item.message if not item.passed else "Met"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.label}: {'met' if item.passed else 'not met'}"
        # red with white text, as the error banner: readable in light and dark themes
        if role == Qt.ItemDataRole.ForegroundRole and state == "failed":
            return QBrush(QColor("#ffffff"))
        if role == Qt.ItemDataRole.BackgroundRole and state == "failed":
            return QBrush(QColor(FAILED_RED))
        if role == Qt.ItemDataRole.FontRole and self.current_section in sections_of(item):
            font = QFont()
            font.setBold(True)  # the criteria of the section being written
            return font
        if role == CRITERION_ROLE:
            return item.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


# ---------------------------------------------------------------- section items


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the item's field
    title: str
    kind: str  # id, text, area, check, date, links
    tip: str = ""


_ID = Column("id", "Id", "id", "Other items name this one by its id")
_WHAT = Column("what", "What", "text", "What will be done")
_WHO = Column("who", "Who", "text", "Who will do it, with their qualification or expertise")
_OFTEN = Column("frequency", "How often", "text", "A number and a unit: 2 sessions a week")
_LONG = Column("duration", "How long", "text", "A number and a unit: 30 minutes")
_DESCRIBE = Column("description", "Need", "text", "Describe the need (10 words or more in B)")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "B": (
        _ID,
        Column("area", "SEN2 area", "area", "The need's SEN2 area (ASD, SLCN, SEMH…)"),
        Column("primary", "Primary", "check", "Tick the one primary need"),
        _DESCRIBE,
    ),
    "C": (_ID, _DESCRIBE),
    "D": (_ID, _DESCRIBE),
    "E": (
        _ID,
        Column("outcome", "Outcome", "text", "What the child will do, measurably"),
        Column("by", "By", "date", "The date it is achieved by (after the plan's date)"),
        Column("needs", "Needs", "links", "The needs it serves: ids such as b1, b2"),
        Column(
            "pfa",
            "Preparing for adulthood",
            "check",
            "Employment, independent living, community or health",
        ),
    ),
    "F": (
        _ID,
        _WHAT,
        _WHO,
        _OFTEN,
        _LONG,
        Column("group", "Group", "text", "1:1, a group of 3…"),
        Column("review", "Review", "text", "When it is reviewed"),
        Column("needs", "Needs (B)", "links", "The needs in B it meets: b1, b2"),
        Column("outcomes", "Outcomes (E)", "links", "The outcomes in E it serves: e1, e2"),
    ),
}
for _key in ("G", "H1", "H2"):
    COLUMNS[_key] = (
        _ID, _WHAT, _WHO, _OFTEN, _LONG,
        Column("needs", "Needs", "links", "The needs it meets: c1, d1"),
    )  # fmt: skip
ITEM_SECTIONS = tuple(COLUMNS)


def parse_ids(text: str) -> list[str]:
    return [token.lower() for token in re.split(r"[\s,;]+", text) if token]


class SectionItemsModel(QAbstractTableModel):
    """The items of one section, one row each; edits replace the item's field."""

    refused = Signal(str)  # a link to an item that does not exist, in words

    def __init__(
        self,
        section: str,
        items: Sequence[PlanItem],
        choices: Callable[[str, str], tuple[str, ...]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.columns = COLUMNS[section]
        self._items: list[PlanItem] = list(items)
        # (section, link field) -> the ids a link may name
        self._choices = choices

    @property
    def items(self) -> tuple[PlanItem, ...]:
        return tuple(self._items)

    def row_of(self, item_id: str) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def choices(self, key: str) -> tuple[str, ...]:
        """The ids this section's items may name in ``key`` (needs or outcomes)."""
        return self._choices(self.section, key)

    def column_of(self, key: str) -> int:
        return next((c for c, column in enumerate(self.columns) if column.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        value = getattr(self._items[index.row()], column.key, None)
        if column.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{column.title}: {'yes' if value else 'no'}"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column.kind == "date":
                if role == Qt.ItemDataRole.EditRole:
                    return qdate(value) if isinstance(value, date) else None
                return uk_date(value) if isinstance(value, date) else ""
            if column.kind == "links":
                return ", ".join(value or ())
            return str(value or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.kind == "links":
                choices = self._choices(self.section, column.key)
                return f"{column.tip}. Can name: {', '.join(choices) or 'nothing yet'}"
            return column.tip
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return False
        if not 0 <= index.column() < len(self.columns):
            return False
        column = self.columns[index.column()]
        item = self._items[index.row()]
        new: object
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        elif role != Qt.ItemDataRole.EditRole or column.kind == "id":
            return False
        elif column.kind == "date":
            new = value.toPython() if isinstance(value, QDate) and value.isValid() else None
            if isinstance(value, date):
                new = value
        elif column.kind == "area":
            new = str(value or "").strip().upper()
        elif column.kind == "links":
            new = self._links(item, column, str(value or ""))
        else:
            new = str(value or "")
        if getattr(item, column.key) == new:
            return True
        change: dict[str, Any] = {column.key: new}
        self._items[index.row()] = replace(item, **change)
        cell = self.index(index.row(), index.column())
        data_changed(self, cell, cell)
        return True

    def _links(self, item: PlanItem, column: Column, text: str) -> tuple[str, ...]:
        allowed = self._choices(self.section, column.key)
        wanted = list(dict.fromkeys(parse_ids(text)))
        unknown = [token for token in wanted if token not in allowed]
        if unknown:
            what = "need" if column.key == "needs" else "outcome"
            self.refused.emit(
                f"{item.id}: there is no {what} {', '.join(unknown)} to name "
                f"(it can name {', '.join(allowed) or 'nothing yet'})."
            )
        return tuple(token for token in wanted if token in allowed)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemNeverHasChildren
        kind = self.columns[index.column()].kind if index.column() < len(self.columns) else "id"
        if kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind == "id":
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def append(self, item: PlanItem) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> PlanItem | None:
        if not 0 <= row < len(self._items):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._items.pop(row)
        self.endRemoveRows()
        return removed

    def drop_links(self, gone: str) -> None:
        """An item was removed: links to it go too, so the plan never names nothing."""
        for row, item in enumerate(self._items):
            changes: dict[str, Any] = {}
            for key in ("needs", "outcomes"):
                links: tuple[str, ...] = getattr(item, key, ())
                if gone in links:
                    changes[key] = tuple(link for link in links if link != gone)
            if changes:
                self._items[row] = replace(item, **changes)
                data_changed(self, self.index(row, 0), self.index(row, len(self.columns) - 1))
