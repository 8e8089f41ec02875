"""Sync benchmark: a laptop's first sync, and a push then pull of 1,000 offline changes.

Budgets (DESIGN.md, 2-core laptop-class machine, local server):

- first sync of a 250-child caseload with 10,000 case notes: under 2.5 s;
- push then pull of 1,000 offline changes: under 1 s;
- a sync with nothing to send or pull: about a millisecond of server CPU, reported
  beside a bare FastAPI endpoint that answers a constant JSON, served the same way
  (uvicorn, one process) and measured in the same run.

``SEND_DESK_BENCH_PROFILE=DIR`` writes cProfile files of each phase to DIR (the
server's and the laptops'), for ``docs/sync-performance.md``. They count each
thread's CPU time (``time.thread_time``), not wall time, so other work on the
machine does not swell them.

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
EMPTY_SYNCS = 200
PROFILE_ENV = "SEND_DESK_BENCH_PROFILE"


def _profile_dir() -> Path | None:
    value = os.environ.get(PROFILE_ENV)
    return Path(value) if value else None


class _Phase:
    """CPU and wall time of one phase (and a cProfile of it with SEND_DESK_BENCH_PROFILE)."""

    def __init__(self, name: str, server: Server) -> None:
        self.name = name
        self.server = server
        self.profile: Any = None

    def __enter__(self) -> _Phase:
        directory = _profile_dir()
        if directory is not None:
            import cProfile

            self.profile = cProfile.Profile(time.thread_time)
        self.wall, self.cpu, self.server_cpu = (
            time.perf_counter(),
            time.process_time(),
            self.server.cpu_seconds(),
        )
        if self.profile is not None:
            self.profile.enable()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.profile is not None:
            self.profile.disable()
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.server_cpu = self.server.cpu_seconds() - self.server_cpu
        directory = _profile_dir()
        if self.profile is not None and directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
            self.profile.dump_stats(str(directory / f"laptop-{self.name}.prof"))


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


# uvicorn raises SIGTERM again once it has shut down: a handler of ours turns it into
# SystemExit, so the profile is written. FastAPI runs plain endpoints and dependencies
# in worker threads, which a profiler of the main thread does not see: each call there
# runs under its thread's own profiler, and all are merged at the end.
_PROFILED_SERVER = """
import cProfile, pstats, signal, sys, threading, time
def stop(*_):
    raise SystemExit(0)
signal.signal(signal.SIGTERM, stop)
local, profiles = threading.local(), []
import fastapi.dependencies.utils, fastapi.routing, starlette.concurrency
original = starlette.concurrency.run_in_threadpool
def profiled(func, *args, **kwargs):
    def call(*a, **k):
        if not hasattr(local, "profile"):
            local.profile = cProfile.Profile(time.thread_time)
            profiles.append(local.profile)
        return local.profile.runcall(func, *a, **k)
    return original(call, *args, **kwargs)
for module in (fastapi.dependencies.utils, fastapi.routing):
    module.run_in_threadpool = profiled
main_profile = cProfile.Profile(time.thread_time)
main_profile.enable()
try:
    from send_desk.cli import main
    main(sys.argv[2:])
finally:
    main_profile.disable()
    stats = pstats.Stats(main_profile)
    for profile in profiles:
        stats.add(profile)
    stats.dump_stats(sys.argv[1])
