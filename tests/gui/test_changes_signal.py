"""One ``changes`` signal: a write on one page reaches the others, which reload only when
they are on screen (a hidden page waits until it is shown)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt

from send_desk.backend.caseload_models import ChildChanges, NewChild
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.errors import ValidationFailed
from send_desk.gui.clock_dialogs import RecordEventDialog
from send_desk.gui.dialogs import save_button
from send_desk.gui.ops import SyncOps

pytestmark = pytest.mark.gui


def _new_child(backend, request_on: date) -> str:  # type: ignore[no-untyped-def]
    """Zofia Kowalska, allocated to the demo's caseworker, with a request received."""
    me = backend.me()
    child = backend.caseload.create_child(
        NewChild(first_name="Zofia", last_name="Kowalska", date_of_birth=date(2018, 9, 3))
    )
    backend.caseload.allocate(child, me.id, date(2026, 6, 1))
    backend.clock.record_event(child, "request_received", request_on)
    return child.hex


def _caseload_deadline(window, child_id: str):  # type: ignore[no-untyped-def]
    model = window.caseload.model
    row = model.row_of(child_id)
    assert row >= 0, "the child is on the caseload"
    deadline = model.row_data(row).next_deadline
    return deadline.title, deadline.due


def _my_day_rows(page, child_id: str) -> list[tuple[str, date]]:  # type: ignore[no-untyped-def]
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    return [(r.milestone, r.due) for r in rows if r.child_id.hex == child_id]


def test_an_event_recorded_on_the_record_reaches_the_caseload_and_my_day(
    qtbot, window, backend
) -> None:
    # request received Mon 12 Oct 2026: the decision whether to assess is due six weeks
    # later, Mon 23 Nov, inside My day's ten working days from Fri 20 Nov
    child = _new_child(backend, date(2026, 10, 12))
    my_day = window.page_widgets["my_day"]
    with qtbot.waitSignal(my_day.loaded, timeout=5000):
        window.show_page("my_day")
    assert _my_day_rows(my_day, child) == [("decide_to_assess", date(2026, 11, 23))]
    with qtbot.waitSignal(window.caseload.ids_loaded, timeout=5000):
        window.show_page("caseload")
        window.caseload.reload()
    assert _caseload_deadline(window, child) == ("Decide whether to assess", date(2026, 11, 23))

    caseload_loads: list[int] = []
    my_day_loads: list[int] = []
    window.caseload.ids_loaded.connect(caseload_loads.append)
    my_day.loaded.connect(my_day_loads.append)

    record = window.record
    with qtbot.waitSignal(record.timeline_tab.loaded, timeout=5000):
        window.open_child(child)
    record.tabs.setCurrentWidget(record.timeline_tab)
    tab = record.timeline_tab
    tab.record_event()
    dialog = tab.dialog
    assert isinstance(dialog, RecordEventDialog)
    assert dialog.ui.typeCombo.currentData() == "assessment_decision"
    outcome = dialog.extra_widgets["outcome"]
    outcome.setCurrentIndex(outcome.findData("assess"))
    dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().addDays(-2))  # Wed 18 Nov
    published: list[Changes] = []
    window.ops.hub.changes.connect(published.append)
    with qtbot.waitSignal(record.loaded, timeout=5000):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # said once, by the op that saved it: no page announces it again
    assert published == [Changes.of(ChangeKind.EVENTS, children=[uuid.UUID(child)])]
    # the record in front of the user shows it; the pages behind it have not reloaded
    assert "assessment_decision" in [e.type for e in record.detail.events]
    assert caseload_loads == [] and my_day_loads == []

    with qtbot.waitSignal(window.caseload.ids_loaded, timeout=5000):
        window.show_page("caseload")
    assert len(caseload_loads) == 1
    # decided on 18 Nov: next, whether to issue a plan, 16 weeks from 12 Oct
    assert _caseload_deadline(window, child) == (
        "Decide whether to issue an EHC plan",
        date(2027, 2, 1),
    )

    with qtbot.waitSignal(my_day.loaded, timeout=5000):
        window.show_page("my_day")
    assert _my_day_rows(my_day, child) == []  # decided: nothing due in the next ten days


def test_a_page_on_screen_follows_changes_at_once(qtbot, window, backend) -> None:
    child = _new_child(backend, date(2026, 10, 12))
    with qtbot.waitSignal(window.caseload.ids_loaded, timeout=5000):
        window.caseload.reload()
    row = window.caseload.model.row_of(child)
    assert window.caseload.model.data(window.caseload.model.index(row, 0)) == "Kowalska, Zofia"
    # a write made elsewhere (here, an op run by hand) says what it changed
    backend_caseload = backend.caseload

    def rename() -> Changes:
        backend_caseload.update_child(uuid.UUID(child), ChildChanges(preferred_name="Zosia"))
        return Changes.of(ChangeKind.CHILDREN, children=[child])

    with qtbot.waitSignal(window.caseload.ids_loaded, timeout=5000):
        window.ops.run_change(rename)
    row = window.caseload.model.row_of(child)
    shown = window.caseload.model.data(window.caseload.model.index(row, 0))
    assert shown == "Kowalska, Zofia (Zosia)"


def test_a_hidden_page_reloads_when_shown_and_not_before(qtbot, window, backend) -> None:
    supervision = window.page_widgets["supervision"]
    with qtbot.waitSignal(supervision.loaded, timeout=5000):
        window.show_page("supervision")
    window.show_page("caseload")
    watch = window.caseload.changes_watch
    loads: list[int] = []
    window.caseload.ids_loaded.connect(loads.append)
    window.show_page("supervision")
    assert not window.caseload.isVisible()

    window.ops.hub.publish(Changes.of(ChangeKind.CHILDREN))
    window.ops.hub.publish(Changes.of(ChangeKind.EVENTS, children=[uuid.uuid4()]))
    window.ops.hub.publish(Changes.of(ChangeKind.AUDITS))  # not a caseload matter
    assert loads == []  # hidden: only marked stale, the two that matter combined
    assert watch.stale is not None
    assert watch.stale.kinds == {ChangeKind.CHILDREN, ChangeKind.EVENTS}

    with qtbot.waitSignal(window.caseload.ids_loaded, timeout=5000):
        window.show_page("caseload")
    assert len(loads) == 1 and watch.stale is None
    window.show_page("supervision")
    window.show_page("caseload")
    assert len(loads) == 1  # nothing missed: shown again without reading the store


def test_a_write_publishes_after_its_callback_and_a_failure_publishes_nothing(qtbot) -> None:
    ops = SyncOps()
    seen: list[str] = []
    ops.hub.changes.connect(
        lambda changes: seen.append(f"changes {sorted(k.value for k in changes.kinds)}")
    )
    child = uuid.UUID(int=7)

    class Saved:  # a read model that knows what saving it changed
        changes = Changes.of(ChangeKind.NOTES, children=[child])

    ops.run_change(
        Saved,
        lambda _saved: seen.append("done"),
        changes=Changes.of(ChangeKind.EVENTS, children=[child]),
    )
    assert seen == ["done", "changes ['events', 'notes']"]

    seen.clear()

    def refused() -> None:
        raise ValidationFailed("the date is needed", {"date": "is needed"})

    ops.run_change(refused, None, lambda error: seen.append(str(error)), changes=Changes.all())
    assert seen == ["the date is needed"]

    ops.run_change(lambda: None)  # no result and nothing declared: no signal
    assert seen == ["the date is needed"]
