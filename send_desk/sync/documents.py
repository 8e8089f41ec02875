"""A sync pass's last step: documents' content, a chunk at a time, both ways.

The ``document`` rows have already travelled with push and pull; here their bytes do
(``send_desk.server.documents`` is the other side):

1. **Send** the content of documents attached on this laptop that the central store
   does not have whole: it says which chunks it holds (from any document with the same
   SHA-256), and only the others are sent. A cut connection loses at most the chunk in
   flight; the next pass asks again and carries on.
2. **Fetch** the content of documents received in the last N months (the laptop's
   setting, 24 by default) that are not on this laptop: each chunk is checked against
   its hash and saved in its own transaction, so a cut resumes where it stopped; the
   content is marked complete (and can be opened) only when the whole matches the
   document's hash. Older documents are fetched when asked for (``fetch_document``).
3. **Let go** of content no document on this laptop refers to any more (a child that
   left the scope), and of older content the central store holds whole.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session, col, select

from send_desk.domain.documents import (
    Document,
    DocumentChunk,
    DocumentContent,
    chunk_count,
    document_rules,
)
from send_desk.domain.journal import StoreMeta
from send_desk.domain.tables import table_of
from send_desk.services.errors import ValidationFailed
from send_desk.storage.store import Store
from send_desk.sync.client import Client, Refused
from send_desk.timeutil import london_today

log = logging.getLogger(__name__)
T = TypeVar("T")
KEEP_MONTHS_KEY = "documents.keep_months"
Call = Callable[[Callable[[Client], T]], T]


@dataclass
class DocumentsMoved:
    sent: int = 0  # contents the central store now holds whole thanks to this pass
    fetched: int = 0  # contents now whole on this laptop
    chunks_sent: int = 0
    chunks_fetched: int = 0


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of a shorter month)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"no date {months} months before {day}")  # unreachable


def keep_months(session: Session) -> int:
    """How many months of documents this laptop keeps offline."""
    row = session.get(StoreMeta, KEEP_MONTHS_KEY)
    if row is not None and row.value.isdigit():
        return int(row.value)
    return document_rules().keep_months


def set_keep_months(session: Session, months: int) -> None:
    if not 0 < months <= 1200:
        raise ValidationFailed("keep documents of the last 1 to 1200 months")
    session.merge(StoreMeta(key=KEEP_MONTHS_KEY, value=str(months)))


def _age_date(document: Document) -> date:
    if document.received_on is not None:
        return document.received_on
    created = document.created_at
    return created.date() if isinstance(created, datetime) else london_today()


def _held_chunks(session: Session, sha: str) -> set[int]:
    chunks = table_of(DocumentChunk)
    return set(session.scalars(sa.select(chunks.c.seq).where(chunks.c.content_sha256 == sha)).all())


def _chunk(session: Session, sha: str, seq: int) -> bytes:
    chunks = table_of(DocumentChunk)
    data = session.scalar(
        sa.select(chunks.c.data).where(chunks.c.content_sha256 == sha, chunks.c.seq == seq)
    )
    if data is None:
        raise LookupError(f"chunk {seq} of {sha} is missing")
    return bytes(data)


def _put(document_id: str, seq: int, data: bytes, client: Client) -> dict[str, Any]:
    return client.put_chunk(document_id, seq, data)


def _get(document_id: str, seq: int, client: Client) -> bytes:
    return client.get_chunk(document_id, seq)


class DocumentSync:
    def __init__(self, store: Store, call: Call[Any], *, today: date | None = None) -> None:
        self.store = store
        self.call = call
        self.today = today or london_today()
        self.moved = DocumentsMoved()

    def run(self) -> DocumentsMoved:
        self.send()
        self.fetch_recent()
        self.let_go()
        return self.moved

    # ------------------------------------------------------------- send

    def send(self) -> None:
        with self.store.read() as session:
            waiting = session.exec(
                select(Document.id, Document.content_sha256)
                .join(
                    DocumentContent,
                    col(DocumentContent.content_sha256) == col(Document.content_sha256),
                )
                .where(DocumentContent.complete == True, DocumentContent.on_server == False)  # noqa: E712
            ).all()
        done: set[str] = set()
        for document_id, sha in waiting:
            if sha not in done and self._send_one(document_id, sha):
                done.add(sha)

    def _send_one(self, document_id: uuid.UUID, sha: str) -> bool:
        try:
            status = self.call(lambda client: client.document_status(str(document_id)))
        except Refused as refused:
            # the row has not reached the central store (quarantined, or out of scope)
            log.warning("document content not sent (%s)", refused.code)
            return False
        have = set(status["have"])
        if not status["complete"]:
            for seq in range(int(status["chunks"])):
                if seq in have:
                    continue
                with self.store.read() as session:
                    data = _chunk(session, sha, seq)
                status = self.call(partial(_put, str(document_id), seq, data))
                self.moved.chunks_sent += 1
            if not status["complete"]:
                return False
            self.moved.sent += 1
        with self.store.write() as session:
            content = session.get(DocumentContent, sha)
            if content is not None:
                content.on_server = True
                session.add(content)
        return True

    # ------------------------------------------------------------- fetch

    def fetch_recent(self) -> None:
        with self.store.read() as session:
            since = months_before(self.today, keep_months(session))
            missing = session.exec(
                select(Document)
                .join(
                    DocumentContent,
                    col(DocumentContent.content_sha256) == col(Document.content_sha256),
                    isouter=True,
                )
                .where(
                    sa.or_(
                        col(DocumentContent.complete).is_(None),
                        col(DocumentContent.complete) == False,  # noqa: E712
                    )
                )
            ).all()
        done: set[str] = set()
        for document in missing:
            if document.content_sha256 in done or _age_date(document) < since:
                continue
            if self.fetch(document):
                done.add(document.content_sha256)

    def fetch(self, document: Document) -> bool:
        """Fetch one document's content; True once it is whole on this laptop."""
        sha = document.content_sha256
        try:
            status = self.call(lambda client: client.document_status(str(document.id)))
        except Refused as refused:
            log.warning("document content not fetched (%s)", refused.code)
            return False
        if not status["complete"]:
            return False  # the laptop that attached it has not sent it all yet
        count = chunk_count(document.size)
        with self.store.write() as session:
            if session.get(DocumentContent, sha) is None:
                session.add(
                    DocumentContent(
                        content_sha256=sha,
                        size=document.size,
                        chunk_count=count,
                        complete=False,
                        on_server=True,
                    )
                )
            held = _held_chunks(session, sha)
        for seq in range(count):
            if seq in held:
                continue
            data: bytes = self.call(partial(_get, str(document.id), seq))
            with self.store.write() as session:  # one chunk a transaction: resumable
                # OR IGNORE: the app's background sync may be fetching the same chunk
                session.execute(
                    sa.insert(table_of(DocumentChunk))
                    .prefix_with("OR IGNORE")
                    .values(content_sha256=sha, seq=seq, data=data)
                )
            self.moved.chunks_fetched += 1
        return self._complete(sha, count)

    def _complete(self, sha: str, count: int) -> bool:
        digest = hashlib.sha256()
        with self.store.write() as session:
            for seq in range(count):
                digest.update(_chunk(session, sha, seq))
            content = session.get(DocumentContent, sha)
            if content is None:
                return False
            if digest.hexdigest() != sha:
                # never opened as the document: thrown away, fetched again next time
                session.execute(
                    sa.delete(table_of(DocumentChunk)).where(
                        table_of(DocumentChunk).c.content_sha256 == sha
                    )
                )
                session.delete(content)
                log.warning("a fetched document did not match its hash: fetched again later")
                return False
            content.complete = True
            content.on_server = True
            session.add(content)
        self.moved.fetched += 1
        return True

    # ------------------------------------------------------------- let go

    def let_go(self) -> None:
        """Drop content no document here refers to, and older content the server holds."""
        with self.store.write() as session:
            since = months_before(self.today, keep_months(session))
            documents = session.exec(select(Document)).all()
            newest: dict[str, date] = {}
            for document in documents:
                age = _age_date(document)
                newest[document.content_sha256] = max(age, newest.get(document.content_sha256, age))
            for content in session.exec(select(DocumentContent)).all():
                sha = content.content_sha256
                orphan = sha not in newest
                old = not orphan and newest[sha] < since and content.on_server
                if orphan or old:
                    session.execute(
                        sa.delete(table_of(DocumentChunk)).where(
                            table_of(DocumentChunk).c.content_sha256 == sha
                        )
                    )
                    session.delete(content)


def fetch_document(store: Store, call: Call[Any], document_id: uuid.UUID) -> bool:
    """Fetch one document's content on demand (an older one the laptop let go)."""
    with store.read() as session:
        document = session.get(Document, document_id)
    if document is None:
        return False
    return DocumentSync(store, call).fetch(document)


__all__ = [
    "DocumentSync",
    "DocumentsMoved",
    "fetch_document",
    "keep_months",
    "months_before",
    "set_keep_months",
]
