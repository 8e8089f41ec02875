"""Helpers for tests against real central stores: servers on 127.0.0.1 and laptops."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy.engine import Engine

from send_desk.cli import main
from send_desk.server import admin
from send_desk.server.app import create_app
from send_desk.server.pgtemp import free_port

SERVER_PASSWORD = "central-store-pw-2026"
LAPTOP_PASSWORD = "laptop store password 2026"
TODAY = date(2026, 11, 22)


@dataclass
class Central:
    kind: str
    url: str
    engine: Engine

    def users(self, role: str | None = None, team: str | None = None) -> list[dict[str, Any]]:
        return [
            u
            for u in admin.users(self.engine)
            if (role is None or u["role"] == role) and (team is None or u["team"] == team)
        ]

    def user(self, role: str, team: str | None = None) -> str:
        return str(self.users(role, team)[0]["username"])


class LiveServer:
    """uvicorn serving the central store's app in a thread, on 127.0.0.1."""

    def __init__(self, engine: Engine) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(engine), host="127.0.0.1", port=self.port, log_level="warning",
            lifespan="off",
        )  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)


class ServerProcess:
    """``send-desk serve`` in a subprocess (so a test can kill it)."""

    def __init__(self, database: str, work: Path, port: int | None = None) -> None:
        self.database = database
        self.work = work
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        log = open(self.work / f"serve-{self.port}.log", "ab")  # noqa: SIM115 - lives with the process
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "send_desk", "--data-dir", str(self.work), "serve"),
                *("--database", self.database, "--host", "127.0.0.1", "--port", str(self.port)),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("send-desk serve did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


@dataclass
class Device:
    """A laptop: its own data folder, driven through the `send-desk` command."""

    root: Path
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    server: str
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str) -> tuple[int, str, str]:
        self.monkeypatch.setenv("SEND_DESK_PASSWORD", LAPTOP_PASSWORD)
        self.monkeypatch.setenv("SEND_DESK_SERVER_PASSWORD", SERVER_PASSWORD)
        for key, value in self.env.items():
            self.monkeypatch.setenv(key, value)
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> Any:
        code, out, err = self.run(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    def login(self, user: str, server: str | None = None) -> Any:
        return self.json("login", "--server", server or self.server, "--user", user)

    def sync(self) -> dict[str, Any]:
        result: dict[str, Any] = self.json("sync")
        return result

    def children(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.json("child", "list")
        return result

    def child(self, child_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.json("child", "show", child_id)
        return result

    def open(self) -> Any:
        from send_desk.paths import DataPaths
        from send_desk.storage.store import open_store

        return open_store(DataPaths(self.root), LAPTOP_PASSWORD)
