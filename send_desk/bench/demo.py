"""Demo build benchmark: ``send-desk demo`` against plain SQLCipher in the same run.

The reference is the fastest way to put rows in an encrypted store: prepared rows of
four simple columns (a time-ordered id as the key, a name, a number, a date) given
to the driver's ``executemany`` in one transaction, in a store opened with the same
settings (:func:`send_desk.storage.engine.make_engine`). It runs before and after the
demo build, so a machine shared with other work shows as two different rates.

The demo's rate counts every row its build writes (the caseload's tables, a journal
entry for each of their rows and the statutory clock's cache) over the whole build,
generating the caseload included: the ratio says how far the whole build is from
SQLCipher's own speed at writing as many rows.
"""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from send_desk.demo.generator import build_demo
from send_desk.domain.journal import JournalEntry
from send_desk.domain.milestones import MilestoneRow
from send_desk.ids import SeededIds
from send_desk.paths import DataPaths
from send_desk.storage.engine import make_engine
from send_desk.storage.store import create_store

PASSWORD = "benchmark password 2026"
TODAY = date(2026, 11, 22)
REFERENCE_ROWS = 100_000
GOAL_SECONDS_PER_20000 = 20.0


def reference(path: Path, rows: int = REFERENCE_ROWS) -> dict[str, float]:
    """Plain SQLCipher: ``rows`` prepared rows by executemany, one commit."""
    new_id = SeededIds(1, 1_764_000_000_000)
    day = date(2026, 1, 1)
    values = [
        (new_id().hex, f"name {n}", n, (day + timedelta(days=n % 365)).isoformat())
        for n in range(rows)
    ]
    engine = make_engine(path, os.urandom(32))
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(
                "CREATE TABLE reference (id TEXT PRIMARY KEY, name TEXT, n INTEGER, day TEXT)"
            )
            connection.commit()
            started, started_cpu = time.perf_counter(), time.process_time()
            cursor.executemany("INSERT INTO reference VALUES (?, ?, ?, ?)", values)
            connection.commit()
            wall = time.perf_counter() - started
            cpu = time.process_time() - started_cpu
        finally:
            connection.close()
    finally:
        engine.dispose()
    return {"rows_per_s": rows / wall, "rows_per_cpu_s": rows / max(cpu, 1e-9)}


def run(children: int, workdir: Path) -> dict[str, Any]:
    before = reference(workdir / "reference-before.db")
    paths = DataPaths(workdir / "store")
    with create_store(paths, PASSWORD) as store:
        started, started_cpu = time.perf_counter(), time.process_time()
        started_thread = time.thread_time()
        summary = build_demo(store, children=children, seed=1, today=TODAY)
        wall = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        thread_cpu = time.thread_time() - started_thread
        with store.read() as session:
            journal = session.scalar(select(func.count()).select_from(JournalEntry)) or 0
            cache = session.scalar(select(func.count()).select_from(MilestoneRow)) or 0
    after = reference(workdir / "reference-after.db")
    tables = sum(summary["rows"].values())
    written = tables + journal + cache
    reference_rate = (before["rows_per_s"] + after["rows_per_s"]) / 2
    reference_cpu_rate = (before["rows_per_cpu_s"] + after["rows_per_cpu_s"]) / 2
    rate, cpu_rate = written / wall, written / max(cpu, 1e-9)
    seconds, cpu_seconds = summary["seconds"], summary["cpu_seconds"]
    return {
        "children": children,
        "reference_rows": REFERENCE_ROWS,
        "reference_rows_per_s": f"{before['rows_per_s']:,.0f} before, "
        f"{after['rows_per_s']:,.0f} after the demo",
        "reference_rows_per_cpu_s": f"{reference_cpu_rate:,.0f}",
        "demo_rows_written": f"{written:,} ({tables:,} caseload, {journal:,} journal, "
        f"{cache:,} clock cache)",
        "demo_s": f"{wall:.2f} (generate {seconds['generate']}, write {seconds['write']}, "
        f"deadlines {seconds['deadlines']})",
        "demo_cpu_s": f"{cpu:.2f} (generate {cpu_seconds['generate']}, "
        f"write {cpu_seconds['write']}, deadlines {cpu_seconds['deadlines']})",
        # the build's own thread: the second thread's work (the records, the clock's
        # cache) runs beside it, so on an otherwise idle machine the build's wall time
        # is about this plus its waits for the disk and for that thread
        "demo_main_thread_cpu_s": f"{thread_cpu:.2f} (both threads: {cpu:.2f})",
        "demo_goal_s": round(GOAL_SECONDS_PER_20000 * children / 20_000, 1),
        "demo_rows_per_s": f"{rate:,.0f} (CPU: {cpu_rate:,.0f})",
        "demo_vs_reference": f"{rate / reference_rate:.2f}x the reference's rows/s "
        f"(CPU: {cpu_rate / reference_cpu_rate:.2f}x)",
        "reference_s_for_as_many_rows": round(written / reference_rate, 2),
    }
