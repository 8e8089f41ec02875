"""One page of a device's entries on the central store (``server.push``): each entry
is answered, a refused one is quarantined with its reason while the rest apply, the
device's acknowledged number moves to the page's last entry, and the same page sent
again (an answer lost on the way) changes nothing and answers as before."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from send_desk.domain.children import FamilyMember
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.server import schema
from send_desk.server.push import groups, push
from send_desk.server.scope import Principal, load_principal, scope_ids
from send_desk.sync.protocol import EntryV2
from send_desk.timeutil import utcnow
from tests.sync.servers import Central

AT = "2026-11-22T10:00:00+00:00"
MEMBERS = table_of(FamilyMember)


@dataclass
class Laptop:
    central: Central
    principal: Principal
    device: uuid.UUID
    member: uuid.UUID  # a family member of a child in the caseworker's caseload

    def member_row(self) -> dict[str, object]:
        with self.central.engine.connect() as connection:
            found = connection.execute(sa.select(MEMBERS).where(MEMBERS.c.id == self.member))
            return dict(found.mappings().one())

    def acked(self) -> int:
        with self.central.engine.connect() as connection:
            devices = schema.device
            found = connection.execute(
                sa.select(devices.c.acked_seq).where(devices.c.id == self.device)
            )
            return int(found.scalar_one())


@pytest.fixture
def laptop(demo_central: Central) -> Laptop:
    device = uuid.uuid4()
    users = table_of(User)
    with demo_central.engine.begin() as connection:
        user_id = connection.execute(
            sa.select(users.c.id).where(users.c.role == "caseworker").order_by(users.c.username)
        ).scalars().first()
        assert user_id is not None
        principal = load_principal(connection, user_id)
        assert principal is not None
        mine = [uuid.UUID(c) for c in scope_ids(connection, principal)]
        member = connection.execute(
            sa.select(MEMBERS.c.id).where(MEMBERS.c.child_id.in_(mine)).order_by(MEMBERS.c.id)
        ).scalars().first()
        assert member is not None
        connection.execute(
            sa.update(MEMBERS).where(MEMBERS.c.id == member)
            .values(language="English", notes=None)
        )  # fmt: skip
        connection.execute(
            sa.insert(schema.device).values(
                id=device, user_id=user_id, name="Laptop 1", created_at=utcnow(), acked_seq=0
            )
        )
    return Laptop(demo_central, principal, device, member)


def change(seq: int, row_id: object, field: str, base: object, value: object,
           at: str = AT) -> EntryV2:  # fmt: skip
    return EntryV2(device_seq=seq, table="family_member", row_id=str(row_id), op="update",
                   field=field, base=base, value=value, at=at)  # fmt: skip


def test_a_refused_entry_is_quarantined_and_the_rest_of_the_page_applied(laptop: Laptop) -> None:
    page = [
        change(1, laptop.member, "language", "English", "Welsh", at="2026-11-22T09:00:00+00:00"),
        change(2, "not-an-id", "language", None, "Urdu"),
        change(3, laptop.member, "notes", None, "Prefers mornings."),
    ]
    answer = push(laptop.central.engine, laptop.principal, laptop.device, page)
    assert [(r.device_seq, r.status, r.reason) for r in answer.results] == [
        (1, "applied", None),
        (2, "quarantined", "'not-an-id' is not a record id"),
        (3, "applied", None),
    ]
    assert answer.acked_seq == 3 and laptop.acked() == 3
    row = laptop.member_row()
    assert (row["language"], row["notes"]) == ("Welsh", "Prefers mornings.")


def test_the_same_page_again_changes_nothing_and_keeps_its_quarantine(laptop: Laptop) -> None:
    page = [
        change(1, laptop.member, "language", "English", "Welsh"),
        change(2, laptop.member, "no_such_field", None, "x", at="2026-11-22T11:00:00+00:00"),
    ]
    push(laptop.central.engine, laptop.principal, laptop.device, page)
    before = laptop.member_row()
    again = push(laptop.central.engine, laptop.principal, laptop.device, page)
    assert [(r.device_seq, r.status, r.reason) for r in again.results] == [
        (1, "duplicate", None),
        (2, "quarantined", "'no_such_field' is not a field of family member records"),
    ]
    assert again.acked_seq == 2
    assert laptop.member_row() == before


def test_two_changes_with_one_number_apply_the_first_and_say_so(laptop: Laptop) -> None:
    page = [
        change(1, laptop.member, "language", "English", "Welsh"),
        change(1, laptop.member, "language", "English", "Urdu"),
    ]
    answer = push(laptop.central.engine, laptop.principal, laptop.device, page)
    assert [(r.status, r.reason) for r in answer.results] == [
        ("applied", None),
        ("duplicate", "another change in this page has the same number; that one was used"),
    ]
    assert laptop.member_row()["language"] == "Welsh"


def test_field_changes_of_one_row_saved_together_are_merged_as_one_group() -> None:
    row, other = uuid.uuid4(), uuid.uuid4()
    later = "2026-11-22T10:05:00+00:00"
    entries = [
        change(1, row, "name", None, "Alex Example"),
        change(2, row, "language", None, "Welsh"),  # same row, same save: together
        change(3, other, "language", None, "Welsh"),  # another row
        change(4, other, "notes", None, "x", at=later),  # same row, a later save
        change(6, other, "name", None, "Jo Test", at=later),  # a number missing before it
    ]
    assert [[e.device_seq for e in group] for group in groups(entries)] == [[1, 2], [3], [4], [6]]
