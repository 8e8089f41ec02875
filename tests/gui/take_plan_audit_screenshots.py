"""Capture the supervisor's plan audit (synthetic demo data only) into docs/screenshots,
at the size of a 1366 x 768 council laptop.

    xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" \
        .venv/bin/python tests/gui/take_plan_audit_screenshots.py docs/screenshots

(or QT_QPA_PLATFORM=offscreen). Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: E401, I001
import dataclasses, sys, uuid
from pathlib import Path
from sqlmodel import select
from send_desk.backend import Backend, DataPaths, ServiceError
from send_desk.domain.children import Child
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
from send_desk.gui.supervision.plan_audit_dialog import PlanAuditDialog
from send_desk.plans import ProvisionList
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
from tests.gui.shots import Shooter, output_folder, work_folder
from tests.unit.backend.plan_case import good_plan

OUT = output_folder()
WORK = work_folder("send-desk-plan-audit-shots-")
PASSWORD = "demo-password-1"
Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=60, seed=5).close()
app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT)
settle, shot = shooter.settle, shooter.shot


backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD)
# two issued drafts written by the caseworker signed in: one with F2 hedged
with backend._store.read() as session:
    children = [(c.id, c.first_name) for c in session.exec(select(Child)).all()]
issued = 0
for child_id, first in children:
    plan = good_plan(child={"first_name": first, "year_group": 10})
    if issued == 0:
        items = list(plan.sections.F.items)
        items[1] = dataclasses.replace(items[1], frequency="regular sessions as required")
        plan = dataclasses.replace(
            plan, sections=dataclasses.replace(plan.sections, F=ProvisionList(tuple(items)))
        )
    try:
        backend.plans.save_draft(child_id, plan)
        backend.plans.issue_draft(child_id, backend.today(), accept_failed=True)
    except ServiceError:
        backend.plans.discard_draft(child_id)
        continue
    issued += 1
    if issued == 2:
        break
backend._store.info.user_id = uuid.uuid4()  # the supervisor on this laptop

window = show_main_window(backend, ops, idle_ms=3_600_000)
window.resize(1366, 740)
settle(300)
window.show_page("supervision")
settle(300)
page = window.page_widgets["supervision"]
page.tabs.setCurrentWidget(page.plans)
settle(300)
shot(window, "79-plan-audit-plans-to-audit")

tab = page.plans
first = tab.model.row(0)
form = backend.supervision.plan_audit_form(first.child_id, first.version)
for row in range(tab.model.rowCount()):
    candidate = tab.model.row(row)
    maybe = backend.supervision.plan_audit_form(candidate.child_id, candidate.version)
    if any(a.applies and not a.passed for a in maybe.automatic):
        form, first = maybe, candidate
        tab.view.selectRow(row)
        break
dialog = PlanAuditDialog(
    backend, ops, form, backend.supervision.grades(), today=backend.today(), parent=window
)
dialog.resize(900, 700)
dialog.show()
settle(300)
shot(dialog, "80-plan-audit-dialog-prefilled")
dialog.ui.scrollArea.verticalScrollBar().setValue(
    dialog.ui.scrollArea.verticalScrollBar().maximum()
)
dialog.set_grades({"a_sounds_like_family": "outstanding", "one_story": "outstanding"})
dialog.ui.commentsEdit.setPlainText(
    "Section A is in the family's words. F2 says 'regular sessions as required': give a "
    "number of sessions and how long each lasts, so the school knows what to deliver."
)
dialog.ui.actionEdit.setText("Quantify F2 before the final plan")
settle(300)
shot(dialog, "81-plan-audit-dialog-graded")
dialog.save()
settle(500)
if dialog.saved_result is not None:
    tab._saved(dialog.saved_result)  # as the tab does after its own dialog
shot(window, "82-plan-audit-saved")

page.tabs.setCurrentWidget(page.trends)
settle(300)
page.trends.subject.setCurrentIndex(page.trends.subject.findData("plan"))
settle(500)
shot(window, "83-plan-audit-trends")
window.close()
backend.close()
