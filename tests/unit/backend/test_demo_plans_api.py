"""A demo child's EHC plan, as the plan editor and `plan render` open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from send_desk.backend import Backend, DataPaths
from send_desk.domain.children import Child
from send_desk.domain.plans import PlanVersion
from tests.integration.cli_harness import Cli
from tests.unit.backend.conftest import PASSWORD


def _amended_child(backend: Backend) -> tuple[Child, list[PlanVersion]]:
    """A demo child whose plan was amended (draft, final, amendment, amended...)."""
    with backend._store.read() as session:
        amended = session.exec(select(PlanVersion).where(PlanVersion.kind == "amendment")).first()
        assert amended is not None, "the demo has an amended plan"
        child = session.get(Child, amended.child_id)
        rows = session.exec(
            select(PlanVersion)
            .where(PlanVersion.child_id == amended.child_id)
            .order_by(col(PlanVersion.version))
        ).all()
        assert child is not None
        return child, list(rows)


def test_the_plan_editor_opens_a_demo_childs_plan(backend: Backend) -> None:
    child, rows = _amended_child(backend)
    name = child.preferred_name or child.first_name
    listed = backend.plans.versions(child.id)
    assert [v.kind for v in listed][:2] == ["draft", "final"]
    assert [v.version for v in listed] == list(range(1, len(rows) + 1))
    latest = backend.plans.version(child.id)
    assert latest.row.version == len(rows)
    assert latest.plan.child.first_name == name
    assert latest.plan.sections.F.items
    amendment = next(v for v in listed if v.kind == "amendment")
    proposed = backend.plans.version(child.id, amendment.version)
    # an amendment shows what it changes against the plan in force: the outcomes' dates
    assert "E" in {change.section for change in proposed.diff}
    assert proposed.row.amendment_reason
    # opening the editor starts a working draft from the latest issued version
    draft = backend.plans.start_draft(child.id)
    assert draft.based_on == rows[-1].id
    assert draft.plan.sections.B == latest.plan.sections.B


def test_plan_render_writes_a_demo_plan(
    demo_paths: DataPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = Backend.open(demo_paths, PASSWORD)
    try:
        child, rows = _amended_child(backend)
    finally:
        backend.close()
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(demo_paths.root, capsys)
    pdf, docx = tmp_path / "plan.pdf", tmp_path / "plan.docx"
    code, _, err = cli("plan", "render", "--child", str(child.id), "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = cli("plan", "render", "--child", str(child.id), "--version", "1",
                       "--out", str(docx))  # fmt: skip
    assert code == 0, err
    assert docx.read_bytes().startswith(b"PK")  # a Word document is a zip
    assert len(rows) >= 3
