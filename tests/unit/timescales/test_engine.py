"""Worked cases for the statutory clock. Every expected date is worked out by hand in
the comment beside it, never by calling the engine."""

from __future__ import annotations

import pytest

from send_desk.timescales import Child, Event, compute_timeline, engine
from send_desk.timescales.rules import default_rules, load_rules

from .clock import Row, codes, d, ev, rows, run

# -- worked cases: (name, events, today, expected rows (id, due, done, status)) ----------

WORKED: list[tuple[str, list[Event], str, list[Row]]] = [
    (
        "20-week path, every step recorded",
        [
            ev("request_received", "2026-01-05"),  # a Monday
            ev("advice_requested", "2026-02-02", from_="educational_psychology"),
            ev("advice_requested", "2026-02-03", from_="health"),
            ev("assessment_decision", "2026-02-10", outcome="assess"),
            ev("advice_received", "2026-03-10", from_="health"),
            ev("advice_received", "2026-03-20", from_="educational_psychology"),
            ev("issue_decision", "2026-04-20", outcome="issue"),
            ev("draft_plan_issued", "2026-04-24"),
            ev("final_plan_issued", "2026-05-20"),
        ],
        "2026-06-01",
        [
            # 5 Jan + 42 days: 26 days to 31 Jan, 16 more -> 16 Feb; decided 10 Feb
            ("decide_to_assess", "2026-02-16", "2026-02-10", "met"),
            # 2 Feb + 42 days = 44 Feb -> 44 - 28 = 16 Mar; the advice came 20 Mar
            ("advice_due:educational_psychology", "2026-03-16", "2026-03-20", "late"),
            # 3 Feb + 42 days = 17 Mar; the advice came 10 Mar
            ("advice_due:health", "2026-03-17", "2026-03-10", "met"),
            # 5 Jan + 112 days: 26 (Jan) + 28 (Feb) + 31 (Mar) = 85, +27 -> 27 Apr
            ("decide_to_issue", "2026-04-27", "2026-04-20", "met"),
            # 15 days beginning with 24 Apr: 24 Apr + 14 = 38 Apr -> 8 May
            ("draft_response_period_ends", "2026-05-08", None, "info"),
            # 5 Jan + 140 days = 27 Apr + 28 days = 25 May
            ("final_plan", "2026-05-25", "2026-05-20", "met"),
            # 12 months after the final plan of 20 May 2026
            ("annual_review", "2027-05-20", None, "pending"),
        ],
    ),
    (
        "a decision not to assess ends the 20-week path",
        [
            ev("request_received", "2026-01-05"),
            ev("assessment_decision", "2026-02-20", outcome="not_assess"),
            ev("decision_sent", "2026-02-20", appealable=True),
        ],
        "2026-03-01",
        [
            ("decide_to_assess", "2026-02-16", "2026-02-20", "late"),  # 5 Jan + 42 days
            # 20 Feb + 2 months = Mon 20 Apr 2026, a working day outside August/Christmas
            ("appeal_deadline", "2026-04-20", None, "info"),
        ],
    ),
    (
        "a decision not to issue ends the final-plan milestone",
        [
            ev("request_received", "2026-01-05"),
            ev("assessment_decision", "2026-02-10", outcome="assess"),
            ev("issue_decision", "2026-05-01", outcome="not_issue"),
            ev("decision_sent", "2026-05-01"),
        ],
        "2026-06-01",
        [
            ("decide_to_assess", "2026-02-16", "2026-02-10", "met"),
            ("decide_to_issue", "2026-04-27", "2026-05-01", "late"),  # 5 Jan + 112 days
            ("appeal_deadline", "2026-07-01", None, "info"),  # 1 May + 2 months = Wed 1 Jul
        ],
    ),
    (
        "before the decision to assess only the 6-week milestone runs",
        [ev("request_received", "2026-01-05")],
        "2026-02-17",
        [("decide_to_assess", "2026-02-16", None, "overdue")],  # 5 Jan + 42; today 1 day after
    ),
    (
        "a new request starts a new path; the old one keeps its own decision",
        [
            ev("request_received", "2025-01-06"),
            ev("assessment_decision", "2025-02-10", outcome="not_assess"),
            ev("request_received", "2025-09-01"),  # a Monday
            ev("assessment_decision", "2025-10-06", outcome="assess"),
            ev("issue_decision", "2025-12-15", outcome="issue"),
        ],
        "2026-01-10",
        [
            # 6 Jan 2025 + 42 days: 25 days to 31 Jan, +17 -> 17 Feb 2025
            ("decide_to_assess", "2025-02-17", "2025-02-10", "met"),
            # 1 Sep 2025 + 42 days = 43 Sep -> 43 - 30 = 13 Oct 2025
            ("decide_to_assess", "2025-10-13", "2025-10-06", "met"),
            # 1 Sep + 112 days: 29 (to 30 Sep) + 31 (Oct) + 30 (Nov) = 90, +22 -> 22 Dec 2025
            ("decide_to_issue", "2025-12-22", "2025-12-15", "met"),
            # 1 Sep + 140 days = 22 Dec + 28 = 50 Dec -> 19 Jan 2026
            ("final_plan", "2026-01-19", None, "pending"),
        ],
    ),
    (
        "annual reviews recur; a late report belongs to the review it follows",
        [
            ev("final_plan_issued", "2024-03-10"),
            ev("review_meeting", "2025-03-01"),
            ev("review_decision", "2025-03-20", outcome="maintain"),
            ev("review_meeting", "2026-03-15"),
            ev("review_report_received", "2026-03-25"),
        ],
        "2026-06-01",
        [
            # 10 Mar 2024 + 12 months = 10 Mar 2025; met by the review of 1 Mar 2025
            ("annual_review", "2025-03-10", "2025-03-01", "met"),
            # 1 Mar 2025 + 14 days = 15 Mar 2025: no report before the next review
            ("review_report", "2025-03-15", None, "overdue"),
            # 1 Mar 2025 + 28 days = 29 Mar 2025; decided 20 Mar
            ("review_decision", "2025-03-29", "2025-03-20", "met"),
            # 1 Mar 2025 + 12 months = 1 Mar 2026; the next review was 15 Mar 2026
            ("annual_review", "2026-03-01", "2026-03-15", "late"),
            # 15 Mar 2026 + 14 days = 29 Mar 2026; the report came 25 Mar
            ("review_report", "2026-03-29", "2026-03-25", "met"),
            # 15 Mar 2026 + 28 days = 43 Mar -> 12 Apr 2026; no decision by 1 Jun
            ("review_decision", "2026-04-12", None, "overdue"),
            # 15 Mar 2026 + 12 months = 15 Mar 2027
            ("annual_review", "2027-03-15", None, "pending"),
        ],
    ),
    (
        "annual review from a plan issued on 29 February",
        [ev("final_plan_issued", "2028-02-29")],
        "2028-03-01",
        [("annual_review", "2029-02-28", None, "pending")],  # 2029 has no 29 February
    ),
    (
        "6 weeks over February in a leap year",
        [ev("request_received", "2028-01-31")],
        "2028-02-01",
        # 31 Jan + 42 days = 73 Jan -> 42 Feb -> 42 - 29 = 13 Mar 2028 (14 Mar in 2026)
        [("decide_to_assess", "2028-03-13", None, "pending")],
    ),
    (
        "amendments after a review",
        [
            ev("amendment_notice_issued", "2026-04-01"),
            ev("amended_plan_issued", "2026-05-20"),
        ],
        "2026-06-01",
        [
            # 15 days beginning with 1 Apr: 1 + 14 = 15 Apr
            ("amendment_response_period_ends", "2026-04-15", None, "info"),
            # 1 Apr + 56 days = 57 Apr -> 57 - 30 = 27 May; issued 20 May
            ("final_amended_plan", "2026-05-27", "2026-05-20", "met"),
        ],
    ),
    (
        "phase transfer to secondary: plan amended before 15 February",
        [
            ev("phase_transfer", "2025-10-01", transfer_date="2026-09-01", kind="school"),
            ev("amended_plan_issued", "2026-02-10"),
        ],
        "2026-03-01",
        # 15 February of 2026, the calendar year of the transfer; issued 10 Feb 2026
        [("phase_transfer_plan", "2026-02-15", "2026-02-10", "met")],
    ),
    (
        "phase transfer to post-16: a plan amended 13 months before does not count",
        [
            ev("amended_plan_issued", "2025-03-15"),  # before 31 Mar 2025: outside the window
            ev("phase_transfer", "2025-09-10", transfer_date="2026-09-01", kind="post16"),
        ],
        "2026-04-10",
        # 31 March of 2026; the window is 31 Mar 2025 to 31 Mar 2026
        [("phase_transfer_plan", "2026-03-31", None, "overdue")],
    ),
    (
        "plan transferred in: 6-week notice and the later of 12 months and 3 months",
        [
            ev("review_meeting", "2025-11-20"),  # by the old council
            ev("plan_transferred_in", "2026-03-02"),
        ],
        "2026-03-10",
        [
            # the old council's review also runs its own clocks:
            ("review_report", "2025-12-04", None, "overdue"),  # 20 Nov + 14 = 34 Nov -> 4 Dec
            ("review_decision", "2025-12-18", None, "overdue"),  # 20 Nov + 28 = 48 Nov -> 18 Dec
            # 2 Mar + 42 days = 44 Mar -> 44 - 31 = 13 Apr
            ("transfer_notice", "2026-04-13", None, "pending"),
            # the annual review open on the transfer (20 Nov 2025 + 12 months) is left
            # out: reg 15(5) sets the first review instead (docs/statutory-decisions.md)
            # later of 20 Nov 2025 + 12 months = 20 Nov 2026 and 2 Mar + 3 months = 2 Jun 2026
            ("transfer_review", "2026-11-20", None, "pending"),
        ],
    ),
    (
        "plan transferred in with no earlier review: 3 months, to a month end",
        [
            ev("plan_transferred_in", "2025-11-30"),
            ev("review_meeting", "2026-02-20"),
        ],
        "2026-03-01",
        [
            # 30 Nov + 42 days = 72 Nov -> 42 Dec -> 11 Jan 2026
            ("transfer_notice", "2026-01-11", None, "overdue"),
            # 30 Nov 2025 + 3 months = 30 Feb -> February 2026 has 28 days -> 28 Feb
            ("transfer_review", "2026-02-28", "2026-02-20", "met"),
            ("review_report", "2026-03-06", None, "pending"),  # 20 Feb + 14 = 34 Feb -> 6 Mar
            ("review_decision", "2026-03-20", None, "pending"),  # 20 Feb + 28 = 48 Feb -> 20 Mar
            ("annual_review", "2027-02-20", None, "pending"),  # 20 Feb 2026 + 12 months
        ],
    ),
    (
        "mediation asked for, then declined over Easter",
        [
            ev("mediation_requested", "2026-03-10"),
            ev("mediation_declined", "2026-04-02"),  # a Thursday
            ev("mediation_certificate_issued", "2026-04-08"),
        ],
        "2026-04-10",
        [
            # 3 working days after Thu 2 Apr: Good Friday 3, weekend, Easter Monday 6 ->
            # Tue 7 (1), Wed 8 (2), Thu 9 (3); the certificate came on 8 Apr
            ("mediation_certificate", "2026-04-09", "2026-04-08", "met"),
            # mediation_held (within 30 days of 10 Mar: 40 Mar -> 9 Apr) is left out: the
            # family withdrew on 2 Apr, before it was due (docs/statutory-decisions.md)
        ],
    ),
    (
        "mediation asked for and not held",
        [ev("mediation_requested", "2026-03-10")],
        "2026-04-10",
        # within 30 days of 10 Mar: 10 + 30 = 40 Mar -> 40 - 31 = 9 Apr; today 10 Apr
        [("mediation_held", "2026-04-09", None, "overdue")],
    ),
    (
        "mediation certificate due over Christmas",
        [ev("mediation_declined", "2026-12-23")],  # a Wednesday
        "2026-12-24",
        # Thu 24 (1); 25 Fri and 28 Mon (Boxing Day substitute) are bank holidays;
        # Tue 29 (2), Wed 30 (3)
        [("mediation_certificate", "2026-12-30", None, "pending")],
    ),
    (
        "appeal deadline falling in August moves to the first working day after it",
        [ev("decision_sent", "2026-06-15")],
        "2026-06-16",
        # 15 Jun + 2 months = 15 Aug 2026 (in August); 31 Aug is a bank holiday -> Tue 1 Sep
        [("appeal_deadline", "2026-09-01", None, "info")],
    ),
    (
        "appeal deadline falling on Christmas Day",
        [ev("decision_sent", "2026-10-25")],
        "2026-10-26",
        # 25 Oct + 2 months = 25 Dec 2026 -> after 1 Jan: Sat 2, Sun 3 -> Mon 4 Jan 2027
        [("appeal_deadline", "2027-01-04", None, "info")],
    ),
    (
        "appeal deadline on a Saturday before a bank holiday Monday",
        [ev("decision_sent", "2026-03-02")],
        "2026-03-03",
        # 2 Mar + 2 months = Sat 2 May; Sun 3; Mon 4 May bank holiday -> Tue 5 May
        [("appeal_deadline", "2026-05-05", None, "info")],
    ),
    (
        "appeal deadline at a month end",
        [ev("decision_sent", "2025-12-31")],
        "2026-01-02",
        # 31 Dec + 2 months = 31 Feb -> 28 Feb 2026, a Saturday -> Mon 2 Mar 2026
        [("appeal_deadline", "2026-03-02", None, "info")],
    ),
    (
        "appeal deadline extended by a later mediation certificate",
        [
            ev("decision_sent", "2026-03-02"),
            ev("mediation_declined", "2026-03-20"),  # a Friday
            ev("mediation_certificate_issued", "2026-04-20"),
        ],
        "2026-04-21",
        [
            # 3 working days after Fri 20 Mar: Mon 23 (1), Tue 24 (2), Wed 25 (3)
            ("mediation_certificate", "2026-03-25", "2026-04-20", "late"),
            # later of 2 Mar + 2 months = 2 May and 20 Apr + 1 month = Wed 20 May
            ("appeal_deadline", "2026-05-20", None, "info"),
        ],
    ),
    (
        "a decision that cannot be appealed has no appeal deadline",
        [ev("decision_sent", "2026-03-02", appealable=False)],
        "2026-03-03",
        [],
    ),
    (
        "the council's response to an appeal, over August",
        [ev("appeal_received", "2026-07-06")],
        "2026-07-07",
        # 30 Tribunal working days after Mon 6 Jul: July 7-31 gives 19, August not counted,
        # Sep 1-4 (23), 7-11 (28), 14 (29), Tue 15 Sep (30)
        [("appeal_response", "2026-09-15", None, "pending")],
    ),
    (
        "Tribunal orders, with ties on the due date ordered by id",
        [
            ev("tribunal_order", "2026-03-02", order="assess"),
            ev("tribunal_order", "2026-03-02", order="make_plan"),
            ev("tribunal_order", "2026-03-02", order="amend_plan"),
            ev("tribunal_order", "2026-03-02", order="change_placement"),
            ev("amended_plan_issued", "2026-03-12"),
            ev("draft_plan_issued", "2026-04-01"),
        ],
        "2026-04-10",
        [
            # 2 Mar + 14 days = 16 Mar (both; "order_assess_notify" < "order_placement")
            ("order_assess_notify", "2026-03-16", None, "overdue"),
            ("order_placement", "2026-03-16", "2026-03-12", "met"),
            # 2 Mar + 35 days = 37 Mar -> 6 Apr (both)
            ("order_amended_plan", "2026-04-06", "2026-03-12", "met"),
            ("order_draft_plan", "2026-04-06", "2026-04-01", "met"),
            # 15 days beginning with 1 Apr: 1 + 14 = 15 Apr
            ("draft_response_period_ends", "2026-04-15", None, "info"),
            # 2 Mar + 77 days = 79 Mar -> 48 Apr -> 18 May
            ("order_final_plan", "2026-05-18", None, "pending"),
            # 2 Mar + 98 days = 100 Mar -> 69 Apr -> 39 May -> 8 Jun
            ("order_assess_final_plan", "2026-06-08", None, "pending"),
        ],
    ),
    (
        "advice asked again: the advice that came belongs to the later request",
        [
            ev("advice_requested", "2026-02-02", from_="health"),
            ev("advice_requested", "2026-04-01", from_="health"),
            ev("advice_received", "2026-04-20", from_="health"),
        ],
        "2026-05-01",
        [
            ("advice_due:health", "2026-03-16", None, "overdue"),  # 2 Feb + 42 = 16 Mar
            ("advice_due:health", "2026-05-13", "2026-04-20", "met"),  # 1 Apr + 42 = 13 May
        ],
    ),
]


