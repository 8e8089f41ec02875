"""The Correspondence page and a child record's Correspondence tab.

The page lists every item awaiting a reply across the caseload (mine, my team's or
everyone's), overdue first, with callbacks (missed ones flagged), complaints by stage
and who is away or on duty. The tab shows one child's items, callbacks and complaints.
Both offer the same actions: log an item, record the reply, book a callback and record
what happened, record a complaint and each step of it. Items are listed by id and their
rows fetched a page at a time, so a caseload of 20,000 children scrolls without a wait.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.gui.callback_dialogs import CallbackDialog, CallbackOutcomeDialog, confirm_by_letter
from send_desk.gui.correspondence_dialogs import (
    AvailabilityDialog,
    ComplaintActionDialog,
    ComplaintDialog,
    ItemDialog,
    RespondDialog,
)
from send_desk.gui.pages import AppContext
from send_desk.gui.rows_model import ROW_ROLE, ColumnHeaders, RowsModel, text_of

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Mapping[str, Any]], Any]
PAGE_SIZE = 100
MAX_PAGES = 30
LATE = QColor("#c62828")
LATE_STATUSES = frozenset({"overdue", "missed", "answered_late"})

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


def _days(row: Mapping[str, Any]) -> str:
    days = row.get("days_left")
    if days is None:
        return ""
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days late"


ITEM_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("Reply due", "response_due"),
    ("", _days),
    ("Child", "child_name"),
    ("Channel", "channel_label"),
    ("From", "correspondent"),
    ("Received", "contact_date"),
    ("Summary", "summary"),
    ("Caseworker", "caseworker"),
    ("Answered", lambda r: f"{text_of(r['responded_on'])} {r['response_label']}".strip()),
]
CHILD_ITEM_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Date", "contact_date"),
    ("", "direction_label"),
    ("Channel", "channel_label"),
    ("Who", "correspondent"),
    ("Summary", "summary"),
    ("Status", "status_label"),
    ("Reply due", "response_due"),
    ("Answered", lambda r: f"{text_of(r['responded_on'])} {r['response_label']}".strip()),
]
CALLBACK_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("When", "slot_label"),
    ("Child", "child_name"),
    ("Call", "requested_by"),
    ("Phone", "phone"),
    ("About", "about"),
    ("Caller", lambda r: r["caller"] + (" (duty)" if r["via_duty"] else "")),
    ("Confirmed", "confirmation_label"),
]
COMPLAINT_COLUMNS: list[tuple[str, str | Cell]] = [
    ("Status", "status_label"),
    ("Response due", "response_due"),
    ("", _days),
    ("Stage", "stage_label"),
    ("Received", "received_on"),
    ("Child", "child_name"),
    ("From", "complainant"),
    ("About", "summary"),
    ("Caseworker", "caseworker"),
    ("Root cause", "root_cause_label"),
    ("Outcome", "outcome_label"),
    ("Ombudsman", lambda r: text_of(r["ombudsman_referred_on"])),
]


class StatusRows(RowsModel):
    """RowsModel whose late rows (overdue, missed, answered late) show their status and
    dates in red; the status column says it in words too."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str | Cell]],
        parent: Any = None,
        late_columns: Sequence[int] = (0, 1, 2),
    ) -> None:
        super().__init__(columns, parent)
        self.late_columns = frozenset(late_columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            late = row is not None and row.get("status") in LATE_STATUSES
            return QBrush(LATE) if late and index.column() in self.late_columns else None
        if role == Qt.ItemDataRole.AccessibleTextRole and index.isValid():
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class LazyItemsModel(ColumnHeaders, QAbstractTableModel):
    """Item ids in the backend's order; display rows fetched a page at a time."""

    page_fetched = Signal(int)

    def __init__(
        self,
        fetch: Callable[[list[str]], Mapping[str, Mapping[str, Any]]],
        columns: Sequence[tuple[str, str | Cell]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._columns = list(columns)
        self._ids: list[str] = []
        self._pages: OrderedDict[int, Mapping[str, Mapping[str, Any]]] = OrderedDict()

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def row(self, number: int) -> Mapping[str, Any] | None:
        if not 0 <= number < len(self._ids):
            return None
        page = number // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_SIZE
            rows = self._fetch(self._ids[start : start + PAGE_SIZE])
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            self.page_fetched.emit(page)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[number])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ForegroundRole,
            ROW_ROLE,
        ):
            return None
        row = self.row(index.row())
        if row is None:
            return "(removed)" if role == Qt.ItemDataRole.DisplayRole else None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            late = row.get("status") in LATE_STATUSES and index.column() in (0, 1, 2)
            return QBrush(LATE) if late else None
        _heading, cell = self._columns[index.column()]
        text = text_of(cell(row) if callable(cell) else row.get(cell))
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text


def table(name: str, model: QAbstractTableModel, widths: Sequence[int] = ()) -> QTableView:
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
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def selected(view: QTableView) -> dict[str, Any] | None:
    index = view.currentIndex()
    if not index.isValid():
        return None
    row = view.model().data(view.model().index(index.row(), 0), ROW_ROLE)
    return dict(row) if row else None


class Actions:
    """Opening the dialogs, shared by the page and the tab; ``reload`` after a save."""

    context: AppContext
    backend: Any
    ops: Any
    dialog: QDialog | None
    changed: Any  # a Signal(str) on the widget

    def _start_actions(self, context: AppContext) -> None:
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.dialog = None
        self.composer: Any = None

    def _need(self, view: QTableView, what: str) -> dict[str, Any] | None:
        """The selected row, or a message saying what to choose first."""
        row = selected(view)
        if row is None:
            self.context.show_message(f"Choose {what} in the list first.")
        return row

    def reload(self) -> None:
        raise NotImplementedError

    def _open(self, dialog: QDialog, after: Callable[[Any], None] | None = None) -> None:
        self.dialog = dialog

        def accepted() -> None:
            result = getattr(dialog, "saved_result", None)
            if after is not None:
                after(result)
            child = (result or {}).get("child_id") if isinstance(result, dict) else None
            if child:
                self.changed.emit(child)
            self.reload()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _with_detail(self, child_id: str, then: Callable[[dict[str, Any]], None]) -> None:
        self.ops.run(
            lambda: self.backend.child_detail(child_id),
            then,
            lambda error: self.context.show_message(
                f"The child's record could not be read: {getattr(error, 'message', error)}"
            ),
        )

    def _parent(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None

    def log_item(self, child_id: str, detail: dict[str, Any] | None = None) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.log_item(child_id, found))
            return

        def after(saved: Any) -> None:
            # a parent's call asking for a ring back: book it now, linked to the call
            if (
                isinstance(saved, dict)
                and saved.get("channel") == "call"
                and saved.get("direction") == "incoming"
                and saved.get("needs_response")
            ):
                self.book_callback(child_id, saved, detail)

        self._open(ItemDialog(self.backend, self.ops, child_id, detail, self._parent()), after)

    def respond(self, item: Mapping[str, Any]) -> None:
        if item.get("direction") != "incoming" or not item.get("needs_response"):
            self.context.show_message("That item needs no reply.")
            return
        if item.get("responded_on"):
            self.context.show_message(f"That item was answered on {text_of(item['responded_on'])}.")
            return
        self._open(RespondDialog(self.backend, self.ops, item, self._parent()))

    def book_callback(
        self,
        child_id: str,
        item: Mapping[str, Any] | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.book_callback(child_id, item, found))
            return

        def after(booked: Any) -> None:
            if isinstance(booked, dict) and booked.get("confirm_by_letter"):
                self.composer = confirm_by_letter(
                    self.backend, self.ops, booked, self._parent(), lambda _r: self.reload()
                )

        self._open(
            CallbackDialog(self.backend, self.ops, child_id, detail, item, self._parent()), after
        )

    def callback_outcome(self, callback: Mapping[str, Any]) -> None:
        if callback.get("outcome") == "made":
            self.context.show_message("That call was made.")
            return
        self._open(CallbackOutcomeDialog(self.backend, self.ops, callback, self._parent()))

    def confirm_callback(self, callback: Mapping[str, Any]) -> None:
        self.composer = confirm_by_letter(
            self.backend, self.ops, callback, self._parent(), lambda _r: self.reload()
        )

    def _options(self) -> dict[str, Any]:
        options = self.context.extras.get("options")
        if options is None:
            options = self.backend.caseload_options()
            self.context.extras["options"] = options
        return dict(options)

    def new_complaint(
        self,
        child_id: str,
        item: Mapping[str, Any] | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.new_complaint(child_id, item, found))
            return
        workers = self._options()["caseworkers"]
        self._open(
            ComplaintDialog(self.backend, self.ops, child_id, detail, workers, item, self._parent())
        )

    def complaint_step(self, complaint: Mapping[str, Any], action: str | None = None) -> None:
        if action is None:
            stage = complaint["stages"][-1] if complaint["stages"] else {}
            if not stage.get("acknowledged_on"):
                action = "acknowledge"
            elif not stage.get("responded_on"):
                action = "respond"
            elif complaint.get("can_escalate"):
                action = "escalate"
            else:
                action = "refer" if not complaint.get("ombudsman_referred_on") else "decide"
        self._open(ComplaintActionDialog(self.backend, self.ops, complaint, action, self._parent()))


class CorrespondencePage(QWidget, Actions):
    """Emits ``loaded(count)`` each time a list has been read."""

    loaded = Signal(int)
    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self._generation = 0
        self.setAccessibleName("Correspondence")

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
        self.items_model = LazyItemsModel(self.backend.correspondence_rows, ITEM_COLUMNS, self)
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
        self.callbacks_model = StatusRows(CALLBACK_COLUMNS, self, late_columns=(0, 1))
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
        self.complaints_model = StatusRows(COMPLAINT_COLUMNS, self)
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
        self.absence_model = RowsModel(
            [("Away", "name"), ("From", "first_day"), ("To", "last_day"), ("Reason", "reason")],
            self,
        )
        self.duty_model = RowsModel(
            [("Date", "on_date"), ("Team", "team"), ("Duty officer", "name")], self
        )
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

    def _who(self) -> dict[str, str | None]:
        me = self.backend.me() or {}
        scope = self.scope.currentData()
        if scope == "mine" and me.get("id"):
            return {"caseworker_id": me["id"]}
        if scope == "team" and me.get("team_id"):
            return {"team_id": me["team_id"]}
        return {}

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        who = self._who()
        text = self.search.text()
        item_show = self.item_show.currentData()
        callback_show = self.callback_show.currentData()
        complaint_show = self.complaint_show.currentData()
        backend = self.backend

        def work() -> dict[str, Any]:
            today: date = backend.today()
            due_by = backend.standards().calendar.working_days_after(today, 5)
            start = today
            end = date.fromordinal(today.toordinal() + 28)
            return {
                "ids": backend.correspondence_ids(show=item_show, text=text, due_by=due_by, **who),
                "open": len(backend.correspondence_ids(show="open", **who)),
                "overdue": len(backend.correspondence_ids(show="overdue", **who)),
                "callbacks": backend.callbacks(
                    show=callback_show, caller_id=who.get("caseworker_id"),
                    team_id=who.get("team_id"),
                ),
                "missed": len(backend.callbacks(
                    show="missed", caller_id=who.get("caseworker_id"), team_id=who.get("team_id")
                )),
                "complaints": backend.complaints(show=complaint_show, **who),
                "open_complaints": len(backend.complaints(show="open", **who)),
                "availability": backend.availability(start, end),
            }  # fmt: skip

        def done(data: dict[str, Any]) -> None:
            if generation == self._generation:
                self._show(data)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.summary.setText("The correspondence could not be read.")
                self.context.show_message(
                    f"Correspondence could not be loaded: {getattr(error, 'message', error)}"
                )

        self.ops.run(work, done, failed)

    def _show(self, data: dict[str, Any]) -> None:
        self.items_model.set_ids(data["ids"])
        self.callbacks_model.set_rows(data["callbacks"])
        self.complaints_model.set_rows(data["complaints"])
        self.absence_model.set_rows(data["availability"]["absences"])
        self.duty_model.set_rows(data["availability"]["duty"])
        open_count, overdue = data["open"], data["overdue"]
        text = (
            f"{open_count:,} awaiting a reply · {overdue:,} overdue"
            + (f" ({round(100 * overdue / open_count)}%)" if open_count else "")
            + f" · {data['missed']:,} missed callback{'s' if data['missed'] != 1 else ''}"
            + f" · {data['open_complaints']:,} complaint"
            + ("s" if data["open_complaints"] != 1 else "")
            + f" open — {self.scope.currentText().lower()}"
        )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.loaded.emit(len(data["ids"]))

    # ---- actions on the selected row

    def _open_child(self, view: QTableView) -> None:
        row = selected(view)
        if row and row.get("child_id"):
            self.context.open_child(str(row["child_id"]))

    def _respond_selected(self) -> None:
        item = self._need(self.items_view, "an item")
        if item:
            self.respond(item)

    def _callback_for_selected(self) -> None:
        item = self._need(self.items_view, "an item")
        if item:
            self.book_callback(item["child_id"], item)

    def _complaint_for_selected(self) -> None:
        item = self._need(self.items_view, "an item")
        if item:
            self.new_complaint(item["child_id"], item)

    def _log_for_selected(self) -> None:
        item = self._need(self.items_view, "an item (its child gets the new item)")
        if item:
            self.log_item(item["child_id"])

    def _outcome_selected(self) -> None:
        call = self._need(self.callbacks_view, "a callback")
        if call:
            self.callback_outcome(call)

    def _confirm_selected(self) -> None:
        call = self._need(self.callbacks_view, "a callback")
        if call:
            self.confirm_callback(call)

    def _step_selected(self, action: str | None = None) -> None:
        complaint = self._need(self.complaints_view, "a complaint")
        if complaint:
            self.complaint_step(complaint, action)

    def add_availability(self) -> None:
        self._open(AvailabilityDialog(self.backend, self.ops, self._options(), self))


class CorrespondenceTab(QWidget, Actions):
    """A child's items, callbacks and complaints (the child record's tab)."""

    loaded = Signal(str)
    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self.child_id: str | None = None
        self.detail: dict[str, Any] | None = None
        self.items_model = StatusRows(CHILD_ITEM_COLUMNS, self, late_columns=(5, 6))
        self.callbacks_model = StatusRows(CALLBACK_COLUMNS, self, late_columns=(0, 1))
        self.complaints_model = StatusRows(COMPLAINT_COLUMNS, self)
        self.items_view = table("Correspondence, newest first", self.items_model,
                                (88, 110, 110, 150, 320, 120, 88))  # fmt: skip
        self.callbacks_view = table("Callbacks", self.callbacks_model, (90, 140, 150, 150))
        self.complaints_view = table("Complaints", self.complaints_model, (130, 100, 90, 160, 88))
        self.log_button = QPushButton("&Log an email, letter or call…")
        self.respond_button = QPushButton("Record the &reply…")
        self.callback_button = QPushButton("&Book a callback…")
        self.outcome_button = QPushButton("What &happened with the call…")
        self.complaint_button = QPushButton("Record a com&plaint…")
        self.step_button = QPushButton("Next ste&p of the complaint…")
        for button in (
            self.log_button,
            self.respond_button,
            self.callback_button,
            self.outcome_button,
            self.complaint_button,
            self.step_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))  # fmt: skip
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(
            self._box("Correspondence", self.items_view, (self.log_button, self.respond_button))
        )
        split.addWidget(
            self._box("Callbacks", self.callbacks_view, (self.callback_button, self.outcome_button))
        )
        split.addWidget(self._box("Complaints", self.complaints_view,
                                  (self.complaint_button, self.step_button)))  # fmt: skip
        for index, stretch in enumerate((3, 1, 1)):
            split.setStretchFactor(index, stretch)
        split.setSizes([600, 200, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        self.log_button.clicked.connect(self._log)
        self.respond_button.clicked.connect(self._respond)
        self.callback_button.clicked.connect(self._callback)
        self.outcome_button.clicked.connect(self._outcome)
        self.complaint_button.clicked.connect(self._complaint)
        self.step_button.clicked.connect(self._step)

    @staticmethod
    def _box(title: str, view: QTableView, buttons: Sequence[QPushButton]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        layout.addWidget(heading)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def load(self, child_id: str, detail: dict[str, Any] | None = None) -> None:
        self.child_id = child_id
        self.detail = detail
        self.reload()

    def reload(self) -> None:
        child_id = self.child_id
        if not child_id:
            return

        def done(data: dict[str, Any]) -> None:
            if child_id != self.child_id:
                return
            self.items_model.set_rows(data["items"])
            self.callbacks_model.set_rows(data["callbacks"])
            self.complaints_model.set_rows(data["complaints"])
            self.loaded.emit(child_id)

        self.ops.run(
            lambda: self.backend.child_correspondence(child_id),
            done,
            lambda error: self.context.show_message(
                f"The child's correspondence could not be read: {getattr(error, 'message', error)}"
            ),
        )

    def _log(self) -> None:
        if self.child_id:
            self.log_item(self.child_id, self.detail)

    def _respond(self) -> None:
        item = self._need(self.items_view, "the item that was answered")
        if item:
            self.respond(item)

    def _callback(self) -> None:
        if self.child_id:
            item = selected(self.items_view)
            asks = item if item and item.get("channel") in ("call", "portal", "email") else None
            self.book_callback(self.child_id, asks if asks and not asks["responded_on"] else None,
                               self.detail)  # fmt: skip

    def _outcome(self) -> None:
        call = self._need(self.callbacks_view, "the callback")
        if call:
            self.callback_outcome(call)

    def _complaint(self) -> None:
        if self.child_id:
            self.new_complaint(self.child_id, None, self.detail)

    def _step(self) -> None:
        complaint = self._need(self.complaints_view, "the complaint")
        if complaint:
            self.complaint_step(complaint)


DUE_COLUMNS: list[tuple[str, str | Cell]] = [
    ("", "kind_label"),
    ("When", "when"),
    ("Status", "status_label"),
    ("Child", "child_name"),
    ("What", "what"),
]


class DueBox(QWidget, Actions):
    """My day's replies due, today's and missed callbacks and complaint responses due,
    with a button to deal with the selected one; ``refresh_requested`` after a save."""

    changed = Signal(str)
    refresh_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_actions(context)
        self.model = StatusRows(DUE_COLUMNS, self, late_columns=(0, 1, 2))
        self.view = table(
            "Replies, callbacks and complaint responses due", self.model, (140, 140, 110, 160)
        )
        self.label = QLabel("Correspondence, callbacks and complaints")
        self.deal_button = QPushButton("&Deal with it…")
        self.deal_button.setAccessibleName("Record the reply, the call or the complaint's step")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.deal_button)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.view.doubleClicked.connect(self._open_child)
        self.deal_button.clicked.connect(self.deal_with_selected)
        self.hide()

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.model.set_rows(rows)
        late = sum(1 for row in rows if row.get("status") in LATE_STATUSES)
        self.label.setText(
            f"Correspondence, callbacks and complaints ({len(rows)}"
            + (f", {late} late" if late else "")
            + ")"
        )
        self.setVisible(bool(rows))

    def reload(self) -> None:
        self.refresh_requested.emit()

    def _open_child(self, *_args: Any) -> None:
        row = selected(self.view)
        if row:
            self.context.open_child(str(row["child_id"]))

    def deal_with_selected(self) -> None:
        row = selected(self.view)
        if row is None:
            self.context.show_message("Choose a line first.")
            return
        backend, kind, child = self.backend, row["kind"], row["child_id"]

        def fetch() -> dict[str, Any] | None:
            if kind == "reply":
                found: dict[str, Any] | None = backend.correspondence_rows([row["id"]]).get(
                    row["id"]
                )
                return found
            listed = (
                backend.callbacks(show="all", child_id=child)
                if kind == "callback"
                else backend.complaints(show="all", child_id=child)
            )
            return next((x for x in listed if x["id"] == row["id"]), None)

        def then(found: dict[str, Any] | None) -> None:
            if found is None:
                self.context.show_message("That line has changed: refresh My day.")
            elif kind == "reply":
                self.respond(found)
            elif kind == "callback":
                self.callback_outcome(found)
            else:
                self.complaint_step(found)

        self.ops.run(fetch, then)


__all__ = [
    "CorrespondencePage",
    "CorrespondenceTab",
    "DueBox",
    "LazyItemsModel",
    "StatusRows",
]
