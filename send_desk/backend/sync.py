"""Sync for the desktop app: a Qt-free facade over :mod:`send_desk.sync`.

Every method opens its own short-lived sessions through the store and returns plain
data, so the GUI can call it from a background op. Errors come out as
:class:`SyncProblem` with a ``kind`` the GUI acts on: ``offline`` (retry later),
``signed_out`` (ask to sign in), ``wiped`` (the store is gone: close the window),
``refused`` (tell the user).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from send_desk.backend.core import Backend
from send_desk.storage.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]


class SyncProblem(Exception):
    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def _problem(error: Exception) -> SyncProblem:
    from send_desk.sync.client import NotSignedIn, Offline, WipeOrdered
    from send_desk.sync.ledger import LedgerError

    message = getattr(error, "message", str(error))
    if isinstance(error, WipeOrdered):
        return SyncProblem(
            f"{message}. SEND Desk has removed the caseload from this computer, as the "
            "central store asked. Ask your SEND Desk administrator if this is unexpected.",
            "wiped",
        )
    if isinstance(error, Offline):
        return SyncProblem(message, "offline")
    if isinstance(error, NotSignedIn):
        return SyncProblem(message, "signed_out")
    if isinstance(error, LedgerError):
        return SyncProblem(message, "refused")
    return SyncProblem(message, "refused")


class SyncBackend:
    """The app's door to sync; one per open store."""

    def __init__(self, store: Store, client_factory: Any = None) -> None:
        self._store = store
        self._client_factory = client_factory

    @classmethod
    def for_backend(cls, backend: Backend, client_factory: Any = None) -> SyncBackend:
        return cls(backend._store, client_factory)

    def _factory_kwargs(self) -> dict[str, Any]:
        return {"client_factory": self._client_factory} if self._client_factory else {}

    def status(self) -> dict[str, Any]:
        from send_desk.sync.ledger import status

        return status(self._store)

    def sync(self, progress: Progress | None = None) -> dict[str, Any]:
        from send_desk.sync.client import SyncError
        from send_desk.sync.engine import Syncer

        try:
            # the app syncs every few minutes: keep the access token between passes, so
            # a pass with nothing to do is one request (send_desk.sync.engine)
            report = Syncer(
                self._store, progress=progress, keep_access=True, **self._factory_kwargs()
            ).sync()
        except SyncError as error:
            raise _problem(error) from error
        return report.as_dict()

    def login(self, url: str, username: str, password: str) -> dict[str, Any]:
        from send_desk.sync.client import SyncError, WipeOrdered
        from send_desk.sync.engine import login, wipe

        try:
            result = login(self._store, url, username, password, **self._factory_kwargs())
        except WipeOrdered as error:
            if self._store.info.user_id is not None:
                wipe(self._store, error.code, error.message)
            raise _problem(error) from error
        except SyncError as error:
            raise _problem(error) from error
        return {"server": result.server, "user": result.user, "kept_in": result.kept_in}

    def ledger(self) -> dict[str, Any]:
        from send_desk.sync.ledger import ledger

        return ledger(self._store)

    def retry(self, device_seq: int) -> dict[str, Any]:
        from send_desk.sync.client import SyncError
        from send_desk.sync.quarantine import retry_quarantined

        try:
            return retry_quarantined(self._store, device_seq, **self._factory_kwargs())
        except SyncError as error:
            raise _problem(error) from error

    def discard(self, device_seq: int, reason: str) -> dict[str, Any]:
        from send_desk.sync.client import SyncError
        from send_desk.sync.quarantine import discard_quarantined

        try:
            return discard_quarantined(self._store, device_seq, reason)
        except SyncError as error:
            raise _problem(error) from error

    def conflicts(self) -> list[dict[str, Any]]:
        from send_desk.sync.ledger import conflicts

        return conflicts(self._store)

    def resolve(self, conflict_id: str, choice: str, note: str | None = None) -> dict[str, Any]:
        from send_desk.sync.ledger import LedgerError, resolve_conflict

        try:
            return resolve_conflict(self._store, conflict_id, choice, note)
        except LedgerError as error:
            raise _problem(error) from error
