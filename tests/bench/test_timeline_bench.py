"""Recompute every deadline of 20,000 synthetic children (budget: under 0.5 s in total).

Two figures: the whole caseload through :func:`compute_caseload` (what the store does
when the rules, the calendar or the school year change: milestones only, the rules
prepared once) and child by child through :func:`compute_timeline` (the contract's
path, which also checks every event and orders the result). The budget applies to the
first; the second is printed beside it.

Run with ``pytest tests/bench -m bench --benchmark-enable`` or as a script:
``python tests/bench/test_timeline_bench.py``.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

import pytest

from send_desk.timescales import (
    Child,
    Event,
    compute_caseload,
    compute_timeline,
    default_calendar,
    default_rules,
)

TODAY = date(2026, 3, 1)
CHILDREN = 20_000
BODIES = ("educational_psychology", "health", "social_care", "school")


def _day(rng: random.Random, start: date, lo: int, hi: int) -> date:
    return start + timedelta(days=rng.randint(lo, hi))


def synthetic_caseload(n: int = CHILDREN, seed: int = 2026) -> list[tuple[Child, list[Event]]]:
    """A caseload shaped like a council's: most children have a plan under review, some
    are being assessed, a few transferred in or at Tribunal. Synthetic data only."""
    rng = random.Random(seed)
    caseload = []
    for _ in range(n):
        dob = date(2008, 9, 1) + timedelta(days=rng.randint(0, 365 * 17))
        child = Child(date_of_birth=dob, looked_after=rng.random() < 0.05)
        events: list[Event] = []
        kind = rng.random()
        if kind < 0.25:  # in assessment
            request = _day(rng, TODAY, -200, -5)
            events.append(Event("request_received", request))
            for body in rng.sample(BODIES, rng.randint(1, 4)):
                asked = _day(rng, request, 7, 30)
                events.append(Event("advice_requested", asked, {"from": body}))
                if rng.random() < 0.7:
                    events.append(
                        Event("advice_received", _day(rng, asked, 20, 60), {"from": body})
                    )
            if rng.random() < 0.8:
                outcome = "assess" if rng.random() < 0.8 else "not_assess"
                decided = _day(rng, request, 30, 50)
                events.append(Event("assessment_decision", decided, {"outcome": outcome}))
                if outcome == "assess" and rng.random() < 0.5:
                    events.append(Event("draft_plan_issued", _day(rng, request, 90, 120)))
                    events.append(Event("final_plan_issued", _day(rng, request, 125, 150)))
        elif kind < 0.9:  # plan maintained, reviewed every year or so
            plan = _day(rng, TODAY, -365 * 5, -60)
            events.append(Event("final_plan_issued", plan))
            meeting = plan
            while True:
                meeting = _day(rng, meeting, 330, 400)
                if meeting > TODAY:
                    break
                events.append(Event("review_meeting", meeting))
                if rng.random() < 0.8:
                    events.append(Event("review_report_received", _day(rng, meeting, 5, 20)))
                outcome = rng.choice(("maintain", "amend", "amend"))
                events.append(Event("review_decision", _day(rng, meeting, 10, 40),
                                    {"outcome": outcome}))  # fmt: skip
                if outcome == "amend":
                    notice = _day(rng, meeting, 20, 40)
                    events.append(Event("amendment_notice_issued", notice))
                    events.append(Event("amended_plan_issued", _day(rng, notice, 30, 70)))
        elif kind < 0.95:  # transferred in
            moved = _day(rng, TODAY, -150, -1)
            events.append(Event("review_meeting", _day(rng, moved, -300, -30)))
            events.append(Event("plan_transferred_in", moved))
        else:  # disagreement
            sent = _day(rng, TODAY, -120, -10)
            events.append(Event("decision_sent", sent, {"appealable": True}))
            events.append(Event("mediation_declined", _day(rng, sent, 5, 20)))
            events.append(Event("mediation_certificate_issued", _day(rng, sent, 21, 30)))
            events.append(Event("appeal_received", _day(rng, sent, 40, 60)))
            if rng.random() < 0.5:
                events.append(Event("tribunal_order", _day(rng, sent, 100, 110),
                                    {"order": rng.choice(("assess", "make_plan"))}))  # fmt: skip
        caseload.append((child, [e for e in events if e.date <= TODAY]))
    return caseload


def recompute(caseload: list[tuple[Child, list[Event]]]) -> int:
    rules, calendar = default_rules(), default_calendar()
    total = 0
    for child, events in caseload:
        total += len(
            compute_timeline(events, TODAY, child, rules=rules, calendar=calendar).milestones
        )
    return total


def recompute_caseload(caseload: list[tuple[Child, list[Event]]]) -> int:
    cases = ((i, child, events) for i, (child, events) in enumerate(caseload))
    rules, calendar = default_rules(), default_calendar()
    return sum(len(m) for _, m in compute_caseload(cases, TODAY, rules=rules, calendar=calendar))


def _warm() -> list[tuple[Child, list[Event]]]:
    caseload = synthetic_caseload()
    recompute(caseload[:200])  # rules read, holiday years built: once per process
    return caseload


@pytest.mark.bench
def test_recompute_20000_children(benchmark) -> None:  # type: ignore[no-untyped-def]
    caseload = _warm()
    milestones = benchmark.pedantic(recompute_caseload, args=(caseload,), rounds=5, iterations=1)
    assert milestones > CHILDREN
    assert benchmark.stats.stats.min < 0.5


@pytest.mark.bench
def test_timeline_of_20000_children_one_by_one(benchmark) -> None:  # type: ignore[no-untyped-def]
    caseload = _warm()
    milestones = benchmark.pedantic(recompute, args=(caseload,), rounds=5, iterations=1)
    assert milestones == recompute_caseload(caseload)


def _best(action, caseload, rounds: int = 7) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        result = action(caseload)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    caseload = _warm()
    events = sum(len(e) for _, e in caseload)
    whole, milestones = _best(recompute_caseload, caseload)
    each, _ = _best(recompute, caseload)
    print(
        f"{len(caseload):,} children, {events:,} events -> {milestones:,} milestones\n"
        f"  whole caseload (compute_caseload): best of 7 {whole:.3f} s "
        f"({whole / len(caseload) * 1e6:.1f} µs per child; budget 0.5 s)\n"
        f"  child by child (compute_timeline, with event checks): best of 7 {each:.3f} s"
    )
    return 0 if whole < 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
