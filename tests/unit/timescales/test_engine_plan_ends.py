"""Worked cases for the events SEND Desk adds to complete the contract's open tasks, and
for a plan that ceases. Every expected date is worked out by hand beside it."""

from __future__ import annotations

from .clock import codes, ev, rows, run

# -- events SEND Desk adds so that every task can be completed -------------------------------


def test_the_added_events_complete_the_tasks_the_contract_leaves_open() -> None:
    events = [
        ev("plan_transferred_in", "2026-03-02"),
        ev("transfer_notice_sent", "2026-04-10"),
        ev("mediation_requested", "2026-03-10"),
        ev("mediation_held", "2026-04-14"),
        ev("appeal_received", "2026-07-06"),
        ev("appeal_response_sent", "2026-09-10"),
        ev("tribunal_order", "2026-03-02", order="assess"),
        ev("order_notice_sent", "2026-03-13"),
    ]
    timeline = run(events, "2026-09-20")
    assert rows(
        timeline, "transfer_notice", "mediation_held", "appeal_response", "order_assess_notify"
    ) == [
        # 2 Mar + 14 days = 16 Mar; told 13 Mar
        ("order_assess_notify", "2026-03-16", "2026-03-13", "met"),
        # within 30 days of 10 Mar = 40 Mar -> 9 Apr; held 14 Apr: 5 days late
        ("mediation_held", "2026-04-09", "2026-04-14", "late"),
        # 2 Mar + 42 days = 44 Mar -> 13 Apr; told 10 Apr
        ("transfer_notice", "2026-04-13", "2026-04-10", "met"),
        # 30 Tribunal working days after 6 Jul (August not counted) = Tue 15 Sep
        ("appeal_response", "2026-09-15", "2026-09-10", "met"),
    ]
    assert codes(timeline) == []


def test_without_the_added_events_the_contract_still_holds() -> None:
    events = [ev("plan_transferred_in", "2026-03-02"), ev("mediation_requested", "2026-03-10")]
    assert rows(run(events, "2026-04-20"), "transfer_notice", "mediation_held") == [
        ("mediation_held", "2026-04-09", None, "overdue"),
        ("transfer_notice", "2026-04-13", None, "overdue"),
    ]


def test_an_added_event_before_its_trigger_is_out_of_order() -> None:
    events = [ev("order_notice_sent", "2026-02-20"), ev("tribunal_order", "2026-03-02",
              order="assess")]  # fmt: skip
    timeline = run(events, "2026-03-20")
    assert rows(timeline, "order_assess_notify") == [
        ("order_assess_notify", "2026-03-16", None, "overdue")
    ]
    assert (0, "order") in codes(timeline)


# -- a plan that ceases ------------------------------------------------------------------------


CEASED = [
    ev("final_plan_issued", "2024-03-01"),
    ev("review_meeting", "2025-02-20"),
    ev("review_decision", "2025-03-10", outcome="cease"),
]


def test_no_annual_review_falls_due_after_the_plan_ceases() -> None:
    timeline = run(CEASED, "2026-06-01")
    assert rows(timeline, "annual_review", "review_decision") == [
        # 1 Mar 2024 + 12 months = 1 Mar 2025; the meeting of 20 Feb 2025 met it
        ("annual_review", "2025-03-01", "2025-02-20", "met"),
        # 20 Feb + 28 days = 20 Mar 2025; decided (to cease) on 10 Mar
        ("review_decision", "2025-03-20", "2025-03-10", "met"),
        # the cycle from 20 Feb 2025 (due 20 Feb 2026) is left out: the plan ceased
    ]


def test_an_appeal_or_a_new_plan_keeps_the_reviews() -> None:
    appealed = run([*CEASED, ev("appeal_received", "2025-04-15")], "2026-06-01")
    assert ("annual_review", "2026-02-20", None, "overdue") in rows(appealed, "annual_review")
    new_plan = run([*CEASED, ev("final_plan_issued", "2025-11-03")], "2026-06-01")
    # the new plan starts no cycle of its own (the contract's "initial" is the first
    # plan), but the reviews go on: the cycle from the last meeting stays
    assert ("annual_review", "2026-02-20", None, "overdue") in rows(new_plan, "annual_review")
    kept = run([*CEASED, ev("review_decision", "2025-04-01", outcome="maintain")], "2026-06-01")
    assert ("annual_review", "2026-02-20", None, "overdue") in rows(kept, "annual_review")
