"""Phase transfers proposed from the date of birth (31 August cut-off)."""

from __future__ import annotations

import pytest

from send_desk.timescales import Child, propose_phase_transfers
from send_desk.timescales.phase_transfer import next_proposed_transfer, plan_in_force

from .clock import d, ev


def proposals(dob: str, today: str, phase: str | None = None) -> list[tuple[str, str]]:
    return [
        (e.details["transfer_date"], e.details["kind"])
        for e in propose_phase_transfers(d(dob), d(today), setting_phase=phase)
    ]


@pytest.mark.parametrize(
    ("dob", "today", "phase", "expected"),
    [
        # Born 2 Mar 2015 (school year 2014/15): Reception Sep 2019, Year 6 in 2025/26
        # -> moves to Year 7 on 1 Sep 2026; Year 11 in 2030/31 -> post-16 on 1 Sep 2031
        ("2015-03-02", "2026-03-01", None, [("2026-09-01", "school"), ("2031-09-01", "post16")]),
        # Born 31 Aug 2015: the youngest of the same year group
        ("2015-08-31", "2026-03-01", None, [("2026-09-01", "school"), ("2031-09-01", "post16")]),
        # Born 1 Sep 2015: the oldest of the next year group, Year 5 in 2025/26
        ("2015-09-01", "2026-03-01", None, [("2027-09-01", "school"), ("2032-09-01", "post16")]),
        # Born 10 May 2022: Reception from Sep 2026, so nursery year in 2025/26
        ("2022-05-10", "2026-03-01", None,
         [("2026-09-01", "school"), ("2033-09-01", "school"), ("2038-09-01", "post16")]),
        # Born 1 Dec 2018: Reception Sep 2023, Year 2 in 2025/26; infant school -> Year 3
        ("2018-12-01", "2026-03-01", "infant",
         [("2026-09-01", "school"), ("2030-09-01", "school"), ("2035-09-01", "post16")]),
        ("2018-12-01", "2026-03-01", "primary",
         [("2030-09-01", "school"), ("2035-09-01", "post16")]),
        # Year 11 on 1 Sep 2025 (born Jan 2010: Reception 2014): only post-16 is left
        ("2010-01-15", "2025-09-01", None, [("2026-09-01", "post16")]),
        # Year 13 (born Jan 2008): nothing left to propose
        ("2008-01-01", "2026-03-01", None, []),
    ],
)  # fmt: skip
def test_proposed_transfers(
    dob: str, today: str, phase: str | None, expected: list[tuple[str, str]]
) -> None:
    assert proposals(dob, today, phase) == expected


def test_proposals_are_marked_and_dated_today() -> None:
    (first, *_) = propose_phase_transfers(d("2015-03-02"), d("2026-03-01"))
    assert first.type == "phase_transfer"
    assert first.proposed
    assert first.date == d("2026-03-01")


def test_on_31_august_the_year_6_transfer_is_still_ahead_and_gone_a_day_later() -> None:
    # Year 6 in 2025/26 ends on 31 Aug 2026; on 1 Sep 2026 the child is in Year 7
    assert proposals("2015-03-02", "2026-08-31")[0] == ("2026-09-01", "school")
    assert proposals("2015-03-02", "2026-09-01")[0] == ("2031-09-01", "post16")


def test_the_timeline_takes_only_the_next_unrecorded_transfer() -> None:
    child = Child(date_of_birth=d("2015-03-02"))
    plan = ev("final_plan_issued", "2024-06-03")
    proposal = next_proposed_transfer(child, d("2026-03-01"), [plan])
    assert proposal is not None
    assert proposal.details == {"transfer_date": "2026-09-01", "kind": "school"}
    recorded = ev("phase_transfer", "2025-10-01", transfer_date="2026-09-01", kind="school")
    assert next_proposed_transfer(child, d("2026-03-01"), [plan, recorded]) is None
    assert next_proposed_transfer(Child(), d("2026-03-01"), [plan]) is None


def test_only_a_child_with_a_plan_in_force_gets_a_proposal() -> None:
    child = Child(date_of_birth=d("2015-03-02"))
    today = d("2026-03-01")
    assert next_proposed_transfer(child, today, []) is None
    assert next_proposed_transfer(child, today, [ev("request_received", "2026-01-05")]) is None
    moved_in = [ev("plan_transferred_in", "2025-10-06")]
    assert next_proposed_transfer(child, today, moved_in) is not None
    ceased = [
        ev("final_plan_issued", "2024-06-03"),
        ev("review_decision", "2025-06-20", outcome="cease"),
    ]
    assert next_proposed_transfer(child, today, ceased) is None
    assert not plan_in_force(ceased)
    assert plan_in_force([*ceased, ev("final_plan_issued", "2025-11-01")])
