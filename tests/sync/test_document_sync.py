"""Documents between laptops through the central store, on SQLite and PostgreSQL: a
20 MB document in chunks, cut half-way both ways and resumed, sent once per content,
refused outside the user's scope and above the size limit."""

from __future__ import annotations

import hashlib
import math
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from send_desk.domain.documents import DocumentChunk, DocumentContent
from send_desk.domain.tables import table_of
from send_desk.server import schema
from send_desk.server.db import reading, writing
from send_desk.sync.protocol import HEADER, PROTOCOL_VERSION
from tests.sync.servers import SERVER_PASSWORD, Central, CuttingProxy, Device, LiveServer

MB = 1024 * 1024
PUT = b"PUT /api/documents/"
GET = b"GET /api/documents/"


class ChunkProxy(CuttingProxy):
    """Counts chunk requests; with ``cut = (PUT or GET, n)`` the answer to the n-th is
    never delivered and the connection drops (the server did handle the request)."""

    def __init__(self, target_port: int) -> None:
        self.counts: Counter[bytes] = Counter()
        self.cut: tuple[bytes, int] | None = None
        super().__init__(target_port)

    def _up(self, client: Any, upstream: Any, state: dict[str, bool]) -> None:
        try:
            while data := client.recv(65536):
                line = data.split(b"\r\n", 1)[0]
                for method in (PUT, GET):
                    if data.startswith(method) and b"/chunks/" in line:
                        self.counts[method] += 1
                        if self.cut == (method, self.counts[method]):
                            state["drop"] = True
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            self._close(upstream)


def pdf(size: int, seed: int = 19) -> bytes:
    """Random bytes inside a valid PDF wrapper (synthetic)."""
    head = b"%PDF-1.7\n1 0 obj\n<< /Length " + str(size).encode() + b" >>\nstream\n"
    tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + random.Random(seed).randbytes(size) + tail


def central_chunks(central: Central, sha: str) -> tuple[int, bool]:
    with reading(central.engine) as connection:
        count = connection.scalar(
            sa.select(sa.func.count())
            .select_from(schema.document_chunk)
            .where(schema.document_chunk.c.content_sha256 == sha)
        )
        complete = connection.scalar(
            sa.select(schema.document_content.c.complete).where(
                schema.document_content.c.content_sha256 == sha
            )
        )
    return int(count or 0), bool(complete)


def local_chunks(device: Device, sha: str) -> int:
    chunks = table_of(DocumentChunk)
    with device.open() as store, store.read() as session:
        return int(
            session.scalar(
                sa.select(sa.func.count()).select_from(chunks).where(chunks.c.content_sha256 == sha)
            )
            or 0
        )


def attach(device: Device, child: str, path: Path, title: str, *received: str) -> dict[str, Any]:
    """Attached as received today unless ``received`` ("--received", DATE) says otherwise:
    laptops keep the last 24 months, counted from the real date."""
    result: dict[str, Any] = device.json(
        "doc", "attach", "--child", child, str(path), "--type", "advice", "--title", title,
        "--author", "Dr A Example", *received,
    )  # fmt: skip
    return result


