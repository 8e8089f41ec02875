"""Signing in on a laptop with no usable OS keyring: the sign-in is kept in the encrypted
store, login says so, and the next sync works (against a real central store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from send_desk.domain.journal import StoreMeta
from send_desk.sync.credentials import STORE_KEY
from tests.conftest import MemoryKeyring
from tests.sync.servers import Central, Device, LiveServer


class ForgetfulKeyring(KeyringBackend):
    """Accepts a secret and never gives it back, as a "null" keyring does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        return None


def token_in_store(device: Device) -> str | None:
    with device.open() as store, store.read() as session:
        row = session.get(StoreMeta, STORE_KEY)
        return row.value if row else None


@pytest.mark.parametrize("backend", [fail.Keyring, ForgetfulKeyring])
def test_with_no_keyring_the_sign_in_is_kept_in_the_store_and_sync_works(
    live: LiveServer,
    demo_central: Central,
    device_factory: Any,
    tmp_path: Path,
    backend: type[KeyringBackend],
) -> None:
    keyring.set_keyring(backend())  # the test's own keyring is put back afterwards
    device: Device = device_factory(live.url)
    code, out, err = device.run(
        "login", "--server", live.url, "--user", demo_central.user("caseworker", "North")
    )
    assert code == 0, err
    assert "The sign-in is kept in the encrypted store" in out
    assert "no keyring" in out
    signed_in = device.login(demo_central.user("caseworker", "North"))
    assert signed_in["sign_in_kept_in"] == "store"
    assert token_in_store(device)

    report = device.sync()
    assert report["pulled"] > 0
    assert {child["team"] for child in device.children()} == {"North"}

    # the token never leaves in an export of the records
    export = tmp_path / "export.json"
    assert device.run("export", str(export))[0] == 0
    assert str(token_in_store(device)) not in export.read_text(encoding="utf-8")

    # logout forgets it: the next sync asks to sign in again
    assert device.run("logout")[0] == 0
    assert token_in_store(device) is None
    code, _, err = device.run("sync")
    assert code == 2
    assert "sign in again" in err


def test_with_a_keyring_the_sign_in_is_kept_there_and_not_in_the_store(
    live: LiveServer,
    demo_central: Central,
    device_factory: Any,
    memory_keyring: MemoryKeyring,
) -> None:
    device: Device = device_factory(live.url)
    code, out, err = device.run(
        "login", "--server", live.url, "--user", demo_central.user("caseworker", "West")
    )
    assert code == 0, err
    assert "The sign-in is kept in this computer's keyring." in out
    assert token_in_store(device) is None
    assert any(name.startswith("refresh-token:") for _, name in memory_keyring.items)
    assert device.sync()["pulled"] > 0


def test_a_laptop_that_gains_a_keyring_moves_the_sign_in_there(
    live: LiveServer,
    demo_central: Central,
    device_factory: Any,
    memory_keyring: MemoryKeyring,
) -> None:
    user = demo_central.user("caseworker", "South")
    keyring.set_keyring(fail.Keyring())
    device: Device = device_factory(live.url)
    assert device.login(user)["sign_in_kept_in"] == "store"
    keyring.set_keyring(memory_keyring)
    assert device.login(user)["sign_in_kept_in"] == "keyring"
    assert token_in_store(device) is None  # one place only
    assert json.loads(json.dumps(device.sync()))["pulled"] > 0
