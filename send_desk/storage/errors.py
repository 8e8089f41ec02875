"""Errors about the store, each with a message a user can act on."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from send_desk.paths import DataPaths


class StoreError(Exception):
    """Something about the store the user has to deal with."""


class NotAStore(StoreError):
    pass


class StoreMissing(StoreError):
    pass


class StoreWriteError(StoreError):
    """A write failed and was rolled back (disk full, read-only, locked)."""


class StoreReadOnly(StoreWriteError):
    """The store's folder or files cannot be written: the environment, not damage."""


class StoreDamaged(NotAStore):
    """Pages of the store fail their integrity check: restoring a backup is the way on."""


# SQLite's words for a page it could not read or decrypt (SQLITE_CORRUPT, SQLITE_NOTADB).
# (Not "malformed" alone: SQLite's JSON functions say "malformed JSON" about a value.)
_DAMAGE_WORDS = ("database disk image is malformed", "file is not a database")


def as_damage_error(error: BaseException) -> StoreDamaged | None:
    """A read or write that met a damaged page, as a plain StoreDamaged."""
    text = str(getattr(error, "orig", error)).lower()
    if not any(word in text for word in _DAMAGE_WORDS):
        return None
    return StoreDamaged(
        "the store is damaged: part of it cannot be read. Run `send-desk check` to see "
        "what is damaged and which backup to restore."
    )


def read_only_problem(paths: DataPaths) -> StoreReadOnly | None:
    """The store's folder or one of its files is read-only (a read-only share or mount,
    or permissions), which SQLite reports as a failure to open: it is not damage."""
    files = [paths.database, Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm")]
    folder_ok = os.access(paths.root, os.W_OK | os.X_OK)
    locked = [f.name for f in files if f.exists() and not os.access(f, os.W_OK)]
    if folder_ok and not locked:
        return None
    where = f"the folder {paths.root}" if not folder_ok else f"{', '.join(locked)} in {paths.root}"
    return StoreReadOnly(
        f"the store cannot be opened because {where} is read-only. The store is not "
        "damaged: SEND Desk needs to write in its folder. Make the folder writable (or "
        "copy the whole folder somewhere writable and use --data-dir) and try again."
    )


def describe_write_failure(error: BaseException) -> str | None:
    """The user's words for a database write failure, or None for a bug."""
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text:
        return "the disk is full: nothing was saved. Free some space and try again."
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "the store's folder is read-only: nothing was saved."
    if "locked" in text or "busy" in text:
        return "the store is busy in another window or program: nothing was saved. Try again."
    if "permission denied" in text:
        return "SEND Desk is not allowed to write in the store's folder: nothing was saved."
    if "disk i/o" in text:
        return "the disk could not be written: nothing was saved."
    return None


def as_store_error(error: DBAPIError | OSError) -> StoreError | None:
    message = describe_write_failure(error)
    if message is None and isinstance(error, OSError) and error.errno in (28, 30):
        message = describe_write_failure(OSError("full" if error.errno == 28 else "read-only"))
    if message and ("read-only" in message or "not allowed" in message):
        return StoreReadOnly(message)
    return StoreWriteError(message) if message else None
