"""Which documents a laptop keeps offline: the last N months by date received (24 by
default), older ones fetched on demand; content nobody refers to is let go. A fake
central store stands in for the server (its answers as send_desk.server.documents
gives them)."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from send_desk.domain.documents import Document, DocumentChunk, DocumentContent
from send_desk.services import children, documents
from send_desk.storage.store import Store
from send_desk.sync.client import Refused
from send_desk.sync.documents import (
    DocumentSync,
    fetch_document,
    keep_months,
    months_before,
    set_keep_months,
)
from tests.constants import TODAY


class FakeCentral:
    """Holds whole contents by hash; documents by id -> hash."""

    def __init__(self) -> None:
        self.contents: dict[str, bytes] = {}
        self.documents: dict[str, str] = {}
        self.gets = 0

    def document_status(self, document_id: str) -> dict[str, Any]:
        if document_id not in self.documents:
            raise Refused("no document with that id in your caseload", "out_of_scope", 404)
        data = self.contents.get(self.documents[document_id], b"")
        chunks = (len(data) + 1024 * 1024 - 1) // (1024 * 1024)
        return {"complete": bool(data), "chunks": chunks, "have": list(range(chunks))}

    def get_chunk(self, document_id: str, seq: int) -> bytes:
        self.gets += 1
        data = self.contents[self.documents[document_id]]
        return data[seq * 1024 * 1024 : (seq + 1) * 1024 * 1024]

    def call(self, action: Callable[[Any], Any]) -> Any:
        return action(self)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 22), 24, date(2024, 11, 22)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2028, 3, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def _pulled(store: Store, child: uuid.UUID, received: date, data: bytes) -> Document:
    """A document row as a pull writes it: the row, and no content."""
    document = Document(
        child_id=child, doc_type="advice", title=f"Advice {received}", received_on=received,
        content_sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        media_type="application/pdf",
    )  # fmt: skip
    with store.write() as session:
        session.add(document)
    return document


def _here(store: Store) -> set[str]:
    with store.read() as session:
        return set(
            session.scalars(
                sa.select(DocumentContent.content_sha256).where(DocumentContent.complete)
            ).all()
        )


def test_only_the_last_n_months_are_fetched_and_older_ones_on_demand(store: Store) -> None:
    with store.write() as session:
        child = children.create_child(
            session, {"first_name": "Ava", "last_name": "Test", "date_of_birth": "2014-09-30"},
            today=TODAY,
        )  # fmt: skip
        assert keep_months(session) == 24
    central = FakeCentral()
    recent_bytes, old_bytes = b"%PDF-1.4 recent" * 1000, b"%PDF-1.4 old" * 100
    recent = _pulled(store, child, date(2025, 1, 10), recent_bytes)
    old = _pulled(store, child, date(2024, 11, 21), old_bytes)  # a day over 24 months
    for document, data in ((recent, recent_bytes), (old, old_bytes)):
        central.documents[str(document.id)] = document.content_sha256
        central.contents[document.content_sha256] = data

    moved = DocumentSync(store, central.call, today=TODAY).run()
    assert (moved.fetched, _here(store)) == (1, {recent.content_sha256})

    assert fetch_document(store, central.call, old.id)
    assert _here(store) == {recent.content_sha256, old.content_sha256}
    with store.read() as session:
        out = io.BytesIO()
        documents.export_content(session, session.get(Document, old.id), out)  # type: ignore[arg-type]
    assert out.getvalue() == old_bytes

    # a shorter window: the next pass lets go of what the central store holds whole
    with store.write() as session:
        set_keep_months(session, 12)
    DocumentSync(store, central.call, today=TODAY).run()
    assert _here(store) == set()
    with store.read() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(DocumentChunk)) == 0


def test_content_attached_here_and_not_yet_on_the_server_is_never_let_go(
    store: Store, tmp_path: Path
) -> None:
    with store.write() as session:
        child = children.create_child(
            session, {"first_name": "Ava", "last_name": "Test", "date_of_birth": "2014-09-30"},
            today=TODAY,
        )  # fmt: skip
        set_keep_months(session, 1)
    source = tmp_path / "old.txt"
    source.write_bytes(b"Minutes of the 2023 review\n")
    with store.write() as session:
        document = documents.attach_document(
            session, child, documents.check_file(source),
            documents.DocumentDetails("other", "Old minutes", received_on=date(2023, 5, 1)),
            today=TODAY,
        )  # fmt: skip
    central = FakeCentral()  # the row has not reached it: status is refused
    moved = DocumentSync(store, central.call, today=TODAY).run()
    assert moved.sent == 0
    assert _here(store) == {document.content_sha256}


def test_a_keep_setting_out_of_range_is_refused(store: Store) -> None:
    from send_desk.services.errors import ValidationFailed

    with pytest.raises(ValidationFailed, match="1 to 1200 months"), store.write() as session:
        set_keep_months(session, 0)
