"""Saving a note while the draft autosave is due: serialised, no stale draft, no crash.

The crash was a native abort: the autosave raced the save (StaleDataError on the draft
the save had deleted), the error escaped the timer's slot, and the "something went
wrong" box ran a modal loop inside that slot while the editor was being deleted.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from send_desk.backend import Backend, DataPaths
from send_desk.gui.ops import SyncOps
from tests.gui.test_notes_editor import fill_good_note, first_child, type_into


class HeldOps(SyncOps):
    """Runs the work at once, as a worker thread would, but delivers its answer only
    when the test says: the window in which a real save has committed and its
    answer is still queued for the GUI thread."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.held: list[tuple[int, bool, Any]] = []

    def _start(self, ticket: int, work: Any) -> None:
        try:
            self.held.append((ticket, True, work()))
        except Exception as error:  # noqa: BLE001 - delivered later, like a thread's
            self.held.append((ticket, False, error))

    def deliver(self) -> None:
        held, self.held = self.held, []
        for ticket, ok, value in held:
            (self._succeeded if ok else self._failed)(ticket, value)


def test_autosave_after_pressing_save_does_not_leave_a_draft(qtbot, backend: Backend) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.editor import NoteEditor

    child_id, name = first_child(backend)
    ops = HeldOps()
    editor = NoteEditor(backend, ops, child_id, name)
    qtbot.addWidget(editor)
    editor.show()
    fill_good_note(qtbot, editor)
    editor.save_draft()  # the autosave a moment after typing
    (kept,) = backend.notes.drafts(child_id)
    assert editor.draft_id == kept.draft_id
    type_into(qtbot, editor.ui.purposeEdit, " Then")  # typing, then Save at once
    qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    # the save has committed (the draft went with it); its answer is not back yet
    assert len(ops.held) == 1
    assert backend.notes.drafts(child_id) == ()
    editor.draft_timer.timeout.emit()  # the autosave's timer fires now
    with qtbot.waitSignal(editor.saved, timeout=3000) as blocker:
        ops.deliver()
    saved_id = blocker.args[0].note_id
    (note,) = [n for n in backend.notes.child_notes(child_id) if n.note_id == saved_id]
    assert str(note.note["purpose"]).endswith(" Then")
    # the saved note is not shown again as an "unsaved draft"
    assert backend.notes.drafts(child_id) == ()


def test_a_draft_deleted_by_a_save_is_not_an_error_and_does_not_come_back(
    backend: Backend,
) -> None:
    child_id, _name = first_child(backend)
    content = {"kind": "phone_call", "purpose": "Ring about transport", "body": "Spoke to mum."}
    draft_id = backend.notes.save_draft(child_id, content)
    assert draft_id is not None
    document = dict(content, occurred_at="2026-11-19T10:00", recorded_at="2026-11-19T10:30")
    backend.notes.save(child_id, document, accept_failed=True, draft_id=draft_id)
    # the autosave that was already under way when Save was pressed
    assert backend.notes.save_draft(child_id, content, draft_id=draft_id) is None
    assert backend.notes.drafts(child_id) == ()


def test_a_callback_that_raises_is_reported_not_thrown_into_qt(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = SyncOps()

    def broken(_result: Any) -> None:
        raise KeyError("draft_id")

    with qtbot.waitSignal(ops.error, timeout=2000) as blocker:
        ops.run(lambda: 1, broken)
    assert blocker.args[0].startswith("Something went wrong inside SEND Desk")
    assert ops.pending == 0


def test_an_unexpected_error_shows_a_message_without_a_modal_loop(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app._install_excepthook(DataPaths(tmp_path / "store"))
    modal_during_hook: list[object] = []

    def probe() -> None:
        # runs inside the hook only if the hook starts its own (modal) event loop
        modal = QApplication.activeModalWidget()
        modal_during_hook.append(modal)
        if modal is not None:
            modal.close()

    QTimer.singleShot(0, probe)
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    # the hook returned at once; the message follows from the event loop
    assert modal_during_hook == []

    def shown() -> list[QMessageBox]:
        return [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and "went wrong" in w.text()
        ]  # fmt: skip

    qtbot.waitUntil(lambda: bool(shown()), timeout=2000)
    (box,) = shown()
    assert not box.isModal()
    assert "send-desk.log" in box.text()
    box.close()
    # an error on a worker thread reaches the same message, made on the GUI thread
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown()), timeout=2000)
    (box,) = shown()
    assert box.thread() is QApplication.instance().thread()
    box.close()


def test_save_and_autosave_on_real_threads_leave_one_note_and_no_draft(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    """The race as it happens in the app: the save on a worker thread, the autosave's
    timer firing on the GUI thread a few milliseconds either side of it."""
    from send_desk.gui.notes.editor import NoteEditor
    from send_desk.gui.ops import Ops

    child_id, name = first_child(backend)
    ops = Ops()
    problems: list[str] = []
    ops.error.connect(problems.append)
    before = len(backend.notes.child_notes(child_id))
    for attempt in range(10):
        editor = NoteEditor(backend, ops, child_id, name)
        qtbot.addWidget(editor)
        editor.show()
        fill_good_note(qtbot, editor)
        editor.save_draft()
        editor.ui.purposeEdit.insert(f" ({attempt})")  # typing: the autosave is due
        editor.draft_timer.setInterval(attempt)  # 0 to 9 ms after Save
        editor.draft_timer.start()
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            editor.save()
        assert ops.wait(10_000)
    assert problems == []
    assert len(backend.notes.child_notes(child_id)) == before + 10
    assert backend.notes.drafts(child_id) == ()
