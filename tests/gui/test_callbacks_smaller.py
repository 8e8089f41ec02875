"""Booking a callback as a parent would be offered one: free times grouped by day,
confirmed the way the family likes, and linked to the call that asked for it.
Now is Friday 20 November 2026, 09:00."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from send_desk.backend.caseload_models import NewFamilyMember
from send_desk.backend.correspondence_models import CallbackSlot, NewCallback
from send_desk.gui.callback_dialogs import CallbackDialog
from send_desk.gui.correspondence_dialogs import ItemDialog
from tests.gui.children import my_children

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture(autouse=True)
def _fixed_clock(backend) -> None:  # type: ignore[no-untyped-def]
    backend.correspondence.clock_now = lambda: NOW


def _tab(qtbot, window, child: str):  # type: ignore[no-untyped-def]
    record = window.record
    with qtbot.waitSignal(record.correspondence_tab.loaded, timeout=10_000):
        window.open_child(child)
    record.tabs.setCurrentWidget(record.correspondence_tab)
    return record.correspondence_tab


def _child(backend) -> str:  # type: ignore[no-untyped-def]
    return str(my_children(backend)[0])


def _listing(dialog: CallbackDialog) -> list[tuple[str, CallbackSlot | None]]:
    listing = dialog.ui.slotList
    return [
        (listing.item(i).text(), listing.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(listing.count())
    ]


def test_callback_slots_are_free_times_grouped_by_day(qtbot, window, backend) -> None:
    child = _child(backend)
    first = backend.correspondence.callback_slots(child).slots[0].start
    backend.correspondence.book_callback(
        child, NewCallback("A Parent", "07700 900123", "Transport", first)
    )
    tab = _tab(qtbot, window, child)
    tab.callback_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, CallbackDialog)
    rows = _listing(dialog)
    headings = [(i, text) for i, (text, slot) in enumerate(rows) if slot is None]
    assert headings and headings[0][0] == 0
    assert headings[0][1].startswith("Friday 20/11/2026 – ")
    # each heading counts the times under it, and only those of its day are there
    bounds = [i for i, _text in headings] + [len(rows)]
    for (start, text), end in zip(headings, bounds[1:], strict=True):
        times = [slot for _text, slot in rows[start + 1 : end]]
        assert text.endswith(f"– {len(times)} free")
        assert {slot.start.strftime("%d/%m/%Y") for slot in times} == {text.split()[1]}
    starts = [slot.start for _text, slot in rows if slot is not None]
    assert len(starts) == len(set(starts))  # one offer per time
    assert first not in starts  # the booked time is not offered again
    heading = dialog.ui.slotList.item(0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert dialog.ui.slotList.currentRow() == 1  # the first free time is chosen
    dialog.reject()


def test_confirm_by_defaults_to_the_familys_preferred_contact(qtbot, window, backend) -> None:
    child = _child(backend)
    backend.caseload.add_family_member(
        uuid.UUID(child),
        NewFamilyMember(name="Grace Okafor", relationship="kinship_carer",
                        email="g.okafor@example.org", preferred_contact="email"),
    )  # fmt: skip
    backend.caseload.add_family_member(
        uuid.UUID(child),
        NewFamilyMember(name="Sam Okafor", relationship="kinship_carer", phone="07700 900456",
                        preferred_contact="text"),
    )  # fmt: skip
    tab = _tab(qtbot, window, child)
    tab.callback_button.click()
    dialog = tab.dialog
    combo = dialog.ui.requestedByCombo
    combo.setCurrentIndex(combo.findData("Grace Okafor"))
    assert dialog.ui.confirmCombo.currentData() == "email"
    combo.setCurrentIndex(combo.findData("Sam Okafor"))
    assert dialog.ui.confirmCombo.currentData() == "text"
    dialog.reject()


def test_a_logged_call_and_the_callback_it_caused_are_linked(qtbot, window, backend) -> None:
    child = _child(backend)
    tab = _tab(qtbot, window, child)
    tab.log_button.click()
    logged = tab.dialog
    assert isinstance(logged, ItemDialog)
    logged.ui.directionCombo.setCurrentIndex(logged.ui.directionCombo.findData("incoming"))
    logged.ui.channelCombo.setCurrentIndex(logged.ui.channelCombo.findData("call"))
    logged.ui.summaryEdit.setPlainText("Please ring back about the school place")
    logged.ui.correspondentCombo.setCurrentIndex(0)
    with qtbot.waitSignal(logged.accepted, timeout=10_000):
        logged.save()
    call = logged.saved_result
    # the callback dialog opens for that call, already linked to it
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CallbackDialog))
    booking = tab.dialog
    assert booking.item is not None and booking.item.id == call.id
    assert booking.ui.aboutEdit.toPlainText() == "Please ring back about the school place"
    if not booking.ui.phoneEdit.text():
        booking.ui.phoneEdit.setText("07700 900123")
    with qtbot.waitSignal(booking.accepted, timeout=10_000):
        booking.save()
    booked = booking.saved_result.callback
    made = [c for c in backend.correspondence.callbacks(show="all", child_id=child)
            if c.id == booked.id]  # fmt: skip
    assert made[0].correspondence_id == call.id
