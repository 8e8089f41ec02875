"""Property: each fast walker gives what the general walker gives, on random histories.

The engine runs a rule through a fast walker when its shape allows (``simple``,
``in_year``, ``matched``) and through the general one otherwise; all of them settle a
cycle's status through one function. For each fast walker, random histories of one
child are built from the events that start and complete the rules it runs (many
cycles, same-day events, duplicates, events after today, conditions met and not), and
run twice: the walkers as the engine picks them, and the general walker forced for
every rule. The milestones and the warnings must be the same, and the fast walker must
really have run (its rules give milestones).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from send_desk.timescales import (
    Child,
    Event,
    RuleSet,
    compute_caseload,
    compute_timeline,
    load_rules,
)
from send_desk.timescales.rule_plan import _plan

from .test_engine_paths import BODIES, CHOICES, _rows

TODAY = date(2026, 3, 1)
KINDS = ("simple", "in_year", "matched")


def _kind(step: object) -> str:
    for kind in KINDS:
        if getattr(step, kind):
            return kind
    return "general"


def _general_rules() -> RuleSet:
    rules = load_rules()
    for step in _plan(rules, True).steps:
        step.simple = step.in_year = step.matched = False
    return rules


def _types_of(kind: str) -> tuple[list[str], set[str]]:
    """The event types that start or complete the rules of one walker, and those rules."""
    types: set[str] = set()
    ids: set[str] = set()
    for step in _plan(load_rules(), True).steps:
        if _kind(step) == kind:
            ids.add(step.id)
            types.update(t for t in (step.trigger, step.initial, *step.done_types) if t)
    if kind == "simple":  # the conditions of final_plan and the draft: the decisions
        types.update(("assessment_decision", "issue_decision"))
    return sorted(types), ids


def _details(rng: random.Random, type_id: str, day: date) -> dict[str, object]:
    if type_id in CHOICES:
        name, values = CHOICES[type_id]
        return {name: rng.choice(values)}
    if type_id in ("advice_requested", "advice_received"):
        return {"from": rng.choice(BODIES)}
    if type_id == "phase_transfer":
        return {"transfer_date": f"{day.year + rng.randint(0, 1)}-09-01",
                "kind": rng.choice(("school", "post16"))}  # fmt: skip
    return {}


def _history(rng: random.Random, types: list[str]) -> tuple[Child, list[Event]]:
    start = TODAY - timedelta(days=rng.randint(30, 900))
    events: list[Event] = []
    day = start
    for _ in range(rng.randint(1, 18)):
        # runs of same-day events, and some after today
        day += timedelta(days=rng.choice((0, 0, 1, 7, 30, 90, 200, 380)))
        type_id = rng.choice(types)
        events.append(Event(type_id, day, _details(rng, type_id, day)))
    if rng.random() < 0.2:
        events.append(events[rng.randrange(len(events))])  # an exact duplicate
    rng.shuffle(events)  # the engine is given events in any order
    dob = date(2009, 9, 1) + timedelta(days=rng.randint(0, 365 * 15))
    return Child(date_of_birth=dob, looked_after=rng.random() < 0.1), events


@pytest.mark.parametrize("kind", KINDS)
def test_a_fast_walker_gives_what_the_general_walker_gives(kind: str) -> None:
    types, ids = _types_of(kind)
    assert ids, kind
    general = _general_rules()
    rng = random.Random(f"walkers-{kind}")
    seen: set[str] = set()
    cases = [_history(rng, types) for _ in range(600)]
    batch = dict(
        compute_caseload(
            ((i, child, events) for i, (child, events) in enumerate(cases)),
            TODAY,
            include_local=True,
        )
    )
    for i, (child, events) in enumerate(cases):
        fast = compute_timeline(events, TODAY, child, include_local=True)
        slow = compute_timeline(events, TODAY, child, rules=general, include_local=True)
        assert _rows(fast.milestones) == _rows(slow.milestones), (kind, events)
        assert fast.warnings == slow.warnings, (kind, events)
        assert _rows(batch[i]) == _rows(fast.milestones), (kind, events)
        seen.update(m.id.split(":")[0] for m in fast.milestones)
    # the fast walker ran: most of its rules gave milestones on these histories
    assert len(seen & ids) >= len(ids) // 2, (kind, sorted(ids - seen))


def test_every_status_comes_out_of_the_fast_walkers() -> None:
    # a property is only as good as its cases: the histories reach every status
    types, _ = _types_of("simple")
    rng = random.Random("statuses")
    statuses = set()
    for _ in range(300):
        child, events = _history(rng, types)
        statuses.update(m.status for m in compute_timeline(events, TODAY, child).milestones)
    assert {"met", "late", "pending", "overdue"} <= statuses
