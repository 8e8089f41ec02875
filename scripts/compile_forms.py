#!/usr/bin/env python3
"""Compile the Qt Designer forms in ui/ into send_desk/gui/forms/ with pyside6-uic.

    python scripts/compile_forms.py          # (re)generate every form module
    python scripts/compile_forms.py --check  # exit 1 when a module is missing or stale

The generated modules are checked in (so the app and the frozen build need no uic at
run time) and start with a "generated - do not edit" header naming their source.
Staleness is judged by content, not file times (git does not keep mtimes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "send_desk" / "gui" / "forms"
HEADER = (
    "# generated - do not edit: compiled from ui/{name} by scripts/compile_forms.py\n"
    "# (pyside6-uic). Change the form in Qt Designer and run the script again.\n"
)
INIT = '"""Python modules generated from the Qt Designer forms in ui/ (do not edit)."""\n'


def uic_command() -> list[str]:
    """pyside6-uic from the running interpreter's environment, else from PATH."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = folder / name
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic is not installed (it comes with PySide6)")


def module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The module text for one form: header, then uic's output without its version line."""
    result = subprocess.run(
        [*uic_command(), "--generator", "python", "--no-autoconnection", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    lines = [
        line
        for line in result.stdout.splitlines()
        if "Created by: Qt User Interface Compiler" not in line
        and "Form generated from reading UI file" not in line
    ]
    return HEADER.format(name=ui_file.name) + "\n".join(lines).rstrip() + "\n"


def forms() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def stale() -> list[str]:
    """Forms whose generated module is missing or differs from a fresh compile."""
    problems = []
    for ui_file in forms():
        target = FORMS_DIR / module_name(ui_file)
        if not target.exists():
            problems.append(f"{target.relative_to(ROOT)} is missing")
        elif target.read_text(encoding="utf-8") != compile_form(ui_file):
            problems.append(f"{target.relative_to(ROOT)} is stale (ui/{ui_file.name} changed)")
    expected = {module_name(ui_file) for ui_file in forms()}
    for module in sorted(FORMS_DIR.glob("ui_*.py")):
        if module.name not in expected:
            problems.append(f"{module.relative_to(ROOT)} has no form in ui/")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale modules")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    (FORMS_DIR / "__init__.py").write_text(INIT, encoding="utf-8")
    for ui_file in forms():
        target = FORMS_DIR / module_name(ui_file)
        text = compile_form(ui_file)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
