"""Start-up benchmark: `send-desk --self-test` against a bare PySide6 window.

    python -m send_desk.gui.bench bare                       # one bare window run
    python -m send_desk.gui.bench compare --data-dir DIR     # median of N runs of each

Each run is a fresh process; the bare window and the app take turns, so both see the
same machine. Two times are measured inside the process from its start (the OS's
process start time): the unlock window on screen, and the main window shown with the
caseload filled and painted ("interactive"). The wall time of the whole process
(including exit) is reported too. Goals (issue 20): the unlock window within 2x the
bare window; the caseload interactive within 1 s of the bare window.
`send-desk bench startup` runs the same comparison on a demo store it builds.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

UNLOCK_RATIO_GOAL = 2.0
BUDGET_OVER_BARE = 1.0
_LINE = re.compile(r"interactive in ([0-9.]+) s from process start")
_UNLOCK = re.compile(r"unlock window on screen in ([0-9.]+) s from process start")
_AFTER = re.compile(r"caseload ([0-9.]+) s after the password")
_MEMORY = re.compile(r"resident memory ([0-9]+) MB")


def bare() -> int:
    """The reference: PySide6, a QApplication and a main window with an empty table."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from send_desk.gui.measure import process_age, resident_memory_mb

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 10))
    window.setCentralWidget(table)
    window.resize(1360, 820)
    window.show()
    app.processEvents()
    table.viewport().repaint()
    age = process_age()
    current, _peak = resident_memory_mb()
    print(
        f"bare: interactive in {age:.2f} s from process start; "
        f"resident memory {current or 0:.0f} MB"
    )
    window.close()
    return 0


@dataclass(frozen=True)
class _Run:
    interactive: float
    unlock: float | None
    after_password: float | None
    wall: float
    memory: float


def _run(command: list[str], env: dict[str, str]) -> _Run:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    match = _LINE.search(result.stdout)
    unlock = _UNLOCK.search(result.stdout)
    after = _AFTER.search(result.stdout)
    memory = _MEMORY.search(result.stdout)
    if not match:
        raise SystemExit(f"no timing in the output of {' '.join(command)}:\n{result.stdout}")
    return _Run(
        interactive=float(match.group(1)),
        unlock=float(unlock.group(1)) if unlock else None,
        after_password=float(after.group(1)) if after else None,
        wall=wall,
        memory=float(memory.group(1)) if memory else 0.0,
    )


@dataclass(frozen=True, slots=True)
class StartupFigures:
    """Medians of the bare window's and the app's runs (seconds, MB)."""

    runs: int
    bare_window_s: float
    unlock_window_s: float | None
    unlock_ratio: float | None
    unlock_ratio_goal: float
    interactive_s: float
    interactive_ratio: float
    interactive_over_bare_s: float
    interactive_over_bare_goal_s: float
    after_password_s: float | None
    bare_wall_s: float
    app_wall_s: float
    bare_memory_mb: int
    app_memory_mb: int

    def as_json(self) -> dict[str, float | None]:
        """The figures by name, in the order the benchmark's JSON gives them."""
        return asdict(self)


def measure(data_dir: str, runs: int, env: dict[str, str] | None = None) -> StartupFigures:
    """Median figures of ``runs`` bare windows and ``runs`` self-tests, taking turns."""
    env = {**(env or os.environ)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "SEND_DESK_PASSWORD" not in env:
        raise SystemExit("set SEND_DESK_PASSWORD to the store's password")
    bare_cmd = [sys.executable, "-m", "send_desk.gui.bench", "bare"]
    app_cmd = [sys.executable, "-m", "send_desk", "--data-dir", data_dir, "--self-test"]
    _run(bare_cmd, env)  # warm the OS file cache for both
    _run(app_cmd, env)
    bare_runs: list[_Run] = []
    app_runs: list[_Run] = []
    for _ in range(runs):
        bare_runs.append(_run(bare_cmd, env))
        app_runs.append(_run(app_cmd, env))
    bare_s = statistics.median(r.interactive for r in bare_runs)
    interactive = statistics.median(r.interactive for r in app_runs)
    unlocks = [r.unlock for r in app_runs if r.unlock is not None]
    unlock = statistics.median(unlocks) if unlocks else None
    afters = [r.after_password for r in app_runs if r.after_password is not None]
    return StartupFigures(
        runs=runs,
        bare_window_s=round(bare_s, 2),
        unlock_window_s=round(unlock, 2) if unlock is not None else None,
        unlock_ratio=round(unlock / bare_s, 1) if unlock is not None else None,
        unlock_ratio_goal=UNLOCK_RATIO_GOAL,
        interactive_s=round(interactive, 2),
        interactive_ratio=round(interactive / bare_s, 1),
        interactive_over_bare_s=round(interactive - bare_s, 2),
        interactive_over_bare_goal_s=BUDGET_OVER_BARE,
        after_password_s=round(statistics.median(afters), 2) if afters else None,
        bare_wall_s=round(statistics.median(r.wall for r in bare_runs), 2),
        app_wall_s=round(statistics.median(r.wall for r in app_runs), 2),
        bare_memory_mb=round(statistics.median(r.memory for r in bare_runs)),
        app_memory_mb=round(statistics.median(r.memory for r in app_runs)),
    )


def within_goals(figures: StartupFigures) -> bool:
    ratio = figures.unlock_ratio
    return (
        ratio is not None
        and ratio <= UNLOCK_RATIO_GOAL
        and figures.interactive_over_bare_s <= BUDGET_OVER_BARE
    )


def compare(data_dir: str, runs: int) -> int:
    f = measure(data_dir, runs)
    bare_s = f.bare_window_s
    print(
        f"bare window     : {bare_s:.2f} s (process wall {f.bare_wall_s:.2f} s), "
        f"{f.bare_memory_mb} MB"
    )
    if f.unlock_window_s is not None:
        print(
            f"unlock window   : {f.unlock_window_s:.2f} s = {f.unlock_ratio}x bare "
            f"(goal: at most {UNLOCK_RATIO_GOAL}x)"
        )
    print(
        f"caseload ready  : {f.interactive_s:.2f} s = {f.interactive_ratio}x bare, "
        f"{f.interactive_over_bare_s:+.2f} s (goal: at most +{BUDGET_OVER_BARE} s); "
        f"process wall {f.app_wall_s:.2f} s, {f.app_memory_mb} MB  [{data_dir}]"
    )
    if f.after_password_s is not None:
        print(f"after Enter     : {f.after_password_s:.2f} s from the password to the caseload")
    print(f"median of {runs} runs each, taking turns, from process start")
    ok = within_goals(f)
    print("within the goals" if ok else "OVER THE GOALS")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("bare", help="run the bare window once")
    cmp = sub.add_parser("compare", help="median start-up of the app and of the bare window")
    cmp.add_argument("--data-dir", required=True)
    cmp.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.what == "bare":
        return bare()
    return compare(args.data_dir, args.runs)


if __name__ == "__main__":
    sys.exit(main())
