"""Sync for the desktop app (``backend.sync``): a Qt-free facade over :mod:`send_desk.sync`.

Every method opens its own short-lived sessions through the store and returns the
typed rows of :mod:`send_desk.backend.sync_models`, so the GUI can call it from a
background op. Errors come out as :class:`SyncProblem` with a ``kind`` the GUI acts on:
``offline`` (retry later), ``signed_out`` (ask to sign in), ``wiped`` (the store is
gone: close the window), ``refused`` (tell the user).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from send_desk.backend.access import StoreAccess
from send_desk.backend.sync_models import (
    Conflict,
    ConflictSide,
    Discarded,
    Ledger,
    LedgerRow,
    Resolution,
    RetryResult,
    SignedIn,
    SyncResult,
    SyncStatus,
)

if TYPE_CHECKING:
    from send_desk.backend.core import Backend

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
ClientFactory = Callable[..., Any]  # send_desk.sync.client's factory, for tests' fakes


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


def _moment(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def _row(data: Mapping[str, Any]) -> LedgerRow:
    return LedgerRow(
        device_seq=int(data["device_seq"]),
        at=_moment(data.get("at")),
        table=data.get("table"),
        row_id=_uuid(data.get("row_id")),
        op=data.get("op"),
        field=data.get("field"),
        old_value=data.get("old_value"),
        new_value=data.get("new_value"),
        child_id=_uuid(data.get("child_id")),
        child=data.get("child"),
        description=data.get("description") or "",
        reason=data.get("reason"),
        quarantined_at=_moment(data.get("quarantined_at")),
        status=data.get("status"),
        discard_reason=data.get("discard_reason"),
        closed_at=_moment(data.get("closed_at")),
        closed_by=data.get("closed_by"),
    )


def _side(data: Mapping[str, Any]) -> ConflictSide:
    return ConflictSide(
        data.get("value"), data.get("by"), _uuid(data.get("by_id")), _moment(data.get("at"))
    )


def _conflict(data: Mapping[str, Any]) -> Conflict:
    return Conflict(
        id=uuid.UUID(str(data["id"])),
        child_id=_uuid(data.get("child_id")),
        child=data.get("child"),
        table=data["table"],
        row_id=uuid.UUID(str(data["row_id"])),
        field=data.get("field"),
        field_label=data["field_label"],
        base=data.get("base"),
        kept=_side(data["kept"]),
        other=_side(data["other"]),
        status=data["status"],
        waiting_to_sync=bool(data.get("waiting_to_sync")),
        resolution=data.get("resolution"),
        resolved_by=data.get("resolved_by"),
    )


class SyncApi:
    """The app's door to sync; one per open store."""

    def __init__(self, access: StoreAccess, client_factory: ClientFactory | None = None) -> None:
        self._access = access
        self._client_factory = client_factory

    @classmethod
    def for_backend(cls, backend: Backend, client_factory: ClientFactory | None = None) -> SyncApi:
        """The backend's own (``backend.sync``), or one talking through a test's client."""
        if client_factory is None:
            return backend.sync
        return cls(backend._access, client_factory)

    def _client(self) -> ClientFactory:
        """The test's client factory, or the real one (loaded only when syncing)."""
        if self._client_factory is not None:
            return self._client_factory
        from send_desk.sync.signin import default_client

        return default_client

    def status(self) -> SyncStatus:
        from send_desk.sync.ledger import status

        found = status(self._access.store)
        return SyncStatus(
            configured=bool(found["configured"]),
            server=found["server"],
            username=found["username"],
            last_sync_at=_moment(found["last_sync_at"]),
            last_error=found["last_error"],
            pending=int(found["pending"]),
            quarantined=int(found["quarantined"]),
            conflicts=int(found["conflicts"]),
        )

    def sync(self, progress: Progress | None = None) -> SyncResult:
        from send_desk.sync.client import SyncError
        from send_desk.sync.engine import Syncer

        try:
            # the app syncs every few minutes: keep the access token between passes, so
            # a pass with nothing to do is one request (send_desk.sync.engine)
            report = Syncer(
                self._access.store,
                progress=progress,
                keep_access=True,
                client_factory=self._client(),
            ).sync()
        except SyncError as error:
            raise _problem(error) from error
        return SyncResult(
            pushed=report.pushed,
            pulled=report.pulled,
            conflicts=report.conflicts,
            quarantined=report.quarantined,
            duplicates=report.duplicates,
            removed=report.removed,
            kept_local=report.kept_local,
            pending=report.pending,
            open_conflicts=report.open_conflicts,
            quarantined_total=report.quarantined_total,
            pages=report.pages,
            server=report.server,
            checkpoint=report.checkpoint,
            last_sync_at=_moment(report.last_sync_at),
            wiped=report.wiped,
            errors=tuple(report.errors),
        )

    def login(self, url: str, username: str, password: str) -> SignedIn:
        from send_desk.sync.client import SyncError, WipeOrdered
        from send_desk.sync.engine import login, wipe

        store = self._access.store
        try:
            result = login(store, url, username, password, client_factory=self._client())
        except WipeOrdered as error:
            if store.info.user_id is not None:
                wipe(store, error.code, error.message)
            raise _problem(error) from error
        except SyncError as error:
            raise _problem(error) from error
        return SignedIn(result.server, result.user.get("username"), result.kept_in)

    def ledger(self) -> Ledger:
        from send_desk.sync.ledger import ledger

        found = ledger(self._access.store)
        return Ledger(
            server=found["server"],
            signed_in_as=found["signed_in_as"],
            last_sync_at=_moment(found["last_sync_at"]),
            last_error=found["last_error"],
            pending_count=int(found["pending_count"]),
            pending=tuple(_row(row) for row in found["pending"]),
            quarantined=tuple(_row(row) for row in found["quarantined"]),
            discarded=tuple(_row(row) for row in found["discarded"]),
        )

    def retry(self, device_seq: int) -> RetryResult:
        from send_desk.sync.client import SyncError
        from send_desk.sync.quarantine import retry_quarantined

        try:
            found = retry_quarantined(self._access.store, device_seq, client_factory=self._client())
        except SyncError as error:
            raise _problem(error) from error
        return RetryResult(
            int(found["device_seq"]), found["status"], found["reason"], tuple(found["with"])
        )

    def discard(self, device_seq: int, reason: str) -> Discarded:
        from send_desk.sync.client import SyncError
        from send_desk.sync.quarantine import discard_quarantined

        try:
            found = discard_quarantined(self._access.store, device_seq, reason)
        except SyncError as error:
            raise _problem(error) from error
        return Discarded(int(found["device_seq"]), found["reason"])

    def conflicts(self) -> list[Conflict]:
        from send_desk.sync.ledger import conflicts

        return [_conflict(row) for row in conflicts(self._access.store)]

    def resolve(
        self, conflict_id: str | uuid.UUID, choice: str, note: str | None = None
    ) -> Resolution:
        from send_desk.sync.ledger import LedgerError, resolve_conflict

        try:
            found = resolve_conflict(self._access.store, str(conflict_id), choice, note)
        except LedgerError as error:
            raise _problem(error) from error
        return Resolution(uuid.UUID(found["id"]), found["field"], found["value"], found["choice"])


SyncBackend = SyncApi  # the name the pages knew it by

__all__ = ["SyncApi", "SyncBackend", "SyncProblem"]
