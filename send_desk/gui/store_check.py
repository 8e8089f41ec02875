"""After unlocking, the app checks the store in the background and says plainly if it
is damaged: what, and which backup to restore. Nothing is shown when it is whole."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from send_desk.backend import Backend
from send_desk.backend.integrity import StoreHealth
from send_desk.gui.ops import Ops

log = logging.getLogger(__name__)
TITLE = "SEND Desk: your caseload store is damaged"


class StoreCheck(QObject):
    """One background check; ``finished(result)`` when it is done (result None: the
    check itself could not run)."""

    finished = Signal(object)

    def __init__(self, backend: Backend, ops: Ops, window: QWidget) -> None:
        super().__init__(window)
        self.backend = backend
        self.ops = ops
        self.window = window
        self.box: QMessageBox | None = None

    def start(self) -> StoreCheck:
        self.ops.run(self.backend.integrity.check_store, self._done, self._failed)
        return self

    def _done(self, result: StoreHealth) -> None:
        if not result.ok:
            self._warn(result)
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        log.warning("the store check could not run: %s", error)
        self.finished.emit(None)

    def _warn(self, result: StoreHealth) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, TITLE, result.summary, parent=self.window)
        box.setInformativeText(result.advice)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAccessibleName("The caseload store is damaged")
        # not modal to the app: records that are whole can still be read and copied out
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.box = box


def check_store_in_background(backend: Backend, ops: Ops, window: QWidget) -> StoreCheck:
    return StoreCheck(backend, ops, window).start()
