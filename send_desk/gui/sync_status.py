"""Background sync for the main window: when it runs, what the status bar says.

The :class:`SyncController` syncs by itself a few seconds after the window opens,
every few minutes while the network is there, and as soon as Qt's network
information says it came back. A sync that fails because the central store cannot
be reached is retried with a growing wait (30 s, 1, 2, 5, then 15 minutes). The work
runs on a background op (its own :class:`~send_desk.gui.ops.Ops`, so a sync never
turns the pointer busy); progress arrives on the GUI thread through a signal.

The status bar shows the last sync time and the changes waiting, and a progress bar
while a long sync runs.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar

from send_desk.backend.sync import SyncBackend
from send_desk.backend.sync_models import NOT_SIGNED_IN, SyncResult, SyncStatus
from send_desk.gui.ops import Ops
from send_desk.timeutil import LONDON

log = logging.getLogger(__name__)

BACKOFF_MS = (30_000, 60_000, 120_000, 300_000, 900_000)
PERIOD_MS = 5 * 60_000
FIRST_MS = 3_000


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the sync's progress callback emits from the op's thread."""

    moved = Signal(str, int, object)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def when_text(instant: datetime | None) -> str:
    """'10:42' today, '21/11/2026 10:42' before, in Europe/London."""
    if not instant:
        return "never"
    moment = instant.astimezone(LONDON)
    if moment.date() == datetime.now(LONDON).date():
        return moment.strftime("%H:%M")
    return moment.strftime("%d/%m/%Y %H:%M")


