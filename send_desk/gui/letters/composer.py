"""The letter composer: a template merged from the case, previewed beside its
plain-English check, saved to the child's record, printed or saved for email.

Every backend call runs through ``ops`` (off the GUI thread); the preview is updated a
moment after the caseworker stops typing. ``composed``, ``refused`` and ``saved`` are
emitted when a call comes back, so tests wait on signals.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, QStandardPaths, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)

from send_desk.gui.forms.ui_letter_composer import Ui_LetterComposer
from send_desk.gui.screen_fit import fit_to_screen
from send_desk.letters.plain_english import reading_verdict

log = logging.getLogger(__name__)

VARIANTS = (("standard", "Standard"), ("large_print", "Large print"), ("easy_read", "Easy read"))
DEBOUNCE_MS = 400


def _message(error: BaseException) -> str:
    return str(getattr(error, "message", None) or error)


class LetterComposer(QDialog):
    composed = Signal(dict)
    refused = Signal(str)
    saved = Signal(dict)
    exported = Signal(str)

    def __init__(
        self,
        backend: Any,
        ops: Any,
        child_id: str,
        *,
        template: str | None = None,
        inputs: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id = child_id
        self.ui = Ui_LetterComposer()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.templates: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.last_saved: dict[str, Any] | None = None
        self.editors: dict[str, QWidget] = {}
        self.preset: dict[str, Any] = dict(inputs or {})
        self.missed: list[dict[str, Any]] = []
        self.detail: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._loading = True

        ui = self.ui
        for value, label in VARIANTS:
            ui.variantCombo.addItem(label, value)
        ui.dateEdit.setDate(_qdate(backend.today()))
        ui.splitter.setSizes([330, 640, 330])
        ui.mainLayout.setStretchFactor(ui.splitter, 1)
        ui.inputsForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for text_label in (ui.purposeLabel, ui.statusLabel):
            text_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        ui.templateCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        ui.recipientCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        ui.templateCombo.currentIndexChanged.connect(self._template_changed)
        ui.variantCombo.currentIndexChanged.connect(self._changed)
        ui.recipientCombo.currentIndexChanged.connect(self._changed)
        ui.dateEdit.dateChanged.connect(self._changed)
        ui.issuesList.currentRowChanged.connect(self.show_issue)
        ui.saveButton.clicked.connect(lambda: self.save())
        ui.printButton.clicked.connect(lambda: self.print_letter())
        ui.emailButton.clicked.connect(lambda: self.save_for_email())
        ui.wordButton.clicked.connect(lambda: self.save_word())
        ui.closeButton.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(lambda: self.save())
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(
            lambda: self.print_letter()
        )
        self._set_actions(False)
        self.ops.run(lambda: self._load(), lambda data: self._loaded(data, template), self._failed)

    # ---------------------------------------------------------------- loading

    def _load(self) -> dict[str, Any]:
        return {
            "templates": self.backend.letter_templates(self.child_id),
            "missed": self.backend.missed_milestones(self.child_id),
            "detail": self.backend.child_detail(self.child_id),
        }

    def _loaded(self, data: dict[str, Any], template: str | None) -> None:
        self.templates = data["templates"]
        self.missed = data["missed"]
        self.detail = data["detail"]
        detail = self.detail
        name = f"{detail['first_name']} {detail['last_name']}"
        self.setWindowTitle(f"Write a letter – {name}")
        combo = self.ui.templateCombo
        combo.blockSignals(True)
        combo.clear()
        offered = [t for t in self.templates if t["offered"]]
        others = [t for t in self.templates if not t["offered"]]
        for item in offered:
            combo.addItem(f"{item['title']}  ({item['why']})", item["name"])
        if offered and others:
            combo.insertSeparator(combo.count())
        for item in others:
            combo.addItem(item["title"], item["name"])
        combo.blockSignals(False)
        recipients = self.ui.recipientCombo
        recipients.blockSignals(True)
        recipients.clear()
        for member in detail.get("family", []):
            label = (
                f"{member['name']} ({member.get('relationship_label') or member['relationship']})"
            )
            recipients.addItem(label, member["id"])
        recipients.blockSignals(False)
        needs = detail.get("communication_needs") or []
        self.ui.needsLabel.setText(
            "<b>Communication needs</b><br>" + "<br>".join(_escape(n) for n in needs)
            if needs
            else "No communication needs recorded for the family."
        )
        wanted = template or (offered[0]["name"] if offered else self.templates[0]["name"])
        index = combo.findData(wanted)
        self._loading = False
        if index >= 0 and index == combo.currentIndex():
            self._template_changed(index)
        else:
            combo.setCurrentIndex(max(index, 0))

    def _failed(self, error: BaseException) -> None:
        self.ui.statusLabel.setText(f"The letters could not be opened: {_message(error)}")
        self.refused.emit(_message(error))

    # ---------------------------------------------------------------- inputs

    def template(self) -> dict[str, Any] | None:
        name = self.ui.templateCombo.currentData()
        return next((t for t in self.templates if t["name"] == name), None)

    def _template_changed(self, _index: int) -> None:
        if self._loading:
            return
        spec = self.template()
        if spec is None:
            return
        self.ui.purposeLabel.setText(
            f"<b>{_escape(spec['title'])}</b>: {_escape(spec['purpose'])}"
            + (
                " <i>An appealable decision: the letter must give the family's rights.</i>"
                if spec["appealable"]
                else ""
            )
        )
        self._build_inputs(spec)
        recipients = spec["audience"] == "family"
        self.ui.recipientCombo.setEnabled(recipients)
        self.current = None
        self.refresh()

    def _build_inputs(self, spec: Mapping[str, Any]) -> None:
        form = self.ui.inputsForm
        kept = {name: self.input_values().get(name) for name in self.editors}
        while form.rowCount():
            form.removeRow(0)
        self.editors = {}
        for item in spec["inputs"]:
            editor = self._editor(item)
            editor.setAccessibleName(item["label"])
            editor.setObjectName(f"input_{item['name']}")
            optional = " (optional)"
            if item.get("required_while_open"):
                optional = " (while it is not done yet)"
            label = item["label"] + ("" if item["required"] else optional)
            form.addRow(label + ":", editor)
            self.editors[item["name"]] = editor
            value = self.preset.get(item["name"], kept.get(item["name"]))
            if value is not None:
                self.set_input(item["name"], value)
        if not spec["inputs"]:
            form.addRow("Everything comes from the case record.", QWidget())

    def _editor(self, item: Mapping[str, Any]) -> QWidget:
        kind = item["kind"]
        if kind == "lines":
            text = QPlainTextEdit()
            text.setPlaceholderText("One a line")
            text.setTabChangesFocus(True)
            text.setFixedHeight(90)
            text.textChanged.connect(self._changed)
            return text
        if kind == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(_qdate(self.backend.today()))
            edit.dateChanged.connect(self._changed)
            return edit
        if kind == "time":
            clock = QTimeEdit()
            clock.setDisplayFormat("HH:mm")
            clock.setTime(QTime(10, 0))
            clock.timeChanged.connect(self._changed)
            return clock
        if kind in ("choice", "milestone"):
            combo = QComboBox()
            if kind == "choice":
                for choice in item["choices"]:
                    combo.addItem(choice.replace("_", " "), choice)
            else:
                for row in self.missed:
                    combo.addItem(row["label"], row["key"])
            combo.currentIndexChanged.connect(self._changed)
            return combo
        line = QLineEdit()
        line.textChanged.connect(self._changed)
        return line

    def set_input(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            lines = value if isinstance(value, list | tuple) else str(value).splitlines()
            editor.setPlainText("\n".join(str(x) for x in lines))
        elif isinstance(editor, QDateEdit):
            editor.setDate(_qdate(value if isinstance(value, date) else date.fromisoformat(value)))
        elif isinstance(editor, QTimeEdit):
            moment = value if isinstance(value, time) else time.fromisoformat(str(value))
            editor.setTime(QTime(moment.hour, moment.minute))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0:  # a milestone id without its due date
                index = next(
                    (
                        i
                        for i in range(editor.count())
                        if str(editor.itemData(i)).split("|")[0] == str(value)
                    ),
                    -1,
                )
            if index >= 0:
                editor.setCurrentIndex(index)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def input_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QDateEdit):
                values[name] = editor.date().toPython()
            elif isinstance(editor, QTimeEdit):
                values[name] = editor.time().toString("HH:mm")
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text()
        return values

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._timer.start()

    # ---------------------------------------------------------------- preview

    def _request(self) -> dict[str, Any]:
        spec = self.template() or {}
        return {
            "template": spec.get("name"),
            "inputs": self.input_values(),
            "variant": self.ui.variantCombo.currentData() if self._variant_chosen else None,
            "letter_date": self.ui.dateEdit.date().toPython(),
            "recipient_id": self.ui.recipientCombo.currentData()
            if spec.get("audience") == "family"
            else None,
        }

    _variant_chosen = False

    def refresh(self) -> None:
        """Compose the letter again from the current choices (off the GUI thread)."""
        self._timer.stop()
        request = self._request()
        if not request["template"]:
            return
        self.ui.statusLabel.setText("Updating the preview…")

        def work() -> dict[str, Any]:
            result: dict[str, Any] = self.backend.compose_letter(
                self.child_id,
                request["template"],
                request["inputs"],
                variant=request["variant"],
                letter_date=request["letter_date"],
                recipient_id=request["recipient_id"],
            )
            return result

        self.ops.run(work, self._show, self._refused)

    def _show(self, result: dict[str, Any]) -> None:
        self.current = result
        self._variant_chosen = True
        combo = self.ui.variantCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(result["variant"]), 0))
        combo.blockSignals(False)
        if result.get("recipient_id"):
            recipients = self.ui.recipientCombo
            recipients.blockSignals(True)
            recipients.setCurrentIndex(max(recipients.findData(result["recipient_id"]), 0))
            recipients.blockSignals(False)
        scroll = self.ui.previewBrowser.verticalScrollBar().value()
        self.ui.previewBrowser.setHtml(result["html"])
        self.ui.previewBrowser.verticalScrollBar().setValue(scroll)
        self._show_check(result)
        needed = result["variant_needed"]
        note = ""
        if needed != "standard" and result["variant"] != needed:
            note = f" The family needs {needed.replace('_', ' ')}: choose it under Format."
        self.ui.statusLabel.setText(
            f"Letter to {result['recipient']}, {result['variant_label'].lower()}.{note}"
        )
        self._set_actions(True)
        self.composed.emit(result)

    def _show_check(self, result: Mapping[str, Any]) -> None:
        check = result["check"]
        errors = [i for i in result["issues"] if i.severity == "error"]
        count = len(errors)
        verdict = (
            "No problems to fix"
            if check["passed"]
            else f"{count} problem{'s' if count != 1 else ''} to fix"
        )
        # the reading age says plainly whether the aim is met, never "Passes" beside it
        reading = reading_verdict(
            check["reading_age"], check["target_reading_age"], check["max_reading_age"]
        )
        self.ui.checkSummaryLabel.setText(
            f"<b>{verdict}</b><br>{_escape(reading)}<br>{check['words']} words · "
            f"longest sentence {check['longest_sentence_words']} words"
            + (
                "<br>Sections the law requires: all there"
                if check["sections"]["required"] and not check["sections"]["missing"]
                else ""
            )
        )
        issues = self.ui.issuesList
        issues.blockSignals(True)
        issues.clear()
        for issue in result["issues"]:
            mark = "✖" if issue.severity == "error" else "•"
            item = QListWidgetItem(f"{mark} {issue.message}")
            item.setToolTip(issue.text or issue.message)
            issues.addItem(item)
        if not result["issues"]:
            issues.addItem("✔ No problems found.")
        issues.blockSignals(False)
        records = [r for r in result["records"] if r["already"] is None]
        if records:
            text = "; ".join(
                r["label"] + (" (when it is sent)" if r["when"] == "sent" else "") for r in records
            )
            self.ui.recordsLabel.setText(f"Saving records on the case: {_escape(text)}.")
        else:
            self.ui.recordsLabel.setText("")
        self.ui.recordEventsCheck.setVisible(bool(records))

    def show_issue(self, row: int) -> None:
        """Pick out one problem in the preview and scroll to it."""
        if self.current is None or row < 0 or row >= len(self.current["issues"]):
            return
        html = self.backend.letter_preview(self.current["letter"], row)
        self.ui.previewBrowser.setHtml(html)
        issue = self.current["issues"][row]
        if issue.end > issue.start:
            self.ui.previewBrowser.scrollToAnchor(f"issue-{row}")

    def _refused(self, error: BaseException) -> None:
        self.current = None
        message = _message(error)
        fields = getattr(error, "fields", {}) or {}
        items = "".join(f"<li>{_escape(str(v))}</li>" for v in fields.values()) or (
            f"<li>{_escape(message)}</li>"
        )
        self.ui.previewBrowser.setHtml(
            f"<h3>No letter yet</h3><p>The letter needs something first:</p><ul>{items}</ul>"
        )
        self.ui.issuesList.clear()
        self.ui.checkSummaryLabel.setText("")
        self.ui.recordsLabel.setText("")
        self.ui.statusLabel.setText(message)
        self._set_actions(False)
        self.refused.emit(message)

    def _set_actions(self, enabled: bool) -> None:
        for button in (
            self.ui.saveButton,
            self.ui.printButton,
            self.ui.emailButton,
            self.ui.wordButton,
        ):
            button.setEnabled(enabled)

    # ---------------------------------------------------------------- saving

    def save(self, sent_via: str | None = None, then: Any = None) -> None:
        """Save the letter to the record (and mark it sent when ``sent_via``)."""
        if self.current is None:
            return
        request = self._request()
        request["variant"] = self.current["variant"]
        record = self.ui.recordEventsCheck.isChecked()

        def work() -> dict[str, Any]:
            saved: dict[str, Any] = self.backend.save_letter(
                self.child_id,
                request["template"],
                request["inputs"],
                variant=request["variant"],
                letter_date=request["letter_date"],
                recipient_id=request["recipient_id"],
                sent_via=sent_via,
                record_events=record,
            )
            return saved

        def done(saved: dict[str, Any]) -> None:
            self.last_saved = saved
            events = ", ".join(item["label"].lower() for item in saved["events_recorded"])
            self.ui.statusLabel.setText(
                f"Saved to {self._child_name()}'s record"
                + (f" as sent ({saved['sent_via_label'].lower()})" if sent_via else "")
                + (f"; recorded: {events}" if events else "")
                + "."
            )
            self.saved.emit(saved)
            if then is not None:
                then(saved)

        def failed(error: BaseException) -> None:
            self.ui.statusLabel.setText(f"Not saved: {_message(error)}")
            self.refused.emit(_message(error))

        self.ops.run(work, done, failed)

    def _child_name(self) -> str:
        detail = self.detail or {}
        return f"{detail.get('first_name', '')} {detail.get('last_name', '')}".strip()

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the letter as it is now to ``path`` (DOCX or PDF)."""
        if self.current is None:
            return
        letter = self.current["letter"]

        def work() -> str:
            data = self.backend.letter_file(letter, fmt)
            path.write_bytes(data)
            return str(path)

        def done(where: str) -> None:
            self.ui.statusLabel.setText(f"Saved {where}")
            self.exported.emit(where)

        self.ops.run(work, done, lambda e: self.ui.statusLabel.setText(f"Not saved: {_message(e)}"))

    def _ask_path(self, fmt: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = self.current["file_stem"] if self.current else "letter"
        suggested = str(Path(folder) / f"{stem}.{fmt}")
        kind = "PDF (*.pdf)" if fmt == "pdf" else "Word document (*.docx)"
        name, _ = QFileDialog.getSaveFileName(self, "Save the letter", suggested, kind)
        return Path(name) if name else None

    def save_for_email(self, path: Path | None = None) -> None:
        """One click: save to the record as emailed, and the PDF to attach."""
        target = path or self._ask_path("pdf")
        if target is None:
            return
        self.save("email", then=lambda _saved: self.export_to(target, "pdf"))

    def save_word(self, path: Path | None = None) -> None:
        target = path or self._ask_path("docx")
        if target is not None:
            self.export_to(target, "docx")

    def print_letter(self, printer: Any = None) -> None:
        """One click: save to the record as posted and print the PDF."""
        if self.current is None:
            return
        letter = self.current["letter"]

        def after_save(_saved: dict[str, Any]) -> None:
            self.ops.run(
                lambda: self.backend.letter_file(letter, "pdf"),
                lambda data: self._print_pdf(data, printer),
                lambda e: self.ui.statusLabel.setText(f"Not printed: {_message(e)}"),
            )

        self.save("post", then=after_save)

    def _print_pdf(self, data: bytes, printer: Any = None) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.ui.statusLabel.setText("Saved as posted; not printed.")
                return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        painter = QPainter()
        if not painter.begin(printer):
            self.ui.statusLabel.setText("The printer could not be used.")
            return
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                image = document.render(page, area.size())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        self.ui.statusLabel.setText(
            f"Printed and saved as posted on {self._child_name()}'s record."
        )
        self.exported.emit("printed")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_letter_composer(
    backend: Any,
    ops: Any,
    child_id: str,
    *,
    template: str | None = None,
    inputs: Mapping[str, Any] | None = None,
    parent: QWidget | None = None,
) -> LetterComposer:
    """Open the composer window-modally without blocking; returns it (tests use it)."""
    composer = LetterComposer(
        backend, ops, child_id, template=template, inputs=inputs, parent=parent
    )
    composer.finished.connect(composer.deleteLater)
    fit_to_screen(composer, QSize(1280, 820))  # at most the screen: its buttons stay on it
    composer.open()
    return composer
