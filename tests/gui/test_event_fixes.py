"""Correcting and withdrawing an event from the child record's Events tab, and who asked
for an assessment with the dates the request sets. Today is Friday 20 November 2026
(tests/gui/conftest.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel

from send_desk.backend.caseload_models import NewChild
from send_desk.gui.clock_dialogs import RecordEventDialog
from tests.gui.test_clock_pages import _new_child, _select, _timeline


def _events_tab(qtbot, window, child):  # type: ignore[no-untyped-def]
    record = window.record
    with qtbot.waitSignal(record.timeline_tab.loaded, timeout=5000):
        window.open_child(child)
    record.tabs.setCurrentWidget(record.events_tab)
    tab = record.events_tab
    tab.view.selectRow(0)
    return tab


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_correct_the_date_of_a_request_and_the_deadline_moves(qtbot, window, backend) -> None:
    # typed as 2 Nov (+ 42 days = 14 Dec); it came on 26 Oct (+ 42 days = 7 Dec)
    child = _new_child(backend, date(2026, 11, 2))
    tab = _events_tab(qtbot, window, child)
    assert tab.correct_button.isEnabled()
    # the event's name is shown whole, not cut to "Request for…"
    label_width = tab.view.fontMetrics().horizontalAdvance("Request for assessment received")
    assert tab.view.columnWidth(1) >= label_width
    tab.fix(withdraw=False)
    dialog = tab.dialog
    dialog.date_edit.setDate(QDate(2026, 10, 26))
    _ok(dialog)
    assert dialog.error.isVisible() and "reason" in dialog.error.text()
    dialog.reason_edit.setText("date copied from the covering email, not the form")
    with qtbot.waitSignal(window.record.timeline_tab.loaded, timeout=5000):
        _ok(dialog)
    assert tab.model.index(0, 1).data().endswith("(corrected, version 2)")
    timeline = window.record.timeline_tab
    assert _select(timeline, "decide_to_assess").due == date(2026, 12, 7)


def test_withdraw_an_event_recorded_by_mistake(qtbot, window, backend) -> None:
    child = _new_child(backend, date(2026, 11, 2))
    tab = _events_tab(qtbot, window, child)
    tab.fix(withdraw=True)
    dialog = tab.dialog
    dialog.reason_edit.setText("recorded on the wrong child")
    with qtbot.waitSignal(window.record.timeline_tab.loaded, timeout=5000):
        _ok(dialog)
    assert tab.model.index(0, 1).data() == (
        "Request for assessment received — withdrawn: recorded on the wrong child"
    )
    tab.view.selectRow(0)
    assert not tab.correct_button.isEnabled() and not tab.withdraw_button.isEnabled()
    timeline = window.record.timeline_tab
    assert all(
        timeline.model.row(n).milestone != "decide_to_assess"
        for n in range(timeline.model.rowCount())
    )


def test_a_request_records_who_asked_and_shows_the_dates_it_sets(qtbot, window, backend) -> None:
    me = backend.me()
    child = backend.caseload.create_child(
        NewChild(first_name="Tomasz", last_name="Kowal", date_of_birth=date(2018, 2, 3))
    )
    backend.caseload.allocate(child, me.id, date(2026, 6, 1))
    tab = _timeline(qtbot, window, child.hex)
    tab.record_event()
    dialog = tab.dialog
    assert isinstance(dialog, RecordEventDialog)
    qtbot.waitExposed(dialog)
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("request_received"))
    source = dialog.extra_widgets["source"]
    assert [source.itemText(i) for i in range(source.count())][1:] == [
        "Parent or young person", "School or setting", "Health", "Social care", "Other",
    ]  # fmt: skip
    source.setCurrentIndex(source.findData("school_or_setting"))
    # RYA (asked from youth custody) is rare: its box starts unticked
    rya = dialog.extra_widgets["rya"]
    assert isinstance(rya, QCheckBox) and not rya.isChecked()
    assert rya.text() == "In relevant youth accommodation (custody) when asking"
    rya.setChecked(True)
    dialog.ui.dateEdit.setDate(QDate(2026, 11, 16))
    # Mon 16 Nov 2026: + 6 weeks = 28 Dec; + 16 weeks = 8 Mar 2027; + 20 weeks = 5 Apr 2027
    text = dialog.projection_text
    assert "Decide whether to assess: <b>28/12/2026</b>" in text
    assert "Decide whether to issue an EHC plan: <b>08/03/2027</b> if the council decides" in text
    assert "Issue the final EHC plan (20 weeks): <b>05/04/2027</b> if the council decides" in text
    # all three lines are on screen: the label is given the height its text needs
    # all three dates are on screen: one line each, nothing cut off
    lines = dialog.projection.findChildren(QLabel)
    assert len(lines) == 4
    qtbot.waitUntil(lambda: all(line.width() <= dialog.width() for line in lines))
    qtbot.waitUntil(lambda: dialog.projection.height() >= dialog.projection.sizeHint().height())
    assert dialog.projection.height() >= sum(line.sizeHint().height() for line in lines)
    evidence = dialog.ui.evidenceEdit.geometry()
    assert dialog.projection.geometry().bottom() < evidence.top()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )
    [request] = [e for e in window.record.detail.events if e.type == "request_received"]
    assert request.details == {"source": "school_or_setting", "rya": True}


def test_the_events_tab_shows_details_in_the_forms_words(qtbot, window, backend) -> None:
    me = backend.me()
    child = backend.caseload.create_child(
        NewChild(first_name="Amara", last_name="Osei", date_of_birth=date(2016, 5, 9))
    )
    backend.caseload.allocate(child, me.id, date(2026, 6, 1))
    # what the Record event form saves when its RYA box is left unticked
    backend.clock.record_event(
        child,
        "request_received",
        date(2026, 9, 7),
        {"source": "parent_or_young_person", "rya": False},
    )
    backend.clock.record_event(
        child, "assessment_decision", date(2026, 10, 12), {"outcome": "not_assess"}
    )
    tab = _events_tab(qtbot, window, child.hex)
    details = {
        tab.model.index(row, 1).data(): tab.model.index(row, 2).data()
        for row in range(tab.model.rowCount())
    }
    assert details == {
        "Request for assessment received": "Who asked: Parent or young person; "
        "In relevant youth accommodation (custody) when asking: No",
        "Decision whether to assess": "Outcome: Not to assess",
    }
