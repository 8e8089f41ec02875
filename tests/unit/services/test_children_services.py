"""The service layer refuses bad values with words a caseworker understands."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from send_desk.domain.codes import Stage
from send_desk.services import allocation, children, events, family, organisation
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.storage.store import Store
from tests.constants import TODAY

CHILD = {"first_name": "Maja", "last_name": "Kowalska", "date_of_birth": "2014-09-30"}


@pytest.fixture
def team_and_worker(store: Store) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    with store.write() as session:
        team = organisation.create_team(session, {"name": "North"})
        first = organisation.create_user(
            session,
            {
                "username": "pwhite",
                "display_name": "Pat White",
                "role": "caseworker",
                "team_id": team,
            },
        )
        second = organisation.create_user(
            session,
            {
                "username": "sgreen",
                "display_name": "Sam Green",
                "role": "caseworker",
                "team_id": team,
            },
        )
    return team, first, second


def _child(store: Store, **extra: object) -> uuid.UUID:
    with store.write() as session:
        return children.create_child(session, {**CHILD, **extra}, today=TODAY)


def test_future_date_of_birth_and_unknown_need_are_refused(store: Store) -> None:
    with pytest.raises(ValidationFailed) as caught, store.write() as session:
        children.create_child(
            session, {**CHILD, "date_of_birth": "2027-01-05", "primary_need": "DYS"}, today=TODAY
        )
    error = caught.value
    assert "05/01/2027 is in the future" in error.message
    assert "'DYS' is not one of" in error.fields["primary_need"]
    assert set(error.fields) == {"date_of_birth", "primary_need"}


def test_impossible_date_and_unknown_field(store: Store) -> None:
    with (
        pytest.raises(ValidationFailed, match="'2014-02-30' is not a date"),
        store.write() as session,
    ):
        children.create_child(session, {**CHILD, "date_of_birth": "2014-02-30"}, today=TODAY)
    with pytest.raises(ValidationFailed, match="unknown field shoe_size"), store.write() as session:
        children.create_child(session, {**CHILD, "shoe_size": "3"}, today=TODAY)


def test_update_is_checked_against_the_whole_record(store: Store) -> None:
    child_id = _child(store)
    with pytest.raises(ValidationFailed, match="placing authority"), store.write() as session:
        children.update_child(session, child_id, {"looked_after": "true"}, today=TODAY)
    with store.write() as session:
        changed = children.update_child(
            session,
            child_id,
            {"looked_after": "true", "placing_authority": "Riverton City Council"},
            today=TODAY,
        )
    assert changed == {"looked_after": True, "placing_authority": "Riverton City Council"}


def test_secondary_need_must_differ(store: Store) -> None:
    with (
        pytest.raises(ValidationFailed, match="secondary need must differ"),
        store.write() as session,
    ):
        children.create_child(
            session, {**CHILD, "primary_need": "ASD", "secondary_need": "ASD"}, today=TODAY
        )


def test_new_allocation_closes_the_old_one_and_keeps_history(
    store: Store, team_and_worker: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    _, first, second = team_and_worker
    child_id = _child(store)
    with store.write() as session:
        allocation.allocate(session, child_id, first, date(2025, 1, 6))
    with store.write() as session:
        allocation.allocate(session, child_id, second, date(2026, 3, 2), "Caseload rebalanced")
    with pytest.raises(Refused, match="already allocated to Sam Green"), store.write() as session:
        allocation.allocate(session, child_id, second, date(2026, 4, 1))
    with store.read() as session:
        detail = children.child_detail(session, child_id, today=TODAY)
    assert detail["caseworker"] == "Sam Green" and detail["team"] == "North"
    history = [(a["caseworker"], a["start_date"], a["end_date"]) for a in detail["allocations"]]
    assert history == [("Sam Green", "2026-03-02", None), ("Pat White", "2025-01-06", "2026-03-02")]


def test_family_member_must_be_reachable_the_way_they_prefer(store: Store) -> None:
    child_id = _child(store)
    with pytest.raises(ValidationFailed, match="email address is needed"), store.write() as session:
        family.add_family_member(
            session,
            {
                "child_id": child_id,
                "name": "Anna Kowalska",
                "relationship": "mother",
                "preferred_contact": "email",
            },
        )
    with store.write() as session:
        member = family.add_family_member(
            session,
            {
                "child_id": child_id,
                "name": "Anna Kowalska",
                "relationship": "mother",
                "phone": "07700 900123",
                "language": "Polish",
                "independent_interpreter": True,
            },
        )
    with store.read() as session:
        detail = children.child_detail(session, child_id, today=TODAY)
    contact = detail["family"][0]
    assert contact["id"] == str(member)
    # an independent interpreter is an interpreter
    assert contact["interpreter_needed"] is True and contact["independent_interpreter"] is True


def test_events_are_checked_and_move_the_stage(store: Store) -> None:
    child_id = _child(store)

    def add(type_id: str, when: date, **details: object) -> uuid.UUID:
        with store.write() as session:
            return events.add_event(session, child_id, type_id, when, details, today=TODAY)

    add("request_received", date(2026, 9, 7))
    add("assessment_decision", date(2026, 10, 12), outcome="assess")
    with store.read() as session:
        assert children.get_child(session, child_id).stage == Stage.ASSESSMENT

    with pytest.raises(ValidationFailed, match="not a known event type"):
        add("plan_lost", date(2026, 10, 1))
    with pytest.raises(ValidationFailed, match="must be one of: assess, not_assess"):
        add("assessment_decision", date(2026, 10, 1), outcome="perhaps")
    with pytest.raises(ValidationFailed, match="after today"):
        add("request_received", date(2026, 12, 1))
    with pytest.raises(ValidationFailed, match="before the child's date of birth"):
        add("request_received", date(2014, 1, 1))
    with pytest.raises(Refused, match="already recorded"):
        add("request_received", date(2026, 9, 7))
    with pytest.raises(ValidationFailed, match="Evidence is needed"):
        add(
            "exception_recorded",
            date(2026, 10, 1),
            reason="absence_from_area",
            milestone="final_plan",
        )


def test_unknown_child_and_ambiguous_ids(store: Store) -> None:
    with store.read() as session, pytest.raises(NotFound):
        children.resolve_child_id(session, str(uuid.uuid4()))
    child_id = _child(store)
    with store.read() as session:
        assert children.resolve_child_id(session, str(child_id)[-12:]) == child_id
        assert children.resolve_child_id(session, str(child_id)) == child_id