"""


class Server:
    """``send-desk serve`` in its own process (as a local server would be), on 127.0.0.1."""

    def __init__(self, database: str, workdir: Path, *, command: list[str] | None = None) -> None:
        from send_desk.server.pgtemp import free_port

        self.command = command
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        import httpx

        command = self.command or [
            *("-m", "send_desk", "--data-dir", str(self.workdir), "serve"),
            *("--database", self.database, "--host", "127.0.0.1", "--port", str(self.port)),
        ]
        directory = _profile_dir()
        if directory is not None and self.command is None:
            directory.mkdir(parents=True, exist_ok=True)
            command = ["-c", _PROFILED_SERVER, str(directory / f"server-{self.port}.prof"),
                       *command[2:]]  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, *command],
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
            self.process.terminate()  # uvicorn ends cleanly on SIGTERM (cProfile writes)
            self.process.wait(timeout=60)

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


def _server_profile(server: Server, name: str) -> None:
    directory = _profile_dir()
    if directory is not None:
        (directory / f"server-{server.port}.prof").replace(directory / f"server-{name}.prof")


def _server_profile_after(server: Server, name: str) -> None:
    server.__exit__()
    _server_profile(server, name)
    server.process = None


def run(children: int, workdir: Path) -> dict[str, Any]:
    """``children`` is ignored: the budgets name a 250-child caseload.

    With SEND_DESK_BENCH_PROFILE each phase gets its own server process, so each
    server profile holds that phase alone."""
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
    per_phase = _profile_dir() is not None
    try:
        admin.demo(engine, children=CHILDREN, seed=1, today=TODAY, password=SERVER_PASSWORD)
        notes = extra_notes(engine, NOTES, seed=1)
        boss = next(u["username"] for u in admin.users(engine) if u["role"] == "admin")
        server = Server(database, workdir).__enter__()
        try:
            first = create_store(DataPaths(workdir / "laptop-a"), PASSWORD)
            login(first, server.url, boss, SERVER_PASSWORD)
            with _Phase("first-sync", server) as first_phase:
                report = Syncer(first).sync()
            pulled = report.pulled

            second = create_store(DataPaths(workdir / "laptop-b"), PASSWORD)
            login(second, server.url, boss, SERVER_PASSWORD)
            Syncer(second).sync()
            if per_phase:
                server.__exit__()
                _server_profile(server, "first-sync")
                server = Server(database, workdir).__enter__()
                for store in (first, second):
                    _point_at(store, server.url)

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
            with _Phase("push", server) as push_phase:
                pushed = Syncer(first).sync()
            with _Phase("pull", server) as pull_phase:
                received = Syncer(second).sync()
            with second.read() as session:
                value = session.scalar(
                    child_table.select()
                    .with_only_columns(child_table.c.preferred_name)
                    .where(child_table.c.id == ids[(CHANGES - 1) % len(ids)])
                )
            Syncer(first).sync()  # its own changes come back once; then nothing is left
            if per_phase:
                server.__exit__()
                _server_profile(server, "push-pull")
                server = Server(database, workdir).__enter__()
                for store in (first, second):
                    _point_at(store, server.url)
            empty = empty_syncs(server, second, EMPTY_SYNCS)
            if per_phase:
                _server_profile_after(server, "empty")
            first.close()
            second.close()
        finally:
            server.__exit__()
        bare = reference_requests(workdir, EMPTY_SYNCS)
    finally:
        engine.dispose()
        keyring.set_keyring(previous)
    ms = 1000 / EMPTY_SYNCS
    return {
        "central_store": "SQLite (the embedded default), send-desk serve on 127.0.0.1",
        "caseload": f"{CHILDREN} children, {notes:,} case notes",
        "first_sync_rows": pulled,
        "first_sync_s": round(first_phase.wall, 2),
        "first_sync_budget_s": 2.5,
        "first_sync_cpu_laptop_s": round(first_phase.cpu, 2),
        "first_sync_cpu_server_s": round(first_phase.server_cpu, 2),
        "changes": CHANGES,
        "push_s": round(push_phase.wall, 2),
        "pushed": pushed.pushed,
        "pull_s": round(pull_phase.wall, 2),
        "pulled": received.pulled,
        "push_then_pull_s": round(push_phase.wall + pull_phase.wall, 2),
        "push_then_pull_budget_s": 1.0,
        "push_then_pull_cpu_laptops_s": round(push_phase.cpu + pull_phase.cpu, 2),
        "push_then_pull_cpu_server_s": round(push_phase.server_cpu + pull_phase.server_cpu, 2),
        "empty_syncs": EMPTY_SYNCS,
        "empty_sync_requests": empty["kept"]["requests"],
        "empty_sync_cpu_server_ms": round(empty["kept"]["server_cpu"] * ms, 2),
        "empty_sync_cpu_laptop_ms": round(empty["kept"]["laptop_cpu"] * ms, 2),
        "bare_endpoint_cpu_server_ms": round(bare * ms, 2),
        "empty_sync_vs_bare_endpoint": ratio(empty["kept"]["server_cpu"], bare),
        # a pass that must refresh its access token first (the last one was over 9
        # minutes ago: every other pass of the app's 5-minute cycle)
        "empty_sync_refreshing_requests": empty["refreshed"]["requests"],
        "empty_sync_refreshing_cpu_server_ms": round(empty["refreshed"]["server_cpu"] * ms, 2),
        "empty_sync_refreshing_vs_bare_endpoint": ratio(empty["refreshed"]["server_cpu"], bare),
        "load_average": load_average(),
        "converged": value == f"Name {CHANGES - 1}",
    }


def ratio(ours: float, reference: float) -> float | None:
    return round(ours / reference, 1) if reference else None


def _point_at(store: Any, url: str) -> None:
    """A laptop signed in to a server restarted on another port (profiling only)."""
    from send_desk.sync import state

    with store.write() as session:
        current = state.load_state(session)
        current.server_url = url
        state.save_state(session, current, "server_url")


class _CountingClient:
    """Counts a laptop's requests (how many an empty sync makes)."""

    requests = 0


