"""Documents on a child's case, for the app: list, attach, open, export, withdraw.

Opening a document decrypts it to a private copy in the store's ``opened`` folder
(owner-only) for the system viewer; the copies are removed when the app closes, and
any left by an app that did not close are removed when it next opens.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import uuid
from collections.abc import Mapping
from pathlib import Path

from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.documents_models import AdviceOnRecord, DocumentRow, NewDocument
from send_desk.domain.documents import Document, document_rules
from send_desk.security.files import private_dir, private_opener
from send_desk.services import documents as service
from send_desk.services.document_media import MEDIA_LABELS

# The extension a viewer needs to know what it is opening.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
    "text/plain": ".txt",
    "application/rtf": ".rtf",
    "message/rfc822": ".eml",
    "application/vnd.ms-outlook": ".msg",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9 ._-]+")


def document_row(document: Document, available: bool) -> DocumentRow:
    return DocumentRow(
        id=document.id,
        child_id=document.child_id,
        doc_type=document.doc_type,
        title=document.title,
        author=document.author,
        received_on=document.received_on,
        advice_kind=document.advice_kind,
        file_name=document.file_name,
        size=document.size,
        media_type=document.media_type,
        content_sha256=document.content_sha256,
        available=available,
        withdrawn=document.withdrawn,
        withdrawn_reason=document.withdrawn_reason,
    )


class DocumentsApi:
    def __init__(self, access: StoreAccess) -> None:
        self._access = access
        self.remove_opened_copies()  # left by an app that did not close

    @property
    def opened_folder(self) -> Path:
        return self._access.paths.opened

    @staticmethod
    def types() -> Mapping[str, str]:
        return dict(document_rules().types)

    @staticmethod
    def advice_kinds() -> Mapping[str, str]:
        return dict(document_rules().advice)

    def list(self, child_id: str | uuid.UUID) -> tuple[DocumentRow, ...]:
        child = record_id(child_id, "child")
        with self._access.read() as session:
            found = service.list_documents(session, child)
        return tuple(document_row(document, available) for document, available in found)

    def advice_on_record(self, child_id: str | uuid.UUID, advice_kind: str) -> AdviceOnRecord:
        """Whether the case already has ``advice_received`` from ``advice_kind``."""
        child = record_id(child_id, "child")
        with self._access.read() as session:
            recorded = service.advice_on_record(session, child, advice_kind)
        return AdviceOnRecord(advice_kind, recorded)

    def attach(self, child_id: str | uuid.UUID, new: NewDocument) -> DocumentRow:
        child = record_id(child_id, "child")
        upload = service.check_file(new.path)
        details = service.DocumentDetails(
            new.doc_type, new.title, new.author, new.received_on, new.advice_kind
        )
        with self._access.write() as session:
            document = service.attach_document(
                session, child, upload, details,
                today=self._access.today(), record_advice=new.record_advice,
            )  # fmt: skip
        return document_row(document, True)

    def export(self, document_id: str | uuid.UUID, out: Path) -> int:
        """Write a document's bytes to ``out`` (a new private file); the size written."""
        wanted = record_id(document_id, "document")
        partial = out.with_name(out.name + ".part")
        try:
            with self._access.read() as session:
                document = service.get_document(session, wanted)
                with open(partial, "xb", opener=private_opener) as handle:
                    written = service.export_content(session, document, handle)
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
        return written

    def open_copy(self, document_id: str | uuid.UUID) -> Path:
        """A private decrypted copy for the system viewer (removed at close)."""
        wanted = record_id(document_id, "document")
        with self._access.read() as session:
            document = service.get_document(session, wanted)
        folder = self.opened_folder / uuid.uuid4().hex
        private_dir(folder)
        stem = _UNSAFE.sub("_", document.title).strip(" ._")[:80] or "document"
        target = folder / (stem + EXTENSIONS.get(document.media_type, ".bin"))
        self.export(wanted, target)
        return target

    def remove_opened_copies(self) -> None:
        with contextlib.suppress(OSError):
            shutil.rmtree(self.opened_folder)

    def fetch(self, document_id: str | uuid.UUID) -> bool:
        """Fetch a document's content from the central store now (an older one this
        laptop does not keep); True once it is here whole."""
        from send_desk.sync.engine import Syncer

        wanted = record_id(document_id, "document")
        with self._access.read() as session:
            document = service.get_document(session, wanted)
            if service.has_content(session, document.content_sha256):
                return True
        return Syncer(self._access.store).fetch_document(wanted)

    def withdraw(self, document_id: str | uuid.UUID, reason: str) -> DocumentRow:
        wanted = record_id(document_id, "document")
        with self._access.write() as session:
            document = service.withdraw_document(session, wanted, reason)
            available = service.has_content(session, document.content_sha256)
        return document_row(document, available)


__all__ = ["MEDIA_LABELS", "DocumentsApi", "document_row"]
