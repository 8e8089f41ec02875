"""The child's record answers "what next": the next statutory deadline and how late it
is on the summary and in the caseload, a timeline that opens at what is happening now,
and an empty timeline that says what to record first.

Today is Friday 20 November 2026 (tests/gui/conftest.py). A request received on Tuesday
1 September 2026 must be decided within 6 weeks: by Tuesday 13 October 2026, which is
38 days before today (18 days of October after the 13th + 20 of November).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt

from send_desk.backend.caseload_models import NewChild
from send_desk.gui.caseload_model import ID_ROLE
from tests.gui.children import my_children


def _child(backend, *, request_on: date | None) -> str:  # type: ignore[no-untyped-def]
    me = backend.me()
    child = backend.caseload.create_child(
        NewChild(first_name="Oliwia", last_name="Nowak", date_of_birth=date(2019, 4, 12))
    )
    backend.caseload.allocate(child, me.id, date(2026, 6, 1))
    if request_on is not None:
        backend.clock.record_event(child, "request_received", request_on)
    return child.hex


def _open(qtbot, window, child: str):  # type: ignore[no-untyped-def]
    record = window.record
    with (
        qtbot.waitSignal(record.loaded, timeout=5000),
        qtbot.waitSignal(record.timeline_tab.loaded, timeout=5000),
    ):
        window.open_child(child)
    return record


def test_summary_and_caseload_show_the_next_deadline_and_days_overdue(
    qtbot, window, backend
) -> None:
    child = _child(backend, request_on=date(2026, 9, 1))
    record = _open(qtbot, window, child)
    expected = "38 days overdue (due 13/10/2026)"
    assert expected in record.summary_values["next_deadline"].text()
    assert f"Next: {record.summary_values['next_deadline'].text()}" in record.case_label.text()
    page = window.caseload
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.refresh([])
    model = page.model
    column = [key for key, _title in model.columns].index("next_deadline")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == child)
    assert model.index(row, column).data().startswith("38 days overdue: ")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Next deadline"


def test_no_raw_record_id_on_the_summary(qtbot, window, backend) -> None:
    child = _child(backend, request_on=None)
    record = _open(qtbot, window, child)
    shown = [label.text() for label in record.summary_values.values()]
    assert not any(child in text or child.replace("-", "") in text for text in shown)


def test_the_timeline_opens_at_the_current_item(qtbot, window, backend) -> None:
    # a demo child with a plan since before 2025: a long timeline, most of it done
    children = my_children(backend)
    for candidate in children:
        rows = backend.clock.child_timeline(uuid.UUID(candidate)).items
        if len(rows) > 20 and rows[0].due.year < 2025:
            break
    else:
        raise AssertionError("the demo has a child with a long history")
    tab = _open(qtbot, window, candidate).timeline_tab
    window.record.tabs.setCurrentWidget(tab)
    first_open = next(i for i, row in enumerate(rows) if row.done is None and not row.info)
    assert first_open > 10
    assert tab.table.currentIndex().row() == first_open
    qtbot.waitUntil(tab.table.isVisible)
    rect = tab.table.visualRect(tab.model.index(first_open, 0))
    assert tab.table.viewport().rect().contains(rect.center())
    assert tab.selected().done is None


def test_a_new_childs_empty_timeline_says_what_to_record_first(qtbot, window, backend) -> None:
    child = _child(backend, request_on=None)
    tab = _open(qtbot, window, child).timeline_tab
    window.record.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0
    assert tab.empty.isVisible() and not tab.table.isVisible()
    assert "Request for assessment received" in tab.empty.text()
    assert tab.event_button.isVisible() and tab.event_button.isEnabled()
    # once the request is recorded, the timeline takes its place
    backend.clock.record_event(uuid.UUID(child), "request_received", date(2026, 11, 2))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.load(child)
    assert not tab.empty.isVisible() and tab.table.isVisible()
