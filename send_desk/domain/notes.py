"""Case notes: append-only versions of a structured note, and drafts being written.

A note is the chain of its versions (``note_id`` is the id of its first version). A
saved version is never changed: an amendment is a new version with a reason that
names the version it supersedes. Versions are only ever inserted, so notes written
offline on two laptops never conflict in sync; if two people amend the same version,
both amendments are kept and shown.

``superseded`` and ``search_rowid`` are kept by the database (triggers of migration
0004, which also keep the full-text index ``note_search``): they are cached from the
versions, never journaled, and never written by the application.

Times a caseworker writes (when it happened, when it was written up) are Europe/London
wall-clock times, stored as written; audit times (``created_at``) are UTC instants.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Text
from sqlmodel import Field, SQLModel

from send_desk.domain.base import Record, utc_field

# The FTS5 index and its shadow tables (note_search_data, ...): made by migration 0004,
# not by a model, so schema comparisons leave them alone.
SEARCH_TABLE = "note_search"


def is_search_table(name: str | None) -> bool:
    return bool(name) and (name == SEARCH_TABLE or str(name).startswith(SEARCH_TABLE + "_"))


CONTENT_COLUMNS = (
    "note_id",
    "child_id",
    "version",
    "supersedes_id",
    "author_id",
    "kind",
    "occurred_at",
    "recorded_at",
    "purpose",
    "body",
    "child_voice",
    "child_voice_not_obtained_reason",
    "parent_views",
    "reason_no_family",
    "attendees",
    "decisions",
    "actions",
    "amendment_reason",
    "failed_items",
    "checklist_passed",
    "checklist_applicable",
)


class NoteVersion(Record, table=True):
    __tablename__ = "note_version"
    __table_args__ = (
        Index("ix_note_version_child_current", "child_id", "superseded", "occurred_at"),
        Index("ix_note_version_search_rowid", "search_rowid", unique=True),
    )

    note_id: uuid.UUID = Field(index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id")
    version: int = 1
    supersedes_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = Field(default=None, index=True)
    kind: str = Field(max_length=20)
    # London wall-clock times as written (naive): not instants.
    occurred_at: datetime | None = Field(default=None, sa_type=DateTime)
    recorded_at: datetime | None = Field(default=None, sa_type=DateTime)
    purpose: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    child_voice: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    child_voice_not_obtained_reason: str = Field(
        default="", sa_column=Column(Text, nullable=False, default="")
    )
    parent_views: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    reason_no_family: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    attendees: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    decisions: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    actions: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    amendment_reason: str | None = None
    # Checklist items not met when the caseworker confirmed saving: [{"id", "message"}]
    failed_items: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    checklist_passed: int = 0
    checklist_applicable: int = 0
    # Kept by the database (see the module docstring).
    superseded: bool = False
    search_rowid: int | None = None


class NoteDraft(SQLModel, table=True):
    """A note being written, saved as the caseworker types (inside the encrypted store).

    Drafts belong to this laptop's user and are not part of the record: they are not
    journaled or synced, and are deleted once the note is saved.
    """

    __tablename__ = "note_draft"

    id: uuid.UUID = Field(primary_key=True)
    child_id: uuid.UUID = Field(index=True)
    note_id: uuid.UUID | None = None  # the note being amended, if any
    user_id: uuid.UUID | None = None
    content: str = Field(sa_column=Column(Text, nullable=False))  # the editor's fields, JSON
    updated_at: datetime = utc_field()
