"""Capture the statutory clock's pages (synthetic demo data only) into docs/screenshots.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        .venv/bin/python tests/gui/take_clock_screenshots.py docs/screenshots

My day, a child's Timeline tab, recording an exception (refused without evidence), the
prompt for an apology after a missed deadline, the caseload's Overdue filter. Builds its
own demo store in a temporary folder (today fixed to Friday 20 November 2026). Not
collected by pytest (no test_ prefix).
"""

# ruff: noqa: E401, I001
import shutil, sys
from datetime import date, timedelta
from pathlib import Path
from send_desk.backend import Backend, DataPaths
from send_desk.backend.caseload_models import NewChild
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
from tests.gui.shots import Shooter, output_folder, work_folder

OUT = output_folder()
WORK = work_folder("send-desk-clock-shots-")
PASSWORD = "demo-password-1"
TODAY = date(2026, 11, 20)


def today() -> date:
    return TODAY


Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=2000, seed=3, today=today).close()
app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT)
settle, shot = shooter.settle, shooter.shot


backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD, today=today)
me = backend.me()
# a deadline of this caseworker missed three days ago, so My day offers an apology
fresh = backend.caseload.create_child(
    NewChild(first_name="Oliwia", last_name="Nowak", date_of_birth=date(2019, 4, 12))
)
backend.caseload.allocate(fresh, me.id, TODAY - timedelta(days=60))
backend.clock.record_event(fresh, "request_received", TODAY - timedelta(days=45))
window = show_main_window(backend, ops, idle_ms=3_600_000, reminder_delay_ms=-1)
window.resize(1440, 860)
window.show_page("my_day")
settle(400)
page = window.page_widgets["my_day"]
page.table.selectRow(0)
shot(window, "11-my-day")

# the apology prompt
page.prompt_apologies()
settle()
shot(page.dialog, "19-missed-deadline-apology")
page.dialog.reject()
settle()

# a child in assessment with advice: its timeline, with an exception relied on
rows = backend.clock.my_day(caseworker_id=me.id).rows
chosen = next(
    (r for r in rows if r.milestone.startswith("advice_due") and r.status == "overdue"),
    rows[0],
)
window.open_child(chosen.child_id.hex)
settle()
record = window.record
record.tabs.setCurrentWidget(record.timeline_tab)
settle()
tab = record.timeline_tab
target = next(
    i for i in range(tab.model.rowCount())
    if tab.model.row(i).status == "overdue" and tab.model.row(i).exception_reasons
)
tab.table.selectRow(target)
tab.record_exception()
settle()
dialog = tab.dialog
dialog.ui.reasonCombo.setCurrentIndex(2)
dialog.save()  # no evidence: refused, the field marked
settle()
shot(dialog, "18-record-exception-evidence")
dialog.ui.evidenceEdit.setPlainText(
    "Family abroad 01/10/2026 to 15/11/2026; email from parent 28/09/2026"
)
dialog.save()
settle(400)
tab.table.selectRow(target)
shot(window, "17-child-timeline")

# the caseload's Overdue filter
window.show_page("caseload")
window.caseload.overdue.setChecked(True)
settle(400)
shot(window, "24-caseload-overdue")
window.close()
ops.wait()
backend.close()
shutil.rmtree(WORK, ignore_errors=True)
