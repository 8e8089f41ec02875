"""A large page (over 20 entries) is applied at speed, its updates run together
(``Writer.deferring``): the result must be what applying them one by one gives. A
row changed twice ends with the later value; a change the database alone refuses
(a team name already in use) is quarantined with its reason while the rest of the
page applies; every entry is answered and the device's number moves to the last.
Synthetic people only; each test has its own central store (SQLite and PostgreSQL).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from send_desk.domain.children import FamilyMember
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.server import schema
from send_desk.server.push import push
from send_desk.server.scope import Principal, load_principal
from send_desk.sync.protocol import EntryV2
from send_desk.timeutil import utcnow
from tests.sync.servers import Central

MEMBERS, TEAMS, USERS = table_of(FamilyMember), table_of(Team), table_of(User)


@dataclass
class Admin:
    central: Central
    principal: Principal
    device: uuid.UUID
    members: list[uuid.UUID]  # 22 family members, their language set to English
    teams: list[tuple[uuid.UUID, str]]  # (id, name), by name

    def languages(self) -> list[str]:
        with self.central.engine.connect() as connection:
            found = connection.execute(
                sa.select(MEMBERS.c.id, MEMBERS.c.language).where(MEMBERS.c.id.in_(self.members))
            )
            by_id = {row.id: row.language for row in found}
        return [by_id[member] for member in self.members]

    def team_names(self) -> list[str]:
        with self.central.engine.connect() as connection:
            found = connection.execute(
                sa.select(TEAMS.c.id, TEAMS.c.name).where(
                    TEAMS.c.id.in_([team for team, _ in self.teams])
                )
            )
            by_id = {row.id: row.name for row in found}
        return [by_id[team] for team, _ in self.teams]


@pytest.fixture
def admin(demo_central: Central) -> Admin:
    device = uuid.uuid4()
    with demo_central.engine.begin() as connection:
        user_id = (
            connection.execute(
                sa.select(USERS.c.id).where(USERS.c.role == "admin").order_by(USERS.c.username)
            )
            .scalars()
            .first()
        )
        assert user_id is not None
        principal = load_principal(connection, user_id)
        assert principal is not None
        members = list(
            connection.execute(sa.select(MEMBERS.c.id).order_by(MEMBERS.c.id).limit(22)).scalars()
        )
        assert len(members) == 22
        connection.execute(
            sa.update(MEMBERS).where(MEMBERS.c.id.in_(members)).values(language="English")
        )
        teams = [
            (row.id, row.name)
            for row in connection.execute(
                sa.select(TEAMS.c.id, TEAMS.c.name).order_by(TEAMS.c.name)
            )
        ]
        assert len(teams) >= 2
        connection.execute(
            sa.insert(schema.device).values(
                id=device, user_id=user_id, name="Laptop 1", created_at=utcnow(), acked_seq=0
            )
        )
    return Admin(demo_central, principal, device, members, teams)


def change(
    seq: int, table: str, row_id: object, field: str, base: object, value: object
) -> EntryV2:
    # each change its own transaction on the laptop (its own moment): no groups
    at = f"2026-11-22T10:{seq // 60:02d}:{seq % 60:02d}+00:00"
    return EntryV2(device_seq=seq, table=table, row_id=str(row_id), op="update",
                   field=field, base=base, value=value, at=at)  # fmt: skip


def test_a_row_changed_twice_in_a_large_page_ends_with_the_later_value(admin: Admin) -> None:
    first, *others = admin.members
    page = [change(1, "family_member", first, "language", "English", "Welsh")]
    page += [
        change(2 + n, "family_member", member, "language", "English", "Polish")
        for n, member in enumerate(others)
    ]
    page.append(change(23, "family_member", first, "language", "Welsh", "Urdu"))
    answer = push(admin.central.engine, admin.principal, admin.device, page)
    assert [r.status for r in answer.results] == ["applied"] * 23
    assert answer.acked_seq == 23
    assert admin.languages() == ["Urdu"] + ["Polish"] * 21


def test_a_change_only_the_database_refuses_is_quarantined_and_the_page_applied(
    admin: Admin,
) -> None:
    (team, name), (_, taken) = admin.teams[0], admin.teams[1]
    page = [
        change(1 + n, "family_member", member, "language", "English", "Welsh")
        for n, member in enumerate(admin.members)
    ]
    page.append(change(23, "team", team, "name", name, taken))  # another team's name
    answer = push(admin.central.engine, admin.principal, admin.device, page)
    assert [r.status for r in answer.results] == ["applied"] * 22 + ["quarantined"]
    assert answer.results[-1].reason == (
        "it would duplicate a record that must be unique (a name already in use?)"
    )
    assert answer.acked_seq == 23
    assert admin.languages() == ["Welsh"] * 22
    assert admin.team_names()[:2] == [name, taken]
