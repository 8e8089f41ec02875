"""The plan editor and the statutory clock: issuing a draft when the case records no
decision to issue a plan asks first (going back issues nothing); once issued, what the
clock asks the caseworker to check is shown before the editor closes. Section K's
"add the advice received" reads the case's advice through PlansApi.advice_received.

The case: Sam, born 10 May 2012; request 1 June 2026, assessed, advice from the EP
(recorded as "EP") and health; no decision whether to issue yet. Today is 7 December
2026, so the decision (16 weeks) was due 21 September, the local draft target (14
weeks) 7 September, the final plan (20 weeks) 19 October 2026.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from send_desk.backend import Backend, DataPaths
from tests.unit.services.builder import Caseload

TODAY = date(2026, 12, 7)
PASSWORD = "correct horse battery staple"
NO_DECISION = (
    "The case records no decision to issue a plan: a draft plan follows the council's "
    "decision to issue one (SEND Regulations 2014 reg 10). The clock still records the "
    "draft, and the decision whether to issue (due 21/09/2026) stays open."
)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Backend, uuid.UUID]]:
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    c = Caseload(backend._store, TODAY)
    sam = c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
    c.event("Sam", "request_received", "2026-06-01")
    c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
    for kind in ("EP", "health"):
        c.event("Sam", "advice_requested", "2026-07-14", **{"from": kind})
    c.event("Sam", "advice_received", "2026-08-03", **{"from": "EP"})
    c.event("Sam", "advice_received", "2026-08-10", **{"from": "health"})
    yield backend, sam
    backend.close()


@pytest.fixture
def editor(qtbot, case):  # type: ignore[no-untyped-def]
    from send_desk.gui.ops import SyncOps
    from send_desk.gui.plans.editor import open_plan_editor

    backend, sam = case
    editor = open_plan_editor(backend, SyncOps(), str(sam), "Sam Example")
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    return editor


def _ask_to_issue(editor, on: QDate) -> None:  # type: ignore[no-untyped-def]
    editor.issue()
    editor.issue_dialog.ui.dateEdit.setDate(on)
    editor.issue_dialog.accept()


def test_no_decision_to_issue_asks_first_and_going_back_issues_nothing(qtbot, editor, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    _ask_to_issue(editor, QDate(2026, 10, 12))
    box = editor.confirm_box
    assert box is not None and box.isVisible()
    assert box.accessibleName() == "Issue the draft plan out of order"
    assert box.informativeText() == (
        NO_DECISION + " Record the decision first, or confirm issuing the draft without it."
    )
    assert box.defaultButton() is box.back_button
    qtbot.mouseClick(box.back_button, Qt.MouseButton.LeftButton)
    assert backend.plans.versions(sam) == ()
    assert editor.isVisible() and editor.ui.issueButton.isEnabled()


def test_confirming_issues_and_shows_what_the_clock_asks_to_check(qtbot, editor, case) -> None:  # type: ignore[no-untyped-def]
    backend, sam = case
    _ask_to_issue(editor, QDate(2026, 10, 12))
    qtbot.mouseClick(editor.confirm_box.issue_button, Qt.MouseButton.LeftButton)
    # then the criteria not met (the needs are not described yet), confirmed too
    criteria = editor.confirm_box
    assert criteria.accessibleName() == "Issue the draft plan with criteria not met"
    with qtbot.waitSignal(editor.issued, timeout=5000):
        qtbot.mouseClick(criteria.issue_button, Qt.MouseButton.LeftButton)
    assert [(v.version, v.kind) for v in backend.plans.versions(sam)] == [(1, "draft")]
    notice = editor.issued_box
    assert notice is not None and notice.isVisible()
    assert notice.text() == "Issued the draft plan (version 1) on 12/10/2026."
    assert notice.informativeText().split("\n") == [
        "The statutory clock asks you to check:",
        f"• {NO_DECISION}",
        "• Draft plan (local target: week 14): due 07/09/2026, done 35 days late (a local "
        "target, not a statutory time limit).",
        "• The family's time to comment on the draft ends on 26/10/2026, after the 20-week "
        "limit for the final plan (19/10/2026): the final plan will be late unless an "
        "exception applies.",
    ]
    with qtbot.waitSignal(editor.finished, timeout=5000):
        notice.button(QMessageBox.StandardButton.Ok).click()


def test_section_k_adds_the_advice_received_by_the_standards_names(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    # the new draft lists what the case received ("EP" is the educational psychologist)
    assert editor.ui.adviceEdit.toPlainText() == "educational_psychology\nhealth"
    editor.show_section("K")
    editor.ui.adviceEdit.setPlainText("health")
    qtbot.waitUntil(lambda: editor.ui.addReceivedButton.isEnabled(), timeout=5000)
    qtbot.mouseClick(editor.ui.addReceivedButton, Qt.MouseButton.LeftButton)
    assert editor.ui.adviceEdit.toPlainText() == "health\neducational_psychology"
