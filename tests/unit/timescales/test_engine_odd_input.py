"""The engine never crashes on a child's history and never drops an event silently.

Events made in code (not through the parser, which turns every value into text) can
hold anything: lists, objects, numbers, fields the registry does not know. Every
history of such events must come out with milestones and warnings, and an event of an
unknown type or with a list or object in one of its fields is named in a warning.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales import Child, Event, compute_caseload, compute_timeline

TODAY = date(2026, 11, 22)
VALUES: list[Any] = [
    None, "", "x", 3, 2.5, True, [], {}, ["health"], {"a": 1}, "2026-01-01", "2026-02-30",
    date(2025, 5, 5), "maintain", "cease", "assess", "health", "school",
    "reg_10_4_school_closure", "decision_to_assess",
]  # fmt: skip
TYPES = [*EVENT_TYPES, "bogus", ""]


def _odd_history(rng: random.Random) -> tuple[Child, list[Event]]:
    events = []
    for _ in range(rng.randint(0, 25)):
        type_id = rng.choice(TYPES)
        known = EVENT_TYPES.get(type_id)
        names = [extra.name for extra in known.extras] if known else []
        details = {
            name: rng.choice(VALUES)
            for name in [*names, "milestone", "reason", "evidence", "outcome", "from"]
            if rng.random() < 0.5
        }
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1200))
        events.append(Event(type_id, day, details, rng.random() < 0.05))
    born = date(2010, 1, 1) + timedelta(days=rng.randint(0, 5000))
    return Child(born, rng.random() < 0.2, rng.choice([None, "primary", "secondary"])), events


def test_a_list_where_a_value_belongs_is_refused_with_a_warning_not_a_crash() -> None:
    events = [
        Event("advice_requested", date(2026, 1, 5), {"from": ["health", "school"]}),
        Event("advice_requested", date(2026, 1, 6), {"from": "health"}),
        Event("advice_received", date(2026, 1, 20), {"from": {"body": "health"}}),
    ]
    timeline = compute_timeline(events, TODAY)
    assert [m.id for m in timeline.milestones] == ["advice_due:health"]
    refused = {w.event_index: w.message for w in timeline.warnings if w.code == "invalid"}
    assert set(refused) == {0, 2}
    assert "not a single value" in refused[0] and "['health', 'school']" in refused[0]


def test_odd_histories_never_crash_and_odd_values_are_named() -> None:
    rng = random.Random(20261122)
    cases = [_odd_history(rng) for _ in range(1500)]
    by_case = dict(
        compute_caseload(
            ((i, child, events) for i, (child, events) in enumerate(cases)),
            TODAY,
            include_local=True,
        )
    )
    refused_somewhere = 0
    for i, (child, events) in enumerate(cases):
        timeline = compute_timeline(events, TODAY, child, include_local=True)
        assert len(by_case[i]) == len(timeline.milestones), i
        assert all(
            w.event_index is None or 0 <= w.event_index < len(events) for w in timeline.warnings
        )
        refused = {w.event_index for w in timeline.warnings if w.code == "invalid"}
        for index, event in enumerate(events):
            known = EVENT_TYPES.get(event.type)
            fields = {extra.name for extra in known.extras} if known else set()
            odd = any(isinstance(event.details.get(name), list | dict) for name in fields)
            if known is None or odd:
                assert index in refused, (i, index, event)
        refused_somewhere += bool(refused)
    assert refused_somewhere > 500  # the histories really are odd
