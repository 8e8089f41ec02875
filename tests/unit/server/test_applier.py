"""The per-entry merge on the central store (``server.applier``), entry by entry on a
real central store (SQLite, and PostgreSQL where available) holding the synthetic demo.

The answers are worked by hand from the rule: a field change applies when the central
value is still the base the laptop saw, is nothing to do when the central value is
already the new one, and otherwise keeps the central value and records a conflict. A
refused entry raises ``RowRefused`` with the reason the push quarantines it under.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.domain.children import FamilyMember
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.server import schema
from send_desk.server.applier import Applier, Outcome
from send_desk.server.scope import Principal, load_principal, scope_ids
from send_desk.sync.protocol import EntryV2
from send_desk.sync.tables import RowRefused
from tests.sync.servers import Central

AT = "2026-11-22T10:00:00+00:00"
MEMBERS = table_of(FamilyMember)


@dataclass
class Desk:
    """One caseworker's push, inside a transaction rolled back at the end."""

    connection: Connection
    principal: Principal
    applier: Applier
    member: dict[str, Any]  # a family member of a child in the caseworker's caseload
    mine: uuid.UUID  # that child
    theirs: uuid.UUID  # a child in nobody's caseload the caseworker sees

    def row(self, row_id: uuid.UUID) -> dict[str, Any] | None:
        found = self.connection.execute(sa.select(MEMBERS).where(MEMBERS.c.id == row_id))
        row = found.mappings().first()
        return dict(row) if row is not None else None

    def conflicts(self) -> list[dict[str, Any]]:
        return [
            dict(c)
            for c in self.connection.execute(sa.select(schema.conflict)).mappings().all()
        ]


@pytest.fixture
def desk(demo_central: Central) -> Iterator[Desk]:
    with demo_central.engine.connect() as connection, connection.begin() as transaction:
        users = table_of(User)
        user_id = connection.execute(
            sa.select(users.c.id).where(users.c.role == "caseworker").order_by(users.c.username)
        ).scalars().first()
        assert user_id is not None
        principal = load_principal(connection, user_id)
        assert principal is not None
        mine = [uuid.UUID(c) for c in scope_ids(connection, principal)]
        everyone = set(connection.execute(sa.select(MEMBERS.c.child_id)).scalars())
        theirs = sorted(everyone - set(mine))
        member = connection.execute(
            sa.select(MEMBERS).where(MEMBERS.c.child_id.in_(mine)).order_by(MEMBERS.c.id)
        ).mappings().first()
        assert member is not None and theirs
        # known values, so each answer below is worked from them and not from the demo
        known = {"name": "Alex Example", "language": "English", "notes": None}
        connection.execute(sa.update(MEMBERS).where(MEMBERS.c.id == member["id"]).values(known))
        yield Desk(
            connection, principal, Applier(connection, principal, uuid.uuid4()),
            {**member, **known}, member["child_id"], theirs[0],
        )  # fmt: skip
        transaction.rollback()


def update(row_id: object, field: str, base: Any, value: Any, *, seq: int = 1) -> EntryV2:
    return EntryV2(
        device_seq=seq, table="family_member", row_id=str(row_id), op="update",
        field=field, base=base, value=value, at=AT,
    )  # fmt: skip


def new_member(row_id: uuid.UUID, child: uuid.UUID, name: str = "Sam Sample") -> EntryV2:
    value = {
        "id": str(row_id), "child_id": str(child), "name": name, "relationship": "father",
        "preferred_contact": "email", "email": "sam.sample@example.org",
    }  # fmt: skip
    return EntryV2(
        device_seq=1, table="family_member", row_id=str(row_id), op="insert", value=value, at=AT
    )


# -- the three-way rule for one field


def test_a_change_made_on_the_value_the_central_store_still_holds_is_applied(desk: Desk) -> None:
    member = desk.member
    outcome = desk.applier.apply(update(member["id"], "language", "English", "Welsh"))
    assert outcome == Outcome("applied", child=desk.mine)
    row = desk.row(member["id"])
    assert row is not None
    assert row["language"] == "Welsh"
    assert row["updated_by"] == desk.principal.user_id
    assert desk.conflicts() == []


