"""Clock benchmark: every child's deadlines from a demo store's events, and the reads.

Builds a demo store, then times: reading every child's events, the engine over the
whole caseload (:func:`send_desk.timescales.compute_caseload`, budget 0.5 s for 20,000
children), the full rewrite of the milestone table, one child's recompute after an
event, the freshness check every reader makes, and ``send-desk deadlines`` over the
whole store (the query and the ordering, the cache already current).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from send_desk.demo.generator import build_demo
from send_desk.domain.children import Child
from send_desk.paths import DataPaths
from send_desk.services import milestones
from send_desk.services.deadlines import DeadlineQuery, deadlines
from send_desk.services.events import add_event
from send_desk.storage.store import create_store
from send_desk.timescales import compute_caseload, default_calendar, default_rules, native

PASSWORD = "benchmark password 2026"
TODAY = date(2026, 11, 22)


def _best(repeat: int, action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Best wall time, best CPU time (of this process) and the last result."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = action()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return wall, cpu, result


def run(children: int, workdir: Path) -> dict[str, Any]:
    paths = DataPaths(workdir / "store")
    # compiled by the install (mypyc) or interpreted: see send_desk.timescales.native
    figures: dict[str, Any] = {"children": children, "engine_build": native.engine_build()}
    with create_store(paths, PASSWORD) as store:
        build_demo(store, children=children, seed=1, today=TODAY)
        with store.read() as session:
            wall, cpu, inputs = _best(3, lambda: milestones.clock_inputs(session))
        figures["events"] = sum(len(events) for _, _, events in inputs)
        figures["read_events_s"] = round(wall, 3)

        rules = default_rules()
        calendar = default_calendar(rules.conventions.tribunal_not_counted)

        def engine() -> int:
            results = compute_caseload(
                inputs, TODAY, rules=rules, calendar=calendar, include_local=True
            )
            return sum(len(found) for _, found in results)

        engine()  # rules prepared, holiday years built: once per process
        wall, cpu, count = _best(5, engine)
        figures["milestones"] = count
        figures["recompute_all_engine_s"] = round(wall, 3)
        figures["recompute_all_engine_cpu_s"] = round(cpu, 3)
        figures["recompute_all_engine_budget_s"] = 0.5 if children <= 20_000 else None

        def rewrite() -> Any:
            with store.write() as session:
                return milestones.recompute_all(session, today=TODAY)

        wall, cpu, _ = _best(2, rewrite)
        figures["recompute_all_with_store_s"] = round(wall, 3)

        with store.read() as session:
            wall, _, _ = _best(5, lambda: milestones.is_current(session, today=TODAY))
            figures["freshness_check_ms"] = round(wall * 1000, 2)
            wall, cpu, rows = _best(3, lambda: deadlines(session, DeadlineQuery(), today=TODAY))
            figures["deadlines_rows"] = len(rows)
            figures["deadlines_query_s"] = round(wall, 3)
            child_id = session.scalar(select(col(Child.id)).order_by(func.random()).limit(1))
        assert child_id is not None

        def one_event() -> Any:
            with store.write() as session:
                return add_event(
                    session, child_id, "advice_requested", TODAY, {"from": "bench"}, today=TODAY
                )

        started = time.perf_counter()
        one_event()
        figures["add_event_with_recompute_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return figures
