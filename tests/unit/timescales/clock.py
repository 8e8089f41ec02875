"""Helpers for the clock tests: build events, run the engine, read the result."""

from __future__ import annotations

from datetime import date
from typing import Any

from send_desk.timescales import Child, Event, Timeline, compute_timeline


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(type_: str, day: str, **extras: Any) -> Event:
    """An event; ``from_=`` stands for the ``from`` field (a Python keyword)."""
    details = {name.rstrip("_"): value for name, value in extras.items()}
    return Event(type_, d(day), details)


def run(events: list[Event], today: str, child: Child | None = None, **options: Any) -> Timeline:
    return compute_timeline(events, d(today), child, **options)


Row = tuple[str, str, str | None, str]


def rows(timeline: Timeline, *ids: str) -> list[Row]:
    """(id, due, done, status) of each milestone, optionally only those ids (or prefixes)."""
    return [
        (m.id, m.due.isoformat(), m.done.isoformat() if m.done else None, m.status)
        for m in timeline.milestones
        if not ids or any(m.id == i or m.id.startswith(i + ":") for i in ids)
    ]


def codes(timeline: Timeline) -> list[tuple[int | None, str]]:
    return [(w.event_index, w.code) for w in timeline.warnings]
