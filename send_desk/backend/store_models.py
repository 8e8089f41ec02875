"""What the backend says about the store itself: its backups and a restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file in the store's backups folder (``modified`` in London time)."""

    path: Path
    name: str
    modified: datetime
    bytes: int


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """The restored backup's manifest, and where the replaced store's files were kept."""

    store_id: str | None
    taken_at: str | None
    schema: str | None
    app_version: str | None
    previous_store_kept_in: Path | None


__all__ = ["BackupInfo", "RestoreResult"]
