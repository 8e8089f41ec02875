"""No raw codes in front of people: no record ids, no `requires_improvement`, no
`child_voice`, no `draft_plan`; the words come from send_desk/backend/labels.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from send_desk.backend.labels import criterion_label, grade_label, stage_label
from send_desk.backend.supervision_models import NewAudit
from send_desk.cli import main
from tests.conftest import PASSWORD

UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # snake_case: a stored code, not a word
GRADES = {"Outstanding", "Good", "Requires improvement", "Inadequate"}


def test_labels_come_from_one_place() -> None:
    assert grade_label("requires_improvement") == "Requires improvement"
    assert criterion_label("child_voice") == "The child's voice"
    assert criterion_label("overall") == "Overall grade"
    assert stage_label("draft_plan") == "Draft plan"
    # a code with no label yet still reads as words
    assert grade_label("not_yet_graded") == "Not yet graded"


def _cells(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def _moderate_one(backend) -> None:  # type: ignore[no-untyped-def]
    """A second, blind grading of someone else's audit that disagrees with it."""
    me = backend.me()
    audit = next(
        a for a in backend.supervision.to_moderate() if me.name not in (a.caseworker, a.auditor)
    )
    form = backend.supervision.audit_form(audit.version_id)
    grades = {criterion.id: "inadequate" for criterion in form.manual}
    backend.supervision.record_audit(
        NewAudit(audit.version_id, grades, moderates_id=audit.audit_id)
    )


def test_the_supervision_tabs_show_words_not_codes(qtbot, window, backend) -> None:
    _moderate_one(backend)
    page = window.page_widgets["supervision"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("supervision")
    models = (page.pending_model, page.disagreements_model, page.feedback_model)
    assert all(model.rowCount() for model in models), "audits, a moderation, feedback"
    for model in models:
        for text in _cells(model):
            assert not UUID.search(text), text
            assert not CODE.search(text), text
    grades = page.disagreements_model
    for row in range(grades.rowCount()):
        assert grades.index(row, 2).data() in GRADES
        assert grades.index(row, 3).data() in GRADES
    # a note is named by what it was, when, and whose
    assert " on " in page.pending_model.index(0, 3).data()


def test_the_demo_summary_names_stages_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    code = main(["--data-dir", str(tmp_path / "store"), "demo", "--children", "30", "--seed", "3"])
    out = capsys.readouterr().out
    assert code == 0
    stages = next(line for line in out.splitlines() if line.strip().startswith("stages:"))
    assert "plan maintained" in stages
    assert not CODE.search(stages), stages
