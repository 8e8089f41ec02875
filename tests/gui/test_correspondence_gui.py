"""Correspondence, callbacks, complaints and reports in the real window (offscreen, each
test on its own copy of a 60-child demo store; background ops run at once)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from send_desk.backend.correspondence_models import NewItem
from send_desk.gui.callback_dialogs import CallbackDialog, CallbackOutcomeDialog
from send_desk.gui.correspondence_dialogs import (
    AvailabilityDialog,
    ComplaintActionDialog,
    ComplaintDialog,
    ItemDialog,
    RespondDialog,
)
from send_desk.gui.correspondence_page import CorrespondencePage
from send_desk.gui.reports_page import ReportsPage
from tests.gui.children import my_children

from .conftest import TODAY

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture(autouse=True)
def _fixed_clock(backend) -> None:  # type: ignore[no-untyped-def]
    backend.correspondence.clock_now = lambda: NOW


def _my_child(backend) -> str:  # type: ignore[no-untyped-def]
    return my_children(backend)[0]


def _page(qtbot, window, page_id: str):  # type: ignore[no-untyped-def]
    page = window.page_widgets[page_id]
    signal = page.loaded
    with qtbot.waitSignal(signal, timeout=10_000):
        window.show_page(page_id)
    return page


def test_the_page_lists_items_and_passes_the_model_tester(
    qtbot, qtmodeltester, window, backend
) -> None:
    page: CorrespondencePage = _page(qtbot, window, "correspondence")
    assert window.current_page_id() == "correspondence"
    assert "awaiting a reply" in page.summary.text() and "overdue" in page.summary.text()
    for model in (page.items_model, page.callbacks_model, page.complaints_model,
                  page.absence_model, page.duty_model):  # fmt: skip
        qtmodeltester.check(model, force_py=True)
    # everyone's items, soonest due first, dates dd/mm/yyyy
    with qtbot.waitSignal(page.loaded):
        page.scope.setCurrentIndex(page.scope.findData("all"))
    model = page.items_model
    assert model.rowCount() > 10
    due = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    parsed = [datetime.strptime(text, "%d/%m/%Y").date() for text in due]
    assert parsed == sorted(parsed)
    overdue_row = next(r for r in range(model.rowCount()) if model.row(r).status == "overdue")
    assert model.data(model.index(overdue_row, 0)) == "Overdue"
    assert model.data(model.index(overdue_row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    # only overdue
    with qtbot.waitSignal(page.loaded):
        page.item_show.setCurrentIndex(page.item_show.findData("overdue"))
    assert all(model.row(r).status == "overdue" for r in range(model.rowCount()))


def test_record_the_reply_from_the_page(qtbot, window, backend) -> None:
    page: CorrespondencePage = _page(qtbot, window, "correspondence")
    with qtbot.waitSignal(page.loaded):
        page.scope.setCurrentIndex(page.scope.findData("all"))
    before = page.items_model.rowCount()
    page.items_view.selectRow(0)
    item = page.items_model.row(0)
    page.respond_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RespondDialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("email"))
    dialog.ui.onEdit.setDate(dialog.ui.onEdit.date().fromString("01/01/2020", "dd/MM/yyyy"))
    dialog.ui.summaryEdit.setPlainText("Sent the dates of the meeting")
    dialog.save()
    # the reply is dated before the item arrived: refused, the dialog stays open
    assert dialog.isVisible() and "before the item arrived" in dialog.error_label.text()
    dialog.ui.onEdit.setDate(dialog.ui.onEdit.maximumDate())
    with qtbot.waitSignal(page.loaded):
        dialog.save()
    assert page.items_model.rowCount() == before - 1
    assert item.id not in page.items_model.ids()


def test_log_an_item_on_the_child_record_and_a_duplicate(qtbot, window, backend) -> None:
    child = _my_child(backend)
    record = window.record
    with qtbot.waitSignal(record.correspondence_tab.loaded, timeout=10_000):
        window.open_child(child)
    tab = record.correspondence_tab
    record.tabs.setCurrentWidget(tab)
    count = tab.items_model.rowCount()

    def fill(dialog: ItemDialog) -> None:
        dialog.ui.channelCombo.setCurrentIndex(dialog.ui.channelCombo.findData("email"))
        dialog.ui.contactDateEdit.setDate(dialog.ui.contactDateEdit.maximumDate())
        dialog.ui.summaryEdit.setPlainText("Can we move the review meeting?")
        dialog.ui.referenceEdit.setText("Move the review? (Fri 20 Nov)")

    tab.log_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ItemDialog)
    fill(dialog)
    # Fri 20 Nov + 10 working days = Fri 4 Dec
    assert dialog.ui.dueValue.text().startswith("04/12/2026 (10 working days")
    with qtbot.waitSignal(tab.loaded):
        dialog.save()
    assert tab.items_model.rowCount() == count + 1
    tab.log_button.click()
    again = tab.dialog
    fill(again)
    again.save()
    assert again.isVisible()
    assert "This email is already in the log" in again.error_label.text()
    assert not again.anyway.isVisible()  # the same reference: certainly the same email
    again.ui.referenceEdit.setText("")
    again.save()
    assert "looks like one already in the log" in again.error_label.text()
    assert again.anyway.isVisible()
    with qtbot.waitSignal(tab.loaded):
        again.anyway.click()
    assert tab.items_model.rowCount() == count + 2


def test_book_a_callback_with_the_duty_officer(qtbot, qtmodeltester, window, backend) -> None:
    child = _my_child(backend)
    me = backend.me()
    options = backend.caseload.caseload_options()
    other = next(c for c in options.caseworkers if c.id != me.id)
    backend.correspondence.add_absence(me.id, TODAY, TODAY + timedelta(days=3), "Training")
    backend.correspondence.set_duty(me.team_id, TODAY, other.id)
    record = window.record
    with qtbot.waitSignal(record.correspondence_tab.loaded, timeout=10_000):
        window.open_child(child)
    tab = record.correspondence_tab
    tab.callback_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, CallbackDialog)
    first = dialog.ui.slotList.currentItem().data(Qt.ItemDataRole.UserRole)  # the first free time
    assert first.via_duty and first.caller == other.name
    assert first.start == datetime(2026, 11, 20, 9, 30)
    notes = dialog.ui.slotNotes.text()
    assert f"{me.name} is away 20/11/2026 to 23/11/2026" in notes
    assert "nobody is on the" in notes  # Monday 23rd has no duty officer
    dialog.ui.aboutEdit.setPlainText("Transport to school")
    dialog.ui.confirmCombo.setCurrentIndex(dialog.ui.confirmCombo.findData("text"))
    if not dialog.ui.phoneEdit.text():
        dialog.ui.phoneEdit.setText("07700 900123")
    with qtbot.waitSignal(tab.loaded):
        dialog.save()
    callbacks = tab.callbacks_model
    assert callbacks.row(0).via_duty
    assert callbacks.data(callbacks.index(0, 7)) == "Text message"  # Confirmed
    qtmodeltester.check(tab.callbacks_model, force_py=True)
    # the call was tried: no answer
    tab.callbacks_view.selectRow(0)
    backend.correspondence.clock_now = lambda: NOW + timedelta(hours=1)
    tab.outcome_button.click()
    outcome = tab.dialog
    assert isinstance(outcome, CallbackOutcomeDialog)
    outcome.ui.outcomeCombo.setCurrentIndex(outcome.ui.outcomeCombo.findData("no_answer"))
    with qtbot.waitSignal(tab.loaded):
        outcome.save()
    assert callbacks.data(callbacks.index(0, 0)) == "Tried: no answer"


def test_a_complaint_through_its_steps(qtbot, qtmodeltester, window, backend) -> None:
    child = _my_child(backend)
    record = window.record
    with qtbot.waitSignal(record.correspondence_tab.loaded, timeout=10_000):
        window.open_child(child)
    tab = record.correspondence_tab
    tab.complaint_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ComplaintDialog)
    dialog.ui.receivedEdit.setDate(dialog.ui.receivedEdit.date().addDays(-14))  # Fri 6 Nov
    dialog.ui.summaryEdit.setPlainText("")
    dialog.save()
    assert "What the complaint is about is needed" in dialog.error_label.text()
    dialog.ui.summaryEdit.setPlainText("Nobody rang back")
    with qtbot.waitSignal(tab.loaded):
        dialog.save()
    complaints = tab.complaints_model
    # Fri 6 Nov + 10 working days = Fri 20 Nov: due today
    assert complaints.row(0).response_due == date(2026, 11, 20)
    assert complaints.data(complaints.index(0, 1)) == "20/11/2026"
    assert complaints.data(complaints.index(0, 2)) == "today"
    assert complaints.data(complaints.index(0, 3)) == "Stage 1: local resolution"
    tab.complaints_view.selectRow(0)
    tab.step_button.click()
    step = tab.dialog
    assert isinstance(step, ComplaintActionDialog)
    assert step.ui.actionCombo.currentData() == "acknowledge"
    assert not step.ui.formLayout.isRowVisible(step.ui.outcomeCombo)
    step.ui.investigatorEdit.setText("Ali Manager")
    with qtbot.waitSignal(tab.loaded):
        step.save()
    tab.complaints_view.selectRow(0)
    tab.step_button.click()
    step = tab.dialog
    assert step.ui.actionCombo.currentData() == "respond"
    assert step.ui.formLayout.isRowVisible(step.ui.outcomeCombo)
    step.ui.outcomeCombo.setCurrentIndex(step.ui.outcomeCombo.findData("partly_upheld"))
    step.ui.rootCauseCombo.setCurrentIndex(step.ui.rootCauseCombo.findData("communication"))
    step.ui.lessonsEdit.setPlainText("Ring back the same day")
    with qtbot.waitSignal(tab.loaded):
        step.save()
    assert complaints.data(complaints.index(0, 0)) == "Closed"
    assert complaints.data(complaints.index(0, 9)) == "Communication"  # Root cause
    assert complaints.data(complaints.index(0, 10)) == "Partly upheld"  # Outcome
    assert complaints.row(0).stages[0].within_sla is True
    qtmodeltester.check(tab.complaints_model, force_py=True)


def test_my_day_lists_replies_and_callbacks(qtbot, qtmodeltester, window, backend) -> None:
    child = _my_child(backend)
    backend.correspondence.log(
        child, NewItem("call", date(2026, 11, 18), "A Parent", "Please ring me")
    )
    page = window.page_widgets["my_day"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("my_day")
    box = page.due_box
    assert box.isVisible()
    model = box.model
    shown = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    mine = next(r for r in shown if r[4].endswith("Please ring me"))
    # a call on Wed 18 Nov is answered within 2 working days: by Fri 20 Nov
    assert mine[:3] == ["Reply due", "20/11/2026", "Due today"]
    assert mine[4] == "Phone call from A Parent: Please ring me"
    rows = [model.row(r) for r in range(model.rowCount())]
    mine = rows[shown.index(mine)]
    assert "Correspondence, callbacks and complaints" in box.label.text()
    qtmodeltester.check(box.model, force_py=True)
    box.view.selectRow(rows.index(mine))
    box.deal_button.click()
    assert isinstance(box.dialog, RespondDialog)
    box.dialog.reject()


def test_availability_dialog_puts_someone_on_duty(qtbot, window, backend) -> None:
    page: CorrespondencePage = _page(qtbot, window, "correspondence")
    page.availability_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AvailabilityDialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("duty"))
    assert dialog.ui.formLayout.isRowVisible(dialog.ui.teamCombo)
    dialog.ui.lastEdit.setDate(dialog.ui.firstEdit.date().addDays(3))  # Fri to Mon
    with qtbot.waitSignal(page.loaded):
        dialog.save()
    assert len(dialog.saved_result) == 2  # Friday and Monday: working days only


def test_reports_page_shows_figures_charts_and_exports(
    qtbot, qtmodeltester, window, backend, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    page: ReportsPage = _page(qtbot, window, "reports")
    assert page.report is not None
    assert page.status.text().endswith(f"position on {TODAY:%d/%m/%Y}.")
    weeks = page.models["Correspondence by week"]
    assert weeks.rowCount() == 12 and weeks.headerData(0, Qt.Orientation.Horizontal) == (
        "Week commencing"
    )
    assert weeks.data(weeks.index(0, 0)).count("/") == 2
    for model in page.models.values():
        qtmodeltester.check(model, force_py=True)
    assert page.charts["weeks"].series() and page.charts["causes"].series()
    assert "%" in page.card_labels["overdue"].text()
    # a chosen period
    with qtbot.waitSignal(page.loaded):
        page.set_period(date(2026, 10, 1), date(2026, 10, 31))
        page.reload()
    assert page.preset.currentData() == "custom"
    assert page.models["Complaints by month"].rowCount() == 1
    with qtbot.waitSignal(page.exported):
        page.export_to("xlsx", str(tmp_path / "report.xlsx"))
    book = load_workbook(tmp_path / "report.xlsx")
    assert "Open deadlines" in book.sheetnames
    assert "Saved" in page.status.text()
    with qtbot.waitSignal(page.exported):
        page.export_to("csv", str(tmp_path / "report.csv"))
    assert (tmp_path / "report.csv").read_text("utf-8-sig").startswith("section,who,team")


def test_a_calendar_export_can_be_cancelled(
    qtbot, window, backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real thread: pressing Cancel while the export runs stops it; no file is left.

    The worker is slowed at its first progress report until the GUI thread has shown the
    report and the test has pressed Cancel, as a long export of 20,000 children would be.
    """
    from send_desk.gui.ops import Ops
    from send_desk.gui.progress_op import ProgressOp

    original = ProgressOp.progress

    def slow(self: ProgressOp, done: int, total: int) -> None:
        original(self, done, total)
        self.cancel_flag.wait(timeout=5)

    page: ReportsPage = _page(qtbot, window, "reports")
    page.ops = Ops(page)
    target = tmp_path / "calendar.ics"
    monkeypatch.setattr(ProgressOp, "progress", slow)
    with qtbot.waitSignal(page.export_failed, timeout=20_000) as failed:
        op = page.export_to("ics", str(target))
        assert op is not None and page.export_op is op
        assert not page.ics_button.isEnabled()
        cancel = op.dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "&Cancel"
        op.relay.progressed.connect(lambda *_args: cancel.click())
    assert failed.args == ["Export cancelled; nothing was written."]
    assert not target.exists() and list(tmp_path.iterdir()) == [tmp_path / "store"]
    assert page.export_op is None and page.ics_button.isEnabled()
    assert page.status.text() == "Export cancelled; nothing was written."
    # and without cancelling, the calendar is written
    monkeypatch.setattr(ProgressOp, "progress", original)
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_to("ics", str(target))
    import icalendar

    assert icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
