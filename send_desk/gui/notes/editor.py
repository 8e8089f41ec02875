"""The case-note editor: structured fields, a live checklist, drafts saved as you type.

The checklist is recomputed a moment after the caseworker stops typing (debounced);
for a long note the check runs off the GUI thread through the ops helper, and a result
that arrives after newer typing is dropped. Each failed item says what to add and,
activated, jumps to its field (the cell, the acronym or the long sentence). Known
acronyms in the body are offered their spelling-out from the glossary. What is typed
is kept as a draft in the encrypted store, so a crash loses nothing; saving with items
not met asks for confirmation, and those items are stored with the note.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from send_desk.backend import Backend, ChecklistNotMet, ValidationFailed
from send_desk.backend.notes_models import (
    AcronymUse,
    ChecklistItem,
    NoteCheck,
    NoteDraftRow,
    NoteSummary,
    SavedNote,
)
from send_desk.gui.dialogs import qdatetime
from send_desk.gui.formatting import uk_datetime
from send_desk.gui.forms.ui_note_editor import Ui_NoteEditorDialog
from send_desk.gui.notes import fields
from send_desk.gui.notes.models import ITEM_ROLE, ChecklistModel
from send_desk.gui.ops import Ops

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 350
DRAFT_DELAY_MS = 1200
# Above this many characters the check runs off the GUI thread (a pasted email).
BACKGROUND_CHECK_CHARS = 20_000


class NoteEditor(QDialog):
    """Write a new note, or amend one (``note`` is the version being amended)."""

    checked = Signal(object)  # NoteCheck
    saved = Signal(object)  # SavedNote
    draft_saved = Signal(str)

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        child_name: str,
        *,
        note: NoteSummary | None = None,
        draft: NoteDraftRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id = child_id
        self.child_name = child_name
        self.amending = note
        self.draft_id: uuid.UUID | None = draft.draft_id if draft else None
        self.saved_result: SavedNote | None = None
        self.last_check: NoteCheck | None = None
        self._offer: AcronymUse | None = None
        self.confirm_box: QMessageBox | None = None
        self._generation = 0
        self._dirty = False
        self._loading = False
        self._closing = False
        # True from pressing Save until the answer: the save carries what is typed and
        # removes the draft, so no autosave may run meanwhile.
        self._saving = False
        self.ui = Ui_NoteEditorDialog()
        self.ui.setupUi(self)
        ui = self.ui
        verb = "Amend note" if note else "New case note"
        self.setWindowTitle(f"{verb}: {child_name} – SEND Desk")
        self.setAccessibleName(f"{verb} for {child_name}")
        vocabulary = backend.notes.vocabulary()
        self.acronyms = vocabulary.acronyms
        for kind in vocabulary.kinds:
            ui.kindCombo.addItem(kind.label, kind.code)
        roles = ", ".join(role.label.lower() for role in vocabulary.roles)
        ui.attendeesTable.setToolTip(f"One row a person, with their role: {roles}.")
        for table in (ui.attendeesTable, ui.decisionsTable, ui.actionsTable):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.itemChanged.connect(self._changed)
        ui.decisionsTable.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )
        now = qdatetime(backend.notes.now_for_note())
        ui.occurredEdit.setDateTime(now)
        ui.recordedEdit.setDateTime(now)
        ui.amendReasonEdit.setVisible(note is not None)
        ui.amendReasonLabel.setVisible(note is not None)
        ui.errorLabel.hide()
        ui.spellOutButton.hide()
        ui.acronymHint.hide()
        ui.errorLabel.setStyleSheet(
            "color: palette(bright-text); background: #b71c1c; padding: 6px;"
        )
        title_font = ui.checklistTitle.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        ui.checklistTitle.setFont(title_font)
        self.checklist = ChecklistModel(self)
        ui.checklistView.setModel(self.checklist)
        ui.checklistView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.checklistView.activated.connect(self.go_to_item)
        ui.checklistView.clicked.connect(self._explain)
        ui.checklistView.selectionModel().currentChanged.connect(self._explain)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([820, 340])

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.refresh_checklist)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)

        ui.kindCombo.currentIndexChanged.connect(self._changed)
        ui.occurredEdit.dateTimeChanged.connect(self._changed)
        ui.recordedEdit.dateTimeChanged.connect(self._changed)
        for line in (ui.purposeEdit, ui.childVoiceReasonEdit, ui.reasonNoFamilyEdit,
                     ui.amendReasonEdit):  # fmt: skip
            line.textChanged.connect(self._changed)
        for text in (ui.bodyEdit, ui.childVoiceEdit, ui.parentViewsEdit):
            text.textChanged.connect(self._changed)
            text.setTabChangesFocus(True)  # Tab goes on to the next field, as in a form
        fields.leave_tables_by_keyboard(
            self, (ui.attendeesTable, ui.decisionsTable, ui.actionsTable)
        )
        ui.addAttendeeButton.clicked.connect(lambda: self._add_row(ui.attendeesTable))
        ui.removeAttendeeButton.clicked.connect(lambda: self._remove_row(ui.attendeesTable))
        ui.addDecisionButton.clicked.connect(lambda: self._add_decision())
        ui.removeDecisionButton.clicked.connect(lambda: self._remove_row(ui.decisionsTable))
        ui.addActionButton.clicked.connect(lambda: self._add_row(ui.actionsTable))
        ui.removeActionButton.clicked.connect(lambda: self._remove_row(ui.actionsTable))
        ui.spellOutButton.clicked.connect(self.spell_out_acronym)
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.close_keeping_draft)

        if draft is not None:
            self.load(draft.content)
            ui.statusLabel.setText(f"Recovered the draft from {uk_datetime(draft.updated_at)}.")
        elif note is not None:
            self.load(note.note)
            ui.recordedEdit.setDateTime(now)
        else:
            ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData("visit")))
        self.refresh_checklist()
        ui.purposeEdit.setFocus()

    # ------------------------------------------------------------ the document

    def document(self) -> dict[str, object]:
        """What the editor holds, as the case-note standard's structured note."""
        return fields.document_of(self.ui)

    def load(self, data: Mapping[str, object]) -> None:
        """Fill the fields from a note document (a saved version, or a draft as kept)."""
        ui = self.ui
        self._loading = True
        try:
            kind = ui.kindCombo.findData(data.get("kind") or "visit")
            ui.kindCombo.setCurrentIndex(max(kind, 0))
            for edit, key in ((ui.occurredEdit, "occurred_at"), (ui.recordedEdit, "recorded_at")):
                value = fields.parse_iso(data.get(key))
                if value is not None:
                    edit.setDateTime(qdatetime(value))
            ui.purposeEdit.setText(fields.text_in(data, "purpose"))
            ui.bodyEdit.setPlainText(fields.text_in(data, "body"))
            ui.childVoiceEdit.setPlainText(fields.text_in(data, "child_voice"))
            ui.childVoiceReasonEdit.setText(fields.text_in(data, "child_voice_not_obtained_reason"))
            ui.parentViewsEdit.setPlainText(fields.text_in(data, "parent_views"))
            ui.reasonNoFamilyEdit.setText(fields.text_in(data, "reason_no_family"))
            ui.amendReasonEdit.setText(fields.text_in(data, "amendment_reason"))
            ui.attendeesTable.setRowCount(0)
            for person in fields.rows_in(data, "attendees"):
                row = self._add_row(ui.attendeesTable, focus=False)
                for column, key in enumerate(("name", "role", "relationship")):
                    fields.set_cell(ui.attendeesTable, row, column, fields.text_in(person, key))
            ui.decisionsTable.setRowCount(0)
            for decision in fields.rows_in(data, "decisions"):
                row = self._add_decision(focus=False)
                for column, key in ((0, "decision"), (1, "reasons"), (2, "parent_request"),
                                    (4, "explanation")):  # fmt: skip
                    fields.set_cell(ui.decisionsTable, row, column, fields.text_in(decision, key))
                check = ui.decisionsTable.item(row, 3)
                if check is not None:
                    matches = decision.get("matches_request") is not False
                    check.setCheckState(
                        Qt.CheckState.Checked if matches else Qt.CheckState.Unchecked
                    )
            ui.actionsTable.setRowCount(0)
            for action in fields.rows_in(data, "actions"):
                row = self._add_row(ui.actionsTable, focus=False)
                fields.set_cell(ui.actionsTable, row, 0, fields.text_in(action, "what"))
                fields.set_cell(ui.actionsTable, row, 1, fields.text_in(action, "owner"))
                fields.set_cell(
                    ui.actionsTable, row, 2, fields.iso_to_uk(fields.text_in(action, "due"))
                )
        finally:
            self._loading = False

    def _add_row(self, table: QTableWidget, focus: bool = True) -> int:
        row = table.rowCount()
        table.insertRow(row)
        for column in range(table.columnCount()):
            if table.item(row, column) is None:
                table.setItem(row, column, QTableWidgetItem(""))
        if focus:
            table.setCurrentCell(row, 0)
            table.setFocus()
            first = table.item(row, 0)
            if first is not None:
                table.editItem(first)
        return row

    def _add_decision(self, focus: bool = True) -> int:
        table = self.ui.decisionsTable
        row = self._add_row(table, focus=False)
        check = QTableWidgetItem("As asked")
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked)
        check.setToolTip("Ticked: the decision is what the parent asked for")
        table.setItem(row, 3, check)
        if focus:
            table.setCurrentCell(row, 0)
            table.setFocus()
        return row

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self._changed()

    # ------------------------------------------------------- live checklist

    def _changed(self, *_args: object) -> None:
        if self._loading or self._closing:
            return
        self._dirty = True
        self.check_timer.start()
        self.draft_timer.start()
        self.ui.statusLabel.setText("Draft not saved yet…")

    def refresh_checklist(self) -> None:
        """Check the note as it stands; off the GUI thread when the note is long."""
        self._generation += 1
        generation = self._generation
        document = self.document()
        if len(str(document["body"])) < BACKGROUND_CHECK_CHARS:
            self._show_check(generation, self.backend.notes.check(document))
            return
        self.ui.scoreLabel.setText("Checking…")
        self.ops.run(
            lambda: self.backend.notes.check(document),
            lambda result: self._show_check(generation, result),
        )

    def _show_check(self, generation: int, result: NoteCheck) -> None:
        if generation != self._generation:
            return  # typing went on: a newer check is coming
        self.last_check = result
        ui = self.ui
        if result.problem is not None:
            error = result.problem
            self._show_error(f"{error.item}: {error.message}" if error.item else error.message)
            ui.scoreLabel.setText("Fix the item named above to see the checklist.")
            self.checked.emit(result)
            return
        if ui.errorLabel.isVisible() and ui.errorLabel.property("fromCheck"):
            ui.errorLabel.hide()
        self.checklist.set_items(result.items)
        failed = result.failed
        ui.scoreLabel.setText(
            f"{result.passed} of {result.applicable} met"
            + (f" — {len(failed)} to add" if failed else " — ready to save")
        )
        self._offer_acronym(result)
        self.checked.emit(result)

    def _offer_acronym(self, result: NoteCheck) -> None:
        ui = self.ui
        item = result.item("acronyms_explained")
        uses = item.acronyms if item is not None else ()
        offers = [a for a in uses if a.in_full]
        unknown = [a for a in uses if not a.in_full]
        if offers:
            first = offers[0]
            self._offer = first
            ui.acronymHint.setText(
                f"<b>{first.written}</b> is <i>{first.in_full[0]}</i>. "
                "Spell it out the first time you use it."
                + (
                    f" Not in the glossary: {', '.join(a.written for a in unknown)}."
                    if unknown
                    else ""
                )
            )
            ui.spellOutButton.setText(f"Spell o&ut {first.written}")
            ui.spellOutButton.setAccessibleName(f"Spell out {first.written}")
            ui.acronymHint.show()
            ui.spellOutButton.show()
        else:
            self._offer = None
            ui.spellOutButton.hide()
            if unknown:
                ui.acronymHint.setText(
                    "Spell out at first use: " + ", ".join(a.written for a in unknown)
                )
                ui.acronymHint.show()
            else:
                ui.acronymHint.hide()

    def spell_out_acronym(self) -> None:
        """Write the glossary's spelling-out before the acronym's first use."""
        offer = self._offer
        if offer is None:
            return
        body = self.ui.bodyEdit
        start, written = offer.start, offer.written
        cursor = QTextCursor(body.document())
        cursor.setPosition(start)
        cursor.setPosition(start + len(written), QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != written:
            return
        cursor.insertText(f"{offer.in_full[0]} ({written})")
        body.setTextCursor(cursor)
        self.refresh_checklist()

    def _explain(self, index: QModelIndex, *_args: object) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(item, ChecklistItem):
            return
        if item.state == "failed":
            self.ui.itemHelp.setText(f"<b>{item.label}</b>: {item.message}")
        elif item.state == "passed":
            self.ui.itemHelp.setText(f"<b>{item.label}</b>: met.")
        else:
            self.ui.itemHelp.setText(f"<b>{item.label}</b>: does not apply to this note.")

    def failed_items(self) -> list[ChecklistItem]:
        return list(self.last_check.failed) if self.last_check is not None else []

    def go_to_item(self, index: QModelIndex | str) -> QWidget | None:
        """Jump to the field of a checklist item (a row of the list, or its id)."""
        if isinstance(index, str):
            row = self.checklist.row_of(index)
            index = self.checklist.index(row) if row >= 0 else QModelIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(item, ChecklistItem):
            return None
        self._explain(index)
        widget = self._field_widget(item)
        if widget is None:
            return None
        self.ui.fieldsScroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _field_widget(self, item: ChecklistItem) -> QWidget | None:
        return fields.field_widget(self.ui, item, self._add_row)

    # ----------------------------------------------------------------- drafts

    def _draft_content(self) -> dict[str, object]:
        content = self.document()
        if self.amending is not None:
            content["amendment_reason"] = self.ui.amendReasonEdit.text()
        return content

    def save_draft(self) -> None:
        """Keep what is typed in the encrypted store (called as the caseworker types)."""
        if not self._dirty or self.saved_result is not None or self._saving:
            return
        self._dirty = False
        content = self._draft_content()
        note_id = self.amending.note_id if self.amending else None

        def work() -> uuid.UUID | None:
            return self.backend.notes.save_draft(
                self.child_id, content, draft_id=self.draft_id, note_id=note_id
            )

        def done(draft_id: uuid.UUID | None) -> None:
            if draft_id is None:
                # the draft was removed by the save of this note: nothing to keep
                self.draft_id = None
                return
            if self.saved_result is not None:
                self._discard_orphan(draft_id)  # begun before the save, ended after it
                return
            self.draft_id = draft_id
            self.ui.statusLabel.setText(f"Draft kept at {datetime.now():%H:%M:%S}.")
            self.draft_saved.emit(str(draft_id))

        def failed(error: BaseException) -> None:
            self._dirty = True
            self.ui.statusLabel.setText(
                f"The draft could not be kept: {getattr(error, 'message', error)}"
            )

        if len(str(content["body"])) < BACKGROUND_CHECK_CHARS:
            try:
                kept = work()
            except Exception as error:
                if not isinstance(error, ValidationFailed | OSError):
                    log.exception("the note draft could not be kept")
                failed(error)
                return
            done(kept)
            return
        self.ops.run(work, done, failed)

    def _discard_orphan(self, draft_id: uuid.UUID) -> None:
        """A first draft created while the save ran: the saved note holds its words."""
        self.draft_id = None
        notes = self.backend.notes
        self.ops.run(lambda: notes.discard_draft(draft_id), None, lambda _error: None)

    def close_keeping_draft(self) -> None:
        self.draft_timer.stop()
        self.save_draft()
        self._closing = True
        self.reject()

    def reject(self) -> None:
        if not self._closing:
            self.draft_timer.stop()
            self.save_draft()
            self._closing = True
        self.check_timer.stop()
        super().reject()

    # ------------------------------------------------------------------- save

    def _show_error(self, text: str, *, from_check: bool = True) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setProperty("fromCheck", from_check)
        self.ui.errorLabel.show()

    def save(self) -> None:
        self.check_timer.stop()
        self.refresh_checklist()
        self._save(accept_failed=False)

    def _save(self, *, accept_failed: bool) -> None:
        document = self.document()
        reason = self.ui.amendReasonEdit.text()
        draft_id = self.draft_id
        self.ui.saveButton.setEnabled(False)
        amending = self.amending
        self.draft_timer.stop()
        self._saving = True
        self._saving_draft_id = draft_id

        def work() -> SavedNote:
            if amending is not None:
                return self.backend.notes.amend(
                    amending.note_id, document, reason,
                    accept_failed=accept_failed, draft_id=draft_id,
                )  # fmt: skip
            return self.backend.notes.save(
                self.child_id, document, accept_failed=accept_failed, draft_id=draft_id
            )

        # the SavedNote carries its Changes: the record, My day and Supervision follow
        self.ops.run_change(work, self._saved, self._save_failed)

    def _saved(self, result: SavedNote) -> None:
        self._saving = False
        self.saved_result = result
        if self.draft_id and self.draft_id != getattr(self, "_saving_draft_id", None):
            self._discard_orphan(self.draft_id)
        self.draft_timer.stop()
        self.check_timer.stop()
        self._dirty = False
        self.saved.emit(result)
        self._closing = True
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.ui.saveButton.setEnabled(True)
        if self._dirty:
            self.draft_timer.start()  # typing during the save is kept as a draft
        if isinstance(error, ChecklistNotMet):
            self._confirm(error)
            return
        message = getattr(error, "message", None) or str(error)
        self._show_error(message, from_check=False)
        fields = getattr(error, "fields", {}) or {}
        widgets = {
            "occurred_at": self.ui.occurredEdit,
            "recorded_at": self.ui.recordedEdit,
            "body": self.ui.bodyEdit,
            "purpose": self.ui.purposeEdit,
            "amendment_reason": self.ui.amendReasonEdit,
        }
        for name in fields:
            key = name.split("[")[0].split(".")[0]
            target = widgets.get(key) or {
                "attendees": self.ui.attendeesTable,
                "decisions": self.ui.decisionsTable,
                "actions": self.ui.actionsTable,
            }.get(key)
            if target is not None:
                target.setFocus()
                break

    def _confirm(self, error: ChecklistNotMet) -> None:
        failed = error.result.failed
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Save with items not met?",
            f"{len(failed)} checklist item{'s' if len(failed) != 1 else ''} not met:",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            "\n".join(f"• {item.label}: {item.message}" for item in failed)
            + "\n\nThe items not met are kept with the note, for you and your supervisor."
        )
        self.confirm_save_button = box.addButton("Save &anyway", QMessageBox.ButtonRole.AcceptRole)
        self.confirm_back_button = box.addButton(
            "&Go back and add", QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(self.confirm_back_button)
        box.setAccessibleName("Save with checklist items not met")

        def answered() -> None:
            clicked = box.clickedButton()
            self.confirm_box = None
            if clicked is self.confirm_save_button:
                self._save(accept_failed=True)
            elif failed:
                self.go_to_item(failed[0].id)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()
