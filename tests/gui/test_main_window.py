"""The main window driven as a caseworker would: navigate, filter, open, edit, lock."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from send_desk.backend import CaseloadQuery
from send_desk.gui.dialogs import ChildDialog, FamilyMemberDialog, save_button
from send_desk.gui.pages import PlaceholderPage
from tests.gui.children import child_ids, my_children

from .conftest import PASSWORD


def test_window_shows_the_caseload_and_status(window, backend) -> None:
    page = window.caseload
    assert window.current_page_id() == "caseload"
    assert page.model.rowCount() == 60
    assert "60 of 60 children" in page.count.text()
    me = backend.me()
    assert me.name in window.user_label.text()
    assert str(backend.paths.root) in window.store_label.text()
    assert window.sync_label.text() == "Sync: not set up"
    first = page.model.data(page.model.index(0, 1))
    assert len(first) == 10 and first[2] == "/" and first[5] == "/"  # dd/mm/yyyy


def test_every_control_has_an_accessible_name(window) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    for kind in (QLineEdit, QComboBox, QTableView, QAbstractButton):
        for widget in window.findChildren(kind):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            name = widget.accessibleName() or (
                widget.text() if isinstance(widget, QAbstractButton) else ""
            )
            assert name, f"{type(widget).__name__} {widget.objectName()!r} has no name"


def test_navigation_shows_honest_placeholders(qtbot, window) -> None:
    for row, page_id in enumerate(
        ("my_day", "caseload", "correspondence", "supervision", "reports", "sync")
    ):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_id() == page_id
        widget = window.pages.currentWidget()
        if page_id == "supervision":
            assert not isinstance(widget, PlaceholderPage)
    assert window.nav.currentRow() == 5


def test_filter_by_text_waits_for_the_debounce(qtbot, window, backend) -> None:
    page = window.caseload
    ids = page.model.ids()
    row = backend.caseload.caseload_rows([uuid.UUID(ids[0])])[uuid.UUID(ids[0])]
    last_name = row.name.split(",")[0]
    with qtbot.waitSignal(page.ids_loaded, timeout=3000):
        qtbot.keyClicks(page.text, last_name.lower())
    expected = child_ids(backend, CaseloadQuery(text=last_name))
    assert page.model.ids() == expected
    assert ids[0] in expected
    assert f"{len(expected)} of 60" in page.count.text()


def test_filters_and_saved_filters(qtbot, window, backend) -> None:
    page = window.caseload
    page.looked_after.setChecked(True)
    looked_after = child_ids(backend, CaseloadQuery(looked_after=True))
    assert page.model.ids() == looked_after
    page.clear_filters()
    assert page.model.rowCount() == 60
    team_index = 1
    page.team.setCurrentIndex(team_index)
    team_id = page.team.itemData(team_index)
    assert page.model.ids() == child_ids(backend, CaseloadQuery(team_id=team_id))
    page.clear_filters()
    page.saved.setCurrentIndex(page.saved.findData("mine"))
    mine = my_children(backend)
    assert page.model.ids() == mine
    assert window.settings.saved_filter == "mine"


def test_sorting_by_a_column_header_asks_the_backend(qtbot, window, backend) -> None:
    page = window.caseload
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # date of birth
    expected = child_ids(backend, CaseloadQuery(sort="date_of_birth", descending=True))
    assert page.model.ids() == expected


def test_global_search_goes_to_the_caseload(qtbot, window) -> None:
    window.show_page("reports")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus() or QApplication.focusWidget() is window.search_box
    window.search_box.setText("zzzz-nobody")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.current_page_id() == "caseload"
    assert window.caseload.model.rowCount() == 0
    assert window.caseload.text.text() == "zzzz-nobody"


def _open_first_child(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.caseload
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(window.record.loaded):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    return window.record


def test_open_a_child_from_the_keyboard(qtbot, window) -> None:
    record = _open_first_child(qtbot, window)
    detail = record.detail
    assert window.current_page_id() == "child"
    assert detail.first_name in record.name_label.text()
    assert "Born " in record.facts_label.text()
    assert record.family_model.rowCount() == len(detail.family)
    assert record.history_model.rowCount() == len(detail.history)
    assert "Communication needs" in record.comm_label.text()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_id() == "caseload"


def test_edit_and_save_a_child(qtbot, window, backend) -> None:
    record = _open_first_child(qtbot, window)
    child_id = record.child_id
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = record.dialog
    assert isinstance(dialog, ChildDialog)
    assert dialog.isVisible()
    dialog.ui.postcodeEdit.clear()
    qtbot.keyClicks(dialog.ui.postcodeEdit, "ls1 4ap")
    dialog.ui.preferredNameEdit.setText("Sunny")
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    detail = backend.caseload.child_detail(uuid.UUID(child_id))
    assert (detail.postcode, detail.preferred_name) == ("LS1 4AP", "Sunny")
    assert "known as Sunny" in record.name_label.text()
    assert record.summary_values["postcode"].text() == "LS1 4AP"
    newest = record.history_model.data(record.history_model.index(0, 2))
    assert newest.endswith("to LS1 4AP") or "Preferred name" in newest
    # the caseload row shows the new name once the caseload is shown again
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    row = window.caseload.model.row_of(child_id)
    assert "(Sunny)" in window.caseload.model.data(window.caseload.model.index(row, 0))


def test_a_validation_failure_marks_the_field_and_saves_nothing(qtbot, window, backend) -> None:
    record = _open_first_child(qtbot, window)
    child_id = record.child_id
    before = backend.caseload.child_detail(uuid.UUID(child_id))
    record.edit_child()
    dialog = record.dialog
    dialog.ui.postcodeEdit.setText("12345")
    dialog.ui.firstNameEdit.setText("Renamed")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.is_marked("postcode")
    assert not dialog.is_marked("first_name")
    assert dialog.error_label.isVisible()
    assert "Nothing was saved" in dialog.error_label.text()
    assert "not a UK postcode" in dialog.ui.postcodeEdit.toolTip()
    assert dialog.focusWidget() is dialog.ui.postcodeEdit
    after = backend.caseload.child_detail(uuid.UUID(child_id))
    assert after.first_name == before.first_name
    assert after.history == before.history
    # a rule across fields is marked on the field it is about
    dialog.ui.postcodeEdit.setText("")
    dialog.ui.lookedAfterCheck.setChecked(True)
    dialog.ui.placingAuthorityEdit.setText("")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.is_marked("placing_authority")
    assert not dialog.is_marked("postcode")
    dialog.reject()


def test_add_a_family_member_with_an_interpreter(qtbot, window) -> None:
    record = _open_first_child(qtbot, window)
    count = record.family_model.rowCount()
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = record.dialog
    assert isinstance(dialog, FamilyMemberDialog)
    dialog.ui.nameEdit.setText("Roza Testowa")
    dialog.ui.relationshipCombo.setCurrentIndex(dialog.ui.relationshipCombo.findData("grandparent"))
    dialog.ui.phoneEdit.setText("07700 900456")
    dialog.ui.independentInterpreterCheck.setChecked(True)
    assert dialog.ui.interpreterCheck.isChecked()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.is_marked("language")  # an interpreter for which language?
    dialog.ui.languageEdit.setText("Polish")
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert record.family_model.rowCount() == count + 1
    assert "Roza Testowa (Grandparent): independent interpreter needed for Polish" in (
        record.comm_label.text()
    )


def test_change_setting_and_allocation(qtbot, window, backend) -> None:
    record = _open_first_child(qtbot, window)
    child_id = record.child_id
    record.change_setting()
    dialog = record.dialog
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.is_marked("setting_id")
    setting = record.detail.current_setting
    current = setting.name if setting else None
    combo = dialog.ui.settingCombo
    index = next(
        i for i in range(1, combo.count()) if not combo.itemText(i).startswith(current or "\0")
    )
    combo.setCurrentIndex(index)
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    placed = backend.caseload.child_detail(uuid.UUID(child_id)).current_setting
    assert placed is not None and placed.name in combo.itemText(index)

    record.allocate()
    dialog = record.dialog
    combo = dialog.ui.caseworkerCombo
    now = record.detail.caseworker
    index = next(i for i in range(1, combo.count()) if not combo.itemText(i).startswith(now))
    combo.setCurrentIndex(index)
    dialog.ui.reasonEdit.setText("Caseload rebalanced")
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert record.detail.caseworker != now
    assert record.allocations_model.rowCount() >= 2


def test_add_a_child(qtbot, window, backend) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.new_child_dialog
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.is_marked("first_name") and dialog.is_marked("last_name")
    dialog.ui.firstNameEdit.setText("Ada")
    dialog.ui.lastNameEdit.setText("Newchild")
    with qtbot.waitSignal(window.record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "child"
    assert "Ada Newchild" in window.record.name_label.text()
    assert window.caseload.model.rowCount() == 61


def test_idle_lock_hides_case_data_until_the_password(qtbot, window) -> None:
    record = _open_first_child(qtbot, window)
    record.edit_child()
    dialog = record.dialog
    assert dialog.isVisible()
    window.idle.set_interval(30)
    window.idle.start()
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert window.is_locked
    assert window.outer.currentIndex() == 1
    assert not window.caseload.table.isVisible() and not record.isVisible()
    assert not dialog.isVisible()
    assert not window.toolbar.isVisible()
    assert window.windowTitle() == "SEND Desk – locked"
    panel = window.lock_panel
    panel.ui.passwordEdit.setText("wrong password")
    panel.try_unlock()
    assert window.is_locked
    assert "not right" in panel.ui.messageLabel.text()
    panel.ui.passwordEdit.setText(PASSWORD)
    window.idle.set_interval(3_600_000)
    with qtbot.waitSignal(window.unlocked):
        qtbot.keyClick(panel.ui.passwordEdit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert record.isVisible() and dialog.isVisible()
    dialog.reject()


def test_lock_now_shortcut(qtbot, window) -> None:
    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    # navigation shortcuts do nothing while locked
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_id() == "caseload"


def test_keyboard_shortcut_list(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = window.shortcuts_box
    assert box.isVisible()
    assert "Ctrl+K" in box.text() and "Ctrl+L" in box.text()
    box.close()


def test_layout_and_settings_are_remembered(qtbot, window, backend, ops) -> None:
    from send_desk.gui.app import show_main_window
    from send_desk.gui.settings import AppSettings

    assert AppSettings(backend.paths.root).idle_lock_minutes == 10
    window.splitter.setSizes([240, 900])
    before = window.splitter.sizes()
    window.caseload.table.setColumnWidth(0, 333)
    window.show_page("reports")
    window.close()
    again = show_main_window(backend, ops)
    qtbot.addWidget(again)
    qtbot.waitExposed(again)
    assert again.current_page_id() == "reports"
    assert again.caseload.table.columnWidth(0) == 333
    # The navigation's width is remembered; on reopening it gets that width, or as much
    # as the (here: small, offscreen) screen leaves beside the pages' minimum.
    assert again.ui_state.load_int("main/nav_width") == before[0]
    room = sum(again.splitter.sizes()) - again.pages.minimumSizeHint().width()
    assert again.splitter.sizes()[0] == max(again.nav.minimumWidth(), min(before[0], room))
    again.close()


def test_idle_time_is_configurable(window) -> None:
    from send_desk.gui.settings import AppSettings

    window.set_idle_minutes(25)
    assert window.idle.interval_ms == 25 * 60_000
    assert AppSettings(window.backend.paths.root).idle_lock_minutes == 25
    window.set_idle_minutes(100_000)
    assert window.settings.idle_lock_minutes == 240


def test_the_window_fits_a_common_council_laptop_screen(window) -> None:
    """1366 x 768 is still the commonest laptop screen in council fleets."""
    assert window.minimumSizeHint().width() <= 1366 - 40
