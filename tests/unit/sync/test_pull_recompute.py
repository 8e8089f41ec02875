"""Which children a pulled page sends for a recompute of their stage and statutory
clock (``PageResult.recompute``, the engine's dirty list): only those whose pulled
rows are new here or change what the stage and the clock read. A laptop that pulls
back its own edits, or a name changed on another laptop, recomputes no child; a moved
event or a changed date of birth does, and the deadline moves with it.

Each test works on its own store; the pulled rows are the JSON the central store sends,
made from rows recorded here and changed by hand (synthetic people only).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from send_desk.services.children import create_child, update_child
from send_desk.services.events import add_event
from send_desk.services.milestones import CLOCK_READS, clock_inputs
from send_desk.storage.store import Store
from send_desk.sync.apply import PageResult, apply_changes, refresh_derived
from send_desk.sync.outbox import Pending
from send_desk.sync.tables import registry, row_as_json
from tests.constants import TODAY

# the moment the central store stamps on a row it accepted (later than the laptop's)
ACCEPTED_AT = "2026-12-31T09:00:00.123456+00:00"


@pytest.fixture
def case(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    """(child, event): Alex Example, whose request for an assessment came on 1 September
    2026, so the decision whether to assess is due 6 weeks later, on 13 October."""
    with store.write() as session:
        child = create_child(
            session,
            {"first_name": "Alex", "last_name": "Example", "date_of_birth": "2015-04-01"},
            today=TODAY,
        )
        event = add_event(session, child, "request_received", date(2026, 9, 1), today=TODAY)
    return child, event.id


def pulled(store: Store, table: str, row_id: uuid.UUID, **changes: Any) -> dict[str, Any]:
    """The row as the central store would send it after accepting it, with ``changes``."""
    info = registry()[table]
    with store.read() as session:
        row = session.execute(sa.select(info.table).where(info.table.c.id == row_id)).mappings()
        values = row_as_json(info, dict(row.one()))
    values.update(updated_at=ACCEPTED_AT, **changes)
    return {"table": table, "id": values["id"], "values": values}


def apply(store: Store, page: list[dict[str, Any]]) -> PageResult:
    with store.write() as session:
        return apply_changes(session, page, Pending())


def decision_due(store: Store) -> list[str]:
    with store.read() as session:
        return list(
            session.scalars(
                sa.text("SELECT due FROM milestone WHERE milestone = 'decide_to_assess'")
            )
        )


def test_a_laptops_own_edit_pulled_back_recomputes_no_child(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, _ = case
    with store.write() as session:
        update_child(session, child, {"preferred_name": "Ali"}, today=TODAY)
    result = apply(store, [pulled(store, "child", child)])
    assert result.rows == 1
    assert result.children == {child}  # the row was written (the central store's stamp)
    assert result.recompute == set()


def test_a_name_changed_on_another_laptop_recomputes_no_child(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, _ = case
    result = apply(store, [pulled(store, "child", child, preferred_name="Lex")])
    assert result.recompute == set()
    with store.read() as session:
        table = registry()["child"].table
        name = session.scalar(sa.select(table.c.preferred_name).where(table.c.id == child))
    assert name == "Lex"


def test_an_event_already_here_pulled_again_recomputes_no_child(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _, event = case
    # its details ({}) travel as JSON and are stored as text: equal all the same
    result = apply(store, [pulled(store, "case_event", event)])
    assert (result.rows, result.recompute) == (1, set())


def test_a_changed_date_of_birth_recomputes_the_child(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, _ = case
    result = apply(store, [pulled(store, "child", child, date_of_birth="2015-09-01")])
    assert result.recompute == {child}


def test_a_pulled_event_moved_to_another_day_moves_its_deadline(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, event = case
    assert decision_due(store) == ["2026-10-13"]
    result = apply(store, [pulled(store, "case_event", event, date="2026-09-15")])
    assert result.recompute == {child}
    with store.write() as session:
        refresh_derived(session, result.recompute, TODAY)
    assert decision_due(store) == ["2026-10-27"]  # 15 September + 6 weeks


def test_a_new_event_pulled_recomputes_the_child_and_its_stage(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    child, event = case
    row = pulled(store, "case_event", event)
    new_id = "00000000-0000-4000-8000-0000000000e2"
    row["id"] = row["values"]["id"] = new_id
    row["values"].update(
        type="assessment_decision", date="2026-10-06", details={"outcome": "assess"}
    )
    result = apply(store, [row])
    assert result.recompute == {child}
    with store.write() as session:
        refresh_derived(session, result.recompute, TODAY)
    with store.read() as session:
        assert session.scalar(sa.text("SELECT stage FROM child")) == "assessment"
    assert decision_due(store) == ["2026-10-13"]  # now done, its due date unchanged


def test_the_clock_reads_no_other_field_of_a_child(
    store: Store, case: tuple[uuid.UUID, uuid.UUID]
) -> None:
    """What the pull leaves alone (CLOCK_READS) must be all the clock reads: each other
    field of the child blanked, the clock's view of the child is the same."""
    reads = CLOCK_READS["child"]
    assert reads is not None
    info = registry()["child"]
    with store.read() as session:
        before = clock_inputs(session)
    blanked = 0
    with store.write() as session:
        for name, column in info.table.c.items():
            if name in reads or name == "id" or not column.nullable:
                continue
            session.execute(sa.update(info.table).values({name: None}))
            blanked += 1
    with store.read() as session:
        after = clock_inputs(session)
    assert blanked > 10
    assert after == before
