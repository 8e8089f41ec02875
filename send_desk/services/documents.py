"""Attaching advice and evidence documents to a child's case, and reading them back.

A file is checked before it is read whole: its size first (a 500 MB file is refused
by its size alone), then its kind from its first bytes, while its SHA-256 is worked
out a block at a time. Its content goes into the encrypted store in chunks
(``document_chunk``), read from the file again and checked against the same hash, in
the one transaction that also writes the ``document`` row (and any ``advice_received``
event): a failure anywhere saves nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy import String, cast, func, or_
from sqlmodel import Session, col, select

from send_desk.domain.documents import (
    Document,
    DocumentBase,
    DocumentChunk,
    DocumentContent,
    chunk_count,
    document_rules,
    size_text,
)
from send_desk.domain.events import CaseEvent
from send_desk.domain.tables import table_of
from send_desk.services.children import get_child
from send_desk.services.document_media import HEAD_BYTES, detect_media_type
from send_desk.services.errors import NotFound, Refused, ValidationFailed, from_pydantic
from send_desk.services.events import add_event


@dataclass(frozen=True)
class Upload:
    """A file checked and ready to attach: nothing of it is stored yet."""

    path: Path
    size: int
    sha256: str
    media_type: str


@dataclass(frozen=True)
class DocumentDetails:
    doc_type: str
    title: str
    author: str | None = None
    received_on: date | None = None
    advice_kind: str | None = None


def too_large(size: int, name: str) -> ValidationFailed:
    limit = document_rules().max_bytes
    return ValidationFailed(
        f"{name} is {size_text(size)} ({size:,} bytes): a document may be at most "
        f"{size_text(limit)}. Attach a smaller copy (a scan at a lower resolution, or a "
        "PDF of the pages that matter)"
    )


def check_file(path: Path) -> Upload:
    """The file at ``path`` checked: its size, kind and hash; raises ValidationFailed."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationFailed(f"{path.name} is not a file")
    except FileNotFoundError:
        raise ValidationFailed(f"{path}: no such file") from None
    except OSError as error:
        raise ValidationFailed(f"{path} cannot be read ({error.strerror})") from None
    if size > document_rules().max_bytes:
        raise too_large(size, path.name)
    if size == 0:
        raise ValidationFailed(f"{path.name} is empty: there is nothing to attach")
    digest = hashlib.sha256()
    read = 0
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            digest.update(head)
            read = len(head)
            while block := handle.read(1024 * 1024):
                read += len(block)
                if read > document_rules().max_bytes:  # it grew while being read
                    raise too_large(read, path.name)
                digest.update(block)
    except OSError as error:
        raise ValidationFailed(f"{path} cannot be read ({error.strerror})") from None
    media_type = detect_media_type(path, head)
    return Upload(path, read, digest.hexdigest(), media_type)


def _file_chunks(upload: Upload) -> Iterator[bytes]:
    """The file's chunks, read again; refuses a file that changed since it was checked."""
    digest = hashlib.sha256()
    step = document_rules().chunk_bytes
    with upload.path.open("rb") as handle:
        while block := handle.read(step):
            digest.update(block)
            yield block
    if digest.hexdigest() != upload.sha256:
        raise ValidationFailed(
            f"{upload.path.name} changed while it was being attached: attach it again"
        )


def has_content(session: Session, sha256: str) -> bool:
    content = session.get(DocumentContent, sha256)
    return content is not None and content.complete


def store_content(session: Session, upload: Upload) -> None:
    """The file's bytes into the store, once per content (a second copy is not kept)."""
    if has_content(session, upload.sha256):
        return
    session.execute(sa.delete(table_of(DocumentChunk)).where(
        table_of(DocumentChunk).c.content_sha256 == upload.sha256
    ))  # fmt: skip
    for seq, block in enumerate(_file_chunks(upload)):
        session.execute(
            sa.insert(table_of(DocumentChunk)).values(
                content_sha256=upload.sha256, seq=seq, data=block
            )
        )
    session.merge(
        DocumentContent(
            content_sha256=upload.sha256,
            size=upload.size,
            chunk_count=chunk_count(upload.size),
            complete=True,
            on_server=False,
        )
    )


def attach_document(
    session: Session,
    child_id: uuid.UUID,
    upload: Upload,
    details: DocumentDetails,
    *,
    today: date,
    record_advice: bool = False,
) -> Document:
    """Attach a checked file to a child's case. ``record_advice``: also record that the
    advice it answers was received on its date (the caseworker was asked)."""
    get_child(session, child_id)
    if details.received_on is not None and details.received_on > today:
        raise ValidationFailed("the date received is after today")
    if details.advice_kind is not None and details.doc_type != "advice":
        raise ValidationFailed("only an advice report answers an advice request (--type advice)")
    try:
        checked = DocumentBase.model_validate(
            {
                "child_id": child_id,
                "doc_type": details.doc_type,
                "title": details.title,
                "author": details.author,
                "received_on": details.received_on,
                "advice_kind": details.advice_kind,
                "file_name": upload.path.name[:255],
                "content_sha256": upload.sha256,
                "size": upload.size,
                "media_type": upload.media_type,
            }
        )
    except ValidationError as error:
        raise from_pydantic(error) from None
    if record_advice:
        if details.advice_kind is None or details.received_on is None:
            raise ValidationFailed(
                "to record the advice as received, give the advice it answers and the date "
                "it was received"
            )
        add_event(
            session, child_id, "advice_received", details.received_on,
            {"from": details.advice_kind}, today=today,
        )  # fmt: skip
    store_content(session, upload)
    document = Document.model_validate(checked.model_dump())
    session.add(document)
    session.flush()
    return document


