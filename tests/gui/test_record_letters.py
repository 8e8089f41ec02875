"""Letters on the record: the child record's Letters tab lists every saved and sent
letter (date, letter, sent how, by whom), reopens one as saved and saves it again as
PDF or Word; "Save to record" in the composer shows the letter there at once."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

from send_desk.gui.record_letters import _file_name
from tests.gui.children import child_ids


def _child(backend: Any) -> str:
    for child_id in child_ids(backend):
        detail = backend.caseload.child_detail(uuid.UUID(child_id))
        if any(a.end_date is None for a in detail.allocations) and detail.family:
            return str(child_id)
    raise AssertionError("no allocated child with a family in the demo")


CALLBACK = {"caller": "Priya Sharma", "number": "07700 900123", "about": "school transport",
            "callback_date": "2026-11-24", "callback_time": "10:30"}  # fmt: skip


def _open(qtbot, window, child_id: str):  # type: ignore[no-untyped-def]
    record = window.record
    with qtbot.waitSignal(record.letters_tab.loaded, timeout=10_000):
        window.open_child(child_id)
    record.tabs.setCurrentWidget(record.letters_tab)
    return record


def test_the_letters_tab_lists_saved_and_sent_letters(qtbot, window, backend) -> None:
    child = _child(backend)
    me = backend.me()
    backend.letters.save(child, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 2))
    backend.letters.save(
        child, "callback_confirmation", {**CALLBACK, "about": "the review"},
        letter_date=date(2026, 11, 16), sent_via="email",
    )  # fmt: skip
    record = _open(qtbot, window, child)
    tab = record.letters_tab
    assert record.tabs.tabText(record.tabs.indexOf(tab)) == "Letters"
    model = tab.model
    assert model.rowCount() == 2
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    # newest first: the emailed one, then the one saved and not sent
    assert cells[0][0] == "16/11/2026" and cells[0][4] == "Emailed, 20/11/2026"
    assert cells[1][0] == "02/11/2026" and cells[1][4] == "Not sent yet"
    assert {row[1] for row in cells} == {"Callback confirmation"}
    assert cells[0][2] == "We will phone you on Tuesday 24 November 2026"
    assert {row[5] for row in cells} == {me.name}
    assert not tab.empty.isVisible()


def test_a_letter_reopens_as_saved_and_exports_again(
    qtbot, window, backend, tmp_path: Path
) -> None:
    child = _child(backend)
    backend.letters.save(child, "callback_confirmation", CALLBACK, letter_date=date(2026, 11, 2))
    tab = _open(qtbot, window, child).letters_tab
    tab.table.selectRow(0)
    tab.open_selected()
    qtbot.waitUntil(lambda: tab.view_dialog is not None and tab.view_dialog.isVisible())
    assert "Priya Sharma" in tab.view_dialog.browser.toPlainText()
    asked: list[Path] = []

    def answer(suggested: Path, fmt: str) -> str:
        asked.append(suggested)
        return str(tmp_path / f"again.{fmt}")

    tab.ask_path = answer
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export(tab.selected(), "pdf")
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export(tab.selected(), "docx")
    assert (tmp_path / "again.docx").read_bytes().startswith(b"PK")  # a Word (zip) file
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if Path(documents).is_dir() else Path.home()
    assert asked[0].parent == expected
    assert asked[0].name == "We will phone you on Tuesday 24 November 2026 2026-11-02.pdf"
    assert _file_name("Julian’s review", date(2026, 12, 7), "pdf") == (
        "Julians review 2026-12-07.pdf"
    )
    tab.view_dialog.close()


def test_save_to_record_shows_the_letter_there_at_once(qtbot, window, backend) -> None:
    child = _child(backend)
    record = _open(qtbot, window, child)
    tab = record.letters_tab
    before = tab.model.rowCount()
    record.write_letter("callback_confirmation")
    composer = record.dialog
    with qtbot.waitSignal(composer.composed, timeout=10_000):
        for name in ("caller", "number", "about"):
            value = CALLBACK[name]
            composer.set_input(name, value)
        composer.refresh()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        composer.ui.saveButton.click()
    assert tab.model.rowCount() == before + 1
    assert tab.model.row(0).template == "callback_confirmation"
    composer.close()
