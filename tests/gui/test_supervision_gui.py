"""The Supervision page in the real window: draw a sample, audit a note, moderate blind,
the caseworker's feedback and acknowledgement, and the audit's action on My day."""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from send_desk.backend.labels import grade_label
from send_desk.backend.supervision_models import SampleRequest
from send_desk.gui.supervision.audit_dialog import AuditDialog
from send_desk.gui.supervision.page import SupervisionPage

GRADES = {"facts_opinion": "good", "analysis": "outstanding", "respectful_language": "good",
          "colleague_could_act": "requires_improvement"}  # fmt: skip


def _page(qtbot, window) -> SupervisionPage:  # type: ignore[no-untyped-def]
    page = window.page_widgets["supervision"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("supervision")
    return page


def _month_with_notes(backend) -> str:  # type: ignore[no-untyped-def]
    day = date(2026, 11, 1)
    for _ in range(24):
        period = f"{day.year:04d}-{day.month:02d}"
        if backend.supervision.draw_sample(SampleRequest(period, seed=1), save=False).notes:
            return period
        day = (day - timedelta(days=1)).replace(day=1)
    raise AssertionError("the demo store has no notes")


def _auto_dialog(grades: dict[str, str], action: str = "") -> type[AuditDialog]:
    class Filled(AuditDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.set_grades(grades)
            if action:
                self.action.setText(action)
            self._accept()
            return 1

    return Filled


def test_draw_audit_moderate_and_acknowledge(qtbot, window, backend, tmp_path: Path) -> None:
    page = _page(qtbot, window)
    assert page.tabs.count() == 5  # Sample, Moderation, Feedback, Trends, Plans
    page.period.setText(_month_with_notes(backend))
    page.seed.setValue(5)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    first_rows = [page.sample_model.row(r).note_id for r in range(page.sample_model.rowCount())]
    assert first_rows and "seed 5" in page.sample_summary.text()
    assert all(page.sample_model.row(r).why for r in range(len(first_rows)))
    # the same seed draws the same notes again
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.draw()
    assert [page.sample_model.row(r).note_id for r in range(len(first_rows))] == first_rows
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        window.grab().save(
            str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "supervision-sample.png")
        )

    # their supervisor audits one of the caseworker's notes, with an action (no one
    # audits their own note)
    mine = next(r for r in range(len(first_rows)) if page.sample_model.row(r).yours)
    assert page.sample_model.index(mine, 0).data() == "Yours: a colleague audits it"
    caseworker_id = backend._store.info.user_id
    backend._store.info.user_id = uuid.uuid4()  # the supervisor on this laptop
    page.sample_view.selectRow(mine)
    page.dialog_factory = _auto_dialog(GRADES, action="Add the school's view")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        page.audit_selected()
    audit = saved.args[0]
    assert audit.overall in ("requires_improvement", "inadequate")  # one criterion RI
    assert audit.action == "Add the school's view"
    caseworker = audit.caseworker_id
    due = backend.supervision.actions_due(caseworker_id=caseworker)
    ours = [d for d in due if d.audit_id == audit.audit_id]
    assert [d.what for d in ours] == ["Add the school's view"]
    # ... and it is among the caseworker's actions on My day, with the audit's grade
    my_day = window.page_widgets["my_day"]
    (shown,) = [a for a in my_day._note_actions(caseworker.hex) if a.audit_id == audit.audit_id]
    assert shown.what == "Add the school's view"
    assert shown.owner.endswith(f"(audit: {grade_label(audit.overall)})")

    # a second auditor moderates blind (the form shows no grades of the first audit)
    before = backend.supervision.moderation_report()
    backend._store.info.user_id = uuid.uuid4()  # another supervisor on this laptop
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    rows = [page.pending_model.row(r) for r in range(page.pending_model.rowCount())]
    row_number = next(i for i, r in enumerate(rows) if r.audit_id == audit.audit_id)
    page.pending_view.selectRow(row_number)
    page.dialog_factory = _auto_dialog({**GRADES, "analysis": "good"})
    with qtbot.waitSignal(page.saved, timeout=10_000) as moderated:
        page.moderate_selected()
    assert moderated.args[0].role == "moderation"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    after = backend.supervision.moderation_report()
    assert after.pairs == before.pairs + 1
    pair = next(m for m in after.moderations if m.audit_id == audit.audit_id)
    assert (pair.agreed, pair.items) == (4, 5)  # analysis differs: 80% agreement
    assert f"{after.pairs} moderated audits" in page.agreement.text()
    assert f"agreement {after.rate:.0%}" in page.agreement.text()
    assert page.disagreements_model.rowCount() == len(before.disagreements) + 1
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        page.tabs.setCurrentIndex(1)
        window.grab().save(
            str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "supervision-moderation.png")
        )

    # feedback: the caseworker acknowledges
    backend._store.info.user_id = caseworker_id
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    page.tabs.setCurrentIndex(2)
    feedback = [page.feedback_model.row(r) for r in range(page.feedback_model.rowCount())]
    number = next(i for i, r in enumerate(feedback) if r and r.audit_id == audit.audit_id)
    page.feedback_view.selectRow(number)
    page.ack_comment.setText("Thanks")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.acknowledge_selected()
    acked = [a for a in backend.supervision.audits(role="audit") if a.audit_id == audit.audit_id]
    assert acked[0].acknowledged and acked[0].acknowledgement == "Thanks"
    window.grab().save(str(tmp_path / "supervision.png"))


