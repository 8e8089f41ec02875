"""The Documents tab of the child record: advice reports, the request, evidence and
correspondence received, kept encrypted in the store.

Each row: date received, type, title, author, size. "Attach file…" picks a file and
asks what it is; attaching an advice report asks whether to record the advice as
received when the case does not have it yet (never done silently). "Open" decrypts a
private copy for the system viewer (removed when the app closes), fetching it from
the central store first when this laptop does not keep it. Everything is reachable
from the keyboard: Alt+I attach, Alt+P open (Enter on a row opens it too), Alt+X
export, Alt+W withdraw.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import Backend
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.documents_api import MEDIA_LABELS
from send_desk.backend.documents_models import DocumentRow, NewDocument
from send_desk.gui.documents import documents_folder
from send_desk.gui.formatting import document_size, document_title, uk_date
from send_desk.gui.ops import Ops
from send_desk.gui.pages import AppContext

Index = QModelIndex | QPersistentModelIndex
HEADINGS = ("Received", "Type", "Title", "Author", "Size", "Kind")
FILE_FILTER = (
    "Documents (*.pdf *.docx *.xlsx *.odt *.png *.jpg *.jpeg *.tif *.tiff *.txt *.rtf "
    "*.eml *.msg);;All files (*)"
)


class DocumentsModel(QAbstractTableModel):
    """The documents of one child, in the order the backend gives (latest first)."""

    def __init__(self, types: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._types = types
        self._rows: tuple[DocumentRow, ...] = ()

    def set_rows(self, rows: tuple[DocumentRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, number: int) -> DocumentRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADINGS[section] if 0 <= section < len(HEADINGS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = (
            uk_date(row.received_on) or "Not recorded",
            self._types.get(row.doc_type, row.doc_type),
            document_title(row.title, row.withdrawn, row.available),
            row.author or "",
            document_size(row.size),
            MEDIA_LABELS.get(row.media_type, row.media_type),
        )
        return cells[index.column()] if 0 <= index.column() < len(cells) else None


class AttachDialog(QDialog):
    """What the chosen file is: type, title, author, date received, the advice it answers."""

    def __init__(self, backend: Backend, path: Path, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle("Attach a document")
        self.setAccessibleName("Attach a document")
        self.type_box = QComboBox()
        for code, name in backend.documents.types().items():
            self.type_box.addItem(name, code)
        self.title_edit = QLineEdit(path.stem)
        self.title_edit.setMaxLength(200)
        self.author_edit = QLineEdit()
        self.author_edit.setMaxLength(200)
        self.received_known = QCheckBox("&Received on")
        self.received_known.setChecked(True)
        self.received_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.received_edit.setDisplayFormat("dd/MM/yyyy")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.received_edit.setAccessibleName("Date received")
        self.received_known.toggled.connect(self.received_edit.setEnabled)
        self.advice_box = QComboBox()
        self.advice_box.addItem("Not an advice report", None)
        for code, name in backend.documents.advice_kinds().items():
            self.advice_box.addItem(name, code)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_known)
        received_row.addWidget(self.received_edit, 1)
        form = QFormLayout()
        for text, field in (
            ("&Type", self.type_box),
            ("Tit&le", self.title_edit),
            ("Auth&or", self.author_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(received_row)
        advice_label = QLabel("Advice it &answers")
        advice_label.setBuddy(self.advice_box)
        form.addRow(advice_label, self.advice_box)
        self.type_box.currentIndexChanged.connect(lambda _i: self._advice_applies())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Attach")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"File: {path.name}"))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._advice_applies()

    def _advice_applies(self) -> None:
        advice = self.type_box.currentData() == "advice"
        self.advice_box.setEnabled(advice)
        if not advice:
            self.advice_box.setCurrentIndex(0)

    def received_on(self) -> date | None:
        if not self.received_known.isChecked():
            return None
        value = self.received_edit.date()
        return date(value.year(), value.month(), value.day())

    def new_document(self, record_advice: bool = False) -> NewDocument:
        author = self.author_edit.text().strip() or None
        advice = self.advice_box.currentData()
        return NewDocument(
            path=self.path,
            doc_type=str(self.type_box.currentData()),
            title=self.title_edit.text(),
            author=author,
            received_on=self.received_on(),
            advice_kind=str(advice) if advice else None,
            record_advice=record_advice,
        )


class DocumentsTab(QWidget):
    """``loaded(count)`` after each load; ``attached(id)``; ``opened(path)``."""

    loaded = Signal(int)
    attached = Signal(str)
    opened = Signal(str)
    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend: Backend = context.backend
        self.ops: Ops = context.ops
        self.child_id: str | None = None
        # tests answer the dialogs through these
        self.ask_file = self._ask_file
        self.ask_details = self._ask_details
        self.ask_record_advice = self._ask_record_advice
        self.ask_export_path = self._ask_export_path
        self.ask_reason = self._ask_reason
        self.open_url = QDesktopServices.openUrl
        self.setAccessibleName("Documents")
        self.types = dict(self.backend.documents.types())
        self.advice = dict(self.backend.documents.advice_kinds())
        self.model = DocumentsModel(self.types, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Documents on the record, latest received first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 170, 330, 160, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.empty = QLabel("No documents on this record yet: Attach file… adds one.")
        self.empty.setWordWrap(True)
        self.attach_button = QPushButton("Attach f&ile…")
        self.open_button = QPushButton("O&pen")
        self.export_button = QPushButton("E&xport…")
        self.withdraw_button = QPushButton("&Withdraw…")
        buttons = QHBoxLayout()
        for button in (
            self.attach_button, self.open_button, self.export_button, self.withdraw_button
        ):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.attach_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()

    # ---- loading

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        documents = self.backend.documents

        def done(rows: tuple[DocumentRow, ...]) -> None:
            if child_id == self.child_id:
                self.model.set_rows(rows)
                self.empty.setVisible(not rows)
                if rows:
                    self.table.selectRow(0)
                self._enable()
                self.loaded.emit(len(rows))

        self.ops.run(lambda: documents.list(child_id), done, self._failed)

    def reload(self) -> None:
        if self.child_id:
            self.load(self.child_id)

    def _failed(self, error: BaseException) -> None:
        self.context.show_message(f"Documents: {getattr(error, 'message', error)}")

    def _enable(self) -> None:
        row = self.selected()
        self.attach_button.setEnabled(self.child_id is not None)
        for button in (self.open_button, self.export_button):
            button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and not row.withdrawn)

    def selected(self) -> DocumentRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # ---- attaching

    def _ask_file(self) -> str:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Attach a document", str(documents_folder()), FILE_FILTER
        )
        return chosen

    def _ask_details(self, path: Path) -> NewDocument | None:
        dialog = AttachDialog(self.backend, path, self.backend.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.new_document()

    def _ask_record_advice(self, advice_label: str, received: date) -> bool:
        answer = QMessageBox.question(
            self,
            "Record the advice as received?",
            f"The case has no advice received from {advice_label} yet. Record that it was "
            f"received on {uk_date(received)}? The statutory clock counts it.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def attach(self) -> None:
        child_id = self.child_id
        if child_id is None:
            return
        chosen = self.ask_file()
        if not chosen:
            return
        new = self.ask_details(Path(chosen))
        if new is None:
            return
        documents = self.backend.documents
        if new.advice_kind and new.received_on is not None:
            on_record = documents.advice_on_record(child_id, new.advice_kind)
            if not on_record.recorded:
                label = self.advice.get(new.advice_kind, new.advice_kind)
                if self.ask_record_advice(label, new.received_on):
                    new = NewDocument(
                        new.path, new.doc_type, new.title, new.author, new.received_on,
                        new.advice_kind, record_advice=True,
                    )  # fmt: skip

        def done(row: DocumentRow) -> None:
            self.attached.emit(str(row.id))
            if new.record_advice:
                self.changed.emit(child_id)  # a new event: the clock and the record follow
            self.reload()

        self.ops.run_change(
            lambda: documents.attach(child_id, new),
            done,
            self._failed,
            # the DocumentRow says DOCUMENTS; advice put on record is an event as well
            changes=Changes.of(ChangeKind.EVENTS, children=[child_id])
            if new.record_advice
            else None,
        )

    # ---- opening and exporting

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        documents = self.backend.documents
        document_id = row.id

        def work() -> Path:
            if not row.available:
                documents.fetch(document_id)
            return documents.open_copy(document_id)

        def done(path: Path) -> None:
            self.open_url(QUrl.fromLocalFile(str(path)))
            self.opened.emit(str(path))
            if not row.available:
                self.reload()

        self.ops.run(work, done, self._failed)

    def _ask_export_path(self, suggested: Path) -> str:
        target, _filter = QFileDialog.getSaveFileName(self, "Export the document", str(suggested))
        return target

    def export_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        suggested = documents_folder() / (row.file_name or row.title)
        target = self.ask_export_path(suggested)
        if not target:
            return
        documents, document_id = self.backend.documents, row.id

        def done(_size: int) -> None:
            self.context.show_message(f"Saved {row.title} to {target}")

        self.ops.run(lambda: documents.export(document_id, Path(target)), done, self._failed)

    # ---- withdrawing

    def _ask_reason(self, title: str) -> str | None:
        reason, ok = QInputDialog.getText(
            self, "Withdraw the document", f"Why is '{title}' withdrawn? It stays on the record."
        )
        return reason if ok else None

    def withdraw_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason = self.ask_reason(row.title)
        if not reason:
            return
        documents, document_id = self.backend.documents, row.id
        self.ops.run_change(
            lambda: documents.withdraw(document_id, reason),
            lambda _r: self.reload(),
            self._failed,
            changes=Changes.of(ChangeKind.DOCUMENTS, children=[row.child_id]),
        )


__all__ = ["AttachDialog", "DocumentsModel", "DocumentsTab"]
