"""The one way the GUI does work off its thread.

``ops.run(work, on_done, on_failed)`` calls ``work()`` on a QThreadPool thread and
delivers its result (or exception) to the callbacks on the GUI thread through a
queued signal. ``work`` calls the backend, which opens its own short-lived Session,
so no ORM object or Session ever crosses threads: only plain data comes back.

A write goes through ``ops.run_change(work, on_done, on_failed, changes=...)``: after it
succeeds (and after ``on_done``) the :class:`~send_desk.backend.changes.Changes` it returned
or declared goes out on ``ops.hub.changes``, on the GUI thread, for every page to judge.

Tests swap in :class:`SyncOps`, which runs the work at once on the calling thread and
calls back the same way, so a test needs no waiting.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from send_desk.backend.changes import NO_CHANGES, Changes
from send_desk.gui.context import ChangeHub

log = logging.getLogger(__name__)

# Worker threads; with the GUI thread, fewer than the store's five connections per engine.
MAX_WORKERS = 3
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread as long as its Ops: its signals carry results back there.

    One relay for all ops, owned by the Ops (a Qt parent), never one per op: a per-op
    relay was released by Python on whichever thread dropped the last reference, so a
    worker thread could free it while the GUI thread was deleting it (a native
    ``double free`` that took every window down)."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    """Carries only plain data and the long-lived relay to the worker thread."""

    def __init__(self, ticket: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._work = work
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI thread, never lost
            self._relay.failed.emit(self._ticket, error)
            return
        self._relay.succeeded.emit(self._ticket, result)


class Ops(QObject):
    """Runs backend work on a thread pool; callbacks arrive on the GUI thread.

    ``busy_changed(bool)`` tells the window when to show a busy indication;
    ``error(str)`` carries the message of a failed op that had no ``on_failed``, and of
    a callback that raised: an error in a background op is reported, it never escapes
    into Qt (where it could end the process).
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
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._tickets = itertools.count(1)
        # a window's other Ops (the sync's) take the window's hub instead: one signal
        self.hub = ChangeHub(self)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Done | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_failed)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._start(ticket, work)

    def run_change(
        self,
        work: Callable[[], Any],
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        *,
        changes: Changes | None = None,
    ) -> None:
        """Run a write; once it succeeds, publish what it changed on ``hub.changes``.

        What changed is ``changes`` (declared by the caller) combined with the result
        itself when that is a :class:`Changes`, or the result's ``changes`` attribute
        (a facade's read model that knows, like a sync pass). A failed write publishes
        nothing. ``on_done`` runs first, so the page that made the change has shown its
        own outcome before every page reloads (as Anki's ``CollectionOp.success``)."""

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self.hub.publish(changes_in(result) | (changes or NO_CHANGES))

        self.run(work, done, on_failed)

    def _start(self, ticket: int, work: Callable[[], Any]) -> None:
        self._pool.start(_Job(ticket, work, self._relay))

    @Slot(int, object)
    def _succeeded(self, ticket: int, result: Any) -> None:
        on_done, _on_failed = self._callbacks.get(ticket, (None, None))
        try:
            if on_done is not None:
                on_done(result)
        except Exception as error:  # noqa: BLE001 - a bug in a callback is reported, not fatal
            self._report(error, None)
        finally:
            self._finish(ticket)

    @Slot(int, object)
    def _failed(self, ticket: int, error: BaseException) -> None:
        _on_done, on_failed = self._callbacks.get(ticket, (None, None))
        try:
            self._report(error, on_failed)
        except Exception as second:  # noqa: BLE001 - the on_failed callback itself failed
            self._report(second, None)
        finally:
            self._finish(ticket)

    def _finish(self, ticket: int) -> None:
        if self._callbacks.pop(ticket, None) is None:
            return
        if not self._callbacks:
            self.busy_changed.emit(False)
            self.idle.emit()

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
        while self._callbacks and not deadline.hasExpired():
            self._pool.waitForDone(10)
            QCoreApplication.processEvents()
        return not self._callbacks


def changes_in(result: object) -> Changes:
    """The Changes a write's result carries: itself, its ``changes``, or none."""
    if isinstance(result, Changes):
        return result
    carried = getattr(result, "changes", None)
    return carried if isinstance(carried, Changes) else NO_CHANGES


class SyncOps(Ops):
    """Runs each op at once on the calling thread (tests): same callbacks, no threads."""

    def _start(self, ticket: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except BaseException as error:  # noqa: BLE001 - delivered to on_failed, never lost
            self._failed(ticket, error)
            return
        self._succeeded(ticket, result)