def advice_on_record(session: Session, child_id: uuid.UUID, advice_kind: str) -> bool:
    """Whether the case records ``advice_received`` from ``advice_kind`` (not withdrawn)."""
    events = session.exec(
        select(CaseEvent).where(
            CaseEvent.child_id == child_id,
            CaseEvent.type == "advice_received",
            col(CaseEvent.withdrawn).is_(False),
        )
    ).all()
    return any(event.details.get("from") == advice_kind for event in events)


def list_documents(session: Session, child_id: uuid.UUID) -> list[tuple[Document, bool]]:
    """A child's documents, the latest received first, each with whether its content is
    on this laptop."""
    get_child(session, child_id)
    rows = session.exec(
        select(Document, DocumentContent.complete)
        .join(
            DocumentContent,
            col(DocumentContent.content_sha256) == col(Document.content_sha256),
            isouter=True,
        )
        .where(Document.child_id == child_id)
        .order_by(col(Document.received_on).desc().nulls_last(), col(Document.created_at).desc())
    ).all()
    return [(document, bool(complete)) for document, complete in rows]


def get_document(session: Session, document_id: uuid.UUID) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id} in this store")
    return document


def resolve_document_id(session: Session, text: str) -> uuid.UUID:
    """A document's id from its full form or a unique start or end of 8+ characters."""
    key = text.strip().lower()
    try:
        return get_document(session, uuid.UUID(key)).id
    except ValueError:
        pass
    compact = key.replace("-", "")
    if len(compact) >= 8 and all(ch in "0123456789abcdef" for ch in compact):
        hex_id = func.lower(cast(col(Document.id), String))
        ids = session.scalars(
            select(col(Document.id))
            .where(or_(hex_id.like(f"{compact}%"), hex_id.like(f"%{compact}")))
            .limit(2)
        ).all()
        if len(ids) == 1:
            return uuid.UUID(str(ids[0]))
        if len(ids) > 1:
            raise Refused(f"'{text}' matches more than one document: give more of the id")
    raise NotFound(f"no document with id '{text}' in this store")


def content_chunks(session: Session, document: Document) -> Iterator[bytes]:
    """The document's bytes, a chunk at a time, checked against its hash at the end."""
    if not has_content(session, document.content_sha256):
        raise Refused(
            f"'{document.title}' is not on this laptop yet: sync to fetch it from the central store"
        )
    chunks = table_of(DocumentChunk)
    digest = hashlib.sha256()
    count = chunk_count(document.size)
    for seq in range(count):
        block = session.scalar(
            sa.select(chunks.c.data).where(
                chunks.c.content_sha256 == document.content_sha256, chunks.c.seq == seq
            )
        )
        if block is None:
            raise Refused(f"part of '{document.title}' is missing: sync to fetch it again")
        digest.update(block)
        yield bytes(block)
    if digest.hexdigest() != document.content_sha256:
        raise Refused(f"'{document.title}' is damaged in this store: sync to fetch it again")


def export_content(session: Session, document: Document, out: BinaryIO) -> int:
    """Write the document's bytes to ``out``; the number written."""
    written = 0
    for block in content_chunks(session, document):
        out.write(block)
        written += len(block)
    return written


def withdraw_document(session: Session, document_id: uuid.UUID, reason: str) -> Document:
    """Withdraw a document attached by mistake: it stays on the record, marked."""
    document = get_document(session, document_id)
    if document.withdrawn:
        raise Refused(f"'{document.title}' is already withdrawn")
    text = (reason or "").strip()
    if not text:
        raise ValidationFailed("say why the document is withdrawn (--reason)")
    try:
        DocumentBase.model_validate(
            {**document.model_dump(), "withdrawn": True, "withdrawn_reason": text}
        )
    except ValidationError as error:
        raise from_pydantic(error) from None
    document.withdrawn = True
    document.withdrawn_reason = text
    session.add(document)
    session.flush()
    return document


__all__ = [
    "DocumentDetails",
    "Upload",
    "advice_on_record",
    "attach_document",
    "check_file",
    "content_chunks",
    "export_content",
    "get_document",
    "has_content",
    "list_documents",
    "resolve_document_id",
    "store_content",
    "too_large",
    "withdraw_document",
]
