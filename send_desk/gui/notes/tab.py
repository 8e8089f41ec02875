"""The Notes tab of a child's record: notes (newest first), each note's versions, drafts."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import Backend
from send_desk.backend.notes_models import (
    ChronologyWritten,
    NoteDraftRow,
    NoteSummary,
    SavedNote,
)
from send_desk.gui.documents import suggested_path
from send_desk.gui.formatting import (
    attendees_text,
    checklist_score,
    failed_items_text,
    note_kind_label,
    note_time,
    uk_datetime,
)
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.notes.editor import NoteEditor
from send_desk.gui.notes.fields import rows_in, text_in
from send_desk.gui.ops import Ops
from send_desk.gui.screen_fit import fit_to_screen


def _score(note: NoteSummary) -> str:
    return checklist_score(note.checklist_passed, note.checklist_applicable)


def _escape(text: object) -> str:
    return html.escape(str(text or ""))


def note_html(versions: Sequence[NoteSummary]) -> str:
    """A note's current text and the history of every version, for the reading pane."""
    if not versions:
        return ""
    current = versions[-1]
    note = current.note
    score = _score(current)
    parts = [
        f"<h3>{_escape(note_kind_label(current.kind))} on "
        f"{_escape(note_time(current.occurred_at))}</h3>",
        f"<p><b>Written up:</b> {_escape(note_time(current.recorded_at))} · "
        f"<b>By:</b> {_escape(current.author or 'this laptop')} · "
        f"<b>Checklist:</b> {score}</p>",
    ]
    if current.attendees:
        parts.append(f"<p><b>Who was there:</b> {_escape(attendees_text(current.attendees))}</p>")
    for key, label in (
        ("purpose", "Purpose"),
        ("body", "What happened"),
        ("child_voice", "Child's voice"),
        ("child_voice_not_obtained_reason", "Why the child's views were not obtained"),
        ("parent_views", "Parent's views"),
        ("reason_no_family", "Why the family was not there"),
    ):
        if note.get(key):
            text = _escape(note[key]).replace("\n", "<br>")
            parts.append(f"<p><b>{label}:</b> {text}</p>")
    for decision in rows_in(note, "decisions"):
        line = (
            f"<b>Decision:</b> {_escape(decision.get('decision'))} — "
            f"{_escape(decision.get('reasons'))}"
        )
        if decision.get("matches_request") is False:
            line += (
                f" (parent asked for: {_escape(decision.get('parent_request'))}; "
                f"why not: {_escape(decision.get('explanation')) or 'not explained'})"
            )
        parts.append(f"<p>{line}</p>")
    for action in rows_in(note, "actions"):
        due = text_in(action, "due")
        due_label = f"{due[8:10]}/{due[5:7]}/{due[0:4]}" if due else "no date"
        parts.append(
            f"<p><b>Action:</b> {_escape(action.get('what'))} — "
            f"{_escape(action.get('owner')) or 'no owner'}, by {due_label}</p>"
        )
    if current.failed_items:
        items = "".join(f"<li>{_escape(item.message)}</li>" for item in current.failed_items)
        parts.append(f"<p><b>Saved with checklist items not met:</b></p><ul>{items}</ul>")
    parts.append("<h4>History</h4><ul>")
    for version in versions:
        line = (
            f"Version {version.version}, saved {_escape(uk_datetime(version.saved_at))} by "
            f"{_escape(version.author or 'this laptop')}"
        )
        if version.amendment_reason:
            changed = ", ".join(c.replace("_", " ") for c in version.changed)
            line += f" — amended: {_escape(version.amendment_reason)}"
            if changed:
                line += f" (changed: {_escape(changed)})"
        parts.append(f"<li>{line}</li>")
    parts.append("</ul>")
    return "".join(parts)


