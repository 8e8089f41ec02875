"""Errors the desktop app shows, re-exported so the GUI never imports services or storage."""

from __future__ import annotations

from send_desk.security.keys import WrongPassword
from send_desk.services.errors import NotFound, Refused, ServiceError, ValidationFailed


class StoreProblem(Exception):
    """The store cannot be opened or written; ``message`` says why in plain words.

    ``can_restore`` is true when restoring a backup is a sensible way forward (a
    damaged or unreadable store), false for a missing folder or a full disk.
    """

    def __init__(self, message: str, *, can_restore: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.can_restore = can_restore


__all__ = [
    "NotFound",
    "Refused",
    "ServiceError",
    "StoreProblem",
    "ValidationFailed",
    "WrongPassword",
]
