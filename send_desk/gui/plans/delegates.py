"""Cell editors of the plan editor's tables.

Text cells hand each keystroke to the model (not only when the cell is left), so the
checklist follows what is being typed. Links (the needs or outcomes an item serves) are
ticked in a list of the items they may name, with the start of each item's text, so
an id is never mistyped; the SEN2 area is picked from the list and a date from a
calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from send_desk.domain.codes import NEED_LABELS
from send_desk.domain.codes import Need as Sen2Need
from send_desk.gui.dialogs import qdate
from send_desk.gui.plans.models import SectionItemsModel, parse_ids

Index = QModelIndex | QPersistentModelIndex


def _kind(index: Index) -> str:
    model = index.model()
    if isinstance(model, SectionItemsModel) and 0 <= index.column() < len(model.columns):
        return model.columns[index.column()].kind
    return "text"


class LinkPicker(QListWidget):
    """The items a link may name, ticked when named (Space ticks, Enter keeps)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for item_id, text in choices:
            row = QListWidgetItem(f"{item_id}  {text}" if text else item_id, self)
            row.setData(Qt.ItemDataRole.UserRole, item_id)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            row.setCheckState(Qt.CheckState.Unchecked)
        if not choices:
            QListWidgetItem("Nothing to name yet: add it in its section first", self)
        self.setCurrentRow(0)

    def set_ids(self, ids: list[str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            named = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if named else Qt.CheckState.Unchecked)

    def ids(self) -> list[str]:
        items = (self.item(row) for row in range(self.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]


class ItemDelegate(QStyledItemDelegate):
    def __init__(
        self,
        plan_date: date | None,
        describe: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan_date = plan_date
        self.describe = describe  # an item id -> the start of its text

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = _kind(index)
        if kind == "area":
            combo = QComboBox(parent)
            combo.setAccessibleName("SEN2 area")
            for need in Sen2Need:
                combo.addItem(f"{need.value} – {NEED_LABELS[need]}", need.value)
            combo.activated.connect(lambda _row: self.commitData.emit(combo))
            return combo
        if kind == "date":
            edit = QDateEdit(parent)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setAccessibleName("By (date)")
            return edit
        model = index.model()
        if kind == "links" and isinstance(model, SectionItemsModel):
            key = model.columns[index.column()].key
            picker = LinkPicker([(i, self.describe(i)) for i in model.choices(key)], parent)
            picker.setAccessibleName(f"{model.columns[index.column()].title}: tick each it serves")
            picker.itemChanged.connect(lambda _item: self.commitData.emit(picker))
            return picker
        line = QLineEdit(parent)
        line.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        if kind == "text":
            # each key goes to the model at once (set directly: see gui.plans.signals)
            cell = QPersistentModelIndex(index)
            line.textEdited.connect(
                lambda text: (
                    cell.isValid() and cell.model().setData(cell, text, Qt.ItemDataRole.EditRole)
                )
            )
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, LinkPicker):
            editor.set_ids(parse_ids(str(value or "")))
        elif isinstance(editor, QComboBox):
            row = editor.findData(str(value or ""))
            editor.setCurrentIndex(max(row, 0))
        elif isinstance(editor, QDateEdit):
            if isinstance(value, QDate) and value.isValid():
                editor.setDate(value)
            else:
                # a new outcome: a year on from the plan, to be changed
                start = self.plan_date or date.today()
                editor.setDate(qdate(start + timedelta(days=365)))
        elif isinstance(editor, QLineEdit):
            text = str(value or "")
            if editor.text() != text:  # keep the cursor where the typing is
                editor.setText(text)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, LinkPicker):
            # the list drops down from the cell, wide and tall enough to read
            rows = max(1, min(editor.count(), 6))
            height = editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth()
            rect = option.rect
            editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 280), height)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, LinkPicker):
            model.setData(index, ", ".join(editor.ids()), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
