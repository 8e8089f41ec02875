"""Hostile input to the central store: control characters, sizes, numbers and ids.

Every refusal is a 4xx with one body shape, or a quarantine of the one entry with its
reason: never a 500, never a whole page lost for one entry. Each test runs on SQLite
and on PostgreSQL against a real uvicorn server on 127.0.0.1.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
import sqlalchemy as sa

from send_desk.server import app as app_module
from send_desk.server import schema
from send_desk.server.audit import trail
from send_desk.server.db import reading
from send_desk.sync.protocol import HEADER
from tests.sync.servers import Central, LiveServer
from tests.sync.test_central_store import AT, Api, rows, statuses, update
from tests.sync.test_devices import write_note

NOTE_FIELDS = {
    "version": 1, "kind": "phone_call", "purpose": "Check on transport",
    "attendees": [], "decisions": [], "actions": [], "failed_items": [],
    "checklist_passed": 0, "checklist_applicable": 0,
    "child_voice": "", "child_voice_not_obtained_reason": "", "parent_views": "",
    "reason_no_family": "",
}  # fmt: skip


@pytest.fixture
def api(live: LiveServer, demo_central: Central) -> Iterator[Api]:
    client = Api(live.url)
    assert client.login(demo_central.user("caseworker", "West")).status_code == 200
    yield client
    client.http.close()


def note(seq: int, child_id: str, body: str) -> dict[str, Any]:
    note_id = str(uuid.uuid4())
    value = {"id": note_id, "note_id": note_id, "child_id": child_id, "body": body, **NOTE_FIELDS}
    return {"device_seq": seq, "table": "note_version", "row_id": note_id, "op": "insert",
            "value": value, "at": AT}  # fmt: skip


def history(central: Central, device: str, seq: int) -> Any:
    table = schema.server_entry
    with reading(central.engine) as connection:
        return connection.execute(
            sa.select(table).where(
                table.c.device_id == uuid.UUID(device), table.c.device_seq == seq
            )
        ).one()


def refusal(response: httpx.Response, status: int) -> dict[str, Any]:
    """A refusal: the status, and the one body shape every refusal has."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert isinstance(body["code"], str) and isinstance(body["message"], str)
    return body


# ---------------------------------------------------------------- item 2: control characters


def test_control_characters_pushed_are_quarantined_and_never_stored(
    api: Api, demo_central: Central
) -> None:
    child = rows(api.pull(checkpoint=0), "child")[0]
    name = child["values"]["last_name"]
    answer = api.push(
        update(1, "child", child["id"], "last_name", name, "Byrne\x1b[2J"),
        # a table with no Base model of its own: the column rules apply
        note(2, child["id"], "Mum called.\x1b]0;owned\x07"),
        # long text keeps its paragraphs and tabs
        note(3, child["id"], "Mum called.\n\nShe asked:\tabout transport."),
        update(4, "child", child["id"], "preferred_name", child["values"]["preferred_name"],
               "K\u202et"),
    )  # fmt: skip
    assert statuses(answer) == ["quarantined", "quarantined", "applied", "quarantined"]
    for result in (answer["results"][0], answer["results"][1], answer["results"][3]):
        assert "control character" in result["reason"]
        assert "\x1b" not in result["reason"]
    page = api.pull(checkpoint=0)
    assert next(c for c in rows(page, "child") if c["id"] == child["id"])["values"][
        "last_name"
    ] == name
    bodies = {c["values"]["body"] for c in rows(page, "note_version")}
    assert "Mum called.\n\nShe asked:\tabout transport." in bodies
    assert not any("\x1b" in body for body in bodies)


# ---------------------------------------------------------------- item 5: limits