@pytest.mark.parametrize(
    ("events", "today", "expected"),
    [case[1:] for case in WORKED],
    ids=[case[0] for case in WORKED],
)
def test_worked_case(events: list[Event], today: str, expected: list[Row]) -> None:
    timeline = run(events, today)
    assert rows(timeline) == expected
    assert [w for w in timeline.warnings if w.code not in ("unused",)] == []


def test_fast_paths_give_the_results_of_the_general_one() -> None:
    # The engine runs common rule shapes through tighter loops; switched off, every rule
    # goes through the general path, and every worked case must come out the same.
    general = load_rules()
    for step in engine._plan(general, False).steps:
        step.simple = step.in_year = step.matched = False
    for _, events, today, expected in WORKED:
        assert rows(compute_timeline(events, d(today), rules=general)) == expected


def test_worked_cases_cover_every_milestone_of_the_contract() -> None:
    seen = {row[0].split(":")[0] for case in WORKED for row in case[3]}
    assert seen == default_rules().milestone_ids(include_local=False)


def test_a_milestone_due_today_is_pending_and_overdue_the_day_after() -> None:
    events = [ev("request_received", "2026-01-05")]  # due 5 Jan + 42 = 16 Feb
    on_the_day = run(events, "2026-02-16").milestones[0]
    assert (on_the_day.status, on_the_day.days_left) == ("pending", 0)
    assert on_the_day.next_step == (
        "Send the family the decision whether to carry out an EHC needs assessment by "
        "16/02/2026 (today)."
    )
    after = run(events, "2026-02-17").milestones[0]
    assert (after.status, after.days_left) == ("overdue", -1)
    assert after.next_step.endswith("now: it was due 16/02/2026, 1 day ago.")
    before = run(events, "2026-02-01").milestones[0]
    assert before.days_left == 15  # 1 Feb to 16 Feb
    assert before.next_step.endswith("by 16/02/2026 (in 15 days).")


