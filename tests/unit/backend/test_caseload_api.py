"""backend.caseload: the typed read models against hand-worked answers."""

from __future__ import annotations

import uuid
from datetime import date

from send_desk.backend import Backend, CaseloadQuery
from send_desk.backend.caseload_models import (
    ChildChanges,
    NewChild,
    NewFamilyMember,
    NextDeadline,
)


def _new_child(backend: Backend) -> uuid.UUID:
    return backend.caseload.create_child(
        NewChild(
            first_name="Oliwia",
            last_name="Nowak",
            preferred_name="Oli",
            date_of_birth=date(2015, 3, 4),
            sex="F",
            postcode=" ",
            primary_need="SLCN",
        )
    )


def test_a_new_child_reads_back_as_entered(backend: Backend) -> None:
    child = _new_child(backend)
    detail = backend.caseload.child_detail(child)
    assert detail.id == child
    assert (detail.first_name, detail.last_name, detail.preferred_name) == (
        "Oliwia",
        "Nowak",
        "Oli",
    )
    assert detail.full_name == "Oliwia Nowak"
    assert detail.date_of_birth == date(2015, 3, 4)
    # born March 2015: Reception from September 2019, so Year 7 on TODAY (20/11/2026)
    assert detail.year_group == 7
    assert detail.sex == "F" and detail.primary_need == "SLCN" and detail.secondary_need is None
    assert detail.postcode is None  # blank text is "not recorded"
    assert detail.stage == "none"
    assert detail.caseworker is None and detail.current_setting is None
    assert detail.family == () and detail.allocations == () and detail.events == ()
    assert detail.flags == () and detail.communication_needs == ()
    assert detail.next_deadline is None
    assert [h.description for h in detail.history] == ["Record created"]


def test_the_caseload_row_and_next_deadline_of_a_request(backend: Backend) -> None:
    child = _new_child(backend)
    backend.clock.record_event(child, "request_received", date(2026, 9, 1))
    # six weeks from 01/09/2026: the decision whether to assess was due 13/10/2026,
    # 38 days before 20/11/2026
    row = backend.caseload.caseload_rows([child])[child]
    assert row.id == child
    assert row.name == "Nowak, Oliwia (Oli)"
    assert row.year_group == 7 and row.need == "SLCN" and row.looked_after is False
    assert row.caseworker is None and row.team is None and row.setting is None
    assert row.next_deadline is not None
    assert (row.next_deadline.due, row.next_deadline.days_left) == (date(2026, 10, 13), -38)
    assert row.next_deadline.overdue_days == 38
    assert backend.caseload.child_detail(child).next_deadline == row.next_deadline
    assert child in backend.caseload.caseload_ids(overdue=True)
    assert child in backend.caseload.caseload_ids(CaseloadQuery(text="oliwia"))


def test_family_changes_and_allocation_read_back(backend: Backend) -> None:
    caseload = backend.caseload
    child = _new_child(backend)
    caseload.add_family_member(
        child,
        NewFamilyMember(
            name="Anna Nowak", relationship="mother", phone="07700 900456", large_print=True
        ),
    )
    worker = caseload.caseload_options().caseworkers[0]
    caseload.allocate(child, worker.id, date(2026, 6, 1), "  New request  ")
    changed = caseload.update_child(
        child, ChildChanges(looked_after=True, placing_authority="Leeds")
    )
    assert changed == {"looked_after": True, "placing_authority": "Leeds"}
    detail = caseload.child_detail(child)
    assert [m.name for m in detail.family] == ["Anna Nowak"]
    assert detail.communication_needs == ("Anna Nowak (Mother): send letters in large print",)
    assert detail.flags == ("Looked after (placed by Leeds)",)
    (allocation,) = detail.allocations
    assert allocation.caseworker_id == worker.id and allocation.caseworker == worker.name
    assert (allocation.start_date, allocation.end_date) == (date(2026, 6, 1), None)
    assert allocation.reason == "New request" and allocation.current
    assert (detail.caseworker, detail.team) == (worker.name, worker.team)


def test_next_deadline_counts_days_overdue() -> None:
    assert NextDeadline("Final plan", date(2026, 11, 3), -17).overdue_days == 17
    assert NextDeadline("Final plan", date(2026, 11, 23), 3).overdue_days == 0
