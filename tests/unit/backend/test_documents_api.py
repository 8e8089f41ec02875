"""The documents facade: typed rows for the app, a private decrypted copy to open that
is gone when the app closes, and the advice the case already records."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, DataPaths
from send_desk.backend.documents_models import AdviceOnRecord, DocumentRow, NewDocument
from send_desk.backend.errors import ValidationFailed
from send_desk.storage.store import create_store
from tests.unit.services.builder import Caseload

PASSWORD = "correct horse battery"
TODAY = date(2026, 11, 20)
# its SHA-256 worked out by sha256sum(1)
TEXT = b"Notes from the annual review meeting.\nAll outcomes discussed.\n"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Backend, uuid.UUID]]:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        child = Caseload(store, TODAY).child("Ava")
    backend = Backend.open(paths, PASSWORD, today=lambda: TODAY)
    yield backend, child
    backend.close()


def test_an_attached_file_comes_back_as_a_typed_row(
    opened: tuple[Backend, uuid.UUID], tmp_path: Path
) -> None:
    backend, child = opened
    source = tmp_path / "review.txt"
    source.write_bytes(TEXT)
    row = backend.documents.attach(
        child,
        NewDocument(source, "correspondence", "Review notes", "Ms C Example", date(2026, 11, 3)),
    )
    assert backend.documents.list(str(child)) == (row,)
    assert row == DocumentRow(
        id=row.id,
        child_id=child,
        doc_type="correspondence",
        title="Review notes",
        author="Ms C Example",
        received_on=date(2026, 11, 3),
        advice_kind=None,
        file_name="review.txt",
        size=len(TEXT),
        media_type="text/plain",
        content_sha256="4c0440ec8286b76a2a851f54e0f49abf25b591bde886526f5d7e1f851d72e873",
        available=True,
        withdrawn=False,
        withdrawn_reason=None,
    )


def test_opening_decrypts_a_private_copy_that_is_removed_at_close(
    opened: tuple[Backend, uuid.UUID], tmp_path: Path
) -> None:
    backend, child = opened
    source = tmp_path / "review.txt"
    source.write_bytes(TEXT)
    row = backend.documents.attach(child, NewDocument(source, "other", "Review: notes/1"))
    copy = backend.documents.open_copy(row.id)
    assert copy.read_bytes() == TEXT
    assert copy.name == "Review_ notes_1.txt"
    assert copy.stat().st_mode & 0o777 == 0o600
    assert copy.parent.stat().st_mode & 0o777 == 0o700
    backend.close()
    assert not copy.exists()
    assert not (tmp_path / "store" / "opened").exists()


def test_advice_on_record_follows_the_cases_events(
    opened: tuple[Backend, uuid.UUID], tmp_path: Path
) -> None:
    backend, child = opened
    source = tmp_path / "ep.txt"
    source.write_bytes(TEXT)
    assert backend.documents.advice_on_record(child, "health") == AdviceOnRecord("health", False)
    backend.documents.attach(
        child,
        NewDocument(source, "advice", "Health advice", None, date(2026, 11, 4), "health", True),
    )
    assert backend.documents.advice_on_record(child, "health") == AdviceOnRecord("health", True)
    assert backend.documents.advice_on_record(child, "school").recorded is False


def test_a_bad_id_is_a_clear_refusal(opened: tuple[Backend, uuid.UUID]) -> None:
    backend, _child = opened
    with pytest.raises(ValidationFailed, match="'nope' is not a document id"):
        backend.documents.open_copy("nope")
