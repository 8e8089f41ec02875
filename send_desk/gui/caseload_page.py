"""The Caseload page: filters, saved filters and the lazily filled table of children."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import CaseloadQuery
from send_desk.backend.caseload_models import CaseloadOptions
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.labels import NEEDS, STAGES
from send_desk.domain.school_year import nc_year_label
from send_desk.gui.caseload_model import ID_ROLE, CaseloadModel, rows_fetcher
from send_desk.gui.change_watch import ChangeWatch
from send_desk.gui.context import AppContext

DEBOUNCE_MS = 180
# the filters in use, remembered between sessions (never the typed text: it holds names)
FILTERS_KEY = "caseload/filters"
SAVED_FILTERS = (
    ("all", "All children"),
    ("mine", "My caseload"),
    ("my_team", "My team"),
    ("reviews_this_term", "Reviews due this term"),
    ("looked_after", "Looked-after children"),
    ("unallocated", "Not allocated"),
)

V = TypeVar("V")


def _combo(name: str, first: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    combo.addItem(first, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    # Short minimums so the filter bar fits a 1366-pixel laptop screen; the open
    # list still shows each entry in full.
    combo.setMinimumContentsLength(7)
    combo.view().setMinimumWidth(220)
    return combo


def _chosen(combo: QComboBox, default: V) -> V:
    """The combo's chosen value, or ``default`` while it shows its first item ("Any...")."""
    if combo.currentIndex() > 0:
        value: V = combo.currentData()
        return value
    return default


