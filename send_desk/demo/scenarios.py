"""Event histories for demo children at every stage of EHC casework.

Dates are drawn around ``today`` so that some deadlines are met, some late, some
pending and some overdue, as in a real caseload.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from send_desk.demo.vocab import ADVISERS

Event = tuple[str, date, dict[str, Any], str | None]


@dataclass
class History:
    rng: random.Random
    today: date
    earliest: date
    events: list[Event] = field(default_factory=list)

    def add(self, type_id: str, when: date, attachment: str | None = None, **details: Any) -> bool:
        if self.earliest <= when <= self.today:
            self.events.append((type_id, when, details, attachment))
            return True
        return False

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))


def _request_and_assess(h: History, request: date, *, issue: bool = True) -> date | None:
    """The 20-week path up to the decision to issue; returns the decision date or None."""
    if not h.add("request_received", request):
        return None
    decided = request + h.days(24, 50)
    if not h.add("assessment_decision", decided, outcome="assess"):
        return None
    for adviser in h.rng.sample(ADVISERS, h.rng.randint(2, 4)):
        asked = decided + h.days(0, 6)
        if h.add("advice_requested", asked, **{"from": adviser}):
            h.add("advice_received", asked + h.days(20, 55), **{"from": adviser})
    if h.rng.random() < 0.08:
        reason = h.rng.choice(("absence_from_area", "exceptional_personal_circumstances"))
        evidence = (
            "Family away from the area for five weeks; confirmed by email."
            if reason == "absence_from_area"
            else "Parent in hospital for a month; confirmed by the family's social worker."
        )
        h.add(
            "exception_recorded",
            decided + h.days(10, 40),
            reason=reason,
            milestone="final_plan",
            evidence=evidence,
        )
    outcome_day = request + h.days(95, 125)
    if not h.add("issue_decision", outcome_day, outcome="issue" if issue else "not_issue"):
        return None
    return outcome_day


def _initial_plan(h: History, request: date) -> date | None:
    decided = _request_and_assess(h, request)
    if decided is None:
        return None
    draft = decided + h.days(0, 7)
    if not h.add("draft_plan_issued", draft):
        return None
    # At least 15 days after the draft (reg 13(1)); about half of plans within 20 weeks
    # (140 days), as in councils reporting 45-62%.
    final = max(draft + h.days(15, 25), request + h.days(95, 165))
    return final if h.add("final_plan_issued", final) else None


def _review_cycles(h: History, plan_date: date, *, open_last: str | None = None) -> date:
    """Yearly reviews after a plan; returns the date of the last review meeting or plan."""
    anchor = plan_date
    while True:
        meeting = anchor + timedelta(days=365) + h.days(-45, 50)
        if meeting > h.today:
            return anchor
        if open_last and meeting + timedelta(days=400) > h.today:
            # this is the last cycle; leave it part-done
            h.add("review_meeting", meeting)
            if open_last == "review_in_progress":
                h.add("review_report_received", meeting + h.days(5, 16))
            elif open_last == "amendment":
                decided = meeting + h.days(14, 30)
                h.add("review_decision", decided, outcome="amend")
                h.add("amendment_notice_issued", decided + h.days(0, 10))
            return meeting
        h.add("review_meeting", meeting)
        h.add("review_report_received", meeting + h.days(5, 20))
        decided = meeting + h.days(12, 40)
        outcome = "amend" if h.rng.random() < 0.18 else "maintain"
        h.add("review_decision", decided, outcome=outcome)
        if outcome == "amend":
            notice = decided + h.days(0, 12)
            h.add("amendment_notice_issued", notice)
            h.add("amended_plan_issued", notice + h.days(30, 70))
        anchor = meeting


def _plan_start(h: History, dob: date) -> date | None:
    youngest_request = dob + timedelta(days=730)
    latest = h.today - timedelta(days=200)
    oldest = max(youngest_request, h.today - timedelta(days=365 * 6))
    if oldest >= latest:
        return None
    return oldest + timedelta(days=h.rng.randint(0, (latest - oldest).days))


def _follow_up(h: History, type_id: str, after: date, low: int, high: int) -> None:
    """The task that completes a deadline, done in most cases, late or missing in some.

    The delay comes from the date, not the seeded generator, so adding these events
    leaves every other child of a seeded demo as it was.
    """
    day = after.toordinal()
    if day % 7 == 0:  # about one in seven never done
        return
    h.add(type_id, after + timedelta(days=low + day % (high - low + 1)))


def new_request(h: History, dob: date) -> None:
    h.add("request_received", h.today - h.days(0, 40))


def assessment(h: History, dob: date) -> None:
    request = h.today - h.days(43, 135)
    h.add("request_received", request)
    decided = request + h.days(25, 50)
    if h.add("assessment_decision", decided, outcome="assess"):
        for adviser in h.rng.sample(ADVISERS, h.rng.randint(2, 4)):
            asked = decided + h.days(0, 7)
            if h.add("advice_requested", asked, **{"from": adviser}) and h.rng.random() < 0.7:
                h.add("advice_received", asked + h.days(20, 50), **{"from": adviser})


def not_assessed(h: History, dob: date) -> None:
    request = h.today - h.days(50, 300)
    h.add("request_received", request)
    decided = request + h.days(28, 48)
    if h.add("assessment_decision", decided, outcome="not_assess"):
        h.add("decision_sent", decided, appealable=True)


def not_issued(h: History, dob: date) -> None:
    decided = _request_and_assess(h, h.today - h.days(130, 330), issue=False)
    if decided:
        h.add("decision_sent", decided, appealable=True)


def draft_plan(h: History, dob: date) -> None:
    request = h.today - h.days(110, 165)
    decided = _request_and_assess(h, request)
    if decided:
        h.add("draft_plan_issued", min(decided + h.days(0, 14), h.today))


def plan(h: History, dob: date, open_last: str | None = None) -> None:
    request = _plan_start(h, dob)
    if request is None:
        return new_request(h, dob)
    final = _initial_plan(h, request)
    if final is not None:
        last = _review_cycles(h, final, open_last=open_last)
        if open_last is None and h.rng.random() < 0.3:
            h.add("decision_sent", last + h.days(14, 30), appealable=True)


def review_in_progress(h: History, dob: date) -> None:
    plan(h, dob, open_last="review_in_progress")


def amendment(h: History, dob: date) -> None:
    plan(h, dob, open_last="amendment")


def transfer_in(h: History, dob: date) -> None:
    moved = h.today - h.days(10, 220)
    h.add("plan_transferred_in", moved)
    _follow_up(h, "transfer_notice_sent", moved, 10, 50)
    if moved + timedelta(days=90) < h.today and h.rng.random() < 0.6:
        h.add("review_meeting", moved + h.days(40, 90))


def appeal(h: History, dob: date) -> None:
    if h.rng.random() < 0.5:
        not_assessed(h, dob)
    else:
        plan(h, dob)
    sent = [e for e in h.events if e[0] == "decision_sent"]
    decided = sent[-1][1] if sent else h.today - h.days(60, 120)
    if not sent:
        h.add("decision_sent", decided, appealable=True)
    declined = decided + h.days(10, 40)
    if h.add("mediation_declined", declined):
        h.add("mediation_certificate_issued", declined + h.days(1, 3))
        received = declined + h.days(20, 50)
        if h.add("appeal_received", received):
            _follow_up(h, "appeal_response_sent", received, 25, 45)
            if h.rng.random() < 0.3:
                order = h.rng.choice(("assess", "make_plan", "amend_plan", "change_placement"))
                ordered = received + h.days(80, 160)
                if h.add("tribunal_order", ordered, order=order) and order == "assess":
                    _follow_up(h, "order_notice_sent", ordered, 5, 20)


def ceased(h: History, dob: date) -> None:
    plan(h, dob)
    meetings = [e for e in h.events if e[0] == "review_meeting"]
    if meetings:
        decided = meetings[-1][1] + h.days(14, 28)
        if h.add("review_decision", decided, outcome="cease"):
            h.add("decision_sent", decided, appealable=True)


SCENARIOS: dict[str, Callable[[History, date], None]] = {
    "new_request": new_request,
    "assessment": assessment,
    "not_assessed": not_assessed,
    "not_issued": not_issued,
    "draft_plan": draft_plan,
    "plan": plan,
    "review_in_progress": review_in_progress,
    "amendment": amendment,
    "transfer_in": transfer_in,
    "appeal": appeal,
    "ceased": ceased,
}
