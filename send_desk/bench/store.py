"""Store benchmark: demo build, file size, unlock/open time, caseload list and stats."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from send_desk.demo.generator import build_demo
from send_desk.paths import DataPaths
from send_desk.services.children import list_children
from send_desk.services.stats import store_stats
from send_desk.storage.store import create_store, open_store

PASSWORD = "benchmark password 2026"
TODAY = date(2026, 11, 22)


def _best(repeat: int, action: Any) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def run(children: int, workdir: Path) -> dict[str, Any]:
    paths = DataPaths(workdir / "store")
    with create_store(paths, PASSWORD) as store:
        started = time.perf_counter()
        build_demo(store, children=children, seed=1, today=TODAY)
        build = time.perf_counter() - started
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = paths.database.stat().st_size

    def unlock_and_open() -> None:
        open_store(paths, PASSWORD).close()

    open_seconds = _best(3, unlock_and_open)
    with open_store(paths, PASSWORD) as store:

        def listing() -> None:
            with store.read() as session:
                list_children(session, today=TODAY)

        def stats() -> None:
            with store.read() as session:
                store_stats(session)

        list_seconds = _best(3, listing)
        stats_seconds = _best(3, stats)
    return {
        "children": children,
        "demo_build_s": round(build, 2),
        "demo_build_budget_s": 60 if children <= 20_000 else None,
        "file_mb": round(size / 1_000_000, 1),
        "unlock_and_open_s": round(open_seconds, 3),
        "list_all_children_s": round(list_seconds, 3),
        "stats_s": round(stats_seconds, 3),
    }
