"""The note editor in the real window: live checklist, jumps, acronyms, confirmation,
drafts after a crash, a huge paste, the Notes tab, note search; models are tested."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from send_desk.backend import Backend
from tests.gui.children import child_ids
from tests.gui.conftest import PASSWORD, today


def first_child(backend: Backend) -> tuple[str, str]:
    child_id = child_ids(backend)[0]
    detail = backend.caseload.child_detail(uuid.UUID(child_id))
    return child_id, f"{detail.first_name} {detail.last_name}"


@pytest.fixture
def editor(qtbot, backend, ops):  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.editor import NoteEditor

    child_id, name = first_child(backend)
    dialog = NoteEditor(backend, ops, child_id, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def items(editor: Any) -> dict[str, str]:
    return {item.id: item.state for item in editor.last_check.items}


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def fill_good_note(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    ui = editor.ui
    editor._add_row(ui.attendeesTable, focus=False)
    ui.attendeesTable.item(0, 0).setText("Ms A Example")
    ui.attendeesTable.item(0, 1).setText("parent")
    type_into(qtbot, ui.purposeEdit, "Hear the family's views for the plan.")
    ui.bodyEdit.setPlainText("I visited the family at home. We talked about school.")
    ui.childVoiceEdit.setPlainText("Sam said: 'I like maths.'")
    ui.parentViewsEdit.setPlainText("Mum wants a smaller class.")


def test_the_checklist_updates_as_you_type(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    assert items(editor)["purpose"] == "failed"
    assert items(editor)["who_present"] == "failed"
    with qtbot.waitSignal(editor.checked, timeout=3000) as blocker:
        type_into(qtbot, editor.ui.purposeEdit, "Gather views")
    assert {i.id: i.passed for i in blocker.args[0].items}["purpose"] is True
    assert items(editor)["purpose"] == "passed"
    view = editor.checklist
    row = view.row_of("who_present")
    index = view.index(row)
    assert index.data().startswith("✘")
    assert "Say who was there" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "1 of" not in editor.ui.scoreLabel.text() or "to add" in editor.ui.scoreLabel.text()


def test_a_failed_item_jumps_to_its_field(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    target = editor.go_to_item("purpose")
    assert target is editor.ui.purposeEdit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.purposeEdit, timeout=2000)
    assert "Say what the contact was for" in editor.ui.itemHelp.text()
    target = editor.go_to_item("who_present")
    assert target is editor.ui.attendeesTable
    assert editor.ui.attendeesTable.rowCount() == 1  # a row to type the first person in
    # activating the row in the list does the same
    editor.checklist_view = editor.ui.checklistView
    editor.ui.checklistView.activated.emit(
        editor.checklist.index(editor.checklist.row_of("purpose"))
    )
    assert QApplication.focusWidget() is editor.ui.purposeEdit


def test_acronyms_are_offered_their_expansion(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(editor.checked, timeout=3000):
        editor.ui.bodyEdit.setPlainText("The EP will visit next week.")
    assert items(editor)["acronyms_explained"] == "failed"
    assert editor.ui.spellOutButton.isVisible()
    assert "educational psychologist" in editor.ui.acronymHint.text()
    editor.go_to_item("acronyms_explained")
    assert editor.ui.bodyEdit.textCursor().selectedText() == "EP"
    qtbot.mouseClick(editor.ui.spellOutButton, Qt.MouseButton.LeftButton)
    assert editor.ui.bodyEdit.toPlainText() == (
        "The educational psychologist (EP) will visit next week."
    )
    assert items(editor)["acronyms_explained"] == "passed"


def test_saving_with_failed_items_needs_confirmation(qtbot, editor, backend) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, editor.ui.purposeEdit, "Phone call about transport")
    before = len(backend.notes.child_notes(editor.child_id))
    qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    box = editor.confirm_box
    assert box is not None and box.isVisible()
    assert "Who was there" in box.informativeText()
    assert len(backend.notes.child_notes(editor.child_id)) == before  # nothing saved yet
    with qtbot.waitSignal(editor.saved, timeout=3000) as blocker:
        qtbot.mouseClick(editor.confirm_save_button, Qt.MouseButton.LeftButton)
    saved = blocker.args[0]
    assert "who_present" in [item.id for item in saved.failed_items]
    notes = backend.notes.child_notes(editor.child_id)
    assert len(notes) == before + 1
    mine = next(n for n in notes if n.note_id == saved.note_id)
    assert mine.failed_items == saved.failed_items
    assert backend.notes.drafts(editor.child_id) == ()  # the draft went with the save


def test_going_back_from_the_confirmation_jumps_to_the_first_gap(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.confirm_back_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.saved_result is None


def test_a_complete_note_saves_without_questions(qtbot, editor, backend) -> None:  # type: ignore[no-untyped-def]
    fill_good_note(qtbot, editor)
    editor.ui.kindCombo.setCurrentIndex(editor.ui.kindCombo.findData("visit"))
    editor.refresh_checklist()
    assert [i for i, state in items(editor).items() if state == "failed"] == []
    with qtbot.waitSignal(editor.saved, timeout=3000) as blocker:
        qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].failed_items == ()
    assert editor.confirm_box is None


def test_actions_appear_for_my_day(qtbot, editor, backend) -> None:  # type: ignore[no-untyped-def]
    fill_good_note(qtbot, editor)
    row = editor._add_row(editor.ui.actionsTable, focus=False)
    editor.ui.actionsTable.item(row, 0).setText("Ring the school")
    editor.ui.actionsTable.item(row, 1).setText("caseworker")
    due = today().strftime("%d/%m/%Y")
    editor.ui.actionsTable.item(row, 2).setText(due)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        editor.save()
        if editor.confirm_box is not None:
            qtbot.mouseClick(editor.confirm_save_button, Qt.MouseButton.LeftButton)
    due_rows = backend.notes.actions_due(child_id=editor.child_id, days_ahead=0)
    assert ("Ring the school", today(), "due_today") in [
        (a.what, a.due, a.status) for a in due_rows
    ]
    assert all(a.days_left <= 0 for a in due_rows)  # and the demo's overdue ones


def test_a_draft_survives_a_crash(qtbot, backend, ops, demo_paths) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.editor import NoteEditor
    from send_desk.gui.notes.tab import NotesTab

    child_id, name = first_child(backend)
    editor = NoteEditor(backend, ops, child_id, name)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitSignal(editor.draft_saved, timeout=5000):
        type_into(qtbot, editor.ui.purposeEdit, "Views of ")
        editor.ui.purposeEdit.insert("Siôn — Zażółć gęślą 😀")  # (QTest cannot type emoji)
    # a crash: the window is gone without closing, the store is opened again
    editor.hide()
    editor._closing = True
    reopened = Backend.open(demo_paths, PASSWORD, today=today)
    try:
        (draft,) = reopened.notes.drafts(child_id)
        assert draft.content["purpose"] == "Views of Siôn — Zażółć gęślą 😀"
        tab = NotesTab(reopened, ops)
        qtbot.addWidget(tab)
        tab.load(child_id, name)
        assert tab.draft_button.isVisibleTo(tab)
        tab.resume_draft()
        recovered = tab.editor
        assert recovered is not None
        assert recovered.ui.purposeEdit.text() == "Views of Siôn — Zażółć gęślą 😀"
        assert "Recovered the draft" in recovered.ui.statusLabel.text()
        recovered.close_keeping_draft()
    finally:
        reopened.close()


def test_a_huge_paste_is_refused_with_a_message_and_kept(qtbot, editor, backend) -> None:  # type: ignore[no-untyped-def]
    paste = "From: school office\n" + ("Dear all, please see the attached. " * 150_000)
    assert len(paste) > 5_000_000
    with qtbot.waitSignal(editor.checked, timeout=20_000):
        editor.ui.bodyEdit.setPlainText(paste)
    editor.save()
    if editor.confirm_box is not None:
        qtbot.mouseClick(editor.confirm_save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_result is None
    assert editor.ui.errorLabel.isVisible()
    assert "draft keeps the text" in editor.ui.errorLabel.text()
    editor.save_draft()
    (draft,) = backend.notes.drafts(editor.child_id)
    assert draft.content["body"] == paste


def test_an_impossible_due_date_is_named(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    row = editor._add_row(editor.ui.actionsTable, focus=False)
    editor.ui.actionsTable.item(row, 0).setText("Ring")
    with qtbot.waitSignal(editor.checked, timeout=3000):
        editor.ui.actionsTable.item(row, 2).setText("31/02/2026")
    assert editor.ui.errorLabel.isVisible()
    assert "actions[0].due" in editor.ui.errorLabel.text()


def test_notes_tab_amend_and_history(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    child_id, _name = first_child(backend)
    window.open_child(child_id)
    tab = window.record.notes_tab
    tab.new_note()
    editor = tab.editor
    fill_good_note(qtbot, editor)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        editor.save()
        if editor.confirm_box is not None:
            qtbot.mouseClick(editor.confirm_save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 1, timeout=3000)
    saved_id = editor.saved_result.note_id
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).note_id == saved_id)
    tab.view.selectRow(row)
    tab.amend_selected()
    amend = tab.editor
    assert amend is not editor and amend.ui.amendReasonEdit.isVisibleTo(amend)
    amend.ui.parentViewsEdit.setPlainText("Mum wants a smaller class and a quiet lunch room.")
    amend.ui.amendReasonEdit.setText("Mum rang to add the lunch room")
    with qtbot.waitSignal(amend.saved, timeout=3000):
        amend.save()
        if amend.confirm_box is not None:
            qtbot.mouseClick(amend.confirm_save_button, Qt.MouseButton.LeftButton)
    history = backend.notes.history(saved_id)
    assert [v.version for v in history] == [1, 2]
    assert history[1].amendment_reason == "Mum rang to add the lunch room"
    qtbot.waitUntil(lambda: "Version 2" in tab.reader.toPlainText(), timeout=3000)
    assert "Version 1" in tab.reader.toPlainText()


def test_the_search_box_searches_notes(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    window.search_box.setText("transport")
    window.notes_search_action.trigger()
    page = window.page_widgets["note_search"]
    assert window.pages.currentWidget() is page
    assert page.last_results, "the demo caseload has notes about transport"
    first = page.last_results[0]
    assert "«transport»" in first.snippet.lower()
    assert page.model.rowCount() == len(page.last_results)
    page.view.selectRow(0)
    page.open_selected()
    assert window.pages.currentWidget() is window.record
    page.search('"unbalanced (NEAR * ')  # syntax characters never error
    assert page.model.rowCount() >= 0


def test_item_models(qtmodeltester, qtbot, editor, backend, window) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.search_page import ResultsModel

    qtmodeltester.check(editor.checklist)
    results = ResultsModel()
    results.set_rows(backend.notes.search("school"))
    qtmodeltester.check(results)
    child_id, _ = first_child(backend)
    window.open_child(child_id)
    qtmodeltester.check(window.record.notes_tab.model)


def test_chronology_from_the_notes_tab(qtbot, window, backend, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    child_id, name = first_child(backend)
    window.open_child(child_id)
    tab = window.record.notes_tab
    target = tmp_path / "chronology.pdf"
    tab.save_chronology(str(target))
    assert tab.last_chronology.path == str(target)
    text = PdfReader(str(target)).pages[0].extract_text()
    assert f"Chronology of {name}" in text and "page 1 of" in text
