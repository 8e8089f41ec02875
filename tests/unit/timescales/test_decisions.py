"""The clock's answers to the questions the contract leaves open, worked by hand.

Each section matches a heading of ``docs/statutory-decisions.md``. Every expected date
is worked out in the comment beside it (bank holidays: England and Wales), never by
calling the engine."""

from __future__ import annotations

from send_desk.timescales import Event, compute_timeline, engine
from send_desk.timescales.rules import default_rules, load_rules

from .clock import d, ev, rows, run

# -- 1. the appeal date: a non-working day whose next working day is in a period the --------
# -- Tribunal does not count ------------------------------------------------------------------


def test_appeal_date_on_a_saturday_before_august_moves_past_august() -> None:
    # 31 May 2027 + 2 months = Sat 31 Jul 2027 (not a working day); the next working day,
    # Mon 2 Aug, is in August -> the first working day after 31 Aug: Wed 1 Sep 2027
    # (Mon 30 Aug 2027 is the summer bank holiday and in August anyway)
    timeline = run([ev("decision_sent", "2027-05-31")], "2027-06-01")
    assert rows(timeline, "appeal_deadline") == [("appeal_deadline", "2027-09-01", None, "info")]


def test_appeal_date_on_a_sunday_before_christmas_moves_past_new_year() -> None:
    # 24 Oct 2028 + 2 months = Sun 24 Dec 2028; Mon 25 and Tue 26 Dec are bank holidays;
    # the next working day, Wed 27 Dec, is in 25 Dec-1 Jan -> the first working day after
    # 1 Jan 2029 (a Monday, a bank holiday): Tue 2 Jan 2029
    timeline = run([ev("decision_sent", "2028-10-24")], "2028-10-25")
    assert rows(timeline, "appeal_deadline") == [("appeal_deadline", "2029-01-02", None, "info")]


def test_appeal_date_past_new_year_skips_a_substitute_bank_holiday() -> None:
    # 24 Oct 2033 + 2 months = Sat 24 Dec 2033 -> next working day Wed 28 Dec (25 Sun,
    # 26 Mon and 27 Tue are bank holidays), in the Christmas period -> after 1 Jan 2034
    # (a Sunday): Mon 2 Jan 2034 is the New Year substitute bank holiday -> Tue 3 Jan 2034
    timeline = run([ev("decision_sent", "2033-10-24")], "2033-10-25")
    assert rows(timeline, "appeal_deadline") == [("appeal_deadline", "2034-01-03", None, "info")]


def test_appeal_date_on_a_working_31_july_stays() -> None:
    # 31 May 2026 + 2 months = Fri 31 Jul 2026, a working day outside August: no move
    timeline = run([ev("decision_sent", "2026-05-31")], "2026-06-01")
    assert rows(timeline, "appeal_deadline") == [("appeal_deadline", "2026-07-31", None, "info")]


def test_appeal_date_from_a_certificate_on_a_sunday_before_christmas() -> None:
    events = [ev("decision_sent", "2028-10-02"), ev("mediation_certificate_issued", "2028-11-24")]
    # later of 2 Oct 2028 + 2 months = Sat 2 Dec and 24 Nov + 1 month = Sun 24 Dec 2028;
    # 25 and 26 Dec are bank holidays, Wed 27 Dec is in the Christmas period -> the first
    # working day after Mon 1 Jan 2029 (a bank holiday): Tue 2 Jan 2029
    assert rows(run(events, "2028-11-25"), "appeal_deadline") == [
        ("appeal_deadline", "2029-01-02", None, "info")
    ]


# -- 2. tasks the contract gives no "done by" --------------------------------------------------


def test_tasks_without_a_contract_event_stay_tasks_and_become_overdue() -> None:
    events = [
        ev("plan_transferred_in", "2026-03-02"),
        ev("appeal_received", "2026-07-06"),
        ev("tribunal_order", "2026-03-02", order="assess"),
    ]
    timeline = run(events, "2026-09-16")
    assert rows(timeline, "transfer_notice", "appeal_response", "order_assess_notify") == [
        ("order_assess_notify", "2026-03-16", None, "overdue"),  # 2 Mar + 14 days
        ("transfer_notice", "2026-04-13", None, "overdue"),  # 2 Mar + 42 = 44 Mar -> 13 Apr
        # 30 Tribunal working days after Mon 6 Jul 2026: 7-31 Jul = 19, August not
        # counted, 1-4 Sep = 23, 7-11 Sep = 28, Mon 14 = 29, Tue 15 Sep = 30; today 16 Sep
        ("appeal_response", "2026-09-15", None, "overdue"),
    ]
    for rule_id in ("transfer_notice", "mediation_held", "appeal_response", "order_assess_notify"):
        (rule,) = default_rules().rules_for(rule_id)
        assert not rule.is_info and rule.done_by is not None, rule_id


