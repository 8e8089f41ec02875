"""The child dialog takes the SEN2 person details: ethnicity (searchable), ULN and the
reason there is no UPN; a wrong one is marked and nothing is saved. A new placement can
be in the setting's SEN unit or resourced provision."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from send_desk.gui.dialogs import ChildDialog, save_button

from .test_main_window import _open_first_child


def test_record_ethnicity_uln_and_why_there_is_no_upn(qtbot, window, backend) -> None:
    record = _open_first_child(qtbot, window)
    child_id = record.child_id
    record.edit_child()
    dialog = record.dialog
    assert isinstance(dialog, ChildDialog)
    ui = dialog.ui
    ui.ethnicityCombo.setCurrentIndex(ui.ethnicityCombo.findData("BSOM"))
    assert ui.ethnicityCombo.currentText() == "BSOM – Black - Somali"
    ui.upnEdit.clear()
    ui.ulnEdit.setText("12345 67890")
    ui.upnUnknownCombo.setCurrentIndex(ui.upnUnknownCombo.findData("UN3"))
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    detail = backend.caseload.child_detail(uuid.UUID(child_id))
    assert (detail.ethnicity, detail.uln, detail.upn_unknown_reason, detail.upn) == (
        "BSOM", "1234567890", "UN3", None,
    )  # fmt: skip

    record.edit_child()
    dialog = record.dialog
    assert dialog.ui.ethnicityCombo.currentData() == "BSOM"  # shown again as saved
    dialog.ui.ulnEdit.setText("12345")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.is_marked("uln")
    assert backend.caseload.child_detail(uuid.UUID(child_id)).uln == "1234567890"


def test_a_new_placement_can_be_in_the_settings_resourced_provision(
    qtbot, window, backend
) -> None:
    record = _open_first_child(qtbot, window)
    child_id = record.child_id
    current = backend.caseload.child_detail(uuid.UUID(child_id)).current_setting
    record.change_setting()
    dialog = record.dialog
    ui = dialog.ui
    other = next(
        i for i in range(1, ui.settingCombo.count())
        if current is None or ui.settingCombo.itemData(i) != current.id.hex
    )  # fmt: skip
    ui.settingCombo.setCurrentIndex(other)
    chosen = ui.settingCombo.itemData(other)
    ui.provisionCombo.setCurrentIndex(ui.provisionCombo.findData("resourced_provision"))
    with qtbot.waitSignal(record.loaded):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    placements = backend.caseload.child_detail(uuid.UUID(child_id)).placements
    now = next(p for p in placements if p.current)
    assert (now.setting.id.hex, now.resourced_provision, now.sen_unit) == (chosen, True, False)
