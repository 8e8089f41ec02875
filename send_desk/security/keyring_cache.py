"""Optional cache of a store's database key in the OS keyring.

Used only when the user ticks "remember on this computer"; every failure of the
keyring (no backend, locked, denied) means "not cached", never an error.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError

SERVICE = "SEND Desk"
log = logging.getLogger(__name__)


def _account(store_id: str) -> str:
    return f"store-key:{store_id}"


def remember_key(store_id: str, raw_key: bytes) -> bool:
    try:
        keyring.set_password(SERVICE, _account(store_id), raw_key.hex())
        # a keyring that accepts and forgets (a "null" backend) is no keyring
        return keyring.get_password(SERVICE, _account(store_id)) == raw_key.hex()
    except (KeyringError, RuntimeError) as error:
        log.info("could not cache the store key in the keyring: %s", error)
        return False


def recall_key(store_id: str) -> bytes | None:
    try:
        value = keyring.get_password(SERVICE, _account(store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("keyring unavailable: %s", error)
        return None
    try:
        return bytes.fromhex(value) if value else None
    except ValueError:
        return None


def forget_key(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("nothing to forget in the keyring: %s", error)
