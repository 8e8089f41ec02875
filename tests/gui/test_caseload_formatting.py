"""gui.formatting's caseload section: how a deadline, a year group and an event read."""

from __future__ import annotations

from datetime import date

from send_desk.backend.caseload_models import NextDeadline
from send_desk.gui.formatting import (
    caseworker_text,
    deadline_label,
    deadline_when,
    event_details_text,
    year_group_text,
)


def test_a_deadline_in_words() -> None:
    due = date(2026, 11, 3)
    assert deadline_when(NextDeadline("Final plan", due, -17)) == "17 days overdue"
    assert deadline_when(NextDeadline("Final plan", due, -1)) == "1 day overdue"
    assert deadline_when(NextDeadline("Final plan", due, 0)) == "due today"
    assert deadline_when(NextDeadline("Final plan", due, 1)) == "in 1 day"
    assert deadline_when(NextDeadline("Final plan", due, 12)) == "in 12 days"
    assert (
        deadline_label(NextDeadline("Final plan", due, -17))
        == "Final plan: 17 days overdue (due 03/11/2026)"
    )


def test_year_group_caseworker_and_event_details() -> None:
    assert year_group_text(0) == "Reception"
    assert year_group_text(7) == "Year 7"
    assert caseworker_text(None) == "Not allocated"
    assert caseworker_text("Pat Example") == "Pat Example"


def test_event_details_read_with_the_forms_labels_and_plain_values() -> None:
    request = {"rya": True, "source": "school_or_setting"}
    assert event_details_text("request_received", request) == (
        "Who asked: School or setting; "
        "In relevant youth accommodation (custody) when asking: Yes"
    )
    transfer = {"transfer_date": "2027-09-01", "kind": "post16"}
    assert event_details_text("phase_transfer", transfer) == (
        "Transfer date: 01/09/2027; Kind of transfer: Post-16 transfer"
    )
    review = {"outcome": "cease", "cease_reason": "moved_la", "to_la": "886"}
    assert event_details_text("review_decision", review) == (
        "Outcome: Cease the plan; Why the plan ends: Moved to another council in England; "
        "Council it moves to (LA number): 886"
    )
    assert event_details_text("decision_sent", {"appealable": False}) == "Appealable: No"
    # an advice report attached to the record names its kind by code; typed names stay
    attached = {"from": "educational_psychology"}
    assert event_details_text("advice_received", attached) == (
        "Advice from: Educational psychology"
    )
    typed = {"from": "Dr Lee, community paediatrician"}
    assert event_details_text("advice_requested", typed) == (
        "Advice from: Dr Lee, community paediatrician"
    )
    # an exception and an apology name the milestone and the reason the clock lists
    exception = {"reason": "absence_from_area", "milestone": "final_plan",
                 "evidence": "Family away for five weeks; confirmed by email."}  # fmt: skip
    assert event_details_text("exception_recorded", exception) == (
        "Reason: Absence from the area; Milestone: Issue the final EHC plan (20 weeks); "
        "Evidence: Family away for five weeks; confirmed by email."
    )
    apology = {"milestone": "decide_to_assess", "due": "2026-10-19", "reason": "staff illness"}
    assert event_details_text("apology_letter_requested", apology) == (
        "Missed deadline: Decide whether to assess; It was due: 19/10/2026; "
        "Reason for the delay: staff illness"
    )
