"""The main window: navigation, global search, pages, child record, status bar, idle lock."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
)

from send_desk import __version__
from send_desk.backend import Backend
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.gui.alt_keys import install_alt_keys
from send_desk.gui.app_shortcuts import ShortcutsFirst
from send_desk.gui.child_record import ChildRecord
from send_desk.gui.context import AppContext
from send_desk.gui.dialogs import ChildDialog
from send_desk.gui.lazy_pages import LazyPages
from send_desk.gui.lock import HiddenWindow, IdleWatcher, LockKey
from send_desk.gui.main_window_lock import LockingWindow
from send_desk.gui.main_window_status import StatusBarWindow
from send_desk.gui.notes import NOTE_SEARCH_PAGE as _NOTES  # noqa: F401 (registers its page)
from send_desk.gui.ops import Ops
from send_desk.gui.pages import PageSpec, registered_pages
from send_desk.gui.screen_fit import fit_to_screen, is_small_screen
from send_desk.gui.sen2 import SEN2_PAGE as _SEN2  # noqa: F401 (registers its page)
from send_desk.gui.settings import AppSettings, UiState
from send_desk.gui.sync_page import SYNC_PAGE as _SYNC  # noqa: F401 (registers its page)
from send_desk.gui.tray import ReminderTray

log = logging.getLogger(__name__)

SHORTCUTS: list[tuple[str, str]] = [
    ("Ctrl+K", "Search for a child from anywhere"),
    ("Ctrl+Shift+K", "Search the words of case notes (ranked, with the words found)"),
    ("Ctrl+F", "Filter the caseload (on the Caseload page)"),
    ("Ctrl+1 … Ctrl+6", "My day, Caseload, Correspondence, Supervision, Reports, Sync"),
    ("Enter or double-click", "Open the selected child's record"),
    ("Alt+Left", "Back from a child's record to the caseload"),
    ("Ctrl+N", "Add a child or young person"),
    ("Ctrl+E", "Edit the open child's details"),
    ("Ctrl+Shift+F", "Add a family member or contact to the open child"),
    ("Ctrl+Shift+P", "Write the open child's EHC plan"),
    ("F5", "Refresh the caseload"),
    ("Ctrl+L", "Lock SEND Desk now"),
    ("Ctrl+Q", "Quit"),
    ("F1", "This list of keyboard shortcuts"),
    ("Alt + underlined letter", "Go to that field or button"),
]


class MainWindow(LockingWindow, StatusBarWindow):
    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        *,
        settings: AppSettings | None = None,
        ui_state: UiState | None = None,
        idle_ms: int | None = None,
        unlock_delay_seconds: int = 30,
        reminder_delay_ms: int = 20_000,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.ops = ops
        root = backend.paths.root
        self.settings = settings or AppSettings(root)
        self.ui_state = ui_state or UiState(root)
        self.is_locked = False
        self._hidden_windows: list[HiddenWindow] = []
        self.context = AppContext(
            backend=backend,
            ops=ops,
            settings=self.settings,
            ui_state=self.ui_state,
            open_child=self.open_child,
            show_message=self.show_message,
        )
        self.setWindowTitle("SEND Desk")
        self.setAccessibleName("SEND Desk")

        # --- navigation and pages
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Navigation")
        # Padding only: colours come from the system palette (light or dark).
        self.nav.setStyleSheet(
            "#navigation { padding-top: 6px; } #navigation::item { padding: 7px 12px; }"
        )
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(260)
        self.nav.setSpacing(2)
        self.pages = QStackedWidget()
        self.page_specs: list[PageSpec] = [
            spec for spec in registered_pages() if spec.available is None or spec.available(backend)
        ]
        factories = {spec.id: spec.factory for spec in self.page_specs}
        # built when first opened: reports, charts and supervision are not start-up work
        self.page_widgets = LazyPages(self.pages, lambda page: factories[page](self.context))
        for spec in self.page_specs:
            self.page_widgets.add(spec.id)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)
            self.nav.addItem(item)
        self.record = ChildRecord(self.context)
        self.record.back_requested.connect(self.back_to_caseload)
        self.pages.addWidget(self.record)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([180, 1100])

        # --- lock screen
        lock_page = self._build_lock_page(unlock_delay_seconds)

        self.outer = QStackedWidget()
        self.outer.addWidget(self.splitter)
        self.outer.addWidget(lock_page)
        self.setCentralWidget(self.outer)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        # --- background sync with the central store (status bar, Sync page)
        from send_desk.gui.sync_status import attach_sync

        self.sync = attach_sync(self)

        # --- idle lock
        minutes = self.settings.idle_lock_minutes
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        install_alt_keys()  # one Alt key for one control, in this and every other window
        self.lock_key = LockKey(QKeySequence("Ctrl+L"), self)
        self.lock_key.pressed.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.lock_key)
            self.shortcuts_first = ShortcutsFirst(self)
            app.installEventFilter(self.shortcuts_first)
        self.idle.start()

        # --- desktop reminders of statutory deadlines
        self.tray = ReminderTray(
            backend,
            ops,
            self.settings,
            show_fallback=lambda text: self.statusBar().showMessage(text, 30_000),
            parent=self,
            first_check_ms=reminder_delay_ms,
        )
        self.tray.open_my_day.connect(self._open_my_day_from_tray)
        self.tray.settings_requested.connect(self.choose_reminders)

        ops.busy_changed.connect(self._busy)
        ops.error.connect(self.show_message)
        self._restore_state()
        start = (
            self.settings.last_page
            if self.settings.last_page in self.page_widgets
            else ("caseload")
        )
        self.show_page(start)

    # ---- building

    def _build_toolbar(self) -> None:
        bar = QToolBar("Search")
        bar.setObjectName("searchToolbar")
        bar.setMovable(False)
        bar.setAccessibleName("Search and actions")
        title = QLabel("  SEND Desk  ")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        bar.addWidget(title)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            "Search children by name, UPN, school or postcode  (Ctrl+K)"
        )
        self.search_box.setAccessibleName("Search for a child")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(380)
        self.search_box.returnPressed.connect(self._search)
        bar.addWidget(self.search_box)
        self.notes_search_action = QAction("Search &notes", self)
        self.notes_search_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.notes_search_action.setStatusTip("Search the words of case notes (Ctrl+Shift+K)")
        self.notes_search_action.triggered.connect(self.search_notes)
        bar.addAction(self.notes_search_action)
        self.toolbar = bar
        self.addToolBar(bar)

    def _action(self, text: str, shortcut: str | None, slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.new_child_action = self._action(
            "&New child…", "Ctrl+N", self.new_child, "Add a child or young person"
        )
        self.lock_action = self._action(
            "&Lock now", "Ctrl+L", self.lock, "Hide case data until the password is given"
        )
        quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.idle_time_action = self._action(
            "Lock &after…", None, self.choose_idle_minutes, "Choose how long before SEND Desk locks"
        )
        self.reminders_action = self._action(
            "&Reminders…", None, self.choose_reminders, "Choose when deadline reminders come"
        )
        self.import_action = self._action(
            "&Import caseload…", None, self._import_caseload, "Import a team's spreadsheet"
        )
        file_menu.addActions(
            [self.new_child_action, self.import_action, self.lock_action, self.idle_time_action,
             self.reminders_action]
        )  # fmt: skip
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        go_menu = menu.addMenu("&Go")
        self.search_action = self._action("&Search…", "Ctrl+K", self.focus_search)
        go_menu.addAction(self.search_action)
        go_menu.addSeparator()
        for number, spec in enumerate(self.page_specs, start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            go_menu.addAction(
                self._action(
                    spec.title, shortcut, lambda _checked=False, page=spec.id: self.show_page(page)
                )
            )
        go_menu.addSeparator()
        self.back_action = self._action("&Back to caseload", "Alt+Left", self.back_to_caseload)
        self.refresh_action = self._action("&Refresh", "F5", self.refresh)
        go_menu.addActions([self.back_action, self.refresh_action])

        record_menu = menu.addMenu("&Record")
        self.edit_child_action = self._action(
            "&Edit child's details…", None, self.record.edit_child
        )
        self.edit_child_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_child_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_member_action = self._action(
            "Add &family member or contact…",
            "Ctrl+Shift+F",
            lambda: (
                self.record.edit_member(None) if self.pages.currentWidget() is self.record else None
            ),
        )
        self.setting_action = self._action("Change &setting…", None, self.record.change_setting)
        self.allocate_action = self._action("&Allocate caseworker…", None, self.record.allocate)
        record_menu.addActions(
            [
                self.edit_child_action,
                self.add_member_action,
                self.setting_action,
                self.allocate_action,
            ]
        )
        self.record_menu = record_menu

        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", "F1", self.show_shortcuts))
        about = self._action("&About SEND Desk", None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)
        self._update_record_actions()

    # ---- navigation

    @property
    def caseload(self) -> Any:
        return self.page_widgets["caseload"]

    def show_page(self, page_id: str) -> None:
        if self.is_locked:
            return
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == page_id:
                self.nav.setCurrentRow(row)
                self._nav_changed(row)
                return

    def current_page_id(self) -> str | None:
        widget = self.pages.currentWidget()
        if widget is self.record:
            return "child"
        for page_id, page in self.page_widgets.built().items():
            if page is widget:
                return page_id
        return None

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self.page_specs[row]
        widget = self.page_widgets[spec.id]
        self.pages.setCurrentWidget(widget)
        self.settings.last_page = spec.id
        self.setWindowTitle(f"{spec.title} – SEND Desk")
        shown = getattr(widget, "page_shown", None)
        if callable(shown):
            shown()
        self._update_record_actions()

    def open_child(self, child_id: str) -> None:
        if self.is_locked:
            return
        self.record.load(child_id)  # first, so showing it does not reload the last child
        self.pages.setCurrentWidget(self.record)
        self.setWindowTitle("Child record – SEND Desk")
        self._update_record_actions()
        self.record.tabs.setFocus()

    def back_to_caseload(self) -> None:
        if self.pages.currentWidget() is self.record:
            self.show_page("caseload")

    def _update_record_actions(self) -> None:
        on_record = self.pages.currentWidget() is self.record
        for action in (
            self.edit_child_action,
            self.add_member_action,
            self.setting_action,
            self.allocate_action,
            self.back_action,
        ):
            action.setEnabled(on_record and not self.is_locked)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search(self) -> None:
        text = self.search_box.text().strip()
        self.show_page("caseload")
        page = self.caseload

        def found(count: int) -> None:
            # the answer to this search: go to the results, the first one current, so
            # Enter opens it; with none, stay in the box to change the words
            page.ids_loaded.disconnect(found)
            if count and not self.is_locked:
                page.table.setFocus(Qt.FocusReason.OtherFocusReason)
                page.table.setCurrentIndex(page.model.index(0, 0))
            else:
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

        page.ids_loaded.connect(found)
        page.search(text)

    def search_notes(self) -> None:
        """Search case notes for the words in the search box (ranked, with snippets)."""
        from send_desk.gui.notes import NOTE_SEARCH_PAGE

        text = self.search_box.text().strip()
        self.show_page(NOTE_SEARCH_PAGE)
        page = self.page_widgets.get(NOTE_SEARCH_PAGE)
        if page is not None and text:
            page.search(text)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        if self.pages.currentWidget() is self.record:
            self.record.reload()
        else:
            self.caseload.reload()

    def _import_caseload(self) -> None:
        from send_desk.gui.import_wizard import open_import_wizard

        open_import_wizard(self)

    def new_child(self) -> None:
        if self.is_locked:
            return
        dialog = ChildDialog(self.backend, self.ops, None, self)
        self.new_child_dialog = dialog

        def added() -> None:
            child_id = dialog.saved_result
            # a new child: the caseload (and any page listing children) follows
            self.ops.hub.publish(Changes.of(ChangeKind.CHILDREN))
            if child_id:
                self.open_child(child_id)

        dialog.accepted.connect(added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ---- help

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td style='padding:3px 18px 3px 0'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in SHORTCUTS
        )
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>Keyboard shortcuts</h3><table>{rows}</table>"
            "<p>Every control can be reached with Tab and Shift+Tab.</p>"
        )
        box.setAccessibleName("Keyboard shortcuts")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About SEND Desk",
            f"<b>SEND Desk {__version__}</b><p>Casework for EHC needs assessments and EHC "
            "plans.</p><p>Case data is kept encrypted on this computer.</p>",
        )

    # ---- reminders

    def choose_reminders(self) -> None:
        from send_desk.gui.clock_dialogs import ReminderSettingsDialog

        if self.is_locked:
            return
        dialog = ReminderSettingsDialog(self.settings, self.ops, self)
        self.reminders_dialog = dialog
        dialog.accepted.connect(self.tray.check)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_my_day_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_page("my_day")

    # ---- state

    def _restore_state(self) -> None:
        geometry = self.ui_state.load("main/geometry")
        # First opened on a laptop's screen: maximised; after that as it was left.
        self.open_maximised = geometry is None and is_small_screen(self)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, QSize(1360, 820))
        # The navigation's width is applied on first show: the window manager (or the
        # screen's size) may still change the window, and the pages pane, not the
        # navigation, should absorb the difference.
        self._pending_nav_width = self.ui_state.load_int("main/nav_width")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        nav_width, self._pending_nav_width = getattr(self, "_pending_nav_width", None), None
        if nav_width is not None:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([nav_width, max(total - nav_width, 1)])

    def save_state(self) -> None:
        self.ui_state.save("main/geometry", QByteArray(self.saveGeometry()))
        self.ui_state.save_int("main/nav_width", self.splitter.sizes()[0])
        self.ui_state.sync()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tray.stop()
        self.save_state()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.lock_key)
            app.removeEventFilter(self.shortcuts_first)
        super().closeEvent(event)