def test_done_on_the_due_date_is_met() -> None:
    events = [
        ev("request_received", "2026-01-05"),
        ev("assessment_decision", "2026-02-16", outcome="assess"),  # the due date itself
    ]
    assert rows(run(events, "2026-03-01"), "decide_to_assess") == [
        ("decide_to_assess", "2026-02-16", "2026-02-16", "met")
    ]


# -- output ---------------------------------------------------------------------------------


def test_output_is_ordered_by_due_date_then_id_whatever_the_input_order() -> None:
    events = list(reversed(WORKED[0][1]))
    assert rows(run(events, "2026-06-01")) == WORKED[0][3]


def test_json_shape_of_a_milestone() -> None:
    timeline = run([ev("request_received", "2026-01-05")], "2026-02-01")
    assert timeline.to_json() == {
        "today": "2026-02-01",
        "milestones": [
            {
                "id": "decide_to_assess",
                "due": "2026-02-16",
                "done": None,
                "status": "pending",
                "source": "SEND Regulations 2014 reg 4(1)",
                "title": "Decide whether to assess",
                "days_left": 15,
                "next_step": "Send the family the decision whether to carry out an EHC needs "
                "assessment by 16/02/2026 (in 15 days).",
                "priority": False,
            }
        ],
        "warnings": [],
    }


