"""Starting the desktop app: the QApplication, the start window, the main window,
and ``--self-test`` (time to an interactive caseload, for CI and the frozen build)."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QLocale, QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from send_desk import __version__
from send_desk.backend import Backend, DataPaths
from send_desk.gui.measure import process_age, resident_memory_mb
from send_desk.gui.ops import Ops
from send_desk.gui.wheel_guard import install_wheel_guard

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
    install_wheel_guard(app)
    return app


def _setup_logging(paths: DataPaths) -> None:
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(
            paths.logs / "send-desk.log", encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("send_desk")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _install_excepthook(paths: DataPaths) -> None:
    """A bug in a slot: log it with its traceback, tell the user in one sentence."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            QMessageBox.warning(
                app.activeWindow(),
                "SEND Desk",
                "Something went wrong inside SEND Desk. Your saved work is safe. Details are "
                f"in {paths.logs / 'send-desk.log'} for the IT service desk.",
            )

    sys.excepthook = hook


def show_main_window(backend: Backend, ops: Ops, **kwargs: Any) -> Any:
    from send_desk.gui.main_window import MainWindow

    install_wheel_guard()  # also when the QApplication was made elsewhere (tests)
    window = MainWindow(backend, ops, **kwargs)
    caseload = window.caseload
    caseload.restore_saved_filter()
    caseload.reload()
    caseload.load_options()
    window.show()
    return window


def run_gui(paths: DataPaths) -> int:
    """`send-desk` with no command: start (first run or unlock), then the main window."""
    from send_desk.gui.start import StartWindow

    app = create_application()
    _setup_logging(paths)
    _install_excepthook(paths)
    ops = Ops()
    start = StartWindow(paths, ops)
    state: dict[str, Any] = {}

    def opened(backend: Backend) -> None:
        state["backend"] = backend
        state["window"] = show_main_window(backend, ops)
        start.close()

    start.opened.connect(opened)
    start.show()
    code = app.exec()
    ops.wait()
    backend = state.get("backend")
    if backend is not None:
        backend.close()
    return int(code)


_HARMLESS_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's own notice


def _quiet_qt_messages(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if any(text in message for text in _HARMLESS_QT_MESSAGES):
        return
    log.warning("Qt: %s", message)
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg, QtMsgType.QtWarningMsg):
        print(f"Qt: {message}", file=sys.stderr)


def self_test(paths: DataPaths, password: str, *, out: Any = None) -> int:
    """Open the store, show the main window with the caseload, report, close."""
    out = out or sys.stdout
    started = time.perf_counter()
    previous_handler = qInstallMessageHandler(_quiet_qt_messages)
    app = create_application()
    ops = Ops()
    backend = Backend.open(paths, password)
    try:
        window = show_main_window(backend, ops, idle_ms=60 * 60_000)
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
        age = process_age()
        current, peak = resident_memory_mb()
        from_start = f"{age:.2f} s from process start" if age is not None else "process start n/a"
        print(
            f"self-test: interactive in {from_start}, {interactive:.2f} s from opening; "
            f"{rows} children in the caseload; "
            f"resident memory {current or 0:.0f} MB (peak {peak or 0:.0f} MB)",
            file=out,
        )
        print(
            f"self-test: store {Path(paths.root)}; version {__version__}; "
            f"clock engine {backend.clock_engine_build()}",
            file=out,
        )
        window.close()
        app.processEvents()
    finally:
        ops.wait()
        backend.close()
        qInstallMessageHandler(previous_handler)
    return 0
