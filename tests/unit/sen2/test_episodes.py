"""A child's events grouped into SEN2 requests: the cases the hand-built store does not
cover."""

from __future__ import annotations

from datetime import date
from typing import Any

from send_desk.sen2.episodes import episodes

CENSUS = date(2027, 1, 21)


def _e(type_id: str, day: str, **details: Any) -> tuple[str, date, dict[str, Any]]:
    return (type_id, date.fromisoformat(day), details)


def test_a_second_request_refused_leaves_the_plan_in_force() -> None:
    found = episodes(
        [
            _e("request_received", "2024-01-10"),
            _e("assessment_decision", "2024-02-20", outcome="assess"),
            _e("final_plan_issued", "2024-06-01"),
            _e("request_received", "2026-03-01", source="health"),
            _e("assessment_decision", "2026-04-01", outcome="not_assess"),
            _e("review_meeting", "2026-05-01"),
            _e("review_decision", "2026-05-08", outcome="maintain"),
        ],
        CENSUS,
    )
    assert [(e.received, e.request_decision, e.plan_start) for e in found] == [
        (date(2024, 1, 10), "assess", date(2024, 6, 1)),
        (date(2026, 3, 1), "not_assess", None),
    ]
    assert found[1].source == "3"  # health
    # the review belongs to the plan, not to the later request
    assert [(r.meeting, r.outcome) for r in found[0].reviews] == [(date(2026, 5, 1), "maintain")]
    assert found[0].plan_active_on(CENSUS)


def test_a_plan_transferred_in_replaces_the_old_one_and_events_after_census_wait() -> None:
    found = episodes(
        [
            _e("final_plan_issued", "2022-06-01"),
            _e("plan_transferred_in", "2026-09-01"),
            _e("review_decision", "2027-01-22", outcome="cease"),  # the day after census
        ],
        CENSUS,
    )
    old, new = found
    assert old.received is None and old.superseded == date(2026, 9, 1)
    assert not old.plan_active_on(CENSUS)
    assert old.plan_active_between(date(2026, 1, 1), CENSUS)  # it stood for part of 2026
    assert new.transferred_in == date(2026, 9, 1) and new.ceased is None
    assert new.plan_active_on(CENSUS)


def test_an_exception_on_another_milestone_does_not_set_week20() -> None:
    found = episodes(
        [
            _e("request_received", "2026-02-01"),
            _e("exception_recorded", "2026-02-10", milestone="decide_to_assess", reason="x",
               evidence="y"),
        ],
        CENSUS,
    )
    assert found[0].week20 is False


def test_an_order_to_assess_after_an_appeal_turns_the_refusal_into_an_assessment() -> None:
    (episode,) = episodes(
        [
            _e("request_received", "2026-01-05", source="parent_or_young_person"),
            _e("assessment_decision", "2026-02-10", outcome="not_assess"),
            _e("decision_sent", "2026-02-10", appealable=True),
            _e("mediation_declined", "2026-02-20"),
            _e("appeal_received", "2026-03-20"),
            _e("tribunal_order", "2026-08-01", order="assess"),
            _e("issue_decision", "2026-10-01", outcome="issue"),
            _e("final_plan_issued", "2026-11-02"),
        ],
        CENSUS,
    )
    assert (episode.request_decision, episode.request_decided) == ("assess", date(2026, 8, 1))
    assert episode.tribunal == {"request": date(2026, 3, 20)}
    assert episode.mediation == {}  # declined, not held
    assert episode.plan_start == date(2026, 11, 2)
