"""The milestone cache: recomputed per child in the same transaction as the change,
wholesale when the rules or the school year change, caught up from the journal after
bulk writes; never journaled, never exported. Dates worked out by hand."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from send_desk.domain.journal import JournalEntry
from send_desk.domain.milestones import MilestoneRow
from send_desk.services import children, events, milestones
from send_desk.services.errors import Refused, ValidationFailed
from send_desk.services.exchange import export_store
from send_desk.storage.store import Store

TODAY = date(2026, 3, 1)
Row = tuple[str, str, str | None, bool, bool]


def _child(store: Store, dob: str, **extra: object) -> uuid.UUID:
    data = {"first_name": "Test", "last_name": "Child", "date_of_birth": dob, **extra}
    with store.write() as session:
        return children.create_child(session, data, today=TODAY)


def _add(
    store: Store, child: uuid.UUID, type_id: str, day: str, today: date = TODAY, **details: object
) -> events.RecordedEvent:
    with store.write() as session:
        fields = {name.rstrip("_"): value for name, value in details.items()}
        return events.add_event(
            session, child, type_id, date.fromisoformat(day), fields, today=today
        )


def _rows(store: Store, child: uuid.UUID) -> list[Row]:
    with store.read() as session:
        found = session.scalars(select(MilestoneRow).where(MilestoneRow.child_id == child)).all()
    return sorted(
        (m.milestone, m.due.isoformat(), m.done.isoformat() if m.done else None, m.proposed,
         m.local)
        for m in found
    )  # fmt: skip


def _ids(store: Store, child: uuid.UUID) -> set[int | None]:
    with store.read() as session:
        return set(session.scalars(select(MilestoneRow.id).where(MilestoneRow.child_id == child)))


def test_an_event_recomputes_its_child_in_the_same_transaction(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    # Born 1 May 2016: Year 5 in 2025/26, so the next transfer (Year 6 to 7) is on
    # 1 Sep 2027 and the plan must be amended by 15 Feb 2027 (proposed: she has a plan).
    ben = _child(store, "2016-05-01")
    _add(store, ben, "final_plan_issued", "2025-06-10")
    assert _rows(store, ben) == [
        ("annual_review", "2026-06-10", None, False, False),  # 10 Jun 2025 + 12 months
        ("phase_transfer_plan", "2027-02-15", None, True, False),
        # the council's target for the review meeting: 12 weeks before 15 Feb 2027:
        # 15 days back to 31 Jan, 31 to 31 Dec, 31 to 30 Nov, 7 more -> 23 Nov 2026
        ("phase_transfer_review_target", "2026-11-23", None, True, True),
    ]
    ben_rows = _ids(store, ben)

    _add(store, ava, "request_received", "2026-01-05")
    # 5 Jan + 42 days: 26 days to 31 Jan, 16 into February -> 16 Feb 2026
    assert _rows(store, ava) == [("decide_to_assess", "2026-02-16", None, False, False)]
    _add(store, ava, "assessment_decision", "2026-02-10", outcome="assess")
    assert _rows(store, ava) == [
        ("decide_to_assess", "2026-02-16", "2026-02-10", False, False),
        # 5 Jan + 112 days: 26 (Jan) + 28 (Feb) + 31 (Mar) = 85, + 27 -> 27 Apr
        ("decide_to_issue", "2026-04-27", None, False, False),
        # the council's own target: 5 Jan + 98 days = 85 + 13 -> 13 Apr
        ("draft_plan_target", "2026-04-13", None, False, True),
        # 5 Jan + 140 days = 85 + 30 (Apr) + 25 -> 25 May
        ("final_plan", "2026-05-25", None, False, False),
    ]
    assert _ids(store, ben) == ben_rows  # nobody else's rows were touched


def test_a_refused_event_leaves_the_cache_as_it_was(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    before = _ids(store, ava)
    with pytest.raises(Refused, match="already recorded"):
        _add(store, ava, "request_received", "2026-01-05")
    assert _ids(store, ava) == before


def test_the_stored_rows_keep_the_exception_claim(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    _add(store, ava, "exception_recorded", "2026-01-20", reason="absence_from_area",
         milestone="decide_to_assess", evidence="Family abroad 18/01-28/02")  # fmt: skip
    with store.read() as session:
        row = session.scalars(select(MilestoneRow).where(MilestoneRow.child_id == ava)).one()
    assert (row.exception_reason, row.exception_evidence, row.exception_recorded) == (
        "absence_from_area",
        "Family abroad 18/01-28/02",
        date(2026, 1, 20),
    )
    assert row.source == "SEND Regulations 2014 reg 4(1)"
    assert (row.kind, row.cycle) == ("task", date(2026, 1, 5))


def test_a_new_school_year_recomputes_everyone(store: Store) -> None:
    # Born 2 Mar 2015: Year 6 in 2025/26 -> moves 1 Sep 2026 (plan by 15 Feb 2026); from
    # 1 Sep 2026 in Year 7, the next is post-16 on 1 Sep 2031 (plan by 31 Mar 2031).
    cal = _child(store, "2015-03-02")
    _add(store, cal, "final_plan_issued", "2025-03-20", today=date(2026, 8, 31))
    with store.write() as session:
        assert milestones.ensure_current(session, today=date(2026, 8, 31)) == "all"
        assert milestones.ensure_current(session, today=date(2026, 8, 31)) == "current"
    assert ("phase_transfer_plan", "2026-02-15", "2025-03-20", True, False) in _rows(store, cal)
    with store.read() as session:
        assert milestones.is_current(session, today=date(2026, 8, 31))
        assert not milestones.is_current(session, today=date(2026, 9, 1))
    with store.write() as session:
        assert milestones.ensure_current(session, today=date(2026, 9, 1)) == "all"
    assert ("phase_transfer_plan", "2031-03-31", None, True, False) in _rows(store, cal)
    with store.read() as session:
        assert milestones.is_current(session, today=date(2026, 9, 1))


def test_changes_made_outside_the_services_are_caught_up_from_the_journal(
    store: Store,
) -> None:
    cal = _child(store, "2015-03-02")
    ben = _child(store, "2016-05-01")
    for child in (cal, ben):
        _add(store, child, "final_plan_issued", "2024-11-04")
    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
    ben_rows = _ids(store, ben)
    assert ("phase_transfer_plan", "2026-02-15", None, True, False) in _rows(store, cal)
    # a date of birth corrected through the child service (which does not know the
    # clock): born 2 Mar 2016 she is in Year 5, so the next transfer is in 2027
    with store.write() as session:
        children.update_child(session, cal, {"date_of_birth": "2016-03-02"}, today=TODAY)
    with store.read() as session:
        assert not milestones.is_current(session, today=TODAY)
    with store.write() as session:
        assert milestones.ensure_current(session, today=TODAY) == "children"
    assert ("phase_transfer_plan", "2027-02-15", None, True, False) in _rows(store, cal)
    assert _ids(store, ben) == ben_rows
    with store.read() as session:
        assert milestones.is_current(session, today=TODAY)


def test_events_written_in_bulk_are_caught_up(store: Store) -> None:
    from send_desk.domain.events import CaseEvent
    from send_desk.ids import uuid7
    from send_desk.storage.journal import insert_rows

    ava = _child(store, "2016-06-01")
    with store.write() as session:
        milestones.ensure_current(session, today=TODAY)
        row = {"id": uuid7(), "child_id": ava, "type": "request_received",
               "date": date(2026, 1, 5), "details": {}, "evidence": None}  # fmt: skip
        insert_rows(session, CaseEvent, [row], store.actor)
    assert _rows(store, ava) == []
    with store.write() as session:
        assert milestones.ensure_current(session, today=TODAY) == "children"
    assert _rows(store, ava) == [("decide_to_assess", "2026-02-16", None, False, False)]


def test_milestones_are_neither_journaled_nor_exported(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(MilestoneRow)) == 1
        tables = set(session.scalars(select(JournalEntry.table_name)))
        exported = export_store(session, store.info.store_id)
    assert "milestone" not in tables
    assert "milestone" not in exported["tables"]


# -- what the store refuses and flags ---------------------------------------------------------


def test_an_event_out_of_order_is_refused_unless_the_date_is_confirmed(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    with pytest.raises(ValidationFailed) as caught:
        _add(store, ava, "assessment_decision", "2026-01-02", outcome="assess")
    assert caught.value.message.startswith(
        "Decision whether to assess on 02/01/2026 is dated before the first request for "
        "assessment received (05/01/2026): check the dates."
    )
    assert "confirming the date" in caught.value.message
    with store.write() as session:
        recorded = events.add_event(
            session, ava, "assessment_decision", date(2026, 1, 2), {"outcome": "assess"},
            today=TODAY, confirm_dates=True,
        )  # fmt: skip
    assert recorded.warnings[0].startswith("Decision whether to assess on 02/01/2026")


def test_a_duplicate_and_an_exception_without_evidence_are_refused(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    with pytest.raises(Refused, match=r"This event is already recorded \(Request for assessment"):
        _add(store, ava, "request_received", "2026-01-05")
    with pytest.raises(ValidationFailed, match="Evidence is needed"):
        _add(store, ava, "exception_recorded", "2026-01-20", reason="absence_from_area",
             milestone="decide_to_assess")  # fmt: skip
    with pytest.raises(ValidationFailed, match="cannot be relied on for 'decide_to_assess'"):
        _add(store, ava, "exception_recorded", "2026-01-20", reason="missed_appointment",
             milestone="decide_to_assess", evidence="Did not come to the clinic")  # fmt: skip


def test_an_event_that_completes_nothing_is_recorded_with_a_warning(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    recorded = _add(store, ava, "advice_received", "2026-02-20", from_="health")
    assert recorded.warnings == [
        "Advice received on 20/02/2026 does not complete any open deadline (it can complete "
        "advice_due; check its date and the events before it)."
    ]


def test_a_store_without_the_milestone_indexes_is_still_recomputed(store: Store) -> None:
    ava = _child(store, "2016-06-01")
    _add(store, ava, "request_received", "2026-01-05")
    with store.engine.begin() as connection:  # as a store made by an earlier 0003 could be
        connection.exec_driver_sql("DROP INDEX ix_milestone_open")
    with store.write() as session:
        milestones.recompute_all(session, today=TODAY)
    assert _rows(store, ava) == [("decide_to_assess", "2026-02-16", None, False, False)]
    with store.engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'milestone'"
        )}  # fmt: skip
    assert "ix_milestone_open" in names