class NotesTab(QWidget):
    """Lists the child's notes; new, amend, history, and drafts left unsaved."""

    changed = Signal(str)

    def __init__(self, backend: Backend, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id: str | None = None
        self.child_name = ""
        self.editor: NoteEditor | None = None
        self.drafts: tuple[NoteDraftRow, ...] = ()
        self.last_chronology: ChronologyWritten | None = None
        self.setAccessibleName("Case notes")
        self.new_button = QPushButton("&New note…")
        self.amend_button = QPushButton("A&mend note…")
        self.draft_button = QPushButton("Resume &draft…")
        self.chronology_button = QPushButton("C&hronology (PDF)…")
        self.chronology_button.setToolTip(
            "Notes and statutory events in date order, for a complaint or the Tribunal"
        )
        self.chronology_button.clicked.connect(self.save_chronology)
        self.discard_draft_button = QPushButton("Discard draft")
        for button in (
            self.new_button, self.amend_button, self.draft_button, self.discard_draft_button
        ):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.new_button.clicked.connect(self.new_note)
        self.amend_button.clicked.connect(self.amend_selected)
        self.draft_button.clicked.connect(self.resume_draft)
        self.discard_draft_button.clicked.connect(self.discard_draft)
        self.drafts_label = QLabel()
        self.drafts_label.setWordWrap(True)
        self.model: ItemsModel[NoteSummary] = ItemsModel(
            [
                ("Happened", lambda r: note_time(r.occurred_at)),
                ("Kind", lambda r: note_kind_label(r.kind)),
                ("Purpose or first words", lambda r: r.summary),
                ("By", lambda r: r.author or ""),
                ("Checklist", _score),
                ("Not met", lambda r: failed_items_text(r.failed_items)),
                ("Versions", lambda r: r.versions),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Case notes, newest first")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.view.doubleClicked.connect(lambda *_: self.amend_selected())
        self.reader = QTextBrowser()
        self.reader.setAccessibleName("The selected note and its history")
        self.reader.setOpenLinks(False)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.amend_button, self.chronology_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.drafts_label, 2)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.discard_draft_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.reader)
        splitter.setSizes([260, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._show_drafts()

    # ---------------------------------------------------------------- loading

    def load(self, child_id: str, child_name: str) -> None:
        self.child_id, self.child_name = child_id, child_name

        notes_api = self.backend.notes

        def work() -> tuple[tuple[NoteSummary, ...], tuple[NoteDraftRow, ...]]:
            return notes_api.child_notes(child_id), notes_api.drafts(child_id)

        def done(result: tuple[tuple[NoteSummary, ...], tuple[NoteDraftRow, ...]]) -> None:
            if child_id != self.child_id:
                return
            notes, drafts = result
            self.model.set_rows(notes)
            self.drafts = drafts
            self._show_drafts()
            self.view.resizeColumnsToContents()
            if notes:
                self.view.selectRow(0)
            else:
                self.reader.setHtml("<p>No notes yet. Use <b>New note</b> to write one.</p>")

        self.ops.run(work, done)

    def reload(self) -> None:
        if self.child_id:
            self.load(self.child_id, self.child_name)

    def _show_drafts(self) -> None:
        count = len(self.drafts)
        self.draft_button.setVisible(bool(count))
        self.discard_draft_button.setVisible(bool(count))
        if count:
            newest = self.drafts[0]
            self.drafts_label.setText(
                f"<b>Unsaved draft</b> from {uk_datetime(newest.updated_at)}"
                + (f" (and {count - 1} more)" if count > 1 else "")
            )
        else:
            self.drafts_label.setText("")

    def selected(self) -> NoteSummary | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def show_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        note_id = row.note_id

        def done(versions: tuple[NoteSummary, ...]) -> None:
            current = self.selected()
            if current is not None and current.note_id == note_id:
                self.reader.setHtml(note_html(versions))

        notes_api = self.backend.notes
        self.ops.run(lambda: notes_api.history(note_id), done)

    # ----------------------------------------------------------------- editing

    def _open(self, editor: NoteEditor) -> None:
        self.editor = editor
        child_id = self.child_id

        def saved(_result: SavedNote) -> None:
            if child_id:
                self.changed.emit(child_id)
            self.reload()

        def finished(*_args: object) -> None:
            self.reload()

        editor.saved.connect(saved)
        editor.rejected.connect(finished)
        editor.finished.connect(editor.deleteLater)
        fit_to_screen(editor, QSize(1180, 820))  # at most the screen: Save stays on it
        editor.open()

    def new_note(self) -> None:
        if self.child_id:
            self._open(
                NoteEditor(self.backend, self.ops, self.child_id, self.child_name, parent=self)
            )

    def amend_selected(self) -> None:
        row = self.selected()
        if row is None or not self.child_id:
            return
        self._open(
            NoteEditor(
                self.backend, self.ops, self.child_id, self.child_name, note=row, parent=self
            )
        )

    def resume_draft(self) -> None:
        if not self.drafts or not self.child_id:
            return
        draft = self.drafts[0]
        note = None
        if draft.note_id is not None:
            versions = self.backend.notes.history(draft.note_id)
            note = versions[-1] if versions else None
        self._open(
            NoteEditor(
                self.backend,
                self.ops,
                self.child_id,
                self.child_name,
                note=note,
                draft=draft,
                parent=self,
            )
        )

    def save_chronology(self, target: str | None = None) -> None:
        """Ask where to save the chronology PDF (or use ``target``), then write it."""
        if not self.child_id:
            return
        if target is None:
            from PySide6.QtWidgets import QFileDialog

            name = "".join(ch if ch.isalnum() else "-" for ch in self.child_name).strip("-")
            target, _filter = QFileDialog.getSaveFileName(
                self,
                "Save the chronology",
                suggested_path(f"chronology-{name}.pdf"),
                "PDF files (*.pdf)",
            )
            if not target:
                return
        child_id = self.child_id

        def done(result: ChronologyWritten) -> None:
            self.last_chronology = result
            self.drafts_label.setText(f"Chronology saved: {result.path} ({result.entries} entries)")

        notes_api = self.backend.notes
        self.ops.run(lambda: notes_api.chronology_pdf(child_id, str(target)), done)

    def discard_draft(self) -> None:
        if not self.drafts:
            return
        draft_id = self.drafts[0].draft_id
        notes_api = self.backend.notes
        self.ops.run(lambda: notes_api.discard_draft(draft_id), lambda _r: self.reload())