def test_info_and_done_next_steps() -> None:
    timeline = run(WORKED[0][1], "2026-06-01")
    by_id = {m.id: m for m in timeline.milestones}
    assert by_id["draft_response_period_ends"].next_step == (
        "The family can comment on the draft plan and ask for a school or college until 08/05/2026."
    )
    assert by_id["decide_to_assess"].next_step == "Done on 10/02/2026 (due 16/02/2026)."
    # 16 Mar to 20 Mar is 4 days
    assert by_id["advice_due:educational_psychology"].next_step == (
        "Done on 20/03/2026, 4 days late (due 16/03/2026)."
    )


def test_looked_after_children_are_priority() -> None:
    events = [ev("request_received", "2026-01-05")]
    assert not run(events, "2026-02-01").milestones[0].priority
    looked_after = run(events, "2026-02-01", Child(looked_after=True))
    assert looked_after.milestones[0].priority


def test_local_targets_only_when_asked() -> None:
    events = [ev("request_received", "2026-01-05"), ev("assessment_decision", "2026-02-10",
              outcome="assess")]  # fmt: skip
    assert "draft_plan_target" not in {m.id for m in run(events, "2026-03-01").milestones}
    with_local = run(events, "2026-03-01", include_local=True)
    # 5 Jan + 98 days: 26 (Jan) + 28 (Feb) + 31 (Mar) = 85, +13 -> 13 Apr 2026
    assert rows(with_local, "draft_plan_target") == [
        ("draft_plan_target", "2026-04-13", None, "pending")
    ]
    target = next(m for m in with_local.milestones if m.id == "draft_plan_target")
    assert target.to_json()["local"] is True


