"""The child record: summary, communication needs first, family, setting, allocation,
events and the history of every change (from the change journal)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.caseload_models import (
    Allocation,
    CaseloadOptions,
    ChildDetail,
    FamilyMember,
    HistoryEntry,
    NextDeadline,
    Placement,
)
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.labels import (
    CONTACT_LABELS,
    PHASE_LABELS,
    RELATIONSHIP_LABELS,
    SEX_LABELS,
    need_label,
    stage_label,
)
from send_desk.backend.letters_models import LetterInputs
from send_desk.gui.change_watch import ChangeWatch
from send_desk.gui.context import AppContext
from send_desk.gui.dialogs import AllocationDialog, ChildDialog, FamilyMemberDialog, PlacementDialog
from send_desk.gui.formatting import deadline_label, uk_date, year_group_text
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.timeline import TimelineTab


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _communication(member: FamilyMember) -> str:
    parts = []
    if member.independent_interpreter:
        parts.append(f"Independent interpreter ({member.language or '?'})")
    elif member.interpreter_needed:
        parts.append(f"Interpreter ({member.language or '?'})")
    if member.easy_read:
        parts.append("Easy-read")
    if member.large_print:
        parts.append("Large print")
    return ", ".join(parts)


def _table(name: str, model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class ChildRecord(QWidget):
    """Shows one child; edits go through dialogs that save via the backend."""

    loaded = Signal(str)
    changed = Signal(str)
    back_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.detail: ChildDetail | None = None
        self.dialog: QDialog | None = None
        self.child_id: str | None = None
        self.setAccessibleName("Child record")
        self.changes_watch = ChangeWatch(
            self,
            context.hub,
            lambda changes: self.child_id is not None and changes.touches_child(self.child_id),
            lambda _changes: self.reload(),
        )

        # --- header
        self.back_button = QPushButton("← &Back to caseload")
        self.back_button.setAccessibleName("Back to caseload")
        self.back_button.setToolTip("Back to the caseload (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.flags_row = QHBoxLayout()
        self.flags_row.setSpacing(6)

        self.comm_frame = QFrame()
        self.comm_frame.setObjectName("communicationNeeds")
        self.comm_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.comm_frame.setStyleSheet(
            "#communicationNeeds { border: 1px solid palette(mid); border-left: 5px solid "
            "#f9a825; border-radius: 4px; background: palette(alternate-base); }"
        )
        comm_layout = QHBoxLayout(self.comm_frame)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(28, 28)
        )
        icon.setAccessibleName("Information")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.comm_label = QLabel()
        self.comm_label.setWordWrap(True)
        self.comm_label.setTextFormat(Qt.TextFormat.RichText)
        self.comm_label.setAccessibleName("Communication needs")
        comm_layout.addWidget(icon)
        comm_layout.addWidget(self.comm_label, 1)

        # --- actions
        self.edit_button = QPushButton("&Edit details")
        self.add_member_button = QPushButton("Add &family member or contact")
        self.edit_member_button = QPushButton("Edit &contact")
        self.setting_button = QPushButton("Change &setting")
        self.allocate_button = QPushButton("&Allocate caseworker")
        self.letter_button = QPushButton("Write a le&tter…")
        self.letter_button.setToolTip("Write a letter to the family from a template (Ctrl+Shift+L)")
        # no Alt key: every letter of it is taken on some tab (Open is Alt+P on Documents);
        # Ctrl+Shift+P opens it from anywhere on the record
        self.plan_button = QPushButton("EHC plan…")
        self.plan_button.setToolTip("Write the child's EHC plan, checked as typed (Ctrl+Shift+P)")
        plan_key = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        plan_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        plan_key.activated.connect(self.open_plan)
        self.edit_button.setToolTip("Edit the child's details (Ctrl+E)")
        actions = QHBoxLayout()
        for button in (
            self.edit_button,
            self.add_member_button,
            self.setting_button,
            self.allocate_button,
            self.letter_button,
            self.plan_button,
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            actions.addWidget(button)
        actions.addStretch(1)
        self.edit_button.clicked.connect(self.edit_child)
        self.add_member_button.clicked.connect(lambda: self.edit_member(None))
        self.edit_member_button.clicked.connect(self._edit_selected_member)
        self.edit_member_button.setAccessibleName("Edit the selected contact")
        self.setting_button.clicked.connect(self.change_setting)
        self.allocate_button.clicked.connect(self.allocate)
        self.letter_button.clicked.connect(lambda: self.write_letter())
        self.plan_button.clicked.connect(self.open_plan)

        # --- tabs
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the record")
        self.summary = QWidget()
        self.summary_form = QFormLayout(self.summary)
        self.summary_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.summary_values: dict[str, QLabel] = {}
        for key, label in (
            ("next_deadline", "Next deadline"),
            ("address", "Address"),
            ("postcode", "Postcode"),
            ("home_language", "Home language"),
            ("primary_need", "Primary need"),
            ("secondary_need", "Secondary need"),
            ("looked_after", "Looked after"),
            ("setting", "Current setting"),
            ("caseworker", "Caseworker"),
            ("caseworker_contact", "Caseworker contact"),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAccessibleName(label)
            self.summary_values[key] = value
            self.summary_form.addRow(f"{label}:", value)

        self.family_model = ItemsModel[FamilyMember](
            [
                ("Name", lambda m: m.name),
                ("Relationship", lambda m: RELATIONSHIP_LABELS.get(m.relationship, m.relationship)),
                ("Main contact", lambda m: m.main_contact),
                ("Parental responsibility", lambda m: m.parental_responsibility),
                ("Communication needs", _communication),
                ("Prefers", lambda m: CONTACT_LABELS.get(m.preferred_contact, m.preferred_contact)),
                ("Phone", lambda m: m.phone),
                ("Email", lambda m: m.email),
                ("Language", lambda m: m.language),
            ],
            self,
        )
        self.family_view = _table("Family and contacts", self.family_model)
        self.family_view.doubleClicked.connect(self._edit_selected_member)
        family_tab = QWidget()
        family_layout = QVBoxLayout(family_tab)
        family_layout.addWidget(self.family_view)
        family_buttons = QHBoxLayout()
        family_buttons.addWidget(self.edit_member_button)
        family_buttons.addStretch(1)
        family_layout.addLayout(family_buttons)

        self.settings_model = ItemsModel[Placement](
            [
                ("Setting", lambda p: p.setting.name),
                ("Phase", lambda p: PHASE_LABELS.get(p.setting.phase, p.setting.phase)),
                ("URN", lambda p: p.setting.urn),
                ("From", lambda p: p.start_date),
                ("To", lambda p: p.end_date or "Current"),
            ],
            self,
        )
        self.allocations_model = ItemsModel[Allocation](
            [
                ("Caseworker", lambda a: a.caseworker),
                ("Team", lambda a: a.team),
                ("From", lambda a: a.start_date),
                ("To", lambda a: a.end_date or "Current"),
                ("Reason", lambda a: a.reason),
            ],
            self,
        )
        from send_desk.gui.event_fix import EventsTab

        self.events_tab = EventsTab(self.backend, self.ops, _table, self)
        self.events_tab.changed.connect(self._event_recorded)
        self.events_model = self.events_tab.model
        self.history_model = ItemsModel[HistoryEntry](
            [
                ("When", lambda h: h.at),
                ("Who", lambda h: h.by or "System"),
                ("What changed", lambda h: h.description),
            ],
            self,
        )
        self.tabs.addTab(self.summary, "S&ummary")
        self.timeline_tab = TimelineTab(context, self)
        self.timeline_tab.recorded.connect(self.changed)  # its op published the event
        self.tabs.addTab(self.timeline_tab, "Time&line")
        self.tabs.addTab(family_tab, "Fa&mily and contacts")
        self.tabs.addTab(_table("Settings, newest first", self.settings_model), "Se&tting")
        self.tabs.addTab(_table("Allocations, newest first", self.allocations_model), "Allocatio&n")
        self.tabs.addTab(self.events_tab, "E&vents")
        self.tabs.addTab(_table("History of changes, newest first", self.history_model), "&History")
        from send_desk.gui.notes.tab import NotesTab

        self.notes_tab = NotesTab(self.backend, self.ops, self)
        self.notes_tab.changed.connect(self.changed)  # the editor's op published the note
        self.tabs.addTab(self.notes_tab, "N&otes")
        from send_desk.gui.correspondence_page import CorrespondenceTab

        self.correspondence_tab = CorrespondenceTab(context, self)
        self.correspondence_tab.changed.connect(self.changed)  # it publishes its changes
        self.tabs.addTab(self.correspondence_tab, "Co&rrespondence")
        from send_desk.gui.record_letters import LettersTab

        self.letters_tab = LettersTab(context, self)
        self.tabs.addTab(self.letters_tab, "Letters")
        from send_desk.gui.record_documents import DocumentsTab

        self.documents_tab = DocumentsTab(context, self)
        self.documents_tab.changed.connect(self.changed)  # its op published the changes
        self.tabs.addTab(self.documents_tab, "&Documents")
        self.views = [self.tabs.widget(i) for i in range(self.tabs.count())]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.case_label)
        layout.addLayout(self.flags_row)
        layout.addWidget(self.comm_frame)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    # ---- loading

    def load(self, child_id: str) -> None:
        self.child_id = child_id
        self.changes_watch.stale = None  # loading now: what was missed is read anyway
        self.name_label.setText("Loading…")

        def failed(error: BaseException) -> None:
            self.name_label.setText("This record could not be opened")
            self.context.show_message(
                f"The child's record could not be opened: {getattr(error, 'message', error)}"
            )

        caseload = self.backend.caseload

        def work() -> ChildDetail:
            return caseload.child_detail(uuid.UUID(child_id))

        self.ops.run(work, self._show, failed)
        self.timeline_tab.load(child_id)

    def _event_recorded(self, child_id: str) -> None:
        """An event or exception was saved from the Timeline tab: show it everywhere."""
        self._publish(child_id, ChangeKind.EVENTS)

    def _publish(self, child_id: str, *kinds: ChangeKind) -> None:
        """Tell every page (this record too, through its watch) what a tab's write changed."""
        self.context.hub.publish(Changes.of(*kinds, children=[child_id]))
        self.changed.emit(child_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.changes_watch.reload_if_stale()  # what changed while another page showed

    def reload(self) -> None:
        if self.child_id:
            self.load(self.child_id)

    def _show(self, detail: ChildDetail) -> None:
        if detail.id.hex != self.child_id:
            return
        self.detail = detail
        today = self.backend.today()
        name = detail.full_name
        if detail.preferred_name:
            name += f" (known as {detail.preferred_name})"
        self.name_label.setText(name)
        self.name_label.setAccessibleName(f"Child: {name}")
        born = detail.date_of_birth
        facts = [f"Born {uk_date(born)} (age {_age(born, today)})"]
        facts.append(year_group_text(detail.year_group))
        if detail.upn:
            facts.append(f"UPN {detail.upn}")
        facts.append(SEX_LABELS.get(detail.sex, ""))
        self.facts_label.setText("  ·  ".join(facts))
        setting = detail.current_setting
        case = [f"Stage: {stage_label(detail.stage)}"]
        case.append(
            f"Caseworker: {detail.caseworker} ({detail.team} team)"
            if detail.caseworker
            else "Caseworker: not allocated"
        )
        case.append(f"Setting: {setting.name}" if setting else "Setting: none recorded")
        upcoming = detail.next_deadline
        case.append(f"Next: {_next_text(upcoming)}")
        self.case_label.setText("  ·  ".join(case))
        self._show_flags(detail.flags)
        self._show_communication(detail)
        values = self.summary_values
        values["next_deadline"].setText(_next_text(upcoming))
        values["next_deadline"].setStyleSheet(
            "color: #c62828; font-weight: bold;" if upcoming and upcoming.days_left < 0 else ""
        )
        values["address"].setText(detail.address or "Not recorded")
        values["postcode"].setText(detail.postcode or "Not recorded")
        values["home_language"].setText(detail.home_language or "Not recorded")
        values["primary_need"].setText(
            f"{detail.primary_need} – {need_label(detail.primary_need)}"
            if detail.primary_need
            else "Not yet known"
        )
        values["secondary_need"].setText(
            f"{detail.secondary_need} – {need_label(detail.secondary_need)}"
            if detail.secondary_need
            else "None"
        )
        values["looked_after"].setText(
            f"Yes, placed by {detail.placing_authority}" if detail.looked_after else "No"
        )
        values["setting"].setText(
            f"{setting.name} ({PHASE_LABELS.get(setting.phase, setting.phase)}"
            + (f", URN {setting.urn}" if setting.urn else "")
            + ")"
            if setting
            else "None recorded"
        )
        current = next((a for a in detail.allocations if a.current), None)
        values["caseworker"].setText(
            f"{current.caseworker}, {current.team} team, since {uk_date(current.start_date)}"
            if current
            else "Not allocated"
        )
        values["caseworker_contact"].setText(
            "  ·  ".join(x for x in (current.caseworker_phone, current.caseworker_email) if x)
            if current
            else ""
        )
        self.family_model.set_rows(detail.family)
        self.settings_model.set_rows(detail.placements)
        self.allocations_model.set_rows(detail.allocations)
        self.events_tab.set_events(detail.id.hex, list(reversed(detail.events)))
        self.history_model.set_rows(detail.history)
        self.notes_tab.load(detail.id.hex, detail.full_name)
        # the tab reads the (dict) detail itself when a dialog needs it
        self.correspondence_tab.load(detail.id.hex)
        self.letters_tab.load(detail.id.hex)
        self.documents_tab.load(detail.id.hex)
        for view in self.views:
            if isinstance(view, QTableView):
                view.resizeColumnsToContents()
        self.family_view.resizeColumnsToContents()
        self.loaded.emit(detail.id.hex)

    def _show_flags(self, flags: Sequence[str]) -> None:
        while self.flags_row.count():
            item = self.flags_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for flag in flags:
            chip = QLabel(f"⚑ {flag}")
            chip.setObjectName("flagChip")
            chip.setStyleSheet(
                "#flagChip { border: 1px solid palette(mid); border-radius: 9px; "
                "padding: 2px 8px; font-weight: bold; }"
            )
            chip.setAccessibleName(f"Flag: {flag}")
            self.flags_row.addWidget(chip)
        self.flags_row.addStretch(1)

    def _show_communication(self, detail: ChildDetail) -> None:
        needs = detail.communication_needs
        if needs:
            items = "".join(f"<li>{_escape(need)}</li>" for need in needs)
            self.comm_label.setText(
                f"<b>Communication needs</b><ul style='margin: 2px 0 0 -20px'>{items}</ul>"
            )
            self.comm_label.setAccessibleDescription("; ".join(needs))
        else:
            language = detail.home_language
            self.comm_label.setText(
                "<b>Communication needs</b><br>None recorded for the family"
                + (f" (home language: {_escape(language)})." if language else ".")
            )
            self.comm_label.setAccessibleDescription("None recorded")

    # ---- edits

    def _after_edit(self, dialog: QDialog) -> None:
        """Open the dialog window-modally without blocking; reload once it has saved."""
        self.dialog = dialog
        child_id = self.child_id

        def accepted() -> None:
            if child_id:
                self._publish(child_id, ChangeKind.CHILDREN)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def edit_child(self) -> None:
        if self.detail is not None:
            self._after_edit(ChildDialog(self.backend, self.ops, self.detail, self))

    def edit_member(self, member: FamilyMember | None) -> None:
        if self.child_id:
            self._after_edit(
                FamilyMemberDialog(self.backend, self.ops, self.child_id, member, self)
            )

    def _edit_selected_member(self, *_args: Any) -> None:
        index = self.family_view.currentIndex()
        member = self.family_model.row(index.row()) if index.isValid() else None
        if member is None and self.family_model.rowCount():
            member = self.family_model.row(0)
        if member is not None:
            self.edit_member(member)

    def _options(self) -> CaseloadOptions:
        options = self.context.caseload_options
        if not isinstance(options, CaseloadOptions):
            options = self.backend.caseload.caseload_options()
            self.context.caseload_options = options
        return options

    def change_setting(self) -> None:
        if self.child_id:
            settings = self._options().settings
            self._after_edit(PlacementDialog(self.backend, self.ops, self.child_id, settings, self))

    def write_letter(
        self, template: str | None = None, inputs: LetterInputs | None = None
    ) -> None:
        """Open the letter composer for this child (a template chosen, or the first the
        case offers); a saved letter shows in the record's history."""
        if not self.child_id:
            return
        from send_desk.gui.letters import open_letter_composer

        composer = open_letter_composer(
            self.backend, self.ops, self.child_id, template=template, inputs=inputs, parent=self
        )
        child_id = self.child_id
        composer.saved.connect(lambda _saved: self.changed.emit(child_id))  # it published
        self.dialog = composer

    def open_plan(self) -> None:
        """The EHC plan editor on the child's working draft; issuing it shows everywhere."""
        if not self.child_id or self.detail is None:
            return
        from send_desk.backend import ServiceError, StoreProblem
        from send_desk.gui.plans.editor import open_plan_editor

        child_id = self.child_id
        name = self.detail.full_name
        try:
            editor = open_plan_editor(self.context.backend, self.ops, child_id, name, self)
        except (ServiceError, StoreProblem) as error:  # say why, keep the record open
            self.context.show_message(
                f"The plan could not be opened: {getattr(error, 'message', error)}"
            )
            return
        # issuing records the draft plan issued: the plan and the deadlines changed
        editor.issued.connect(
            lambda: self._publish(child_id, ChangeKind.PLANS, ChangeKind.EVENTS)
        )
        self.dialog = editor

    def allocate(self) -> None:
        if self.child_id:
            workers = self._options().caseworkers
            self._after_edit(AllocationDialog(self.backend, self.ops, self.child_id, workers, self))


def _next_text(upcoming: NextDeadline | None) -> str:
    """'Issue the final plan: 12 days overdue (due 03/11/2026)', or why there is none."""
    if not upcoming:
        return "None open (no statutory deadline is running)"
    return deadline_label(upcoming)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
