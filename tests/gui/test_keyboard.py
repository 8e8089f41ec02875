"""Keyboard: one Alt key for one control in every window; shortcuts never eat typed
text; after a search the results have the focus; Ctrl+Tab leaves the editor's tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from tests.gui.children import child_ids
from tests.gui.mnemonics import duplicates
from tests.gui.test_laptop_fit import WINDOWS, _form_classes


def _press_alt(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """What a user does before an Alt key: the letters are then what Alt+letter does."""
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)


def _open_child(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    child_id = child_ids(window.backend)[0]
    with qtbot.waitSignal(window.record.loaded, timeout=5000):
        window.open_child(child_id)
    return window.record


def test_no_page_of_the_main_window_has_two_controls_on_one_alt_key(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, Any] = {}
    for spec in window.page_specs:
        window.show_page(spec.id)
        _press_alt(qtbot, window)
        found[spec.id] = duplicates(window)
    record = _open_child(qtbot, window)
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        _press_alt(qtbot, window)
        found[f"record: {record.tabs.tabText(index)}"] = duplicates(window)
    assert {page: clash for page, clash in found.items() if clash} == {}


def test_no_dialog_has_two_controls_on_one_alt_key(qtbot, window, backend, ops) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, Any] = {}
    for name, make in WINDOWS.items():
        if name in ("main window", "start window"):
            continue
        dialog = make(backend, ops)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        _press_alt(qtbot, dialog)
        found[name] = duplicates(dialog)
        dialog.hide()
    for module, form in _form_classes():
        host = QDialog()
        qtbot.addWidget(host)
        form().setupUi(host)
        with qtbot.waitExposed(host):
            host.show()
        _press_alt(qtbot, host)
        found[module] = duplicates(host)
        host.hide()
    assert {name: clash for name, clash in found.items() if clash} == {}


def test_alt_n_on_the_notes_tab_starts_a_new_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    record = _open_child(qtbot, window)
    notes = record.tabs.indexOf(record.notes_tab)
    record.tabs.setCurrentIndex(notes)
    with qtbot.waitActive(window):
        window.activateWindow()
    record.notes_tab.view.setFocus()
    qtbot.keyClick(record.notes_tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: record.notes_tab.editor is not None, timeout=3000)  # (animated)
    editor = record.notes_tab.editor
    assert editor.windowTitle().startswith("New case note")
    assert record.tabs.currentIndex() == notes  # not the Allocation tab
    editor.close_keeping_draft()


def test_search_then_enter_goes_to_the_results_and_enter_opens_the_child(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    """With the answer arriving after Enter, as it does from the worker thread."""
    from send_desk.gui.app import show_main_window
    from tests.gui.test_note_save_race import HeldOps

    ops = HeldOps()
    window = show_main_window(backend, ops, idle_ms=3_600_000)
    qtbot.addWidget(window)

    def settle() -> None:
        while ops.held:
            ops.deliver()

    settle()
    child = backend.caseload.child_detail(backend.caseload.caseload_ids()[0])
    window.show_page("my_day")
    window.focus_search()
    qtbot.keyClicks(window.search_box, child.last_name)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    settle()
    table = window.caseload.table
    assert window.focusWidget() is table
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settle()
    assert child.last_name in window.record.name_label.text()
    window.close()


class _LinuxLineEdit(QLineEdit):
    """A line edit with the Linux binding: Ctrl+K deletes to the end of the line."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+K")
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+K"):
            self.setText(self.text()[: self.cursorPosition()])
            return
        super().keyPressEvent(event)


def test_a_shortcut_never_deletes_what_was_typed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    field = _LinuxLineEdit()
    window.caseload.layout().addWidget(field)
    window.show_page("caseload")
    field.setText("Adams")
    field.setCursorPosition(0)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "Adams"
    assert QApplication.focusWidget() is window.search_box  # and Ctrl+K did its job


def test_ctrl_tab_leaves_a_table_of_the_note_editor_keeping_the_cell(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.editor import NoteEditor

    child_id = child_ids(backend)[0]
    editor = NoteEditor(backend, ops, child_id, "A child")
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    table = editor.ui.attendeesTable
    editor._add_row(table)  # the cell is open for typing
    cell = QApplication.focusWidget()
    assert cell is not None and table.isAncestorOf(cell)
    qtbot.keyClicks(cell, "Ms A Example")
    qtbot.keyClick(cell, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    now = QApplication.focusWidget()
    assert now is not None and not table.isAncestorOf(now) and now is not table
    assert table.item(0, 0).text() == "Ms A Example"
    # and plain Tab leaves the long text fields instead of typing a tab into them
    editor.ui.bodyEdit.setFocus()
    qtbot.keyClick(editor.ui.bodyEdit, Qt.Key.Key_Tab)
    assert "\t" not in editor.ui.bodyEdit.toPlainText()
    assert QApplication.focusWidget() is not editor.ui.bodyEdit
