"""My day: the statutory deadlines of the signed-in caseworker's caseload.

Overdue, due today and due in the next 10 working days, most at risk first (looked-
after children, phase transfers and children moving in before others), each with what
to do next in plain words; a double-click opens the child. Deadlines missed in the last
week without an apology to the family are offered for one, and the apology letter opens
in the letter composer. Actions from case notes, when there are any, are listed below.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.changes import ChangeKind
from send_desk.backend.clock_models import DeadlineRow, MyDay
from send_desk.backend.correspondence_models import DueItem
from send_desk.backend.day import day_counts, day_summary, status_text
from send_desk.backend.labels import ACTION_STATUS_LABELS
from send_desk.gui.change_watch import ChangeWatch
from send_desk.gui.clock_dialogs import ApologyDialog
from send_desk.gui.clock_models import StatusRowsModel, my_day_model
from send_desk.gui.context import AppContext
from send_desk.gui.formatting import uk_date
from send_desk.gui.items_model import TypedRows

SCOPES = (("mine", "My caseload"), ("team", "My team"), ("all", "Everyone in this store"))


@dataclass(frozen=True, slots=True)
class DayAction:
    """A row of the actions box: an action from a case note, or one a supervisor's
    audit left for the caseworker."""

    child_id: uuid.UUID
    child_name: str
    what: str
    owner: str
    due: date
    days_left: int  # negative when overdue
    status: str  # overdue, due_today, due
    audit_id: uuid.UUID | None = None  # the audit that left it; None: from a case note


@dataclass(frozen=True, slots=True)
class DayLoaded:
    """One load of the page: the statutory deadlines, those missed without an apology,
    and the case-note actions and correspondence due."""

    day: MyDay
    missed: tuple[DeadlineRow, ...]
    actions: list[DayAction]
    correspondence: list[DueItem]


# columns before "What to do next", narrow enough that it keeps ~300 px at 1366 px wide
WIDTHS = (104, 84, 122, 130, 200, 110, 120)
CASEWORKER_COLUMN = 6


def _long_date(value: Any) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}" if value else ""


class MyDayPage(QWidget):
    """Emits ``loaded(rows)`` each time the deadlines are in the table and
    ``summary_changed(text)`` with the short tally the status bar shows."""

    loaded = Signal(int)
    summary_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.data: DayLoaded | None = None
        self.counts: dict[str, dict[str, int]] = {}
        self.missed: list[DeadlineRow] = []
        self.dialog: ApologyDialog | None = None
        self._generation = 0
        self._loading = False
        self._again = False
        self.setAccessibleName("My day")
        # deadlines, notes to finish, correspondence due, and whose children are whose
        self.changes_watch = ChangeWatch(
            self,
            context.hub,
            lambda changes: changes.touches(
                ChangeKind.EVENTS, ChangeKind.NOTES, ChangeKind.CORRESPONDENCE,
                ChangeKind.CHILDREN,
            ),
            lambda _changes: self.reload(),
            reloads_when_shown=True,
        )  # fmt: skip

        self.title = QLabel("My day")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName("My day")
        self.summary = QLabel("Working out your deadlines…")
        self.summary.setAccessibleName("Summary of deadlines")
        self.summary.setWordWrap(True)

        self.scope = QComboBox()
        self.scope.setAccessibleName("Whose deadlines")
        for key, label in SCOPES:
            self.scope.addItem(label, key)
        index = self.scope.findData(context.settings.my_day_scope)
        self.scope.setCurrentIndex(max(index, 0))
        self.local = QCheckBox("&Local targets too")
        self.local.setAccessibleName("Show the council's local targets too")
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.setAccessibleName("Refresh My day")
        self.open_button = QPushButton("&Open child")
        self.open_button.setAccessibleName("Open the selected child's record")
        self.apology_button = QPushButton("&Apology letter…")
        self.apology_button.setAccessibleName(
            "Record that the family of the selected child is owed an apology letter"
        )
        self.apology_button.setToolTip(
            "For a missed deadline: record that the family is owed an apology and why"
        )

        # the prompt for deadlines missed without an apology
        self.banner = QFrame()
        self.banner.setObjectName("missedBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            "#missedBanner { border: 1px solid palette(mid); border-left: 5px solid #c62828; "
            "border-radius: 4px; background: palette(alternate-base); }"
        )
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName("Missed deadlines without an apology")
        self.banner_button = QPushButton("&Tell the families why…")
        self.banner_button.setAccessibleName("Record apology letters for missed deadlines")
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.hide()

        self.model: StatusRowsModel[DeadlineRow] = my_day_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Deadlines, most at risk first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # "What to do next" is the point of the page: it wraps in the last column, which
        # takes the width left over, so it is read without scrolling sideways
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_args: self._fit_rows())
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        self.actions_model: TypedRows[DayAction] = TypedRows(
            [
                ("Due", lambda r: r.due),
                ("Child", lambda r: r.child_name),
                ("Action", lambda r: r.what),
                ("Who", lambda r: r.owner),
                ("Status", lambda r: ACTION_STATUS_LABELS.get(r.status, "")),
            ],
            self,
            late_columns=(),  # the status column says overdue in words
        )
        self.actions_view = QTableView()
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setAccessibleName("Actions from case notes")
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.verticalHeader().hide()
        self.actions_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((88, 160, 520, 140)):
            self.actions_view.setColumnWidth(column, width)
        self.actions_view.setTabKeyNavigation(False)
        self.actions_view.doubleClicked.connect(self._open_action)
        self.actions_label = QLabel("Actions from case notes")
        self.actions_box = QWidget()
        actions_layout = QVBoxLayout(self.actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(self.actions_label)
        actions_layout.addWidget(self.actions_view)
        self.actions_box.hide()
        from send_desk.gui.correspondence_page import DueBox

        self.due_box = DueBox(context, self)  # replies, callbacks, complaint responses due
        self.due_box.refresh_requested.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        show = QLabel("&Show")
        show.setBuddy(self.scope)
        top.addWidget(show)
        top.addWidget(self.scope)
        top.addWidget(self.local)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.apology_button)
        buttons.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.actions_box)
        self.splitter.addWidget(self.due_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.local.toggled.connect(lambda _on: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.open_button.clicked.connect(self.open_selected)
        self.apology_button.clicked.connect(self.apology_for_selected)
        self.banner_button.clicked.connect(self.prompt_apologies)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self._selection_changed()

    # ---- loading

    def page_shown(self) -> None:
        self.reload()
        self.table.setFocus()

    def _who(self) -> dict[str, str]:
        """The scope as hex ids: {"caseworker_id": ...}, {"team_id": ...} or {}."""
        me = self.backend.me()
        scope = self.scope.currentData()
        if scope == "mine" and me:
            return {"caseworker_id": me.id.hex}
        if scope == "team" and me and me.team_id:
            return {"team_id": me.team_id.hex}
        return {}

    def reload(self) -> None:
        if self._loading:  # one load at a time: the newest request runs after it
            self._again = True
            return
        self._loading, self._again = True, False
        self._generation += 1
        generation = self._generation
        who = self._who()
        include_local = self.local.isChecked()
        self.summary.setText("Working out your deadlines…")

        def work() -> DayLoaded:
            worker, team = who.get("caseworker_id"), who.get("team_id")
            day = self.backend.clock.my_day(
                caseworker_id=uuid.UUID(worker) if worker else None,
                team_id=uuid.UUID(team) if team else None,
                include_local=include_local,
            )
            return DayLoaded(
                day=day,
                missed=self.backend.clock.missed_without_apology(day.rows),
                actions=self._note_actions(worker),
                correspondence=self._correspondence_due(who),
            )

        def done(data: DayLoaded) -> None:
            self._finished()
            if generation == self._generation and not self._again:
                self._show(data)

        def failed(error: BaseException) -> None:
            self._finished()
            if generation == self._generation:
                self.summary.setText("Your deadlines could not be worked out.")
                self.context.show_message(
                    f"My day could not be loaded: {getattr(error, 'message', error)}"
                )

        self.ops.run(work, done, failed)

    def _finished(self) -> None:
        self._loading = False
        if self._again:
            self.reload()

    def _note_actions(self, caseworker_id: str | None) -> list[DayAction]:
        """Actions due from case notes, as the rows of the actions box."""
        from send_desk.gui.formatting import audit_action_owner

        found = [
            DayAction(a.child_id, a.child_name, a.what, a.owner, a.due, a.days_left, a.status)
            for a in self.backend.notes.actions_due(caseworker_id=caseworker_id)
        ]
        # and the actions a supervisor's audit left for the caseworker
        for action in self.backend.supervision.actions_due(caseworker_id=caseworker_id):
            owner = audit_action_owner(action)
            found.append(
                DayAction(
                    action.child_id,
                    action.child_name,
                    action.what,
                    owner,
                    action.due,
                    action.days_left,
                    action.status,
                    audit_id=action.audit_id,
                )
            )
        return sorted(found, key=lambda action: action.due)

    def _correspondence_due(self, who: Mapping[str, str | None]) -> list[DueItem]:
        """Replies, callbacks and complaint responses due."""
        return self.backend.correspondence.due(
            caseworker_id=who.get("caseworker_id"), team_id=who.get("team_id")
        )

    def _show(self, data: DayLoaded) -> None:
        self.data = data
        day = data.day
        self.title.setText(f"My day – {_long_date(day.today)}")
        scope = self.scope.currentText().lower()
        actions = data.actions
        due = data.correspondence
        # one tally for the header, the boxes below and the status bar
        tally = [{"kind": r.kind, "status": r.status, "days_left": r.days_left} for r in due]
        counts = day_counts(
            day.rows, tally, [{"status": a.status, "days_left": a.days_left} for a in actions]
        )
        self.counts = counts
        soon = f"Next 10 working days (to {uk_date(day.up_to)})"
        self.summary.setText(
            f"{day_summary(counts, soon)}. {scope.capitalize()}; statutory deadlines most "
            "at risk first: looked-after children, phase transfers and children moving in."
        )
        self.summary.setAccessibleName(self.summary.text())
        self.summary_changed.emit(status_text(counts))
        self.table.setColumnHidden(CASEWORKER_COLUMN, self.scope.currentData() == "mine")
        self.model.set_rows(day.rows)
        self._fit_rows()
        self.missed = list(data.missed)
        if self.missed:
            count = len(self.missed)
            self.banner_label.setText(
                f"<b>{count} deadline{'s were' if count != 1 else ' was'} missed in the last "
                "7 days</b> and no apology is recorded. The family should be told why, and "
                "what happens next."
            )
            self.banner_label.setAccessibleName(self.banner_label.text())
        self.banner.setVisible(bool(self.missed))
        self.actions_model.set_rows(actions)
        self.actions_label.setText(f"Actions from case notes ({len(actions)})")
        self.actions_box.setVisible(bool(actions))
        self.due_box.set_rows(due)
        self._selection_changed()
        self.loaded.emit(len(day.rows))

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped "What to do next" (after a load or a resize)."""
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    # ---- actions

    def selected_row(self) -> DeadlineRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_args: Any) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None)
        self.apology_button.setEnabled(
            row is not None and row.section == "overdue" and not row.apology_requested
        )

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.context.open_child(row.child_id.hex)

    def _open_action(self, index: QModelIndex) -> None:
        row = self.actions_model.row(index.row())
        if row is not None:
            self.context.open_child(row.child_id.hex)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.context.open_child(row.child_id.hex)

    def apology_for_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._apologies([row])

    def prompt_apologies(self) -> None:
        if self.missed:
            self._apologies(self.missed)

    def _apologies(self, rows: list[DeadlineRow]) -> None:
        dialog = ApologyDialog(self.backend, self.ops, rows, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.reload() if dialog.recorded else None)
        dialog.finished.connect(lambda _result: self._write_apology(dialog.recorded))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _write_apology(self, recorded: list[DeadlineRow]) -> None:
        """Straight on to the apology letter (the letters composer) for the first one."""
        if recorded:
            from send_desk.gui.letters import open_apology_letter

            first = recorded[0]
            row = {"child_id": first.child_id.hex, "milestone": first.milestone, "due": first.due}
            self.letter_composer = open_apology_letter(self.backend, self.ops, row, self)

    def _scope_changed(self, _index: int) -> None:
        self.context.settings.my_day_scope = self.scope.currentData() or "mine"
        self.reload()
