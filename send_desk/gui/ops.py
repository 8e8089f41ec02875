"""The one way the GUI does work off its thread.

``ops.run(work, on_done, on_failed)`` calls ``work()`` on a QThreadPool thread and
delivers its result (or exception) to the callbacks on the GUI thread through a
queued signal. ``work`` calls the backend, which opens its own short-lived Session,
so no ORM object or Session ever crosses threads: only plain data comes back.

Tests swap in :class:`SyncOps`, which runs the work at once on the calling thread and
calls back the same way, so a test needs no waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Worker threads; with the GUI thread, fewer than the store's five connections per engine.
MAX_WORKERS = 3
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry results back there."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI thread, never lost
            self._relay.failed.emit(error)
            return
        self._relay.succeeded.emit(result)


class Ops(QObject):
    """Runs backend work on a thread pool; callbacks arrive on the GUI thread.

    ``busy_changed(bool)`` tells the window when to show a busy indication;
    ``error(str)`` carries the message of a failed op that had no ``on_failed``.
    """

    busy_changed = Signal(bool)
    error = Signal(str)
    idle = Signal()

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool.globalInstance()
            # The store keeps one SQLite connection per thread and at most five of them
            # (the SQLCipher dialect's SingletonThreadPool closes the others, even while
            # another thread is using one). So the workers are few and live as long as
            # the app: threads that expire and come back as new threads would push the
            # number over five over a working day.
            pool.setExpiryTimeout(-1)
            pool.setMaxThreadCount(min(pool.maxThreadCount(), MAX_WORKERS))
        self._pool = pool
        self._pending: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Done | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        relay = _Relay()
        self._pending.add(relay)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._pending.discard(relay)
            relay.deleteLater()
            if not self._pending:
                self.busy_changed.emit(False)
                self.idle.emit()

        @Slot(object)
        def succeeded(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                finish()

        @Slot(object)
        def failed(error: BaseException) -> None:
            try:
                self._report(error, on_failed)
            finally:
                finish()

        relay.succeeded.connect(succeeded)
        relay.failed.connect(failed)
        self._start(work, relay)

    def _start(self, work: Callable[[], Any], relay: _Relay) -> None:
        self._pool.start(_Job(work, relay))

    def _report(self, error: BaseException, on_failed: Failed | None) -> None:
        if on_failed is not None:
            on_failed(error)
            return
        message = getattr(error, "message", None) or str(error)
        if not getattr(error, "message", None):
            log.error("background operation failed", exc_info=error)
            message = f"Something went wrong inside SEND Desk: {message}"
        self.error.emit(message)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every op has finished (used by --self-test and at exit)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(msecs)
        while self._pending and not deadline.hasExpired():
            self._pool.waitForDone(10)
            QCoreApplication.processEvents()
        return not self._pending


class SyncOps(Ops):
    """Runs each op at once on the calling thread (tests): same callbacks, no threads."""

    def _start(self, work: Callable[[], Any], relay: _Relay) -> None:
        try:
            result = work()
        except BaseException as error:  # noqa: BLE001 - delivered to on_failed, never lost
            relay.failed.emit(error)
            return
        relay.succeeded.emit(result)
