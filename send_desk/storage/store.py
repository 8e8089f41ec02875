"""Creating, opening and closing the encrypted local store."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, select

from send_desk import __version__
from send_desk.domain.journal import DeviceState, StoreMeta
from send_desk.paths import DataPaths
from send_desk.security.files import make_private, touch_private
from send_desk.security.keys import (
    KeyFileError,
    WrongPassword,
    new_key,
    read_keyfile,
    unwrap_key,
    wrap_key,
    write_keyfile,
)
from send_desk.storage import journal
from send_desk.storage.engine import make_engine
from send_desk.storage.errors import (
    NotAStore,
    StoreError,
    StoreMissing,
    as_damage_error,
    as_store_error,
    read_only_problem,
)
from send_desk.storage.migrate import migrate
from send_desk.timeutil import utcnow

log = logging.getLogger(__name__)

__all__ = ["Store", "StoreInfo", "WrongPassword", "create_store", "open_store", "store_exists"]


@dataclass
class StoreInfo:
    store_id: str
    device_id: uuid.UUID
    user_id: uuid.UUID | None


class Store:
    """An open store: an engine, a session factory with the journal hook, and its ids."""

    def __init__(self, paths: DataPaths, engine: Engine, raw_key: bytes, info: StoreInfo):
        self.paths = paths
        self.engine = engine
        self.info = info
        self._raw_key = raw_key
        self._sessions = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
        journal.install(self._sessions)

    @property
    def actor(self) -> journal.Actor:
        return journal.Actor(self.info.user_id, self.info.device_id)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short-lived session for reading."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as error:
            damaged = as_damage_error(error)
            if damaged is not None:
                raise damaged from error
            raise
        finally:
            session.close()

    @contextmanager
    def write(self, actor: journal.Actor | None = None) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error.

        Database failures caused by the user's environment (disk full, read-only,
        locked) come out as StoreWriteError with a plain message.
        """
        session = self._sessions()
        session.info["actor"] = actor or self.actor
        try:
            yield session
            session.commit()
        except (DBAPIError, OSError) as error:
            session.rollback()
            friendly = as_damage_error(error) or as_store_error(error)
            if friendly is not None:
                raise friendly from error
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as session:
            session.merge(StoreMeta(key=key, value=value))

    def set_user(self, user_id: uuid.UUID | None) -> None:
        self.set_meta("user_id", str(user_id) if user_id else "")
        self.info.user_id = user_id

    def change_password(self, new_password: str) -> None:
        keyfile = wrap_key(self._raw_key, new_password, self.info.store_id)
        try:
            write_keyfile(self.paths.keyfile, keyfile)
        except OSError as error:
            raise as_store_error(error) or StoreError(f"could not save the key: {error}") from error

    @property
    def raw_key(self) -> bytes:
        return self._raw_key

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def store_exists(paths: DataPaths) -> bool:
    return paths.database.exists()


def create_store(paths: DataPaths, password: str) -> Store:
    """Make a new empty store; refuses to overwrite an existing one."""
    if store_exists(paths):
        raise StoreError(f"a store already exists in {paths.root}")
    try:
        paths.ensure()
    except OSError as error:
        raise as_store_error(error) or StoreError(f"cannot create {paths.root}: {error}") from error
    store_id = str(uuid.uuid4())
    keyfile, raw_key = new_key(password, store_id)
    try:
        # created owner-only before SQLite opens it; its -wal and -shm take its mode
        touch_private(paths.database)
    except OSError as error:
        raise as_store_error(error) or StoreError(
            f"cannot create {paths.database}: {error}"
        ) from error
    engine = make_engine(paths.database, raw_key)
    try:
        migrate(engine, paths.database, paths.backups)
        device_id = uuid.uuid4()
        with Session(engine) as session:
            for key, value in {
                "store_id": store_id,
                "device_id": str(device_id),
                "user_id": "",
                "created_at": utcnow().isoformat(),
                "created_by_version": __version__,
            }.items():
                session.add(StoreMeta(key=key, value=value))
            session.add(DeviceState(device_id=device_id, next_seq=1))
            session.commit()
        write_keyfile(paths.keyfile, keyfile)
    except (DBAPIError, OSError) as error:
        engine.dispose()
        for leftover in (paths.database, paths.keyfile):
            leftover.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(paths.database) + suffix).unlink(missing_ok=True)
        raise as_store_error(error) or StoreError(f"could not create the store: {error}") from error
    return Store(paths, engine, raw_key, StoreInfo(store_id, device_id, None))


def _read_info(engine: Engine, expected_store_id: str) -> StoreInfo:
    with Session(engine) as session:
        meta = {row.key: row.value for row in session.exec(select(StoreMeta))}
    if meta.get("store_id") != expected_store_id:
        raise NotAStore("the key file belongs to a different store")
    user = meta.get("user_id") or None
    return StoreInfo(
        expected_store_id, uuid.UUID(meta["device_id"]), uuid.UUID(user) if user else None
    )


def _keep_private(paths: DataPaths) -> None:
    """Stores made by earlier versions were readable by other users: tighten them."""
    for path in (paths.database, paths.keyfile, *_sidecars(paths)):
        if path.exists():
            make_private(path)


def _sidecars(paths: DataPaths) -> tuple[Path, Path]:
    return Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm")


def open_store(
    paths: DataPaths, password: str | None = None, *, raw_key: bytes | None = None
) -> Store:
    """Unlock and open a store, migrating it (after a copy) when it is older.

    Raises WrongPassword, StoreMissing, NotAStore or StoreError.
    """
    if not store_exists(paths):
        raise StoreMissing(
            f"there is no store in {paths.root}. "
            "Create one with `send-desk init` or try `send-desk demo`."
        )
    try:
        keyfile = read_keyfile(paths.keyfile)
    except KeyFileError as error:
        raise NotAStore(f"{paths.root} is not a SEND Desk store: {error}") from error
    if raw_key is None:
        if password is None:
            raise WrongPassword("a password is needed")
        raw_key = unwrap_key(keyfile, password)
    _keep_private(paths)
    engine = make_engine(paths.database, raw_key)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        migrate(engine, paths.database, paths.backups)
        info = _read_info(engine, keyfile.store_id)
    except OSError as error:
        engine.dispose()
        raise as_store_error(error) or StoreError(f"cannot open the store: {error}") from error
    except DatabaseError as error:
        engine.dispose()
        # SQLite says "unable to open" or "readonly" for a folder it may not write in;
        # that is the environment, and advice to restore a backup would replace a good store.
        read_only = read_only_problem(paths)
        if read_only is not None:
            raise read_only from error
        if isinstance(error, OperationalError):
            friendly = as_store_error(error)
            if friendly is not None:
                raise friendly from error
        raise NotAStore(
            f"{paths.database} could not be read: it is damaged or not a SEND Desk store. "
            "Restore a backup with `send-desk restore`."
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return Store(paths, engine, raw_key, info)
