"""Start-up benchmark: the unlock window and the interactive caseload against a bare
PySide6 window with an empty table, measured in the same run (fresh processes taking
turns; see send_desk.gui.bench).

Goals (issue 20): the unlock window on screen within 2x the bare window; the caseload
interactive within 1 s of the bare window. The self-test "types" the password at once,
so the store libraries that normally load while the user types are all counted.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

PASSWORD = "benchmark password 2026"
TODAY = date(2026, 11, 22)
RUNS = 3


def run(children: int, workdir: Path) -> dict[str, Any]:
    from send_desk.backend.core import Backend
    from send_desk.gui.bench import measure, within_goals
    from send_desk.paths import DataPaths

    paths = DataPaths(workdir / "store")
    Backend.create_demo(paths, PASSWORD, children=children, seed=1, today=lambda: TODAY).close()
    figures = measure(str(paths.root), RUNS, {**os.environ, "SEND_DESK_PASSWORD": PASSWORD})
    return {"children": children, **figures.as_json(), "within_goals": within_goals(figures)}