# -- bad input: never a crash, never an event dropped in silence -----------------------------


def test_unknown_event_type_is_warned_about_and_not_used() -> None:
    timeline = run([ev("request_received", "2026-01-05"), ev("final_plan", "2026-05-01")],
                   "2026-02-01")  # fmt: skip
    assert rows(timeline) == [("decide_to_assess", "2026-02-16", None, "pending")]
    assert codes(timeline) == [(1, "invalid")]
    assert "'final_plan' is not a known event type" in timeline.warnings[0].message


def test_event_missing_a_field_or_with_a_wrong_value_is_warned_about() -> None:
    timeline = run(
        [
            ev("request_received", "2026-01-05"),
            ev("assessment_decision", "2026-02-10"),
            ev("issue_decision", "2026-04-20", outcome="maybe"),
            ev("phase_transfer", "2026-01-10", transfer_date="2026-02-30", kind="school"),
        ],
        "2026-03-01",
    )
    assert rows(timeline) == [("decide_to_assess", "2026-02-16", None, "overdue")]
    assert codes(timeline) == [(1, "invalid"), (2, "invalid"), (3, "invalid")]
    assert "has no outcome" in timeline.warnings[0].message
    assert "'maybe', not one of issue, not_issue" in timeline.warnings[1].message
    assert "'2026-02-30', not a date" in timeline.warnings[2].message


