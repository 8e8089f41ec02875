"""Start-up loads only what the first screen needs (issue 20, item 1).

Each check runs in a fresh interpreter: the test process has long since imported
everything, so only a clean ``sys.modules`` shows what start-up pulls in.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from send_desk.backend import DataPaths

from .conftest import PASSWORD

# Loaded on first use (a letter, a PDF, an export, a sync), never at start.
FIRST_USE_ONLY = ("fpdf", "openpyxl", "docx", "jinja2", "httpx")
# The store libraries: loaded while the user types, after the unlock window is drawn.
STORE_LIBRARIES = ("sqlalchemy", "sqlmodel", "sqlcipher3", "alembic")
# The Reports page's charts: built when the page is first opened.
CHARTS = ("PySide6.QtCharts",)
WORKTREE = Path(__file__).resolve().parents[2]


def _loaded_after(code: str, watched: tuple[str, ...], **env: str) -> list[str]:
    """The watched modules in sys.modules after running ``code``."""
    probe = (
        f"{code}\nimport sys\n"
        f"print(sorted(m for m in sys.modules if m in {watched!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(WORKTREE), os.environ.get("PYTHONPATH", "")]),
            "QT_QPA_PLATFORM": "offscreen",
            **env,
        },
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    last: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return last


def test_importing_the_app_loads_no_letters_pdf_export_or_sync_library() -> None:
    assert _loaded_after("import send_desk.gui.app", FIRST_USE_ONLY) == []


def test_the_unlock_window_needs_no_store_library() -> None:
    code = "import send_desk.gui.app, send_desk.gui.start"
    assert _loaded_after(code, FIRST_USE_ONLY + STORE_LIBRARIES) == []


def test_the_caseload_opens_without_letters_pdf_export_sync_or_charts(
    demo_paths: DataPaths,
) -> None:
    code = (
        "from send_desk.cli import main\n"
        f"assert main(['--data-dir', {str(demo_paths.root)!r}, '--self-test']) == 0"
    )
    assert _loaded_after(code, FIRST_USE_ONLY + CHARTS, SEND_DESK_PASSWORD=PASSWORD) == []
