"""The central store's HTTP API as a device meets it: sign-in, scope, push rules, pull.

Every test runs on SQLite and on PostgreSQL (the ``central`` fixture) against a real
uvicorn server on 127.0.0.1.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from send_desk.server import admin, schema
from send_desk.server.audit import trail
from send_desk.server.db import reading
from send_desk.sync.protocol import CHECKSUM_HEADER, HEADER, body_checksum
from tests.sync.servers import SERVER_PASSWORD, Central, LiveServer

AT = "2026-11-22T10:00:00+00:00"


class Api:
    """A bare protocol client, to send exactly what a test needs."""

    def __init__(self, url: str, protocol: int = 2) -> None:
        self.http = httpx.Client(base_url=url, headers={HEADER: str(protocol)}, timeout=30)
        self.device = str(uuid.uuid4())

    def login(self, user: str, password: str = SERVER_PASSWORD) -> httpx.Response:
        response = self.http.post(
            "/api/auth/login",
            json={"username": user, "password": password, "device_id": self.device},
        )
        if response.status_code == 200:
            self.http.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        return response

    def pull(self, **body: Any) -> dict[str, Any]:
        response = self.http.post("/api/sync/pull", json={"limit": 5000, **body})
        assert response.status_code == 200, response.text
        # every page says what its bytes' SHA-256 is
        assert response.headers[CHECKSUM_HEADER] == body_checksum(response.content)
        result: dict[str, Any] = response.json()
        return result

    def push(self, *entries: dict[str, Any]) -> dict[str, Any]:
        response = self.http.post(
            "/api/sync/push", json={"device_id": self.device, "entries": list(entries)}
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result


@pytest.fixture
def apis(live: LiveServer) -> Any:
    """Make protocol clients for the test (closed afterwards)."""
    made: list[Api] = []

    def make(url: str | None = None, protocol: int = 2) -> Api:
        client = Api(url or live.url, protocol)
        made.append(client)
        return client

    yield make
    for client in made:
        client.http.close()


def update(seq: int, table: str, row_id: str, field: str, base: Any, value: Any) -> dict[str, Any]:
    return {
        "device_seq": seq,
        "table": table,
        "row_id": row_id,
        "op": "update",
        "field": field,
        "base": base,
        "value": value,
        "at": AT,
    }


def rows(page: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return [c for c in page["changes"] if c["table"] == table and not c["deleted"]]


def statuses(answer: dict[str, Any]) -> list[str]:
    return [r["status"] for r in answer["results"]]


def test_health_and_the_api_description_are_served(apis: Any, live: LiveServer) -> None:
    health = httpx.get(f"{live.url}/api/health").json()
    assert health["status"] == "ok" and health["protocols"] == [1, 2]
    spec = httpx.get(f"{live.url}/openapi.json").json()
    assert {"/api/sync/push", "/api/sync/pull", "/api/auth/login"} <= set(spec["paths"])


def test_wrong_password_is_refused_and_repeated_failures_lock_the_name_out(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    user = demo_central.user("caseworker")
    api = apis()
    for _ in range(5):
        refused = api.login(user, "not the password")
        assert refused.status_code == 401
        assert refused.json()["code"] == "login_failed"
    locked = api.login(user)  # even the right password now waits
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    # the limit is kept in the database, so another server instance enforces it too
    other = LiveServer(demo_central.engine).start()
    try:
        assert apis(other.url).login(user).status_code == 429
    finally:
        other.stop()
    other_user = demo_central.user("supervisor")
    assert apis().login(other_user).status_code == 200


def test_an_unknown_protocol_version_is_refused_with_426(apis: Any, live: LiveServer) -> None:
    api = apis(protocol=99)
    answer = api.login("anyone")
    assert answer.status_code == 426
    assert "update SEND Desk" in answer.json()["message"]


def test_a_caseworker_pulls_own_and_team_caseload_only(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    worker = demo_central.users("caseworker")[0]
    api = apis()
    assert api.login(worker["username"]).status_code == 200
    page = api.pull(checkpoint=0, scope_hash="")  # asking for the scope too
    children = {c["id"] for c in rows(page, "child")}
    with reading(demo_central.engine) as connection:
        allocations = connection.execute(
            sa.text(
                "SELECT a.child_id, t.name FROM allocation a JOIN team t ON t.id = a.team_id "
                "WHERE a.end_date IS NULL"
            )
        ).all()
    team_children = {str(uuid.UUID(str(c))) for c, team in allocations if team == worker["team"]}
    assert children == team_children and children
    assert sorted(page["scope"]) == sorted(team_children)
    # organisation data comes too, and nothing of another team
    assert rows(page, "team") and rows(page, "setting")
    for change in page["changes"]:
        values = change["values"] or {}
        if "child_id" in values:
            assert values["child_id"] in team_children


def test_a_supervisor_of_two_teams_and_an_admin_see_more(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    admin.add_user(
        demo_central.engine, "twoteams", display_name="Jo Twoteams", role="supervisor",
        password=SERVER_PASSWORD, teams=["North", "South"],
    )  # fmt: skip
    both = apis()
    assert both.login("twoteams").status_code == 200
    north = apis()
    north.login(demo_central.user("supervisor", "North"))
    everyone = apis()
    everyone.login(demo_central.user("admin"))
    seen = {
        name: {c["id"] for c in rows(api.pull(checkpoint=0), "child")}
        for name, api in (("both", both), ("north", north), ("admin", everyone))
    }
    assert seen["north"] < seen["both"] < seen["admin"]
    assert len(seen["admin"]) == 24


def test_push_applies_merges_and_never_duplicates(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "North"))
    child = rows(api.pull(checkpoint=0), "child")[0]
    child_id, before = child["id"], child["values"]["preferred_name"]
    first = update(1, "child", child_id, "preferred_name", before, "Sunny")
    same_again = update(2, "child", child_id, "preferred_name", "Sunny", "Sunny")
    answer = api.push(first, same_again)
    assert statuses(answer) == ["applied", "unchanged"]
    assert answer["acked_seq"] == 2
    # a retry of the same page changes nothing
    assert statuses(api.push(first, same_again)) == ["duplicate", "duplicate"]
    with reading(demo_central.engine) as connection:
        value = connection.execute(
            sa.text("SELECT preferred_name FROM child WHERE id = :id"),
            {"id": uuid.UUID(child_id).hex if demo_central.kind == "sqlite" else child_id},
        ).scalar()
        applied = connection.execute(
            sa.select(sa.func.count()).select_from(schema.server_entry)
        ).scalar()
    assert value == "Sunny"
    assert applied == 2


def test_a_clash_keeps_the_first_value_and_records_both(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    team = "South"
    first, second = apis(), apis()
    first.login(demo_central.user("caseworker", team))
    second.login(demo_central.user("supervisor", team))
    child = rows(first.pull(checkpoint=0), "child")[0]
    base = child["values"]["home_language"]
    assert statuses(
        first.push(update(1, "child", child["id"], "home_language", base, "Polish"))
    ) == ["applied"]
    clash = second.push(update(1, "child", child["id"], "home_language", base, "Somali"))
    assert statuses(clash) == ["conflict"]
    conflicts = second.http.get("/api/conflicts").json()
    assert len(conflicts) == 1
    record = conflicts[0]
    assert (record["kept_value"], record["other_value"], record["base"]) == (
        "Polish",
        "Somali",
        base,
    )
    assert record["kept_by"] != record["other_by"] and record["kept_at"] and record["other_at"]
    # both devices see the kept value and the conflict on their next pull
    for api in (first, second):
        page = api.pull(checkpoint=0)
        assert (
            next(c for c in rows(page, "child") if c["id"] == child["id"])["values"][
                "home_language"
            ]
            == "Polish"
        )
        assert rows(page, "conflict")


def test_a_refused_entry_is_quarantined_and_the_rest_applied(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "East"))
    child = rows(api.pull(checkpoint=0), "child")[0]
    answer = api.push(
        update(1, "child", child["id"], "upn", child["values"]["upn"], "NOT-A-UPN"),
        update(
            2, "child", child["id"], "date_of_birth", child["values"]["date_of_birth"], "2099-01-01"
        ),
        update(3, "team", str(uuid.uuid4()), "name", "x", "y"),
        {**update(4, "nonsense", child["id"], "x", 1, 2)},
        update(5, "child", child["id"], "preferred_name", child["values"]["preferred_name"], "Kit"),
    )
    results = answer["results"]
    assert [r["status"] for r in results] == ["quarantined"] * 4 + ["applied"]
    assert "UPN" in results[0]["reason"]
    assert "future" in results[1]["reason"]
    assert "administrator" in results[2]["reason"]
    assert "not a table" in results[3]["reason"]
    assert answer["acked_seq"] == 5


def test_notes_are_append_only_and_never_clash(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "West"))
    child = rows(api.pull(checkpoint=0), "child")[0]
    note_id = str(uuid.uuid4())
    note = {
        "id": note_id, "note_id": note_id, "child_id": child["id"], "version": 1,
        "kind": "phone_call", "purpose": "Check on transport", "body": "Mum called.",
        "attendees": [], "decisions": [], "actions": [], "failed_items": [],
        "checklist_passed": 0, "checklist_applicable": 0,
        "child_voice": "", "child_voice_not_obtained_reason": "", "parent_views": "",
        "reason_no_family": "",
    }  # fmt: skip
    insert = {"device_seq": 1, "table": "note_version", "row_id": note_id, "op": "insert",
              "value": note, "at": AT}  # fmt: skip
    change = update(2, "note_version", note_id, "body", "Mum called.", "Dad called.")
    answer = api.push(insert, change)
    assert statuses(answer) == ["applied", "quarantined"]
    assert "append-only" in answer["results"][1]["reason"]


def test_another_teams_child_is_refused_nothing_leaks_and_it_is_logged(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    north, south = apis(), apis()
    north.login(demo_central.user("caseworker", "North"))
    south.login(demo_central.user("caseworker", "South"))
    theirs = rows(south.pull(checkpoint=0), "child")[0]
    asked = north.http.get(f"/api/children/{theirs['id']}")
    missing = north.http.get(f"/api/children/{uuid.uuid4()}")
    assert asked.status_code == missing.status_code == 404
    assert asked.json() == missing.json()  # the same answer: existence is not revealed
    assert theirs["values"]["last_name"] not in asked.text
    mine = rows(north.pull(checkpoint=0), "child")[0]
    assert north.http.get(f"/api/children/{mine['id']}").status_code == 200
    # changing it is refused too, and the child's data never reached North's pull
    answer = north.push(update(1, "child", theirs["id"], "preferred_name", None, "X"))
    assert "not in your caseload" in answer["results"][0]["reason"]
    assert theirs["id"] not in {c["id"] for c in rows(north.pull(checkpoint=0), "child")}
    with reading(demo_central.engine) as connection:
        denied = trail(connection, child_id=uuid.UUID(theirs["id"]), action="denied")
        read = trail(connection, child_id=uuid.UUID(mine["id"]), action="read")
    assert len(denied) == 1 and denied[0]["user_id"]
    assert len(read) == 1


def test_every_pull_and_write_of_a_child_is_audited(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    user = demo_central.user("caseworker", "North")
    api.login(user)
    page = api.pull(checkpoint=0)
    child = rows(page, "child")[0]
    api.push(
        update(1, "child", child["id"], "preferred_name", child["values"]["preferred_name"], "Bo")
    )
    with reading(demo_central.engine) as connection:
        actions = [r["action"] for r in trail(connection, child_id=uuid.UUID(child["id"]))]
        logins = trail(connection, action="login")
    assert "pull" in actions and "write" in actions
    assert logins


def test_refresh_tokens_belong_to_a_device_and_are_revoked_with_it(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    refresh = api.login(demo_central.user("caseworker", "East")).json()["refresh_token"]
    again = api.http.post(
        "/api/auth/refresh", json={"refresh_token": refresh, "device_id": api.device}
    )
    assert again.status_code == 200
    stolen = api.http.post(
        "/api/auth/refresh", json={"refresh_token": refresh, "device_id": str(uuid.uuid4())}
    )
    assert stolen.status_code == 401
    admin.revoke_device(demo_central.engine, api.device)
    gone = api.http.post(
        "/api/auth/refresh", json={"refresh_token": refresh, "device_id": api.device}
    )
    assert gone.status_code == 403 and gone.json()["code"] == "device_revoked"
    # the still-valid access token is refused too, with the order to wipe
    pulled = api.http.post("/api/sync/pull", json={"checkpoint": 0})
    assert pulled.status_code == 403 and pulled.json()["code"] == "device_revoked"


def test_pages_resume_from_their_checkpoint(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("admin"))
    whole = api.pull(checkpoint=0, limit=5000)
    seen: list[str] = []
    checkpoint, pages = 0, 0
    while True:
        page = api.pull(checkpoint=checkpoint, limit=100)
        seen += [f"{c['table']}:{c['id']}" for c in page["changes"]]
        checkpoint, pages = page["checkpoint"], pages + 1
        if not page["more"]:
            break
    assert pages > 3
    assert set(seen) == {f"{c['table']}:{c['id']}" for c in whole["changes"]}


@pytest.mark.parametrize("kind", ["family_member", "placement"])
def test_a_page_brings_parents_changed_later(
    apis: Any, live: LiveServer, demo_central: Central, kind: str
) -> None:
    """A row whose child changed after it would arrive before its child: the page
    carries the child along, so every page can be applied on its own."""
    api = apis()
    api.login(demo_central.user("admin"))
    everything = api.pull(checkpoint=0)
    row = rows(everything, kind)[0]
    child = next(c for c in rows(everything, "child") if c["id"] == row["values"]["child_id"])
    api.push(
        update(1, "child", child["id"], "preferred_name", child["values"]["preferred_name"], "Z")
    )
    checkpoint = 0
    while True:
        page = api.pull(checkpoint=checkpoint, limit=50)
        ids = [c["id"] for c in page["changes"]]
        if row["id"] in ids:
            assert child["id"] in ids
            break
        checkpoint = page["checkpoint"]
        assert page["more"]


def _insert(seq: int, table: str, values: dict[str, Any]) -> dict[str, Any]:
    return {"device_seq": seq, "table": table, "row_id": values["id"], "op": "insert",
            "value": values, "at": AT}  # fmt: skip


def _item(child_id: str, summary: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "child_id": child_id, "direction": "incoming",
            "channel": "email", "contact_date": "2026-11-20", "correspondent": "A parent",
            "summary": summary, "needs_response": True}  # fmt: skip


def _callback(child_id: str, caller_id: str, item_id: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "child_id": child_id, "requested_on": "2026-11-20",
            "requested_by": "A parent", "about": "The transport letter",
            "slot_start": "2026-11-24T10:00:00", "slot_minutes": 15, "caller_id": caller_id,
            "correspondence_id": item_id}  # fmt: skip


def test_a_row_cannot_point_at_another_teams_record_nor_bring_it_along_on_a_pull(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    north, south, manager = apis(), apis(), apis()
    username = demo_central.user("caseworker", "North")
    north.login(username)
    south.login(demo_central.user("caseworker", "South"))
    manager.login(demo_central.user("admin"))
    first = north.pull(checkpoint=0)
    mine = rows(first, "child")[0]["id"]
    caller = next(u["id"] for u in rows(first, "app_user") if u["values"]["username"] == username)
    theirs = rows(south.pull(checkpoint=0), "child")[0]["id"]
    own_item, south_item = _item(mine, "Asked about transport"), _item(theirs, "Private")
    assert statuses(north.push(_insert(1, "correspondence_item", own_item))) == ["applied"]
    assert statuses(south.push(_insert(1, "correspondence_item", south_item))) == ["applied"]

    # North's caseworker cannot attach a callback for their child to South's letter...
    crafted = _callback(mine, caller, south_item["id"])
    answer = north.push(_insert(2, "callback", crafted))
    assert statuses(answer) == ["quarantined"]
    assert "not in your caseload" in answer["results"][0]["reason"]
    # ...but can to their own child's
    fine = _callback(mine, caller, own_item["id"])
    assert statuses(north.push(_insert(3, "callback", fine))) == ["applied"]

    # a row that points across teams anyway (an administrator's, or one from before this
    # check) never brings the other team's record along on a pull
    checkpoint = north.pull(checkpoint=0)["checkpoint"]
    across = _callback(mine, caller, south_item["id"])
    assert statuses(manager.push(_insert(1, "callback", across))) == ["applied"]
    changed = update(2, "correspondence_item", south_item["id"], "summary", "Private",
                     "Private, updated")  # fmt: skip
    assert statuses(south.push(changed)) == ["applied"]
    page = north.pull(checkpoint=checkpoint)
    assert across["id"] in {c["id"] for c in rows(page, "callback")}
    assert south_item["id"] not in {c["id"] for c in page["changes"]}
    assert "Private, updated" not in str(page)


def test_a_clash_over_a_school_record_is_listed_for_the_people_who_can_resolve_it(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    north, south = apis(), apis()
    north.login(demo_central.user("caseworker", "North"))
    south.login(demo_central.user("caseworker", "South"))
    office, laptop = apis(), apis()
    office.login(demo_central.user("admin"))
    laptop.login(demo_central.user("admin"))
    setting = rows(north.pull(checkpoint=0), "setting")[0]
    base = setting["values"]["address"]
    first = update(1, "setting", setting["id"], "address", base, "1 New Road, Kingsbridge")
    assert statuses(office.push(first)) == ["applied"]
    clash = update(1, "setting", setting["id"], "address", base, "2 Old Lane, Kingsbridge")
    assert statuses(laptop.push(clash)) == ["conflict"]
    # a school is written by administrators: they see the clash, caseworkers do not
    [listed] = office.http.get("/api/conflicts").json()
    assert listed["table_name"] == "setting" and listed["child_id"] is None
    assert (listed["kept_value"], listed["other_value"]) == (
        "1 New Road, Kingsbridge",
        "2 Old Lane, Kingsbridge",
    )
    # a child's clash stays with that child's caseload
    child = rows(south.pull(checkpoint=0), "child")[0]
    language = child["values"]["home_language"]
    south.push(update(2, "child", child["id"], "home_language", language, "Polish"))
    south_lead = apis()
    south_lead.login(demo_central.user("supervisor", "South"))
    south_lead.push(update(1, "child", child["id"], "home_language", language, "Somali"))
    assert [c["table_name"] for c in south.http.get("/api/conflicts").json()] == ["child"]
    assert north.http.get("/api/conflicts").json() == []
