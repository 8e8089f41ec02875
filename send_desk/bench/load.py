"""Load benchmark: 200 laptops syncing at once against the central store on PostgreSQL.

Budget (DESIGN.md): no errors, p95 under 500 ms.

The central store runs as ``send-desk serve --workers 2`` (two processes behind one
port, as behind a load balancer) on a throwaway PostgreSQL cluster (the one in
``SEND_DESK_TEST_PG_URL``, or one this benchmark starts and deletes). It holds a
2,000-child demo caseload. 200 simulated laptops (asyncio + httpx, each with its own
device, sign-in and checkpoint, spread over the demo's caseworkers) have synced
already; then, ``ROUNDS`` times, all of them at once push five changes and pull what
changed since their checkpoint (their colleagues' changes). Latency is timed per
request and per whole sync (push + pull). The load generator shares the machine's
cores with the server. Synthetic people only.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

DEVICES = 200
ROUNDS = 3
SPREAD_S = 30.0  # the spread rounds: each laptop syncs at a random moment in this window
CHANGES_PER_SYNC = 5
CHILDREN = 2_000
PASSWORD = "benchmark-server-2026"
TODAY = date(2026, 11, 22)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


class _Device:
    def __init__(self, number: int, user: str, children: list[tuple[str, Any]]) -> None:
        self.number = number
        self.user = user
        self.device_id = str(uuid.uuid4())
        self.children = children  # (id, current preferred_name), this device's own
        self.token = ""
        self.checkpoint = 0
        self.seq = 0


async def _login(client: Any, device: _Device) -> None:
    answer = await client.post(
        "/api/auth/login",
        json={"username": device.user, "password": PASSWORD, "device_id": device.device_id},
    )
    answer.raise_for_status()
    device.token = answer.json()["access_token"]
    start = await client.post(
        "/api/sync/pull",
        json={"checkpoint": 0, "limit": 0},
        headers={"Authorization": f"Bearer {device.token}"},
    )
    start.raise_for_status()
    device.checkpoint = int(start.json()["server_seq"])  # as if synced already


async def _sync(
    client: Any, device: _Device, round_: int, timings: dict[str, list[float]], errors: list[str]
) -> None:
    headers = {"Authorization": f"Bearer {device.token}"}
    entries = []
    for offset in range(CHANGES_PER_SYNC):
        child_id, before = device.children[offset % len(device.children)]
        value = f"R{round_}D{device.number}C{offset}"
        device.seq += 1
        entries.append(
            {
                "device_seq": device.seq,
                "table": "child",
                "row_id": child_id,
                "op": "update",
                "field": "preferred_name",
                "base": before,
                "value": value,
                "at": "2026-11-22T10:00:00+00:00",
            }
        )
        device.children[offset % len(device.children)] = (child_id, value)
    started = time.perf_counter()
    try:
        pushed = await client.post(
            "/api/sync/push",
            json={"device_id": device.device_id, "entries": entries},
            headers=headers,
        )
        push_done = time.perf_counter()
        if pushed.status_code != 200:
            errors.append(f"push {pushed.status_code}")
            return
        results = pushed.json()["results"]
        if any(r["status"] not in ("applied", "unchanged") for r in results):
            errors.append(f"push results {[r['status'] for r in results]}")
        pulls = pulled = 0
        while True:
            page = await client.post(
                "/api/sync/pull",
                json={"checkpoint": device.checkpoint, "limit": 2000},
                headers=headers,
            )
            pulls += 1
            if page.status_code != 200:
                errors.append(f"pull {page.status_code}")
                return
            body = page.json()
            pulled += len(body["changes"])
            device.checkpoint = int(body["checkpoint"])
            if not body["more"]:
                break
        finished = time.perf_counter()
    except Exception as error:  # noqa: BLE001 - every failure is counted and reported
        errors.append(f"{type(error).__name__}: {error}")
        return
    timings["push"].append(push_done - started)
    timings["pull"].append(finished - push_done)
    timings["sync"].append(finished - started)
    timings["pulled"].append(pulled)


async def _run_load(
    url: str,
    devices: list[_Device],
    meter: Callable[[], dict[str, float]],
    burst: Callable[[bool], None] = lambda _starting: None,
) -> dict[str, Any]:
    import httpx

    from send_desk.sync.protocol import HEADER, PROTOCOL_VERSION

    limits = httpx.Limits(
        max_connections=DEVICES, max_keepalive_connections=DEVICES, keepalive_expiry=30
    )
    async with httpx.AsyncClient(
        base_url=url, headers={HEADER: str(PROTOCOL_VERSION)}, timeout=120, limits=limits
    ) as client:
        started = time.perf_counter()
        queue = list(devices)
        while queue:  # sign-ins (Argon2id) a few at a time, as laptops arrive in a morning
            batch, queue = queue[:8], queue[8:]
            await asyncio.gather(*(_login(client, d) for d in batch))
        login_seconds = time.perf_counter() - started
        timings: dict[str, list[float]] = {"push": [], "pull": [], "sync": [], "pulled": []}
        errors: list[str] = []
        rounds: list[float] = []
        burst(True)
        before = meter()
        for round_ in range(ROUNDS):  # burst: every laptop at the same instant
            started = time.perf_counter()
            await asyncio.gather(*(_sync(client, d, round_, timings, errors) for d in devices))
            rounds.append(time.perf_counter() - started)
        after = meter()
        burst(False)
        burst_cpu = {part: after[part] - before[part] for part in before}
        spread: dict[str, list[float]] = {"push": [], "pull": [], "sync": [], "pulled": []}
        rng = random.Random(7)

        async def later(device: _Device, round_: int) -> None:
            await asyncio.sleep(rng.uniform(0, SPREAD_S))
            await _sync(client, device, round_, spread, errors)

        for round_ in range(ROUNDS, ROUNDS + 2):  # all online, each syncing within a window
            await asyncio.gather(*(later(d, round_) for d in devices))
    return {
        "timings": timings,
        "spread": spread,
        "errors": errors,
        "rounds": rounds,
        "logins_s": login_seconds,
        "burst_cpu": burst_cpu,
    }


def _cpu_seconds(
    pids: list[int], name_prefix: str | None = None, database: str | None = None
) -> float:
    """CPU time of these processes and their children, plus every process whose name
    starts with ``name_prefix`` (PostgreSQL's backends) and, with ``database``, whose
    title names it (the backends serving this benchmark's database, not other work on
    a shared cluster); Linux only, 0 elsewhere."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    wanted = set(pids)
    total = 0.0
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return 0.0
    stats: dict[int, tuple[str, int, float]] = {}
    for entry in entries:
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        stats[int(entry)] = (name, int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    for pid, (name, parent, cpu) in stats.items():
        if pid in wanted or parent in wanted:
            total += cpu
        elif name_prefix and name.startswith(name_prefix):
            if database is not None:
                try:
                    title = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                if f" {database} ".encode() not in title:
                    continue
            total += cpu
    return total


def _profiler(pid: int) -> Callable[[bool], None]:
    """With ``SEND_DESK_BENCH_PYSPY=OUT``, sample the server's processes with py-spy
    (``SEND_DESK_PYSPY``, default ``py-spy`` on the PATH) during the burst rounds only
    (not the sign-ins), writing OUT in py-spy's raw (collapsed stacks) format."""
    out = os.environ.get("SEND_DESK_BENCH_PYSPY")
    running: list[subprocess.Popen[bytes]] = []

    def burst(starting: bool) -> None:
        if not out:
            return
        if starting:
            tool = os.environ.get("SEND_DESK_PYSPY", "py-spy")
            command = [tool, "record", "--pid", str(pid), "--subprocesses"]
            running.append(
                subprocess.Popen([*command, "--format", "raw", "--rate", "100", "-o", out])
            )
            time.sleep(2)  # py-spy attaches before the first request
        else:
            for spy in running:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=120)

    return burst


def _demo_devices(engine: Any) -> list[_Device]:
    import sqlalchemy as sa

    from send_desk.server import admin
    from send_desk.sync.tables import registry

    users = [u for u in admin.users(engine) if u["role"] == "caseworker"]
    child, allocation, team = (registry()[n].table for n in ("child", "allocation", "team"))
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(child.c.id, child.c.preferred_name, team.c.name)
            .join(
                allocation, (allocation.c.child_id == child.c.id) & allocation.c.end_date.is_(None)
            )
            .join(team, team.c.id == allocation.c.team_id)
            .order_by(child.c.id)
        ).all()
    by_team: dict[str, list[tuple[str, Any]]] = {}
    for child_id, preferred, team_name in rows:
        by_team.setdefault(team_name, []).append((str(child_id), preferred))
    devices = []
    taken: dict[str, int] = {}
    for number in range(DEVICES):
        user = users[number % len(users)]
        pool = by_team[user["team"]]
        # each device changes children of its own (a clash is a conflict, not a load)
        slot = taken.get(user["team"], 0)
        taken[user["team"]] = slot + 1
        mine = pool[slot * CHANGES_PER_SYNC : (slot + 1) * CHANGES_PER_SYNC]
        devices.append(_Device(number, user["username"], list(mine) or pool[:CHANGES_PER_SYNC]))
    return devices