def empty_syncs(server: Server, store: Any, count: int) -> dict[str, Any]:
    """``count`` syncs of a laptop with nothing to send or pull: the server's CPU for
    them, the laptop's, and how many requests one makes."""
    from send_desk.sync.client import Client
    from send_desk.sync.engine import Syncer

    def counting(url: str) -> Client:
        client = Client(url)
        original = client.request

        def request(*args: Any, **kwargs: Any) -> Any:
            _CountingClient.requests += 1
            return original(*args, **kwargs)

        client.request = request  # type: ignore[method-assign]
        return client

    from send_desk.sync import access

    def passes(name: str, *, refresh: bool) -> dict[str, Any]:
        Syncer(store).sync()  # anything left over first
        _CountingClient.requests = 0
        with _Phase(name, server) as phase:
            for _ in range(count):
                if refresh:  # as a pass more than 9 minutes after the last one
                    access.forget(str(store.info.store_id))
                report = Syncer(store, client_factory=counting, keep_access=not refresh).sync()
                if report.pushed or report.pulled:
                    raise RuntimeError("an empty sync sent or pulled something")
        return {
            "server_cpu": phase.server_cpu,
            "laptop_cpu": phase.cpu,
            "requests": round(_CountingClient.requests / count, 1),
        }

    return {
        "kept": passes("empty", refresh=False),
        "refreshed": passes("empty-refresh", refresh=True),
    }


def reference_app() -> Any:
    """The reference: a bare FastAPI endpoint answering a constant JSON."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"status": "ok"}

    return app


def _serve_reference(port: int) -> None:
    """Served as ``send-desk serve`` serves the central store (uvicorn, one process)."""
    import uvicorn

    uvicorn.run(
        reference_app(), host="127.0.0.1", port=port, log_level="info",
        timeout_keep_alive=75, proxy_headers=False,
    )  # fmt: skip


def reference_requests(workdir: Path, count: int) -> float:
    """Server CPU seconds for ``count`` requests to the reference, each on a new
    connection as each sync opens one."""
    import httpx

    command = ["-c", "import sys; from send_desk.bench.sync import _serve_reference; "
               "_serve_reference(int(sys.argv[1]))"]  # fmt: skip
    server = Server("", workdir, command=command)
    command.append(str(server.port))
    with server:
        for _ in range(10):
            httpx.get(f"{server.url}/api/health")
        before = server.cpu_seconds()
        for _ in range(count):
            with httpx.Client(base_url=server.url) as client:
                client.get("/api/health").raise_for_status()
        return server.cpu_seconds() - before
