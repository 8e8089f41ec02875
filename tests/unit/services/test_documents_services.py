"""Documents on a child's case: what a file is by its content, the size limit, the
content kept in the encrypted store once per hash, withdrawal, the advice it answers."""

from __future__ import annotations

import hashlib
import io
import random
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from send_desk.domain.documents import Document, DocumentChunk, document_rules
from send_desk.domain.events import CaseEvent
from send_desk.domain.tables import table_of
from send_desk.services import children, document_media, documents
from send_desk.services.document_media import NotADocument
from send_desk.services.errors import Refused, ValidationFailed
from send_desk.storage.store import Store
from tests.constants import TODAY

CHILD = {"first_name": "Maja", "last_name": "Kowalska", "date_of_birth": "2014-09-30"}
MB = 1024 * 1024


@pytest.fixture
def child(store: Store) -> uuid.UUID:
    with store.write() as session:
        return children.create_child(session, CHILD, today=TODAY)


def pdf(size: int, seed: int = 1) -> bytes:
    """A PDF wrapper around ``size`` random-looking bytes (synthetic, deterministic)."""
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(size).encode()
    head += b" >>\nstream\n"
    tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + random.Random(seed).randbytes(size) + tail


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
EMAIL = (
    b"From: Dr A Example <a.example@example.org>\r\nTo: send@example.gov.uk\r\n"
    b"Subject: Advice for Maja\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nHello\r\n"
)


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("advice.bin", pdf(100), "application/pdf"),
        ("report.pdf", DOCX, document_media.DOCX),
        ("sheet.dat", XLSX, document_media.XLSX),
        ("text.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "image/jpeg"),
        ("scan.tif", b"II*\x00" + b"\x00" * 40, "image/tiff"),
        ("letter.txt", "Notes from the visit: all well. £5 fare.\n".encode(), "text/plain"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}", "application/rtf"),
        ("mail.txt", EMAIL, "message/rfc822"),
        (
            "mail.msg",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 100
            + "__substg1.0_0037001F".encode("utf-16-le"),
            "application/vnd.ms-outlook",
        ),
    ],
)
def test_the_kind_of_a_file_comes_from_its_content_not_its_name(
    tmp_path: Path, name: str, data: bytes, media_type: str
) -> None:
    upload = documents.check_file(write(tmp_path, name, data))
    assert upload.media_type == media_type
    assert upload.size == len(data)
    assert upload.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("advice.pdf", b"MZ\x90\x00" + b"\x00" * 60, "a Windows program"),
        ("advice.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "a Linux program"),
        ("advice.docx", b"\xcf\xfa\xed\xfe" + b"\x00" * 60, "a macOS program"),
        ("notes.txt", b"#!/bin/sh\nrm -rf ~\n", "a script"),
        ("notes.txt", b"@echo off\r\ndel *.*\r\n", "looks like a script"),
        ("page.txt", b"<html><script>alert(1)</script></html>", "looks like a script"),
        ("report.docx", zipped({"a.txt": b"x"}), "a zip file, not a Word"),
        (
            "report.docx",
            zipped(
                {"[Content_Types].xml": b"", "word/document.xml": b"", "word/vbaProject.bin": b""}
            ),
            "macros",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old-style Office"),
        ("data.pdf", b"\x00\x01\x02\x03binary", "not a kind of document"),
    ],
)
def test_programs_scripts_and_other_files_are_refused_whatever_their_name(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    with pytest.raises(NotADocument, match=said):
        documents.check_file(write(tmp_path, name, data))


def test_a_file_over_25_mb_is_refused_by_its_size_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.pdf"
    with big.open("wb") as handle:
        handle.truncate(500 * MB)  # a sparse 500 MB file
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(ValidationFailed) as refused:
        documents.check_file(big)
    assert "huge.pdf is 500.0 MB (524,288,000 bytes)" in refused.value.message
    assert "at most 25.0 MB" in refused.value.message
    assert opened == []


def test_exactly_25_mb_is_accepted_and_one_byte_more_refused(tmp_path: Path) -> None:
    limit = document_rules().max_bytes
    assert limit == 25 * MB
    ok = write(tmp_path, "ok.pdf", pdf(limit)[:limit])
    assert documents.check_file(ok).size == limit
    over = write(tmp_path, "over.pdf", pdf(limit)[: limit + 1])
    with pytest.raises(ValidationFailed, match="26,214,401 bytes"):
        documents.check_file(over)


def test_an_attached_document_is_kept_in_chunks_once_and_read_back_whole(
    store: Store, child: uuid.UUID, tmp_path: Path
) -> None:
    data = pdf(int(2.5 * MB))
    path = write(tmp_path, "ep-advice.pdf", data)
    details = documents.DocumentDetails(
        "advice", "EP advice", "Dr A Example", date(2026, 11, 2), "educational_psychology"
    )
    with store.write() as session:
        upload = documents.check_file(path)
        first = documents.attach_document(session, child, upload, details, today=TODAY)
        again = documents.attach_document(
            session, child, upload, documents.DocumentDetails("other", "Copy"), today=TODAY
        )
    with store.read() as session:
        chunks = session.execute(
            sa.select(
                table_of(DocumentChunk).c.seq, sa.func.length(table_of(DocumentChunk).c.data)
            ).order_by(table_of(DocumentChunk).c.seq)
        ).all()
        listed = documents.list_documents(session, child)
        out = io.BytesIO()
        documents.export_content(session, documents.get_document(session, first.id), out)
    # 2.5 MB of body plus the PDF wrapper: two full 1 MB chunks and the rest, kept once
    assert [seq for seq, _ in chunks] == [0, 1, 2]
    assert [length for _, length in chunks] == [MB, MB, len(data) - 2 * MB]
    assert out.getvalue() == data
    assert {document.id for document, _ in listed} == {first.id, again.id}
    assert all(available for _, available in listed)
    assert first.content_sha256 == hashlib.sha256(data).hexdigest()
    assert first.media_type == "application/pdf" and first.size == len(data)


def test_attaching_advice_can_record_advice_received_and_nothing_is_saved_on_refusal(
    store: Store, child: uuid.UUID, tmp_path: Path
) -> None:
    path = write(tmp_path, "health.pdf", pdf(1000))
    details = documents.DocumentDetails(
        "advice", "Health advice", "Dr B Example", date(2026, 11, 5), "health"
    )
    with store.write() as session:
        documents.attach_document(
            session, child, documents.check_file(path), details, today=TODAY, record_advice=True
        )
    with store.read() as session:
        events = session.scalars(sa.select(CaseEvent).where(CaseEvent.child_id == child)).all()
    assert [(e.type, e.date, e.details) for e in events] == [
        ("advice_received", date(2026, 11, 5), {"from": "health"})
    ]
    # a date after today is refused: no document, no chunk, no event
    future = documents.DocumentDetails("advice", "Later", None, date(2026, 12, 1), "health")
    with pytest.raises(ValidationFailed, match="after today"), store.write() as session:
        documents.attach_document(
            session, child, documents.check_file(write(tmp_path, "b.pdf", pdf(50, 2))),
            future, today=TODAY, record_advice=True,
        )  # fmt: skip
    with store.read() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Document)) == 1
        assert session.scalar(sa.select(sa.func.count()).select_from(CaseEvent)) == 1
        assert session.scalar(sa.select(sa.func.count()).select_from(DocumentChunk)) == 1


