"""The Documents tab of the child record: attach a file from the keyboard, see it
listed (received, type, title, author, size), open a private decrypted copy, record
the advice only when the caseworker says yes, and fit a 1366 x 768 laptop."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl

from send_desk.backend.documents_models import NewDocument
from send_desk.gui.record_documents import AttachDialog
from tests.gui.children import child_ids


def pdf(size: int) -> bytes:
    head = b"%PDF-1.7\n1 0 obj\n<< /Length " + str(size).encode() + b" >>\nstream\n"
    return head + random.Random(5).randbytes(size) + b"\nendstream\nendobj\n%%EOF\n"


def _open_documents(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    record = window.record
    child_id = child_ids(window.backend)[0]
    with qtbot.waitSignal(record.documents_tab.loaded, timeout=10_000):
        window.open_child(child_id)
    record.tabs.setCurrentWidget(record.documents_tab)
    return record, str(child_id)


def _cells(tab: Any) -> list[list[str]]:
    model = tab.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_attach_from_the_keyboard_list_and_open_a_private_copy(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    record, _child = _open_documents(qtbot, window)
    tab = record.documents_tab
    assert record.tabs.tabText(record.tabs.indexOf(tab)) == "&Documents"
    assert tab.empty.isVisible() and _cells(tab) == []
    data = pdf(1_200_000)
    source = tmp_path / "review report.pdf"
    source.write_bytes(data)
    tab.ask_file = lambda: str(source)
    tab.ask_details = lambda path: NewDocument(
        path, "correspondence", "Annual review report", "Ms C Example", date(2026, 11, 3)
    )
    asked: list[str] = []
    tab.ask_record_advice = lambda label, received: asked.append(label) or False
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert _cells(tab) == [
        ["03/11/2026", "Correspondence received", "Annual review report", "Ms C Example",
         "1.1 MB", "PDF"],
    ]  # fmt: skip
    assert asked == []  # not an advice report: nothing to ask
    assert not tab.empty.isVisible()

    urls: list[QUrl] = []
    tab.open_url = urls.append
    with qtbot.waitSignal(tab.opened, timeout=10_000) as opened:
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    copy = Path(opened.args[0])
    assert urls == [QUrl.fromLocalFile(str(copy))]
    assert copy.read_bytes() == data and copy.name == "Annual review report.pdf"
    assert copy.stat().st_mode & 0o777 == 0o600


def test_an_advice_report_asks_before_recording_the_advice(  # type: ignore[no-untyped-def]
    qtbot, window, backend, tmp_path: Path
) -> None:
    record, child = _open_documents(qtbot, window)
    tab = record.documents_tab
    source = tmp_path / "ep.pdf"
    source.write_bytes(pdf(5000))
    backend_advice_before = backend.documents.advice_on_record(child, "parent").recorded
    assert backend_advice_before is False
    tab.ask_file = lambda: str(source)
    tab.ask_details = lambda path: NewDocument(
        path, "advice", "Parent's views", None, date(2026, 11, 10), "parent"
    )
    asked: list[tuple[str, date]] = []

    def say_no(label: str, received: date) -> bool:
        asked.append((label, received))
        return False

    tab.ask_record_advice = say_no
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.attach_button.click()
    assert asked == [("Parent or young person", date(2026, 11, 10))]
    assert backend.documents.advice_on_record(child, "parent").recorded is False

    tab.ask_record_advice = lambda _label, _received: True
    with qtbot.waitSignal(record.changed, timeout=10_000):
        tab.attach_button.click()
    assert backend.documents.advice_on_record(child, "parent").recorded is True
    assert [row[2] for row in _cells(tab)] == ["Parent's views", "Parent's views"]


def test_the_attach_dialog_offers_advice_only_for_an_advice_report(  # type: ignore[no-untyped-def]
    qtbot, backend, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    dialog = AttachDialog(backend, tmp_path / "scan of letter.pdf", date(2026, 11, 20), host)
    assert dialog.title_edit.text() == "scan of letter"
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("other"))
    assert not dialog.advice_box.isEnabled()
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("advice"))
    assert dialog.advice_box.isEnabled()
    dialog.advice_box.setCurrentIndex(dialog.advice_box.findData("health"))
    dialog.author_edit.setText("  Dr B Example ")
    new = dialog.new_document()
    assert (new.doc_type, new.title, new.author, new.received_on, new.advice_kind) == (
        "advice", "scan of letter", "Dr B Example", date(2026, 11, 20), "health"
    )  # fmt: skip
    dialog.received_known.setChecked(False)
    assert dialog.new_document().received_on is None
    size = dialog.sizeHint()
    assert size.width() <= 1366 and size.height() <= 720


def test_the_documents_tab_fits_a_laptop(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.showNormal()
    window.resize(QSize(1366, 720))
    record, _child = _open_documents(qtbot, window)
    tab = record.documents_tab
    qtbot.waitUntil(lambda: tab.isVisible())
    bottom = tab.withdraw_button.mapTo(window, tab.withdraw_button.rect().bottomRight())
    assert 0 < bottom.y() <= window.height() and 0 < bottom.x() <= window.width()