class SyncController(QObject):
    status_changed = Signal(object)  # a SyncStatus
    running_changed = Signal(bool)
    progress = Signal(str, int, object)  # phase, done, total (None when unknown)
    finished = Signal(object)  # the pass's SyncResult
    failed = Signal(str, str)  # message, kind (offline, signed_out, refused)
    wiped = Signal(str)

    def __init__(
        self,
        backend: SyncBackend,
        ops: Ops,
        parent: QObject | None = None,
        *,
        watch_network: bool = True,
        period_ms: int = PERIOD_MS,
        backoff_ms: tuple[int, ...] = BACKOFF_MS,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.period_ms = period_ms
        self.backoff_ms = backoff_ms
        self.running = False
        self.online = True
        self.failures = 0
        self.next_retry_ms: int | None = None
        self.status: SyncStatus = NOT_SIGNED_IN
        self.last_error: str | None = None
        self.is_wiped = False
        self.is_closing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self._relay = _ProgressRelay(self)
        self._relay.moved.connect(self._moved)
        self.network: Any = None
        if watch_network:
            self._watch_network()

    # ------------------------------------------------------------ network

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError) as error:
            log.info("no network information on this system: %s", error)
            return
        if info is None:
            return
        self.network = info
        info.reachabilityChanged.connect(self._reachability)
        self.online = info.reachability() != QNetworkInformation.Reachability.Disconnected

    @Slot(object)
    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        self.network_changed(reachability != QNetworkInformation.Reachability.Disconnected)

    def network_changed(self, online: bool) -> None:
        """The network came or went: sync soon when it came back."""
        was = self.online
        self.online = online
        if not online:
            self.timer.stop()
            self.next_retry_ms = None
        elif not was and self.status.configured:
            self.failures = 0
            self.schedule(1_000)
        self.status_changed.emit(self.status)

    # ------------------------------------------------------------ running

    def start(self) -> None:
        self.refresh_status(then_schedule=FIRST_MS)

    def stop(self) -> None:
        self.timer.stop()

    def schedule(self, delay_ms: int) -> None:
        if self.is_wiped or self.is_closing:
            return
        self.timer.start(max(0, delay_ms))

    def refresh_status(self, then_schedule: int | None = None) -> None:
        def done(status: SyncStatus) -> None:
            self.status = status
            self.status_changed.emit(status)
            if then_schedule is not None and status.configured and self.online:
                self.schedule(then_schedule)

        if self.is_wiped:
            return
        self.ops.run(self.backend.status, done, lambda error: log.warning("sync status: %s", error))

    def sync_now(self) -> None:
        """Start a sync pass unless one is running (or there is nothing to sync with)."""
        if self.running or self.is_wiped:
            return
        self.timer.stop()
        self.running = True
        self.next_retry_ms = None
        self.running_changed.emit(True)
        self.status_changed.emit(self.status)
        relay = self._relay

        def work() -> SyncResult:
            return self.backend.sync(
                progress=lambda phase, done, total: relay.moved.emit(phase, done, total)
            )

        # a pass that pulled rows publishes Changes.all(): every page showing them follows
        self.ops.run_change(work, self._succeeded, self._failed)

    @Slot(str, int, object)
    def _moved(self, phase: str, done: int, total: object) -> None:
        self.progress.emit(phase, done, total)

    def _succeeded(self, report: SyncResult) -> None:
        self.running = False
        self.failures = 0
        self.last_error = None
        self.running_changed.emit(False)
        self.finished.emit(report)
        self.refresh_status(then_schedule=self.period_ms)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.running_changed.emit(False)
        kind = getattr(error, "kind", "bug")
        message = getattr(error, "message", None) or f"Sync failed: {error}"
        if kind == "bug":
            log.error("sync failed", exc_info=error)
            message = "Sync failed inside SEND Desk; your changes are kept. Details are in the log."
        if kind == "wiped":
            self.is_wiped = True
            self.timer.stop()
            self.wiped.emit(message)
            return
        self.last_error = message
        if kind in ("offline", "bug"):
            self.failures += 1
            delay = self.backoff_ms[min(self.failures, len(self.backoff_ms)) - 1]
            self.next_retry_ms = delay
            if self.online:
                self.schedule(delay)
        self.failed.emit(message, kind)
        self.refresh_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window is closing: no new sync, and let a running one finish first."""
        if event.type() == QEvent.Type.Close:
            self.stop()
            self.is_closing = True
            if self.running:
                self.ops.wait(30_000)
        return False

    # ------------------------------------------------------------ words

    def describe(self) -> str:
        status = self.status
        if self.is_wiped:
            return "Sync: this laptop's caseload was removed"
        if not status.configured:
            return "Sync: not set up"
        waiting = status.pending
        parts = [f"last {when_text(status.last_sync_at)}", f"{waiting} waiting"]
        if status.quarantined:
            parts.append(f"{status.quarantined} refused")
        if status.conflicts:
            parts.append(plural(status.conflicts, "conflict"))
        if self.running:
            return "Sync: syncing… · " + " · ".join(parts[1:])
        if not self.online:
            return "Sync: offline · " + " · ".join(parts[1:])
        if self.last_error and self.next_retry_ms:
            return (
                "Sync: cannot reach the central store · "
                + " · ".join(parts[1:])
                + f" · retry in {self.next_retry_ms // 1000} s"
            )
        return "Sync: " + " · ".join(parts)


def attach_sync(window: Any, *, watch_network: bool = True) -> SyncController:
    """Give the main window background sync, its status bar text and progress bar."""
    ops = type(window.ops)(window)
    # its own ops (a sync never waits behind page loads), the window's one change hub
    ops.hub = window.ops.hub
    controller = SyncController(
        SyncBackend.for_backend(window.backend), ops, window, watch_network=watch_network
    )
    bar = QProgressBar()
    bar.setObjectName("syncProgress")
    bar.setAccessibleName("Sync progress")
    bar.setMaximumWidth(160)
    bar.setTextVisible(False)
    bar.hide()
    window.statusBar().addPermanentWidget(bar)
    window.sync_progress = bar
    label = window.sync_label

    def show_status(_status: Any = None) -> None:
        label.setText(controller.describe())
        label.setToolTip(controller.last_error or controller.status.server or "")

    def show_progress(_phase: str, done: int, total: object) -> None:
        if isinstance(total, int) and total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))
        else:
            bar.setRange(0, 0)  # busy: the length is not known
        bar.show()

    def running(now: bool) -> None:
        if not now:
            bar.hide()
        show_status()

    controller.status_changed.connect(show_status)
    controller.running_changed.connect(running)
    controller.progress.connect(show_progress)
    controller.failed.connect(lambda _message, _kind: show_status())

    def wiped(message: str) -> None:
        # the store is gone: nothing more can be shown; the window closes once read
        show_status()
        window.sync_wiped = True
        window.outer.setEnabled(False)
        window.show_message(message)
        box = getattr(window, "last_message_box", None)
        if box is not None and box.isVisible():
            box.finished.connect(window.close)
        else:
            window.close()

    controller.wiped.connect(wiped)
    window.installEventFilter(controller)
    window.context.sync = controller
    page = getattr(window, "page_widgets", {}).get("sync")
    bind = getattr(page, "bind", None)
    if callable(bind):
        bind(controller)
    show_status()
    controller.start()
    return controller
