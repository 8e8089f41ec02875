"""Finalising and amending the plan in the editor: the final plan names the school and
records final_plan_issued on the date given, an amendment with its reason records
amendment_notice_issued, each button is enabled only when its step makes sense, and a
refusal is said in words.

The case (hand-built, as test_plan_editor.py): Sam, born 10 May 2012, issue decision on
5 October 2026, today 7 December 2026; the store knows one setting, Hillside Academy,
URN 137000. A new draft, filled in from the case, fails criteria (b1 and b2 are not
described), so each step asks before issuing anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from send_desk.backend import Backend, DataPaths
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.services import organisation
from tests.gui.mnemonics import duplicates
from tests.unit.services.builder import Caseload

TODAY = date(2026, 12, 7)
DRAFT_ON = date(2026, 11, 2)
FINAL_ON = date(2026, 12, 4)
PASSWORD = "correct horse battery staple"
LAPTOP = QSize(1366, 768)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Backend, uuid.UUID]]:
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    c = Caseload(backend._store, TODAY)
    with backend._store.write() as session:
        organisation.create_setting(
            session, {"name": "Hillside Academy", "urn": "137000", "phase": "secondary"}
        )
    sam = c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
    c.event("Sam", "request_received", "2026-06-01")
    c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
    c.event("Sam", "advice_requested", "2026-07-14", **{"from": "health"})
    c.event("Sam", "advice_received", "2026-08-03", **{"from": "health"})
    c.event("Sam", "issue_decision", "2026-10-05", outcome="issue")
    yield backend, sam
    backend.close()


def open_editor(qtbot, backend: Backend, child: uuid.UUID):  # type: ignore[no-untyped-def]
    from send_desk.gui.ops import SyncOps
    from send_desk.gui.plans.editor import open_plan_editor

    editor = open_plan_editor(backend, SyncOps(), str(child), "Sam Example")
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    return editor


def ok_button(dialog):  # type: ignore[no-untyped-def]
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def issue_draft(qtbot, backend: Backend, sam: uuid.UUID) -> None:
    """Issue the draft through the editor on 2 November, confirming the criteria."""
    editor = open_editor(qtbot, backend, sam)
    qtbot.mouseClick(editor.ui.issueButton, Qt.MouseButton.LeftButton)
    editor.issue_dialog.ui.dateEdit.setDate(QDate(2026, 11, 2))
    editor.issue_dialog.accept()
    with qtbot.waitSignal(editor.issued, timeout=5000):
        qtbot.mouseClick(editor.confirm_box.issue_button, Qt.MouseButton.LeftButton)


def event_dates(backend: Backend, sam: uuid.UUID, kind: str) -> list[date]:
    return [e.date for e in backend.caseload.child_detail(sam).events if e.type == kind]


def test_finalise_and_amend_are_disabled_before_a_draft_was_issued(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    editor = open_editor(qtbot, backend, sam)
    ui = editor.ui
    assert ui.issueButton.isEnabled()
    assert not ui.finaliseButton.isEnabled()
    assert not ui.amendButton.isEnabled()
    assert ui.finaliseButton.toolTip() == "The plan is finalised after the draft plan is issued"
    assert ui.amendButton.toolTip() == "An amendment is proposed once a final plan is in force"


def test_a_draft_issued_then_finalised_naming_a_school_then_amended(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    issue_draft(qtbot, backend, sam)
    assert [(v.version, v.kind, v.issued_on) for v in backend.plans.versions(sam)] == [
        (1, "draft", DRAFT_ON)
    ]

    # finalising: reopened on the issued draft, finalise is the step now
    editor = open_editor(qtbot, backend, sam)
    ui = editor.ui
    assert (
        ui.statusLabel.text() == "A new draft from version 1, the draft plan issued on 02/11/2026."
    )
    assert ui.finaliseButton.isEnabled() and not ui.amendButton.isEnabled()
    published: list[Changes] = []
    editor.ops.hub.changes.connect(published.append)
    qtbot.mouseClick(ui.finaliseButton, Qt.MouseButton.LeftButton)
    dialog = editor.finalise_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Issue the final plan"
    assert dialog.issue_date() == TODAY
    assert not ok_button(dialog).isEnabled()  # no school named yet
    combo = dialog.ui.schoolCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "",
        "Hillside Academy (URN 137000)",
    ]
    combo.setCurrentIndex(1)
    assert dialog.school() == "137000"  # a setting of the store goes by its URN
    dialog.ui.dateEdit.setDate(QDate(2026, 12, 4))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    box = editor.confirm_box
    assert box is not None and box.isVisible()
    assert box.accessibleName() == "Issue the final plan with criteria not met"
    assert "b1: describe the need in at least 10 words (0 now)." in box.informativeText()
    assert "kept with the final plan" in box.informativeText()
    assert [v.kind for v in backend.plans.versions(sam)] == ["draft"]  # nothing yet
    with qtbot.waitSignal(editor.finalised, timeout=5000):
        qtbot.mouseClick(box.issue_button, Qt.MouseButton.LeftButton)
    versions = backend.plans.versions(sam)
    assert [(v.version, v.kind, v.issued_on, v.school) for v in versions] == [
        (1, "draft", DRAFT_ON, None),
        (2, "final", FINAL_ON, "Hillside Academy"),
    ]
    assert editor.issued_result.version.id == versions[1].id
    assert event_dates(backend, sam, "final_plan_issued") == [FINAL_ON]
    assert backend.plans.version(sam, 2).plan.sections.I.name == "Hillside Academy"
    assert len(published) == 1
    assert published[0].touches(ChangeKind.PLANS) and published[0].touches(ChangeKind.EVENTS)
    assert published[0].child_ids == frozenset({sam})
    # 4 December is 46 days after the 20-week limit (19 October): the clock's warning is
    # shown, and the editor closes on the version issued once it is read
    notice = editor.issued_box
    assert notice is not None and notice.isVisible()
    assert notice.text() == "Issued the final plan (version 2) on 04/12/2026."
    assert notice.informativeText() == (
        "The statutory clock asks you to check:\n"
        "• Issue the final EHC plan (20 weeks): due 19/10/2026, done 46 days late."
    )
    assert editor.isVisible()
    with qtbot.waitSignal(editor.finished, timeout=5000):
        notice.button(QMessageBox.StandardButton.Ok).click()
    assert not editor.isVisible()

    # amending: the final plan is in force; the draft changes the parents' views
    editor = open_editor(qtbot, backend, sam)
    ui = editor.ui
    assert (
        ui.statusLabel.text() == "A new draft from version 2, the final plan issued on 04/12/2026."
    )
    assert ui.amendButton.isEnabled()
    assert not ui.finaliseButton.isEnabled() and not ui.issueButton.isEnabled()
    editor.show_section("A")
    ui.parentViewsEdit.setPlainText("We want Sam to read with the class by the summer.")
    qtbot.mouseClick(ui.amendButton, Qt.MouseButton.LeftButton)
    dialog = editor.amend_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.issue_date() == TODAY
    assert not ok_button(dialog).isEnabled()  # the reason is required
    qtbot.keyClicks(dialog.ui.reasonEdit, "Annual review: Sam needs help with reading.")
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    box = editor.confirm_box
    assert box is not None
    assert box.accessibleName() == "Issue the amendment notice with criteria not met"
    with qtbot.waitSignal(editor.amended, timeout=5000):
        qtbot.mouseClick(box.issue_button, Qt.MouseButton.LeftButton)
    versions = backend.plans.versions(sam)
    assert [(v.version, v.kind, v.issued_on) for v in versions][2:] == [(3, "amendment", TODAY)]
    assert versions[2].amendment_reason == "Annual review: Sam needs help with reading."
    assert [c.section for c in versions[2].changes] == ["A"]
    assert event_dates(backend, sam, "amendment_notice_issued") == [TODAY]

    # after the notice, finalising issues the amended plan
    editor = open_editor(qtbot, backend, sam)
    assert editor.ui.finaliseButton.isEnabled() and not editor.ui.amendButton.isEnabled()
    editor.finalise()
    dialog = editor.finalise_dialog
    assert dialog.windowTitle() == "Issue the amended plan"
    assert dialog.ui.schoolCombo.currentText() == "Hillside Academy"  # Section I's school
    dialog.reject()


def test_an_amendment_changing_nothing_is_refused_in_words(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    issue_draft(qtbot, backend, sam)
    backend.plans.finalise(sam, FINAL_ON, "137000", accept_failed=True)
    editor = open_editor(qtbot, backend, sam)
    editor.propose_amendment()
    dialog = editor.amend_dialog
    dialog.ui.reasonEdit.setPlainText("Annual review")
    dialog.accept()
    assert editor.confirm_box is None  # refused before anything is asked
    assert editor.ui.errorLabel.isVisibleTo(editor)
    assert editor.ui.errorLabel.text() == (
        "The amendment changes nothing in the plan in force: make the changes first."
    )
    assert editor.isVisible() and editor.ui.amendButton.isEnabled()
    assert [v.kind for v in backend.plans.versions(sam)] == ["draft", "final"]


def test_a_urn_the_store_does_not_know_is_refused_and_nothing_is_issued(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    issue_draft(qtbot, backend, sam)
    editor = open_editor(qtbot, backend, sam)
    editor.finalise()
    dialog = editor.finalise_dialog
    dialog.ui.schoolCombo.setEditText("999999")
    assert dialog.school() == "999999"
    dialog.accept()
    assert editor.confirm_box is None
    assert editor.ui.errorLabel.text() == "no school or setting with URN 999999 in this store"
    assert editor.ui.finaliseButton.isEnabled()
    assert [v.kind for v in backend.plans.versions(sam)] == ["draft"]
    assert event_dates(backend, sam, "final_plan_issued") == []


def test_a_school_typed_by_name_is_named_in_section_i(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    issue_draft(qtbot, backend, sam)
    editor = open_editor(qtbot, backend, sam)
    editor.finalise()
    dialog = editor.finalise_dialog
    qtbot.keyClicks(dialog.ui.schoolCombo.lineEdit(), "Riverside Special School")
    assert dialog.school() == "Riverside Special School"
    dialog.accept()
    with qtbot.waitSignal(editor.finalised, timeout=5000):
        editor.confirm_box.issue_button.click()
    assert backend.plans.versions(sam)[-1].school == "Riverside Special School"
    assert event_dates(backend, sam, "final_plan_issued") == [TODAY]


def test_the_steps_fit_a_laptop_and_their_alt_keys_do_not_clash(qtbot, case) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.plans.finalise import PlanAmendDialog, PlanFinaliseDialog

    backend, sam = case
    editor = open_editor(qtbot, backend, sam)
    ui = editor.ui
    for button in (ui.issueButton, ui.finaliseButton, ui.amendButton):
        button.setEnabled(True)  # all three at once: the most the row can offer
    assert ui.finaliseButton.text() == "&Finalise…"
    assert ui.amendButton.text() == "Propose am&endment…"
    for key in ("A", "B", "I", "J", "K"):
        editor.show_section(key)
        assert duplicates(editor) == {}, key
    hint = editor.minimumSizeHint()
    assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height(), hint
    options = backend.caseload.caseload_options().settings
    for dialog in (
        PlanFinaliseDialog(TODAY, options, parent=editor),
        PlanAmendDialog(TODAY, editor),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        ok_button(dialog).setEnabled(True)
        assert duplicates(dialog) == {}, dialog.windowTitle()
        size = dialog.sizeHint()
        assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height(), size
