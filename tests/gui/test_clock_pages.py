"""My day, the Timeline tab, recording from it, apologies, the Overdue filter, reminders:
driven as a caseworker would, offscreen, each test on its own copy of the demo store.

Today is Friday 20 November 2026 (tests/gui/conftest.py). Children made here have dates
worked out by hand: a request on 2 Nov 2026 + 42 days = 14 Dec 2026; on 1 Sep 2026 +
42 days = 13 Oct 2026 (overdue); on 6 Oct 2026 + 42 days = 17 Nov 2026 (missed 3 days
ago).
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from send_desk.backend.caseload_models import NewChild
from send_desk.backend.clock_models import DeadlineRow, TimelineItem
from send_desk.gui.clock_dialogs import (
    ApologyDialog,
    ExceptionDialog,
    RecordEventDialog,
    ReminderSettingsDialog,
)
from send_desk.gui.dialogs import save_button
from send_desk.gui.settings import AppSettings
from send_desk.gui.tray import ReminderTray, reminder_message


def _new_child(backend, request_on: date, first: str = "Oliwia") -> str:  # type: ignore[no-untyped-def]
    me = backend.me()
    child = backend.caseload.create_child(
        NewChild(first_name=first, last_name="Nowak", date_of_birth=date(2019, 4, 12))
    )
    backend.caseload.allocate(child, me.id, date(2026, 6, 1))
    backend.clock.record_event(child, "request_received", request_on)
    return child.hex


def _my_day(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.page_widgets["my_day"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.show_page("my_day")
    return page


def _timeline(qtbot, window, child_id):  # type: ignore[no-untyped-def]
    record = window.record
    with qtbot.waitSignal(record.timeline_tab.loaded, timeout=5000):
        window.open_child(child_id)
    record.tabs.setCurrentWidget(record.timeline_tab)
    return record.timeline_tab


def _select(tab, milestone: str) -> TimelineItem:  # type: ignore[no-untyped-def]
    for number in range(tab.model.rowCount()):
        row = tab.model.row(number)
        if row.milestone == milestone:
            tab.table.selectRow(number)
            return row
    raise AssertionError(f"{milestone} is not on the timeline")


def _shown_status(tab) -> str:  # type: ignore[no-untyped-def]
    """The Status column of the selected milestone, as the caseworker reads it."""
    return tab.model.index(tab.table.currentIndex().row(), 0).data()


def test_my_day_lists_the_caseload_most_at_risk_first(qtbot, window, backend) -> None:
    page = _my_day(qtbot, window)
    me = backend.me()
    expected = backend.clock.my_day(caseworker_id=me.id)
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    assert rows == list(expected.rows)
    assert rows, "the demo caseworker has deadlines"
    sections = ["overdue", "today", "soon"]
    assert [sections.index(r.section) for r in rows] == sorted(
        sections.index(r.section) for r in rows
    )
    counts = expected.counts
    overdue = page.summary.text().split("Overdue: ")[1]
    assert overdue.startswith(f"{counts['overdue']} statutory deadline")
    assert "to 04/12/2026" in page.summary.text()  # 10 working days after Fri 20 Nov
    assert page.title.text() == "My day – Friday 20 November 2026"
    first = page.model.index(0, 0)
    assert isinstance(page.model.data(first, Qt.ItemDataRole.DecorationRole), QIcon)
    spoken = page.model.data(first, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(page.model.data(first)) and rows[0].title in spoken
    assert page.model.data(first) in ("Overdue", "Due", "Exception claimed")
    due = page.model.data(page.model.index(0, 1))
    assert due[2] == "/" and due[5] == "/"  # dd/mm/yyyy


def test_double_click_opens_the_child(qtbot, window) -> None:
    page = _my_day(qtbot, window)
    row = page.model.row(0)
    qtbot.waitUntil(lambda: page.table.viewport().isVisible())
    rect = page.table.visualRect(page.model.index(0, 3))
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_id() == "child"
    assert window.record.child_id == row.child_id.hex


def test_whose_deadlines_and_local_targets(qtbot, window, backend) -> None:
    page = _my_day(qtbot, window)
    mine = page.model.rowCount()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.scope.setCurrentIndex(page.scope.findData("all"))
    assert page.model.rowCount() >= mine
    assert AppSettings(backend.paths.root).my_day_scope == "all"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.local.setChecked(True)
    assert any(page.model.row(i).local for i in range(page.model.rowCount()))


def test_item_models_pass_the_model_tester(qtmodeltester, qtbot, window, backend) -> None:
    page = _my_day(qtbot, window)
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.actions_model, force_py=True)
    tab = _timeline(qtbot, window, page.model.row(0).child_id.hex)
    qtmodeltester.check(tab.model, force_py=True)
    qtmodeltester.check(tab.model)


def test_record_what_happened_from_the_timeline(qtbot, window, backend) -> None:
    child = _new_child(backend, date(2026, 11, 2))
    tab = _timeline(qtbot, window, child)
    row = _select(tab, "decide_to_assess")
    assert (row.due, _shown_status(tab)) == (date(2026, 12, 14), "Due")
    assert tab.model.data(tab.model.index(0, 3)) == "in 24 days"
    tab.record_event()
    dialog = tab.dialog
    assert isinstance(dialog, RecordEventDialog)
    assert dialog.ui.typeCombo.currentData() == "assessment_decision"  # completes the row
    outcome = dialog.extra_widgets["outcome"]
    outcome.setCurrentIndex(outcome.findData("assess"))
    dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().addDays(-2))  # Wed 18 Nov
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    done = _select(tab, "decide_to_assess")
    assert (done.done, done.status, _shown_status(tab)) == (date(2026, 11, 18), "met", "Met")
    events = [e.type for e in window.record.detail.events]
    assert "assessment_decision" in events


def test_an_event_out_of_order_is_refused_until_the_date_is_confirmed(
    qtbot, window, backend
) -> None:
    child = _new_child(backend, date(2026, 11, 2))
    tab = _timeline(qtbot, window, child)
    tab.table.clearSelection()
    tab.table.setCurrentIndex(tab.model.index(-1, -1))
    tab.record_event()
    dialog = tab.dialog
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("assessment_decision"))
    outcome = dialog.extra_widgets["outcome"]
    outcome.setCurrentIndex(outcome.findData("not_assess"))
    dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().addDays(-50))  # 1 Oct 2026
    dialog.save()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "dated before the first request for assessment received (02/11/2026)" in (
        dialog.error_label.text()
    )
    assert dialog.ui.confirmDatesCheck.isVisible()
    assert len(backend.caseload.child_detail(uuid.UUID(child)).events) == 1  # nothing saved
    dialog.ui.confirmDatesCheck.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert tab.last_warnings and "check the dates" in tab.last_warnings[0]
    assert len(backend.caseload.child_detail(uuid.UUID(child)).events) == 2


def test_an_exception_needs_a_lawful_reason_and_evidence(qtbot, window, backend) -> None:
    child = _new_child(backend, date(2026, 9, 1))
    tab = _timeline(qtbot, window, child)
    row = _select(tab, "decide_to_assess")
    assert (row.due, row.status) == (date(2026, 10, 13), "overdue")
    assert tab.exception_button.isEnabled()
    tab.record_exception()
    dialog = tab.dialog
    assert isinstance(dialog, ExceptionDialog)
    offered = [dialog.ui.reasonCombo.itemData(i) for i in range(1, dialog.ui.reasonCombo.count())]
    assert offered == [
        "school_closure",
        "early_years_closure",
        "exceptional_personal_circumstances",
        "absence_from_area",
    ]
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("absence_from_area"))
    assert "away from the council's area" in dialog.ui.reasonHelpLabel.text()
    dialog.save()  # no evidence
    assert dialog.is_marked("evidence") and "Evidence" in dialog.error_label.text()
    assert dialog.ui.evidenceEdit.geometry().bottom() < dialog.button_box.geometry().top()
    dialog.ui.evidenceEdit.setPlainText("Family in Poland 05/09/2026 to 20/10/2026 (email)")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.save()
    claimed = _select(tab, "decide_to_assess")
    assert (claimed.status, _shown_status(tab)) == ("exception", "Exception claimed")
    assert claimed.due == date(2026, 10, 13)  # never moved
    assert "Family in Poland" in tab.detail.text()
    status = tab.model.data(tab.model.index(0, 3))
    assert status == "38 days past the time limit"  # 13 Oct to 20 Nov


def test_a_missed_deadline_prompts_an_apology_to_the_family(qtbot, window, backend) -> None:
    child = _new_child(backend, date(2026, 10, 6), first="Zofia")
    page = _my_day(qtbot, window)
    missed = [r for r in page.missed if r.child_id.hex == child]
    assert [(r.milestone, r.due) for r in missed] == [
        ("decide_to_assess", date(2026, 11, 17))
    ]
    assert page.banner.isVisible()
    page.missed = missed  # this child's only, for the test
    page.prompt_apologies()
    dialog = page.dialog
    assert isinstance(dialog, ApologyDialog)
    assert "Zofia Nowak" in dialog.ui.missedLabel.text()
    assert "17/11/2026" in dialog.ui.missedLabel.text()
    assert "opens in the letter composer" in dialog.ui.lettersLabel.text()
    dialog.save()  # no reason
    assert dialog.is_marked("reason")
    dialog.ui.reasonEdit.setPlainText("The panel that decides was cancelled because of snow.")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save()
    assert dialog.recorded and not any(r.child_id.hex == child for r in page.missed)
    events = backend.caseload.child_detail(uuid.UUID(child)).events
    (apology,) = [e for e in events if e.type == "apology_letter_requested"]
    assert apology.details == {
        "milestone": "decide_to_assess",
        "due": "2026-11-17",
        "reason": "The panel that decides was cancelled because of snow.",
    }


def test_the_caseload_overdue_filter(qtbot, window, backend) -> None:
    page = window.caseload
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.overdue.setChecked(True)
    shown = page.model.ids()
    late = backend.clock.overdue_child_ids()
    assert shown and set(shown) == {child.hex for child in late}
    assert page.overdue.isEnabled()
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.clear_filters()
    assert not page.overdue.isChecked() and page.model.rowCount() == 60


def test_reminders_at_the_chosen_lead_times(qtbot, window, backend, ops) -> None:
    child = _new_child(backend, date(2026, 11, 2))  # decide by 14 Dec: in 24 days
    settings = AppSettings(backend.paths.root)
    settings.reminder_lead_days = [24]
    tray = ReminderTray(backend, ops, settings, first_check_ms=-1)
    with qtbot.waitSignal(tray.notified, timeout=5000) as caught:
        tray.check()
    rows = caught.args[0]
    assert [
        (r.child_id.hex, r.milestone, r.days_left) for r in rows if r.child_id.hex == child
    ] == [(child, "decide_to_assess", 24)]
    assert tray.last_message is not None
    # once per deadline and lead time and day
    with qtbot.assertNotEmitted(tray.notified):
        tray.check()
    # no names on the desktop while SEND Desk is locked
    settings.reminder_lead_days = [23, 24, 25]
    tray._seen.clear()
    tray.locked = True
    tray.check()
    assert tray.last_message == (
        "SEND Desk",
        "Statutory deadlines need you: unlock SEND Desk to see them.",
    )
    settings.reminders_enabled = False
    with qtbot.assertNotEmitted(tray.notified):
        tray.check()
    tray.stop()


def test_the_reminder_message_in_plain_words() -> None:
    row = DeadlineRow(
        child_id=uuid.uuid4(),
        child_name="Zofia Nowak",
        looked_after=False,
        caseworker="Pat Example",
        team="North",
        milestone="decide_to_assess",
        title="Decide whether to assess",
        due=date(2026, 12, 14),
        status="pending",
        days_left=24,
        section="later",
        next_step="Send the family the decision by 14/12/2026 (in 24 days).",
        source="Regulation 5(1)",
        local=False,
        proposed=False,
        exception=None,
        priority_reasons=(),
    )
    assert reminder_message([row]) == (
        "Decide whether to assess – Zofia Nowak",
        "Due in 24 days (14/12/2026). Send the family the decision by 14/12/2026 (in 24 days).",
    )
    title, text = reminder_message([row] * 6)
    assert title == "6 statutory deadlines need you"
    assert text.endswith("and 2 more: open My day")


def test_reminder_settings(qtbot, window, backend) -> None:
    window.choose_reminders()
    dialog = window.reminders_dialog
    assert isinstance(dialog, ReminderSettingsDialog)
    assert dialog.ui.leadEdit.text() == "10, 5, 1, 0"
    dialog.ui.leadEdit.setText("5, soon")
    dialog.save()
    assert dialog.is_marked("lead_days") and "'soon'" in dialog.error_label.text()
    dialog.ui.leadEdit.setText("7, 0, 7")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert AppSettings(backend.paths.root).reminder_lead_days == [7, 0]


@pytest.mark.parametrize("where", ["my_day", "timeline"])
def test_every_new_control_has_an_accessible_name(qtbot, window, where) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    page = _my_day(qtbot, window)
    root = page
    if where == "timeline":
        root = _timeline(qtbot, window, page.model.row(0).child_id.hex)
    for kind in (QLineEdit, QComboBox, QTableView, QAbstractButton):
        for widget in root.findChildren(kind):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            name = widget.accessibleName() or (
                widget.text() if isinstance(widget, QAbstractButton) else ""
            )
            assert name, f"{type(widget).__name__} {widget.objectName()!r} has no name"
