"""What the documents facade hands the app, and what the app hands it: frozen values."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from send_desk.backend.changes import ChangeKind, Changes


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document on a child's case. ``available``: its content is on this laptop
    (an older one, or one just synced, may be fetched from the central store first)."""

    id: uuid.UUID
    child_id: uuid.UUID
    doc_type: str
    title: str
    author: str | None
    received_on: date | None
    advice_kind: str | None
    file_name: str | None
    size: int
    media_type: str
    content_sha256: str
    available: bool
    withdrawn: bool
    withdrawn_reason: str | None

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.DOCUMENTS, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A file to attach. ``record_advice``: the caseworker said yes to recording that
    the advice it answers was received on ``received_on``."""

    path: Path
    doc_type: str
    title: str
    author: str | None = None
    received_on: date | None = None
    advice_kind: str | None = None
    record_advice: bool = False


@dataclass(frozen=True, slots=True)
class AdviceOnRecord:
    """Whether an ``advice_received`` event for ``advice_kind`` is on the case."""

    advice_kind: str
    recorded: bool


__all__ = ["AdviceOnRecord", "DocumentRow", "NewDocument"]
