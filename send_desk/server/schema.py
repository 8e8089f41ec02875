"""The central store's own tables (the case tables are the domain's, see domain.tables).

Kept on a MetaData of their own so that the laptop's store never sees them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from send_desk.domain.base import UTCDateTime

metadata = MetaData()

# A 64-bit counter that is still SQLite's rowid alias.
BigId = BigInteger().with_variant(Integer(), "sqlite")

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

# One row (id 1): the server change sequence. Taken with an UPDATE just before a
# writing transaction commits, so sequence numbers become visible in commit order.
server_counter = Table(
    "server_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

credential = Table(
    "credential",
    metadata,
    Column("user_id", Uuid, primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
)

# Extra teams a supervisor oversees (their own team always counts).
supervises = Table(
    "supervises",
    metadata,
    Column("user_id", Uuid, primary_key=True),
    Column("team_id", Uuid, primary_key=True),
)

device = Table(
    "device",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, nullable=False, index=True),
    Column("name", String(120), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=True),
    Column("acked_seq", BigInteger, nullable=False, default=0),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("revoked_reason", Text, nullable=True),
    Column("wiped_at", UTCDateTime, nullable=True),
)

refresh_token = Table(
    "refresh_token",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("device_id", Uuid, nullable=False, index=True),
    Column("user_id", Uuid, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    # one sign-in (a login and the tokens each refresh replaces it with): a reused
    # replaced token withdraws the family, and access tokens name their family
    Column("family_id", Uuid, nullable=True, index=True),
    Column("rotated_at", UTCDateTime, nullable=True),  # replaced by a refresh
    Column("replaced_by", Uuid, nullable=True),
)

login_attempt = Table(
    "login_attempt",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(60), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("ok", Boolean, nullable=False),
    Index("ix_login_attempt_username_at", "username", "at"),
    Index("ix_login_attempt_address_at", "address", "at"),
)

# The latest server change sequence of every row; a pull reads it in order. Who
# receives a row: its child's users (child_id); for team data (a note sample) the
# users who see team_id's caseload, or with no team only owner_id and admins (the
# nil id: only admins); a row with none of the three is organisation data.
row_version = Table(
    "row_version",
    metadata,
    Column("table_name", String(40), primary_key=True),
    Column("row_id", Uuid, primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("child_id", Uuid, nullable=True, index=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("team_id", Uuid, nullable=True, index=True),
    Column("owner_id", Uuid, nullable=True, index=True),
)

# Every journal entry a device sent, with what became of it (the server's history,
# and what makes a retried push harmless).
server_entry = Table(
    "server_entry",
    metadata,
    Column("device_id", Uuid, primary_key=True),
    Column("device_seq", BigInteger, primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("row_id", Uuid, nullable=False),
    Column("op", String(10), nullable=False),
    Column("field", String(60), nullable=True),
    Column("base", JSON, nullable=True),
    Column("value", JSON, nullable=True),
    Column("user_id", Uuid, nullable=True),
    Column("at", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", Text, nullable=True),
    Column("conflict_id", Uuid, nullable=True),
    Index("ix_server_entry_row", "table_name", "row_id", "field"),
    Index("ix_server_entry_status", "status"),
)

conflict = Table(
    "conflict",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("row_id", Uuid, nullable=False),
    Column("child_id", Uuid, nullable=True, index=True),
    Column("field", String(60), nullable=True),
    Column("base", JSON, nullable=True),
    Column("kept_value", JSON, nullable=True),
    Column("other_value", JSON, nullable=True),
    Column("kept_by", Uuid, nullable=True),
    Column("kept_at", UTCDateTime, nullable=True),
    Column("other_by", Uuid, nullable=True),
    Column("other_at", UTCDateTime, nullable=False),
    Column("other_device_id", Uuid, nullable=False),
    Column("other_device_seq", BigInteger, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("status", String(10), nullable=False, default="open"),
    Column("resolved_by", Uuid, nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("resolution", JSON, nullable=True),
    Column("resolution_note", Text, nullable=True),
)

audit = Table(
    "audit",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("user_id", Uuid, nullable=True, index=True),
    Column("device_id", Uuid, nullable=True),
    Column("action", String(20), nullable=False),
    Column("child_id", Uuid, nullable=True, index=True),
    Column("detail", Text, nullable=True),
    Column("address", String(64), nullable=True),
)

# A document's content, received in chunks (``send_desk.server.documents``): kept once
# per SHA-256 however many documents have it; ``complete`` only when every chunk is in
# and the whole matched its hash, and only complete content is ever handed out.
document_content = Table(
    "server_document_content",
    metadata,
    Column("content_sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("chunk_count", Integer, nullable=False),
    Column("complete", Boolean, nullable=False, default=False),
    Column("completed_at", UTCDateTime, nullable=True),
)

document_chunk = Table(
    "server_document_chunk",
    metadata,
    Column("content_sha256", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)

SERVER_TABLES = (
    server_meta,
    server_counter,
    credential,
    supervises,
    device,
    refresh_token,
    login_attempt,
    row_version,
    server_entry,
    conflict,
    audit,
    document_content,
    document_chunk,
)
