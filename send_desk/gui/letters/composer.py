"""The letter composer: a template merged from the case, previewed beside its
plain-English check, saved to the child's record, printed or saved for email.

Every backend call runs through ``ops`` (off the GUI thread); the preview is updated a
moment after the caseworker stops typing. ``composed``, ``refused`` and ``saved`` are
emitted when a call comes back, so tests wait on signals.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from send_desk.backend.caseload_models import ChildDetail
from send_desk.backend.labels import RELATIONSHIP_LABELS
from send_desk.backend.letters_models import (
    LetterChoice,
    LetterInput,
    LetterInputs,
    LetterPreview,
    MissedMilestone,
    SavedLetter,
)
from send_desk.gui.formatting import letter_variant_label, sent_via_label
from send_desk.gui.forms.ui_letter_composer import Ui_LetterComposer
from send_desk.gui.letters import inputs
from send_desk.gui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from send_desk.backend import Backend
    from send_desk.gui.ops import Ops
from send_desk.letters.plain_english import reading_verdict

log = logging.getLogger(__name__)

VARIANTS = (("standard", "Standard"), ("large_print", "Large print"), ("easy_read", "Easy read"))
DEBOUNCE_MS = 400


def _message(error: BaseException) -> str:
    return str(getattr(error, "message", None) or error)


class LetterComposer(QDialog):
    composed = Signal(object)  # LetterPreview
    refused = Signal(str)
    saved = Signal(object)  # SavedLetter
    exported = Signal(str)

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        *,
        template: str | None = None,
        inputs: LetterInputs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id = child_id
        self.ui = Ui_LetterComposer()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.templates: tuple[LetterChoice, ...] = ()
        self.current: LetterPreview | None = None
        self.last_saved: SavedLetter | None = None
        self.editors: dict[str, QWidget] = {}
        self.preset: dict[str, object] = dict(inputs or {})
        self.missed: tuple[MissedMilestone, ...] = ()
        self.detail: ChildDetail | None = None
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

    def _load(self) -> _Loaded:
        return _Loaded(
            self.backend.letters.templates(self.child_id),
            self.backend.letters.missed_milestones(self.child_id),
            self.backend.caseload.child_detail(uuid.UUID(self.child_id)),
        )

    def _loaded(self, data: _Loaded, template: str | None) -> None:
        self.templates = data.templates
        self.missed = data.missed
        self.detail = detail = data.detail
        name = f"{detail.first_name} {detail.last_name}"
        self.setWindowTitle(f"Write a letter – {name}")
        combo = self.ui.templateCombo
        combo.blockSignals(True)
        combo.clear()
        offered = [t for t in self.templates if t.offered]
        others = [t for t in self.templates if not t.offered]
        for item in offered:
            combo.addItem(f"{item.title}  ({item.why})", item.name)
        if offered and others:
            combo.insertSeparator(combo.count())
        for item in others:
            combo.addItem(item.title, item.name)
        combo.blockSignals(False)
        recipients = self.ui.recipientCombo
        recipients.blockSignals(True)
        recipients.clear()
        for member in detail.family:
            relationship = RELATIONSHIP_LABELS.get(member.relationship, member.relationship)
            recipients.addItem(f"{member.name} ({relationship})", member.id.hex)
        recipients.blockSignals(False)
        needs = detail.communication_needs
        self.ui.needsLabel.setText(
            "<b>Communication needs</b><br>" + "<br>".join(_escape(n) for n in needs)
            if needs
            else "No communication needs recorded for the family."
        )
        wanted = template or (offered[0].name if offered else self.templates[0].name)
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

    def template(self) -> LetterChoice | None:
        name = self.ui.templateCombo.currentData()
        return next((t for t in self.templates if t.name == name), None)

    def _template_changed(self, _index: int) -> None:
        if self._loading:
            return
        spec = self.template()
        if spec is None:
            return
        self.ui.purposeLabel.setText(
            f"<b>{_escape(spec.title)}</b>: {_escape(spec.purpose)}"
            + (
                " <i>An appealable decision: the letter must give the family's rights.</i>"
                if spec.appealable
                else ""
            )
        )
        self._build_inputs(spec)
        recipients = spec.audience == "family"
        self.ui.recipientCombo.setEnabled(recipients)
        self.current = None
        self.refresh()

    def _build_inputs(self, spec: LetterChoice) -> None:
        form = self.ui.inputsForm
        kept = {name: self.input_values().get(name) for name in self.editors}
        while form.rowCount():
            form.removeRow(0)
        self.editors = {}
        for item in spec.inputs:
            editor = self._editor(item)
            editor.setAccessibleName(item.label)
            editor.setObjectName(f"input_{item.name}")
            optional = " (optional)"
            if item.required_while_open:
                optional = " (while it is not done yet)"
            label = item.label + ("" if item.required else optional)
            form.addRow(label + ":", editor)
            self.editors[item.name] = editor
            value = self.preset.get(item.name, kept.get(item.name))
            if value is not None:
                self.set_input(item.name, value)
        if not spec.inputs:
            form.addRow("Everything comes from the case record.", QWidget())

    def _editor(self, item: LetterInput) -> QWidget:
        return inputs.make_editor(item, self.missed, self.backend.today(), self._changed)

    def set_input(self, name: str, value: object) -> None:
        inputs.set_input(self.editors[name], value)

    def input_values(self) -> dict[str, object]:
        return inputs.input_values(self.editors)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._timer.start()

    # ---------------------------------------------------------------- preview

    def _request(self) -> _Request | None:
        spec = self.template()
        if spec is None:
            return None
        return _Request(
            template=spec.name,
            inputs=self.input_values(),
            variant=self.ui.variantCombo.currentData() if self._variant_chosen else None,
            letter_date=_pydate(self.ui.dateEdit.date()),
            recipient_id=(
                self.ui.recipientCombo.currentData() if spec.audience == "family" else None
            ),
        )

    _variant_chosen = False

    def refresh(self) -> None:
        """Compose the letter again from the current choices (off the GUI thread)."""
        self._timer.stop()
        request = self._request()
        if request is None:
            return
        self.ui.statusLabel.setText("Updating the preview…")
        letters = self.backend.letters

        def work() -> LetterPreview:
            return letters.compose(
                self.child_id,
                request.template,
                request.inputs,
                variant=request.variant,
                letter_date=request.letter_date,
                recipient_id=request.recipient_id,
            )

        self.ops.run(work, self._show, self._refused)

    def _show(self, result: LetterPreview) -> None:
        self.current = result
        self._variant_chosen = True
        combo = self.ui.variantCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(result.variant), 0))
        combo.blockSignals(False)
        if result.recipient_id:
            recipients = self.ui.recipientCombo
            recipients.blockSignals(True)
            recipients.setCurrentIndex(max(recipients.findData(result.recipient_id), 0))
            recipients.blockSignals(False)
        scroll = self.ui.previewBrowser.verticalScrollBar().value()
        self.ui.previewBrowser.setHtml(result.html)
        self.ui.previewBrowser.verticalScrollBar().setValue(scroll)
        self._show_check(result)
        needed = result.variant_needed
        note = ""
        if needed != "standard" and result.variant != needed:
            note = f" The family needs {needed.replace('_', ' ')}: choose it under Format."
        variant = letter_variant_label(result.variant).lower()
        self.ui.statusLabel.setText(f"Letter to {result.recipient}, {variant}.{note}")
        self._set_actions(True)
        self.composed.emit(result)

    def _show_check(self, result: LetterPreview) -> None:
        check = result.check
        count = len(check.errors)
        verdict = (
            "No problems to fix"
            if check.passed
            else f"{count} problem{'s' if count != 1 else ''} to fix"
        )
        # the reading age says plainly whether the aim is met, never "Passes" beside it
        reading = reading_verdict(
            check.reading_age, check.target_reading_age, check.max_reading_age
        )
        self.ui.checkSummaryLabel.setText(
            f"<b>{verdict}</b><br>{_escape(reading)}<br>{check.words} words · "
            f"longest sentence {check.longest_sentence_words} words"
            + (
                "<br>Sections the law requires: all there"
                if check.sections_required and not check.sections_missing
                else ""
            )
        )
        issues = self.ui.issuesList
        issues.blockSignals(True)
        issues.clear()
        for issue in result.issues:
            mark = "✖" if issue.severity == "error" else "•"
            item = QListWidgetItem(f"{mark} {issue.message}")
            item.setToolTip(issue.text or issue.message)
            issues.addItem(item)
        if not result.issues:
            issues.addItem("✔ No problems found.")
        issues.blockSignals(False)
        records = [r for r in result.records if r.already is None]
        if records:
            text = "; ".join(
                r.label + (" (when it is sent)" if r.when == "sent" else "") for r in records
            )
            self.ui.recordsLabel.setText(f"Saving records on the case: {_escape(text)}.")
        else:
            self.ui.recordsLabel.setText("")
        self.ui.recordEventsCheck.setVisible(bool(records))

    def show_issue(self, row: int) -> None:
        """Pick out one problem in the preview and scroll to it."""
        if self.current is None or row < 0 or row >= len(self.current.issues):
            return
        html = self.backend.letters.preview(self.current.letter, row)
        self.ui.previewBrowser.setHtml(html)
        issue = self.current.issues[row]
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

    def save(
        self, sent_via: str | None = None, then: Callable[[SavedLetter], None] | None = None
    ) -> None:
        """Save the letter to the record (and mark it sent when ``sent_via``)."""
        request = self._request()
        if self.current is None or request is None:
            return
        variant = self.current.variant
        record = self.ui.recordEventsCheck.isChecked()
        letters = self.backend.letters

        def work() -> SavedLetter:
            return letters.save(
                self.child_id,
                request.template,
                request.inputs,
                variant=variant,
                letter_date=request.letter_date,
                recipient_id=request.recipient_id,
                sent_via=sent_via,
                record_events=record,
            )

        def done(saved: SavedLetter) -> None:
            self.last_saved = saved
            events = ", ".join(item.label.lower() for item in saved.events_recorded)
            how = sent_via_label(saved.row.sent_via).lower()
            self.ui.statusLabel.setText(
                f"Saved to {self._child_name()}'s record"
                + (f" as sent ({how})" if sent_via else "")
                + (f"; recorded: {events}" if events else "")
                + "."
            )
            self.saved.emit(saved)
            if then is not None:
                then(saved)

        def failed(error: BaseException) -> None:
            self.ui.statusLabel.setText(f"Not saved: {_message(error)}")
            self.refused.emit(_message(error))

        self.ops.run_change(work, done, failed)  # the SavedLetter carries its Changes

    def _child_name(self) -> str:
        detail = self.detail
        return f"{detail.first_name} {detail.last_name}" if detail else ""

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the letter as it is now to ``path`` (DOCX or PDF)."""
        if self.current is None:
            return
        letter = self.current.letter
        letters = self.backend.letters

        def work() -> str:
            data = letters.file(letter, fmt)
            path.write_bytes(data)
            return str(path)

        def done(where: str) -> None:
            self.ui.statusLabel.setText(f"Saved {where}")
            self.exported.emit(where)

        self.ops.run(work, done, lambda e: self.ui.statusLabel.setText(f"Not saved: {_message(e)}"))

    def _ask_path(self, fmt: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = self.current.file_stem if self.current else "letter"
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

    def print_letter(self, printer: QPrinter | None = None) -> None:
        """One click: save to the record as posted and print the PDF."""
        if self.current is None:
            return
        letter = self.current.letter
        letters = self.backend.letters

        def after_save(_saved: SavedLetter) -> None:
            self.ops.run(
                lambda: letters.file(letter, "pdf"),
                lambda data: self._print_pdf(data, printer),
                lambda e: self.ui.statusLabel.setText(f"Not printed: {_message(e)}"),
            )

        self.save("post", then=after_save)

    def _print_pdf(self, data: bytes, printer: QPrinter | None = None) -> None:
        from send_desk.gui.letters.printing import print_pdf

        problem = print_pdf(self, data, printer)
        if problem is not None:
            self.ui.statusLabel.setText(problem)
            return
        self.ui.statusLabel.setText(
            f"Printed and saved as posted on {self._child_name()}'s record."
        )
        self.exported.emit("printed")


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What the composer opens with."""

    templates: tuple[LetterChoice, ...]
    missed: tuple[MissedMilestone, ...]
    detail: ChildDetail


@dataclass(frozen=True, slots=True)
class _Request:
    """The composer's choices as the letters facade takes them."""

    template: str
    inputs: dict[str, object]
    variant: str | None
    letter_date: date
    recipient_id: str | None


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_letter_composer(
    backend: Backend,
    ops: Ops,
    child_id: str,
    *,
    template: str | None = None,
    inputs: LetterInputs | None = None,
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
