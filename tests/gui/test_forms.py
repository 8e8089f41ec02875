"""The generated form modules match their Designer forms (content, not file times)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _compile_forms():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "compile_forms", ROOT / "scripts" / "compile_forms.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_has_an_up_to_date_generated_module() -> None:
    compile_forms = _compile_forms()
    assert compile_forms.forms(), "no forms found in ui/"
    assert compile_forms.stale() == [], "run: python scripts/compile_forms.py"


def test_generated_modules_say_do_not_edit() -> None:
    for module in (ROOT / "send_desk" / "gui" / "forms").glob("ui_*.py"):
        assert module.read_text(encoding="utf-8").startswith("# generated - do not edit")


def test_a_changed_form_is_detected(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compile_forms = _compile_forms()
    ui_dir = tmp_path / "ui"
    forms_dir = tmp_path / "forms"
    ui_dir.mkdir()
    forms_dir.mkdir()
    source = ROOT / "ui" / "placement_dialog.ui"
    (ui_dir / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(compile_forms, "UI_DIR", ui_dir)
    monkeypatch.setattr(compile_forms, "FORMS_DIR", forms_dir)
    monkeypatch.setattr(compile_forms, "ROOT", tmp_path)
    assert compile_forms.stale() == ["forms/ui_placement_dialog.py is missing"]
    assert compile_forms.main([]) == 0
    assert compile_forms.stale() == []
    edited = source.read_text(encoding="utf-8").replace("Change setting", "Move setting")
    (ui_dir / source.name).write_text(edited, encoding="utf-8")
    assert compile_forms.stale() == [
        "forms/ui_placement_dialog.py is stale (ui/placement_dialog.ui changed)"
    ]
