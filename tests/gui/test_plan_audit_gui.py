"""The Supervision page's Plans tab in the real window: the issued plans listed, a plan
audited through the dialog (pre-filled from the checker, the overall grade shown live,
bad input kept on the form), and the plan audit in the trends of plan audits only."""

from __future__ import annotations

import dataclasses
import os
import uuid
from datetime import date
from pathlib import Path

from sqlmodel import select

from send_desk.backend import Backend, ServiceError
from send_desk.domain.children import Child
from send_desk.gui.supervision.page import SupervisionPage
from send_desk.gui.supervision.plan_audit_dialog import PlanAuditDialog
from send_desk.plans import ProvisionList
from tests.unit.backend.plan_case import good_plan

ALL = ("a_sounds_like_family", "b_needs_not_diagnoses", "e_outcomes_ambitious",
       "f_enforceable", "one_story")  # fmt: skip


def issue_hedged_draft(backend: Backend) -> uuid.UUID:
    """A draft plan whose F2 says 'regular sessions' (only f_quantified fails), issued
    by the signed-in caseworker for the first demo child whose case lets the clock."""
    with backend._store.read() as session:
        children = [(c.id, c.first_name) for c in session.exec(select(Child)).all()]
    for child_id, first in children:
        plan = good_plan(child={"first_name": first, "year_group": 10})
        items = list(plan.sections.F.items)
        items[1] = dataclasses.replace(items[1], frequency="regular sessions")
        sections = dataclasses.replace(plan.sections, F=ProvisionList(tuple(items)))
        try:
            backend.plans.save_draft(child_id, dataclasses.replace(plan, sections=sections))
            backend.plans.issue_draft(child_id, backend.today(), accept_failed=True)
        except ServiceError:
            backend.plans.discard_draft(child_id)
            continue  # the clock refuses a draft for this child
        return child_id
    raise AssertionError("no demo child can have a draft plan issued")


def _page(qtbot, window) -> SupervisionPage:  # type: ignore[no-untyped-def]
    page = window.page_widgets["supervision"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("supervision")
    return page


def test_a_plan_is_audited_through_the_dialog(qtbot, qtmodeltester, window, backend) -> None:  # type: ignore[no-untyped-def]
    child = issue_hedged_draft(backend)
    writer = backend._store.info.user_id
    page = _page(qtbot, window)
    with qtbot.waitSignal(page.plans.loaded, timeout=10_000):
        page.tabs.setCurrentWidget(page.plans)
    tab = page.plans
    qtmodeltester.check(tab.model, force_py=True)
    rows = [tab.model.row(r) for r in range(tab.model.rowCount())]
    ours = next(i for i, r in enumerate(rows) if r and r.child_id == child)
    assert tab.model.index(ours, 0).data() == "Yours: a colleague audits it"
    assert tab.model.index(ours, 3).data() == "Draft plan"

    backend._store.info.user_id = uuid.uuid4()  # the supervisor on this laptop
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    assert tab.model.index(ours, 0).data() == "To audit"
    tab.view.selectRow(ours)
    seen: dict[str, object] = {}

    class Filled(PlanAuditDialog):
        def exec(self) -> int:  # type: ignore[override]
            # pre-filled: F suggested requires improvement, the rest good
            seen["suggested"] = self.grades()
            seen["overall_before"] = self.overall.text()
            seen["plan"] = self.ui.planText.toPlainText()
            self.set_grades(dict.fromkeys(ALL, "outstanding"))
            seen["overall_after"] = self.overall.text()
            # a control character is refused on the form; nothing is lost
            self.ui.commentsEdit.setPlainText("F2\x07 is vague")
            self.save()
            seen["error"] = self.error_label.text()
            seen["kept"] = self.ui.commentsEdit.toPlainText()
            self.ui.commentsEdit.setPlainText("F2 says 'regular': give a number.")
            self.ui.actionEdit.setText("Quantify F2")
            self.save()
            return self.result()

    tab.dialog_factory = Filled
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.audit_selected()
    audit = saved.args[0]
    assert seen["suggested"] == {**dict.fromkeys(ALL, "good"),
                                 "f_enforceable": "requires_improvement"}  # fmt: skip
    assert "Requires improvement" in str(seen["overall_before"])
    # all outstanding: f_quantified must pass for good, so still requires improvement
    assert "Requires improvement" in str(seen["overall_after"])
    assert "F: Special educational provision" in str(seen["plan"])
    assert "regular sessions" in str(seen["plan"])
    assert "Nothing was saved" in str(seen["error"]) and seen["kept"] == "F2\x07 is vague"
    assert audit.overall == "requires_improvement" and audit.version == 1
    assert audit.manual["f_enforceable"] == "outstanding"
    assert audit.action == "Quantify F2" and audit.caseworker_id == writer
    assert audit.comments == "F2 says 'regular': give a number."
    qtbot.waitUntil(lambda: tab.model.index(ours, 0).data() == "✓ Audited", timeout=10_000)
    assert "Plan audit saved: Requires improvement" in tab.confirmation.text()
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "plan-audits.png"))

    # the trends of plan audits count it; the case-note trends do not
    made = audit.made_at.date() if audit.made_at else date.today()
    month = f"{made:%Y-%m}"
    trends = page.trends
    page.tabs.setCurrentWidget(trends)
    trends.start.setText(month)
    trends.end.setText(month)
    with qtbot.waitSignal(trends.loaded, timeout=10_000) as shown:
        trends.subject.setCurrentIndex(trends.subject.findData("plan"))
    assert shown.args[0].service.total == 1
    assert shown.args[0].service.counts["requires_improvement"] == 1
    assert trends.summary.text().startswith("1 plan audit from")
    with qtbot.waitSignal(trends.loaded, timeout=10_000) as notes:
        trends.subject.setCurrentIndex(trends.subject.findData("note"))
    assert audit.audit_id not in {a.audit_id for a in backend.supervision.audits()}
    assert notes.args[0].query.subject == "note"
    assert "f_enforceable" not in {c.id for c in notes.args[0].criteria}

    # the caseworker sees it in Feedback, marked as a plan's, and acknowledges it
    backend._store.info.user_id = writer
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    model = page.feedback_model
    rows = [model.row(r) for r in range(model.rowCount())]
    mine = next(i for i, r in enumerate(rows) if r and r.audit_id == audit.audit_id)
    assert model.index(mine, model.columnCount() - 1).data() == "EHC plan"
    # the demo's own audits of this caseworker's notes and plans, each marked as its kind
    plans = {a.audit_id for a in backend.supervision.audits(subject="plan")}
    assert all(model.index(i, model.columnCount() - 1).data()
               == ("EHC plan" if r.audit_id in plans else "Case note")
               for i, r in enumerate(rows) if r and r.audit_id != audit.audit_id)  # fmt: skip
    page.feedback_view.selectRow(mine)
    page.ack_comment.setText("Will quantify F2")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.acknowledge_selected()
    (acked,) = [a for a in backend.supervision.audits(subject="plan")
                if a.audit_id == audit.audit_id]  # fmt: skip
    assert acked.acknowledged and acked.acknowledgement == "Will quantify F2"


