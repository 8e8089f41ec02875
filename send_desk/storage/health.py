"""The store's health as a user hears it: the check's findings and the backup to restore.

Used by ``send-desk check`` and by the app, which checks in the background after
unlocking (quick every time, full once a week).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import DBAPIError

from send_desk.domain.journal import StoreMeta
from send_desk.paths import DataPaths
from send_desk.storage.backup import newest_good_backup
from send_desk.storage.errors import StoreError
from send_desk.storage.integrity import (
    LAST_FULL_CHECK,
    CheckResult,
    check_file,
    full_check_due,
)
from send_desk.storage.store import Store
from send_desk.timeutil import LONDON


@dataclass
class Health:
    result: CheckResult
    backup: dict[str, Any] | None  # the newest backup that passes, when damaged
    backups_folder: str

    @property
    def ok(self) -> bool:
        return self.result.ok

    def advice(self, *, command_line: bool = True) -> str:
        """What to do next, in plain words ("" when the store is whole)."""
        if self.ok:
            return ""
        if self.backup is None:
            return (
                f"No backup in {self.backups_folder} passes its check. Leave the store's "
                "folder as it is and ask your IT service desk; records this laptop synced "
                "are safe on the central store."
            )
        taken = _when(self.backup["taken_at"])
        text = (
            f"Restore {self.backup['name']} (taken {taken}), the newest backup that passes "
            "its check"
        )
        restore = f'send-desk restore "{self.backup["path"]}"'
        if command_line:
            return f"{text}:\n  {restore}\nThe damaged store is kept aside, not deleted."
        return (
            f"{text}. Close SEND Desk and run {restore}, or ask your IT service desk. "
            "The damaged store is kept aside, not deleted."
        )

    def message(self, *, command_line: bool = True) -> str:
        summary = self.result.summary()
        advice = self.advice(command_line=command_line)
        return f"{summary}\n{advice}" if advice else summary

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.result.as_dict(),
            "restore": self.backup,
            "message": self.message(),
        }


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(LONDON).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def _last_full_check(store: Store) -> str | None:
    # A damaged page may be the one that holds this; then a full check is due anyway.
    with contextlib.suppress(StoreError, DBAPIError), store.read() as session:
        row = session.get(StoreMeta, LAST_FULL_CHECK)
        return row.value if row else None
    return None


def check_files(paths: DataPaths, raw_key: bytes, store_id: str, *, full: bool) -> Health:
    """Check a store's database file without opening the store (which may fail on it)."""
    result = check_file(paths.database, raw_key, full=full)
    backup = None if result.ok else newest_good_backup(paths, raw_key, store_id)
    return Health(result, backup, str(paths.backups))


def check_store(store: Store, *, full: bool | None = None) -> Health:
    """Check the open store; ``full=None`` runs the full check when a week has passed.

    A full check that passes is remembered in the store, so the next is due a week on.
    """
    if full is None:
        full = full_check_due(_last_full_check(store))
    health = check_files(store.paths, store.raw_key, store.info.store_id, full=full)
    if health.ok and full:
        with contextlib.suppress(StoreError, DBAPIError):
            store.set_meta(LAST_FULL_CHECK, health.result.checked_at)
    return health