def test_a_late_notice_shows_late_not_overdue() -> None:
    events = [ev("plan_transferred_in", "2026-03-02"), ev("transfer_notice_sent", "2026-04-20")]
    # 2 Mar + 42 days = 13 Apr; the family was told on 20 Apr, 7 days late
    assert rows(run(events, "2026-05-01"), "transfer_notice") == [
        ("transfer_notice", "2026-04-13", "2026-04-20", "late")
    ]


def test_mediation_the_family_withdraws_from_in_time_is_left_out() -> None:
    requested = ev("mediation_requested", "2026-03-10")  # due 10 Mar + 30 = 40 Mar -> 9 Apr
    # withdrawn on the 30th day itself, 9 Apr: the duty ended before it was broken
    on_the_day = run([requested, ev("mediation_declined", "2026-04-09")], "2026-04-20")
    assert rows(on_the_day, "mediation_held") == []
    # withdrawn on 10 Apr, a day after the 30 days ran out: the breach stays on record
    after = run([requested, ev("mediation_declined", "2026-04-10")], "2026-04-20")
    assert rows(after, "mediation_held") == [("mediation_held", "2026-04-09", None, "overdue")]
    # declined before asking for it: that does not end the later request
    before = run([ev("mediation_declined", "2026-03-01"), requested], "2026-04-20")
    assert rows(before, "mediation_held") == [("mediation_held", "2026-04-09", None, "overdue")]


def test_a_mediation_certificate_alone_does_not_complete_the_mediation() -> None:
    events = [ev("mediation_requested", "2026-03-10"),
              ev("mediation_certificate_issued", "2026-04-14")]  # fmt: skip
    # due 9 Apr (10 Mar + 30 days); a certificate does not show the mediation was held
    assert rows(run(events, "2026-04-20"), "mediation_held") == [
        ("mediation_held", "2026-04-09", None, "overdue")
    ]


# -- 3. an exception recorded while the milestone is pending -----------------------------------

PATH = [
    ev("request_received", "2026-01-05"),  # final plan due 5 Jan + 140 days = 25 May 2026
    ev("assessment_decision", "2026-02-10", outcome="assess"),
    ev("issue_decision", "2026-04-20", outcome="issue"),
]
AWAY = ev(
    "exception_recorded", "2026-04-01", reason="absence_from_area", milestone="final_plan",
    evidence="Family abroad 01/04-30/05",
)  # fmt: skip


def test_an_exception_recorded_early_keeps_the_milestone_pending_with_the_claim() -> None:
    timeline = run([*PATH, AWAY], "2026-05-25")  # the due date itself
    assert rows(timeline, "final_plan") == [("final_plan", "2026-05-25", None, "pending")]
    assert [c.reason for c in timeline.milestones[-1].exceptions] == ["absence_from_area"]
    # the day after, with no plan: the council relies on it
    missed = run([*PATH, AWAY], "2026-05-26")
    assert rows(missed, "final_plan") == [("final_plan", "2026-05-25", None, "exception")]


def test_an_exception_is_not_relied_on_when_the_milestone_is_met() -> None:
    timeline = run([*PATH, AWAY, ev("final_plan_issued", "2026-05-25")], "2026-06-01")
    (final,) = [m for m in timeline.milestones if m.id == "final_plan"]
    assert (final.status, final.done) == ("met", d("2026-05-25"))
    assert final.exceptions == ()  # so it counts in the 20-week figure without exceptions
    assert "exception" not in final.to_json()
    assert timeline.warnings == []


# -- 4. the phase-transfer window --------------------------------------------------------------

MOVE = ev("phase_transfer", "2026-01-10", transfer_date="2027-09-01", kind="school")
# due 15 Feb 2027 (the calendar year of the transfer); the window is the 12 months that
# end on it: 16 Feb 2026 to 15 Feb 2027


def _phase(plan: Event | None, today: str) -> list[tuple[str, str, str | None, str]]:
    events = [MOVE] if plan is None else [MOVE, plan]
    fast = rows(run(events, today), "phase_transfer_plan")
    general = load_rules()
    for step in engine._plan(general, False).steps:
        step.simple = step.in_year = step.matched = False
    slow = rows(compute_timeline(events, d(today), rules=general), "phase_transfer_plan")
    assert fast == slow
    return fast


def test_a_plan_on_the_due_date_meets_the_phase_transfer() -> None:
    assert _phase(ev("amended_plan_issued", "2027-02-15"), "2027-03-01") == [
        ("phase_transfer_plan", "2027-02-15", "2027-02-15", "met")
    ]


def test_a_plan_exactly_12_months_before_is_outside_the_window() -> None:
    # 15 Feb 2026 is 12 months before 15 Feb 2027: outside; today 1 Mar 2027
    assert _phase(ev("amended_plan_issued", "2026-02-15"), "2027-03-01") == [
        ("phase_transfer_plan", "2027-02-15", None, "overdue")
    ]
    # the next day, 16 Feb 2026, is the first day of the window
    assert _phase(ev("amended_plan_issued", "2026-02-16"), "2027-03-01") == [
        ("phase_transfer_plan", "2027-02-15", "2026-02-16", "met")
    ]


