"""Supervision is fair, on screen: one's own note is refused with the reason before
any grading, the mouse wheel never changes a grade it passes over, a saved audit is
good news (no warning box), and a drawn sample stays until completed or discarded."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from send_desk.backend.supervision_models import SampleRequest
from send_desk.gui.supervision.audit_dialog import AuditDialog
from send_desk.gui.supervision.page import SupervisionPage

GRADES = {"facts_opinion": "good", "analysis": "good", "respectful_language": "good",
          "colleague_could_act": "good"}  # fmt: skip


def _page(qtbot, window) -> SupervisionPage:  # type: ignore[no-untyped-def]
    page = window.page_widgets["supervision"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("supervision")
    return page


def _draw(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.period.setText("2026-10")
    page.per.setValue(10)
    page.include_audited.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.draw()
    assert page.sample_model.rowCount() > 2


def _row(page, yours: bool) -> int:  # type: ignore[no-untyped-def]
    rows = range(page.sample_model.rowCount())
    return next(r for r in rows if bool(page.sample_model.row(r).yours) == yours)


class _Filled(AuditDialog):
    opened = 0

    def exec(self) -> int:  # type: ignore[override]
        type(self).opened += 1
        self.set_grades(GRADES)
        self._accept()
        return 1


def test_ones_own_note_is_refused_with_the_reason(qtbot, window) -> None:
    page = _page(qtbot, window)
    _draw(qtbot, page)
    page.dialog_factory = _Filled
    _Filled.opened = 0
    page.sample_view.selectRow(_row(page, yours=True))
    page.audit_selected()
    assert _Filled.opened == 0  # no form to grade
    assert "cannot audit your own case note" in window.last_message_box.text()
    assert "Yours: a colleague audits it" in {
        page.sample_model.index(r, 0).data() for r in range(page.sample_model.rowCount())
    }


def _wheel(widget, steps: int = -1) -> None:  # type: ignore[no-untyped-def]
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_wheel_never_changes_a_grade_it_passes_over(qtbot, window, backend) -> None:
    backend._store.info.user_id = uuid.uuid4()  # a supervisor
    note = backend.supervision.draw_sample(SampleRequest("2026-11", seed=1), save=False).notes[0]
    supervision = backend.supervision
    dialog = AuditDialog(supervision.audit_form(note.version_id), supervision.grades())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = next(iter(dialog.grade_boxes.values()))
    assert isinstance(combo, QComboBox)
    before = combo.currentIndex()
    dialog.ui.noteText.setFocus()
    qtbot.waitUntil(dialog.ui.noteText.hasFocus)
    _wheel(combo)
    _wheel(combo)
    assert combo.currentIndex() == before
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives it no focus
    # a combo the user is in still answers the wheel
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() != before


def test_audit_saved_is_good_news_not_a_warning(qtbot, window, backend) -> None:
    page = _page(qtbot, window)
    _draw(qtbot, page)
    page.sample_view.selectRow(_row(page, yours=False))
    window.last_message_box = None
    page.dialog_factory = _Filled
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.audit_selected()
    assert window.last_message_box is None
    assert page.confirmation.isVisible()
    assert page.confirmation.text().startswith("✓ Audit saved: Good")


def test_a_drawn_sample_stays_until_completed_or_discarded(qtbot, window, backend) -> None:
    page = _page(qtbot, window)
    _draw(qtbot, page)
    drawn = [page.sample_model.row(r).version_id for r in range(page.sample_model.rowCount())]
    # the app is closed and opened again: a new page finds the same sample
    again = SupervisionPage(page.context)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.page_shown()
    qtbot.waitUntil(lambda: again.sample_model.rowCount() == len(drawn))
    assert [again.sample_model.row(r).version_id for r in range(len(drawn))] == drawn
    # discarded: gone for good
    again.discard_sample()
    third = SupervisionPage(page.context)
    qtbot.addWidget(third)
    with qtbot.waitSignal(third.loaded, timeout=10_000):
        third.page_shown()
    assert third.sample_model.rowCount() == 0 and third.sample is None


def test_a_completed_sample_is_put_away(qtbot, window, backend) -> None:
    page = _page(qtbot, window)
    page.period.setText("2026-10")
    page.per.setValue(1)
    page.team.setText("East")  # a team the signed-in caseworker is not in
    page.include_audited.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.draw()
    count = page.sample_model.rowCount()
    assert count >= 1 and not any(page.sample_model.row(r).yours for r in range(count))
    page.dialog_factory = _Filled
    for number in range(count):
        page.sample_view.selectRow(number)
        with qtbot.waitSignal(page.saved, timeout=10_000):
            page.audit_selected()
        qtbot.waitUntil(lambda n=number: page.sample is None or page.sample.audited == n + 1)
    assert page.sample is None and page.sample_model.rowCount() == 0
    assert page.sample_summary.text().startswith(f"Sample complete: all {count} notes")
