"""Capture every page of the real app (synthetic demo data only) into docs/screenshots.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        .venv/bin/python tests/gui/take_screenshots.py docs/screenshots

Builds its own demo stores in a temporary folder; needs a real X server (Xvfb) so
fonts render as on a desktop. Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: E401, E402, I001
import shutil, sys, uuid
from pathlib import Path
from send_desk.backend import Backend, DataPaths
from send_desk.backend.caseload_models import ChildChanges
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
from send_desk.gui.start import StartWindow
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
from tests.gui.shots import Shooter, output_folder, work_folder

OUT = output_folder()
WORK = work_folder("send-desk-shots-")
PASSWORD = "demo-password-1"
Backend.create_demo(DataPaths(WORK / "demo2k"), PASSWORD, children=2000, seed=3).close()
Backend.create_demo(DataPaths(WORK / "demo60"), PASSWORD, children=60, seed=5).close()
app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT, settle_ms=150)
settle, shot = shooter.settle, shooter.shot


# first run
tmp = WORK / "firstrun"
shutil.rmtree(tmp, ignore_errors=True)
start = StartWindow(DataPaths(tmp), ops)
start.show()
start.first_run.ui.passwordEdit.setText("walnut-orchard-42")
start.first_run.ui.confirmEdit.setText("walnut-orchard-42")
shot(start, "01-first-run")
start.close()

paths = DataPaths(WORK / "demo2k")
start = StartWindow(paths, ops)
start.show()
start.unlock.ui.passwordEdit.setText("wrong")
shot(start, "02-unlock")
start.close()

backend = Backend.open(paths, PASSWORD)
window = show_main_window(backend, ops, idle_ms=3_600_000)
window.resize(1440, 860)
settle(300)
shot(window, "03-caseload")
page = window.caseload
page.saved.setCurrentIndex(page.saved.findData("mine"))
page.phase_transfer.setChecked(True)
settle(300)
shot(window, "04-caseload-my-caseload-phase-transfer")
page.clear_filters()
settle()
# find a child with communication needs and a flag
ids = [child.hex for child in backend.caseload.caseload_ids()]
chosen = None
for cid in ids[:400]:
    d = backend.caseload.child_detail(uuid.UUID(cid))
    if d.communication_needs and d.flags and len(d.history) > 3:
        chosen = cid
        break
chosen = chosen or ids[0]
window.open_child(chosen)
settle(300)
shot(window, "05-child-record-summary")
window.record.tabs.setCurrentIndex(2)
settle()
shot(window, "06-child-record-family")
window.record.tabs.setCurrentIndex(5)
settle()
shot(window, "07-child-record-events")
# make an edit so history has a field change
backend.caseload.update_child(uuid.UUID(chosen), ChildChanges(postcode="LS1 4AP"))
window.record.reload()
settle()
window.record.tabs.setCurrentIndex(6)
settle()
shot(window, "08-child-record-history")
window.record.tabs.setCurrentIndex(0)
window.record.edit_child()
settle()
dlg = window.record.dialog
dlg.ui.postcodeEdit.setText("12345")
dlg.ui.lookedAfterCheck.setChecked(True)
dlg.ui.placingAuthorityEdit.setText("")
dlg.save()
settle()
shot(dlg, "09-edit-child-validation")
dlg.reject()
settle()
window.record.edit_member(window.record.detail.family[0])
settle()
shot(window.record.dialog, "10-edit-family-member")
window.record.dialog.reject()
settle()
# My day and the Timeline tab: tests/gui/take_clock_screenshots.py
window.show_page("caseload")
settle()
window.lock()
settle()
window.lock_panel.ui.passwordEdit.setText("x")
shot(window, "12-idle-lock")
window.unlock()
settle()
window.show_shortcuts()
settle()
shot(window.shortcuts_box, "13-keyboard-shortcuts")
window.shortcuts_box.close()
window.close()
ops.wait()
backend.close()

# damaged store
bad = WORK / "damaged"
shutil.rmtree(bad, ignore_errors=True)
shutil.copytree(WORK / "demo60", bad)
from send_desk.storage.store import open_store
from send_desk.storage.backup import backup_store

with open_store(DataPaths(bad), PASSWORD) as s:
    backup_store(s, DataPaths(bad).backups / "send-desk-backup-20261121T170500Z.zip")
DataPaths(bad).database.write_bytes(b"\0" * 8192)
start = StartWindow(DataPaths(bad), ops)
start.show()
start.unlock.ui.passwordEdit.setText("demo-password-1")
start.unlock.try_unlock()
settle(400)
shot(start, "14-damaged-store-restore")
start.close()
shutil.rmtree(WORK, ignore_errors=True)
