"""The statutory clock's inputs taken from the demo's generated rows.

A demo build has every child, placement, setting and event in memory as it writes
them; reading them back from the store, decrypting and decoding each, cost about a
quarter of the deadline pass. These are the same inputs
:func:`send_desk.services.milestones.clock_inputs` reads, in the same order (the
order the rows were written), so the clock's cache is the same (a test compares it
with a recompute from the store).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, Future
from datetime import date
from typing import Any

from send_desk.domain.children import Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.organisation import Setting
from send_desk.services.milestones import ClockInputs, StoredEvent, cache_rows
from send_desk.timescales import Child as ClockChild


def clock_inputs_of(rows: Mapping[type[Any], Sequence[Mapping[str, Any]]]) -> ClockInputs:
    """(child id as stored hex, the clock's view of the child, its events), as
    ``clock_inputs`` reads them from a store holding just these rows."""
    phases = {setting["id"]: setting["phase"] for setting in rows.get(Setting, [])}
    current: dict[Any, str | None] = {}
    for placement in rows.get(Placement, []):
        if placement["end_date"] is None and placement["child_id"] not in current:
            current[placement["child_id"]] = phases.get(placement["setting_id"])
    events: dict[Any, list[StoredEvent]] = {}
    for event in rows.get(CaseEvent, []):
        if event.get("withdrawn"):  # recorded by mistake: the clock never counts it
            continue
        # details as stored and read back: plain JSON values, dates already ISO text
        events.setdefault(event["child_id"], []).append(
            StoredEvent(event["type"], event["date"], event["details"])
        )
    return [
        (
            child["id"].hex,
            ClockChild(
                child["date_of_birth"], bool(child["looked_after"]), current.get(child["id"])
            ),
            events.get(child["id"], []),
        )
        for child in rows.get(Child, [])
    ]


ClockCache = tuple[ClockInputs, list[tuple[Any, ...]]]


def clock_cache(rows: Mapping[type[Any], Sequence[Mapping[str, Any]]], today: date) -> ClockCache:
    """The clock's inputs of these rows and the ``milestone`` rows it makes of them."""
    inputs = clock_inputs_of(rows)
    return inputs, cache_rows(inputs, today)


def submit(started: list[Future[ClockCache]], pool: Executor, *work: Any) -> None:
    """Start ``work`` on the pool, keeping its future in ``started``."""
    started.append(pool.submit(*work))