def test_a_change_to_the_value_already_there_is_nothing_to_do(desk: Desk) -> None:
    member = desk.member
    outcome = desk.applier.apply(update(member["id"], "name", "Someone Else", "Alex Example"))
    assert outcome == Outcome("unchanged", child=desk.mine)
    assert desk.row(member["id"]) == member
    assert desk.conflicts() == []


def test_two_people_changing_one_field_keep_the_first_and_record_a_conflict(desk: Desk) -> None:
    member = desk.member
    # the laptop saw "Polish", but someone else's "English" reached the store first
    outcome = desk.applier.apply(update(member["id"], "language", "Polish", "Urdu", seq=7))
    assert outcome.status == "conflict" and outcome.child == desk.mine
    row = desk.row(member["id"])
    assert row is not None and row["language"] == "English"  # the first kept
    (conflict,) = desk.conflicts()
    assert conflict["id"] == outcome.conflict_id
    assert (conflict["table_name"], conflict["row_id"], conflict["field"]) == (
        "family_member", member["id"], "language",
    )  # fmt: skip
    assert conflict["base"] == "Polish"
    assert conflict["kept_value"] == "English"
    assert conflict["other_value"] == "Urdu"
    assert conflict["other_by"] == desk.principal.user_id
    assert conflict["other_device_seq"] == 7
    assert conflict["status"] == "open"


def test_a_date_and_its_iso_text_are_the_same_value(desk: Desk) -> None:
    from datetime import date

    from send_desk.server.applier import same

    assert same(date(2026, 11, 22), "2026-11-22")
    assert not same(date(2026, 11, 22), "2026-11-23")
    assert same(None, None) and not same(None, "")


# -- inserts


def test_a_new_record_is_inserted_as_the_sender_s_and_again_is_nothing_to_do(
    desk: Desk,
) -> None:
    row_id = uuid.uuid4()
    assert desk.applier.apply(new_member(row_id, desk.mine)) == Outcome("applied", child=desk.mine)
    row = desk.row(row_id)
    assert row is not None
    assert (row["name"], row["relationship"]) == ("Sam Sample", "father")
    assert row["child_id"] == desk.mine
    assert row["created_by"] == desk.principal.user_id
    # the same insert again (a push that was retried): nothing changes
    again = desk.applier.apply(new_member(row_id, desk.mine))
    assert again == Outcome("unchanged", child=desk.mine)


def test_another_record_under_an_id_already_used_is_refused(desk: Desk) -> None:
    row_id = uuid.uuid4()
    desk.applier.apply(new_member(row_id, desk.mine))
    with pytest.raises(RowRefused) as refused:
        desk.applier.apply(new_member(row_id, desk.mine, name="Jo Test"))
    assert str(refused.value) == "a record with this id is already on the central store"
    row = desk.row(row_id)
    assert row is not None and row["name"] == "Sam Sample"


# -- deletes


def test_a_delete_of_the_record_as_the_laptop_saw_it_removes_it(desk: Desk) -> None:
    member = desk.member
    old = {"name": "Alex Example", "language": "English"}
    entry = EntryV2(device_seq=1, table="family_member", row_id=str(member["id"]),
                    op="delete", base=old, at=AT)  # fmt: skip
    assert desk.applier.apply(entry) == Outcome("applied", child=desk.mine)
    assert desk.row(member["id"]) is None
    # deleting it again: it is gone already
    assert desk.applier.apply(entry) == Outcome("unchanged")


def test_a_delete_of_a_record_changed_since_keeps_it_and_records_a_conflict(desk: Desk) -> None:
    member = desk.member
    entry = EntryV2(device_seq=3, table="family_member", row_id=str(member["id"]), op="delete",
                    base={"name": "Jo Test"}, at=AT)  # fmt: skip
    outcome = desk.applier.apply(entry)
    assert outcome.status == "conflict"
    assert desk.row(member["id"]) == member
    (conflict,) = desk.conflicts()
    assert conflict["field"] is None and conflict["other_value"] is None
    assert conflict["kept_value"]["name"] == "Alex Example"