def test_a_page_of_more_than_500_entries_is_refused_and_logged(
    api: Api, demo_central: Central
) -> None:
    child = rows(api.pull(checkpoint=0), "child")[0]
    entries = [
        update(seq, "child", child["id"], "preferred_name", child["values"]["preferred_name"],
               f"K{seq}")
        for seq in range(1, 502)
    ]  # fmt: skip
    response = api.http.post(
        "/api/sync/push", json={"device_id": api.device, "entries": entries}
    )
    body = refusal(response, 413)
    assert "501" in body["message"] and "500" in body["message"]
    with reading(demo_central.engine) as connection:
        refused = trail(connection, action="refused")
    assert len(refused) == 1 and "501 entries" in refused[0]["detail"]
    # nothing of it was applied: the next page starts from 1
    assert statuses(api.push(entries[0])) == ["applied"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(
    demo_central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "MAX_BODY_BYTES", 50_000)
    server = LiveServer(demo_central.engine).start()
    try:
        client = Api(server.url)
        assert client.login(demo_central.user("caseworker", "West")).status_code == 200
        big = {"device_id": client.device, "entries": [], "pad": "x" * 60_000}
        body = refusal(client.http.post("/api/sync/push", json=big), 413)
        assert body["code"] == "too_large" and "50,000 bytes" in body["message"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"device_id": "x", "entries": [], "pad": "'
            for _ in range(12):
                yield b"y" * 8_000
            yield b'"}'

        chunked = client.http.post(
            "/api/sync/push", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert refusal(chunked, 413)["code"] == "too_large"
        # a body under the limit is read as before
        assert client.http.post(
            "/api/sync/push", json={"device_id": client.device, "entries": []}
        ).status_code == 200
        client.http.close()
    finally:
        server.stop()


def test_a_value_over_its_fields_limit_is_quarantined_and_kept_only_as_a_preview(
    api: Api, demo_central: Central
) -> None:
    child = rows(api.pull(checkpoint=0), "child")[0]
    huge = "Mum called. " + "x" * 1_000_000
    answer = api.push(
        note(1, child["id"], huge),
        note(2, child["id"], "y" * 100_000),  # the longest a note body may be
        update(3, "child", child["id"], "preferred_name", child["values"]["preferred_name"],
               "K" * 101),  # String(100)
    )  # fmt: skip
    assert statuses(answer) == ["quarantined", "applied", "quarantined"]
    assert "1,000,012 characters" in answer["results"][0]["reason"]
    assert "at most 100,000" in answer["results"][0]["reason"]
    assert "101 characters" in answer["results"][2]["reason"]
    kept = history(demo_central, api.device, 1).value
    assert kept["truncated"] is True
    assert kept["bytes"] > 1_000_000 and len(kept["preview"]) == 500
    assert len(kept["sha256"]) == 64
    # the applied note is kept whole
    assert history(demo_central, api.device, 2).value["body"] == "y" * 100_000


# ---------------------------------------------------------------- item 6: no 500


def test_a_single_update_to_a_child_reference_that_is_not_an_id_is_quarantined(
    api: Api, demo_central: Central
) -> None:
    page = api.pull(checkpoint=0)
    member = rows(page, "family_member")[0]
    child = rows(page, "child")[0]
    answer = api.push(
        update(1, "family_member", member["id"], "child_id", member["values"]["child_id"],
               "not-a-uuid"),
        update(2, "child", child["id"], "preferred_name", child["values"]["preferred_name"], "Kit"),
    )  # fmt: skip
    assert statuses(answer) == ["quarantined", "applied"]
    assert "not an id" in answer["results"][0]["reason"]


def test_numbers_beyond_64_bits_are_refused_with_422(api: Api) -> None:
    huge = 2**70
    entry = update(huge, "child", str(uuid.uuid4()), "preferred_name", None, "Kit")
    body = refusal(
        api.http.post("/api/sync/push", json={"device_id": api.device, "entries": [entry]}), 422
    )
    assert "device_seq" in body["message"]
    for field in ("checkpoint", "until", "after"):
        body = refusal(api.http.post("/api/sync/pull", json={field: huge}), 422)
        assert field in body["message"] and body["problems"]


def test_one_malformed_entry_is_quarantined_and_the_rest_of_the_page_applied(
    api: Api, demo_central: Central
) -> None:
    child = rows(api.pull(checkpoint=0), "child")[0]
    before = child["values"]["preferred_name"]
    good = update(3, "child", child["id"], "preferred_name", before, "Kit")
    answer = api.push(
        {"device_seq": 1, "table": "child", "row_id": child["id"], "op": "explode", "at": AT},
        update(2, "child", child["id"], "x" * 200, None, 1),  # a field name longer than 60
        good,
        {**good, "value": "Kim"},  # the same number twice: the first is used
    )
    results = {r["device_seq"]: r for r in reversed(answer["results"])}  # the first of each
    assert results[1]["status"] == "quarantined" and "not well formed" in results[1]["reason"]
    assert results[2]["status"] == "quarantined" and "not a field" in results[2]["reason"]
    assert results[3]["status"] == "applied"
    assert sorted(r["status"] for r in answer["results"] if r["device_seq"] == 3) == [
        "applied", "duplicate",
    ]  # fmt: skip
    assert answer["acked_seq"] == 3
    assert history(demo_central, api.device, 1).reason.startswith("the change is not well formed")
    after = next(c for c in rows(api.pull(checkpoint=0), "child") if c["id"] == child["id"])
    assert after["values"]["preferred_name"] == "Kit"


def test_a_signed_token_whose_subject_is_not_an_id_is_401(
    live: LiveServer, demo_central: Central
) -> None:
    with reading(demo_central.engine) as connection:
        keys = app_module.auth.token_keys(connection)
    claims = {"sub": "not-a-uuid", "dev": str(uuid.uuid4()), "iss": keys.server_id,
              "iat": int(time.time()), "exp": int(time.time()) + 600, "typ": "access"}  # fmt: skip
    token = jwt.encode(claims, keys.secret, algorithm="HS256")
    response = httpx.get(
        f"{live.url}/api/me", headers={"Authorization": f"Bearer {token}", HEADER: "2"}
    )
    assert refusal(response, 401)["code"] == "not_signed_in"


def test_every_framework_refusal_has_the_same_body_shape(live: LiveServer) -> None:
    assert refusal(httpx.get(f"{live.url}/api/nothing-here"), 404)["code"] == "not_found"
    response = httpx.post(
        f"{live.url}/api/auth/login", content=b"{not json", headers={HEADER: "2",
        "Content-Type": "application/json"},
    )  # fmt: skip
    assert refusal(response, 422)["code"] == "bad_request"


def test_a_laptop_sends_smaller_pages_when_a_page_is_over_the_body_limit(
    demo_central: Central,
    monkeypatch: pytest.MonkeyPatch,
    device_factory: Any,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(app_module, "MAX_BODY_BYTES", 60_000)
    server = LiveServer(demo_central.engine).start()
    try:
        laptop = device_factory(server.url, "west-laptop")
        laptop.login(demo_central.user("caseworker", "West"))
        laptop.sync()
        child = laptop.children()[0]["id"]
        for number in range(6):  # six long notes: about 120 KB in one page
            body = f"Note {number}. " + "Mum described the journey to school. " * 540
            laptop.json("note", "add", "--child", child, write_note(tmp_path, body=body))
        report = laptop.sync()
        assert report["pushed"] == 6 and report["pending"] == 0 and report["quarantined"] == 0
        with reading(demo_central.engine) as connection:
            bodies = connection.execute(
                sa.text("SELECT body FROM note_version WHERE body LIKE 'Note %'")
            ).scalars().all()
        assert sorted(body[:6] for body in bodies) == [f"Note {n}" for n in range(6)]
    finally:
        server.stop()


def test_what_a_refusal_quotes_and_what_an_entry_carries_along_are_bounded(
    api: Api, demo_central: Central
) -> None:
    child = rows(api.pull(checkpoint=0), "child")[0]
    name = child["values"]["preferred_name"]
    answer = api.push(
        # a reason that quotes what was sent: no control character, not a megabyte
        update(1, "child", child["id"], "nick\x1b[2J" + "x" * 500_000, None, "Kit"),
        # an update whose "value it replaced" is a megabyte: refused, not kept whole
        update(2, "child", child["id"], "preferred_name", "B" * 1_000_000, "Kit"),
        update(3, "child", child["id"], "preferred_name", name, "Kai"),
    )
    assert statuses(answer) == ["quarantined", "quarantined", "applied"]
    first, second = answer["results"][0]["reason"], answer["results"][1]["reason"]
    assert first.startswith("'nick[2Jxxx") and len(first) == 1000
    assert second.startswith("the value it replaced: preferred name is 1,000,000 characters")
    assert history(demo_central, api.device, 2).base["truncated"] is True
    # a backfill names at most 25,000 children; more is a 422, never a database error
    too_many = [str(uuid.uuid4()) for _ in range(25_001)]
    body = refusal(api.http.post("/api/sync/pull", json={"children": too_many}), 422)
    assert "children" in body["message"]
    page = api.pull(children=too_many[:25_000], until=10**6)
    assert page["changes"] == []


def test_a_conflict_cannot_be_resolved_with_a_value_its_field_refuses(
    live: LiveServer, demo_central: Central
) -> None:
    first, second = Api(live.url), Api(live.url)
    for client in (first, second):
        assert client.login(demo_central.user("caseworker", "West")).status_code == 200
    child = rows(first.pull(checkpoint=0), "child")[0]
    name = child["values"]["preferred_name"]
    assert statuses(first.push(update(1, "child", child["id"], "preferred_name", name, "A"))) == [
        "applied"
    ]
    assert statuses(second.push(update(1, "child", child["id"], "preferred_name", name, "B"))) == [
        "conflict"
    ]
    conflict = second.http.get("/api/conflicts").json()[0]["id"]
    url = f"/api/conflicts/{conflict}/resolve"
    body = refusal(second.http.post(url, json={"choice": "value", "value": "Kit\x1b[2J"}), 422)
    assert "control character" in body["message"]
    body = refusal(second.http.post(url, json={"choice": "other", "note": "n" * 2001}), 422)
    assert body["problems"][0].startswith("note:")
    answer = second.http.post(url, json={"choice": "value", "value": "Kit"})
    assert answer.status_code == 200 and answer.json()["status"] == "resolved"
    for client in (first, second):
        client.http.close()
