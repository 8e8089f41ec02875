"""The EHC plan editor: sections A to K, a live checklist, the draft kept as you type.

Sections are listed on the left with their statutory titles, each ticked or crossed
from the last check; the section being written is in the middle; the checklist of the
plan standard is on the right. The check runs a moment after typing stops (on the GUI
thread: it takes a few milliseconds; off it for a very long plan), and a result that
arrives after newer typing is dropped. What is typed is saved whole as the working
draft in the encrypted store, so a crash loses nothing and reopening the editor brings
it back. A plan that could not be read back (a link to an item that is gone) is never
saved: the last save stands and the error says what to put right. Issuing the draft,
finalising it (the final plan naming the school) and proposing an amendment are the
steps of gui.plans.issuing, each enabled when the plan's versions allow it; with
criteria not met each asks first.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QWidget

from send_desk.backend import Backend, ServiceError, StoreProblem
from send_desk.backend.plans_models import IssueResult, PlanDraft, PlanVersionRow
from send_desk.gui.formatting import uk_datetime
from send_desk.gui.forms.ui_plan_editor import Ui_PlanEditorDialog
from send_desk.gui.ops import Ops
from send_desk.gui.plans import export as plan_export
from send_desk.gui.plans import form, issuing
from send_desk.gui.plans.delegates import ItemDelegate
from send_desk.gui.plans.export import PlanExportDialog
from send_desk.gui.plans.fields import target_of
from send_desk.gui.plans.finalise import PlanAmendDialog, PlanFinaliseDialog
from send_desk.gui.plans.issue import (
    IssueConfirmation,
    IssuedNotice,
    OrderConfirmation,
    PlanIssueDialog,
)
from send_desk.gui.plans.models import (
    COLUMNS,
    CRITERION_ROLE,
    ITEM_SECTIONS,
    SECTION_ROLE,
    PlanChecklistModel,
    PlanItem,
    SectionItemsModel,
    SectionListModel,
    parse_ids,
)
from send_desk.gui.plans.signals import notify
from send_desk.plans import (
    SECTION_TITLES,
    Need,
    Outcome,
    Plan,
    PlanFormatError,
    Provision,
    check_plan,
    parse_plan,
)
from send_desk.plans.checker import PlanCheckResult
from send_desk.plans.model import NONE_SECTIONS

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 300
DRAFT_DELAY_MS = 1200
# The check takes about 3 ms for a plan of a few pages; a plan this long (pasted
# reports) is checked off the GUI thread so typing never stalls.
BACKGROUND_CHECK_CHARS = 40_000

PAGES = {"A": 0, "I": 2, "J": 3, "K": 4}  # every other section is the items page (1)


class PlanEditor(QDialog):
    """Write the child's EHC plan: the working draft, checked as it is typed."""

    # declared without arguments so they are emitted by Qt (see gui.plans.signals):
    checked = Signal()  # last_check holds the result
    draft_saved = Signal()  # last_draft holds the draft as kept
    issued = Signal()  # issued_result holds the draft issued
    finalised = Signal()  # issued_result holds the final (or amended) plan issued
    amended = Signal()  # issued_result holds the amendment notice issued
    exported = Signal()  # exported_to holds the file written

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        child_name: str,
        draft: PlanDraft,
        *,
        recovered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.child_id = child_id
        self.base = draft.plan
        self.last_check: PlanCheckResult | None = None
        self.issue_dialog: PlanIssueDialog | None = None
        self.finalise_dialog: PlanFinaliseDialog | None = None
        self.amend_dialog: PlanAmendDialog | None = None
        self.versions: tuple[PlanVersionRow, ...] = ()
        self.confirm_box: IssueConfirmation | OrderConfirmation | None = None
        self.issued_box: IssuedNotice | None = None  # what the clock asks to check
        self.export_dialog: PlanExportDialog | None = None
        self.exported_to: Path | None = None
        self.child_name = child_name
        self.issued_result: IssueResult | None = None
        self.last_draft = draft
        self.current = "A"
        self._generation = 0
        self._dirty = False
        self._loading = True
        self._closing = False
        self._none: dict[str, str] = {}
        self._received: tuple[str, ...] | None = None
        self.ui = Ui_PlanEditorDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(f"EHC plan: {child_name} – SEND Desk")
        self.setAccessibleName(f"EHC plan for {child_name}")
        ui.errorLabel.hide()
        ui.errorLabel.setStyleSheet(
            "color: palette(bright-text); background: #b71c1c; padding: 6px;"
        )
        for label in (ui.sectionTitle, ui.checklistTitle):
            font = QFont(label.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            label.setFont(font)

        self.sections = SectionListModel(self)
        ui.sectionList.setModel(self.sections)
        ui.sectionList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.sectionList.selectionModel().currentChanged.connect(self._section_chosen)
        self.checklist = PlanChecklistModel(self)
        ui.checklistView.setModel(self.checklist)
        ui.checklistView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.checklistView.activated.connect(self.go_to_index)
        ui.checklistView.clicked.connect(self.go_to_index)
        ui.checklistView.selectionModel().currentChanged.connect(self._explain)
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 4)
        ui.splitter.setStretchFactor(2, 2)
        ui.splitter.setSizes([230, 700, 330])

        s = self.base.sections
        self.models: dict[str, SectionItemsModel] = {}
        sources: dict[str, tuple[PlanItem, ...]] = {
            "B": s.B.items, "C": s.C.items, "D": s.D.items, "E": s.E,
            "F": s.F.items, "G": s.G.items, "H1": s.H1.items, "H2": s.H2.items,
        }  # fmt: skip
        for key in ITEM_SECTIONS:
            model = SectionItemsModel(key, sources[key], self.link_choices, self)
            model.dataChanged.connect(self._changed)
            model.rowsInserted.connect(self._changed)
            model.rowsRemoved.connect(self._changed)
            model.refused.connect(lambda text: self.show_error(text))
            self.models[key] = model
        for key in NONE_SECTIONS:
            reason = getattr(s, key).none_reason
            self._none[key] = reason or ""
        table = ui.itemsTable
        table.setItemDelegate(ItemDelegate(self.base.date, self.describe, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Delete empties the cell chosen (a date once given can be taken out again)
        clear = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.clear_cell)
        # the answers in the combo's order (the combo shows their words)
        self._direct_answers: list[bool | str | None] = [None, True, False]
        for words in ("Not said yet", "Yes: direct payments are made", "No direct payments"):
            ui.directPaymentsCombo.addItem(words)
        self._load()

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.refresh_checklist)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)

        for text in (ui.childViewsEdit, ui.parentViewsEdit, ui.aspirationsEdit,
                     ui.budgetCoversEdit, ui.adviceEdit):  # fmt: skip
            text.textChanged.connect(self._changed)
            text.setTabChangesFocus(True)  # Tab goes on to the next field, as in a form
        for line in (ui.childReasonEdit, ui.placementTypeEdit, ui.placementNameEdit,
                     ui.budgetOutcomesEdit):  # fmt: skip
            line.textChanged.connect(self._changed)
        ui.budgetOutcomesEdit.editingFinished.connect(self._check_budget_outcomes)
        ui.noneEdit.textChanged.connect(self._none_changed)
        for check in (ui.typeOnlyCheck, ui.budgetRequestedCheck):
            check.toggled.connect(self._changed)
        ui.directPaymentsCombo.currentIndexChanged.connect(self._changed)
        ui.addItemButton.clicked.connect(lambda: self.add_item())
        ui.removeItemButton.clicked.connect(self.remove_item)
        ui.addReceivedButton.clicked.connect(self.add_received_advice)
        ui.issueButton.clicked.connect(self.issue)
        ui.finaliseButton.clicked.connect(self.finalise)
        ui.amendButton.clicked.connect(self.propose_amendment)
        ui.closeButton.clicked.connect(self.close_keeping_draft)
        ui.exportButton.clicked.connect(self.export)
        self._loading = False

        ui.sectionList.setCurrentIndex(self.sections.index(0))
        issuing.refresh_steps(self)
        if recovered:
            ui.statusLabel.setText(f"Opened the draft kept at {uk_datetime(draft.saved_at)}.")
        else:
            ui.statusLabel.setText(issuing.new_draft_text(self.versions))
        self.refresh_checklist()
        ui.sectionList.setFocus()

    # ------------------------------------------------------------ the plan

    def _load(self) -> None:
        self._direct_answers = form.load(self.ui, self.base, self._direct_answers)

    def _ids(self, section: str) -> tuple[str, ...]:
        return tuple(item.id for item in self.models[section].items)

    def link_choices(self, section: str, key: str) -> tuple[str, ...]:
        """The ids an item of ``section`` may name in its ``key`` (needs or outcomes)."""
        if key == "outcomes":
            return self._ids("E")
        return tuple(i for source in form.NEED_SOURCES.get(section, ()) for i in self._ids(source))

    def describe(self, item_id: str) -> str:
        """The start of an item's text, to pick it by more than its id."""
        return form.describe(self.models, item_id)

    def plan(self) -> Plan:
        """The plan as the editor holds it (the draft's other keys kept)."""
        direct = self._direct_answers[max(0, self.ui.directPaymentsCombo.currentIndex())]
        return form.plan_of(self.ui, self.base, self.models, self._none, direct)

    # ------------------------------------------------------------ sections

    def _section_chosen(self, index: QModelIndex, *_args: object) -> None:
        key = index.data(SECTION_ROLE) if index.isValid() else None
        if isinstance(key, str):
            self._show_section(key)

    def show_section(self, key: str) -> None:
        """Choose a section in the list (which shows its page)."""
        row = self.sections.row_of(key)
        if row >= 0:
            self.ui.sectionList.setCurrentIndex(self.sections.index(row))
            self._show_section(key)

    def _show_section(self, key: str) -> None:
        ui = self.ui
        self.current = key
        ui.sectionTitle.setText(f"Section {key}: {SECTION_TITLES[key]}")
        ui.sectionStack.setCurrentIndex(PAGES.get(key, 1))
        self.checklist.set_current_section(key)
        if key not in COLUMNS:
            return
        model = self.models[key]
        table = ui.itemsTable
        if table.model() is not model:
            table.setModel(model)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            for column, spec in enumerate(model.columns):
                width = {"id": 44, "check": 70, "area": 90, "date": 96, "links": 90}.get(
                    spec.kind, 200 if key in ("B", "C", "D", "E") else 130
                )
                table.setColumnWidth(column, width)
        ui.itemsHint.setText(form.HINTS[key])
        ui.itemsTable.setAccessibleName(f"Items of section {key}")
        has_none = key in NONE_SECTIONS
        ui.noneLabel.setVisible(has_none)
        ui.noneEdit.setVisible(has_none)
        if has_none:
            loading, self._loading = self._loading, True
            ui.noneEdit.setText(self._none.get(key, ""))
            self._loading = loading

    def _none_changed(self, text: str) -> None:
        if not self._loading and self.current in NONE_SECTIONS:
            self._none[self.current] = text
            self._changed()

    def add_item(self, section: str | None = None) -> int:
        """A new item at the end of the section (shown), its first field being edited."""
        key = section or self.current
        if key not in self.models:
            return -1
        self.show_section(key)
        new_id = self.plan().next_id(key)
        model = self.models[key]
        item: PlanItem
        if key in ("B", "C", "D"):
            item = Need(new_id, primary=key == "B" and not model.items)
        elif key == "E":
            item = Outcome(new_id)
        else:
            item = Provision(new_id)
        row = model.append(item)
        table = self.ui.itemsTable
        index = model.index(row, 1)
        table.setCurrentIndex(index)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        table.edit(index)
        return row

    def remove_item(self) -> None:
        """Remove the current item; links to it from other items go with it."""
        model = self.models.get(self.current)
        if model is None or not model.rowCount():
            return
        row = self.ui.itemsTable.currentIndex().row()
        removed = model.remove(row if row >= 0 else model.rowCount() - 1)
        if removed is None:
            return
        for other in self.models.values():
            other.drop_links(removed.id)
        if removed.id in parse_ids(self.ui.budgetOutcomesEdit.text()):
            kept = [i for i in parse_ids(self.ui.budgetOutcomesEdit.text()) if i != removed.id]
            self.ui.budgetOutcomesEdit.setText(", ".join(kept))

    def clear_cell(self) -> None:
        """Empty the current cell of the items table (not its id or a tick box)."""
        table = self.ui.itemsTable
        index = table.currentIndex()
        model = self.models.get(self.current)
        if model is None or not index.isValid():
            return
        if model.columns[index.column()].kind in ("id", "check"):
            return
        model.setData(index, None, Qt.ItemDataRole.EditRole)

    def _check_budget_outcomes(self) -> None:
        outcomes = self._ids("E")
        unknown = [i for i in parse_ids(self.ui.budgetOutcomesEdit.text()) if i not in outcomes]
        if unknown:
            self.show_error(
                f"Section J: there is no outcome {', '.join(unknown)} in Section E "
                f"(it can name {', '.join(outcomes) or 'none yet'})."
            )

    def add_received_advice(self) -> None:
        """List in K the advice the case has received that K does not list yet."""
        if self.last_check is None:
            return
        missing = self.last_check.criterion("k_all_advice_listed").items
        if missing:
            text = self.ui.adviceEdit.toPlainText().rstrip("\n")
            self.ui.adviceEdit.setPlainText("\n".join([t for t in (text,) if t] + list(missing)))

    # ------------------------------------------------------------ live checklist

    def _changed(self, *_args: object) -> None:
        if self._loading or self._closing:
            return
        self._dirty = True
        self.check_timer.start()
        self.draft_timer.start()
        self.ui.statusLabel.setText("Draft not saved yet…")

    def refresh_checklist(self) -> None:
        """Check the plan as it stands: on the GUI thread (a few milliseconds), off it
        through the ops helper when the plan is long."""
        self._generation += 1
        generation = self._generation
        # checked as issuing it today would check it: dated today, with the case's advice
        plan = replace(self.plan(), date=self.backend.today(), advice_received=self._advice())
        if len(json.dumps(plan.to_json())) < BACKGROUND_CHECK_CHARS:
            self._show_check(generation, check_plan(plan))
            return
        self.ui.scoreLabel.setText("Checking…")
        self.ops.run(
            lambda: check_plan(plan),
            lambda result: self._show_check(generation, result),
            lambda error: self.show_error(f"The plan could not be checked: {error}"),
        )

    def _advice(self) -> tuple[str, ...]:
        """The kinds of advice the case has received, asked of the store once."""
        if self._received is None:
            try:
                received = self.backend.plans.advice_received(self.child_id)
            except (ServiceError, StoreProblem, OSError) as error:
                # checked against the advice the draft was started with, and said so
                self.show_error(
                    "The advice received could not be read from the store "
                    f"({getattr(error, 'message', error)}): Section K is checked against "
                    "the advice known when the draft was started."
                )
                return self.base.advice_received
            self._received = received
        return self._received

    def _show_check(self, generation: int, result: PlanCheckResult) -> None:
        if generation != self._generation:
            return  # typing went on: a newer check is coming
        self.last_check = result
        self.sections.set_result(result)
        self.checklist.set_result(result)
        failed = len(result.failed)
        self.ui.scoreLabel.setText(
            f"{result.passed} of {result.applicable} met"
            + (f" — {failed} to put right" if failed else " — ready to issue")
        )
        missing = result.criterion("k_all_advice_listed").items
        self.ui.addReceivedButton.setEnabled(bool(missing))
        notify(self, "checked")

    def _explain(self, index: QModelIndex, *_args: object) -> None:
        row = self.checklist.item(index.row()) if index.isValid() else None
        if row is None:
            return
        said = " ".join(row.details or (row.message,)) if not row.passed else "met."
        self.ui.itemHelp.setText(f"<b>{row.label}</b>: {said}")

    def go_to_index(self, index: QModelIndex) -> None:
        criterion = index.data(CRITERION_ROLE) if index.isValid() else None
        if isinstance(criterion, str):
            self._explain(index)
            self.go_to(criterion)

    def go_to(self, criterion_id: str) -> QWidget | None:
        """Show the section of a criterion and select the item (and field) it names."""
        if self.last_check is None:
            return None
        result = self.last_check.criterion(criterion_id)
        known = {key: set(self._ids(key)) for key in self.models}
        target = target_of(result, known)
        self.show_section(target.section)
        ui = self.ui
        if target.section in self.models:
            model, table = self.models[target.section], ui.itemsTable
            if target.item is not None:
                column = model.column_of(target.column or "") if target.column else -1
                table.setCurrentIndex(model.index(model.row_of(target.item), max(column, 1)))
                table.scrollTo(table.currentIndex())
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            return table
        fields: dict[str, QWidget] = {
            "child_views": ui.childViewsEdit,
            "child_views_not_obtained_reason": ui.childReasonEdit,
            "parent_views": ui.parentViewsEdit,
            "aspirations": ui.aspirationsEdit,
            "type": ui.placementTypeEdit,
            "name": ui.placementNameEdit,
            "covers": ui.budgetCoversEdit,
            "advice": ui.adviceEdit,
        }
        widget = fields.get(target.field or "") or ui.sectionStack.currentWidget()
        if widget is None:
            return None
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    # ------------------------------------------------------------ the draft

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def save_draft(self) -> bool:
        """Keep the plan as typed as the working draft; False when it could not be."""
        if not self._dirty or self.issued_result is not None:
            return not self._dirty
        plan = self.plan()
        try:
            parse_plan(plan.to_json())  # what could not be read back is never kept
        except PlanFormatError as error:
            self.show_error(f"The draft is not kept until this is put right: {error}")
            return False
        try:
            draft = self.backend.plans.save_draft(self.child_id, plan)
        except (ServiceError, OSError) as error:
            self.ui.statusLabel.setText(
                f"The draft could not be kept: {getattr(error, 'message', error)}"
            )
            return False
        self._dirty = False
        self.ui.errorLabel.hide()
        self.ui.statusLabel.setText(f"Draft kept at {datetime.now():%H:%M:%S}.")
        self.last_draft = draft
        notify(self, "draft_saved")
        return True

    def close_keeping_draft(self) -> None:
        self.reject()

    def reject(self) -> None:
        if not self._closing:
            self.draft_timer.stop()
            self.save_draft()
            self._closing = True
        self.check_timer.stop()
        super().reject()

    # ------------------------------------------------------------ issuing (gui.plans.issuing)

    def issue(self) -> None:
        """Ask for the issue date, then issue the draft (saved first)."""
        issuing.issue(self)

    def finalise(self) -> None:
        """Ask for the date and the school, then issue the final (or amended) plan."""
        issuing.finalise(self)

    def propose_amendment(self) -> None:
        """Ask for the date and the reason, then issue the amendment notice."""
        issuing.propose_amendment(self)

    def export(self) -> None:
        """Ask what to export and where, then write the PDF or Word file."""
        plan_export.export(self)

    def stop_for_good(self) -> None:
        """A version was issued: nothing more is checked or saved from this editor."""
        self._closing = True
        self.draft_timer.stop()
        self.check_timer.stop()


def open_plan_editor(
    backend: Backend, ops: Ops, child_id: str, child_name: str, parent: QWidget | None = None
) -> PlanEditor:
    """The editor on the child's working draft (a new one, filled in from the case, when
    there is none). Raises the backend's errors (the caller says what went wrong)."""
    existing = backend.plans.working_draft(child_id)
    draft = existing or backend.plans.start_draft(child_id)
    editor = PlanEditor(
        backend, ops, child_id, child_name, draft, recovered=existing is not None, parent=parent
    )
    editor.finished.connect(editor.deleteLater)
    editor.open()
    return editor


__all__ = ["PlanEditor", "open_plan_editor"]
