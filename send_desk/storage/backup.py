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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from send_desk import __version__
from send_desk.paths import DataPaths
from send_desk.security.files import make_private, private_dir, private_opener
from send_desk.security.keys import KeyFileError, WrongPassword, read_keyfile, unwrap_key
from send_desk.storage.engine import keyed_connection
from send_desk.storage.errors import NotAStore, StoreDamaged, StoreError, as_store_error
from send_desk.storage.integrity import check_file
from send_desk.storage.migrate import head_revision
from send_desk.storage.store import Store
from send_desk.timeutil import utcnow

FORMAT = "send-desk-backup"
_DB, _KEY, _MANIFEST = "caseload.db", "caseload.key", "manifest.json"


def _keyed(path: Path, raw_key: bytes) -> sqlcipher3.Connection:
    return keyed_connection(path, raw_key)


def _refuse_damaged(copy: Path, raw_key: bytes) -> None:
    """A backup is only called good once its copy passes the quick check."""
    result = check_file(copy, raw_key)
    if not result.ok:
        raise StoreDamaged(
            "the backup was not written because the store is damaged: its copy fails the "
            "integrity check. Your earlier backups are untouched; run `send-desk check` to "
            "see what is damaged and which backup to restore."
        )


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
                try:
                    raw.driver_connection.backup(destination)  # type: ignore[union-attr]
                    destination.execute("PRAGMA journal_mode = DELETE")
                except sqlcipher3.DatabaseError:
                    # a damaged page can surface while the copy is finished: say the
                    # store is damaged (and what to do) when the copy's check says so
                    destination.close()
                    _refuse_damaged(copy, store.raw_key)
                    raise
                destination.close()
            finally:
                raw.close()
            _refuse_damaged(copy, store.raw_key)
            manifest = {
                "format": FORMAT,
                "store_id": store.info.store_id,
                "schema": head_revision(),
                "app_version": __version__,
                "taken_at": utcnow().isoformat(),
            }
            partial = target.with_name(target.name + ".partial")
            with (
                open(partial, "wb", opener=private_opener) as handle,
                zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive,
            ):
                archive.writestr(_MANIFEST, json.dumps(manifest, indent=2))
                archive.write(store.paths.keyfile, _KEY)
                archive.write(copy, _DB)
            partial.replace(target)
        except (OSError, sqlcipher3.Error) as error:
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
            raise as_store_error(error) or StoreError(f"the backup failed: {error}") from error
    return {**manifest, "path": str(target), "bytes": target.stat().st_size}


def _verify(db: Path, raw_key: bytes, store_id: str) -> None:
    result = check_file(db, raw_key)
    if not result.ok:
        raise StoreDamaged(result.summary("The backup"))
    try:
        connection = _keyed(db, raw_key)
        try:
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
            private_dir(kept)
            for existing in (paths.database, paths.keyfile):
                if existing.exists():
                    shutil.move(existing, kept / existing.name)
            for suffix in ("-wal", "-shm"):
                sidecar = Path(str(paths.database) + suffix)
                if sidecar.exists():
                    shutil.move(sidecar, kept / sidecar.name)
        shutil.move(staged / _DB, paths.database)
        shutil.move(staged / _KEY, paths.keyfile)
        for restored in (paths.database, paths.keyfile):
            make_private(restored)
    return {**manifest, "previous_store_kept_in": str(kept) if kept else None}


def _taken_at(archive: zipfile.ZipFile, path: Path) -> tuple[str, str | None]:
    """When a backup was taken (its manifest, else the file's time) and its store id."""
    try:
        manifest = json.loads(archive.read(_MANIFEST))
        return str(manifest["taken_at"]), manifest.get("store_id")
    except (KeyError, ValueError, TypeError):
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(), None


def newest_good_backup(paths: DataPaths, raw_key: bytes, store_id: str) -> dict[str, Any] | None:
    """The newest backup in the store's backups folder that passes the quick check.

    A backup of this store holds the same database key (a password change rewraps the
    key, it does not change it), so no password is needed to check one.
    """
    found: list[tuple[str, Path]] = []
    for path in paths.backups.glob("*.zip") if paths.backups.is_dir() else []:
        try:
            with zipfile.ZipFile(path) as archive:
                taken, owner = _taken_at(archive, path)
        except (OSError, zipfile.BadZipFile):
            continue
        if owner == store_id:
            found.append((taken, path))
    for taken, path in sorted(found, reverse=True):
        with tempfile.TemporaryDirectory(prefix="send-desk-check-") as work:
            try:
                with zipfile.ZipFile(path) as archive:
                    archive.extract(_DB, work)
            except (OSError, KeyError, zipfile.BadZipFile):
                continue
            if check_file(Path(work) / _DB, raw_key).ok:
                return {"path": str(path), "name": path.name, "taken_at": taken}
    return None


def check_backup(path: Path, password: str, keys: dict[bytes, bytes]) -> bool | None:
    """Whether the backup at ``path`` passes the quick check: True or False; None when it
    cannot be told with ``password`` (not the one it was made with).

    ``keys`` maps a backup's wrapped key to its unwrapped one: the backups of one store
    made under one password share it, so the slow key derivation runs once for them all.
    A file that is not a whole SEND Desk backup fails.
    """
    try:
        with (
            zipfile.ZipFile(path) as archive,
            tempfile.TemporaryDirectory(prefix="send-desk-check-") as work,
        ):
            wrapped = archive.read(_KEY)
            archive.extract(_DB, work)
            raw_key = keys.get(wrapped)
            if raw_key is None:
                key_path = Path(work) / _KEY
                key_path.write_bytes(wrapped)
                raw_key = unwrap_key(read_keyfile(key_path), password)
                keys[wrapped] = raw_key
            return check_file(Path(work) / _DB, raw_key).ok
    except WrongPassword:
        return None
    except (OSError, KeyError, zipfile.BadZipFile, KeyFileError):
        return False
