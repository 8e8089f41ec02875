"""Starting the desktop app: the QApplication, the start window, the main window,
and ``--self-test`` (time to an interactive caseload, for CI and the frozen build)."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QLocale,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from send_desk import __version__
from send_desk.gui import preload
from send_desk.gui.alt_keys import install_alt_keys
from send_desk.gui.measure import process_age, resident_memory_mb
from send_desk.gui.ops import Ops
from send_desk.gui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:  # the store libraries load after the unlock window is on screen
    from send_desk.backend import Backend
    from send_desk.gui.main_window import MainWindow
    from send_desk.gui.store_check import StoreCheck
    from send_desk.paths import DataPaths

log = logging.getLogger("send_desk.gui")


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName("SEND Desk")
    QApplication.setOrganizationName("SEND Desk")
    QApplication.setApplicationVersion(__version__)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv or sys.argv[:1]))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_alt_keys()
    install_wheel_guard(app)
    return app


def _setup_logging(paths: DataPaths) -> None:
    from send_desk.security.private_log import FORMAT, PrivateFormatter, private_log_handler

    try:
        handler: logging.Handler = private_log_handler(paths.logs)
    except OSError:
        handler = logging.StreamHandler()
        handler.setFormatter(PrivateFormatter(FORMAT))
    root = logging.getLogger("send_desk")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class _ErrorNotice(QObject):
    """Shows "something went wrong" from whichever thread the error happened on.

    The message box is opened later, from the GUI thread's event loop, and is not
    modal: a modal box run from inside the failing slot started a nested event loop
    in which the dialog that owned the slot could be deleted (an editor closing after
    its save), and unwinding back into it aborted the process."""

    raised = Signal(str)

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.log_file = log_file
        self.box: QMessageBox | None = None
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, _summary: str) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or self.box is not None:
            return  # one notice at a time: the log has every error
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "SEND Desk",
            "Something went wrong inside SEND Desk. Your saved work is safe. Details are "
            f"in {self.log_file} for the IT service desk.",
            QMessageBox.StandardButton.Ok,
            app.activeWindow(),
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName("Something went wrong")
        box.finished.connect(self._closed)
        self.box = box
        box.show()

    def _closed(self, *_args: Any) -> None:
        self.box = None


def _install_excepthook(paths: DataPaths) -> _ErrorNotice:
    """A bug in a slot or a thread: log it with its traceback, tell the user in one
    sentence, and carry on (no modal loop inside the failing slot, no widget made on
    a worker thread)."""
    notice = _ErrorNotice(paths.logs / "send-desk.log")

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # exc_info, not the formatted text: the log handler keeps the type and frames
        # and drops the message, which may hold a child's name
        log.error("unexpected error", exc_info=(kind, error, tb))
        notice.raised.emit(kind.__name__)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return notice


def show_main_window(backend: Backend, ops: Ops, **kwargs: Any) -> MainWindow:
    from send_desk.gui.main_window import MainWindow

    install_wheel_guard()  # also when the QApplication was made elsewhere (tests)
    window = MainWindow(backend, ops, **kwargs)
    caseload = window.caseload
    caseload.restore_saved_filter()
    caseload.reload()
    caseload.load_options()
    if window.open_maximised:
        window.showMaximized()
    else:
        window.show()
    return window


@dataclass
class _Opened:
    backend: Backend | None = None
    window: MainWindow | None = None
    check: StoreCheck | None = None


def run_gui(paths: DataPaths) -> int:
    """`send-desk` with no command: start (first run or unlock), then the main window."""
    from send_desk.gui.start import StartWindow

    app = create_application()
    _setup_logging(paths)
    _install_excepthook(paths)
    ops = Ops()
    start = StartWindow(paths, ops)
    # what the unlock opens, kept alive here until the app quits
    state = _Opened()

    def opened(backend: Backend) -> None:
        from send_desk.gui.store_check import check_store_in_background

        state.backend = backend
        state.window = show_main_window(backend, ops)
        # quick check now, full weekly: damage is said plainly, not met later as a crash
        state.check = check_store_in_background(backend, ops, state.window)
        start.close()

    start.opened.connect(opened)
    start.show()
    app.processEvents()  # the unlock window is drawn before the store libraries load
    preload.start()
    code = app.exec()
    ops.wait()
    if state.backend is not None:
        state.backend.close()
    return int(code)


_HARMLESS_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's own notice


def _quiet_qt_messages(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if any(text in message for text in _HARMLESS_QT_MESSAGES):
        return
    log.warning("Qt: %s", message)
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg, QtMsgType.QtWarningMsg):
        print(f"Qt: {message}", file=sys.stderr)


def _on_screen(widget: Any, app: QApplication) -> None:
    """Show ``widget`` and paint it now, as a user would first see it."""
    widget.show()
    app.processEvents()
    widget.repaint()


def self_test(paths: DataPaths, password: str, *, out: Any = None) -> int:
    """Show the unlock window, unlock, show the main window with the caseload, report
    both times from process start, close.

    The password is "typed" as soon as the store libraries have loaded behind the
    unlock window, so the interactive time is the worst case (a user who types at
    once); "after the password" is the wait a user sees after pressing Enter."""
    from send_desk.gui.start import StartWindow

    out = out or sys.stdout
    started = time.perf_counter()
    previous_handler = qInstallMessageHandler(_quiet_qt_messages)
    app = create_application()
    ops = Ops()
    start = StartWindow(paths, ops)
    _on_screen(start, app)
    unlock_age = process_age()
    preload.start()
    preload.wait()
    # A user types for longer than the libraries take to load: from here on is the
    # wait they see after pressing Enter.
    loaded_age = process_age()
    entered = time.perf_counter()
    try:
        backend = preload.backend().open(paths, password)
    except BaseException:
        start.close()
        qInstallMessageHandler(previous_handler)
        raise
    try:
        window = show_main_window(backend, ops, idle_ms=60 * 60_000)
        start.close()
        if not ops.wait(60_000):
            raise RuntimeError("the caseload did not load within 60 s")
        table = window.caseload.table
        model = window.caseload.model
        rows = model.rowCount()
        if rows:
            # the rows a user sees first must be fetched and painted
            table.scrollToTop()
            first = model.data(model.index(0, 0))
            if not first:
                raise RuntimeError("the first caseload row has no data")
        app.processEvents()
        window.caseload.table.viewport().repaint()
        interactive = time.perf_counter() - started
        after_password = time.perf_counter() - entered
        age = process_age()
        current, peak = resident_memory_mb()
        if unlock_age is not None and loaded_age is not None:
            print(
                f"self-test: unlock window on screen in {unlock_age:.2f} s from process start; "
                f"store libraries loaded behind it by {loaded_age:.2f} s; "
                f"caseload {after_password:.2f} s after the password",
                file=out,
            )
        from_start = f"{age:.2f} s from process start" if age is not None else "process start n/a"
        print(
            f"self-test: interactive in {from_start}, {interactive:.2f} s from opening; "
            f"{rows} children in the caseload; "
            f"resident memory {current or 0:.0f} MB (peak {peak or 0:.0f} MB)",
            file=out,
        )
        print(
            f"self-test: store {Path(paths.root)}; version {__version__}; "
            f"clock engine {backend.clock.clock_engine_build()}",
            file=out,
        )
        window.close()
        app.processEvents()
    finally:
        ops.wait()
        backend.close()
        qInstallMessageHandler(previous_handler)
    return 0
