"""What the sync facade returns: the state the status bar shows, the ledger of changes
waiting or refused, conflicts, and the results of a pass, a sign-in, a retry, a
discard and a decision. Times are aware datetimes (UTC as stored); the GUI shows them
in London time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from send_desk.backend.changes import NO_CHANGES, Changes

Value = object  # a field's value as journaled (text, number, yes/no, a date's ISO text...)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    configured: bool
    server: str | None
    username: str | None
    last_sync_at: datetime | None
    last_error: str | None
    pending: int
    quarantined: int
    conflicts: int


NOT_SIGNED_IN = SyncStatus(False, None, None, None, None, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """A change made on this laptop; for a refused one, why and what became of it."""

    device_seq: int
    at: datetime | None
    table: str | None
    row_id: uuid.UUID | None
    op: str | None
    field: str | None
    old_value: Value
    new_value: Value
    child_id: uuid.UUID | None
    child: str | None
    description: str
    reason: str | None = None
    quarantined_at: datetime | None = None
    status: str | None = None
    discard_reason: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None


@dataclass(frozen=True, slots=True)
class Ledger:
    server: str | None
    signed_in_as: str | None
    last_sync_at: datetime | None
    last_error: str | None
    pending_count: int
    pending: tuple[LedgerRow, ...]
    quarantined: tuple[LedgerRow, ...]
    discarded: tuple[LedgerRow, ...]


EMPTY_LEDGER = Ledger(None, None, None, None, 0, (), (), ())


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: Value
    by: str | None
    by_id: uuid.UUID | None
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two changes to one field; ``field`` None: the other change removed the record.
    ``field_label`` is the field's name in words (the sync tables know it)."""

    id: uuid.UUID
    child_id: uuid.UUID | None
    child: str | None
    table: str
    row_id: uuid.UUID
    field: str | None
    field_label: str
    base: Value
    kept: ConflictSide
    other: ConflictSide
    status: str
    waiting_to_sync: bool
    resolution: Value
    resolved_by: str | None


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one pass did."""

    pushed: int
    pulled: int
    conflicts: int
    quarantined: int
    duplicates: int
    removed: int
    kept_local: int
    pending: int
    open_conflicts: int
    quarantined_total: int
    pages: int
    server: str | None
    checkpoint: int
    last_sync_at: datetime | None
    wiped: bool
    errors: tuple[str, ...]

    @property
    def changes(self) -> Changes:
        """A pass that brought rows in (or took them out) may have changed anything."""
        if self.pulled or self.removed or self.wiped:
            return Changes.all()
        return NO_CHANGES


@dataclass(frozen=True, slots=True)
class SignedIn:
    server: str
    username: str | None
    kept_in: str  # where the sign-in is kept: "keyring" or "store"


@dataclass(frozen=True, slots=True)
class RetryResult:
    """``status`` "quarantined" when the central store refused it again (``reason``);
    ``with_`` the other refused changes of the same record sent with it."""

    device_seq: int
    status: str | None
    reason: str | None
    with_: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Discarded:
    device_seq: int
    reason: str


@dataclass(frozen=True, slots=True)
class Resolution:
    id: uuid.UUID
    field: str | None
    value: Value
    choice: str