def test_a_20_mb_document_syncs_from_laptop_to_laptop_and_survives_cuts_both_ways(
    live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    proxy = ChunkProxy(live.port)
    try:
        user = demo_central.user("caseworker", "South")
        a: Device = device_factory(proxy.url, "laptop-a")
        b: Device = device_factory(proxy.url, "laptop-b")
        a.login(user)
        a.sync()
        child = a.children()[0]["id"]
        data = pdf(20 * MB)
        chunks = math.ceil(len(data) / MB)
        assert chunks == 21  # 20 MB and the wrapper's few bytes
        source = tmp_path / "ep-advice.pdf"
        source.write_bytes(data)
        sha = attach(a, child, source, "EP advice")["sha256"]
        assert sha == hashlib.sha256(data).hexdigest()

        # laptop A's upload is cut at the 9th chunk (the server saved it, A never heard)
        proxy.cut = (PUT, 9)
        code, _out, err = a.run("sync", "--json")
        assert code == 1 and "kept" in err
        assert central_chunks(demo_central, sha) == (9, False)
        document_id = a.json("doc", "list", "--child", child)[0]["id"]
        with _client(demo_central, live.url, "caseworker", "South") as http:
            half = http.get(f"/api/documents/{document_id}/chunks/0")
        assert half.status_code == 404 and half.json()["code"] == "not_complete"

        # B meanwhile sees the document's row but no half-saved content
        b.login(user)
        b.sync()
        [listed] = b.json("doc", "list", "--child", child)
        assert (listed["title"], listed["available"]) == ("EP advice", False)
        assert local_chunks(b, sha) == 0
        code, _out, err = b.run("doc", "export", listed["id"], "--out", str(tmp_path / "x.pdf"))
        assert code == 2 and "not on this laptop yet" in err

        # A resumes: only the 12 chunks the server lacks are sent
        proxy.cut = None
        sent_before = proxy.counts[PUT]
        assert a.sync()["documents_sent"] == 1
        assert proxy.counts[PUT] - sent_before == chunks - 9
        assert central_chunks(demo_central, sha) == (chunks, True)

        # B's download is cut at the 6th chunk: five are kept, nothing is shown as whole
        proxy.cut = (GET, proxy.counts[GET] + 6)
        code, _out, err = b.run("sync", "--json")
        assert code == 1 and "kept" in err
        assert local_chunks(b, sha) == 5
        assert b.json("doc", "list", "--child", child)[0]["available"] is False

        proxy.cut = None
        fetched_before = proxy.counts[GET]
        assert b.sync()["documents_fetched"] == 1
        assert proxy.counts[GET] - fetched_before == chunks - 5
        out = tmp_path / "on-b.pdf"
        b.run("doc", "export", listed["id"], "--out", str(out))
        assert out.read_bytes() == data

        # the same content attached again (to another child) is not sent again
        other = a.children()[1]["id"]
        attach(a, other, source, "EP advice (copy)")
        sent_before = proxy.counts[PUT]
        a.sync()
        assert proxy.counts[PUT] == sent_before
        with a.open() as store, store.read() as session:
            assert session.get(DocumentContent, sha).on_server  # type: ignore[union-attr]
    finally:
        proxy.close()


@contextmanager
def _client(central: Central, server: str, role: str, team: str) -> Iterator[httpx.Client]:
    """A signed-in HTTP client of a user of ``team`` (not a laptop: raw requests)."""
    user = central.user(role, team)
    with httpx.Client(base_url=server, headers={HEADER: str(PROTOCOL_VERSION)}) as http:
        answer = http.post(
            "/api/auth/login",
            json={"username": user, "password": SERVER_PASSWORD,
                  "device_id": str(uuid.uuid4()), "device_name": "test"},
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
        http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield http


def test_a_document_of_a_child_outside_the_users_team_is_refused(
    live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    south: Device = device_factory(live.url, "south")
    south.login(demo_central.user("caseworker", "South"))
    south.sync()
    child = south.children()[0]["id"]
    source = tmp_path / "advice.pdf"
    source.write_bytes(pdf(3000))
    document = attach(south, child, source, "Health advice")
    south.sync()

    with _client(demo_central, live.url, "caseworker", "North") as north:
        status = north.get(f"/api/documents/{document['id']}")
        chunk = north.get(f"/api/documents/{document['id']}/chunks/0")
        put = north.put(f"/api/documents/{document['id']}/chunks/0", content=b"x")
        unknown = north.get(f"/api/documents/{uuid.uuid4()}/chunks/0")
    for answer in (status, chunk, put, unknown):
        assert answer.status_code == 404
        assert answer.json() == {
            "code": "out_of_scope",
            "message": "no document with that id in your caseload",
        }
    with reading(demo_central.engine) as connection:
        denied = connection.scalar(
            sa.select(sa.func.count())
            .select_from(schema.audit)
            .where(schema.audit.c.action == "denied", schema.audit.c.child_id == uuid.UUID(child))
        )
    assert denied == 3

    # withdrawn on the laptop, withdrawn on the central store: the row syncs as any other
    south.json("doc", "withdraw", document["id"], "--reason", "attached to the wrong child")
    south.sync()
    table = table_of(DocumentContent).metadata.tables["document"]
    with reading(demo_central.engine) as connection:
        row = connection.execute(
            sa.select(table.c.withdrawn, table.c.withdrawn_reason).where(
                table.c.id == uuid.UUID(document["id"])
            )
        ).one()
    assert tuple(row) == (True, "attached to the wrong child")
    with _client(demo_central, live.url, "caseworker", "South") as same_team:
        assert same_team.get(f"/api/documents/{document['id']}/chunks/0").content == (
            source.read_bytes()
        )


def test_an_older_document_stays_on_the_server_until_asked_for(
    live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    user = demo_central.user("caseworker", "South")
    a: Device = device_factory(live.url, "a")
    b: Device = device_factory(live.url, "b")
    a.login(user)
    a.sync()
    child = a.children()[0]["id"]
    source = tmp_path / "old.pdf"
    data = pdf(1_100_000, seed=4)
    source.write_bytes(data)
    # received in 2020: more than 24 months ago whenever the test runs
    document = attach(a, child, source, "2020 advice", "--received", "2020-01-06")
    assert a.sync()["documents_sent"] == 1
    b.login(user)
    assert b.json("doc", "keep") == {"keep_months": 24}
    assert b.sync()["documents_fetched"] == 0
    assert b.json("doc", "list", "--child", child)[0]["available"] is False
    code, out, err = b.run("doc", "fetch", document["id"][:12])
    assert code == 0, err
    assert out == "2020 advice is on this laptop (1.0 MB)\n"
    exported = tmp_path / "fetched.pdf"
    b.run("doc", "export", document["id"], "--out", str(exported))
    assert exported.read_bytes() == data


def test_the_central_store_refuses_a_document_over_25_mb(
    live: LiveServer, demo_central: Central, device_factory: Any, tmp_path: Path
) -> None:
    laptop: Device = device_factory(live.url, "laptop")
    laptop.login(demo_central.user("caseworker", "South"))
    laptop.sync()
    child = laptop.children()[0]["id"]
    source = tmp_path / "advice.pdf"
    source.write_bytes(pdf(3000))
    document = attach(laptop, child, source, "Advice")
    laptop.sync()
    # a row that says 30 MB, as an older or altered laptop might have sent
    table = table_of(DocumentContent).metadata.tables["document"]
    with writing(demo_central.engine) as connection:
        connection.execute(
            sa.update(table).where(table.c.id == uuid.UUID(document["id"])).values(size=30 * MB)
        )
    with _client(demo_central, live.url, "caseworker", "South") as http:
        answer = http.put(f"/api/documents/{document['id']}/chunks/0", content=b"x")
    assert answer.status_code == 413
    assert answer.json() == {
        "code": "too_large",
        "message": "the document is 30.0 MB (31,457,280 bytes): the central store keeps "
        "documents of at most 25.0 MB",
    }
