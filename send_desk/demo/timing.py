"""The demo build's phases: wall and CPU time at each step, and what each took."""

from __future__ import annotations

import time


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def phases(
    started: tuple[float, float],
    generated: tuple[float, float],
    written: tuple[float, float],
    finished: tuple[float, float],
    clock: int,
) -> dict[str, float]:
    return {
        "generate": round(generated[clock] - started[clock], 2),
        "write": round(written[clock] - generated[clock], 2),
        "deadlines": round(finished[clock] - written[clock], 2),
        "total": round(finished[clock] - started[clock], 2),
    }