# -- refusals: the reasons an entry is quarantined under


def test_a_field_a_laptop_may_not_set_is_refused_by_name(desk: Desk) -> None:
    for field in ("created_by", "id", "favourite_colour"):
        with pytest.raises(RowRefused) as refused:
            desk.applier.apply(update(desk.member["id"], field, None, "x"))
        assert str(refused.value) == f"'{field}' is not a field of family member records"


def test_a_change_for_a_record_not_on_the_central_store_is_refused(desk: Desk) -> None:
    with pytest.raises(RowRefused, match="is not on the central store"):
        desk.applier.apply(update(uuid.uuid4(), "language", None, "Welsh"))


def test_a_change_to_a_child_outside_the_caseload_is_refused_and_nothing_changes(
    desk: Desk,
) -> None:
    member = desk.member
    with pytest.raises(RowRefused, match="not in your caseload or your team's"):
        desk.applier.apply(update(member["id"], "child_id", str(desk.mine), str(desk.theirs)))
    with pytest.raises(RowRefused, match="not in your caseload or your team's"):
        desk.applier.apply(new_member(uuid.uuid4(), desk.theirs))
    assert desk.row(member["id"]) == member


@pytest.mark.parametrize(
    ("row_id", "at", "reason"),
    [
        ("not-an-id", AT, "'not-an-id' is not a record id"),
        (None, "yesterday", "'yesterday' is not a date and time"),
        (None, "2026-11-22T10:00:00", "'2026-11-22T10:00:00' has no time zone"),
    ],
)
def test_an_entry_without_a_record_id_or_an_aware_time_is_refused(
    desk: Desk, row_id: str | None, at: str, reason: str
) -> None:
    entry = update(row_id or desk.member["id"], "language", None, "Welsh")
    with pytest.raises(RowRefused) as refused:
        desk.applier.apply(entry.model_copy(update={"at": at}))
    assert str(refused.value) == reason


def test_a_saved_case_note_version_is_never_changed_or_deleted(desk: Desk) -> None:
    for op in ("update", "delete"):
        entry = EntryV2(device_seq=1, table="note_version", row_id=str(uuid.uuid4()), op=op,
                        field="body", base="a", value="b", at=AT)  # fmt: skip
        with pytest.raises(RowRefused, match="note version records are append-only"):
            desk.applier.apply(entry)


def test_in_a_group_the_refused_change_is_quarantined_and_the_others_applied(desk: Desk) -> None:
    member = desk.member
    group = [
        update(member["id"], "language", "English", "Welsh", seq=1),
        update(member["id"], "no_such_field", None, "x", seq=2),
        update(member["id"], "notes", None, "Prefers mornings.", seq=3),
    ]
    outcomes = desk.applier.apply_many(group)
    assert [o.status for o in outcomes] == ["applied", "quarantined", "applied"]
    assert outcomes[1].reason == "'no_such_field' is not a field of family member records"
    row = desk.row(member["id"])
    assert row is not None and (row["language"], row["notes"]) == ("Welsh", "Prefers mornings.")


def test_a_quarantine_reason_never_holds_a_control_character_or_runs_long() -> None:
    assert Outcome("quarantined", reason="'\x1b[2JAlex' is not a record id").reason == (
        "'[2JAlex' is not a record id"
    )
    assert len(Outcome("quarantined", reason="x" * 5000).reason or "") == 1000


def test_a_new_record_without_its_values_or_under_another_id_is_refused(desk: Desk) -> None:
    row_id = uuid.uuid4()
    bare = new_member(row_id, desk.mine).model_copy(update={"value": None})
    with pytest.raises(RowRefused) as refused:
        desk.applier.apply(bare)
    assert str(refused.value) == "the new record came without its values"
    other = new_member(uuid.uuid4(), desk.mine).model_copy(update={"row_id": str(row_id)})
    with pytest.raises(RowRefused) as refused:
        desk.applier.apply(other)
    assert str(refused.value) == "the record's id does not match the change"
    assert desk.row(row_id) is None