def test_a_plan_audit_is_moderated_blind_in_the_moderation_tab(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    from send_desk.backend.plan_audit_models import NewPlanAudit

    child = issue_hedged_draft(backend)
    backend._store.info.user_id = uuid.uuid4()  # the first auditor
    first = backend.supervision.record_plan_audit(
        NewPlanAudit(child, {**dict.fromkeys(ALL, "outstanding")})
    )
    backend._store.info.user_id = uuid.uuid4()  # a second auditor
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.moderation_subject.setCurrentIndex(page.moderation_subject.findData("plan"))
    rows = [page.pending_model.row(r) for r in range(page.pending_model.rowCount())]
    # listed with the demo's plan audits still to moderate
    ours = [i for i, r in enumerate(rows) if r and r.audit_id == first.audit_id]
    assert len(ours) == 1
    assert page.pending_model.index(ours[0], 3).data().startswith("Draft plan issued on ")
    page.pending_view.selectRow(ours[0])
    before = backend.supervision.moderation_report(subject="plan")
    seen: dict[str, object] = {}

    class Blind(PlanAuditDialog):
        def exec(self) -> int:  # type: ignore[override]
            seen["title"] = self.windowTitle()
            seen["grades"] = self.grades()  # the suggestions, not the first auditor's
            self.set_grades({"f_enforceable": "inadequate"})
            self.save()
            return self.result()

    page.plans.dialog_factory = Blind
    with qtbot.waitSignal(page.plans.saved, timeout=10_000) as saved:
        page.moderate_selected()
    assert seen["title"] == "Moderate a plan audit (blind)"
    assert seen["grades"] == {**dict.fromkeys(ALL, "good"),
                              "f_enforceable": "requires_improvement"}  # fmt: skip
    moderation = saved.args[0]
    assert moderation.role == "moderation" and moderation.moderates_id == first.audit_id
    # first: all outstanding -> requires improvement (f_quantified fails); second: good
    # but F inadequate, score 27/11 -> requires improvement: the overall grades agree, none
    # of the 5 criteria do: 1 of 6
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    report = backend.supervision.moderation_report(subject="plan")
    assert (report.pairs, report.items, report.agreed) == (
        before.pairs + 1, before.items + 6, before.agreed + 1,
    )  # fmt: skip
    shown = {page.disagreements_model.index(r, 1).data()
             for r in range(page.disagreements_model.rowCount())}  # fmt: skip
    assert "Section F lets a school or a tribunal see exactly what must be done" in shown
    assert "one_story" not in shown and "The plan reads as one story about this child" in shown
