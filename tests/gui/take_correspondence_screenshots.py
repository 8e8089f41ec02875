"""Capture correspondence, callbacks, complaints and reports (synthetic demo data only)
into docs/screenshots.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        .venv/bin/python tests/gui/take_correspondence_screenshots.py docs/screenshots

The Correspondence page (awaiting a reply, a duplicate email refused, booking a
callback with the duty officer, complaints), a child's Correspondence tab, My day with
replies and callbacks due, the Reports page (statutory figures, correspondence week by
week, complaints by month and root causes) and an export with its progress bar. Builds
its own 2,000-child demo store in a temporary folder (today Friday 20 November 2026,
10:40). Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: E401, I001
import shutil, sys, tempfile, threading
from datetime import date, datetime, timedelta
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from send_desk.backend.correspondence_models import NewItem
from send_desk.backend import Backend, DataPaths
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
from send_desk.gui.progress_op import ProgressOp

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
WORK = Path(tempfile.mkdtemp(prefix="send-desk-correspondence-shots-"))
PASSWORD = "demo-password-1"
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, 40)


def today() -> date:
    return TODAY


Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=2000, seed=3, today=today).close()
app = create_application()
ops = Ops()


def settle(ms=250):
    ops.wait()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    ops.wait()


def pump(ms):
    """Let the GUI thread run for a while without waiting for background work."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget, name, wait=True):
    if wait:
        settle()
    widget.grab().save(str(OUT / f"{name}.png"))
    print("saved", name)


backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD, today=today)
backend.correspondence.clock_now = lambda: NOW
me = backend.me()
assert me is not None
mine = [
    c.hex
    for c in backend.caseload.caseload_ids(
        backend.caseload.saved_filter("mine", caseworker_id=me.id, team_id=me.team_id)
    )
]
child = mine[0]
# a call this morning asking for a callback, and the caseworker away on Monday
backend.correspondence.log(
    child,
    NewItem("call", TODAY, "Family contact", "Please ring about the transport to the new school"),
)
window = show_main_window(backend, ops, idle_ms=3_600_000, reminder_delay_ms=-1)
window.resize(1440, 880)

# My day with replies, callbacks and complaint responses due
window.show_page("my_day")
settle(600)
page = window.page_widgets["my_day"]
page.splitter.setSizes([380, 0, 300])
shot(window, "50-my-day-correspondence-due")

# the Correspondence page: everything awaiting a reply in the team, overdue first
corr = window.page_widgets["correspondence"]
window.show_page("correspondence")
settle(400)
corr.scope.setCurrentIndex(corr.scope.findData("team"))
settle(600)
corr.items_view.selectRow(0)
shot(window, "51-correspondence-awaiting-reply")

# a child's record: log the same email twice
window.open_child(child)
settle(600)
record = window.record
for _wait in range(50):
    if record.correspondence_tab.child_id == child:
        break
    settle(200)
record.tabs.setCurrentWidget(record.correspondence_tab)
settle()
tab = record.correspondence_tab
for _attempt in range(2):
    tab.log_button.click()
    settle()
    dialog = tab.dialog
    dialog.ui.channelCombo.setCurrentIndex(dialog.ui.channelCombo.findData("email"))
    dialog.ui.summaryEdit.setPlainText("Can we move the annual review meeting to a Tuesday?")
    dialog.ui.referenceEdit.setText("Annual review date (sent 20/11/2026 08:14)")
    dialog.save()
    settle()
shot(dialog, "52-duplicate-email-refused")
dialog.reject()
settle()
shot(window, "53-child-correspondence-tab")

# book a callback: the caseworker is away on Monday, so Monday goes to the duty officer
options = backend.caseload.caseload_options()
others = [c for c in options.caseworkers if c.id != me.id and c.team == me.team]
backend.correspondence.add_absence(
    me.id, TODAY + timedelta(days=3), TODAY + timedelta(days=4), "Training"
)
backend.correspondence.set_duty(me.team_id, TODAY + timedelta(days=3), others[0].id)
tab.items_view.selectRow(0)
tab.callback_button.click()
settle(500)
callback = tab.dialog
callback.ui.slotList.setCurrentRow(callback.ui.slotList.count() // 3)
shot(callback, "54-book-callback-duty-officer")
callback.reject()
settle()

# complaints on the Correspondence page, with a stage's response
window.show_page("correspondence")
settle()
corr.tabs.setCurrentIndex(2)
corr.complaint_show.setCurrentIndex(corr.complaint_show.findData("all"))
corr.scope.setCurrentIndex(corr.scope.findData("all"))
settle(600)
shot(window, "55-complaints-by-stage")
corr.complaints_view.selectRow(0)
corr.tabs.setCurrentIndex(1)
corr.callback_show.setCurrentIndex(corr.callback_show.findData("missed"))
settle(500)
shot(window, "56-missed-callbacks")

# the Reports page
reports = window.page_widgets["reports"]
window.show_page("reports")
settle(300)
reports.preset.setCurrentIndex(reports.preset.findData("last_12_weeks"))
reports.reload()
settle(1500)
shot(window, "57-reports-statutory")
reports.tabs.setCurrentIndex(1)
settle(400)
shot(window, "58-reports-correspondence-weeks")
reports.tabs.setCurrentIndex(2)
settle(400)
shot(window, "59-reports-complaints-root-causes")

# an export with its progress bar (slowed so the bar is caught half way)
original = ProgressOp.progress
caught = threading.Event()


def slow(self, done, total):
    original(self, done, total)
    if done >= total // 2 and not caught.is_set():
        caught.wait(timeout=10)


ProgressOp.progress = slow
op = reports.export_to("xlsx", str(WORK / "report.xlsx"))
pump(1500)
# the progress dialog is a window of its own: grab the screen where the window is
frame = window.frameGeometry()
screen = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
screen.save(str(OUT / "60-export-progress-cancel.png"))
print("saved 60-export-progress-cancel")
op.dialog.findChild(type(reports.csv_button)).click()
caught.set()
settle(1500)
shot(window, "61-export-cancelled")
ProgressOp.progress = original

window.close()
ops.wait()
backend.close()
shutil.rmtree(WORK, ignore_errors=True)
