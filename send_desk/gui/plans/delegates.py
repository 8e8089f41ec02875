"""Cell editors of the plan editor's tables.

Text cells hand each keystroke to the model (not only when the cell is left), so the
checklist follows what is being typed; links ("b1, b2") are handed over when the cell
is left, since half-typed ids would be refused. The SEN2 area is picked from the list
and a date from a calendar, so neither can be mistyped.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from send_desk.domain.codes import NEED_LABELS
from send_desk.domain.codes import Need as Sen2Need
from send_desk.gui.plans.models import SectionItemsModel

Index = QModelIndex | QPersistentModelIndex


def _kind(index: Index) -> str:
    model = index.model()
    if isinstance(model, SectionItemsModel) and 0 <= index.column() < len(model.columns):
        return model.columns[index.column()].kind
    return "text"


class ItemDelegate(QStyledItemDelegate):
    def __init__(self, plan_date: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_date = plan_date

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
        line = QLineEdit(parent)
        line.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        if kind == "text":
            line.textEdited.connect(lambda _text: self.commitData.emit(line))
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            row = editor.findData(str(value or ""))
            editor.setCurrentIndex(max(row, 0))
        elif isinstance(editor, QDateEdit):
            if isinstance(value, QDate) and value.isValid():
                editor.setDate(value)
            else:
                # a new outcome: a year on from the plan, to be changed
                start = self.plan_date or date.today()
                editor.setDate(QDate(start + timedelta(days=365)))
        elif isinstance(editor, QLineEdit):
            text = str(value or "")
            if editor.text() != text:  # keep the cursor where the typing is
                editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
