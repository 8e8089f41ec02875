"""Long background work with a progress bar and a Cancel button (exports).

``run_with_progress(ops, parent, title, work, on_done, on_failed)`` shows a window-modal
progress dialog and runs ``work(progress, cancelled)`` through the app's one ops helper
(:class:`~send_desk.gui.ops.Ops`), so it is off the GUI thread in the app and at once in
tests. ``progress(done, total)`` may be called from the worker thread: it reaches the
dialog through a queued signal. Cancel sets a flag the work reads through
``cancelled()``; the work then stops (an export raises ExportCancelled and leaves no
file) and ``on_failed`` gets that error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from send_desk.gui.ops import Ops

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Relay(QObject):
    """Lives on the GUI thread: a progress report from any thread arrives here."""

    progressed = Signal(int, int)


class ProgressOp(QObject):
    """One running op: its dialog, its cancel flag; emits ``finished(ok)``."""

    finished = Signal(bool)

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.cancel_flag = threading.Event()
        self.dialog = QProgressDialog(label, "&Cancel", 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        # Owned by this op (a Qt parent) so it is freed on the GUI thread, never by
        # the worker thread that reports progress through it.
        self.relay = _Relay(self)
        self.relay.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.closed = False
        self.last: tuple[int, int] = (0, 0)

    def cancel(self) -> None:
        self.cancel_flag.set()
        self.dialog.setLabelText("Stopping…")

    def cancelled(self) -> bool:
        return self.cancel_flag.is_set()

    def progress(self, done: int, total: int) -> None:
        """Safe from any thread."""
        self.relay.progressed.emit(done, total)

    def _show(self, done: int, total: int) -> None:
        if self.closed:
            return  # a report queued before the work ended; the dialog is gone
        self.last = (done, total)
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def close(self, ok: bool) -> None:
        self.closed = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.finished.emit(ok)


def run_with_progress(
    ops: Ops,
    parent: QWidget | None,
    title: str,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> ProgressOp:
    """Start ``work`` with a progress dialog; returns the op (tests cancel through it)."""
    op = ProgressOp(parent, title, label)
    op.dialog.show()

    def done(result: Any) -> None:
        op.close(True)
        on_done(result)

    def failed(error: BaseException) -> None:
        op.close(False)
        on_failed(error)

    ops.run(lambda: work(op.progress, op.cancelled), done, failed)
    return op


__all__ = ["ProgressOp", "run_with_progress"]
