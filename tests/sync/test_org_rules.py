"""Organisation data (schools, staff absences, duty rotas, teams, users) is written only
by those its model's write rule names, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from send_desk.server import schema
from send_desk.server.db import reading
from tests.sync.servers import Central, LiveServer
from tests.sync.test_central_store import AT, Api, rows, statuses, update


@pytest.fixture
def people(live: LiveServer, demo_central: Central) -> Iterator[dict[str, Api]]:
    """Signed-in clients: North's and West's caseworkers and supervisors, and the admin."""
    made: dict[str, Api] = {}
    for key, role, team in (
        ("north", "caseworker", "North"),
        ("north_lead", "supervisor", "North"),
        ("west", "caseworker", "West"),
        ("west_lead", "supervisor", "West"),
        ("admin", "admin", None),
    ):
        api = Api(live.url)
        assert api.login(demo_central.user(role, team)).status_code == 200
        made[key] = api
    yield made
    for api in made.values():
        api.http.close()


def _me(api: Api) -> str:
    return str(api.http.get("/api/me").json()["id"])


def _team_id(api: Api, name: str) -> str:
    [team] = [t for t in rows(api.pull(checkpoint=0), "team") if t["values"]["name"] == name]
    return str(team["id"])


def insert(seq: int, table: str, values: dict[str, Any]) -> dict[str, Any]:
    row_id = str(uuid.uuid4())
    return {
        "device_seq": seq, "table": table, "row_id": row_id, "op": "insert",
        "value": {"id": row_id, **values}, "at": AT,
    }  # fmt: skip


def absence(user_id: str, reason: str = "Training") -> dict[str, Any]:
    return {"user_id": user_id, "first_day": "2026-11-23", "last_day": "2026-11-27",
            "reason": reason}  # fmt: skip


def on_duty(team_id: str, day: str, user_id: str) -> dict[str, Any]:
    return {"team_id": team_id, "on_date": day, "user_id": user_id}


def central_ledger(central: Central) -> dict[tuple[str, int], tuple[str, str | None]]:
    """What the central store recorded for each pushed entry: (status, reason)."""
    entries = schema.server_entry
    with reading(central.engine) as connection:
        found = connection.execute(
            sa.select(entries.c.device_id, entries.c.device_seq, entries.c.status,
                      entries.c.reason)
        ).all()  # fmt: skip
    return {(str(r.device_id), int(r.device_seq)): (r.status, r.reason) for r in found}


def test_another_teams_rota_absences_and_schools_are_refused_with_the_reason(
    people: dict[str, Api], demo_central: Central
) -> None:
    north, north_lead, west, west_lead, admin = (
        people[k] for k in ("north", "north_lead", "west", "west_lead", "admin")
    )
    west_id, north_id = _me(west), _me(north)
    west_team, north_team = _team_id(west, "West"), _team_id(north, "North")
    # the admin puts West's caseworker on West's rota
    rota = insert(1, "duty_rota", on_duty(west_team, "2026-11-23", west_id))
    assert statuses(admin.push(rota)) == ["applied"]
    setting = rows(north.pull(checkpoint=0), "setting")[0]
    school_email = setting["values"]["email"]
    checkpoint = west.pull(checkpoint=0)["checkpoint"]

    # what the North caseworker did: West's rota, West's caseworker absent, a school
    answer = north.push(
        update(1, "duty_rota", rota["row_id"], "user_id", west_id, north_id),
        insert(2, "staff_absence", absence(west_id, "Marked away by North")),
        update(3, "setting", setting["id"], "email", school_email, "changed@example.org"),
        insert(4, "duty_rota", on_duty(west_team, "2026-11-24", north_id)),
        update(5, "app_user", west_id, "display_name", None, "Someone Else"),
    )
    assert statuses(answer) == ["quarantined"] * 5
    reasons = [r["reason"] for r in answer["results"]]
    assert "a team you are not in and do not supervise" in reasons[0]
    assert "staff absences can only be changed by the person concerned" in reasons[1]
    assert "only an administrator can change schools and other settings" in reasons[2]
    assert "a team you are not in and do not supervise" in reasons[3]
    assert "only an administrator can change users" in reasons[4]
    # the central store's ledger holds each refusal with its reason
    ledger = central_ledger(demo_central)
    assert [ledger[(north.device, seq)] for seq in range(1, 6)] == [
        ("quarantined", reason) for reason in reasons
    ]
    # and the West laptop pulls none of it
    page = west.pull(checkpoint=checkpoint)
    assert "Marked away by North" not in str(page)
    assert "changed@example.org" not in str(page)
    assert rows(page, "duty_rota") == []

    # what they may do: their own absence, their own team's rota
    mine = north.push(
        insert(6, "staff_absence", absence(north_id, "Course")),
        insert(7, "duty_rota", on_duty(north_team, "2026-11-25", north_id)),
    )
    assert statuses(mine) == ["applied", "applied"]
    # a supervisor records absences in their own team only; West's supervisor may
    # change West's rota; the admin may change the school
    assert statuses(north_lead.push(insert(1, "staff_absence", absence(north_id)))) == ["applied"]
    assert statuses(north_lead.push(insert(2, "staff_absence", absence(west_id)))) == [
        "quarantined"
    ]
    assert statuses(west_lead.push(insert(1, "staff_absence", absence(west_id)))) == ["applied"]
    moved = update(2, "duty_rota", rota["row_id"], "on_date", "2026-11-23", "2026-11-26")
    assert statuses(west_lead.push(moved)) == ["applied"]
    email = update(2, "setting", setting["id"], "email", setting["values"]["email"],
                   "office@example.org")  # fmt: skip
    assert statuses(admin.push(email)) == ["applied"]
    page = west.pull(checkpoint=checkpoint)
    [west_rota] = [r for r in rows(page, "duty_rota") if r["id"] == rota["row_id"]]
    assert (west_rota["values"]["on_date"], west_rota["values"]["user_id"]) == (
        "2026-11-26",
        west_id,
    )
    assert "office@example.org" in str(page)


def test_an_absence_may_not_be_handed_to_someone_outside_the_writers_reach(
    people: dict[str, Api],
) -> None:
    north, north_lead, west = people["north"], people["north_lead"], people["west"]
    north_id, west_id = _me(north), _me(west)
    mine = insert(1, "staff_absence", absence(north_id))
    assert statuses(north.push(mine)) == ["applied"]
    # moving North's absence onto West's caseworker, and deleting one in another team
    handed = update(2, "staff_absence", mine["row_id"], "user_id", north_id, west_id)
    assert statuses(north_lead.push(handed)) == ["quarantined"]
    theirs = insert(1, "staff_absence", absence(west_id))
    assert statuses(west.push(theirs)) == ["applied"]
    delete = {"device_seq": 3, "table": "staff_absence", "row_id": theirs["row_id"],
              "op": "delete", "base": None, "at": AT}  # fmt: skip
    assert statuses(north_lead.push(delete)) == ["quarantined"]


def test_a_clash_over_organisation_data_is_shown_only_to_those_who_may_write_it(
    people: dict[str, Api], live: LiveServer, demo_central: Central
) -> None:
    north, north_lead, west, west_lead, admin = (
        people[k] for k in ("north", "north_lead", "west", "west_lead", "admin")
    )
    north_id = _me(north)
    away = insert(1, "staff_absence", absence(north_id, "Training"))
    assert statuses(north.push(away)) == ["applied"]
    # the caseworker and their supervisor change the reason at once
    assert statuses(north.push(update(2, "staff_absence", away["row_id"], "reason", "Training",
                                      "Course"))) == ["applied"]  # fmt: skip
    clash = update(1, "staff_absence", away["row_id"], "reason", "Training", "Leave")
    assert statuses(north_lead.push(clash)) == ["conflict"]
    # a school's clash between two of the admin's devices
    setting = rows(admin.pull(checkpoint=0), "setting")[0]
    phone = setting["values"]["phone"]
    other_admin = Api(live.url)
    try:
        assert other_admin.login(demo_central.user("admin")).status_code == 200
        assert statuses(admin.push(update(1, "setting", setting["id"], "phone", phone,
                                          "01632 960001"))) == ["applied"]  # fmt: skip
        assert statuses(other_admin.push(update(1, "setting", setting["id"], "phone", phone,
                                                "01632 960002"))) == ["conflict"]  # fmt: skip
    finally:
        other_admin.http.close()

    def listed(api: Api) -> list[str]:
        return sorted(c["table_name"] for c in api.http.get("/api/conflicts").json())

    def pulled(api: Api) -> list[str]:
        return sorted(c["values"]["table_name"] for c in rows(api.pull(checkpoint=0), "conflict"))

    assert listed(north) == listed(north_lead) == ["staff_absence"]
    assert pulled(north) == pulled(north_lead) == ["staff_absence"]
    assert listed(west) == listed(west_lead) == pulled(west) == pulled(west_lead) == []
    assert listed(admin) == pulled(admin) == ["setting", "staff_absence"]
    # nor may another team resolve it
    [conflict] = north.http.get("/api/conflicts").json()
    refused = west_lead.http.post(f"/api/conflicts/{conflict['id']}/resolve",
                                  json={"choice": "other"})  # fmt: skip
    assert refused.status_code == 404
    done = north_lead.http.post(f"/api/conflicts/{conflict['id']}/resolve",
                                json={"choice": "other"})  # fmt: skip
    assert done.status_code == 200 and done.json()["status"] == "resolved"