def run(children: int, workdir: Path) -> dict[str, Any]:
    """``children`` is ignored: the demo caseload has 2,000 children."""
    import httpx

    from send_desk.server import admin
    from send_desk.server.db import open_database
    from send_desk.server.pgtemp import (
        ENV_URL,
        NoPostgres,
        create_database,
        drop_database,
        free_port,
        start_cluster,
    )

    cluster = None
    admin_url = os.environ.get(ENV_URL)
    if not admin_url:
        try:
            cluster = start_cluster()
        except NoPostgres as error:
            return {"skipped": str(error)}
        admin_url = cluster.url
    name = f"sd_load_{uuid.uuid4().hex[:8]}"
    url = create_database(admin_url, name)
    server: subprocess.Popen[bytes] | None = None
    try:
        engine = open_database(url)
        admin.demo(engine, children=CHILDREN, seed=3, today=TODAY, password=PASSWORD)
        devices = _demo_devices(engine)
        engine.dispose()
        port = free_port()
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "send_desk", "--data-dir", str(workdir), "serve"),
                *("--database", url, "--host", "127.0.0.1", "--port", str(port)),
                *("--workers", "2"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the central store did not start")
            time.sleep(0.1)
        pid = server.pid

        def meter() -> dict[str, float]:
            return {
                "server": _cpu_seconds([pid]),
                "database": _cpu_seconds([], "postgres", name),
                "load_generator": time.process_time(),
            }

        result = asyncio.run(_run_load(base, devices, meter, _profiler(pid)))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        drop_database(admin_url, name)
        if cluster is not None:
            cluster.stop()
    timings = result["timings"]

    def ms(values: list[float], share: float) -> float:
        return round(_percentile(values, share) * 1000, 1)

    return {
        "central_store": "PostgreSQL, send-desk serve --workers 2 on 127.0.0.1",
        "devices": DEVICES,
        "rounds": ROUNDS,
        "changes_per_sync": CHANGES_PER_SYNC,
        "burst_syncs": len(timings["sync"]),
        "errors": len(result["errors"]),
        "first_errors": result["errors"][:3],
        "sync_p50_ms": ms(timings["sync"], 0.5),
        "sync_p95_ms": ms(timings["sync"], 0.95),
        "push_p50_ms": ms(timings["push"], 0.5),
        "push_p95_ms": ms(timings["push"], 0.95),
        "pull_p50_ms": ms(timings["pull"], 0.5),
        "pull_p95_ms": ms(timings["pull"], 0.95),
        "sync_max_ms": round(max(timings["sync"] or [0]) * 1000, 1),
        "sync_mean_ms": round(statistics.fmean(timings["sync"]) * 1000, 1)
        if timings["sync"]
        else 0,
        "round_s": [round(r, 2) for r in result["rounds"]],
        # rows each burst sync pulled (its colleagues' changes since its checkpoint)
        "burst_pulled_rows_p50": _percentile(timings["pulled"], 0.5),
        "burst_pulled_rows_mean": round(statistics.fmean(timings["pulled"]), 1)
        if timings["pulled"]
        else 0,
        "spread_pulled_rows_p50": _percentile(result["spread"]["pulled"], 0.5),
        "spread_window_s": SPREAD_S,
        "spread_syncs": len(result["spread"]["sync"]),
        "spread_sync_p50_ms": ms(result["spread"]["sync"], 0.5),
        "spread_sync_p95_ms": ms(result["spread"]["sync"], 0.95),
        "budget": "no errors, p95 under 500 ms",
        "sign_ins_s": round(result["logins_s"], 1),
        # CPU of the burst rounds per sync (Linux; the database: the postgres backends
        # serving this benchmark's database)
        "burst_cpu_per_sync_ms": {
            part: round(seconds * 1000 / max(1, len(timings["sync"])), 1)
            for part, seconds in result["burst_cpu"].items()
        },
        "load_average": round(os.getloadavg()[0], 1),
    }
