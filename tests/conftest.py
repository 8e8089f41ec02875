"""Shared fixtures: every test gets its own store in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from send_desk.paths import DataPaths
from send_desk.storage.store import Store, create_store
from tests.constants import PASSWORD, TODAY


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in the test process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """No test touches the real keyring, home folder or a password in the environment."""
    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    monkeypatch.setenv("SEND_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SEND_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("SEND_DESK_NEW_PASSWORD", raising=False)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_isolated: MemoryKeyring) -> MemoryKeyring:
    return _isolated


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "store")


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    with create_store(data_paths, PASSWORD) as opened:
        yield opened


@pytest.fixture
def demo_store(data_paths: DataPaths) -> Iterator[Store]:
    from send_desk.demo.generator import build_demo

    with create_store(data_paths, PASSWORD) as opened:
        build_demo(opened, children=60, seed=3, today=TODAY)
        yield opened
