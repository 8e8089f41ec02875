"""Capture the EHC plan editor (synthetic demo data only) into docs/screenshots, at the
size of a 1366 x 768 council laptop.

    xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" \
        .venv/bin/python tests/gui/take_plan_screenshots.py docs/screenshots

Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: I001
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from send_desk.backend import Backend, DataPaths
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
from tests.gui.shots import Shooter, output_folder, work_folder

OUT = output_folder()
WORK = work_folder("send-desk-plan-shots-")
PASSWORD = "demo-password-1"
Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=60, seed=5).close()
app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT)
settle, shot = shooter.settle, shooter.shot


backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD)
window = show_main_window(backend, ops, idle_ms=3_600_000)
window.resize(1366, 740)
settle(300)
# a child in assessment whose plan has not been issued yet
chosen = next(
    cid for cid in backend.caseload.caseload_ids()
    if backend.caseload.child_detail(cid).stage in ("assessment", "not_issued")
    and not backend.plans.versions(cid)
)  # fmt: skip
window.open_child(chosen.hex)
settle(300)
record = window.record
record.open_plan()
settle()
editor = record.dialog
editor.resize(1366, 700)
name = editor.base.child.first_name or "The child"
ui = editor.ui
ui.childViewsEdit.setPlainText(
    "I like drawing and football. I do not like the dinner hall because it is loud."
)
ui.parentViewsEdit.setPlainText(f"We want {name} to make friends and to feel safe at school.")
ui.aspirationsEdit.setPlainText(f"{name} wants to be an artist or to work with animals.")
b = editor.models["B"]
if not b.items:
    editor.add_item("B")
    b.setData(b.index(0, b.column_of("area")), "SEMH")
    b.setData(
        b.index(0, b.column_of("primary")), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
b.setData(
    b.index(0, b.column_of("description")),
    f"{name} finds busy and noisy rooms very hard and can leave the class without warning.",
)
first_need = b.items[0].id
editor.add_item("E")
e = editor.models["E"]
e.setData(e.index(0, e.column_of("outcome")),
          f"By July {name} will stay in 4 of the 5 lessons each day.")  # fmt: skip
e.setData(e.index(0, e.column_of("needs")), first_need)
editor.add_item("F")
f = editor.models["F"]
for key, text in (
    ("what", "Teaching of ways to stay calm, with a quiet place to go"),
    ("who", "learning mentor trained in emotional literacy"),
    ("frequency", "regular sessions as required"),
    ("duration", "30 minutes"),
    ("group", "1:1"),
    ("review", "every half term"),
    ("needs", first_need),
    ("outcomes", e.items[0].id),
):
    f.setData(f.index(0, f.column_of(key)), text)
editor.refresh_checklist()
settle(300)
editor.go_to("f_quantified")
settle(300)
shot(editor, "70-plan-editor-section-f-checklist")
editor.show_section("A")
ui.checklistView.setCurrentIndex(editor.checklist.index(editor.checklist.row_of("a_child_voice")))
settle()
shot(editor, "71-plan-editor-section-a")
editor.show_section("B")
settle()
shot(editor, "72-plan-editor-section-b")
editor.issue()
settle()
if editor.issue_dialog is not None:
    shot(editor.issue_dialog, "73-plan-issue-date")
    editor.issue_dialog.accept()
    settle(300)
# a case with no decision to issue recorded asks about that first, then the criteria
for _step in range(2):
    if editor.confirm_box is None:
        break
    if "criteria" in editor.confirm_box.accessibleName():
        shot(editor.confirm_box, "74-plan-issue-confirmation")
    editor.confirm_box.issue_button.click()
    settle(500)
if editor.issued_box is not None:  # what the clock asks to check, once issued
    shot(editor.issued_box, "74b-plan-issued-check-the-dates")
    editor.issued_box.accept()
    settle(300)
record.tabs.setCurrentWidget(record.timeline_tab)
settle(500)
shot(window, "75-child-timeline-draft-plan-issued")


def confirm_anyway(editor):
    settle(300)
    for _step in range(2):  # the order of events, then the criteria
        if editor.confirm_box is None:
            break
        editor.confirm_box.issue_button.click()
        settle(500)
    if editor.issued_box is not None:
        editor.issued_box.accept()
        settle(300)


# finalising: the editor reopens on the issued draft, and names the school
record.open_plan()
settle()
editor = record.dialog
editor.resize(1366, 700)
editor.finalise()
settle()
dialog = editor.finalise_dialog
if dialog is not None:
    dialog.ui.schoolCombo.setCurrentIndex(min(1, dialog.ui.schoolCombo.count() - 1))
    shot(dialog, "76-plan-finalise-school")
    dialog.accept()
    confirm_anyway(editor)
# amending: the final plan is in force; the draft changes the parents' views
record.open_plan()
settle()
editor = record.dialog
editor.resize(1366, 700)
editor.show_section("A")
editor.ui.parentViewsEdit.setPlainText(
    f"We want {name} to make friends, to feel safe at school and to join a club."
)
editor.propose_amendment()
settle()
dialog = editor.amend_dialog
if dialog is not None:
    dialog.ui.reasonEdit.setPlainText(
        f"The annual review found {name} is ready to join an after-school club."
    )
    shot(dialog, "77-plan-propose-amendment")
    dialog.accept()
    confirm_anyway(editor)
record.tabs.setCurrentWidget(record.timeline_tab)
settle(500)
shot(window, "78-child-timeline-final-plan-and-amendment")
window.close()
backend.close()
