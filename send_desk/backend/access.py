"""What every feature facade of the backend shares: one open store, short sessions, today.

The backend is a small ``Backend`` composing one facade per feature (``CaseloadApi``,
``ClockApi``, ``NotesApi``...). Each facade takes a :class:`StoreAccess` and opens its
own short-lived Session per call through it, so any thread may call any facade and
nothing returned is tied to a Session. Facades return the frozen read models of their
feature (``send_desk.backend.<feature>_models``), never an untyped dict.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlmodel import Session

from send_desk.backend.errors import StoreProblem, ValidationFailed
from send_desk.paths import DataPaths
from send_desk.security.keys import KeyFileError
from send_desk.storage.errors import NotAStore, StoreError, StoreMissing
from send_desk.storage.store import Store


def store_problem(error: Exception) -> StoreProblem:
    """The storage layer's error as the app shows it (restore offered where it helps)."""
    message = str(error)
    # The storage layer words its advice for the command line; the app offers buttons.
    for cli_advice in (
        " Restore a backup with `send-desk restore`.",
        " Create one with `send-desk init` or try `send-desk demo`.",
    ):
        message = message.replace(cli_advice, "")
    can_restore = isinstance(error, StoreMissing | NotAStore | KeyFileError)
    return StoreProblem(message, can_restore=can_restore)


def record_id(value: str | uuid.UUID, what: str = "record") -> uuid.UUID:
    """An id from the GUI (a UUID, or its text as Qt item data carries it)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a {what} id") from None


def maybe_record_id(value: str | uuid.UUID | None, what: str = "record") -> uuid.UUID | None:
    """As :func:`record_id`, with no id (None or empty) read as None."""
    return record_id(value, what) if value else None


class StoreAccess:
    """One open store as the facades use it."""

    def __init__(self, store: Store, today: Callable[[], date]) -> None:
        self.store = store
        self._today = today

    @property
    def paths(self) -> DataPaths:
        return self.store.paths

    def today(self) -> date:
        return self._today()

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self.store.read() as session:
                yield session
        except StoreError as error:
            raise store_problem(error) from error

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self.store.write() as session:
                yield session
        except StoreError as error:
            raise store_problem(error) from error
