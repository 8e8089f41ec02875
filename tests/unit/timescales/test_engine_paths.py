"""The engine's fast paths and its caseload entry point agree with the reference path.

Random synthetic histories (a fixed seed) with the awkward shapes: advice asked of the
same body twice, same-day events, duplicates, reviews in a chain, transfers in,
Tribunal orders, plans ceased, exceptions. Every child must come out the same through
the general path (fast paths switched off), through :func:`compute_timeline` and
through :func:`compute_caseload`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from send_desk.timescales import (
    Child,
    Event,
    compute_caseload,
    compute_timeline,
    engine,
    load_rules,
)

TODAY = date(2026, 3, 1)
BODIES = ("educational_psychology", "health", "school")
TYPES = (
    "request_received",
    "assessment_decision",
    "advice_requested",
    "advice_received",
    "issue_decision",
    "draft_plan_issued",
    "final_plan_issued",
    "review_meeting",
    "review_report_received",
    "review_decision",
    "amendment_notice_issued",
    "amended_plan_issued",
    "plan_transferred_in",
    "transfer_notice_sent",
    "decision_sent",
    "mediation_declined",
    "mediation_requested",
    "mediation_held",
    "mediation_certificate_issued",
    "appeal_received",
    "appeal_response_sent",
    "tribunal_order",
    "order_notice_sent",
    "phase_transfer",
    "exception_recorded",
)
CHOICES = {
    "assessment_decision": ("outcome", ("assess", "not_assess")),
    "issue_decision": ("outcome", ("issue", "not_issue")),
    "review_decision": ("outcome", ("maintain", "amend", "cease")),
    "tribunal_order": ("order", ("assess", "make_plan", "amend_plan", "change_placement")),
}


def _event(rng: random.Random, start: date) -> Event:
    type_id = rng.choice(TYPES)
    day = start + timedelta(days=rng.randint(0, 700))
    details: dict[str, object] = {}
    if type_id in CHOICES:
        name, values = CHOICES[type_id]
        details[name] = rng.choice(values)
    elif type_id in ("advice_requested", "advice_received"):
        details["from"] = rng.choice(BODIES)
    elif type_id == "phase_transfer":
        details = {
            "transfer_date": f"{day.year + 1}-09-01",
            "kind": rng.choice(("school", "post16")),
        }
    elif type_id == "decision_sent":
        details = {"appealable": rng.random() < 0.8}
    elif type_id == "exception_recorded":
        details = {
            "reason": rng.choice(("absence_from_area", "missed_appointment", "school_closure")),
            "milestone": rng.choice(("final_plan", "advice_due:health", "decide_to_assess")),
            "evidence": rng.choice(("", "Family abroad")),
        }
    return Event(type_id, day, details)


def _history(rng: random.Random) -> tuple[Child, list[Event]]:
    start = TODAY - timedelta(days=700)
    events = [_event(rng, start) for _ in range(rng.randint(0, 14))]
    if rng.random() < 0.5:  # advice asked of the same bodies again and again
        day = start + timedelta(days=rng.randint(0, 500))
        for _ in range(rng.randint(2, 6)):
            day += timedelta(days=rng.randint(0, 30))
            body = rng.choice(BODIES[:2])
            kind = rng.choice(("advice_requested", "advice_received"))
            events.append(Event(kind, day, {"from": body}))
    if rng.random() < 0.3:  # a chain of reviews with their reports and decisions
        day = start + timedelta(days=rng.randint(0, 200))
        for _ in range(rng.randint(1, 4)):
            day += timedelta(days=rng.randint(200, 420))
            events.append(Event("review_meeting", day))
            events.append(Event(rng.choice(("review_report_received", "review_meeting")),
                                day + timedelta(days=rng.randint(0, 40))))  # fmt: skip
    if events and rng.random() < 0.2:
        events.append(events[rng.randrange(len(events))])  # an exact duplicate
    dob = date(2008, 9, 1) + timedelta(days=rng.randint(0, 365 * 17))
    return Child(date_of_birth=dob, looked_after=rng.random() < 0.1), events


def _rows(milestones: list[engine.Milestone]) -> list[tuple[object, ...]]:
    return sorted(
        (m.id, str(m.due), str(m.done), m.status, m.proposed, m.priority, str(m.trigger_date),
         tuple(c.reason for c in m.exceptions))
        for m in milestones
    )  # fmt: skip


def test_fast_paths_and_the_caseload_path_agree_with_the_general_path() -> None:
    rng = random.Random(20260301)
    cases = [_history(rng) for _ in range(1500)]
    general = load_rules()
    for step in engine._plan(general, True).steps:
        step.simple = step.in_year = step.matched = False
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
        assert _rows(fast.milestones) == _rows(slow.milestones), (i, events)
        assert fast.warnings == slow.warnings, (i, events)
        assert _rows(batch[i]) == _rows(fast.milestones), (i, events)
