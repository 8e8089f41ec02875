"""The Supervision page in the real window: draw a sample, audit a note, moderate blind,
the caseworker's feedback and acknowledgement, and the audit's action on My day."""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

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
        if backend.draw_sample(period=period, seed=1, save=False)["notes"]:
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
    assert page.tabs.count() == 3
    page.period.setText(_month_with_notes(backend))
    page.seed.setValue(5)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    first_rows = [page.sample_model.row(r)["note_id"] for r in range(page.sample_model.rowCount())]
    assert first_rows and "seed 5" in page.sample_summary.text()
    assert all(page.sample_model.row(r)["why"] for r in range(len(first_rows)))
    # the same seed draws the same notes again
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.draw()
    assert [page.sample_model.row(r)["note_id"] for r in range(len(first_rows))] == first_rows
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        window.grab().save(
            str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "supervision-sample.png")
        )

    # audit the first note, with an action for the caseworker
    page.sample_view.selectRow(0)
    page.dialog_factory = _auto_dialog(GRADES, action="Add the school's view")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        page.audit_selected()
    audit = saved.args[0]
    assert audit["overall"] in ("requires_improvement", "inadequate")  # one criterion RI
    assert audit["action"] == "Add the school's view"
    caseworker = audit["caseworker_id"]
    due = backend.audit_actions_due(caseworker_id=caseworker)
    assert [d["what"] for d in due] == ["Add the school's view"] and due[0]["note_kind"] == "Audit"
    # ... and it is among the caseworker's actions on My day
    my_day = window.page_widgets["my_day"]
    assert "Add the school's view" in [a["what"] for a in my_day._note_actions(caseworker)]

    # a second auditor moderates blind (the form shows no grades of the first audit)
    backend._store.info.user_id = uuid.uuid4()  # another supervisor on this laptop
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    rows = [page.pending_model.row(r) for r in range(page.pending_model.rowCount())]
    row_number = next(i for i, r in enumerate(rows) if r["audit_id"] == audit["audit_id"])
    page.pending_view.selectRow(row_number)
    page.dialog_factory = _auto_dialog({**GRADES, "analysis": "good"})
    with qtbot.waitSignal(page.saved, timeout=10_000) as moderated:
        page.moderate_selected()
    assert moderated.args[0]["role"] == "moderation"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert "1 moderated audit" in page.agreement.text() and "agreement 80%" in page.agreement.text()
    assert page.disagreements_model.rowCount() == 1
    if os.environ.get("SEND_DESK_SCREENSHOTS"):
        page.tabs.setCurrentIndex(1)
        window.grab().save(
            str(Path(os.environ["SEND_DESK_SCREENSHOTS"]) / "supervision-moderation.png")
        )

    # feedback: acknowledge
    page.tabs.setCurrentIndex(2)
    feedback: list[dict[str, Any]] = [
        dict(page.feedback_model.row(r)) for r in range(page.feedback_model.rowCount())
    ]
    number = next(i for i, r in enumerate(feedback) if r["audit_id"] == audit["audit_id"])
    page.feedback_view.selectRow(number)
    page.ack_comment.setText("Thanks")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.acknowledge_selected()
    acked = [a for a in backend.audits(role="audit") if a["audit_id"] == audit["audit_id"]]
    assert acked[0]["acknowledged"] and acked[0]["acknowledgement"] == "Thanks"
    window.grab().save(str(tmp_path / "supervision.png"))


def test_the_audit_form_needs_every_grade(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    period = _month_with_notes(backend)
    note = backend.draw_sample(period=period, seed=2, save=False)["notes"][0]
    form = backend.audit_form(note["note_id"])
    dialog = AuditDialog(form, backend.audit_grades())
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "Grade every criterion" in dialog.error.text() and not dialog.result()
    assert len(dialog.grade_boxes) == 4
