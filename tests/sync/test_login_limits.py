"""Signing in can neither stall the central store nor lock everyone out (SQLite and
PostgreSQL)."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import event

from send_desk.server import auth, ratelimit, schema
from send_desk.server.audit import trail
from send_desk.server.db import reading, writing
from send_desk.sync.protocol import HEADER
from send_desk.timeutil import utcnow
from tests.sync.servers import SERVER_PASSWORD, Central, LiveServer

PROXY = "127.0.0.1"  # the tests' reverse proxy: the test client itself


def sign_in(url: str, user: str, password: str, client: str | None = None) -> httpx.Response:
    headers = {HEADER: "2"}
    if client is not None:
        headers["X-Forwarded-For"] = client
    body = {"username": user, "password": password, "device_id": str(uuid.uuid4())}
    return httpx.post(f"{url}/api/auth/login", json=body, headers=headers, timeout=30)


@pytest.fixture
def behind_proxy(demo_central: Central) -> Iterator[LiveServer]:
    """The central store with its reverse proxy named (``--forwarded-allow-ips``)."""
    server = LiveServer(demo_central.engine, forwarded_allow_ips=PROXY).start()
    yield server
    server.stop()


def test_the_password_is_checked_with_no_writing_transaction_open(
    live: LiveServer, demo_central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = demo_central.engine
    open_writes: set[int] = set()

    def began(connection: Any) -> None:
        if connection.get_execution_options().get("write"):
            open_writes.add(id(connection))

    def ended(connection: Any) -> None:
        open_writes.discard(id(connection))

    event.listen(engine, "begin", began)
    event.listen(engine, "commit", ended)
    event.listen(engine, "rollback", ended)
    seen: list[tuple[int, bool]] = []
    verify = auth.verify_password

    def watched(stored: str, password: str) -> bool:
        # while the (slow) hash runs: is a writing transaction open, and could a push
        # write to the database right now?
        free = True
        if demo_central.kind == "sqlite":
            other = sqlite3.connect(engine.url.database or "", timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
            except sqlite3.OperationalError:
                free = False
            finally:
                other.close()
        seen.append((len(open_writes), free))
        return verify(stored, password)

    monkeypatch.setattr(auth, "verify_password", watched)
    try:
        user = demo_central.user("caseworker", "North")
        assert sign_in(live.url, user, "not the password").status_code == 401
        assert sign_in(live.url, user, SERVER_PASSWORD).status_code == 200
    finally:
        for name, listener in (("begin", began), ("commit", ended), ("rollback", ended)):
            event.remove(engine, name, listener)
    assert seen == [(0, True), (0, True)]


def test_behind_a_named_proxy_thirty_failures_lock_out_their_address_only(
    behind_proxy: LiveServer, demo_central: Central
) -> None:
    url = behind_proxy.url
    attacker, colleague = "203.0.113.9", "198.51.100.7"
    for number in range(ratelimit.MAX_FAILURES_PER_ADDRESS):
        # each hop list as a proxy writes it: what the client claimed, then the client
        refused = sign_in(url, f"guess{number:02}", "password1", f"10.9.9.9, {attacker}")
        assert refused.status_code == 401
    user = demo_central.user("caseworker", "West")
    assert sign_in(url, user, SERVER_PASSWORD, attacker).status_code == 429
    # everyone else behind the same proxy signs in as usual, the proxy's own address too
    assert sign_in(url, user, SERVER_PASSWORD, colleague).status_code == 200
    assert sign_in(url, demo_central.user("supervisor", "West"), SERVER_PASSWORD).status_code == 200
    with reading(demo_central.engine) as connection:
        failed = trail(connection, action="login_failed", limit=100)
    assert {row["address"] for row in failed} == {attacker}


def test_x_forwarded_for_from_anyone_but_a_named_proxy_is_ignored(
    live: LiveServer, demo_central: Central
) -> None:
    # no proxy named: a client that makes up an address each time is still one address
    for number in range(ratelimit.MAX_FAILURES_PER_ADDRESS):
        made_up = f"192.0.2.{number + 1}"
        assert sign_in(live.url, f"guess{number:02}", "password1", made_up).status_code == 401
    user = demo_central.user("caseworker", "East")
    assert sign_in(live.url, user, SERVER_PASSWORD, "192.0.2.200").status_code == 429
    with reading(demo_central.engine) as connection:
        failed = trail(connection, action="login_failed", limit=100)
    assert {row["address"] for row in failed} == {"127.0.0.1"}


def test_a_name_is_locked_out_wherever_the_guesses_come_from(
    behind_proxy: LiveServer, demo_central: Central
) -> None:
    user, other = demo_central.user("caseworker", "South"), demo_central.user("admin")
    for number in range(ratelimit.MAX_FAILURES_PER_USER):
        assert sign_in(behind_proxy.url, user, "wrong", f"192.0.2.{number + 1}").status_code == 401
    assert sign_in(behind_proxy.url, user, SERVER_PASSWORD, "192.0.2.99").status_code == 429
    assert sign_in(behind_proxy.url, other, SERVER_PASSWORD, "192.0.2.1").status_code == 200


def _failures(central: Central, count: int) -> None:
    """``count`` recent failed sign-ins, each from its own address and name."""
    now = utcnow() - timedelta(minutes=1)
    rows = [
        {"username": f"sprayed{n}", "address": f"10.{n // 65536}.{n // 256 % 256}.{n % 256}",
         "at": now, "ok": False}
        for n in range(count)
    ]  # fmt: skip
    with writing(central.engine) as connection:
        connection.execute(sa.insert(schema.login_attempt), rows)


@pytest.mark.parametrize(
    ("failures", "waits"),
    [
        (ratelimit.SLOW_AFTER - 1, []),
        # six past the ceiling: 6 x 0.05 s
        (ratelimit.SLOW_AFTER + 5, [0.3]),
        # ever so many: the wait stops growing at five seconds
        (ratelimit.SLOW_AFTER + 1000, [5.0]),
    ],
)
def test_failures_across_the_service_slow_sign_ins_but_never_refuse_them(
    live: LiveServer,
    demo_central: Central,
    monkeypatch: pytest.MonkeyPatch,
    failures: int,
    waits: list[float],
) -> None:
    _failures(demo_central, failures)
    paused: list[float] = []

    async def pause(seconds: float) -> None:
        paused.append(seconds)

    monkeypatch.setattr(ratelimit, "pause", pause)
    answer = sign_in(live.url, demo_central.user("caseworker", "North"), SERVER_PASSWORD)
    assert answer.status_code == 200
    assert paused == pytest.approx(waits)
