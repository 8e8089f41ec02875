"""Real central stores on 127.0.0.1 for the sync tests, on SQLite and on PostgreSQL.

``central`` is parametrised: every test that uses it runs once on a SQLite file and
once on a fresh PostgreSQL database. The PostgreSQL cluster is the one ``./dev test``
started (``SEND_DESK_TEST_PG_URL``), or a throwaway one this session starts itself
when PostgreSQL is installed; without either, the PostgreSQL half is skipped.

A ``LiveServer`` is uvicorn in a thread on a free loopback port; a
``ServerProcess`` is ``send-desk serve`` in a subprocess, which a test can kill.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from send_desk.server import admin
from send_desk.server.db import open_database
from send_desk.server.pgtemp import ENV_URL, NoPostgres, create_database, drop_database
from tests.constants import TODAY
from tests.sync.servers import SERVER_PASSWORD, Central, Device, LiveServer


@pytest.fixture(autouse=True)
def _notes_indexed_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pulled case notes are indexed in one go however few arrive (as a first sync does)."""
    from send_desk.sync import fts

    monkeypatch.setattr(fts, "MIN_ROWS", 1)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str | None]:
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    from send_desk.server.pgtemp import start_cluster

    try:
        cluster = start_cluster()
    except NoPostgres:
        yield None
        return
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def central(
    request: pytest.FixtureRequest, tmp_path: Path, pg_admin_url: str | None
) -> Iterator[Central]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central-store.db'}"
        engine = open_database(url)
        yield Central("sqlite", url, engine)
        engine.dispose()
        return
    if pg_admin_url is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the central store's tests on PostgreSQL too")
        pytest.skip("PostgreSQL is not available (set SEND_DESK_TEST_PG_URL or install it)")
    name = f"sd_{uuid.uuid4().hex[:12]}"
    url = create_database(pg_admin_url, name)
    engine = open_database(url, pool_size=5)
    try:
        yield Central("postgresql", url, engine)
    finally:
        engine.dispose()
        drop_database(pg_admin_url, name)


@pytest.fixture
def demo_central(central: Central) -> Central:
    """A central store holding 24 synthetic children in four teams, with their users."""
    admin.demo(central.engine, children=24, seed=7, today=TODAY, password=SERVER_PASSWORD)
    return central


@pytest.fixture
def live(demo_central: Central) -> Iterator[LiveServer]:
    server = LiveServer(demo_central.engine).start()
    yield server
    server.stop()


@pytest.fixture
def device_factory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Any:
    made: list[Device] = []

    def make(server: str, name: str | None = None) -> Device:
        device = Device(tmp_path / (name or f"laptop{len(made) + 1}"), capsys, monkeypatch, server)
        made.append(device)
        return device

    return make