def test_a_plan_after_the_due_date_completes_it_late_up_to_the_transfer() -> None:
    # issued 10 Mar 2027, after 15 Feb and before the move on 1 Sep 2027
    assert _phase(ev("amended_plan_issued", "2027-03-10"), "2027-04-01") == [
        ("phase_transfer_plan", "2027-02-15", "2027-03-10", "late")
    ]
    # on the transfer date itself: still late
    assert _phase(ev("final_plan_issued", "2027-09-01"), "2027-09-10") == [
        ("phase_transfer_plan", "2027-02-15", "2027-09-01", "late")
    ]
    # after the transfer: it was never done for the move
    assert _phase(ev("amended_plan_issued", "2027-09-02"), "2027-09-10") == [
        ("phase_transfer_plan", "2027-02-15", None, "overdue")
    ]
    assert _phase(None, "2027-09-10") == [("phase_transfer_plan", "2027-02-15", None, "overdue")]


def test_a_plan_in_the_window_wins_over_a_later_one() -> None:
    events = [
        MOVE,
        ev("amended_plan_issued", "2026-11-20"),
        ev("amended_plan_issued", "2027-03-10"),
    ]
    assert rows(run(events, "2027-04-01"), "phase_transfer_plan") == [
        ("phase_transfer_plan", "2027-02-15", "2026-11-20", "met")
    ]


def test_post16_transfer_late_plan() -> None:
    events = [
        ev("phase_transfer", "2026-01-10", transfer_date="2027-09-01", kind="post16"),
        ev("amended_plan_issued", "2027-04-06"),
    ]
    # due 31 Mar 2027; issued 6 Apr 2027, before the move: late
    assert rows(run(events, "2027-05-01"), "phase_transfer_plan") == [
        ("phase_transfer_plan", "2027-03-31", "2027-04-06", "late")
    ]


# -- 5. a plan transferred in: the first review replaces the annual review -----------------------


def test_the_annual_review_open_at_a_transfer_in_gives_way_to_the_transfer_review() -> None:
    events = [
        ev("final_plan_issued", "2025-01-10"),  # by the old council
        ev("plan_transferred_in", "2025-12-01"),
    ]
    timeline = run(events, "2026-02-01")
    assert rows(timeline, "annual_review", "transfer_review") == [
        # the annual review (10 Jan 2025 + 12 months = 10 Jan 2026) is left out;
        # later of 10 Jan 2026 and 1 Dec 2025 + 3 months = 1 Mar 2026
        ("transfer_review", "2026-03-01", None, "pending"),
    ]


def test_after_the_first_review_the_annual_cycle_runs_again() -> None:
    events = [
        ev("final_plan_issued", "2025-01-10"),
        ev("plan_transferred_in", "2025-12-01"),
        ev("review_meeting", "2026-02-20"),
    ]
    timeline = run(events, "2026-03-01")
    assert rows(timeline, "annual_review", "transfer_review") == [
        ("transfer_review", "2026-03-01", "2026-02-20", "met"),
        ("annual_review", "2027-02-20", None, "pending"),  # 20 Feb 2026 + 12 months
    ]


def test_a_review_the_old_council_held_still_counts() -> None:
    events = [
        ev("final_plan_issued", "2024-01-10"),
        ev("review_meeting", "2024-12-15"),
        ev("plan_transferred_in", "2025-06-01"),
    ]
    timeline = run(events, "2025-07-01")
    assert rows(timeline, "annual_review", "transfer_review") == [
        # 10 Jan 2024 + 12 months = 10 Jan 2025; met by the meeting of 15 Dec 2024
        ("annual_review", "2025-01-10", "2024-12-15", "met"),
        # the cycle from 15 Dec 2024 was open on the transfer: left out; the first review
        # is due by the later of 15 Dec 2025 and 1 Jun 2025 + 3 months = 1 Sep 2025
        ("transfer_review", "2025-12-15", None, "pending"),
    ]


# -- 6. no review meeting is ever held -----------------------------------------------------------


def test_with_no_review_meeting_one_annual_review_stays_overdue() -> None:
    timeline = run([ev("final_plan_issued", "2024-03-10")], "2026-06-01")
    # 10 Mar 2024 + 12 months = 10 Mar 2025; no second cycle is made up from nothing
    assert rows(timeline, "annual_review") == [("annual_review", "2025-03-10", None, "overdue")]


def test_a_late_review_meeting_restarts_the_12_months_from_the_meeting() -> None:
    events = [ev("final_plan_issued", "2024-03-10"), ev("review_meeting", "2025-09-01")]
    assert rows(run(events, "2026-06-01"), "annual_review") == [
        ("annual_review", "2025-03-10", "2025-09-01", "late"),
        ("annual_review", "2026-09-01", None, "pending"),  # 1 Sep 2025 + 12 months
    ]
