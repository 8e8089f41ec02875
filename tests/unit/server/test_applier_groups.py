"""Property: one row's field changes merged together (``Applier.apply_many``) come out
as they do applied one by one, when each change stands on its own.

Random groups of changes to one family member's record, on SQLite and PostgreSQL: a
new value on the base the laptop saw (applied), the value already there (unchanged),
a base someone else changed since (a conflict), the same field changed twice, a new
child in or out of the caseworker's caseload or not an id, a value with a control
character, a field the laptop may not set. Both ways must give the same outcomes (and
reasons), the same row, and the same conflicts (the value kept, the value offered).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from typing import Any

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
FIELDS = ("name", "notes", "language", "child_id")
NOT_SETTABLE = ("id", "created_by", "no_such_field")


def _caseworker(connection: Connection) -> Principal:
    users = table_of(User)
    user_id = (
        connection.execute(
            sa.select(users.c.id).where(users.c.role == "caseworker").order_by(users.c.username)
        )
        .scalars()
        .first()
    )
    assert user_id is not None
    principal = load_principal(connection, user_id)
    assert principal is not None
    return principal


def _value(rng: random.Random, field: str, mine: list[str], theirs: list[str]) -> Any:
    if field == "child_id":
        return rng.choice([*mine, *mine, theirs[0], "not-an-id"])
    if field == "language" and rng.random() < 0.3:
        return None
    text = rng.choice(("Alex Example", "Sam Sample", "Jo Test"))
    # a control character is refused; values come as the laptop stores them (no space
    # to strip: the central store would store another value than the laptop's base)
    return text + rng.choice(("", "", "\x01"))


def _group(
    rng: random.Random, row: dict[str, Any], mine: list[str], theirs: list[str]
) -> list[EntryV2]:
    seen = {field: _json(row[field]) for field in FIELDS}  # as the laptop saw the row
    group = []
    for seq in range(rng.randint(2, 5)):
        field = rng.choice((*FIELDS, *FIELDS, *NOT_SETTABLE))
        base = seen.get(field)
        shape = rng.random()
        # the value already there, or a new one
        value = base if shape < 0.15 else _value(rng, field, mine, theirs)
        if shape > 0.8:
            base = "Someone else's value"  # changed on the central store since
        group.append(
            EntryV2(device_seq=seq + 1, table="family_member", row_id=str(row["id"]),
                    op="update", field=field, base=base, value=value, at=AT)
        )  # fmt: skip
        if field in seen:
            seen[field] = value
    return group


def _json(value: Any) -> Any:
    return None if value is None else str(value)


def _outcome(outcome: Outcome) -> tuple[object, ...]:
    return (outcome.status, outcome.reason, outcome.child)


def _result(
    central: Central,
    principal: Principal,
    row_id: uuid.UUID,
    apply: Callable[[Applier], list[Outcome]],
) -> tuple[list[tuple[object, ...]], dict[str, Any], list[tuple[object, ...]]]:
    members = table_of(FamilyMember)
    with central.engine.connect() as connection, connection.begin() as transaction:
        applier = Applier(connection, principal, uuid.uuid4())
        outcomes = [_outcome(o) for o in apply(applier)]
        row = dict(
            connection.execute(sa.select(members).where(members.c.id == row_id)).mappings().one()
        )
        conflicts = connection.execute(
            sa.select(schema.conflict.c.field, schema.conflict.c.kept_value,
                      schema.conflict.c.other_value, schema.conflict.c.base,
                      schema.conflict.c.child_id)
            .where(schema.conflict.c.row_id == row_id)
            .order_by(schema.conflict.c.other_device_seq)
        ).all()  # fmt: skip
        transaction.rollback()  # the next way starts from the same store
    return outcomes, row, [tuple(c) for c in conflicts]


def _merged(group: list[EntryV2]) -> Callable[[Applier], list[Outcome]]:
    return lambda applier: applier.apply_many(group)


def _one_by_one(group: list[EntryV2]) -> Callable[[Applier], list[Outcome]]:
    def apply(applier: Applier) -> list[Outcome]:
        outcomes = []
        for entry in group:  # as the push applies an entry on its own
            try:
                outcomes.extend(applier.apply_many([entry]))
            except RowRefused as error:
                applier.writer.discard()
                outcomes.append(Outcome("quarantined", reason=str(error)))
            else:
                applier.writer.keep()
        return outcomes

    return apply


def test_a_group_merged_gives_what_its_changes_give_one_by_one(demo_central: Central) -> None:
    members = table_of(FamilyMember)
    with demo_central.engine.connect() as connection:
        principal = _caseworker(connection)
        mine = sorted(scope_ids(connection, principal))
        everyone = connection.execute(sa.select(table_of(FamilyMember).c.child_id)).scalars()
        theirs = sorted({str(c) for c in everyone} - set(mine))
        rows = [
            dict(r)
            for r in connection.execute(
                sa.select(members).where(members.c.child_id.in_([uuid.UUID(c) for c in mine]))
            ).mappings()
        ]
    assert len(mine) >= 2 and theirs and rows
    rng = random.Random(f"applier-{demo_central.kind}")
    statuses: set[str] = set()
    for _ in range(40):
        row = rng.choice(rows)
        group = _group(rng, row, mine, theirs)
        merged = _result(demo_central, principal, row["id"], _merged(group))
        single = _result(demo_central, principal, row["id"], _one_by_one(group))
        assert merged[0] == single[0], group
        assert merged[1] == {**single[1], "updated_at": merged[1]["updated_at"]}, group
        assert merged[2] == single[2], group
        statuses.update(status for status, _, _ in merged[0])
    # the groups reached every outcome a field change can have
    assert statuses == {"applied", "unchanged", "conflict", "quarantined"}
