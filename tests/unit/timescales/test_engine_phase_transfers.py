"""Worked cases for the phase transfer the clock proposes from the date of birth. Every
expected date is worked out by hand in the comment beside it."""

from __future__ import annotations

from send_desk.timescales import Child

from .clock import d, ev, rows, run

# -- proposed phase transfers in the timeline ------------------------------------------------


def test_the_next_phase_transfer_is_proposed_from_the_date_of_birth() -> None:
    # Born 2 Mar 2015: Reception from Sep 2019, so Year 6 in 2025/26 -> moves 1 Sep 2026;
    # the plan (issued 4 Nov 2024, before the 12 months up to 15 Feb 2026) must be
    # amended by 15 Feb 2026, which has passed on 1 Mar 2026.
    child = Child(date_of_birth=d("2015-03-02"))
    timeline = run([ev("final_plan_issued", "2024-11-04")], "2026-03-01", child)
    assert rows(timeline) == [
        ("annual_review", "2025-11-04", None, "overdue"),  # 4 Nov 2024 + 12 months
        ("phase_transfer_plan", "2026-02-15", None, "overdue"),
    ]
    proposed = timeline.milestones[1]
    assert proposed.proposed and proposed.to_json()["proposed"] is True
    assert proposed.trigger_index is None


def test_no_transfer_is_proposed_for_a_child_with_only_a_request() -> None:
    # Reg 18 is about amending a plan: a child being assessed has none (the contract's
    # own example, born 2 Mar 2015, request 5 Jan 2026: 5 Jan + 42 days = 16 Feb 2026).
    child = Child(date_of_birth=d("2015-03-02"))
    timeline = run([ev("request_received", "2026-01-05")], "2026-03-01", child)
    assert rows(timeline) == [("decide_to_assess", "2026-02-16", None, "overdue")]


def test_a_plan_transferred_in_is_a_plan_in_force() -> None:
    child = Child(date_of_birth=d("2015-03-02"))
    timeline = run([ev("plan_transferred_in", "2025-11-03")], "2026-03-01", child)
    assert rows(timeline, "phase_transfer_plan") == [
        ("phase_transfer_plan", "2026-02-15", None, "overdue")
    ]


def test_no_transfer_is_proposed_once_the_plan_has_ceased() -> None:
    child = Child(date_of_birth=d("2015-03-02"))
    events = [
        ev("final_plan_issued", "2024-05-01"),
        ev("review_meeting", "2025-04-20"),
        ev("review_decision", "2025-05-10", outcome="cease"),
    ]
    assert rows(run(events, "2026-03-01", child), "phase_transfer_plan") == []
    # a new plan after the cease is in force again
    again = [*events, ev("final_plan_issued", "2025-12-01")]
    assert rows(run(again, "2026-03-01", child), "phase_transfer_plan") == [
        ("phase_transfer_plan", "2026-02-15", "2025-12-01", "met")
    ]


def test_a_recorded_phase_transfer_replaces_the_proposal() -> None:
    child = Child(date_of_birth=d("2015-03-02"))
    recorded = ev("phase_transfer", "2025-09-20", transfer_date="2026-09-01", kind="school")
    timeline = run([recorded, ev("amended_plan_issued", "2026-01-30")], "2026-03-01", child)
    assert rows(timeline) == [("phase_transfer_plan", "2026-02-15", "2026-01-30", "met")]
    assert not timeline.milestones[0].proposed


def test_no_proposal_without_a_date_of_birth_or_when_switched_off() -> None:
    assert run([], "2026-03-01").milestones == []
    child = Child(date_of_birth=d("2015-03-02"))
    plan = [ev("final_plan_issued", "2025-03-10")]
    assert rows(run(plan, "2026-03-01", child, propose_transfers=False)) == [
        ("annual_review", "2026-03-10", None, "pending")
    ]
