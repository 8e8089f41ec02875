"""Advice and evidence documents attached to a child's case.

- ``document``: what a document is (type, title, author, date received, the advice it
  answers) and which content it has (its SHA-256, size and media type, detected from
  the content). Journaled and synced like any row of the child's record; a document is
  never deleted (a tribunal may ask what the council held): it is **withdrawn** with a
  reason, and its content stays.
- ``document_content`` and ``document_chunk``: the bytes, inside the encrypted store,
  in pieces of about 1 MB keyed by the content's SHA-256, so one file attached twice
  (or to two children) is kept once. They are not journaled: sync moves them in
  chunks of their own (``send_desk.sync.documents``). ``complete`` is set only when
  every chunk is there and the whole content matches its hash, so nothing half-saved
  is ever opened as a document.

The types, advice kinds and limits are data: ``resources/documents/documents.toml``.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass
from datetime import date
from functools import cache

from pydantic import field_validator
from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from send_desk.domain.base import Record
from send_desk.domain.validators import PlainText, clean_optional_text
from send_desk.resources import read_text

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class DocumentRules:
    max_bytes: int
    chunk_bytes: int
    keep_months: int
    types: dict[str, str]
    advice: dict[str, str]


@cache
def document_rules() -> DocumentRules:
    """The rules in ``resources/documents/documents.toml``, checked once."""
    data = tomllib.loads(read_text("documents", "documents.toml"))
    rules = DocumentRules(
        max_bytes=int(data["max_bytes"]),
        chunk_bytes=int(data["chunk_bytes"]),
        keep_months=int(data["keep_months"]),
        types={str(k): str(v) for k, v in data["types"].items()},
        advice={str(k): str(v) for k, v in data["advice"].items()},
    )
    if not 0 < rules.chunk_bytes <= rules.max_bytes or rules.keep_months < 0:
        raise ValueError("documents.toml: chunk_bytes, max_bytes or keep_months is not sensible")
    if "advice" not in rules.types:
        raise ValueError("documents.toml: the 'advice' type is needed")
    return rules


def size_text(size: int) -> str:
    """A size as people say it: 20.0 MB, 512 KB, 30 bytes (1 MB = 1,048,576 bytes)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def chunk_count(size: int) -> int:
    """How many chunks content of ``size`` bytes is kept in (an empty file has none)."""
    step = document_rules().chunk_bytes
    return (size + step - 1) // step


class DocumentBase(PlainText):
    __multiline__ = frozenset({"withdrawn_reason"})

    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    doc_type: str = Field(max_length=40)
    title: str = Field(max_length=200)
    author: str | None = Field(default=None, max_length=200)
    received_on: date | None = Field(default=None)
    # an ``advice_received`` event's "from": the advice this document is
    advice_kind: str | None = Field(default=None, max_length=40)
    file_name: str | None = Field(default=None, max_length=255)
    content_sha256: str = Field(max_length=64, index=True)
    size: int = Field(ge=0)
    media_type: str = Field(max_length=100)
    withdrawn: bool = Field(default=False)
    withdrawn_reason: str | None = Field(default=None, max_length=2000)

    @field_validator("doc_type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        types = document_rules().types
        if value not in types:
            raise ValueError(f"'{value}' is not a document type ({', '.join(types)})")
        return value

    @field_validator("advice_kind")
    @classmethod
    def _known_advice(cls, value: str | None) -> str | None:
        kinds = document_rules().advice
        if value is not None and value not in kinds:
            raise ValueError(f"'{value}' is not an advice kind ({', '.join(kinds)})")
        return value

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        text = clean_optional_text(value, 200, what="Title")
        if text is None:
            raise ValueError("Title is needed")
        return text

    @field_validator("author", "file_name")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 255)

    @field_validator("content_sha256")
    @classmethod
    def _hash(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise ValueError("the content hash is not a SHA-256 in hexadecimal")
        return value

    @field_validator("size")
    @classmethod
    def _size(cls, value: int) -> int:
        limit = document_rules().max_bytes
        if value > limit:
            raise ValueError(
                f"the document is {size_text(value)} ({value:,} bytes); at most "
                f"{size_text(limit)} can be kept"
            )
        return value


class Document(Record, DocumentBase, table=True):
    __tablename__ = "document"


class DocumentContent(SQLModel, table=True):
    """One content, kept once however many documents have it (local, not journaled)."""

    __tablename__ = "document_content"

    content_sha256: str = Field(primary_key=True, max_length=64)
    size: int = Field(ge=0)
    chunk_count: int = Field(ge=0)
    # every chunk is here and the whole content matched its hash
    complete: bool = Field(default=False)
    # the central store said it holds every chunk (so the laptop may let it go)
    on_server: bool = Field(default=False)


class DocumentChunk(SQLModel, table=True):
    __tablename__ = "document_chunk"

    content_sha256: str = Field(primary_key=True, max_length=64)
    seq: int = Field(primary_key=True, ge=0)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


__all__ = [
    "Document",
    "DocumentBase",
    "DocumentChunk",
    "DocumentContent",
    "DocumentRules",
    "chunk_count",
    "document_rules",
    "size_text",
]
