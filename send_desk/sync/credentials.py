"""The device's refresh token: in the OS keyring, else inside the encrypted store.

Windows Credential Manager, macOS Keychain or the Secret Service on Linux hold it
when there is one that works. A laptop without one (Linux with no Secret Service, a
script, a server session) keeps it in the store's ``store_meta`` table instead: it is
then exactly as protected as the records it syncs (SQLCipher, unlocked by the same
password), and never leaves in an export (only case tables are exported).

A keyring that accepts a secret but does not give it back (a "null" backend) counts as
no keyring: the token is read back before the keyring is trusted with it.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Literal

import keyring
from keyring.errors import KeyringError
from sqlalchemy.exc import DBAPIError

from send_desk.domain.journal import StoreMeta
from send_desk.storage.errors import StoreError
from send_desk.storage.store import Store

SERVICE = "SEND Desk"
STORE_KEY = "credential.refresh_token"
log = logging.getLogger(__name__)

KeptIn = Literal["keyring", "store"]
WHERE = {
    "keyring": "this computer's keyring",
    "store": "the encrypted store (this computer has no keyring SEND Desk can use)",
}


def _account(store_id: str) -> str:
    return f"refresh-token:{store_id}"


def _keyring_keeps(store_id: str, token: str) -> bool:
    try:
        keyring.set_password(SERVICE, _account(store_id), token)
        return keyring.get_password(SERVICE, _account(store_id)) == token
    except (KeyringError, RuntimeError) as error:
        log.info("no usable keyring for the sign-in: %s", type(error).__name__)
        return False


def _set_in_store(store: Store, token: str | None) -> None:
    with store.write() as session:
        row = session.get(StoreMeta, STORE_KEY)
        if token is not None:
            session.merge(StoreMeta(key=STORE_KEY, value=token))
        elif row is not None:
            session.delete(row)


def save_refresh_token(store: Store, token: str) -> KeptIn:
    """Keep the token in the keyring if one works, else in the store; says which."""
    store_id = store.info.store_id
    if _keyring_keeps(store_id, token):
        _set_in_store(store, None)  # one place only: no stale copy left behind
        return "keyring"
    _forget_in_keyring(store_id)
    _set_in_store(store, token)
    return "store"


def load_refresh_token(store: Store) -> str | None:
    with store.read() as session:
        row = session.get(StoreMeta, STORE_KEY)
    if row is not None and row.value:
        return row.value
    try:
        return keyring.get_password(SERVICE, _account(store.info.store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("keyring unavailable: %s", type(error).__name__)
        return None


def _forget_in_keyring(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("nothing to forget in the keyring: %s", type(error).__name__)


def forget_refresh_token(store_id: str, store: Store | None = None) -> None:
    """Forget the sign-in: in the keyring, and in the store when it is open."""
    from send_desk.sync import access

    access.forget(store_id)
    _forget_in_keyring(store_id)
    if store is not None:
        with contextlib.suppress(StoreError, DBAPIError):
            _set_in_store(store, None)
