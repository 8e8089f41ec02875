"""The composer's inputs: one editor a template input (text, lines, a date, a time, a
choice, a missed milestone), set from a starting value, read back as the facade takes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from send_desk.backend.letters_models import LetterInput, MissedMilestone
from send_desk.gui.formatting import missed_milestone_text


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def make_editor(
    item: LetterInput,
    missed: Iterable[MissedMilestone],
    today: date,
    changed: Callable[..., None],
) -> QWidget:
    """The editor of one input; ``changed`` is called as it is edited."""
    kind = item.kind
    if kind == "lines":
        text = QPlainTextEdit()
        text.setPlaceholderText("One a line")
        text.setTabChangesFocus(True)
        text.setFixedHeight(90)
        text.textChanged.connect(changed)
        return text
    if kind == "date":
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDate(_qdate(today))
        edit.dateChanged.connect(changed)
        return edit
    if kind == "time":
        clock = QTimeEdit()
        clock.setDisplayFormat("HH:mm")
        clock.setTime(QTime(10, 0))
        clock.timeChanged.connect(changed)
        return clock
    if kind in ("choice", "milestone"):
        combo = QComboBox()
        if kind == "choice":
            for choice in item.choices:
                combo.addItem(choice.replace("_", " "), choice)
        else:
            for row in missed:
                combo.addItem(missed_milestone_text(row), row.key)
        combo.currentIndexChanged.connect(changed)
        return combo
    line = QLineEdit()
    line.textChanged.connect(changed)
    return line


def set_input(editor: QWidget, value: object) -> None:
    if isinstance(editor, QPlainTextEdit):
        lines = value if isinstance(value, list | tuple) else str(value).splitlines()
        editor.setPlainText("\n".join(str(x) for x in lines))
    elif isinstance(editor, QDateEdit):
        editor.setDate(_qdate(value if isinstance(value, date) else date.fromisoformat(str(value))))
    elif isinstance(editor, QTimeEdit):
        moment = value if isinstance(value, time) else time.fromisoformat(str(value))
        editor.setTime(QTime(moment.hour, moment.minute))
    elif isinstance(editor, QComboBox):
        index = editor.findData(value)
        if index < 0:  # a milestone id without its due date
            index = next(
                (
                    i
                    for i in range(editor.count())
                    if str(editor.itemData(i)).split("|")[0] == str(value)
                ),
                -1,
            )
        if index >= 0:
            editor.setCurrentIndex(index)
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value))


def input_values(editors: Mapping[str, QWidget]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, editor in editors.items():
        if isinstance(editor, QPlainTextEdit):
            values[name] = editor.toPlainText()
        elif isinstance(editor, QDateEdit):
            values[name] = editor.date().toPython()
        elif isinstance(editor, QTimeEdit):
            values[name] = editor.time().toString("HH:mm")
        elif isinstance(editor, QComboBox):
            values[name] = editor.currentData()
        elif isinstance(editor, QLineEdit):
            values[name] = editor.text()
    return values