def test_duplicate_event_is_counted_once() -> None:
    request = ev("request_received", "2026-01-05")
    timeline = run([request, request], "2026-02-01")
    assert rows(timeline) == [("decide_to_assess", "2026-02-16", None, "pending")]
    assert codes(timeline) == [(1, "duplicate")]
    assert "recorded twice (also events[0]): counted once" in timeline.warnings[0].message


def test_final_plan_before_the_request_is_out_of_order() -> None:
    timeline = run(
        [ev("final_plan_issued", "2026-01-02"), ev("request_received", "2026-01-05")],
        "2026-02-01",
    )
    assert codes(timeline) == [(0, "order")]
    assert timeline.warnings[0].message == (
        "Final plan issued on 02/01/2026 is dated before the first request for assessment "
        "received (05/01/2026): check the dates."
    )
    # both events still count: the plan starts the annual review, the request the 6 weeks
    assert [m.id for m in timeline.milestones] == ["decide_to_assess", "annual_review"]


def test_events_after_today_are_used_and_warned_about() -> None:
    timeline = run(
        [ev("request_received", "2026-01-05"), ev("assessment_decision", "2026-02-10",
         outcome="assess"), ev("final_plan_issued", "2036-05-01")],
        "2026-02-01",
    )  # fmt: skip
    assert codes(timeline) == [(1, "future"), (2, "future")]
    assert "after today (01/02/2026): check the date" in timeline.warnings[0].message
    assert "more than a year after today (01/02/2026): check the year" in (
        timeline.warnings[1].message
    )
    assert rows(timeline, "decide_to_assess") == [
        ("decide_to_assess", "2026-02-16", "2026-02-10", "met")
    ]


def test_an_event_that_completes_nothing_is_warned_about() -> None:
    timeline = run([ev("advice_received", "2026-03-01", from_="health")], "2026-03-02")
    assert timeline.milestones == []
    assert codes(timeline) == [(0, "unused")]
    assert "does not complete any open deadline (it can complete advice_due" in (
        timeline.warnings[0].message
    )


def test_the_engine_copes_with_any_events() -> None:
    odd = [
        Event("request_received", d("2026-01-05"), {"note": ["not", "hashable"]}),
        Event("phase_transfer", d("2026-01-05"), {"transfer_date": d("2026-09-01"),
              "kind": "school"}),
        Event("advice_requested", d("2026-01-05"), {"from": 42}),
    ]  # fmt: skip
    timeline = compute_timeline(odd, d("2026-01-06"))
    assert [m.id for m in timeline.milestones] == [
        "phase_transfer_plan",  # 15 Feb 2026
        "advice_due:42",  # 5 Jan + 42 = 16 Feb, and "advice_due:42" < "decide_to_assess"
        "decide_to_assess",
    ]
