"""What the screenshot scripts (tests/gui/take_*_screenshots.py) share: the folder the
pictures go to (the first argument), a scratch folder for the demo stores, and waiting
for the window to settle before a widget's picture is saved.

Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from send_desk.gui.ops import Ops


def output_folder() -> Path:
    """The folder named on the command line, made if missing."""
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    return out


def work_folder(prefix: str) -> Path:
    """A new scratch folder for the script's stores."""
    return Path(tempfile.mkdtemp(prefix=prefix))


class Shooter:
    """Saves widgets' pictures into ``out`` once the worker threads and the event loop
    have settled (a picture taken sooner shows a half-loaded page)."""

    def __init__(self, ops: Ops, out: Path, settle_ms: int = 200) -> None:
        self.ops = ops
        self.out = out
        self.settle_ms = settle_ms

    def settle(self, ms: int | None = None) -> None:
        self.ops.wait()
        loop = QEventLoop()
        QTimer.singleShot(self.settle_ms if ms is None else ms, loop.quit)
        loop.exec()
        self.ops.wait()

    def shot(self, widget: QWidget, name: str) -> None:
        self.settle()
        widget.grab().save(str(self.out / f"{name}.png"))
        print("saved", name)
