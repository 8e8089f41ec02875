"""Signing a laptop in to a central store, and wiping it when the store orders it."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from send_desk.paths import DataPaths
from send_desk.storage.store import Store
from send_desk.sync import state
from send_desk.sync.client import Client, SyncError, check_transport
from send_desk.sync.credentials import forget_refresh_token, save_refresh_token

log = logging.getLogger(__name__)

ClientFactory = Callable[[str], Client]


def _device_name() -> str:
    return (
        f"{socket.gethostname()} ({os.environ.get('USER') or os.environ.get('USERNAME') or 'user'})"
    )


def default_client(url: str) -> Client:
    return Client(url)


def _reset_pull(current: state.SyncState) -> None:
    current.checkpoint = 0
    current.scope_hash = None
    current.backfill = []
    current.backfill_until = 0
    current.backfill_after = 0


# ----------------------------------------------------------------- login, wipe


@dataclass
class LoginResult:
    user: dict[str, Any]
    server: str
    created_store: bool
    server_changed: bool
    data_dir: str
    kept_in: str = "keyring"  # where the sign-in is kept: "keyring" or "store"


def login(
    store: Store,
    url: str,
    username: str,
    password: str,
    *,
    client_factory: ClientFactory = default_client,
    created_store: bool = False,
    insecure: bool = False,
) -> LoginResult:
    """Sign this laptop's store in to a central store; keeps the refresh token in the
    keyring, or in the encrypted store when there is no keyring (``kept_in`` says which).

    A password is never sent over plain ``http://`` except to this computer itself,
    unless ``insecure`` says so.

    Signing in to another address keeps the store and its outbox (unsent changes go to
    the new address); if it is another central store altogether, everything is pulled
    again from it.
    """
    check_transport(url, insecure=insecure)
    with client_factory(url) as client:
        answer = client.login(username, password, str(store.info.device_id), _device_name())
    user = answer["user"]
    with store.read() as session:
        current = state.load_state(session)
    if store.info.user_id is not None and str(store.info.user_id) != user["id"]:
        raise SyncError(
            "this laptop's store belongs to another user: sign in as them, or use another "
            "data folder (--data-dir)"
        )
    changed = bool(current.server_id) and current.server_id != answer["server_id"]
    with store.write() as session:
        if changed:
            _reset_pull(current)
            state.set_held_children(session, [])
        current.server_url = client.url
        current.server_id = answer["server_id"]
        current.username = user["username"]
        current.user_id = user["id"]
        current.role = user["role"]
        current.team = user.get("team")
        state.save_state(session, current)
    store.set_user(uuid.UUID(user["id"]))
    kept_in = save_refresh_token(store, answer["refresh_token"])
    return LoginResult(user, client.url, created_store, changed, str(store.paths.root), kept_in)


def wipe(store: Store, code: str, message: str) -> None:
    """Delete the local store: its database, key, backups, drafts, decrypted copies of
    documents opened, and saved sign-ins."""
    from send_desk.security.keyring_cache import forget_key

    paths: DataPaths = store.paths
    store_id = store.info.store_id
    store.close()
    forget_refresh_token(store_id)
    forget_key(store_id)
    for path in (
        paths.database,
        Path(str(paths.database) + "-wal"),
        Path(str(paths.database) + "-shm"),
        paths.keyfile,
    ):
        path.unlink(missing_ok=True)
    for folder in (paths.backups, paths.drafts, paths.opened):
        shutil.rmtree(folder, ignore_errors=True)
    note = paths.root / "WIPED.txt"
    try:
        note.write_text(
            f"SEND Desk removed the caseload from this computer on "
            f"{datetime.now(UTC):%d/%m/%Y at %H:%M} UTC because the central store said: "
            f"{message} ({code}).\nAsk your SEND Desk administrator if this is unexpected.\n",
            encoding="utf-8",
        )
    except OSError:
        log.warning("could not write %s", note)
    log.info("store wiped on the central store's order: %s", code)
