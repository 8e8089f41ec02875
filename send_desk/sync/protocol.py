"""The sync protocol's shapes, shared by the central store and the device.

Documented in ``docs/sync-protocol.md``. Every request carries the protocol version
in the ``X-SEND-Desk-Protocol`` header; the server speaks the current version and
the one before it, and answers 426 to anything else.

Version 1 sent journal entries as the journal stores them (``old_value`` and
``new_value`` as JSON text, an insert's row in ``new_value``). Version 2 sends
decoded values (``base``, ``value``), checksums pull pages and pushes, and scopes
pulls with a scope hash. The server turns a version 1 entry into a version 2 one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
HEADER = "X-SEND-Desk-Protocol"
# SHA-256 of a pull page's body, as sent: the device checks it before reading the page.
CHECKSUM_HEADER = "X-SEND-Desk-Checksum"
# A document chunk's SHA-256, sent with it both ways (send_desk.server.documents).
CHUNK_HEADER = "X-SEND-Desk-Chunk-SHA256"

PUSH_PAGE = 500  # entries per push request (the server refuses more, with 413)
PULL_PAGE = 4000  # rows per pull page (the server may send fewer)
MAX_PULL_PAGE = 5000
# The largest request body the central store reads (it refuses a larger one with 413
# before reading it). A device halves its push page when a page is larger.
MAX_BODY_BYTES = 16 * 1024 * 1024
# Sequence numbers and checkpoints are 64-bit on both sides.
MAX_SEQ = 2**63 - 1
# Children named in one backfill request (more than the largest service's caseload;
# each is a bound parameter of one query, which SQLite caps at 32,766).
MAX_BACKFILL_CHILDREN = 25_000
Seq = Annotated[int, Field(ge=0, le=MAX_SEQ)]

Op = Literal["insert", "update", "delete", "import"]
Status = Literal["applied", "duplicate", "conflict", "quarantined", "unchanged"]

# Error codes in a refusal's JSON ("code"); a device wipes itself on the first two.
DEVICE_REVOKED = "device_revoked"
USER_DISABLED = "user_disabled"
WIPE_CODES = (DEVICE_REVOKED, USER_DISABLED)
PROTOCOL_UNSUPPORTED = "protocol_unsupported"
LOGIN_FAILED = "login_failed"
RATE_LIMITED = "rate_limited"
TOKEN_EXPIRED = "token_expired"
NOT_SIGNED_IN = "not_signed_in"
OUT_OF_SCOPE = "out_of_scope"
BAD_REQUEST = "bad_request"
TOO_LARGE = "too_large"


class ErrorBody(BaseModel):
    """Every refusal's JSON body (4xx): a code a program can act on, a sentence a
    person can read, and for a request the server could not read, what was wrong where."""

    code: str
    message: str
    problems: list[str] | None = None


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def checksum(data: Any) -> str:
    """SHA-256 of the canonical JSON of ``data``: both sides compute it the same way."""
    return hashlib.sha256(canonical(data)).hexdigest()


def body_checksum(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def scope_hash(child_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(child_ids)).encode("ascii")).hexdigest()


# ----------------------------------------------------------------- auth


class LoginRequest(BaseModel):
    username: str
    password: str
    device_id: str
    device_name: str = ""


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    team: str | None = None
    teams: list[str] = Field(default_factory=list)


class LoginResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str
    user: UserOut
    server_id: str
    acked_seq: int = 0


class RefreshRequest(BaseModel):
    refresh_token: str
    device_id: str


class RefreshResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    # the refresh token's replacement: the one sent is spent (keep this one instead)
    refresh_token: str | None = None
    user: UserOut
    server_id: str
    acked_seq: int = 0


# ----------------------------------------------------------------- push


class EntryV2(BaseModel):
    """One journal entry of the device, as version 2 sends it."""

    device_seq: Seq
    table: str
    row_id: str
    op: Op
    field: str | None = None
    base: Any = None  # update: the value the field had when changed; delete: the old row
    value: Any = None  # update: the new value; insert: the row as created
    at: str
    user_id: str | None = None


class MalformedEntry(EntryV2):
    """An entry the central store could not read, but can answer by its ``device_seq``:
    it is quarantined with ``problem`` and the rest of the page goes on."""

    problem: str


class EntryV1(BaseModel):
    """Version 1: the journal row verbatim (JSON text values)."""

    device_seq: Seq
    table_name: str
    row_id: str
    op: Op
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    at: str
    user_id: str | None = None

    def upgrade(self) -> EntryV2:
        def load(text: str | None) -> Any:
            return None if text is None else json.loads(text)

        return EntryV2(
            device_seq=self.device_seq,
            table=self.table_name,
            row_id=self.row_id,
            op=self.op,
            field=self.field,
            base=load(self.old_value),
            value=load(self.new_value),
            at=self.at,
            user_id=self.user_id,
        )


class PushRequest(BaseModel):
    device_id: str
    entries: list[dict[str, Any]]
    checksum: str | None = None  # of ``entries``; version 2 sends it


class EntryResult(BaseModel):
    device_seq: int
    status: Status
    reason: str | None = None
    conflict_id: str | None = None


class PushResponse(BaseModel):
    results: list[EntryResult]
    acked_seq: int
    server_time: str


class RetryRequest(BaseModel):
    """One quarantined entry, or (``entries``) one row's changes from one transaction."""

    device_id: str
    entry: dict[str, Any] | None = None
    entries: list[dict[str, Any]] | None = None


class RetryResponse(BaseModel):
    results: list[EntryResult]


# ----------------------------------------------------------------- pull


class PullRequest(BaseModel):
    checkpoint: Seq = 0
    limit: Seq = PULL_PAGE  # at most MAX_PULL_PAGE are sent
    scope_hash: str | None = None
    # Backfill: every row of these children (and nothing else) up to ``until``.
    children: list[str] | None = Field(default=None, max_length=MAX_BACKFILL_CHILDREN)
    until: Seq | None = None
    after: Seq = 0  # backfill cursor


class Change(BaseModel):
    seq: int
    table: str
    id: str
    deleted: bool = False
    values: dict[str, Any] | None = None


class PullResponse(BaseModel):
    """A pull page; its body's SHA-256 comes in the X-SEND-Desk-Checksum header."""

    changes: list[dict[str, Any]]
    checkpoint: int  # resume after this (incremental) or backfill cursor
    more: bool
    server_seq: int
    scope: list[str] | None = None  # the children in scope, when the hash differed
    scope_hash: str | None = None  # when the request carried one


class ResolveRequest(BaseModel):
    choice: Literal["kept", "other", "value"]
    value: Any = None  # held to the conflict's column, as a pushed value
    note: str | None = Field(default=None, max_length=2000)


def entries_checksum(entries: Sequence[dict[str, Any]]) -> str:
    return checksum(list(entries))
