"""The device's refresh token, kept in the OS keyring (never in a file).

Windows Credential Manager, macOS Keychain or the Secret Service on Linux; tests
use an in-memory backend. A missing keyring means "sign in again", never a crash.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError

SERVICE = "SEND Desk"
log = logging.getLogger(__name__)


def _account(store_id: str) -> str:
    return f"refresh-token:{store_id}"


def save_refresh_token(store_id: str, token: str) -> bool:
    try:
        keyring.set_password(SERVICE, _account(store_id), token)
        return True
    except (KeyringError, RuntimeError) as error:
        log.warning("could not keep the sign-in in the keyring: %s", error)
        return False


def load_refresh_token(store_id: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("keyring unavailable: %s", error)
        return None


def forget_refresh_token(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(store_id))
    except (KeyringError, RuntimeError) as error:
        log.info("nothing to forget in the keyring: %s", error)
