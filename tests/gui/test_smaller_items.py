"""The smaller things a caseworker meets: the caseload count after adding a child, the
caseload filters remembered, save dialogs opening in Documents, and an apology dialog
that no longer promises letters "in a later version". The demo has 60 children."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from send_desk.backend.caseload_models import NewChild
from send_desk.gui.caseload_page import CaseloadPage
from send_desk.gui.clock_dialogs import ApologyDialog
from tests.gui.children import child_ids


def test_the_caseload_count_updates_after_adding_a_child(qtbot, window, backend) -> None:
    page = window.caseload
    qtbot.waitUntil(lambda: page.count.text() == "60 of 60 children")
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.saved.setCurrentIndex(page.saved.findData("mine"))
    mine = page.model.rowCount()
    assert 0 < mine < 60 and page.count.text() == f"{mine} of 60 children"
    backend.caseload.create_child(
        NewChild(first_name="Oliwia", last_name="Nowak", date_of_birth=date(2019, 4, 12))
    )
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.refresh([])  # what the window does once the new child is saved
    qtbot.waitUntil(lambda: page.count.text() == f"{mine} of 61 children")


def test_the_last_used_caseload_filters_are_remembered(qtbot, window, backend) -> None:
    page = window.caseload
    qtbot.waitUntil(lambda: page.team.count() > 1)
    team = page.team.itemData(2)
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.team.setCurrentIndex(2)
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.stage.setCurrentIndex(page.stage.findData("plan"))
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.looked_after.setChecked(True)
    page.text.setText("Nowak")  # typed text (names) is never kept
    shown = page.model.ids()
    # SEND Desk starts again: a new page, as the window builds it
    again = CaseloadPage(page.context)
    qtbot.addWidget(again)
    again.restore_saved_filter()
    with qtbot.waitSignal(again.ids_loaded, timeout=5000):
        again.reload()
    with qtbot.waitSignal(again.ids_loaded, timeout=5000):
        again.load_options()  # the team list arrives, the remembered team is chosen
    assert again.team.currentData() == team
    assert again.stage.currentData() == "plan"
    assert again.looked_after.isChecked() and not again.tribunal.isChecked()
    assert again.text.text() == ""
    assert set(again.model.ids()) >= set(shown)
    # cleared filters are remembered as cleared
    again.clear_filters()
    third = CaseloadPage(page.context)
    qtbot.addWidget(third)
    third.restore_saved_filter()
    assert third.stage.currentIndex() == 0 and not third.looked_after.isChecked()


def _documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def test_save_dialogs_open_in_the_documents_folder(qtbot, window, backend, monkeypatch) -> None:
    asked: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _pattern: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""  # the user cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    child = child_ids(backend)[0]
    record = window.record
    with qtbot.waitSignal(record.loaded, timeout=5000):
        window.open_child(child)
    record.notes_tab.save_chronology()
    trends = window.page_widgets["supervision"].trends
    trends._ask_path("pdf", "Case-note audits.pdf")
    assert len(asked) == 2
    for start in asked:
        assert Path(start).parent == _documents()
    assert Path(asked[0]).name.startswith("chronology-")


def test_the_apology_dialog_says_the_letter_comes_next(qtbot, backend, ops) -> None:
    rows = [r for r in backend.clock.my_day().rows if r.section == "overdue"]
    dialog = ApologyDialog(backend, ops, rows[:1])
    qtbot.addWidget(dialog)
    text = dialog.ui.lettersLabel.text()
    assert "later version" not in text
    assert "letter composer" in text
