"""What the backend says about the store itself: its counts, its backups and a restore."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file in the store's backups folder (``modified`` in London time);
    ``passed``: whether it passes its integrity check (None: not checked, or the
    password given is not the one it was made with)."""

    path: Path
    name: str
    modified: datetime
    bytes: int
    passed: bool | None = None


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """The restored backup's manifest, and where the replaced store's files were kept."""

    store_id: str | None
    taken_at: str | None
    schema: str | None
    app_version: str | None
    previous_store_kept_in: Path | None


@dataclass(frozen=True, slots=True)
class TeamCounts:
    team: str
    children: int
    caseworkers: int
    supervisors: int


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Rows per table, and children and staff per team."""

    tables: Mapping[str, int]
    teams: tuple[TeamCounts, ...]
    unallocated_children: int
    looked_after_children: int


__all__ = ["BackupInfo", "RestoreResult", "StoreStats", "TeamCounts"]
