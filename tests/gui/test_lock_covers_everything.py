"""The lock hides every window and dialog, keeps what is typed in them, and brings them
back after the password: the note editor, the letter composer, the audit form, any box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.gui.children import child_ids
from tests.gui.conftest import PASSWORD


def _open_child(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    child_id = child_ids(window.backend)[0]
    with qtbot.waitSignal(window.record.loaded, timeout=5000):
        window.open_child(child_id)
    return window.record


def _unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.lock_panel
    panel.ui.passwordEdit.setText(PASSWORD)
    with qtbot.waitSignal(window.unlocked, timeout=5000):
        qtbot.keyClick(panel.ui.passwordEdit, Qt.Key.Key_Return)


def _case_windows_on_screen(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    return [
        w for w in QApplication.topLevelWidgets()
        if w is not window and w.isVisible() and w.isWindow()
        and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    ]  # fmt: skip


def test_ctrl_l_in_the_note_editor_hides_it_and_keeps_the_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    record = _open_child(qtbot, window)
    record.notes_tab.new_note()
    editor = record.notes_tab.editor
    qtbot.waitUntil(editor.isVisible)
    editor.ui.bodyEdit.setPlainText("Mum rang about transport.")
    editor.ui.purposeEdit.setFocus()
    qtbot.keyClicks(editor.ui.purposeEdit, "Talk about the bus to school")
    # Ctrl+L pressed while typing in the editor, not in the main window
    with qtbot.waitSignal(window.locked, timeout=3000):
        qtbot.keyClick(editor.ui.purposeEdit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert not editor.isVisible()
    assert _case_windows_on_screen(window) == []
    assert editor.ui.purposeEdit.text() == "Talk about the bus to school"  # not typed into
    _unlock(qtbot, window)
    qtbot.waitUntil(editor.isVisible, timeout=2000)
    assert editor.ui.purposeEdit.text() == "Talk about the bus to school"
    assert editor.ui.bodyEdit.toPlainText() == "Mum rang about transport."
    # the cursor is back where it was: the next key goes on typing, replacing nothing
    purpose = editor.ui.purposeEdit
    assert not purpose.hasSelectedText()
    assert purpose.cursorPosition() == len("Talk about the bus to school")
    assert editor.result() == 0 and editor.saved_result is None  # still open, not closed
    editor.close_keeping_draft()


def test_the_idle_lock_hides_the_letter_composer_and_any_box(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    record = _open_child(qtbot, window)
    record.write_letter("callback_confirmation")
    composer = record.dialog
    qtbot.waitUntil(composer.isVisible)
    composer.set_input("caller", "Priya Sharma")
    loose = QWidget()  # a top-level window that is not a dialog
    loose.setWindowTitle("A record")
    qtbot.addWidget(loose)
    loose.show()
    box = QMessageBox(QMessageBox.Icon.Information, "SEND Desk", "A child's name", parent=window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    window.statusBar().showMessage("1 statutory deadline needs you: Max Kaur, review report")
    window.idle.set_interval(20)
    window.idle.start()
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert _case_windows_on_screen(window) == []
    assert window.statusBar().currentMessage() == ""  # no child named on the lock screen
    window.idle.set_interval(3_600_000)
    _unlock(qtbot, window)
    assert composer.isVisible() and loose.isVisible() and box.isVisible()
    assert composer.editors["caller"].text() == "Priya Sharma"
    box.close()
    composer.reject()


def test_the_audit_form_is_hidden_and_still_waiting_for_its_grades(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.supervision.audit_dialog import AuditDialog

    note_id = backend.notes.child_notes(child_ids(backend)[0])[0].version_id
    dialog = AuditDialog(
        backend.supervision.audit_form(note_id), backend.supervision.grades(), parent=window
    )
    seen: dict[str, Any] = {}

    def lock() -> None:
        dialog.comments.setPlainText("Good account of the child's views")
        window.lock()
        seen["hidden while locked"] = not dialog.isVisible()
        seen["windows while locked"] = _case_windows_on_screen(window)
        QTimer.singleShot(30, unlock)  # the password, a moment later

    def unlock() -> None:
        window.unlock()
        seen["back after unlock"] = dialog.isVisible()
        dialog.set_grades({key: dialog.grade_boxes[key].itemData(1) for key in dialog.grade_boxes})
        dialog._accept()

    QTimer.singleShot(0, lock)
    answer = dialog.exec()  # the supervision page waits on this
    assert seen == {
        "hidden while locked": True,
        "windows while locked": [],
        "back after unlock": True,
    }
    assert answer == 1  # the lock did not cancel the form
    assert dialog.values().comments == "Good account of the child's views"
