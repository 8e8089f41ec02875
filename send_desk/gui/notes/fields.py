"""The note editor's fields: dates as typed, table cells, and which field a checklist
item is about (the editor jumps there); leaving a table from the keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTableWidget, QTableWidgetItem, QWidget

from send_desk.backend.notes_models import ChecklistItem
from send_desk.gui.forms.ui_note_editor import Ui_NoteEditorDialog

_UK_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def uk_to_iso(text: str) -> str:
    """'05/03/2026' -> '2026-03-05'; anything else is returned as typed (the check
    then names the cell that is not a date)."""
    match = _UK_DATE.match(text)
    if not match:
        return text.strip()
    day, month, year = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_to_uk(text: str | None) -> str:
    if not text:
        return ""
    try:
        return date.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        return text


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    table.setItem(row, column, QTableWidgetItem(text))


def iso(value: QDateTime) -> str:
    return str(value.toString("yyyy-MM-dd'T'HH:mm"))


def text_in(data: Mapping[str, object], key: str) -> str:
    """A text value of a note document (a draft may hold anything: blank if not text)."""
    value = data.get(key)
    return str(value) if value is not None and value != "" else ""


def rows_in(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    """The attendees, decisions or actions of a note document (what is not a row skipped)."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [row for row in value if isinstance(row, Mapping)]


def parse_iso(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def document_of(ui: Ui_NoteEditorDialog) -> dict[str, object]:
    """What the editor holds, as the case-note standard's structured note."""
    attendees: list[dict[str, object]] = []
    for row in range(ui.attendeesTable.rowCount()):
        name, role, relationship = (cell(ui.attendeesTable, row, c) for c in range(3))
        if name or role or relationship:
            attendees.append({"name": name, "role": role, "relationship": relationship})
    decisions: list[dict[str, object]] = []
    for row in range(ui.decisionsTable.rowCount()):
        decision, reasons, request = (cell(ui.decisionsTable, row, c) for c in range(3))
        explanation = cell(ui.decisionsTable, row, 4)
        check = ui.decisionsTable.item(row, 3)
        matches = check is None or check.checkState() == Qt.CheckState.Checked
        if decision or reasons or request or explanation:
            decisions.append(
                {
                    "decision": decision,
                    "reasons": reasons,
                    "parent_request": request,
                    "matches_request": matches if request else None,
                    "explanation": explanation,
                }
            )
    actions: list[dict[str, object]] = []
    for row in range(ui.actionsTable.rowCount()):
        what, owner, due = (cell(ui.actionsTable, row, c) for c in range(3))
        if what or owner or due:
            actions.append({"what": what, "owner": owner, "due": uk_to_iso(due) or None})
    return {
        "kind": ui.kindCombo.currentData(),
        "occurred_at": iso(ui.occurredEdit.dateTime()),
        "recorded_at": iso(ui.recordedEdit.dateTime()),
        "attendees": attendees,
        "purpose": ui.purposeEdit.text(),
        "body": ui.bodyEdit.toPlainText(),
        "child_voice": ui.childVoiceEdit.toPlainText(),
        "child_voice_not_obtained_reason": ui.childVoiceReasonEdit.text(),
        "parent_views": ui.parentViewsEdit.toPlainText(),
        "reason_no_family": ui.reasonNoFamilyEdit.text(),
        "decisions": decisions,
        "actions": actions,
    }


def field_widget(
    ui: Ui_NoteEditorDialog, item: ChecklistItem, add_row: Callable[[QTableWidget], int]
) -> QWidget | None:
    """The field a checklist item is about, its cell made current (a row added to an
    empty table)."""
    criterion = item.id
    if criterion == "when":
        return ui.recordedEdit if "written up" in item.message else ui.occurredEdit
    if criterion == "recorded_promptly":
        return ui.recordedEdit
    if criterion == "who_present" or criterion == "interpreter_independent":
        table = ui.attendeesTable
        if table.rowCount() == 0:
            add_row(table)
        else:
            blank = next(
                (r for r in range(table.rowCount()) if not cell(table, r, 0)
                 or not cell(table, r, 1)), 0,
            )  # fmt: skip
            column = 0 if not cell(table, blank, 0) else 1
            if criterion == "interpreter_independent":
                blank = next((r for r in range(table.rowCount())
                              if cell(table, r, 1).lower() == "interpreter"), 0)  # fmt: skip
                column = 2
            table.setCurrentCell(blank, column)
        return table
    if criterion == "child_voice":
        return ui.childVoiceEdit
    if criterion in ("decision_reasons", "disparity_explained"):
        table = ui.decisionsTable
        column = 1 if criterion == "decision_reasons" else 4
        for row in range(table.rowCount()):
            if criterion == "decision_reasons" and len(cell(table, row, 1).split()) < 3:
                table.setCurrentCell(row, column)
                break
            check = table.item(row, 3)
            if (criterion == "disparity_explained" and check is not None
                    and check.checkState() != Qt.CheckState.Checked
                    and not cell(table, row, 4)):  # fmt: skip
                table.setCurrentCell(row, column)
                break
        return table
    if criterion == "actions_owned":
        table = ui.actionsTable
        for row in range(table.rowCount()):
            if not cell(table, row, 1):
                table.setCurrentCell(row, 1)
                break
            if not cell(table, row, 2):
                table.setCurrentCell(row, 2)
                break
        return table
    if criterion in ("acronyms_explained", "plain_language"):
        select_in_body(ui.bodyEdit, item)
        return ui.bodyEdit
    names = {
        "purpose": ui.purposeEdit,
        "parent_views": ui.parentViewsEdit,
        "professionals_only_reason": ui.reasonNoFamilyEdit,
    }
    return names.get(criterion)


def select_in_body(body: QPlainTextEdit, item: ChecklistItem) -> None:
    start, length = -1, 0
    if item.id == "acronyms_explained" and item.acronyms:
        first = item.acronyms[0]
        start, length = first.start, len(first.written)
    elif item.id == "plain_language" and item.long_sentences:
        sentence = item.long_sentences[0]
        start, length = body.toPlainText().find(sentence), len(sentence)
    if start >= 0:
        cursor = QTextCursor(body.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)


def leave_table(window: QWidget, table: QTableWidget, forward: bool = True) -> QWidget | None:
    """Keep what is typed in the cell and move to the field after (or before) it."""
    table.setFocus(Qt.FocusReason.OtherFocusReason)  # closes the cell, keeping its text
    widget: QWidget | None = table
    while widget is not None:
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is None or widget is table:
            return None
        if (
            not table.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is window
        ):
            widget.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return widget
    return None


def leave_tables_by_keyboard(window: QWidget, tables: Iterable[QTableWidget]) -> None:
    """Ctrl+Tab (Ctrl+Shift+Tab) leaves a table, also from the cell being typed in."""
    for table in tables:
        for keys, forward in (("Ctrl+Tab", True), ("Ctrl+Shift+Tab", False)):
            leave = QShortcut(QKeySequence(keys), table)
            leave.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            leave.activated.connect(
                lambda table=table, forward=forward: leave_table(window, table, forward)
            )
