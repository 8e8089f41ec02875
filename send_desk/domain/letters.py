"""Letters saved to a child's record: append-only versions.

A letter is the chain of its versions (``letter_id`` is the id of its first version).
A saved version is never changed: marking a letter as sent, or saving it again after
an edit, is a new version that names the one it supersedes. Versions are only ever
inserted (``__append_only__``), so letters written offline on two laptops never
conflict in sync, and the database refuses an update (a trigger of migration 0006).

``content`` holds the letter as laid out (:meth:`send_desk.letters.document.Letter.to_json`),
so the same DOCX or PDF can be made again at any time; ``body`` is its text.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field

from send_desk.domain.base import Record

LETTER_STATUSES = ("saved", "sent")
SENT_VIA = ("post", "email", "hand", "other")
SENT_VIA_LABELS = {
    "post": "Printed and posted",
    "email": "Emailed",
    "hand": "Handed over",
    "other": "Sent another way",
}


class LetterVersion(Record, table=True):
    __tablename__ = "letter_version"
    __table_args__ = (Index("ix_letter_version_child_date", "child_id", "letter_date"),)
    # Only ever inserted: sync never merges fields of a row, and refuses an update.
    __append_only__: ClassVar[bool] = True

    letter_id: uuid.UUID = Field(index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id")
    version: int = 1
    supersedes_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = None
    template: str = Field(max_length=60)
    title: str = Field(max_length=300)
    variant: str = Field(default="standard", max_length=20)
    letter_date: date
    recipient_name: str = Field(max_length=200)
    status: str = Field(default="saved", max_length=10)
    sent_via: str | None = Field(default=None, max_length=10)
    sent_on: date | None = None
    note: str | None = None  # why this version was made (sent, corrected...)
    event_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    inputs: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    check: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
