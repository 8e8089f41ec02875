"""Benchmarks behind `send-desk bench`: each prints figures against its budget.

Budgets are checked here, by a person reading figures, not by timed assertions in
the test suite (timings on a shared CI machine are too noisy to fail a build on).
"""

from __future__ import annotations

# name -> module with `run(children: int, workdir: Path) -> dict[str, object]`
BENCHMARKS = {
    "store": "send_desk.bench.store",
    "demo": "send_desk.bench.demo",
    "clock": "send_desk.bench.clock",
    "notes": "send_desk.bench.notes",
    "sync": "send_desk.bench.sync",
    "load": "send_desk.bench.load",
    "startup": "send_desk.bench.startup",
    "sen2": "send_desk.bench.sen2",
}
