"""Sync benchmark: a laptop's first sync, and a push then pull of 1,000 offline changes.

Budgets (DESIGN.md, 2-core laptop-class machine, local server):

- first sync of a 250-child caseload with 10,000 case notes: under 2.5 s;
- push then pull of 1,000 offline changes: under 1 s.

The central store is the embedded default (a SQLite file) served by uvicorn on
127.0.0.1 in this process's thread pool; each laptop is a real encrypted store.
Synthetic people only.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

PASSWORD = "benchmark password 2026"
SERVER_PASSWORD = "benchmark-server-2026"
TODAY = date(2026, 11, 22)
CHILDREN = 250
NOTES = 10_000
CHANGES = 1_000


class _MemoryKeyring(KeyringBackend):
    """Sign-ins kept in memory: a benchmark must not touch the user's keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class Server:
    """``send-desk serve`` in its own process (as a local server would be), on 127.0.0.1."""

    def __init__(self, database: str, workdir: Path) -> None:
        from send_desk.server.pgtemp import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        import httpx

        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "send_desk", "--data-dir", str(self.workdir), "serve"),
                *("--database", self.database, "--host", "127.0.0.1", "--port", str(self.port)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the benchmark server did not start")
            time.sleep(0.05)

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def cpu_seconds(self) -> float:
        """The server process's CPU time so far (Linux; 0 elsewhere)."""
        try:
            assert self.process is not None
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, AssertionError, IndexError, ValueError):
            return 0.0


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 1)
    except OSError:
        return -1.0


def extra_notes(engine: Any, wanted: int, seed: int) -> int:
    """Add case notes to the central store's children until it holds ``wanted``."""
    import sqlalchemy as sa

    from send_desk.demo.notes import demo_notes
    from send_desk.server.admin import bulk_load
    from send_desk.server.db import writing
    from send_desk.sync.tables import registry

    tables = registry()
    child, notes = tables["child"].table, tables["note_version"].table
    with engine.connect() as connection:
        have = int(connection.execute(sa.select(sa.func.count()).select_from(notes)).scalar_one())
        children = [
            {
                "id": row.id,
                "first_name": row.first_name,
                "last_name": row.last_name,
                "parent": "Ms A Example",
                "parent_role": "parent",
                "author": None,
                "since": date(2025, 9, 1),
            }
            for row in connection.execute(
                sa.select(child.c.id, child.c.first_name, child.c.last_name)
            )
        ]
    rows: list[dict[str, Any]] = []
    rng = random.Random(seed)
    round_ = 0
    while have + len(rows) < wanted:
        round_ += 1
        rows += demo_notes(
            seed=seed * 1000 + round_,
            today=TODAY,
            children=children,
            new_id=lambda: uuid.UUID(int=rng.getrandbits(128) | (1 << 127)),
        )
    rows = rows[: max(0, wanted - have)]
    with writing(engine) as connection:
        bulk_load(connection, {"note_version": rows}, validate=False)
    return have + len(rows)


def run(children: int, workdir: Path) -> dict[str, Any]:
    """``children`` is ignored: the budgets name a 250-child caseload."""
    from send_desk.paths import DataPaths
    from send_desk.server import admin
    from send_desk.server.db import open_database
    from send_desk.services.children import update_child
    from send_desk.storage.store import create_store
    from send_desk.sync.engine import Syncer, login
    from send_desk.sync.tables import registry

    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    database = f"sqlite:///{workdir / 'central-store.db'}"
    engine = open_database(database)
    try:
        admin.demo(engine, children=CHILDREN, seed=1, today=TODAY, password=SERVER_PASSWORD)
        notes = extra_notes(engine, NOTES, seed=1)
        boss = next(u["username"] for u in admin.users(engine) if u["role"] == "admin")
        with Server(database, workdir) as server:
            first = create_store(DataPaths(workdir / "laptop-a"), PASSWORD)
            login(first, server.url, boss, SERVER_PASSWORD)
            started, cpu, server_cpu = (
                time.perf_counter(),
                time.process_time(),
                server.cpu_seconds(),
            )
            report = Syncer(first).sync()
            first_sync = time.perf_counter() - started
            first_cpu = time.process_time() - cpu
            first_server_cpu = server.cpu_seconds() - server_cpu
            pulled = report.pulled

            second = create_store(DataPaths(workdir / "laptop-b"), PASSWORD)
            login(second, server.url, boss, SERVER_PASSWORD)
            Syncer(second).sync()

            # 1,000 changes made offline on the first laptop, in 1,000 transactions
            child_table = registry()["child"].table
            with first.read() as session:
                ids = list(
                    session.scalars(child_table.select().with_only_columns(child_table.c.id))
                )
            for number in range(CHANGES):
                with first.write() as session:
                    update_child(
                        session,
                        ids[number % len(ids)],
                        {"preferred_name": f"Name {number}"},
                        today=TODAY,
                    )
            started, cpu, server_cpu = (
                time.perf_counter(),
                time.process_time(),
                server.cpu_seconds(),
            )
            pushed = Syncer(first).sync()
            push_seconds = time.perf_counter() - started
            started = time.perf_counter()
            received = Syncer(second).sync()
            pull_seconds = time.perf_counter() - started
            both_cpu = time.process_time() - cpu
            both_server_cpu = server.cpu_seconds() - server_cpu
            with second.read() as session:
                value = session.scalar(
                    child_table.select()
                    .with_only_columns(child_table.c.preferred_name)
                    .where(child_table.c.id == ids[(CHANGES - 1) % len(ids)])
                )
            first.close()
            second.close()
    finally:
        engine.dispose()
        keyring.set_keyring(previous)
    return {
        "central_store": "SQLite (the embedded default), send-desk serve on 127.0.0.1",
        "caseload": f"{CHILDREN} children, {notes:,} case notes",
        "first_sync_rows": pulled,
        "first_sync_s": round(first_sync, 2),
        "first_sync_budget_s": 2.5,
        "first_sync_cpu_laptop_s": round(first_cpu, 2),
        "first_sync_cpu_server_s": round(first_server_cpu, 2),
        "changes": CHANGES,
        "push_s": round(push_seconds, 2),
        "pushed": pushed.pushed,
        "pull_s": round(pull_seconds, 2),
        "pulled": received.pulled,
        "push_then_pull_s": round(push_seconds + pull_seconds, 2),
        "push_then_pull_budget_s": 1.0,
        "push_then_pull_cpu_laptops_s": round(both_cpu, 2),
        "push_then_pull_cpu_server_s": round(both_server_cpu, 2),
        "load_average": load_average(),
        "converged": value == f"Name {CHANGES - 1}",
    }
