"""Capture the case-note screens (synthetic demo data only) into docs/screenshots.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        .venv/bin/python tests/gui/take_note_screenshots.py docs/screenshots

Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: I001
import sys
from pathlib import Path
from send_desk.backend import Backend, DataPaths
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
from tests.gui.shots import Shooter, output_folder, work_folder

OUT = output_folder()
WORK = work_folder("send-desk-note-shots-")
PASSWORD = "demo-password-1"
Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=300, seed=5).close()
app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT)
settle, shot = shooter.settle, shooter.shot


backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD)
window = show_main_window(backend, ops, idle_ms=3_600_000)
window.resize(1440, 860)
settle(300)
# a child with several notes
first = [c.hex for c in backend.caseload.caseload_ids()][:200]
chosen = max(first, key=lambda cid: len(backend.notes.child_notes(cid)))
window.open_child(chosen)
settle(300)
record = window.record
record.tabs.setCurrentWidget(record.notes_tab)
settle(300)
shot(window, "20-child-notes-tab")

tab = record.notes_tab
tab.new_note()
settle()
editor = tab.editor
ui = editor.ui
ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("visit"))
editor._add_row(ui.attendeesTable, focus=False)
ui.attendeesTable.item(0, 0).setText("Ms Ayesha Khan")
ui.attendeesTable.item(0, 1).setText("parent")
editor._add_row(ui.attendeesTable, focus=False)
ui.attendeesTable.item(1, 0).setText("")
ui.attendeesTable.item(1, 1).setText("interpreter")
ui.attendeesTable.item(1, 2).setText("aunt")
ui.purposeEdit.setText("Hear the family's views for the EHC needs assessment.")
ui.bodyEdit.setPlainText(
    "I visited Zain and his mum at home with an interpreter. The EP saw Zain in school "
    "last week and the SENCO says he finds the dinner hall too loud. Mum showed me his "
    "reading book. He reads well but finds writing hard and gets tired after lunch."
)
ui.parentViewsEdit.setPlainText("Mum wants Zain to have a quiet place to eat.")
editor._add_decision(focus=False)
ui.decisionsTable.item(0, 0).setText("Ask for speech and language advice")
ui.decisionsTable.item(0, 1).setText("")
editor._add_row(ui.actionsTable, focus=False)
ui.actionsTable.item(0, 0).setText("Send the advice request")
ui.actionsTable.item(0, 1).setText("")
ui.actionsTable.item(0, 2).setText("")
editor.refresh_checklist()
view = ui.checklistView
view.setCurrentIndex(editor.checklist.index(editor.checklist.row_of("acronyms_explained")))
editor.resize(1280, 900)
settle(300)
shot(editor, "21-note-editor-live-checklist")
editor.go_to_item("who_present")
settle()
editor.save()
settle(300)
if editor.confirm_box is not None:
    shot(editor.confirm_box, "22-note-save-confirmation")
    editor.confirm_box.done(0)
settle()
editor.close_keeping_draft()
settle()

window.search_box.setText("transport taxi")
window.search_notes()
settle(300)
shot(window, "23-search-notes")
window.close()
backend.close()
