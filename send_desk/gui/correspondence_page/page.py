"""The Correspondence page: every item awaiting a reply, callbacks, complaints, who is away."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.changes import ChangeKind
from send_desk.backend.correspondence_models import (
    Absence,
    Availability,
    Callback,
    Complaint,
    CorrespondenceRow,
    DutyDay,
)
from send_desk.gui.change_watch import ChangeWatch
from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_dialogs import (
    AvailabilityDialog,
)
from send_desk.gui.correspondence_page.actions import Actions
from send_desk.gui.correspondence_page.models import (
    CALLBACK_COLUMNS,
    ITEM_COLUMNS,
    LazyItemsModel,
    TypedRows,
    complaint_columns,
    selected,
    table,
)

ITEM_SHOW = (
    ("open", "Awaiting a reply"),
    ("overdue", "Overdue"),
    ("due_by", "Due in the next 5 working days"),
    ("answered", "Answered"),
    ("all", "All"),
)
CALLBACK_SHOW = (("upcoming", "Not yet made"), ("missed", "Missed"), ("today", "Today"),
                 ("all", "All"))  # fmt: skip
COMPLAINT_SHOW = (("open", "Open"), ("overdue", "Overdue"), ("closed", "Closed"), ("all", "All"))
SCOPES = (("mine", "My caseload"), ("team", "My team"), ("all", "Everyone in this store"))


@dataclass(frozen=True, slots=True)
class Who:
    """Whose correspondence the page shows (neither: everyone's)."""

    caseworker_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Lists:
    """What one reload read."""

    ids: list[uuid.UUID]
    open: int
    overdue: int
    callbacks: list[Callback]
    missed: int
    complaints: list[Complaint]
    open_complaints: int
    availability: Availability


class CorrespondencePage(QWidget, Actions):
    """Emits ``loaded(count)`` each time a list has been read."""

    loaded = Signal(int)
    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self._generation = 0
        self.setAccessibleName("Correspondence")
        self.changes_watch = ChangeWatch(
            self,
            context.hub,
            lambda changes: changes.touches(ChangeKind.CORRESPONDENCE, ChangeKind.CHILDREN),
            lambda _changes: self.reload(),
            reloads_when_shown=True,
        )

        self.title = QLabel("Correspondence")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel("Reading the correspondence…")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.scope = QComboBox()
        self.scope.setAccessibleName("Whose correspondence")
        for key, label in SCOPES:
            self.scope.addItem(label, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a child, sender or words…")
        self.search.setAccessibleName("Find correspondence")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.refresh_button = QPushButton("&Refresh")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        # --- items
        self.item_show = QComboBox()
        self.item_show.setAccessibleName("Which items")
        for key, label in ITEM_SHOW:
            self.item_show.addItem(label, key)
        self.items_model = LazyItemsModel(self.backend.correspondence.rows, ITEM_COLUMNS, self)
        self.items_view = table(
            "Correspondence awaiting a reply, soonest due first",
            self.items_model,
            (120, 88, 90, 150, 110, 150, 88, 320, 140),
        )
        self.respond_button = QPushButton("Record the &reply…")
        self.item_callback_button = QPushButton("&Book a callback…")
        self.item_complaint_button = QPushButton("Make it a com&plaint…")
        self.log_button = QPushButton("&Log another item for this child…")
        self.open_button = QPushButton("&Open child")
        items_tab = self._tab(
            self.item_show,
            self.items_view,
            (self.respond_button, self.item_callback_button, self.item_complaint_button,
             self.log_button, self.open_button),
        )  # fmt: skip

        # --- callbacks
        self.callback_show = QComboBox()
        self.callback_show.setAccessibleName("Which callbacks")
        for key, label in CALLBACK_SHOW:
            self.callback_show.addItem(label, key)
        self.callbacks_model = TypedRows(CALLBACK_COLUMNS, self, late_columns=(0, 1))
        self.callbacks_view = table(
            "Callbacks", self.callbacks_model, (90, 140, 150, 150, 110, 260, 160)
        )
        self.outcome_button = QPushButton("What &happened…")
        self.confirm_button = QPushButton("Con&firmation letter…")
        self.callback_open_button = QPushButton("&Open child")
        callbacks_tab = self._tab(
            self.callback_show,
            self.callbacks_view,
            (self.outcome_button, self.confirm_button, self.callback_open_button),
        )

        # --- complaints
        self.complaint_show = QComboBox()
        self.complaint_show.setAccessibleName("Which complaints")
        for key, label in COMPLAINT_SHOW:
            self.complaint_show.addItem(label, key)
        self.complaints_model = TypedRows(
            complaint_columns(self.backend.correspondence.vocabulary()), self
        )
        self.complaints_view = table(
            "Complaints",
            self.complaints_model,
            (130, 100, 90, 160, 88, 150, 140, 260, 140, 140, 110),
        )
        self.step_button = QPushButton("Record the &next step…")
        self.cause_button = QPushButton("Root cause and &lessons…")
        self.complaint_open_button = QPushButton("&Open child")
        complaints_tab = self._tab(
            self.complaint_show,
            self.complaints_view,
            (self.step_button, self.cause_button, self.complaint_open_button),
        )

        # --- availability
        self.absence_model: TypedRows[Absence] = TypedRows(
            [("Away", lambda r: r.name), ("From", lambda r: r.first_day),
             ("To", lambda r: r.last_day), ("Reason", lambda r: r.reason)],
            self, late_columns=(),
        )  # fmt: skip
        self.duty_model: TypedRows[DutyDay] = TypedRows(
            [("Date", lambda r: r.on_date), ("Team", lambda r: r.team),
             ("Duty officer", lambda r: r.name)],
            self, late_columns=(),
        )  # fmt: skip
        self.availability_button = QPushButton("Add an absence or a &duty day…")
        availability = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(table("Who is away in the next four weeks", self.absence_model,
                              (180, 90, 90)))  # fmt: skip
        split.addWidget(table("Duty rota for the next four weeks", self.duty_model, (100, 100)))
        layout = QVBoxLayout(availability)
        note = QLabel(
            "A callback for a child whose caseworker is away goes to the team's duty "
            "officer that day."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addWidget(self.availability_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Correspondence, callbacks, complaints and duty rota")
        self.tabs.addTab(items_tab, "&Awaiting a reply")
        self.tabs.addTab(callbacks_tab, "&Callbacks")
        self.tabs.addTab(complaints_tab, "Co&mplaints")
        self.tabs.addTab(availability, "Away and on &duty")

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        show = QLabel("&Show")
        show.setBuddy(self.scope)
        top.addWidget(show)
        top.addWidget(self.scope)
        top.addWidget(self.search)
        top.addWidget(self.refresh_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 6)
        outer.addLayout(top)
        outer.addWidget(self.summary)
        outer.addWidget(self.tabs, 1)

        for combo in (self.scope, self.item_show, self.callback_show, self.complaint_show):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.respond_button.clicked.connect(self._respond_selected)
        self.item_callback_button.clicked.connect(self._callback_for_selected)
        self.item_complaint_button.clicked.connect(self._complaint_for_selected)
        self.log_button.clicked.connect(self._log_for_selected)
        self.open_button.clicked.connect(lambda: self._open_child(self.items_view))
        self.outcome_button.clicked.connect(self._outcome_selected)
        self.confirm_button.clicked.connect(self._confirm_selected)
        self.callback_open_button.clicked.connect(lambda: self._open_child(self.callbacks_view))
        self.step_button.clicked.connect(self._step_selected)
        self.cause_button.clicked.connect(lambda: self._step_selected("update"))
        self.complaint_open_button.clicked.connect(lambda: self._open_child(self.complaints_view))
        self.availability_button.clicked.connect(self.add_availability)
        for view in (self.items_view, self.callbacks_view, self.complaints_view):
            view.doubleClicked.connect(lambda _index, v=view: self._open_child(v))
        QShortcut(QKeySequence("F5"), self, self.reload)

    def _tab(self, show: QComboBox, view: QTableView, buttons: Sequence[QPushButton]) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        top = QHBoxLayout()
        label = QLabel("Sho&w")
        label.setBuddy(show)
        top.addWidget(label)
        top.addWidget(show)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return widget

    # ---- loading

    def page_shown(self) -> None:
        self.reload()

    def search_text(self, text: str) -> None:
        self.search.setText(text)

    def _who(self) -> Who:
        me = self.backend.me()
        scope = self.scope.currentData()
        if scope == "mine" and me:
            return Who(caseworker_id=me.id)
        if scope == "team" and me and me.team_id:
            return Who(team_id=me.team_id)
        return Who()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        who = self._who()
        text = self.search.text()
        item_show = self.item_show.currentData()
        callback_show = self.callback_show.currentData()
        complaint_show = self.complaint_show.currentData()
        api = self.backend.correspondence
        today: date = self.backend.today()
        worker, team = who.caseworker_id, who.team_id

        def work() -> Lists:
            due_by = api.working_days_after(today, 5)
            end = date.fromordinal(today.toordinal() + 28)
            return Lists(
                ids=api.item_ids(
                    show=item_show, text=text, due_by=due_by, caseworker_id=worker, team_id=team
                ),
                open=len(api.item_ids(show="open", caseworker_id=worker, team_id=team)),
                overdue=len(api.item_ids(show="overdue", caseworker_id=worker, team_id=team)),
                callbacks=api.callbacks(show=callback_show, caller_id=worker, team_id=team),
                missed=len(api.callbacks(show="missed", caller_id=worker, team_id=team)),
                complaints=api.complaints(show=complaint_show, caseworker_id=worker,
                                          team_id=team),
                open_complaints=len(api.complaints(show="open", caseworker_id=worker,
                                                   team_id=team)),
                availability=api.availability(today, end),
            )  # fmt: skip

        def done(data: Lists) -> None:
            if generation == self._generation:
                self._show(data)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.summary.setText("The correspondence could not be read.")
                self.context.show_message(
                    f"Correspondence could not be loaded: {getattr(error, 'message', error)}"
                )

        self.ops.run(work, done, failed)

    def _show(self, data: Lists) -> None:
        self.items_model.set_ids(data.ids)
        self.callbacks_model.set_rows(data.callbacks)
        self.complaints_model.set_rows(data.complaints)
        self.absence_model.set_rows(data.availability.absences)
        self.duty_model.set_rows(data.availability.duty)
        open_count, overdue = data.open, data.overdue
        text = (
            f"{open_count:,} awaiting a reply · {overdue:,} overdue"
            + (f" ({round(100 * overdue / open_count)}%)" if open_count else "")
            + f" · {data.missed:,} missed callback{'s' if data.missed != 1 else ''}"
            + f" · {data.open_complaints:,} complaint"
            + ("s" if data.open_complaints != 1 else "")
            + f" open — {self.scope.currentText().lower()}"
        )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.loaded.emit(len(data.ids))

    # ---- actions on the selected row

    def _open_child(self, view: QTableView) -> None:
        row = selected(view)
        child_id = getattr(row, "child_id", None)
        if isinstance(child_id, uuid.UUID):
            self.context.open_child(child_id.hex)

    def _respond_selected(self) -> None:
        item = self._need(self.items_view, "an item", CorrespondenceRow)
        if item:
            self.respond(item)

    def _callback_for_selected(self) -> None:
        item = self._need(self.items_view, "an item", CorrespondenceRow)
        if item:
            self.book_callback(item.child_id.hex, item)

    def _complaint_for_selected(self) -> None:
        item = self._need(self.items_view, "an item", CorrespondenceRow)
        if item:
            self.new_complaint(item.child_id.hex, item)

    def _log_for_selected(self) -> None:
        item = self._need(
            self.items_view, "an item (its child gets the new item)", CorrespondenceRow
        )
        if item:
            self.log_item(item.child_id.hex)

    def _outcome_selected(self) -> None:
        call = self._need(self.callbacks_view, "a callback", Callback)
        if call:
            self.callback_outcome(call)

    def _confirm_selected(self) -> None:
        call = self._need(self.callbacks_view, "a callback", Callback)
        if call:
            self.confirm_callback(call)

    def _step_selected(self, action: str | None = None) -> None:
        complaint = self._need(self.complaints_view, "a complaint", Complaint)
        if complaint:
            self.complaint_step(complaint, action)

    def add_availability(self) -> None:
        self._open(AvailabilityDialog(self.backend, self.ops, self._options(), self))
