"""The SEN2 page's item models: the problems grouped by rule (a tree: a rule, then each
child it names) and the counts per module."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtCore import QPersistentModelIndex as Persistent

from send_desk.backend.sen2_models import ModuleCount, Sen2Problem
from send_desk.gui.formatting import (
    sen2_count,
    sen2_module,
    sen2_rule,
    sen2_severity,
    sen2_what,
    sen2_who,
)
from send_desk.gui.rows_model import read_only_flags

Index = QModelIndex | Persistent
CHILD_ROLE = Qt.ItemDataRole.UserRole + 1  # the child's id as text (Qt carries strings)
RULE_ROLE = Qt.ItemDataRole.UserRole + 2  # the group's rule id
_DISPLAY = Qt.ItemDataRole.DisplayRole
_GROUP = 0  # internal id of a group row; a child row holds its group's row + 1
COLUMNS = ("Rule / child", "Severity", "How many", "Module", "Message")


@dataclass(frozen=True, slots=True)
class ProblemGroup:
    rule: str
    severity: str
    problems: tuple[Sen2Problem, ...]

    @property
    def modules(self) -> str:
        seen = dict.fromkeys(sen2_module(p.module) for p in self.problems)
        return ", ".join(seen)


def group_problems(problems: Sequence[Sen2Problem]) -> tuple[ProblemGroup, ...]:
    """One group per rule and severity: errors first (COLLECT refuses the file for
    them), then queries; by rule within each; the problems in the return's order."""
    grouped: dict[tuple[str, str], list[Sen2Problem]] = {}
    for problem in problems:
        grouped.setdefault((problem.rule, problem.severity), []).append(problem)
    order = sorted(grouped, key=lambda key: (key[1] != "error", key[0]))
    return tuple(ProblemGroup(rule, severity, tuple(grouped[rule, severity]))
                 for rule, severity in order)  # fmt: skip


class ProblemsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: tuple[ProblemGroup, ...] = ()

    def set_problems(self, problems: Sequence[Sen2Problem]) -> None:
        self.beginResetModel()
        self.groups = group_problems(problems)
        self.endResetModel()

    # ---- structure

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        group = int(child.internalId())
        if group == _GROUP:
            return QModelIndex()
        return self.createIndex(group - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if int(parent.internalId()) == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()].problems)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if int(index.internalId()) != _GROUP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    # ---- content

    def problem(self, index: Index) -> Sen2Problem | None:
        """The problem on a child row; None on a group row."""
        if not index.isValid() or int(index.internalId()) == _GROUP:
            return None
        return self.groups[int(index.internalId()) - 1].problems[index.row()]

    def child_id(self, index: Index) -> uuid.UUID | None:
        problem = self.problem(index)
        return problem.child_id if problem is not None else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        group_row = int(index.internalId())
        if group_row == _GROUP:
            return self._group_data(self.groups[index.row()], index.column(), role)
        problem = self.groups[group_row - 1].problems[index.row()]
        return self._problem_data(problem, index.column(), role)

    def _group_data(self, group: ProblemGroup, column: int, role: int) -> Any:
        if role == RULE_ROLE:
            return group.rule
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (sen2_rule(group.rule), sen2_severity(group.severity),
                  str(len(group.problems)), group.modules, "")  # fmt: skip
        return values[column]

    def _problem_data(self, problem: Sen2Problem, column: int, role: int) -> Any:
        has_child = problem.child_id is not None
        if role == CHILD_ROLE:
            return problem.child_id.hex if problem.child_id is not None else None
        if role == RULE_ROLE:
            return problem.rule
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem.message + (
                "\nDouble-click or Enter opens the record." if has_child else ""
            )
        if role != _DISPLAY:
            return None
        values = (sen2_who(problem.message, has_child), sen2_severity(problem.severity), "",
                  sen2_module(problem.module), sen2_what(problem.message, has_child))  # fmt: skip
        return values[column]


class CountsModel(QAbstractTableModel):
    """How many of each module the return holds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counts: tuple[ModuleCount, ...] = ()

    def set_counts(self, counts: Sequence[ModuleCount]) -> None:
        self.beginResetModel()
        self.counts = tuple(counts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.counts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return ("Module", "Count")[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        item = self.counts[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != _DISPLAY:
            return None
        return sen2_count(item.name) if index.column() == 0 else f"{item.count:,}"
