"""The letter composer in the real window: opened from the child record, the preview
and the plain-English check beside it, a problem picked out, refusals explained,
saved to the record, and the PDF saved for email."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.backend.caseload_models import NewChild, NewFamilyMember
from tests.gui.children import child_ids

pytestmark = pytest.mark.gui


def _child_with_caseworker(backend: Any) -> str:
    for child_id in child_ids(backend):
        detail = backend.caseload.child_detail(uuid.UUID(child_id))
        current = [a for a in detail.allocations if a.end_date is None]
        if current and detail.family:
            return str(child_id)
    raise AssertionError("no allocated child with a family in the demo")


def test_the_composer_previews_checks_and_saves(qtbot, window, backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    child_id = _child_with_caseworker(backend)
    window.open_child(child_id)
    record = window.record
    qtbot.waitUntil(lambda: record.detail is not None and record.detail.id.hex == child_id)
    record.write_letter("callback_confirmation")
    composer = record.dialog
    assert composer is not None  # owned by the record; deletes itself when closed
    # inputs missing: no letter, and the window says what to fill in
    assert "No letter yet" in composer.ui.previewBrowser.toPlainText()
    assert not composer.ui.saveButton.isEnabled()
    with qtbot.waitSignal(composer.composed, timeout=10_000):
        composer.set_input("caller", "Priya Sharma")
        composer.set_input("number", "07700 900123")
        composer.set_input("about", "school transport")
        composer.refresh()
    text = composer.ui.previewBrowser.toPlainText()
    assert "We will phone you" in text
    assert composer.current is not None and composer.current.check.passed
    summary = composer.ui.checkSummaryLabel.text()
    assert "Passes" not in summary and "No problems to fix" in summary
    age = round(composer.current.check.reading_age)
    met = "meets the aim of 9" if age <= 9 else "does not meet the aim of 9"
    assert f"Reading age about {age}: {met}" in summary
    assert composer.ui.saveButton.isEnabled()
    with qtbot.waitSignal(composer.saved, timeout=10_000) as saved:
        composer.ui.saveButton.click()
    assert saved.args[0].row.status == "saved"
    assert backend.letters.child_letters(child_id)[0].template == "callback_confirmation"
    target = tmp_path / "letter.pdf"
    with qtbot.waitSignal(composer.exported, timeout=10_000):
        composer.save_for_email(target)
    assert target.read_bytes().startswith(b"%PDF")
    letters = backend.letters.child_letters(child_id)
    assert any(item.status == "sent" and item.sent_via == "email" for item in letters)
    composer.close()


def test_a_problem_is_picked_out_in_the_preview(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.letters import LetterComposer

    child_id = _child_with_caseworker(backend)
    composer = LetterComposer(
        backend,
        ops,
        child_id,
        template="complaint_response",
        inputs={
            "findings": ["The request was not dealt with in accordance with our policy."],
            "outcome": "upheld",
        },
    )
    qtbot.addWidget(composer)
    qtbot.waitUntil(lambda: composer.current is not None, timeout=10_000)
    issues = composer.current.issues
    kinds = [issue.kind for issue in issues]
    assert "avoid" in kinds
    row = kinds.index("avoid")
    composer.ui.issuesList.setCurrentRow(row)
    html = composer.ui.previewBrowser.toHtml()
    assert "#ff9e57" in html.lower()  # the chosen problem is picked out
    assert composer.ui.issuesList.count() == len(issues)


def test_what_a_letter_needs_is_listed_by_label_not_field_path(qtbot, backend, ops) -> None:  # type: ignore[no-untyped-def]
    from send_desk.gui.letters import LetterComposer

    # a new child with a family contact but no caseworker yet
    child = backend.caseload.create_child(
        NewChild(first_name="Kit", last_name="Test", date_of_birth=date(2016, 6, 1))
    )
    backend.caseload.add_family_member(
        child,
        NewFamilyMember(name="Jo Test", relationship="parent", main_contact=True,
                        phone="01632 960099", address="1 High Street, Northtown",
                        postcode="NT1 1AA"),
    )  # fmt: skip
    child_id = child.hex
    composer = LetterComposer(
        backend,
        ops,
        child_id,
        template="callback_confirmation",
        inputs={"caller": "Pat White", "number": "01632 960002", "about": "transport"},
    )
    qtbot.addWidget(composer)
    qtbot.waitUntil(lambda: "No letter yet" in composer.ui.previewBrowser.toPlainText())
    shown = composer.ui.previewBrowser.toPlainText()
    assert "the caseworker's name" in shown
    assert "caseworker.name" not in shown and "caseworker.phone" not in shown
