"""The Letters tab of the child record: every letter saved to the record and sent.

Each row: the letter's date, the letter (template title), who it is to, whether it is
sent and how (email, post, by hand) and when, who saved it, and how many versions. A
letter reopens as saved (read only, exactly as the family got it) and saves again as
PDF or Word, for a family who lost it or a tribunal bundle.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.letters_models import LetterHistoryRow
from send_desk.gui.context import AppContext
from send_desk.gui.documents import documents_folder
from send_desk.gui.formatting import letter_sent_text, uk_date
from send_desk.gui.items_model import ItemsModel

FORMATS = {"pdf": "PDF (*.pdf)", "docx": "Word document (*.docx)"}


def _file_name(title: str, letter_date: date, fmt: str) -> str:
    kept = (ch for ch in title if ch not in "'’")  # Julian's, not Julian s
    words = "".join(ch if ch.isalnum() or ch in " -" else " " for ch in kept)
    return f"{' '.join(words.split())} {letter_date:%Y-%m-%d}.{fmt}"


class LetterView(QDialog):
    """A saved letter as it was saved, with Save as PDF / Word."""

    def __init__(self, tab: LettersTab, row: LetterHistoryRow, html: str) -> None:
        super().__init__(tab)
        self.setWindowTitle(f"{row.title} – {uk_date(row.letter_date)}")
        self.setAccessibleName("Saved letter")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("The letter as saved")
        self.browser.setHtml(html)
        facts = QLabel(
            f"To {row.recipient_name} · {letter_sent_text(row)} · saved by "
            f"{row.saved_by or 'not recorded'} · version {row.version}"
        )
        facts.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for fmt, text in (("pdf", "Save as &PDF…"), ("docx", "Save as &Word…")):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _on=False, f=fmt: tab.export(row, f))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)


class LettersTab(QWidget):
    """``loaded(count)`` after each load; ``exported(path)`` after a letter is saved out."""

    loaded = Signal(int)
    exported = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.child_id: str | None = None
        self.view_dialog: LetterView | None = None
        self.ask_path = self._ask_path  # tests answer the save dialog
        self.setAccessibleName("Letters")
        self.model: ItemsModel[LetterHistoryRow] = ItemsModel(
            [
                ("Date", lambda r: r.letter_date),
                ("Template", lambda r: r.template_title),
                ("Letter", lambda r: r.title),
                ("To", lambda r: r.recipient_name),
                ("Sent", letter_sent_text),
                ("Saved by", lambda r: r.saved_by or "Not recorded"),
                ("Versions", lambda r: r.versions),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Letters saved to the record, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 180, 280, 160, 150, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.empty = QLabel("No letters saved to this record yet: Write a letter… starts one.")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("&Open letter")
        self.pdf_button = QPushButton("Save as &PDF…")
        self.docx_button = QPushButton("Save as Wor&d…")
        buttons = QHBoxLayout()
        for button in (self.open_button, self.pdf_button, self.docx_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.open_button.clicked.connect(self.open_selected)
        self.pdf_button.clicked.connect(lambda: self._export_selected("pdf"))
        self.docx_button.clicked.connect(lambda: self._export_selected("docx"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()

    def load(self, child_id: str) -> None:
        self.child_id = child_id

        def done(rows: tuple[LetterHistoryRow, ...]) -> None:
            if child_id == self.child_id:
                self.model.set_rows(rows)
                self.empty.setVisible(not rows)
                if rows:
                    self.table.selectRow(0)
                self._enable()
                self.loaded.emit(len(rows))

        letters = self.backend.letters
        self.ops.run(lambda: letters.child_letters(child_id), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.context.show_message(f"Letters: {getattr(error, 'message', error)}")

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.pdf_button, self.docx_button):
            button.setEnabled(chosen)

    def selected(self) -> LetterHistoryRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        letters, version = self.backend.letters, row.version_id

        def shown(html: str) -> None:
            self.view_dialog = LetterView(self, row, html)
            self.view_dialog.open()

        self.ops.run(lambda: letters.preview(letters.stored(version)), shown, self._failed)

    def _export_selected(self, fmt: str) -> None:
        row = self.selected()
        if row is not None:
            self.export(row, fmt)

    def _ask_path(self, suggested: Path, fmt: str) -> str:
        target, _chosen = QFileDialog.getSaveFileName(
            self, "Save the letter", str(suggested), FORMATS[fmt]
        )
        return target

    def export(self, row: LetterHistoryRow, fmt: str) -> None:
        """Save the letter as saved to the record (not composed again) as PDF or DOCX."""
        target = self.ask_path(
            documents_folder() / _file_name(row.title, row.letter_date, fmt), fmt
        )
        if not target:
            return
        letters, version = self.backend.letters, row.version_id

        def work() -> str:
            data = letters.file(letters.stored(version), fmt)
            Path(target).write_bytes(data)
            return target

        self.ops.run(work, self.exported.emit, self._failed)


__all__ = ["LetterView", "LettersTab"]