def test_the_audit_form_needs_every_grade(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    period = _month_with_notes(backend)
    note = backend.supervision.draw_sample(SampleRequest(period, seed=2), save=False).notes[0]
    form = backend.supervision.audit_form(note.note_id)
    dialog = AuditDialog(form, backend.supervision.grades())
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "Grade every criterion" in dialog.error.text() and not dialog.result()
    assert len(dialog.grade_boxes) == 4


def test_trends_charts_and_the_board_report(qtbot, window, backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, window)
    trends = page.trends
    # the demo signs in a caseworker: their own trends only
    with qtbot.waitSignal(trends.loaded, timeout=10_000) as shown:
        page.tabs.setCurrentWidget(trends)
    mine = shown.args[0]
    me = backend.me()
    assert not trends.team.isEnabled() and trends.caseworker.currentText() == me.name
    assert mine.caseworker == me.name
    assert [r.caseworker for r in mine.caseworkers] in ([], [me.name])

    # a supervisor chooses a team and sees its caseworkers, charted month by month
    supervisor = next(a.auditor_id for a in backend.supervision.audits(role="audit"))
    backend._store.info.user_id = supervisor
    backend._me = None
    trends.fill_scope(backend.caseload.caseload_options())
    assert trends.team.isEnabled() and trends.team.itemText(0) == "All teams"
    with qtbot.waitSignal(trends.loaded, timeout=10_000) as shown:
        trends.show_trends()
    everyone = shown.args[0]
    total = everyone.service.total
    months = [f"{a.made_at:%Y-%m}" for a in backend.supervision.audits(role="audit") if a.made_at]
    assert total == len([m for m in months if everyone.start <= m <= everyone.end])
    (series,) = trends.grades_chart.series()
    sets = series.barSets()
    assert [s.label() for s in sets] == [g.label for g in backend.supervision.grades()]
    assert sum(s.at(i) for s in sets for i in range(s.count())) == total
    assert sets[0].count() == len(everyone.months) == 6
    assert trends.model.rowCount() == len(everyone.caseworkers) > 0
    assert "good or better" in trends.summary.text()
    team = everyone.teams[0].team
    trends.team.setCurrentIndex(trends.team.findData(team))
    with qtbot.waitSignal(trends.loaded, timeout=10_000) as shown:
        qtbot.mouseClick(trends.show_button, Qt.MouseButton.LeftButton)
    assert {r.team for r in shown.args[0].caseworkers} == {team}
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        trends.team.setCurrentIndex(0)  # all teams, for the picture
        with qtbot.waitSignal(trends.loaded, timeout=10_000):
            trends.show_trends()
        QApplication.processEvents()  # the charts lay out their axes on the next pass
        window.grab().save(
            str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "supervision-trends.png")
        )

    # the report for the board, as PDF and XLSX; a folder that is not there is told plainly
    for fmt in ("pdf", "xlsx"):
        target = tmp_path / f"board.{fmt}"
        trends.save_path = lambda _fmt, _name, t=target: str(t)
        with qtbot.waitSignal(trends.exported, timeout=10_000) as saved:
            trends.save(fmt)
        assert saved.args[0] == str(target) and target.stat().st_size > 1000
    trends.save_path = lambda _fmt, _name: str(tmp_path / "missing" / "board.pdf")
    with qtbot.waitSignal(trends.failed, timeout=10_000) as refused:
        trends.save("pdf")
    assert "could not be written" in refused.args[0]
    assert "not saved" in trends.summary.text()

    # a period that ends before it starts: a clear message, nothing charted changes
    trends.start.setText("2026-09")
    trends.end.setText("2026-03")
    with qtbot.waitSignal(trends.failed, timeout=10_000):
        trends.show_trends()
    assert "before it starts" in trends.summary.text()
