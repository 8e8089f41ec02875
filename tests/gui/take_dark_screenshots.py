"""Dark-palette screenshots of the child record and a validation failure.

    xvfb-run -a .venv/bin/python tests/gui/take_dark_screenshots.py docs/screenshots STORE_DIR

STORE_DIR is a demo store whose password is in SEND_DESK_PASSWORD. Xvfb has no
platform theme, so a dark Fusion palette stands in for the system's dark mode: the
point is to check that nothing in the app hard-codes a colour that breaks it.
"""


import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer

from send_desk.backend import Backend, DataPaths
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops

app = create_application()
app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
if app.palette().window().color().lightness() > 128:
    # No platform theme under Xvfb: stand in for the system's dark palette.
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    p = QPalette()
    R = QPalette.ColorRole
    for role, colour in (
        (R.Window, "#2b2b2b"),
        (R.WindowText, "#e6e6e6"),
        (R.Base, "#1e1e1e"),
        (R.AlternateBase, "#333333"),
        (R.Text, "#e6e6e6"),
        (R.Button, "#3a3a3a"),
        (R.ButtonText, "#e6e6e6"),
        (R.Highlight, "#2f65ca"),
        (R.HighlightedText, "#ffffff"),
        (R.ToolTipBase, "#333333"),
        (R.ToolTipText, "#e6e6e6"),
        (R.PlaceholderText, "#9a9a9a"),
        (R.Mid, "#5a5a5a"),
        (R.Dark, "#202020"),
        (R.Light, "#505050"),
        (R.Midlight, "#454545"),
    ):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, R.Text, QColor("#808080"))
    p.setColor(QPalette.ColorGroup.Disabled, R.WindowText, QColor("#808080"))
    p.setColor(QPalette.ColorGroup.Disabled, R.ButtonText, QColor("#808080"))
    app.setPalette(p)
ops = Ops()


def settle(ms=200):
    ops.wait()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    ops.wait()


b = Backend.open(DataPaths(Path(sys.argv[2])), os.environ["SEND_DESK_PASSWORD"])
w = show_main_window(b, ops, idle_ms=3_600_000)
w.resize(1440, 860)
settle()
ids = b.caseload.caseload_ids()
cid = next(
    c.hex
    for c in ids[:400]
    if b.caseload.child_detail(c).communication_needs and b.caseload.child_detail(c).flags
)
w.open_child(cid)
settle()
w.grab().save(sys.argv[1] + "/15-child-record-dark.png")
w.record.edit_child()
settle()
d = w.record.dialog
d.ui.postcodeEdit.setText("12345")
d.save()
settle()
d.grab().save(sys.argv[1] + "/16-edit-child-validation-dark.png")
print(app.palette().window().color().name())