def test_a_document_is_withdrawn_with_a_reason_not_deleted(
    store: Store, child: uuid.UUID, tmp_path: Path
) -> None:
    with store.write() as session:
        document = documents.attach_document(
            session, child, documents.check_file(write(tmp_path, "a.txt", b"Visit notes\n")),
            documents.DocumentDetails("other", "Visit notes"), today=TODAY,
        )  # fmt: skip
    with store.write() as session:
        with pytest.raises(ValidationFailed, match="why"):
            documents.withdraw_document(session, document.id, "  ")
        documents.withdraw_document(session, document.id, "Attached to the wrong child")
    with store.write() as session, pytest.raises(Refused, match="already withdrawn"):
        documents.withdraw_document(session, document.id, "again")
    with store.read() as session:
        [(kept, available)] = documents.list_documents(session, child)
    assert kept.withdrawn and kept.withdrawn_reason == "Attached to the wrong child"
    assert available


def test_unknown_types_and_advice_kinds_are_refused_with_the_choices(
    store: Store, child: uuid.UUID, tmp_path: Path
) -> None:
    upload = documents.check_file(write(tmp_path, "a.pdf", pdf(10)))
    with pytest.raises(ValidationFailed, match="is not a document type"), store.write() as s:
        documents.attach_document(
            s, child, upload, documents.DocumentDetails("x", "A"), today=TODAY
        )
    with pytest.raises(ValidationFailed, match="not an advice kind"), store.write() as s:
        documents.attach_document(
            s, child, upload, documents.DocumentDetails("advice", "A", advice_kind="x"), today=TODAY
        )
    with pytest.raises(ValidationFailed, match="Title"), store.write() as s:
        documents.attach_document(
            s, child, upload, documents.DocumentDetails("other", " "), today=TODAY
        )
