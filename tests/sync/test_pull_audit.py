"""What a pull leaves in the audit trail, and the ids it sends, on SQLite and PostgreSQL.

A pull writes its audit rows in its own transaction on PostgreSQL, as one statement
for every child on the page; these tests hold it to the same trail as before: one
``pull`` row per child sent, naming the user and the device, none for a child not sent.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from send_desk.server import schema
from send_desk.server.db import reading
from send_desk.sync.tables import registry
from tests.sync.servers import Central, LiveServer
from tests.sync.test_central_store import apis, rows

__all__ = ["apis"]  # the fixture, used by name


def _pull_trail(central: Central) -> list[Any]:
    audit = schema.audit
    with reading(central.engine) as connection:
        return list(
            connection.execute(
                sa.select(audit).where(audit.c.action == "pull").order_by(audit.c.id)
            ).all()
        )


def test_a_pull_records_each_child_it_sends_once(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "North"))
    me = api.http.get("/api/me").json()
    page = api.pull(checkpoint=0)
    # a first pull sends every child in the caseworker's scope with their rows
    sent = {child["id"] for child in rows(page, "child")}
    assert len(sent) > 1  # a page of several children: the path that writes them at once
    trail = _pull_trail(demo_central)
    assert sorted(str(row.child_id) for row in trail) == sorted(sent)  # once each
    assert {(str(row.user_id), str(row.device_id)) for row in trail} == {(me["id"], api.device)}
    assert {row.detail for row in trail} == {"sync pull"}
    # nothing new since: a second pull sends no child and records none
    again = api.pull(checkpoint=page["checkpoint"])
    assert again["changes"] == []
    assert len(_pull_trail(demo_central)) == len(trail)


def test_pulled_ids_are_the_stored_ids_in_their_usual_form(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "North"))
    children = rows(api.pull(checkpoint=0), "child")
    table = registry()["child"].table
    with reading(demo_central.engine) as connection:
        stored = {
            str(row.id): row
            for row in connection.execute(
                sa.select(table.c.id, table.c.created_by).where(
                    table.c.id.in_([uuid.UUID(c["id"]) for c in children])
                )
            )
        }
    assert children and len(stored) == len(children)
    for child in children:
        values = child["values"]
        # 36 characters, lower case, with dashes: what uuid.UUID prints
        assert values["id"] == child["id"] == str(stored[child["id"]].id)
        created_by = stored[child["id"]].created_by
        assert values["created_by"] == (str(created_by) if created_by else None)
