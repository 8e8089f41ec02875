"""Each form reads back as its typed input: what the user filled in, field by field."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from send_desk.backend.caseload_models import CaseworkerChoice, NewChild, SettingChoice
from send_desk.backend.correspondence_models import Acknowledge, ReferToOmbudsman, Respond
from send_desk.gui.correspondence_forms import ComplaintForm, complaint_step
from send_desk.gui.dialogs import AllocationDialog, ChildDialog, PlacementDialog, qdate

pytestmark = pytest.mark.gui

ASH = uuid.UUID("00000000-0000-4000-8000-0000000000a1")
OAK = uuid.UUID("00000000-0000-4000-8000-0000000000b2")
TEAM = uuid.UUID("00000000-0000-4000-8000-0000000000c3")
CHILD = "00000000000040008000000000000d04"


def test_a_new_child_reads_back_as_new_child(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    dialog = ChildDialog(backend, ops)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.firstNameEdit.setText("Tomasz")
    ui.lastNameEdit.setText("Kowal")
    ui.dateOfBirthEdit.setDate(qdate(date(2018, 2, 3)))
    ui.lookedAfterCheck.setChecked(True)
    ui.placingAuthorityEdit.setText("Northshire")
    found = dialog.values()
    assert isinstance(found, NewChild)
    assert (found.first_name, found.last_name, found.date_of_birth) == (
        "Tomasz", "Kowal", date(2018, 2, 3)
    )  # fmt: skip
    assert (found.looked_after, found.placing_authority, found.sex) == (True, "Northshire", "U")
    assert found.primary_need is None and found.nc_year_override is None  # left blank


def test_a_placement_reads_its_setting_and_provision(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    settings = [SettingChoice(ASH, "Ash Grove Primary", "100001", "primary")]
    dialog = PlacementDialog(backend, ops, CHILD, settings)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.settingCombo.setCurrentIndex(ui.settingCombo.findData(ASH.hex))
    ui.startDateEdit.setDate(qdate(date(2026, 9, 1)))
    ui.provisionCombo.setCurrentIndex(ui.provisionCombo.findData("sen_unit"))
    found = dialog.values()
    assert (found.setting_id, found.start_date, found.provision) == (
        ASH, date(2026, 9, 1), "sen_unit"
    )  # fmt: skip
    # typed text that matches no setting is no setting, not the one highlighted
    ui.settingCombo.setEditText("Ash Grove Prim")
    ui.provisionCombo.setCurrentIndex(0)
    found = dialog.values()
    assert (found.setting_id, found.provision) == (None, None)


def test_an_allocation_reads_its_caseworker_and_reason(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    workers = [CaseworkerChoice(OAK, "Rhian Oakley", "rhian.oakley", "North", TEAM)]
    dialog = AllocationDialog(backend, ops, CHILD, workers)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.caseworkerCombo.setCurrentIndex(ui.caseworkerCombo.findData(OAK.hex))
    ui.startDateEdit.setDate(qdate(date(2026, 10, 5)))
    ui.reasonEdit.setText("Moved to the North team")
    found = dialog.values()
    assert (found.caseworker_id, found.start_date, found.reason) == (
        OAK, date(2026, 10, 5), "Moved to the North team"
    )  # fmt: skip
    ui.caseworkerCombo.setCurrentIndex(0)  # the blank choice
    assert dialog.values().caseworker_id is None


def _form(action: str, **fields: object) -> ComplaintForm:
    base: dict[str, object] = {
        "on": date(2026, 11, 12), "outcome": None, "investigator": "", "reference": "",
        "root_cause": None, "lessons": "",
    }  # fmt: skip
    return ComplaintForm(action=action, **{**base, **fields})  # type: ignore[arg-type]


def test_a_complaint_form_becomes_its_step() -> None:
    letter = uuid.UUID("00000000-0000-4000-8000-0000000000e5")
    on = date(2026, 11, 12)
    assert complaint_step(_form("acknowledge"), None) == Acknowledge(on, None, None)
    assert complaint_step(_form("acknowledge", investigator="A Manager"), letter) == (
        Acknowledge(on, letter, "A Manager")
    )
    assert complaint_step(_form("respond", outcome="upheld"), letter) == (
        Respond("upheld", on, letter)
    )
    assert complaint_step(_form("refer", reference="LGO 26 001"), None) == (
        ReferToOmbudsman(on, "LGO 26 001")
    )
