"""Helpers for tests against real central stores: servers on 127.0.0.1 and laptops."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
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

    def __init__(self, engine: Engine, forwarded_allow_ips: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # as `send-desk serve` runs it: the app alone reads X-Forwarded-For
        config = uvicorn.Config(
            create_app(engine, forwarded_allow_ips=forwarded_allow_ips), host="127.0.0.1",
            port=self.port, log_level="warning", lifespan="off", proxy_headers=False,
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
        self.log: Any = None

    def start(self) -> ServerProcess:
        self._close_log()
        log = open(self.work / f"serve-{self.port}.log", "ab")  # noqa: SIM115 - lives with the process
        self.log = log
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

    def _close_log(self) -> None:
        if self.log is not None:
            self.log.close()
            self.log = None

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)
        self._close_log()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self._close_log()


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


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 in front of a server.

    While ``cut_push`` is set, a push request reaches the server (which applies it and
    answers) but the answer never reaches the laptop: the proxy closes the laptop's
    connection when the answer starts, as a network that drops at the wrong moment.
    """

    def __init__(self, target_port: int) -> None:
        import socket

        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.cut_push = False
        self.dropped = 0
        self._closing = False
        self._sockets: list[Any] = []
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import socket

        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                self._sockets += [client, upstream]
            state = {"drop": False}
            threading.Thread(target=self._up, args=(client, upstream, state), daemon=True).start()
            threading.Thread(target=self._down, args=(client, upstream, state), daemon=True).start()

    def _up(self, client: Any, upstream: Any, state: dict[str, bool]) -> None:
        try:
            while data := client.recv(65536):
                if data.startswith(b"POST /api/sync/push") and self.cut_push:
                    state["drop"] = True
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            self._close(upstream)

    def _down(self, client: Any, upstream: Any, state: dict[str, bool]) -> None:
        try:
            while data := upstream.recv(65536):
                if state["drop"]:
                    self.dropped += 1
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            self._close(client)
            self._close(upstream)

    @staticmethod
    def _close(sock: Any) -> None:
        import contextlib
        import socket

        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()

    def close(self) -> None:
        self._closing = True
        self.listener.close()
        with self._lock:
            for sock in self._sockets:
                self._close(sock)
        self.thread.join(timeout=10)
