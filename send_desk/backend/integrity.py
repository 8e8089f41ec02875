"""The store's health for the app (``backend.integrity``): a check it runs in the
background after unlocking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from send_desk.backend.access import StoreAccess
from send_desk.storage.health import check_store


@dataclass(frozen=True, slots=True)
class GoodBackup:
    """The newest backup that passes its own check."""

    path: Path
    name: str
    taken_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoreHealth:
    """What the check found: ``summary`` says what is damaged and ``advice`` which
    backup to restore, both in plain words (the storage layer's)."""

    ok: bool
    full: bool
    summary: str
    advice: str
    damaged: tuple[str, ...]
    backup: GoodBackup | None


class IntegrityApi:
    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    def check_store(self, full: bool | None = None) -> StoreHealth:
        """Quick check; the full one too when a week has passed since the last."""
        health = check_store(self._access.store, full=full)
        backup = health.backup
        return StoreHealth(
            ok=health.ok,
            full=health.result.full,
            summary=health.result.summary(),
            advice=health.advice(command_line=False),
            damaged=tuple(health.result.damaged),
            backup=None
            if backup is None
            else GoodBackup(Path(backup["path"]), backup["name"], _moment(backup.get("taken_at"))),
        )


def _moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


__all__ = ["GoodBackup", "IntegrityApi", "StoreHealth"]
