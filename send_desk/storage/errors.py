"""Errors about the store, each with a message a user can act on."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError


class StoreError(Exception):
    """Something about the store the user has to deal with."""


class NotAStore(StoreError):
    pass


class StoreMissing(StoreError):
    pass


class StoreWriteError(StoreError):
    """A write failed and was rolled back (disk full, read-only, locked)."""


def describe_write_failure(error: BaseException) -> str | None:
    """The user's words for a database write failure, or None for a bug."""
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text:
        return "the disk is full: nothing was saved. Free some space and try again."
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "the store's folder is read-only: nothing was saved."
    if "locked" in text or "busy" in text:
        return "the store is busy in another window or program: nothing was saved. Try again."
    if "disk i/o" in text:
        return "the disk could not be written: nothing was saved."
    return None


def as_store_error(error: DBAPIError | OSError) -> StoreError | None:
    message = describe_write_failure(error)
    if message is None and isinstance(error, OSError) and error.errno in (28, 30):
        message = describe_write_failure(OSError("full" if error.errno == 28 else "read-only"))
    return StoreWriteError(message) if message else None
