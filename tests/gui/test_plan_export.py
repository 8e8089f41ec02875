"""Exporting the plan from the editor: the latest issued version by default, as a PDF
with the advice appended ("Append the advice as appendices", offered for a PDF only),
or the working draft as Word; a damaged report is named and nothing is written.

The case: Sam's (tests/unit/backend/plan_case.py), the draft issued on 12 October 2026,
an EP report (a 2-page PDF) and a health letter (a PNG) attached as advice.
"""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from send_desk.backend import Backend
from send_desk.backend.documents_models import NewDocument
from tests.unit.backend.plan_advice_files import damaged_pdf, pdf_file, png_file
from tests.unit.backend.plan_case import case, good_plan

__all__ = ["case"]


def _attach(backend: Backend, sam: uuid.UUID, path: Path, title: str, kind: str) -> None:
    backend.documents.attach(
        sam, NewDocument(path, "advice", title, None, date(2026, 8, 3), kind)
    )


def _editor(qtbot, backend: Backend, sam: uuid.UUID):  # type: ignore[no-untyped-def]
    from send_desk.gui.ops import SyncOps
    from send_desk.gui.plans.editor import open_plan_editor

    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    editor = open_plan_editor(backend, SyncOps(), str(sam), "Sam Example")
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    return editor


def test_the_issued_draft_exports_with_the_advice_appended(qtbot, case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    _attach(backend, sam, pdf_file(tmp_path / "ep.pdf", 2), "EP report", "educational_psychology")
    _attach(backend, sam, png_file(tmp_path / "h.png"), "Health letter", "health")
    editor = _editor(qtbot, backend, sam)
    qtbot.mouseClick(editor.ui.exportButton, Qt.MouseButton.LeftButton)
    dialog = editor.export_dialog
    ui = dialog.ui
    assert dialog.isVisible()
    assert [ui.versionCombo.itemText(i) for i in range(ui.versionCombo.count())] == [
        "Version 1: draft plan, issued 12/10/2026",
        "The working draft (not issued)",
    ]
    assert ui.appendicesCheck.isEnabled() and ui.appendicesCheck.isChecked()
    ui.formatCombo.setCurrentIndex(1)  # Word: no appendices
    assert not ui.appendicesCheck.isEnabled()
    assert ui.noteLabel.text().startswith("The advice can be appended only to a PDF")
    ui.formatCombo.setCurrentIndex(0)
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    ui.pathEdit.setText(str(out))
    with qtbot.waitSignal(editor.exported, timeout=10000):
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.exported_to == out
    assert editor.ui.statusLabel.text() == "Exported the plan to plan.pdf."
    plan_only = len(PdfReader(io.BytesIO(backend.plans.render(sam, "pdf"))).pages)
    pages = PdfReader(out).pages
    # the EP report: a heading page and its 2 pages; the health letter: 1 page
    assert len(pages) == plan_only + 4
    assert "Appendix 2: Health letter" in (pages[-1].extract_text() or "")


def test_a_damaged_report_is_named_and_nothing_written(qtbot, case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    _attach(backend, sam, damaged_pdf(tmp_path / "bad.pdf"), "EP report", "educational_psychology")
    editor = _editor(qtbot, backend, sam)
    editor.export()
    ui = editor.export_dialog.ui
    out = tmp_path / "plan.pdf"
    ui.pathEdit.setText(str(out))
    ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editor.ui.errorLabel.isVisibleTo(editor), timeout=10000)
    assert editor.ui.errorLabel.text().startswith(
        "The plan was not exported: Appendix 1, 'EP report' (bad.pdf) is a damaged PDF"
    )
    assert not out.exists()
    assert editor.exported_to is None


def test_the_working_draft_exports_as_word(qtbot, case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    backend, sam = case
    editor = _editor(qtbot, backend, sam)
    editor.export()
    ui = editor.export_dialog.ui
    ui.versionCombo.setCurrentIndex(1)
    ui.formatCombo.setCurrentIndex(1)
    ui.pathEdit.setText(str(tmp_path / "draft.pdf"))
    ui.formatCombo.setCurrentIndex(0)
    ui.formatCombo.setCurrentIndex(1)  # the ending follows the format
    assert ui.pathEdit.text() == str(tmp_path / "draft.docx")
    with qtbot.waitSignal(editor.exported, timeout=10000):
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    header = Document(str(tmp_path / "draft.docx")).sections[0].header.paragraphs[0].text
    assert header == "DRAFT: not yet issued"


def test_a_report_not_on_this_laptop_is_named_or_given_a_page(qtbot, case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.backend.test_plan_appendices import _forget_content

    backend, sam = case
    path = pdf_file(tmp_path / "ep.pdf", 2)
    _attach(backend, sam, path, "EP report", "educational_psychology")
    _forget_content(backend, backend.documents.list(sam)[0].content_sha256)
    editor = _editor(qtbot, backend, sam)
    out = tmp_path / "plan.pdf"
    editor.export()
    ui = editor.export_dialog.ui
    ui.pathEdit.setText(str(out))
    ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editor.ui.errorLabel.isVisibleTo(editor), timeout=10000)
    said = editor.ui.errorLabel.text()
    assert said.startswith("The plan was not exported: 1 advice report is not on this laptop")
    assert "'EP report'" in said and "Documents tab" in said
    assert not out.exists()
    editor.export()
    ui = editor.export_dialog.ui
    ui.pathEdit.setText(str(out))
    ui.missingCheck.setChecked(True)
    with qtbot.waitSignal(editor.exported, timeout=10000):
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "it is sent separately" in (PdfReader(out).pages[-1].extract_text() or "")