class CaseloadPage(QWidget):
    """Emits ``ids_loaded(count)`` each time a query's ids are in the model."""

    ids_loaded = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.total = 0
        self._generation = 0
        self._sort = ("name", False)
        self._loading_options = False
        # the remembered team and caseworker ids, by combo, until their lists load
        self._pending: dict[str, str] = {}
        self.setAccessibleName("Caseload")
        # rows show each child's details and next deadline: follow those writes
        self.changes_watch = ChangeWatch(
            self,
            context.hub,
            lambda changes: changes.touches(ChangeKind.CHILDREN, ChangeKind.EVENTS),
            self._changed,
        )

        self.model = CaseloadModel(rows_fetcher(self.backend.caseload), self)

        # --- filter bar
        self.saved = _combo("Saved filter", SAVED_FILTERS[0][1])
        self.saved.clear()
        for key, label in SAVED_FILTERS:
            self.saved.addItem(label, key)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by name, UPN, school or postcode")
        self.text.setAccessibleName("Filter children by name, UPN, school or postcode")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        self.team = _combo("Team", "All teams")
        self.caseworker = _combo("Caseworker", "All caseworkers")
        self.stage = _combo("Stage", "All stages")
        for code, label in STAGES:
            self.stage.addItem(label, code)
        self.need = _combo("Need", "All needs")
        for code, label in NEEDS:
            self.need.addItem(f"{code} – {label}", code)
        self.year = _combo("Year group", "All year groups")
        for year in range(-2, 15):
            self.year.addItem(nc_year_label(year), year)
        self.looked_after = QCheckBox("&Looked after")
        self.phase_transfer = QCheckBox("&Phase transfer")
        self.tribunal = QCheckBox("&Tribunal")
        self.overdue = QCheckBox("&Overdue")
        for check, name in (
            (self.looked_after, "Only looked-after children"),
            (self.phase_transfer, "Only children in a phase transfer year or with one recorded"),
            (self.tribunal, "Only children with a Tribunal appeal in the last 12 months"),
            (self.overdue, "Only children with a statutory deadline missed and not yet met"),
        ):
            check.setAccessibleName(name)
            check.setToolTip(check.toolTip() or name)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAccessibleName("Clear filters")
        self.count = QLabel()
        self.count.setAccessibleName("Number of children shown")

        top = QHBoxLayout()
        saved_label = QLabel("&Show")
        saved_label.setBuddy(self.saved)
        top.addWidget(saved_label)
        top.addWidget(self.saved)
        top.addWidget(self.text, 1)
        top.addWidget(self.count)
        second = QHBoxLayout()
        for widget in (self.team, self.caseworker, self.stage, self.need, self.year):
            second.addWidget(widget)
        second.addSpacing(8)
        for box in (self.looked_after, self.phase_transfer, self.tribunal, self.overdue):
            second.addWidget(box)
        second.addStretch(1)
        second.addWidget(self.clear_button)

        # --- table
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Children")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        widths = (170, 90, 70, 115, 185, 70, 130, 200, 55, 120, 120)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)

        # --- behaviour
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.team, self.caseworker, self.stage, self.need, self.year):
            combo.currentIndexChanged.connect(self._filters_changed)
        for box in (self.looked_after, self.phase_transfer, self.tribunal, self.overdue):
            box.toggled.connect(self._filters_changed)
        self.saved.currentIndexChanged.connect(self._saved_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.model.sort_requested.connect(self._sort_changed)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_filter)
        header_state = context.ui_state.load("caseload/header")
        if header_state is not None:
            header.restoreState(header_state)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)

    # ---- public

    def load_options(self) -> None:
        """Fill the team and caseworker choices (a quick read, in the background)."""
        self.ops.run(self.backend.caseload.caseload_options, self._options_loaded)

    def _options_loaded(self, options: CaseloadOptions) -> None:
        self._loading_options = True
        restored = False  # a remembered team or caseworker chosen now its list is here
        self.context.caseload_options = options
        choices = (
            (self.team, [(team.id.hex, team.name) for team in options.teams]),
            (
                self.caseworker,
                [(c.id.hex, f"{c.name} ({c.team})") for c in options.caseworkers],
            ),
        )
        for combo, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for key, label in items:
                combo.addItem(label, key)
            wanted = self._pending.pop(combo.accessibleName(), None) or current
            index = combo.findData(wanted) if wanted else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
            restored = restored or combo.currentData() != current
        self._pending.clear()
        self.total = options.children
        self._loading_options = False
        self._update_count()
        if restored:
            self.reload()

    def page_shown(self) -> None:
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.changes_watch.reload_if_stale()  # what changed while another page showed

    def search(self, text: str) -> None:
        """The global search box: show everyone matching the text."""
        self.saved.blockSignals(True)
        self.saved.setCurrentIndex(0)
        self.saved.blockSignals(False)
        self.text.setText(text)
        self._debounce.stop()
        self.reload()

    def focus_filter(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def query(self) -> CaseloadQuery:
        key = self.saved.currentData() or "all"
        me = self.backend.me()
        base = self.backend.caseload.saved_filter(
            key, caseworker_id=me.id if me else None, team_id=me.team_id if me else None
        )
        # a combo left on its first item ("Any ...") or a box unticked keeps the saved
        # filter's own value
        return replace(
            base,
            text=self.text.text(),
            sort=self._sort[0],
            descending=self._sort[1],
            team_id=_chosen(self.team, base.team_id),
            caseworker_id=_chosen(self.caseworker, base.caseworker_id),
            stage=_chosen(self.stage, base.stage),
            need=_chosen(self.need, base.need),
            year_group=_chosen(self.year, base.year_group),
            looked_after=self.looked_after.isChecked() or base.looked_after,
            phase_transfer=self.phase_transfer.isChecked() or base.phase_transfer,
            tribunal=self.tribunal.isChecked() or base.tribunal,
        )

    def reload(self) -> None:
        """Ask the backend for the ids matching the filters; the newest answer wins."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        query = self.query()
        overdue = self.overdue.isChecked()
        self._remember_filters()
        self.count.setText("Filtering…")

        def loaded(ids: list[str]) -> None:
            if generation != self._generation:
                return  # an older query finished after a newer one started
            selected = self.selected_id()
            self.model.set_ids(ids)
            if selected:
                row = self.model.row_of(selected)
                if row >= 0:
                    self.table.selectRow(row)
            self._update_count()
            self.ids_loaded.emit(len(ids))

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.count.setText("Could not filter")
                self.context.show_message(
                    f"The caseload could not be filtered: {getattr(error, 'message', error)}"
                )

        def work() -> list[str]:
            return [
                child.hex for child in self.backend.caseload.caseload_ids(query, overdue=overdue)
            ]

        self.ops.run(work, loaded, failed)

    def refresh(self, child_ids: list[str] | None = None) -> None:
        """A child changed or was added: re-read its row, re-run the query (it may no
        longer match) and count the children again."""
        self.model.refresh_rows(child_ids or [])
        self.reload()
        self.load_options()

    def _changed(self, changes: Changes) -> None:
        self.refresh([] if changes.all_children else [c.hex for c in changes.child_ids])

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def clear_filters(self) -> None:
        for combo in (self.team, self.caseworker, self.stage, self.need, self.year, self.saved):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.looked_after, self.phase_transfer, self.tribunal, self.overdue):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.context.settings.saved_filter = "all"
        self.reload()

    # ---- private

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = max(self.total, shown)
        noun = "child" if total == 1 else "children"
        self.count.setText(f"{shown:,} of {total:,} {noun}" if total else "No children yet")

    def _filters_changed(self, *_args: Any) -> None:
        if not self._loading_options:
            self.reload()

    def _saved_changed(self, _index: int) -> None:
        self.context.settings.saved_filter = self.saved.currentData() or "all"
        self.reload()

    def _sort_changed(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    def _open_index(self, index: QModelIndex) -> None:
        child_id = self.model.data(index, ID_ROLE)
        if child_id:
            self.context.open_child(child_id)

    def _save_header(self, *_args: Any) -> None:
        self.context.ui_state.save("caseload/header", self.table.horizontalHeader().saveState())

    def restore_saved_filter(self) -> None:
        """The saved filter and the other filters as they were last used."""
        index = self.saved.findData(self.context.settings.saved_filter)
        if index > 0:
            self.saved.blockSignals(True)
            self.saved.setCurrentIndex(index)
            self.saved.blockSignals(False)
        raw = self.context.ui_state.load(FILTERS_KEY)
        try:
            state = json.loads(bytes(raw.data()).decode()) if raw is not None else {}
        except ValueError:
            state = {}  # unreadable: start from no filters rather than fail
        if not isinstance(state, dict):
            return
        for combo in (self.stage, self.need, self.year):
            found = combo.findData(state.get(combo.accessibleName()))
            if found > 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(found)
                combo.blockSignals(False)
        for box in self._boxes():
            box.blockSignals(True)
            box.setChecked(bool(state.get(box.text().replace("&", ""))))
            box.blockSignals(False)
        for combo in (self.team, self.caseworker):
            wanted = state.get(combo.accessibleName())
            found = combo.findData(wanted) if wanted else -1
            if found > 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(found)
                combo.blockSignals(False)
            elif wanted:  # its list is not loaded yet
                self._pending[combo.accessibleName()] = str(wanted)

    def _boxes(self) -> tuple[QCheckBox, ...]:
        return (self.looked_after, self.phase_transfer, self.tribunal, self.overdue)

    def _remember_filters(self) -> None:
        if self._pending:  # the team or caseworker to restore is not in its list yet
            return
        state: dict[str, str | int | bool] = {
            combo.accessibleName(): combo.currentData()
            for combo in (self.team, self.caseworker, self.stage, self.need, self.year)
            if combo.currentIndex() > 0
        }
        state.update(
            {box.text().replace("&", ""): True for box in self._boxes() if box.isChecked()}
        )
        self.context.ui_state.save(FILTERS_KEY, QByteArray(json.dumps(state).encode()))
