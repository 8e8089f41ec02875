"""Every window and dialog fits a 1366 x 768 council laptop with a taskbar (about
1366 x 720 usable): its minimum size, and the size it opens at, leave the buttons on
screen; the main window opens maximised there and remembers its size."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog, QWidget

from send_desk.backend import Backend
from tests.gui.children import child_ids

LAPTOP = QSize(1366, 720)  # 1366 x 768 less a taskbar


def _fits(size: QSize) -> bool:
    return size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()


def _form_classes() -> Iterator[tuple[str, type]]:
    import send_desk.gui.forms as forms

    for module_info in pkgutil.iter_modules(forms.__path__):
        module = importlib.import_module(f"send_desk.gui.forms.{module_info.name}")
        for name in dir(module):
            if name.startswith("Ui_"):
                yield module_info.name, getattr(module, name)


@pytest.mark.parametrize(("module", "form"), list(_form_classes()), ids=lambda v: str(v))
def test_every_designer_form_fits_a_laptop(qtbot, module: str, form: type) -> None:  # type: ignore[no-untyped-def]
    host = QDialog()
    qtbot.addWidget(host)
    form().setupUi(host)
    assert _fits(host.minimumSizeHint()), (module, host.minimumSizeHint())
    assert _fits(host.size()), (module, host.size())  # the size the form opens at


def _child(backend: Backend) -> tuple[str, str]:
    child_id = backend.caseload.caseload_ids()[0]
    return child_id.hex, backend.caseload.child_detail(child_id).full_name


def _note_editor(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.notes.editor import NoteEditor

    child_id, name = _child(backend)
    return NoteEditor(backend, ops, child_id, name)


def _letter_composer(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.letters.composer import LetterComposer

    child_id, _name = _child(backend)
    return LetterComposer(backend, ops, child_id, template="callback_confirmation")


def _audit_dialog(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.supervision.audit_dialog import AuditDialog

    for child_id in child_ids(backend):
        notes = backend.notes.child_notes(child_id)
        if notes:
            form = backend.supervision.audit_form(notes[0].version_id)
            return AuditDialog(form, backend.supervision.grades(), today=backend.today())
    raise AssertionError("the demo store has no notes")


def _child_dialog(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.dialogs import ChildDialog

    child_id, _name = _child(backend)
    return ChildDialog(backend, ops, backend.caseload.child_detail(uuid.UUID(child_id)))


def _family_member_dialog(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.dialogs import FamilyMemberDialog

    child_id, _name = _child(backend)
    return FamilyMemberDialog(backend, ops, child_id)


def _main_window(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.main_window import MainWindow

    return MainWindow(backend, ops, idle_ms=3_600_000)


def _start_window(backend: Backend, ops: Any) -> QWidget:
    from send_desk.gui.start import StartWindow

    return StartWindow(backend.paths, ops)


WINDOWS: dict[str, Callable[[Backend, Any], QWidget]] = {
    "note editor": _note_editor,
    "letter composer": _letter_composer,
    "audit form": _audit_dialog,
    "child's details": _child_dialog,
    "family member": _family_member_dialog,
    "main window": _main_window,
    "start window": _start_window,
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_fits_a_laptop_with_its_content(qtbot, backend, ops, name: str) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.screen_fit import fitted_geometry

    window = WINDOWS[name](backend, ops)
    qtbot.addWidget(window)
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert _fits(minimum), (name, minimum)
    # opened on the laptop, at the size it asks for, it is wholly on the screen
    opened = fitted_geometry(window, QRect(0, 0, LAPTOP.width(), LAPTOP.height()))
    assert QRect(0, 0, LAPTOP.width(), LAPTOP.height()).contains(opened), (name, opened)


def _on_screen(widget: QWidget) -> bool:
    return widget.screen().availableGeometry().contains(widget.geometry())


def test_the_note_editor_and_the_composer_open_wholly_on_the_screen(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    """The test screen (800 x 800) is smaller than either window's preferred size."""
    child_id, _name = _child(backend)
    with qtbot.waitSignal(window.record.loaded, timeout=5000):
        window.open_child(child_id)
    record = window.record
    record.notes_tab.new_note()
    editor = record.notes_tab.editor
    qtbot.waitUntil(editor.isVisible)
    assert _on_screen(editor), editor.geometry()
    assert editor.ui.saveButton.isVisible()
    editor.close_keeping_draft()
    record.write_letter("callback_confirmation")
    composer = record.dialog
    qtbot.waitUntil(composer.isVisible)
    # (its least width, 900 px, is more than this test screen has; a laptop has 1366)
    screen = composer.screen().availableGeometry()
    assert screen.top() <= composer.geometry().top()
    assert composer.geometry().bottom() <= screen.bottom(), composer.geometry()
    assert composer.width() <= max(composer.minimumSizeHint().width(), screen.width())
    composer.reject()


def test_the_audit_form_opens_wholly_on_the_screen_without_sideways_scrolling(  # type: ignore[no-untyped-def]
    qtbot, backend
) -> None:
    """A note with a checklist item not met (a long message) is the widest form."""
    from PySide6.QtCore import QTimer

    from send_desk.gui.supervision.audit_dialog import AuditDialog

    form = next(
        form
        for child_id in child_ids(backend)
        for note in backend.notes.child_notes(child_id)
        for form in [backend.supervision.audit_form(note.version_id)]
        if any(item.applies and not item.passed for item in form.automatic)
    )
    dialog = AuditDialog(form, backend.supervision.grades(), today=backend.today())
    qtbot.addWidget(dialog)
    seen: dict[str, bool] = {}

    def look() -> None:
        seen["on screen"] = _on_screen(dialog)
        seen["buttons shown"] = dialog.ui.buttonBox.isVisible()
        seen["no sideways scrolling"] = dialog.ui.scrollArea.horizontalScrollBar().maximum() == 0
        dialog.reject()

    QTimer.singleShot(0, look)
    dialog.exec()
    assert seen == {"on screen": True, "buttons shown": True, "no sideways scrolling": True}


def test_the_main_window_opens_maximised_on_a_small_screen_then_as_left(  # type: ignore[no-untyped-def]
    qtbot, window, backend, ops
) -> None:
    from send_desk.gui.app import show_main_window

    assert window.isMaximized()  # first opening, on the (small) test screen
    window.showNormal()
    window.setGeometry(40, 30, 1250, 700)
    qtbot.waitUntil(lambda: not window.isMaximized() and window.width() == 1250)
    window.close()
    again = show_main_window(backend, ops, idle_ms=3_600_000)
    qtbot.addWidget(again)
    qtbot.waitUntil(again.isVisible)
    assert not again.isMaximized()
    # as it was left (the test screen is narrower than the window's least width)
    assert again.height() == 700 and again.width() >= again.minimumSizeHint().width()
    again.close()
