"""My day at a glance on a 1366 px laptop: what to do next is read without scrolling
sideways, the counts agree everywhere, today's callbacks come first and actions name
a person. Today is Friday 20 November 2026 (tests/gui/conftest.py)."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from send_desk.backend.correspondence_models import NewCallback, NewItem
from tests.gui.children import my_children


def _my_day(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.page_widgets["my_day"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.show_page("my_day")
    return page


def _on_laptop(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.showNormal()
    window.resize(1366, 720)
    qtbot.waitUntil(lambda: window.width() <= 1366)


def test_what_to_do_next_reads_without_scrolling_sideways_at_1366(qtbot, window) -> None:
    _on_laptop(qtbot, window)
    page = _my_day(qtbot, window)
    table, header = page.table, page.table.horizontalHeader()
    column = 7
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "What to do next"
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    left = header.sectionViewportPosition(column)
    width = header.sectionSize(column)
    assert left >= 0 and left + width <= table.viewport().width()
    assert width >= 280, f"only {width} px left for what to do next"
    # the longest next step wraps inside its row instead of being cut off
    longest = max(range(page.model.rowCount()), key=lambda r: len(page.model.row(r).next_step))
    text = page.model.row(longest).next_step
    needed = QFontMetrics(table.font()).boundingRect(
        QRect(0, 0, width - 10, 10_000), int(Qt.TextFlag.TextWordWrap), text
    )
    assert table.rowHeight(longest) >= needed.height()


def _due_today(backend, child: str) -> None:  # type: ignore[no-untyped-def]
    """Three calls on Wednesday 18 Nov (answer within 2 working days: Friday 20 Nov,
    today) and a callback booked for 14:00 today."""
    for number, about in enumerate(("Transport", "The school place", "The review date")):
        backend.correspondence.log(
            child, NewItem("call", date(2026, 11, 18), f"A Parent {number}", about)
        )
    backend.correspondence.book_callback(
        child,
        NewCallback("A Parent", "07700 900123", "Transport", datetime(2026, 11, 20, 14, 0)),
    )


def _numbers(text: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+) [a-z]", text))


def test_header_counts_agree_with_each_other_and_the_status_bar(qtbot, window, backend) -> None:
    backend.correspondence.clock_now = lambda: datetime(2026, 11, 20, 9, 0)
    me = backend.me()
    child = my_children(backend)[0]
    page = _my_day(qtbot, window)
    before = dict(page.counts["today"])
    assert before["callback"] == 0
    _due_today(backend, child)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    summary = page.summary.text()
    today_part = summary.split("Due today: ")[1].split(" · ")[0]
    assert "1 callback" in today_part
    assert f"{before['reply'] + 3} replies" in today_part
    # the status bar gives the same totals as the header
    assert window.day_label.text().startswith(f"My day: {_numbers(today_part)} due today")
    overdue_part = summary.split("Overdue: ")[1].split(" · ")[0]
    assert f"· {_numbers(overdue_part)} overdue" in window.day_label.text()
    # the box below lists every reply, callback and complaint the header counts
    assert page.due_box.model.rowCount() == sum(
        page.counts[when][kind]
        for when in ("overdue", "today", "soon")
        for kind in ("reply", "callback", "complaint")
    )
    # today's callback is the first line, before replies overdue for weeks
    box = page.due_box.model
    assert [box.data(box.index(0, c)) for c in (0, 1)] == ["Callback", "14:00 on 20/11/2026"]
    assert me is not None


def test_actions_name_a_person_not_a_role(qtbot, window, backend) -> None:
    page = _my_day(qtbot, window)
    me = backend.me()
    owners = [page.actions_model.row(i).owner for i in range(page.actions_model.rowCount())]
    assert owners, "the demo caseworker has actions from case notes"
    assert not {"caseworker", "you", ""} & {owner.lower() for owner in owners}
    assert me.name in owners  # the demo's "caseworker" actions are theirs
    statuses = {page.actions_model.data(page.actions_model.index(i, 4)) for i in range(len(owners))}
    assert statuses <= {"Overdue", "Due today", "Due"}
