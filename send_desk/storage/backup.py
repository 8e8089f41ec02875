"""Encrypted backups taken while the store is in use, and restoring them.

A backup is one ZIP file holding the encrypted database (copied with SQLite's
online backup API, so writers may carry on), the wrapped key and a manifest. It is
opened with the password the store had when the backup was taken.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import sqlcipher3

from send_desk import __version__
from send_desk.paths import DataPaths
from send_desk.security.keys import KeyFileError, read_keyfile, unwrap_key
from send_desk.storage.errors import NotAStore, StoreError, as_store_error
from send_desk.storage.migrate import head_revision
from send_desk.storage.store import Store
from send_desk.timeutil import utcnow

FORMAT = "send-desk-backup"
_DB, _KEY, _MANIFEST = "caseload.db", "caseload.key", "manifest.json"


def _keyed(path: Path, raw_key: bytes) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    return connection


def backup_store(store: Store, target: Path) -> dict[str, Any]:
    """Write a backup file; the store stays usable throughout."""
    target = target.expanduser()
    if target.is_dir():
        target = target / f"send-desk-backup-{utcnow():%Y%m%dT%H%M%SZ}.zip"
    with tempfile.TemporaryDirectory(prefix="send-desk-backup-") as work:
        copy = Path(work) / _DB
        try:
            raw = store.engine.raw_connection()
            try:
                destination = _keyed(copy, store.raw_key)
                raw.driver_connection.backup(destination)  # type: ignore[union-attr]
                destination.execute("PRAGMA journal_mode = DELETE")
                destination.close()
            finally:
                raw.close()
            manifest = {
                "format": FORMAT,
                "store_id": store.info.store_id,
                "schema": head_revision(),
                "app_version": __version__,
                "taken_at": utcnow().isoformat(),
            }
            partial = target.with_name(target.name + ".partial")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
                archive.writestr(_MANIFEST, json.dumps(manifest, indent=2))
                archive.write(store.paths.keyfile, _KEY)
                archive.write(copy, _DB)
            partial.replace(target)
        except (OSError, sqlcipher3.Error) as error:
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
            raise as_store_error(error) or StoreError(f"the backup failed: {error}") from error
    return {**manifest, "path": str(target), "bytes": target.stat().st_size}


def _verify(db: Path, raw_key: bytes, store_id: str) -> None:
    try:
        connection = _keyed(db, raw_key)
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise NotAStore("the backup's database is damaged")
            row = connection.execute(
                "SELECT value FROM store_meta WHERE key = 'store_id'"
            ).fetchone()
        finally:
            connection.close()
    except sqlcipher3.DatabaseError as error:
        raise NotAStore(f"the backup's database cannot be read: {error}") from error
    if not row or row[0] != store_id:
        raise NotAStore("the backup's database and key do not belong together")


def restore_store(paths: DataPaths, source: Path, password: str) -> dict[str, Any]:
    """Replace the store with a backup, keeping the current files aside first."""
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise StoreError(f"there is no file {source}") from None
    except zipfile.BadZipFile:
        raise NotAStore(f"{source} is not a SEND Desk backup") from None
    with (
        archive,
        tempfile.TemporaryDirectory(
            prefix="send-desk-restore-",
            dir=paths.root.parent if paths.root.parent.exists() else None,
        ) as work,
    ):
        names = set(archive.namelist())
        if not {_DB, _KEY, _MANIFEST} <= names:
            raise NotAStore(f"{source} is not a SEND Desk backup")
        try:
            manifest = json.loads(archive.read(_MANIFEST))
        except ValueError:
            raise NotAStore(f"{source} is not a SEND Desk backup") from None
        if manifest.get("format") != FORMAT:
            raise NotAStore(f"{source} is not a SEND Desk backup")
        archive.extractall(work, members=[_DB, _KEY])
        staged = Path(work)
        try:
            keyfile = read_keyfile(staged / _KEY)
        except KeyFileError as error:
            raise NotAStore(f"{source}: {error}") from error
        raw_key = unwrap_key(keyfile, password)
        _verify(staged / _DB, raw_key, keyfile.store_id)

        paths.ensure()
        kept = None
        if paths.database.exists():
            kept = paths.backups / f"before-restore-{utcnow():%Y%m%dT%H%M%SZ}"
            kept.mkdir(parents=True)
            for existing in (paths.database, paths.keyfile):
                if existing.exists():
                    shutil.move(existing, kept / existing.name)
            for suffix in ("-wal", "-shm"):
                sidecar = Path(str(paths.database) + suffix)
                if sidecar.exists():
                    shutil.move(sidecar, kept / sidecar.name)
        shutil.move(staged / _DB, paths.database)
        shutil.move(staged / _KEY, paths.keyfile)
    return {**manifest, "previous_store_kept_in": str(kept) if kept else None}
